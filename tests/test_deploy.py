"""End to end through ``deploy/lokaal.py``, the documented deployment: two app processes behind nginx on one
PostgreSQL database. An editor saves an edit through replica r0; a viewer held on replica r1 by the proxy's sticky
cookie sees it on its next rerun. nginx spreads new visitors over both replicas and keeps each session (its
websocket included) on the replica its cookie names."""

import os
import re
import sys
import time
from pathlib import Path

import pytest
from browserhulp import vul_aanmelding_in, wacht_tot_klaar, wijzig_titel

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "deploy"))

import lokaal  # noqa: E402
from nginx_conf import COOKIE  # noqa: E402

from projectdb import open_store  # noqa: E402
from projectdb.toegang import OMGEVINGSVARIABELE  # noqa: E402
from projectdb.verbinding import sqlalchemy_url  # noqa: E402

pytestmark = pytest.mark.browser

WACHTWOORD = "correct paard batterij niet"
NIEUWE_TITEL = "Methodiek Jeugd 18-/18+ (gewijzigd via replica r0)"
BEZOEKERS = 6


def _vereis_nginx() -> None:
    """Skip without nginx; in CI that is a failure."""
    if not lokaal.NGINX.exists():
        reden = "nginx ontbreekt (apt-get install nginx): deploy-test overgeslagen"
        if os.environ.get("CI") == "true":
            pytest.fail(reden + " -- in CI is dat een fout")
        pytest.skip(reden)


@pytest.fixture(scope="module")
def opstelling(pg_server):
    _vereis_nginx()
    opstelling = lokaal.start(2, pg_server, {OMGEVINGSVARIABELE: WACHTWOORD})
    yield opstelling
    lokaal.stop(opstelling)


def _websockets(opstelling) -> list[tuple[str, str]]:
    """(replica address, cookie) of every closed websocket in nginx's access log."""
    return [
        re.search(r"\" 101 (\S+) cookie=(\S+) ", regel).groups()
        for regel in opstelling.toegangslog.read_text().splitlines()
        if "/_stcore/stream" in regel
    ]


def test_nginx_spreads_sessions_and_keeps_each_on_its_replica(opstelling, browser):
    replica_van: list[str] = []
    for _ in range(BEZOEKERS):
        context = browser.new_context()
        page = context.new_page()
        page.goto(opstelling.url)
        wacht_tot_klaar(page)
        replica_van += [c["value"] for c in context.cookies() if c["name"] == COOKIE]
        context.close()
    assert sorted(set(replica_van)) == ["r0", "r1"], replica_van
    assert len(replica_van) == BEZOEKERS

    # Every websocket (the Streamlit session) went to the replica its cookie names; nginx logs it when it closes,
    # which may be a moment after the page is gone.
    poorten = {f"127.0.0.1:{r.poort}": r.naam for r in opstelling.replicas}
    grens = time.monotonic() + 20
    while len(sockets := _websockets(opstelling)) < BEZOEKERS and time.monotonic() < grens:
        time.sleep(0.2)
    assert len(sockets) == BEZOEKERS, sockets
    assert all(poorten[adres] == cookie for adres, cookie in sockets), sockets
    assert {poorten[adres] for adres, _ in sockets} == {"r0", "r1"}


def test_nginx_serves_the_files_of_a_page_itself(opstelling, browser):
    import urllib.error
    import urllib.request

    import streamlit

    context = browser.new_context()
    pagina = context.new_page()
    mislukt = []
    pagina.on("response", lambda antwoord: mislukt.append(antwoord.url) if antwoord.status >= 400 else None)
    pagina.goto(opstelling.url)
    wacht_tot_klaar(pagina)
    # The map painted its municipalities: Leaflet, the frame and the geometry file all arrived.
    pagina.frame_locator('iframe[src*="kaartframe.kaart"]').first.locator("path.leaflet-interactive").first.wait_for()
    context.close()
    assert mislukt == []
    regels = opstelling.toegangslog.read_text().splitlines()
    bestanden = [r for r in regels if re.search(r'"GET /(static/|app/static/leaflet/|component/)', r)]
    # Streamlit's frontend (scripts, styles, fonts), Leaflet and the map frame all came from nginx's copies: nginx
    # logs "-" as the upstream address of what it served from disk.
    assert sum('"GET /static/' in r for r in bestanden) >= 10, bestanden
    assert any('"GET /component/' in r for r in bestanden), bestanden
    assert all(re.search(r'" (200|304) - ', r) for r in bestanden), [r for r in bestanden if " - cookie" not in r]

    index = urllib.request.urlopen(opstelling.url).read().decode()
    script = re.search(r'src="\.?/?(static/js/index\.[^"]+\.js)"', index).group(1)
    with urllib.request.urlopen(opstelling.url + script) as antwoord:
        inhoud = antwoord.read()
        assert "javascript" in antwoord.headers["Content-Type"]
        assert "immutable" in antwoord.headers["Cache-Control"]
    assert inhoud == (Path(streamlit.__file__).parent / "static" / script).read_bytes()

    # What the copies lack (a geometry file a replica wrote after the start) is asked of a replica.
    with pytest.raises(urllib.error.HTTPError) as fout:
        urllib.request.urlopen(opstelling.url + "app/static/kaartdata/bestaat-niet.json")
    assert fout.value.code == 404
    poorten = {f"127.0.0.1:{r.poort}" for r in opstelling.replicas}
    grens = time.monotonic() + 10  # nginx logs a request once it has answered it
    while not (regels := [r for r in opstelling.toegangslog.read_text().splitlines() if "bestaat-niet" in r]):
        assert time.monotonic() < grens, "het verzoek staat niet in het toegangslog"
        time.sleep(0.1)
    assert regels[-1].split('" 404 ')[1].split()[0] in poorten, regels[-1]


