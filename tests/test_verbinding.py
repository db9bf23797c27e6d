"""Databases made and dropped on a real PostgreSQL 15 server (the deployment, the tests and the schema check make
their throw-away databases this way)."""

import pytest
import sqlalchemy as sa

from projectdb.verbinding import nieuwe_database, sqlalchemy_url, verwijder_database

pytestmark = pytest.mark.postgresql


def _databases(server: str) -> dict[str, str]:
    motor = sa.create_engine(sqlalchemy_url(server), poolclass=sa.pool.NullPool)
    with motor.connect() as con:
        rijen = con.exec_driver_sql("SELECT datname, pg_encoding_to_char(encoding) FROM pg_database").all()
    motor.dispose()
    return dict(rijen)


def test_a_new_database_is_empty_utf8_on_the_same_server_and_goes_again(pg_server):
    url = nieuwe_database(pg_server, "proef")
    nieuw = sa.make_url(url)
    server = sa.make_url(pg_server)
    assert nieuw.database.startswith("proef_") and len(nieuw.database) == len("proef_") + 12
    assert (nieuw.drivername, nieuw.username, nieuw.host, nieuw.port) == (
        server.drivername,
        server.username,
        server.host,
        server.port,
    )
    assert _databases(pg_server)[nieuw.database] == "UTF8"
    motor = sa.create_engine(sqlalchemy_url(url), poolclass=sa.pool.NullPool)
    con = motor.connect()
    tabellen = con.exec_driver_sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").scalar()
    verwijder_database(url)  # an open session does not keep it: dropping ends that session
    con.invalidate()
    motor.dispose()
    assert tabellen == 0
    assert nieuw.database not in _databases(pg_server)
    verwijder_database(url)  # gone already: nothing happens


def test_two_new_databases_get_different_names(pg_server):
    urls = [nieuwe_database(pg_server) for _ in range(2)]
    try:
        assert urls[0] != urls[1]
        assert all(sa.make_url(u).database.startswith("samenwerking_") for u in urls)
    finally:
        for url in urls:
            verwijder_database(url)
