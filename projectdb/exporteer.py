"""Exporting projects to CSV or XLSX with the columns of ``projecten.csv``.

CSV is written like ``projecten.csv`` (',' delimiter, minimal quoting, multi-values joined with ';') but in
UTF-8 *with* BOM, so Excel recognises the encoding. Dutch Excel expects ';' in CSV and shows a ',' file in one
column: open it via Data > Van tekst/CSV, or use the XLSX export. Every text cell that a spreadsheet could run
as a formula is neutralised with a leading quote (:mod:`projectdb.formule`); the importer removes that quote,
so an exported file imports unchanged.
"""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font

from projectdb.formule import neutraliseer
from projectdb.kolommen import KOLOMMEN
from projectdb.meldingen import weiger


def _cel(waarde: object) -> str | int:
    """A frame value as an export cell: tuples ';'-joined, ints kept, an empty year '', text neutralised."""
    if isinstance(waarde, tuple):
        waarde = ";".join(waarde)
    if waarde is None or waarde is pd.NA:
        return ""
    if isinstance(waarde, (int, np.integer)):
        return int(waarde)
    return neutraliseer(str(waarde))


def _rijen(projecten: pd.DataFrame) -> list[list[str | int]]:
    """The export cells of every project, columns in ``projecten.csv`` order."""
    return [[_cel(w) for w in rij] for rij in projecten[list(KOLOMMEN)].itertuples(index=False)]


def exporteer(projecten: pd.DataFrame, pad: str | Path) -> Path:
    """Write ``projecten`` (interchange format) to ``pad``; the suffix (.csv or .xlsx) picks the format."""
    pad = Path(pad)
    if pad.suffix.lower() == ".csv":
        naar_csv(projecten, pad)
    elif pad.suffix.lower() == ".xlsx":
        naar_xlsx(projecten, pad)
    else:
        raise weiger(pad.name, f"onbekend exportformaat {pad.suffix!r}; gebruik .csv of .xlsx")
    return pad


def als_bytes(projecten: pd.DataFrame, formaat: str) -> bytes:
    """The export file (``formaat`` "csv" or "xlsx") as bytes, for downloads; see :func:`exporteer`."""
    with tempfile.TemporaryDirectory() as map_:
        return exporteer(projecten, Path(map_) / f"projecten.{formaat}").read_bytes()


def naar_csv(projecten: pd.DataFrame, pad: Path) -> None:
    """CSV, UTF-8 with BOM, ',' delimiter, '\\n' line ends, columns of ``projecten.csv``."""
    with pad.open("w", encoding="utf-8-sig", newline="") as uit:
        schrijver = csv.writer(uit, lineterminator="\n")
        schrijver.writerow(KOLOMMEN)
        schrijver.writerows(_rijen(projecten))


def naar_xlsx(projecten: pd.DataFrame, pad: Path) -> None:
    """XLSX with one sheet ``projecten``: a bold, frozen header row and one row per project."""
    boek = Workbook()
    blad = boek.active
    blad.title = "projecten"
    blad.append(list(KOLOMMEN))
    for cel in blad[1]:
        cel.font = Font(bold=True)
    for rij in _rijen(projecten):
        blad.append(rij)
    for cellen in blad.iter_cols(min_row=1, max_row=1):
        blad.column_dimensions[cellen[0].column_letter].width = 24
    blad.freeze_panes = "B2"
    boek.save(pad)
