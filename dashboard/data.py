"""Loaded data for the app, cached by plain keys (the boundary year, a map key, the filter values): never by
frames or CRS objects.

The project store is opened once per process (:func:`st.cache_resource`); after an import :func:`vernieuw` drops
every derived cache so all pages see the new records. Returned frames are shared: callers must not mutate them.
"""

from __future__ import annotations

from dataclasses import astuple
from typing import TYPE_CHECKING

import networkx as nx
import pandas as pd
import streamlit as st

from classify import filters as flt
from classify import geografie, leerlijnen, zekerheid
from geo import geodata
from kaart import model as kaartmodel
from kaart.model import Kaartbeeld, KaartSpec
from projectdb import bereik, bronnen, gebied
from projectdb.store import Store, open_store
from tekst import analysetekst, leerlijntekst, selectietekst

if TYPE_CHECKING:
    from classify import verwant

GEMEENTEKOLOMMEN = ["gemeente_code", "gemeente_naam", "provincie_naam", "wmo_code", "wmo_regio", "kernwerkgebied"]


@st.cache_resource(show_spinner=False)
def opslag() -> Store:
    """The project store (SQLite, path from ``SAMENWERKING_DB`` or the default)."""
    return open_store()


@st.cache_resource(show_spinner="Projecten laden…")
def projecten() -> pd.DataFrame:
    """The stored projects that are approved or proposed, one row per project (multi-value columns as tuples);
    rejected ones stay in the store but not in the app. Filters show proposals only on request
    (:func:`classify.filters.toepassen`)."""
    alle = opslag().projecten()
    return alle[alle["status"] != "afgewezen"].reset_index(drop=True)


@st.cache_resource(show_spinner="Projecten aan gemeenten koppelen…")
def koppeling(jaar: int) -> pd.DataFrame:
    """[project_id, gemeente_code, zekerheid] for every stored project on the municipalities of boundary year ``jaar``
    (:func:`projectdb.bereik.koppeling_zekerheid`: ``mogelijk`` where a ``deel`` area only allows the link)."""
    return bereik.koppeling_zekerheid(projecten(), jaar)


def _links(filters: flt.Filters) -> pd.DataFrame:
    alle = koppeling(filters.jaar)
    return zekerheid.alleen_zeker(alle) if filters.alleen_zeker else alle


def koppeling_voor(filters: flt.Filters) -> pd.DataFrame:
    """The links the maps of ``filters`` draw: all of :func:`koppeling`, or only the certain ones when the filters
    ask for certain areas only; with "alle" axes only the links to qualifying municipalities
    (:func:`classify.filters.combinatie`)."""
    if filters.alle:
        return _combinatie(_filtersleutel(filters))[1]
    return _links(filters)


@st.cache_resource(show_spinner=False)
def gemeenten(jaar: int) -> pd.DataFrame:
    """Municipalities of ``jaar`` without geometry: code, name, province, Wmo-region and kernwerkgebied."""
    return pd.DataFrame(geodata.gemeenten(jaar)[GEMEENTEKOLOMMEN])


@st.cache_resource(show_spinner=False)
def koppeling_eigen_jaar() -> pd.DataFrame:
    """[project_id, gemeente_code] with every project on the municipalities of its own ``indeling_jaar``."""
    alle = projecten()
    delen = [gebied.koppeling(alle[alle["indeling_jaar"] == jaar], jaar) for jaar in geodata.JAREN]
    return pd.concat(delen, ignore_index=True)


@st.cache_resource(show_spinner=False)
def bevindingen() -> pd.DataFrame:
    """Consistency findings for all projects (:func:`classify.geografie.consistentie`)."""
    lidmaatschap = {jaar: geodata.wmo_indeling(jaar) for jaar in geodata.JAREN}
    return geografie.consistentie(projecten(), koppeling_eigen_jaar(), lidmaatschap)


@st.cache_resource(show_spinner=False)
def afgeleide_geografie() -> pd.Series:
    """The geography derived from each project's municipalities in its own year, indexed by project_id."""
    alle = projecten()
    eigen = koppeling_eigen_jaar()
    delen = [
        geografie.geografie_per_project(
            eigen, geodata.wmo_indeling(jaar), groep.loc[groep["project_id"].isin(eigen["project_id"]), "project_id"]
        )
        for jaar, groep in alle.groupby("indeling_jaar")
    ]
    return pd.concat(delen) if delen else pd.Series(dtype=object, name="geografie")


Filtersleutel = tuple
"""A :class:`classify.filters.Filters` as its plain field values (tuples of names and the year): a cache key that
Streamlit hashes as it is and that gives the filters back without parsing."""


def _filtersleutel(filters: flt.Filters) -> Filtersleutel:
    return astuple(filters)


def _filters(sleutel: Filtersleutel) -> flt.Filters:
    return flt.Filters(*sleutel)


@st.cache_resource(show_spinner=False, max_entries=256)
def _combinatie(filtersleutel: Filtersleutel) -> tuple[pd.DataFrame, pd.DataFrame]:
    filters = _filters(filtersleutel)
    return flt.combinatie(filters, flt.toepassen(filters, projecten()), _links(filters))


