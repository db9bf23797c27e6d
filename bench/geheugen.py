"""Benchmark 5: peak memory (RSS) of the app's server process, with the shipped projects and with 100k SYNTHETIC
projects.

For each store the server is started fresh and every page of the app is opened in headless chromium (default
view, each page's script run waited for); then the peak resident set size (VmHWM from /proc, the server process
plus any child process) is read. The naive page (:mod:`naief_app`) is measured the same way on the same stores. The
100k store is a fresh store of the shipped projects plus 100,000 synthetic rows (:mod:`synthetisch`) imported
through :func:`projectdb.importeer.importeer_bestand`, in a temporary folder.

    python bench/geheugen.py [--klein]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from gedeeld import grootte, markdown, tijd, verhouding

import appserver  # noqa: E402
import synthetisch  # noqa: E402

from dashboard.navigatie import PAGINAS  # noqa: E402
from projectdb import open_store  # noqa: E402
from projectdb.bestand import Limieten  # noqa: E402
from projectdb.importeer import importeer_bestand  # noqa: E402

PAGINA_MAXIMUM = 300.0
"""Seconds a page may take; a slower page is reported and the next one opened (its run may go on meanwhile)."""


def synthetische_database(map_: Path, aantal: int) -> Path:
    """A store in ``map_`` with the shipped projects plus ``aantal`` synthetic ones, approved so the maps count
    them (an import brings proposals)."""
    db = appserver.maak_database(map_)
    csv_pad = synthetisch.schrijf_csv(map_ / "synthetisch.csv", synthetisch.importrijen(aantal))
    # Synthetic benchmark data far above the upload limits: checked in this process, without a CPU bound.
    limieten = Limieten(max_bytes=10**10, max_rijen=10**7, max_cpu_seconden=None)
    store = open_store(db)
    rapport = importeer_bestand(store, csv_pad, limieten=limieten, redacteur="prestatiemeting")
    store.beoordeel(dict.fromkeys(rapport.nieuw, 1), "vastgesteld", "prestatiemeting")
    csv_pad.unlink()
    return db


@dataclass
class Bezoek:
    """One server's run through the pages: peak RSS after each page (bytes) and the seconds each page took."""

    paden: list[str]
    piek_na: list[int]
    duur: list[float]
    problemen: list[str]

    @property
    def piek(self) -> int:
        return self.piek_na[-1]

    def beschrijving(self) -> str:
        """Pages, total time, the slowest page and the page that raised the peak most (when there are several)."""
        tekst = f"{len(self.paden)} in {tijd(sum(self.duur))}"
        if len(self.paden) > 1:
            traagst = max(range(len(self.paden)), key=self.duur.__getitem__)
            stijging = [self.piek_na[0]] + [b - a for a, b in pairwise(self.piek_na)]
            grootst = max(range(len(self.paden)), key=stijging.__getitem__)
            tekst += (
                f"; traagst {self.paden[traagst]} {tijd(self.duur[traagst])}; piek gezet bij "
                f"{self.paden[grootst]} (+{grootte(stijging[grootst])})"
            )
        return tekst + (f" (problemen: {'; '.join(self.problemen)})" if self.problemen else "")


def bezoek(browser, script: Path, paden: list[str], db: Path, log: Path) -> Bezoek:
    """Open every page in ``paden`` on a fresh server on ``db``, one after the other, waiting for each script run."""
    uit = Bezoek(paden, [], [], [])
    with appserver.Server(script, db, log) as server:
        server.wacht_gezond()
        pagina = appserver.nieuwe_pagina(browser)
        try:
            for pad in paden:
                start = time.perf_counter()
                pagina.goto(server.url + pad)
                try:
                    appserver.wacht_tot_klaar(pagina, maximum=PAGINA_MAXIMUM)
                    if pagina.locator('[data-testid="stException"]').count():
                        uit.problemen.append(f"{pad}: uitzondering op de pagina")
                except TimeoutError:
                    uit.problemen.append(f"{pad}: niet klaar na {PAGINA_MAXIMUM:.0f} s")
                uit.duur.append(time.perf_counter() - start)
                uit.piek_na.append(server.piek_rss())
        finally:
            pagina.context.close()
    return uit


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--klein",
        action="store_true",
        help="alleen 500 synthetische projecten en de eerste en laatste pagina, als rooktest",
    )
    args = parser.parse_args(argv)
    aantal = 500 if args.klein else 100_000
    # The first page is the default page, served at "/".
    paden = ["/"] + ["/" + pad for _, _, pad in PAGINAS[1:]]
    if args.klein:
        paden = [paden[0], paden[-1]]
    rijen = []
    with tempfile.TemporaryDirectory() as map_, appserver.chromium() as browser:
        map_ = Path(map_)
        stores = {} if args.klein else {"meegeleverde projecten": appserver.maak_database(map_ / "meegeleverd")}
        stores[f"+ {aantal:,} synthetische projecten".replace(",", ".")] = synthetische_database(
            map_ / "synthetisch", aantal
        )
        for i, (naam, db) in enumerate(stores.items()):
            ons = bezoek(
                browser, appserver.APP, paden, appserver.kopieer_database(db, map_ / f"ons{i}"), map_ / f"ons{i}.log"
            )
            naief = bezoek(
                browser,
                appserver.NAIEF_APP,
                ["/"],
                appserver.kopieer_database(db, map_ / f"naief{i}"),
                map_ / f"naief{i}.log",
            )
            rijen += [
                {
                    "meting": f"piek-RSS server, {naam}",
                    "ons": grootte(ons.piek),
                    "naief": grootte(naief.piek),
                    "verhouding": verhouding(ons.piek, naief.piek),
                    "doel": "—",
                    "gehaald": "—",
                },
                {
                    "meting": f"pagina's geladen, {naam}",
                    "ons": ons.beschrijving(),
                    "naief": naief.beschrijving(),
                    "verhouding": "—",
                    "doel": "—",
                    "gehaald": "—",
                },
            ]
    print(f"## 5. Geheugen: piek-RSS (VmHWM) van het serverproces na het openen van {len(paden)} pagina's\n")
    print(markdown(rijen))
    return 0


if __name__ == "__main__":
    sys.exit(main())
