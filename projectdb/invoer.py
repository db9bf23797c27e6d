"""An analyst's import file (CSV or XLSX) as rows of column -> cell text: read, and headers mapped to columns.

Headers are matched case- and accent-insensitively with Dutch aliases (:mod:`projectdb.kolommen`); an unknown
header is ignored with a warning naming the closest known one. See :mod:`projectdb.bestand` for the file limits.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl.utils import get_column_letter
from rapidfuzz import process

from classify import vocab
from projectdb.bestand import Limieten, lees_tabel
from projectdb.kolommen import ALLEEN_EXPORT, KOLOMMEN, KOPTEKST, VERPLICHT, kolom_voor_kop
from projectdb.meldingen import Rapport, Validatiefout

_BEKENDE_KOPPEN = tuple(dict.fromkeys([*KOLOMMEN, *KOPTEKST.values()]))
_ALLEEN_EXPORT = frozenset(vocab.sleutel(k) for k in ALLEEN_EXPORT)
"""Headers of derived export columns, skipped without a warning."""


@dataclass
class Invoer:
    """The rows of an import file as column -> cell text, with their row numbers and the reader's report."""

    rijen: list[dict[str, str]]
    regels: list[int]
    rapport: Rapport


def lees_invoer(pad: str | Path, blad: str | None = None, limieten: Limieten = Limieten()) -> Invoer:
    """Read ``pad`` and map its headers to columns; raises :class:`Validatiefout` for an unreadable file or
    missing required columns (naming the file and the columns)."""
    tabel = lees_tabel(pad, blad, limieten)
    rapport = tabel.rapport
    kolommen = _koppel_koppen(tabel.koppen, tabel.kopregel, rapport)
    for index in tabel.lege_kolommen:
        rapport.waarschuwing(
            f"kolom {get_column_letter(index + 1)} heeft geen kop; de gegevens worden genegeerd", tabel.kopregel
        )
    rijen = [
        {kolom: (cellen[i] if i < len(cellen) else "") for i, kolom in kolommen.items()} for _, cellen in tabel.rijen
    ]
    return Invoer(rijen, [regel for regel, _ in tabel.rijen], rapport)


def _koppel_koppen(koppen: list[str], kopregel: int, rapport: Rapport) -> dict[int, str]:
    """Column index -> column name; unknown headers are warned about and ignored (derived export columns
    silently)."""
    gevonden: dict[str, int] = {}
    for index, kop in enumerate(koppen):
        if not kop.strip():
            continue
        kolom = kolom_voor_kop(kop)
        if kolom is None and vocab.sleutel(kop) in _ALLEEN_EXPORT:
            continue
        if kolom is None:
            gelijkend = process.extractOne(kop, _BEKENDE_KOPPEN, score_cutoff=70)
            hint = f"; bedoelde u {gelijkend[0]!r}?" if gelijkend else ""
            rapport.waarschuwing(f"onbekende kolom {kop.strip()!r} wordt genegeerd{hint}", kopregel)
        elif kolom in gevonden:
            rapport.fout(
                f"de kolommen {koppen[gevonden[kolom]].strip()!r} en {kop.strip()!r} betekenen allebei "
                f"{kolom!r}; houd er één",
                kopregel,
            )
        else:
            gevonden[kolom] = index
    ontbrekend = [kolom for kolom in VERPLICHT if kolom not in gevonden]
    if ontbrekend:
        rapport.fout(
            "verplichte kolommen ontbreken: "
            + ", ".join(f"{k} ({KOPTEKST[k]!r})" for k in ontbrekend)
            + f"; gevonden koppen: {', '.join(repr(k.strip()) for k in koppen if k.strip()) or 'geen'}"
            + _gelezen_met(rapport),
            kopregel,
        )
    if rapport.fouten:
        raise Validatiefout(rapport)
    rapport.koppen = {kolom: koppen[index].strip() for kolom, index in gevonden.items()}
    return {index: kolom for kolom, index in gevonden.items()}


def _gelezen_met(rapport: Rapport) -> str:
    """For a CSV: which delimiter the headers were split on (the usual cause of missing columns)."""
    if rapport.scheidingsteken is None:
        return ""
    teken = {"\t": "tab"}.get(rapport.scheidingsteken, repr(rapport.scheidingsteken))
    return (
        f" (gelezen met scheidingsteken {teken}; ondersteund zijn ';', ',', tab en '|', en de kopregel moet "
        "het gekozen teken gebruiken)"
    )
