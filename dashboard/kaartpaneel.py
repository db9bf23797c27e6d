"""Map widgets: an interactive vlekkenkaart with its click list and Analyse panel, side by side when asked, and
small multiples. Everything computed lives in kaart/ and classify/; this module only lays it out.
"""

from __future__ import annotations

import gc
import html
import re
import weakref
from collections.abc import Callable, Sequence
from functools import partial

import pandas as pd
import streamlit as st

from classify import filters as flt
from classify import vocab
from dashboard import data, downloads, gemeentezoeker, htmlblok, kaartframe, legenda, projectweergave, voorrang
from dashboard.zijbalk import Keuze, een_label, url_keuze
from kaart import kleinkaart, tabel
from kaart.model import Kaartbeeld, KaartSpec
from tekst import analysetekst, getallen, selectietekst

GEEN_PROJECTEN = analysetekst.GEEN_PROJECTEN
KAARTHOOGTE = 600
MAX_LIJST = 200
"""Projects listed as links under a map or a warning; a longer list is slow to send and to read."""

# Streamlit runs a full garbage collection after every script run. With pandas, geopandas, matplotlib and python-pptx
# loaded that walks about 240 thousand objects (0.1–0.2 s) and holds up the page's last messages. What is loaded by
# now lives as long as the process, so take it out of those collections once; later garbage is still collected.
gc.collect()
gc.freeze()


_PER_KAART: weakref.WeakKeyDictionary[Kaartbeeld, dict[tuple, object]] = weakref.WeakKeyDictionary()
"""What is derived from one cached map (table rows per class, HTML tables per key and class), kept as long as the
map itself is cached."""


def _onthoud(kaartbeeld: Kaartbeeld, sleutel: tuple, maak: Callable[[], object]):
    """``maak()`` once per map and ``sleutel``; later calls return the same object."""
    per_kaart = _PER_KAART.setdefault(kaartbeeld, {})
    if sleutel not in per_kaart:
        per_kaart[sleutel] = maak()
    return per_kaart[sleutel]


def tabelrijen(kaartbeeld: Kaartbeeld, klasse: str | None = None) -> pd.DataFrame:
    """:func:`kaart.tabel.kaarttabel` of a map, built once per map and class while the map itself is cached: the
    table, its HTML twin and each rerun of the page (a click in the legend or on the map) share the rows."""
    return _onthoud(kaartbeeld, ("rijen", klasse), lambda: tabel.kaarttabel(kaartbeeld, klasse))


def projectlijst(project_ids: Sequence[str]) -> None:
    """The projects as a list of links to their detail view (titles rendered as text), at most :data:`MAX_LIJST`."""
    alle = data.projecten()
    gekozen = alle[alle["project_id"].isin(project_ids)]
    st.markdown("\n".join(projectweergave.linkregel(rij) for _, rij in gekozen.head(MAX_LIJST).iterrows()))
    meer = len(gekozen) - MAX_LIJST
    if meer > 0:
        st.caption(
            f"… en {getallen.getal(meer)} {'project' if meer == 1 else 'projecten'} meer; de pagina Projecten "
            "toont ze allemaal, met zoeken en export."
        )


def _aangeklikt(code: str | None, kaartbeeld: Kaartbeeld, focus: str | None = None) -> None:
    """The projects of the clicked municipality (CBS code; else of the one in focus), or a hint to click one."""
    code = code or focus
    # Before any click (most runs) there is nothing to look up among the municipalities.
    rij = kaartbeeld.gemeenten[kaartbeeld.gemeenten["gemeente_code"] == code] if code else None
    if rij is None or rij.empty:
        st.caption("Klik op een gemeente voor de lijst van haar projecten.")
        return
    rij = rij.iloc[0]
    st.markdown(
        f"**{projectweergave.md(rij.gemeente_naam)}** ({rij.gemeente_code}, Wmo-regio "
        f"{projectweergave.md(rij.wmo_regio)}): {projectweergave.md(rij.klasse)}"
    )
    ids, zeker = tuple(rij.project_ids), int(rij.aantal_projecten)
    if not ids:
        st.caption("Geen projecten in deze gemeente voor deze selectie.")
    if ids[:zeker]:
        projectlijst(ids[:zeker])
    # Certain ids come first (kaart.model); the rest only possibly reach this municipality, and the list says so.
    if ids[zeker:]:
        st.markdown(
            f"**Mogelijk** ({getallen.aantal(len(ids) - zeker, 'project', 'projecten')}): de bron noemt een gebied "
            "waarin deze gemeente ligt, maar niet welke gemeenten meedoen."
        )
        projectlijst(ids[zeker:])