def test_edit_through_replica_a_shows_on_replica_b_at_the_next_rerun(opstelling, browser, foto):
    from playwright.sync_api import expect

    kijker_context = browser.new_context(viewport={"width": 1400, "height": 1600})
    kijker_context.add_cookies([{"name": COOKIE, "value": "r1", "url": opstelling.url}])
    kijker = kijker_context.new_page()
    kijker.goto(opstelling.url + "projecten?project=P012")
    wacht_tot_klaar(kijker)
    expect(kijker.get_by_text("Werkagenda Menzis: methodiek Jeugd 18-/18+").first).to_be_visible()

    redacteur_context = browser.new_context(viewport={"width": 1400, "height": 1600})
    redacteur = redacteur_context.new_page()
    redacteur.goto(opstelling.replicas[0].url + "projecten?project=P012")
    vul_aanmelding_in(redacteur, "Ans Jansen", WACHTWOORD)
    zijbalk = redacteur.locator('[data-testid="stSidebar"]')
    expect(zijbalk.get_by_text("Aangemeld als Ans Jansen")).to_be_visible()
    wijzig_titel(redacteur, NIEUWE_TITEL)
    foto(redacteur, "deploy-redacteur-r0")

    project = open_store(opstelling.database).project("P012")
    assert (project["titel"], project["versie"]) == (NIEUWE_TITEL, 2)

    expect(kijker.get_by_text(NIEUWE_TITEL)).to_have_count(0)
    kijker.keyboard.press("r")  # Streamlit's rerun key (nothing has focus): the same session, no new page load
    expect(kijker.get_by_text(NIEUWE_TITEL).first).to_be_visible()
    foto(kijker, "deploy-kijker-r1")
    assert [c["value"] for c in kijker_context.cookies() if c["name"] == COOKIE] == ["r1"]
    redacteur_context.close()
    kijker_context.close()


def test_reading_the_set_up_outside_the_app_makes_streamlit_say_nothing():
    """``deploy/lokaal.py`` reads the app's folders (the map component's among them) without running the app; that
    must not make Streamlit warn about a missing script run on every start."""
    import subprocess

    wortel = Path(__file__).resolve().parents[1]
    uit = subprocess.run(
        [sys.executable, "-c", "import sys; sys.path[:0] = ['deploy', '.']; import nginx_conf, dashboard.kaartframe"],
        cwd=wortel,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert uit.returncode == 0, uit.stderr
    assert "ScriptRunContext" not in uit.stderr, uit.stderr


def test_the_documented_command_starts_serves_and_cleans_up(pg_server):
    """``python deploy/lokaal.py`` as the README gives it, from the checkout: the proxy answers, Ctrl-C stops it
    with exit code 0 and the database it made on the existing server is gone. Started with SIGINT ignored, as a
    shell starts a command in the background (``python deploy/lokaal.py &`` in a script): Ctrl-C still stops it."""
    import signal
    import subprocess
    import urllib.request

    import sqlalchemy as sa

    _vereis_nginx()
    wortel = Path(__file__).resolve().parents[1]
    omgeving = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proces = subprocess.Popen(
        [sys.executable, "deploy/lokaal.py", "--replicas", "1", "--pg", pg_server],
        cwd=wortel,
        env=omgeving,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
    )
    try:
        uitvoer = {}
        for regel in proces.stdout:
            sleutel, _, waarde = regel.partition(":")
            uitvoer[sleutel.strip()] = waarde.strip()
            if regel.startswith("stoppen met Ctrl-C"):
                break
        if "proxy" not in uitvoer:
            # Its output ended before the addresses: it stopped; its error output says why.
            proces.wait(timeout=60)
            pytest.fail(f"deploy/lokaal.py stopte (code {proces.returncode}):\n{proces.stderr.read()}")
        with urllib.request.urlopen(uitvoer["proxy"], timeout=30) as antwoord:
            assert antwoord.status == 200
            assert b"<noscript>" in antwoord.read()
        proces.send_signal(signal.SIGINT)
        assert proces.wait(timeout=60) == 0, proces.stderr.read()
    finally:
        if proces.poll() is None:
            # Ctrl-C, then SIGTERM: either way lokaal.py stops its replicas and nginx; a kill would leave them running.
            for teken in (signal.SIGINT, signal.SIGTERM):
                proces.send_signal(teken)
                try:
                    proces.wait(timeout=60)
                    break
                except subprocess.TimeoutExpired:
                    continue
            else:
                proces.kill()
    naam = sa.make_url(uitvoer["database"]).database
    motor = sa.create_engine(sqlalchemy_url(pg_server))
    with motor.connect() as con:
        over = con.exec_driver_sql("SELECT count(*) FROM pg_database WHERE datname = %s", (naam,)).scalar()
    motor.dispose()
    assert over == 0
    assert not Path(uitvoer["map"]).exists()
