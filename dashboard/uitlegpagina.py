"""The Uitleg page: the four ordering axes with the report's definitions and the words used on screen.

Everything is read from the one place it is defined: the labels and their verbatim definitions from
:mod:`classify.vocab`, the words on screen from the glossary :mod:`classify.begrippen`.
"""

from __future__ import annotations

import streamlit as st

from classify import begrippen, vocab
from dashboard.projectweergave import md
from projectdb import bronnen

TITEL = "Uitleg"


def assen_markdown() -> str:
    """The four axes as Markdown: per axis a heading and per label its name with the report's definition."""
    delen = [
        "De projecten zijn geordend langs de vier assen van het rapport. De uitleg bij elk label is letterlijk "
        f"overgenomen uit {md(bronnen.bronvermelding(vocab.DEFINITIES_BRON))}, {md(vocab.DEFINITIES_PLAATS)}."
    ]
    for as_ in vocab.ASSEN:
        delen.append(f"### {md(as_.naam)}")
        delen += [f"- **{md(label.naam)}**: {md(label.definitie)}" for label in as_.labels]
    return "\n\n".join(delen)


def woorden_markdown() -> str:
    """The glossary's words on screen (every concept with a label) as a Markdown list, in glossary order."""
    return "\n".join(
        f"- **{md(begrip.label)}**: {md(begrip.definitie)}" for begrip in begrippen.BEGRIPPEN if begrip.label
    )


def toon() -> None:
    """Render the page."""
    st.title(TITEL)
    st.header("De vier assen")
    st.markdown(assen_markdown())
    st.header("Woorden op het scherm")
    st.markdown(woorden_markdown())
