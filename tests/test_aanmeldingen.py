"""Logins and failed-login counters in the database, on both backends: shared between store objects (as between
app processes), tokens stored only as digests, expiry and pruning by the given clock."""

import pytest
import sqlalchemy as sa
from voorbeeldprojecten import VOORBEELD, schrijf_csv

from projectdb import aanmeldingen as am
from projectdb import open_store
from projectdb.store import Store


@pytest.fixture
def store(databasedoel, tmp_path):
    return open_store(databasedoel, bron=schrijf_csv(tmp_path / "bron.csv", VOORBEELD))


def test_aanmelding_is_zichtbaar_voor_een_ander_proces(store):
    revisie = store.revisie()
    am.bewaar_aanmelding(store, "geheim-token", "Ans Jansen", "redacteur", verloopt=1000.0, kenmerk="k1")
    ander = Store(store.doel)
    assert am.zoek_aanmelding(ander, "geheim-token", nu=999.0) == am.Aanmelding("Ans Jansen", "redacteur", 1000.0, "k1")
    assert am.zoek_aanmelding(ander, "ander-token", nu=999.0) is None
    with store._lees() as con:
        opgeslagen = con.execute(sa.text("SELECT token_hash FROM aanmelding")).scalars().all()
    assert len(opgeslagen) == 1 and "geheim-token" not in opgeslagen[0]
    am.vergeet_aanmelding(ander, "geheim-token")
    assert am.zoek_aanmelding(store, "geheim-token", nu=999.0) is None
    assert store.revisie() == revisie


def test_verlopen_aanmelding_wordt_verwijderd(store):
    am.bewaar_aanmelding(store, "t", "Bea", "redacteur", verloopt=100.0)
    assert am.zoek_aanmelding(store, "t", nu=100.0) is None
    with store._lees() as con:
        assert con.execute(sa.text("SELECT count(*) FROM aanmelding")).scalar() == 0


def test_mislukte_pogingen_per_sleutel_gedeeld_en_opgeruimd(store):
    ander = Store(store.doel)
    am.noteer_mislukte_poging(store, ["adres:10.0.0.1", "naam:ans"], nu=10.0, bewaren=900.0)
    am.noteer_mislukte_poging(ander, ["adres:10.0.0.2", "naam:ans"], nu=20.0, bewaren=900.0)
    assert am.pogingen(store, "naam:ans", sinds=0.0) == [10.0, 20.0]
    assert am.pogingen(ander, "adres:10.0.0.1", sinds=0.0) == [10.0]
    assert am.pogingen(store, "naam:ans", sinds=15.0) == [20.0]
    am.noteer_mislukte_poging(store, ["naam:bea"], nu=915.0, bewaren=900.0)
    assert am.pogingen(store, "naam:ans", sinds=0.0) == [20.0]
    am.wis_pogingen(ander, "naam:ans")
    assert am.pogingen(store, "naam:ans", sinds=0.0) == []
    assert am.pogingen(store, "naam:bea", sinds=0.0) == [915.0]
