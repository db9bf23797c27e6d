"""The page boundary: a visitor never sees a Python traceback or a server path, only a Dutch message; the
details go to the server log.

Streamlit shows an uncaught exception with its traceback (and ``client.showErrorDetails = "none"`` in
``.streamlit/config.toml`` reduces that to an English notice). So app.py runs every page inside
:func:`bewaak`, and the callbacks that write to the store are wrapped in :func:`terugroep` (callbacks run
before the page, outside :func:`bewaak`); their failure is shown by the next :func:`bewaak`.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

import streamlit as st

from projectdb import bezet

MELDING = (
    "Er ging iets mis bij het tonen van deze pagina. De fout is op de server vastgelegd voor de beheerder; "
    "er is niets opgeslagen of verloren gegaan. Laad de pagina opnieuw of kies een andere pagina."
)
ACTIEMELDING = (
    "Deze actie is niet gelukt door een fout op de server. De fout is vastgelegd voor de beheerder; "
    "er is niets opgeslagen of verloren gegaan."
)
_TERUGROEPFOUT = "_skw_terugroepfout"
"""Session key of the message of a failed callback, shown at the top of the next run."""

log = logging.getLogger(__name__)


def _melding(fout: Exception, algemeen: str) -> str:
    """The Dutch message for ``fout``: the busy-database message when another writer holds the store."""
    return bezet.MELDING if isinstance(fout, bezet.DatabaseBezet) or bezet.is_bezet(fout) else algemeen


def bewaak(*stappen: Callable[[], object]) -> None:
    """Run ``stappen`` in order; an exception stops them, is logged with its traceback and shown as a Dutch
    message. Streamlit's own control flow (``st.rerun``, ``st.stop``, page switches) passes through: it is not
    an :class:`Exception`."""
    melding = st.session_state.pop(_TERUGROEPFOUT, None)
    if melding:
        st.error(melding)
    try:
        for stap in stappen:
            stap()
    except Exception as fout:  # noqa: BLE001 - the boundary: whatever failed, the visitor gets no traceback
        log.exception("onverwachte fout op een pagina")
        st.error(_melding(fout, MELDING))


def terugroep(functie: Callable[..., None]) -> Callable[..., None]:
    """``functie`` as a widget callback that logs an exception and leaves a Dutch message for :func:`bewaak`
    instead of letting Streamlit show the traceback."""

    @functools.wraps(functie)
    def veilig(*args, **kwargs) -> None:
        try:
            functie(*args, **kwargs)
        except Exception as fout:  # noqa: BLE001 - see bewaak
            log.exception("actie %s: onverwachte fout", functie.__name__)
            st.session_state[_TERUGROEPFOUT] = _melding(fout, ACTIEMELDING)

    return veilig
