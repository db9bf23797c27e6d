"""Loaded data for the app, cached by plain keys (the database revision, the boundary year, a map key, the filter
values): never by frames or CRS objects.

The project store is opened once per process (:func:`st.cache_resource`). Everything loaded from it is keyed on
:func:`revisie`, the store's revision, which every write raises from whichever process or replica made it (an edit
in another app process, a command-line import or restore): the next rerun reads the new revision and so loads the
new records, without a restart. The revision is read once per script run, so one page shows one revision. Old
revisions fall out of the caches (few entries each); :func:`vernieuw` empties them at once. Returned
frames are shared: callers must not mutate them.
"""

from __future__ import annotations

import json
from dataclasses import astuple
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from classify import analyse, geografie, leerlijnen, zekerheid
from classify import filters as flt
from geo import geodata
from kaart import filtermodel, kaartframe
from kaart import model as kaartmodel
from kaart.model import Kaartbeeld, KaartSpec
from projectdb import bereik, bronnen, gebied
from projectdb.store import Store, open_store
from tekst import analysetekst, geografietekst, leerlijntekst, selectietekst

if TYPE_CHECKING:
    import networkx as nx

    from classify import verwant

_REVISIE_PER_RUN = "_skw_revisie"
"""Attribute of Streamlit's run context holding (the run's cursors, :attr:`Store.schrijvingen`, the revision)."""
GEMEENTEKOLOMMEN = ["gemeente_code", "gemeente_naam", "provincie_naam", "wmo_code", "wmo_regio", "kernwerkgebied"]


@st.cache_resource(show_spinner=False)
def opslag() -> Store:
    """The project store (``SAMENWERKING_DB``: a SQLite file or a PostgreSQL URL; else the default file)."""
    return open_store()


def revisie() -> int:
    """The store's current revision, the first key of every cache below: read once per script run (one small
    query), not once per cached call; a page run asks for it some twenty times, and on PostgreSQL each read is
    five round trips. Read again when this process wrote in between (:attr:`Store.schrijvingen`)."""
    ctx = get_script_run_ctx(suppress_warning=True)
    if ctx is None:
        return opslag().revisie()
    # Streamlit gives every run (and every fragment rerun) a new ``cursors`` dict; the memo holds the old one, so
    # a new run can never look like the old.
    onthouden = getattr(ctx, _REVISIE_PER_RUN, None)
    if onthouden is not None and onthouden[0] is ctx.cursors and onthouden[1] == Store.schrijvingen:
        return onthouden[2]
    schrijvingen, waarde = Store.schrijvingen, opslag().revisie()
    setattr(ctx, _REVISIE_PER_RUN, (ctx.cursors, schrijvingen, waarde))
    return waarde


@st.cache_resource(show_spinner="Projecten laden…", max_entries=2)
def _projecten(revisie: int) -> pd.DataFrame:
    alle = opslag().projecten()
    return alle[alle["status"] != "afgewezen"].reset_index(drop=True)


def projecten() -> pd.DataFrame:
    """The stored projects that are approved or proposed, one row per project (multi-value columns as tuples);
    rejected ones stay in the store but not in the app. Filters show proposals only on request
    (:func:`classify.filters.toepassen`)."""
    return _projecten(revisie())


@st.cache_resource(show_spinner="Projecten aan gemeenten koppelen…", max_entries=4)
def _koppeling(revisie: int, jaar: int) -> pd.DataFrame:
    return bereik.koppeling_zekerheid(_projecten(revisie), jaar)


def koppeling(jaar: int) -> pd.DataFrame:
    """[project_id, gemeente_code, zekerheid] for every stored project on the municipalities of boundary year ``jaar``
    (:func:`projectdb.bereik.koppeling_zekerheid`: ``mogelijk`` where a ``deel`` area only allows the link)."""
    return _koppeling(revisie(), jaar)


def _koppeling_voor(revisie: int, filters: flt.Filters) -> pd.DataFrame:
    alle = _koppeling(revisie, filters.jaar)
    return zekerheid.alleen_zeker(alle) if filters.alleen_zeker else alle


def _getoond(revisie: int, filters: flt.Filters) -> pd.DataFrame:
    if filters.alle:
        return _combinatie(revisie, _filtersleutel(filters))[1]
    return _koppeling_voor(revisie, filters)


def koppeling_voor(filters: flt.Filters) -> pd.DataFrame:
    """The links the maps of ``filters`` draw: all of :func:`koppeling`, or only the certain ones when the filters
    ask for certain areas only; with "alle" axes only the links to qualifying municipalities
    (:func:`classify.filters.combinatie`)."""
    return _getoond(revisie(), filters)


