"""What the map frame needs to apply the sidebar filters Inhoud and Zorgverzekeraar itself (``web/filtermodel.js``).

A change of those two filters only changes which projects count; the frame recolours the map from this model the
moment the sidebar changes, and the script run that follows sends the map the server computed, which replaces it
(the same map: ``tests/test_filtermodel.py`` holds both computations against each other for every label). The
model exists only for the total map of all projects (the Overzicht) and without other label filters or "alle"
axes, so there are a few models per revision: per boundary year, certainty switch and proposals switch.
"""

from __future__ import annotations

import pandas as pd

from classify import filters as flt
from classify import vocab, zekerheid
from kaart import kaartframe, vulling
from kaart.model import (
    GEEN_PROJECT,
    MAX_BEREIK,
    MOGELIJK,
    KaartSpec,
    bereik_per_project,
    enkele_klasse,
    mogelijke_titel,
    projecten_voor,
    weergavetitels,
)
from palet.kleuren import GEEN_PROJECT_KLEUR
from tekst import analysetekst

VELDEN: tuple[str, ...] = ("inhoud", "verzekeraars")
"""The filter fields the frame applies itself, as :class:`classify.filters.Filters` fields."""
BIJWERKEN = "Kaart van de nieuwe selectie; legenda en cijfers worden bijgewerkt…"
"""Shown on the map from the moment the frame recolours itself until the run's own map arrives: until then the
legend and the figures beside it still describe the previous selection."""
GEEN = f"{analysetekst.GEEN_PROJECTEN} De pagina wordt bijgewerkt…"
"""Shown on the map when no project counts under the new labels, until the page replaces the map by that message."""
BESTAND = "projecten"
"""The start of a model's static file name (:func:`kaart.kaartframe.inhoudsnaam`)."""


def toepasbaar(spec: KaartSpec, filters: flt.Filters) -> bool:
    """True when the frame may apply :data:`VELDEN` of ``filters`` itself on the map ``spec``: the total map
    without a label of its own (on a theme page the page's label follows the sidebar, so another map would
    follow), no "alle" axis (that combines per municipality, not per project) and no other label filter."""
    return (
        spec.soort == "totaal"
        and not spec.as_code
        and not spec.tweede_as
        and not filters.alle
        and not any(getattr(filters, veld) for veld in flt.LABELVELDEN if veld not in VELDEN)
    )


def basis(filters: flt.Filters) -> flt.Filters:
    """``filters`` without :data:`VELDEN`: the selection the model holds, the frame narrows it down."""
    return flt.met(filters, **{veld: () for veld in VELDEN})


def filtermodel(spec: KaartSpec, projecten: pd.DataFrame, koppeling: pd.DataFrame, jaar: int) -> dict:
    """The model of map ``spec`` for ``projecten`` (filtered by :func:`basis`) with their links ``koppeling``
    [project_id, gemeente_code, zekerheid] on the municipalities of boundary year ``jaar``, as plain JSON-able data.

    ``projecten`` in the order the map counts them, each {id, rang (place in project_id order: the order of the
    titles in a tooltip), inhoud and verzekeraars (lists of stored names), titel, titel_mogelijk (the title where
    the project only possibly reaches a municipality), bereik ("circa N van M gemeenten" for a ``deel`` project,
    else ``None``), zeker and mogelijk (indices of municipalities in the order of :func:`kaart.kaartframe.codes`)};
    the classes of :func:`kaart.model.kaartbeeld` for such a map (``klasse``, ``mogelijk``, ``leeg``) and, in that
    order, their fills and SVG patterns (:func:`kaart.kaartframe.vulling_en_patroon`, with ``{}`` for the number
    the fill gets in a selection).

    Raises ValueError for a map the frame cannot compute (see :func:`toepasbaar`).
    """
    if not toepasbaar(spec, flt.Filters()):
        raise ValueError(f"kaart {spec.sleutel!r}: alleen de totaalkaart van alle projecten kan in de browser filteren")
    geteld = projecten_voor(spec, projecten)
    koppeling = koppeling[koppeling["project_id"].isin(geteld["project_id"])]
    kaartframe.controleer_codes(koppeling["gemeente_code"], jaar, "de koppeling")
    positie = {code: i for i, code in enumerate(kaartframe.codes(jaar))}
    is_zeker = zekerheid.is_zeker(koppeling).to_numpy()
    gemeenten: dict[tuple[str, bool], list[int]] = {}
    for project_id, code, zeker in zip(koppeling["project_id"], koppeling["gemeente_code"], is_zeker, strict=True):
        gemeenten.setdefault((project_id, bool(zeker)), []).append(positie[code])
    bereik = bereik_per_project(geteld, koppeling)
    rang = {pid: i for i, pid in enumerate(sorted(geteld["project_id"]))}
    naam, kleur = enkele_klasse(spec)
    # Numbered as the server numbers them, by first use: "{}" stands for that number.
    vullingen = [kaartframe.vulling_en_patroon(k, "{}") for k in (kleur, vulling.MOGELIJK, GEEN_PROJECT_KLEUR)]
    return {
        "klasse": naam,
        "mogelijk": MOGELIJK,
        "leeg": GEEN_PROJECT,
        "max_bereik": MAX_BEREIK,
        "max_titels": kaartframe.MAX_TITELS,
        "vullingen": vullingen,
        "projecten": [
            {
                "id": rij.project_id,
                "rang": rang[rij.project_id],
                "inhoud": list(vocab.AS_INHOUD.namen_van(rij.inhoud)),
                "verzekeraars": list(rij.verzekeraars),
                "titel": titel,
                "titel_mogelijk": mogelijke_titel(titel, bereik.get(rij.project_id)),
                "bereik": bereik.get(rij.project_id),
                "zeker": sorted(set(gemeenten.get((rij.project_id, True), ()))),
                "mogelijk": sorted(set(gemeenten.get((rij.project_id, False), ()))),
            }
            for rij, titel in zip(geteld.itertuples(index=False), weergavetitels(geteld), strict=True)
        ],
    }
