"""Reading analysts' tables safely: CSV (';', ',', tab or '|'; UTF-8 with or without BOM, UTF-16 with or
without BOM, Windows-1252) and XLSX.

Every limit is checked before the content is trusted: file size, uncompressed size of an XLSX (its zip central
directory, read before openpyxl opens anything), rows, columns and cell length. Every row read counts against
the row limit, empty ones too, so a file of millions of empty rows stops after the limit. XML inside an XLSX is
parsed by openpyxl through defusedxml (entity expansion and external entities refused); cells are taken as the
sheet stores them, never padded to a claimed width. Formula cells give the result Excel saved with the file.
Anything unreadable raises :class:`~projectdb.meldingen.Validatiefout` naming the file (and row and column where
known). The CPU time of a whole check is bounded by :mod:`projectdb.begrensd`.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser
from openpyxl.worksheet.cell_range import CellRange

from projectdb.kolommen import kolom_voor_kop
from projectdb.meldingen import Rapport, Validatiefout, weiger

_SCHEIDINGSTEKENS = (",", ";", "\t", "|")
_ZIP_BEGIN = b"PK\x03\x04"
_STUURTEKEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Limieten:
    """Upper bounds for one import file; above any of them the file is refused as a whole."""

    max_bytes: int = 10_000_000
    max_rijen: int = 20_000
    max_kolommen: int = 100
    max_cel: int = 5_000
    max_uitgepakt: int = 50_000_000
    """Sum of the uncompressed sizes of all members of an XLSX (zip-bomb guard), in bytes."""
    max_cpu_seconden: float | None = 8.0
    """CPU seconds one whole check (reading and validating) may take in its worker process; ``None`` checks in
    the calling process without a bound (benchmarks of very large synthetic files only)."""


@dataclass
class Tabel:
    """A read table: the header cells and the data rows with their spreadsheet row numbers (header = 1)."""

    koppen: list[str]
    kopregel: int
    rijen: list[tuple[int, list[str]]]
    rapport: Rapport
    lege_kolommen: list[int] = field(default_factory=list)
    """Indexes of columns without a header that hold data."""


def _getal(n: int) -> str:
    """An integer with Dutch thousands separators (10.000.000)."""
    return f"{n:,}".replace(",", ".")


def lees_tabel(pad: str | Path, blad: str | None = None, limieten: Limieten = Limieten()) -> Tabel:
    """Read a CSV (``.csv`` or ``.txt``) or XLSX file (chosen by extension) into header + rows of text cells.

    ``blad`` selects an XLSX sheet by name (default: the first sheet). Cells are returned as text exactly as
    in the file (not stripped); empty rows are skipped but count against the row limit.
    """
    pad = Path(pad)
    naam = pad.name
    if not pad.is_file():
        raise weiger(naam, f"bestand niet gevonden: {pad}")
    grootte = pad.stat().st_size
    if grootte > limieten.max_bytes:
        raise weiger(naam, f"bestand is {_getal(grootte)} bytes; de grens is {_getal(limieten.max_bytes)} bytes")
    achtervoegsel = pad.suffix.lower()
    if achtervoegsel == ".xlsx":
        return _lees_xlsx(pad, blad, limieten)
    if achtervoegsel in (".csv", ".txt"):
        if blad is not None:
            raise weiger(naam, "--sheet geldt alleen voor een .xlsx-bestand")
        return _lees_csv(pad, limieten)
    raise weiger(naam, f"onbekend bestandstype {pad.suffix!r}; gebruik .csv of .xlsx")


def _utf16_zonder_bom(data: bytes) -> str | None:
    """The codec of UTF-16 text without a byte order mark, or None: in mostly-Latin text every other byte is
    NUL (the high byte), at odd positions for little-endian and at even ones for big-endian."""
    begin = data[:4096]
    if len(begin) < 4:
        return None
    even, oneven = begin[0::2], begin[1::2]
    for codec, nullen, tekens in (("utf-16-le", oneven, even), ("utf-16-be", even, oneven)):
        if nullen.count(0) >= 0.9 * len(nullen) and tekens.count(0) <= 0.1 * len(tekens):
            return codec
    return None


def _decodeer(data: bytes, rapport: Rapport) -> str:
    """Bytes as text: UTF-8 (with or without BOM), UTF-16 (with or without BOM), else Windows-1252; sets
    ``rapport.codering``."""
    naam = rapport.bestand
    if data.startswith(_ZIP_BEGIN):
        raise weiger(naam, "dit is een zip- of Excel-bestand, geen CSV; geef het de extensie .xlsx", rapport=rapport)
    zonder_bom = _utf16_zonder_bom(data)
    for bom, codering, label in (
        (codecs.BOM_UTF8, "utf-8", "UTF-8 met BOM"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
        (b"", zonder_bom, "UTF-16 zonder BOM"),
    ):
        if codering and data.startswith(bom):
            rapport.codering = label
            try:
                return data[len(bom) :].decode(codering)
            except UnicodeDecodeError as fout:
                raise weiger(
                    naam, f"ongeldige {label}-tekst bij byte {fout.start + len(bom)}", rapport=rapport
                ) from None
    if b"\x00" in data:
        raise weiger(
            naam,
            f"bevat NUL-bytes (eerste bij byte {data.index(0)}): geen tekstbestand; "
            "is het een hernoemd binair bestand?",
            rapport=rapport,
        )
    try:
        rapport.codering = "UTF-8"
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        tekst = data.decode("cp1252")
    except UnicodeDecodeError as fout:
        raise weiger(
            naam,
            f"niet te lezen als UTF-8 of Windows-1252 (byte 0x{data[fout.start]:02X} op positie "
            f"{fout.start}); sla het bestand op als CSV UTF-8",
            rapport=rapport,
        ) from None
    rapport.codering = "Windows-1252"
    rapport.waarschuwing("geen geldige UTF-8; gelezen als Windows-1252 (controleer letters met accenten)")
    return tekst


def _controleer_tekens(tekst: str, rapport: Rapport) -> None:
    """Refuse control characters (Unicode category Cc) other than tab and line breaks: a sign of a binary file."""
    gevonden = _STUURTEKEN.search(tekst)
    if gevonden:
        positie = gevonden.start()
        regel = tekst.count("\n", 0, positie) + 1
        raise weiger(
            rapport.bestand,
            f"bevat stuurteken U+{ord(tekst[positie]):04X} in tekstregel {regel}: geen "
            "geldig tekstbestand (binair of beschadigd?)",
            rapport=rapport,
        )


def _kies_scheidingsteken(tekst: str) -> str:
    """The delimiter under which the first line has the most known headers (then the most cells); ',' on a tie."""
    eerste = next(iter(tekst.splitlines()), "")

    def score(teken: str) -> tuple[int, int]:
        cellen = next(csv.reader([eerste], delimiter=teken), [])
        return sum(kolom_voor_kop(c) is not None for c in cellen), len(cellen)

    return max(_SCHEIDINGSTEKENS, key=score)


def _lees_csv(pad: Path, limieten: Limieten) -> Tabel:
    """Read a delimited text file; see :func:`lees_tabel`."""
    rapport = Rapport(pad.name)
    tekst = _decodeer(pad.read_bytes(), rapport)
    _controleer_tekens(tekst, rapport)
    teken = _kies_scheidingsteken(tekst)
    rapport.scheidingsteken = teken
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=teken, strict=True)
    rijen: list[tuple[int, list[str]]] = []
    regel = 0
    try:
        for regel, cellen in enumerate(lezer, start=1):
            _controleer_aantal_rijen(regel, limieten, rapport)
            if any(c.strip() for c in cellen):
                rijen.append((regel, cellen))
                _controleer_breedte(regel, len(_zonder_lege_staart(cellen)), limieten, rapport)
    except csv.Error as fout:
        raise weiger(pad.name, _csv_fout(fout, tekst, regel + 1, limieten), regel + 1, rapport=rapport) from None
    return _maak_tabel(rijen, limieten, rapport)


def _csv_fout(fout: csv.Error, tekst: str, regel: int, limieten: Limieten) -> str:
    """What a CSV parse error means for the analyst. The parser's own field limit is hit by one very long cell,
    or by an opening quote that is never closed (the rest of the file then becomes one cell)."""
    if "field larger than field limit" not in str(fout):
        return f"CSV-opmaak onjuist ({fout}); controleer de aanhalingstekens"
    regels = tekst.splitlines()
    open_aanhaling = regel <= len(regels) and regels[regel - 1].count('"') % 2 == 1
    oorzaak = (
        '; een aanhalingsteken (") opent daar een cel die niet wordt gesloten, controleer de aanhalingstekens'
        if open_aanhaling
        else ""
    )
    return (
        f"een cel is langer dan {_getal(csv.field_size_limit())} tekens; de grens per cel is "
        f"{_getal(limieten.max_cel)} tekens{oorzaak}"
    )


def _controleer_aantal_rijen(gelezen: int, limieten: Limieten, rapport: Rapport) -> None:
    """Refuse the file once more rows than the limit (plus the header) have been read, empty rows included:
    skipping them for free would let millions of empty rows cost unbounded time."""
    if gelezen > limieten.max_rijen + 1:
        raise weiger(
            rapport.bestand,
            f"meer dan {_getal(limieten.max_rijen)} rijen (lege rijen tellen mee); "
            "splits het bestand of verwijder lege rijen",
            gelezen,
            rapport=rapport,
        )


def _controleer_breedte(regel: int, breedte: int, limieten: Limieten, rapport: Rapport) -> None:
    """Refuse the file when row ``regel`` holds data in more columns than the limit."""
    if breedte > limieten.max_kolommen:
        raise weiger(
            rapport.bestand, f"{breedte} kolommen; de grens is {limieten.max_kolommen}", regel, rapport=rapport
        )


def _zonder_lege_staart(cellen: list[str]) -> list[str]:
    """The cells without trailing empty ones (spreadsheets often pad rows)."""
    einde = len(cellen)
    while einde and not cellen[einde - 1].strip():
        einde -= 1
    return cellen[:einde]


def _maak_tabel(rijen: list[tuple[int, list[str]]], limieten: Limieten, rapport: Rapport) -> Tabel:
    """Header = first row read (rows are non-empty); check cell lengths and row widths."""
    gevuld = [(regel, _zonder_lege_staart(cellen)) for regel, cellen in rijen]
    if not gevuld:
        raise weiger(rapport.bestand, "het bestand is leeg: geen kopregel gevonden", rapport=rapport)
    (kopregel, koppen), data = gevuld[0], gevuld[1:]
    for regel, cellen in gevuld:
        for index, cel in enumerate(cellen):
            if len(cel) > limieten.max_cel:
                rapport.fout(
                    f"cel {get_column_letter(index + 1)}{regel} heeft {len(cel)} tekens; de grens is "
                    f"{limieten.max_cel}",
                    regel,
                    _kolomnaam(koppen, index),
                )
    if rapport.fouten:
        raise Validatiefout(rapport)
    for regel, cellen in data:
        if len(cellen) > len(koppen):
            rapport.fout(f"{len(cellen)} cellen maar {len(koppen)} koppen: gegevens buiten de kopregel", regel)
    if rapport.fouten:
        raise Validatiefout(rapport)
    lege = [i for i, kop in enumerate(koppen) if not kop.strip() and any(len(c) > i and c[i].strip() for _, c in data)]
    rapport.aantal_rijen = len(data)
    return Tabel(koppen, kopregel, data, rapport, lege)


def _kolomnaam(koppen: list[str], index: int) -> str:
    """The header of column ``index`` or its letter when the header is missing."""
    if index < len(koppen) and koppen[index].strip():
        return koppen[index].strip()
    return get_column_letter(index + 1)


def _controleer_zip(pad: Path, limieten: Limieten, rapport: Rapport) -> None:
    """Zip-bomb guard: sum the uncompressed sizes in the central directory before anything is unpacked."""
    try:
        with zipfile.ZipFile(pad) as archief:
            leden = archief.infolist()
    except Exception as fout:  # a corrupt archive raises BadZipFile, OSError, NotImplementedError, ValueError, ...
        raise weiger(pad.name, f"geen geldig XLSX-bestand ({_oorzaak(fout)})", rapport=rapport) from None
    uitgepakt = sum(lid.file_size for lid in leden)
    if uitgepakt > limieten.max_uitgepakt:
        raise weiger(
            pad.name,
            f"uitgepakt {_getal(uitgepakt)} bytes; de grens is {_getal(limieten.max_uitgepakt)} "
            "bytes (mogelijk een zip-bom)",
            rapport=rapport,
        )


def _celtekst(waarde: object) -> str:
    """An XLSX cell value as text: integers without '.0', dates as ISO (without a midnight time), empty ''."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "WAAR" if waarde else "ONWAAR"
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    if isinstance(waarde, datetime) and waarde.time() == datetime.min.time():
        return waarde.date().isoformat()
    if isinstance(waarde, (datetime, date)):
        return waarde.isoformat()
    return str(waarde)


