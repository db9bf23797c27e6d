"""Benchmark: simultaneous visitors against 1 and 2 app replicas behind nginx, on SQLite and on PostgreSQL.

Each set is brought up by ``deploy/lokaal.py`` (the documented deployment; nginx in front also for one replica, so
both sides pay the same proxy). After one warm-up visitor per replica (straight to the replica, so every process
has built its caches), N visitors start at the same moment through the proxy (:mod:`bezoeker`: a protocol-level
client: first page, then one filter change, each picking the next theme of "Inhoud (thema)"). Reported per backend
and N: p50/p95 time to the first map and to the repaint after the filter change (until the run's map component
has arrived, see :mod:`bezoeker`), errors (a visitor that fails or
takes longer than the bound), server CPU-seconds per visitor (user + system time of every replica process and its
children from ``/proc``, before and after the N visitors, divided by N), resident memory per replica after the
run, and the load generator's own CPU-seconds per visitor (this process, on the same cores as the servers). The
baseline is one replica, in the same run: the column "verhouding" is 2 replicas / 1 replica.

A protocol-level visitor does not load the page's files. What a real browser adds is measured per backend with
headless chromium on one replica behind nginx: :data:`BROWSERS` visitors one after the other, each in a fresh
context (nothing cached), open the page, wait for the map, pick a theme and wait for the repaint; once through the
proxy (which serves the page's files itself) and once straight at the replica (which then serves them),
visitor by visitor in turn.

The load generator runs on the same machine and competes with the servers for its 2 cores; with up to 8 other
users on it too, the figures are noisy; the load (``uptime``) before and after is printed with the tables.

    python bench/replicas.py [--klein]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from gedeeld import WORTEL, Meting, gehaald, markdown, verhouding

import appserver  # noqa: E402
import bezoeker  # noqa: E402

sys.path.insert(0, str(WORTEL / "deploy"))

import lokaal  # noqa: E402

from classify import vocab  # noqa: E402
from projectdb import open_store  # noqa: E402

AANTALLEN = (10, 25, 50)
KLEIN = (2,)
MAXIMUM = 180.0
"""Seconds one visitor may take in all (first page + filter change) before it counts as an error."""
HUIDIG_CPU = 0.55
"""Server CPU-seconds per visitor (page + one filter change) of one process before this work, as measured."""
KEUZES = tuple(naam for naam in vocab.AS_INHOUD.namen if naam != "Anders")
KOLOMMEN = ("meting", "omvang", "ons", "naief", "verhouding", "doel", "gehaald")
"""ons = 2 replicas, naief = 1 replica (the baseline)."""
BROWSERS = 4
"""Browser visitors per route (through nginx, straight at the replica) in :func:`meet_browsers`."""


@dataclass
class Uitslag:
    """The N visitors on one set: their visits, server CPU-seconds per visitor, memory (bytes) per replica and the
    load generator's own CPU-seconds per visitor (this process: it shares the cores with the servers)."""

    bezoeken: list[bezoeker.Bezoek]
    cpu_per_bezoeker: float
    geheugen: list[int]
    client_cpu_per_bezoeker: float

    def meting(self, veld: str) -> Meting | None:
        waarden = tuple(getattr(b, veld) for b in self.bezoeken if getattr(b, veld) is not None)
        return Meting(waarden) if waarden else None

    @property
    def fouten(self) -> int:
        return sum(1 for b in self.bezoeken if b.fout)

    @property
    def spreiding(self) -> str:
        return " / ".join(f"{naam}: {n}" for naam, n in sorted(Counter(b.replica for b in self.bezoeken).items()))


def _eigen_cpu() -> float:
    """User + system CPU-seconds of this process (the load generator) so far."""
    gebruik = resource.getrusage(resource.RUSAGE_SELF)
    return gebruik.ru_utime + gebruik.ru_stime


