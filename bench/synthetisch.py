"""SYNTHETIC project sets for the scale and memory benchmarks: random, reproducible, and marked as such.

Nothing here is data. Every project's titel starts with "SYNTHETISCH" and its bron is "SYNTHETISCH"; in-memory
sets use project_ids "SYN0000001", ...; rows for the importer use "P9000001", ... because the importer accepts only
'P' followed by digits. Sets are only ever written to temporary folders, never to ``data/`` or the default store.
Labels are drawn uniformly from the vocabulary; each project covers one to three municipalities of 2017 (70 %),
one whole Wmo-region (20 %) or two Wmo-regions (10 %).
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd

from classify import vocab
from classify.geografie import geografie_per_project
from geo import geodata
from projectdb.kolommen import KOLOMMEN

ZAAD = 20171
JAAR = 2017
EERSTE_IMPORT_ID = 9_000_001
CITAAT = "SYNTHETISCH: gegenereerd voor een prestatiemeting, geen echt project en geen bron."


def _instrumentsets() -> np.ndarray:
    """Every set of one to three instruments, as tuples in canonical order."""
    namen = vocab.AS_INSTRUMENT.namen
    sets = [tuple(n for i, n in enumerate(namen) if m >> i & 1) for m in range(1, 1 << len(namen))]
    uit = np.empty(sum(len(s) <= 3 for s in sets), dtype=object)
    uit[:] = [s for s in sets if len(s) <= 3]
    return uit


def _verzekeraarsets() -> np.ndarray:
    namen = vocab.VERZEKERAAR_NAMEN
    sets = [(a,) for a in namen] + [(a, b) for i, a in enumerate(namen) for b in namen[i + 1 :]]
    uit = np.empty(len(sets), dtype=object)
    uit[:] = sets
    return uit


def _gebieden(rng: np.random.Generator, aantal: int) -> tuple[list[str], list[tuple[str, ...]]]:
    """Per project: the gebied cell (tokens) and the municipality codes it covers (2017)."""
    gemeenten = geodata.gemeenten(JAAR)
    codes = gemeenten["gemeente_code"].to_numpy()
    leden = geodata.wmo_leden(JAAR)
    regio_s = sorted(leden)
    regionaam = dict(zip(gemeenten["wmo_code"], gemeenten["wmo_regio"], strict=True))
    soort = rng.random(aantal)
    tokens: list[str] = []
    gedekt: list[tuple[str, ...]] = []
    for s in soort:
        if s < 0.7:
            gekozen = tuple(sorted(rng.choice(codes, int(rng.integers(1, 4)), replace=False)))
            tokens.append(";".join(gekozen))
            gedekt.append(gekozen)
        else:
            gekozen_regio_s = rng.choice(regio_s, 1 if s < 0.9 else 2, replace=False)
            tokens.append(";".join(f"wmo:{regionaam[r]}" for r in gekozen_regio_s))
            gedekt.append(tuple(sorted(c for r in gekozen_regio_s for c in leden[r])))
    return tokens, gedekt


def projecten(aantal: int, zaad: int = ZAAD) -> tuple[pd.DataFrame, pd.DataFrame]:
    """SYNTHETIC interchange frames (projecten, koppeling) of ``aantal`` projects on the municipalities of 2017.

    ``projecten``: project_id, titel, verzekeraars, inhoud, instrumenten, intensiteit, indeling_jaar;
    ``koppeling``: [project_id, gemeente_code]. Each project links to one to three random municipalities, so
    aggregation cost grows with ``aantal`` alone (region-wide projects are left to :func:`importrijen`).
    """
    rng = np.random.default_rng(zaad)
    verzekeraars = _verzekeraarsets()
    nummers = np.arange(1, aantal + 1)
    ids = np.array([f"SYN{n:07d}" for n in nummers], dtype=object)
    frame = pd.DataFrame(
        {
            "project_id": ids,
            "titel": np.array([f"SYNTHETISCH project {n}" for n in nummers], dtype=object),
            "verzekeraars": verzekeraars[rng.integers(0, len(verzekeraars), aantal)],
            "inhoud": np.array(vocab.AS_INHOUD.namen, dtype=object)[
                rng.integers(0, len(vocab.AS_INHOUD.namen), aantal)
            ],
            "instrumenten": _instrumentsets()[rng.integers(0, len(_instrumentsets()), aantal)],
            "intensiteit": np.array(vocab.AS_INTENSITEIT.namen, dtype=object)[
                rng.integers(0, len(vocab.AS_INTENSITEIT.namen), aantal)
            ],
            "indeling_jaar": JAAR,
        }
    )
    per_project = rng.integers(1, 4, aantal)
    codes = geodata.gemeenten(JAAR)["gemeente_code"].to_numpy(dtype=object)
    koppeling = pd.DataFrame(
        {
            "project_id": np.repeat(ids, per_project),
            "gemeente_code": codes[rng.integers(0, len(codes), int(per_project.sum()))],
        }
    )
    return frame, koppeling


def importrijen(aantal: int, zaad: int = ZAAD) -> list[dict[str, str]]:
    """``aantal`` SYNTHETIC rows for the importer (column -> cell text, as in projecten.csv), ids from
    P9000001, with the geografie the importer derives from the gebied (so it reports no difference)."""
    rng = np.random.default_rng(zaad)
    tokens, gedekt = _gebieden(rng, aantal)
    ids = [f"P{EERSTE_IMPORT_ID + i}" for i in range(aantal)]
    koppeling = pd.DataFrame(
        [(pid, c) for pid, codes in zip(ids, gedekt, strict=True) for c in codes],
        columns=["project_id", "gemeente_code"],
    )
    geografie = geografie_per_project(koppeling, geodata.wmo_indeling(JAAR), ids)
    verzekeraarsets = _verzekeraarsets()
    verzekeraars = verzekeraarsets[rng.integers(0, len(verzekeraarsets), aantal)]
    instrumenten = _instrumentsets()[rng.integers(0, len(_instrumentsets()), aantal)]
    inhoud = rng.integers(0, len(vocab.AS_INHOUD.namen), aantal)
    intensiteit = rng.integers(0, len(vocab.AS_INTENSITEIT.namen), aantal)
    rijen = []
    for i, pid in enumerate(ids):
        rijen.append(
            {
                "project_id": pid,
                "titel": f"SYNTHETISCH project {i + 1}",
                "omschrijving": "Synthetisch project voor een prestatiemeting.",
                "verzekeraars": ";".join(verzekeraars[i]),
                "gebied": tokens[i],
                "indeling_jaar": str(JAAR),
                "inhoud": vocab.AS_INHOUD.namen[inhoud[i]],
                "instrumenten": ";".join(instrumenten[i]),
                "intensiteit": vocab.AS_INTENSITEIT.namen[intensiteit[i]],
                "geografie": geografie[pid],
                "partners": "",
                "bron": "SYNTHETISCH",
                "bron_citaat": CITAAT,
                "toelichting_labels": "",
                "bouwt_voort_op": "",
                "bouwt_voort_op_citaat": "",
            }
        )
    return rijen


def schrijf_csv(pad: Path, rijen: list[dict[str, str]]) -> Path:
    """Write ``rijen`` as a projecten.csv-style file (UTF-8, ',' delimiter, header in column order)."""
    with open(pad, "w", newline="", encoding="utf-8") as bestand:
        schrijver = csv.DictWriter(bestand, fieldnames=KOLOMMEN)
        schrijver.writeheader()
        schrijver.writerows(rijen)
    return Path(pad)
