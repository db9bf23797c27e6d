"""Projecten: search, sort and filter the records; detail view per project; import and export."""

import streamlit as st

from dashboard import beoordeling, navigatie, projectenpagina, zijbalk

navigatie.via_app()
keuze = zijbalk.keuze()
st.title("Projecten")
project_id = st.query_params.get("project")
if project_id:
    if st.button("← Terug naar de lijst"):
        del st.query_params["project"]
        st.rerun()
    projectenpagina.detail(project_id, keuze.links.jaar)
else:
    getoond = projectenpagina.lijst(keuze.links)
    with st.expander("Exporteren"):
        projectenpagina.exporteren(getoond)
    with st.expander("Importeren"):
        projectenpagina.sjablonen()
        projectenpagina.importeren()
    with st.expander("Voorstellen beoordelen"):
        beoordeling.beoordelen()
