"""Editor access in the app: the login form in the sidebar and the editor of this session.

The app is read-only by default. The logic (passwords, tokens, lockout) is :mod:`projectdb.toegang`; its
:class:`~projectdb.toegang.Toegang` lives once per process (:func:`st.cache_resource`), so failed attempts and
logins are kept on the server and reloading the page (a new session) does not reset them. The session only holds
the :class:`~projectdb.toegang.Redacteur`, which every write checks again; nothing in the URL grants a role.
"""

from __future__ import annotations

import os

import streamlit as st

from dashboard import data
from dashboard.projectweergave import conflictmelding, md
from projectdb import bezet
from projectdb.bezet import DatabaseBezet, bij_bezet_opnieuw
from projectdb.meldingen import Validatiefout
from projectdb.store import Conflict, OnbekendProject
from projectdb.toegang import ALLEEN_REDACTEUR, MAX_NAAM, GeenToegang, Redacteur, Toegang, Wachtwoorden, wachtwoorden

SESSIESLEUTEL = "_skw_redacteur"
"""Session-state key of the logged-in :class:`Redacteur`."""
_FOUT = "_skw_aanmeldfout"


def _geheimen() -> dict:
    """Streamlit secrets (``.streamlit/secrets.toml``, git-ignored), or nothing when there is no secrets file."""
    try:
        return st.secrets.to_dict()
    except FileNotFoundError:  # StreamlitSecretNotFoundError: no file, or one that does not parse
        return {}


def instellingen() -> Wachtwoorden:
    """The editor passwords as configured now (secrets, else ``SAMENWERKING_REDACTEUR_WACHTWOORD``)."""
    return wachtwoorden(_geheimen(), os.environ)


@st.cache_resource(show_spinner=False)
def toegang() -> Toegang:
    """The process-wide logins and failed-attempt counters."""
    return Toegang(instellingen)


def _client() -> str:
    """Where this session connects from. Behind the reverse proxy on the same machine (SECURITY.md) every
    connection comes from localhost and the proxy passes the visitor's address in ``X-Real-IP``; a forged header
    gains nothing beyond the global failure limit."""
    adres = st.context.ip_address or st.context.headers.get("X-Real-Ip")
    return adres if isinstance(adres, str) and adres else "lokaal"


def huidige() -> Redacteur | None:
    """The editor logged in in this session, or ``None`` (also for an expired or hand-made login, which is
    dropped)."""
    redacteur = st.session_state.get(SESSIESLEUTEL)
    if redacteur is None:
        return None
    try:
        toegang().controleer(redacteur)
    except GeenToegang:
        del st.session_state[SESSIESLEUTEL]
        return None
    return redacteur


def uitleg() -> str:
    """Why this session cannot write, and what to do about it."""
    ingesteld = instellingen()
    if not ingesteld.ingesteld:
        return ingesteld.melding
    return f"{ALLEEN_REDACTEUR} Meld u aan in de zijbalk (onder Redacteur)."


def _afmelden() -> None:
    redacteur = st.session_state.pop(SESSIESLEUTEL, None)
    if isinstance(redacteur, Redacteur):
        toegang().afmelden(redacteur)


def _aanmelden() -> None:
    """Form callback: log in with the entered name and password, then forget the password."""
    naam = st.session_state.get("w_aanmeld_naam", "")
    wachtwoord = st.session_state.get("w_aanmeld_wachtwoord", "")
    st.session_state["w_aanmeld_wachtwoord"] = ""
    try:
        st.session_state[SESSIESLEUTEL] = toegang().aanmelden(naam, wachtwoord, _client())
    except GeenToegang as fout:
        st.session_state[_FOUT] = str(fout)


def zijbalk() -> Redacteur | None:
    """The 'Redacteur' section of the sidebar: log in or out. Returns the editor of this session."""
    with st.sidebar:
        st.header("Redacteur")
        fout = st.session_state.pop(_FOUT, None)
        redacteur = huidige()
        if redacteur is not None:
            st.caption(f"Aangemeld als {md(redacteur.naam)}: u kunt projecten bewerken en importeren.")
            st.button("Afmelden", on_click=_afmelden, key="w_afmelden")
            return redacteur
        ingesteld = instellingen()
        if not ingesteld.ingesteld:
            st.caption(ingesteld.melding)
            return None
        with st.form("w_aanmelden", border=False):
            st.text_input("Naam (voor het wijzigingslog)", max_chars=MAX_NAAM, key="w_aanmeld_naam")
            st.text_input("Wachtwoord", type="password", key="w_aanmeld_wachtwoord")
            st.form_submit_button("Aanmelden", on_click=_aanmelden)
        if fout:
            st.error(fout)
        st.caption("Iedereen kan de kaarten en projecten bekijken; bewerken en importeren kan alleen een redacteur.")
    return None


def wijzig(redacteur: Redacteur, project_id: str, wijzigingen: dict, versie: int,
           mislukt: str) -> tuple[str, str, str, int | None]:
    """Write ``wijzigingen`` to ``project_id`` as seen at ``versie``, as the logged-in ``redacteur``.

    Returns (soort "succes" or "fout", message, validation report text, new version or None). A conflict, an
    invalid change, a refused login or a database that another writer keeps locked (after a retry,
    :mod:`projectdb.bezet`) writes nothing; ``mislukt`` starts the Dutch failure message.
    """
    try:
        nieuw = bij_bezet_opnieuw(
            lambda: toegang().wijzig_project(data.opslag(), redacteur, project_id, wijzigingen, versie))
    except DatabaseBezet:
        return "fout", f"{mislukt}: {bezet.MELDING}", "", None
    except Conflict as fout:
        return "fout", conflictmelding(fout.redacteur, fout.huidige_versie), "", None
    except Validatiefout as fout:
        return "fout", f"{mislukt}: de wijziging is ongeldig.", fout.rapport.tekst(), None
    except (GeenToegang, OnbekendProject) as fout:
        return "fout", f"{mislukt}: {md(fout)}", "", None
    data.vernieuw()
    return "succes", "", "", nieuw
