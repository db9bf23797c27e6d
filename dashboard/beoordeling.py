"""Reviewing imported proposals on the Projecten page: per import or one by one, approve or reject.

Anyone sees what awaits review; only a signed-in user whose role may review (``mag("voorstel_beoordelen")``) gets
the buttons, and every decision goes through :meth:`projectdb.toegang.Toegang.beoordeel`, which checks the stored
role again on the server (:func:`projectdb.rollen.mag`) and writes the decision with the editor's identity into the
change log. Like the other write paths, the button callback runs inside :func:`dashboard.foutgrens.terugroep` and
retries briefly when the database is busy (:mod:`projectdb.bezet`). A decision names the versie of each project
as shown, so a project changed in the meantime gives a conflict instead of approving something nobody saw.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import data, foutgrens, toegang
from dashboard.projectweergave import conflictmelding, linkregel, md
from projectdb import bezet
from projectdb.bezet import DatabaseBezet, bij_bezet_opnieuw
from projectdb.store import Conflict, OnbekendProject
from projectdb.toegang import GeenToegang, Redacteur

_UITKOMST = "_skw_beoordeeluitkomst"
"""Session key of the outcome of the last decision: (soort, tekst)."""


def voorstellen() -> pd.DataFrame:
    """The stored projects with status ``voorstel`` (all of them, whatever the filters)."""
    alle = data.opslag().projecten()
    return alle[alle["status"] == "voorstel"]


def beoordelen() -> None:
    """The proposals grouped by import, with approve/reject buttons for a signed-in user whose role may review."""
    redacteur = toegang.mag("voorstel_beoordelen")
    uitkomst = st.session_state.pop(_UITKOMST, None)
    if uitkomst is not None:
        {"succes": st.success, "fout": st.error}[uitkomst[0]](uitkomst[1])
    open_ = voorstellen()
    if open_.empty:
        st.markdown("**Geen voorstellen**: alle geïmporteerde projecten zijn beoordeeld.")
        return
    st.markdown(f"**{len(open_)} {'voorstel wacht' if len(open_) == 1 else 'voorstellen wachten'} op beoordeling.**")
    st.caption(
        "Voorstellen staan pas standaard op de kaarten als ze zijn vastgesteld; met *Voorstellen tonen* in de "
        "zijbalk ziet u ze vooraf, gemarkeerd als voorstel."
    )
    if redacteur is None:
        st.info(toegang.uitleg())
    rondes = data.opslag().importrondes().set_index("importronde")
    for ronde, groep in open_.groupby(open_["importronde"].fillna(0).astype(int), sort=False):
        _ronde(ronde, rondes.loc[ronde] if ronde in rondes.index else None, groep, redacteur)


def _ronde(ronde: int, info: pd.Series | None, groep: pd.DataFrame, redacteur: Redacteur | None) -> None:
    """One import's proposals: a heading, buttons for all of them, and a line with buttons per proposal."""
    if info is not None:
        wie = f" van {md(info['leverancier'])}" if info["leverancier"] else ""
        st.markdown(
            f"**Import {ronde}**{wie}: {md(info['bestand'])}, {md(info['tijdstip'][:16].replace('T', ' '))} "
            f"UTC door {md(info['redacteur'])} – {len(groep)} voorstel(len)"
        )
    else:
        st.markdown(f"**Zonder import** – {len(groep)} voorstel(len)")
    versies = dict(zip(groep["project_id"], groep["versie"].astype(int), strict=True))
    if redacteur is not None and len(groep) > 1:
        links, rechts, _ = st.columns([1, 1, 3])
        links.button(
            f"Alle {len(groep)} vaststellen",
            key=f"w_ronde_{ronde}_vast",
            on_click=_besluit,
            args=(versies, "vastgesteld", redacteur),
        )
        rechts.button(
            f"Alle {len(groep)} afwijzen",
            key=f"w_ronde_{ronde}_af",
            on_click=_besluit,
            args=(versies, "afgewezen", redacteur),
        )
    for _, project in groep.iterrows():
        pid = project["project_id"]
        tekst, vast, af = st.columns([6, 1, 1]) if redacteur is not None else (st.container(), None, None)
        bron = f" – eigen referentie {md(project['bron_id'])}" if project["bron_id"] else ""
        tekst.markdown(linkregel(project) + bron)
        if vast is not None:
            vast.button(
                "Vaststellen",
                key=f"w_vast_{pid}",
                on_click=_besluit,
                args=({pid: versies[pid]}, "vastgesteld", redacteur),
            )
            af.button(
                "Afwijzen", key=f"w_af_{pid}", on_click=_besluit, args=({pid: versies[pid]}, "afgewezen", redacteur)
            )


@foutgrens.terugroep
def _besluit(versies: dict[str, int], status: str, redacteur: Redacteur) -> None:
    """Button callback: write the decision; the outcome is shown above the list."""
    try:
        gewijzigd = bij_bezet_opnieuw(lambda: toegang.toegang().beoordeel(data.opslag(), redacteur, versies, status))
    except DatabaseBezet:
        st.session_state[_UITKOMST] = ("fout", f"Niet beoordeeld. {bezet.MELDING}")
        return
    except Conflict as fout:
        st.session_state[_UITKOMST] = ("fout", conflictmelding(fout.redacteur, fout.huidige_versie))
        return
    except (GeenToegang, OnbekendProject) as fout:
        st.session_state[_UITKOMST] = ("fout", f"Niet beoordeeld: {md(fout)}")
        return
    data.vernieuw()
    tekst = f"{len(gewijzigd)} project(en) {status}: {', '.join(gewijzigd)}."
    st.session_state[_UITKOMST] = ("succes", tekst)
