"""The 'vergelijkbare projecten' panel of one project, shown on the Leerlijnen and the Projecten page: the most
similar projects elsewhere, and for editors a button per suggestion to record it as a lineage."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from classify import leerlijnen, verwant
from dashboard import data, foutgrens, projectweergave, toegang
from projectdb.toegang import Redacteur
from tekst import verwanttekst

_UITKOMST = "_skw_leerlijnuitkomst"
"""Session key of the outcome of the last lineage confirmation: (project_id, soort, tekst, rapport)."""


def vergelijkbare_projecten(project_id: str, jaar: int, aantal: int = 5) -> None:
    """The 'vergelijkbare projecten' of one project: the most similar projects elsewhere with score and reason
    (:func:`classify.verwant.verwante_projecten` on all stored projects, municipalities of boundary year ``jaar``)."""
    tabel = verwant.verwante_projecten(data.verwantschap(jaar), project_id, aantal)
    if tabel.empty:
        st.info("Geen vergelijkbare projecten elders gevonden.")
        return
    titels = data.projecten().set_index("project_id")["titel"]
    tabel.insert(0, "detail", [projectweergave.detaillink(pid) for pid in tabel["project_id"]])
    tabel.insert(2, "titel", [titels[pid] for pid in tabel["project_id"]])
    tabel.insert(tabel.columns.get_loc("overeenkomst"), "reden", tabel.pop("overeenkomst").map(verwanttekst.reden))
    st.dataframe(
        tabel,
        hide_index=True,
        column_config={
            "detail": st.column_config.LinkColumn("Project", display_text=r"project=(P\d+)", width="small"),
            "project_id": None,
            "titel": st.column_config.TextColumn("Titel", width="medium"),
            "score": st.column_config.NumberColumn("Score", format="%.2f"),
            "tekstscore": st.column_config.NumberColumn("Tekst", format="%.2f"),
            "labelscore": st.column_config.NumberColumn("Labels", format="%.2f"),
            "reden": st.column_config.TextColumn("Waarom vergelijkbaar", width="large"),
            "gekoppeld": st.column_config.CheckboxColumn("Al een leerlijn"),
        },
    )
    st.caption(
        "Score: het gemiddelde van de tekstovereenkomst (hoeveel bijzondere woorden titel en omschrijving delen) "
        "en de labels (zelfde thema, gedeelde instrumenten, fasen die op elkaar kunnen volgen). Elders: een andere "
        "set gemeenten. Een suggestie wordt pas een leerlijn als een redacteur haar vastlegt bij 'Bouwt voort op'."
    )
    redacteur = toegang.huidige()
    if redacteur is not None:
        _bevestigen(project_id, tabel.loc[~tabel["gekoppeld"].astype(bool), "project_id"], redacteur)


def _richtingen(a: str, b: str, records: pd.DataFrame) -> list[tuple[str, str]]:
    """(later, eerder) for the ways round in which projects ``a`` and ``b`` follow the development path
    (:func:`classify.leerlijnen.verwachte_richting`); both when they are at the same stage."""
    return [
        (later, eerder)
        for later, eerder in ((a, b), (b, a))
        if leerlijnen.verwachte_richting(records.at[later, "intensiteit"], records.at[eerder, "intensiteit"])
    ]


def _bevestigen(project_id: str, kandidaten: pd.Series, redacteur: Redacteur) -> None:
    """A 'Bevestig als leerlijn' button per suggestion that is not yet linked (editors only)."""
    uitkomst = st.session_state.get(_UITKOMST)
    if uitkomst and uitkomst[0] == project_id:
        _, soort, tekst, rapport = st.session_state.pop(_UITKOMST)
        {"succes": st.success, "fout": st.error}[soort](tekst)
        if rapport:
            st.code(rapport, language=None)
    records = data.projecten().set_index("project_id")
    for kandidaat in kandidaten:
        for later, eerder in _richtingen(project_id, kandidaat, records):
            st.button(
                f"Bevestig als leerlijn: {later} bouwt voort op {eerder}",
                key=f"leerlijn-{project_id}-{later}-{eerder}",
                on_click=_leg_vast,
                args=(
                    project_id,
                    later,
                    eerder,
                    int(records.at[later, "versie"]),
                    tuple(records.at[later, "bouwt_voort_op"]),
                    redacteur,
                ),
            )


@foutgrens.terugroep
def _leg_vast(
    project_id: str, later: str, eerder: str, versie: int, bestaand: tuple[str, ...], redacteur: Redacteur
) -> None:
    """Add ``eerder`` to ``bouwt_voort_op`` of ``later`` as shown at ``versie``; the outcome is shown above the
    buttons of ``project_id``."""
    soort, tekst, rapport, nieuw = toegang.wijzig(
        redacteur, later, {"bouwt_voort_op": (*bestaand, eerder)}, versie, "Niet vastgelegd"
    )
    if soort == "succes":
        tekst = f"Leerlijn vastgelegd: {later} bouwt voort op {eerder} (versie {nieuw})."
    st.session_state[_UITKOMST] = (project_id, soort, tekst, rapport)
