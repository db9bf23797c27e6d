"""Database connections of the project store: an embedded SQLite file (default) or a PostgreSQL server.

``SAMENWERKING_DB`` (or the ``pad`` argument of :func:`projectdb.store.open_store`) is a file path for SQLite or a
URL ``postgresql://user@host:port/db`` for PostgreSQL (driver psycopg 3). The only backend differences live here:
how a transaction starts. SQLite: every connection has foreign keys on and a 5000 ms busy timeout, reads run in
``BEGIN`` and writes in ``BEGIN IMMEDIATE`` (one writer at a time, no deadlock between two upgrading readers).
PostgreSQL: reads run in one ``REPEATABLE READ`` snapshot; writes in ``READ COMMITTED`` and take the row lock of
``stand`` first (see :mod:`projectdb.store`), which serialises writers as SQLite does.
"""

from __future__ import annotations

import os
import secrets
import weakref
from functools import cache
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.pool import NullPool

_MOTOREN: weakref.WeakSet[sa.Engine] = weakref.WeakSet()
"""Every engine made in this process, so a forked child can drop the pools it inherited."""

SCHRIJVEN = "samenwerking_schrijven"
"""Execution option: True on a connection that will write (SQLite: ``BEGIN IMMEDIATE``)."""


def is_url(doel: str | Path) -> bool:
    """Whether ``doel`` names a PostgreSQL server rather than a SQLite file."""
    return str(doel).startswith(("postgresql://", "postgresql+psycopg://", "postgres://"))


def sqlalchemy_url(doel: str | Path) -> sa.URL:
    """The SQLAlchemy URL of a file path or a PostgreSQL URL (always with the psycopg 3 driver)."""
    if is_url(doel):
        url = sa.make_url(str(doel).replace("postgres://", "postgresql://", 1))
        return url.set(drivername="postgresql+psycopg")
    return sa.URL.create("sqlite", database=str(doel))


def _beheer(doel: str, opdracht: str) -> None:
    """Run one statement outside a transaction (CREATE/DROP DATABASE) in the ``postgres`` database of the server
    of the PostgreSQL URL ``doel``."""
    motor = sa.create_engine(
        sqlalchemy_url(doel).set(database="postgres"), poolclass=NullPool, isolation_level="AUTOCOMMIT"
    )
    try:
        with motor.connect() as con:
            con.exec_driver_sql(opdracht)
    finally:
        motor.dispose()


def nieuwe_database(doel: str, voorvoegsel: str = "samenwerking") -> str:
    """Create an empty UTF-8 database ``<voorvoegsel>_<12 random hex digits>`` on the server of the PostgreSQL URL
    ``doel`` (its role needs CREATEDB); returns ``doel`` with that database in it."""
    naam = f"{voorvoegsel}_{secrets.token_hex(6)}"
    _beheer(doel, f'CREATE DATABASE "{naam}" TEMPLATE template0 ENCODING UTF8')
    return sa.make_url(doel).set(database=naam).render_as_string(hide_password=False)


def verwijder_database(doel: str) -> None:
    """Drop the database of the PostgreSQL URL ``doel`` (as made by :func:`nieuwe_database`), ending its open
    sessions; nothing happens when it is gone already."""
    naam = sa.make_url(doel).database
    _beheer(doel, f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')


@cache
def engine(doel: str) -> sa.Engine:
    """One engine per database for the whole process (PostgreSQL keeps a small pool; SQLite opens a connection
    per operation, so nothing holds the file open between operations)."""
    url = sqlalchemy_url(doel)
    if url.get_backend_name() == "sqlite":
        motor = sa.create_engine(url, poolclass=NullPool, connect_args={"timeout": 5.0, "check_same_thread": False})
        event.listen(motor, "connect", _sqlite_verbonden)
        event.listen(motor, "begin", _sqlite_begin)
    else:
        motor = sa.create_engine(
            url,
            pool_size=4,
            max_overflow=4,
            pool_pre_ping=True,
            connect_args={"connect_timeout": 10, "application_name": "samenwerkingskaarten"},
        )
        event.listen(motor, "begin", _postgresql_begin)
    _MOTOREN.add(motor)
    return motor


def _na_fork_in_kind() -> None:
    # A forked child (the import worker of projectdb.begrensd) must not use the parent's pooled connections: their
    # sockets are shared with the parent. close=False leaves them open for the parent; the child opens its own.
    for motor in list(_MOTOREN):
        motor.dispose(close=False)


os.register_at_fork(after_in_child=_na_fork_in_kind)


def _sqlite_verbonden(dbapi_con, _record) -> None:
    # Autocommit at the driver level, so the BEGIN below is the only transaction start (SQLAlchemy's recipe).
    dbapi_con.isolation_level = None
    dbapi_con.execute("PRAGMA foreign_keys = ON")
    dbapi_con.execute("PRAGMA busy_timeout = 5000")


def _sqlite_begin(con: sa.Connection) -> None:
    con.exec_driver_sql("BEGIN IMMEDIATE" if con.get_execution_options().get(SCHRIJVEN) else "BEGIN")


def _postgresql_begin(con: sa.Connection) -> None:
    if not con.get_execution_options().get(SCHRIJVEN):
        con.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
