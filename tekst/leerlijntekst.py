"""Lineages in Dutch words: periods, the scale-up sentences of the Analyse panel and the chains as a display table,
from :mod:`classify.leerlijnen`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from classify import leerlijnen, vocab
from classify.leerlijnen import Keten
from tekst.getallen import aantal, getal, procent

JAAR_ONBEKEND = "onbekend"
KOLOMMEN_KETENTABEL = ("leerlijn", "inhoud", "fasen", "plaatsen", "verzekeraars", "jaar", "blijft_steken")


def periode_tekst(startjaar: object, eindjaar: object) -> str:
    """A project period (startjaar, eindjaar: int, or None / ``<NA>`` for none) in words: "2015–2017", "2018" (one
    year), "vanaf 2018" (runs on) or "onbekend" (no startjaar)."""
    start, eind = leerlijnen.jaartal(startjaar), leerlijnen.jaartal(eindjaar)
    if start is None:
        return JAAR_ONBEKEND
    if eind is None:
        return f"vanaf {start}"
    return str(start) if eind == start else f"{start}–{eind}"


def opschalingszinnen(tabel: pd.DataFrame) -> list[str]:
    """Dutch sentences for the Analyse panel from :func:`classify.leerlijnen.opschaling`: the total and one per
    theme with chains or Ontwikkelprojecten."""
    ontwikkel = int(tabel["ontwikkelprojecten"].sum())
    vervolg = int(tabel["met_vervolg"].sum())
    ketens_totaal = int(tabel["aantal_ketens"].sum())
    zin = f"{aantal(ketens_totaal, 'leerlijn', 'leerlijnen')} in deze selectie."
    if ontwikkel:
        blijven = ontwikkel - vervolg
        zin += (
            f" Van de {aantal(ontwikkel, 'ontwikkelproject', 'ontwikkelprojecten')} "
            f"{'heeft' if vervolg == 1 else 'hebben'} er {getal(vervolg)} ({procent(vervolg, ontwikkel)}) een "
            f"vervolg (doorontwikkeld of geïmplementeerd); {getal(blijven)} {'blijft' if blijven == 1 else 'blijven'} "
            "(nog) steken in de ontwikkelfase."
        )
    else:
        zin += " Geen ontwikkelprojecten."
    zinnen = [zin]
    for r in tabel.itertuples():
        if not (r.aantal_ketens or r.ontwikkelprojecten):
            continue
        zin = f"{r.inhoud}: {aantal(r.aantal_ketens, 'leerlijn', 'leerlijnen')}"
        if r.aantal_ketens:
            zin += f" van gemiddeld {getal(r.gemiddelde_lengte, 1)} projecten"
        if r.ontwikkelprojecten:
            ontwikkel_thema = aantal(r.ontwikkelprojecten, "ontwikkelproject", "ontwikkelprojecten")
            zin += f"; {getal(r.met_vervolg)} van de {ontwikkel_thema} met vervolg"
        zinnen.append(zin + ".")
    return zinnen


def ketentabel(alle: Sequence[Keten], plaatsen: Mapping[str, str]) -> pd.DataFrame:
    """The chains as a display table, one row per chain.

    ``plaatsen``: project_id -> where it applies, as text. Columns: leerlijn ("P012 → P034"), inhoud, fasen (short
    stage names: "ontwikkelen → doorontwikkelen"), plaatsen ("Groningen, Oldambt → FoodValley"), verzekeraars,
    jaar (the period of each stage, :func:`periode_tekst`: "2015–2017 → 2018 → onbekend"), blijft_steken (bool).
    """
    rijen = []
    for keten in alle:
        rijen.append(
            (
                " → ".join(keten.project_ids),
                keten.inhoud,
                " → ".join(vocab.AS_INTENSITEIT.label(fase).kort for fase in keten.fasen),
                " → ".join(plaatsen[pid] for pid in keten.project_ids),
                ", ".join(keten.verzekeraars),
                " → ".join(periode_tekst(*periode) for periode in keten.perioden),
                keten.blijft_steken,
            )
        )
    return pd.DataFrame(rijen, columns=list(KOLOMMEN_KETENTABEL))
