"""A throw-away PostgreSQL 15 server for the tests: initdb into a temporary folder as the ``postgres`` user (the
server refuses to run as root), listening on a free loopback port only, stopped and removed afterwards.

``.ci/run`` starts one server for the whole run and exports its URL as ``SAMENWERKING_TEST_PG``; without that
variable the ``pg_server`` fixture starts one of these itself.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _als_postgres(opdracht: list[str]) -> list[str]:
    """Run as the ``postgres`` user when we are root (the server refuses root), else as ourselves."""
    return ["runuser", "-u", "postgres", "--", *opdracht] if os.geteuid() == 0 else opdracht


class PgServer:
    """One running server; :attr:`url` is its ``postgres`` database as superuser ``postgres`` (trust, loopback)."""

    def __init__(self) -> None:
        self.map = Path(tempfile.mkdtemp(prefix="samenwerking-pg-"))
        self.data = self.map / "data"
        poort = _vrije_poort()
        if os.geteuid() == 0:
            gebruiker = pwd.getpwnam("postgres")
            os.chown(self.map, gebruiker.pw_uid, gebruiker.pw_gid)
        try:
            subprocess.run(
                _als_postgres(
                    [
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
                        "--no-sync",
                    ]
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
                        str(self.data),
                        "-l",
                        str(self.map / "server.log"),
                        "-w",
                        "-t",
                        "60",
                        "-o",
                        f"-c listen_addresses=127.0.0.1 -p {poort} -k {self.map} -c fsync=off "
                        "-c full_page_writes=off -c max_connections=200",
                        "start",
                    ]
                ),
                check=True,
                capture_output=True,
                text=True,
            )
        except subprocess.CalledProcessError as fout:
            shutil.rmtree(self.map, ignore_errors=True)
            raise RuntimeError(f"PostgreSQL startte niet: {fout.stderr or fout.stdout}") from None
        self.url = f"postgresql://postgres@127.0.0.1:{poort}/postgres"

    def stop(self) -> None:
        subprocess.run(
            _als_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"]),
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self.map, ignore_errors=True)
