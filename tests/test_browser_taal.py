"""Plain Dutch in the real browser (headless Chromium): the visible text of every page has no jargon and no
untranslated English, the file uploader included, and the Uitleg page is in the navigation."""

import pytest
from browserhulp import wacht_op_pagina
from taalregels import ENGELS, gevonden

from dashboard.navigatie import PAGINAS
from dashboard.toegankelijkheid import KAARTTITEL, TAAL, UPLOADERTEKST

playwright = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("pad", [pad for _, _, pad in PAGINAS])
def test_no_page_shows_jargon_or_english(app, pagina, pad):
    pagina.goto(app + pad)
    wacht_op_pagina(pagina)
    assert gevonden(pagina.locator("body").inner_text()) == []


def test_the_file_uploader_speaks_dutch(app, pagina):
    pagina.goto(app + "projecten")
    wacht_op_pagina(pagina)
    pagina.get_by_text("Importeren", exact=True).click()
    zone = pagina.locator("[data-testid='stFileUploaderDropzone']")
    playwright.expect(zone).to_contain_text(UPLOADERTEKST["Browse files"])
    playwright.expect(zone).to_contain_text("per bestand")
    tekst = zone.inner_text()
    assert [woord for woord in ENGELS if woord.lower() in tekst.lower()] == []


def test_an_open_filter_list_speaks_dutch(app, pagina):
    """Streamlit adds an English "Select all" to a multiselect's list; the filters have "alle" (empty) instead."""
    pagina.goto(app)
    wacht_op_pagina(pagina)
    keuze = pagina.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").filter(has_text="Inhoud (thema)")
    keuze.locator("input").click()
    lijst = pagina.locator("[role='listbox']")
    playwright.expect(lijst).to_contain_text("Preventie")
    tekst = lijst.inner_text()
    assert [woord for woord in ENGELS if woord.lower() in tekst.lower()] == []


def test_uitleg_is_linked_from_the_navigation(app, pagina):
    pagina.goto(app)
    wacht_op_pagina(pagina)
    pagina.locator("[data-testid='stSidebarNav'] a", has_text="Uitleg").click()
    playwright.expect(pagina.locator("h1", has_text="Uitleg")).to_be_visible()
    playwright.expect(pagina.locator("h2", has_text="De vier assen")).to_be_visible()


@pytest.mark.parametrize("pad", ["overzicht", "leerlijnen"])
def test_the_page_is_dutch_and_every_frame_on_it_is_a_titled_map(app, pagina, pad):
    # Overzicht has the app's own map frames, Leerlijnen an st_folium one; the page script needs no frame itself.
    pagina.goto(app + pad)
    wacht_op_pagina(pagina)
    playwright.expect(pagina.locator("html")).to_have_attribute("lang", TAAL)
    frames = pagina.locator("iframe")
    playwright.expect(frames.first).to_be_attached()
    for nummer in range(frames.count()):
        playwright.expect(frames.nth(nummer)).to_have_attribute("title", KAARTTITEL)
