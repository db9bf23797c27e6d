"""Facts for the Analyse panel, computed from the (filtered) project frames and written as Dutch sentences.

Everything is counted, nothing is assumed: label counts, the dominant label, the Wmo-regions with the most projects
and how projects relate to the insurers' kernwerkgebieden. Inputs are the interchange frames: ``projecten`` (one row
per project), ``koppeling`` [project_id, gemeente_code] and ``gemeenten`` [gemeente_code, gemeente_naam, wmo_regio,
kernwerkgebied] of one boundary year (any extra columns, such as geometry, are ignored). Pure functions: the
dashboard shows the sentences, a slide export can reuse them.
"""

from __future__ import annotations

import pandas as pd

from classify import vocab, zekerheid

GEEN_PROJECTEN = "Geen projecten voor deze selectie."


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


def kernwerkgebied_zinnen(tabel: pd.DataFrame) -> list[str]:
    """One sentence per insurer of :func:`kernwerkgebied_aandeel`: its projects in, partly in and outside its
    kernwerkgebied and the pairs per municipality inside versus outside."""
    zinnen = []
    for r in tabel.itertuples():
        zin = f"{r.verzekeraar}: {_aantal(r.projecten, 'project', 'projecten')}"
        overig = r.projecten - r.per_definitie
        verdeling = (
            f"{getal(r.binnen)} geheel en {getal(r.deels)} deels in het eigen kernwerkgebied en "
            f"{getal(r.buiten)} daarbuiten"
        )
        if not r.per_definitie:
            zin += f", waarvan {verdeling}"
        else:
            een = r.per_definitie == 1
            zin += (
                f"; {getal(r.per_definitie)} daarvan {'heeft' if een else 'hebben'} het kernwerkgebied zelf als "
                f"gebied en {'telt' if een else 'tellen'} niet mee"
            )
            if not overig:
                zinnen.append(zin + ".")
                continue
            zin += f"; van de overige {getal(overig)} {'ligt' if overig == 1 else 'liggen er'} {verdeling}"
        if r.gemeenten_binnen:
            zin += (
                f"; {getal(r.dichtheid_binnen, 2)} koppelingen per gemeente in het kernwerkgebied tegen "
                f"{getal(r.dichtheid_buiten, 2)} daarbuiten"
            )
        else:
            zin += "; geen kernwerkgebied in deze indeling"
        zinnen.append(zin + ".")
    return zinnen


def feiten(
    projecten: pd.DataFrame,
    koppeling: pd.DataFrame,
    gemeenten: pd.DataFrame,
    as_code: str = "inhoud",
    regio_top: int = 3,
) -> list[str]:
    """The Analyse panel: Dutch sentences with the numbers of this selection.

    Covers the size of the selection, the count per label of axis ``as_code`` and its dominant label, the
    ``regio_top`` Wmo-regions with most projects and the share of project-municipality pairs that lie in the
    kernwerkgebied of the project's insurer, with the projects-per-municipality intensity inside versus outside.
    """
    if projecten.empty:
        return [GEEN_PROJECTEN]
    zeker, mogelijk = zekerheid.zeker_en_mogelijk(projecten, koppeling)
    met_project = zeker["gemeente_code"].nunique()
    alleen_mogelijk = len(set(mogelijk["gemeente_code"]) - set(zeker["gemeente_code"]))
    regio_s = regio_telling(projecten, zeker, gemeenten)
    n = len(projecten)
    zinnen = [
        f"{_aantal(n, 'project', 'projecten')}{' zeker' if alleen_mogelijk else ''} in {getal(met_project)} van de "
        f"{getal(len(gemeenten))} "
        f"gemeenten ({procent(met_project, len(gemeenten))}) en in {getal(len(regio_s))} van de "
        f"{getal(gemeenten['wmo_regio'].nunique())} Wmo-regio's."
    ]
    if alleen_mogelijk:
        projecten_deel = mogelijk["project_id"].nunique()
        zinnen.append(
            f"Mogelijk nog in {getal(alleen_mogelijk)} gemeenten ({procent(alleen_mogelijk, len(gemeenten))}): "
            f"{_aantal(projecten_deel, 'project loopt', 'projecten lopen')} volgens de bron in een deel van het "
            "genoemde gebied, zonder te zeggen welke gemeenten; die tellen hier niet als gemeente met een project."
        )
    zinnen += _labelzinnen(projecten, as_code)
    if not regio_s.empty:
        top = regio_s.head(regio_top)
        delen = [f"{r.wmo_regio} ({getal(r.aantal_projecten)})" for r in top.itertuples()]
        zinnen.append(f"Wmo-regio's met de meeste projecten: {opsomming(delen)}.")
    zinnen += _kernwerkgebiedzinnen(projecten, koppeling, gemeenten)
    return zinnen


