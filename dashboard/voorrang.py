"""A map that changes gets the browser, and on a session's first page the server, to itself for a moment.

First page of a session. Streamlit serves the files of a page (its own lazily loaded scripts, the map frame,
Leaflet, the map geometry) from the process that runs the page script, and a running script holds Python's GIL. On
a session's first page the map frame's files therefore waited until the rest of the page was computed: the server
had sent the first map after 2.0–2.3 s, the browser drew it after 3.5–4.1 s. Pausing the script once, right after
the first map and its legend, leaves the GIL to the server's event loop, which then serves those files. From the
map sent to the map drawn took 0.6–0.9 s on a 2-core machine with a browser beside the server; a pause of 0.5 s
sometimes ended before the frame had its geometry (drawn after 2.8–3.9 s), 0.8 s did not (3.1–3.2 s in the same
series). Only for a browser that talks to Streamlit directly: behind a reverse proxy (``deploy/``: nginx serves
those files itself) the request carries forwarding headers.

After a change of the selection. The server computes a rerun in about 60 ms, and the browser then spends 300 ms
and more redrawing the page: the map frame shares the page's main thread, so it got its new colours only after
the tables, the small multiples and the other elements had been rendered (map repainted 380 ms after the key
press, median on the Overzicht page). Pausing after the first map and its legend lets the browser draw the
sidebar, the map and its legend first (repainted after 150–260 ms); the rest of the page follows the pause. A
pause that ends before the browser has drawn its first part lets the rest block the drawing: 0.1 s gave a p90 of
385 ms. With the themes not yet cached (the server computes the maps) 0.15 s gave p90s of 257–658 ms in four
series, 0.2 s 256–368 ms with the same medians. Only when the selection in the URL changed since the session's
previous run: other reruns (a button, a download) leave the map as it was.

No pause for a session without any HTTP headers (Streamlit's AppTest): it has no browser. The pauses cost no CPU.
"""

from __future__ import annotations

import time
from collections.abc import Mapping

import streamlit as st

from projectdb.toegang import DOORSTUURKOPPEN

PAUZE = 0.8
"""Seconds the first page run of a session waits after its first map."""
HERTEKENPAUZE = 0.2
"""Seconds a run after a change of the selection waits after its first map."""

_GEHAD = "_voorrang_gehad"
"""Session-state key: this session has had its first-page pause (or needed none)."""
_VORIGE_URL = "_voorrang_vorige_url"
"""Session-state key: the query parameters of the session's previous full run."""
_GEWIJZIGD = "_voorrang_gewijzigd"
"""Session-state key: this run's selection differs from the previous run's and no map has paused for it yet."""


def pauze(kopregels: Mapping[str, str], al_gehad: bool, gewijzigd: bool = False) -> float:
    """Seconds to pause after a map, for a session whose request headers are ``kopregels``: :data:`PAUZE` for the
    session's first map when they come straight from a browser, :data:`HERTEKENPAUZE` for the first map of a run
    whose selection ``gewijzigd`` (changed), 0 otherwise and always without headers."""
    namen = {str(naam).lower() for naam in kopregels}
    if not namen:
        return 0.0
    if not al_gehad:
        return 0.0 if namen & DOORSTUURKOPPEN else PAUZE
    return HERTEKENPAUZE if gewijzigd else 0.0


def begin_run() -> None:
    """Call in every full run before the page (app.py), once the sidebar has read the URL (and restored it after a
    page switch): notes whether the selection in the URL changed since the session's previous run."""
    params = st.query_params.to_dict()
    vorige = st.session_state.get(_VORIGE_URL)
    st.session_state[_GEWIJZIGD] = vorige is not None and vorige != params
    st.session_state[_VORIGE_URL] = params


def nog_te_gaan() -> bool:
    """Whether this session's first map (and its pause) is still ahead: what a page writes above its first map
    after it then comes too late, and pushes the drawn map down when it arrives."""
    return not st.session_state.get(_GEHAD)


def na_eerste_kaart() -> None:
    """Call right after a map and its legend are sent: pauses on a session's first map and on the first map of a
    run whose selection changed (see the module)."""
    seconden = pauze(st.context.headers, not nog_te_gaan(), bool(st.session_state.get(_GEWIJZIGD)))
    st.session_state[_GEHAD] = True
    st.session_state[_GEWIJZIGD] = False
    if seconden:
        time.sleep(seconden)
