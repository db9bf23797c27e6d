"""No page shows a Python traceback: an error in page code gives a Dutch message (details in the server log), and
a database that another writer holds gives "someone else is writing, nothing lost" on save, import confirm and
lineage confirm (AppTest)."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path

from apptest import APP, draai, meld_aan, start
from streamlit.testing.v1 import AppTest
from voorbeeldprojecten import rij, schrijf_csv

from dashboard import foutgrens, kaartpaneel, toegang
from projectdb import bezet

GEHEIM = "/srv/geheim/samenwerking/kaartpaneel.py"


def _alle_tekst(at: AppTest) -> str:
    """Every text the page shows (elements and their values), to search for traces of a traceback."""
    return "\n".join(str(getattr(e, "value", "")) + str(getattr(e, "body", "")) for e in at.main) + "\n".join(
        str(getattr(e, "value", "")) for e in at.sidebar
    )


def _aangemeld(pagina: str = "pages/projecten.py", params: dict | None = None) -> AppTest:
    return meld_aan(start(pagina, params))


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


def test_een_fout_in_paginacode_geeft_een_nederlandse_melding_zonder_traceback(appstore, monkeypatch, caplog):
    def kapot(*_):
        raise RuntimeError(f"kapot in {GEHEIM}")

    monkeypatch.setattr(kaartpaneel, "kerncijfers", kapot)
    at = draai(AppTest.from_file(APP, default_timeout=90))
    assert [e.value for e in at.error] == [foutgrens.MELDING]
    tekst = _alle_tekst(at)
    assert GEHEIM not in tekst and "Traceback" not in tekst and "RuntimeError" not in tekst
    assert any(GEHEIM in r.getMessage() or (r.exc_info and GEHEIM in str(r.exc_info[1])) for r in caplog.records)


def test_opslaan_terwijl_een_ander_schrijft(appstore):
    at = _aangemeld(params={"project": "P012"})
    voor = appstore.checksum()
    at.text_input(key="bewerk-P012-1-titel").input("Wordt niet opgeslagen")
    with schrijfslot(appstore.pad):
        _knop(at, "Opslaan").click()
        draai(at)
    assert [e.value for e in at.error] == [f"Niet opgeslagen: {bezet.MELDING}"]
    assert appstore.checksum() == voor
    _knop(at, "Opslaan").click()
    draai(at)
    assert appstore.project("P012")["titel"] == "Wordt niet opgeslagen"


def test_import_bevestigen_terwijl_een_ander_schrijft(appstore, tmp_path):
    at = _aangemeld()
    pad = schrijf_csv(tmp_path / "nieuw.csv", [rij()])
    at.file_uploader[0].set_value((pad.name, pad.read_bytes(), "text/csv"))
    draai(at)
    voor = appstore.checksum()
    with schrijfslot(appstore.pad):
        _knop(at, "Import bevestigen").click()
        draai(at)
    assert [e.value for e in at.error] == [f"Import niet uitgevoerd. {bezet.MELDING}"]
    assert appstore.checksum() == voor


def test_leerlijn_vastleggen_terwijl_een_ander_schrijft(appstore):
    at = _aangemeld(params={"project": "P012"})
    voor = appstore.checksum()
    with schrijfslot(appstore.pad):
        _knop(at, "Bevestig als leerlijn: P011 bouwt voort op P012").click()
        draai(at)
    assert [e.value for e in at.error] == [f"Niet vastgelegd: {bezet.MELDING}"]
    assert appstore.checksum() == voor


def test_een_onverwachte_fout_in_een_actie_geeft_een_nederlandse_melding(appstore, monkeypatch):
    at = _aangemeld(params={"project": "P012"})

    def kapot(*_):
        raise KeyError(GEHEIM)

    monkeypatch.setattr(toegang, "wijzig", kapot)
    _knop(at, "Opslaan").click()
    draai(at)
    assert foutgrens.ACTIEMELDING in [e.value for e in at.error]
    assert GEHEIM not in _alle_tekst(at)


def test_foutdetails_staan_uit_in_de_streamlit_instellingen():
    instellingen = (Path(APP).parent / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    assert 'showErrorDetails = "none"' in instellingen
