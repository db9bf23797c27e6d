"""Run every benchmark in sequence (each as its own process) and write their tables to bench/results.md.

The report starts with the date, the machine (cores, memory, Python, load before and after) and a summary of every
row with a target; then each benchmark's own tables, and the label-suggestion accuracy of
``bench/classify_accuracy.py``. A benchmark that fails is reported with the end of its error output; the exit code
is then 1.

    python bench/run_all.py                      # full sizes, writes bench/results.md (takes about 10 minutes)
    python bench/run_all.py --klein --uitvoer /tmp/r.md --alleen kaart_payload schaal
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from gedeeld import WORTEL, machine, markdown

BENCH = WORTEL / "bench"
BENCHMARKS: tuple[str, ...] = (
    "kaart_payload",
    "interactie",
    "koude_start",
    "schaal",
    "geheugen",
    "kaartenboek",
    "replicas",
)
"""The performance benchmarks, in the order of the report."""
NAUWKEURIGHEID = "classify_accuracy"
"""Reported as plain text after the tables (its output is not a Markdown table)."""
MAXIMUM = 3600


@dataclass
class Uitkomst:
    naam: str
    code: int
    uitvoer: str
    fouten: str
    duur: float
    belasting: float
    """1-minute load average right after the run."""


def draai(naam: str, klein: bool) -> Uitkomst:
    """Run ``bench/<naam>.py`` (with ``--klein`` when asked) and capture its output."""
    opdracht = [sys.executable, str(BENCH / f"{naam}.py")] + (["--klein"] if klein else [])
    start = time.perf_counter()
    try:
        proces = subprocess.run(opdracht, cwd=WORTEL, capture_output=True, text=True, timeout=MAXIMUM)
        code, uitvoer, fouten = proces.returncode, proces.stdout, proces.stderr
    except subprocess.TimeoutExpired as verlopen:
        code, uitvoer, fouten = -1, verlopen.stdout or "", f"afgebroken na {MAXIMUM} s"
    return Uitkomst(
        naam,
        code,
        uitvoer if isinstance(uitvoer, str) else uitvoer.decode(),
        fouten if isinstance(fouten, str) else fouten.decode(),
        time.perf_counter() - start,
        os.getloadavg()[0],
    )


def tabelrijen(uitvoer: str) -> list[dict[str, str]]:
    """The rows of every Markdown table in ``uitvoer`` as column -> cell."""
    rijen: list[dict[str, str]] = []
    kop: list[str] | None = None
    for regel in uitvoer.splitlines():
        if not regel.startswith("|"):
            kop = None
            continue
        cellen = [c.strip() for c in regel.strip().strip("|").split(" | ")]
        if kop is None:
            kop = cellen
        elif not set(regel) <= set("|-"):
            rijen.append(dict(zip(kop, cellen, strict=False)))
    return rijen


def samenvatting(uitkomsten: list[Uitkomst]) -> str:
    """Every row with a target, from all tables: benchmark, meting, ons, doel, gehaald."""
    rijen = []
    for uitkomst in uitkomsten:
        for rij in tabelrijen(uitkomst.uitvoer):
            if rij.get("gehaald") in ("ja", "nee"):
                meting = rij["meting"] + (f" ({rij['omvang']})" if rij.get("omvang") else "")
                rijen.append(
                    {
                        "benchmark": uitkomst.naam,
                        "meting": meting,
                        "ons": rij["ons"],
                        "doel": rij["doel"],
                        "gehaald": rij["gehaald"],
                    }
                )
    return markdown(rijen, ("benchmark", "meting", "ons", "doel", "gehaald"))


def rapport(
    uitkomsten: list[Uitkomst], nauwkeurigheid: Uitkomst | None, begin: dict[str, str], datum: datetime, klein: bool
) -> str:
    kernen = int(begin["kernen (nproc)"])
    hoogste = max(u.belasting for u in uitkomsten)
    totaal = sum(u.duur for u in uitkomsten) + (nauwkeurigheid.duur if nauwkeurigheid else 0)
    delen = [
        "# Prestatiemetingen samenwerkingskaarten",
        "",
        f"Gemeten op {datum:%Y-%m-%d %H:%M} UTC met `python bench/run_all.py{' --klein' if klein else ''}` "
        f"(duur {totaal / 60:.1f} min). Elke meting vergelijkt de app met een naïeve aanpak in dezelfde run, "
        "afwisselend gemeten; tijden zijn mediaan [min–max]. Synthetische projectsets zijn als zodanig gemarkeerd "
        "en alleen in tijdelijke mappen geschreven.",
        "",
        markdown(
            [{"machine": k, "waarde": v} for k, v in begin.items()]
            + [
                {"machine": "belasting (1 min) na afloop", "waarde": f"{os.getloadavg()[0]:.2f}"},
                {"machine": "hoogste belasting (1 min) na een benchmark", "waarde": f"{hoogste:.2f}"},
            ],
            ("machine", "waarde"),
        ),
        "",
    ]
    if hoogste > kernen:
        delen += [
            f"De machine werd tijdens de run gedeeld met andere processen (belasting tot {hoogste:.1f} op "
            f"{kernen} kernen): tijden kunnen ruis bevatten; de verhoudingen zijn robuuster, omdat beide "
            "kanten afwisselend zijn gemeten.",
            "",
        ]
    delen += ["## Doelen", "", samenvatting(uitkomsten), ""]
    for uitkomst in uitkomsten:
        delen.append(f"<!-- bench/{uitkomst.naam}.py: {uitkomst.duur:.0f} s -->")
        if uitkomst.code == 0:
            delen += [uitkomst.uitvoer.strip(), ""]
        else:
            delen += [
                f"## bench/{uitkomst.naam}.py MISLUKT (code {uitkomst.code})",
                "",
                "```text",
                (uitkomst.uitvoer + uitkomst.fouten).strip()[-3000:],
                "```",
                "",
            ]
    if nauwkeurigheid is not None:
        delen += [
            "## Nauwkeurigheid van de labelsuggesties (bench/classify_accuracy.py)",
            "",
            "```text",
            (nauwkeurigheid.uitvoer or nauwkeurigheid.fouten[-3000:]).strip(),
            "```",
            "",
        ]
    return "\n".join(delen)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--klein", action="store_true", help="elke benchmark met --klein (rooktest)")
    parser.add_argument("--alleen", nargs="+", choices=BENCHMARKS, help="alleen deze benchmarks")
    parser.add_argument("--uitvoer", type=Path, default=BENCH / "results.md", help="doelbestand (Markdown)")
    args = parser.parse_args(argv)
    datum = datetime.now(UTC)
    begin = machine()
    uitkomsten = []
    for naam in args.alleen or BENCHMARKS:
        print(f"bench/{naam}.py ...", end=" ", flush=True)
        uitkomsten.append(draai(naam, args.klein))
        print(f"{uitkomsten[-1].duur:.0f} s, code {uitkomsten[-1].code}", flush=True)
    nauwkeurigheid = None if args.alleen else draai(NAUWKEURIGHEID, args.klein)
    args.uitvoer.write_text(rapport(uitkomsten, nauwkeurigheid, begin, datum, args.klein), encoding="utf-8")
    print(f"geschreven: {args.uitvoer}")
    return 0 if all(u.code == 0 for u in uitkomsten) else 1


if __name__ == "__main__":
    sys.exit(main())
