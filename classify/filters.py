"""Filters of the dashboard as plain data: a selection of labels per axis plus a boundary year, applied to projects.

A filter selection is a :class:`Filters` value; how it travels in the URL is :mod:`dashboard.url`. Only approved
projects (status ``vastgesteld``) count unless ``voorstellen`` includes the proposals; rejected ones never count.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields, replace

import pandas as pd

from classify import vocab, zekerheid
from classify.precisie import MOGELIJK, ZEKER

JAREN = vocab.JAREN

STANDAARD_JAAR = 2017
TELLENDE_STATUS: dict[bool, tuple[str, ...]] = {False: ("vastgesteld",), True: ("vastgesteld", "voorstel")}
"""Review statuses shown, without and with proposals (``Filters.voorstellen``)."""
EEN_VAN, ALLE = "een van", "alle"
"""How the labels chosen on one axis combine: the default, or "alle" (:attr:`Filters.alle`)."""


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
    alle: tuple[str, ...] = ()
    """Label fields whose chosen labels must *all* be met per municipality (:func:`combinatie`), in the order of
    :data:`LABELVELDEN`; only fields with two or more chosen labels are kept (one label is the same either way)."""

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
        if veld == "alle":
            onbekend = set(waarde) - set(LABELVELDEN)
            if onbekend:
                raise ValueError(f"'alle' kan niet op {sorted(onbekend)}; kies uit: {', '.join(LABELVELDEN)}")
            schoon[veld] = tuple(waarde)
            continue
        if veld not in LABELVELDEN:
            raise ValueError(f"onbekend filterveld {veld!r}; kies uit: {', '.join(f.name for f in fields(Filters))}")
        gekozen = {naam for tekst in waarde for naam in namen(veld, tekst)}
        schoon[veld] = tuple(naam for naam in opties(veld) if naam in gekozen)
    nieuw = replace(filters, **schoon)
    alle = tuple(veld for veld in LABELVELDEN if veld in nieuw.alle and len(getattr(nieuw, veld)) > 1)
    return replace(nieuw, alle=alle)


def _kolom(veld: str) -> str:
    return "verzekeraars" if veld == "verzekeraars" else _ASSEN[veld].kolom


def _heeft(projecten: pd.DataFrame, veld: str, gekozen: set[str]) -> pd.Series:
    """True per project with any of the labels ``gekozen`` on field ``veld`` (multi-valued columns: any overlap)."""
    kolom = _kolom(veld)
    if veld == "verzekeraars" or _ASSEN[veld].meervoudig:
        return projecten[kolom].map(lambda waarden: not gekozen.isdisjoint(waarden)).astype(bool)
    return projecten[kolom].isin(gekozen)


def toepassen(filters: Filters, projecten: pd.DataFrame) -> pd.DataFrame:
    """The projects matching every set axis (any of the chosen labels; multi-valued columns: any overlap) and the
    review status (``vastgesteld``, plus ``voorstel`` when ``filters.voorstellen``; frames without a status
    column count as approved)."""
    masker = pd.Series(True, index=projecten.index)
    if "status" in projecten:
        masker &= projecten["status"].isin(TELLENDE_STATUS[filters.voorstellen])
    for veld in LABELVELDEN:
        gekozen = set(getattr(filters, veld))
        if gekozen:
            masker &= _heeft(projecten, veld, gekozen)
    return projecten[masker]


def combinatie(filters: Filters, projecten: pd.DataFrame, koppeling: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The projects and links left when the axes in ``filters.alle`` must be met with *every* chosen label.

    ``projecten`` are the result of :func:`toepassen`; ``koppeling`` is [project_id, gemeente_code, zekerheid]
    (without ``zekerheid`` every link is certain). A municipality qualifies when, on each such axis, every chosen
    label reaches it through at least one project; only links to qualifying municipalities stay, and only projects
    with such a link. A municipality is certain only when every required label reaches it certainly: in the others
    every link is returned as ``mogelijk``, so maps, counts and exports call them possible. Without "alle" axes the
    inputs come back unchanged.
    """
    assen = [veld for veld in filters.alle if len(getattr(filters, veld)) > 1]
    if not assen:
        return projecten, koppeling
    links = koppeling[koppeling["project_id"].isin(projecten["project_id"])]
    zeker = zekerheid.is_zeker(links).to_numpy()
    bereikt: set[str] | None = None
    zeker_bereikt: set[str] | None = None
    for veld in assen:
        for naam in getattr(filters, veld):
            met_label = links["project_id"].isin(projecten.loc[_heeft(projecten, veld, {naam}), "project_id"])
            hier = set(links.loc[met_label.to_numpy(), "gemeente_code"])
            hier_zeker = set(links.loc[met_label.to_numpy() & zeker, "gemeente_code"])
            bereikt = hier if bereikt is None else bereikt & hier
            zeker_bereikt = hier_zeker if zeker_bereikt is None else zeker_bereikt & hier_zeker
    over = links[links["gemeente_code"].isin(bereikt)].copy()
    # A link that was possible stays possible even in a certain municipality: that is what the project's source says.
    blijft_zeker = zekerheid.is_zeker(over) & over["gemeente_code"].isin(zeker_bereikt)
    over["zekerheid"] = blijft_zeker.map({True: ZEKER, False: MOGELIJK}).astype(str)
    return projecten[projecten["project_id"].isin(over["project_id"])], over
