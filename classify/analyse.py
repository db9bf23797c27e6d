"""Facts for the Analyse panel, counted from the (filtered) project frames; :mod:`tekst.analysetekst` writes them
as Dutch sentences.

Everything is counted, nothing is assumed: label counts, the dominant label, the Wmo-regions with the most projects
and how projects relate to the insurers' kernwerkgebieden. Inputs are the interchange frames: ``projecten`` (one row
per project), ``koppeling`` [project_id, gemeente_code] and ``gemeenten`` [gemeente_code, gemeente_naam, wmo_regio,
kernwerkgebied] of one boundary year (any extra columns, such as geometry, are ignored). Pure functions: the
counts carry no wording.
"""

from __future__ import annotations

import pandas as pd

from classify import vocab, zekerheid


def label_telling(projecten: pd.DataFrame, as_code: str) -> pd.DataFrame:
    """Projects per label of an axis: [label, aantal, aandeel], in canonical order, labels without projects included.

    ``aandeel`` is the fraction of all projects (for the multi-valued instrument axis the fractions add up to more
    than 1: a project can use several instruments).
    """
    as_ = vocab.as_voor(as_code)
    kolom = projecten[as_.kolom]
    if as_.meervoudig:
        kolom = kolom.explode()
    aantallen = kolom.value_counts()
    telling = pd.DataFrame({"label": list(as_.namen)})
    telling["aantal"] = [int(aantallen.get(naam, 0)) for naam in as_.namen]
    telling["aandeel"] = telling["aantal"] / len(projecten) if len(projecten) else 0.0
    return telling


def regio_telling(projecten: pd.DataFrame, koppeling: pd.DataFrame, gemeenten: pd.DataFrame) -> pd.DataFrame:
    """Distinct projects per Wmo-region: [wmo_regio, aantal_projecten, aantal_gemeenten], most projects first.

    ``aantal_gemeenten`` counts the region's municipalities with at least one of these projects; ties are ordered by
    region name so the result is deterministic.
    """
    paren = _paren(projecten, koppeling).merge(gemeenten[["gemeente_code", "wmo_regio"]], on="gemeente_code")
    telling = (
        paren.groupby("wmo_regio")
        .agg(aantal_projecten=("project_id", "nunique"), aantal_gemeenten=("gemeente_code", "nunique"))
        .reset_index()
    )
    return telling.sort_values(["aantal_projecten", "wmo_regio"], ascending=[False, True], ignore_index=True)


def kernwerkgebied_aandeel(projecten: pd.DataFrame, koppeling: pd.DataFrame, gemeenten: pd.DataFrame) -> pd.DataFrame:
    """Per insurer how its projects relate to its own kernwerkgebied.

    Columns: verzekeraar, projecten (projects naming the insurer), per_definitie (those whose area is defined as
    the insurer's own kernwerkgebied, see :func:`per_definitie`: inside by construction, so left out of every
    following column), binnen / deels / buiten (the other projects with all, some, none of their municipalities in
    the insurer's kernwerkgebied), koppelingen_binnen / koppelingen_buiten (their project-municipality pairs),
    gemeenten_binnen / gemeenten_buiten (municipalities in / outside the kernwerkgebied in this boundary year),
    dichtheid_binnen / dichtheid_buiten (pairs per municipality: the intensity of collaboration inside and
    outside). Insurers in canonical order; only those with projects in ``projecten``.
    """
    kolommen = [
        "verzekeraar",
        "projecten",
        "per_definitie",
        "binnen",
        "deels",
        "buiten",
        "koppelingen_binnen",
        "koppelingen_buiten",
        "gemeenten_binnen",
        "gemeenten_buiten",
        "dichtheid_binnen",
        "dichtheid_buiten",
    ]
    paren = _paren(projecten, koppeling)
    per_verzekeraar = projecten[["project_id", "verzekeraars"]].explode("verzekeraars").dropna()
    per_verzekeraar = per_verzekeraar.rename(columns={"verzekeraars": "verzekeraar"})
    gedefinieerd = per_definitie(projecten)
    aantal_gedefinieerd = gedefinieerd.groupby("verzekeraar")["project_id"].nunique()
    per_verzekeraar = per_verzekeraar.merge(gedefinieerd, how="left", indicator=True)
    per_verzekeraar = per_verzekeraar[per_verzekeraar["_merge"] == "left_only"].drop(columns="_merge")
    drietal = paren.merge(per_verzekeraar, on="project_id").merge(
        gemeenten[["gemeente_code", "kernwerkgebied"]], on="gemeente_code"
    )
    drietal["binnen"] = drietal["verzekeraar"] == drietal["kernwerkgebied"]
    totaal_gemeenten = gemeenten["gemeente_code"].nunique()
    gebied = gemeenten.groupby("kernwerkgebied")["gemeente_code"].nunique()
    rijen = []
    for naam in vocab.VERZEKERAAR_NAMEN:
        eigen = drietal[drietal["verzekeraar"] == naam]
        if eigen.empty and not aantal_gedefinieerd.get(naam, 0):
            continue
        per_project = eigen.groupby("project_id")["binnen"].agg(["all", "any"])
        in_gebied = int(gebied.get(naam, 0))
        buiten_gebied = totaal_gemeenten - in_gebied
        koppelingen_binnen = int(eigen["binnen"].sum())
        koppelingen_buiten = int((~eigen["binnen"]).sum())
        rijen.append(
            {
                "verzekeraar": naam,
                "projecten": len(per_project) + int(aantal_gedefinieerd.get(naam, 0)),
                "per_definitie": int(aantal_gedefinieerd.get(naam, 0)),
                "binnen": int(per_project["all"].sum()),
                "deels": int((per_project["any"] & ~per_project["all"]).sum()),
                "buiten": int((~per_project["any"]).sum()),
                "koppelingen_binnen": koppelingen_binnen,
                "koppelingen_buiten": koppelingen_buiten,
                "gemeenten_binnen": in_gebied,
                "gemeenten_buiten": buiten_gebied,
                "dichtheid_binnen": koppelingen_binnen / in_gebied if in_gebied else float("nan"),
                "dichtheid_buiten": koppelingen_buiten / buiten_gebied if buiten_gebied else float("nan"),
            }
        )
    return pd.DataFrame(rijen, columns=kolommen)


