"""Filters of the dashboard as plain data: a selection of labels per axis plus a boundary year, applied to projects.

A filter selection is a :class:`Filters` value; how it travels in the URL is :mod:`dashboard.url`. Only approved
projects (status ``vastgesteld``) count unless ``voorstellen`` includes the proposals; rejected ones never count.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields, replace

import pandas as pd

from classify import vocab

JAREN = vocab.JAREN

STANDAARD_JAAR = 2017
TELLENDE_STATUS: dict[bool, tuple[str, ...]] = {False: ("vastgesteld",), True: ("vastgesteld", "voorstel")}
"""Review statuses shown, without and with proposals (``Filters.voorstellen``)."""


@dataclass(frozen=True)
class Filters:
    """One selection of projects plus the boundary year to draw it in.

    Label fields hold stored names (``"GGZ"``, ``"Zilveren Kruis"``) in canonical order; empty means no restriction.
    """

    verzekeraars: tuple[str, ...] = ()
    inhoud: tuple[str, ...] = ()
    instrumenten: tuple[str, ...] = ()
    intensiteit: tuple[str, ...] = ()
    geografie: tuple[str, ...] = ()
    jaar: int = STANDAARD_JAAR
    alleen_zeker: bool = False
    """Draw only municipalities certainly reached: leave out those reached only through a ``deel`` area."""
    voorstellen: bool = False
    """Include projects with status ``voorstel`` (imported, not yet approved)."""

    @property
    def leeg(self) -> bool:
        """True when no label restriction is set (the year does not count)."""
        return not any(getattr(self, veld) for veld in LABELVELDEN)


_ASSEN: dict[str, vocab.As] = {
    "inhoud": vocab.AS_INHOUD,
    "instrumenten": vocab.AS_INSTRUMENT,
    "intensiteit": vocab.AS_INTENSITEIT,
    "geografie": vocab.AS_GEOGRAFIE,
}
LABELVELDEN: tuple[str, ...] = ("verzekeraars", *_ASSEN)
"""The fields of :class:`Filters` that hold labels (all but ``jaar``, ``alleen_zeker`` and ``voorstellen``)."""


def opties(veld: str) -> tuple[str, ...]:
    """Stored names a label field can take, in canonical order."""
    if veld == "verzekeraars":
        return vocab.VERZEKERAAR_NAMEN
    return _ASSEN[veld].namen


def code(veld: str, naam: str) -> str:
    """The label code of stored name ``naam`` on field ``veld`` (``"GGZ"`` -> ``"ggz"``)."""
    if veld == "verzekeraars":
        return vocab.verzekeraar(naam).code
    return _ASSEN[veld].label(naam).code


def namen(veld: str, tekst: str) -> tuple[str, ...]:
    """Stored names for a code, name or synonym on field ``veld``; a concern name gives all its insurers.

    Raises :class:`classify.vocab.OnbekendLabel` for an unknown text.
    """
    if veld == "verzekeraars":
        return vocab.normaliseer_verzekeraar(tekst)
    return (vocab.normaliseer(_ASSEN[veld], tekst),)


def met(filters: Filters, **velden: Iterable[str] | int) -> Filters:
    """``filters`` with fields replaced; label fields are put in canonical order and checked."""
    schoon: dict[str, object] = {}
    for veld, waarde in velden.items():
        if veld == "jaar":
            if waarde not in JAREN:
                raise ValueError(f"indeling {waarde!r} bestaat niet; kies uit: {', '.join(map(str, JAREN))}")
            schoon[veld] = waarde
            continue
        if veld in ("alleen_zeker", "voorstellen"):
            schoon[veld] = bool(waarde)
            continue
        if veld not in LABELVELDEN:
            raise ValueError(f"onbekend filterveld {veld!r}; kies uit: {', '.join(f.name for f in fields(Filters))}")
        gekozen = {naam for tekst in waarde for naam in namen(veld, tekst)}
        schoon[veld] = tuple(naam for naam in opties(veld) if naam in gekozen)
    return replace(filters, **schoon)


def toepassen(filters: Filters, projecten: pd.DataFrame) -> pd.DataFrame:
    """The projects matching every set axis (any of the chosen labels; multi-valued columns: any overlap) and the
    review status (``vastgesteld``, plus ``voorstel`` when ``filters.voorstellen``; frames without a status
    column count as approved)."""
    masker = pd.Series(True, index=projecten.index)
    if "status" in projecten:
        masker &= projecten["status"].isin(TELLENDE_STATUS[filters.voorstellen])
    for veld in LABELVELDEN:
        gekozen = set(getattr(filters, veld))
        if not gekozen:
            continue
        kolom = "verzekeraars" if veld == "verzekeraars" else _ASSEN[veld].kolom
        if veld == "verzekeraars" or _ASSEN[veld].meervoudig:
            masker &= projecten[kolom].map(lambda waarden, g=gekozen: not g.isdisjoint(waarden)).astype(bool)
        else:
            masker &= projecten[kolom].isin(gekozen)
    return projecten[masker]
