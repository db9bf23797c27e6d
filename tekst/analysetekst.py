"""The Analyse panel as Dutch sentences, from the counts of :mod:`classify.analyse`.

Inputs are the interchange frames: ``projecten`` (one row per project), ``koppeling`` [project_id, gemeente_code]
and ``gemeenten`` [gemeente_code, gemeente_naam, wmo_regio, kernwerkgebied] of one boundary year. The dashboard
shows the sentences; the map book and the slide export reuse them.
"""

from __future__ import annotations

import pandas as pd

from classify import analyse, vocab, zekerheid
from tekst.getallen import aantal, getal, opsomming, procent

GEEN_PROJECTEN = "Geen projecten voor deze selectie."

_AS_WOORD = {"inhoud": "thema", "instrument": "instrument", "intensiteit": "samenwerkingsvorm", "geografie": "niveau"}


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
    regio_s = analyse.regio_telling(projecten, zeker, gemeenten)
    n = len(projecten)
    zinnen = [
        f"{aantal(n, 'project', 'projecten')}{' zeker' if alleen_mogelijk else ''} in {getal(met_project)} van de "
        f"{getal(len(gemeenten))} "
        f"gemeenten ({procent(met_project, len(gemeenten))}) en in {getal(len(regio_s))} van de "
        f"{getal(gemeenten['wmo_regio'].nunique())} Wmo-regio's."
    ]
    if alleen_mogelijk:
        projecten_deel = mogelijk["project_id"].nunique()
        zinnen.append(
            f"Mogelijk nog in {aantal(alleen_mogelijk, 'gemeente', 'gemeenten')} "
            f"({procent(alleen_mogelijk, len(gemeenten))}): "
            f"{aantal(projecten_deel, 'project loopt', 'projecten lopen')} volgens de bron in een deel van het "
            "genoemde gebied, zonder te zeggen welke gemeenten; die tellen hier niet als gemeente met een project."
        )
    zinnen += _labelzinnen(projecten, as_code)
    if not regio_s.empty:
        top = regio_s.head(regio_top)
        delen = [f"{r.wmo_regio} ({getal(r.aantal_projecten)})" for r in top.itertuples()]
        zinnen.append(f"Wmo-regio's met de meeste projecten: {opsomming(delen)}.")
    zinnen += _kernwerkgebiedzinnen(projecten, koppeling, gemeenten)
    return zinnen


def kernwerkgebied_zinnen(tabel: pd.DataFrame) -> list[str]:
    """One sentence per insurer of :func:`classify.analyse.kernwerkgebied_aandeel`: its projects in, partly in and
    outside its kernwerkgebied and the pairs per municipality inside versus outside."""
    zinnen = []
    for r in tabel.itertuples():
        zin = f"{r.verzekeraar}: {aantal(r.projecten, 'project', 'projecten')}"
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


def _labelzinnen(projecten: pd.DataFrame, as_code: str) -> list[str]:
    """The count per label of the axis and its most frequent label. A label that every project has (the filter
    picked it) is said once in words, never as a share of 100%, and is never "the most frequent"."""
    as_ = vocab.as_voor(as_code)
    woord = _AS_WOORD[as_.code]
    n = len(projecten)
    telling = analyse.label_telling(projecten, as_code)
    aanwezig = telling[telling["aantal"] > 0]
    allemaal = aanwezig[aanwezig["aantal"] == n]
    overig = aanwezig[aanwezig["aantal"] < n]
    zinnen = []
    if not allemaal.empty:
        korte = opsomming([as_.label(naam).kort for naam in allemaal["label"]])
        onderwerp = "Het ene project heeft" if n == 1 else f"Alle {getal(n)} projecten hebben"
        zinnen.append(f"{onderwerp} als {woord} {korte}.")
    if not overig.empty:
        delen = [f"{as_.label(r.label).kort} {getal(r.aantal)} ({procent(r.aantal, n)})" for r in overig.itertuples()]
        kop = f"Verder per {woord}" if zinnen else f"Projecten per {woord}"
        zinnen.append(f"{kop}: {opsomming(delen)}.")
        if as_.meervoudig:
            zinnen[-1] += " Een project kan meer dan één instrument hebben."
    if not allemaal.empty or overig.empty:
        return zinnen
    hoogste = int(overig["aantal"].max())
    koplopers = overig[overig["aantal"] == hoogste]["label"].tolist()
    if len(koplopers) == 1:
        zinnen.append(
            f"Meest voorkomend: {koplopers[0]}, bij {getal(hoogste)} van de {getal(n)} projecten "
            f"({procent(hoogste, n)})."
        )
    else:
        zinnen.append(
            f"Meest voorkomend (gedeeld): {opsomming(koplopers)}, elk bij {aantal(hoogste, 'project', 'projecten')}."
        )
    return zinnen


def _kernwerkgebiedzinnen(projecten: pd.DataFrame, koppeling: pd.DataFrame, gemeenten: pd.DataFrame) -> list[str]:
    tabel = analyse.kernwerkgebied_aandeel(projecten, koppeling, gemeenten)
    tabel = tabel[tabel["gemeenten_binnen"] > 0]
    if tabel.empty:
        return []
    zinnen = []
    gedefinieerd = int(tabel["per_definitie"].sum())
    if gedefinieerd:
        zinnen.append(
            f"{aantal(gedefinieerd, 'koppeling project–verzekeraar heeft', 'koppelingen project–verzekeraar hebben')} "
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
        f"Van de {aantal(totaal, 'koppeling', 'koppelingen')} tussen een project, een verzekeraar en een gemeente "
        f"{'ligt' if binnen == 1 else 'liggen'} er {getal(binnen)} ({procent(binnen, totaal)}) in het "
        "kernwerkgebied van die verzekeraar.",
        f"Per gemeente in het eigen kernwerkgebied: {getal(dichtheid_binnen, 2)} koppelingen; daarbuiten "
        f"{getal(dichtheid_buiten, 2)} (verzekeraars met een kernwerkgebied).",
    ]
