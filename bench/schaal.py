"""Benchmark 4: how aggregation, filtering and import scale with the number of projects (SYNTHETIC sets).

Synthetic project sets (:mod:`synthetisch`, seed 20171, ids "SYN...", titles "SYNTHETISCH ...") of 1k, 10k, 100k
and 1M projects, each linked to one to three municipalities of 2017:

* aggregation to combination labels per municipality (:func:`classify.combinaties.combinaties`) and counts per
  label (:func:`classify.combinaties.aantallen_per_label`) on the four axes the maps use;
* filter + aggregate: :func:`classify.filters.toepassen` (two themes, two insurers), then the intensity
  combinations;
* SQLite import of 10k and 100k rows through the real importer (:func:`projectdb.importeer.importeer_bestand`,
  from a CSV in a temporary folder into a fresh store, row limits raised for the test).

Naive baselines, measured in the same run and alternated with ours at the sizes where they finish in seconds:
a Python loop over the links collecting labels per municipality (:func:`naief.naieve_combinaties`, also used to
check our result), the same loop after filtering row by row, and one INSERT plus commit per row. The growth factor
is time(10n) / time(n); "lineair of beter" means at most 10x per 10x.

    python bench/schaal.py [--klein]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from gedeeld import Meting, afwisselend, gehaald, markdown, stopwatch, tijd, verhouding

import synthetisch  # noqa: E402
from appserver import maak_database  # noqa: E402
from naief import naieve_combinaties, naieve_import  # noqa: E402

from classify import combinaties  # noqa: E402
from classify import filters as flt  # noqa: E402
from projectdb import open_store  # noqa: E402
from projectdb.bestand import Limieten  # noqa: E402
from projectdb.importeer import importeer_bestand  # noqa: E402

KOLOMMEN = ("meting", "omvang", "ons", "naief", "verhouding", "groei per 10x", "doel", "gehaald")
DOEL_1M = 3.0
"""Seconds one aggregation of 1,000,000 projects may take."""
LINEAIR = 10.0
FILTER = flt.Filters(inhoud=("GGZ", "Ouderen"), verzekeraars=("VGZ", "CZ"))

AGGREGATIES = (
    ("combinatielabels per gemeente (inhoud)", combinaties.combinaties, "inhoud"),
    ("combinatielabels per gemeente (instrumenten)", combinaties.combinaties, "instrument"),
    ("aantallen per label (intensiteit)", combinaties.aantallen_per_label, "intensiteit"),
    ("aantallen per label (instrumenten)", combinaties.aantallen_per_label, "instrument"),
)


def naieve_filter_en_combinaties(projecten, koppeling) -> dict[str, str]:
    """Row-by-row filter (any chosen theme and insurer), then :func:`naief.naieve_combinaties`."""
    gekozen = [
        rij.Index
        for rij in projecten.itertuples()
        if rij.inhoud in FILTER.inhoud and not set(FILTER.verzekeraars).isdisjoint(rij.verzekeraars)
    ]
    return naieve_combinaties(projecten.loc[gekozen], koppeling, "intensiteit")


def filter_en_combinaties(projecten, koppeling):
    return combinaties.combinaties(flt.toepassen(FILTER, projecten), koppeling, "intensiteit")


def controleer(projecten, koppeling) -> None:
    """Our aggregation equals the naive loop's (labels per municipality), unfiltered and filtered."""
    for ons, naief in (
        (combinaties.combinaties(projecten, koppeling, "inhoud"), naieve_combinaties(projecten, koppeling, "inhoud")),
        (filter_en_combinaties(projecten, koppeling), naieve_filter_en_combinaties(projecten, koppeling)),
    ):
        if dict(zip(ons["gemeente_code"], ons["combinatie"], strict=True)) != naief:
            raise AssertionError("combinaties wijkt af van de naïeve lus")


def aggregaties(groottes: tuple[int, ...], naief_tot: int, herhalingen: int) -> dict[str, dict[int, tuple]]:
    """meting -> size -> (ours, naive or None) for the aggregation and filter measurements."""
    uit: dict[str, dict[int, tuple]] = {}
    for n in groottes:
        projecten, koppeling = synthetisch.projecten(n)
        if n == groottes[0]:
            controleer(projecten, koppeling)
        keer = herhalingen if n < 1_000_000 else max(1, herhalingen - 2)
        for naam, functie, as_code in AGGREGATIES:
            varianten = {"ons": lambda _, f=functie, a=as_code, p=projecten, k=koppeling: f(p, k, a)}
            if as_code == "inhoud" and n <= naief_tot:
                varianten["naief"] = lambda _, p=projecten, k=koppeling: naieve_combinaties(p, k, "inhoud")
            gemeten = afwisselend(varianten, keer)
            uit.setdefault(naam, {})[n] = (gemeten["ons"], gemeten.get("naief"))
        varianten = {"ons": lambda _, p=projecten, k=koppeling: filter_en_combinaties(p, k)}
        if n <= naief_tot:
            varianten["naief"] = lambda _, p=projecten, k=koppeling: naieve_filter_en_combinaties(p, k)
        gemeten = afwisselend(varianten, keer)
        uit.setdefault("filter (2 thema's, 2 verzekeraars) + combinaties", {})[n] = (
            gemeten["ons"],
            gemeten.get("naief"),
        )
        # The lambdas hold the frames too; drop all before the next size is generated.
        del projecten, koppeling, varianten
    return uit


