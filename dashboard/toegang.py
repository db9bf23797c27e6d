"""Sign-in in the app: the 'Aanmelden' section of the sidebar, and what this session may do.

The app is read-only by default. With ``[auth]`` in ``.streamlit/secrets.toml`` people sign in with their
organisation's account through Streamlit's OpenID Connect support (``st.login``, ``st.user``, ``st.logout``);
the verified identity and the role the configuration gives it (:mod:`projectdb.rollen`) are registered with
:meth:`~projectdb.toegang.Toegang.aanmelden_oidc`. Without it (or next to it, when enabled) an editor signs in with
a password. The logic and the sign-in state are :mod:`projectdb.toegang`, in the database, so reloading the page,
a new tab or another replica all see the same sign-ins and failed attempts. The session only holds the
:class:`~projectdb.toegang.Redacteur`, which every write checks again; nothing in the URL grants a role.
:func:`mag` is the one question a page asks before it shows a write path.
"""

from __future__ import annotations

import hashlib
import os

import streamlit as st

from dashboard import data
from dashboard.projectweergave import conflictmelding, md
from projectdb import bezet
from projectdb.bezet import DatabaseBezet, bij_bezet_opnieuw
from projectdb.meldingen import Validatiefout
from projectdb.rollen import identiteit, rol_van, rolregels
from projectdb.store import Conflict, OnbekendProject
from projectdb.toegang import (
    ALLEEN_REDACTEUR,
    MAX_NAAM,
    GeenToegang,
    Redacteur,
    Toegang,
    Wachtwoorden,
    client_adres,
    inactief_seconden,
    vertrouwde_proxy,
    wachtwoorden,
)

SESSIESLEUTEL = "_skw_redacteur"
"""Session-state key of the password sign-in (:class:`Redacteur`) of this session."""
_FOUT = "_skw_aanmeldfout"
_ROLNAMEN = {"kijker": "kijker (alleen lezen)", "redacteur": "redacteur", "beheerder": "beheerder"}


def _geheimen() -> dict:
    """Streamlit secrets (``.streamlit/secrets.toml``, git-ignored), or nothing when there is no secrets file."""
    try:
        return st.secrets.to_dict()
    except FileNotFoundError:  # StreamlitSecretNotFoundError: no file, or one that does not parse
        return {}


def instellingen() -> Wachtwoorden:
    """The editor passwords as configured now (secrets, else ``SAMENWERKING_REDACTEUR_WACHTWOORD``)."""
    return wachtwoorden(_geheimen(), os.environ)


def oidc() -> bool:
    """Whether sign-in with the organisation's account (``[auth]`` in the secrets) is configured."""
    return "auth" in _geheimen()


@st.cache_resource(show_spinner=False)
def toegang() -> Toegang:
    """Sign-ins and failed attempts, kept in the project database (shared by every process using it)."""
    return Toegang(instellingen, data.opslag, inactief=lambda: inactief_seconden(_geheimen()))


def _client() -> str:
    """The address this session's login attempts count under: the connection's, or the visitor's as a configured
    reverse proxy reports it (:func:`projectdb.toegang.client_adres`)."""
    return client_adres(st.context.ip_address, st.context.headers, vertrouwde_proxy(_geheimen(), os.environ))


def _oidc_sleutel(claims: dict) -> str:
    """One provider sign-in: issuer, subject, issue time and nonce of its verified ID token (a new sign-in at the
    provider gives a new key, a copied cookie the same one)."""
    delen = [str(claims.get(k, "")) for k in ("iss", "sub", "iat", "nonce")]
    return hashlib.sha256("\x00".join(delen).encode()).hexdigest()


def aanmelding() -> Redacteur | None:
    """This session's valid sign-in, whatever its role, or ``None``. With OIDC it is the provider's verified
    identity (registered or kept active on the server on every page run); otherwise the password sign-in, which
    is dropped when ended, idle or hand-made. A refused OIDC sign-in leaves its reason for the sidebar."""
    if oidc() and st.user.is_logged_in:
        claims = st.user.to_dict()
        try:
            return toegang().aanmelden_oidc(
                _oidc_sleutel(claims), identiteit(claims), rol_van(claims, rolregels(_geheimen()))
            )
        except GeenToegang as fout:
            st.session_state[_FOUT] = str(fout)
    redacteur = st.session_state.get(SESSIESLEUTEL)
    if redacteur is None:
        return None
    try:
        toegang().controleer(redacteur)
    except GeenToegang:
        del st.session_state[SESSIESLEUTEL]
        return None
    return redacteur


