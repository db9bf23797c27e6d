"""A filter selection (:class:`classify.filters.Filters`) in Dutch words, for captions, file names and exports."""

from __future__ import annotations

from classify.filters import ALLE, EEN_VAN, LABELVELDEN, Filters

VOORSTELLEN_TEKST = "inclusief voorstellen die nog niet zijn vastgesteld"
UITLEG: dict[str, str] = {
    EEN_VAN: "Een van: een gemeente telt mee met een project met minstens één van de gekozen labels.",
    ALLE: "Alle: een gemeente telt alleen mee als zij projecten heeft met elk gekozen label; zeker is zij alleen als "
    "elk label haar zeker bereikt.",
}
"""One line under an axis' selector explaining each way of combining (:attr:`classify.filters.Filters.alle`)."""

_KOPPEN = {
    "verzekeraars": "verzekeraar",
    "inhoud": "inhoud",
    "instrumenten": "instrument",
    "intensiteit": "samenwerkingsvorm",
    "geografie": "geografie",
}


def beschrijving(filters: Filters) -> str:
    """The selection in Dutch words, e.g. ``"inhoud: GGZ of Ouderen; verzekeraar: VGZ"`` (``"alle projecten"``),
    ``"samenwerkingsvorm: Ontwikkelproject én Implementatie in dezelfde gemeente"`` for an "alle" axis, ending in
    ``"inclusief voorstellen die nog niet zijn vastgesteld"`` when proposals are included."""
    delen = [
        f"{_KOPPEN[veld]}: {' én '.join(getattr(filters, veld))} in dezelfde gemeente"
        if veld in filters.alle
        else f"{_KOPPEN[veld]}: {' of '.join(getattr(filters, veld))}"
        for veld in LABELVELDEN
        if getattr(filters, veld)
    ]
    tekst = "; ".join(delen) if delen else "alle projecten"
    tekst += "; alleen zekere gebieden" if filters.alleen_zeker else ""
    return f"{tekst}; {VOORSTELLEN_TEKST}" if filters.voorstellen else tekst


def geen_gemeente(filters: Filters) -> str:
    """The plain answer when the "alle" axes leave no municipality, naming the labels that never meet; empty when
    ``filters`` has no "alle" axis."""
    if not filters.alle:
        return ""
    eisen = "; ".join(f"{_KOPPEN[veld]}: {' én '.join(getattr(filters, veld))}" for veld in filters.alle)
    return f"Geen enkele gemeente heeft projecten met alle gekozen labels ({eisen}) in deze selectie."
