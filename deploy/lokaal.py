"""The whole deployment on one machine, on loopback ports: PostgreSQL 15, N Streamlit replicas of ``app.py`` and
nginx in front with sticky sessions. Everything lives in one temporary folder that :func:`stop` removes.

    python deploy/lokaal.py --replicas 2            # start, print the addresses, stop with Ctrl-C
    python deploy/lokaal.py --replicas 2 --pg URL   # use an existing server (a new database is made on it)

PostgreSQL is initialised into the folder (:mod:`pgtijdelijk`: ``initdb`` as the ``postgres`` user when run as root,
the server refuses root) and listens on 127.0.0.1 only; each replica is :func:`streamlitproces.start`. The schema is
created and filled once, before the replicas start, so they do not race for the first fill. nginx runs in the
foreground of its own process (``daemon off``) with a generated configuration (:mod:`nginx_conf`), its pid file,
logs and buffers in the folder. The tests and ``bench/replicas.py`` start the set through :func:`start`, so what this
script does is what is tested.
"""

from __future__ import annotations

import argparse
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

# Run as ``python deploy/lokaal.py``: its own folder and the checkout (the app's packages) on the path.
sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[1])]

import pgtijdelijk  # noqa: E402
import streamlitproces  # noqa: E402
from nginx_conf import configuratie, statische_bestanden  # noqa: E402
from streamlitproces import WORTEL, beeindig, vrije_poort, wacht_gezond  # noqa: E402

from projectdb import verbinding  # noqa: E402

NGINX = Path("/usr/sbin/nginx")


@dataclass
class Replica:
    """One ``streamlit run app.py`` process; ``naam`` is ``r0``, ``r1``, ... (also its sticky-cookie value)."""

    naam: str
    poort: int
    proces: subprocess.Popen
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.poort}/"


@dataclass
class Opstelling:
    """A running deployment: :attr:`url` is nginx, :attr:`database` the ``postgresql://`` URL all replicas use."""

    map: Path
    database: str
    url: str = ""
    replicas: list[Replica] = field(default_factory=list)
    nginx: subprocess.Popen | None = None
    server: str = ""
    """Superuser URL of the PostgreSQL server holding :attr:`database` ("" on SQLite)."""
    pg: pgtijdelijk.Server | None = None
    """The PostgreSQL server this set started itself (None: an existing server, or SQLite)."""

    @property
    def toegangslog(self) -> Path:
        """nginx's access log: one line per request with the replica (``upstream_addr``) that served it."""
        return self.map / "nginx" / "toegang.log"


def _start_replica(naam: str, database: str, omgeving: dict[str, str], map_: Path) -> Replica:
    poort, log = vrije_poort(), map_ / f"{naam}.log"
    return Replica(naam, poort, streamlitproces.start("app.py", poort, database, log, omgeving), log)


def _start_nginx(opstelling: Opstelling) -> None:
    map_ = opstelling.map / "nginx"
    for sub in ("", "tijdelijk"):
        (map_ / sub).mkdir(exist_ok=True)
    if os.geteuid() == 0:
        # The workers run as www-data when the master is root; they write the buffers and logs.
        www = pwd.getpwnam("www-data")
        for pad in (map_, map_ / "tijdelijk"):
            os.chown(pad, www.pw_uid, www.pw_gid)
    poort = vrije_poort()
    conf = map_ / "nginx.conf"
    conf.write_text(
        configuratie(
            poort,
            {r.naam: r.poort for r in opstelling.replicas},
            map_,
            "www-data" if os.geteuid() == 0 else None,
            statische_bestanden(map_ / "bestanden"),
        ),
        encoding="utf-8",
    )
    log = map_ / "fout.log"
    opstelling.nginx = subprocess.Popen(
        [str(NGINX), "-p", str(map_), "-c", str(conf), "-e", str(log), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    opstelling.url = f"http://127.0.0.1:{poort}/"
    wacht_gezond(opstelling.url, opstelling.nginx, log)


def start(
    aantal: int = 2, pg: str | None = None, omgeving: dict[str, str] | None = None, sqlite: Path | None = None
) -> Opstelling:
    """Bring up PostgreSQL (or a new database on the server ``pg``), ``aantal`` replicas and nginx; returns once
    every replica and nginx answer ``/_stcore/health``. ``omgeving``: extra environment for the replicas (such as
    the editor password). ``sqlite``: share this SQLite file instead of PostgreSQL (one machine only; used by the
    benchmark to compare the backends). On failure everything started so far is stopped again."""
    if aantal < 1:
        raise ValueError("aantal replica's moet minstens 1 zijn")
    opstelling = Opstelling(Path(tempfile.mkdtemp(prefix="samenwerking-deploy-")), "")
    if os.geteuid() == 0:
        # PostgreSQL (as postgres) and nginx's workers (as www-data) reach their folders through this one.
        opstelling.map.chmod(0o711)
    try:
        if sqlite is not None:
            opstelling.database = str(sqlite)
        else:
            if pg is None:
                opstelling.pg = pgtijdelijk.Server(opstelling.map / "pg")
                pg = opstelling.pg.url
            opstelling.server = pg
            opstelling.database = verbinding.nieuwe_database(pg)
        subprocess.run(
            [sys.executable, "-c", "from projectdb import open_store; open_store()"],
            cwd=WORTEL,
            env={**os.environ, "SAMENWERKING_DB": opstelling.database},
            check=True,
            capture_output=True,
            text=True,
        )
        opstelling.replicas = [
            _start_replica(f"r{i}", opstelling.database, omgeving or {}, opstelling.map) for i in range(aantal)
        ]
        for replica in opstelling.replicas:
            wacht_gezond(replica.url, replica.proces, replica.log)
        _start_nginx(opstelling)
    except BaseException:
        stop(opstelling)
        raise
    return opstelling


def stop(opstelling: Opstelling) -> None:
    """Stop nginx, the replicas and PostgreSQL when this set started it (else drop the database it made on the
    existing server), and remove the folder."""
    beeindig(opstelling.nginx)
    for replica in opstelling.replicas:
        beeindig(replica.proces)
    if opstelling.pg is not None:
        opstelling.pg.stop()
    elif opstelling.server and opstelling.database:
        # An existing server keeps running: only the database this set made goes.
        verbinding.verwijder_database(opstelling.database)
    shutil.rmtree(opstelling.map, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="PostgreSQL, N app-servers en nginx op deze machine (loopback).")
    parser.add_argument("--replicas", type=int, default=2, help="aantal app-servers (standaard 2)")
    parser.add_argument("--pg", help="bestaande PostgreSQL-server (URL van een superuser); anders een tijdelijke")
    args = parser.parse_args(argv)
    opstelling = start(args.replicas, args.pg)
    print(f"proxy:    {opstelling.url}")
    for replica in opstelling.replicas:
        print(f"replica {replica.naam}: {replica.url}")
    print(f"database: {opstelling.database}\nmap:      {opstelling.map}\nstoppen met Ctrl-C", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    # Started in the background by a script, a shell hands this process SIGINT ignored; Ctrl-C (or kill -INT) must
    # still stop the set, not leave the replicas and nginx running.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        while all(r.proces.poll() is None for r in opstelling.replicas) and opstelling.nginx.poll() is None:
            time.sleep(1)
        print("een proces stopte onverwacht; alles wordt gestopt", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        stop(opstelling)


if __name__ == "__main__":
    sys.exit(main())
