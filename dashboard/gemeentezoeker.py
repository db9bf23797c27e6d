"""Find a gemeente on a map page: a search box that accepts names, aliases, names of the other boundary year and CBS
codes, puts the gemeente in the URL (``?gemeente=GM0518``) and links to its profile.

Name resolution is :func:`geo.geodata.vind_gemeente`; this module only reads and writes the URL and draws the box.
The maps read the focus with :func:`focus`, so a link with ``gemeente=`` opens every map zoomed to it.
"""

from __future__ import annotations

import streamlit as st

from dashboard import projectweergave, url
from geo import geodata
from kaart.model import Kaartbeeld
from tekst import getallen

PROFIELPAGINA = "pages/gemeente.py"
_MELDING = "_skw_gemeentezoek_melding"
"""Session key of the outcome of the last search that found nothing: (search text, Dutch message, suggestions)."""
_VELD = "w_gemeente_zoek"


def focus(jaar: int) -> geodata.GevondenGemeente | None:
    """The gemeente of boundary year ``jaar`` named by the URL (a code of either year, or a name), or ``None``."""
    tekst = st.query_params.get(url.GEMEENTE, "")
    if not tekst:
        return None
    try:
        return geodata.vind_gemeente(tekst, jaar)
    except ValueError:
        return None


def _zoek(jaar: int) -> None:
    """After the search box changed: the found gemeente into the URL, or a message with suggestions."""
    tekst = st.session_state.get(_VELD, "").strip()
    st.session_state.pop(_MELDING, None)
    if not tekst:
        st.query_params.pop(url.GEMEENTE, None)
        return
    try:
        gevonden = geodata.vind_gemeente(tekst, jaar)
    except geodata.DubbelzinnigeNaam as fout:
        st.query_params.pop(url.GEMEENTE, None)
        namen = tuple(naam for _code, naam in fout.kandidaten)
        zin = f"Meer dan één gemeente van {jaar} heet ‘{projectweergave.md(tekst)}’: kies {' of '.join(namen)}."
        st.session_state[_MELDING] = (tekst, zin, namen)
        return
    except geodata.OnbekendeNaam as fout:
        st.query_params.pop(url.GEMEENTE, None)
        zin = f"Geen gemeente gevonden voor ‘{projectweergave.md(tekst)}’ in de indeling {jaar}."
        st.session_state[_MELDING] = (tekst, zin, fout.suggesties)
        return
    st.query_params[url.GEMEENTE] = gevonden.code


def _kies(naam: str, jaar: int) -> None:
    """A suggestion was clicked: search for it."""
    st.session_state[_VELD] = naam
    _zoek(jaar)


def _wis() -> None:
    st.session_state[_VELD] = ""
    st.session_state.pop(_MELDING, None)
    st.query_params.pop(url.GEMEENTE, None)


def zoekveld(jaar: int, kaartpagina: bool = True) -> geodata.GevondenGemeente | None:
    """The search box with its outcome: the gemeente in focus with a link to its profile (on a map page), or "geen
    gemeente gevonden" with suggestions to click. Returns the gemeente in focus (``None`` without one)."""
    gevonden = focus(jaar)
    if _VELD not in st.session_state:
        st.session_state[_VELD] = gevonden.naam if gevonden else ""
    st.text_input(
        "Gemeente zoeken",
        key=_VELD,
        placeholder="naam of CBS-code, bijvoorbeeld Den Haag, Súdwest-Fryslân of 0518",
        help="Officiële naam, andere schrijfwijze, een naam uit de indeling van het andere jaar of de CBS-code. "
        "De kaarten zoomen in op de gemeente en omlijnen haar.",
        on_change=_zoek,
        args=(jaar,),
    )
    getypt = st.session_state.get(_VELD, "").strip()
    if gevonden is not None and getypt:
        # The URL holds the code; what was typed may be a name of the other boundary year, whose explanation
        # belongs with the result.
        try:
            uit_tekst = geodata.vind_gemeente(getypt, jaar)
        except ValueError:
            uit_tekst = None
        if uit_tekst is not None and uit_tekst.code == gevonden.code:
            gevonden = uit_tekst
    # One container whatever the outcome: the maps below keep their place in the page, so Streamlit keeps their
    # frames instead of loading them anew.
    with st.container():
        return _uitkomst(gevonden, getypt, jaar, kaartpagina)


def _uitkomst(
    gevonden: geodata.GevondenGemeente | None, getypt: str, jaar: int, kaartpagina: bool
) -> geodata.GevondenGemeente | None:
    """The message of a search without result, or the gemeente in focus with its profile link."""
    melding = st.session_state.get(_MELDING)
    if melding is not None and melding[0] == getypt:
        _tekst, zin, suggesties = melding
        st.warning(zin, icon=":material/search_off:")
        if suggesties:
            st.caption("Bedoelde u:")
            with st.container(horizontal=True):
                for naam in suggesties:
                    st.button(naam, key=f"suggestie-{naam}", on_click=_kies, args=(naam, jaar))
        return None
    if gevonden is None:
        return None
    if kaartpagina:
        _focusrij(gevonden)
    if gevonden.toelichting:
        st.caption(projectweergave.md(gevonden.toelichting) + ".")
    return gevonden


def _focusrij(gevonden: geodata.GevondenGemeente) -> None:
    """The gemeente on the maps, the link to its profile and a button back to the whole country."""
    kolommen = st.columns([3, 2, 2])
    kolommen[0].markdown(f"Op de kaart: **{projectweergave.md(gevonden.naam)}** ({gevonden.code})")
    kolommen[1].page_link(
        PROFIELPAGINA,
        label=f"Profiel van {gevonden.naam}",
        icon=":material/location_city:",
        query_params={**st.query_params.to_dict(), url.GEMEENTE: gevonden.code},
    )
    kolommen[2].button("Heel Nederland tonen", key="w_gemeente_wis", on_click=_wis)


def aantallen_tekst(zeker: int, mogelijk: int) -> str:
    """The counts of one gemeente as the map's tooltip gives them: "4 projecten zeker, mogelijk nog 4"."""
    tekst = f"{getallen.aantal(zeker, 'project', 'projecten')} zeker"
    return tekst + (f", mogelijk nog {mogelijk}" if mogelijk else "")


def focusregel(kaartbeeld: Kaartbeeld, gemeente_code: str) -> str:
    """Markdown line under a map about the gemeente in focus: name, code, Wmo-region and its counts on this map."""
    rij = kaartbeeld.gemeenten[kaartbeeld.gemeenten["gemeente_code"] == gemeente_code].iloc[0]
    return (
        f"**{projectweergave.md(rij.gemeente_naam)}** ({rij.gemeente_code}, Wmo-regio "
        f"{projectweergave.md(rij.wmo_regio)}) op deze kaart: "
        f"{aantallen_tekst(int(rij.aantal_projecten), int(rij.aantal_mogelijk))}."
    )