def _aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    return f"{getal(n)} {enkelvoud if n == 1 else meervoud}"


def _paren(projecten: pd.DataFrame, koppeling: pd.DataFrame) -> pd.DataFrame:
    """Project-municipality pairs of the selected projects, without duplicates."""
    gekozen = koppeling[koppeling["project_id"].isin(projecten["project_id"])]
    return gekozen[["project_id", "gemeente_code"]].drop_duplicates()


_AS_WOORD = {"inhoud": "thema", "instrument": "instrument", "intensiteit": "samenwerkingsvorm", "geografie": "niveau"}


def _labelzinnen(projecten: pd.DataFrame, as_code: str) -> list[str]:
    as_ = vocab.as_voor(as_code)
    telling = label_telling(projecten, as_code)
    aanwezig = telling[telling["aantal"] > 0]
    delen = [
        f"{as_.label(r.label).kort} {getal(r.aantal)} ({procent(r.aantal, len(projecten))})"
        for r in aanwezig.itertuples()
    ]
    zinnen = [f"Projecten per {_AS_WOORD[as_.code]}: {opsomming(delen)}."]
    if as_.meervoudig:
        zinnen[0] += " Een project kan meer dan één instrument hebben."
    hoogste = aanwezig["aantal"].max()
    koplopers = aanwezig[aanwezig["aantal"] == hoogste]["label"].tolist()
    if len(koplopers) == 1:
        zinnen.append(
            f"Meest voorkomend: {koplopers[0]}, bij {getal(hoogste)} van de {getal(len(projecten))} projecten "
            f"({procent(hoogste, len(projecten))})."
        )
    else:
        zinnen.append(f"Meest voorkomend (gedeeld): {opsomming(koplopers)}, elk bij {getal(hoogste)} projecten.")
    return zinnen


def _kernwerkgebiedzinnen(projecten: pd.DataFrame, koppeling: pd.DataFrame, gemeenten: pd.DataFrame) -> list[str]:
    tabel = kernwerkgebied_aandeel(projecten, koppeling, gemeenten)
    tabel = tabel[tabel["gemeenten_binnen"] > 0]
    if tabel.empty:
        return []
    zinnen = []
    gedefinieerd = int(tabel["per_definitie"].sum())
    if gedefinieerd:
        zinnen.append(
            f"{_aantal(gedefinieerd, 'koppeling project–verzekeraar heeft', 'koppelingen project–verzekeraar hebben')} "
            "als gebied het kernwerkgebied van die verzekeraar zelf; die liggen er per definitie in en tellen "
            "hieronder niet mee."
        )
    binnen = int(tabel["koppelingen_binnen"].sum())
    totaal = binnen + int(tabel["koppelingen_buiten"].sum())
    if not totaal:
        return zinnen
    dichtheid_binnen = binnen / tabel["gemeenten_binnen"].sum()
    dichtheid_buiten = tabel["koppelingen_buiten"].sum() / tabel["gemeenten_buiten"].sum()
    return zinnen + [
        f"Van de {getal(totaal)} koppelingen tussen een project, een verzekeraar en een gemeente liggen er "
        f"{getal(binnen)} ({procent(binnen, totaal)}) in het kernwerkgebied van die verzekeraar.",
        f"Per gemeente in het eigen kernwerkgebied: {getal(dichtheid_binnen, 2)} koppelingen; daarbuiten "
        f"{getal(dichtheid_buiten, 2)} (verzekeraars met een kernwerkgebied).",
    ]
