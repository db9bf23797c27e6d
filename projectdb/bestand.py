"""Reading analysts' tables safely: CSV (';' or ',', UTF-8 with or without BOM, Windows-1252) and XLSX.

Every limit is checked before the content is trusted: file size, uncompressed size of an XLSX (its zip central
directory, read before openpyxl opens anything), rows, columns and cell length. XML inside an XLSX is parsed by
openpyxl through defusedxml (entity expansion and external entities refused). Anything unreadable raises
:class:`~projectdb.meldingen.Validatiefout` naming the file (and row and column where known).
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

from projectdb.kolommen import kolom_voor_kop
from projectdb.meldingen import Rapport, Validatiefout, weiger

_SCHEIDINGSTEKENS = (",", ";", "\t")
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
    in the file (not stripped); empty rows are skipped.
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


def _decodeer(data: bytes, rapport: Rapport) -> str:
    """Bytes as text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252; sets ``rapport.codering``."""
    naam = rapport.bestand
    if data.startswith(_ZIP_BEGIN):
        raise weiger(naam, "dit is een zip- of Excel-bestand, geen CSV; geef het de extensie .xlsx", rapport=rapport)
    for bom, codering, label in ((codecs.BOM_UTF8, "utf-8", "UTF-8 met BOM"),
                                 (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
                                 (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16")):
        if data.startswith(bom):
            rapport.codering = label
            try:
                return data[len(bom):].decode(codering)
            except UnicodeDecodeError as fout:
                raise weiger(naam, f"ongeldige {label}-tekst bij byte {fout.start + len(bom)}",
                             rapport=rapport) from None
    if b"\x00" in data:
        raise weiger(naam, f"bevat NUL-bytes (eerste bij byte {data.index(0)}): geen tekstbestand; "
                           "is het een hernoemd binair bestand?", rapport=rapport)
    try:
        rapport.codering = "UTF-8"
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        tekst = data.decode("cp1252")
    except UnicodeDecodeError as fout:
        raise weiger(naam, f"niet te lezen als UTF-8 of Windows-1252 (byte 0x{data[fout.start]:02X} op positie "
                           f"{fout.start}); sla het bestand op als CSV UTF-8", rapport=rapport) from None
    rapport.codering = "Windows-1252"
    rapport.waarschuwing("geen geldige UTF-8; gelezen als Windows-1252 (controleer letters met accenten)")
    return tekst


def _controleer_tekens(tekst: str, rapport: Rapport) -> None:
    """Refuse control characters (Unicode category Cc) other than tab and line breaks: a sign of a binary file."""
    gevonden = _STUURTEKEN.search(tekst)
    if gevonden:
        positie = gevonden.start()
        regel = tekst.count("\n", 0, positie) + 1
        raise weiger(rapport.bestand, f"bevat stuurteken U+{ord(tekst[positie]):04X} in tekstregel {regel}: geen "
                                      "geldig tekstbestand (binair of beschadigd?)", rapport=rapport)


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
            if any(c.strip() for c in cellen):
                rijen.append((regel, cellen))
                _controleer_grenzen(rijen, limieten, rapport)
    except csv.Error as fout:
        raise weiger(pad.name, f"CSV-opmaak onjuist ({fout}); controleer de aanhalingstekens", regel + 1,
                     rapport=rapport) from None
    return _maak_tabel(rijen, limieten, rapport)


def _controleer_grenzen(rijen: list[tuple[int, list[str]]], limieten: Limieten, rapport: Rapport) -> None:
    """Refuse the file as soon as the last row read breaks the row or column limit."""
    regel, cellen = rijen[-1]
    breedte = len(_zonder_lege_staart(cellen))
    if breedte > limieten.max_kolommen:
        raise weiger(rapport.bestand, f"{breedte} kolommen; de grens is {limieten.max_kolommen}", regel,
                     rapport=rapport)
    if len(rijen) > limieten.max_rijen + 1:
        raise weiger(rapport.bestand, f"meer dan {_getal(limieten.max_rijen)} rijen; splits het bestand", regel,
                     rapport=rapport)


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
                rapport.fout(f"cel {get_column_letter(index + 1)}{regel} heeft {len(cel)} tekens; de grens is "
                             f"{limieten.max_cel}", regel, _kolomnaam(koppen, index))
    if rapport.fouten:
        raise Validatiefout(rapport)
    for regel, cellen in data:
        if len(cellen) > len(koppen):
            rapport.fout(f"{len(cellen)} cellen maar {len(koppen)} koppen: gegevens buiten de kopregel", regel)
    if rapport.fouten:
        raise Validatiefout(rapport)
    lege = [i for i, kop in enumerate(koppen) if not kop.strip() and any(len(c) > i and c[i].strip()
                                                                        for _, c in data)]
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
        raise weiger(pad.name, f"uitgepakt {_getal(uitgepakt)} bytes; de grens is {_getal(limieten.max_uitgepakt)} "
                               "bytes (mogelijk een zip-bom)", rapport=rapport)


def _celtekst(waarde: object) -> str:
    """An XLSX cell value as text: integers without '.0', dates as ISO, empty cells as ''."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "WAAR" if waarde else "ONWAAR"
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    if isinstance(waarde, (datetime, date)):
        return waarde.isoformat()
    return str(waarde)


def _oorzaak(fout: BaseException) -> str:
    """Type and message of the innermost cause (openpyxl wraps XML errors such as EntitiesForbidden)."""
    while (fout.__cause__ or fout.__context__) is not None:
        fout = fout.__cause__ or fout.__context__
    return f"{type(fout).__name__}: {fout}"


def _lees_xlsx(pad: Path, blad: str | None, limieten: Limieten) -> Tabel:
    """Read one sheet of an XLSX in read-only mode; see :func:`lees_tabel`."""
    rapport = Rapport(pad.name)
    if not openpyxl.DEFUSEDXML:
        raise weiger(pad.name, "XLSX lezen vereist het pakket defusedxml (beveiliging tegen XML-aanvallen)",
                     rapport=rapport)
    _controleer_zip(pad, limieten, rapport)
    try:
        boek = openpyxl.load_workbook(pad, read_only=True, data_only=False)
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
            raise weiger(pad.name, f"werkblad {blad!r} bestaat niet; aanwezig: {', '.join(werkbladen)}",
                         rapport=rapport)
        rapport.bestand = f"{pad.name} [{werkblad.title}]"
        # The dimension tag is the file's own claim; trusting it would pad every row to its width.
        werkblad.reset_dimensions()
        rijen: list[tuple[int, list[str]]] = []
        try:
            for regel, waarden in enumerate(werkblad.iter_rows(values_only=True), start=1):
                cellen = [_celtekst(w) for w in waarden]
                if any(c.strip() for c in cellen):
                    rijen.append((regel, cellen))
                    _controleer_grenzen(rijen, limieten, rapport)
        except Validatiefout:
            raise
        except Exception as fout:  # XML parsers (lxml, defusedxml) and zip raise many unrelated types
            raise weiger(rapport.bestand, f"werkblad niet leesbaar ({_oorzaak(fout)})", rapport=rapport) from None
    finally:
        boek.close()
    return _maak_tabel(rijen, limieten, rapport)
