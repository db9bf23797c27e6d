"""Which gemeenten a project reaches for certain and which only possibly, and how sure a derived insurer is.

A gemeente named by its code is reached ``zeker``; so is every gemeente of the areas (Wmo-regio, provincie,
kernwerkgebied, zorgkantoorregio) of a ``volledig`` project. The gemeenten of the areas of a ``deel`` project are
reached ``mogelijk``: the source says the project runs in some of them without naming which. A gemeente reached
both ways counts as ``zeker``. Maps and counts that must not claim more than the sources use
:func:`koppeling_zekerheid` instead of :func:`projectdb.gebied.koppeling` (same rows, one more column).

An insurer with ``verzekeraar_herkomst`` ``concessie`` was filled in as the 2017 zorgkantoor concession holder of
the project's area; :func:`concessiezekerheid` gives the confidence of that concession from
``zorgkantoor_concessies.csv`` (via the zorgkantoorregio layer of :mod:`geo.geodata`).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from classify import precisie
from geo import geodata
from projectdb import gebied


def bereik(project: Mapping[str, object], jaar: int | None = None) -> tuple[frozenset[str], frozenset[str]]:
    """(zeker, mogelijk): the gemeente_codes of display year ``jaar`` (default: the project's ``indeling_jaar``)
    that ``project`` reaches certainly, and those it reaches only through ``deel`` areas (disjoint sets).

    ``project`` needs gebied (';'-string or tuple), indeling_jaar and gebied_precisie (missing means volledig).
    """
    indeling = int(project["indeling_jaar"])
    jaar = indeling if jaar is None else int(jaar)
    precisie_ = str(project.get("gebied_precisie") or precisie.VOLLEDIG)
    zeker: set[str] = set()
    mogelijk: set[str] = set()
    for token in gebied.splits(project["gebied"]):
        codes = gebied.herindeel(gebied.gemeenten_van_token(token, indeling), indeling, jaar)
        (zeker if precisie.zekerheid_van_token(token, precisie_) == precisie.ZEKER else mogelijk).update(codes)
    return frozenset(zeker), frozenset(mogelijk - zeker)


GENOEMD, GEBIED = "genoemd", "gebied"
"""How a project reaches a gemeente besides ``mogelijk``: the gemeente is named by its code, or lies in a whole area
(Wmo-regio, provincie, kernwerkgebied, zorgkantoorregio) of the project."""


def hoe_bereikt(
    project: Mapping[str, object], gemeente_code: str, jaar: int | None = None
) -> tuple[str, tuple[str, ...]]:
    """How ``project`` reaches ``gemeente_code`` of display year ``jaar`` (default: its ``indeling_jaar``), with the
    gebied tokens that do it: (``genoemd``, codes) when a token names the gemeente, else (``gebied``, area tokens)
    when a whole area holds it, else (``mogelijk``, ``deel`` area tokens); (``""``, ()) when it does not reach it.

    The same tokens and rules as :func:`bereik`, so a gemeente is ``zeker`` there exactly when this says
    ``genoemd`` or ``gebied``.
    """
    indeling = int(project["indeling_jaar"])
    jaar = indeling if jaar is None else int(jaar)
    precisie_ = str(project.get("gebied_precisie") or precisie.VOLLEDIG)
    per_soort: dict[str, list[str]] = {GENOEMD: [], GEBIED: [], precisie.MOGELIJK: []}
    for token in gebied.splits(project["gebied"]):
        if gemeente_code not in gebied.herindeel(gebied.gemeenten_van_token(token, indeling), indeling, jaar):
            continue
        if precisie.zekerheid_van_token(token, precisie_) != precisie.ZEKER:
            per_soort[precisie.MOGELIJK].append(token)
        else:
            per_soort[GENOEMD if token.upper().startswith("GM") else GEBIED].append(token)
    for soort, tokens in per_soort.items():
        if tokens:
            return soort, tuple(tokens)
    return "", ()


def koppeling_zekerheid(projecten: pd.DataFrame, jaar: int) -> pd.DataFrame:
    """DataFrame[project_id, gemeente_code, zekerheid] on the gemeenten of display year ``jaar``.

    The rows are those of :func:`projectdb.gebied.koppeling` (sorted by project_id, gemeente_code); ``zekerheid``
    is ``zeker`` or ``mogelijk`` (see the module docstring). ``projecten`` needs project_id, gebied,
    indeling_jaar and, optionally, gebied_precisie (absent means every project is ``volledig``).
    """
    rijen: list[tuple[str, str, str]] = []
    for record in projecten.to_dict("records"):
        try:
            zeker, mogelijk = bereik(record, jaar)
        except gebied.GebiedFout as fout:
            raise gebied.GebiedFout(f"project {record['project_id']}: {fout}") from None
        rijen += [(record["project_id"], code, precisie.ZEKER) for code in zeker]
        rijen += [(record["project_id"], code, precisie.MOGELIJK) for code in mogelijk]
    uit = pd.DataFrame(rijen, columns=["project_id", "gemeente_code", "zekerheid"], dtype=str)
    return uit.sort_values(["project_id", "gemeente_code"], ignore_index=True)


def concessiezekerheid(projecten: pd.DataFrame) -> pd.DataFrame:
    """DataFrame[project_id, verzekeraar_herkomst, zorgkantoorregio_codes, concessiezekerheid], one row per project.

    For a ``concessie`` project: the zorgkantoorregio's (of its ``indeling_jaar``) that hold its gemeenten and whose
    concession holder is one of its insurers, and the weakest confidence of those concessions (``hoog``,
    ``middel-hoog``, ``middel``). For a ``bron`` project: an empty tuple and None, because the source names the
    insurer. Needs project_id, verzekeraars, gebied, indeling_jaar and verzekeraar_herkomst.
    """
    rijen = []
    for record in projecten.to_dict("records"):
        herkomst = str(record.get("verzekeraar_herkomst") or precisie.BRON)
        codes: tuple[str, ...] = ()
        zekerheid = None
        if herkomst == precisie.CONCESSIE:
            jaar = int(record["indeling_jaar"])
            regio = _regio_per_gemeente(jaar)
            concessies = _concessies(jaar)
            gemeenten = gebied.gemeenten_van_gebied(record["gebied"], jaar)
            codes = tuple(sorted({regio[c] for c in gemeenten if concessies[regio[c]][0] in record["verzekeraars"]}))
            zekerheid = precisie.zwakste_zekerheid(concessies[c][1] for c in codes)
        rijen.append((record["project_id"], herkomst, codes, zekerheid))
    return pd.DataFrame(
        rijen,
        columns=["project_id", "verzekeraar_herkomst", "zorgkantoorregio_codes", "concessiezekerheid"],
        dtype=object,
    )


def verzekeraars_tekst(verzekeraars: tuple[str, ...] | list[str], herkomst: str, zekerheid: str | None) -> str:
    """The insurers as shown to a reader: ``"CZ"``, or for a derived insurer ``"CZ (afgeleid: concessiehouder
    zorgkantoor 2017, zekerheid hoog)"``."""
    namen = ", ".join(verzekeraars)
    if herkomst != precisie.CONCESSIE:
        return namen
    return f"{namen} (afgeleid: concessiehouder zorgkantoor 2017, zekerheid {zekerheid or 'onbekend'})"


def _regio_per_gemeente(jaar: int) -> dict[str, str]:
    """gemeente_code -> zorgkantoorregio_code in boundary year ``jaar``."""
    frame = geodata.kenmerken("gemeenten", jaar)
    return dict(zip(frame["gemeente_code"], frame["zorgkantoorregio_code"], strict=True))


def _concessies(jaar: int) -> dict[str, tuple[str, str]]:
    """zorgkantoorregio_code -> (concession holder, confidence) in boundary year ``jaar``."""
    frame = geodata.kenmerken("zorgkantoorregios", jaar)
    return dict(
        zip(frame["zorgkantoorregio_code"], zip(frame["verzekeraar"], frame["zekerheid"], strict=True), strict=True)
    )