class _Bladlezer(WorkSheetParser):
    """openpyxl's sheet parser with the cached result of formula cells (``data_only``) that still tells which
    cells held a formula (``data_only`` alone forgets that, so a formula without a saved result would look like
    an empty cell)."""

    def parse_cell(self, element):
        cel = super().parse_cell(element)
        if element.find(FORMULA_TAG) is not None:
            cel["formule"] = element.findtext(FORMULA_TAG) or ""
        return cel


def _oorzaak(fout: BaseException) -> str:
    """Type and message of the innermost cause (openpyxl wraps XML errors such as EntitiesForbidden)."""
    while (fout.__cause__ or fout.__context__) is not None:
        fout = fout.__cause__ or fout.__context__
    return f"{type(fout).__name__}: {fout}"


def _lees_xlsx(pad: Path, blad: str | None, limieten: Limieten) -> Tabel:
    """Read one sheet of an XLSX in read-only mode; see :func:`lees_tabel`."""
    rapport = Rapport(pad.name)
    if not openpyxl.DEFUSEDXML:
        raise weiger(
            pad.name, "XLSX lezen vereist het pakket defusedxml (beveiliging tegen XML-aanvallen)", rapport=rapport
        )
    _controleer_zip(pad, limieten, rapport)
    try:
        boek = openpyxl.load_workbook(pad, read_only=True, data_only=True)
    except Exception as fout:  # openpyxl raises many types (KeyError, zip and XML errors) for a broken file
        raise weiger(pad.name, f"geen leesbaar XLSX-bestand ({_oorzaak(fout)})", rapport=rapport) from None
    try:
        werkbladen = {w.title: w for w in boek.worksheets}
        if not werkbladen:
            raise weiger(pad.name, "bevat geen werkblad met cellen", rapport=rapport)
        if blad is None:
            werkblad = next(iter(werkbladen.values()))
        elif blad in werkbladen:
            werkblad = werkbladen[blad]
        else:
            raise weiger(
                pad.name, f"werkblad {blad!r} bestaat niet; aanwezig: {', '.join(werkbladen)}", rapport=rapport
            )
        rapport.bestand = f"{pad.name} [{werkblad.title}]"
        try:
            with boek._archive.open(werkblad._worksheet_path) as bron:
                lezer = _Bladlezer(
                    bron,
                    boek.shared_strings,
                    data_only=True,
                    epoch=boek.epoch,
                    date_formats=boek._date_formats,
                    timedelta_formats=boek._timedelta_formats,
                )
                rijen = _blad_rijen(lezer, limieten, rapport)
        except Validatiefout:
            raise
        except Exception as fout:  # XML parsers (lxml, defusedxml) and zip raise many unrelated types
            raise weiger(rapport.bestand, f"werkblad niet leesbaar ({_oorzaak(fout)})", rapport=rapport) from None
    finally:
        boek.close()
    return _maak_tabel(rijen, limieten, rapport)


