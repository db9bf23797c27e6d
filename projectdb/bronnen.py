"""The registry of source documents, ``data/projects/bronnen.csv``: title, publisher, year and date per file.

Reading the file is here; how a source is shown (publisher, title, year; the peildatum) is
:mod:`tekst.brontekst`. The functions below apply those to the shipped registry.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from classify import bronnen as register
from classify.bronnen import Bron
from tekst import brontekst as weergave
from tekst.brontekst import datum_tekst

BRONNEN_CSV = Path(__file__).resolve().parents[1] / "data" / "projects" / "bronnen.csv"
"""One row per source document: bestand, titel, uitgever, jaar, peildatum, toelichting."""

__all__ = [
    "BRONNEN_CSV",
    "Bron",
    "bronnen",
    "bronvermelding",
    "datum_tekst",
    "korte_vermelding",
    "laatste_datum",
    "peildatum",
]


@lru_cache(maxsize=4)
def bronnen(pad: Path = BRONNEN_CSV) -> dict[str, Bron]:
    """bestand -> :class:`~classify.bronnen.Bron`, read once per path. Raises ValueError naming the row and field
    of a bad value."""
    uit: dict[str, Bron] = {}
    with Path(pad).open(encoding="utf-8", newline="") as invoer:
        for regel, rij in enumerate(csv.DictReader(invoer), start=2):
            jaar = rij["jaar"].strip()
            datum = rij["peildatum"].strip()
            if jaar and not re.fullmatch(r"[0-9]{4}", jaar):
                raise ValueError(f"{Path(pad).name}, regel {regel}, kolom 'jaar': {jaar!r} is geen jaartal")
            if datum and not re.fullmatch(r"[0-9]{4}(-[0-9]{2}-[0-9]{2})?", datum):
                raise ValueError(
                    f"{Path(pad).name}, regel {regel}, kolom 'peildatum': {datum!r} is geen JJJJ of JJJJ-MM-DD"
                )
            uit[rij["bestand"].strip()] = Bron(
                rij["bestand"].strip(),
                rij["titel"].strip(),
                rij["uitgever"].strip(),
                int(jaar) if jaar else None,
                datum,
                rij["toelichting"].strip(),
            )
    return uit


def bronvermelding(bestand: str) -> str:
    """:func:`tekst.brontekst.bronvermelding` with the shipped registry."""
    return weergave.bronvermelding(bestand, bronnen())


def peildatum(bestanden: Iterable[str], noot: bool = True) -> str:
    """:func:`tekst.brontekst.peildatum` with the shipped registry."""
    return weergave.peildatum(bestanden, bronnen(), noot)


def laatste_datum(bestanden: Iterable[str]) -> dt.date | None:
    """:func:`classify.bronnen.laatste_datum` with the shipped registry."""
    return register.laatste_datum(bestanden, bronnen())


def korte_vermelding(bestanden: Iterable[str]) -> str:
    """:func:`tekst.brontekst.korte_vermelding` with the shipped registry."""
    return weergave.korte_vermelding(bestanden, bronnen())
