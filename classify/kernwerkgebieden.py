"""What the AEF report says about the insurers' kernwerkgebieden, and what the shipped layer is instead.

The report defines a kernwerkgebied as the region where the insurer has the largest market share; the shipped
layer approximates it by the zorgkantoor concession holder (the words a reader sees are in
:mod:`tekst.kernwerkgebiedtekst`). The report states the size of two
kernwerkgebieden itself; those figures, with their verbatim quotes, are kept here once, and every page, legend and
``data/geo/BRONNEN.md`` shows them beside the proxy's own count.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RapportAantal:
    """The number of municipalities the report itself gives for an insurer's kernwerkgebied, with its quote."""

    verzekeraar: str
    aantal_gemeenten: int
    bron: str
    citaat: str


RAPPORT = "AEF, Samenwerking zorgverzekeraars en gemeenten, 2017"
"""The document the figures of :data:`RAPPORT_AANTALLEN` come from (file ``002_4672d5e83c675345.txt``)."""

RAPPORT_AANTALLEN: tuple[RapportAantal, ...] = (
    RapportAantal(
        "Zilveren Kruis",
        108,
        "002_4672d5e83c675345.txt",
        "Hierdoor kunnen de 108 gemeenten uit het kernwerkgebied van Zilveren Kruis profiteren en leren van wat is "
        "ontwikkeld.",
    ),
    RapportAantal(
        "Menzis",
        80,
        "002_4672d5e83c675345.txt",
        "Daarbij is de doelstelling dat alle gemeenten in het kernwerkgebied (in totaal 80 gemeenten) uiteindelijk "
        "profiteren van de lessen en ontwikkelde instrumenten.",
    ),
)
"""The only kernwerkgebied sizes the report states, quoted verbatim: the one place these figures are kept. Maps,
the insurer page and ``BRONNEN.md`` put them beside the proxy's own count
(:func:`tekst.kernwerkgebiedtekst.vergelijking`)."""


def rapport_aantal(verzekeraar: str) -> RapportAantal | None:
    """The report's figure for ``verzekeraar`` (canonical name), or None when the report gives none."""
    return next((r for r in RAPPORT_AANTALLEN if r.verzekeraar == verzekeraar), None)