def mag(actie: str) -> Redacteur | None:
    """This session's sign-in when its role may do ``actie`` (see :data:`projectdb.rollen.RECHTEN`), else
    ``None``. Pages show a write path only then; the write itself checks again on the server."""
    redacteur = aanmelding()
    return redacteur if redacteur is not None and toegang().mag(redacteur, actie) else None


def huidige() -> Redacteur | None:
    """The editor of this session: a sign-in whose role may edit, or ``None``."""
    return mag("bewerken")


def uitleg() -> str:
    """Why this session cannot write, and what to do about it."""
    redacteur = aanmelding()
    if redacteur is not None:
        return f"U bent aangemeld als {_ROLNAMEN[redacteur.rol]}; {ALLEEN_REDACTEUR[0].lower()}{ALLEEN_REDACTEUR[1:]}"
    if oidc():
        return f"{ALLEEN_REDACTEUR} Meld u aan in de zijbalk (onder Aanmelden)."
    ingesteld = instellingen()
    if not ingesteld.ingesteld:
        return ingesteld.melding
    return f"{ALLEEN_REDACTEUR} Meld u aan in de zijbalk (onder Aanmelden)."


def _afmelden() -> None:
    """Button callback: end the sign-in on the server (every replica), then at the provider when it is one."""
    redacteur = aanmelding()
    st.session_state.pop(SESSIESLEUTEL, None)
    if redacteur is not None:
        toegang().afmelden(redacteur)
    if oidc() and st.user.is_logged_in:
        st.logout()


def _aanmelden() -> None:
    """Form callback: log in with the entered name and password, then forget the password."""
    naam = st.session_state.get("w_aanmeld_naam", "")
    wachtwoord = st.session_state.get("w_aanmeld_wachtwoord", "")
    st.session_state["w_aanmeld_wachtwoord"] = ""
    try:
        st.session_state[SESSIESLEUTEL] = toegang().aanmelden(naam, wachtwoord, _client())
    except GeenToegang as fout:
        st.session_state[_FOUT] = str(fout)


def _wachtwoordformulier(ingesteld: Wachtwoorden) -> None:
    with st.form("w_aanmelden", border=False):
        st.text_input("Naam (voor het wijzigingslog)", max_chars=MAX_NAAM, key="w_aanmeld_naam")
        st.text_input("Wachtwoord", type="password", key="w_aanmeld_wachtwoord")
        st.form_submit_button("Aanmelden met wachtwoord" if oidc() else "Aanmelden", on_click=_aanmelden)


def zijbalk() -> Redacteur | None:
    """The 'Aanmelden' section of the sidebar: sign in or out. Returns this session's sign-in (any role)."""
    with st.sidebar:
        st.header("Aanmelden")
        redacteur = aanmelding()
        fout = st.session_state.pop(_FOUT, None)
        if redacteur is not None:
            wat = (
                "u kunt projecten bewerken en importeren."
                if redacteur.rol != "kijker"
                else "u kunt kijken, niet wijzigen."
            )
            st.caption(f"Aangemeld als {md(redacteur.naam)}, rol {_ROLNAMEN[redacteur.rol]}: {wat}")
            st.button("Afmelden", on_click=_afmelden, key="w_afmelden")
            return redacteur
        if fout:
            st.error(fout)
        ingesteld = instellingen()
        if oidc():
            st.button(
                "Opnieuw aanmelden" if st.user.is_logged_in else "Aanmelden met uw organisatieaccount",
                on_click=st.login,
                key="w_oidc_aanmelden",
                type="primary",
            )
        if ingesteld.ingesteld:
            _wachtwoordformulier(ingesteld)
        elif not oidc():
            st.caption(ingesteld.melding)
            return None
        st.caption("Iedereen kan de kaarten en projecten bekijken; bewerken en importeren kan alleen een redacteur.")
    return None


def wijzig(
    redacteur: Redacteur, project_id: str, wijzigingen: dict, versie: int, mislukt: str
) -> tuple[str, str, str, int | None]:
    """Write ``wijzigingen`` to ``project_id`` as seen at ``versie``, as the logged-in ``redacteur``.

    Returns (soort "succes" or "fout", message, validation report text, new version or None). A conflict, an
    invalid change, a refused login or a database that another writer keeps locked (after a retry,
    :mod:`projectdb.bezet`) writes nothing; ``mislukt`` starts the Dutch failure message.
    """
    try:
        nieuw = bij_bezet_opnieuw(
            lambda: toegang().wijzig_project(data.opslag(), redacteur, project_id, wijzigingen, versie)
        )
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
