"""Hostile record text in a real browser: a project whose title, description, partners, label notes and source
quote all carry script-injection payloads is shown in the table, the map tooltip, the detail view and the editor's
form as those characters, and no script runs (the ``pagina`` fixture fails the test on any dialog).

Fixtures (the app on its own store, Chromium, screenshots) are in conftest.py; screenshots go to test-output/.
"""

import pytest
from aanvalsteksten import ALLE_AANVALLEN
from browserhulp import vul_aanmelding_in

playwright = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

WACHTWOORD = "correct paard batterij niet"
TEKSTVELDEN = ("titel", "omschrijving", "partners", "toelichting_labels", "bron_citaat")
MAASTRICHT = "GM0935"
"""A municipality of P010, whose copy P000 carries the payloads (P000 is listed first in its tooltip)."""


@pytest.fixture(scope="module")
def appdatabase(appdatabase):
    """The shipped projects plus P000: a copy of P010 with the payloads in every text field."""
    from projectdb.store import open_store

    opslag = open_store(appdatabase)
    rij = {k: ";".join(v) if isinstance(v, tuple) else v for k, v in opslag.project("P010").items() if k != "versie"}
    opslag.importeer([{**rij, "project_id": "P000", **dict.fromkeys(TEKSTVELDEN, ALLE_AANVALLEN)}], redacteur="test")
    opslag.beoordeel({"P000": 1}, "vastgesteld", "test")  # an import is a proposal; the maps show approved ones
    return appdatabase


@pytest.fixture(scope="module")
def appomgeving():
    return {"SAMENWERKING_REDACTEUR_WACHTWOORD": WACHTWOORD}


def _geen_ingevoegde_opmaak(page) -> None:
    """Nothing of the payloads became an element: no image with src=x, no script or link from the data."""
    assert page.locator("img[src='x']").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    scripts = page.locator("script").evaluate_all("(s) => s.map(e => e.textContent)")
    assert not any("alert(1)" in tekst for tekst in scripts)


def test_payloads_show_as_text_in_the_projects_table(app, pagina, foto):
    pagina.goto(app + "projecten?zoek=hyperlink")
    tabel = pagina.locator("[data-testid='stDataFrame']")
    playwright.expect(tabel.locator("td", has_text="P000")).to_have_count(1)
    playwright.expect(tabel.locator("td").filter(has_text=ALLE_AANVALLEN)).to_have_count(1)
    assert ALLE_AANVALLEN in tabel.locator("td").all_text_contents()
    _geen_ingevoegde_opmaak(pagina)
    foto(pagina, "beveiliging_tabel")


def test_payloads_show_as_text_in_the_map_tooltip_on_hover(app, pagina, kaartframe, foto):
    pagina.goto(app)
    kaart = kaartframe(pagina)
    # Mark the municipality's path in the first map's own frame (the page holds a second map), then hover it.
    frame = (
        pagina.locator("iframe[src*='streamlit_folium'], iframe[src*='kaartframe.kaart']")
        .first.element_handle()
        .content_frame()
    )
    frame.evaluate(
        """(code) => skwKaart.kaart().eachLayer(l => {
        if (l.feature && l.feature.id === code) { l._path.setAttribute("data-gemeente", code); } })""",
        MAASTRICHT,
    )
    pad = kaart.locator(f"path[data-gemeente='{MAASTRICHT}']")
    playwright.expect(pad).to_have_count(1)
    pad.hover(force=True)
    tooltip = kaart.locator(".leaflet-tooltip")
    playwright.expect(tooltip).to_be_visible()
    playwright.expect(tooltip).to_contain_text("Maastricht")
    playwright.expect(tooltip).to_contain_text(f"• {ALLE_AANVALLEN}")
    assert tooltip.locator("img, script, a").count() == 0
    _geen_ingevoegde_opmaak(pagina)
    foto(pagina, "beveiliging_tooltip")


def test_payloads_show_as_text_in_every_field_of_the_detail_view(app, pagina, foto):
    pagina.goto(app + "projecten?project=P000")
    playwright.expect(pagina.get_by_role("heading", name="Bevindingen")).to_be_visible()
    velden = pagina.get_by_text(ALLE_AANVALLEN, exact=True)
    playwright.expect(velden).to_have_count(len(TEKSTVELDEN))
    assert velden.evaluate_all("(v) => v.map(e => e.tagName)") == ["H2", "P", "TD", "TD", "BLOCKQUOTE"]
    for i in range(len(TEKSTVELDEN)):
        playwright.expect(velden.nth(i)).to_be_visible()
    _geen_ingevoegde_opmaak(pagina)
    playwright.expect(pagina.locator("[data-testid='stDataFrame']")).to_be_visible()  # then the page is complete
    foto(pagina, "beveiliging_detail")


def test_editor_opens_the_project_in_the_same_session_and_the_form_holds_the_payloads(app, pagina, foto):
    pagina.goto(app + "projecten")
    zijbalk = pagina.locator("[data-testid='stSidebar']")
    vul_aanmelding_in(pagina, "Ans", WACHTWOORD)
    playwright.expect(zijbalk.get_by_text("Aangemeld als Ans")).to_be_visible()
    pagina.get_by_role("combobox", name="Project openen").click()
    keuze = pagina.get_by_role("option", name="P000")
    playwright.expect(keuze).to_have_text(f"P000 – {ALLE_AANVALLEN}")
    keuze.click()
    pagina.get_by_text("Project bewerken").click()
    for label in ("Titel", "Omschrijving", "Partners (gescheiden door ;)", "Toelichting op de labels"):
        playwright.expect(pagina.get_by_label(label, exact=True)).to_have_value(ALLE_AANVALLEN)
    playwright.expect(zijbalk.get_by_text("Aangemeld als Ans")).to_be_visible()
    _geen_ingevoegde_opmaak(pagina)
    foto(pagina, "beveiliging_bewerken")
