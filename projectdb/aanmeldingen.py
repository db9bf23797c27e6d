"""Editor logins and failed-login counters in the database, so every app process (and replica) shares them.

Plain functions on a :class:`~projectdb.store.Store`; the login logic itself (passwords, limits, blocking) stays
in :mod:`projectdb.toegang`, which calls these. Tokens are stored as SHA-256 digests only: whoever reads the
database cannot log in with what it holds. Times are Unix seconds (wall clock, comparable across machines).
None of these writes raise the database revision: logins change nothing the app caches.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa

from projectdb import schema as sch


@dataclass(frozen=True)
class Aanmelding:
    """A stored login: whose it is, with which role, until when (Unix s), and the credential digest."""

    naam: str
    rol: str
    verloopt: float
    kenmerk: str


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def bewaar_aanmelding(store, token: str, naam: str, rol: str, verloopt: float, kenmerk: str = "") -> None:
    """Register the login ``token`` of ``naam`` with ``rol`` until ``verloopt``."""
    with store._schrijf(revisie=False) as con:
        con.execute(
            sa.insert(sch.aanmelding).values(
                token_hash=_hash(token), naam=naam, rol=rol, verloopt=verloopt, kenmerk=kenmerk
            )
        )


def zoek_aanmelding(store, token: str, nu: float) -> Aanmelding | None:
    """The login of ``token``, or None when unknown or expired at ``nu`` (an expired one is removed)."""
    with store._schrijf(revisie=False) as con:
        rij = con.execute(sa.select(sch.aanmelding).where(sch.aanmelding.c.token_hash == _hash(token))).first()
        if rij is None:
            return None
        if rij.verloopt <= nu:
            con.execute(sa.delete(sch.aanmelding).where(sch.aanmelding.c.token_hash == rij.token_hash))
            return None
        return Aanmelding(rij.naam, rij.rol, rij.verloopt, rij.kenmerk)


def vergeet_aanmelding(store, token: str) -> None:
    """End the login ``token`` (no error when it already ended)."""
    with store._schrijf(revisie=False) as con:
        con.execute(sa.delete(sch.aanmelding).where(sch.aanmelding.c.token_hash == _hash(token)))


def noteer_mislukte_poging(store, sleutels: Iterable[str], nu: float, bewaren: float) -> None:
    """Count one failed login at ``nu`` under each of ``sleutels`` (e.g. the address and the account name);
    attempts older than ``bewaren`` seconds are forgotten, so the table does not grow without end."""
    with store._schrijf(revisie=False) as con:
        con.execute(sa.delete(sch.aanmeldpoging).where(sch.aanmeldpoging.c.tijdstip < nu - bewaren))
        rijen = [{"sleutel": sleutel, "tijdstip": nu} for sleutel in dict.fromkeys(sleutels)]
        if rijen:
            con.execute(sa.insert(sch.aanmeldpoging), rijen)


def pogingen(store, sleutel: str, sinds: float) -> list[float]:
    """Times (Unix s, oldest first) of the failed logins under ``sleutel`` since ``sinds``."""
    p = sch.aanmeldpoging
    with store._lees() as con:
        return list(
            con.execute(
                sa.select(p.c.tijdstip).where(p.c.sleutel == sleutel, p.c.tijdstip >= sinds).order_by(p.c.tijdstip)
            ).scalars()
        )


def wis_pogingen(store, sleutel: str) -> None:
    """Forget the failed logins under ``sleutel`` (after a successful login)."""
    with store._schrijf(revisie=False) as con:
        con.execute(sa.delete(sch.aanmeldpoging).where(sch.aanmeldpoging.c.sleutel == sleutel))
