"""No page shows a Python traceback: an error in page code gives a Dutch message (details in the server log), and
a database that another writer holds gives "someone else is writing, nothing lost" on save, import confirm and
lineage confirm (AppTest)."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from voorbeeldprojecten import rij, schrijf_csv

from dashboard import data, foutgrens, kaartpaneel, toegang
from projectdb import bezet, open_store
from projectdb.toegang import OMGEVINGSVARIABELE

APP = str(Path(__file__).resolve().parents[1] / "app.py")
WACHTWOORD = "correct paard batterij niet"
GEHEIM = "/srv/geheim/samenwerking/kaartpaneel.py"


@pytest.fixture
def store(tmp_path, monkeypatch):
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


def _run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _alle_tekst(at: AppTest) -> str:
    """Every text the page shows (elements and their values), to search for traces of a traceback."""
    return "\n".join(str(getattr(e, "value", "")) + str(getattr(e, "body", "")) for e in at.main) + "\n".join(
        str(getattr(e, "value", "")) for e in at.sidebar
    )


def _aangemeld(pagina: str = "pages/projecten.py", params: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    for sleutel, waarde in (params or {}).items():
        at.query_params[sleutel] = waarde
    at.switch_page(pagina)
    _run(at)
    at.sidebar.text_input(key="w_aanmeld_naam").input("Ans Jansen")
    at.sidebar.text_input(key="w_aanmeld_wachtwoord").input(WACHTWOORD)
    next(b for b in at.sidebar.button if b.label == "Aanmelden").click()
    return _run(at)


def _knop(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


@contextmanager
def schrijfslot(pad: Path):
    """Another writer holding the database's write lock (as a long import does)."""
    con = sqlite3.connect(pad, isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        con.execute("ROLLBACK")
        con.close()


def test_een_fout_in_paginacode_geeft_een_nederlandse_melding_zonder_traceback(store, monkeypatch, caplog):
    def kapot(*_):
        raise RuntimeError(f"kapot in {GEHEIM}")

    monkeypatch.setattr(kaartpaneel, "kerncijfers", kapot)
    at = _run(AppTest.from_file(APP, default_timeout=90))
    assert [e.value for e in at.error] == [foutgrens.MELDING]
    tekst = _alle_tekst(at)
    assert GEHEIM not in tekst and "Traceback" not in tekst and "RuntimeError" not in tekst
    assert any(GEHEIM in r.getMessage() or (r.exc_info and GEHEIM in str(r.exc_info[1])) for r in caplog.records)


def test_opslaan_terwijl_een_ander_schrijft(store):
    at = _aangemeld(params={"project": "P012"})
    voor = store.checksum()
    at.text_input(key="bewerk-P012-1-titel").input("Wordt niet opgeslagen")
    with schrijfslot(store.pad):
        _knop(at, "Opslaan").click()
        _run(at)
    assert [e.value for e in at.error] == [f"Niet opgeslagen: {bezet.MELDING}"]
    assert store.checksum() == voor
    _knop(at, "Opslaan").click()
    _run(at)
    assert store.project("P012")["titel"] == "Wordt niet opgeslagen"


def test_import_bevestigen_terwijl_een_ander_schrijft(store, tmp_path):
    at = _aangemeld()
    pad = schrijf_csv(tmp_path / "nieuw.csv", [rij()])
    at.file_uploader[0].set_value((pad.name, pad.read_bytes(), "text/csv"))
    _run(at)
    voor = store.checksum()
    with schrijfslot(store.pad):
        _knop(at, "Import bevestigen").click()
        _run(at)
    assert [e.value for e in at.error] == [f"Import niet uitgevoerd. {bezet.MELDING}"]
    assert store.checksum() == voor


def test_leerlijn_vastleggen_terwijl_een_ander_schrijft(store):
    at = _aangemeld(params={"project": "P012"})
    voor = store.checksum()
    with schrijfslot(store.pad):
        _knop(at, "Bevestig als leerlijn: P011 bouwt voort op P012").click()
        _run(at)
    assert [e.value for e in at.error] == [f"Niet vastgelegd: {bezet.MELDING}"]
    assert store.checksum() == voor


def test_een_onverwachte_fout_in_een_actie_geeft_een_nederlandse_melding(store, monkeypatch):
    at = _aangemeld(params={"project": "P012"})

    def kapot(*_):
        raise KeyError(GEHEIM)

    monkeypatch.setattr(toegang, "wijzig", kapot)
    _knop(at, "Opslaan").click()
    _run(at)
    assert foutgrens.ACTIEMELDING in [e.value for e in at.error]
    assert GEHEIM not in _alle_tekst(at)


def test_foutdetails_staan_uit_in_de_streamlit_instellingen():
    instellingen = (Path(APP).parent / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    assert 'showErrorDetails = "none"' in instellingen