def _blad_rijen(lezer: _Bladlezer, limieten: Limieten, rapport: Rapport) -> list[tuple[int, list[str]]]:
    """The non-empty rows of a sheet as text cells, each cell at its own column (a row is never padded beyond
    its last cell with a value). Formula cells give their saved result; a formula without one, and Excel error
    values, are errors naming the cell. Merged cells are reported (:func:`_samengevoegd`)."""
    rijen: dict[int, dict[int, str]] = {}
    formules: list[str] = []
    for gelezen, (regel, cellen) in enumerate(lezer.parse(), start=1):
        _controleer_aantal_rijen(gelezen, limieten, rapport)
        waarden: dict[int, str] = {}
        for cel in cellen:
            index, adres = cel["column"] - 1, f"{get_column_letter(cel['column'])}{regel}"
            if "formule" in cel:
                if cel["value"] is None:
                    rapport.fout(
                        f"cel {adres} bevat een formule (={cel['formule']}) zonder opgeslagen uitkomst; "
                        "open en bewaar het bestand in Excel, of vervang de formule door haar waarde",
                        regel,
                    )
                    continue
                formules.append(adres)
            if cel["data_type"] == "e":
                rapport.fout(f"cel {adres} bevat de Excel-foutwaarde {cel['value']!r}; vul een waarde in", regel)
                continue
            tekst = _celtekst(cel["value"])
            if tekst.strip():
                waarden[index] = tekst
        if waarden:
            _controleer_breedte(regel, max(waarden) + 1, limieten, rapport)
            rijen[regel] = waarden
    if formules:
        voorbeelden = ", ".join(formules[:5]) + (", …" if len(formules) > 5 else "")
        rapport.waarschuwing(
            f"{len(formules)} cel(len) met een formule ({voorbeelden}): de uitkomst die Excel "
            "bij het opslaan berekende is gelezen, niet de formule"
        )
    _samengevoegd(lezer, rijen, rapport)
    return [(regel, [waarden.get(i, "") for i in range(max(waarden) + 1)]) for regel, waarden in sorted(rijen.items())]


