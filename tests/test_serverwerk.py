"""Server work per rerun that the Streamlit settings decide."""

import tomllib
from pathlib import Path

INSTELLINGEN = Path(__file__).resolve().parents[1] / ".streamlit" / "config.toml"


def _instellingen() -> dict:
    return tomllib.loads(INSTELLINGEN.read_text(encoding="utf-8"))


def test_no_full_garbage_collection_after_every_run():
    # gc.collect(2) after each run was about a third of a rerun's server CPU (bench/replicas.py).
    assert _instellingen()["runner"]["postScriptGC"] is False


def test_the_server_does_not_watch_its_own_source_files():
    assert _instellingen()["server"]["fileWatcherType"] == "none"
