"""'Over de gegevens': what the project data are and are not, with every number computed from the data.

:func:`tekst` builds the Markdown (tested directly); :func:`toon` puts it in an expander on the Overzicht. The same
points are in the README section "Over de gegevens".
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from classify import precisie
from dashboard import data
from geo import geodata
from projectdb import bereik, bronnen, strategie
from tekst import getallen

TITEL = "Over de gegevens"


def tekst(projecten: pd.DataFrame, koppeling: pd.DataFrame, jaar: int, strategieen: int) -> str:
    """The section as Markdown for ``projecten`` (all stored projects) and their ``koppeling``
    [project_id, gemeente_code, zekerheid] on the gemeenten of boundary year ``jaar``; ``strategieen`` is the
    number of strategy statements kept apart."""
    per_bron = projecten["bron"].value_counts()
    documenten = [b for b in bronnen.bronnen() if b in per_bron] + sorted(set(per_bron.index) - set(bronnen.bronnen()))
    deel = projecten[projecten["gebied_precisie"] == precisie.DEEL]
    concessie = projecten[projecten["verzekeraar_herkomst"] == precisie.CONCESSIE]
    telling = precisie.tel_gemeenten(koppeling)
    totaal = len(geodata.kenmerken("gemeenten", jaar))
    zekerheden = bereik.concessiezekerheid(concessie)["concessiezekerheid"].value_counts()
    regels = [
        f"**{getallen.getal(len(projecten))} projecten, gereconstrueerd uit {len(documenten)} openbare "
        f"{'document' if len(documenten) == 1 else 'documenten'}** — niet de database achter het AEF-rapport, die "
        "niet openbaar is. Elk project noemt zijn bron en een letterlijk citaat daaruit:",
        *(
            f"- {md(bronnen.bronvermelding(b))}: {per_bron[b]} {'project' if per_bron[b] == 1 else 'projecten'}"
            for b in documenten
        ),
        "",
        f"**Peildatum:** {bronnen.peildatum(projecten['bron'])}, de datum van de bronnen (niet de dag van "
        "downloaden of exporteren).",
        "",
        "**Kernwerkgebied is een benadering.** Het rapport definieert het kernwerkgebied als de regio waar een "
        "verzekeraar het grootste marktaandeel heeft. Marktaandelen per gemeente zijn niet openbaar; hier geldt de "
        "zorgkantoorregio waarvan de verzekeraar concessiehouder is als kernwerkgebied.",
        "",
        f"**Deel van een gebied (`deel`): {getallen.aantal(len(deel), 'project', 'projecten')}.** "
        "De bron zegt dat zij in een deel van een regio of "
        "kernwerkgebied lopen ('circa 10 gemeenten', 'een aantal gemeenten') zonder de gemeenten te noemen. Hun "
        f"gemeenten zijn *mogelijk*, niet zeker. Indeling {jaar}: {getallen.getal(telling['zeker'])} van de "
        f"{getallen.getal(totaal)} gemeenten hebben zeker een project, {getallen.getal(telling['mogelijk'])} alleen "
        "mogelijk.",
        "",
        f"**Verzekeraar afgeleid (`concessie`): {getallen.aantal(len(concessie), 'project', 'projecten')}.** "
        "De bron noemt geen verzekeraar; "
        "ingevuld is de concessiehouder van het zorgkantoor in 2017 voor dat gebied, met de zekerheid van die "
        "concessie ("
        + ", ".join(f"{zekerheden[z]}× {z}" for z in reversed(precisie.ZEKERHEDEN) if z in zekerheden)
        + ").",
        "",
        f"**Geen projecten:** {strategieen} algemene samenwerkingsstrategieën van verzekeraars staan apart, op de "
        "pagina Zorgverzekeraars.",
    ]
    return "\n".join(regels)


def md(waarde: str) -> str:
    """A registry text safe in Markdown (no emphasis or links from the title)."""
    return waarde.replace("*", "\\*").replace("_", "\\_").replace("[", "\\[")


@st.cache_resource(show_spinner=False, max_entries=4)
def _tekst(revisie: int, jaar: int) -> str:
    projecten = data.projecten()
    return tekst(projecten, bereik.koppeling_zekerheid(projecten, jaar), jaar, len(strategie.strategieen()))


def toon(jaar: int) -> None:
    """The section as a closed expander, for the boundary year ``jaar`` shown on the page; its text is built once
    per database revision and year (:func:`dashboard.data.revisie`), not on every run of the Overzicht."""
    with st.expander(TITEL):
        st.markdown(_tekst(data.revisie(), jaar))
