"""WCAG 2.1 AA in headless Chromium (Debian's /usr/bin/chromium via Playwright): axe-core on every page and inside
every map frame, the page language, and a keyboard-only route through a map."""

import pytest
from browserhulp import wacht_op_pagina

playwright = pytest.importorskip("playwright.sync_api")
axe_playwright = pytest.importorskip("axe_playwright_python.sync_playwright")

pytestmark = pytest.mark.browser

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGINAS = {
    "overzicht": "",
    "inhoudelijk": "inhoudelijk",
    "instrumenteel": "instrumenteel",
    "samenwerkingsvorm": "samenwerkingsvorm",
    "geografisch": "geografisch",
    "zorgverzekeraars": "zorgverzekeraars",
    "projecten": "projecten",
    "leerlijnen": "leerlijnen",
    "uitleg": "uitleg",
    "geen_treffers": "zorgverzekeraars?verz=asr&verzekeraar=asr&inhoud=jeugd",
    "vergelijken": "samenwerkingsvorm?naast=1&inhoud=ggz&b_inhoud=ouderen",
    "projectdetail": "projecten?project=P010",
    "gemeenteprofiel": "gemeente?gemeente=GM0518",
    "kaart_met_focus": "overzicht?gemeente=GM0518",
    "projecten_op_gemeente": "projecten?zoek=Den%20Haag",
}


def _schendingen(doel) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations in a page or frame, as "rule: selector" lines."""
    uitkomst = axe_playwright.Axe().run(
        doel, options={"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"], "iframes": False}
    )
    return [
        f"{v['id']} ({v['impact']}): "
        + "; ".join(f"{n['target']} {n['failureSummary']} {n['html'][:120]}" for n in v["nodes"][:3])
        for v in uitkomst.response["violations"]
    ]


@pytest.mark.parametrize("naam", PAGINAS)
def test_every_page_and_map_frame_has_no_wcag_aa_violations(app, pagina, naam):
    pagina.goto(app + PAGINAS[naam])
    playwright.expect(pagina.locator("h1").first).to_be_visible()
    wacht_op_pagina(pagina)
    assert _schendingen(pagina) == []
    kaarten = pagina.locator("iframe[src*='streamlit_folium'], iframe[src*='kaartframe.kaart']")
    for nummer in range(kaarten.count()):
        frame = pagina.frame_locator("iframe[src*='streamlit_folium'], iframe[src*='kaartframe.kaart']").nth(nummer)
        playwright.expect(frame.locator("path.leaflet-interactive").first).to_be_attached()
        assert _schendingen(kaarten.nth(nummer).element_handle().content_frame()) == [], f"kaart {nummer}"


def test_pages_are_dutch_and_map_frames_are_named(app, pagina):
    pagina.goto(app + "inhoudelijk")
    playwright.expect(pagina.locator("html")).to_have_attribute("lang", "nl")
    kaart = pagina.locator("iframe[src*='streamlit_folium'], iframe[src*='kaartframe.kaart']").first
    playwright.expect(kaart).to_have_attribute(
        "title", "Interactieve kaart van de gemeenten; de tabel onder de kaart geeft dezelfde gegevens"
    )
    viewport = kaart.content_frame.locator("meta[name='viewport']")
    for nummer in range(viewport.count()):
        assert "user-scalable=no" not in viewport.nth(nummer).get_attribute("content")


def test_keyboard_only_reaches_a_municipality_opens_its_projects_and_skips_the_map(app, pagina, kaartframe):
    pagina.goto(app)
    frame = kaartframe(pagina)
    wacht_op_pagina(pagina)
    # Every municipality has a name; only those with projects are tab stops.
    utrecht = frame.locator("path[aria-label^='Gemeente Utrecht:']")
    playwright.expect(utrecht).to_have_count(1)
    met_projecten = frame.locator("path[tabindex='0']")
    assert 0 < met_projecten.count() < 388
    # Tab from the top of the page until focus is on a municipality inside the map.
    gemeente = None
    for _ in range(200):
        pagina.keyboard.press("Tab")
        gemeente = (
            frame.locator("path:focus").get_attribute("aria-label", timeout=200)
            if frame.locator("path:focus").count()
            else None
        )
        if gemeente:
            break
    assert gemeente and gemeente.startswith("Gemeente ")
    naam = gemeente.removeprefix("Gemeente ").rsplit(":", 1)[0]
    pagina.keyboard.press("Enter")
    # Its projects show beside the map, in view without scrolling.
    playwright.expect(pagina.locator("strong", has_text=naam).first).to_be_in_viewport()
    playwright.expect(pagina.locator("a[href*='projecten?project=P']").first).to_be_in_viewport()
    # The skip link leads past the map to its table, which lists the same municipality.
    overslaan = pagina.get_by_role("link", name="Kaart overslaan: naar de tabel met dezelfde gegevens").first
    overslaan.focus()
    pagina.keyboard.press("Enter")
    tabel = pagina.locator("summary[id^='kaarttabel-']").first
    playwright.expect(tabel).to_be_focused()
    pagina.keyboard.press("Enter")
    playwright.expect(pagina.locator("details table").first.locator("th", has_text=naam).first).to_be_visible()
