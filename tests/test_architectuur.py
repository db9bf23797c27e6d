"""The package layering of the README's "Architectuur" section, read from the code's own imports, and the old
command names that stay as aliases."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

MAG_IMPORTEREN: dict[str, set[str]] = {
    "classify": set(),
    "tekst": {"classify"},
    "palet": {"classify"},
    "geo": {"classify"},
    "geo_bouw": {"classify"},
    "projectdb": {"tekst", "geo", "classify"},
    "kaart": {"palet", "tekst", "geo", "classify"},
    "dashboard": {"kaart", "projectdb", "palet", "tekst", "geo", "classify"},
    "pages": {"dashboard", "kaart", "palet", "tekst", "geo", "classify"},
    "maps": {"dashboard", "geo_bouw"},
}
"""Package -> the project packages it may import: arrows only point down, ``geo_bouw`` and ``maps`` sit beside."""


def _projectimports(bestand: Path) -> set[str]:
    """Top-level project packages imported anywhere in ``bestand`` (function-level and TYPE_CHECKING included)."""
    namen: set[str] = set()
    for knoop in ast.walk(ast.parse(bestand.read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.Import):
            namen.update(alias.name.split(".")[0] for alias in knoop.names)
        elif isinstance(knoop, ast.ImportFrom) and knoop.level == 0 and knoop.module:
            namen.add(knoop.module.split(".")[0])
    return namen & (set(MAG_IMPORTEREN) | {"app"})


@pytest.mark.parametrize("pakket", sorted(MAG_IMPORTEREN))
def test_a_package_imports_only_the_packages_below_it(pakket):
    bestanden = sorted((REPO / pakket).glob("*.py"))
    assert bestanden
    fout = {
        bestand.name: sorted(_projectimports(bestand) - MAG_IMPORTEREN[pakket] - {pakket})
        for bestand in bestanden
        if _projectimports(bestand) - MAG_IMPORTEREN[pakket] - {pakket}
    }
    assert fout == {}


def test_every_package_on_disk_has_its_place_in_the_layering():
    pakketten = {pad.parent.name for pad in REPO.glob("*/__init__.py")}
    assert pakketten == set(MAG_IMPORTEREN) - {"pages"}


@pytest.mark.parametrize(
    ("module", "doel"),
    [
        ("maps.export", "python -m dashboard.export"),
        ("maps.build_geo", "python -m geo_bouw.build_geo"),
        ("projectdb", "python -m projectdb"),
    ],
)
def test_the_documented_commands_still_run(module, doel):
    uit = subprocess.run(
        [sys.executable, "-m", module, "--help"], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert uit.returncode == 0, uit.stderr
    assert doel in uit.stdout


def test_the_alias_package_only_delegates():
    for bestand in sorted((REPO / "maps").glob("*.py")):
        boom = ast.parse(bestand.read_text(encoding="utf-8"))
        functies = [k for k in ast.walk(boom) if isinstance(k, ast.FunctionDef | ast.ClassDef)]
        assert functies == [], bestand.name


def test_page_modules_do_not_import_each_other():
    """A page (``pages/*.py``, ``dashboard/*pagina.py``) uses shared panels, never another page; a page script may
    use the one dashboard module that implements it."""
    paginas = {f"dashboard.{pad.stem}" for pad in (REPO / "dashboard").glob("*pagina.py")}
    fout = {}
    for bestand in [*(REPO / "pages").glob("*.py"), *(REPO / "dashboard").glob("*pagina.py")]:
        modules = set()
        for knoop in ast.walk(ast.parse(bestand.read_text(encoding="utf-8"))):
            if isinstance(knoop, ast.ImportFrom) and knoop.module:
                modules |= {knoop.module, *(f"{knoop.module}.{alias.name}" for alias in knoop.names)}
            elif isinstance(knoop, ast.Import):
                modules |= {alias.name for alias in knoop.names}
        andere = sorted(m for m in modules if m in paginas and m != f"dashboard.{bestand.stem}")
        if bestand.parent.name == "pages":
            # A page script may use the one dashboard module that implements it.
            andere = andere[1:] + sorted(m for m in modules if m.split(".")[0] == "pages")
        if andere:
            fout[bestand.name] = andere
    assert fout == {}
