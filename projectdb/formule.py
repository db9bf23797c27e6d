"""Spreadsheet formula injection (CSV injection): detecting and neutralising cells a spreadsheet would execute.

Following OWASP "CSV Injection", a cell is dangerous when it starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return. Export prefixes such a cell with a single quote (``'``), always, also for a harmless ``-``:
telling harmless from harmful is exactly what cannot be done reliably. Import removes that one quote again when
it is followed by one of these characters, so an exported file imports unchanged. Text that already starts with
quotes before such a character gets one quote more, so that it survives the round trip as well.
"""

from __future__ import annotations

FORMULETEKENS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula."""


def is_formule(tekst: str) -> bool:
    """Whether a spreadsheet could execute ``tekst`` as a formula."""
    return tekst.startswith(FORMULETEKENS)


def neutraliseer(tekst: str) -> str:
    """``tekst`` safe for a spreadsheet: one quote more before (quotes and) a formula character."""
    return f"'{tekst}" if is_formule(tekst.lstrip("'")) else tekst


def herstel(tekst: str) -> str:
    """Undo :func:`neutraliseer`: drop one leading quote before (quotes and) a formula character."""
    return tekst[1:] if tekst.startswith("'") and is_formule(tekst.lstrip("'")) else tekst