def geen_projecten(filters: flt.Filters) -> str:
    """What an empty map says: which "alle" combination no municipality meets, or that nothing matches."""
    if filters.alle and data.gefilterd(filters).empty:
        return selectietekst.geen_gemeente(filters)
    return GEEN_PROJECTEN


def interactieve_kaart(
    spec: KaartSpec,
    filters: flt.Filters,
    lagen: Sequence[str],
    sleutel: str,
    focus: str | None = None,
    groep: str | None = None,
    paneel: Callable[[Kaartbeeld], None] | None = None,
) -> Kaartbeeld | None:
    """Draw one interactive map with its legend, click list and table; returns its :class:`Kaartbeeld` (``None``
    when nothing matches).

    ``focus`` (a gemeente_code of ``filters.jaar``) zooms to and outlines that municipality, with its counts under
    the map; maps with the same ``groep`` pan and zoom together. With ``paneel`` the legend, the click list and
    ``paneel(kaartbeeld)`` stand in a column beside the map, else under it.
    """
    kaartbeeld = data.kaartbeeld(spec, filters)
    if kaartbeeld is None:
        st.info(geen_projecten(filters))
        return None
    _kaart_met_klik(kaartbeeld, filters, tuple(lagen), sleutel, focus, groep, paneel)
    return kaartbeeld


@st.fragment
def _kaart_met_klik(
    kaartbeeld: Kaartbeeld,
    filters: flt.Filters,
    lagen: tuple[str, ...],
    sleutel: str,
    focus: str | None,
    groep: str | None,
    paneel: Callable[[Kaartbeeld], None] | None,
) -> None:
    """The map, the projects of the clicked municipality, the legend, the table and the download buttons; a click
    on the map or the legend reruns only this part of the page."""
    jaar = filters.jaar
    # In compare mode each map has its own sidebar selection: the frame follows the sidebar only for a single map.
    model = data.filtermodel_bestand(kaartbeeld.spec, filters) if groep is None else None
    if paneel:
        kaartvak, zijvak = st.columns([5, 2])
    else:
        # Under the map: click list and legend first, then the table.
        kaartvak = zijvak = st.container()
    with kaartvak:
        st.html(overslaanlink(sleutel))
        code = kaartframe.kaart(
            kaartbeeld,
            jaar,
            lagen,
            f"kaart-{sleutel}",
            KAARTHOOGTE,
            focus=focus,
            groep=groep,
            filtermodel=model,
            filters=filters,
        )
        if focus and kaartbeeld.spec.soort != "kernwerkgebied":  # that map colours insurers, not project counts
            st.markdown(gemeentezoeker.focusregel(kaartbeeld, focus))
    with zijvak:
        # Beside the map the clicked municipality's projects show without scrolling; the legend follows.
        _aangeklikt(code, kaartbeeld, focus)
        legenda.legenda(kaartbeeld, jaar, lagen, sleutel)
        # The analysis, the table and the rest of the page wait a moment on a session's first map.
        voorrang.na_eerste_kaart()
        if paneel:
            paneel(kaartbeeld)
    with kaartvak:
        tabelpaneel(kaartbeeld, jaar, sleutel)
        downloads.downloadknoppen(kaartbeeld, jaar, lagen, sleutel)


