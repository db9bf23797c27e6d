"""One ``streamlit run`` process on a free loopback port: the command line, its environment, the health check and
stopping it. The deployment (:mod:`lokaal`), the browser tests and the benchmarks all start the app through
:func:`start`, so they run it with the same flags.

The process leads its own process group (Streamlit may start helpers), so :func:`beeindig` stops them all.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Mapping
from pathlib import Path

WORTEL = Path(__file__).resolve().parents[1]
"""The repository root: the working directory of the app (it reads ``data/`` relative to it)."""

OPSTARTTIJD = 120.0
"""Seconds a server may take to answer its health check."""


def vrije_poort() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def opdracht(script: Path | str, poort: int) -> list[str]:
    """``python -m streamlit run <script>`` headless on 127.0.0.1:``poort``, without usage statistics."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.headless",
        "true",
        "--server.port",
        str(poort),
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
    ]


def start(
    script: Path | str, poort: int, database: str | Path, log: Path, omgeving: Mapping[str, str] | None = None
) -> subprocess.Popen:
    """Start ``script`` (relative to :data:`WORTEL` or absolute) on ``poort`` reading the project store
    ``database`` (a SQLite path or a ``postgresql://`` URL); stdout and stderr go to the file ``log``.
    ``omgeving``: extra environment (such as the editor password). Returns at once; see :func:`wacht_gezond`."""
    with Path(log).open("wb") as uitvoer:
        return subprocess.Popen(
            opdracht(script, poort),
            cwd=WORTEL,
            env={**os.environ, **(omgeving or {}), "SAMENWERKING_DB": str(database), "PYTHONUNBUFFERED": "1"},
            stdout=uitvoer,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def wacht_gezond(
    url: str, proces: subprocess.Popen, log: Path, maximum: float = OPSTARTTIJD, pauze: float = 0.2
) -> None:
    """Wait until ``url`` (ending in "/") answers ``_stcore/health`` with "ok", polling every ``pauze`` seconds.

    Raises RuntimeError when ``proces`` stops first and TimeoutError after ``maximum`` seconds, both naming ``log``.
    """
    grens = time.monotonic() + maximum
    while time.monotonic() < grens:
        if proces.poll() is not None:
            raise RuntimeError(f"{url} stopte (code {proces.returncode}); zie {log}")
        try:
            with urllib.request.urlopen(url + "_stcore/health", timeout=2) as antwoord:
                if antwoord.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(pauze)
    raise TimeoutError(f"{url} niet gezond binnen {maximum:.0f} s; zie {log}")


def beeindig(proces: subprocess.Popen | None) -> None:
    """Stop ``proces`` and its process group: SIGTERM, then SIGKILL after 20 s."""
    if proces is None or proces.poll() is not None:
        return
    os.killpg(proces.pid, signal.SIGTERM)
    try:
        proces.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proces.pid, signal.SIGKILL)
        proces.wait(timeout=20)
