"""Instrumenteel: per instrument "instrument: thema versus overig" for every theme, and its geographic map."""

import streamlit as st

from classify import vocab
from dashboard import kaartpaneel, navigatie, zijbalk

navigatie.via_app()
keuze = zijbalk.keuze()
st.title("De samenwerking in kaart: instrumenteel")
instrument = vocab.AS_INSTRUMENT.label(
    zijbalk.url_keuze(
        "Instrument",
        "instr",
        tuple(label.code for label in vocab.AS_INSTRUMENT.labels),
        lambda code: vocab.AS_INSTRUMENT.label(code).naam,
    )
).naam
kaartpaneel.versus_pagina("instrument", instrument, keuze)
