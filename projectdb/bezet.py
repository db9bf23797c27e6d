"""A database that another writer holds: retry briefly, then a Dutch message that nothing was lost.

SQLite allows one writer at a time; a large import holds the write lock for seconds. Every write already waits
up to ``busy_timeout`` (5 s, :mod:`projectdb.verbinding`); a write that still finds the database locked is tried
once more after a short pause, then refused with :class:`DatabaseBezet`. PostgreSQL's counterparts (a lock not
available, a serialization failure, a deadlock) are treated alike. Each write is one transaction, so a refused
attempt has written nothing and repeating it is safe. The errors are recognised raw and wrapped by SQLAlchemy.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from typing import TypeVar

import sqlalchemy as sa

T = TypeVar("T")

POGINGEN = 2
"""Attempts in all, each waiting up to the busy timeout of the connection."""
PAUZE = 0.5
"""Seconds between attempts."""
MELDING = (
    "Iemand anders schrijft op dit moment naar de database (bijvoorbeeld een grote import). Er is niets "
    "opgeslagen en niets verloren gegaan; probeer het over een minuut opnieuw."
)


class DatabaseBezet(RuntimeError):
    """The database stayed locked by another writer; nothing was written."""

    def __init__(self) -> None:
        super().__init__(MELDING)


PG_BEZET = frozenset({"55P03", "40001", "40P01"})
"""PostgreSQL SQLSTATEs of a write that lost to another: lock not available, serialization failure, deadlock."""


def is_bezet(fout: BaseException) -> bool:
    """Whether ``fout`` (raw or wrapped in :class:`sqlalchemy.exc.DBAPIError`) is SQLite's "database is locked"
    (or "busy") error or one of PostgreSQL's :data:`PG_BEZET`."""
    if isinstance(fout, sa.exc.DBAPIError):
        fout = fout.orig
    if isinstance(fout, sqlite3.OperationalError):
        return any(w in str(fout).lower() for w in ("locked", "busy"))
    return getattr(fout, "sqlstate", None) in PG_BEZET


def bij_bezet_opnieuw(schrijf: Callable[[], T]) -> T:
    """``schrijf()``, repeated after :data:`PAUZE` while the database is locked; :class:`DatabaseBezet` after
    :data:`POGINGEN` attempts."""
    poging = 1
    while True:
        try:
            return schrijf()
        except (sqlite3.OperationalError, sa.exc.DBAPIError) as fout:
            if not is_bezet(fout):
                raise
            if poging >= POGINGEN:
                raise DatabaseBezet from fout
        poging += 1
        time.sleep(PAUZE)
