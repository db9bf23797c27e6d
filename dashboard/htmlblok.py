"""Large generated HTML blocks on the page, passed to Streamlit as they are.

``st.html`` given a string first checks whether the string names a file and then dedents and strips it
(``textwrap.dedent``, a regular expression over the whole text). For the map tables and the small multiples, 25 to
170 kB per block on every rerun, that was about a tenth of the server CPU of a rerun. An object with
``_repr_html_`` is passed on unchanged (Streamlit's documented path for such objects). The HTML built in this
project has no common indentation and no surrounding whitespace (``tests/test_htmlblok.py``), so the browser gets
the same text either way.
"""

from __future__ import annotations

import streamlit as st


class _Html:
    """HTML text that Streamlit takes as it is (through ``_repr_html_``)."""

    __slots__ = ("tekst",)

    def __init__(self, tekst: str):
        self.tekst = tekst

    def _repr_html_(self) -> str:
        return self.tekst


def toon(tekst: str) -> None:
    """Show the HTML ``tekst`` (built by this project, never user input unescaped) as one element."""
    if not tekst:
        raise ValueError("lege HTML: er is niets om te tonen")
    st.html(_Html(tekst))
