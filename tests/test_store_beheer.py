"""Store administration on both backends: migrating older layouts, restore that trusts nothing, backup rotation,
the database revision seen by every process, concurrent imports and vocabulary drift."""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa
from voorbeeldprojecten import VOORBEELD, rij, schrijf_csv

from classify import vocab
from projectdb import OngeldigeDatabase, Validatiefout, aanmeldstaat, open_store, reservekopie
from projectdb import store as storemodule
from projectdb.controle import controleer
from projectdb.fouten import Conflict
from projectdb.store import Store

ROOT = Path(__file__).resolve().parents[1]
OUDE_INDELING = {
    2: Path(__file__).with_name("schema_v2_sqlite.sql"),
    3: Path(__file__).with_name("schema_v3_sqlite.sql"),
    4: Path(__file__).with_name("schema_v4_sqlite.sql"),
    5: Path(__file__).with_name("schema_v5_sqlite.sql"),
}
"""The SQLite layouts as shipped with schema versions 2 to 5 (frozen: the migrations start from them)."""
_OUDE_TABELLEN = (
    "gemeente",
    "project",
    "project_verzekeraar",
    "project_instrument",
    "project_partner",
    "project_gebied",
    "project_gemeente",
    "project_lineage",
    "wijziging",
)
_PERIODE = ("periode_citaat", "eindjaar", "startjaar")
_PRECISIE = ("verzekeraar_herkomst", "precisie_citaat", "aantal_gemeenten_bron", "gebied_precisie")


@pytest.fixture
def bron(tmp_path):
    return schrijf_csv(tmp_path / "bron.csv", VOORBEELD)


@pytest.fixture
def store(databasedoel, bron):
    return open_store(databasedoel, bron=bron)


def _maak_oud(pad: Path, inhoud: Store, versie: int) -> None:
    """A SQLite file in the shipped layout of schema ``versie`` (1 to 5) at ``pad`` holding the rows of
    ``inhoud``; version 1 is version 2 without the period columns, as it was."""
    with sqlite3.connect(pad) as con:
        con.executescript(OUDE_INDELING[max(versie, 2)].read_text())
        con.execute("ATTACH DATABASE ? AS nieuw", (str(inhoud.pad),))
        for tabel in (*_OUDE_TABELLEN, *(("importronde",) if versie == 5 else ())):
            kolommen = ", ".join(r[1] for r in con.execute(f"PRAGMA main.table_info({tabel})"))
            con.execute(f"INSERT INTO main.{tabel} ({kolommen}) SELECT {kolommen} FROM nieuw.{tabel}")
        con.commit()
        con.execute("DETACH DATABASE nieuw")
        if versie == 1:
            for kolom in _PERIODE:
                con.execute(f"ALTER TABLE project DROP COLUMN {kolom}")
            con.execute("PRAGMA user_version = 1")
        con.commit()


