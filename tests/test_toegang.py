"""Editor access without Streamlit: password configuration, constant-time check, throttling per address and per
account with an injected clock, the trusted proxy, sign-in expiry (idle and absolute), sign-ins shared by two
processes on one database, roles, and the gated writes refusing anything but a registered sign-in."""

from __future__ import annotations

import hmac
from dataclasses import replace

import pytest
from voorbeeldprojecten import VOORBEELD, rij, schrijf_csv

from projectdb import aanmeldstaat, open_store, toegang
from projectdb.toegang import (
    AANRAKEN,
    ALLEEN_OIDC,
    BLOKKADE,
    DOORGESTUURD,
    GELDIGHEID,
    INACTIEF,
    MAX_POGINGEN,
    MAX_POGINGEN_ACCOUNT,
    MIN_LENGTE,
    OMGEVINGSVARIABELE,
    PROXY_VARIABELE,
    UITGESCHAKELD,
    VENSTER,
    Geblokkeerd,
    GeenToegang,
    Redacteur,
    Toegang,
    client_adres,
    inactief_seconden,
    vertrouwde_proxy,
    wachtwoorden,
)

GOED = "correct paard batterij niet"
FOUT = "fout wachtwoord geraden"


class Klok:
    """A clock the test moves by hand (seconds since the epoch)."""

    def __init__(self):
        self.nu = 1_800_000_000.0

    def __call__(self) -> float:
        return self.nu


@pytest.fixture
def klok():
    return Klok()


@pytest.fixture
def store(tmp_path):
    return open_store(tmp_path / "db" / "s.sqlite", bron=schrijf_csv(tmp_path / "bron.csv", VOORBEELD))


@pytest.fixture
def poort(klok, store):
    return Toegang(lambda: wachtwoorden({}, {OMGEVINGSVARIABELE: GOED}), lambda: store, klok)


def test_without_a_password_editing_is_off(store):
    for geheimen, omgeving in (
        ({}, {}),
        ({"redacteur": {"wachtwoord": ""}}, {OMGEVINGSVARIABELE: ""}),
        ({"redacteur": "geen tabel"}, {}),
    ):
        ingesteld = wachtwoorden(geheimen, omgeving)
        assert not ingesteld.ingesteld and ingesteld.melding == UITGESCHAKELD
    uit = Toegang(lambda: wachtwoorden({}, {}), lambda: store)
    with pytest.raises(GeenToegang, match="Bewerken is uitgeschakeld: geen redacteurswachtwoord ingesteld"):
        uit.aanmelden("ans", "", "client")
    assert uit.wachttijd("client") == 0  # a refusal because editing is off is no failed attempt


def test_secrets_come_before_the_environment_and_editors_can_have_their_own(klok, store):
    geheimen = {"redacteur": {"wachtwoord": GOED}, "redacteuren": {"Bea  de Vries": "eigen wachtwoord van bea"}}
    poort = Toegang(lambda: wachtwoorden(geheimen, {OMGEVINGSVARIABELE: "omgeving wachtwoord"}), lambda: store, klok)
    assert poort.controleer(poort.aanmelden("ans", GOED, "a")) == "ans"
    with pytest.raises(GeenToegang, match="onjuist"):
        poort.aanmelden("ans", "omgeving wachtwoord", "a")
    assert poort.aanmelden(" Bea de  Vries ", "eigen wachtwoord van bea", "a").naam == "Bea de Vries"
    with pytest.raises(GeenToegang, match="onjuist"):
        poort.aanmelden("Bea de Vries", GOED, "b")  # an editor with an own password cannot use the shared one
    alleen_personen = Toegang(
        lambda: wachtwoorden({"redacteuren": {"bea": "eigen wachtwoord van bea"}}, {}), lambda: store, klok
    )
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


def test_one_visitor_cannot_lock_editors_out(poort, klok):
    # One visitor guessing on and on, under ever new names and a new forwarded address per attempt (which
    # Streamlit's server puts in the reported address): it blocks itself, never the editors elsewhere.
    for i in range(60):
        klok.nu += 1
        nep = f"192.0.2.{i}"
        with pytest.raises(GeenToegang):
            poort.aanmelden(f"naam {i % 7}", FOUT, client_adres(nep, {"X-Forwarded-For": nep}, frozenset()))
    assert poort.wachttijd(DOORGESTUURD) > 0
    assert poort.controleer(poort.aanmelden("Ans Jansen", GOED, "198.51.100.1")) == "Ans Jansen"


