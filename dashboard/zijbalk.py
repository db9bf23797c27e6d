"""The sidebar: filter widgets and layer toggles, kept in sync with the URL query parameters.

The URL is the source of truth: each run reads the selection from ``st.query_params`` (pure parsing in
:mod:`dashboard.url`) and sets the widgets to it; a widget change writes the URL back in its callback. Switching
pages drops the query string, so every run keeps the filter parameters of its URL in the session (those of a shared
link too) and a page that opens without any gets them back. A page that is about one label (one insurer, one theme)
takes it from the same filters (:func:`een_label`): there is no second, page-level state.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from classify import begrippen, vocab
from classify import filters as flt
from dashboard import url
from dashboard.projectweergave import md
from geo.lagen import KAARTLAGEN
from tekst import selectietekst

_LAATSTE = "_skw_laatste_params"
_BEGRIP = begrippen.per_filterveld()
VELDTITELS: dict[str, str] = {veld: _BEGRIP[veld].label for veld in flt.LABELVELDEN}
"""The sidebar's label filters: field of :class:`classify.filters.Filters` -> the title of its multiselect (the
glossary's label), in the sidebar's order."""
JAARTITEL = _BEGRIP["jaar"].label
ZEKERTITEL = _BEGRIP["alleen_zeker"].label
VOORSTELLENTITEL = _BEGRIP["voorstellen"].label
NAASTTITEL = begrippen.begrip("selectie rechts").label
_GRENSLAGEN = tuple(laag for laag in KAARTLAGEN if not laag.per_verzekeraar)
_KERNLAAG = next(laag for laag in KAARTLAGEN if laag.per_verzekeraar)
_ALLE = "alle verzekeraars"


@dataclass(frozen=True)
class Keuze:
    """What the sidebar selects: the (left) filters, the right-hand filters in side-by-side mode, the layers."""

    links: flt.Filters
    rechts: flt.Filters | None
    lagen: tuple[str, ...]
    meldingen: tuple[str, ...]


def _eigen_sleutels() -> set[str]:
    namen = {*url.PARAMETERS.values(), *url.OUDE_NAMEN}
    # The gemeente in focus travels too: the analyst who looked Den Haag up wants it on the next page as well.
    return {*namen, *(url.PREFIX_RECHTS + n for n in namen), url.LAGEN, url.NAAST, url.GEMEENTE}


def _params() -> dict[str, str]:
    """The query parameters, restored from the session when a page switch dropped them; an older link's page
    choice (``verz=cz``) is rewritten as the sidebar filter it now is."""
    params = st.query_params.to_dict()
    bewaard = st.session_state.get(_LAATSTE, {})
    if bewaard and not _eigen_sleutels() & set(params):
        st.query_params.update(bewaard)
        params = {**params, **bewaard}
    if set(url.OUDE_NAMEN) & set(params):
        params = url.vervang(params, url.lees(params)[0])
        _bewaar(params)
    # Remember what this URL holds, also when it came from a link rather than a widget: the next page needs it.
    st.session_state[_LAATSTE] = {k: v for k, v in params.items() if k in _eigen_sleutels()}
    return params


def keuze() -> Keuze:
    """The current selection as in the URL (no widgets drawn)."""
    params = _params()
    links, meldingen_l = url.lees(params)
    lagen, meldingen_k = url.lees_lagen(params)
    rechts = None
    meldingen_r: tuple[str, ...] = ()
    if params.get(url.NAAST) == "1":
        rechts, meldingen_r = url.lees(params, url.PREFIX_RECHTS)
        rechts = flt.met(rechts, jaar=links.jaar, alleen_zeker=links.alleen_zeker, voorstellen=links.voorstellen)
    return Keuze(links, rechts, lagen, meldingen_l + meldingen_r + meldingen_k)


def _bewaar(params: dict[str, str]) -> None:
    st.query_params.from_dict(params)
    st.session_state[_LAATSTE] = {k: v for k, v in params.items() if k in _eigen_sleutels()}


def _filters_uit_widgets(prefix: str, jaar: int, alleen_zeker: bool) -> flt.Filters:
    velden = {veld: st.session_state.get(f"{prefix}w_{veld}", []) for veld in VELDTITELS}
    # Like the year and 'alleen zeker', showing proposals is set once, on the left-hand selection.
    voorstellen = not prefix and bool(st.session_state.get("w_voorstellen"))
    alle = [veld for veld in VELDTITELS if st.session_state.get(f"{prefix}w_alle_{veld}") == flt.ALLE]
    return flt.met(flt.Filters(), **velden, jaar=jaar, alleen_zeker=alleen_zeker, voorstellen=voorstellen, alle=alle)


def _na_filter(prefix: str) -> None:
    # The right-hand selection shares the left one's year and certainty switch; it never writes its own.
    jaar = st.session_state.get("w_jaar", flt.STANDAARD_JAAR) if not prefix else flt.STANDAARD_JAAR
    zeker = bool(st.session_state.get("w_zeker", False)) if not prefix else False
    _bewaar(url.vervang(st.query_params.to_dict(), _filters_uit_widgets(prefix, jaar, zeker), prefix))


def _na_jaar() -> None:
    _na_filter("")


def _na_lagen() -> None:
    lagen = [laag.code for laag in _GRENSLAGEN if st.session_state.get(f"w_laag_{laag.code}")]
    if st.session_state.get(f"w_laag_{_KERNLAAG.code}"):
        wie = st.session_state.get("w_laag_verzekeraar", _ALLE)
        lagen.append(_KERNLAAG.code if wie == _ALLE else f"{_KERNLAAG.code}:{wie}")
    params = {k: v for k, v in st.query_params.to_dict().items() if k != url.LAGEN}
    _bewaar({**params, **url.schrijf_lagen(lagen)})


def _na_naast() -> None:
    params = st.query_params.to_dict()
    if st.session_state.get("w_naast"):
        params[url.NAAST] = "1"
    else:
        params = {k: v for k, v in params.items() if k != url.NAAST and not k.startswith(url.PREFIX_RECHTS)}
    _bewaar(params)


def _zet(sleutel: str, waarde) -> None:
    """Set a widget's state to the URL value before it is drawn (only when they differ, to keep edits stable)."""
    if st.session_state.get(sleutel) != waarde:
        st.session_state[sleutel] = waarde