def meet_set(replicas: int, backend: str, aantallen: tuple[int, ...], map_: Path) -> dict[int, Uitslag]:
    """Bring up ``replicas`` replicas on ``backend`` ("sqlite"/"postgresql"), warm them up, and let every N in
    ``aantallen`` visitors in at once (one N after the other)."""
    sqlite = None
    if backend == "sqlite":
        sqlite = map_ / f"samenwerking-{replicas}.sqlite"
        open_store(sqlite)
    opstelling = lokaal.start(replicas, sqlite=sqlite)
    try:
        for replica in opstelling.replicas:
            opwarming = bezoeker.tegelijk(replica.url, [KEUZES[0]], MAXIMUM)[0]
            if opwarming.fout:
                raise RuntimeError(f"opwarmen van {replica.naam} mislukte: {opwarming.fout}")
        uitslagen = {}
        for n in aantallen:
            voor, client_voor = [appserver.cpu_seconden(r.proces.pid) for r in opstelling.replicas], _eigen_cpu()
            bezoeken = bezoeker.tegelijk(opstelling.url, [KEUZES[i % len(KEUZES)] for i in range(n)], MAXIMUM)
            na, client_na = [appserver.cpu_seconden(r.proces.pid) for r in opstelling.replicas], _eigen_cpu()
            uitslagen[n] = Uitslag(
                bezoeken,
                (sum(na) - sum(voor)) / n,
                [appserver.geheugen(r.proces.pid) for r in opstelling.replicas],
                (client_na - client_voor) / n,
            )
        return uitslagen
    finally:
        lokaal.stop(opstelling)


def meet_browsers(backend: str, map_: Path) -> tuple[float, float]:
    """Server CPU-seconds per browser visitor (page + one filter change) on one replica of ``backend``: (through
    nginx, straight at the replica), each the mean of :data:`BROWSERS` visitors, taken in turn. One uncounted
    visitor goes first on each route: the visitors of a meeting open the same link, so all but the first find
    that selection in the replica's caches."""
    sqlite = None
    if backend == "sqlite":
        sqlite = map_ / "samenwerking-browser.sqlite"
        open_store(sqlite)
    opstelling = lokaal.start(1, sqlite=sqlite)
    replica = opstelling.replicas[0]
    routes = {"nginx": opstelling.url, "replica": replica.url}
    cpu = {route: 0.0 for route in routes}
    try:
        with appserver.chromium() as browser:
            for i in range(BROWSERS + 1):
                for route, url in routes.items():
                    voor = appserver.cpu_seconden(replica.proces.pid)
                    appserver.browserbezoek(browser, url, appserver.kies_inhoud(KEUZES[1]))
                    if i:
                        cpu[route] += appserver.cpu_seconden(replica.proces.pid) - voor
    finally:
        lokaal.stop(opstelling)
    return cpu["nginx"] / BROWSERS, cpu["replica"] / BROWSERS


def browsertabel(via_nginx: float, rechtstreeks: float) -> str:
    """The row of :func:`meet_browsers`: through nginx (ons) against straight at the replica (naief)."""
    rij = {
        "meting": "server-CPU per bezoeker in een browser (pagina + filterwijziging)",
        "omvang": f"{BROWSERS} na elkaar",
        "ons": f"{via_nginx:.3f} s",
        "naief": f"{rechtstreeks:.3f} s",
        "verhouding": verhouding(via_nginx, rechtstreeks),
        "doel": f"≤ {HUIDIG_CPU / 3:.3f} s",
        "gehaald": gehaald(via_nginx <= HUIDIG_CPU / 3),
    }
    return markdown([rij], KOLOMMEN)


def _s(m: Meting | None, p: float) -> tuple[str, float | None]:
    if m is None:
        return "—", None
    waarde = m.percentiel(p)
    return f"{waarde:.2f} s", waarde


