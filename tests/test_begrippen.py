"""Every name in use is in the glossary and documented: the URL parameters the dashboard reads, the flags of both
command lines and the columns of projecten.csv. Read from the code itself, so a new parameter, flag or column
fails here until it is added to classify/begrippen.py and the README."""

from __future__ import annotations

import argparse
import ast
import csv
from pathlib import Path

import pytest

from classify import begrippen
from dashboard import export, url
from projectdb import cli

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
PROJECTEN_README = (REPO / "data" / "projects" / "README.md").read_text(encoding="utf-8")
KOP = "| begrip | kolom | filterveld | URL | opdrachtregel | label | betekenis |"


class _Gelezen(dict):
    """Query parameters that remember every name the codec looks up."""

    def __init__(self):
        super().__init__()
        self.namen: set[str] = set()

    def __contains__(self, naam):
        self.namen.add(naam)
        return False

    def get(self, naam, standaard=None):
        self.namen.add(naam)
        return standaard


def _codecparameters() -> set[str]:
    """Names :mod:`dashboard.url` reads, without the prefix of the second selection."""
    params = _Gelezen()
    url.lees(params)
    url.lees_lagen(params)
    rechts = _Gelezen()
    url.lees(rechts, url.PREFIX_RECHTS)
    assert all(naam.startswith(url.PREFIX_RECHTS) for naam in rechts.namen)
    return params.namen | {naam.removeprefix(url.PREFIX_RECHTS) for naam in rechts.namen}


def _naam(knoop: ast.expr) -> str | None:
    """A parameter name written as a string or as a constant of :mod:`dashboard.url` (``url.NAAST``)."""
    if isinstance(knoop, ast.Constant) and isinstance(knoop.value, str):
        return knoop.value
    if isinstance(knoop, ast.Attribute) and getattr(knoop.value, "id", "") == "url":
        return getattr(url, knoop.attr)
    return None


def _is_parameters(knoop: ast.expr) -> bool:
    return getattr(knoop, "attr", "") == "query_params" or getattr(knoop, "id", "") == "params"


def _paginaparameters() -> set[str]:
    """Query parameters the Streamlit code reads directly: ``url_keuze(label, "param", ...)``,
    ``query_params.get("param")``, ``query_params["param"]`` and the same on a ``params`` dict."""
    namen: set[str | None] = set()
    for bestand in [*(REPO / "dashboard").glob("*.py"), *(REPO / "pages").glob("*.py"), REPO / "app.py"]:
        for knoop in ast.walk(ast.parse(bestand.read_text(encoding="utf-8"))):
            if isinstance(knoop, ast.Call):
                functie = getattr(knoop.func, "attr", getattr(knoop.func, "id", ""))
                if functie == "url_keuze":
                    namen.add(_naam(knoop.args[1]))
                elif functie == "get" and _is_parameters(knoop.func.value) and knoop.args:
                    namen.add(_naam(knoop.args[0]))
            elif isinstance(knoop, ast.Subscript) and _is_parameters(knoop.value):
                namen.add(_naam(knoop.slice))
    return namen - {None}


def _vlaggen(parser: argparse.ArgumentParser) -> set[str]:
    """Every ``--flag`` of ``parser`` and its subcommands, except ``--help``."""
    vlaggen: set[str] = set()
    for actie in parser._actions:
        if isinstance(actie, argparse._SubParsersAction):
            for sub in actie.choices.values():
                vlaggen |= _vlaggen(sub)
        vlaggen.update(v for v in actie.option_strings if v.startswith("--") and v != "--help")
    return vlaggen


def _kolommen() -> list[str]:
    with open(REPO / "data" / "projects" / "projecten.csv", encoding="utf-8", newline="") as bestand:
        return next(csv.reader(bestand))


def _veld(waarden) -> str:
    if isinstance(waarden, str):
        waarden = (waarden,) if waarden else ()
    return ", ".join(f"`{w}`" for w in waarden)


