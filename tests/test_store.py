"""The SQLite project store on real files: creation, constraints, optimistic locking, change log, backups."""

from __future__ import annotations

import sqlite3

import pandas as pd
import pytest
from voorbeeldprojecten import VOORBEELD, rij, schrijf_csv

from projectdb import Conflict, OnbekendProject, OngeldigeDatabase, Validatiefout, gebied, open_store
from projectdb.kolommen import KOLOMMEN
from projectdb.schema import SCHEMA_VERSIE, TOEGANGSTABELLEN
from projectdb.store import PROJECTEN_CSV, Store


@pytest.fixture
def bron(tmp_path):
    return schrijf_csv(tmp_path / "bron.csv", VOORBEELD)


@pytest.fixture
def store(tmp_path, bron):
    return open_store(tmp_path / "db" / "samenwerking.sqlite", bron=bron)


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
    with sqlite3.connect(store.pad) as con:
        opgeslagen = con.execute(
            "SELECT project_id, gemeente_code FROM project_gemeente ORDER BY project_id, gemeente_code"
        ).fetchall()
    verwacht = gebied.koppeling(store.projecten(), 2017)
    assert opgeslagen == list(verwacht.itertuples(index=False, name=None))
    assert [code for pid, code in opgeslagen if pid == "P001"] == ["GM0014", "GM1895"]


def test_eerste_start_uit_meegeleverde_csv(tmp_path):
    if not PROJECTEN_CSV.exists():
        pytest.skip("data/projects/projecten.csv ontbreekt")
    store = open_store(tmp_path / "s.sqlite")
    aantal = len(pd.read_csv(PROJECTEN_CSV, dtype=str))
    assert len(store.projecten()) == aantal
    assert store.integriteit() == []


def test_mislukte_eerste_start_laat_geen_bestand_achter(tmp_path):
    fout = schrijf_csv(tmp_path / "fout.csv", [*VOORBEELD, rij(inhoud="Sport")])
    with pytest.raises(Validatiefout, match=r"fout\.csv, regel 6, kolom 'inhoud'"):
        open_store(tmp_path / "s.sqlite", bron=fout)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fout.csv"]


def test_wal_en_verbindingsinstellingen(store):
    with sqlite3.connect(store.pad) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con = store._verbind()
    try:
        assert con.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert con.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    finally:
        con.close()


def test_omgevingsvariabele_kiest_het_bestand(tmp_path, bron, monkeypatch):
    monkeypatch.setenv("SAMENWERKING_DB", str(tmp_path / "uit_omgeving.sqlite"))
    assert open_store(bron=bron).pad == tmp_path / "uit_omgeving.sqlite"
    assert (tmp_path / "uit_omgeving.sqlite").is_file()


