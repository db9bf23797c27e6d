"""The table behind a map: one row per municipality with projects, the same facts the map colours.

One function builds it from a :class:`kaart.model.Kaartbeeld` for every place that shows or writes it: the table
and legend beside the interactive map, its CSV/XLSX download, the command line export and the notes of a PPTX map
slide. Counts are numbers of projects; no geometry is involved.
"""

from __future__ import annotations

import pandas as pd

from kaart.model import Kaartbeeld

KOLOMMEN: tuple[str, ...] = (
    "Gemeente",
    "Gemeentecode",
    "Wmo-regio",
    "Klasse",
    "Projecten zeker",
    "Projecten mogelijk",
    "Project-ids",
)
"""Column headers of the table, as shown and exported."""


def kaarttabel(kaartbeeld: Kaartbeeld, klasse: str | None = None) -> pd.DataFrame:
    """Per municipality with a certain or possible project: name, CBS code, Wmo-region, class on the map, number of
    projects certainly and possibly there (through an area the source says the project covers in part) and their
    ids (certain first, comma-separated); sorted by name. ``klasse`` keeps only that legend class; its
    municipalities without a project (the empty class) are listed too when it is asked for."""
    gemeenten = kaartbeeld.gemeenten
    if klasse is None:
        gemeenten = gemeenten[(gemeenten["aantal_projecten"] > 0) | (gemeenten["aantal_mogelijk"] > 0)]
    else:
        gemeenten = gemeenten[gemeenten["klasse"] == klasse]
    gemeenten = gemeenten.sort_values(["gemeente_naam", "gemeente_code"])
    return pd.DataFrame(
        {
            "Gemeente": gemeenten["gemeente_naam"].astype(str).to_list(),
            "Gemeentecode": gemeenten["gemeente_code"].astype(str).to_list(),
            "Wmo-regio": gemeenten["wmo_regio"].fillna("").astype(str).to_list(),
            "Klasse": gemeenten["klasse"].astype(str).to_list(),
            "Projecten zeker": gemeenten["aantal_projecten"].astype(int).to_list(),
            "Projecten mogelijk": gemeenten["aantal_mogelijk"].astype(int).to_list(),
            "Project-ids": [", ".join(ids) for ids in gemeenten["project_ids"]],
        },
        columns=list(KOLOMMEN),
    )


def projecten_in(tabel: pd.DataFrame) -> list[str]:
    """The project ids of a :func:`kaarttabel`, each once, in order of first appearance."""
    ids = (pid for tekst in tabel["Project-ids"] for pid in tekst.split(", ") if pid)
    return list(dict.fromkeys(ids))
