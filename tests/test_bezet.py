"""A busy database on either backend: SQLite's lock and PostgreSQL's lock, serialization and deadlock errors,
raw or wrapped by SQLAlchemy, are retried and then refused with the Dutch message; and a forked import worker
never uses a database connection it inherited from the server."""

from __future__ import annotations

import sqlite3

import pytest
import sqlalchemy as sa
from voorbeeldprojecten import VOORBEELD, schrijf_csv

from projectdb import begrensd, bezet, open_store
from projectdb.bezet import DatabaseBezet, bij_bezet_opnieuw


def _gewikkeld(fout: Exception) -> sa.exc.OperationalError:
    return sa.exc.OperationalError("UPDATE stand", {}, fout)


def test_sqlite_vergrendeling_ook_door_sqlalchemy_gewikkeld_is_bezet():
    assert bezet.is_bezet(sqlite3.OperationalError("database is locked"))
    assert bezet.is_bezet(_gewikkeld(sqlite3.OperationalError("database is locked")))
    assert not bezet.is_bezet(_gewikkeld(sqlite3.OperationalError("no such table: project")))


def test_postgresql_vergrendeling_wordt_herhaald_en_dan_geweigerd(pg_database, monkeypatch):
    monkeypatch.setattr(bezet, "PAUZE", 0.01)
    motor = sa.create_engine(
        pg_database().replace("postgresql://", "postgresql+psycopg://", 1), poolclass=sa.pool.NullPool
    )
    with motor.begin() as con:
        con.exec_driver_sql("CREATE TABLE stand (sleutel integer PRIMARY KEY, revisie integer)")
        con.exec_driver_sql("INSERT INTO stand VALUES (1, 1)")
    pogingen = []

    def schrijf() -> None:
        pogingen.append(1)
        with motor.begin() as con:
            con.exec_driver_sql("SET LOCAL lock_timeout = '50ms'")
            con.exec_driver_sql("UPDATE stand SET revisie = revisie + 1")

    with motor.begin() as houder:
        houder.exec_driver_sql("SELECT * FROM stand FOR UPDATE")
        with pytest.raises(DatabaseBezet, match="niets verloren") as fout:
            bij_bezet_opnieuw(schrijf)
    assert len(pogingen) == bezet.POGINGEN
    assert fout.value.__cause__.orig.sqlstate == "55P03"
    bij_bezet_opnieuw(schrijf)  # free again: the write goes through
    with motor.connect() as con:
        assert con.exec_driver_sql("SELECT revisie FROM stand").scalar_one() == 2
    for sqlstate in ("40001", "40P01"):
        orig = type("PgFout", (Exception,), {"sqlstate": sqlstate})()
        assert bezet.is_bezet(_gewikkeld(orig))
    assert not bezet.is_bezet(_gewikkeld(type("PgFout", (Exception,), {"sqlstate": "23505"})()))


def _in_werker(store) -> tuple[int, int]:
    """In the forked worker: connections the inherited pool still holds (SQLite keeps none), then a read."""
    pool = store.engine.pool
    return (pool.checkedin() if isinstance(pool, sa.pool.QueuePool) else 0), store.revisie()


def test_werkproces_gebruikt_geen_geerfde_verbinding(databasedoel, tmp_path):
    store = open_store(databasedoel, bron=schrijf_csv(tmp_path / "bron.csv", VOORBEELD))
    revisie = store.revisie()  # the server holds a pooled connection (PostgreSQL) from here
    assert begrensd.begrensd(_in_werker, (store,), "x.csv", 5.0) == (0, revisie)
    store.wijzig_project("P001", {"titel": "Na het werkproces"}, 1, "ans")  # the server's own connection still works
    assert store.revisie() > revisie
