"""Inhoudelijk: per theme the total map, the samenwerkingsvorm map and the instrumenteel map."""

import streamlit as st

from classify import vocab
from dashboard import kaartpaneel, navigatie, zijbalk
from kaart.model import KaartSpec

navigatie.via_app()
keuze = zijbalk.keuze()
st.title("De samenwerking in kaart: inhoudelijk")
thema = zijbalk.een_label("inhoud", keuze)
kaarten = {"totaal": "Totaal", "intensiteit": "Samenwerkingsvorm", "instrument": "Instrumenteel"}
soort = zijbalk.url_keuze("Kaart", "kaart", tuple(kaarten), kaarten.get)

if soort == "totaal":
    st.header(f"{thema} – totaal (incl. grenzen van de Wmo-regio's)")
    kaartpaneel.kaart_met_analyse(KaartSpec("totaal", as_code="inhoud", label=thema), keuze, f"inhoud-{thema}")
else:
    as_ = vocab.as_voor(soort)
    st.header(f"{thema} – {as_.naam.lower()}")
    kaartpaneel.combinatie_en_aantallen(soort, "inhoud", thema, keuze, f"inhoud-{thema}-{soort}")
