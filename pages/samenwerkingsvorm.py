"""Samenwerkingsvorm: per intensity "intensiteit: thema versus overig" for every theme, and its geographic map."""

import streamlit as st

from classify import vocab
from dashboard import kaartpaneel, navigatie, zijbalk

navigatie.via_app()
keuze = zijbalk.keuze()
st.title("De samenwerking in kaart: samenwerkingsvorm (intensiteit)")
intensiteit = vocab.AS_INTENSITEIT.label(
    zijbalk.url_keuze(
        "Samenwerkingsvorm",
        "vorm",
        tuple(label.code for label in vocab.AS_INTENSITEIT.labels),
        lambda code: vocab.AS_INTENSITEIT.label(code).naam,
    )
).naam
kaartpaneel.versus_pagina("intensiteit", intensiteit, keuze)
