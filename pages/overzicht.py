"""Overzicht: headline figures, all projects, the kernwerkgebieden and the projects per insurer."""

import streamlit as st

from classify import vocab
from dashboard import downloads, gemeentezoeker, kaartpaneel, navigatie, overdegegevens, voorrang, zijbalk
from kaart.model import KaartSpec

navigatie.via_app()
keuze = zijbalk.keuze()
st.title("Samenwerkingskaarten zorgverzekeraars en gemeenten")
gemeentezoeker.zoekveld(keuze.links.jaar)
# The headline figures and the data note stand above the map but are written after it: the map is what a visitor
# waits for, and its message then leaves the server first. On a session's first page the map is drawn before the
# rest is computed (dashboard/voorrang.py); there they come first, so they do not push the drawn map down.
kop = st.container()
kop_eerst = voorrang.nog_te_gaan()


def vul_kop() -> None:
    with kop:
        kaartpaneel.kerncijfers(keuze.links, keuze.rechts)
        overdegegevens.toon(keuze.links.jaar)


if kop_eerst:
    vul_kop()

st.header("Projecten – totaal (zonder minimacontracten)")
st.caption(
    "Gemeenten met een samenwerkingsproject, met de grenzen van de Wmo-regio's. Projecten waarvan het enige "
    "instrument Collectieve zorg minima is, tellen niet mee, zoals in het rapport."
)
kaartpaneel.kaart_met_analyse(KaartSpec("totaal", zonder_minima=True), keuze, "overzicht-totaal")
if not kop_eerst:
    vul_kop()

st.header("Kernwerkgebieden van de zorgverzekeraars (benadering)")
st.caption(
    "Kernwerkgebied: volgens het rapport de regio waar de zorgverzekeraar het grootste marktaandeel heeft. "
    "Marktaandelen per gemeente zijn niet openbaar; deze kaart is een benadering met de zorgkantoorregio's."
)
kaartpaneel.enkele_kaart(KaartSpec("kernwerkgebied"), keuze, "overzicht-kernwerkgebied")

st.header("Projecten per zorgverzekeraar")
kaartpaneel.kleine_kaarten(
    [KaartSpec("verzekeraar", label=naam, zonder_minima=True) for naam in vocab.VERZEKERAAR_NAMEN],
    keuze.links,
    per_rij=5,
)

st.header("Presentatie en gegevens")
downloads.presentatie_samenstellen(keuze.links, keuze.lagen)
downloads.kaartenboekknop(keuze.links, keuze.lagen)
downloads.projectknoppen(keuze.links, "overzicht")