def tabel(een: Uitslag, twee: Uitslag, n: int) -> str:
    """Rows for N visitors: 2 replicas (ons) against 1 replica (naief)."""
    rijen = []
    for veld, titel in (("eerste_kaart", "eerste kaart"), ("herschilderd", "herschilderen na filterwijziging")):
        for p in (50, 95):
            ons, ons_w = _s(twee.meting(veld), p)
            naief, naief_w = _s(een.meting(veld), p)
            doel = "< 2 s" if (veld, p) == ("herschilderd", 95) else "—"
            ok = None if doel == "—" else (ons_w is not None and ons_w < 2.0)
            rijen.append(
                {
                    "meting": f"{titel}, p{p}",
                    "omvang": f"{n} tegelijk",
                    "ons": ons,
                    "naief": naief,
                    "verhouding": verhouding(ons_w, naief_w),
                    "doel": doel,
                    "gehaald": gehaald(ok),
                }
            )
    doel_fouten = n >= max(AANTALLEN)
    rijen.append(
        {
            "meting": "fouten (mislukt of te laat)",
            "omvang": f"{n} tegelijk",
            "ons": str(twee.fouten),
            "naief": str(een.fouten),
            "verhouding": "—",
            "doel": "0" if doel_fouten else "—",
            "gehaald": gehaald(twee.fouten == 0 and een.fouten == 0) if doel_fouten else "—",
        }
    )
    rijen.append(
        {
            "meting": "server-CPU per bezoeker (pagina + filterwijziging)",
            "omvang": f"{n} tegelijk",
            "ons": f"{twee.cpu_per_bezoeker:.3f} s",
            "naief": f"{een.cpu_per_bezoeker:.3f} s",
            "verhouding": verhouding(twee.cpu_per_bezoeker, een.cpu_per_bezoeker),
            "doel": f"≤ {HUIDIG_CPU / 3:.3f} s",
            "gehaald": gehaald(max(een.cpu_per_bezoeker, twee.cpu_per_bezoeker) <= HUIDIG_CPU / 3),
        }
    )
    rijen.append(
        {
            "meting": "lastgenerator-CPU per bezoeker (zelfde kernen)",
            "omvang": f"{n} tegelijk",
            "ons": f"{twee.client_cpu_per_bezoeker:.3f} s",
            "naief": f"{een.client_cpu_per_bezoeker:.3f} s",
            "verhouding": "—",
            "doel": "—",
            "gehaald": "—",
        }
    )
    rijen.append(
        {
            "meting": "geheugen per replica na de run",
            "omvang": f"{n} tegelijk",
            "ons": " / ".join(f"{g / 1e6:.0f} MB" for g in twee.geheugen),
            "naief": " / ".join(f"{g / 1e6:.0f} MB" for g in een.geheugen),
            "verhouding": "—",
            "doel": "—",
            "gehaald": "—",
        }
    )
    rijen.append(
        {
            "meting": "bezoekers per replica (cookie van nginx)",
            "omvang": f"{n} tegelijk",
            "ons": twee.spreiding,
            "naief": een.spreiding,
            "verhouding": "—",
            "doel": "—",
            "gehaald": "—",
        }
    )
    return markdown(rijen, KOLOMMEN)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--klein", action="store_true", help="2 bezoekers (rooktest)")
    args = parser.parse_args(argv)
    aantallen = KLEIN if args.klein else AANTALLEN
    print(
        f"## 7. Replica's achter nginx: {', '.join(map(str, aantallen))} bezoekers tegelijk, SQLite en PostgreSQL "
        "(ons = 2 replica's, naief = 1 replica)\n"
    )
    print(
        "Bezoekers op protocolniveau (bench/bezoeker.py: eerste pagina + één filterwijziging over de websocket), "
        f"elk begrensd op {MAXIMUM:.0f} s. De lastgenerator draait op dezelfde machine en concurreert met de "
        "app-servers om de 2 kernen; tijden zijn daardoor aan de hoge kant en ruisgevoelig.\n"
    )
    print(f"belasting vooraf (uptime): {', '.join(f'{b:.2f}' for b in os.getloadavg())}\n")
    fouten = []
    with tempfile.TemporaryDirectory(prefix="samenwerking-bench-") as map_:
        for backend in ("sqlite", "postgresql"):
            een = meet_set(1, backend, aantallen, Path(map_))
            twee = meet_set(2, backend, aantallen, Path(map_))
            browsers = meet_browsers(backend, Path(map_))
            for n in aantallen:
                print(f"### {backend}, {n} bezoekers tegelijk: 2 replica's (ons) tegen 1 replica (naief)\n")
                print(tabel(een[n], twee[n], n) + "\n")
                fouten += [f"{backend} {n}: {b.fout}" for b in een[n].bezoeken + twee[n].bezoeken if b.fout]
            print(
                f"### {backend}, bezoekers in een browser: via nginx, dat de bestanden van de pagina zelf "
                "serveert (ons), tegen rechtstreeks bij de replica (naief)\n"
            )
            print(browsertabel(*browsers) + "\n")
    print(f"belasting achteraf (uptime): {', '.join(f'{b:.2f}' for b in os.getloadavg())}")
    if fouten:
        print("\nfoutmeldingen (eerste 5):\n" + "\n".join(f"- {f}" for f in fouten[:5]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
