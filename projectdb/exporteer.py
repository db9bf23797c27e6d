"""Exporting projects to CSV or XLSX with the columns of ``projecten.csv``.

CSV is written like ``projecten.csv`` (',' delimiter, minimal quoting, multi-values joined with ';') but in
UTF-8 *with* BOM, so Excel recognises the encoding. Dutch Excel expects ';' in CSV and shows a ',' file in one
column: open it via Data > Van tekst/CSV, or use the XLSX export. Every text cell, and every ';'-segment of
one, that a spreadsheet could run as a formula is neutralised with a leading quote (:mod:`projectdb.formule`);
the importer removes that quote, so an exported file imports unchanged.

After the columns of ``projecten.csv`` comes ``bronvermelding``: the source by publisher, title and year from the
registry (:mod:`projectdb.bronnen`), for readers; the importer ignores it. The XLSX export also has a sheet
``bronnen`` with the documents of the exported projects and their peildatum.
"""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from projectdb import bronnen
from projectdb.formule import neutraliseer_delen
from projectdb.kolommen import ALLEEN_EXPORT, KOLOMMEN
from projectdb.meldingen import weiger

EXPORTKOLOMMEN: tuple[str, ...] = (*KOLOMMEN, *ALLEEN_EXPORT)
"""Header of an export: the columns of ``projecten.csv`` and the derived ``bronvermelding``."""


def _cel(waarde: object) -> str | int:
    """A frame value as an export cell: tuples ';'-joined, ints kept, an empty year '', every ';'-segment of
    the text neutralised."""
    if isinstance(waarde, tuple):
        waarde = ";".join(waarde)
    if waarde is None or waarde is pd.NA:
        return ""
    if isinstance(waarde, (int, np.integer)):
        return int(waarde)
    return neutraliseer_delen(str(waarde))


def _rijen(projecten: pd.DataFrame) -> list[list[str | int]]:
    """The export cells of every project: columns in ``projecten.csv`` order, then the bronvermelding."""
    return [
        [*(_cel(w) for w in rij), _cel(bronnen.bronvermelding(str(rij.bron)))]
        for rij in projecten[list(KOLOMMEN)].itertuples(index=False)
    ]


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
        schrijver.writerow(EXPORTKOLOMMEN)
        schrijver.writerows(_rijen(projecten))


def naar_xlsx(projecten: pd.DataFrame, pad: Path) -> None:
    """XLSX with the sheet ``projecten`` (a bold, frozen header row and one row per project) and the sheet
    ``bronnen`` (the source documents of these projects and their peildatum)."""
    # Imported here: openpyxl is slow to import, and only an XLSX download needs it.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    boek = Workbook()
    blad = boek.active
    blad.title = "projecten"
    blad.append(list(EXPORTKOLOMMEN))
    for cel in blad[1]:
        cel.font = Font(bold=True)
    for rij in _rijen(projecten):
        blad.append(rij)
    for cellen in blad.iter_cols(min_row=1, max_row=1):
        blad.column_dimensions[cellen[0].column_letter].width = 24
    blad.freeze_panes = "B2"
    _bronnenblad(boek.create_sheet("bronnen"), projecten)
    boek.save(pad)


def _bronnenblad(blad, projecten: pd.DataFrame) -> None:
    """The source documents of ``projecten`` (registry order; unregistered names as given), then the peildatum."""
    from openpyxl.styles import Font

    register = bronnen.bronnen()
    gebruikt = set(projecten["bron"])
    blad.append(["bestand", "bronvermelding", "peildatum", "toelichting", "projecten"])
    for cel in blad[1]:
        cel.font = Font(bold=True)
    for bestand in [*(b for b in register if b in gebruikt), *sorted(gebruikt - set(register))]:
        bron = register.get(bestand)
        blad.append(
            [
                neutraliseer_delen(bestand),
                neutraliseer_delen(bronnen.bronvermelding(bestand)),
                bronnen.datum_tekst(bron.peildatum) if bron and bron.peildatum else "ongedateerd",
                neutraliseer_delen(bron.toelichting) if bron else "niet in het bronnenregister",
                int((projecten["bron"] == bestand).sum()),
            ]
        )
    blad.append([])
    blad.append(["Peildatum van deze projecten", bronnen.peildatum(gebruikt)])
    blad.column_dimensions["A"].width = 28
    blad.column_dimensions["B"].width = 80
