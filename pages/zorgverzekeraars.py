"""Zorgverzekeraars: per insurer its projects over its kernwerkgebied, and inside versus outside for all."""

from dataclasses import replace

import streamlit as st

from classify import kernwerkgebieden
from dashboard import kaartpaneel, navigatie, strategieweergave, zijbalk
from dashboard.projectweergave import md
from geo import geodata
from kaart.model import KaartSpec

navigatie.via_app()
keuze = zijbalk.keuze()
st.title("Zorgverzekeraars")
naam = zijbalk.een_label("verzekeraars", keuze)
eigen_laag = f"kernwerkgebied:{naam}"
lagen = tuple(laag for laag in keuze.lagen if not laag.startswith("kernwerkgebied")) + (eigen_laag,)

st.header(f"Projecten van {naam} met het eigen kernwerkgebied (benadering, gestippeld)")
st.caption("Zonder minimacontracten (projecten met als enig instrument Collectieve zorg minima).")
aantal = int((geodata.gemeenten(keuze.links.jaar)["kernwerkgebied"] == naam).sum())
rapport = kernwerkgebieden.rapport_aantal(naam)
uitleg = (
    f"Het kernwerkgebied op deze kaart is een benadering ({geodata.kernwerkgebied_label(keuze.links.jaar)}): "
    f"{aantal} gemeenten in de indeling {keuze.links.jaar}. "
)
if rapport:
    uitleg += (
        f'Het rapport noemt zelf {rapport.aantal_gemeenten} gemeenten: "{rapport.citaat}" ({kernwerkgebieden.RAPPORT}).'
    )
else:
    uitleg += "Het rapport noemt voor deze verzekeraar geen aantal gemeenten."
st.info(md(uitleg))
kaartpaneel.kaart_met_analyse(
    KaartSpec("verzekeraar", label=naam, zonder_minima=True), replace(keuze, lagen=lagen), f"verzekeraar-{naam}"
)

strategieweergave.toon(naam)

st.header("Binnen of buiten het kernwerkgebied")
st.markdown(
    "> De samenwerking tussen gemeenten en zorgverzekeraars is het meest intensief, daar waar het marktaandeel van "
    "de zorgverzekeraar het grootst is (en vaak ook de zorgkantoorfunctie beheert). — AEF 2017\n\n"
    "Hieronder staat wat de projectendatabase daarover laat zien: per verzekeraar de projecten geheel, deels of niet "
    "in het eigen kernwerkgebied (benadering), en het gemiddelde aantal projecten per gemeente binnen en "
    "buiten dat gebied."
)
kaartpaneel.kernwerkgebied_figuur(keuze.links)