@st.cache_resource(show_spinner=False)
def gemeenten(jaar: int) -> pd.DataFrame:
    """Municipalities of ``jaar`` without geometry: code, name, province, Wmo-region and kernwerkgebied."""
    return geodata.kenmerken("gemeenten", jaar)[GEMEENTEKOLOMMEN]


@st.cache_resource(show_spinner=False, max_entries=2)
def _koppeling_eigen_jaar(revisie: int) -> pd.DataFrame:
    alle = _projecten(revisie)
    delen = [gebied.koppeling(alle[alle["indeling_jaar"] == jaar], jaar) for jaar in geodata.JAREN]
    return pd.concat(delen, ignore_index=True)


def koppeling_eigen_jaar() -> pd.DataFrame:
    """[project_id, gemeente_code] with every project on the municipalities of its own ``indeling_jaar``."""
    return _koppeling_eigen_jaar(revisie())


@st.cache_resource(show_spinner=False, max_entries=2)
def _bevindingen(revisie: int) -> pd.DataFrame:
    lidmaatschap = {jaar: geodata.wmo_indeling(jaar) for jaar in geodata.JAREN}
    gevonden = geografie.consistentie(_projecten(revisie), _koppeling_eigen_jaar(revisie), lidmaatschap)
    return geografietekst.met_meldingen(gevonden)


def bevindingen() -> pd.DataFrame:
    """Consistency findings for all projects (:func:`classify.geografie.consistentie`), each with its sentence
    (:func:`tekst.geografietekst.met_meldingen`)."""
    return _bevindingen(revisie())


@st.cache_resource(show_spinner=False, max_entries=2)
def _afgeleide_geografie(revisie: int) -> pd.Series:
    alle = _projecten(revisie)
    eigen = _koppeling_eigen_jaar(revisie)
    delen = [
        geografie.geografie_per_project(
            eigen, geodata.wmo_indeling(jaar), groep.loc[groep["project_id"].isin(eigen["project_id"]), "project_id"]
        )
        for jaar, groep in alle.groupby("indeling_jaar")
    ]
    return pd.concat(delen) if delen else pd.Series(dtype=object, name="geografie")


def afgeleide_geografie() -> pd.Series:
    """The geography derived from each project's municipalities in its own year, indexed by project_id."""
    return _afgeleide_geografie(revisie())


Filtersleutel = tuple
"""A :class:`classify.filters.Filters` as its plain field values (tuples of names and the year): a cache key that
Streamlit hashes as it is and that gives the filters back without parsing."""


def _filtersleutel(filters: flt.Filters) -> Filtersleutel:
    return astuple(filters)


def _filters(sleutel: Filtersleutel) -> flt.Filters:
    return flt.Filters(*sleutel)


@st.cache_resource(show_spinner=False, max_entries=256)
def _combinatie(revisie: int, filtersleutel: Filtersleutel) -> tuple[pd.DataFrame, pd.DataFrame]:
    filters = _filters(filtersleutel)
    return flt.combinatie(filters, flt.toepassen(filters, _projecten(revisie)), _koppeling_voor(revisie, filters))


@st.cache_resource(show_spinner=False, max_entries=256)
def _gefilterd(revisie: int, filtersleutel: Filtersleutel) -> pd.DataFrame:
    filters = _filters(filtersleutel)
    # Only an "alle" axis needs the links (and so the boundary year); the plain filter stays a pure project query.
    if filters.alle:
        return _combinatie(revisie, filtersleutel)[0]
    return flt.toepassen(filters, _projecten(revisie))


def gefilterd(filters: flt.Filters) -> pd.DataFrame:
    """The stored projects matching ``filters``; with "alle" axes only those reaching a qualifying municipality
    (cached per revision and filter selection)."""
    return _gefilterd(revisie(), _filtersleutel(filters))


def selectie(filters: flt.Filters, spec: KaartSpec | None = None) -> pd.DataFrame:
    """The projects a map of ``spec`` counts under ``filters`` (all filtered projects without a spec)."""
    gekozen = gefilterd(filters)
    return gekozen if spec is None else kaartmodel.projecten_voor(spec, gekozen)