def _samengevoegd(lezer: _Bladlezer, rijen: dict[int, dict[int, str]], rapport: Rapport) -> None:
    """Report merged cells (only the first cell of a merge holds the value). In the header row that is a
    warning; a merge down one column of data rows gives every row of the merge the value (with a warning);
    any other merge in the data is an error, since values would be lost."""
    if lezer.merged_cells is None or not rijen:
        return
    kopregel = min(rijen)
    for samenvoeging in lezer.merged_cells.mergeCell:
        bereik = CellRange(samenvoeging.ref)
        if bereik.max_row < kopregel:
            continue
        eerste = f"{get_column_letter(bereik.min_col)}{bereik.min_row}"
        if bereik.min_row == bereik.max_row == kopregel:
            rapport.waarschuwing(
                f"cellen {bereik.coord} zijn samengevoegd: de kop staat alleen in {eerste}; "
                "maak de samenvoeging ongedaan en geef elke kolom een eigen kop",
                kopregel,
            )
        elif bereik.min_col == bereik.max_col and bereik.min_row > kopregel:
            waarde = rijen.get(bereik.min_row, {}).get(bereik.min_col - 1, "")
            for regel in range(bereik.min_row + 1, bereik.max_row + 1):
                if regel in rijen and waarde:
                    rijen[regel][bereik.min_col - 1] = waarde
            rapport.waarschuwing(
                f"cellen {bereik.coord} zijn samengevoegd: de waarde uit {eerste} is voor elke "
                "rij van de samenvoeging gelezen",
                bereik.min_row,
            )
        else:
            rapport.fout(
                f"cellen {bereik.coord} zijn samengevoegd over meerdere kolommen of met de kopregel; "
                f"alleen {eerste} heeft een waarde. Maak de samenvoeging ongedaan en vul elke cel apart",
                bereik.min_row,
            )
