"""Source documents: publisher, title, year and peildatum (the date of the sources).

A registry ``bestand -> Bron`` is read from ``data/projects/bronnen.csv`` by :mod:`projectdb.bronnen`; a record
names its source by file name. How a reader sees a source is :mod:`tekst.brontekst`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Bron:
    """One source document. ``jaar`` is None and ``peildatum`` '' for an undated document; ``peildatum`` is
    ``JJJJ`` or ``JJJJ-MM-DD``."""

    bestand: str
    titel: str
    uitgever: str
    jaar: int | None
    peildatum: str
    toelichting: str


def laatste_datum(bestanden: Iterable[str], register: Mapping[str, Bron]) -> dt.date | None:
    """The newest exact date (``JJJJ-MM-DD``) among the sources ``bestanden``; None when none has one."""
    datums = [register[b].peildatum for b in set(bestanden) if b in register and len(register[b].peildatum) == 10]
    return dt.date.fromisoformat(max(datums)) if datums else None
