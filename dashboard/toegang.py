"""Editor access in the app: the login form in the sidebar and the editor of this session.

The app is read-only by default. The logic (passwords, tokens, lockout) is :mod:`projectdb.toegang`; its
:class:`~projectdb.toegang.Toegang` lives once per process (:func:`st.cache_resource`), so failed attempts and
logins are kept on the server and reloading the page (a new session) does not reset them. The session only holds
the :class:`~projectdb.toegang.Redacteur`, which every write checks again; nothing in the URL grants a role.
"""

from __future__ import annotations

import os

import streamlit as st

from dashboard.projectweergave import md
from projectdb.toegang import ALLEEN_REDACTEUR, GeenToegang, Redacteur, Toegang, Wachtwoorden, wachtwoorden

SESSIESLEUTEL = "_skw_redacteur"
"""Session-state key of the logged-in :class:`Redacteur`."""


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
    return st.context.ip_address or st.context.headers.get("X-Real-Ip") or "lokaal"


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


def zijbalk() -> Redacteur | None:
    """The 'Redacteur' section of the sidebar: log in or out. Returns the editor of this session."""
    with st.sidebar:
        st.header("Redacteur")
        redacteur = huidige()
        if redacteur is not None:
            st.caption(f"Aangemeld als {md(redacteur.naam)}: u kunt projecten bewerken en importeren.")
            st.button("Afmelden", on_click=_afmelden, key="w_afmelden")
            return redacteur
        ingesteld = instellingen()
        if not ingesteld.ingesteld:
            st.caption(ingesteld.melding)
            return None
        with st.form("w_aanmelden", clear_on_submit=True, border=False):
            naam = st.text_input("Naam (voor het wijzigingslog)", max_chars=80)
            wachtwoord = st.text_input("Wachtwoord", type="password")
            aanmelden = st.form_submit_button("Aanmelden")
        if aanmelden:
            try:
                st.session_state[SESSIESLEUTEL] = toegang().aanmelden(naam, wachtwoord, _client())
            except GeenToegang as fout:
                st.error(str(fout))
                return None
            st.rerun()
        st.caption("Iedereen kan de kaarten en projecten bekijken; bewerken en importeren kan alleen een redacteur.")
    return None
