"""The Projecten page: searchable table, detail view (``?project=P012``), import with a dry run first, export.

Anyone can search, read, export and check a file (dry run). Writing (the edit form, confirming an import) is shown
only to a logged-in editor and goes through :class:`projectdb.toegang.Toegang`, which checks the login again.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from dataclasses import replace
from functools import partial
from pathlib import Path

import pandas as pd
import streamlit as st

from classify import filters as flt
from classify import suggest, vocab
from dashboard import data, foutgrens, htmlblok, projectweergave, toegang, url, vergelijkbaar
from dashboard.export import MIME
from geo import geodata
from kaart import kleinkaart
from kaart.model import KaartSpec
from projectdb import bezet, gebied
from projectdb.bezet import DatabaseBezet, bij_bezet_opnieuw
from projectdb.exporteer import als_bytes
from projectdb.importeer import importeer_bestand
from projectdb.intake import KEUZES
from projectdb.meldingen import Validatiefout
from projectdb.sjabloon import sjabloon_bytes
from projectdb.store import Conflict
from projectdb.toegang import GeenToegang, Redacteur
from tekst import getallen, selectietekst

_UITKOMST = "_skw_bewerkuitkomst"
"""Session key of the outcome of the last save: (project_id, soort, tekst, rapport) shown above the form."""
_IMPORTUITKOMST = "_skw_importuitkomst"
"""Session key of the outcome of the last confirmed import: (soort, tekst, rapport)."""
_IMPORTTELLER = "_skw_importteller"
"""Session key counting confirmed imports (part of the uploader's key)."""
_TEKSTVELDEN = {
    "titel": "Titel",
    "omschrijving": "Omschrijving",
    "partners": "Partners (gescheiden door ;)",
    "toelichting_labels": "Toelichting op de labels",
}
_LABELVELDEN = {
    "verzekeraars": ("Verzekeraar(s)", vocab.VERZEKERAAR_NAMEN),
    "inhoud": ("Inhoud", vocab.AS_INHOUD.namen),
    "instrumenten": ("Instrument(en)", vocab.AS_INSTRUMENT.namen),
    "intensiteit": ("Samenwerkingsvorm", vocab.AS_INTENSITEIT.namen),
    "geografie": ("Geografie", vocab.AS_GEOGRAFIE.namen),
}


@st.cache_resource(show_spinner="Suggestiemodel trainen…")
def _model():
    return suggest.standaardmodel()


def lijst(filters: flt.Filters) -> pd.DataFrame:
    """Search box and sortable table of the filtered projects; returns the projects shown."""
    zoekterm = st.text_input(
        "Zoeken in titel, omschrijving, partners, gebied of op gemeente…", value=st.query_params.get("zoek", "")
    )
    if zoekterm != st.query_params.get("zoek", ""):
        if zoekterm:
            st.query_params["zoek"] = zoekterm
        else:
            del st.query_params["zoek"]
    gemeente = gemeente_in_zoekterm(zoekterm, filters.jaar)
    getoond = zoekresultaat(filters, zoekterm, gemeente)
    alle = data.gefilterd(flt.Filters(jaar=filters.jaar, voorstellen=filters.voorstellen))
    # Proposals that match this selection but are hidden because the toggle is off.
    verborgen = (
        0
        if filters.voorstellen
        else len(zoekresultaat(replace(filters, voorstellen=True), zoekterm, gemeente)) - len(getoond)
    )
    if gemeente is not None:
        _gemeentemelding(gemeente, getoond)
    st.caption(
        f"{len(getoond)} van {len(alle)} projecten ({selectietekst.beschrijving(filters)})."
        + (
            f" {verborgen} {'voorstel' if verborgen == 1 else 'voorstellen'} niet getoond: zet *Voorstellen "
            "tonen* aan in de zijbalk."
            if verborgen
            else ""
        )
    )
    if getoond.empty:
        st.info("Geen projecten voor deze selectie.")
        return getoond
    weergave = projectweergave.tabel(getoond)
    if gemeente is not None:
        weergave.insert(2, "bereik", getoond[BEREIK].to_numpy())
    st.dataframe(
        weergave,
        hide_index=True,
        column_config={
            "detail": st.column_config.LinkColumn("Project", display_text=r"project=(P\d+)", width="small"),
            "project_id": None,
            "bereik": st.column_config.TextColumn(
                "Bereik",
                width="small",
                help=f"Of het project in {gemeente.naam if gemeente is not None else 'de gemeente'} loopt. zeker: het "
                "project loopt in deze gemeente; mogelijk: de bron noemt een gebied waarin de gemeente ligt, maar niet "
                "in welke gemeenten het project loopt.",
            ),
            "titel": st.column_config.TextColumn("Titel", width="large"),
            "verzekeraars": "Verzekeraar(s)",
            "inhoud": "Inhoud",
            "instrumenten": "Instrument(en)",
            "intensiteit": "Samenwerkingsvorm",
            "geografie": "Geografie",
            "periode": st.column_config.TextColumn(
                "Looptijd", help="Volgens de bron; onbekend als die geen jaar noemt."
            ),
            "indeling_jaar": st.column_config.NumberColumn("Indeling", format="%d"),
            # Without proposals every listed project is vastgesteld: the column would say nothing.
            "status": st.column_config.TextColumn(
                "Status", width="small", help="voorstel: geïmporteerd, nog niet vastgesteld door een redacteur"
            )
            if filters.voorstellen
            else None,
        },
    )
    titels = getoond.set_index("project_id")["titel"]
    st.selectbox(
        "Project openen",
        titels.index,
        index=None,
        placeholder="kies een project",
        format_func=lambda pid: f"{pid} – {titels[pid]}",
        key="w_project_openen",
        on_change=_open_project,
        help="Opent het project zonder de pagina opnieuw te laden, zodat een redacteur aangemeld blijft (een link in "
        "de tabel laadt de pagina opnieuw; dan moet een redacteur zich opnieuw aanmelden).",
    )
    return getoond


BEREIK = "bereik"
"""Column added to the search result when the search text names a gemeente: ``zeker`` or ``mogelijk``."""
ZOEKKAART = KaartSpec("totaal")
"""The map whose projects per gemeente a gemeente search lists: all projects of the selection."""


def gemeente_in_zoekterm(zoekterm: str, jaar: int) -> geodata.GevondenGemeente | None:
    """The gemeente of ``jaar`` that ``zoekterm`` names exactly (name, alias, a name of the other boundary year or a
    ``GMnnnn`` code; :func:`geo.geodata.vind_gemeente`), or ``None``. Bare numbers stay text: they are more often a
    supplier's own reference than a CBS code."""
    tekst = zoekterm.strip()
    if not tekst or tekst.isdigit():
        return None
    try:
        return geodata.vind_gemeente(tekst, jaar)
    except ValueError:
        return None


def zoekresultaat(
    filters: flt.Filters, zoekterm: str, gemeente: geodata.GevondenGemeente | None = None
) -> pd.DataFrame:
    """The projects of ``filters`` that a search finds: for a gemeente the projects the map :data:`ZOEKKAART` counts
    there, certain ones first, with column :data:`BEREIK`; otherwise a text search (:func:`projectweergave.zoek`)."""
    gekozen = data.gefilterd(filters)
    if gemeente is None:
        return projectweergave.zoek(gekozen, zoekterm)
    kaartbeeld = data.kaartbeeld(ZOEKKAART, filters)
    if kaartbeeld is None:
        return gekozen.iloc[0:0].assign(**{BEREIK: pd.Series(dtype=str)})
    rij = kaartbeeld.gemeenten.set_index("gemeente_code").loc[gemeente.code]
    zeker = int(rij.aantal_projecten)
    bereik = {pid: "zeker" if i < zeker else "mogelijk" for i, pid in enumerate(rij.project_ids)}
    gevonden = gekozen[gekozen["project_id"].isin(bereik)].assign(**{BEREIK: lambda f: f["project_id"].map(bereik)})
    return gevonden.sort_values(BEREIK, ascending=False, kind="stable")


def _gemeentemelding(gemeente: geodata.GevondenGemeente, getoond: pd.DataFrame) -> None:
    """Say that the search text was read as a gemeente, with its counts and a link to its profile."""
    zeker = int((getoond[BEREIK] == "zeker").sum())
    st.markdown(
        f"**{projectweergave.md(gemeente.naam)}** ({gemeente.code}) is een gemeente: hieronder de projecten die haar "
        f"bereiken, zoals de kaart ze telt: {zeker} zeker, {len(getoond) - zeker} mogelijk."
    )
    if gemeente.toelichting:
        st.caption(projectweergave.md(gemeente.toelichting) + ".")
    params = {k: v for k, v in st.query_params.to_dict().items() if k != "zoek"}
    st.page_link(
        "pages/gemeente.py",
        label=f"Profiel van {gemeente.naam}",
        icon=":material/location_city:",
        query_params={**params, url.GEMEENTE: gemeente.code},
    )


def _open_project() -> None:
    """Show the chosen project's detail view in this session (no page load, so a login stays)."""
    gekozen = st.session_state.get("w_project_openen")
    st.session_state["w_project_openen"] = None
    if gekozen:
        st.query_params["project"] = gekozen


def detail(project_id: str, jaar: int) -> None:
    """The detail view of one project: labels with suggestions, derived geography, findings, source, map."""
    alle = data.projecten().set_index("project_id", drop=False)
    if project_id not in alle.index:
        st.warning(f"Project {projectweergave.md(project_id)} staat niet in de database.")
        return
    project = alle.loc[project_id].to_dict()
    eigen = gebied.gemeenten_van_gebied(project["gebied"], int(project["indeling_jaar"]))
    namen = sorted(
        geodata.gemeenten(int(project["indeling_jaar"])).set_index("gemeente_code").loc[list(eigen), "gemeente_naam"]
    )
    afgeleid = data.afgeleide_geografie().get(project_id)
    bevindingen = data.bevindingen()
    suggesties = suggest.suggereer(str(project["titel"]), str(project["omschrijving"]), _model())
    kolommen = st.columns([2, 1])
    with kolommen[0]:
        st.html(
            projectweergave.detail_html(
                project,
                afgeleid,
                namen,
                bevindingen[bevindingen["project_id"] == project_id],
                projectweergave.suggestietabel(suggesties),
            )
        )
    with kolommen[1]:
        kaartbeeld = data.kaartbeeld(KaartSpec("project", label=project_id), flt.Filters(jaar=jaar))
        if kaartbeeld is not None:
            htmlblok.toon(kleinkaart.afbeelding(kaartbeeld, jaar))
            st.html(kleinkaart.onderschrift(kaartbeeld))
    redacteur = toegang.huidige()
    if redacteur is not None:
        bewerken(project, redacteur)
    st.header("Vergelijkbare projecten elders")
    vergelijkbaar.vergelijkbare_projecten(project_id, jaar)


def bewerken(project: dict, redacteur: Redacteur) -> None:
    """The edit form for the text and label fields of one project (editors only).

    The form belongs to the versie it shows (its key and the saved versie), so saving over a change made by
    someone else in the meantime is refused with a conflict instead of overwriting it.
    """
    project_id, versie = project["project_id"], int(project["versie"])
    sleutel = f"bewerk-{project_id}-{versie}"
    uitkomst = st.session_state.get(_UITKOMST)
    uitkomst = uitkomst if uitkomst and uitkomst[0] == project_id else None
    with st.expander("Project bewerken", expanded=uitkomst is not None):
        if uitkomst is not None:
            _, soort, tekst, rapport = st.session_state.pop(_UITKOMST)
            {"succes": st.success, "fout": st.error}[soort](tekst)
            if rapport:
                st.code(rapport, language=None)
            if soort == "fout":
                st.button("Opnieuw laden", on_click=data.vernieuw, key=f"{sleutel}-laden")
        with st.form(sleutel):
            st.caption(f"Versie {versie}. Gebied, bron en leerlijnen wijzigt u met een import.")
            for veld, titel in _TEKSTVELDEN.items():
                waarde = project[veld]
                waarde = "; ".join(waarde) if isinstance(waarde, tuple) else str(waarde)
                invoer = st.text_area if veld in ("omschrijving", "toelichting_labels") else st.text_input
                invoer(titel, value=waarde, key=f"{sleutel}-{veld}")
            for veld, (titel, opties) in _LABELVELDEN.items():
                waarde = project[veld]
                if isinstance(waarde, tuple):
                    st.multiselect(titel, opties, default=list(waarde), key=f"{sleutel}-{veld}", select_all=False)
                else:
                    st.selectbox(titel, opties, index=list(opties).index(waarde), key=f"{sleutel}-{veld}")
            st.form_submit_button(
                "Opslaan", type="primary", on_click=_opslaan, args=(project_id, versie, sleutel, redacteur)
            )


@foutgrens.terugroep
def _opslaan(project_id: str, versie: int, sleutel: str, redacteur: Redacteur) -> None:
    """Save the form ``sleutel`` as an edit of ``versie``; the outcome is shown above the form."""
    wijzigingen = {veld: st.session_state[f"{sleutel}-{veld}"] for veld in (*_TEKSTVELDEN, *_LABELVELDEN)}
    wijzigingen = {veld: tuple(w) if isinstance(w, list) else w for veld, w in wijzigingen.items()}
    soort, tekst, rapport, nieuw = toegang.wijzig(redacteur, project_id, wijzigingen, versie, "Niet opgeslagen")
    if soort == "succes":
        tekst = f"Opgeslagen als versie {nieuw}." if nieuw != versie else "Geen wijzigingen: niets opgeslagen."
    st.session_state[_UITKOMST] = (project_id, soort, tekst, rapport)


def exporteren(projecten: pd.DataFrame) -> None:
    """Download buttons for the listed projects as CSV and XLSX (columns of projecten.csv)."""
    # Files are written only when a button is clicked, not on every rerun.
    for kolom, soort in zip(st.columns(2), ("csv", "xlsx"), strict=True):
        kolom.download_button(
            f"Download {soort.upper()} ({getallen.aantal(len(projecten), 'project', 'projecten')})",
            partial(als_bytes, projecten, soort),
            file_name=f"projecten.{soort}",
            mime=MIME[soort],
            on_click="ignore",
        )


def sjablonen() -> None:
    """Download an empty import template for one Wmo-region or insurer (anyone)."""
    soort = st.radio("Importsjabloon voor", ("Wmo-regio", "Zorgverzekeraar"), horizontal=True, key="w_sjabloon_soort")
    if soort == "Wmo-regio":
        namen = tuple(geodata.wmo_regio_lijst()["wmo_regio"])
        naam = st.selectbox("Wmo-regio", namen, key="w_sjabloon_regio")
        maak, bestand = partial(sjabloon_bytes, wmo_regio=naam), f"importsjabloon {naam}.xlsx"
    else:
        naam = st.selectbox("Zorgverzekeraar", vocab.VERZEKERAAR_NAMEN, key="w_sjabloon_verzekeraar")
        maak, bestand = partial(sjabloon_bytes, verzekeraar=naam), f"importsjabloon {naam}.xlsx"
    st.download_button(
        f"Sjabloon voor {naam} downloaden (XLSX)",
        maak,
        file_name=_bestandsnaam(bestand),
        mime=MIME["xlsx"],
        on_click="ignore",
        key="w_sjabloon_download",
    )


def importeren() -> None:
    """Upload a CSV/XLSX and show the dry-run report with the key assignments and likely duplicates (anyone); a
    signed-in editor whose role may import can then choose per duplicate and confirm the import."""
    redacteur = toegang.mag("importeren")
    uitkomst = st.session_state.pop(_IMPORTUITKOMST, None)
    if uitkomst is not None:
        soort, tekst, rapport = uitkomst
        {"succes": st.success, "fout": st.error}[soort](tekst)
        if rapport:
            st.code(rapport, language=None)
    # A new key after each confirmed import empties the uploader, so the imported file is not checked again.
    bestand = st.file_uploader(
        "Importbestand (CSV of XLSX, kolommen als projecten.csv of een importsjabloon)",
        type=["csv", "xlsx"],
        key=f"w_importbestand_{st.session_state.get(_IMPORTTELLER, 0)}",
    )
    leverancier = st.text_input(
        "Aangeleverd door",
        max_chars=120,
        key="w_import_leverancier",
        help="Wie de lijst aanlevert; leeg bij een importsjabloon van een regio of "
        "verzekeraar (dat noemt de leverancier zelf). Eigen nummers van de leverancier "
        "worden per leverancier herkend, zodat een nieuwe aanlevering bijwerkt.",
    )
    bijwerken = st.checkbox("Bestaande projecten bijwerken (zelfde project_id of eigen referentie)")
    if redacteur is None:
        st.caption(
            "Iedereen kan een bestand laten controleren (proefimport, er wordt niets opgeslagen); "
            "importeren kan alleen een aangemelde redacteur."
        )
    if bestand is None:
        return
    naam, inhoud = _bestandsnaam(bestand.name), bestand.getvalue()
    sleutel = hashlib.sha256(inhoud).hexdigest()[:12]
    keuzes = {
        int(k.rsplit("_", 1)[1]): v
        for k, v in st.session_state.items()
        if isinstance(k, str) and k.startswith(f"w_dubbel_{sleutel}_") and v in KEUZES
    }
    with tempfile.TemporaryDirectory() as map_:
        pad = Path(map_) / naam
        pad.write_bytes(inhoud)
        try:
            rapport = importeer_bestand(
                data.opslag(), pad, update=bijwerken, proef=True, leverancier=leverancier, keuzes=keuzes
            )
        except Validatiefout as fout:
            st.error("Proefimport afgekeurd; er is niets opgeslagen.")
            st.code(fout.rapport.tekst(), language=None)
            return
    st.markdown("**Proefimport (nog niets opgeslagen)**")
    st.code(rapport.tekst(), language=None)
    overgeslagen = f" · overgeslagen: {len(rapport.overgeslagen)}" if rapport.overgeslagen else ""
    st.write(
        f"Nieuw: {len(rapport.nieuw)} · bijgewerkt: {len(rapport.bijgewerkt)} · "
        f"ongewijzigd: {len(rapport.ongewijzigd)}{overgeslagen}"
    )
    if rapport.nieuw:
        st.caption(
            "Nieuwe projecten komen binnen als voorstel: ze staan standaard pas op de kaarten als een "
            "redacteur ze heeft vastgesteld (onder *Voorstellen beoordelen*)."
        )
    for dubbel in rapport.dubbel:
        st.radio(
            f"Regel {dubbel.regel}: mogelijk dubbel met {dubbel.bestaand} ({dubbel.score}%)",
            tuple(KEUZES),
            index=tuple(KEUZES).index(dubbel.keuze),
            format_func=KEUZES.get,
            horizontal=True,
            key=f"w_dubbel_{sleutel}_{dubbel.regel}",
        )
    if not (rapport.nieuw or rapport.bijgewerkt):
        st.info("Dit bestand verandert niets aan de database.")
        return
    if redacteur is None:
        st.info(toegang.uitleg())
        return
    # The bytes and choices checked above travel with the button, so the import writes what the dry run reported.
    st.button(
        "Import bevestigen",
        type="primary",
        on_click=_importeer,
        args=(naam, inhoud, bijwerken, redacteur, leverancier, keuzes),
    )


def _bestandsnaam(naam: str) -> str:
    """The uploaded file's name as a plain file name for the temporary copy (the browser chooses it; the report
    quotes it): no folders, no leading dots, only letters, digits and ``._-()`` and spaces, at most 120 characters."""
    veilig = re.sub(r"[^\w.\-() ]", "_", Path(str(naam)).name)[-120:].lstrip(". ")
    return veilig or "importbestand"


@foutgrens.terugroep
def _importeer(
    naam: str,
    inhoud: bytes,
    bijwerken: bool,
    redacteur: Redacteur,
    leverancier: str = "",
    keuzes: dict[int, str] | None = None,
) -> None:
    """Import the file ``naam`` with ``inhoud`` as ``redacteur``; the outcome is shown above the uploader."""
    rapport = ""
    with tempfile.TemporaryDirectory() as map_:
        pad = Path(map_) / naam
        pad.write_bytes(inhoud)
        try:
            gelezen = bij_bezet_opnieuw(
                lambda: toegang.toegang().importeer_bestand(
                    data.opslag(), redacteur, pad, update=bijwerken, leverancier=leverancier, keuzes=keuzes
                )
            )
        except DatabaseBezet:
            soort, tekst = "fout", f"Import niet uitgevoerd. {bezet.MELDING}"
        except Validatiefout as fout:
            soort, tekst, rapport = "fout", "Import afgekeurd; er is niets opgeslagen.", fout.rapport.tekst()
        except (GeenToegang, Conflict) as fout:
            soort, tekst = "fout", f"Import afgekeurd; er is niets opgeslagen. {projectweergave.md(fout)}"
        else:
            data.vernieuw()
            st.session_state[_IMPORTTELLER] = st.session_state.get(_IMPORTTELLER, 0) + 1
            soort = "succes"
            tekst = f"Geïmporteerd: {len(gelezen.nieuw)} nieuw, {len(gelezen.bijgewerkt)} bijgewerkt."
            rapport = gelezen.tekst()
    st.session_state[_IMPORTUITKOMST] = (soort, tekst, rapport)
