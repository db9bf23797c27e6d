"""The project store on both backends (a SQLite file and a real PostgreSQL 15): creation, constraints, optimistic
locking, change log, backups."""

from __future__ import annotations

import sqlite3

import pandas as pd
import pytest
import sqlalchemy as sa
from voorbeeldprojecten import VOORBEELD, rij, schrijf_csv

from projectdb import Conflict, OnbekendProject, OngeldigeDatabase, Validatiefout, gebied, open_store
from projectdb.kolommen import KOLOMMEN
from projectdb.schema import SCHEMA_VERSIE
from projectdb.store import PROJECTEN_CSV


@pytest.fixture
def bron(tmp_path):
    return schrijf_csv(tmp_path / "bron.csv", VOORBEELD)


@pytest.fixture
def store(databasedoel, bron):
    return open_store(databasedoel, bron=bron)


def test_eerste_start_maakt_database_uit_csv(store):
    projecten = store.projecten()
    assert list(projecten.columns) == [*KOLOMMEN, "versie", "importronde"]
    assert set(projecten["status"]) == {"vastgesteld"}
    assert list(projecten["project_id"]) == ["P001", "P002", "P003", "P004"]
    p004 = projecten.set_index("project_id").loc["P004"]
    assert p004["verzekeraars"] == ("VGZ", "CZ")
    assert p004["instrumenten"] == ("Werkwijze", "Inkoop")
    assert p004["bouwt_voort_op"] == ("P002",)
    assert p004["gebied"] == "wmo:Zuid-Limburg;wmo:West-Brabant"
    assert p004["indeling_jaar"] == 2017 and p004["versie"] == 1
    assert store.project("P001")["partners"] == ("wijkteams", "huisartsen")
    log = store.wijzigingen()
    assert list(log["actie"]) == ["toegevoegd"] * 4
    assert log["redacteur"].str.contains("bron.csv").all()


def test_projectgemeenten_zijn_het_uitgeklapte_gebied(store):
    with store._lees() as con:
        opgeslagen = [
            tuple(r)
            for r in con.exec_driver_sql(
                "SELECT project_id, gemeente_code FROM project_gemeente ORDER BY project_id, gemeente_code"
            )
        ]
    verwacht = gebied.koppeling(store.projecten(), 2017)
    assert opgeslagen == list(verwacht.itertuples(index=False, name=None))
    assert [code for pid, code in opgeslagen if pid == "P001"] == ["GM0014", "GM1895"]


def test_eerste_start_uit_meegeleverde_csv(databasedoel):
    if not PROJECTEN_CSV.exists():
        pytest.skip("data/projects/projecten.csv ontbreekt")
    store = open_store(databasedoel)
    aantal = len(pd.read_csv(PROJECTEN_CSV, dtype=str))
    assert len(store.projecten()) == aantal
    assert store.integriteit() == []


def test_mislukte_eerste_start_laat_geen_bestand_achter(tmp_path):
    fout = schrijf_csv(tmp_path / "fout.csv", [*VOORBEELD, rij(inhoud="Sport")])
    with pytest.raises(Validatiefout, match=r"fout\.csv, regel 6, kolom 'inhoud'"):
        open_store(tmp_path / "s.sqlite", bron=fout)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fout.csv"]


def test_wal_en_verbindingsinstellingen(tmp_path, bron):
    store = open_store(tmp_path / "s.sqlite", bron=bron)
    with sqlite3.connect(store.pad) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with store._lees() as con:
        assert con.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert con.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_omgevingsvariabele_kiest_het_bestand(tmp_path, bron, monkeypatch):
    monkeypatch.setenv("SAMENWERKING_DB", str(tmp_path / "uit_omgeving.sqlite"))
    assert open_store(bron=bron).pad == tmp_path / "uit_omgeving.sqlite"
    assert (tmp_path / "uit_omgeving.sqlite").is_file()