def test_failures_on_one_account_from_many_addresses_block_that_account_only(klok, store):
    geheimen = {"redacteuren": {"Ans Jansen": GOED, "Bea de Vries": "eigen wachtwoord van bea"}}
    poort = Toegang(lambda: wachtwoorden(geheimen, {}), lambda: store, klok)
    for i in range(MAX_POGINGEN_ACCOUNT):
        with pytest.raises(GeenToegang) as fout:
            poort.aanmelden("ans jansen" if i % 2 else "Ans Jansen", FOUT, f"192.0.2.{i}")
        assert not isinstance(fout.value, Geblokkeerd)
    with pytest.raises(Geblokkeerd):
        poort.aanmelden("Ans Jansen", GOED, "198.51.100.1")  # the account, from a fresh address
    assert poort.aanmelden("Bea de Vries", "eigen wachtwoord van bea", "192.0.2.1").naam == "Bea de Vries"
    klok.nu += BLOKKADE
    assert poort.aanmelden("Ans Jansen", GOED, "198.51.100.1").naam == "Ans Jansen"


def test_the_shared_password_is_one_account_for_every_typed_name(poort, klok):
    for i in range(MAX_POGINGEN_ACCOUNT):
        with pytest.raises(GeenToegang):
            poort.aanmelden(f"naam {i}", FOUT, f"192.0.2.{i}")
    with pytest.raises(Geblokkeerd):
        poort.aanmelden("Ans Jansen", GOED, "198.51.100.1")


def test_forwarded_headers_count_only_from_a_trusted_proxy():
    kop = {"X-Forwarded-For": "10.9.8.7, 192.0.2.44", "x-real-ip": "192.0.2.55"}
    # No proxy configured: headers are never believed; attempts carrying them share one counter.
    assert client_adres("203.0.113.9", {}, frozenset()) == "203.0.113.9"
    assert client_adres("203.0.113.9", kop, frozenset()) == DOORGESTUURD
    assert client_adres("192.0.2.44", {"Forwarded": "for=192.0.2.44"}, frozenset()) == DOORGESTUURD
    assert client_adres(None, {}, frozenset()) == "127.0.0.1"  # Streamlit reports loopback as None
    # A trusted proxy on loopback: its X-Real-IP, else the last X-Forwarded-For entry.
    assert client_adres(None, kop, frozenset({"127.0.0.1"})) == "192.0.2.55"
    assert client_adres(None, {"X-Forwarded-For": "10.9.8.7, 192.0.2.44"}, frozenset({"127.0.0.1"})) == "192.0.2.44"
    assert client_adres("::1", {"X-Real-Ip": "geen adres"}, frozenset({"::1"})) == "::1"
    # A connection that is not the proxy: its own address, whatever it claims.
    assert client_adres("203.0.113.9", kop, frozenset({"127.0.0.1"})) == "203.0.113.9"
    assert vertrouwde_proxy({}, {}) == frozenset()
    assert vertrouwde_proxy({}, {PROXY_VARIABELE: "127.0.0.1, ::1,onzin"}) == {"127.0.0.1", "::1"}
    assert vertrouwde_proxy({"toegang": {"vertrouwde_proxy": ["10.0.0.2"]}}, {PROXY_VARIABELE: "127.0.0.1"}) == {
        "10.0.0.2"
    }


def test_a_spoofed_address_per_attempt_still_counts_against_the_connection(poort):
    # Streamlit's server already put the spoofed X-Forwarded-For value in the reported address.
    for i in range(MAX_POGINGEN):
        adres = client_adres(f"192.0.2.{i}", {"X-Forwarded-For": f"192.0.2.{i}"}, vertrouwde_proxy({}, {}))
        with pytest.raises(GeenToegang):
            poort.aanmelden("ans", FOUT, adres)
    with pytest.raises(Geblokkeerd):
        poort.aanmelden("ans", GOED, client_adres("192.0.2.200", {"X-Real-Ip": "192.0.2.200"}, frozenset()))
    assert poort.aanmelden("ans", GOED, client_adres("198.51.100.1", {}, frozenset())).naam == "ans"


