"""The columns of a project record and how analysts' headers map onto them.

The column order is the order of ``data/projects/projecten.csv``. Headers in import files are matched with
:func:`classify.vocab.sleutel` (case-, accent-, punctuation- and space-insensitive), so ``Project ID``,
``project_id`` and ``PROJECT-ID`` are the same header; each column also has Dutch aliases.
"""

from __future__ import annotations

from classify import vocab

KOLOMMEN: tuple[str, ...] = (
    "project_id",
    "titel",
    "omschrijving",
    "verzekeraars",
    "gebied",
    "indeling_jaar",
    "startjaar",
    "eindjaar",
    "inhoud",
    "instrumenten",
    "intensiteit",
    "geografie",
    "partners",
    "bron",
    "bron_citaat",
    "toelichting_labels",
    "bouwt_voort_op",
    "bouwt_voort_op_citaat",
    "periode_citaat",
    "gebied_precisie",
    "aantal_gemeenten_bron",
    "precisie_citaat",
    "verzekeraar_herkomst",
    "bron_id",
    "leverancier",
    "status",
)
"""Columns of a project record, in file order. ``projecten.csv`` holds all but the intake columns (``bron_id``,
``leverancier``, ``status``): those are optional in every input and belong to imported lists (see
:mod:`projectdb.intake`)."""

ALLEEN_EXPORT: tuple[str, ...] = ("bronvermelding",)
"""Derived columns written after :data:`KOLOMMEN` on export and ignored on import (so an export imports
unchanged)."""

MEERVOUDIG: frozenset[str] = frozenset({"verzekeraars", "instrumenten", "partners", "bouwt_voort_op"})
"""Columns holding several values (';'-separated in files, tuples of str in frames)."""

VERPLICHT: tuple[str, ...] = (
    "titel",
    "verzekeraars",
    "gebied",
    "indeling_jaar",
    "inhoud",
    "instrumenten",
    "intensiteit",
)
"""Columns an import file must have; the others may be absent (empty, or derived as geografie is; a missing
project_id is assigned on import)."""

KOPTEKST: dict[str, str] = {
    "project_id": "Project ID",
    "titel": "Titel",
    "omschrijving": "Omschrijving",
    "verzekeraars": "Verzekeraar(s)",
    "gebied": "Gemeente(n)/gebied",
    "indeling_jaar": "Indelingsjaar",
    "startjaar": "Startjaar",
    "eindjaar": "Eindjaar",
    "inhoud": "Inhoud",
    "instrumenten": "Instrument(en)",
    "intensiteit": "Samenwerkingsvorm",
    "geografie": "Geografie",
    "partners": "Partners",
    "bron": "Bron",
    "bron_citaat": "Citaat uit de bron",
    "toelichting_labels": "Toelichting labels",
    "bouwt_voort_op": "Bouwt voort op",
    "bouwt_voort_op_citaat": "Citaat bouwt voort op",
    "periode_citaat": "Citaat periode",
    "gebied_precisie": "Gebied volledig of deel",
    "aantal_gemeenten_bron": "Aantal gemeenten volgens bron",
    "precisie_citaat": "Citaat gebied",
    "verzekeraar_herkomst": "Herkomst verzekeraar",
    "bron_id": "Eigen referentie",
    "leverancier": "Aangeleverd door",
    "status": "Status",
}
"""Dutch headers of the import template (each is also accepted on import)."""

_ALIASSEN: dict[str, tuple[str, ...]] = {
    "project_id": ("id", "projectnummer", "projectnr", "nummer", "projectcode", "project-id", "nr", "volgnummer"),
    "titel": ("naam", "projectnaam", "project", "titel project"),
    "omschrijving": ("beschrijving", "samenvatting", "projectomschrijving"),
    "verzekeraars": ("verzekeraar", "zorgverzekeraar", "zorgverzekeraar(s)", "zorgverzekeraars"),
    "gebied": ("gemeente", "gemeenten", "gemeente(n)", "gemeente(n) / gebied", "regio", "werkgebied", "gebieden"),
    "indeling_jaar": ("jaar", "indeling jaar", "grensjaar", "gemeentelijke indeling"),
    "startjaar": ("beginjaar", "start", "vanaf", "jaar van start", "looptijd vanaf"),
    "eindjaar": ("einde", "tot en met", "looptijd tot", "laatste jaar"),
    "inhoud": (vocab.AS_INHOUD.naam, "thema", "inhoudelijk thema"),
    "instrumenten": (vocab.AS_INSTRUMENT.naam, "instrument", "instrument(en)"),
    "intensiteit": (vocab.AS_INTENSITEIT.naam, "samenwerkingsvorm"),
    "geografie": (vocab.AS_GEOGRAFIE.naam, "geografische schaal", "schaal"),
    "partners": ("partner", "partner(s)", "overige partners", "betrokken partijen"),
    "bron": ("brondocument", "bronbestand", "document"),
    "bron_citaat": ("citaat", "bron citaat", "brontekst", "citaat bron"),
    "toelichting_labels": ("toelichting", "toelichting op de labels", "motivering labels"),
    "bouwt_voort_op": ("voortbouwend op", "vervolg op", "bouwt voort op project"),
    "bouwt_voort_op_citaat": ("citaat bouwt voort op", "bouwt voort op (citaat)", "citaat vervolg"),
    "periode_citaat": ("citaat looptijd", "citaat jaar", "periode (citaat)"),
    "gebied_precisie": ("precisie gebied", "gebied precisie", "precisie", "volledig of deel"),
    "aantal_gemeenten_bron": ("aantal gemeenten", "aantal gemeenten bron", "aantal volgens bron"),
    "precisie_citaat": ("citaat precisie", "citaat gebied (precisie)", "citaat deel van het gebied"),
    "verzekeraar_herkomst": ("herkomst verzekeraar", "verzekeraar herkomst", "herkomst"),
    "bron_id": (
        "bron id",
        "eigen id",
        "eigen nummer",
        "eigen kenmerk",
        "kenmerk",
        "referentie",
        "dossiernummer",
        "projectreferentie",
        "ons kenmerk",
    ),
    "leverancier": ("aangeleverd", "aanleverende partij", "ingediend door", "bronhouder"),
    "status": ("beoordeling", "projectstatus"),
}

_INDEX: dict[str, str] = {}
for _kolom in KOLOMMEN:
    for _vorm in (_kolom, KOPTEKST[_kolom], *_ALIASSEN[_kolom]):
        if _INDEX.setdefault(vocab.sleutel(_vorm), _kolom) != _kolom:
            raise ValueError(f"kop {_vorm!r} hoort bij twee kolommen")


def kolom_voor_kop(kop: str) -> str | None:
    """The column a header names (``'Samenwerkingsvorm'`` -> ``'intensiteit'``), or None when unknown."""
    return _INDEX.get(vocab.sleutel(kop))