@pytest.mark.parametrize(
    "sql, waarde",
    [
        ("UPDATE project SET inhoud = :w WHERE project_id = 'P001'", "Sport"),
        ("UPDATE project SET intensiteit = :w WHERE project_id = 'P001'", "ontwikkelpject"),
        ("UPDATE project SET geografie = :w WHERE project_id = 'P001'", "Landelijk"),
        ("UPDATE project SET indeling_jaar = :w WHERE project_id = 'P001'", 2020),
        ("UPDATE project SET titel = :w WHERE project_id = 'P001'", None),
        ("UPDATE project SET titel = :w WHERE project_id = 'P001'", "  "),
        ("UPDATE project SET versie = :w WHERE project_id = 'P001'", 0),
        ("UPDATE project SET versie = 'twee' WHERE project_id = :w", "P001"),
        ("INSERT INTO project SELECT * FROM project WHERE project_id = :w", "P001"),
        ("UPDATE project SET project_id = :w WHERE project_id = 'P003'", "X003"),
        ("INSERT INTO project_verzekeraar VALUES ('P001', 5, :w)", "Achmea"),
        ("INSERT INTO project_instrument VALUES ('P001', 5, :w)", "Subsidie"),
        ("INSERT INTO project_gebied VALUES ('P001', 5, :w)", "Groningen"),
        ("INSERT INTO project_partner VALUES ('P001', 5, :w)", "a;b"),
        ("INSERT INTO project_gemeente VALUES ('P001', 2017, :w)", "GM9999"),
        ("INSERT INTO project_gemeente VALUES ('P001', 2025, :w)", "GM0014"),
        ("INSERT INTO project_lineage VALUES ('P003', 0, :w)", "P999"),
        ("UPDATE project SET startjaar = :w WHERE project_id = 'P003'", 1989),
        ("UPDATE project SET eindjaar = :w WHERE project_id = 'P001'", 2014),
        ("UPDATE project SET eindjaar = :w WHERE project_id = 'P003'", 2020),
        ("UPDATE project SET periode_citaat = :w WHERE project_id = 'P003'", "zonder startjaar"),
        ("INSERT INTO project_lineage VALUES ('P003', 0, :w)", "P003"),
        (
            "INSERT INTO wijziging (tijdstip, redacteur, project_id, actie) "
            "VALUES ('2025-01-01T00:00:00Z', 'x', 'P1', :w)",
            "verwijderd",
        ),
    ],
)
def test_databaseregels_weigeren_foute_waarden(store, sql, waarde):
    voor = store.checksum()
    with pytest.raises((sa.exc.IntegrityError, sa.exc.DataError)):
        with store._schrijf() as con:
            con.execute(sa.text(sql), {"w": waarde})
    assert store.checksum() == voor


def test_wijziging_verhoogt_versie_en_komt_in_het_log(store):
    nieuwe_versie = store.wijzig_project(
        "P001",
        {"inhoud": "ESW", "instrumenten": ("Werkwijze", "Beleid"), "gebied": "Groningen"},
        verwachte_versie=1,
        redacteur="ans",
    )
    assert nieuwe_versie == 2
    project = store.project("P001")
    assert project["inhoud"] == "Effectief Samenwerken in de Wijk"
    assert project["instrumenten"] == ("Werkwijze", "Beleid")
    assert project["gebied"] == "GM0014" and project["versie"] == 2
    log = store.wijzigingen("P001").query("actie == 'gewijzigd'").set_index("veld")
    assert log.loc["inhoud", "oude_waarde"] == "Jeugd 18-/18+"
    assert log.loc["inhoud", "nieuwe_waarde"] == "Effectief Samenwerken in de Wijk"
    assert log.loc["instrumenten", "nieuwe_waarde"] == "Werkwijze;Beleid"
    assert log.loc["gebied", "oude_waarde"] == "GM0014;GM1895"
    assert set(log["redacteur"]) == {"ans"}
    assert log["tijdstip"].str.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$").all()
    assert set(gebied.koppeling(store.projecten(), 2017).query("project_id == 'P001'")["gemeente_code"]) == {"GM0014"}


def test_wijziging_zonder_verschil_houdt_versie(store):
    assert store.wijzig_project("P002", {"inhoud": "Jeugd 18min/18plus"}, 1, "ans") == 1
    assert len(store.wijzigingen("P002")) == 1


