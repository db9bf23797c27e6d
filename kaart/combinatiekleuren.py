"""Colours of the combination maps: every combination in the colours of its member labels.

The order of the combinations is the domain's (:func:`classify.combinaties.geordend`); this module only paints it.
A combination is drawn in its members' own :func:`palet.kleuren.labelkleur` (the first as fill, the others
hatched, see :mod:`kaart.vulling`), so a label looks the same on every map, page, side of the comparison and export,
and a combination never takes a colour by its rank on one map.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from classify import combinaties, vocab
from palet.kleuren import labelkleur


def kleuren_van(as_: vocab.As | str, masker: int) -> tuple[str, ...]:
    """The colours of the combination ``masker`` of ``as_``: each member label's colour, in axis order."""
    as_ = as_ if isinstance(as_, vocab.As) else vocab.as_voor(as_)
    return tuple(labelkleur(label) for i, label in enumerate(as_.labels) if masker >> i & 1)


def kleuren(as_: vocab.As | str, aanwezige_combinaties: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The member colours (:func:`kleuren_van`) per combination text present."""
    return {tekst: kleuren_van(as_, combinaties.masker(as_, tekst)) for tekst in set(aanwezige_combinaties)}


def legenda(as_: vocab.As | str, aanwezige_combinaties: Iterable[str]) -> list[tuple[str, tuple[str, ...], int]]:
    """Legend rows (combinatie, member colours, aantal_gemeenten) in the report's order, one per combination present.

    ``aanwezige_combinaties``: one combination text per municipality (the ``combinatie`` column of
    :func:`classify.combinaties.combinaties`); ``aantal_gemeenten`` counts them.
    """
    tellingen = Counter(aanwezige_combinaties)
    return [
        (tekst, kleuren_van(as_, combinaties.masker(as_, tekst)), tellingen[tekst])
        for tekst in combinaties.geordend(as_, tellingen)
    ]
