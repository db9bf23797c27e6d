"""Samenwerkingsvorm: per intensity "intensiteit: thema versus overig" for every theme, and its geographic map."""

import streamlit as st

from dashboard import kaartpaneel, navigatie, zijbalk

navigatie.via_app()
keuze = zijbalk.keuze()
st.title("De samenwerking in kaart: samenwerkingsvorm (intensiteit)")
intensiteit = zijbalk.een_label("intensiteit", keuze)
kaartpaneel.versus_pagina("intensiteit", intensiteit, keuze)
