"""Gebied tokens: which municipalities a project covers, in either boundary year.

A project's ``gebied`` is a ';'-separated list of tokens, each one of

* ``GM0014`` — a CBS municipality code of the project's ``indeling_jaar``;
* ``wmo:<Wmo-regio>`` — all municipalities of a Wmo-region (report spelling, e.g. ``wmo:Zuid-Limburg``);
* ``provincie:<naam>`` — all municipalities of a province;
* ``kernwerkgebied:<verzekeraar>`` — the municipalities in an insurer's kernwerkgebied of that year;
* ``zorgkantoorregio:<ZKnn>`` — the municipalities of a zorgkantoorregio.

Expansion uses :mod:`geo.geodata` and is cached per (token, year). :func:`koppeling` links projects to the
municipalities of a display year, mapping through the 2017 -> 2025 crosswalk where the years differ.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

import pandas as pd

from classify import vocab
from geo import geodata

SOORTEN = ("wmo", "provincie", "kernwerkgebied", "zorgkantoorregio")
"""Prefixes of region tokens (a bare ``GMnnnn`` is a municipality)."""

_VOORVOEGSELS = {
    "wmo": "wmo",
    "wmoregio": "wmo",
    "regio": "wmo",
    "provincie": "provincie",
    "prov": "provincie",
    "kernwerkgebied": "kernwerkgebied",
    "kwg": "kernwerkgebied",
    "zorgkantoorregio": "zorgkantoorregio",
    "zorgkantoor": "zorgkantoorregio",
    "zk": "zorgkantoorregio",
}
_GEMEENTECODE = re.compile(r"^GM\d{4}$", re.IGNORECASE)
_ZKCODE = re.compile(r"^ZK\d{2}$", re.IGNORECASE)
_SCHEIDING = re.compile(r"[;,\n]")


class GebiedFout(ValueError):
    """A gebied token (or name) that cannot be expanded; the message names the token."""


def splits(gebied: str | Sequence[str]) -> tuple[str, ...]:
    """The tokens of a gebied cell (';'-, ','- or newline-separated) or sequence, stripped, empties dropped."""
    delen = _SCHEIDING.split(gebied) if isinstance(gebied, str) else gebied
    return tuple(d.strip() for d in delen if d and d.strip())


def _soort_en_naam(token: str) -> tuple[str | None, str]:
    """(prefix kind, remainder) of a token; kind None when the token has no known prefix."""
    voor, dubbelepunt, rest = token.partition(":")
    if dubbelepunt:
        soort = _VOORVOEGSELS.get(vocab.sleutel(voor))
        if soort is not None:
            return soort, rest.strip()
    return None, token.strip()


def _fout(token: str, oorzaak: Exception | str) -> GebiedFout:
    """A :class:`GebiedFout` naming ``token``."""
    return GebiedFout(f"gebied {token!r}: {oorzaak}")


@lru_cache(maxsize=4096)
def normaliseer_token(tekst: str, jaar: int) -> tuple[str, str | None]:
    """The canonical token for a token, code or name in boundary year ``jaar``, plus a note for the analyst.

    Prefixed tokens are resolved leniently (``wmo:regio alkmaar / noord-kennemerland``); a bare text is tried
    as municipality (code or name, with historical and alternative names), then Wmo-region, then province.
    The note (or None) says how an ambiguous bare name was read. Raises :class:`GebiedFout` with the
    resolver's suggestions for unknown names and its candidates for ambiguous ones ("Bergen").
    """
    soort, naam = _soort_en_naam(tekst)
    if soort is None and ":" in naam:
        raise _fout(
            tekst,
            f"onbekend voorvoegsel {naam.partition(':')[0] + ':'!r}; gebruik "
            f"{', '.join(s + ':' for s in SOORTEN)} of een gemeentenaam of CBS-code",
        )
    if not naam:
        raise _fout(tekst, "lege naam na het voorvoegsel")
    try:
        if soort == "wmo":
            return f"wmo:{geodata.wmo_regio_naam(geodata.zoek_wmo_regio(naam))}", None
        if soort == "provincie":
            code = geodata.zoek_provincie(naam, jaar)
            return f"provincie:{_provincienamen(jaar)[code]}", None
        if soort == "kernwerkgebied":
            return f"kernwerkgebied:{_kernwerkgebied(naam, jaar)}", None
        if soort == "zorgkantoorregio":
            return f"zorgkantoorregio:{_zorgkantoorregio(naam, jaar)}", None
        if _ZKCODE.match(naam):
            return f"zorgkantoorregio:{_zorgkantoorregio(naam, jaar)}", None
        return _kale_naam(naam, jaar)
    except (geodata.OnbekendeNaam, geodata.DubbelzinnigeNaam, vocab.OnbekendLabel) as oorzaak:
        raise _fout(tekst, oorzaak) from None


def _kale_naam(naam: str, jaar: int) -> tuple[str, str | None]:
    """Resolve a name without prefix: municipality first, then Wmo-region, then province."""
    try:
        code = geodata.zoek_gemeente(naam, jaar)
    except geodata.OnbekendeNaam as gemeentefout:
        for poging in (
            lambda: f"wmo:{geodata.wmo_regio_naam(geodata.zoek_wmo_regio(naam))}",
            lambda: f"provincie:{_provincienamen(jaar)[geodata.zoek_provincie(naam, jaar)]}",
        ):
            try:
                return poging(), None
            except geodata.OnbekendeNaam:
                continue
        raise geodata.OnbekendeNaam(
            f"{gemeentefout} (een Wmo-regio of provincie schrijft u als wmo:<naam> of provincie:<naam>)",
            naam,
            gemeentefout.suggesties,
        ) from None
    if _GEMEENTECODE.match(naam):
        return code, None
    ook = [
        voorvoegsel
        for voorvoegsel, zoek in (
            ("wmo", geodata.zoek_wmo_regio),
            ("provincie", lambda t: geodata.zoek_provincie(t, jaar)),
        )
        if _gevonden(zoek, naam)
    ]
    if not ook:
        return code, None
    return code, (
        f"{naam!r} gelezen als gemeente {code}; voor de Wmo-regio of provincie met die naam schrijft u "
        + " of ".join(f"{v}:{naam}" for v in ook)
    )


def _gevonden(zoek, naam: str) -> bool:
    """Whether resolver ``zoek`` knows ``naam`` (ambiguity counts as known)."""
    try:
        zoek(naam)
    except geodata.DubbelzinnigeNaam:
        return True
    except geodata.OnbekendeNaam:
        return False
    return True


@cache
def _provincienamen(jaar: int) -> dict[str, str]:
    """provincie_code -> provincie_naam in ``jaar``."""
    frame = geodata.kenmerken("provincies", jaar)
    return dict(zip(frame["provincie_code"], frame["provincie_naam"], strict=True))


def _kernwerkgebied(naam: str, jaar: int) -> str:
    """Canonical insurer name with a kernwerkgebied in ``jaar``."""
    verzekeraar = vocab.verzekeraar(naam).naam
    if verzekeraar not in set(geodata.kenmerken("gemeenten", jaar)["kernwerkgebied"]):
        raise vocab.OnbekendLabel(f"{verzekeraar} heeft in {jaar} geen kernwerkgebied")
    return verzekeraar


def _zorgkantoorregio(naam: str, jaar: int) -> str:
    """A zorgkantoorregio code of ``jaar`` for its code (``ZK05``) or name."""
    frame = geodata.kenmerken("gemeenten", jaar)
    codes = dict(zip(frame["zorgkantoorregio_code"], frame["zorgkantoorregio"], strict=True))
    if naam.upper() in codes:
        return naam.upper()
    op_naam = {vocab.sleutel(n): c for c, n in codes.items()}
    if vocab.sleutel(naam) in op_naam:
        return op_naam[vocab.sleutel(naam)]
    raise geodata.OnbekendeNaam(
        f"onbekende zorgkantoorregio ({jaar}): {naam!r}; kies uit: {', '.join(sorted(codes))}", naam, ()
    )


@lru_cache(maxsize=4096)
def gemeenten_van_token(token: str, jaar: int) -> frozenset[str]:
    """The gemeente_codes of boundary year ``jaar`` that ``token`` covers; :class:`GebiedFout` if none."""
    soort, naam = _soort_en_naam(token)
    frame = geodata.kenmerken("gemeenten", jaar)
    try:
        if soort is None and _GEMEENTECODE.match(naam):
            codes = frozenset(frame.loc[frame["gemeente_code"] == naam.upper(), "gemeente_code"])
            if not codes:
                raise GebiedFout(f"gebied {token!r}: {naam.upper()} is geen gemeente van {jaar}")
            return codes
        if soort == "wmo":
            return geodata.wmo_leden(jaar)[geodata.zoek_wmo_regio(naam)]
        if soort == "provincie":
            return frozenset(frame.loc[frame["provincie_code"] == geodata.zoek_provincie(naam, jaar), "gemeente_code"])
        if soort == "kernwerkgebied":
            return frozenset(frame.loc[frame["kernwerkgebied"] == _kernwerkgebied(naam, jaar), "gemeente_code"])
        if soort == "zorgkantoorregio":
            return frozenset(
                frame.loc[frame["zorgkantoorregio_code"] == _zorgkantoorregio(naam, jaar), "gemeente_code"]
            )
    except (geodata.OnbekendeNaam, geodata.DubbelzinnigeNaam, vocab.OnbekendLabel) as oorzaak:
        raise _fout(token, oorzaak) from None
    raise GebiedFout(
        f"gebied {token!r}: geen geldig token; gebruik een CBS-code (GM0014) of "
        f"{', '.join(s + ':<naam>' for s in SOORTEN)}"
    )


def gemeenten_van_gebied(gebied: str | Sequence[str], jaar: int) -> frozenset[str]:
    """Union of :func:`gemeenten_van_token` over the tokens of a gebied cell or sequence."""
    tokens = splits(gebied)
    if not tokens:
        raise GebiedFout("gebied is leeg")
    codes: set[str] = set()
    for token in tokens:
        codes |= gemeenten_van_token(token, jaar)
    return frozenset(codes)


@cache
def _overgang(van: int, naar: int) -> dict[str, tuple[str, ...]]:
    """gemeente_code of ``van`` -> the codes of ``naar`` it overlaps (herindeling crosswalk, either way)."""
    tabel = geodata.herindeling()
    bron, doel = f"gemeente_code_{van}", f"gemeente_code_{naar}"
    return {code: tuple(sorted(groep[doel])) for code, groep in tabel.groupby(bron, sort=True)}


def herindeel(codes: Iterable[str], van: int, naar: int) -> frozenset[str]:
    """Municipality codes of year ``van`` as the codes of year ``naar`` they overlap (identity when equal).

    2017 -> 2025 gives every 2025 municipality a 2017 one became (part of); 2025 -> 2017 every 2017
    municipality that became (part of) it.
    """
    if van == naar:
        return frozenset(codes)
    overgang = _overgang(van, naar)
    return frozenset(doel for code in codes for doel in overgang.get(code, ()))


@lru_cache(maxsize=8192)
def _gemeenten_getoond(tokens: tuple[str, ...], indeling_jaar: int, jaar: int) -> tuple[str, ...]:
    """Sorted codes of display year ``jaar`` for tokens expanded in ``indeling_jaar``."""
    return tuple(sorted(herindeel(gemeenten_van_gebied(tokens, indeling_jaar), indeling_jaar, jaar)))


def koppeling(projecten: pd.DataFrame, jaar: int) -> pd.DataFrame:
    """DataFrame[project_id, gemeente_code]: every municipality of display year ``jaar`` each project covers.

    ``projecten`` needs project_id, gebied (';'-string or tuple) and indeling_jaar. Each distinct
    (gebied, indeling_jaar) is expanded once (cached across calls). Sorted by project_id, gemeente_code.
    Raises :class:`GebiedFout` naming the project and token when a gebied cannot be expanded.
    """
    if jaar not in geodata.JAREN:
        raise geodata.OnbekendJaar(
            f"geen geodata voor jaar {jaar!r}; beschikbaar: {', '.join(map(str, geodata.JAREN))}"
        )
    paren: list[tuple[str, str]] = []
    for project_id, gebied, indeling_jaar in zip(
        projecten["project_id"], projecten["gebied"], projecten["indeling_jaar"], strict=True
    ):
        try:
            codes = _gemeenten_getoond(splits(gebied), int(indeling_jaar), int(jaar))
        except (GebiedFout, geodata.OnbekendJaar) as fout:
            raise GebiedFout(f"project {project_id}: {fout}") from None
        paren.extend((project_id, code) for code in codes)
    uit = pd.DataFrame(paren, columns=["project_id", "gemeente_code"], dtype=str)
    return uit.sort_values(["project_id", "gemeente_code"], ignore_index=True)
