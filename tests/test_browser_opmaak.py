"""Layout of the map pages in headless Chromium, measured from the boxes the browser lays out: legend buttons stay
inside their column on a wide screen, the projects of a clicked municipality appear right under the map that was
clicked (also in compare mode, also from the keyboard), and a municipality's tooltip is wide enough to read."""

import re

import pytest
from browserhulp import wacht_tot_klaar

playwright = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

KAARTFRAME = "iframe[src*='kaartframe.kaart']"
KLIKREGEL = re.compile(r"\(GM\d{4}, Wmo-regio ")
"""The first line of the click list: "<gemeente> (GM0123, Wmo-regio ...): <klasse>"."""
ONDER_DE_KAART_PX = 80
"""Largest gap in CSS pixels between the bottom of the clicked map and its click list."""

_LEGENDA_UITSTEEK_JS = """() => {
  const rijen = [...document.querySelectorAll("[class*='st-key-legendarij-']")];
  if (!rijen.length || rijen.some((rij) => !rij.querySelector("button") || !rij.closest("[data-testid='stColumn']"))) {
    return null;
  }
  return rijen.map((rij) => {
    const kolom = rij.closest("[data-testid='stColumn']").getBoundingClientRect();
    const knop = rij.querySelector("button").getBoundingClientRect();
    const tekst = rij.innerText.trim().slice(0, 50);
    return [tekst, Math.round(knop.right - kolom.right), Math.round(knop.left - kolom.left)];
  });
}"""
"""Per legend row: its text, how far its button sticks out right of its column, and its left offset in it (px);
null while a row is still being drawn (a row arrives before its button while the run streams)."""


@pytest.fixture
def breed(browser):
    """A page 1920 px wide, the width at which a long legend class stuck out of its column."""
    context = browser.new_context(viewport={"width": 1920, "height": 1400})
    page = context.new_page()
    page.set_default_timeout(45_000)
    yield page
    context.close()


def _grootste_gekleurde(frame):
    """The largest municipality with a project among the first 60 drawn (easy to hit with the mouse)."""
    gekleurd = frame.locator("path.leaflet-interactive:not([fill='#F2F2F2'])")
    playwright.expect(gekleurd.first).to_be_attached()

    def oppervlak(pad) -> float:
        vak = pad.bounding_box()
        return vak["width"] * vak["height"] if vak else 0.0

    return gekleurd.nth(max(range(min(gekleurd.count(), 60)), key=lambda i: oppervlak(gekleurd.nth(i))))


@pytest.mark.parametrize("pad", ["", "inhoudelijk?naast=1"])
def test_legend_buttons_stay_inside_their_column_at_1920_px(app, breed, kaartframe, foto, pad):
    breed.goto(app + pad)
    kaartframe(breed)
    rijen = breed.locator("[class*='st-key-legendarij-']")
    playwright.expect(rijen.filter(has_text="mogelijk").first).to_be_visible()
    wacht_tot_klaar(breed)
    gemeten = breed.wait_for_function(_LEGENDA_UITSTEEK_JS).json_value()
    assert gemeten and all(links >= 0 for _, _, links in gemeten), gemeten
    assert [(tekst, over) for tekst, over, _ in gemeten if over > 0] == []
    foto(breed, f"legenda_1920_{pad.split('?')[0] or 'overzicht'}")


@pytest.mark.parametrize("welke", [0, 1])
def test_in_compare_mode_the_click_list_stands_right_under_the_clicked_map(app, pagina, kaartframe, foto, welke):
    pagina.goto(app + "inhoudelijk?naast=1")
    kaartframe(pagina, 1 - welke)
    frame = kaartframe(pagina, welke)
    _grootste_gekleurde(frame).click(force=True)
    regel = pagina.get_by_text(KLIKREGEL)
    playwright.expect(regel).to_have_count(1)
    kaart, lijst = pagina.locator(KAARTFRAME).nth(welke).bounding_box(), regel.bounding_box()
    assert kaart["x"] - 1 <= lijst["x"] < kaart["x"] + kaart["width"]
    assert 0 <= lijst["y"] - (kaart["y"] + kaart["height"]) <= ONDER_DE_KAART_PX
    foto(pagina, f"naast_klik_{welke}")


def test_in_compare_mode_the_keyboard_opens_the_list_under_the_right_map(app, pagina, kaartframe):
    pagina.goto(app + "inhoudelijk?naast=1")
    kaartframe(pagina, 0)
    frame = kaartframe(pagina, 1)
    frame.locator("path.leaflet-interactive[tabindex='0']").focus()
    pagina.keyboard.press("ArrowLeft")
    pagina.keyboard.press("Enter")
    regel = pagina.get_by_text(KLIKREGEL)
    playwright.expect(regel).to_have_count(1)
    kaart, lijst = pagina.locator(KAARTFRAME).nth(1).bounding_box(), regel.bounding_box()
    assert kaart["x"] - 1 <= lijst["x"] and 0 <= lijst["y"] - (kaart["y"] + kaart["height"]) <= ONDER_DE_KAART_PX


def test_a_municipality_tooltip_is_wide_enough_to_read(app, pagina, kaartframe, foto):
    pagina.goto(app + "inhoudelijk")
    frame = kaartframe(pagina)
    _grootste_gekleurde(frame).hover(force=True)
    tip = frame.locator(".skw-tip")
    playwright.expect(tip).to_contain_text("Wmo-regio")
    # Leaflet's tooltip pane has no width: without an explicit width the text wrapped at every word.
    vak = tip.bounding_box()
    assert vak["width"] >= 200, vak
    assert vak["height"] < 400, vak
    foto(pagina, "tooltip")