@pytest.mark.parametrize(
    "sql, parameters",
    [
        ("UPDATE project SET inhoud = ? WHERE project_id = 'P001'", ("Sport",)),
        ("UPDATE project SET intensiteit = ? WHERE project_id = 'P001'", ("ontwikkelpject",)),
        ("UPDATE project SET geografie = ? WHERE project_id = 'P001'", ("Landelijk",)),
        ("UPDATE project SET indeling_jaar = ? WHERE project_id = 'P001'", (2020,)),
        ("UPDATE project SET titel = ? WHERE project_id = 'P001'", (None,)),
        ("UPDATE project SET titel = ? WHERE project_id = 'P001'", ("  ",)),
        ("UPDATE project SET versie = ? WHERE project_id = 'P001'", (0,)),
        ("UPDATE project SET versie = ? WHERE project_id = 'P001'", ("twee",)),
        ("INSERT INTO project SELECT * FROM project WHERE project_id = ?", ("P001",)),
        ("UPDATE project SET project_id = ? WHERE project_id = 'P003'", ("X003",)),
        ("INSERT INTO project_verzekeraar VALUES ('P001', 5, ?)", ("Achmea",)),
        ("INSERT INTO project_instrument VALUES ('P001', 5, ?)", ("Subsidie",)),
        ("INSERT INTO project_gebied VALUES ('P001', 5, ?)", ("Groningen",)),
        ("INSERT INTO project_gebied VALUES ('P001', 5, ?)", ("kernwerkgebied:Achmea",)),
        ("INSERT INTO project_partner VALUES ('P001', 5, ?)", ("a;b",)),
        ("INSERT INTO project_gemeente VALUES ('P001', 2017, ?)", ("GM9999",)),
        ("INSERT INTO project_gemeente VALUES ('P001', 2025, ?)", ("GM0014",)),
        ("INSERT INTO project_lineage VALUES ('P003', 0, ?)", ("P999",)),
        ("UPDATE project SET startjaar = ? WHERE project_id = 'P003'", (1989,)),
        ("UPDATE project SET eindjaar = ? WHERE project_id = 'P001'", (2014,)),
        ("UPDATE project SET eindjaar = ? WHERE project_id = 'P003'", (2020,)),
        ("UPDATE project SET periode_citaat = ? WHERE project_id = 'P003'", ("zonder startjaar",)),
        ("INSERT INTO project_lineage VALUES ('P003', 0, ?)", ("P003",)),
        (
            "INSERT INTO wijziging (tijdstip, redacteur, project_id, actie) "
            "VALUES ('2025-01-01T00:00:00Z', 'x', 'P1', ?)",
            ("verwijderd",),
        ),
    ],
)
def test_databaseregels_weigeren_foute_waarden(store, sql, parameters):
    voor = store.checksum()
    with pytest.raises(sqlite3.IntegrityError):
        with store._schrijf() as con:
            con.execute(sql, parameters)
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
    eerste, tweede = open_store(store.pad), open_store(store.pad)
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
    backups = list((store.pad.parent / "backups").glob("*voor-import*.sqlite"))
    assert len(backups) == 1
    assert open_store(backups[0]).checksum() == voor


def test_backup_en_restore_rondgang(store, tmp_path):
    voor = store.checksum()
    kopie = store.backup(tmp_path / "kopieen")
    store.wijzig_project("P001", {"titel": "Anders genoemd"}, 1, "ans")
    store.importeer([rij()], redacteur="ans")
    assert store.checksum() != voor
    store.restore(kopie)
    assert store.checksum() == voor
    assert store.project("P001")["titel"] == VOORBEELD[0]["titel"]
    with sqlite3.connect(store.pad) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert list((store.pad.parent / "backups").glob("*voor-herstel*.sqlite"))


def test_restore_weigert_ander_bestand(store, tmp_path):
    voor = store.checksum()
    rommel = tmp_path / "rommel.sqlite"
    rommel.write_bytes(b"geen database" * 100)
    with pytest.raises(OngeldigeDatabase, match="rommel.sqlite"):
        store.restore(rommel)
    leeg = tmp_path / "leeg.sqlite"
    sqlite3.connect(leeg).close()
    with pytest.raises(OngeldigeDatabase, match="schemaversie"):
        store.restore(leeg)
    with pytest.raises(OngeldigeDatabase, match="niet gevonden"):
        store.restore(tmp_path / "bestaat_niet.sqlite")
    assert store.checksum() == voor


def test_open_weigert_vreemde_database(tmp_path):
    vreemd = tmp_path / "vreemd.sqlite"
    with sqlite3.connect(vreemd) as con:
        con.execute("CREATE TABLE iets (x)")
    with pytest.raises(OngeldigeDatabase, match=f"schemaversie {SCHEMA_VERSIE}"):
        open_store(vreemd)


_PRECISIEKOLOMMEN = ("verzekeraar_herkomst", "precisie_citaat", "aantal_gemeenten_bron", "gebied_precisie")


