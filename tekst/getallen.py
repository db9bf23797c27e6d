"""Numbers, counts and enumerations in Dutch notation."""

from __future__ import annotations


def getal(waarde: float, decimalen: int = 0) -> str:
    """A number in Dutch notation: decimal comma, dot between thousands (``1.234,5``)."""
    tekst = f"{waarde:,.{decimalen}f}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def procent(deel: float, geheel: float) -> str:
    """``deel`` as a whole percentage of ``geheel`` in Dutch notation (``"30%"``); ``"–"`` when ``geheel`` is 0."""
    return f"{getal(100 * deel / geheel)}%" if geheel else "–"


def opsomming(delen: list[str]) -> str:
    """Dutch enumeration: ``a``, ``a en b``, ``a, b en c``."""
    if len(delen) <= 1:
        return "".join(delen)
    return f"{', '.join(delen[:-1])} en {delen[-1]}"


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """``n`` with the singular for exactly one and the plural otherwise: ``1 project``, ``0 projecten``."""
    return f"{getal(n)} {enkelvoud if n == 1 else meervoud}"
