"""Samenwerkingskaarten: where health insurers and municipalities work together. Start: ``streamlit run app.py``."""

import streamlit as st

from dashboard import aanmeldbeheer, foutgrens, navigatie, toegang, toegankelijkheid, voorrang, zijbalk

st.set_page_config(page_title="Samenwerkingskaarten", page_icon="🗺️", layout="wide")
toegankelijkheid.paginahulp()
pagina = st.navigation(navigatie.paginas())
navigatie.stuur_door(pagina)
# After the sidebar: it has restored the URL's selection after a page switch.
foutgrens.bewaak(zijbalk.toon, voorrang.begin_run, lambda: aanmeldbeheer.beheer(toegang.zijbalk()), pagina.run)
