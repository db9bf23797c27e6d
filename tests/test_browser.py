"""End to end in headless Chromium (Debian's /usr/bin/chromium via Playwright) against a running app.

The app runs on a fresh SAMENWERKING_DB (fixtures in conftest.py). Screenshots go to test-output/ (git-ignored) for a
person to look at.
"""

import re

import pytest

playwright = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

GEVAARLIJK = "<img src=x onerror=alert(1)> **vet** [link](javascript:alert(2))"
KAARTPAGINAS = ["", "inhoudelijk", "instrumenteel", "samenwerkingsvorm", "geografisch", "zorgverzekeraars"]
LEGENDA = "[class*='st-key-legenda-']"
"""The legend beside (or under) a map: a Streamlit container keyed legenda-<map key>."""


@pytest.fixture(scope="module")
def appdatabase(appdatabase):
    """A store from the shipped CSV plus P000 (first in every tooltip): a copy of P010 whose title is markup that
    must stay text."""
    from projectdb.store import open_store

    opslag = open_store(appdatabase)
    rij = {k: ";".join(v) if isinstance(v, tuple) else v for k, v in opslag.project("P010").items() if k != "versie"}
    opslag.importeer([{**rij, "project_id": "P000", "titel": GEVAARLIJK}], redacteur="test")
    opslag.beoordeel({"P000": 1}, "vastgesteld", "test")  # an import is a proposal; the maps show approved ones
    return appdatabase


def test_a_deep_link_as_first_request_gets_the_apps_navigation_and_filters(app, pagina):
    # Keep this test first: it needs a server on which no session has run app.py yet.
    pagina.goto(app + "zorgverzekeraars?verz=cz&inhoud=preventie")
    zijbalk = pagina.locator("[data-testid='stSidebar']")
    playwright.expect(zijbalk.get_by_text("Zorgverzekeraars", exact=True)).to_be_visible()
    playwright.expect(zijbalk.locator("[data-testid='stMultiSelect']")).to_have_count(5)
    playwright.expect(zijbalk).to_contain_text("Preventie")
    playwright.expect(pagina.get_by_text("Projecten van CZ met het eigen kernwerkgebied")).to_be_visible()


@pytest.mark.parametrize("pad", KAARTPAGINAS)
def test_every_map_page_draws_one_path_per_municipality_with_a_legend(app, pagina, kaartframe, foto, pad):
    pagina.goto(app + pad)
    frame = kaartframe(pagina)
    legenda = pagina.locator(LEGENDA).first
    playwright.expect(legenda).to_be_visible()
    playwright.expect(legenda).to_contain_text("projecten uit")
    playwright.expect(legenda).to_contain_text("AEF 2017")
    # Beside or under the map frame, never over it.
    playwright.expect(frame.locator(".skw-legenda")).to_have_count(0)
    kaart, vak = pagina.locator("iframe[src*='kaartframe.kaart']").first.bounding_box(), legenda.bounding_box()
    assert vak["x"] >= kaart["x"] + kaart["width"] or vak["y"] >= kaart["y"] + kaart["height"]
    playwright.expect(pagina.get_by_text("Selectie", exact=True)).to_be_visible()
    pagina.wait_for_timeout(500)
    foto(pagina, f"pagina_{pad or 'overzicht'}")


def test_clicking_a_municipality_lists_its_projects_with_detail_links(app, pagina, kaartframe, foto):
    pagina.goto(app)
    frame = kaartframe(pagina)
    gekleurd = frame.locator("path.leaflet-interactive:not([fill='#F2F2F2'])")
    playwright.expect(gekleurd.first).to_be_attached()  # the frame draws its shapes after the geometry arrives
    doel = max(range(min(gekleurd.count(), 60)), key=lambda i: _oppervlak(gekleurd.nth(i)))
    gekleurd.nth(doel).click(force=True)
    link = pagina.locator("a[href*='projecten?project=P']").first
    playwright.expect(pagina.get_by_text(re.compile(r"\(GM\d{4}, Wmo-regio "))).to_be_visible()
    playwright.expect(link).to_be_visible()
    foto(pagina, "klik_gemeente")
    href = link.get_attribute("href")
    pagina.goto(app + href.split("/")[-1])
    playwright.expect(pagina.get_by_role("heading", name="Bevindingen")).to_be_visible()
    playwright.expect(pagina.get_by_text(re.compile(r"\(bestand \d{3}_[0-9a-f]+\.txt\)"))).to_be_visible()
    foto(pagina, "projectdetail")


