"""Colours of the combination maps: a palette by rank in the report's order, one grey for the rest.

The order of the combinations is the domain's (:func:`classify.combinaties.geordend`); this module only paints it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from classify import combinaties, vocab

PALET: tuple[str, ...] = (
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499",
    "#EE8866", "#BBCC33", "#FFAABB", "#77AADD",
)
"""Colours for combination classes, assigned by rank in the report's order among the combinations present.

Paul Tol's colour-blind-safe "muted" scheme (9 colours), then the four hues of his "light" scheme that "muted"
lacks (orange, pear, pink, light blue); the other "light" colours are too close to a "muted" one to tell apart.
"""

OVERIG_KLEUR = "#BBBBBB"
"""Neutral grey shared by every combination beyond the palette (from rank ``len(PALET)`` on in the report's order);
darker than :data:`classify.vocab.GEEN_PROJECT_KLEUR` so "geen project" stays distinct."""

OVERIGE_COMBINATIES = "overige combinaties"
"""Legend text of the one row that stands for all combinations coloured :data:`OVERIG_KLEUR`."""


def kleuren(as_: vocab.As | str, aanwezige_combinaties: Iterable[str]) -> dict[str, str]:
    """Fill colour per combination text present: :data:`PALET` by rank in the report's order, then
    :data:`OVERIG_KLEUR` for every combination beyond the palette."""
    geordend = combinaties.geordend(as_, set(aanwezige_combinaties))
    return {tekst: PALET[rang] if rang < len(PALET) else OVERIG_KLEUR for rang, tekst in enumerate(geordend)}


def legenda(as_: vocab.As | str, aanwezige_combinaties: Iterable[str]) -> list[tuple[str, str, int]]:
    """Legend rows (combinatie, kleur, aantal_gemeenten) in the report's order.

    ``aanwezige_combinaties``: one combination text per municipality (the ``combinatie`` column of
    :func:`classify.combinaties.combinaties`); ``aantal_gemeenten`` counts them. Combinations beyond :data:`PALET` share
    :data:`OVERIG_KLEUR` and are summed into one last row "overige combinaties (n)", n being how many
    combinations it stands for; :func:`kleuren` gives each municipality's fill.
    """
    tellingen = Counter(aanwezige_combinaties)
    geordend = combinaties.geordend(as_, tellingen)
    rijen = [(tekst, PALET[rang], tellingen[tekst]) for rang, tekst in enumerate(geordend[: len(PALET)])]
    rest = geordend[len(PALET):]
    if rest:
        rijen.append((f"{OVERIGE_COMBINATIES} ({len(rest)})", OVERIG_KLEUR, sum(tellingen[t] for t in rest)))
    return rijen
