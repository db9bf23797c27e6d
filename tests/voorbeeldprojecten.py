"""Small, fixed project records for the projectdb tests, and helpers to write them as import files."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from openpyxl import Workbook

from projectdb.kolommen import KOLOMMEN

CITAAT = "Dit citaat is lang genoeg om een project te onderbouwen in de tests."
PERIODE_CITAAT = "Het project liep van 2015 tot en met 2016 in twee gemeenten."
_GEEN_PERIODE = {"startjaar": "", "eindjaar": "", "periode_citaat": ""}

VOORBEELD: list[dict[str, str]] = [
    {
        "project_id": "P001",
        "titel": "Werkwijze 18-/18+ Groningen en Oldambt",
        "omschrijving": "Ontwikkeling.",
        "verzekeraars": "Menzis",
        "gebied": "GM0014;GM1895",
        "indeling_jaar": "2017",
        "inhoud": "Jeugd 18-/18+",
        "instrumenten": "Werkwijze",
        "intensiteit": "Ontwikkelproject",
        "geografie": "Gemeentelijk",
        "partners": "wijkteams;huisartsen",
        "bron": "002_4672d5e83c675345.txt",
        "bron_citaat": CITAAT,
        "toelichting_labels": "Volgens de definities.",
        "bouwt_voort_op": "",
        "bouwt_voort_op_citaat": "",
        "startjaar": "2015",
        "eindjaar": "2016",
        "periode_citaat": PERIODE_CITAAT,
    },
    {
        "project_id": "P002",
        "titel": "Doorontwikkeling in FoodValley",
        "omschrijving": "Verder aangepast.",
        "verzekeraars": "Menzis",
        "gebied": "wmo:FoodValley",
        "indeling_jaar": "2017",
        "inhoud": "Jeugd 18-/18+",
        "instrumenten": "Werkwijze",
        "intensiteit": "Doorontwikkelen",
        "geografie": "Regionaal",
        "partners": "",
        "bron": "002_4672d5e83c675345.txt",
        "bron_citaat": CITAAT,
        "toelichting_labels": "",
        "bouwt_voort_op": "P001",
        "bouwt_voort_op_citaat": CITAAT,
        **_GEEN_PERIODE,
    },
    {
        "project_id": "P003",
        "titel": "Convenant kernwerkgebied",
        "omschrijving": "",
        "verzekeraars": "Zilveren Kruis",
        "gebied": "kernwerkgebied:Zilveren Kruis",
        "indeling_jaar": "2017",
        "inhoud": "Anders",
        "instrumenten": "Beleid;Samenwerkingsdocument",
        "intensiteit": "Samenwerkingsafspraken",
        "geografie": "Bovenregionaal",
        "partners": "",
        "bron": "000_f140bac0d450b2f3.txt",
        "bron_citaat": CITAAT,
        "toelichting_labels": "",
        "bouwt_voort_op": "",
        "bouwt_voort_op_citaat": "",
        **_GEEN_PERIODE,
    },
    {
        "project_id": "P004",
        "titel": "Implementatie in Zuid-Limburg en West-Brabant",
        "omschrijving": "Overgenomen.",
        "verzekeraars": "VGZ;CZ",
        "gebied": "wmo:Zuid-Limburg;wmo:West-Brabant",
        "indeling_jaar": "2017",
        "inhoud": "GGZ",
        "instrumenten": "Werkwijze;Inkoop",
        "intensiteit": "Implementatie",
        "geografie": "Bovenregionaal",
        "partners": "GGZ-instellingen",
        "bron": "002_4672d5e83c675345.txt",
        "bron_citaat": CITAAT,
        "toelichting_labels": "",
        "bouwt_voort_op": "P002",
        "bouwt_voort_op_citaat": CITAAT,
        **_GEEN_PERIODE,
    },
]
"""Four valid records in the CSV format (P002 builds on P001, P004 on P002; P001 ran 2015-2016)."""
_GEEN_PRECISIE = dict.fromkeys(
    ("gebied_precisie", "aantal_gemeenten_bron", "precisie_citaat", "verzekeraar_herkomst"), ""
)
"""Empty precision and provenance cells: the defaults volledig and bron."""
for _record in VOORBEELD:
    _record.update(_GEEN_PRECISIE)


def rij(**velden: str) -> dict[str, str]:
    """A valid new record (P100 in Rotterdam) with ``velden`` replaced."""
    basis = {
        **VOORBEELD[0],
        "project_id": "P100",
        "titel": "Nieuw project",
        "gebied": "Rotterdam",
        "geografie": "",
        "partners": "",
        "bron_id": "",
        "leverancier": "",
        "status": "",
        **_GEEN_PERIODE,
    }
    return {**basis, **velden}


def schrijf_csv(
    pad: Path,
    rijen: list[dict[str, str]],
    koppen: dict[str, str] | None = None,
    scheidingsteken: str = ",",
    codering: str = "utf-8",
) -> Path:
    """Write ``rijen`` as CSV with headers ``koppen`` (column -> header; default the column names)."""
    koppen = koppen or {k: k for k in KOLOMMEN}
    with pad.open("w", encoding=codering, newline="") as uit:
        schrijver = csv.writer(uit, delimiter=scheidingsteken)
        schrijver.writerow(koppen.values())
        for r in rijen:
            schrijver.writerow([r.get(k, "") for k in koppen])
    return pad


_JAARKOLOMMEN = ("indeling_jaar", "startjaar", "eindjaar")


def schrijf_xlsx(
    pad: Path,
    rijen: list[dict[str, str]],
    koppen: dict[str, str] | None = None,
    blad: str = "projecten",
    voorblad: bool = False,
) -> Path:
    """Write ``rijen`` as XLSX (years as numbers, as Excel stores them); optionally after another sheet."""
    koppen = koppen or {k: k for k in KOLOMMEN}
    boek = Workbook()
    if voorblad:
        boek.active.title = "toelichting"
        boek.active.append(["Dit blad is geen data"])
        werkblad = boek.create_sheet(blad)
    else:
        werkblad = boek.active
        werkblad.title = blad
    werkblad.append(list(koppen.values()))
    for r in rijen:
        werkblad.append(
            [int(r[k]) if k in _JAARKOLOMMEN and re.fullmatch("[0-9]+", r.get(k, "")) else r.get(k, "") for k in koppen]
        )
    boek.save(pad)
    return pad
