"""Certain and possible municipalities on the maps: which project-municipality links the sources support, and which
they only allow.

A project with ``gebied_precisie`` ``volledig`` runs in every municipality of its area. With ``deel`` the source
says it runs in *some* municipalities of the named regions without naming them: only municipalities it names by
CBS code are certain (``zeker``), the rest of its regions are possible (``mogelijk``); a municipality reached both
ways is certain. Projects without the column count as ``volledig``. The links with their certainty come from
:func:`projectdb.bereik.koppeling_zekerheid`; these are pure functions on those frames.
"""

from __future__ import annotations

import pandas as pd

from classify.precisie import DEEL, MOGELIJK, VOLLEDIG


def precisie(projecten: pd.DataFrame) -> pd.Series:
    """``gebied_precisie`` per project row (``volledig`` where the column is missing or empty)."""
    if "gebied_precisie" not in projecten:
        return pd.Series(VOLLEDIG, index=projecten.index, dtype=object)
    return projecten["gebied_precisie"].fillna("").replace("", VOLLEDIG).astype(object)


def is_zeker(koppeling: pd.DataFrame) -> pd.Series:
    """True per certain link of a koppeling frame [project_id, gemeente_code, zekerheid]; a frame without
    ``zekerheid`` is all certain."""
    if "zekerheid" not in koppeling:
        return pd.Series(True, index=koppeling.index, dtype=bool)
    return (koppeling["zekerheid"] != MOGELIJK).astype(bool)


def alleen_zeker(koppeling: pd.DataFrame) -> pd.DataFrame:
    """The certain links of a koppeling frame (see :func:`is_zeker`)."""
    return koppeling[is_zeker(koppeling).to_numpy()]


def zeker_en_mogelijk(projecten: pd.DataFrame, koppeling: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The links of ``projecten`` split into certain and possible ones, each [project_id, gemeente_code] without
    duplicates."""
    paren = koppeling[koppeling["project_id"].isin(projecten["project_id"])]
    zeker = is_zeker(paren).to_numpy()
    kolommen = ["project_id", "gemeente_code"]
    return paren.loc[zeker, kolommen].drop_duplicates(), paren.loc[~zeker, kolommen].drop_duplicates()


def deel_bereik(projecten: pd.DataFrame, koppeling: pd.DataFrame) -> pd.DataFrame:
    """Per ``deel`` project in ``projecten``: [project_id, aantal_gemeenten_bron (Int64, NA if the source gives
    none), gemeenten_gebied (the municipalities of its area on this map, certain and possible)], in project
    order."""
    # Only the two columns used: taking every column of the selected rows cost more than the rest together.
    deel = projecten.loc[
        precisie(projecten) == DEEL, [k for k in ("project_id", "aantal_gemeenten_bron") if k in projecten]
    ]
    aantal = (
        pd.to_numeric(deel["aantal_gemeenten_bron"], errors="coerce").astype("Int64")
        if "aantal_gemeenten_bron" in deel
        else pd.Series(pd.NA, index=deel.index, dtype="Int64")
    )
    per_project = koppeling[koppeling["project_id"].isin(deel["project_id"])].groupby("project_id")["gemeente_code"]
    return pd.DataFrame(
        {
            "project_id": deel["project_id"].to_numpy(),
            "aantal_gemeenten_bron": aantal.to_numpy(),
            "gemeenten_gebied": deel["project_id"].map(per_project.nunique()).fillna(0).astype(int).to_numpy(),
        }
    )
