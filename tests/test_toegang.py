"""Editor access without Streamlit: password configuration, constant-time check, lockout with an injected clock,
token expiry, and the gated writes refusing anything but a registered login."""

from __future__ import annotations

import hmac

import pytest
from voorbeeldprojecten import VOORBEELD, rij, schrijf_csv

from projectdb import open_store, toegang
from projectdb.toegang import (
    BLOKKADE,
    GELDIGHEID,
    MAX_POGINGEN,
    MAX_POGINGEN_TOTAAL,
    MIN_LENGTE,
    OMGEVINGSVARIABELE,
    UITGESCHAKELD,
    VENSTER,
    Geblokkeerd,
    GeenToegang,
    Redacteur,
    Toegang,
    wachtwoorden,
)

GOED = "correct paard batterij niet"
FOUT = "fout wachtwoord geraden"


class Klok:
    """A clock the test moves by hand (seconds)."""

    def __init__(self):
        self.nu = 1000.0

    def __call__(self) -> float:
        return self.nu


@pytest.fixture
def klok():
    return Klok()


@pytest.fixture
def poort(klok):
    return Toegang(lambda: wachtwoorden({}, {OMGEVINGSVARIABELE: GOED}), klok)


@pytest.fixture
def store(tmp_path):
    return open_store(tmp_path / "db" / "s.sqlite", bron=schrijf_csv(tmp_path / "bron.csv", VOORBEELD))


def test_without_a_password_editing_is_off():
    for geheimen, omgeving in (({}, {}), ({"redacteur": {"wachtwoord": ""}}, {OMGEVINGSVARIABELE: ""}),
                               ({"redacteur": "geen tabel"}, {})):
        ingesteld = wachtwoorden(geheimen, omgeving)
        assert not ingesteld.ingesteld and ingesteld.melding == UITGESCHAKELD
    uit = Toegang(lambda: wachtwoorden({}, {}))
    with pytest.raises(GeenToegang, match="Bewerken is uitgeschakeld: geen redacteurswachtwoord ingesteld"):
        uit.aanmelden("ans", "", "client")
    assert uit.wachttijd("client") == 0  # a refusal because editing is off is no failed attempt


def test_secrets_come_before_the_environment_and_editors_can_have_their_own(klok):
    geheimen = {"redacteur": {"wachtwoord": GOED}, "redacteuren": {"Bea  de Vries": "eigen wachtwoord van bea"}}
    poort = Toegang(lambda: wachtwoorden(geheimen, {OMGEVINGSVARIABELE: "omgeving wachtwoord"}), klok)
    assert poort.controleer(poort.aanmelden("ans", GOED, "a")) == "ans"
    with pytest.raises(GeenToegang, match="onjuist"):
        poort.aanmelden("ans", "omgeving wachtwoord", "a")
    assert poort.aanmelden(" Bea de  Vries ", "eigen wachtwoord van bea", "a").naam == "Bea de Vries"
    with pytest.raises(GeenToegang, match="onjuist"):
        poort.aanmelden("Bea de Vries", GOED, "b")  # an editor with an own password cannot use the shared one
    alleen_personen = Toegang(lambda: wachtwoorden({"redacteuren": {"bea": "eigen wachtwoord van bea"}}, {}), klok)
    with pytest.raises(GeenToegang, match="onjuist"):
        alleen_personen.aanmelden("ans", "eigen wachtwoord van bea", "c")


def test_a_short_password_switches_editing_off_without_showing_it():
    kort = "x" * (MIN_LENGTE - 1)
    ingesteld = wachtwoorden({}, {OMGEVINGSVARIABELE: kort})
    assert not ingesteld.ingesteld
    assert OMGEVINGSVARIABELE in ingesteld.melding and f"korter dan {MIN_LENGTE} tekens" in ingesteld.melding
    assert kort not in ingesteld.melding
    ingesteld = wachtwoorden({"redacteur": {"wachtwoord": GOED}, "redacteuren": {"bea": "kort"}}, {})
    assert not ingesteld.ingesteld and "[redacteuren] bea" in ingesteld.melding


def test_every_check_compares_equal_length_digests_in_constant_time(poort, monkeypatch):
    vergeleken: list[tuple[int, int]] = []
    echt = hmac.compare_digest

    def spion(a, b):
        vergeleken.append((len(a), len(b)))
        return echt(a, b)

    monkeypatch.setattr(toegang.hmac, "compare_digest", spion)
    poort.aanmelden("ans", GOED, "a")
    for wachtwoord in (FOUT, "", "é" * 500):
        with pytest.raises(GeenToegang):
            poort.aanmelden("ans", wachtwoord, "b")
    assert vergeleken == [(32, 32)] * 4


def test_wrong_password_and_missing_name_are_refused(poort):
    with pytest.raises(GeenToegang, match="Naam of wachtwoord onjuist"):
        poort.aanmelden("ans", FOUT, "a")
    with pytest.raises(GeenToegang, match="Vul uw naam in"):
        poort.aanmelden("  ", GOED, "a")
    with pytest.raises(GeenToegang, match="Vul uw naam in"):
        poort.aanmelden("x" * 81, GOED, "a")


