"""The 'Aanmeldingen beheren' part of the sidebar: a beheerder sees who is signed in, with which role, and can end
a sign-in (for instance of someone who left, after removing them from ``[rollen]``).

Roles themselves come from the configuration (:mod:`projectdb.rollen`); ending a sign-in makes the person sign in
again and get the role the configuration gives then. Listing and ending both go through
:class:`~projectdb.toegang.Toegang`, which checks the beheerder's stored role on the server.
"""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from dashboard import toegang
from dashboard.projectweergave import md
from projectdb import aanmeldstaat
from projectdb.rollen import mag
from projectdb.toegang import GeenToegang, Redacteur

_UITKOMST = "_skw_beheeruitkomst"
_SOORTEN = {"oidc": "organisatieaccount", "wachtwoord": "wachtwoord"}


def _beeindig(beheerder: Redacteur, token_hash: str, naam: str) -> None:
    """Button callback: end the sign-in ``token_hash`` as ``beheerder``; the outcome shows in the expander."""
    try:
        toegang.toegang().beeindig(beheerder, token_hash)
    except GeenToegang as fout:
        st.session_state[_UITKOMST] = ("fout", str(fout))
        return
    st.session_state[_UITKOMST] = ("succes", f"Aanmelding van {md(naam)} beëindigd.")


def beheer(beheerder: Redacteur | None) -> None:
    """In the sidebar: the other current sign-ins (active within the idle time), each with a button that ends it;
    shows nothing unless ``beheerder`` is a sign-in whose role may manage roles."""
    if beheerder is None or not mag(beheerder.rol, "rollen_beheren"):
        return
    try:
        aanmeldingen = toegang.toegang().aanmeldingen(beheerder)
    except GeenToegang:
        return
    eigen = aanmeldstaat.token_hash(beheerder.token)
    anderen = [(h, a) for h, a in aanmeldingen if h != eigen]
    with st.sidebar, st.expander(f"Aanmeldingen beheren ({len(anderen)})", expanded=_UITKOMST in st.session_state):
        uitkomst = st.session_state.pop(_UITKOMST, None)
        if uitkomst is not None:
            {"succes": st.success, "fout": st.error}[uitkomst[0]](uitkomst[1])
        if not anderen:
            st.caption("Niemand anders is aangemeld.")
        for token_hash, aanmelding in anderen:
            tijd = datetime.fromtimestamp(aanmelding.laatst_actief).strftime("%H:%M")
            st.caption(
                f"{md(aanmelding.naam)}: {aanmelding.rol}, via {_SOORTEN[aanmelding.soort]}, laatst actief {tijd}"
            )
            st.button(
                "Beëindigen",
                key=f"w_beeindig_{token_hash[:16]}",
                on_click=_beeindig,
                args=(beheerder, token_hash, aanmelding.naam),
            )
