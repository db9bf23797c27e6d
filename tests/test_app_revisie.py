"""The running app sees what another process wrote on its next rerun (its caches are keyed on the database
revision), on both backends."""

from pathlib import Path

import pytest
import sqlalchemy as sa
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


MAX_STATEMENTS_PER_RUN = 2
"""A warm run reads the revision once: SQLite ``BEGIN`` + ``SELECT``, PostgreSQL ``SET TRANSACTION`` + ``SELECT``
(``BEGIN`` and ``COMMIT`` are driver calls, not statements)."""


def test_warme_run_van_een_kaartpagina_leest_de_database_een_keer(doel):
    """Every cache is keyed on the revision; it is read once per run, not once per cached call (that was 19
    reads per run of Overzicht, each with its own connection), on both backends."""
    at = AppTest.from_file(APP, default_timeout=120)
    at.switch_page("pages/overzicht.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    statements, uitgiften = [], []
    motor = data.opslag().engine
    tel_statement = lambda *args: statements.append(args[2])  # noqa: E731 - (conn, cursor, statement, ...)
    tel_uitgifte = lambda *args: uitgiften.append(args)  # noqa: E731
    sa.event.listen(motor, "before_cursor_execute", tel_statement)
    sa.event.listen(motor, "checkout", tel_uitgifte)
    try:
        for stap in ("herhaling", "filterwijziging"):
            statements.clear()
            uitgiften.clear()
            if stap == "filterwijziging":
                next(m for m in at.sidebar.multiselect if m.label == "Inhoud (thema)").set_value(["GGZ"])
            at.run()
            assert not at.exception, [e.message for e in at.exception]
            assert len(statements) <= MAX_STATEMENTS_PER_RUN, (stap, statements)
            assert len(uitgiften) == 1, (stap, len(uitgiften))
            assert any("revisie" in s for s in statements), (stap, statements)
    finally:
        sa.event.remove(motor, "before_cursor_execute", tel_statement)
        sa.event.remove(motor, "checkout", tel_uitgifte)


def test_schrijven_in_dezelfde_run_leest_de_revisie_opnieuw(doel, monkeypatch):
    """The per-run memo of the revision gives way to a write of this process in the same run, so what the run
    shows after the write is the new state."""
    gelezen = []
    echte = Store.revisie

    def revisie(store):
        gelezen.append(echte(store))
        return gelezen[-1]

    monkeypatch.setattr(Store, "revisie", revisie)
    at = AppTest.from_function(_schrijf_midden_in_een_run, args=(str(doel),), default_timeout=60)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert len(gelezen) == 2 and gelezen[1] == gelezen[0] + 1
    assert [m.value for m in at.markdown] == [str(gelezen[0]), str(gelezen[0]), str(gelezen[1])]


def _schrijf_midden_in_een_run(doel: str) -> None:
    import streamlit as st

    from dashboard import data
    from projectdb.store import Store

    st.markdown(str(data.revisie()))
    st.markdown(str(data.revisie()))
    versie = Store(doel).project("P012")["versie"]
    Store(doel).wijzig_project("P012", {"titel": "Gewijzigd in dezelfde run"}, versie, "hier")
    st.markdown(str(data.revisie()))
