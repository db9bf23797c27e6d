"""The first visit after a start loads no library the first page does not need: importing the modules of app.py and
the Overzicht page, and running that page once, leave geopandas (with shapely and pyproj), openpyxl and networkx
unloaded. Geometry comes precomputed from data/kaart/, layer attributes through pyarrow, spreadsheets only with an
import or an XLSX download. Each check runs in a fresh interpreter, so what other tests loaded does not count."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

from projectdb import open_store

REPO = Path(__file__).resolve().parents[1]
LUI = ("geopandas", "shapely", "pyproj", "openpyxl", "networkx")
"""Imported only inside the functions that need them."""
GELADEN_NA_DE_KAART = ("networkx",)
"""Needed by the first run after its first map: the Analyse panel's lineage figures."""


def _projectmodules(*bestanden: str) -> list[str]:
    """The modules imported at the top level of ``bestanden`` (``from dashboard import data`` gives
    ``dashboard.data``)."""
    modules = []
    for bestand in bestanden:
        for knoop in ast.parse((REPO / bestand).read_text(encoding="utf-8")).body:
            if isinstance(knoop, ast.Import):
                modules += [alias.name for alias in knoop.names]
            elif isinstance(knoop, ast.ImportFrom) and knoop.module:
                for alias in knoop.names:
                    naam = f"{knoop.module}.{alias.name}"
                    modules.append(naam if (REPO / f"{naam.replace('.', '/')}.py").exists() else knoop.module)
    return sorted(set(modules))


def _geladen(code: str, omgeving: dict[str, str] | None = None) -> list[str]:
    """Which of :data:`LUI` a fresh interpreter has loaded after running ``code`` in the repository."""
    script = f"{code}\nimport json, sys\nprint(json.dumps([m for m in {list(LUI)!r} if m in sys.modules]))"
    uit = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{REPO / 'tests'}", **(omgeving or {})},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert uit.returncode == 0, uit.stderr[-2000:]
    return json.loads(uit.stdout.strip().splitlines()[-1])


def test_the_modules_of_the_first_page_import_none_of_the_lazy_libraries():
    modules = _projectmodules("app.py", "pages/overzicht.py")
    assert {"dashboard.kaartpaneel", "dashboard.zijbalk", "kaart.model"} <= set(modules)
    assert _geladen("\n".join(f"import {m}" for m in modules)) == []


def test_the_first_run_of_overzicht_computes_no_geometry_and_reads_no_spreadsheet(tmp_path):
    pad = tmp_path / "samenwerking.sqlite"
    open_store(pad)  # built here: filling a new store from projecten.csv does read with openpyxl's helpers
    code = (
        "from apptest import start\n"
        "at = start('pages/overzicht.py', {'lagen': 'wmo,kernwerkgebied'})\n"
        "assert at.get('component_instance'), 'geen kaart getekend'"
    )
    assert _geladen(code, {"SAMENWERKING_DB": str(pad)}) == list(GELADEN_NA_DE_KAART)
