"""How precisely the sources place a project: area precision, insurer provenance and what a map may call certain.

``gebied_precisie`` says whether a project runs in every gemeente of its named areas (``volledig``) or, as the
source says, in some of them without naming which (``deel``). A gemeente named by its own code is always certain.
``verzekeraar_herkomst`` says whether the source names the insurer (``bron``) or the insurer was filled in as the
2017 zorgkantoor concession holder of the area (``concessie``), a derived value with the confidence of that
concession.

These are pure functions on frames; expanding gebied tokens to gemeenten is :mod:`projectdb.gebied`.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

VOLLEDIG, DEEL = "volledig", "deel"
GEBIED_PRECISIES: tuple[str, ...] = (VOLLEDIG, DEEL)
"""Values of ``gebied_precisie``; an empty cell on import means ``volledig``."""

BRON, CONCESSIE = "bron", "concessie"
VERZEKERAAR_HERKOMSTEN: tuple[str, ...] = (BRON, CONCESSIE)
"""Values of ``verzekeraar_herkomst``; an empty cell on import means ``bron``."""

ZEKER, MOGELIJK = "zeker", "mogelijk"
"""How a gemeente is reached by a project: certainly, or possibly (only through a ``deel`` area)."""

ZEKERHEDEN: tuple[str, ...] = ("laag", "middel", "middel-hoog", "hoog")
"""Confidence values of ``zorgkantoor_concessies.csv``, weakest first."""


def zekerheid_van_token(token: str, gebied_precisie: str) -> str:
    """``zeker`` for a named gemeente (``GMnnnn``) or any token of a ``volledig`` project, else ``mogelijk``."""
    return ZEKER if gebied_precisie != DEEL or token.upper().startswith("GM") else MOGELIJK


def zwakste_zekerheid(waarden: Iterable[str]) -> str | None:
    """The weakest of the concession confidences ``waarden`` (see :data:`ZEKERHEDEN`), None when empty.

    An unknown value counts as weakest, so a typo never makes a derived insurer look more certain.
    """
    rang = {z: i for i, z in enumerate(ZEKERHEDEN)}
    waarden = list(waarden)
    return min(waarden, key=lambda z: rang.get(z, -1)) if waarden else None


def tel_gemeenten(koppeling: pd.DataFrame) -> dict[str, int]:
    """Gemeenten per certainty over all projects of ``koppeling`` [project_id, gemeente_code, zekerheid].

    A gemeente reached certainly by any project counts as ``zeker``; one reached only through ``deel`` areas
    counts as ``mogelijk``. Returns ``{"zeker": n, "mogelijk": m}``; n + m is the number of gemeenten reached.
    """
    if koppeling.empty:
        return {ZEKER: 0, MOGELIJK: 0}
    zeker = set(koppeling.loc[koppeling["zekerheid"] == ZEKER, "gemeente_code"])
    alle = set(koppeling["gemeente_code"])
    return {ZEKER: len(zeker), MOGELIJK: len(alle - zeker)}