@pytest.mark.parametrize("versie", [1, 2, 3, 4, 5])
def test_oude_sqlite_wordt_gemigreerd_na_een_backup(tmp_path, bron, versie):
    nieuw = open_store(tmp_path / "nieuw.sqlite", bron=bron)
    nieuw.wijzig_project("P001", {"titel": "Eerder bewerkt"}, 1, "ans")
    if versie == 5:  # an import round with a proposal that carries the supplier's reference
        nieuw.importeer([rij(project_id="", bron_id="ZK-17", titel="Valpreventie thuis")], leverancier="VGZ")
    oud = tmp_path / "db" / "oud.sqlite"
    oud.parent.mkdir()
    _maak_oud(oud, nieuw, versie)
    if versie >= 4:  # the sign-in state of version 4 is copied by the rebuild
        with sqlite3.connect(oud) as con:
            con.execute(
                "INSERT INTO aanmelding VALUES (?, 'oidc', 'Ans', 'redacteur', '', 100.0, 160.0, 0)",
                (aanmeldstaat.token_hash("geheim"),),
            )
            con.execute("INSERT INTO mislukte_aanmelding VALUES ('127.0.0.1', 150.0)")
            con.execute("INSERT INTO blokkade VALUES ('ans', 9999999999.0)")
    gemigreerd = open_store(oud)
    if versie == 5:
        pd.testing.assert_frame_equal(gemigreerd.importrondes(), nieuw.importrondes())
        assert gemigreerd.importrondes()[["leverancier", "voorstel"]].values.tolist() == [["VGZ", 1]]
        with pytest.raises(sa.exc.IntegrityError), gemigreerd._schrijf() as con:
            con.exec_driver_sql("UPDATE project SET leverancier = 'VGZ', bron_id = 'ZK-17' WHERE project_id = 'P001'")
    if versie >= 4:
        assert aanmeldstaat.aanmelding(gemigreerd, "geheim").naam == "Ans"
        assert aanmeldstaat.wachttijd(gemigreerd, ["ans"], 1000.0) > 0
        with gemigreerd._lees() as con:
            assert con.exec_driver_sql("SELECT count(*) FROM mislukte_aanmelding").scalar_one() == 1
    na, voor = gemigreerd.projecten(), nieuw.projecten()
    weg = (*(_PERIODE if versie == 1 else ()), *(_PRECISIE if versie < 3 else ()))
    if versie < 3:
        assert (na["gebied_precisie"] == "volledig").all() and (na["verzekeraar_herkomst"] == "bron").all()
    if versie == 1:
        assert na["startjaar"].isna().all() and (na["periode_citaat"] == "").all()
    pd.testing.assert_frame_equal(na.drop(columns=list(weg)), voor.drop(columns=list(weg)))
    pd.testing.assert_frame_equal(gemigreerd.wijzigingen(), nieuw.wijzigingen())
    assert gemigreerd.integriteit() == []
    (backup,) = (oud.parent / "backups").glob(f"*voor-migratie-v{versie}*.sqlite")
    with sqlite3.connect(backup) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == versie
    assert gemigreerd.wijzig_project("P001", {"titel": "Na migratie"}, 2, "bea") == 3
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
    assert (gemigreerd.project("P004")["gebied_precisie"], gemigreerd.project("P004")["aantal_gemeenten_bron"]) == (
        "deel",
        10,
    )
    assert gemigreerd.wijzigingen()["id"].is_unique
    open_store(oud)
    assert len(list((oud.parent / "backups").glob("*voor-migratie*"))) == 1


def test_verse_postgresql_heeft_het_schema_van_de_code(pg_database, bron):
    store = open_store(pg_database(), bron=bron)
    assert store.integriteit() == []
    assert len(store.projecten()) == len(VOORBEELD)
    assert open_store(store.doel).revisie() == store.revisie()


def test_gedeelde_indeling_van_versie_5_krijgt_de_intake_erbij(store, bron):
    """The shared layout was numbered 5 before the intake joined it: such a store (either backend) gets the
    intake columns, table and index in place, and then has exactly the schema of a new store."""
    voor = store.projecten()
    with store._schrijf(revisie=False) as con:
        con.exec_driver_sql("DROP INDEX project_bron")
        for kolom in ("importronde", "status", "leverancier", "bron_id"):
            con.exec_driver_sql(f"ALTER TABLE project DROP COLUMN {kolom}")
        con.exec_driver_sql("DROP TABLE importronde")
        con.exec_driver_sql("UPDATE schemaversie SET versie = 5")
    store.engine.dispose()
    gemigreerd = open_store(store.doel, bron=bron)
    assert gemigreerd.integriteit() == []
    with gemigreerd._lees() as con:
        assert con.exec_driver_sql("SELECT versie FROM schemaversie").scalar_one() == 6
    pd.testing.assert_frame_equal(gemigreerd.projecten(), voor)
    assert set(voor["status"]) == {"vastgesteld"} and gemigreerd.importrondes().empty
    (backup,) = gemigreerd.backupmap.glob("*voor-migratie-v5*")
    rapport = gemigreerd.importeer([rij(project_id="", bron_id="ZK-17")], leverancier="VGZ")
    assert gemigreerd.importrondes()["voorstel"].tolist() == [1] and len(rapport.nieuw) == 1
    with pytest.raises(sa.exc.IntegrityError), gemigreerd._schrijf() as con:
        con.exec_driver_sql("UPDATE project SET leverancier = 'VGZ', bron_id = 'ZK-17' WHERE project_id = 'P001'")


