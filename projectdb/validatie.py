"""Validation of a whole input (file, database or edit): rows, duplicates, the store, geografie and lineage.

Row-level normalisation is :func:`projectdb.record.normaliseer_rij`; this module adds what needs all rows:
duplicate project_ids, ids that already exist in the store (allowed only when updating), the geografie derived
from each gebied (:mod:`classify.geografie`, on the Wmo-regions of the project's own ``indeling_jaar``) and the
lineage checks of :mod:`projectdb.voortbouwen`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from classify.geografie import geografie_per_project
from geo import geodata
from projectdb import gebied, voortbouwen
from projectdb.meldingen import Rapport
from projectdb.record import normaliseer_rij


def valideer(
    rijen: Sequence[Mapping[str, object]],
    rapport: Rapport,
    bestaande: Mapping[str, Mapping] | None = None,
    update: bool = False,
    regels: Sequence[int | str | None] | None = None,
) -> list[dict]:
    """Normalised records for ``rijen``; every problem goes into ``rapport`` (the caller checks its errors).

    ``bestaande``: project_id -> record already in the store; an id from ``rijen`` that is there is an error
    unless ``update``. ``regels``: the row number of each row (default 2, 3, ...: header = row 1). An empty
    geografie is filled with the derived label (with a warning); a different one is kept (with a warning).
    """
    bestaande = bestaande or {}
    regels = list(regels) if regels is not None else list(range(2, 2 + len(rijen)))
    goed: list[tuple[int | str | None, dict]] = []
    eerste: dict[str, int | str | None] = {}
    for ruw, regel in zip(rijen, regels, strict=True):
        record, pid = normaliseer_rij(ruw, regel, rapport)
        if pid is None:
            continue
        if pid in eerste:
            waar = f" (ook op regel {eerste[pid]})" if isinstance(eerste[pid], int) else ""
            rapport.fout(f"project_id {pid} komt dubbel voor{waar}", regel, "project_id")
            continue
        eerste[pid] = regel
        if pid in bestaande and not update:
            rapport.fout(
                f"project {pid} bestaat al in de database; gebruik --update om het bij te werken", regel, "project_id"
            )
        if record is not None:
            goed.append((regel, record))
    _leid_geografie_af(goed, rapport)
    nieuw = {record["project_id"]: record for _, record in goed}
    voortbouwen.controleer(
        {**bestaande, **nieuw},
        {r["project_id"]: regel for regel, r in goed},
        rapport,
        onvolledig=set(eerste) - set(nieuw),
    )
    return [record for _, record in goed]


def _leid_geografie_af(goed: list[tuple[int | str | None, dict]], rapport: Rapport) -> None:
    """Compare (or fill) each record's geografie with the label derived from its gebied."""
    for jaar in geodata.JAREN:
        deel = [(str(i), regel, record) for i, (regel, record) in enumerate(goed) if record["indeling_jaar"] == jaar]
        if not deel:
            continue
        codes = {sleutel: gebied.gemeenten_van_gebied(record["gebied"], jaar) for sleutel, _, record in deel}
        koppeling = pd.DataFrame(
            [(s, c) for s, cs in codes.items() for c in cs], columns=["project_id", "gemeente_code"]
        )
        lidmaatschap = geodata.wmo_indeling(jaar)
        afgeleid = geografie_per_project(koppeling, lidmaatschap, [s for s, _, _ in deel])
        for sleutel, regel, record in deel:
            label = afgeleid[sleutel]
            regios = len({lidmaatschap[c] for c in codes[sleutel]})
            uitleg = f"{len(codes[sleutel])} gemeenten in {regios} Wmo-regio('s) van {jaar}"
            if not record["geografie"]:
                record["geografie"] = label
                rapport.waarschuwing(f"geografie leeg; afgeleid uit gebied: {label} ({uitleg})", regel, "geografie")
            elif record["geografie"] != label:
                rapport.waarschuwing(
                    f"geografie {record['geografie']!r} wijkt af van de afleiding uit gebied: {label!r} ({uitleg})",
                    regel,
                    "geografie",
                )