@st.cache_resource(show_spinner=False, max_entries=256)
def _kaartbeeld(revisie: int, kaartsleutel: str, filtersleutel: Filtersleutel) -> Kaartbeeld | None:
    spec = KaartSpec.van_sleutel(kaartsleutel)
    filters = _filters(filtersleutel)
    # The map's own projects, selected once: kaartbeeld selects again, on these few rows (the selection is idempotent).
    geteld = kaartmodel.projecten_voor(spec, _gefilterd(revisie, filtersleutel))
    if spec.soort != "kernwerkgebied" and geteld.empty:
        return None
    return kaartmodel.kaartbeeld(
        spec,
        geteld,
        _getoond(revisie, filters),
        gemeenten(filters.jaar),
        jaar=filters.jaar,
        selectie=selectietekst.beschrijving(filters),
        bronregister=bronnen.bronnen(),
    )


def kaartbeeld(spec: KaartSpec, filters: flt.Filters) -> Kaartbeeld | None:
    """The computed map ``spec`` under ``filters``, or ``None`` when it counts no project (cached by keys)."""
    return _kaartbeeld(revisie(), spec.sleutel, _filtersleutel(filters))


@st.cache_resource(show_spinner=False, max_entries=16)
def _filtermodel(revisie: int, kaartsleutel: str, filtersleutel: Filtersleutel) -> tuple[str, bytes]:
    spec = KaartSpec.van_sleutel(kaartsleutel)
    filters = _filters(filtersleutel)
    model = filtermodel.filtermodel(spec, _gefilterd(revisie, filtersleutel), _getoond(revisie, filters), filters.jaar)
    inhoud = json.dumps(model, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return kaartframe.inhoudsnaam(filtermodel.BESTAND, inhoud), inhoud


def filtermodel_bestand(spec: KaartSpec, filters: flt.Filters) -> tuple[str, bytes] | None:
    """(file name, UTF-8 JSON) of the model with which the map frame applies Inhoud and Zorgverzekeraar itself
    (:func:`kaart.filtermodel.filtermodel` for :func:`kaart.filtermodel.basis`), or ``None`` where it does not
    apply (:func:`kaart.filtermodel.toepasbaar`). Named after a hash of its content, so it never goes stale; cached
    per revision and base selection (a few per revision: year, certainty and proposals switches)."""
    if not filtermodel.toepasbaar(spec, filters):
        return None
    return _filtermodel(revisie(), spec.sleutel, _filtersleutel(filtermodel.basis(filters)))


@st.cache_resource(show_spinner=False, max_entries=256)
def _analyse(revisie: int, filtersleutel: Filtersleutel, kaartsleutel: str, as_code: str) -> tuple[str, ...]:
    filters = _filters(filtersleutel)
    gekozen = _gefilterd(revisie, filtersleutel)
    if kaartsleutel:
        gekozen = kaartmodel.projecten_voor(KaartSpec.van_sleutel(kaartsleutel), gekozen)
    zinnen = analysetekst.feiten(gekozen, _getoond(revisie, filters), gemeenten(filters.jaar), as_code)
    zinnen += leerlijntekst.opschalingszinnen(
        leerlijnen.opschaling(
            _leerlijnengraaf(revisie, filters.voorstellen),
            gekozen["project_id"],
            _leerlijnketens(revisie, filters.voorstellen),
        )
    )
    return tuple(zinnen)


def analysezinnen(filters: flt.Filters, as_code: str = "inhoud", spec: KaartSpec | None = None) -> tuple[str, ...]:
    """The Analyse panel's sentences for the projects of :func:`selectie`: computed facts along axis ``as_code``
    and what they scale up along their lineages (cached by keys)."""
    return _analyse(revisie(), _filtersleutel(filters), spec.sleutel if spec else "", as_code)


@st.cache_resource(show_spinner=False, max_entries=256)
def _zonder_projecten(revisie: int, filtersleutel: Filtersleutel, kaartsleutels: tuple[str, ...]) -> frozenset[str]:
    gekozen = _gefilterd(revisie, filtersleutel)
    specs = (KaartSpec.van_sleutel(sleutel) for sleutel in kaartsleutels)
    leeg = (spec for spec in specs if spec.soort != "kernwerkgebied")
    return frozenset(spec.sleutel for spec in leeg if kaartmodel.projecten_voor(spec, gekozen).empty)


def zonder_projecten(specs: tuple[KaartSpec, ...], filters: flt.Filters) -> frozenset[str]:
    """The keys of the maps of ``specs`` that count no project under ``filters`` (the kernwerkgebied map always has
    content), cached per revision, selection and set of maps."""
    return _zonder_projecten(revisie(), _filtersleutel(filters), tuple(spec.sleutel for spec in specs))


@st.cache_resource(show_spinner=False, max_entries=256)
def _kerncijfers(revisie: int, filtersleutel: Filtersleutel) -> dict[str, int]:
    filters = _filters(filtersleutel)
    gekozen = _gefilterd(revisie, filtersleutel)
    cijfers = analyse.kerncijfers(gekozen, _getoond(revisie, filters), gemeenten(filters.jaar))
    return {**cijfers, "zonder_minima": len(gekozen) - int(kaartmodel.alleen_minima(gekozen).sum())}


def kerncijfers(filters: flt.Filters) -> dict[str, int]:
    """:func:`classify.analyse.kerncijfers` of the selection plus ``zonder_minima`` (its projects that are not only
    a minima contract), cached per revision and filter selection."""
    return _kerncijfers(revisie(), _filtersleutel(filters))


@st.cache_resource(show_spinner=False, max_entries=256)
def _kernwerkgebied_aandeel(revisie: int, filtersleutel: Filtersleutel) -> pd.DataFrame | None:
    filters = _filters(filtersleutel)
    gekozen = kaartmodel.projecten_voor(KaartSpec("totaal", zonder_minima=True), _gefilterd(revisie, filtersleutel))
    if gekozen.empty:
        return None
    return analyse.kernwerkgebied_aandeel(gekozen, _getoond(revisie, filters), gemeenten(filters.jaar))


def kernwerkgebied_aandeel(filters: flt.Filters) -> pd.DataFrame | None:
    """:func:`classify.analyse.kernwerkgebied_aandeel` of the selection's projects without minima contracts (as the
    totaal map counts them), ``None`` when there are none; cached per revision and filter selection."""
    return _kernwerkgebied_aandeel(revisie(), _filtersleutel(filters))


@st.cache_resource(show_spinner=False, max_entries=4)
def _leerlijnengraaf(revisie: int, voorstellen: bool) -> nx.DiGraph:
    alle = _projecten(revisie)
    # A proposal must not lengthen a lineage, or give an Ontwikkelproject its follow-up, before it is approved.
    return leerlijnen.graaf(alle[alle["status"].isin(flt.TELLENDE_STATUS[voorstellen])])


def leerlijnengraaf(voorstellen: bool = False) -> nx.DiGraph:
    """The lineage (:func:`classify.leerlijnen.graaf`) of the projects that count: approved ones, plus proposals
    when ``voorstellen`` (as :attr:`classify.filters.Filters.voorstellen`); built once per revision."""
    return _leerlijnengraaf(revisie(), voorstellen)


@st.cache_resource(show_spinner=False, max_entries=4)
def _leerlijnketens(revisie: int, voorstellen: bool) -> tuple[leerlijnen.Keten, ...]:
    return tuple(leerlijnen.ketens(_leerlijnengraaf(revisie, voorstellen)))


def leerlijnketens(voorstellen: bool = False) -> tuple[leerlijnen.Keten, ...]:
    """Every chain of :func:`leerlijnengraaf` (:func:`classify.leerlijnen.ketens`), enumerated once per revision."""
    return _leerlijnketens(revisie(), voorstellen)


@st.cache_resource(show_spinner="Projectteksten vergelijken…", max_entries=4)
def _verwantschap(revisie: int, jaar: int) -> verwant.Verwantschap:
    # Imported here: scipy.sparse and scikit-learn's text module cost a second of every cold start otherwise.
    from classify import verwant

    return verwant.verwantschap(_projecten(revisie), _koppeling(revisie, jaar))


def verwantschap(jaar: int) -> verwant.Verwantschap:
    """The similarity index of all projects on the municipalities of ``jaar`` (:func:`classify.verwant.verwantschap`),
    built once per revision."""
    return _verwantschap(revisie(), jaar)


def vernieuw() -> None:
    """Forget the loaded projects and everything derived from them at once (their keys change with the revision
    anyway; this frees the memory of the old ones). A write from this process is seen in the same run without it:
    :func:`revisie` reads again when :attr:`Store.schrijvingen` has moved."""
    for cache in (
        _projecten,
        _koppeling,
        _koppeling_eigen_jaar,
        _bevindingen,
        _afgeleide_geografie,
        _leerlijnengraaf,
        _leerlijnketens,
        _verwantschap,
        _combinatie,
        _gefilterd,
        _kaartbeeld,
        _filtermodel,
        _analyse,
        _kerncijfers,
        _kernwerkgebied_aandeel,
        _zonder_projecten,
    ):
        cache.clear()