# --- restore trusts nothing -----------------------------------------------------------------------------------

_SQLITE_ZONDER_REGEL = (
    "PRAGMA writable_schema = ON",
    "UPDATE sqlite_master SET sql = replace(sql, 'CHECK (trim(titel) <> '''')', '') WHERE name = 'project'",
)
_PG_TRIGGER = (
    "CREATE FUNCTION wis() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN DELETE FROM wijziging; RETURN NULL; END $$",
    "CREATE TRIGGER wis AFTER INSERT ON wijziging FOR EACH STATEMENT EXECUTE FUNCTION wis()",
)

_ANDERE_VOORWAARDE = "CREATE UNIQUE INDEX project_bron ON project (leverancier, bron_id) WHERE leverancier <> ''"

SABOTAGE = {
    "kolom weg": (
        ("ALTER TABLE project DROP COLUMN omschrijving",),
        ("ALTER TABLE project DROP COLUMN omschrijving",),
        "kolom omschrijving ontbreekt",
    ),
    "regel weg": (
        _SQLITE_ZONDER_REGEL,
        ("ALTER TABLE project DROP CONSTRAINT project_titel_check",),
        r"controleregels ontbreekt: (trim\(|TRIM\(BOTH FROM )titel",
    ),
    "verwijzing weg": (
        (
            "PRAGMA writable_schema = ON",
            "UPDATE sqlite_master SET sql = replace(sql, 'FOREIGN KEY(inhoud) REFERENCES label_inhoud "
            "(naam), ', '') WHERE name = 'project'",
        ),
        ("ALTER TABLE project DROP CONSTRAINT project_inhoud_fkey",),
        "verwijzingen ontbreekt: .inhoud. -> label_inhoud",
    ),
    "strengheid weg": (
        (
            "PRAGMA writable_schema = ON",
            "UPDATE sqlite_master SET sql = rtrim(replace(sql, 'STRICT', '')) WHERE name = 'project'",
        ),
        ("ALTER TABLE project ALTER COLUMN omschrijving TYPE varchar(5000)",),
        "tabel project: (tabelopties ''|kolom omschrijving heeft type)",
    ),
    "trigger": (
        ("CREATE TRIGGER wis AFTER INSERT ON wijziging BEGIN DELETE FROM wijziging; END",),
        _PG_TRIGGER,
        "trigger .*wis hoort er niet bij",
    ),
    "view": (
        ("CREATE VIEW alles AS SELECT * FROM project",),
        ("CREATE VIEW alles AS SELECT * FROM project",),
        "view .*alles hoort er niet bij",
    ),
    "index erbij": (
        ("CREATE INDEX extra ON project (titel)",),
        ("CREATE INDEX extra ON project (titel)",),
        r"indexen hoort er niet bij: extra \(titel\)",
    ),
    "index gewone index": (
        ("DROP INDEX project_bron", "CREATE INDEX project_bron ON project (leverancier, bron_id)"),
        ("DROP INDEX project_bron", "CREATE INDEX project_bron ON project (leverancier, bron_id)"),
        r"indexen ontbreekt: project_bron \(leverancier, bron_id\) uniek waar",
    ),
    "index andere voorwaarde": (
        ("DROP INDEX project_bron", _ANDERE_VOORWAARDE),
        ("DROP INDEX project_bron", _ANDERE_VOORWAARDE),
        r"indexen hoort er niet bij: project_bron \(leverancier, bron_id\) uniek waar .*leverancier",
    ),
    "tabel erbij": (
        ("CREATE TABLE rommel (x INTEGER)",),
        ("CREATE TABLE rommel (x INTEGER)",),
        "tabel rommel hoort er niet bij",
    ),
}


