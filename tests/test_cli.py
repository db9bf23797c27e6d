"""``python -m projectdb`` as a separate process: exit statuses, Dutch output, nothing written on refusal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from voorbeeldprojecten import VOORBEELD, rij, schrijf_csv

from classify import vocab
from geo import geodata
from projectdb import open_store
from projectdb.store import PROJECTEN_CSV

REPO = Path(__file__).resolve().parents[1]
SJABLOON = REPO / "data" / "projects" / "importsjabloon.xlsx"


def projectdb(*args: str, db: Path) -> subprocess.CompletedProcess:
    """Run the command line on database ``db``."""
    omgeving = {**os.environ, "SAMENWERKING_DB": str(db), "SAMENWERKING_REDACTEUR": "cli-test"}
    return subprocess.run(
        [sys.executable, "-m", "projectdb", *args], cwd=REPO, env=omgeving, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def db(tmp_path):
    """A database created from the small example records (so it does not depend on the shipped records)."""
    pad = tmp_path / "db" / "s.sqlite"
    open_store(pad, bron=schrijf_csv(tmp_path / "bron.csv", VOORBEELD))
    return pad


def test_check_op_de_meegeleverde_gegevens(tmp_path):
    if not PROJECTEN_CSV.exists():
        pytest.skip("data/projects/projecten.csv ontbreekt")
    resultaat = projectdb("check", db=tmp_path / "nieuw.sqlite")
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr
    uit = resultaat.stdout
    assert "projecten.csv (gelezen als UTF-8, scheidingsteken ','):" in uit and " 0 fouten" in uit
    for as_ in vocab.ASSEN:
        assert f"{as_.naam} ({as_.kolom}):" in uit
        for naam in as_.namen:
            assert any(regel.strip().startswith(naam) and regel.split()[-1].isdigit() for regel in uit.splitlines())
    assert "database en CSV: zelfde projecten" in uit
    meegeleverd = pd.read_csv(PROJECTEN_CSV, dtype=str, keep_default_na=False)
    for kolom in ("gebied_precisie", "verzekeraar_herkomst"):
        blok = uit.split(f"Projecten per {kolom}:\n")[1].splitlines()[:2]
        geteld = {regel.split()[0]: int(regel.split()[-1]) for regel in blok}
        assert geteld == meegeleverd[kolom].value_counts().to_dict()
    assert geteld["concessie"] > 0
    zeker = uit.split("Gemeenten met een project, indeling 2017:\n")[1].splitlines()[:3]
    aantallen = [int(regel.split()[-1]) for regel in zeker]
    assert sum(aantallen) == len(geodata.gemeenten(2017)) and aantallen[1] > 0  # some reached only possibly
    assert "Brondocumenten, peildatum 2016–2017" in uit and ".txt" not in uit.split("Brondocumenten")[1]
    aef = next(
        r for r in uit.splitlines() if r.strip().startswith("AEF, Samenwerking zorgverzekeraars en gemeenten, 2017")
    )
    assert int(aef.split()[-1]) == (meegeleverd["bron"] == "002_4672d5e83c675345.txt").sum()


def test_proefimport_schrijft_niets(db, tmp_path):
    voor = open_store(db).checksum()
    resultaat = projectdb("import", str(schrijf_csv(tmp_path / "nieuw.csv", [rij()])), "--dry-run", db=db)
    assert resultaat.returncode == 0, resultaat.stderr
    assert "proefimport: 1 nieuw, 0 bij te werken, 0 ongewijzigd; niets geschreven" in resultaat.stdout
    assert open_store(db).checksum() == voor


def test_import_en_update_met_redacteur(db, tmp_path):
    pad = schrijf_csv(tmp_path / "nieuw.csv", [rij(), {**VOORBEELD[0], "titel": "Bijgewerkt"}])
    zonder = projectdb("import", str(pad), db=db)
    assert zonder.returncode == 1
    assert "nieuw.csv, regel 3, kolom 'project_id': project P001 bestaat al in de database" in zonder.stderr
    met = projectdb("import", str(pad), "--update", "--redacteur", "Els", db=db)
    assert met.returncode == 0, met.stderr
    assert "geïmporteerd: 1 nieuw, 1 bijgewerkt, 0 ongewijzigd" in met.stdout
    assert set(open_store(db).wijzigingen("P001").query("actie == 'gewijzigd'")["redacteur"]) == {"Els"}
    assert set(open_store(db).wijzigingen("P100")["redacteur"]) == {"Els"}


def test_validatiefout_geeft_status_1_en_schrijft_niets(db, tmp_path):
    voor = open_store(db).checksum()
    resultaat = projectdb("import", str(schrijf_csv(tmp_path / "fout.csv", [rij(inhoud="Sport")])), db=db)
    assert resultaat.returncode == 1
    assert "fout: fout.csv, regel 2, kolom 'inhoud': 'Sport' is geen waarde van 'Inhoudelijk'" in resultaat.stderr
    assert "niets geschreven" in resultaat.stderr
    assert open_store(db).checksum() == voor
    ontbreekt = projectdb("import", str(tmp_path / "bestaat_niet.csv"), db=db)
    assert ontbreekt.returncode == 1 and "bestand niet gevonden" in ontbreekt.stderr


@pytest.mark.parametrize(
    "args, melding",
    [
        ((), "deze argumenten ontbreken: opdracht"),
        (("importeren",), "ongeldige keuze"),
        (("import",), "deze argumenten ontbreken: BESTAND"),
        (("import", "a.csv", "--droog"), "onbekende argumenten: --droog"),
        (("export",), "deze argumenten ontbreken: BESTAND"),
    ],
)
def test_verkeerde_opdrachtregel_geeft_status_2(db, args, melding):
    resultaat = projectdb(*args, db=db)
    assert resultaat.returncode == 2
    assert melding in resultaat.stderr and "gebruik: python -m projectdb" in resultaat.stderr


def test_export_backup_en_restore(db, tmp_path):
    store = open_store(db)
    voor = store.checksum()
    assert projectdb("export", str(tmp_path / "uit.xlsx"), db=db).returncode == 0
    assert projectdb("export", str(tmp_path / "uit.csv"), db=db).returncode == 0
    assert (tmp_path / "uit.csv").read_text(encoding="utf-8-sig").count("\nP00") == 4
    backup = projectdb("backup", str(tmp_path / "kopie"), db=db)
    assert backup.returncode == 0
    kopie = Path(backup.stdout.split("reservekopie: ")[1].strip())
    assert projectdb("import", str(schrijf_csv(tmp_path / "n.csv", [rij()])), db=db).returncode == 0
    assert store.checksum() != voor
    assert projectdb("restore", str(kopie), db=db).returncode == 0
    assert store.checksum() == voor
    fout = projectdb("restore", str(tmp_path / "uit.csv"), db=db)
    assert fout.returncode == 1 and "uit.csv" in fout.stderr


def test_sjabloon_is_actueel(tmp_path, db):
    resultaat = projectdb("sjabloon", str(tmp_path / "sjabloon.xlsx"), db=db)
    assert resultaat.returncode == 0
    if not SJABLOON.exists():
        pytest.fail(
            "data/projects/importsjabloon.xlsx ontbreekt: python -m projectdb sjabloon "
            "data/projects/importsjabloon.xlsx --force"
        )
    assert (tmp_path / "sjabloon.xlsx").read_bytes() == SJABLOON.read_bytes()


@pytest.mark.parametrize("opdracht, naam", [("export", "uit.csv"), ("export", "uit.xlsx"), ("sjabloon", "sj.xlsx")])
def test_bestaand_bestand_alleen_met_force_overschreven(db, tmp_path, opdracht, naam):
    doel = tmp_path / naam
    doel.write_bytes(b"eigen werk")
    geweigerd = projectdb(opdracht, str(doel), db=db)
    assert geweigerd.returncode == 1
    assert f"{doel} bestaat al; gebruik --force om het te overschrijven" in geweigerd.stderr
    assert doel.read_bytes() == b"eigen werk"
    assert projectdb(opdracht, str(doel), "--force", db=db).returncode == 0
    assert doel.read_bytes() != b"eigen werk"