def _filterwidgets(gekozen: flt.Filters, prefix: str) -> None:
    for veld, titel in VELDTITELS.items():
        sleutel = f"{prefix}w_{veld}"
        _zet(sleutel, list(getattr(gekozen, veld)))
        st.multiselect(
            titel,
            flt.opties(veld),
            key=sleutel,
            placeholder="alle",
            select_all=False,  # Streamlit writes that option in English; "alle" is the empty choice
            on_change=_na_filter,
            args=(prefix,),
        )
        if len(getattr(gekozen, veld)) > 1:
            _combineren(gekozen, veld, prefix)


WIJZEN = (flt.EEN_VAN, flt.ALLE)
"""The options of a "Combineren" switch, in order."""


def _combineren(gekozen: flt.Filters, veld: str, prefix: str) -> None:
    """The "een van" / "alle" switch of one axis with two or more labels, and one line saying what it does."""
    sleutel = f"{prefix}w_alle_{veld}"
    wijze = flt.ALLE if veld in gekozen.alle else flt.EEN_VAN
    _zet(sleutel, wijze)
    st.radio(
        combineertitel(veld),
        WIJZEN,
        key=sleutel,
        horizontal=True,
        on_change=_na_filter,
        args=(prefix,),
    )
    st.caption(selectietekst.UITLEG[wijze])


def combineertitel(veld: str) -> str:
    """The title of the "een van" / "alle" switch of label field ``veld``."""
    return f"{_BEGRIP['alle'].label} ({VELDTITELS[veld].lower()})"


def stand_buiten(filters: flt.Filters, velden: tuple[str, ...]) -> dict:
    """What the left-hand sidebar shows for ``filters`` apart from the label fields ``velden``, by widget title: the
    other multiselects (``leeg``: those without a label; ``filters`` must have none there), the checked option of
    each radio group by position (``keuzes``: the boundary year; "een van" for the switches of ``velden``, which
    appear with a second label) and each toggle (``schakelaars``). The map frame compares it with the page before
    it applies ``velden`` itself (:mod:`kaart.filtermodel`)."""
    return {
        "leeg": [titel for veld, titel in VELDTITELS.items() if veld not in velden],
        "keuzes": {
            JAARTITEL: flt.JAREN.index(filters.jaar),
            **{combineertitel(veld): WIJZEN.index(flt.EEN_VAN) for veld in velden},
        },
        "schakelaars": {ZEKERTITEL: filters.alleen_zeker, VOORSTELLENTITEL: filters.voorstellen, NAASTTITEL: False},
    }


