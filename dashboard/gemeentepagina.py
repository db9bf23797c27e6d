"""The profile of one gemeente (``?gemeente=GM0518``): where it lies, which projects reach it and how, its
leerlijnen, and how it compares with the other gemeenten of its Wmo-regio.

Every count comes from the same computed map as the Overzicht (:func:`dashboard.data.kaartbeeld` of the total map
without minima contracts) under the filters in the URL, so the profile and the map always agree. How each project
reaches the gemeente is :func:`projectdb.bereik.hoe_bereikt`, the rule behind the map's zeker and mogelijk.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from classify import filters as flt
from classify import leerlijnen, precisie
from dashboard import data, gemeentezoeker, projectweergave, url
from dashboard.projectweergave import md
from geo import geodata
from kaart.model import KaartSpec, alleen_minima
from projectdb import bereik
from tekst import analysetekst, selectietekst

KAART = KaartSpec("totaal", zonder_minima=True)
"""The map whose counts the profile repeats: the Overzicht's total map without minima contracts."""

GROEPEN: tuple[tuple[str, str, str], ...] = (
    (bereik.GENOEMD, "Genoemd voor deze gemeente", "De bron noemt de gemeente zelf."),
    (
        bereik.GEBIED,
        "Via de Wmo-regio of een ander heel gebied",
        "Het project loopt in het hele gebied (Wmo-regio, provincie of kernwerkgebied) waarin de gemeente ligt.",
    ),
    (
        precisie.MOGELIJK,
        "Mogelijk",
        "De bron zegt dat het project in een deel van het gebied loopt, niet in welke gemeenten: deze gemeente kan "
        "erbij zijn, maar dat staat niet vast. Ze telt niet als zeker.",
    ),
)


def _gemeenterij(code: str, jaar: int) -> pd.Series:
    return geodata.gemeenten(jaar).set_index("gemeente_code").loc[code]


def ligging(code: str, jaar: int) -> list[tuple[str, str]]:
    """(label, Dutch text) per fact about where gemeente ``code`` of ``jaar`` lies: provincie, Wmo-regio,
    zorgkantoorregio and kernwerkgebied, the last marked as an approximation with its reason from the data."""
    rij = _gemeenterij(code, jaar)
    zorgkantoor = geodata.zorgkantoorregios(jaar).set_index("zorgkantoorregio_code").loc[rij.zorgkantoorregio_code]
    kernwerkgebied = (
        f"{rij.kernwerkgebied} – benadering: {rij.kernwerkgebied} is concessiehouder van zorgkantoorregio "
        f"{rij.zorgkantoorregio} (zekerheid {zorgkantoor.zekerheid}; bron: {zorgkantoor.bron}). Het rapport bedoelt "
        "de regio waar de verzekeraar het grootste marktaandeel heeft; marktaandelen per gemeente zijn niet openbaar."
        if rij.kernwerkgebied
        else "geen (benadering: de zorgkantoorregio heeft geen concessiehouder in de gegevens)"
    )
    return [
        ("Provincie", str(rij.provincie_naam)),
        ("Wmo-regio", f"{rij.wmo_regio} ({rij.wmo_code})"),
        ("Zorgkantoorregio", f"{rij.zorgkantoorregio} ({rij.zorgkantoorregio_code})"),
        ("Kernwerkgebied", kernwerkgebied),
    ]


def projectgroepen(code: str, filters: flt.Filters) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """The projects of :data:`KAART` under ``filters`` that reach gemeente ``code``, per way of reaching it
    (:data:`GROEPEN` order): project_id with the gebied tokens that reach it, in project order."""
    projecten = data.selectie(filters, KAART).set_index("project_id", drop=False)
    rij = _kaartrij(code, filters)
    ids = rij.project_ids if rij is not None else ()
    groepen: dict[str, list[tuple[str, tuple[str, ...]]]] = {soort: [] for soort, _, _ in GROEPEN}
    for project_id in sorted(ids):
        soort, tokens = bereik.hoe_bereikt(projecten.loc[project_id].to_dict(), code, filters.jaar)
        groepen[soort].append((project_id, tokens))
    return groepen


def _kaartrij(code: str, filters: flt.Filters) -> pd.Series | None:
    """The row of gemeente ``code`` on the :data:`KAART` map under ``filters``; ``None`` when it counts no project."""
    kaartbeeld = data.kaartbeeld(KAART, filters)
    return None if kaartbeeld is None else kaartbeeld.gemeenten.set_index("gemeente_code").loc[code]


def aantallen(code: str, filters: flt.Filters) -> tuple[int, int]:
    """(zeker, mogelijk): the counts of gemeente ``code`` on the Overzicht map under ``filters`` (0, 0 without
    projects)."""
    rij = _kaartrij(code, filters)
    return (0, 0) if rij is None else (int(rij.aantal_projecten), int(rij.aantal_mogelijk))


def regiovergelijking(code: str, filters: flt.Filters) -> pd.DataFrame:
    """Every gemeente of the Wmo-regio of ``code`` with its counts on the Overzicht map: DataFrame [Gemeente,
    Code, Zeker, Mogelijk], most certain projects first."""
    wmo_code = _gemeenterij(code, filters.jaar).wmo_code
    leden = sorted(geodata.wmo_leden(filters.jaar)[wmo_code])
    kaartbeeld = data.kaartbeeld(KAART, filters)
    if kaartbeeld is None:
        tellingen = pd.DataFrame({"aantal_projecten": 0, "aantal_mogelijk": 0}, index=leden)
    else:
        tellingen = kaartbeeld.gemeenten.set_index("gemeente_code").loc[leden]
    namen = geodata.gemeenten(filters.jaar).set_index("gemeente_code").loc[leden, "gemeente_naam"]
    tabel = pd.DataFrame(
        {
            "Gemeente": [f"{naam} (deze gemeente)" if c == code else naam for c, naam in namen.items()],
            "Code": leden,
            "Zeker": tellingen["aantal_projecten"].astype(int).to_numpy(),
            "Mogelijk": tellingen["aantal_mogelijk"].astype(int).to_numpy(),
        }
    )
    return tabel.sort_values(["Zeker", "Mogelijk", "Gemeente"], ascending=[False, False, True], ignore_index=True)