def test_only_a_registered_active_login_passes(poort, klok):
    redacteur = poort.aanmelden("ans", GOED, "a")
    assert poort.controleer(redacteur) == "ans"
    for vervalst in (
        None,
        "ans",
        {"naam": "ans", "token": redacteur.token},
        True,
        Redacteur("ans", "geraden"),
        Redacteur("bea", redacteur.token),
    ):
        with pytest.raises(GeenToegang, match="Alleen een aangemelde redacteur"):
            poort.controleer(vervalst)
    assert "token" not in repr(redacteur) and redacteur.token not in repr(redacteur)
    klok.nu += INACTIEF - 1
    assert poort.controleer(redacteur) == "ans"  # activity keeps it alive ...
    klok.nu += INACTIEF - 1
    assert poort.controleer(redacteur) == "ans"
    klok.nu += INACTIEF
    with pytest.raises(GeenToegang, match="verlopen"):  # ... idleness ends it
        poort.controleer(redacteur)
    tweede = poort.aanmelden("ans", GOED, "a")
    poort.afmelden(tweede)
    with pytest.raises(GeenToegang, match="afgemeld"):
        poort.controleer(tweede)


def test_a_sign_in_ends_after_a_working_day_however_active(poort, klok):
    redacteur = poort.aanmelden("ans", GOED, "a")
    while klok.nu + AANRAKEN * 10 < 1_800_000_000.0 + GELDIGHEID:
        klok.nu += AANRAKEN * 10
        assert poort.controleer(redacteur) == "ans"
    klok.nu = 1_800_000_000.0 + GELDIGHEID
    with pytest.raises(GeenToegang, match="verlopen"):
        poort.controleer(redacteur)


def test_idle_time_comes_from_the_configuration():
    assert inactief_seconden({}) == INACTIEF
    assert inactief_seconden({"toegang": {"inactief_minuten": 5}}) == 300
    for fout in (0, -3, "10", True):
        assert inactief_seconden({"toegang": {"inactief_minuten": fout}}) == INACTIEF


def test_two_processes_on_one_database_share_sign_ins_and_failures(store, tmp_path, klok):
    """Two app replicas: separate Toegang objects and Store objects on the same file."""

    def instellingen():
        return wachtwoorden({}, {OMGEVINGSVARIABELE: GOED})

    a = Toegang(instellingen, lambda: open_store(store.pad), klok)
    b = Toegang(instellingen, lambda: open_store(store.pad), klok)
    redacteur = a.aanmelden("ans", GOED, "192.0.2.1")
    assert b.controleer(redacteur, "bewerken") == "ans"
    b.afmelden(redacteur)
    with pytest.raises(GeenToegang, match="afgemeld"):
        a.controleer(redacteur)
    for poort in (a, b, a, b, a):
        with pytest.raises(GeenToegang):
            poort.aanmelden("ans", FOUT, "192.0.2.7")
    with pytest.raises(Geblokkeerd):
        b.aanmelden("ans", GOED, "192.0.2.7")


def test_roles_decide_which_writes_pass(klok, store, tmp_path):
    geheimen = {
        "redacteuren": {"Ans Jansen": GOED, "Bea de Vries": "eigen wachtwoord van bea"},
        "rollen": {"beheerder": ["bea de vries"]},
    }
    poort = Toegang(lambda: wachtwoorden(geheimen, {}), lambda: store, klok)
    ans = poort.aanmelden("Ans Jansen", GOED, "a")
    bea = poort.aanmelden("Bea de Vries", "eigen wachtwoord van bea", "a")
    assert (ans.rol, bea.rol) == ("redacteur", "beheerder")
    assert poort.mag(ans, "bewerken") and not poort.mag(ans, "herstellen") and poort.mag(bea, "herstellen")
    kijker = poort.aanmelden_oidc("k" * 40, "Kees Kijker <kees@example.org> [k1]", "kijker")
    voor = store.checksum()
    with pytest.raises(GeenToegang, match=r"Uw rol \(kijker\) mag dit niet"):
        poort.wijzig_project(store, kijker, "P001", {"titel": "Overschreven"}, 1)
    with pytest.raises(GeenToegang, match="kijker"):
        poort.importeer_bestand(store, kijker, schrijf_csv(tmp_path / "nieuw.csv", [rij()]))
    # A hand-raised role on the object gains nothing: the stored role counts.
    with pytest.raises(GeenToegang, match="kijker"):
        poort.wijzig_project(store, Redacteur(kijker.naam, kijker.token, "beheerder"), "P001", {"titel": "X"}, 1)
    assert store.checksum() == voor


