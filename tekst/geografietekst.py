"""The consistency findings of :func:`classify.geografie.consistentie` as Dutch sentences for the analist."""

from __future__ import annotations

import pandas as pd

from classify.geografie import AFSPRAKEN, DOCUMENT, MINIMA

KOLOMMEN = ("project_id", "veld", "opgeslagen", "afgeleid", "melding")
"""Columns of :func:`met_meldingen`: the finding's fields with its sentence instead of its code and year."""


def melding(bevinding: str, opgeslagen: str, afgeleid: str, indeling_jaar: int) -> str:
    """The sentence of one finding (code from :data:`classify.geografie.BEVINDINGEN`)."""
    if bevinding == "geen_gemeenten":
        return "Het project heeft geen gemeenten; de geografie is niet af te leiden."
    if bevinding == "geografie_afwijkend":
        return (
            f"Opgeslagen '{opgeslagen}', volgens de gemeenten en Wmo-regio's van {indeling_jaar} '{afgeleid}'. "
            "Het rapport laat die keuze aan de analist; de kaart toont het opgeslagen label."
        )
    if bevinding == "minima_buiten_anders":
        return (
            f"Instrument '{MINIMA}' bij inhoud '{opgeslagen}': de bijlage rekent minima tot 'Anders, nl'. "
            "Aanvullende afspraken op een thema (zoals preventie) komen voor; ter controle."
        )
    if bevinding == "afspraken_zonder_document":
        return (
            f"Intensiteit '{AFSPRAKEN}' (convenant of gezamenlijke agenda) zonder instrument '{DOCUMENT}'; "
            "ter controle."
        )
    raise ValueError(f"onbekende bevinding {bevinding!r}")


def met_meldingen(bevindingen: pd.DataFrame) -> pd.DataFrame:
    """``bevindingen`` [project_id, veld, opgeslagen, afgeleid, bevinding, indeling_jaar] as [project_id, veld,
    opgeslagen, afgeleid, melding], in the same order."""
    meldingen = [
        melding(r.bevinding, r.opgeslagen, r.afgeleid, r.indeling_jaar) for r in bevindingen.itertuples(index=False)
    ]
    return bevindingen.assign(melding=pd.Series(meldingen, index=bevindingen.index, dtype=object))[list(KOLOMMEN)]