def test_a_filter_change_recolours_the_open_map_and_replaces_its_legend(app, pagina, kaartframe, foto):
    pagina.goto(app)
    frame = kaartframe(pagina)
    kaartelement = pagina.locator("iframe[src*='streamlit_folium'], iframe[src*='kaartframe.kaart']").first
    kaartelement.evaluate("(f) => { f.dataset.skwGezien = '1'; }")
    gekleurd = frame.locator("path.leaflet-interactive:not([fill='#F2F2F2'])")
    voor = gekleurd.count()
    veld = (
        pagina.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']")
        .filter(has_text="Inhoud (thema)")
        .locator("input")
    )
    veld.click()
    veld.fill("Jeugd")
    veld.press("Enter")
    legenda = pagina.locator(LEGENDA).first
    playwright.expect(legenda).to_contain_text("Selectie: inhoud: Jeugd 18-/18+")
    # The same frame, recoloured: fewer municipalities with a project, all of them still drawn.
    assert kaartelement.get_attribute("data-skw-gezien") == "1"
    playwright.expect(frame.locator("path.leaflet-interactive")).to_have_count(388)
    assert 0 < gekleurd.count() < voor
    foto(pagina, "filter_zelfde_kaartframe")


def _oppervlak(pad) -> float:
    vak = pad.bounding_box()
    return vak["width"] * vak["height"] if vak else 0.0


def test_filters_in_the_url_reach_the_map_and_the_sidebar(app, pagina, kaartframe, foto):
    pagina.goto(app + "inhoudelijk?thema=esw&kaart=intensiteit&verzekeraar=zk&lagen=wmo,kernwerkgebied")
    kaartframe(pagina)
    legenda = pagina.locator(LEGENDA).first
    playwright.expect(legenda).to_contain_text("Selectie: verzekeraar: Zilveren Kruis")
    playwright.expect(legenda).to_contain_text("kernwerkgebied Zilveren Kruis")
    playwright.expect(
        pagina.get_by_text(
            "Let op! Een combinatie in de legenda betekent niet dat één project meerdere samenwerkingsvormen heeft"
        )
    ).to_be_visible()
    playwright.expect(pagina.locator("[data-testid='stSidebar']")).to_contain_text("Zilveren Kruis")
    foto(pagina, "filter_ggz_zilveren_kruis")


def test_side_by_side_shows_two_maps(app, pagina, kaartframe, foto):
    pagina.goto(app + "samenwerkingsvorm?naast=1&inhoud=ggz&b_inhoud=ouderen")
    kaartframe(pagina, 0)
    kaartframe(pagina, 1)
    playwright.expect(pagina.get_by_text("Selectie rechts: inhoud: Ouderen")).to_be_visible()
    foto(pagina, "naast_elkaar")


def test_filter_that_matches_nothing_says_so(app, pagina, foto):
    pagina.goto(app + "zorgverzekeraars?verz=asr&verzekeraar=asr&inhoud=jeugd")
    # Both the map and the inside/outside figure say so; the sidebar still shows the selection.
    playwright.expect(pagina.get_by_text("Geen projecten voor deze selectie.")).to_have_count(2)
    playwright.expect(pagina.locator("[data-testid='stSidebar']")).to_contain_text("Jeugd 18-/18+")
    foto(pagina, "geen_projecten")


def test_projects_page_lists_and_exports(app, pagina, foto):
    pagina.goto(app + "projecten")
    playwright.expect(pagina.get_by_text(re.compile(r"^\d+ van \d+ projecten"))).to_be_visible()
    playwright.expect(pagina.locator("[data-testid='stDataFrame']")).to_be_visible()
    pagina.get_by_text("Exporteren").click()
    playwright.expect(pagina.get_by_role("button", name=re.compile("Download CSV"))).to_be_visible()
    foto(pagina, "projecten")


def test_markup_in_a_title_shows_as_text_in_tooltip_list_and_detail(app, pagina, kaartframe, foto):
    pagina.goto(app)
    kaartframe(pagina)
    # The first map on the page (the total map), not whichever map frame loaded first.
    frame = (
        pagina.locator("iframe[src*='streamlit_folium'], iframe[src*='kaartframe.kaart']")
        .first.element_handle()
        .content_frame()
    )
    tooltip = frame.evaluate(
        """() => { let tekst = null;
            skwKaart.kaart().eachLayer(l => { if (l.feature && l.feature.id === "GM0935") {
                l.openTooltip(); tekst = l.getTooltip().getElement().textContent; } });
            return tekst; }"""
    )
    assert tooltip is not None and "Maastricht" in tooltip
    assert GEVAARLIJK[:28] in tooltip  # "<img src=x onerror=alert(1)>" as characters
    assert frame.locator(".leaflet-tooltip img").count() == 0
    pagina.goto(app + "projecten?project=P000")
    playwright.expect(pagina.get_by_text(GEVAARLIJK).first).to_be_visible()
    assert pagina.locator("[data-testid='stMain'] img[src='x']").count() == 0
    foto(pagina, "projectdetail_opmaak_als_tekst")
