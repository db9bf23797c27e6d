"""Leerlijnen: how projects build on each other, from ontwikkelen via doorontwikkelen to implementeren.

The report's cycle samenwerkingsafspraken -> ontwikkelen -> doorontwikkelen -> implementeren means that what one
municipality develops, others take over. The records say so in ``bouwt_voort_op``: the project_ids a project
builds on. Here that column becomes a directed graph (edge from the earlier project to the project that builds on
it), the graph becomes chains (every path from a project that builds on nothing to one that nothing builds on),
and the chains become scale-up figures per theme.

Input is the interchange frame ``projecten`` (one row per project; ``bouwt_voort_op`` and ``verzekeraars`` tuples
of str). References to projects outside the frame are left out, so a filtered frame gives the lineage within that
selection. Nothing here is geographic; places and arrows are :mod:`kaart.leerlijnkaart`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from classify import vocab

if TYPE_CHECKING:
    import networkx as nx

# The three phases of a lineage by name, not by position on the axis: reordering the vocabulary must not change
# what a lineage means. ``label`` raises at import when a name leaves the vocabulary.
ONTWIKKELPROJECT = vocab.AS_INTENSITEIT.label("Ontwikkelproject").naam
DOORONTWIKKELEN = vocab.AS_INTENSITEIT.label("Doorontwikkelen").naam
IMPLEMENTATIE = vocab.AS_INTENSITEIT.label("Implementatie").naam
FASEN: tuple[str, ...] = (ONTWIKKELPROJECT, DOORONTWIKKELEN, IMPLEMENTATIE)
"""The phases of a lineage in their order: what is developed, developed further, then implemented elsewhere."""
_STAP = {fase: stap for stap, fase in enumerate(FASEN)}
_BOUWT_VOORT = (DOORONTWIKKELEN, IMPLEMENTATIE)
_BASIS = (ONTWIKKELPROJECT, DOORONTWIKKELEN)

"""Shown for a project whose sources name no year (``startjaar`` empty)."""

KOLOMMEN_OPSCHALING = ("inhoud", "aantal_ketens", "gemiddelde_lengte", "ontwikkelprojecten", "met_vervolg")


class Kringverwijzing(ValueError):
    """The ``bouwt_voort_op`` references of the projects form a cycle; the message names it."""


@dataclass(frozen=True)
class Keten:
    """One chain: a path from a project that builds on nothing (in the graph) to one that nothing builds on.

    ``fasen`` is the intensiteit of each project in order, ``perioden`` its (startjaar, eindjaar) with None where
    the sources name no year, ``inhoud`` the theme of the first project (where the method started),
    ``verzekeraars`` all insurers of the chain in canonical order.
    """

    project_ids: tuple[str, ...]
    fasen: tuple[str, ...]
    perioden: tuple[tuple[int | None, int | None], ...]
    inhoud: str
    verzekeraars: tuple[str, ...]

    @property
    def blijft_steken(self) -> bool:
        """The chain ends at an Ontwikkelproject: nothing builds on what was developed (the report's question
        "blijft steken in de ontwikkelfase?")."""
        return self.fasen[-1] == ONTWIKKELPROJECT

    @property
    def lengte(self) -> int:
        """Number of projects in the chain (at least 2)."""
        return len(self.project_ids)

    @property
    def koppelingen(self) -> tuple[tuple[str, str], ...]:
        """The links of the chain as (earlier, later) project_id pairs."""
        return tuple(pairwise(self.project_ids))


def jaartal(waarde: object) -> int | None:
    """A year (int, or None / ``<NA>`` of the nullable ``Int64`` frame columns for no year) as int or None."""
    return None if waarde is None or pd.isna(waarde) else int(waarde)


def verwachte_richting(later: str, eerder: str) -> bool:
    """Whether a project of intensiteit ``later`` building on one of intensiteit ``eerder`` follows the
    development path: a Doorontwikkelen or Implementatie project builds on an Ontwikkelproject or a Doorontwikkelen
    project that is not further along the path than itself."""
    return later in _BOUWT_VOORT and eerder in _BASIS and _STAP[eerder] <= _STAP[later]


def graaf(projecten: pd.DataFrame) -> nx.DiGraph:
    """The lineage of ``projecten`` as a directed graph: an edge from each project to every project building on it.

    Nodes are the project_ids in frame order with attributes ``intensiteit``, ``inhoud``, ``verzekeraars`` (tuple),
    ``titel``, ``startjaar`` and ``eindjaar`` (int or None). A ``bouwt_voort_op`` reference to a project outside
    ``projecten`` is left out. Raises
    :class:`Kringverwijzing` when the references form a cycle (a project building on itself included).
    """
    # Imported here: networkx is slow to import, and a page draws its first map before it needs a lineage.
    import networkx as nx

    g = nx.DiGraph()
    kolommen = ["project_id", "intensiteit", "inhoud", "verzekeraars", "titel", "startjaar", "eindjaar"]
    for rij in projecten[kolommen].itertuples(index=False):
        g.add_node(
            rij.project_id,
            intensiteit=rij.intensiteit,
            inhoud=rij.inhoud,
            verzekeraars=tuple(rij.verzekeraars),
            titel=rij.titel,
            startjaar=jaartal(rij.startjaar),
            eindjaar=jaartal(rij.eindjaar),
        )
    for later, eerdere in zip(projecten["project_id"], projecten["bouwt_voort_op"], strict=True):
        g.add_edges_from((eerder, later) for eerder in eerdere if eerder in g)
    if not nx.is_directed_acyclic_graph(g):
        # Edges run earlier -> later; the message reads "builds on", from the lowest id, as the store's does.
        kring = [van for van, _ in nx.find_cycle(g)][::-1]
        start = kring.index(min(kring))
        kring = kring[start:] + kring[:start]
        raise Kringverwijzing(
            f"bouwt_voort_op vormt een kring: {' -> '.join([*kring, kring[0]])} (elk project bouwt voort op het "
            "volgende)"
        )
    return g


def ketens(g: nx.DiGraph) -> list[Keten]:
    """Every chain of graph ``g`` (from :func:`graaf`): each path from a project without predecessor to a project
    without successor. A project without any link is no chain; a project with several successors starts several
    chains. Ordered by project_id of the first project, then lexicographically along the path."""
    uit: list[Keten] = []
    for wortel in sorted(n for n in g if g.in_degree(n) == 0 and g.out_degree(n) > 0):
        stapel = [(wortel,)]
        while stapel:
            pad = stapel.pop()
            volgende = sorted(g.successors(pad[-1]), reverse=True)
            if not volgende:
                uit.append(_keten(g, pad))
            stapel.extend((*pad, n) for n in volgende)
    return uit


def _keten(g: nx.DiGraph, pad: tuple[str, ...]) -> Keten:
    verzekeraars = {v for n in pad for v in g.nodes[n]["verzekeraars"]}
    return Keten(
        project_ids=pad,
        fasen=tuple(g.nodes[n]["intensiteit"] for n in pad),
        perioden=tuple((g.nodes[n]["startjaar"], g.nodes[n]["eindjaar"]) for n in pad),
        inhoud=g.nodes[pad[0]]["inhoud"],
        verzekeraars=tuple(v for v in vocab.VERZEKERAAR_NAMEN if v in verzekeraars),
    )


def ketens_met(alle: Iterable[Keten], project_ids: Iterable[str]) -> list[Keten]:
    """The chains of ``alle`` holding at least one of ``project_ids`` (whole chains, in their order)."""
    gekozen = set(project_ids)
    return [k for k in alle if not gekozen.isdisjoint(k.project_ids)]


def zonder_vervolg(g: nx.DiGraph) -> list[str]:
    """The Ontwikkelprojecten of ``g`` that no project builds on, sorted: they stay in the development phase as far
    as the records know."""
    return sorted(n for n, d in g.nodes(data=True) if d["intensiteit"] == ONTWIKKELPROJECT and g.out_degree(n) == 0)


def opschaling(
    g: nx.DiGraph, selectie: Iterable[str] | None = None, alle: Sequence[Keten] | None = None
) -> pd.DataFrame:
    """Scale-up figures per theme, all themes in canonical order.

    ``g`` is the lineage of all projects (:func:`graaf`); ``selectie`` (project_ids, default all) chooses what is
    counted, so a follow-up outside the selection still counts as a follow-up; ``alle`` are the chains of ``g`` when
    already enumerated (:func:`ketens`). Columns: inhoud, aantal_ketens (chains with a
    selected project, by the theme of their first project), gemiddelde_lengte (mean number of projects per such
    chain; NaN without chains), ontwikkelprojecten (selected Ontwikkelprojecten of this theme), met_vervolg (of
    those, how many at least one project builds on).
    """
    gekozen = set(g) if selectie is None else set(selectie)
    lengtes: dict[str, list[int]] = {}
    for keten in ketens_met(ketens(g) if alle is None else alle, gekozen):
        lengtes.setdefault(keten.inhoud, []).append(keten.lengte)
    ontwikkel = [
        (d["inhoud"], g.out_degree(n) > 0)
        for n, d in g.nodes(data=True)
        if n in gekozen and d["intensiteit"] == ONTWIKKELPROJECT
    ]
    rijen = []
    for thema in vocab.AS_INHOUD.namen:
        eigen = lengtes.get(thema, [])
        rijen.append(
            (
                thema,
                len(eigen),
                float(np.mean(eigen)) if eigen else float("nan"),
                sum(1 for inhoud, _ in ontwikkel if inhoud == thema),
                sum(1 for inhoud, vervolg in ontwikkel if inhoud == thema and vervolg),
            )
        )
    return pd.DataFrame(rijen, columns=list(KOLOMMEN_OPSCHALING))
