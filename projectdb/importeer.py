"""Importing analysts' and suppliers' files (CSV or XLSX) into the store: read, map headers, validate, write
all-or-nothing.

Reading and header mapping are :mod:`projectdb.invoer`; labels, insurers and area names are normalised by
:mod:`projectdb.record`; keys, suppliers' references and likely duplicates are :mod:`projectdb.intake`. A template
made by :mod:`projectdb.sjabloon` names its supplier in its version marker. A dry run (``proef``) reports without
writing. Reading and validating a file happen in a worker process bounded in CPU time (:mod:`projectdb.begrensd`),
so a hostile upload cannot keep the server busy; only a file that passed that check is validated again and written
by the caller. See :mod:`projectdb.bestand` for the file limits.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from pathlib import Path

from projectdb.begrensd import begrensd
from projectdb.bestand import Limieten
from projectdb.invoer import Invoer, lees_invoer
from projectdb.meldingen import Rapport
from projectdb.sjabloon import lees_kenmerk
from projectdb.store import Store


def _controleer(
    store: Store,
    pad: Path,
    update: bool,
    blad: str | None,
    limieten: Limieten,
    leverancier: str,
    keuzes: Mapping[int | str, str] | None,
) -> tuple[Invoer, Rapport, str]:
    """Read ``pad`` and validate it against ``store`` without writing: (the rows with the reader's report,
    the dry-run report, the supplier: ``leverancier`` or else the one in a template's marker)."""
    invoer = lees_invoer(pad, blad, limieten)
    kenmerk = lees_kenmerk(pad)
    if kenmerk is not None:
        invoer.rapport.sjabloon = str(kenmerk)
        leverancier = leverancier.strip() or kenmerk.leverancier
    leesrapport = copy.deepcopy(invoer.rapport)
    proef = store.importeer(
        invoer.rijen,
        update=update,
        proef=True,
        regels=invoer.regels,
        rapport=invoer.rapport,
        leverancier=leverancier,
        keuzes=keuzes,
    )
    invoer.rapport = leesrapport
    return invoer, proef, leverancier


def importeer_bestand(
    store: Store,
    pad: str | Path,
    update: bool = False,
    proef: bool = False,
    blad: str | None = None,
    redacteur: str | None = None,
    limieten: Limieten = Limieten(),
    leverancier: str = "",
    keuzes: Mapping[int | str, str] | None = None,
) -> Rapport:
    """Import a CSV or XLSX file into ``store``, all-or-nothing; returns the report.

    Raises :class:`Validatiefout` (nothing written) when the file or any row is invalid, or when checking it
    takes more than ``limieten.max_cpu_seconden`` of CPU time. ``update`` allows rows with existing project_ids;
    ``proef`` validates only; ``blad`` picks an XLSX sheet by name. ``leverancier`` names who sent the list
    (default: the supplier in a template's marker); ``keuzes`` says per row number what to do with a likely
    duplicate (see :meth:`projectdb.store.Store.importeer`).
    """
    pad = Path(pad)
    keuzes = dict(keuzes) if keuzes is not None else None
    argumenten = (store, pad, update, blad, limieten, leverancier, keuzes)
    if limieten.max_cpu_seconden is None:
        invoer, proefrapport, leverancier = _controleer(*argumenten)
    else:
        invoer, proefrapport, leverancier = begrensd(_controleer, argumenten, pad.name, limieten.max_cpu_seconden)
    if proef:
        return proefrapport
    return store.importeer(
        invoer.rijen,
        update=update,
        redacteur=redacteur,
        regels=invoer.regels,
        rapport=invoer.rapport,
        leverancier=leverancier,
        keuzes=keuzes,
    )
