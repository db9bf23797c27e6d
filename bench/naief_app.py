"""The naive baseline page for the browser benchmarks: one vlekkenkaart as a newcomer would write it.

The project data is cached (``st.cache_data``, the first thing a Streamlit tutorial teaches) but the map is built
from the unsimplified GeoParquet layers with every attribute column on every rerun (:func:`naief.naieve_kaart`) and
shown with ``st_folium`` without ``returned_objects`` limits. The sidebar has the same "Inhoud (thema)" multiselect
as the real app, so the browser benchmark changes both the same way. Reads the store named by ``SAMENWERKING_DB``.

    streamlit run bench/naief_app.py
"""

import sys
from pathlib import Path

import streamlit as st
from streamlit_folium import st_folium

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from naief import naieve_kaart, naieve_telling  # noqa: E402

from classify import vocab  # noqa: E402
from projectdb import gebied, open_store  # noqa: E402

JAAR = 2017


@st.cache_data
def projectdata():
    projecten = open_store().projecten()
    return projecten, gebied.koppeling(projecten, JAAR)


st.set_page_config(page_title="Samenwerkingskaart (naïef)", layout="wide")
inhoud = st.sidebar.multiselect("Inhoud (thema)", vocab.AS_INHOUD.namen, placeholder="alle")
projecten, koppeling = projectdata()
st.title("Samenwerkingsprojecten per gemeente")
kaart = naieve_kaart(JAAR, naieve_telling(projecten, koppeling, tuple(inhoud)))
st_folium(kaart, height=600, use_container_width=True)
