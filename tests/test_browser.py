"""End to end in headless Chromium (Debian's /usr/bin/chromium via Playwright) against a running app.

A fixture starts ``streamlit run app.py`` on a free port with a fresh SAMENWERKING_DB and stops it afterwards.
Screenshots go to test-output/ (git-ignored) for a person to look at.
"""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

playwright = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
UITVOER = ROOT / "test-output"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
GEMEENTEN_2017 = 388
GEVAARLIJK = "<img src=x onerror=alert(1)> **vet** [link](javascript:alert(2))"
KAARTPAGINAS = ["", "inhoudelijk", "instrumenteel", "samenwerkingsvorm", "geografisch", "zorgverzekeraars"]


def _met_gevaarlijke_titel(database: Path) -> None:
    """A store from the shipped CSV plus P000 (first in every tooltip): a copy of P010 whose title is markup that
    must stay text."""
    from projectdb.store import open_store

    opslag = open_store(database)
    rij = {k: ";".join(v) if isinstance(v, tuple) else v for k, v in opslag.project("P010").items() if k != "versie"}
    opslag.importeer([{**rij, "project_id": "P000", "titel": GEVAARLIJK}], redacteur="test")


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium ontbreekt: apt-get install chromium")
    poort = _vrije_poort()
    database = tmp_path_factory.mktemp("db") / "samenwerking.sqlite"
    _met_gevaarlijke_titel(database)
    omgeving = {**os.environ, "SAMENWERKING_DB": str(database)}
    log = (tmp_path_factory.mktemp("log") / "streamlit.log").open("w")
    proces = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.port", str(poort), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=omgeving, stdout=log, stderr=subprocess.STDOUT,
    )
    basis = f"http://127.0.0.1:{poort}/"
    einde = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(basis + "_stcore/health", timeout=2) as antwoord:
                if antwoord.status == 200:
                    break
        except OSError:
            if proces.poll() is not None or time.monotonic() > einde:
                proces.kill()
                pytest.fail(f"streamlit startte niet (code {proces.poll()}); zie {log.name}")
            time.sleep(0.5)
    yield basis
    proces.terminate()
    try:
        proces.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proces.kill()
    log.close()


@pytest.fixture(scope="module")
def browser():
    # The first page of a fresh server builds the store and caches: give every expectation room for that.
    playwright.expect.set_options(timeout=45_000)
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def pagina(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 2200})
    page = context.new_page()
    meldingen: list[str] = []
    page.on("dialog", lambda dialoog: (meldingen.append(dialoog.message), dialoog.dismiss()))
    page.set_default_timeout(45_000)
    yield page
    context.close()
    assert not meldingen, f"onverwachte dialoog (script uitgevoerd?): {meldingen}"


def _kaartframe(page, nummer: int = 0):
    frame = page.frame_locator("iframe[src*='streamlit_folium']").nth(nummer)
    paden = frame.locator("path.leaflet-interactive")
    playwright.expect(paden).to_have_count(GEMEENTEN_2017)
    return frame


def _foto(page, naam: str) -> None:
    UITVOER.mkdir(exist_ok=True)
    page.screenshot(path=str(UITVOER / f"{naam}.png"))


def test_a_deep_link_as_first_request_gets_the_apps_navigation_and_filters(app, pagina):
    # Keep this test first: it needs a server on which no session has run app.py yet.
    pagina.goto(app + "zorgverzekeraars?verz=cz&inhoud=preventie")
    zijbalk = pagina.locator("[data-testid='stSidebar']")
    playwright.expect(zijbalk.get_by_text("Zorgverzekeraars", exact=True)).to_be_visible()
    playwright.expect(zijbalk.locator("[data-testid='stMultiSelect']")).to_have_count(5)
    playwright.expect(zijbalk).to_contain_text("Preventie")
    playwright.expect(pagina.get_by_text("Projecten van CZ met het eigen kernwerkgebied")).to_be_visible()


@pytest.mark.parametrize("pad", KAARTPAGINAS)
def test_every_map_page_draws_one_path_per_municipality_with_a_legend(app, pagina, pad):
    pagina.goto(app + pad)
    frame = _kaartframe(pagina)
    legenda = frame.locator(".skw-legenda")
    playwright.expect(legenda).to_be_visible()
    playwright.expect(legenda).to_contain_text("Bron: projectendatabase samenwerkingskaarten")
    playwright.expect(pagina.get_by_text("Selectie", exact=True)).to_be_visible()
    pagina.wait_for_timeout(500)
    _foto(pagina, f"pagina_{pad or 'overzicht'}")