def test_five_failures_lock_the_client_out_for_fifteen_minutes(poort, klok):
    for _ in range(MAX_POGINGEN):
        klok.nu += 10
        with pytest.raises(GeenToegang) as fout:
            poort.aanmelden("ans", FOUT, "a")
        assert not isinstance(fout.value, Geblokkeerd)
    with pytest.raises(Geblokkeerd, match="probeer het over 15 minuten opnieuw"):
        poort.aanmelden("ans", GOED, "a")  # refused without looking at the (right) password
    assert poort.wachttijd("a") == pytest.approx(BLOKKADE)
    assert poort.aanmelden("ans", GOED, "b").naam == "ans"  # another client is not blocked
    klok.nu += BLOKKADE - 1
    with pytest.raises(Geblokkeerd, match="over 1 minuut"):
        poort.aanmelden("ans", GOED, "a")
    klok.nu += 1
    assert poort.aanmelden("ans", GOED, "a").naam == "ans"


def test_failures_count_within_the_window_and_a_success_starts_over(poort, klok):
    for _ in range(MAX_POGINGEN - 1):
        with pytest.raises(GeenToegang):
            poort.aanmelden("ans", FOUT, "a")
    klok.nu += VENSTER
    for _ in range(MAX_POGINGEN - 1):
        with pytest.raises(GeenToegang):
            poort.aanmelden("ans", FOUT, "a")
    poort.aanmelden("ans", GOED, "a")
    for _ in range(MAX_POGINGEN - 1):
        with pytest.raises(GeenToegang):
            poort.aanmelden("ans", FOUT, "a")
    assert poort.wachttijd("a") == 0
    with pytest.raises(GeenToegang):
        poort.aanmelden("ans", FOUT, "a")
    assert poort.wachttijd("a") == pytest.approx(BLOKKADE)


def test_many_failures_from_changing_clients_lock_everyone_out(poort, klok):
    for i in range(MAX_POGINGEN_TOTAAL):
        with pytest.raises(GeenToegang):
            poort.aanmelden("ans", FOUT, f"adres-{i}")
    with pytest.raises(Geblokkeerd):
        poort.aanmelden("ans", GOED, "nieuw adres")
    klok.nu += BLOKKADE
    assert poort.aanmelden("ans", GOED, "nieuw adres").naam == "ans"


def test_only_a_registered_unexpired_login_passes(poort, klok):
    redacteur = poort.aanmelden("ans", GOED, "a")
    assert poort.controleer(redacteur) == "ans"
    for vervalst in (None, "ans", {"naam": "ans", "token": redacteur.token}, True, Redacteur("ans", "geraden"),
                 Redacteur("bea", redacteur.token)):
        with pytest.raises(GeenToegang, match="Alleen een aangemelde redacteur"):
            poort.controleer(vervalst)
    assert "token" not in repr(redacteur) and redacteur.token not in repr(redacteur)
    klok.nu += GELDIGHEID - 1
    assert poort.controleer(redacteur) == "ans"
    klok.nu += 1
    with pytest.raises(GeenToegang, match="verlopen"):
        poort.controleer(redacteur)
    tweede = poort.aanmelden("ans", GOED, "a")
    poort.afmelden(tweede)
    with pytest.raises(GeenToegang):
        poort.controleer(tweede)


def test_a_changed_or_removed_password_ends_existing_logins(klok):
    instellingen = {OMGEVINGSVARIABELE: GOED}
    poort = Toegang(lambda: wachtwoorden({}, instellingen), klok)
    redacteur = poort.aanmelden("ans", GOED, "a")
    instellingen[OMGEVINGSVARIABELE] = "een heel nieuw wachtwoord"
    with pytest.raises(GeenToegang, match="verlopen"):
        poort.controleer(redacteur)
    redacteur = poort.aanmelden("ans", "een heel nieuw wachtwoord", "a")
    instellingen.clear()
    with pytest.raises(GeenToegang):
        poort.controleer(redacteur)


def test_writes_refuse_a_forged_login_and_change_nothing(poort, store, tmp_path):
    pad = schrijf_csv(tmp_path / "nieuw.csv", [rij()])
    voor = store.checksum()
    for vervalst in (None, Redacteur("ans", "vervalst")):
        with pytest.raises(GeenToegang):
            poort.wijzig_project(store, vervalst, "P001", {"titel": "Overschreven"}, 1)
        with pytest.raises(GeenToegang):
            poort.importeer_bestand(store, vervalst, pad)
    assert store.checksum() == voor
    assert not (store.pad.parent / "backups").exists()


def test_writes_log_the_name_that_logged_in(poort, store, tmp_path):
    redacteur = poort.aanmelden("Ans Jansen", GOED, "a")
    assert poort.wijzig_project(store, redacteur, "P001", {"titel": "Nieuwe titel"}, 1) == 2
    poort.importeer_bestand(store, redacteur, schrijf_csv(tmp_path / "nieuw.csv", [rij()]))
    log = store.wijzigingen()
    geschreven = log[(log["project_id"] == "P100") | ((log["project_id"] == "P001") & (log["actie"] == "gewijzigd"))]
    assert list(geschreven["actie"]) == ["gewijzigd", "toegevoegd"]
    assert set(geschreven["redacteur"]) == {"Ans Jansen"}
    assert store.project("P100")["titel"] == "Nieuw project"
