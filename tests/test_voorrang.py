"""The pause after a session's first map (dashboard/voorrang.py): only for a browser that talks to Streamlit
directly, once per session, and the map pages ask for it."""

from types import SimpleNamespace

import pytest
from apptest import start

from dashboard import voorrang

BROWSER = {"Host": "127.0.0.1:8501", "User-Agent": "Mozilla/5.0", "Accept-Language": "nl-NL"}


def test_a_browser_straight_at_streamlit_gets_the_pause_on_its_first_map():
    assert voorrang.pauze(BROWSER, al_gehad=False) == voorrang.PAUZE > 0


def test_the_pause_comes_once_per_session():
    assert voorrang.pauze(BROWSER, al_gehad=True) == 0


@pytest.mark.parametrize("kop", ["X-Forwarded-For", "x-real-ip", "Forwarded"])
def test_behind_a_proxy_there_is_no_pause(kop):
    """The proxy of deploy/ serves the page's files itself; nothing to make room for."""
    assert voorrang.pauze({**BROWSER, kop: "192.0.2.7"}, al_gehad=False) == 0


def test_a_session_without_http_headers_has_no_browser_to_serve():
    assert voorrang.pauze({}, al_gehad=False) == 0


@pytest.mark.parametrize("pagina", ["pages/overzicht.py", "pages/inhoudelijk.py"])
def test_a_map_page_pauses_once_in_a_session_and_not_on_its_reruns(appstore, monkeypatch, pagina):
    pauzes = []
    echte = voorrang.pauze
    # AppTest sends no headers: stand in a browser's, and record the pause instead of sleeping.
    monkeypatch.setattr(voorrang, "pauze", lambda _kop, al_gehad: echte(BROWSER, al_gehad))
    monkeypatch.setattr(voorrang, "time", SimpleNamespace(sleep=pauzes.append))
    at = start(pagina)
    assert pauzes == [voorrang.PAUZE]
    at.run()
    assert pauzes == [voorrang.PAUZE]


def test_on_the_first_page_the_headline_figures_come_before_the_pause_not_after_it(appstore, monkeypatch):
    """Written after the pause they would push the drawn map down; on later runs they follow the map."""
    from dashboard import kaartpaneel

    volgorde = []
    echte_pauze, echte_kerncijfers = voorrang.pauze, kaartpaneel.kerncijfers
    monkeypatch.setattr(voorrang, "pauze", lambda _kop, al_gehad: echte_pauze(BROWSER, al_gehad))
    monkeypatch.setattr(voorrang, "time", SimpleNamespace(sleep=lambda _s: volgorde.append("pauze")))
    monkeypatch.setattr(kaartpaneel, "kerncijfers", lambda *a: volgorde.append("kerncijfers") or echte_kerncijfers(*a))
    at = start("pages/overzicht.py")
    assert volgorde == ["kerncijfers", "pauze"]
    assert at.metric[0].label == "Projecten"
    volgorde.clear()
    at.run()
    assert volgorde == ["kerncijfers"]
