"""Benchmark 3: cold start, from ``streamlit run`` to the first map painted in the browser.

Each run starts a new server process on a copy of a store built from the shipped projects (the store exists, as
after the first start on a machine) and opens its first page in a new browser context (empty browser cache) as
soon as ``/_stcore/health`` answers; the clock runs from just before the process is created to the first
``path.leaflet-interactive`` in the page. Ours (Overzicht with the Wmo-borders and kernwerkgebied layers) and the
naive page alternate run by run. The operating system's file cache is warm after the first run, as on a laptop that
has started the app before.

    python bench/koude_start.py [--klein]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from gedeeld import Meting, gehaald, markdown, tijd, verhouding

import appserver  # noqa: E402

OVERZICHT = "/?lagen=wmo,kernwerkgebied"
DOEL = 1.0
"""Target: at most the naive page's time (ratio of the medians)."""


def start_tot_kaart(browser, script: Path, pad: str, db: Path, log: Path) -> tuple[float, float]:
    """(seconds to healthy, seconds to the first map painted), both from process start."""
    with appserver.Server(script, db, log) as server:
        gezond = server.wacht_gezond()
        pagina = appserver.nieuwe_pagina(browser)
        try:
            pagina.goto(server.url + pad)
            appserver.wacht_op_kaart(pagina)
            kaart = time.perf_counter() - server.gestart
        finally:
            pagina.context.close()
    return gezond, kaart


def meet(runs: int) -> dict[str, tuple[Meting, Meting]]:
    """Per app (ours, naive): (to healthy, to first map) over ``runs`` alternating starts."""
    apps = {"ons": (appserver.APP, OVERZICHT), "naief": (appserver.NAIEF_APP, "/")}
    tijden: dict[str, list[tuple[float, float]]] = {naam: [] for naam in apps}
    with tempfile.TemporaryDirectory() as map_, appserver.chromium() as browser:
        map_ = Path(map_)
        bron = appserver.maak_database(map_ / "bron")
        for ronde in range(runs):
            for naam in ("ons", "naief") if ronde % 2 == 0 else ("naief", "ons"):
                script, pad = apps[naam]
                db = appserver.kopieer_database(bron, map_ / f"{naam}{ronde}")
                tijden[naam].append(start_tot_kaart(browser, script, pad, db, map_ / f"{naam}{ronde}.log"))
    return {naam: (Meting(tuple(g for g, _ in t)), Meting(tuple(k for _, k in t))) for naam, t in tijden.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--klein", action="store_true", help="één start per app, als rooktest")
    args = parser.parse_args(argv)
    runs = 1 if args.klein else 5
    uitkomst = meet(runs)
    (ons_gezond, ons_kaart), (naief_gezond, naief_kaart) = uitkomst["ons"], uitkomst["naief"]
    rijen = [
        {
            "meting": "streamlit run → eerste kaart getekend",
            "ons": tijd(ons_kaart),
            "naief": tijd(naief_kaart),
            "verhouding": verhouding(ons_kaart.mediaan, naief_kaart.mediaan),
            "doel": f"≤ {DOEL:.1f}x naief",
            "gehaald": gehaald(ons_kaart.mediaan <= DOEL * naief_kaart.mediaan),
        },
        {
            "meting": "waarvan: streamlit run → server gezond",
            "ons": tijd(ons_gezond),
            "naief": tijd(naief_gezond),
            "verhouding": verhouding(ons_gezond.mediaan, naief_gezond.mediaan),
            "doel": "—",
            "gehaald": "—",
        },
    ]
    print(f"## 3. Koude start ({runs} starts per app, afwisselend; mediaan [min–max])\n")
    print(markdown(rijen))
    return 0


if __name__ == "__main__":
    sys.exit(main())