def per_definitie(projecten: pd.DataFrame) -> pd.DataFrame:
    """[project_id, verzekeraar] for every project whose area is defined as that insurer's kernwerkgebied (the
    gebied token ``kernwerkgebied:<verzekeraar>`` of an insurer the project names). Such a project lies in that
    kernwerkgebied by construction, so it says nothing about where the insurer chooses to work. Empty without a
    ``gebied`` column."""
    if "gebied" not in projecten:
        return pd.DataFrame({"project_id": pd.Series(dtype=object), "verzekeraar": pd.Series(dtype=object)})
    paren = [
        (project_id, naam)
        for project_id, verzekeraars, gebied in zip(
            projecten["project_id"], projecten["verzekeraars"], projecten["gebied"], strict=True
        )
        for naam in verzekeraars
        if f"kernwerkgebied:{naam}" in _tokens(gebied)
    ]
    return pd.DataFrame(paren, columns=["project_id", "verzekeraar"], dtype=object)


def _tokens(gebied: str | tuple[str, ...]) -> set[str]:
    """The stored gebied tokens of a project (';'-string or tuple), stripped."""
    delen = gebied.split(";") if isinstance(gebied, str) else gebied
    return {deel.strip() for deel in delen}


def kerncijfers(projecten: pd.DataFrame, koppeling: pd.DataFrame, gemeenten: pd.DataFrame) -> dict[str, int]:
    """Headline figures: projecten, gemeenten (with a certain project), gemeenten_mogelijk (reached only through
    ``deel`` areas, see :func:`classify.zekerheid.zeker_en_mogelijk`), gemeenten_totaal, wmo_regios (with a
    certain project), wmo_regios_totaal, verzekeraars (named in a project)."""
    zeker, mogelijk = zekerheid.zeker_en_mogelijk(projecten, koppeling)
    paren = _paren(projecten, zeker).merge(gemeenten[["gemeente_code", "wmo_regio"]], on="gemeente_code")
    return {
        "projecten": len(projecten),
        "gemeenten": len(zeker_codes := set(paren["gemeente_code"])),
        "gemeenten_mogelijk": len(set(mogelijk["gemeente_code"]) - zeker_codes),
        "gemeenten_totaal": int(gemeenten["gemeente_code"].nunique()),
        "wmo_regios": int(paren["wmo_regio"].nunique()),
        "wmo_regios_totaal": int(gemeenten["wmo_regio"].nunique()),
        "verzekeraars": int(projecten["verzekeraars"].explode().dropna().nunique()),
    }


def _paren(projecten: pd.DataFrame, koppeling: pd.DataFrame) -> pd.DataFrame:
    """Project-municipality pairs of the selected projects, without duplicates."""
    gekozen = koppeling[koppeling["project_id"].isin(projecten["project_id"])]
    return gekozen[["project_id", "gemeente_code"]].drop_duplicates()