@pytest.mark.parametrize("geval", SABOTAGE)
def test_restore_weigert_een_gesaboteerde_backup(store, bron, tmp_path, pg_database, geval):
    sqlite_sql, pg_sql, melding = SABOTAGE[geval]
    opdrachten = pg_sql if store.is_postgresql else sqlite_sql
    doel = pg_database() if store.is_postgresql else tmp_path / "ander.sqlite"
    ander = open_store(doel, bron=bron)
    if store.is_postgresql:
        with sa.create_engine(ander.engine.url, poolclass=sa.pool.NullPool).begin() as con:
            for opdracht in opdrachten:
                con.exec_driver_sql(opdracht)
    else:
        con = sqlite3.connect(ander.pad, isolation_level=None)
        for opdracht in opdrachten:
            con.execute(opdracht)
        con.close()
    kopie = ander.backup(tmp_path / "kopieen")
    voor, revisie = store.checksum(), store.revisie()
    with pytest.raises(OngeldigeDatabase, match=melding) as fout:
        store.restore(kopie)
    assert "niets teruggezet" in str(fout.value)
    assert (store.checksum(), store.revisie()) == (voor, revisie)
    assert not list(store.backupmap.glob("*voor-herstel*"))
    store.wijzig_project("P001", {"titel": "Log blijft"}, 1, "ans")
    assert len(store.wijzigingen()) == len(VOORBEELD) + 1


def test_kopie_voor_herstel_valt_nooit_onder_de_rotatie(store, tmp_path):
    kopie = store.backup(tmp_path / "kopieen")
    for _ in range(3):
        store.restore(kopie)
    herstel = sorted(store.backupmap.glob("*voor-herstel*"))
    assert len(herstel) == 3
    oud = reservekopie.BEWAARDE_BACKUPS
    reservekopie.BEWAARDE_BACKUPS = 2
    try:
        store.restore(kopie)
        for _ in range(3):
            reservekopie.automatische_backup(store, "voor-import")
    finally:
        reservekopie.BEWAARDE_BACKUPS = oud
    assert set(herstel) < set(store.backupmap.glob("*voor-herstel*"))
    assert len(list(store.backupmap.glob("*voor-herstel*"))) == 4
    assert len(list(store.backupmap.glob("*voor-import*"))) == 2


# --- revision --------------------------------------------------------------------------------------------------


def test_revisie_groeit_bij_elke_schrijfactie_uit_elk_proces(store, tmp_path):
    anders = Store(store.doel)
    begin = store.revisie()
    kopie = store.backup(tmp_path / "kopieen")
    anders.wijzig_project("P001", {"titel": "Elders gewijzigd"}, 1, "ans")
    assert store.revisie() > begin
    na_wijziging = store.revisie()
    omgeving = {**os.environ, "SAMENWERKING_DB": str(store.doel), "SAMENWERKING_REDACTEUR": "cli"}
    bestand = schrijf_csv(tmp_path / "nieuw.csv", [rij(project_id="P200")])
    subprocess.run(
        [sys.executable, "-m", "projectdb", "import", str(bestand)],
        cwd=ROOT,
        env=omgeving,
        check=True,
        capture_output=True,
    )
    assert store.revisie() > na_wijziging
    na_import = store.revisie()
    subprocess.run(
        [sys.executable, "-m", "projectdb", "restore", str(kopie)],
        cwd=ROOT,
        env=omgeving,
        check=True,
        capture_output=True,
    )
    assert store.revisie() > na_import
    assert store.project("P001")["titel"] == VOORBEELD[0]["titel"]


# --- concurrency -----------------------------------------------------------------------------------------------