def test_an_oidc_sign_in_is_kept_updated_and_never_revived(poort, klok):
    sleutel = "s" * 40
    eerst = poort.aanmelden_oidc(sleutel, "Ans <ans@vng.nl> [a1]", "kijker")
    assert not poort.mag(eerst, "bewerken")
    later = poort.aanmelden_oidc(sleutel, "Ans <ans@vng.nl> [a1]", "redacteur")  # the configuration changed
    assert poort.mag(later, "bewerken") and poort.controleer(later) == "Ans <ans@vng.nl> [a1]"
    poort.afmelden(later)
    with pytest.raises(GeenToegang, match="afgemeld"):
        poort.aanmelden_oidc(sleutel, "Ans <ans@vng.nl> [a1]", "redacteur")  # the same cookie once more
    stil = poort.aanmelden_oidc("t" * 40, "Bea [b1]", "redacteur")
    klok.nu += INACTIEF
    with pytest.raises(GeenToegang, match="verlopen"):
        poort.aanmelden_oidc("t" * 40, "Bea [b1]", "redacteur")
    assert not poort.mag(stil, "bewerken")


def test_a_second_registration_of_one_sign_in_changes_nothing(poort, store, klok):
    eerst = aanmeldstaat.registreer(store, "r" * 40, "oidc", "Ans [a1]", "redacteur", "", klok.nu)
    poort.afmelden(Redacteur("Ans [a1]", "r" * 40))
    klok.nu += 5
    tweede = aanmeldstaat.registreer(store, "r" * 40, "oidc", "Mallory [m1]", "beheerder", "", klok.nu)
    assert tweede == replace(eerst, beeindigd=True)


def test_a_restore_signs_everyone_out_and_forgets_blocks(poort, store, tmp_path):
    redacteur = poort.aanmelden("ans", GOED, "a")
    kopie = store.backup(tmp_path / "kopieen")  # holds the sign-in
    for _ in range(MAX_POGINGEN):
        with pytest.raises(GeenToegang):
            poort.aanmelden("ans", FOUT, "b")
    store.restore(kopie)
    with pytest.raises(GeenToegang, match="Alleen een aangemelde redacteur"):
        poort.controleer(redacteur)
    assert poort.wachttijd("b") == 0


def test_listing_and_ending_sign_ins_needs_the_beheerder_role_on_the_server(poort, klok):
    ans = poort.aanmelden("Ans Jansen", GOED, "192.0.2.1")
    klok.nu += 1
    bea = poort.aanmelden_oidc("b" * 40, "Bea [b1]", "beheerder")
    assert [(h, a.naam, a.rol) for h, a in poort.aanmeldingen(bea)] == [
        (aanmeldstaat.token_hash(bea.token), "Bea [b1]", "beheerder"),
        (aanmeldstaat.token_hash(ans.token), "Ans Jansen", "redacteur"),
    ]
    for niet_beheerder in (ans, Redacteur("Bea [b1]", "geraden", "beheerder"), None):
        with pytest.raises(GeenToegang):
            poort.aanmeldingen(niet_beheerder)
        with pytest.raises(GeenToegang):
            poort.beeindig(niet_beheerder, aanmeldstaat.token_hash(bea.token))
    assert poort.controleer(bea, "rollen_beheren") == "Bea [b1]"
    poort.beeindig(bea, aanmeldstaat.token_hash(ans.token))
    with pytest.raises(GeenToegang, match="afgemeld"):
        poort.controleer(ans)
    assert [a.naam for _, a in poort.aanmeldingen(bea)] == ["Bea [b1]"]


def test_with_oidc_configured_passwords_are_off_unless_enabled(store):
    oidc = {"auth": {"client_id": "kaarten"}, "redacteur": {"wachtwoord": GOED}}
    assert wachtwoorden(oidc, {OMGEVINGSVARIABELE: GOED}).melding == ALLEEN_OIDC
    with pytest.raises(GeenToegang, match="organisatie"):
        Toegang(lambda: wachtwoorden(oidc, {}), lambda: store).aanmelden("ans", GOED, "a")
    beide = {**oidc, "toegang": {"wachtwoord_naast_oidc": True}}
    assert Toegang(lambda: wachtwoorden(beide, {}), lambda: store).aanmelden("ans", GOED, "a").naam == "ans"


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
