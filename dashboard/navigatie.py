"""The pages of the app, in the order of the report's chapters."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

PAGINAMAP = Path(__file__).resolve().parents[1] / "pages"

PAGINAS: tuple[tuple[str, str, str], ...] = (
    ("overzicht.py", "Overzicht", "overzicht"),
    ("inhoudelijk.py", "Inhoudelijk", "inhoudelijk"),
    ("instrumenteel.py", "Instrumenteel", "instrumenteel"),
    ("samenwerkingsvorm.py", "Samenwerkingsvorm", "samenwerkingsvorm"),
    ("geografisch.py", "Geografisch", "geografisch"),
    ("zorgverzekeraars.py", "Zorgverzekeraars", "zorgverzekeraars"),
    ("projecten.py", "Projecten", "projecten"),
    ("leerlijnen.py", "Leerlijnen", "leerlijnen"),
    ("uitleg.py", "Uitleg", "uitleg"),
    ("gemeente.py", "Gemeenteprofiel", "gemeente"),
)
"""(file in pages/, title, URL path) per page."""


def paginas() -> list[st.Page]:
    """The :class:`st.Page` objects: a hidden start page at the root URL that forwards to Overzicht, then the
    pages of :data:`PAGINAS`.

    Streamlit serves its default page only at the root URL and answers its own path with "Page not found", so
    Overzicht is not the default page itself: that way ``/overzicht`` works as a deep link like every other page.
    """
    zichtbaar = [st.Page(PAGINAMAP / bestand, title=titel, url_path=pad) for bestand, titel, pad in PAGINAS]

    def start() -> None:
        """Forward the root URL to the first page, with the filters in its query string."""
        st.switch_page(zichtbaar[0], query_params=st.query_params.to_dict())

    return [st.Page(start, title=PAGINAS[0][1], url_path="start", default=True, visibility="hidden"), *zichtbaar]


def stuur_door(pagina: st.Page) -> None:
    """When ``pagina`` (from ``st.navigation``) is the start page, forward to Overzicht now: Streamlit's page
    switch ends this run. app.py calls this before it draws the sidebar, which a run that only forwards would
    build for nothing (a first visit opens the root URL)."""
    if pagina.url_path == "":  # Streamlit's path of the default page, the start page
        pagina.run()


def via_app() -> None:
    """Make sure a page runs inside app.py's navigation (with the sidebar); call it first in every page.

    Because the pages live in ``pages/`` next to app.py, a deep link opened before any session ran app.py makes
    Streamlit fall back to its folder mode and run the page on its own. Leave that mode and rerun: the same URL
    then goes through app.py.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
