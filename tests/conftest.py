"""Fixtures shared by the tests: the store on both backends (SQLite file and a real PostgreSQL 15), and for the
browser tests the app running on a fresh store, headless Chromium (Debian's /usr/bin/chromium via Playwright,
never a downloaded browser) and a page that fails its test on any dialog.

``databasedoel`` runs a test once on a SQLite file and once on a fresh PostgreSQL database. The server is
``SAMENWERKING_TEST_PG`` (a URL, as ``.ci/run`` exports it) or one the tests start themselves; without PostgreSQL
those variants are skipped, except in CI (``CI=true``), where they fail.

A browser test module chooses what the app runs on by overriding ``appdatabase`` (the store file, filled as the
module needs) and ``appomgeving`` (extra environment, such as an editor password).
"""

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "deploy"))

import pgtijdelijk  # noqa: E402
import streamlitproces  # noqa: E402

from projectdb import verbinding  # noqa: E402
from projectdb.verbinding import nieuwe_database, verwijder_database  # noqa: E402

UITVOER = ROOT / "test-output"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
GEMEENTEN_2017 = 388


@pytest.fixture(scope="session")
def pg_server():
    """URL of a PostgreSQL 15 server's ``postgres`` database as a superuser (see the module docstring)."""
    if os.environ.get("SAMENWERKING_TEST_PG"):
        yield os.environ["SAMENWERKING_TEST_PG"]
        return
    reden = None
    if not (pgtijdelijk.PG_BIN / "initdb").exists():
        reden = (
            f"PostgreSQL 15 ontbreekt ({pgtijdelijk.PG_BIN}; apt-get install postgresql-15): "
            "PostgreSQL-varianten overgeslagen"
        )
    else:
        try:
            server = pgtijdelijk.Server(duurzaam=False)
        except (RuntimeError, KeyError, OSError) as fout:
            reden = f"PostgreSQL 15 start niet ({fout}): PostgreSQL-varianten overgeslagen"
    if reden:
        if os.environ.get("CI") == "true":
            pytest.fail(reden + " -- in CI is dat een fout")
        pytest.skip(reden)
    yield server.url
    server.stop()


@pytest.fixture
def pg_database(pg_server):
    """``maak()``: a new, empty database on the test server; returns its URL. Dropped after the test."""
    urls: list[str] = []

    def maak() -> str:
        urls.append(nieuwe_database(pg_server, "test"))
        return urls[-1]

    yield maak
    for url in urls:
        verbinding.engine(url).dispose()
        verwijder_database(url)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)])
def databasedoel(request, tmp_path, monkeypatch) -> str | Path:
    """Where a test's store lives: a SQLite file, or (second variant) a fresh PostgreSQL database. Automatic
    backups go to ``tmp_path/db/backups`` on both."""
    monkeypatch.setenv("SAMENWERKING_BACKUPS", str(tmp_path / "db" / "backups"))
    if request.param == "sqlite":
        return tmp_path / "db" / "samenwerking.sqlite"
    return request.getfixturevalue("pg_database")()


@pytest.fixture(scope="module")
def appdatabase(tmp_path_factory) -> Path:
    """The store file of the app under test; absent, so the app builds it from the shipped projecten.csv."""
    return tmp_path_factory.mktemp("db") / "samenwerking.sqlite"


@pytest.fixture(scope="module")
def appomgeving() -> dict[str, str]:
    """Environment variables for the app process besides SAMENWERKING_DB."""
    return {}