def test_clicking_a_municipality_lists_its_projects_with_detail_links(app, pagina):
    pagina.goto(app)
    frame = _kaartframe(pagina)
    gekleurd = frame.locator("path.leaflet-interactive:not([fill='#F2F2F2'])")
    doel = max(range(min(gekleurd.count(), 60)), key=lambda i: _oppervlak(gekleurd.nth(i)))
    gekleurd.nth(doel).click(force=True)
    link = pagina.locator("a[href*='projecten?project=P']").first
    playwright.expect(pagina.get_by_text(re.compile(r"\(GM\d{4}, Wmo-regio "))).to_be_visible()
    playwright.expect(link).to_be_visible()
    _foto(pagina, "klik_gemeente")
    href = link.get_attribute("href")
    pagina.goto(app + href.split("/")[-1])
    playwright.expect(pagina.get_by_text("Bevindingen")).to_be_visible()
    playwright.expect(pagina.get_by_text("Bronbestand:")).to_be_visible()
    _foto(pagina, "projectdetail")


def _oppervlak(pad) -> float:
    vak = pad.bounding_box()
    return vak["width"] * vak["height"] if vak else 0.0


def test_filters_in_the_url_reach_the_map_and_the_sidebar(app, pagina):
    pagina.goto(app + "inhoudelijk?thema=ggz&kaart=intensiteit&verzekeraar=zk&lagen=wmo,kernwerkgebied")
    frame = _kaartframe(pagina)
    legenda = frame.locator(".skw-legenda")
    playwright.expect(legenda).to_contain_text("Selectie: verzekeraar: Zilveren Kruis")
    playwright.expect(legenda).to_contain_text("kernwerkgebied Zilveren Kruis")
    playwright.expect(pagina.get_by_text("Let op! In sommige plaatjes")).to_be_visible()
    playwright.expect(pagina.locator("[data-testid='stSidebar']")).to_contain_text("Zilveren Kruis")
    _foto(pagina, "filter_ggz_zilveren_kruis")


def test_side_by_side_shows_two_maps(app, pagina):
    pagina.goto(app + "samenwerkingsvorm?naast=1&inhoud=ggz&b_inhoud=ouderen")
    _kaartframe(pagina, 0)
    _kaartframe(pagina, 1)
    playwright.expect(pagina.get_by_text("Selectie rechts: inhoud: Ouderen")).to_be_visible()
    _foto(pagina, "naast_elkaar")


def test_filter_that_matches_nothing_says_so(app, pagina):
    pagina.goto(app + "zorgverzekeraars?verz=asr&verzekeraar=asr&inhoud=jeugd")
    # Both the map and the inside/outside figure say so; the sidebar still shows the selection.
    playwright.expect(pagina.get_by_text("Geen projecten voor deze selectie.")).to_have_count(2)
    playwright.expect(pagina.locator("[data-testid='stSidebar']")).to_contain_text("Jeugd 18-/18+")
    _foto(pagina, "geen_projecten")


def test_projects_page_lists_and_exports(app, pagina):
    pagina.goto(app + "projecten")
    playwright.expect(pagina.get_by_text(re.compile(r"^\d+ van \d+ projecten"))).to_be_visible()
    playwright.expect(pagina.locator("[data-testid='stDataFrame']")).to_be_visible()
    pagina.get_by_text("Exporteren").click()
    playwright.expect(pagina.get_by_role("button", name=re.compile("Download CSV"))).to_be_visible()
    _foto(pagina, "projecten")


def test_markup_in_a_title_shows_as_text_in_tooltip_list_and_detail(app, pagina):
    pagina.goto(app)
    _kaartframe(pagina)
    frame = next(f for f in pagina.frames if "streamlit_folium" in f.url)
    tooltip = frame.evaluate(
        """() => { let tekst = null;
            map.eachLayer(l => { if (l.feature && l.feature.id === "GM0935") {
                l.openTooltip(); tekst = l.getTooltip().getElement().textContent; } });
            return tekst; }"""
    )
    assert tooltip is not None and "Maastricht" in tooltip
    assert GEVAARLIJK[:28] in tooltip  # "<img src=x onerror=alert(1)>" as characters
    assert frame.locator(".leaflet-tooltip img").count() == 0
    pagina.goto(app + "projecten?project=P000")
    playwright.expect(pagina.get_by_text(GEVAARLIJK).first).to_be_visible()
    assert pagina.locator("[data-testid='stMain'] img[src='x']").count() == 0
    _foto(pagina, "projectdetail_opmaak_als_tekst")
