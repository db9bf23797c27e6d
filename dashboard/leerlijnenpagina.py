"""The Leerlijnen page: how projects build on each other. Flow map, the chains with their stages and places, the
Ontwikkelprojecten without follow-up, scale-up figures per theme and similar projects elsewhere.

The lineage is always that of all stored projects; the sidebar's selection chooses which chains are shown: every
chain with at least one selected project, shown whole.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from classify import leerlijnen
from dashboard import data, projectweergave, vergelijkbaar
from dashboard.kaartpaneel import GEEN_PROJECTEN, analyse_markdown, projectlijst
from dashboard.zijbalk import Keuze
from geo.lagen import GRENSLAGEN
from kaart import leerlijnkaart
from tekst import getallen, leerlijntekst, selectietekst

GEEN_LEERLIJNEN = "Geen leerlijnen voor deze selectie."
KAARTHOOGTE = 720
MAX_KEUZES = 1000
"""Projects offered in the 'vergelijkbare projecten' choice (a longer list makes the page slow to send and use)."""
_STEKEN_KLEUR = "#FDE0DD"
"""Row background of a chain that ends at an Ontwikkelproject."""


def toon(keuze: Keuze) -> None:
    """The page body for the sidebar selection ``keuze`` (theme and insurer are chosen in the sidebar, as on every
    page)."""
    gekozen, beschrijving = data.gefilterd(keuze.links), selectietekst.beschrijving(keuze.links)
    st.caption(
        f"Selectie: {beschrijving}. Een leerlijn verschijnt als minstens één van haar projecten in de selectie valt, "
        "en dan helemaal."
    )
    if gekozen.empty:
        st.info(GEEN_PROJECTEN)
        return
    alle = data.projecten()
    g = data.leerlijnengraaf(keuze.links.voorstellen)
    alle_ketens = data.leerlijnketens(keuze.links.voorstellen)
    ketens = leerlijnen.ketens_met(alle_ketens, gekozen["project_id"])
    opschaling = leerlijnen.opschaling(g, gekozen["project_id"], alle_ketens)
    _kerncijfers(ketens, opschaling)
    if ketens:
        _kaart_en_analyse(ketens, alle, keuze, beschrijving, opschaling)
        st.header("De leerlijnen: fasen, plaatsen en verzekeraars")
        _ketenlijst(ketens, alle)
    else:
        st.info(GEEN_LEERLIJNEN)
    st.header("Blijft steken in de ontwikkelfase?")
    _zonder_vervolg(g, gekozen)
    st.header("Opschaling per thema")
    _opschalingstabel(opschaling)
    st.header("Vergelijkbare projecten elders")
    voorkeur = [pid for k in ketens for pid in k.project_ids]
    opties = list(dict.fromkeys([*voorkeur, *gekozen["project_id"]]))
    if len(opties) > MAX_KEUZES:
        st.caption(
            f"De keuzelijst toont de eerste {getallen.getal(MAX_KEUZES)} van {getallen.getal(len(opties))} "
            "projecten (leerlijnprojecten eerst); verfijn de selectie voor andere projecten."
        )
        opties = opties[:MAX_KEUZES]
    titels = alle.set_index("project_id")["titel"]
    project_id = st.selectbox(
        "Project", opties, format_func=lambda pid: f"{pid} – {titels[pid]}", key="w_leerlijn_project"
    )
    vergelijkbaar.vergelijkbare_projecten(project_id, keuze.links.jaar)


def _kerncijfers(ketens: list[leerlijnen.Keten], opschaling: pd.DataFrame) -> None:
    ontwikkel = int(opschaling["ontwikkelprojecten"].sum())
    vervolg = int(opschaling["met_vervolg"].sum())
    kolommen = st.columns(4)
    kolommen[0].metric("Leerlijnen", len(ketens))
    lengte = sum(k.lengte for k in ketens) / len(ketens) if ketens else 0
    kolommen[1].metric("Gemiddelde lengte (projecten)", getallen.getal(lengte, 1) if ketens else "–")
    kolommen[2].metric("Ontwikkelprojecten met vervolg", f"{vervolg} van {ontwikkel}")
    kolommen[3].metric("Zonder vervolg", ontwikkel - vervolg)


def _kaart_en_analyse(
    ketens: list[leerlijnen.Keten], alle: pd.DataFrame, keuze: Keuze, beschrijving: str, opschaling: pd.DataFrame
) -> None:
    """The flow map over the full width (arrows across the country need the room), the clicked municipality's
    chain projects and the Analyse panel underneath."""
    jaar = keuze.links.jaar
    koppeling = data.koppeling(jaar)
    grenzen = [laag for laag in keuze.lagen if laag in GRENSLAGEN]
    resultaat = st_folium(
        leerlijnkaart.leerlijnkaart(ketens, alle, koppeling, jaar, beschrijving, grenzen),
        key="kaart-leerlijnen",
        height=KAARTHOOGTE,
        use_container_width=True,
        returned_objects=["last_active_drawing"],
    )
    links, rechts = st.columns([3, 2])
    with links:
        st.caption(
            "Pijlen lopen van het project waarop wordt voortgebouwd naar het vervolg, van midden tot midden van de "
            "gemeenten van elk project. Beweeg over een pijl voor de "
            "plaatsen en titels."
        )
        if any(laag.startswith("kernwerkgebied") for laag in keuze.lagen):
            st.caption("Kernwerkgebieden staan niet op deze kaart; de pijlen zouden erin verdwijnen.")
        _aangeklikt(resultaat, ketens, koppeling)
    with rechts:
        zinnen = leerlijntekst.opschalingszinnen(opschaling)
        st.markdown(analyse_markdown(zinnen))


def _aangeklikt(resultaat: dict | None, ketens: list[leerlijnen.Keten], koppeling: pd.DataFrame) -> None:
    """The chain projects in the clicked municipality, or a hint to click one."""
    feature = (resultaat or {}).get("last_active_drawing") or {}
    eigenschappen = feature.get("properties") or {}
    ids = {pid for k in ketens for pid in k.project_ids}
    hier = koppeling[(koppeling["gemeente_code"] == eigenschappen.get("code")) & koppeling["project_id"].isin(ids)]
    if hier.empty:
        st.caption("Klik op een gekleurde gemeente voor de leerlijnprojecten daar.")
        return
    st.markdown(f"**{projectweergave.md(eigenschappen.get('naam', ''))}**: projecten in een leerlijn")
    projectlijst(sorted(hier["project_id"]))


def _ketenlijst(ketens: list[leerlijnen.Keten], alle: pd.DataFrame) -> None:
    records = alle.set_index("project_id")
    ids = list(dict.fromkeys(pid for k in ketens for pid in k.project_ids))
    plaatsen = {
        pid: leerlijnkaart.plaatsnaam(records.at[pid, "gebied"], int(records.at[pid, "indeling_jaar"])) for pid in ids
    }
    tabel = leerlijntekst.ketentabel(ketens, plaatsen)
    tabel["blijft_steken"] = tabel["blijft_steken"].map({True: "ja: eindigt bij een ontwikkelproject", False: "nee"})
    opgemaakt = tabel.style.apply(
        lambda rij: [f"background-color: {_STEKEN_KLEUR}" if rij["blijft_steken"] != "nee" else ""] * len(rij),
        axis=1,
    )
    st.dataframe(
        opgemaakt,
        hide_index=True,
        # The period of each stage next to the stages, where it stays in view on a narrow screen.
        column_order=("leerlijn", "inhoud", "fasen", "jaar", "plaatsen", "verzekeraars", "blijft_steken"),
        column_config={
            "leerlijn": st.column_config.TextColumn("Leerlijn", width=150),
            "inhoud": st.column_config.TextColumn("Thema", width=170),
            "fasen": st.column_config.TextColumn("Fasen", width="medium"),
            "plaatsen": st.column_config.TextColumn("Plaatsen", width="large"),
            "verzekeraars": "Verzekeraar(s)",
            "jaar": st.column_config.TextColumn("Looptijd per fase", width="medium"),
            "blijft_steken": "Blijft steken in de ontwikkelfase?",
        },
    )
    st.caption(
        "Looptijd per fase: de jaren die de bron van elk project noemt (met citaat op de projectpagina); "
        "'onbekend' waar de bron geen jaar noemt. Een leerlijn die eindigt bij een ontwikkelproject is rood "
        "gemarkeerd."
    )


def _zonder_vervolg(g: nx.DiGraph, gekozen: pd.DataFrame) -> None:
    """The selected Ontwikkelprojecten that nothing builds on."""
    ontwikkel = gekozen.loc[gekozen["intensiteit"] == leerlijnen.ONTWIKKELPROJECT, "project_id"]
    if ontwikkel.empty:
        st.caption("Geen ontwikkelprojecten in deze selectie.")
        return
    gekozen_ids = set(ontwikkel)
    zonder = [pid for pid in leerlijnen.zonder_vervolg(g) if pid in gekozen_ids]
    if not zonder:
        welke = "het ene ontwikkelproject" if len(ontwikkel) == 1 else f"elk van de {len(ontwikkel)} ontwikkelprojecten"
        st.success(f"Op {welke} in deze selectie bouwt een ander project voort.")
        return
    st.warning(
        f"{len(zonder)} van de {len(ontwikkel)} ontwikkelprojecten in deze selectie hebben (nog) geen vervolg in de "
        "database: geen project bouwt erop voort.",
        icon="⚠️",
    )
    projectlijst(zonder)


_OPSCHALING_KOLOMMEN = {
    "inhoud": "Thema",
    "aantal_ketens": "Leerlijnen",
    "gemiddelde_lengte": "Gemiddelde lengte",
    "ontwikkelprojecten": "Ontwikkelprojecten",
    "met_vervolg": "met vervolg",
}


def _opschalingstabel(opschaling: pd.DataFrame) -> None:
    getoond = opschaling[(opschaling["aantal_ketens"] > 0) | (opschaling["ontwikkelprojecten"] > 0)].copy()
    getoond["gemiddelde_lengte"] = getoond["gemiddelde_lengte"].map(
        lambda lengte: "–" if pd.isna(lengte) else getallen.getal(lengte, 1)
    )
    st.dataframe(getoond, hide_index=True, column_config=_OPSCHALING_KOLOMMEN)
    st.caption("Per thema van het eerste project van de leerlijn. Een vervolg buiten de selectie telt ook mee.")