def een_label(veld: str, keuze: Keuze, format_func=str) -> str:
    """The one label of filter field ``veld`` that a page is about, chosen on the page and in the sidebar alike.

    The page shows the sidebar's label when it holds one; when it holds several or none, the page shows the first
    (of those, or of all labels) and says so in one line. Choosing here sets the sidebar to that one label.
    """
    gekozen = getattr(keuze.links, veld)
    opties = flt.opties(veld)
    getoond = gekozen[0] if gekozen else opties[0]
    sleutel = f"w_een_{veld}"
    _zet(sleutel, getoond)

    def _na_keuze() -> None:
        nieuw = st.session_state.get(sleutel) or getoond
        _bewaar(url.vervang(st.query_params.to_dict(), flt.met(keuze.links, **{veld: [nieuw]})))

    titel = VELDTITELS[veld]
    st.segmented_control(titel, opties, key=sleutel, format_func=format_func, on_change=_na_keuze, required=True)
    if len(gekozen) > 1:
        st.caption(
            f"De zijbalk kiest {len(gekozen)} labels bij {titel.lower()} ({', '.join(map(format_func, gekozen))}); "
            f"deze pagina gaat over één: de eerste, {format_func(getoond)}. Een keuze hier zet de zijbalk op dat label."
        )
    elif not gekozen:
        st.caption(
            f"De zijbalk kiest geen {titel.lower()}; deze pagina gaat over één en toont de eerste: "
            f"{format_func(getoond)}. Een keuze hier zet ook de zijbalk."
        )
    return getoond


def url_keuze(label: str, param: str, opties: tuple[str, ...], format_func=str) -> str:
    """A page-level single choice kept in query parameter ``param`` (first option when absent or unknown)."""
    waarde = st.query_params.get(param)
    gekozen = waarde if waarde in opties else opties[0]
    sleutel = f"w_url_{param}"
    _zet(sleutel, gekozen)

    def _na_keuze() -> None:
        nieuw = st.session_state.get(sleutel) or opties[0]
        params = {k: v for k, v in st.query_params.to_dict().items() if k != param}
        if nieuw != opties[0]:
            params[param] = nieuw
        st.query_params.from_dict(params)

    st.segmented_control(label, opties, key=sleutel, format_func=format_func, on_change=_na_keuze, required=True)
    return gekozen


def toon() -> Keuze:
    """Draw the sidebar (filters, layers, side-by-side switch) and return the selection it shows."""
    huidig = keuze()
    with st.sidebar:
        st.header("Selectie")
        for melding in huidig.meldingen:
            st.warning(md(melding))  # quotes what was in the URL: anyone can send a link
        _zet("w_jaar", huidig.links.jaar)
        st.radio(
            JAARTITEL,
            flt.JAREN,
            key="w_jaar",
            horizontal=True,
            on_change=_na_jaar,
            help="Projecten uit 2017 worden via de herindelingstabel op de gemeenten van 2025 getoond en omgekeerd.",
        )
        _zet("w_zeker", huidig.links.alleen_zeker)
        st.toggle(
            ZEKERTITEL,
            key="w_zeker",
            on_change=_na_jaar,
            help="Laat gemeenten weg die alleen in een gebied liggen waarvan de bron zegt dat het project in een "
            "deel ervan loopt (op de kaart gearceerd als 'mogelijk').",
        )
        _filterwidgets(huidig.links, "")
        _zet("w_voorstellen", huidig.links.voorstellen)
        st.toggle(
            VOORSTELLENTITEL,
            key="w_voorstellen",
            on_change=_na_filter,
            args=("",),
            help="Ook geïmporteerde projecten die een redacteur nog niet heeft vastgesteld; ze zijn op de kaart "
            "en in de lijsten gemarkeerd als voorstel.",
        )
        _zet("w_naast", huidig.rechts is not None)
        st.toggle(NAASTTITEL, key="w_naast", on_change=_na_naast)
        if huidig.rechts is not None:
            with st.expander("Selectie rechts", expanded=True):
                _filterwidgets(huidig.rechts, url.PREFIX_RECHTS)
        st.header("Kaartlagen")
        for laag in _GRENSLAGEN:
            _zet(f"w_laag_{laag.code}", laag.code in huidig.lagen)
            st.checkbox(laag.label, key=f"w_laag_{laag.code}", on_change=_na_lagen)
        kern = [laag for laag in huidig.lagen if laag.partition(":")[0] == _KERNLAAG.code]
        _zet(f"w_laag_{_KERNLAAG.code}", bool(kern))
        st.checkbox(_KERNLAAG.label, key=f"w_laag_{_KERNLAAG.code}", on_change=_na_lagen)
        if kern:
            _zet("w_laag_verzekeraar", kern[0].partition(":")[2] or _ALLE)
            st.selectbox(
                "Kernwerkgebied van",
                (_ALLE, *vocab.VERZEKERAAR_NAMEN),
                key="w_laag_verzekeraar",
                on_change=_na_lagen,
            )
    return huidig
