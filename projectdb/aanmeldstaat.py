"""Sign-in state in the store, shared by every app process that uses the same database.

Plain functions over the tables of :data:`projectdb.schema.TOEGANGSTABELLEN`, so a sign-in made on one app
replica is checked, kept alive and ended on every other, and failed attempts count together wherever they land.
Tokens are never stored: a sign-in is found by the SHA-256 of its token (:func:`token_hash`). Times are seconds
since the epoch (the caller's clock); the policy (limits, windows, idle time) is :mod:`projectdb.toegang`'s.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from projectdb.store import Store

BEWAARTIJD = 31 * 24 * 3600.0
"""Seconds an ended or idle sign-in row is kept, so a replayed login cookie (valid for 30 days) stays refused."""


@dataclass(frozen=True)
class Aanmelding:
    """One stored sign-in: kind (``wachtwoord`` or ``oidc``), the identity written to the change log, its role,
    the password binding (empty for OIDC), start and last activity (seconds), and whether it was ended."""

    soort: str
    naam: str
    rol: str
    binding: str
    begonnen: float
    laatst_actief: float
    beeindigd: bool


def token_hash(token: str) -> str:
    """Hex SHA-256 of a sign-in token: what the store keeps instead of the token."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def wachttijd(store: Store, sleutels: Sequence[str], nu: float) -> float:
    """Seconds until none of the throttle ``sleutels`` is blocked any more (0: none is)."""
    with store._lees() as con:
        tot = con.execute(
            f"SELECT max(tot) FROM blokkade WHERE sleutel IN ({', '.join('?' * len(sleutels))})", list(sleutels)
        ).fetchone()[0]
    return max(0.0, (tot or 0.0) - nu)


def tel_mislukt(store: Store, grenzen: Sequence[tuple[str, int]], nu: float, venster: float, blokkade: float) -> None:
    """Count one failed attempt under each key of ``grenzen`` (key, limit); a key with ``limit`` failures within
    the last ``venster`` seconds is blocked for ``blokkade`` seconds and its count starts over. Rows older than
    the window and expired blocks are removed in the same transaction, so the tables stay small."""
    with store._schrijf() as con:
        con.execute("DELETE FROM mislukte_aanmelding WHERE tijdstip <= ?", (nu - venster,))
        con.execute("DELETE FROM blokkade WHERE tot <= ?", (nu,))
        for sleutel, grens in grenzen:
            con.execute("INSERT INTO mislukte_aanmelding (sleutel, tijdstip) VALUES (?, ?)", (sleutel, nu))
            aantal = con.execute("SELECT count(*) FROM mislukte_aanmelding WHERE sleutel = ?", (sleutel,)).fetchone()[0]
            if aantal >= grens:
                con.execute("DELETE FROM mislukte_aanmelding WHERE sleutel = ?", (sleutel,))
                con.execute(
                    "INSERT INTO blokkade (sleutel, tot) VALUES (?, ?) "
                    "ON CONFLICT (sleutel) DO UPDATE SET tot = excluded.tot",
                    (sleutel, nu + blokkade),
                )


def wis_mislukt(store: Store, sleutel: str) -> None:
    """Forget the failed attempts under ``sleutel`` (after a successful sign-in)."""
    with store._schrijf() as con:
        con.execute("DELETE FROM mislukte_aanmelding WHERE sleutel = ?", (sleutel,))


def registreer(store: Store, token: str, soort: str, naam: str, rol: str, binding: str, nu: float) -> Aanmelding:
    """Store a new sign-in for ``token``, started and last active at ``nu``, unless one is stored already (two
    page runs of one new OIDC sign-in may both get here: the first wins, nothing is overwritten); returns the
    stored sign-in. Rows ended or idle for longer than :data:`BEWAARTIJD` are removed."""
    with store._schrijf() as con:
        con.execute("DELETE FROM aanmelding WHERE laatst_actief <= ?", (nu - BEWAARTIJD,))
        con.execute(
            "INSERT INTO aanmelding (token_hash, soort, naam, rol, binding, begonnen, laatst_actief) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (token_hash) DO NOTHING",
            (token_hash(token), soort, naam, rol, binding, nu, nu),
        )
        gelezen = _lees_aanmelding(con, token)
    assert gelezen is not None  # inserted or already there, inside this transaction
    return gelezen


def _lees_aanmelding(con: sqlite3.Connection, token: str) -> Aanmelding | None:
    """The sign-in of ``token`` as seen by the open transaction of ``con``."""
    rij = con.execute(
        "SELECT soort, naam, rol, binding, begonnen, laatst_actief, beeindigd FROM aanmelding WHERE token_hash = ?",
        (token_hash(token),),
    ).fetchone()
    return None if rij is None else Aanmelding(*rij[:6], beeindigd=bool(rij[6]))


def aanmelding(store: Store, token: str) -> Aanmelding | None:
    """The stored sign-in of ``token``, or ``None``."""
    with store._lees() as con:
        return _lees_aanmelding(con, token)


def houd_actief(store: Store, token: str, nu: float, rol: str | None = None) -> None:
    """Mark the sign-in of ``token`` active at ``nu`` (and give it role ``rol`` when given); an ended one stays
    ended."""
    with store._schrijf() as con:
        con.execute(
            "UPDATE aanmelding SET laatst_actief = max(laatst_actief, ?), rol = coalesce(?, rol) "
            "WHERE token_hash = ? AND beeindigd = 0",
            (nu, rol, token_hash(token)),
        )


def beeindig(store: Store, token: str) -> None:
    """End the sign-in of ``token`` on every replica (no error when there is none)."""
    with store._schrijf() as con:
        con.execute("UPDATE aanmelding SET beeindigd = 1 WHERE token_hash = ?", (token_hash(token),))


def actieve(store: Store, sinds: float) -> list[tuple[str, Aanmelding]]:
    """The sign-ins not ended and active after ``sinds`` (seconds), most recently active first, each with the
    hash of its token (to end it with :func:`beeindig_hash`)."""
    with store._lees() as con:
        rijen = con.execute(
            "SELECT token_hash, soort, naam, rol, binding, begonnen, laatst_actief FROM aanmelding "
            "WHERE beeindigd = 0 AND laatst_actief > ? ORDER BY laatst_actief DESC, naam",
            (sinds,),
        ).fetchall()
    return [(rij[0], Aanmelding(*rij[1:], beeindigd=False)) for rij in rijen]


def beeindig_hash(store: Store, hash_: str) -> None:
    """End the sign-in whose token hashes to ``hash_`` (see :func:`actieve`) on every replica."""
    with store._schrijf() as con:
        con.execute("UPDATE aanmelding SET beeindigd = 1 WHERE token_hash = ?", (hash_,))
