"""Insurers' cooperation strategies, ``data/projects/strategie.csv``: sourced text that is not a project.

A strategy statement ("in all regions we hold talks", "we sign covenants with a number of gemeenten") names no
concrete project, so it is not in ``projecten.csv`` (rule 1 of ``data/projects/README.md``); the Zorgverzekeraars
page shows it beside the insurer's projects. Columns: verzekeraar (a canonical insurer name), tekst (own words),
bron (a file of the source registry) and citaat (verbatim from that source).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from classify import vocab

STRATEGIE_CSV = Path(__file__).resolve().parents[1] / "data" / "projects" / "strategie.csv"


@lru_cache(maxsize=4)
def _alle(pad: Path) -> pd.DataFrame:
    frame = pd.read_csv(pad, dtype=str, keep_default_na=False, encoding="utf-8")
    for regel, naam in enumerate(frame["verzekeraar"], start=2):
        if naam not in vocab.VERZEKERAAR_NAMEN:
            raise ValueError(
                f"{pad.name}, regel {regel}, kolom 'verzekeraar': {naam!r} is geen verzekeraar; kies uit: "
                f"{', '.join(vocab.VERZEKERAAR_NAMEN)}"
            )
    return frame


def strategieen(verzekeraar: str | None = None, pad: Path = STRATEGIE_CSV) -> pd.DataFrame:
    """The strategy rows [verzekeraar, tekst, bron, citaat], all or of one insurer (file order)."""
    frame = _alle(Path(pad))
    return frame if verzekeraar is None else frame[frame["verzekeraar"] == verzekeraar].reset_index(drop=True)
