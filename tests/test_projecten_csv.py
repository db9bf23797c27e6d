"""The shipped records: every quote is verbatim in its source document (``../shared/seeds``)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from projectdb.store import PROJECTEN_CSV

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def nz(s: str) -> str:
    """The comparison form of the quote rule: NFKC, straight quotes, collapsed whitespace, lowercase."""
    s = unicodedata.normalize("NFKC", s).replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    s = s.replace("\u201d", '"')
    return " ".join(s.split()).lower()


def test_normalisatie():
    assert nz("“Zo’n”\n  TEKST\u00a0hier") == "\"zo'n\" tekst hier"


def test_citaten_staan_letterlijk_in_de_bron():
    if not SEEDS.is_dir():
        pytest.skip(f"brondocumenten ontbreken ({SEEDS})")
    if not PROJECTEN_CSV.exists():
        pytest.skip("data/projects/projecten.csv ontbreekt")
    projecten = pd.read_csv(PROJECTEN_CSV, dtype=str, keep_default_na=False, encoding="utf-8")
    bronnen: dict[str, str] = {}
    fouten = []
    for rij in projecten.itertuples():
        bestand = SEEDS / rij.bron
        if not bestand.is_file():
            fouten.append(f"{rij.project_id}: bron {rij.bron!r} bestaat niet in {SEEDS}")
            continue
        tekst = bronnen.setdefault(rij.bron, nz(bestand.read_text(encoding="utf-8")))
        if len(rij.bron_citaat) < 40:
            fouten.append(f"{rij.project_id}: bron_citaat korter dan 40 tekens")
        for kolom in ("bron_citaat", "bouwt_voort_op_citaat", "periode_citaat"):
            for deel in delen(getattr(rij, kolom)):
                if len(deel) < 20:
                    fouten.append(f"{rij.project_id}: {kolom} heeft een deel korter dan 20 tekens: {deel!r}")
                if nz(deel) not in tekst:
                    fouten.append(f"{rij.project_id}: {kolom} niet gevonden in {rij.bron}: {deel[:60]!r}")
        if bool(rij.bouwt_voort_op) != bool(rij.bouwt_voort_op_citaat):
            fouten.append(f"{rij.project_id}: bouwt_voort_op en bouwt_voort_op_citaat horen samen gevuld of leeg")
        if bool(rij.startjaar) != bool(rij.periode_citaat):
            fouten.append(f"{rij.project_id}: startjaar en periode_citaat horen samen gevuld of leeg")
        for jaar in {rij.startjaar, rij.eindjaar} - {""}:
            if jaar not in rij.periode_citaat:
                fouten.append(f"{rij.project_id}: periode_citaat noemt {jaar} niet")
    assert not fouten, "\n".join(fouten)


def delen(citaat: str) -> list[str]:
    """The verbatim parts of a quote: an ellipsis '…' marks left-out source text between two parts."""
    return [deel.strip() for deel in citaat.split("…") if deel.strip()]


def test_citaatdelen():
    assert delen("Proces in 2015 en 2016 … ook in 2017") == ["Proces in 2015 en 2016", "ook in 2017"]
    assert delen("") == []


def test_perioden_van_de_meegeleverde_projecten():
    projecten = pd.read_csv(PROJECTEN_CSV, dtype=str, keep_default_na=False, encoding="utf-8").set_index("project_id")
    met = projecten[projecten["startjaar"] != ""]
    assert {pid: (r.startjaar, r.eindjaar) for pid, r in met.iterrows()} == {
        "P001": ("2015", "2017"), "P002": ("2018", "2018"), "P003": ("2017", "2019"), "P014": ("2018", "2018"),
        "P051": ("2016", "2016"), "P052": ("2017", "2017"),
    }
