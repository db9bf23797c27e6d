"""Download widgets: "Download kaart" (PNG, PDF, SVG) under a map, the filtered project list (CSV, XLSX), the
offline kaartenboek (HTML) and the "Presentatie samenstellen" flow. Files are built only when a button is clicked
(Streamlit runs the callable on a worker thread; the renderers use their own matplotlib figures), so a page never
waits for exports it does not ask for. Everything computed lives in :mod:`kaart.statisch`, :mod:`kaart.presentatie`,
:mod:`kaart.kaartenboek` and :mod:`dashboard.export`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache, partial

import streamlit as st

from classify import filters as flt
from classify import vocab
from dashboard import data, export
from kaart.model import Kaartbeeld, KaartSpec
from tekst import selectietekst

PNG_DPI = 300
"""Resolution of the PNG download: print quality for A4."""

_KAARTFORMATEN: tuple[tuple[str, str], ...] = (("png", f"PNG · {PNG_DPI} dpi"), ("pdf", "PDF"), ("svg", "SVG"))
_PER_THEMA: dict[str, str] = {
    "totaal": "totaal",
    "samenwerkingsvorm": "samenwerkingsvorm",
    "instrumenteel": "instrumenteel",
    "geografisch": "geografisch",
}


def _bestandsnaam(tekst: str, jaar: int, formaat: str) -> str:
    """A plain file name from a title: ``Ouderen – totaal`` -> ``ouderen-totaal-2017.png``."""
    tekst = unicodedata.normalize("NFKD", tekst)
    tekst = "".join(c for c in tekst if not unicodedata.combining(c)).lower()
    return f"{re.sub(r'[^0-9a-z]+', '-', tekst).strip('-') or 'kaart'}-{jaar}.{formaat}"


def _kaartbestand(kaartbeeld: Kaartbeeld, jaar: int, lagen: tuple[str, ...], formaat: str) -> bytes:
    from kaart import statisch  # matplotlib: loaded on the first click, not with the page

    return statisch.statische_kaart(kaartbeeld, jaar, lagen, formaat=formaat, dpi=PNG_DPI)


def downloadknoppen(kaartbeeld: Kaartbeeld, jaar: int, lagen: Sequence[str], sleutel: str) -> None:
    """The "Download kaart" buttons (PNG at :data:`PNG_DPI` dpi, PDF, SVG) for ``kaartbeeld`` as drawn on screen:
    same classes, colours, legend counts, source line and layers ``lagen``, A4 landscape.

    ``sleutel`` must be unique on the page (use the map's widget key). The file is rendered when clicked.
    """
    lagen = tuple(lagen)
    kolommen = st.columns(len(_KAARTFORMATEN))
    for kolom, (formaat, naam) in zip(kolommen, _KAARTFORMATEN, strict=True):
        kolom.download_button(
            f"Download kaart {naam}",
            data=partial(_kaartbestand, kaartbeeld, jaar, lagen, formaat),
            file_name=_bestandsnaam(kaartbeeld.titel, jaar, formaat),
            mime=export.MIME[formaat],
            key=f"download-{sleutel}-{formaat}",
            on_click="ignore",
            icon=":material/download:",
            width="stretch",
        )


def tabelknoppen(kaartbeeld: Kaartbeeld, jaar: int, klasse: str | None, sleutel: str) -> None:
    """Download buttons for the table behind the map (:func:`dashboard.export.tabelbestand`, kept to legend class
    ``klasse``) as CSV for Dutch Excel (';', UTF-8 with BOM) and XLSX."""
    naam = kaartbeeld.titel + (f" {klasse}" if klasse else "") + " tabel"
    kolommen = st.columns(2)
    for kolom, formaat in zip(kolommen, ("csv", "xlsx"), strict=True):
        kolom.download_button(
            f"Tabel bij de kaart ({formaat.upper()})",
            data=partial(export.tabelbestand, (kaartbeeld,), formaat, klasse),
            file_name=_bestandsnaam(naam, jaar, formaat),
            mime=export.MIME[formaat],
            key=f"tabel-{sleutel}-{formaat}",
            on_click="ignore",
            icon=":material/table:",
            width="stretch",
        )


def _projectenbestand(filters: flt.Filters, formaat: str) -> bytes:
    resultaat = export.exporteer(
        (), filters, data.projecten(), data.koppeling_voor(filters), data.gemeenten(filters.jaar), formaat=formaat
    )
    return resultaat.inhoud


def projectknoppen(filters: flt.Filters, sleutel: str) -> None:
    """Download buttons for the projects matching ``filters`` as CSV (UTF-8 with BOM) and XLSX, with the
    columns of ``projecten.csv`` (:func:`projectdb.exporteer.exporteer`)."""
    aantal = len(data.gefilterd(filters))
    kolommen = st.columns(2)
    for kolom, formaat in zip(kolommen, ("csv", "xlsx"), strict=True):
        kolom.download_button(
            f"Projectenlijst ({formaat.upper()}, {aantal})",
            data=partial(_projectenbestand, filters, formaat),
            file_name=f"projecten-{_bestandsnaam(selectietekst.beschrijving(filters), filters.jaar, formaat)}",
            mime=export.MIME[formaat],
            key=f"projecten-{sleutel}-{formaat}",
            on_click="ignore",
            icon=":material/table:",
            disabled=aantal == 0,
            width="stretch",
        )


def _kaartenboekbestand(filters: flt.Filters, lagen: tuple[str, ...]) -> bytes:
    from kaart import kaartenboek  # folium and the book's renderers: loaded on the first click

    resultaat = export.exporteer(
        tuple(kaartenboek.boekspecs()),
        filters,
        data.projecten(),
        data.koppeling_voor(filters),
        data.gemeenten(filters.jaar),
        formaat="html",
        lagen=lagen,
    )
    return resultaat.inhoud


def kaartenboekknop(filters: flt.Filters, lagen: Sequence[str], sleutel: str = "kaartenboek") -> None:
    """The download button of the kaartenboek: every map kind of the app for the projects matching ``filters``, in
    one HTML file that opens from disk without server or network (:mod:`kaart.kaartenboek`); built when clicked."""
    aantal = len(data.gefilterd(filters))
    st.download_button(
        f"Kaartenboek (HTML, werkt zonder internet; {aantal} {'project' if aantal == 1 else 'projecten'})",
        data=partial(_kaartenboekbestand, filters, tuple(lagen)),
        file_name=_bestandsnaam("kaartenboek", filters.jaar, "html"),
        mime=export.MIME["html"],
        key=f"{sleutel}-download",
        on_click="ignore",
        icon=":material/menu_book:",
        disabled=aantal == 0,
        help="Alle kaarten van het dashboard met legenda, Analyse, tabellen en de projecten met broncitaat in één "
        "bestand: om te mailen of op een USB-stick te zetten voor een overleg zonder internet.",
    )


VERSUS_ASSEN: tuple[tuple[str, str], ...] = (("instrument", "Instrumenteel"), ("intensiteit", "Samenwerkingsvorm"))
"""Axes with "label: thema versus overig" maps, as on the pages Instrumenteel and Samenwerkingsvorm."""


def versuskeuzes() -> list[str]:
    """The choices of the versus maps in the builder: "Instrumenteel: <label>" and "Samenwerkingsvorm: <label>"."""
    return [f"{pagina}: {label.naam}" for as_code, pagina in VERSUS_ASSEN for label in vocab.as_voor(as_code).labels]


def versusspecs(keuzes: Sequence[str], themas: Sequence[str]) -> list[KaartSpec]:
    """One "label: thema versus overig" map per chosen label of :func:`versuskeuzes` and theme, label first."""
    paginas = {pagina: as_code for as_code, pagina in VERSUS_ASSEN}
    specs = []
    for keuze in keuzes:
        pagina, _, label = keuze.partition(": ")
        specs += [
            KaartSpec("versus", as_code=paginas[pagina], label=label, tweede_as="inhoud", tweede_label=thema)
            for thema in themas
        ]
    return specs


def _presentatiebestand(specs: tuple[KaartSpec, ...], filters: flt.Filters, lagen: tuple[str, ...]) -> bytes:
    resultaat = export.exporteer(
        specs,
        filters,
        data.projecten(),
        data.koppeling_voor(filters),
        data.gemeenten(filters.jaar),
        formaat="pptx",
        lagen=lagen,
    )
    return resultaat.inhoud


def presentatie_samenstellen(filters: flt.Filters, lagen: Sequence[str], sleutel: str = "presentatie") -> None:
    """The "Presentatie samenstellen" flow: pick themes x map kinds, insurers and overview maps under the current
    ``filters`` and layers, then download one 16:9 ``.pptx`` (title slide, one slide per map with legend and
    Analyse, sources). Maps without a project in the selection are named and left out."""
    st.markdown("**Presentatie samenstellen**")
    st.caption(f"Selectie: {selectietekst.beschrijving(filters)} · indeling {filters.jaar}")
    links, rechts = st.columns(2)
    with links:
        themas = st.multiselect(
            "Thema's",
            vocab.AS_INHOUD.namen,
            default=list(vocab.AS_INHOUD.namen),
            key=f"{sleutel}-themas",
            placeholder="geen",
            select_all=False,
        )
        soorten = st.multiselect(
            "Kaarten per thema",
            list(_PER_THEMA),
            default=["totaal"],
            key=f"{sleutel}-soorten",
            placeholder="geen",
            select_all=False,
        )
        versus = st.multiselect(
            "Thema versus overig, per instrument of samenwerkingsvorm",
            versuskeuzes(),
            key=f"{sleutel}-versus",
            placeholder="geen",
            select_all=False,
            help="Zoals op de pagina's Instrumenteel en Samenwerkingsvorm: per gekozen thema één kaart met de "
            "gemeenten waar een project met dit instrument (of deze vorm) over dat thema gaat, en waar alleen over "
            "een ander thema.",
        )
    with rechts:
        verzekeraars = st.multiselect(
            "Projecten per zorgverzekeraar",
            vocab.VERZEKERAAR_NAMEN,
            key=f"{sleutel}-verzekeraars",
            placeholder="geen",
            select_all=False,
        )
        overzicht = st.checkbox("Alle projecten – totaal (zonder minimacontracten)", key=f"{sleutel}-overzicht")
        kernwerk = st.checkbox("Kernwerkgebieden van de zorgverzekeraars", key=f"{sleutel}-kernwerkgebied")
    kaarten = (*(["totaal"] if overzicht else []), *(["kernwerkgebied"] if kernwerk else []))
    specs = _presentatiespecs(kaarten, tuple(soorten), tuple(themas), tuple(versus), tuple(verzekeraars))
    zonder = data.zonder_projecten(specs, filters)
    leeg = [s for s in specs if s.sleutel in zonder]
    bruikbaar = tuple(s for s in specs if s.sleutel not in zonder)
    if leeg:
        st.caption(
            "Zonder projecten in deze selectie, dus niet in de presentatie: "
            + "; ".join(_omschrijving(s) for s in leeg)
        )
    st.download_button(
        f"Presentatie downloaden ({len(bruikbaar)} {'kaart' if len(bruikbaar) == 1 else 'kaarten'}, .pptx)",
        data=partial(_presentatiebestand, bruikbaar, filters, tuple(lagen)),
        file_name=_bestandsnaam("samenwerkingskaarten", filters.jaar, "pptx"),
        mime=export.MIME["pptx"],
        key=f"{sleutel}-download",
        on_click="ignore",
        type="primary",
        icon=":material/slideshow:",
        disabled=not bruikbaar,
    )


@lru_cache(maxsize=64)
def _presentatiespecs(
    kaarten: tuple[str, ...],
    soorten: tuple[str, ...],
    themas: tuple[str, ...],
    versus: tuple[str, ...],
    verzekeraars: tuple[str, ...],
) -> tuple[KaartSpec, ...]:
    """The maps of the builder's choices, in slide order; cached, as every run of the Overzicht asks for them with
    the same (default) choices."""
    specs = export.kaartspecs(kaarten, ()) if kaarten else []
    if themas and soorten:
        specs += export.kaartspecs([_PER_THEMA[s] for s in soorten], themas)
    specs += versusspecs(versus, themas)
    specs += [export.kaartspec(f"verzekeraar:{naam}") for naam in verzekeraars]
    return tuple(specs)


def _omschrijving(spec: KaartSpec) -> str:
    """A map in words, for the list of maps left out."""
    if spec.soort == "verzekeraar":
        return f"projecten {spec.label}"
    if spec.soort == "totaal":
        return f"{spec.label or 'alle projecten'} – totaal"
    if spec.soort == "versus":
        return f"{spec.label}: {spec.tweede_label} versus overig"
    thema = spec.tweede_label or "alle projecten"
    return f"{thema} – {vocab.as_voor(spec.as_code).naam.lower()}"
