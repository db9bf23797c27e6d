"""A shared link survives navigation, in headless Chromium (Debian's /usr/bin/chromium via Playwright): the filters
stay in the URL and in the sidebar while switching pages with the app's own navigation, and a page's own choice is
the sidebar's filter. The app runs on a fresh store from the shipped CSV (fixtures in conftest.py)."""

import re
from urllib.parse import parse_qs, urlparse

import pytest

playwright = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

LINK = "inhoudelijk?indeling=2025&verzekeraar=cz&inhoud=ggz"
VERWACHT = {"indeling": ["2025"], "verzekeraar": ["cz"], "inhoud": ["ggz"]}


def _filters_in_url(pagina) -> dict[str, list[str]]:
    params = parse_qs(urlparse(pagina.url).query)
    return {k: v for k, v in params.items() if k in VERWACHT}


def _zijbalk_toont_de_filters(pagina) -> None:
    zijbalk = pagina.locator("[data-testid='stSidebar']")
    playwright.expect(zijbalk.locator("[data-testid='stMultiSelect']").nth(0)).to_contain_text("CZ")
    playwright.expect(zijbalk.locator("[data-testid='stMultiSelect']").nth(1)).to_contain_text("GGZ")
    playwright.expect(zijbalk.get_by_role("radio", name="2025")).to_be_checked()


def _naar(pagina, titel: str, pad: str) -> None:
    pagina.locator("[data-testid='stSidebarNav']").get_by_role("link", name=titel, exact=True).click()
    playwright.expect(pagina).to_have_url(re.compile(rf"/{pad}(\?|$)"))
    playwright.expect(pagina.get_by_role("heading", level=1)).to_be_visible()


def test_filters_survive_two_page_switches_in_url_and_sidebar(app, pagina, foto):
    pagina.goto(app + LINK)
    playwright.expect(pagina.get_by_role("heading", name=re.compile("^GGZ – totaal"))).to_be_visible()
    _zijbalk_toont_de_filters(pagina)
    _naar(pagina, "Zorgverzekeraars", "zorgverzekeraars")
    # The insurer page shows the sidebar's insurer, not its own default.
    playwright.expect(pagina.get_by_role("heading", name=re.compile("^Projecten van CZ"))).to_be_visible()
    playwright.expect(pagina).to_have_url(re.compile(r"verzekeraar=cz"))
    assert _filters_in_url(pagina) == VERWACHT
    _naar(pagina, "Leerlijnen", "leerlijnen")
    playwright.expect(pagina.get_by_text(re.compile(r"^Selectie: verzekeraar: CZ; inhoud: GGZ"))).to_be_visible()
    playwright.expect(pagina).to_have_url(re.compile(r"indeling=2025"))
    assert _filters_in_url(pagina) == VERWACHT
    _zijbalk_toont_de_filters(pagina)
    foto(pagina, "navigatie_leerlijnen_cz_ggz_2025")


def test_a_choice_on_the_page_is_the_sidebars_filter_on_the_next_page(app, pagina):
    pagina.goto(app + "zorgverzekeraars")
    playwright.expect(pagina.get_by_role("heading", name=re.compile("^Projecten van Zilveren Kruis"))).to_be_visible()
    keuze = pagina.locator("[data-testid='stMain']").get_by_role("radiogroup", name="Zorgverzekeraar")
    keuze.get_by_role("radio", name="VGZ", exact=True).click()
    playwright.expect(pagina.get_by_role("heading", name=re.compile("^Projecten van VGZ"))).to_be_visible()
    playwright.expect(pagina).to_have_url(re.compile(r"verzekeraar=vgz"))
    _naar(pagina, "Projecten", "projecten")
    playwright.expect(pagina.get_by_text(re.compile(r"\(verzekeraar: VGZ\)\.$"))).to_be_visible()
    zijbalk = pagina.locator("[data-testid='stSidebar']")
    playwright.expect(zijbalk.locator("[data-testid='stMultiSelect']").nth(0)).to_contain_text("VGZ")