@pytest.fixture(scope="module")
def app(appdatabase, appomgeving, tmp_path_factory):
    """``streamlit run app.py`` on a free port of 127.0.0.1; yields its base URL and stops it afterwards."""
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium ontbreekt: apt-get install chromium")
    poort, log = streamlitproces.vrije_poort(), tmp_path_factory.mktemp("log") / "streamlit.log"
    proces = streamlitproces.start("app.py", poort, appdatabase, log, appomgeving)
    basis = f"http://127.0.0.1:{poort}/"
    try:
        streamlitproces.wacht_gezond(basis, proces, log, maximum=60)
    except (RuntimeError, TimeoutError) as fout:
        streamlitproces.beeindig(proces)
        pytest.fail(f"streamlit startte niet: {fout}")
    yield basis
    streamlitproces.beeindig(proces)


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    # The first page of a fresh server builds the store and caches: give every expectation room for that.
    playwright.expect.set_options(timeout=45_000)
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def pagina(browser):
    """A fresh page; the test fails if any dialog opens (a dialog means a script from the data ran)."""
    context = browser.new_context(viewport={"width": 1400, "height": 2200})
    page = context.new_page()
    meldingen: list[str] = []
    page.on("dialog", lambda dialoog: (meldingen.append(dialoog.message), dialoog.dismiss()))
    page.set_default_timeout(45_000)
    yield page
    context.close()
    assert not meldingen, f"onverwachte dialoog (script uitgevoerd?): {meldingen}"


@pytest.fixture
def kaartframe():
    """``kaartframe(page, n)``: the n-th map frame on ``page`` once all 2017 municipalities are drawn and the page's
    run has ended (a session's first page draws its first map before the rest, see dashboard/voorrang.py; a test
    that clicks or types during that run could see the run draw the widget again with its old value)."""
    from browserhulp import wacht_tot_klaar
    from playwright.sync_api import expect

    def zoek(page, nummer: int = 0):
        frame = page.frame_locator("iframe[src*='streamlit_folium'], iframe[src*='kaartframe.kaart']").nth(nummer)
        expect(frame.locator("path.leaflet-interactive")).to_have_count(GEMEENTEN_2017)
        wacht_tot_klaar(page)
        return frame

    return zoek


@pytest.fixture
def foto():
    """``foto(page, naam)``: a screenshot in test-output/ (git-ignored) for a person to look at."""

    def maak(page, naam: str) -> None:
        UITVOER.mkdir(exist_ok=True)
        page.screenshot(path=str(UITVOER / f"{naam}.png"))

    return maak


@pytest.fixture
def appstore(tmp_path, monkeypatch):
    """A fresh store from the shipped projects for an AppTest run; the app's caches and logins start empty and
    editing is on (password :data:`apptest.WACHTWOORD`)."""
    from apptest import WACHTWOORD

    from dashboard import data, toegang
    from projectdb import open_store
    from projectdb.toegang import OMGEVINGSVARIABELE

    pad = tmp_path / "samenwerking.sqlite"
    monkeypatch.setenv("SAMENWERKING_DB", str(pad))
    monkeypatch.setenv(OMGEVINGSVARIABELE, WACHTWOORD)
    for cache in (data.opslag, toegang.toegang):
        cache.clear()
    data.vernieuw()
    yield open_store(pad)
    for cache in (data.opslag, toegang.toegang):
        cache.clear()
    data.vernieuw()


@pytest.fixture(scope="module")
def app_data(db):
    """The app's cached data layer (dashboard.data) on the store file of the module's own ``db`` fixture, emptied
    before and after."""
    from dashboard import data

    mp = pytest.MonkeyPatch()
    mp.setenv("SAMENWERKING_DB", str(db))
    data.opslag.clear()
    data.vernieuw()
    yield data
    data.opslag.clear()
    data.vernieuw()
    mp.undo()


@pytest.fixture(scope="module")
def moduleopslag(tmp_path_factory):
    """A store built from the shipped projects, set as SAMENWERKING_DB for the whole test module (AppTest runs the
    app in-process, so the app reads the variable); the old value comes back afterwards."""
    from projectdb.store import open_store

    pad = tmp_path_factory.mktemp("db") / "samenwerking.sqlite"
    mp = pytest.MonkeyPatch()
    mp.setenv("SAMENWERKING_DB", str(pad))
    yield open_store(pad)
    mp.undo()
