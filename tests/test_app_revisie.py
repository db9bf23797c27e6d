"""The running app sees what another process wrote on its next rerun (its caches are keyed on the database
revision), on both backends."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import data
from projectdb import open_store
from projectdb.store import Store

APP = str(Path(__file__).resolve().parents[1] / "app.py")


@pytest.fixture
def doel(databasedoel, monkeypatch):
    monkeypatch.setenv("SAMENWERKING_DB", str(databasedoel))
    data.opslag.clear()
    data.vernieuw()
    open_store(databasedoel)
    yield databasedoel
    data.opslag.clear()
    data.vernieuw()


def _teksten(at: AppTest) -> str:
    """Every text and table cell on the page."""
    delen = [str(e.value) for soort in (at.markdown, at.caption) for e in soort]
    delen += [tabel.value.to_csv() for tabel in at.dataframe]
    delen += [str(getattr(e, "proto", "")) for e in at.get("html")]
    return "\n".join(delen)


def test_wijziging_uit_een_ander_proces_verschijnt_bij_de_volgende_run(doel):
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["project"] = "P012"
    at.switch_page("pages/projecten.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    oud = Store(doel).project("P012")["titel"]
    assert oud in _teksten(at)
    Store(doel).wijzig_project("P012", {"titel": "Gewijzigd door een ander proces"}, 1, "elders")
    at.run()
    assert not at.exception
    assert "Gewijzigd door een ander proces" in _teksten(at)
    assert oud not in _teksten(at)