@st.cache_resource(show_spinner=False, max_entries=256)
def _gefilterd(filtersleutel: Filtersleutel) -> pd.DataFrame:
    filters = _filters(filtersleutel)
    # Only an "alle" axis needs the links (and so the boundary year); the plain filter stays a pure project query.
    return _combinatie(filtersleutel)[0] if filters.alle else flt.toepassen(filters, projecten())


def gefilterd(filters: flt.Filters) -> pd.DataFrame:
    """The stored projects matching ``filters``; with "alle" axes only those reaching a qualifying municipality
    (cached per filter selection)."""
    return _gefilterd(_filtersleutel(filters))


def selectie(filters: flt.Filters, spec: KaartSpec | None = None) -> pd.DataFrame:
    """The projects a map of ``spec`` counts under ``filters`` (all filtered projects without a spec)."""
    gekozen = gefilterd(filters)
    return gekozen if spec is None else kaartmodel.projecten_voor(spec, gekozen)


@st.cache_resource(show_spinner=False, max_entries=256)
def _kaartbeeld(kaartsleutel: str, filtersleutel: Filtersleutel) -> Kaartbeeld | None:
    spec = KaartSpec.van_sleutel(kaartsleutel)
    filters = _filters(filtersleutel)
    gekozen = _gefilterd(filtersleutel)
    if spec.soort != "kernwerkgebied" and kaartmodel.projecten_voor(spec, gekozen).empty:
        return None
    return kaartmodel.kaartbeeld(
        spec,
        gekozen,
        koppeling_voor(filters),
        gemeenten(filters.jaar),
        jaar=filters.jaar,
        selectie=selectietekst.beschrijving(filters),
        bronregister=bronnen.bronnen(),
    )


def kaartbeeld(spec: KaartSpec, filters: flt.Filters) -> Kaartbeeld | None:
    """The computed map ``spec`` under ``filters``, or ``None`` when it counts no project (cached by keys)."""
    return _kaartbeeld(spec.sleutel, _filtersleutel(filters))


@st.cache_resource(show_spinner=False, max_entries=256)
def _analyse(filtersleutel: Filtersleutel, kaartsleutel: str, as_code: str) -> tuple[str, ...]:
    filters = _filters(filtersleutel)
    gekozen = _gefilterd(filtersleutel)
    if kaartsleutel:
        gekozen = kaartmodel.projecten_voor(KaartSpec.van_sleutel(kaartsleutel), gekozen)
    zinnen = analysetekst.feiten(gekozen, koppeling_voor(filters), gemeenten(filters.jaar), as_code)
    zinnen += leerlijntekst.opschalingszinnen(
        leerlijnen.opschaling(
            leerlijnengraaf(filters.voorstellen), gekozen["project_id"], leerlijnketens(filters.voorstellen)
        )
    )
    return tuple(zinnen)


def analysezinnen(filters: flt.Filters, as_code: str = "inhoud", spec: KaartSpec | None = None) -> tuple[str, ...]:
    """The Analyse panel's sentences for the projects of :func:`selectie`: computed facts along axis ``as_code``
    and what they scale up along their lineages (cached by keys)."""
    return _analyse(_filtersleutel(filters), spec.sleutel if spec else "", as_code)


@st.cache_resource(show_spinner=False)
def leerlijnengraaf(voorstellen: bool = False) -> nx.DiGraph:
    """The lineage (:func:`classify.leerlijnen.graaf`) of the projects that count: approved ones, plus proposals
    when ``voorstellen`` (as :attr:`classify.filters.Filters.voorstellen`); built once per load of the projects."""
    alle = projecten()
    # A proposal must not lengthen a lineage, or give an Ontwikkelproject its follow-up, before it is approved.
    return leerlijnen.graaf(alle[alle["status"].isin(flt.TELLENDE_STATUS[voorstellen])])


@st.cache_resource(show_spinner=False)
def leerlijnketens(voorstellen: bool = False) -> tuple[leerlijnen.Keten, ...]:
    """Every chain of :func:`leerlijnengraaf` (:func:`classify.leerlijnen.ketens`), enumerated once."""
    return tuple(leerlijnen.ketens(leerlijnengraaf(voorstellen)))


@st.cache_resource(show_spinner="Projectteksten vergelijken…")
def verwantschap(jaar: int) -> verwant.Verwantschap:
    """The similarity index of all projects on the municipalities of ``jaar`` (:func:`classify.verwant.verwantschap`),
    built once per load of the projects."""
    # Imported here: scipy.sparse and scikit-learn's text module cost a second of every cold start otherwise.
    from classify import verwant

    return verwant.verwantschap(projecten(), koppeling(jaar))


def vernieuw() -> None:
    """Forget the loaded projects and everything derived from them (after an import)."""
    for cache in (
        projecten,
        koppeling,
        koppeling_eigen_jaar,
        bevindingen,
        afgeleide_geografie,
        leerlijnengraaf,
        leerlijnketens,
        verwantschap,
        _combinatie,
        _gefilterd,
        _kaartbeeld,
        _analyse,
    ):
        cache.clear()
