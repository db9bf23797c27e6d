"""The first map of a session gets the server to itself for a moment.

Streamlit serves the files of a page (its own lazily loaded scripts, the map frame, Leaflet, the map geometry)
from the process that runs the page script, and a running script holds Python's GIL. On a session's first page the
map frame's files therefore waited until the rest of the page was computed: the server had sent the first map
after 2.0–2.3 s, the browser drew it after 3.5–4.1 s. Pausing the script once, right after the first map and its
legend, leaves the GIL to the server's event loop, which then serves those files. From the map sent to the map
drawn took 0.6–0.9 s on a 2-core machine with a browser beside the server; a pause of 0.5 s sometimes ended before
the frame had its geometry (drawn after 2.8–3.9 s), 0.8 s did not (3.1–3.2 s in the same series). The pause costs
no CPU; the rest of the first page comes that much later.

Only for a browser that talks to Streamlit directly: behind a reverse proxy (``deploy/``: nginx serves those files
itself) the request carries forwarding headers, and a session without any HTTP headers (Streamlit's AppTest) has no
browser to serve.
"""

from __future__ import annotations

import time
from collections.abc import Mapping

import streamlit as st

from projectdb.toegang import DOORSTUURKOPPEN

PAUZE = 0.8
"""Seconds the first page run of a session waits after its first map."""

_GEHAD = "_voorrang_gehad"
"""Session-state key: this session has had its pause (or needed none)."""


def pauze(kopregels: Mapping[str, str], al_gehad: bool) -> float:
    """Seconds to pause after a map: :data:`PAUZE` for the first map of a session whose request headers
    ``kopregels`` come straight from a browser, else 0."""
    namen = {str(naam).lower() for naam in kopregels}
    if al_gehad or not namen or namen & DOORSTUURKOPPEN:
        return 0.0
    return PAUZE


def nog_te_gaan() -> bool:
    """Whether this session's first map (and its pause) is still ahead: what a page writes above its first map
    after it then comes too late, and pushes the drawn map down when it arrives."""
    return not st.session_state.get(_GEHAD)


def na_eerste_kaart() -> None:
    """Call right after a map and its legend are sent: pauses once per session (see the module)."""
    seconden = pauze(st.context.headers, not nog_te_gaan())
    st.session_state[_GEHAD] = True
    if seconden:
        time.sleep(seconden)