def _schema(pad) -> list:
    """Tables and indexes of the store at ``pad``: their SQL, but for ``project`` (whose text ALTER TABLE
    extends) its columns with type, default and key."""
    with sqlite3.connect(pad) as con:
        rijen = con.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
        uit = [
            (t, n, sql if n != "project" else repr(con.execute("PRAGMA table_info(project)").fetchall()))
            for t, n, sql in rijen.fetchall()
        ]
    return sorted(uit)


def _als_versie_4(pad) -> None:
    """Turn the store at ``pad`` into one of schema version 4 (with auth's sign-in tables): without the intake
    columns and ``importronde``."""
    with sqlite3.connect(pad) as con:
        con.execute("DROP INDEX project_bron")
        for kolom in ("importronde", "status", "leverancier", "bron_id"):
            con.execute(f"ALTER TABLE project DROP COLUMN {kolom}")
        con.execute("DROP TABLE importronde")
        con.execute("PRAGMA user_version = 4")


def _als_versie_3(pad) -> None:
    """Turn the store at ``pad`` into one of schema version 3: also without the sign-in state tables."""
    _als_versie_4(pad)
    with sqlite3.connect(pad) as con:
        for tabel in TOEGANGSTABELLEN:
            con.execute(f"DROP TABLE {tabel}")
        con.execute("PRAGMA user_version = 3")


def _als_versie_2(pad) -> None:
    """Turn the store at ``pad`` into one of schema version 2: also without the precision and provenance
    columns."""
    _als_versie_3(pad)
    with sqlite3.connect(pad) as con:
        for kolom in _PRECISIEKOLOMMEN:
            con.execute(f"ALTER TABLE project DROP COLUMN {kolom}")
        con.execute("PRAGMA user_version = 2")


def _als_versie_1(pad) -> None:
    """Turn the store at ``pad`` into one of schema version 1: also without the period columns."""
    _als_versie_2(pad)
    with sqlite3.connect(pad) as con:
        for kolom in ("periode_citaat", "eindjaar", "startjaar"):
            con.execute(f"ALTER TABLE project DROP COLUMN {kolom}")
        con.execute("PRAGMA user_version = 1")


def _zonder_periode(projecten: pd.DataFrame) -> pd.DataFrame:
    return projecten.drop(columns=["startjaar", "eindjaar", "periode_citaat", *_PRECISIEKOLOMMEN])


def test_versie_1_wordt_bij_openen_gemigreerd_na_een_backup(store):
    voor = store.projecten()
    _als_versie_1(store.pad)
    oud = store.checksum()
    gemigreerd = open_store(store.pad)
    with sqlite3.connect(store.pad) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSIE
    na = gemigreerd.projecten()
    pd.testing.assert_frame_equal(_zonder_periode(na), _zonder_periode(voor))
    assert na["startjaar"].isna().all() and (na["periode_citaat"] == "").all()
    (backup,) = (store.pad.parent / "backups").glob("*voor-migratie-v1*.sqlite")
    with sqlite3.connect(backup) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 1
    assert Store(backup).checksum() == oud
    assert gemigreerd.integriteit() == []
    nieuw = gemigreerd.wijzig_project(
        "P003", {"startjaar": "2016", "periode_citaat": "Sinds 2016 loopt het."}, 1, "ans"
    )
    assert nieuw == 2 and gemigreerd.project("P003")["startjaar"] == 2016
    open_store(store.pad)
    assert len(list((store.pad.parent / "backups").glob("*voor-migratie*.sqlite"))) == 1


