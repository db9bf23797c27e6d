"""An insurer's cooperation strategy on the Zorgverzekeraars page: sourced text, not projects."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from projectdb import bronnen, strategie
from tekst import brontekst


def html_fragment(rijen: pd.DataFrame) -> str:
    """The strategy rows [verzekeraar, tekst, bron, citaat] as escaped HTML: own words, then the quote and its
    source by publisher, title and year."""
    delen = []
    for rij in rijen.itertuples():
        delen += [
            f"<p>{html.escape(rij.tekst)}</p>",
            '<blockquote style="border-left:4px solid #ccc;margin:4px 0 12px;padding:4px 12px;color:#333">'
            f"{html.escape(brontekst.zonder_nadruk(rij.citaat))}<br><small>{html.escape(bronnen.bronvermelding(rij.bron))}</small></blockquote>",
        ]
    return "".join(delen)


def toon(verzekeraar: str) -> None:
    """The strategy of ``verzekeraar``, or a line saying the sources describe none."""
    st.header(f"Samenwerkingsstrategie van {verzekeraar}")
    rijen = strategie.strategieen(verzekeraar)
    if rijen.empty:
        st.caption(f"De bronnen beschrijven geen samenwerkingsstrategie van {verzekeraar}.")
        return
    st.caption("Algemene werkwijze volgens de bron; geen afzonderlijk project, dus niet op de kaarten.")
    st.html(html_fragment(rijen))
