"""Spreadsheet formula injection (CSV injection): detecting and neutralising cells a spreadsheet would execute.

Following OWASP "CSV Injection", a cell is dangerous when it starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return. Export prefixes such a cell with a single quote (``'``), always, also for a harmless ``-``:
telling harmless from harmful is exactly what cannot be done reliably. Import removes that one quote again when
it is followed by one of these characters, so an exported file imports unchanged. Text that already starts with
quotes before such a character gets one quote more, so that it survives the round trip as well.

Multiple values are joined with ``;``, which is also the list separator of Dutch Excel: a ``;`` file opened
there, or a cell split with *Tekst naar kolommen*, turns every segment into a cell of its own. So every
``;``-segment is treated as a cell (:func:`neutraliseer_delen`, :func:`herstel_delen`, :func:`formuledelen`).
"""

from __future__ import annotations

FORMULETEKENS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula."""
SCHEIDING = ";"
"""The separator of multiple values, and a list separator of spreadsheets."""


def is_formule(tekst: str) -> bool:
    """Whether a spreadsheet could execute ``tekst`` as a formula."""
    return tekst.startswith(FORMULETEKENS)


def neutraliseer(tekst: str) -> str:
    """``tekst`` safe for a spreadsheet: one quote more before (quotes and) a formula character."""
    return f"'{tekst}" if is_formule(tekst.lstrip("'")) else tekst


def herstel(tekst: str) -> str:
    """Undo :func:`neutraliseer`: drop one leading quote before (quotes and) a formula character."""
    return tekst[1:] if tekst.startswith("'") and is_formule(tekst.lstrip("'")) else tekst


def neutraliseer_delen(tekst: str) -> str:
    """:func:`neutraliseer` applied to every ``;``-segment of ``tekst``."""
    return SCHEIDING.join(neutraliseer(deel) for deel in tekst.split(SCHEIDING))


def herstel_delen(tekst: str) -> str:
    """Undo :func:`neutraliseer_delen`."""
    return SCHEIDING.join(herstel(deel) for deel in tekst.split(SCHEIDING))


def formuledelen(tekst: str) -> list[str]:
    """The ``;``-segments of ``tekst`` (without surrounding spaces) that a spreadsheet could execute."""
    return [deel.strip(" ") for deel in tekst.split(SCHEIDING) if is_formule(deel.strip(" "))]
