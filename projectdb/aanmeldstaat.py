"""Sign-in state in the store, shared by every app process that uses the same database (SQLite or PostgreSQL).

Plain functions over the tables of :data:`projectdb.schema.TOEGANGSTABELLEN`, so a sign-in made on one app
replica is checked, kept alive and ended on every other, and failed attempts count together wherever they land.
Tokens are never stored: a sign-in is found by the SHA-256 of its token (:func:`token_hash`). Times are seconds
since the epoch (the caller's clock); the policy (limits, windows, idle time) belongs to the access layer. None of
these writes raise the database revision: sign-ins change nothing the app caches.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from projectdb import schema as sch

BEWAARTIJD = 31 * 24 * 3600.0
"""Seconds an ended or idle sign-in row is kept, so a replayed login cookie (valid for 30 days) stays refused."""

_A, _M, _B = sch.aanmelding, sch.mislukte_aanmelding, sch.blokkade


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


def wachttijd(store, sleutels: Sequence[str], nu: float) -> float:
    """Seconds until none of the throttle ``sleutels`` is blocked any more (0: none is)."""
    with store._lees() as con:
        tot = con.execute(sa.select(sa.func.max(_B.c.tot)).where(_B.c.sleutel.in_(list(sleutels)))).scalar()
    return max(0.0, (tot or 0.0) - nu)


def tel_mislukt(store, grenzen: Sequence[tuple[str, int]], nu: float, venster: float, blokkade: float) -> None:
    """Count one failed attempt under each key of ``grenzen`` (key, limit); a key with ``limit`` failures within
    the last ``venster`` seconds is blocked for ``blokkade`` seconds and its count starts over. Rows older than
    the window and expired blocks are removed in the same transaction, so the tables stay small."""
    with store._schrijf(revisie=False) as con:
        con.execute(sa.delete(_M).where(_M.c.tijdstip <= nu - venster))
        con.execute(sa.delete(_B).where(_B.c.tot <= nu))
        for sleutel, grens in grenzen:
            con.execute(sa.insert(_M).values(sleutel=sleutel, tijdstip=nu))
            aantal = con.execute(sa.select(sa.func.count()).where(_M.c.sleutel == sleutel)).scalar_one()
            if aantal >= grens:
                con.execute(sa.delete(_M).where(_M.c.sleutel == sleutel))
                _zet_blokkade(con, sleutel, nu + blokkade)


def _zet_blokkade(con: sa.Connection, sleutel: str, tot: float) -> None:
    """Insert or move the block of ``sleutel``; a savepoint keeps a concurrent insert from aborting the rest."""
    try:
        with con.begin_nested():
            con.execute(sa.insert(_B).values(sleutel=sleutel, tot=tot))
    except sa.exc.IntegrityError:
        con.execute(sa.update(_B).where(_B.c.sleutel == sleutel).values(tot=tot))


def wis_mislukt(store, sleutel: str) -> None:
    """Forget the failed attempts under ``sleutel`` (after a successful sign-in)."""
    with store._schrijf(revisie=False) as con:
        con.execute(sa.delete(_M).where(_M.c.sleutel == sleutel))


def registreer(store, token: str, soort: str, naam: str, rol: str, binding: str, nu: float) -> Aanmelding:
    """Store a new sign-in for ``token``, started and last active at ``nu``, unless one is stored already (two
    page runs of one new OIDC sign-in may both get here: the first wins, nothing is overwritten); returns the
    stored sign-in. Rows ended or idle for longer than :data:`BEWAARTIJD` are removed."""
    with store._schrijf(revisie=False) as con:
        con.execute(sa.delete(_A).where(_A.c.laatst_actief <= nu - BEWAARTIJD))
        try:
            with con.begin_nested():
                con.execute(
                    sa.insert(_A).values(
                        token_hash=token_hash(token),
                        soort=soort,
                        naam=naam,
                        rol=rol,
                        binding=binding,
                        begonnen=nu,
                        laatst_actief=nu,
                    )
                )
        except sa.exc.IntegrityError:
            pass  # registered by a concurrent page run of the same sign-in: theirs stands
        gelezen = _lees_aanmelding(con, token_hash(token))
    if gelezen is None:
        raise RuntimeError("aanmelding niet opgeslagen")
    return gelezen


def _lees_aanmelding(con: sa.Connection, hash_: str) -> Aanmelding | None:
    """The sign-in whose token hashes to ``hash_``, as seen by the open transaction of ``con``."""
    rij = con.execute(
        sa.select(
            _A.c.soort, _A.c.naam, _A.c.rol, _A.c.binding, _A.c.begonnen, _A.c.laatst_actief, _A.c.beeindigd
        ).where(_A.c.token_hash == hash_)
    ).first()
    return None if rij is None else Aanmelding(*rij[:6], beeindigd=bool(rij[6]))


def aanmelding(store, token: str) -> Aanmelding | None:
    """The stored sign-in of ``token``, or ``None``."""
    with store._lees() as con:
        return _lees_aanmelding(con, token_hash(token))


def houd_actief(store, token: str, nu: float, rol: str | None = None) -> None:
    """Mark the sign-in of ``token`` active at ``nu`` (and give it role ``rol`` when given); an ended one stays
    ended."""
    waarden = {"laatst_actief": sa.case((_A.c.laatst_actief < nu, nu), else_=_A.c.laatst_actief)}
    if rol is not None:
        waarden["rol"] = rol
    with store._schrijf(revisie=False) as con:
        con.execute(sa.update(_A).where(_A.c.token_hash == token_hash(token), _A.c.beeindigd == 0).values(**waarden))


def beeindig(store, token: str) -> None:
    """End the sign-in of ``token`` on every replica (no error when there is none)."""
    beeindig_hash(store, token_hash(token))


def actieve(store, sinds: float) -> list[tuple[str, Aanmelding]]:
    """The sign-ins not ended and active after ``sinds`` (seconds), most recently active first, each with the
    hash of its token (to end it with :func:`beeindig_hash`)."""
    with store._lees() as con:
        rijen = con.execute(
            sa.select(_A.c.token_hash, _A.c.soort, _A.c.naam, _A.c.rol, _A.c.binding, _A.c.begonnen, _A.c.laatst_actief)
            .where(_A.c.beeindigd == 0, _A.c.laatst_actief > sinds)
            .order_by(_A.c.laatst_actief.desc(), _A.c.naam)
        ).all()
    return [(rij[0], Aanmelding(*rij[1:], beeindigd=False)) for rij in rijen]


def beeindig_hash(store, hash_: str) -> None:
    """End the sign-in whose token hashes to ``hash_`` (see :func:`actieve`) on every replica."""
    with store._schrijf(revisie=False) as con:
        con.execute(sa.update(_A).where(_A.c.token_hash == hash_).values(beeindigd=1))