def tabelpaneel(kaartbeeld: Kaartbeeld, jaar: int, sleutel: str) -> None:
    """The table behind the map (:func:`kaart.tabel.kaarttabel`), kept to the class chosen in the legend: sortable
    and searchable, the chosen class's projects as links, CSV and XLSX downloads, and the same rows as an HTML
    table (the skip link's target, read by screen readers)."""
    klasse = legenda.gekozen_klasse(kaartbeeld, sleutel)
    rijen = tabelrijen(kaartbeeld, klasse)
    gemeenten = getallen.aantal(len(rijen), "gemeente", "gemeenten")
    if klasse is None:
        st.markdown(f"**Tabel bij de kaart** – {gemeenten} met projecten; kies een klasse in de legenda om te beperken")
    else:
        st.markdown(f"**Tabel bij de kaart** – klasse *{projectweergave.md(klasse)}*: {gemeenten}")
    st.dataframe(
        rijen,
        hide_index=True,
        width="stretch",
        height=min(36 + 35 * max(len(rijen), 1), 390),
        # The CBS code is in the downloads; on screen the name is enough and leaves room for the counts.
        column_order=[naam for naam in tabel.KOLOMMEN if naam != "Gemeentecode"],
        column_config={
            "Wmo-regio": st.column_config.TextColumn(width="small"),
            "Klasse": st.column_config.TextColumn(width="medium"),
            "Projecten zeker": st.column_config.NumberColumn(
                "Zeker", width="small", help="Projecten die zeker in de gemeente lopen"
            ),
            "Projecten mogelijk": st.column_config.NumberColumn(
                "Mogelijk",
                width="small",
                help="Projecten in een gebied waarvan de bron zegt dat ze in een deel ervan lopen",
            ),
        },
    )
    if klasse is not None:
        ids = tabel.projecten_in(rijen)
        if ids:
            st.markdown(f"**Projecten in deze klasse** ({getallen.getal(len(ids))})")
            projectlijst(ids)
    downloads.tabelknoppen(kaartbeeld, jaar, klasse, sleutel)
    htmlblok.toon(kaarttabel(kaartbeeld, sleutel, klasse))


def _anker(sleutel: str) -> str:
    return "kaarttabel-" + re.sub(r"[^a-z0-9-]", "-", sleutel.lower())


def overslaanlink(sleutel: str) -> str:
    """A link past the map to its table (WCAG 2.4.1): keyboard users need not tab through the map."""
    return f'<a href="#{_anker(sleutel)}">Kaart overslaan: naar de tabel met dezelfde gegevens</a>'


def kaarttabel(kaartbeeld: Kaartbeeld, sleutel: str, klasse: str | None = None) -> str:
    """The text alternative of a map: the rows of :func:`kaart.tabel.kaarttabel` (kept to ``klasse`` when given) as
    an HTML table, folded under a summary that is the skip link's target; without a class the municipalities
    without projects are counted in the summary. Built once per map, key and class while the map is cached."""
    return _onthoud(kaartbeeld, ("html", sleutel, klasse), lambda: _kaarttabel(kaartbeeld, sleutel, klasse))


def _kaarttabel(kaartbeeld: Kaartbeeld, sleutel: str, klasse: str | None) -> str:
    rijen = tabelrijen(kaartbeeld, klasse)
    cellen = "".join(
        f'<tr><th scope="row">{html.escape(rij[0])}</th>'
        + "".join(f"<td>{html.escape(str(waarde))}</td>" for waarde in rij[2:])
        + "</tr>"
        for rij in rijen.itertuples(index=False)
    )
    kop = "".join(f'<th scope="col">{html.escape(naam)}</th>' for naam in tabel.KOLOMMEN if naam != "Gemeentecode")
    if klasse is None:
        zonder = len(kaartbeeld.gemeenten) - len(rijen)
        samenvatting = (
            f"{getallen.aantal(len(rijen), 'gemeente', 'gemeenten')} met projecten ({zonder} "
            f"{'gemeente zonder project staat' if zonder == 1 else 'gemeenten zonder project staan'} er niet in)"
        )
    else:
        samenvatting = f"{getallen.aantal(len(rijen), 'gemeente', 'gemeenten')} in klasse {klasse}"
    return (
        f'<details><summary id="{_anker(sleutel)}" tabindex="-1">Tabel bij de kaart als tekst: '
        f"{html.escape(samenvatting)}</summary>"
        f"<table><caption>{html.escape(kaartbeeld.titel)}</caption><thead><tr>{kop}</tr></thead>"
        f"<tbody>{cellen}</tbody></table></details>"
    )


