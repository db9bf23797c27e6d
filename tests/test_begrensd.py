"""No import check may cost the server more than a few seconds of CPU: the padded XLSX and CSV are refused
quickly (library and command line), and any check over its CPU or wall-clock budget is stopped."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
from opgevuld import opgevulde_csv, opgevulde_xlsx
from streamlit.testing.v1 import AppTest
from voorbeeldprojecten import VOORBEELD, schrijf_csv

from dashboard import data
from projectdb import Validatiefout, begrensd, open_store
from projectdb.importeer import importeer_bestand

REPO = Path(__file__).resolve().parents[1]
MAX_CPU = 5.0
"""CPU seconds a hostile file may cost, everything included."""


def cpu() -> float:
    """CPU seconds of this process plus its waited-for children (the check's worker processes)."""
    eigen, kinderen = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return eigen.ru_utime + eigen.ru_stime + kinderen.ru_utime + kinderen.ru_stime


@pytest.fixture(scope="module")
def bestanden(tmp_path_factory):
    map_ = tmp_path_factory.mktemp("opgevuld")
    return {"xlsx": opgevulde_xlsx(map_ / "opgevuld.xlsx"), "csv": opgevulde_csv(map_ / "opgevuld.csv")}


@pytest.fixture
def db(tmp_path):
    pad = tmp_path / "db" / "s.sqlite"
    open_store(pad, bron=schrijf_csv(tmp_path / "bron.csv", VOORBEELD))
    return pad


def test_de_opgevulde_xlsx_is_klein(bestanden):
    assert bestanden["xlsx"].stat().st_size < 200_000
    assert bestanden["csv"].stat().st_size < 10_000_000


@pytest.mark.parametrize("soort", ["xlsx", "csv"])
def test_opgevuld_bestand_binnen_5_s_rekentijd_geweigerd(db, bestanden, soort):
    store = open_store(db)
    voor, begin = store.checksum(), cpu()
    with pytest.raises(Validatiefout) as fout:
        importeer_bestand(store, bestanden[soort], proef=True)
    kosten = cpu() - begin
    assert kosten < MAX_CPU, f"{kosten:.1f} s rekentijd"
    assert "meer dan 20.000 rijen (lege rijen tellen mee)" in str(fout.value)
    assert bestanden[soort].name in str(fout.value)
    assert store.checksum() == voor


@pytest.mark.parametrize("soort", ["xlsx", "csv"])
def test_opdrachtregel_weigert_opgevuld_bestand_binnen_5_s_rekentijd(db, bestanden, soort):
    omgeving = {**os.environ, "SAMENWERKING_DB": str(db)}
    begin = cpu()
    # Read naively, the XLSX takes about an hour; the timeout turns that into a failure.
    uitkomst = subprocess.run(
        [sys.executable, "-m", "projectdb", "import", str(bestanden[soort]), "--dry-run"],
        cwd=REPO,
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    kosten = cpu() - begin
    assert uitkomst.returncode == 1
    assert "meer dan 20.000 rijen (lege rijen tellen mee)" in uitkomst.stderr
    assert "Traceback" not in uitkomst.stderr
    assert kosten < MAX_CPU, f"{kosten:.1f} s rekentijd (interpreter en import meegerekend)"


@pytest.mark.parametrize("soort", ["xlsx", "csv"])
def test_upload_in_de_app_weigert_opgevuld_bestand_binnen_5_s_rekentijd(tmp_path, monkeypatch, bestanden, soort):
    monkeypatch.setenv("SAMENWERKING_DB", str(tmp_path / "app.sqlite"))
    data.opslag.clear()
    data.vernieuw()
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    at.switch_page("pages/projecten.py")
    at.run()
    pad = bestanden[soort]
    at.file_uploader[0].set_value((pad.name, pad.read_bytes(), "application/octet-stream"))
    begin = cpu()
    at.run()
    kosten = cpu() - begin
    assert not at.exception
    assert [e.value for e in at.error] == ["Proefimport afgekeurd; er is niets opgeslagen."]
    assert "meer dan 20.000 rijen (lege rijen tellen mee)" in at.code[0].value
    assert kosten < MAX_CPU, f"{kosten:.1f} s rekentijd (ook het opnieuw tonen van de pagina)"
    data.opslag.clear()
    data.vernieuw()


def _rekenen() -> None:
    while True:
        pass


def _wachten() -> None:
    time.sleep(120)


def test_een_controle_boven_de_rekentijd_wordt_gestopt():
    begin, klok = cpu(), time.monotonic()
    with pytest.raises(Validatiefout) as fout:
        begrensd.begrensd(_rekenen, (), "zwaar.xlsx", cpu_seconden=1)
    assert cpu() - begin < 3 and time.monotonic() - klok < 20
    assert "zwaar.xlsx: de controle van dit bestand kost meer dan 1 seconden rekentijd en is afgebroken" in str(
        fout.value
    )


def test_een_hangende_controle_wordt_na_de_wandklok_gestopt(monkeypatch):
    monkeypatch.setattr(begrensd, "_WANDMARGE", 0.0)
    klok = time.monotonic()
    with pytest.raises(
        Validatiefout, match="traag.csv: de controle van dit bestand duurde langer dan 4 seconden en is"
    ):
        begrensd.begrensd(_wachten, (), "traag.csv", cpu_seconden=1)
    assert time.monotonic() - klok < 10


def test_uitkomst_en_afkeuring_komen_terug_uit_het_werkproces(db, tmp_path):
    assert begrensd.begrensd(sum, ([1, 2, 3],), "x.csv", cpu_seconden=2) == 6
    rapport = importeer_bestand(
        open_store(db), schrijf_csv(tmp_path / "goed.csv", VOORBEELD[:1]), proef=True, update=True
    )
    assert rapport.ongewijzigd == ["P001"]
