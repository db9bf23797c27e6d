"""A throw-away PostgreSQL 15 server: ``initdb`` into a folder (as the ``postgres`` user when run as root: the server
refuses root), listening on a free loopback port only, stopped and its folder removed by :meth:`Server.stop`.

The deployment (:mod:`lokaal`) and the tests' ``pg_server`` fixture both start one through :class:`Server`; the
tests ask for a server without durability (no fsync), which is faster and fine for data that is thrown away.
``.ci/run`` starts its server in shell before any Python package is installed.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

from streamlitproces import vrije_poort

PG_BIN = Path(os.environ.get("SAMENWERKING_PG_BIN", "/usr/lib/postgresql/15/bin"))


def _als_postgres(opdracht: list[str]) -> list[str]:
    """Run as the ``postgres`` user when we are root (the server refuses root), else as ourselves."""
    return ["runuser", "-u", "postgres", "--", *opdracht] if os.geteuid() == 0 else opdracht


class Server:
    """One running server; :attr:`url` is its ``postgres`` database as superuser ``postgres`` (trust, loopback).

    ``map_``: the folder to put it in (made when absent; default a new temporary folder). ``duurzaam=False`` turns
    off fsync and full-page writes: a crash may lose the data, which is what throw-away test data may do.
    Raises RuntimeError with PostgreSQL's own message when it does not start; the folder is then removed.
    """

    def __init__(self, map_: Path | None = None, *, duurzaam: bool = True) -> None:
        self.map = Path(map_) if map_ is not None else Path(tempfile.mkdtemp(prefix="samenwerking-pg-"))
        self.map.mkdir(exist_ok=True)
        self.data = self.map / "data"
        if os.geteuid() == 0:
            gebruiker = pwd.getpwnam("postgres")
            os.chown(self.map, gebruiker.pw_uid, gebruiker.pw_gid)
        poort = vrije_poort()
        instellingen = f"-c listen_addresses=127.0.0.1 -p {poort} -k {self.map} -c max_connections=200"
        initdb = [
            str(PG_BIN / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
        ]
        if not duurzaam:
            initdb.append("--no-sync")
            instellingen += " -c fsync=off -c full_page_writes=off"
        log = str(self.map / "server.log")
        try:
            subprocess.run(_als_postgres(initdb), check=True, capture_output=True, text=True)
            subprocess.run(
                _als_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", log, "-w", "-t", "60"])
                + ["-o", instellingen, "start"],
                check=True,
                capture_output=True,
                text=True,
            )
        except subprocess.CalledProcessError as fout:
            shutil.rmtree(self.map, ignore_errors=True)
            raise RuntimeError(f"PostgreSQL startte niet ({fout.cmd[-1]}): {fout.stderr or fout.stdout}") from None
        self.url = f"postgresql://postgres@127.0.0.1:{poort}/postgres"

    def stop(self) -> None:
        """Stop the server (fast shutdown: open sessions are ended) and remove its folder."""
        subprocess.run(
            _als_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"]),
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self.map, ignore_errors=True)
