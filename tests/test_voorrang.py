"""The pauses after a map (dashboard/voorrang.py): after a session's first map only for a browser that talks to
Streamlit directly, once per session; after the first map of a run whose selection changed for every browser, once
per run; never without a browser; and the map pages ask for them."""

from types import SimpleNamespace

import pytest
from apptest import draai, start

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
    assert voorrang.pauze({}, al_gehad=True, gewijzigd=True) == 0


def test_a_changed_selection_gets_the_short_pause_behind_a_proxy_too():
    """That pause is for the browser's own redrawing, which a proxy does not take over."""
    assert 0 < voorrang.HERTEKENPAUZE < voorrang.PAUZE
    assert voorrang.pauze(BROWSER, al_gehad=True, gewijzigd=True) == voorrang.HERTEKENPAUZE
    proxy = {**BROWSER, "X-Forwarded-For": "192.0.2.7"}
    assert voorrang.pauze(proxy, al_gehad=True, gewijzigd=True) == voorrang.HERTEKENPAUZE
    assert voorrang.pauze(BROWSER, al_gehad=True, gewijzigd=False) == 0


def _pauzes(monkeypatch) -> list[float]:
    """Record the pauses instead of sleeping, with a browser's headers standing in (AppTest sends none)."""
    pauzes: list[float] = []
    echte = voorrang.pauze
    monkeypatch.setattr(voorrang, "pauze", lambda _kop, *args: echte(BROWSER, *args))
    monkeypatch.setattr(voorrang, "time", SimpleNamespace(sleep=pauzes.append))
    return pauzes


@pytest.mark.parametrize("pagina", ["pages/overzicht.py", "pages/inhoudelijk.py"])
def test_a_map_page_pauses_once_in_a_session_and_not_on_its_reruns(appstore, monkeypatch, pagina):
    pauzes = _pauzes(monkeypatch)
    at = start(pagina)
    assert pauzes == [voorrang.PAUZE]
    at.run()
    assert pauzes == [voorrang.PAUZE]


def test_on_the_first_page_the_headline_figures_come_before_the_pause_not_after_it(appstore, monkeypatch):
    """Written after the pause they would push the drawn map down; on later runs they follow the map."""
    from dashboard import kaartpaneel

    volgorde = []
    echte_pauze, echte_kerncijfers = voorrang.pauze, kaartpaneel.kerncijfers
    monkeypatch.setattr(voorrang, "pauze", lambda _kop, *args: echte_pauze(BROWSER, *args))
    monkeypatch.setattr(voorrang, "time", SimpleNamespace(sleep=lambda _s: volgorde.append("pauze")))
    monkeypatch.setattr(kaartpaneel, "kerncijfers", lambda *a: volgorde.append("kerncijfers") or echte_kerncijfers(*a))
    at = start("pages/overzicht.py")
    assert volgorde == ["kerncijfers", "pauze"]
    assert at.metric[0].label == "Projecten"
    volgorde.clear()
    at.run()
    assert volgorde == ["kerncijfers"]


def test_a_filter_change_pauses_once_after_the_first_map_of_its_run(appstore, monkeypatch):
    """Overzicht has two interactive maps: only the first waits; a rerun that changes nothing does not."""
    pauzes = _pauzes(monkeypatch)
    at = start("pages/overzicht.py")
    assert pauzes == [voorrang.PAUZE]
    at.sidebar.multiselect(key="w_inhoud").set_value(["GGZ"])
    draai(at)
    assert pauzes == [voorrang.PAUZE, voorrang.HERTEKENPAUZE]
    assert at.query_params["inhoud"] == "ggz"
    draai(at)
    assert pauzes == [voorrang.PAUZE, voorrang.HERTEKENPAUZE]


def test_a_page_without_a_map_leaves_no_pause_for_a_later_run(appstore, monkeypatch):
    """The change seen on the Projecten page (no interactive map) is not paused for on the next page's map."""
    pauzes = _pauzes(monkeypatch)
    at = start("pages/projecten.py")
    at.sidebar.multiselect(key="w_inhoud").set_value(["GGZ"])
    draai(at)
    assert pauzes == []
    at.switch_page("pages/overzicht.py")
    draai(at)
    assert pauzes == [voorrang.PAUZE]