def test_disjuncte_import_tussendoor_geeft_geen_vals_conflict(store, monkeypatch):
    echte = storemodule.valideer
    anders = Store(store.doel)

    def valideer_en_laat_een_ander_schrijven(*args, **kwargs):
        monkeypatch.setattr(storemodule, "valideer", echte)
        uitkomst = echte(*args, **kwargs)
        anders.importeer([rij(project_id="P300", titel="Schuldhulp in Groningen", gebied="GM0014")], redacteur="ander")
        return uitkomst

    monkeypatch.setattr(storemodule, "valideer", valideer_en_laat_een_ander_schrijven)
    rapport = store.importeer([rij(project_id="P301")], redacteur="bea")
    assert rapport.nieuw == ["P301"]
    assert {"P300", "P301"} <= set(store.projecten()["project_id"])


def test_gelijkend_project_tussendoor_komt_in_het_rapport(store, monkeypatch):
    """A likely duplicate added by another process in between is kept (as without a choice) and reported."""
    echte = storemodule.valideer
    anders = Store(store.doel)

    def valideer_en_laat_een_ander_schrijven(*args, **kwargs):
        monkeypatch.setattr(storemodule, "valideer", echte)
        uitkomst = echte(*args, **kwargs)
        anders.importeer([rij(project_id="P300")], redacteur="ander")
        return uitkomst

    monkeypatch.setattr(storemodule, "valideer", valideer_en_laat_een_ander_schrijven)
    rapport = store.importeer([rij(project_id="P301")], redacteur="bea")
    assert rapport.nieuw == ["P301"]
    assert [(d.project_id, d.bestaand, d.keuze) for d in rapport.dubbel] == [("P301", "P300", "beide")]
    assert {"P300", "P301"} <= set(store.projecten()["project_id"])


def test_zelfde_nieuwe_sleutel_tussendoor_geeft_conflict(store, monkeypatch):
    """Rows without a key get the next free one; another process taking it in between is a conflict."""
    echte = storemodule.valideer
    anders = Store(store.doel)

    def valideer_en_laat_een_ander_schrijven(*args, **kwargs):
        monkeypatch.setattr(storemodule, "valideer", echte)
        uitkomst = echte(*args, **kwargs)
        anders.importeer([rij(project_id="", titel="Schuldhulp in Groningen", gebied="GM0014")], redacteur="ander")
        return uitkomst

    monkeypatch.setattr(storemodule, "valideer", valideer_en_laat_een_ander_schrijven)
    voor = store.projecten()
    with pytest.raises(Conflict, match="is tijdens de import door een ander toegevoegd; niets geschreven") as fout:
        store.importeer([rij(project_id="", bron_id="ZK-1")], redacteur="bea", leverancier="VGZ")
    assert fout.value.redacteur == "ander"
    na = store.projecten()
    assert len(na) == len(voor) + 1 and (na["bron_id"] != "ZK-1").all()


def test_import_over_hetzelfde_project_tussendoor_geeft_conflict(store, monkeypatch):
    echte = storemodule.valideer
    anders = Store(store.doel)

    def valideer_en_laat_een_ander_schrijven(*args, **kwargs):
        monkeypatch.setattr(storemodule, "valideer", echte)
        uitkomst = echte(*args, **kwargs)
        anders.wijzig_project("P003", {"titel": "Tussendoor"}, 1, "ander")
        return uitkomst

    monkeypatch.setattr(storemodule, "valideer", valideer_en_laat_een_ander_schrijven)
    with pytest.raises(Conflict, match="P003 is tijdens de import door een ander gewijzigd") as fout:
        store.importeer(
            [{**VOORBEELD[2], "titel": "Van de import"}, rij(project_id="P302")], update=True, redacteur="bea"
        )
    assert fout.value.redacteur == "ander"
    assert store.project("P003")["titel"] == "Tussendoor"
    assert "P302" not in set(store.projecten()["project_id"])


def _bestand(map_: Path, naam: str, begin: int, aantal: int) -> Path:
    return schrijf_csv(
        map_ / naam, [rij(project_id=f"P{begin + i}", titel=f"Project {begin + i}") for i in range(aantal)]
    )