def analysepaneel(filters: flt.Filters, as_code: str = "inhoud", spec: KaartSpec | None = None) -> None:
    """The Analyse panel: computed facts for this selection (and map spec restriction, if any)."""
    st.markdown(analyse_markdown(data.analysezinnen(filters, as_code, spec)))


def analyse_markdown(zinnen: Sequence[str]) -> str:
    """The Analyse panel as Markdown: a heading and one list item per sentence, each escaped (sentences name
    regions and labels; escaping keeps any text from the data from becoming a link or formula)."""
    return "**Analyse**\n\n" + "\n".join(f"- {projectweergave.md(zin)}" for zin in zinnen)


def _naast_de_kaart(kaartbeeld: Kaartbeeld, filters: flt.Filters, as_code: str) -> None:
    if kaartbeeld.waarschuwing:
        st.warning(kaartbeeld.waarschuwing, icon="⚠️")
    analysepaneel(filters, as_code, kaartbeeld.spec)


def _focuscode(filters: flt.Filters) -> str | None:
    """The code of the gemeente in focus (URL ``gemeente``) on the maps of ``filters``, or ``None``."""
    gevonden = gemeentezoeker.focus(filters.jaar)
    return gevonden.code if gevonden else None


def kaart_met_analyse(spec: KaartSpec, keuze: Keuze, sleutel: str, as_code: str = "inhoud") -> None:
    """One map with its legend, the 'Let op!' text (combination maps) and the Analyse panel beside it; with a
    second selection two maps side by side, each with legend and panel underneath."""
    focus = _focuscode(keuze.links)
    if keuze.rechts is None:
        interactieve_kaart(
            spec,
            keuze.links,
            keuze.lagen,
            f"{sleutel}-links",
            focus,
            paneel=partial(_naast_de_kaart, filters=keuze.links, as_code=as_code),
        )
        return
    for kolom, (kant, filters) in zip(st.columns(2), (("links", keuze.links), ("rechts", keuze.rechts)), strict=True):
        with kolom:
            st.caption(f"Selectie {kant}: {selectietekst.beschrijving(filters)}")
            getekend = interactieve_kaart(spec, filters, keuze.lagen, f"{sleutel}-{kant}", focus, groep=sleutel)
            if getekend is not None:
                _naast_de_kaart(getekend, filters, as_code)


def enkele_kaart(spec: KaartSpec, keuze: Keuze, sleutel: str) -> None:
    """One interactive map of the left selection, without Analyse panel (reference maps such as kernwerkgebieden),
    with its legend and the map's note beside it."""
    interactieve_kaart(spec, keuze.links, keuze.lagen, sleutel, _focuscode(keuze.links), paneel=_noot)


def _noot(kaartbeeld: Kaartbeeld) -> None:
    if kaartbeeld.waarschuwing:
        st.caption(projectweergave.md(kaartbeeld.waarschuwing))


def kerncijfers(filters: flt.Filters, rechts: flt.Filters | None = None) -> None:
    """Headline figures of the selection as metrics; with a second selection ``rechts`` a row for each, named."""
    if rechts is None:
        _kerncijfers(filters)
        return
    for kant, gekozen in (("links", filters), ("rechts", rechts)):
        st.markdown(f"**Selectie {kant}**: {projectweergave.md(selectietekst.beschrijving(gekozen))}")
        _kerncijfers(gekozen)