def imports(groottes: tuple[int, ...], naief_tot: int, herhalingen: int) -> dict[int, tuple]:
    """size -> (ours, naive or None): seconds to import that many rows into a fresh store."""
    uit: dict[int, tuple] = {}
    limieten = Limieten(max_bytes=10**10, max_rijen=10**7, max_cpu_seconden=None)
    with tempfile.TemporaryDirectory() as map_:
        map_ = Path(map_)
        for n in groottes:
            csv_pad = synthetisch.schrijf_csv(map_ / f"synthetisch_{n}.csv", synthetisch.importrijen(n))
            keer = herhalingen if n < 100_000 else 1
            ons, naief = [], []
            for ronde in range(keer):
                doel = map_ / f"ons_{n}_{ronde}"
                doel.mkdir()
                store = open_store(maak_database(doel))
                ons.append(stopwatch(lambda s=store, p=csv_pad, k=n: _importeer(s, p, limieten, k)))
                if n <= naief_tot:
                    naief.append(stopwatch(lambda p=csv_pad, d=map_ / f"naief_{n}_{ronde}.sqlite": naieve_import(p, d)))
            uit[n] = (Meting(tuple(ons)), Meting(tuple(naief)) if naief else None)
    return uit


def _importeer(store, csv_pad: Path, limieten: Limieten, n: int) -> None:
    rapport = importeer_bestand(store, csv_pad, limieten=limieten, redacteur="prestatiemeting")
    if len(rapport.nieuw) != n:
        raise AssertionError(f"{len(rapport.nieuw)} van {n} synthetische projecten geïmporteerd")


def _omvang(n: int) -> str:
    return f"{n // 1_000_000}M" if n >= 1_000_000 else f"{n // 1000}k" if n >= 1000 else str(n)


def groei(metingen: dict[int, Meting | None]) -> list[tuple[int, float]]:
    """(size, time(size) / time(size / 10)) for every size whose tenth was measured too."""
    return [
        (n, m.mediaan / metingen[n // 10].mediaan)
        for n, m in metingen.items()
        if m is not None and metingen.get(n // 10) is not None
    ]


def tabellen(resultaten: dict[str, dict[int, tuple]]) -> tuple[str, str]:
    rijen, groeirijen = [], []
    for meting, per_grootte in resultaten.items():
        ons = {n: o for n, (o, _) in per_grootte.items()}
        naief = {n: v for n, (_, v) in per_grootte.items()}
        factoren = dict(groei(ons))
        for n, (o, v) in per_grootte.items():
            doel = f"< {DOEL_1M:.0f} s" if n == 1_000_000 else "—"
            rijen.append(
                {
                    "meting": meting,
                    "omvang": _omvang(n),
                    "ons": tijd(o),
                    "naief": tijd(v),
                    "verhouding": verhouding(o.mediaan, v.mediaan if v else None),
                    "groei per 10x": f"{factoren[n]:.1f}x" if n in factoren else "—",
                    "doel": doel,
                    "gehaald": gehaald(o.mediaan < DOEL_1M) if n == 1_000_000 else "—",
                }
            )
        naieve_factoren = groei(naief)
        groeirijen.append(
            {
                "meting": meting,
                "ons": ", ".join(f"{f:.1f}x (→{_omvang(n)})" for n, f in factoren.items()) or "—",
                "naief": ", ".join(f"{f:.1f}x (→{_omvang(n)})" for n, f in naieve_factoren) or "—",
                "verhouding": "—",
                "doel": f"≤ {LINEAIR:.0f}x per 10x (lineair of beter)",
                "gehaald": gehaald(all(f <= LINEAIR for f in factoren.values())) if factoren else "—",
            }
        )
    return markdown(rijen, KOLOMMEN), markdown(groeirijen)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--klein", action="store_true", help="kleine aantallen, als rooktest")
    args = parser.parse_args(argv)
    if args.klein:
        groottes, naief_tot, herhalingen = (1000, 10_000), 10_000, 2
        import_groottes, naief_import_tot = (100, 1000), 100
    else:
        groottes, naief_tot, import_groottes, naief_import_tot, herhalingen = (
            (1000, 10_000, 100_000, 1_000_000),
            100_000,
            (10_000, 100_000),
            10_000,
            5,
        )
    resultaten = aggregaties(groottes, naief_tot, herhalingen)
    resultaten["SQLite-import via de importer (uit CSV)"] = imports(
        import_groottes, naief_import_tot, 1 if args.klein else 3
    )
    per_tijd, per_groei = tabellen(resultaten)
    samen = {n: sum(resultaten[naam][n][0].mediaan for naam, _, _ in AGGREGATIES) for n in groottes}
    print(
        f"## 4. Schaal: SYNTHETISCHE projectsets (zaad {synthetisch.ZAAD}; mediaan [min–max] van "
        f"{herhalingen} herhalingen, 1M: {max(1, herhalingen - 2)}; import: {1 if args.klein else 3}, 100k: 1)\n"
    )
    print(per_tijd)
    print(
        "\nDe vier aggregaties samen (som van de medianen): "
        + ", ".join(f"{_omvang(n)} {tijd(t)}" for n, t in samen.items())
        + "."
    )
    print("\nGroei per 10x meer projecten:\n")
    print(per_groei)
    return 0


if __name__ == "__main__":
    sys.exit(main())