def test_versie_2_wordt_bij_openen_gemigreerd_na_een_backup(store):
    voor = store.projecten()
    _als_versie_2(store.pad)
    oud = store.checksum()
    gemigreerd = open_store(store.pad)
    with sqlite3.connect(store.pad) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSIE
    na = gemigreerd.projecten()
    pd.testing.assert_frame_equal(na, voor)  # the fixture has no precision columns: volledig and bron
    assert (na["gebied_precisie"] == "volledig").all() and (na["verzekeraar_herkomst"] == "bron").all()
    (backup,) = (store.pad.parent / "backups").glob("*voor-migratie-v2*.sqlite")
    with sqlite3.connect(backup) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 2
    assert Store(backup).checksum() == oud
    assert gemigreerd.integriteit() == []
    gemigreerd.wijzig_project(
        "P004",
        {
            "gebied_precisie": "deel",
            "aantal_gemeenten_bron": "circa 10",
            "precisie_citaat": "in een aantal gemeenten in de regio",
        },
        1,
        "ans",
    )
    p004 = gemigreerd.project("P004")
    assert (p004["gebied_precisie"], p004["aantal_gemeenten_bron"]) == ("deel", 10)


def test_schema_weigert_deel_zonder_citaat_en_aantal_bij_volledig(store):
    with sqlite3.connect(store.pad) as con:
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            con.execute("UPDATE project SET gebied_precisie = 'deel' WHERE project_id = 'P001'")
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            con.execute("UPDATE project SET aantal_gemeenten_bron = 3 WHERE project_id = 'P001'")
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            con.execute("UPDATE project SET verzekeraar_herkomst = 'gok' WHERE project_id = 'P001'")


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


def test_restore_van_een_backup_van_versie_1(store, tmp_path):
    voor = store.projecten()
    kopie = store.backup(tmp_path / "kopieen")
    _als_versie_1(kopie)
    store.wijzig_project("P001", {"titel": "Anders genoemd"}, 1, "ans")
    store.restore(kopie)
    with sqlite3.connect(store.pad) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSIE
    na = store.projecten()
    pd.testing.assert_frame_equal(_zonder_periode(na), _zonder_periode(voor))
    assert na["startjaar"].isna().all()
    with sqlite3.connect(kopie) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 1


def test_versie_3_krijgt_de_aanmeldtabellen_zoals_een_nieuwe_database(store, tmp_path):
    nieuw = open_store(tmp_path / "nieuw.sqlite")
    _als_versie_3(store.pad)
    open_store(store.pad)

    assert _schema(store.pad) == _schema(nieuw.pad)
    (backup,) = (store.pad.parent / "backups").glob("*voor-migratie-v3*.sqlite")
    with sqlite3.connect(backup) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 3


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


def test_versie_4_van_auth_wordt_gemigreerd_en_alles_is_vastgesteld(store):
    voor = store.projecten()
    _als_versie_4(store.pad)
    with sqlite3.connect(store.pad) as con:
        con.execute("INSERT INTO blokkade (sleutel, tot) VALUES ('ip:1.2.3.4', 99.0)")
    gemigreerd = open_store(store.pad)
    with sqlite3.connect(store.pad) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSIE == 5
        kolommen = [r[1] for r in con.execute("PRAGMA table_info(project)")]
        assert con.execute("SELECT sleutel, tot FROM blokkade").fetchall() == [("ip:1.2.3.4", 99.0)]
    assert kolommen[-4:] == ["bron_id", "leverancier", "status", "importronde"]
    na = gemigreerd.projecten()
    pd.testing.assert_frame_equal(na, voor)
    assert set(na["status"]) == {"vastgesteld"} and (na["bron_id"] == "").all()
    (backup,) = (store.pad.parent / "backups").glob("*voor-migratie-v4*.sqlite")
    with sqlite3.connect(backup) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 4
        assert "bron_id" not in [r[1] for r in con.execute("PRAGMA table_info(project)")]
    assert gemigreerd.integriteit() == [] and gemigreerd.importrondes().empty


def test_versie_4_krijgt_de_intake_zoals_een_nieuwe_database(store, tmp_path):
    nieuw = open_store(tmp_path / "nieuw.sqlite")
    _als_versie_4(store.pad)
    open_store(store.pad)

    assert _schema(store.pad) == _schema(nieuw.pad)