def test_gelijktijdige_wijziging_geeft_conflict(store):
    eerste, tweede = open_store(store.doel), open_store(store.doel)
    versie = eerste.project("P003")["versie"]
    assert tweede.project("P003")["versie"] == versie
    eerste.wijzig_project("P003", {"titel": "Titel van de eerste"}, versie, "eerste")
    voor = store.checksum()
    with pytest.raises(Conflict, match="intussen gewijzigd") as fout:
        tweede.wijzig_project("P003", {"titel": "Titel van de tweede"}, versie, "tweede")
    assert (fout.value.verwachte_versie, fout.value.huidige_versie, fout.value.redacteur) == (1, 2, "eerste")
    assert store.checksum() == voor
    assert tweede.project("P003")["titel"] == "Titel van de eerste"


@pytest.mark.parametrize(
    "wijzigingen, melding",
    [
        ({"inhoud": "Sport"}, "kolom 'inhoud'"),
        ({"gebied": "Bergen"}, "dubbelzinnig"),
        ({"bouwt_voort_op": ("P004",)}, "kringverwijzing"),
        ({"partners": ("a;b",)}, "bevat ';'"),
        ({"versie": 5}, "niet te wijzigen velden: versie"),
        ({"project_id": "P009"}, "niet te wijzigen velden: project_id"),
    ],
)
def test_foute_wijziging_schrijft_niets(store, wijzigingen, melding):
    voor = store.checksum()
    with pytest.raises(Validatiefout, match=melding):
        store.wijzig_project("P001", wijzigingen, 1, "ans")
    assert store.checksum() == voor


def test_onbekend_project(store):
    with pytest.raises(OnbekendProject, match="P999"):
        store.project("P999")
    with pytest.raises(OnbekendProject, match="P999"):
        store.wijzig_project("P999", {"titel": "x"}, 1, "ans")


def test_import_met_update_logt_oude_en_nieuwe_waarden(store):
    gewijzigd = {**VOORBEELD[2], "titel": "Nieuwe titel", "verzekeraars": "Achmea"}
    with pytest.raises(Validatiefout, match="bestaat al in de database; gebruik --update"):
        store.importeer([gewijzigd], redacteur="bea")
    rapport = store.importeer([gewijzigd, rij()], update=True, redacteur="bea")
    assert (rapport.bijgewerkt, rapport.nieuw) == (["P003"], ["P100"])
    assert store.project("P003")["verzekeraars"] == ("Zilveren Kruis", "De Friesland")
    assert store.project("P003")["versie"] == 2
    log = store.wijzigingen("P003").query("actie == 'gewijzigd'").set_index("veld")
    assert log.loc["titel", "oude_waarde"] == "Convenant kernwerkgebied"
    assert log.loc["verzekeraars", "nieuwe_waarde"] == "Zilveren Kruis;De Friesland"


def test_import_maakt_eerst_een_backup(store):
    voor = store.checksum()
    store.importeer([rij()], redacteur="bea")
    backups = list(store.backupmap.glob("*voor-import*"))
    assert len(backups) == 1
    store.restore(backups[0])
    assert store.checksum() == voor


def test_backup_en_restore_rondgang(store, tmp_path):
    voor = store.checksum()
    kopie = store.backup(tmp_path / "kopieen")
    store.wijzig_project("P001", {"titel": "Anders genoemd"}, 1, "ans")
    store.importeer([rij()], redacteur="ans")
    assert store.checksum() != voor
    store.restore(kopie)
    assert store.checksum() == voor
    assert store.project("P001")["titel"] == VOORBEELD[0]["titel"]
    assert list(store.backupmap.glob("*voor-herstel*"))
    assert store.wijzig_project("P001", {"titel": "Na herstel"}, 1, "ans") == 2
    assert store.integriteit() == []


def test_restore_houdt_wal(tmp_path, bron):
    store = open_store(tmp_path / "s.sqlite", bron=bron)
    store.restore(store.backup(tmp_path / "kopieen"))
    with sqlite3.connect(store.pad) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_restore_weigert_ander_bestand(store, tmp_path):
    voor = store.checksum()
    rommel = tmp_path / "rommel.sqlite"
    rommel.write_bytes(b"geen database" * 100)
    with pytest.raises(OngeldigeDatabase, match="rommel.sqlite"):
        store.restore(rommel)
    with pytest.raises(OngeldigeDatabase, match="niet gevonden"):
        store.restore(tmp_path / "bestaat_niet.sqlite")
    assert store.checksum() == voor
    assert not list(store.backupmap.glob("*voor-herstel*"))