_GEBIEDSSOORTEN = {"wmo": "Wmo-regio", "provincie": "provincie", "kernwerkgebied": "kernwerkgebied"}


def _gebiedsnaam(token: str) -> str:
    """A gebied token as a reader says it: "de gemeente zelf (GM0518)", "Wmo-regio Drenthe", "provincie Fryslân"."""
    if token.upper().startswith("GM"):
        return f"de gemeente zelf ({token.upper()})"
    soort, _, naam = token.partition(":")
    return f"{_GEBIEDSSOORTEN.get(soort.strip().lower(), soort.strip())} {naam.strip()}"


def _projectregels(groep: list[tuple[str, tuple[str, ...]]]) -> str:
    """One linked list item per project, with the gebied tokens through which it reaches the gemeente."""
    alle = data.projecten().set_index("project_id", drop=False)
    return "\n".join(
        f"{projectweergave.linkregel(alle.loc[project_id])} — gebied: {md('; '.join(map(_gebiedsnaam, tokens)))}"
        for project_id, tokens in groep
    )


def toon(filters: flt.Filters) -> None:
    """The profile page for the gemeente in the URL, with the search box to pick another one."""
    st.title("Gemeenteprofiel")
    gevonden = gemeentezoeker.zoekveld(filters.jaar, kaartpagina=False)
    # An empty selection is said where the projects would be listed, not above the search box.
    leeg = data.gefilterd(filters).empty
    if gevonden is None:
        gevraagd = st.query_params.get(url.GEMEENTE, "")
        if gevraagd:
            st.warning(
                f"Geen gemeente gevonden voor ‘{md(gevraagd)}’ in de indeling {filters.jaar}. Zoek hierboven op naam "
                "of CBS-code."
            )
        else:
            st.info("Zoek hierboven een gemeente op naam of CBS-code om haar profiel te zien.")
        if leeg:
            st.info(analysetekst.GEEN_PROJECTEN)
        return
    code = gevonden.code
    st.header(f"{gevonden.naam} ({code})")
    st.caption(f"Indeling {filters.jaar}; selectie: {selectietekst.beschrijving(filters)}.")
    st.markdown("\n".join(f"- **{label}:** {md(tekst)}" for label, tekst in ligging(code, filters.jaar)))

    st.subheader("Projecten")
    if leeg:
        st.info(analysetekst.GEEN_PROJECTEN)
    else:
        _projecten(code, filters)

    st.subheader("Leerlijnen")
    _leerlijnen(code, filters)

    st.subheader(f"Vergelijking met de andere gemeenten van de Wmo-regio {_gemeenterij(code, filters.jaar).wmo_regio}")
    st.caption("Aantal projecten per gemeente op de kaart van het Overzicht, zeker en mogelijk.")
    st.dataframe(regiovergelijking(code, filters), hide_index=True)


def _projecten(code: str, filters: flt.Filters) -> None:
    """The gemeente's count on the Overzicht map, its projects per group and the minima contracts beside them."""
    zeker, mogelijk = aantallen(code, filters)
    telling = gemeentezoeker.aantallen_tekst(zeker, mogelijk)
    st.markdown(f"Op de kaart van het Overzicht (zonder minimacontracten): **{telling}**.")
    for (_soort, titel, uitleg), groep in zip(GROEPEN, projectgroepen(code, filters).values(), strict=True):
        st.markdown(f"**{titel}** ({len(groep)})")
        st.caption(uitleg)
        if groep:
            st.markdown(_projectregels(groep))
    _minimacontracten(code, filters)


def _minimacontracten(code: str, filters: flt.Filters) -> None:
    """The minima contracts reaching the gemeente: the Overzicht map leaves them out, as the report does."""
    gekozen = data.gefilterd(filters)
    minima = set(gekozen.loc[alleen_minima(gekozen), "project_id"])
    koppeling = data.koppeling_voor(filters)
    ids = sorted(minima & set(koppeling.loc[koppeling["gemeente_code"] == code, "project_id"]))
    if ids:
        st.caption(
            f"Daarnaast {len(ids)} {'minimacontract' if len(ids) == 1 else 'minimacontracten'} (Collectieve zorg "
            f"minima), die de kaart niet telt: {', '.join(ids)}."
        )


def _leerlijnen(code: str, filters: flt.Filters) -> None:
    groepen = projectgroepen(code, filters)
    ids = [project_id for groep in groepen.values() for project_id, _ in groep]
    ketens = leerlijnen.ketens_met(data.leerlijnketens(), ids)
    if not ketens:
        st.caption("Geen van de projecten van deze gemeente bouwt voort op een ander project of krijgt een vervolg.")
        return
    titels = data.projecten().set_index("project_id")["titel"]
    st.markdown(
        "\n".join(
            "- "
            + " → ".join(
                f"{md(str(titels.get(pid, pid)))} ({pid}, {md(fase)})"
                for pid, fase in zip(keten.project_ids, keten.fasen, strict=True)
            )
            for keten in ketens
        )
    )
