"""Sign-in state in the database, on both backends: shared between store objects (as between app processes and
replicas), tokens stored only as digests, throttling by key, and emptied by a restore."""

import pytest
import sqlalchemy as sa
from voorbeeldprojecten import VOORBEELD, schrijf_csv

from projectdb import aanmeldstaat as st
from projectdb import open_store
from projectdb.store import Store


@pytest.fixture
def store(databasedoel, tmp_path):
    return open_store(databasedoel, bron=schrijf_csv(tmp_path / "bron.csv", VOORBEELD))


def test_aanmelding_is_zichtbaar_voor_een_ander_proces(store):
    revisie = store.revisie()
    eerste = st.registreer(store, "geheim-token", "wachtwoord", "Ans Jansen", "redacteur", "b1", nu=100.0)
    assert eerste == st.Aanmelding("wachtwoord", "Ans Jansen", "redacteur", "b1", 100.0, 100.0, False)
    ander = Store(store.doel)
    assert st.aanmelding(ander, "geheim-token") == eerste
    assert st.aanmelding(ander, "ander-token") is None
    with store._lees() as con:
        (opgeslagen,) = con.execute(sa.text("SELECT token_hash FROM aanmelding")).scalars().all()
    assert opgeslagen == st.token_hash("geheim-token") and "geheim" not in opgeslagen
    assert store.revisie() == revisie


def test_tweede_registratie_van_hetzelfde_token_laat_de_eerste_staan(store):
    st.registreer(store, "t", "oidc", "ans@example.nl", "redacteur", "", nu=10.0)
    tweede = st.registreer(Store(store.doel), "t", "oidc", "ans@example.nl", "beheerder", "", nu=11.0)
    assert (tweede.rol, tweede.begonnen) == ("redacteur", 10.0)


def test_actief_houden_beeindigen_en_opruimen(store):
    st.registreer(store, "a", "wachtwoord", "Ans", "redacteur", "", nu=100.0)
    st.registreer(store, "b", "wachtwoord", "Bea", "redacteur", "", nu=100.0)
    st.houd_actief(store, "a", nu=200.0, rol="beheerder")
    st.houd_actief(store, "a", nu=150.0)
    assert (st.aanmelding(store, "a").laatst_actief, st.aanmelding(store, "a").rol) == (200.0, "beheerder")
    assert [a.naam for _, a in st.actieve(store, sinds=50.0)] == ["Ans", "Bea"]
    st.beeindig(Store(store.doel), "a")
    st.houd_actief(store, "a", nu=300.0)
    assert st.aanmelding(store, "a").beeindigd and st.aanmelding(store, "a").laatst_actief == 200.0
    ((hash_b, _),) = st.actieve(store, sinds=50.0)
    st.beeindig_hash(store, hash_b)
    assert st.actieve(store, sinds=0.0) == []
    st.registreer(store, "c", "wachtwoord", "Cees", "redacteur", "", nu=200.0 + st.BEWAARTIJD)
    assert st.aanmelding(store, "a") is None and st.aanmelding(store, "c") is not None


def test_mislukte_pogingen_blokkeren_per_sleutel_over_processen_heen(store):
    ander = Store(store.doel)
    for i, wie in enumerate((store, ander, store)):
        st.tel_mislukt(wie, [("adres:10.0.0.1", 3), ("naam:ans", 5)], nu=10.0 + i, venster=900.0, blokkade=600.0)
    assert st.wachttijd(ander, ["adres:10.0.0.1"], nu=20.0) == pytest.approx(592.0)
    assert st.wachttijd(ander, ["naam:ans"], nu=20.0) == 0.0
    st.tel_mislukt(store, [("naam:ans", 5)], nu=13.0, venster=900.0, blokkade=600.0)
    st.wis_mislukt(ander, "naam:ans")
    for i in range(4):
        st.tel_mislukt(store, [("naam:ans", 5)], nu=14.0 + i, venster=900.0, blokkade=600.0)
    assert st.wachttijd(store, ["naam:ans"], nu=20.0) == 0.0
    st.tel_mislukt(store, [("adres:10.0.0.1", 3)], nu=700.0, venster=900.0, blokkade=600.0)
    assert st.wachttijd(store, ["adres:10.0.0.1"], nu=700.0) == 0.0


def test_herstel_meldt_iedereen_af_en_vergeet_blokkades(store, tmp_path):
    kopie = store.backup(tmp_path / "kopieen")
    st.registreer(store, "t", "wachtwoord", "Ans", "redacteur", "", nu=100.0)
    st.tel_mislukt(store, [("adres:x", 1)], nu=100.0, venster=900.0, blokkade=600.0)
    store.restore(kopie)
    assert st.aanmelding(store, "t") is None
    assert st.wachttijd(store, ["adres:x"], nu=101.0) == 0.0