def _kerncijfers(filters: flt.Filters) -> None:
    cijfers = data.kerncijfers(filters)
    zonder = cijfers["zonder_minima"]
    kolommen = st.columns(5)
    kolommen[0].metric("Projecten", getallen.getal(cijfers["projecten"]))
    kolommen[1].metric(
        "Zonder minima", getallen.getal(zonder), help="Zonder minimacontracten (Collectieve zorg minima)"
    )
    kolommen[2].metric(
        "Gemeenten zeker",
        f"{getallen.getal(cijfers['gemeenten'])} / {getallen.getal(cijfers['gemeenten_totaal'])}",
        delta=f"mogelijk nog {getallen.getal(cijfers['gemeenten_mogelijk'])}"
        if cijfers["gemeenten_mogelijk"]
        else None,
        delta_color="off",
        delta_arrow="off",
        help="Gemeenten met zeker minstens één project (het hele gebied, of de gemeente bij naam genoemd), van alle "
        "gemeenten in deze indeling. 'Mogelijk': gemeenten die alleen liggen in een gebied waarvan de bron zegt "
        "dat het project in een deel ervan loopt.",
    )
    kolommen[3].metric(
        "Wmo-regio's",
        f"{getallen.getal(cijfers['wmo_regios'])} / {getallen.getal(cijfers['wmo_regios_totaal'])}",
        help="Wmo-regio's met minstens één project",
    )
    kolommen[4].metric("Zorgverzekeraars", getallen.getal(cijfers["verzekeraars"]))


def combinatie_en_aantallen(as_code: str, beperk_as: str, beperk_label: str, keuze: Keuze, sleutel: str) -> None:
    """The report's combination map of ``as_code`` for the projects with ``beperk_label``, then the same projects
    counted per label as small multiples (the reading that the 'Let op!' warning asks for)."""
    spec = KaartSpec("combinatie", as_code=as_code, tweede_as=beperk_as, tweede_label=beperk_label)
    kaart_met_analyse(spec, keuze, sleutel, as_code=as_code)
    welke = f"{beperk_label}-projecten" if beperk_label else "projecten"
    st.markdown(f"**Per label geteld** – aantal {projectweergave.md(welke)} per gemeente, één kaart per label")
    as_ = vocab.as_voor(as_code)
    kleine_kaarten(
        [
            KaartSpec("aantal", as_code=as_code, label=label.naam, tweede_as=beperk_as, tweede_label=beperk_label)
            for label in as_.labels
        ],
        keuze.links,
    )


def versus_pagina(as_code: str, label: str, keuze: Keuze) -> None:
    """Chapter IV/V layout: "label: thema versus overig" for one theme (interactive) and for all themes (small
    multiples), or the geographic combination map of the projects with ``label``."""
    eigen = vocab.as_voor(as_code).label(label)
    weergaven = {"thema": "Thema versus overig", "geografisch": "Geografisch"}
    weergave = url_keuze("Kaart", "kaart", tuple(weergaven), weergaven.get)
    if weergave == "geografisch":
        st.header(f"{eigen.naam} – geografisch")
        combinatie_en_aantallen("geografie", as_code, label, keuze, f"{as_code}-{eigen.code}-geo")
        return
    thema = vocab.AS_INHOUD.label(een_label("inhoud", keuze))
    if keuze.links.inhoud == (thema.naam,):
        st.caption(
            f"Overig zijn de andere thema's in de selectie; de zijbalk kiest alleen {thema.naam}, dus is er hier geen "
            "overig. Kies in de zijbalk meer thema's (of geen) om te vergelijken."
        )
    st.header(f"{eigen.legenda}: {thema.kort} versus overig")
    spec = KaartSpec("versus", as_code=as_code, label=label, tweede_as="inhoud", tweede_label=thema.naam)
    kaart_met_analyse(spec, keuze, f"{as_code}-{eigen.code}-{thema.code}")
    st.markdown(f"**{eigen.naam} – alle thema's**")
    kleine_kaarten(
        [
            KaartSpec("versus", as_code=as_code, label=label, tweede_as="inhoud", tweede_label=t.naam)
            for t in vocab.AS_INHOUD.labels
        ],
        keuze.links,
    )


