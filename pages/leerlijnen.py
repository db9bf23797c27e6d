"""Leerlijnen: how what one municipality develops is developed further and implemented elsewhere."""

import streamlit as st

from dashboard import gemeentezoeker, leerlijnenpagina, navigatie, zijbalk

navigatie.via_app()
keuze = zijbalk.keuze()
st.title("Leerlijnen: van ontwikkelen naar implementeren")
gemeentezoeker.zoekveld(keuze.links.jaar)
st.markdown(
    "> Op basis van de database en de kaarten is het maar beperkt mogelijk om de samenhang tussen de projecten binnen "
    "en tussen de regio's te ontdekken. — AEF 2017 (bron 002_4672d5e83c675345.txt)\n\n"
    "Deze pagina volgt de cyclus samenwerkingsafspraken → ontwikkelen → doorontwikkelen → implementeren: welk project "
    "bouwt voort op welk ander project, en waar."
)
leerlijnenpagina.toon(keuze)