def readme_tabel() -> str:
    """The glossary as the Markdown table README's "Begrippen" section holds."""
    regels = [KOP, "|---|---|---|---|---|---|---|"]
    regels += [
        f"| {b.naam} | {_veld(b.kolom)} | {_veld(b.filterveld)} | {_veld(b.url)} | {_veld(b.cli)} | {b.label} "
        f"| {b.definitie} |"
        for b in begrippen.BEGRIPPEN
    ]
    return "\n".join(regels)


def _ontbrekend(namen, bekend, soort: str, hoe: str) -> list[str]:
    return [
        f"{soort} {naam!r}: voeg in classify/begrippen.py een Begrip toe (of vul een bestaand aan) met {hoe}"
        for naam in sorted(set(namen) - set(bekend))
    ]


@pytest.mark.parametrize(
    ("soort", "namen", "bekend", "hoe"),
    [
        ("URL-parameter van dashboard/url.py", _codecparameters(), begrippen.per_url(), "url=('<naam>',)"),
        ("URL-parameter van een pagina", _paginaparameters(), begrippen.per_url(), "url=('<naam>',)"),
        ("vlag van python -m dashboard.export", _vlaggen(export._parser()), begrippen.per_cli(), "cli=('<vlag>',)"),
        ("vlag van python -m projectdb", _vlaggen(cli._parser()), begrippen.per_cli(), "cli=('<vlag>',)"),
        ("kolom van data/projects/projecten.csv", _kolommen(), begrippen.per_kolom(), "kolom='<kolom>'"),
    ],
    ids=["codec", "pagina", "export", "projectdb", "kolommen"],
)
def test_every_name_in_use_is_in_the_glossary(soort, namen, bekend, hoe):
    assert namen, f"geen {soort} gevonden: de test leest de code niet meer goed"
    assert _ontbrekend(namen, bekend, soort, hoe) == []


def test_the_glossary_names_nothing_that_is_not_in_use():
    """A name left in the glossary after its parameter, flag or column went away is a stale document."""
    in_gebruik = {
        "url": _codecparameters() | _paginaparameters(),
        "cli": _vlaggen(export._parser()) | _vlaggen(cli._parser()),
        "kolom": set(_kolommen()),
    }
    verouderd = (
        [f"url={n!r}" for n in sorted(set(begrippen.per_url()) - in_gebruik["url"])]
        + [f"cli={n!r}" for n in sorted(set(begrippen.per_cli()) - in_gebruik["cli"])]
        + [f"kolom={n!r}" for n in sorted(set(begrippen.per_kolom()) - in_gebruik["kolom"])]
    )
    assert verouderd == [], "haal deze namen weg uit classify/begrippen.py (niet meer in gebruik)"


def test_the_readme_holds_the_glossary_table():
    assert readme_tabel() in README, (
        "De tabel onder '## Begrippen' in README.md loopt niet gelijk met classify/begrippen.py; vervang haar door:\n\n"
        + readme_tabel()
    )


def test_every_column_is_documented_in_the_projects_readme():
    ontbrekend = [kolom for kolom in _kolommen() if f"| `{kolom}` |" not in PROJECTEN_README]
    assert ontbrekend == [], (
        "voeg in data/projects/README.md onder '## Kolommen' een rij '| `<kolom>` | <inhoud> |' toe voor: "
        + ", ".join(ontbrekend)
    )


def test_every_concept_is_named_once_per_place():
    for veld in ("naam", "kolom", "filterveld"):
        waarden = [getattr(b, veld) for b in begrippen.BEGRIPPEN if getattr(b, veld)]
        assert len(waarden) == len(set(waarden)), veld
    for veld in ("url", "cli"):
        waarden = [naam for b in begrippen.BEGRIPPEN for naam in getattr(b, veld)]
        assert len(waarden) == len(set(waarden)), veld
    assert all(b.definitie and b.label for b in begrippen.BEGRIPPEN)


def test_the_url_codec_takes_its_names_from_the_glossary():
    for veld, parameter in url.PARAMETERS.items():
        assert parameter == begrippen.per_filterveld()[veld].url[0]
    assert url.LAGEN in begrippen.begrip("kaartlagen").url and url.NAAST in begrippen.begrip("selectie rechts").url
