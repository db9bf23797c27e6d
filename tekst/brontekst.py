"""Source documents as readers see them: publisher, title, year, and the peildatum (the date of the sources).

Pure functions over a registry ``bestand -> Bron`` (:mod:`classify.bronnen`): a record names its source by file
name, a reader sees ``AEF, Samenwerking zorgverzekeraars en gemeenten, 2017``. The peildatum of a set of records is
the date of their sources, never the day of a checkout or an export.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from classify.bronnen import Bron

_MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def vermelding(bron: Bron) -> str:
    """``Uitgever, Titel, jaar`` (``z.j.``, zonder jaar, for an undated document)."""
    return f"{bron.uitgever}, {bron.titel}, {bron.jaar or 'z.j.'}"


def bronvermelding(bestand: str, register: Mapping[str, Bron]) -> str:
    """How a reader sees the source ``bestand``: publisher, title and year; an unregistered name as given (a
    source typed by an editor on import)."""
    bron = register.get(bestand)
    return vermelding(bron) if bron else bestand


def datum_tekst(peildatum: str) -> str:
    """``2017-06-29`` as ``29 juni 2017``; a bare year as it is."""
    if len(peildatum) == 10:
        jaar, maand, dag = peildatum.split("-")
        return f"{int(dag)} {_MAANDEN[int(maand) - 1]} {jaar}"
    return peildatum


def peildatum(bestanden: Iterable[str], register: Mapping[str, Bron], noot: bool = True) -> str:
    """The date of the sources ``bestanden`` in words: ``2016–2017`` (a span of years), ``29 juni 2017`` (one
    dated source), or ``onbekend``; with ``noot``, `` (niet alle bronnen gedateerd)`` is added when some are
    undated or not in the registry."""
    gekozen = set(bestanden)
    datums = sorted(register[b].peildatum for b in gekozen if b in register and register[b].peildatum)
    if not datums:
        return "onbekend"
    jaren = sorted({d[:4] for d in datums})
    tekst = (
        datum_tekst(datums[0])
        if len(set(datums)) == 1
        else (jaren[0] if len(jaren) == 1 else f"{jaren[0]}–{jaren[-1]}")
    )
    if noot and len(datums) < len(gekozen):
        tekst += " (niet alle bronnen gedateerd)"
    return tekst


def korte_vermelding(bestanden: Iterable[str], register: Mapping[str, Bron]) -> str:
    """The sources ``bestanden`` by publisher and year, for a one-line map footer: ``AEF 2017, Zilveren Kruis 2017
    en z.j., Menzis 2016`` (registry order; unregistered names as given). The full titles are in
    :func:`bronvermelding`."""
    gekozen = set(bestanden)
    jaren: dict[str, list[str]] = {}
    for bestand in [*(b for b in register if b in gekozen), *sorted(gekozen - set(register))]:
        bron = register.get(bestand)
        uitgever, jaar = (bron.uitgever, str(bron.jaar or "z.j.")) if bron else (bestand, "")
        if jaar not in jaren.setdefault(uitgever, []):
            jaren[uitgever].append(jaar)
    return ", ".join(" ".join(filter(None, (u, " en ".join(filter(None, js))))) for u, js in jaren.items())


def zonder_nadruk(citaat: str) -> str:
    """A verbatim quote for reading: the source's emphasis marks (``**bold**``, ``__bold__``) left out, the words
    kept. The stored quote stays verbatim; only what a reader sees loses the marks."""
    return re.sub(r"(\*\*|__)(.+?)\1", r"\2", citaat)
