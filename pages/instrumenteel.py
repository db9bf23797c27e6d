"""Instrumenteel: per instrument "instrument: thema versus overig" for every theme, and its geographic map."""

import streamlit as st

from dashboard import kaartpaneel, navigatie, zijbalk

navigatie.via_app()
keuze = zijbalk.keuze()
st.title("De samenwerking in kaart: instrumenteel")
instrument = zijbalk.een_label("instrumenten", keuze)
kaartpaneel.versus_pagina("instrument", instrument, keuze)