def test_twee_processen_importeren_tegelijk(store, tmp_path):
    """Two real processes import at the same moment: disjoint files both land whole; two files with the same ids
    never mix (each project comes whole from one file, or the loser is refused)."""
    omgeving = {**os.environ, "SAMENWERKING_DB": str(store.doel), "SAMENWERKING_REDACTEUR": "proces"}

    def tegelijk(*bestanden: Path) -> list[subprocess.CompletedProcess]:
        processen = [
            subprocess.Popen(
                [sys.executable, "-m", "projectdb", "import", str(b)],
                cwd=ROOT,
                env=omgeving,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for b in bestanden
        ]
        return [(p.wait(timeout=300), p.stdout.read(), p.stderr.read()) for p in processen]

    uitkomsten = tegelijk(_bestand(tmp_path, "a.csv", 1000, 150), _bestand(tmp_path, "b.csv", 2000, 150))
    assert [code for code, _, _ in uitkomsten] == [0, 0], uitkomsten
    ids = set(store.projecten()["project_id"])
    assert {f"P{1000 + i}" for i in range(150)} | {f"P{2000 + i}" for i in range(150)} <= ids

    c = schrijf_csv(tmp_path / "c.csv", [rij(project_id=f"P{3000 + i}", titel=f"Uit c {i}") for i in range(150)])
    d = schrijf_csv(tmp_path / "d.csv", [rij(project_id=f"P{3000 + i}", titel=f"Uit d {i}") for i in range(150)])
    uitkomsten = tegelijk(c, d)
    assert sorted(code for code, _, _ in uitkomsten) == [0, 1], uitkomsten
    titels = store.projecten().set_index("project_id")["titel"]
    bron = {titels[f"P{3000 + i}"].split()[1] for i in range(150)}
    assert len(bron) == 1
    assert store.integriteit() == []


# --- vocabulary drift ------------------------------------------------------------------------------------------


def test_nieuw_label_in_de_vocabulaire_breekt_een_bestaande_database_niet(store, monkeypatch):
    nieuw = dataclasses.replace(
        vocab.AS_INHOUD.labels[0],
        naam="Sociaal domein breed",
        code="sociaal-breed",
        kort="sociaal breed",
        legenda="sociaal breed",
        synoniemen=(),
    )
    monkeypatch.setattr(
        vocab, "AS_INHOUD", dataclasses.replace(vocab.AS_INHOUD, labels=(*vocab.AS_INHOUD.labels, nieuw))
    )
    heropend = open_store(store.doel)
    assert heropend.vocabulaire_bijgewerkt == ["label_inhoud: Sociaal domein breed"]
    assert heropend.wijzig_project("P001", {"inhoud": "Sociaal domein breed"}, 1, "ans") == 2
    assert heropend.project("P001")["inhoud"] == "Sociaal domein breed"
    assert open_store(store.doel).vocabulaire_bijgewerkt == []


def test_check_meldt_vocabulairedrift(store, bron, monkeypatch):
    weg = vocab.AS_INHOUD.labels[-1]
    monkeypatch.setattr(vocab, "AS_INHOUD", dataclasses.replace(vocab.AS_INHOUD, labels=vocab.AS_INHOUD.labels[:-1]))
    controle = controleer(open_store(store.doel), bron)
    assert any(f"{weg.naam!r} staat niet meer in de vocabulaire" in regel for regel in controle.drift)
    assert f"vocabulaire en database: {len(controle.drift)} verschil" in controle.tekst()


def test_fout_label_blijft_een_nette_melding(store):
    with pytest.raises(Validatiefout, match="kolom 'inhoud'"):
        store.wijzig_project("P001", {"inhoud": "Sport"}, 1, "ans")
    with store._lees() as con:
        assert con.execute(sa.text("SELECT count(*) FROM label_inhoud")).scalar() == len(vocab.AS_INHOUD.labels)
