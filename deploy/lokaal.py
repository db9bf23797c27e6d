"""The whole deployment on one machine, on loopback ports: PostgreSQL 15, N Streamlit replicas of ``app.py`` and
nginx in front with sticky sessions. Everything lives in one temporary folder that :func:`stop` removes.

    python deploy/lokaal.py --replicas 2            # start, print the addresses, stop with Ctrl-C
    python deploy/lokaal.py --replicas 2 --pg URL   # use an existing server (a new database is made on it)

PostgreSQL is initialised into the folder (``initdb`` as the ``postgres`` user when run as root: the server refuses
root) and listens on 127.0.0.1 only. The schema is created and filled once, before the replicas start, so they do
not race for the first fill. nginx runs in the foreground of its own process (``daemon off``) with a generated
configuration (:mod:`nginx_conf`), its pid file, logs and buffers in the folder. The tests and ``bench/replicas.py``
start the set through :func:`start`, so what this script does is what is tested.
"""

from __future__ import annotations

import argparse
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent))

from nginx_conf import configuratie  # noqa: E402

WORTEL = Path(__file__).resolve().parents[1]
PG_BIN = Path(os.environ.get("SAMENWERKING_PG_BIN", "/usr/lib/postgresql/15/bin"))
NGINX = Path("/usr/sbin/nginx")
OPSTARTTIJD = 120.0
"""Seconds a replica or nginx may take to answer its health check."""


def vrije_poort() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _als_postgres(opdracht: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *opdracht] if os.geteuid() == 0 else opdracht


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
    pg_data: Path | None = None
    """The data folder of the PostgreSQL server this set started itself (None: an existing server)."""

    @property
    def toegangslog(self) -> Path:
        """nginx's access log: one line per request with the replica (``upstream_addr``) that served it."""
        return self.map / "nginx" / "toegang.log"


def _start_postgres(map_: Path) -> tuple[Path, str]:
    """initdb into ``map_/pg`` and start the server on a free loopback port; returns (data folder, server URL)."""
    pg = map_ / "pg"
    pg.mkdir()
    if os.geteuid() == 0:
        gebruiker = pwd.getpwnam("postgres")
        os.chown(pg, gebruiker.pw_uid, gebruiker.pw_gid)
    data, poort = pg / "data", vrije_poort()
    try:
        subprocess.run(
            _als_postgres(
                [str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C"]
            ),
            check=True,
            capture_output=True,
            text=True,
        )
        subprocess.run(
            _als_postgres(
                [
                    str(PG_BIN / "pg_ctl"),
                    "-D",
                    str(data),
                    "-l",
                    str(pg / "server.log"),
                    "-w",
                    "-t",
                    "60",
                    "-o",
                    f"-c listen_addresses=127.0.0.1 -p {poort} -k {pg} -c max_connections=200",
                    "start",
                ]
            ),
            check=True,
            capture_output=True,
            text=True,
        )
    except subprocess.CalledProcessError as fout:
        raise RuntimeError(f"PostgreSQL startte niet ({fout.cmd[-1]}): {fout.stderr or fout.stdout}") from None
    return data, f"postgresql://postgres@127.0.0.1:{poort}/postgres"


def _beheer(server: str, opdracht: str) -> None:
    """Run one statement outside a transaction (CREATE/DROP DATABASE) on ``server``, a superuser URL."""
    beheer = sa.create_engine(
        server.replace("postgresql://", "postgresql+psycopg://", 1),
        isolation_level="AUTOCOMMIT",
        poolclass=sa.pool.NullPool,
    )
    with beheer.connect() as con:
        con.exec_driver_sql(opdracht)
    beheer.dispose()


def _nieuwe_database(server: str) -> str:
    """Create an empty database on ``server``; returns its URL."""
    naam = f"samenwerking_{secrets.token_hex(4)}"
    _beheer(server, f'CREATE DATABASE "{naam}"')
    return server.rsplit("/", 1)[0] + "/" + naam


def _wacht_gezond(url: str, proces: subprocess.Popen, log: Path) -> None:
    grens = time.monotonic() + OPSTARTTIJD
    while time.monotonic() < grens:
        if proces.poll() is not None:
            raise RuntimeError(f"{url} stopte (code {proces.returncode}); zie {log}")
        try:
            with urllib.request.urlopen(url + "_stcore/health", timeout=2) as antwoord:
                if antwoord.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} niet gezond binnen {OPSTARTTIJD:.0f} s; zie {log}")


def _start_replica(naam: str, database: str, omgeving: dict[str, str], map_: Path) -> Replica:
    poort, log = vrije_poort(), map_ / f"{naam}.log"
    with log.open("wb") as uitvoer:
        proces = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "app.py",
                "--server.headless",
                "true",
                "--server.port",
                str(poort),
                "--server.address",
                "127.0.0.1",
                "--browser.gatherUsageStats",
                "false",
            ],
            cwd=WORTEL,
            env={**os.environ, **omgeving, "SAMENWERKING_DB": database, "PYTHONUNBUFFERED": "1"},
            stdout=uitvoer,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return Replica(naam, poort, proces, log)


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
            poort, {r.naam: r.poort for r in opstelling.replicas}, map_, "www-data" if os.geteuid() == 0 else None
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
    _wacht_gezond(opstelling.url, opstelling.nginx, log)


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
                opstelling.pg_data, pg = _start_postgres(opstelling.map)
            opstelling.server = pg
            opstelling.database = _nieuwe_database(pg)
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
            _wacht_gezond(replica.url, replica.proces, replica.log)
        _start_nginx(opstelling)
    except BaseException:
        stop(opstelling)
        raise
    return opstelling


def _beeindig(proces: subprocess.Popen | None) -> None:
    if proces is None or proces.poll() is not None:
        return
    os.killpg(proces.pid, signal.SIGTERM)
    try:
        proces.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proces.pid, signal.SIGKILL)
        proces.wait(timeout=20)


def stop(opstelling: Opstelling) -> None:
    """Stop nginx, the replicas and PostgreSQL when this set started it (else drop the database it made on the
    existing server), and remove the folder."""
    _beeindig(opstelling.nginx)
    for replica in opstelling.replicas:
        _beeindig(replica.proces)
    if opstelling.server and opstelling.pg_data is None and opstelling.database:
        # An existing server keeps running: only the database this set made goes.
        _beheer(opstelling.server, f'DROP DATABASE IF EXISTS "{opstelling.database.rsplit("/", 1)[1]}" WITH (FORCE)')
    elif opstelling.pg_data is not None:
        subprocess.run(
            _als_postgres([str(PG_BIN / "pg_ctl"), "-D", str(opstelling.pg_data), "-m", "fast", "-w", "stop"]),
            capture_output=True,
            check=False,
        )
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
