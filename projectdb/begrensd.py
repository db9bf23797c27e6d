"""Running one import check in a worker process with a CPU-time bound, so no uploaded file can keep the server
busy: the worker is killed when over and the caller gets a Dutch refusal naming the file.

The worker is forked: it starts at once with the caller's loaded modules and warm geodata caches (a fresh
interpreter would spend most of the budget on imports), and as a direct child its CPU time is accounted to the
caller. It only reads the uploaded file and opens its own database connections (:mod:`projectdb.verbinding` drops
the inherited connection pools in a forked child); nothing it inherits is written.
The bound is enforced twice: the kernel stops the worker at its CPU limit (``RLIMIT_CPU``), and the caller kills
it after a wall-clock deadline (several times the CPU limit, for a machine under load). The deadline also ends a
worker that waits instead of computing, for example on a lock that another thread of the server held at the fork.
"""

from __future__ import annotations

import logging
import multiprocessing
import resource
from collections.abc import Callable
from typing import TypeVar

from projectdb.meldingen import Validatiefout, weiger

_WANDFACTOR = 4
"""Wall-clock deadline as a multiple of the CPU limit, plus :data:`_WANDMARGE` seconds."""
_WANDMARGE = 5.0

T = TypeVar("T")
log = logging.getLogger(__name__)


def _werker(verbinding, functie: Callable[..., T], args: tuple, cpu_seconden: float) -> None:
    """Worker body: set the CPU limit, run ``functie`` and send ("ok", result), ("fout", rapport) for a
    rejected file, or ("intern", description) for anything else."""
    zacht = max(1, int(cpu_seconden + 0.999))
    resource.setrlimit(resource.RLIMIT_CPU, (zacht, zacht + 1))
    try:
        verbinding.send(("ok", functie(*args)))
    except Validatiefout as fout:
        verbinding.send(("fout", fout.rapport))
    except Exception as fout:  # noqa: BLE001 - any failure goes back to the caller, which logs it
        verbinding.send(("intern", f"{type(fout).__name__}: {fout}"))
    finally:
        verbinding.close()


def begrensd(functie: Callable[..., T], args: tuple, bestand: str, cpu_seconden: float) -> T:
    """``functie(*args)`` in a forked worker that may use ``cpu_seconden`` of CPU time.

    Raises :class:`Validatiefout` for ``bestand`` when the worker rejected the file or was stopped at its
    limit (nothing was written: a check only reads), and :class:`RuntimeError` when the worker failed otherwise.
    """
    context = multiprocessing.get_context("fork")
    ontvanger, zender = context.Pipe(duplex=False)
    proces = context.Process(target=_werker, args=(zender, functie, args, cpu_seconden), daemon=True)
    proces.start()
    zender.close()
    wand = cpu_seconden * _WANDFACTOR + _WANDMARGE
    try:
        soort, inhoud = ontvanger.recv() if ontvanger.poll(wand) else ("wandklok", None)
    except EOFError:  # the worker died without sending: stopped by the kernel at its CPU limit
        soort, inhoud = "rekentijd", None
    finally:
        ontvanger.close()
        if proces.is_alive():
            proces.kill()
        proces.join()
    if soort == "ok":
        return inhoud
    if soort == "fout":
        raise Validatiefout(inhoud)
    if soort in ("rekentijd", "wandklok"):
        log.warning("controle van %s afgebroken (%s, code %s)", bestand, soort, proces.exitcode)
        waarom = (
            f"kost meer dan {cpu_seconden:.0f} seconden rekentijd"
            if soort == "rekentijd"
            else f"duurde langer dan {wand:.0f} seconden"
        )
        raise weiger(
            bestand,
            f"de controle van dit bestand {waarom} en is afgebroken; er is niets opgeslagen. Splits het bestand, "
            "of verwijder lege rijen, kolommen en opmaak buiten de tabel",
        )
    raise RuntimeError(f"controle van {bestand} mislukt: {inhoud}")
