"""Geografisch: bovenregionaal / regionaal / gemeente combinations, and bovenregionaal projects as the regions
they span."""

import streamlit as st

from dashboard import gemeentezoeker, kaartpaneel, navigatie, zijbalk
from kaart.model import KaartSpec

LET_OP_BOVENREGIONAAL = (
    "Let op! Hier geeft de vlekkenkaart een beetje een vertekend beeld. CZ en regio Zeeland geven aan bovenregionaal "
    "met elkaar samen te werken, evenals CZ en regio Zuid-Limburg. Echter, de regio's Zeeland en Zuid-Limburg werken "
    "hierin niet met elkaar samen. Het betreft aparte projecten. (AEF 2017, bron 002_4672d5e83c675345.txt)"
)

navigatie.via_app()
keuze = zijbalk.keuze()
st.title("De samenwerking in kaart: geografisch")
gemeentezoeker.zoekveld(keuze.links.jaar)
weergaven = {"totaal": "Geografisch – totaal", "bovenregionaal": "Bovenregionaal"}
weergave = zijbalk.url_keuze("Kaart", "kaart", tuple(weergaven), weergaven.get)

if weergave == "totaal":
    st.header("Geografisch – totaal")
    kaartpaneel.combinatie_en_aantallen("geografie", "", "", keuze, "geo-totaal")
else:
    st.header("Bovenregionaal")
    st.warning(LET_OP_BOVENREGIONAAL, icon="⚠️")
    kaartpaneel.kaart_met_analyse(
        KaartSpec("totaal", as_code="geografie", label="Bovenregionaal"), keuze, "geo-bovenregionaal"
    )
    st.markdown("**Elk bovenregionaal project als de Wmo-regio's die het beslaat**")
    kaartpaneel.projectkaarten(keuze.links, "Bovenregionaal")