def kleine_kaarten(specs: Sequence[KaartSpec], filters: flt.Filters, per_rij: int = 3) -> None:
    """Small multiples: one static map per spec, ``per_rij`` to a row; maps without projects are skipped."""
    getekend = [v for v in (data.kaartbeeld(spec, filters) for spec in specs) if v is not None]
    if not getekend:
        st.info(geen_projecten(filters))
        return
    htmlblok.toon(kleinkaart.raster(getekend, filters.jaar, per_rij))


def projectkaarten(filters: flt.Filters, geografie: str) -> None:
    """Small multiples: every selected project with geography ``geografie`` as the Wmo-regions it spans."""
    gekozen = data.gefilterd(filters)
    ids = gekozen.loc[gekozen["geografie"] == geografie, "project_id"].tolist()
    kleine_kaarten([KaartSpec("project", label=pid) for pid in ids], filters, per_rij=4)


_KOLOMNAMEN = {
    "verzekeraar": "Verzekeraar",
    "projecten": "Projecten",
    "per_definitie": "Gebied = kernwerkgebied (telt niet mee)",
    "binnen": "Geheel binnen",
    "deels": "Deels binnen",
    "buiten": "Buiten",
    "koppelingen_binnen": "Koppelingen binnen",
    "koppelingen_buiten": "Koppelingen buiten",
    "gemeenten_binnen": "Gemeenten in kernwerkgebied (benadering)",
    "gemeenten_buiten": "Gemeenten daarbuiten",
    "dichtheid_binnen": "Per gemeente binnen",
    "dichtheid_buiten": "Per gemeente buiten",
}


def kernwerkgebied_figuur(filters: flt.Filters) -> None:
    """Projects inside versus outside each insurer's kernwerkgebied (minima contracts left out): chart, table and
    one sentence per insurer. Projects whose area is the insurer's kernwerkgebied itself are counted in their own
    column and left out of the comparison: they lie inside by construction."""
    tabel = data.kernwerkgebied_aandeel(filters)
    if tabel is None:
        st.info(GEEN_PROJECTEN)
        return
    if tabel["per_definitie"].any():
        st.markdown(
            f"**{getallen.aantal(int(tabel['per_definitie'].sum()), 'project', 'projecten')} van een verzekeraar "
            f"{'heeft' if int(tabel['per_definitie'].sum()) == 1 else 'hebben'} als gebied "
            "het kernwerkgebied van die verzekeraar zelf** (`kernwerkgebied:<verzekeraar>`). Zij liggen er per "
            "definitie binnen en zeggen niets over waar de verzekeraar kiest te werken; ze staan daarom in een "
            "eigen kolom en tellen in de vergelijking niet mee."
        )
    grafiek = tabel.set_index("verzekeraar")[["dichtheid_binnen", "dichtheid_buiten"]].rename(
        columns={"dichtheid_binnen": "binnen kernwerkgebied", "dichtheid_buiten": "buiten kernwerkgebied"}
    )
    st.bar_chart(grafiek, stack=False, horizontal=True, x_label="gemiddeld aantal projecten per gemeente", y_label="")
    st.dataframe(
        tabel.rename(columns=_KOLOMNAMEN),
        hide_index=True,
        column_config={
            naam: st.column_config.NumberColumn(format="%.2f")
            for naam in ("Per gemeente binnen", "Per gemeente buiten")
        },
    )
    st.markdown("\n".join(f"- {projectweergave.md(zin)}" for zin in analysetekst.kernwerkgebied_zinnen(tabel)))
