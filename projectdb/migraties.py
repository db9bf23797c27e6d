"""Creating the schema of a new store and migrating an older one, by numbered steps, on both backends.

A small runner on SQLAlchemy rather than Alembic: the store has one schema line (no branches, no downgrades), a
migration must run inside the same write transaction as the version bump, and SQLite files of versions 1 to 5
predate any migration tool (they keep their version in ``PRAGMA user_version``). :data:`MIGRATIES` maps version
*n* to the function that brings a store to *n + 1*; a new version adds one entry (for a new project column:
append it to :func:`projectdb.schema.projectkolommen` and add ``ALTER TABLE project ADD COLUMN`` here).

The vocabulary lives in lookup tables; :func:`werk_vocabulaire_bij` adds labels that :mod:`classify.vocab` gained
since the store was made, on every open.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa

from geo import geodata
from projectdb import schema as sch
from projectdb import tijd
from projectdb.fouten import OngeldigeDatabase
from projectdb.intake import wijs_sleutels_toe
from projectdb.meldingen import Validatiefout
from projectdb.validatie import valideer
from projectdb.verbinding import SCHRIJVEN

_VERSIE_1_NAAR_2 = (
    "ALTER TABLE project ADD COLUMN startjaar INTEGER CHECK (startjaar BETWEEN 1990 AND 2100)",
    "ALTER TABLE project ADD COLUMN eindjaar INTEGER CHECK (eindjaar IS NULL OR (startjaar IS NOT NULL AND "
    "eindjaar BETWEEN startjaar AND 2100))",
    "ALTER TABLE project ADD COLUMN periode_citaat TEXT NOT NULL DEFAULT '' CHECK (periode_citaat = '' OR "
    "startjaar IS NOT NULL)",
    "PRAGMA user_version = 2",
)
"""Version 1 -> 2 (SQLite only): the project period, as shipped then."""

_VERSIE_2_NAAR_3 = (
    "ALTER TABLE project ADD COLUMN gebied_precisie TEXT NOT NULL DEFAULT 'volledig' CHECK (gebied_precisie IN "
    "('volledig', 'deel'))",
    "ALTER TABLE project ADD COLUMN aantal_gemeenten_bron INTEGER CHECK (aantal_gemeenten_bron IS NULL OR "
    "(aantal_gemeenten_bron >= 1 AND gebied_precisie = 'deel'))",
    "ALTER TABLE project ADD COLUMN precisie_citaat TEXT NOT NULL DEFAULT '' CHECK (precisie_citaat <> '' OR "
    "gebied_precisie <> 'deel')",
    "ALTER TABLE project ADD COLUMN verzekeraar_herkomst TEXT NOT NULL DEFAULT 'bron' CHECK (verzekeraar_herkomst "
    "IN ('bron', 'concessie'))",
    "PRAGMA user_version = 3",
)
"""Version 2 -> 3 (SQLite only): area precision and insurer provenance, as shipped then (existing rows get
``volledig`` and ``bron``)."""

_VERSIE_3_NAAR_4 = (
    """CREATE TABLE aanmelding (
    token_hash TEXT NOT NULL PRIMARY KEY CHECK (length(token_hash) = 64),
    soort TEXT NOT NULL CHECK (soort IN ('wachtwoord', 'oidc')),
    naam TEXT NOT NULL CHECK (trim(naam) <> ''),
    rol TEXT NOT NULL CHECK (rol IN ('kijker', 'redacteur', 'beheerder')),
    binding TEXT NOT NULL,
    begonnen REAL NOT NULL,
    laatst_actief REAL NOT NULL CHECK (laatst_actief >= begonnen),
    beeindigd INTEGER NOT NULL DEFAULT 0 CHECK (beeindigd IN (0, 1))
) STRICT""",
    """CREATE TABLE mislukte_aanmelding (
    sleutel TEXT NOT NULL CHECK (sleutel <> ''),
    tijdstip REAL NOT NULL
) STRICT""",
    "CREATE INDEX mislukte_aanmelding_sleutel ON mislukte_aanmelding (sleutel, tijdstip)",
    """CREATE TABLE blokkade (
    sleutel TEXT NOT NULL PRIMARY KEY CHECK (sleutel <> ''),
    tot REAL NOT NULL
) STRICT""",
    "PRAGMA user_version = 4",
)
"""Version 3 -> 4 (SQLite only): the sign-in state shared by all app processes, as shipped then."""

_VERSIE_4_NAAR_5 = (
    """CREATE TABLE importronde (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tijdstip TEXT NOT NULL CHECK (tijdstip GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
    redacteur TEXT NOT NULL CHECK (trim(redacteur) <> ''),
    bestand TEXT NOT NULL,
    leverancier TEXT NOT NULL
) STRICT""",
    "ALTER TABLE project ADD COLUMN bron_id TEXT NOT NULL DEFAULT '' CHECK (length(bron_id) <= 60)",
    "ALTER TABLE project ADD COLUMN leverancier TEXT NOT NULL DEFAULT '' CHECK (bron_id = '' OR "
    "trim(leverancier) <> '')",
    "ALTER TABLE project ADD COLUMN status TEXT NOT NULL DEFAULT 'vastgesteld' CHECK (status IN ('voorstel', "
    "'vastgesteld', 'afgewezen'))",
    "ALTER TABLE project ADD COLUMN importronde INTEGER CHECK (importronde IS NULL OR importronde >= 1)",
    "CREATE UNIQUE INDEX project_bron ON project (leverancier, bron_id) WHERE bron_id <> ''",
    "PRAGMA user_version = 5",
)
"""Version 4 -> 5 (SQLite only): the intake of suppliers' lists, as shipped then (existing rows are
``vastgesteld``)."""

_INTAKEKOLOMMEN = ("bron_id", "leverancier", "status", "importronde")
"""Project columns of the intake, in table order."""

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
"""Tables of the SQLite layout of versions 1 to 3, parents before children (how such a file is recognised)."""

_HERBOUWD = (*_OUDE_TABELLEN, "aanmelding", "mislukte_aanmelding", "blokkade", "importronde")
"""Tables of the SQLite layout of version 5, which the rebuild to version 6 copies."""


def _versie_1_naar_2(con: sa.Connection) -> None:
    for opdracht in _VERSIE_1_NAAR_2:
        con.exec_driver_sql(opdracht)


def _versie_2_naar_3(con: sa.Connection) -> None:
    for opdracht in _VERSIE_2_NAAR_3:
        con.exec_driver_sql(opdracht)


def _versie_3_naar_4(con: sa.Connection) -> None:
    for opdracht in _VERSIE_3_NAAR_4:
        con.exec_driver_sql(opdracht)


def _versie_4_naar_5(con: sa.Connection) -> None:
    for opdracht in _VERSIE_4_NAAR_5:
        con.exec_driver_sql(opdracht)


def _versie_5_naar_6(con: sa.Connection) -> None:
    """Version 5 -> 6. Two layouts were numbered 5: the SQLite file of the intake (version in ``user_version``)
    is rebuilt into the shared layout (:func:`_herbouw`); a store already in the shared layout (table
    ``schemaversie``, either backend) gets the intake added in place (:func:`_voeg_intake_toe`)."""
    if sa.inspect(con).has_table(sch.schemaversie.name):
        _voeg_intake_toe(con)
    else:
        _herbouw(con)


def _voeg_intake_toe(con: sa.Connection) -> None:
    """The intake on a store of the shared layout: table ``importronde``, the intake columns at the end of
    ``project`` (existing rows become ``vastgesteld``) and the unique index on (leverancier, bron_id)."""
    sch.importronde.create(con)
    for kolom in _INTAKEKOLOMMEN:
        definitie = sa.schema.CreateColumn(sch.project.c[kolom]).compile(dialect=con.dialect)
        con.exec_driver_sql(f"ALTER TABLE project ADD COLUMN {definitie}")
    for index in sch.project.indexes:
        if index.name == "project_bron":
            index.create(con)


def _herbouw(con: sa.Connection) -> None:
    """SQLite layout of version 5 -> the shared layout: vocabulary in lookup tables with foreign keys, the
    revision and the schema version (the login tables and import rounds are copied like the rest). SQLite cannot
    change constraints in place, so each table is renamed, made anew and copied (SQLite's documented way; foreign
    keys are off meanwhile and checked at the end). A table missing a column the layout had is refused."""
    for index in (
        "project_gemeente_gemeente",
        "project_lineage_doel",
        "wijziging_project",
        "mislukte_aanmelding_sleutel",
        "project_bron",
    ):
        con.exec_driver_sql(f"DROP INDEX IF EXISTS {index}")
    for tabel in _HERBOUWD:
        con.exec_driver_sql(f'ALTER TABLE "{tabel}" RENAME TO "oud_{tabel}"')
    sch.metadata.create_all(con)
    for tabel, labels in sch.vocabulaire().items():
        kolom = {"label_inhoud": "inhoud", "label_intensiteit": "intensiteit", "label_geografie": "geografie"}.get(
            tabel
        )
        # Labels still in use but no longer in the vocabulary are kept; `projectdb check` reports them.
        gebruikt = (
            con.exec_driver_sql(f"SELECT DISTINCT {kolom} FROM oud_project").scalars().all()
            if kolom
            else con.exec_driver_sql(f"SELECT DISTINCT {tabel[6:]} FROM oud_project_{tabel[6:]}").scalars().all()
        )
        _voeg_labels_toe(con, tabel, [*labels, *(g for g in gebruikt if g not in labels)])
    for tabel in _HERBOUWD:
        oud = {k["name"] for k in sa.inspect(con).get_columns(f"oud_{tabel}")}
        nieuw = [k.name for k in sch.metadata.tables[tabel].columns]
        ontbreekt = [k for k in nieuw if k not in oud]
        if ontbreekt:
            raise OngeldigeDatabase(f"tabel {tabel} mist kolom(men) {', '.join(ontbreekt)}")
        kolommen = ", ".join(f'"{k}"' for k in nieuw)
        con.exec_driver_sql(f'INSERT INTO "{tabel}" ({kolommen}) SELECT {kolommen} FROM "oud_{tabel}"')
    for tabel in reversed(_HERBOUWD):
        con.exec_driver_sql(f'DROP TABLE "oud_{tabel}"')
    laatste = con.execute(sa.select(sa.func.max(sch.wijziging.c.id))).scalar() or 0
    con.execute(sa.insert(sch.stand).values(sleutel=1, revisie=laatste + 1, herstellingen=0))
    con.exec_driver_sql("PRAGMA user_version = 0")
    verkeerd = con.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if verkeerd:
        raise OngeldigeDatabase(f"{len(verkeerd)} ongeldige verwijzingen (eerste in tabel {verkeerd[0][0]})")


MIGRATIES: dict[int, Callable[[sa.Connection], None]] = {
    1: _versie_1_naar_2,
    2: _versie_2_naar_3,
    3: _versie_3_naar_4,
    4: _versie_4_naar_5,
    5: _versie_5_naar_6,
}
"""Version *n* -> the step to *n + 1*; run in one write transaction with the version bump."""


def _voeg_labels_toe(con: sa.Connection, tabel: str, labels) -> None:
    if labels:
        con.execute(sa.insert(sch.metadata.tables[tabel]), [{"naam": label} for label in labels])


def gevonden_versie(store) -> int:
    """The schema version of ``store``; raises :class:`OngeldigeDatabase` when it is no project store of a version
    this code knows (then nothing was changed)."""
    try:
        with store._lees() as con:
            tabellen = set(sa.inspect(con).get_table_names())
            if sch.schemaversie.name in tabellen:
                versie = con.execute(sa.select(sa.func.max(sch.schemaversie.c.versie))).scalar()
            elif not store.is_postgresql and set(_OUDE_TABELLEN) <= tabellen:
                versie = con.exec_driver_sql("PRAGMA user_version").scalar()
            else:
                versie = None
    except sa.exc.DatabaseError as fout:
        raise OngeldigeDatabase(f"{store.naam}: geen projectendatabase ({fout.orig})") from None
    if versie is None or not (versie == sch.SCHEMA_VERSIE or versie in MIGRATIES):
        raise OngeldigeDatabase(
            f"{store.naam}: geen projectendatabase met schemaversie {sch.SCHEMA_VERSIE} of ouder "
            f"(gevonden: {'versie ' + str(versie) if versie else 'geen versie'}, tabellen "
            f"{', '.join(sorted(tabellen)) or 'geen'})"
        )
    return versie


def migreer(store) -> None:
    """Bring ``store`` to :data:`~projectdb.schema.SCHEMA_VERSIE`, all steps in one transaction (a concurrent
    opener finds the old or the new version, never a mix, and migrates only the old). SQLite runs it with foreign
    keys off (a table rebuild needs that); the steps check the references themselves."""
    with store.engine.connect().execution_options(**{SCHRIJVEN: True}) as con:
        if not store.is_postgresql:
            con.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")
        with con.begin():
            versie = _versie(con)
            while versie in MIGRATIES:
                try:
                    MIGRATIES[versie](con)
                except sa.exc.IntegrityError as fout:
                    raise OngeldigeDatabase(
                        f"{store.naam}: migratie van versie {versie} mislukt, de gegevens "
                        f"voldoen niet aan de regels ({fout.orig}); niets gewijzigd"
                    ) from None
                versie += 1
                if sa.inspect(con).has_table(sch.schemaversie.name):
                    con.execute(sa.delete(sch.schemaversie))
                    con.execute(sa.insert(sch.schemaversie).values(versie=versie))


def _versie(con: sa.Connection) -> int:
    if sa.inspect(con).has_table(sch.schemaversie.name):
        return con.execute(sa.select(sa.func.max(sch.schemaversie.c.versie))).scalar_one()
    return con.exec_driver_sql("PRAGMA user_version").scalar_one()


def maak_als_leeg(store, bron: Path) -> None:
    """Create the schema and fill it from the CSV ``bron`` when the database does not exist yet (SQLite: no file;
    PostgreSQL: no table). SQLite builds under a temporary name and links it into place; PostgreSQL builds in
    one transaction under an advisory lock. Either way a failed or concurrent first start leaves nothing half
    made (the loser of a race uses the winner's store, built from the same CSV)."""
    if store.pad is None:
        with store._schrijf(revisie=False) as con:
            con.execute(sa.select(sa.func.pg_advisory_xact_lock(20171)))
            if not sa.inspect(con).get_table_names():
                _vul(store, con, bron)
        return
    if store.pad.exists():
        return
    store.pad.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = store.pad.with_name(f".{store.pad.name}.{os.getpid()}-{secrets.token_hex(4)}.nieuw")
    try:
        nieuw = type(store)(tijdelijk)  # a store of the same class (this module is imported by projectdb.store)
        with nieuw._schrijf(revisie=False) as con:
            _vul(store, con, bron)
        nieuw.engine.dispose()
        with nieuw.engine.connect() as con:
            con.connection.driver_connection.execute("PRAGMA journal_mode = WAL")
        try:
            os.link(tijdelijk, store.pad)
        except FileExistsError:
            pass  # another process created it first; theirs is built from the same CSV
    finally:
        for rest in tijdelijk.parent.glob(tijdelijk.name + "*"):
            rest.unlink()


def _vul(store, con: sa.Connection, bron: Path) -> None:
    """Create every table through ``con`` and fill labels, municipalities and the projects of ``bron`` (validated
    first), written as ``store``'s class writes records."""
    # Imported here: the reader brings openpyxl, which opening an existing store never needs.
    from projectdb.invoer import lees_invoer

    invoer = lees_invoer(bron)
    rijen = wijs_sleutels_toe(invoer.rijen, {}, "", invoer.rapport, invoer.regels)
    records = valideer(rijen, invoer.rapport, {}, False, invoer.regels)
    if invoer.rapport.fouten:
        raise Validatiefout(invoer.rapport)
    for record in records:
        record["status"] = "vastgesteld"  # the shipped records are checked against their sources
    sch.metadata.create_all(con)
    for tabel, labels in sch.vocabulaire().items():
        _voeg_labels_toe(con, tabel, labels)
    for jaar in geodata.JAREN:
        frame = geodata.kenmerken("gemeenten", jaar)
        con.execute(
            sa.insert(sch.gemeente),
            [
                {"gemeente_code": code, "jaar": jaar, "gemeente_naam": naam, "wmo_code": wmo}
                for code, naam, wmo in zip(
                    frame["gemeente_code"], frame["gemeente_naam"], frame["wmo_code"], strict=True
                )
            ],
        )
    type(store)._schrijf_records(con, records, {}, f"eerste start uit {bron.name}", tijd.tijdstip())
    con.execute(sa.insert(sch.stand).values(sleutel=1, revisie=1, herstellingen=0))
    con.execute(sa.insert(sch.schemaversie).values(versie=sch.SCHEMA_VERSIE))


def werk_vocabulaire_bij(store) -> list[str]:
    """Add labels that the vocabulary has and the lookup tables lack; returns them as ``'tabel: label'``."""
    with store._lees() as con:
        ontbreekt = _ontbrekend(con)
    if not ontbreekt:
        return []
    with store._schrijf() as con:
        ontbreekt = _ontbrekend(con)
        for tabel, labels in ontbreekt.items():
            _voeg_labels_toe(con, tabel, labels)
    return [f"{tabel}: {label}" for tabel, labels in ontbreekt.items() for label in labels]


def _ontbrekend(con: sa.Connection) -> dict[str, list[str]]:
    uit = {}
    for tabel, labels in sch.vocabulaire().items():
        aanwezig = set(con.execute(sa.select(sch.metadata.tables[tabel].c.naam)).scalars())
        if set(labels) - aanwezig:
            uit[tabel] = [label for label in labels if label not in aanwezig]
    return uit


def verouderde_labels(store) -> list[str]:
    """Labels in the lookup tables that the vocabulary no longer has, with how many projects use them."""
    uit = []
    with store._lees() as con:
        for veld, tabel in sch.LABELTABELLEN.items():
            labels = sch.vocabulaire()[tabel]
            for label in con.execute(sa.select(sch.metadata.tables[tabel].c.naam)).scalars():
                if label not in labels:
                    uit.append(
                        f"{tabel}: {label!r} staat niet meer in de vocabulaire ({_gebruik(con, veld, label)} "
                        "projecten gebruiken het)"
                    )
    return uit


def _gebruik(con: sa.Connection, veld: str, label: str) -> int:
    kind = {"instrument": sch.project_instrument, "verzekeraar": sch.project_verzekeraar}.get(veld)
    kolom = kind.c[veld] if kind is not None else sch.project.c[veld]
    return con.execute(sa.select(sa.func.count()).where(kolom == label)).scalar_one()
