"""Shared pieces of the benchmarks: interleaved timing, Markdown tables, machine description.

Times are wall-clock seconds from :func:`time.perf_counter`. A measurement is repeated and reported as the median
with min and max; our variant and the naive baseline are run alternately within one repetition (order swapped every
repetition), so a machine that speeds up or slows down during the run shifts both sides alike.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

WORTEL = Path(__file__).resolve().parents[1]
"""The repository root (the folder holding app.py)."""

KOLOMMEN: tuple[str, ...] = ("meting", "ons", "naief", "verhouding", "doel", "gehaald")
"""Columns every benchmark table has, in this order; a script may add columns between them."""

if str(WORTEL) not in sys.path:
    sys.path.insert(0, str(WORTEL))


@dataclass(frozen=True)
class Meting:
    """Repeated observations of one quantity (seconds, bytes, ...)."""

    waarden: tuple[float, ...]

    @property
    def mediaan(self) -> float:
        return statistics.median(self.waarden)

    @property
    def laagste(self) -> float:
        return min(self.waarden)

    @property
    def hoogste(self) -> float:
        return max(self.waarden)

    def percentiel(self, p: float) -> float:
        """The ``p``-th percentile (0-100), linear between the closest ranks."""
        geordend = sorted(self.waarden)
        if len(geordend) == 1:
            return geordend[0]
        positie = (len(geordend) - 1) * p / 100
        onder = int(positie)
        boven = min(onder + 1, len(geordend) - 1)
        return geordend[onder] + (geordend[boven] - geordend[onder]) * (positie - onder)


def stopwatch(functie: Callable[[], object]) -> float:
    """Seconds one call of ``functie`` takes."""
    start = time.perf_counter()
    functie()
    return time.perf_counter() - start


def afwisselend(varianten: Mapping[str, Callable[[int], object]], herhalingen: int) -> dict[str, Meting]:
    """Time every variant ``herhalingen`` times, alternating between them within each repetition.

    Each variant is called with the repetition number (so it can vary its input, e.g. the next filter); the order
    of the variants is reversed every other repetition.
    """
    tijden: dict[str, list[float]] = {naam: [] for naam in varianten}
    namen = list(varianten)
    for ronde in range(herhalingen):
        for naam in namen if ronde % 2 == 0 else namen[::-1]:
            tijden[naam].append(stopwatch(lambda f=varianten[naam], r=ronde: f(r)))
    return {naam: Meting(tuple(waarden)) for naam, waarden in tijden.items()}


def tijd(m: Meting | float | None) -> str:
    """Seconds as text: the median with [min–max] for repeated measurements."""
    if m is None:
        return "—"
    if isinstance(m, Meting):
        if len(m.waarden) == 1:
            return _seconden(m.mediaan)
        return f"{_seconden(m.mediaan)} [{_seconden(m.laagste)}–{_seconden(m.hoogste)}]"
    return _seconden(m)


def _seconden(s: float) -> str:
    if s < 0.001:
        return f"{s * 1e6:.0f} µs"
    if s < 1:
        return f"{s * 1000:.0f} ms"
    return f"{s:.2f} s"


def grootte(aantal_bytes: float | None) -> str:
    """Bytes as text in kB (1000 bytes) or MB."""
    if aantal_bytes is None:
        return "—"
    if aantal_bytes >= 1e6:
        return f"{aantal_bytes / 1e6:.2f} MB"
    return f"{aantal_bytes / 1e3:.1f} kB"


def verhouding(ons: float | None, naief: float | None) -> str:
    """``ons / naief`` as "0.42x" ("—" when either side is missing)."""
    if ons is None or naief is None or naief == 0:
        return "—"
    return f"{ons / naief:.2f}x"


def gehaald(ok: bool | None) -> str:
    """ "ja", "nee", or "—" for a row without a target."""
    return "—" if ok is None else ("ja" if ok else "nee")


def vergelijking(
    meting: str, ons: float | None, naief: float | None, vorm: Callable[[float | None], str] = tijd
) -> dict[str, str]:
    """A table row without a target: ``ons`` and ``naief`` written with ``vorm`` (:func:`tijd`, :func:`grootte`)
    and their ratio."""
    return {"meting": meting, "ons": vorm(ons), "naief": vorm(naief), "verhouding": verhouding(ons, naief)}


def markdown(rijen: Sequence[Mapping[str, object]], kolommen: Sequence[str] = KOLOMMEN) -> str:
    """A Markdown table of ``rijen`` (missing cells print as "—")."""
    regels = ["| " + " | ".join(kolommen) + " |", "|" + "|".join("---" for _ in kolommen) + "|"]
    for rij in rijen:
        regels.append("| " + " | ".join(str(rij.get(k, "—")).replace("|", "\\|") for k in kolommen) + " |")
    return "\n".join(regels)


def machine() -> dict[str, str]:
    """What the figures were measured on: cores, memory, Python, OS and the load at this moment."""
    with open("/proc/meminfo", encoding="ascii") as bestand:
        kb = next(int(regel.split()[1]) for regel in bestand if regel.startswith("MemTotal:"))
    belasting = ", ".join(f"{b:.2f}" for b in os.getloadavg())
    return {
        "kernen (nproc)": str(len(os.sched_getaffinity(0))),
        "geheugen": f"{kb / 1024 / 1024:.1f} GiB",
        "python": platform.python_version(),
        "systeem": f"{platform.system()} {platform.release()} ({platform.machine()})",
        "belasting (1/5/15 min)": belasting,
    }
