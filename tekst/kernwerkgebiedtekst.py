"""Legend text of an insurer's kernwerkgebied line: the proxy's municipality count beside the report's own figure."""

from __future__ import annotations

from classify import kernwerkgebieden

BENADERING = "benadering: zorgkantoorregio"
"""What the shipped kernwerkgebied layer is: the concession holder of the zorgkantoorregio, not a market share.
``geo_bouw.kernwerkgebied.LABEL_BENADERING``, stored with the layer, says the same (the offline build does not read
``tekst``; ``tests/test_kernwerkgebied.py`` keeps the two equal)."""

KAARTTITEL = f"Kernwerkgebieden van de zorgverzekeraars ({BENADERING})"
"""Title of the map of all insurers' kernwerkgebieden."""


def vergelijking(verzekeraar: str, aantal_benadering: int) -> str:
    """The proxy's municipality count beside the report's, e.g. "benadering 96 gemeenten; rapport 2017: 108"."""
    rapport = kernwerkgebieden.rapport_aantal(verzekeraar)
    tekst = f"benadering {aantal_benadering} gemeenten"
    return tekst + (f"; rapport 2017: {rapport.aantal_gemeenten}" if rapport else "")


def legenda(verzekeraar: str, aantal_benadering: int) -> str:
    """Legend text of one insurer's kernwerkgebied line, e.g. "kernwerkgebied Menzis (benadering 60 gemeenten;
    rapport 2017: 80)"; ``aantal_benadering`` is :func:`geo.geodata.kernwerkgebied_aantal` of the map's year."""
    return f"kernwerkgebied {verzekeraar} ({vergelijking(verzekeraar, aantal_benadering)})"
