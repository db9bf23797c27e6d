"""Importing analysts' and suppliers' files (CSV or XLSX) into the store: read, map headers, validate, write
all-or-nothing.

Reading and header mapping are :mod:`projectdb.invoer`; labels, insurers and area names are normalised by
:mod:`projectdb.record`; keys, suppliers' references and likely duplicates are :mod:`projectdb.intake`. A template
made by :mod:`projectdb.sjabloon` names its supplier in its version marker. A dry run (``proef``) reports without
writing. See :mod:`projectdb.bestand` for the file limits.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from projectdb.bestand import Limieten
from projectdb.invoer import lees_invoer
from projectdb.meldingen import Rapport
from projectdb.sjabloon import lees_kenmerk
from projectdb.store import Store


def importeer_bestand(store: Store, pad: str | Path, update: bool = False, proef: bool = False,
                      blad: str | None = None, redacteur: str | None = None,
                      limieten: Limieten = Limieten(), leverancier: str = "",
                      keuzes: Mapping[int | str, str] | None = None) -> Rapport:
    """Import a CSV or XLSX file into ``store``, all-or-nothing; returns the report.

    Raises :class:`Validatiefout` (nothing written) when the file or any row is invalid. ``update`` allows
    rows with existing project_ids; ``proef`` validates only; ``blad`` picks an XLSX sheet by name.
    ``leverancier`` names who sent the list (default: the supplier in a template's marker); ``keuzes`` says per
    row number what to do with a likely duplicate (see :meth:`projectdb.store.Store.importeer`).
    """
    invoer = lees_invoer(pad, blad, limieten)
    kenmerk = lees_kenmerk(pad)
    if kenmerk is not None:
        invoer.rapport.sjabloon = str(kenmerk)
        leverancier = leverancier.strip() or kenmerk.leverancier
    return store.importeer(invoer.rijen, update=update, redacteur=redacteur, proef=proef, regels=invoer.regels,
                           rapport=invoer.rapport, leverancier=leverancier, keuzes=keuzes)
