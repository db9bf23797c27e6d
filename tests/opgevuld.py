"""Hostile import files that cost almost nothing to send and, read naively, very much to check: the padded
XLSX of the red-team report (rows ``<row><c r="XFD1"/></row>``, each padded to 16,384 columns by a naive reader)
and its CSV equivalent (millions of empty rows)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from voorbeeldprojecten import rij, schrijf_csv, schrijf_xlsx

OPGEVULDE_RIJEN = 1_900_000


def opgevulde_xlsx(pad: Path) -> Path:
    """A valid header and row, then 1.9 million empty rows each claiming a cell in the last column (XFD)."""
    bron = schrijf_xlsx(pad.with_name("bron-" + pad.name), [rij()])
    with zipfile.ZipFile(bron) as origineel, zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as archief:
        for lid in origineel.infolist():
            inhoud = origineel.read(lid.filename)
            if lid.filename == "xl/worksheets/sheet1.xml":
                inhoud = inhoud.replace(
                    b"</sheetData>", b'<row><c r="XFD1"/></row>' * OPGEVULDE_RIJEN + b"</sheetData>"
                )
            archief.writestr(lid.filename, inhoud)
    return pad


def opgevulde_csv(pad: Path) -> Path:
    """A valid header and row, then nine million empty lines (just under the 10 MB file limit)."""
    schrijf_csv(pad, [rij()])
    with pad.open("ab") as uit:
        uit.write(b"\n" * 9_000_000)
    return pad
