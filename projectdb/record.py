"""One project record from one input row: labels, insurers and gebied normalised, problems reported per field.

Input values are cell texts (from CSV/XLSX), or tuples and ints (from the store or an edit). The result uses the
interchange format of the ``projecten`` frame: tuples for verzekeraars, instrumenten, partners and bouwt_voort_op,
a ';'-joined string of canonical tokens for gebied, an int indeling_jaar, an int or None for startjaar and
eindjaar. ``geografie`` may stay empty here; it is derived from the gebied for the whole input at once (see
:mod:`projectdb.validatie`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from classify import precisie, vocab
from geo import geodata
from projectdb import formule, gebied
from projectdb.kolommen import KOLOMMEN
from projectdb.meldingen import Rapport
from projectdb.schema import JAAR_MAX, JAAR_MIN, STATUSSEN

PROJECT_ID = re.compile(r"^P\d{3,}$")
MIN_CITAAT = 40
"""Minimum length of ``bron_citaat`` in characters."""

_LIJST = re.compile(r"[;,\n]")
_PARTNERS = re.compile(r"[;\n]")
_IDS = re.compile(r"[;,\s]+")
_SURROGAAT = re.compile("[\ud800-\udfff]")
_ONZICHTBARE_NAMEN = {
    "\u200b": "spatie zonder breedte",
    "\u200c": "verbinder zonder breedte",
    "\u200d": "verbinder zonder breedte",
    "\u200e": "links-naar-rechtsteken",
    "\u200f": "rechts-naar-linksteken",
    "\u202a": "richting links-naar-rechts",
    "\u202b": "richting rechts-naar-links",
    "\u202c": "einde richting",
    "\u202d": "richting links-naar-rechts forceren",
    "\u202e": "richting rechts-naar-links forceren",
    "\u2060": "woordverbinder",
    "\u2066": "richting links-naar-rechts isoleren",
    "\u2067": "richting rechts-naar-links isoleren",
    "\u2068": "richting eerste sterke teken isoleren",
    "\u2069": "einde isoleren",
    "\ufeff": "BOM binnen de tekst",
}
"""Invisible characters that change how text reads (direction overrides) or hide in it (zero width)."""
_ONZICHTBAAR = re.compile("[" + "".join(_ONZICHTBARE_NAMEN) + "]")
_DATUM = re.compile(r"([0-9]{4})-[0-9]{2}-[0-9]{2}(?:T[0-9:.]+)?|[0-9]{1,2}[-/.][0-9]{1,2}[-/.]([0-9]{4})")


def _cel(waarde: object, rapport: Rapport, regel: int | str | None, veld: str) -> str:
    """A single cell as stripped text, the export quotes undone, with a formula-injection warning per
    ``;``-segment and a warning for invisible direction or zero-width characters."""
    if waarde is None:
        return ""
    tekst = formule.herstel_delen(str(waarde))
    if _SURROGAAT.search(tekst):
        rapport.fout("bevat ongeldige Unicode-tekens (losse surrogaten)", regel, veld)
        return ""
    for deel in formule.formuledelen(tekst):
        rapport.waarschuwing(
            f"{_deel(deel)} begint met {deel[0]!r}: een spreadsheet kan dit als formule uitvoeren "
            "(formule-injectie); opgeslagen als tekst",
            regel,
            veld,
        )
    onzichtbaar = dict.fromkeys(_ONZICHTBAAR.findall(tekst))
    if onzichtbaar:
        namen = ", ".join(f"U+{ord(t):04X} ({_ONZICHTBARE_NAMEN[t]})" for t in onzichtbaar)
        rapport.waarschuwing(
            f"bevat onzichtbare tekens: {namen}; zulke tekens laten tekst anders lijken dan hij is "
            "(bijvoorbeeld omgekeerd); controleer de tekst en verwijder ze",
            regel,
            veld,
        )
    return tekst.strip()


def _deel(deel: str) -> str:
    """How a warning names a cell value: the value itself, shortened."""
    return repr(deel if len(deel) <= 40 else deel[:37] + "...")


def _delen(waarde: object, rapport: Rapport, regel: int | str | None, veld: str, scheiding: re.Pattern) -> list[str]:
    """The values of a multi-value cell (text split on ``scheiding``) or sequence, stripped, empties dropped."""
    if isinstance(waarde, (list, tuple)):
        delen = [_cel(w, rapport, regel, veld) for w in waarde]
        for deel in delen:
            if ";" in deel:
                rapport.fout(f"waarde {deel!r} bevat ';' (het scheidingsteken van meerdere waarden)", regel, veld)
        return [d for d in delen if d]
    return [d.strip() for d in scheiding.split(_cel(waarde, rapport, regel, veld)) if d.strip()]


def normaliseer_rij(
    ruw: Mapping[str, object], regel: int | str | None, rapport: Rapport
) -> tuple[dict | None, str | None]:
    """(record, project_id) for one row; record is None when the row has an error (reported in ``rapport``).

    Columns absent from ``ruw`` count as empty. The project_id is returned also for a faulty row, so duplicate
    ids can still be reported.
    """
    aantal_fouten = rapport.aantal_fouten
    waarden = {k: ruw.get(k) for k in KOLOMMEN}
    record: dict[str, object] = {}

    pid = _cel(waarden["project_id"], rapport, regel, "project_id").upper()
    if not pid:
        rapport.fout("project_id ontbreekt", regel, "project_id")
    elif not PROJECT_ID.match(pid):
        rapport.fout(
            f"ongeldig project_id {pid!r}: verwacht 'P' en minstens drie cijfers, zoals P001", regel, "project_id"
        )
    record["project_id"] = pid

    for veld in (
        "titel",
        "omschrijving",
        "bron",
        "bron_citaat",
        "toelichting_labels",
        "bouwt_voort_op_citaat",
        "periode_citaat",
        "precisie_citaat",
        "bron_id",
        "leverancier",
    ):
        record[veld] = _cel(waarden[veld], rapport, regel, veld)
    if not record["titel"]:
        rapport.fout("titel ontbreekt", regel, "titel")

    record["verzekeraars"] = _verzekeraars(waarden["verzekeraars"], rapport, regel)
    record["indeling_jaar"] = _jaar(waarden["indeling_jaar"], rapport, regel)
    for veld in ("startjaar", "eindjaar"):
        record[veld] = _projectjaar(waarden[veld], rapport, regel, veld)
    record["gebied"] = _gebied(waarden["gebied"], record["indeling_jaar"], rapport, regel)
    for as_ in (vocab.AS_INHOUD, vocab.AS_INTENSITEIT, vocab.AS_GEOGRAFIE):
        record[as_.kolom] = _enkel_label(
            as_, waarden[as_.kolom], rapport, regel, verplicht=as_ is not vocab.AS_GEOGRAFIE
        )
    record["instrumenten"] = _labels(vocab.AS_INSTRUMENT, waarden["instrumenten"], rapport, regel)
    record["partners"] = tuple(dict.fromkeys(_delen(waarden["partners"], rapport, regel, "partners", _PARTNERS)))
    record["bouwt_voort_op"] = _ids(waarden["bouwt_voort_op"], rapport, regel)
    record["status"] = _status(waarden["status"], rapport, regel)

    record["gebied_precisie"] = _keuze(
        waarden["gebied_precisie"], precisie.GEBIED_PRECISIES, rapport, regel, "gebied_precisie"
    )
    record["verzekeraar_herkomst"] = _keuze(
        waarden["verzekeraar_herkomst"], precisie.VERZEKERAAR_HERKOMSTEN, rapport, regel, "verzekeraar_herkomst"
    )
    record["aantal_gemeenten_bron"] = _aantal(waarden["aantal_gemeenten_bron"], rapport, regel)

    _controleer_periode(record, rapport, regel)
    _controleer_precisie(record, rapport, regel)
    _controleer_citaten(record, rapport, regel)
    if rapport.aantal_fouten > aantal_fouten:
        return None, pid if PROJECT_ID.match(pid) else None
    return record, pid


def _status(waarde: object, rapport: Rapport, regel: int | str | None) -> str:
    """The review status in lower case, or '' when the cell is empty (the store decides: see
    :meth:`projectdb.store.Store.importeer`)."""
    tekst = _cel(waarde, rapport, regel, "status").lower()
    if tekst and tekst not in STATUSSEN:
        rapport.fout(f"status {tekst!r} bestaat niet; kies uit: {', '.join(STATUSSEN)}", regel, "status")
        return ""
    return tekst


def _verzekeraars(waarde: object, rapport: Rapport, regel: int | str | None) -> tuple[str, ...]:
    """Canonical insurer names in vocabulary order (a concern such as Achmea gives all its labels)."""
    delen = _delen(waarde, rapport, regel, "verzekeraars", _LIJST)
    if not delen:
        rapport.fout(
            f"verzekeraars ontbreekt; één of meer van: {', '.join(vocab.VERZEKERAAR_NAMEN)}", regel, "verzekeraars"
        )
    namen: set[str] = set()
    for deel in delen:
        try:
            namen.update(vocab.normaliseer_verzekeraar(deel))
        except vocab.OnbekendLabel as fout:
            rapport.fout(str(fout), regel, "verzekeraars")
    return tuple(n for n in vocab.VERZEKERAAR_NAMEN if n in namen)


def _jaar(waarde: object, rapport: Rapport, regel: int | str | None) -> int | None:
    """The boundary year as int, or None (reported) when it is not one of the shipped years."""
    tekst = _datum_als_jaar(_cel(waarde, rapport, regel, "indeling_jaar"), rapport, regel, "indeling_jaar")
    jaren = " of ".join(map(str, geodata.JAREN))
    if not tekst:
        rapport.fout(f"indeling_jaar ontbreekt; kies {jaren}", regel, "indeling_jaar")
        return None
    if not re.fullmatch(r"[0-9]{4}", tekst) or int(tekst) not in geodata.JAREN:
        rapport.fout(
            f"indeling_jaar {tekst!r} is geen meegeleverde gemeentelijke indeling; kies {jaren}", regel, "indeling_jaar"
        )
        return None
    return int(tekst)


def _projectjaar(waarde: object, rapport: Rapport, regel: int | str | None, veld: str) -> int | None:
    """A calendar year of the project period as int; None for an empty cell or an error (reported)."""
    if isinstance(waarde, int) and not isinstance(waarde, bool):
        waarde = str(waarde)
    tekst = _datum_als_jaar(_cel(waarde, rapport, regel, veld), rapport, regel, veld)
    if not tekst:
        return None
    if re.fullmatch(r"[0-9]{4}\s*[-–/]\s*[0-9]{4}", tekst):
        rapport.fout(
            f"{veld} {tekst!r} is een periode: zet het eerste jaar in startjaar en het laatste in eindjaar", regel, veld
        )
        return None
    if not re.fullmatch(r"[0-9]{4}", tekst) or not JAAR_MIN <= int(tekst) <= JAAR_MAX:
        rapport.fout(f"{veld} {tekst!r} is geen jaartal van {JAAR_MIN} tot en met {JAAR_MAX}", regel, veld)
        return None
    return int(tekst)


def _datum_als_jaar(tekst: str, rapport: Rapport, regel: int | str | None, veld: str) -> str:
    """The year of a date in a year column (Excel turns a typed year into a date when the cell has a date
    format), with a warning; other text unchanged."""
    datum = _DATUM.fullmatch(tekst)
    if datum is None:
        return tekst
    jaar = datum.group(1) or datum.group(2)
    rapport.waarschuwing(f"datum {tekst!r} in een jaarkolom: gelezen als jaar {jaar}", regel, veld)
    return jaar


def _controleer_periode(record: dict, rapport: Rapport, regel: int | str | None) -> None:
    """The period rules: eindjaar needs a startjaar not after it; the period quote needs a startjaar and should
    name it."""
    start, eind, citaat = record["startjaar"], record["eindjaar"], str(record["periode_citaat"])
    if eind is not None and start is None:
        rapport.fout(
            f"eindjaar {eind} zonder startjaar: vul het startjaar in (gelijk aan het eindjaar voor één jaar)",
            regel,
            "eindjaar",
        )
    elif eind is not None and eind < start:
        rapport.fout(f"eindjaar {eind} ligt vóór startjaar {start}", regel, "eindjaar")
    if citaat and start is None:
        rapport.fout("citaat zonder periode: startjaar is leeg", regel, "periode_citaat")
    elif start is not None and not citaat:
        rapport.waarschuwing("startjaar zonder citaat dat het jaar onderbouwt", regel, "periode_citaat")
    elif start is not None and str(start) not in citaat:
        rapport.waarschuwing(f"het citaat noemt startjaar {start} niet", regel, "periode_citaat")


def _keuze(waarde: object, keuzes: tuple[str, ...], rapport: Rapport, regel: int | str | None, veld: str) -> str:
    """One of ``keuzes`` (case-insensitive); an empty cell gives the first, the value of the model before these
    columns existed."""
    tekst = _cel(waarde, rapport, regel, veld).lower()
    if not tekst:
        return keuzes[0]
    if tekst not in keuzes:
        rapport.fout(f"{veld} {tekst!r} is ongeldig; kies {' of '.join(keuzes)}", regel, veld)
        return keuzes[0]
    return tekst


_CIRCA = re.compile(r"^(?:circa|ca\.?|ongeveer|zo'n|~)\s*([0-9]+)$", re.IGNORECASE)


def _aantal(waarde: object, rapport: Rapport, regel: int | str | None) -> int | None:
    """The number of gemeenten the source gives (``circa 10`` is 10); None for an empty cell or an error."""
    if isinstance(waarde, int) and not isinstance(waarde, bool):
        waarde = str(waarde)
    tekst = _cel(waarde, rapport, regel, "aantal_gemeenten_bron")
    if not tekst:
        return None
    gevonden = _CIRCA.match(tekst)
    if gevonden:
        tekst = gevonden.group(1)
    if not re.fullmatch(r"[0-9]+", tekst) or int(tekst) < 1:
        rapport.fout(
            f"aantal_gemeenten_bron {tekst!r} is geen positief geheel getal; laat het leeg als de bron "
            "geen aantal noemt ('een aantal gemeenten')",
            regel,
            "aantal_gemeenten_bron",
        )
        return None
    return int(tekst)


def _controleer_precisie(record: dict, rapport: Rapport, regel: int | str | None) -> None:
    """A ``deel`` project needs a quote and an area token; a count belongs only to a ``deel`` project."""
    if record["gebied_precisie"] != precisie.DEEL:
        if record["aantal_gemeenten_bron"] is not None:
            rapport.fout(
                "aantal_gemeenten_bron hoort alleen bij gebied_precisie 'deel'; bij 'volledig' telt het hele gebied",
                regel,
                "aantal_gemeenten_bron",
            )
        return
    if not record["precisie_citaat"]:
        rapport.fout(
            "gebied_precisie 'deel' zonder precisie_citaat: citeer de bron die zegt dat het project in een "
            "deel van het gebied loopt",
            regel,
            "precisie_citaat",
        )
    tokens = gebied.splits(str(record["gebied"]))
    if tokens and all(t.upper().startswith("GM") for t in tokens):
        rapport.waarschuwing(
            "gebied_precisie 'deel' bij alleen genoemde gemeenten: die zijn altijd zeker; 'deel' "
            "geldt voor regio's, provincies en kernwerkgebieden",
            regel,
            "gebied_precisie",
        )


def _gebied(waarde: object, jaar: int | None, rapport: Rapport, regel: int | str | None) -> str:
    """The canonical tokens (';'-joined) of a gebied cell; names are resolved in ``jaar``."""
    delen = _delen(waarde, rapport, regel, "gebied", _LIJST)
    if not delen:
        rapport.fout("gebied ontbreekt: geef gemeenten, Wmo-regio's of andere gebiedstokens", regel, "gebied")
        return ""
    if jaar is None:
        return ";".join(delen)
    tokens: list[str] = []
    for deel in delen:
        try:
            token, notitie = gebied.normaliseer_token(deel, jaar)
        except gebied.GebiedFout as fout:
            rapport.fout(str(fout), regel, "gebied")
            continue
        if notitie:
            rapport.waarschuwing(notitie, regel, "gebied")
        tokens.append(token)
    return ";".join(dict.fromkeys(tokens))


def _enkel_label(as_: vocab.As, waarde: object, rapport: Rapport, regel: int | str | None, verplicht: bool) -> str:
    """The stored name for a single-valued axis; '' (reported when ``verplicht``) for an empty cell."""
    tekst = _cel(waarde, rapport, regel, as_.kolom)
    if not tekst:
        if verplicht:
            rapport.fout(f"{as_.kolom} ontbreekt; kies uit: {', '.join(as_.namen)}", regel, as_.kolom)
        return ""
    if len(_LIJST.split(tekst)) > 1 and not _is_label(as_, tekst):
        rapport.fout(f"precies één waarde verwacht, niet {tekst!r}; kies uit: {', '.join(as_.namen)}", regel, as_.kolom)
        return ""
    try:
        return vocab.normaliseer(as_, tekst)
    except vocab.OnbekendLabel as fout:
        rapport.fout(str(fout), regel, as_.kolom)
        return ""


def _is_label(as_: vocab.As, tekst: str) -> bool:
    """Whether ``tekst`` as a whole is a label or synonym of ``as_`` (some synonyms contain a comma)."""
    try:
        as_.label(tekst)
    except vocab.OnbekendLabel:
        return False
    return True


def _labels(as_: vocab.As, waarde: object, rapport: Rapport, regel: int | str | None) -> tuple[str, ...]:
    """Labels of a multi-valued axis in canonical order, synonyms accepted."""
    delen = _delen(waarde, rapport, regel, as_.kolom, _LIJST)
    if not delen:
        rapport.fout(f"{as_.kolom} ontbreekt; één of meer van: {', '.join(as_.namen)}", regel, as_.kolom)
    namen: set[str] = set()
    for deel in delen:
        try:
            namen.add(vocab.normaliseer(as_, deel))
        except vocab.OnbekendLabel as fout:
            rapport.fout(str(fout), regel, as_.kolom)
    return tuple(n for n in as_.namen if n in namen)


def _ids(waarde: object, rapport: Rapport, regel: int | str | None) -> tuple[str, ...]:
    """The project_ids of bouwt_voort_op (separated by ';', ',' or spaces), upper case, in order."""
    if isinstance(waarde, (list, tuple)):
        delen = [_cel(w, rapport, regel, "bouwt_voort_op").upper() for w in waarde]
    else:
        delen = [d.upper() for d in _IDS.split(_cel(waarde, rapport, regel, "bouwt_voort_op")) if d]
    for deel in delen:
        if not PROJECT_ID.match(deel):
            rapport.fout(
                f"ongeldig project_id {deel!r} in bouwt_voort_op; verwacht zoals P001", regel, "bouwt_voort_op"
            )
    return tuple(dict.fromkeys(d for d in delen if d))


def _controleer_citaten(record: dict, rapport: Rapport, regel: int | str | None) -> None:
    """Source and quote rules: bron present, bron_citaat long enough, lineage quote only with a lineage."""
    citaat = str(record["bron_citaat"])
    if not record["bron"]:
        rapport.waarschuwing("bron ontbreekt: noem het brondocument", regel, "bron")
    if len(citaat) < MIN_CITAAT:
        rapport.waarschuwing(
            f"citaat is {len(citaat)} tekens; minstens {MIN_CITAAT} onderbouwt het project", regel, "bron_citaat"
        )
    if record["bouwt_voort_op_citaat"] and not record["bouwt_voort_op"]:
        rapport.fout("citaat zonder verwijzing: bouwt_voort_op is leeg", regel, "bouwt_voort_op_citaat")
    if record["bouwt_voort_op"] and not record["bouwt_voort_op_citaat"]:
        rapport.waarschuwing("bouwt_voort_op zonder citaat dat de koppeling onderbouwt", regel, "bouwt_voort_op_citaat")
