"""Comparing a database's whole schema with the one this code creates (restore trusts nothing).

:func:`beschrijving` reads tables, columns (type, nullability, default), primary keys, foreign keys, unique and
check constraints and indexes through SQLAlchemy's inspector, plus every object the code never creates:
triggers, views, and on PostgreSQL functions, rules and policies. :func:`verschillen` lists, in Dutch, how a
database differs from :func:`referentie`, a fresh database of the same backend made by
:data:`projectdb.schema.metadata`.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from functools import cache

import sqlalchemy as sa

from projectdb import schema as sch
from projectdb.verbinding import nieuwe_database, sqlalchemy_url, verwijder_database

_EXTRA_SQLITE = {
    "trigger": "SELECT name FROM sqlite_master WHERE type = 'trigger'",
    "view": "SELECT name FROM sqlite_master WHERE type = 'view'",
}
_EXTRA_POSTGRESQL = {
    "trigger": "SELECT tgrelid::regclass::text || '.' || tgname FROM pg_trigger WHERE NOT tgisinternal",
    "view": "SELECT schemaname || '.' || viewname FROM pg_views WHERE schemaname NOT IN ('pg_catalog', "
    "'information_schema') UNION SELECT schemaname || '.' || matviewname FROM pg_matviews",
    "functie": "SELECT n.nspname || '.' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
    "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')",
    "regel": "SELECT schemaname || '.' || tablename || '.' || rulename FROM pg_rules WHERE schemaname NOT IN "
    "('pg_catalog', 'information_schema')",
    "beleid": "SELECT schemaname || '.' || tablename || '.' || policyname FROM pg_policies",
    "schema": "SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema', "
    "'pg_toast', 'public') AND nspname NOT LIKE 'pg_temp_%' AND nspname NOT LIKE 'pg_toast_temp_%'",
}
"""Per backend: kind -> query listing the objects of that kind (the code creates none of them)."""


def _tekst(sql: object) -> str:
    return re.sub(r"\s+", " ", str(sql)).strip()


def _voorwaarde(index: dict, dialect: str) -> str:
    """The WHERE of a partial index as text ('' for a whole-table index): a partial unique index stripped to a
    whole-table one, or given another condition, is a different index."""
    waar = index.get("dialect_options", {}).get(f"{dialect}_where")
    return f" waar {_tekst(waar)}" if waar is not None else ""


def beschrijving(con: sa.Connection) -> dict[tuple[str, str], object]:
    """(kind, name) -> comparable description of every schema object of the database behind ``con``."""
    inspector = sa.inspect(con)
    uit: dict[tuple[str, str], object] = {}
    for tabel in inspector.get_table_names():
        uit[("tabel", tabel)] = {
            "kolommen": {
                k["name"]: (_tekst(k["type"]).upper(), k["nullable"], _tekst(k.get("default")))
                for k in inspector.get_columns(tabel)
            },
            "primaire sleutel": tuple(inspector.get_pk_constraint(tabel)["constrained_columns"]),
            "verwijzingen": sorted(
                f"({', '.join(v['constrained_columns'])}) -> {v['referred_table']} "
                f"({', '.join(v['referred_columns'])}) {sorted(v.get('options', {}).items())}"
                for v in inspector.get_foreign_keys(tabel)
            ),
            "uniek": sorted(", ".join(u["column_names"]) for u in inspector.get_unique_constraints(tabel)),
            "controleregels": sorted(_tekst(c["sqltext"]) for c in inspector.get_check_constraints(tabel)),
            "indexen": sorted(
                f"{i['name']} ({', '.join(str(k) for k in i['column_names'])}){' uniek' if i['unique'] else ''}"
                f"{_voorwaarde(i, con.dialect.name)}"
                for i in inspector.get_indexes(tabel)
            ),
        }
    if con.dialect.name == "sqlite":
        # Table options (STRICT, WITHOUT ROWID) are not reflected: compare what follows the column list. Not the
        # whole text: ALTER TABLE ADD COLUMN writes a migrated table's text differently from a new one's.
        for naam, sql in con.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ):
            uit[("tabel", naam)]["tabelopties"] = _tekst(sql[sql.rfind(")") + 1 :]).upper()
    for soort, vraag in (_EXTRA_SQLITE if con.dialect.name == "sqlite" else _EXTRA_POSTGRESQL).items():
        for (naam,) in con.execute(sa.text(vraag)):
            uit[(soort, naam)] = None
    return uit


def verschillen(con: sa.Connection, verwacht: dict[tuple[str, str], object]) -> list[str]:
    """How the database behind ``con`` differs from the description ``verwacht``, one Dutch line per
    difference (empty when equal)."""
    gevonden = beschrijving(con)
    uit = []
    for soort, naam in sorted(verwacht.keys() - gevonden.keys()):
        uit.append(f"{soort} {naam} ontbreekt")
    for soort, naam in sorted(gevonden.keys() - verwacht.keys()):
        uit.append(f"{soort} {naam} hoort er niet bij (de code maakt die niet)")
    for sleutel in sorted(verwacht.keys() & gevonden.keys()):
        if sleutel[0] == "tabel" and verwacht[sleutel] != gevonden[sleutel]:
            uit += _tabelverschillen(sleutel[1], verwacht[sleutel], gevonden[sleutel])
    return uit


def _tabelverschillen(tabel: str, verwacht: dict, gevonden: dict) -> list[str]:
    uit = []
    for kolom in verwacht["kolommen"].keys() - gevonden["kolommen"].keys():
        uit.append(f"tabel {tabel}: kolom {kolom} ontbreekt")
    for kolom in gevonden["kolommen"].keys() - verwacht["kolommen"].keys():
        uit.append(f"tabel {tabel}: kolom {kolom} hoort er niet bij")
    for kolom in verwacht["kolommen"].keys() & gevonden["kolommen"].keys():
        if verwacht["kolommen"][kolom] != gevonden["kolommen"][kolom]:
            uit.append(
                f"tabel {tabel}: kolom {kolom} heeft type/NULL/standaardwaarde "
                f"{gevonden['kolommen'][kolom]}, verwacht {verwacht['kolommen'][kolom]}"
            )
    for deel in ("primaire sleutel", "verwijzingen", "uniek", "controleregels", "indexen"):
        if deel == "primaire sleutel":
            if verwacht[deel] != gevonden[deel]:
                uit.append(
                    f"tabel {tabel}: primaire sleutel ({', '.join(gevonden[deel])}), verwacht "
                    f"({', '.join(verwacht[deel])})"
                )
            continue
        for regel in sorted(set(verwacht[deel]) - set(gevonden[deel])):
            uit.append(f"tabel {tabel}: {deel} ontbreekt: {regel}")
        for regel in sorted(set(gevonden[deel]) - set(verwacht[deel])):
            uit.append(f"tabel {tabel}: {deel} hoort er niet bij: {regel}")
    if verwacht.get("tabelopties") != gevonden.get("tabelopties"):
        uit.append(
            f"tabel {tabel}: tabelopties {gevonden.get('tabelopties')!r}, verwacht {verwacht.get('tabelopties')!r}"
        )
    return uit


def referentie(store) -> dict[tuple[str, str], object]:
    """The description of a fresh database of ``store``'s backend, made by the code (cached per backend)."""
    return _referentie_postgresql(store.doel) if store.is_postgresql else _referentie_sqlite()


@cache
def _referentie_sqlite() -> dict[tuple[str, str], object]:
    motor = sa.create_engine("sqlite://")
    with motor.begin() as con:
        sch.metadata.create_all(con)
        return beschrijving(con)


@cache
def _referentie_postgresql(doel: str) -> dict[tuple[str, str], object]:
    with tijdelijke_database(doel) as url:
        motor = sa.create_engine(url, poolclass=sa.pool.NullPool)
        with motor.begin() as con:
            sch.metadata.create_all(con)
            return beschrijving(con)


@contextmanager
def tijdelijke_database(doel: str):
    """A new, empty PostgreSQL database on the server of ``doel`` (needs the CREATEDB privilege); yields its
    SQLAlchemy URL and drops it afterwards."""
    url = nieuwe_database(doel, "samenwerking_tmp")
    try:
        yield sqlalchemy_url(url)
    finally:
        verwijder_database(url)
