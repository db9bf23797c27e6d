"""The figures in the README section "Over de gegevens" match the shipped data, and the app's section computes them."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from dashboard import overdegegevens
from geo import geodata
from projectdb import bereik, bronnen, strategie
from projectdb.store import PROJECTEN_CSV

README = Path(__file__).resolve().parents[1] / "README.md"


def _sectie() -> str:
    tekst = README.read_text(encoding="utf-8")
    return tekst.split("## Over de gegevens", 1)[1].split("\n## ", 1)[0]


def _projecten() -> pd.DataFrame:
    frame = pd.read_csv(PROJECTEN_CSV, dtype=str, keep_default_na=False, encoding="utf-8")
    return frame.assign(indeling_jaar=frame["indeling_jaar"].astype(int))


def _getal(patroon: str, tekst: str) -> int:
    gevonden = re.search(patroon, tekst)
    assert gevonden, patroon
    return int(gevonden.group(1))


def test_readme_figures_follow_the_data():
    sectie = _sectie()
    projecten = _projecten()
    per_bron = projecten["bron"].value_counts()
    uitgevers = projecten["bron"].map(lambda b: bronnen.bronnen()[b].uitgever).value_counts()
    assert _getal(r"\*\*(\d+) projecten, gereconstrueerd", sectie) == len(projecten)
    assert _getal(r"uit (\d+) openbare documenten", sectie) == projecten["bron"].nunique()
    assert _getal(r"(\d+) uit het AEF-rapport", sectie) == per_bron["002_4672d5e83c675345.txt"]
    assert _getal(r"(\d+) uit twee documenten van\s+Zilveren Kruis", sectie) == uitgevers["Zilveren Kruis"]
    assert _getal(r"(\d+) uit een document van Menzis", sectie) == uitgevers["Menzis"]
    assert f"Peildatum {bronnen.peildatum(projecten['bron'], noot=False)}" in sectie
    assert _getal(r"`deel`: (\d+) projecten", sectie) == (projecten["gebied_precisie"] == "deel").sum()
    assert _getal(r"`concessie`: (\d+) projecten", sectie) == (projecten["verzekeraar_herkomst"] == "concessie").sum()
    assert _getal(r"\*\*(\d+) strategieën", sectie) == len(strategie.strategieen())


def test_app_section_counts_certain_and_possible_gemeenten_from_the_data():
    projecten = _projecten()
    koppeling = bereik.koppeling_zekerheid(projecten, 2017)
    tekst = overdegegevens.tekst(projecten, koppeling, 2017, 3)
    zeker = koppeling.groupby("gemeente_code")["zekerheid"].apply(lambda z: "zeker" in set(z))
    totaal = len(geodata.gemeenten(2017))
    zin = f"{zeker.sum()} van de {totaal} gemeenten hebben zeker een project, {(~zeker).sum()} alleen mogelijk"
    assert zin in tekst
    assert "**Geen projecten:** 3 algemene" in tekst