def test_restore_weigert_lege_sqlite(tmp_path, bron):
    store = open_store(tmp_path / "s.sqlite", bron=bron)
    leeg = tmp_path / "leeg.sqlite"
    sqlite3.connect(leeg).close()
    with pytest.raises(OngeldigeDatabase, match="schemaversie"):
        store.restore(leeg)


def test_open_weigert_vreemde_database(tmp_path):
    vreemd = tmp_path / "vreemd.sqlite"
    with sqlite3.connect(vreemd) as con:
        con.execute("CREATE TABLE iets (x)")
    with pytest.raises(OngeldigeDatabase, match=f"schemaversie {SCHEMA_VERSIE}"):
        open_store(vreemd)


def test_open_weigert_vreemde_postgresql_database(pg_database):
    url = pg_database()
    with sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://")).begin() as con:
        con.exec_driver_sql("CREATE TABLE iets (x integer)")
    with pytest.raises(OngeldigeDatabase, match=f"schemaversie {SCHEMA_VERSIE}"):
        open_store(url)


@pytest.mark.parametrize(
    "wijzigingen, melding",
    [
        ({"eindjaar": "2014"}, "eindjaar 2014 ligt vóór startjaar 2015"),
        (
            {"startjaar": "", "eindjaar": "", "periode_citaat": "Het liep van 2015 tot 2016."},
            "citaat zonder periode: startjaar is leeg",
        ),
        ({"startjaar": "2015-2016"}, "is een periode: zet het eerste jaar in startjaar"),
    ],
)
def test_foute_periode_schrijft_niets(store, wijzigingen, melding):
    voor = store.checksum()
    with pytest.raises(Validatiefout, match=melding):
        store.wijzig_project("P001", wijzigingen, 1, "ans")
    assert store.checksum() == voor


def test_periode_in_database_en_log(store):
    p001 = store.project("P001")
    assert (p001["startjaar"], p001["eindjaar"]) == (2015, 2016)
    store.wijzig_project("P001", {"eindjaar": ""}, 1, "ans")
    assert store.project("P001")["eindjaar"] is None
    log = store.wijzigingen("P001").iloc[-1]
    assert log[["veld", "oude_waarde", "nieuwe_waarde"]].tolist() == ["eindjaar", "2016", ""]


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE project SET gebied_precisie = 'deel' WHERE project_id = 'P001'",
        "UPDATE project SET aantal_gemeenten_bron = 3 WHERE project_id = 'P001'",
        "UPDATE project SET verzekeraar_herkomst = 'gok' WHERE project_id = 'P001'",
    ],
)
def test_schema_weigert_deel_zonder_citaat_en_aantal_bij_volledig(store, sql):
    voor = store.checksum()
    with pytest.raises(sa.exc.IntegrityError, match="(?i)check"):
        with store._schrijf() as con:
            con.execute(sa.text(sql))
    assert store.checksum() == voor


@pytest.mark.parametrize(
    "wijzigingen, melding",
    [
        (
            {"gebied_precisie": "half"},
            "kolom 'gebied_precisie': gebied_precisie 'half' is ongeldig; kies volledig of deel",
        ),
        ({"gebied_precisie": "deel"}, "kolom 'precisie_citaat': gebied_precisie 'deel' zonder precisie_citaat"),
        ({"aantal_gemeenten_bron": "4"}, "kolom 'aantal_gemeenten_bron': aantal_gemeenten_bron hoort alleen bij"),
        (
            {
                "gebied_precisie": "deel",
                "precisie_citaat": "een aantal gemeenten",
                "aantal_gemeenten_bron": "een aantal",
            },
            "'een aantal' is geen positief geheel getal",
        ),
        (
            {"verzekeraar_herkomst": "afgeleid"},
            "kolom 'verzekeraar_herkomst': verzekeraar_herkomst 'afgeleid' is ongeldig; kies bron of concessie",
        ),
    ],
)
def test_foute_precisie_of_herkomst_schrijft_niets(store, wijzigingen, melding):
    voor = store.checksum()
    with pytest.raises(Validatiefout) as fout:
        store.wijzig_project("P001", wijzigingen, 1, "ans")
    assert melding in fout.value.rapport.tekst() and "wijziging P001" in fout.value.rapport.tekst()
    assert store.checksum() == voor
