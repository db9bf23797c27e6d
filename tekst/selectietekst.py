"""A filter selection (:class:`classify.filters.Filters`) in Dutch words, for captions, file names and exports."""

from __future__ import annotations

from classify.filters import LABELVELDEN, Filters

VOORSTELLEN_TEKST = "inclusief voorstellen die nog niet zijn vastgesteld"

_KOPPEN = {
    "verzekeraars": "verzekeraar",
    "inhoud": "inhoud",
    "instrumenten": "instrument",
    "intensiteit": "samenwerkingsvorm",
    "geografie": "geografie",
}


def beschrijving(filters: Filters) -> str:
    """The selection in Dutch words, e.g. ``"inhoud: GGZ of Ouderen; verzekeraar: VGZ"`` (``"alle projecten"``),
    ending in ``"inclusief voorstellen die nog niet zijn vastgesteld"`` when proposals are included."""
    delen = [
        f"{_KOPPEN[veld]}: {' of '.join(getattr(filters, veld))}" for veld in LABELVELDEN if getattr(filters, veld)
    ]
    tekst = "; ".join(delen) if delen else "alle projecten"
    tekst += "; alleen zekere gebieden" if filters.alleen_zeker else ""
    return f"{tekst}; {VOORSTELLEN_TEKST}" if filters.voorstellen else tekst
