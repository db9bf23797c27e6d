"""Samenwerkingskaarten: where health insurers and municipalities work together. Start: ``streamlit run app.py``."""

import streamlit as st

from dashboard import aanmeldbeheer, foutgrens, navigatie, toegang, toegankelijkheid, zijbalk

st.set_page_config(page_title="Samenwerkingskaarten", page_icon="🗺️", layout="wide")
toegankelijkheid.paginahulp()
pagina = st.navigation(navigatie.paginas())
navigatie.stuur_door(pagina)
foutgrens.bewaak(zijbalk.toon, lambda: aanmeldbeheer.beheer(toegang.zijbalk()), pagina.run)
