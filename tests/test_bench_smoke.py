"""Smoke runs of the benchmarks in bench/: each script with ``--klein`` (tiny sizes, few repetitions) must finish
and print its Markdown table. The figures themselves are not checked here; bench/results.md holds a full run."""

import os
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest

WORTEL = Path(__file__).resolve().parents[1]
BENCH = WORTEL / "bench"
sys.path.insert(0, str(BENCH))

from gedeeld import KOLOMMEN  # noqa: E402


def _draai(script: str, *argumenten: str) -> str:
    proces = subprocess.run(
        [sys.executable, str(BENCH / script), *argumenten], cwd=WORTEL, capture_output=True, text=True, timeout=300
    )
    assert proces.returncode == 0, proces.stderr[-3000:]
    return proces.stdout


def _koppen(uitvoer: str) -> list[list[str]]:
    """The header cells of every Markdown table in ``uitvoer``."""
    regels = uitvoer.splitlines()
    return [
        [c.strip() for c in regel.strip().strip("|").split(" | ")]
        for regel, volgende in pairwise(regels)
        if regel.startswith("| ") and volgende.startswith("|---")
    ]


def _controleer_tabel(uitvoer: str, rijen: int) -> None:
    koppen = _koppen(uitvoer)
    assert koppen, uitvoer
    for kop in koppen:
        assert [k for k in kop if k in KOLOMMEN] == list(KOLOMMEN), kop
    tabelregels = [r for r in uitvoer.splitlines() if r.startswith("| ") and not r.startswith("| meting ")]
    assert len(tabelregels) >= rijen, uitvoer
    assert all(r.rstrip().endswith(("| ja |", "| nee |", "| — |")) for r in tabelregels), uitvoer


def test_kaart_payload():
    uitvoer = _draai("kaart_payload.py", "--klein")
    _controleer_tabel(uitvoer, 2 * 7)
    assert "2017: HTML van de kaart" in uitvoer and "2025: opbouw na filterwijziging" in uitvoer


def test_schaal():
    uitvoer = _draai("schaal.py", "--klein")
    _controleer_tabel(uitvoer, 5 * 2 + 2)
    assert "SQLite-import via de importer" in uitvoer and "Groei per 10x" in uitvoer


def test_run_all_writes_the_report(tmp_path):
    doel = tmp_path / "results.md"
    _draai("run_all.py", "--klein", "--alleen", "kaart_payload", "--uitvoer", str(doel))
    tekst = doel.read_text(encoding="utf-8")
    assert tekst.startswith("# Prestatiemetingen samenwerkingskaarten")
    assert "| kernen (nproc) |" in tekst and "## Doelen" in tekst and "## 1. Kaart" in tekst
    assert "| kaart_payload | 2017: HTML van de kaart |" in tekst


@pytest.mark.browser
def test_interactie():
    uitvoer = _draai("interactie.py", "--klein")
    _controleer_tabel(uitvoer, 4)
    assert "filterwijziging → kaart opnieuw getekend, mediaan" in uitvoer


@pytest.mark.browser
def test_koude_start():
    uitvoer = _draai("koude_start.py", "--klein")
    _controleer_tabel(uitvoer, 2)


@pytest.mark.browser
def test_geheugen():
    uitvoer = _draai("geheugen.py", "--klein")
    _controleer_tabel(uitvoer, 2)
    assert "problemen:" not in uitvoer, uitvoer


@pytest.mark.browser
def test_kaartenboek():
    uitvoer = _draai("kaartenboek.py", "--klein")
    _controleer_tabel(uitvoer, 3)
    assert "openen van schijf → eerste kaart getekend" in uitvoer


@pytest.mark.postgresql
def test_replicas():
    """1 and 2 replicas behind nginx (deploy/lokaal.py) on SQLite and PostgreSQL, two visitors each."""
    if not Path("/usr/sbin/nginx").exists():
        reden = "nginx ontbreekt: apt-get install nginx"
        if os.environ.get("CI") == "true":
            pytest.fail(reden + " -- in CI is dat een fout")
        pytest.skip(reden)
    uitvoer = _draai("replicas.py", "--klein")
    _controleer_tabel(uitvoer, 2 * 8)
    assert "### sqlite, 2 bezoekers tegelijk" in uitvoer and "### postgresql, 2 bezoekers tegelijk" in uitvoer
    assert "foutmeldingen" not in uitvoer, uitvoer
    assert uitvoer.count("| bezoekers per replica (cookie van nginx) | 2 tegelijk | r0: 1 / r1: 1 | r0: 2 |") == 2
