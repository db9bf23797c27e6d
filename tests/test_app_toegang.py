"""The editor gate in Streamlit's AppTest: a viewer never reaches a write (import confirm, edit form, lineage
confirm), not by session-state or URL tricks either; a logged-in editor can write and is named in the change log;
two sessions editing one project get a conflict, not a lost edit; the lockout holds across sessions; an upload's
file name cannot point outside the temporary folder."""

import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from voorbeeldprojecten import rij, schrijf_csv

from dashboard import data, projectweergave, toegang
from projectdb import open_store
from projectdb.toegang import BEEINDIGD, MAX_POGINGEN, OMGEVINGSVARIABELE, UITGESCHAKELD, VERLOPEN, Redacteur

APP = str(Path(__file__).resolve().parents[1] / "app.py")
PAGINA = "pages/projecten.py"
WACHTWOORD = "correct paard batterij niet"
LEERLIJNKNOP = "Bevestig als leerlijn: P011 bouwt voort op P012"


def _verse_store(doel, monkeypatch):
    monkeypatch.setenv("SAMENWERKING_DB", str(doel))
    monkeypatch.delenv(OMGEVINGSVARIABELE, raising=False)
    for cache in (data.opslag, toegang.toegang):
        cache.clear()
    data.vernieuw()
    yield open_store(doel)
    for cache in (data.opslag, toegang.toegang):
        cache.clear()
    data.vernieuw()


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A fresh SQLite store from the shipped projects; the app's caches and logins start empty."""
    monkeypatch.setenv("SAMENWERKING_BACKUPS", str(tmp_path / "backups"))
    yield from _verse_store(tmp_path / "samenwerking.sqlite", monkeypatch)


@pytest.fixture
def beide(databasedoel, monkeypatch):
    """As :func:`store`, once on SQLite and once on PostgreSQL (for the conflict and import tests)."""
    yield from _verse_store(databasedoel, monkeypatch)


@pytest.fixture
def wachtwoord(monkeypatch):
    monkeypatch.setenv(OMGEVINGSVARIABELE, WACHTWOORD)
    return WACHTWOORD


def _run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _projecten(params: dict[str, str] | None = None, sessie: dict | None = None) -> AppTest:
    """The Projecten page through app.py (with the sidebar), with query parameters and session state set first."""
    at = AppTest.from_file(APP, default_timeout=90)
    for sleutel, waarde in (params or {}).items():
        at.query_params[sleutel] = waarde
    for sleutel, waarde in (sessie or {}).items():
        at.session_state[sleutel] = waarde
    at.switch_page(PAGINA)
    return _run(at)


def _meld_aan(at: AppTest, naam: str = "Ans Jansen", wachtwoord: str = WACHTWOORD) -> AppTest:
    at.sidebar.text_input(key="w_aanmeld_naam").input(naam)
    at.sidebar.text_input(key="w_aanmeld_wachtwoord").input(wachtwoord)
    next(b for b in at.sidebar.button if b.label == "Aanmelden").click()
    return _run(at)


def _knop(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def _schrijfknoppen(at: AppTest) -> list[str]:
    return [
        b.label
        for b in at.button
        if b.label in ("Opslaan", "Import bevestigen") or b.label.startswith("Bevestig als leerlijn")
    ]


def _upload(at: AppTest, pad: Path) -> AppTest:
    at.file_uploader[0].set_value((pad.name, pad.read_bytes(), "text/csv"))
    return _run(at)


def test_without_a_password_editing_is_off_and_the_dry_run_still_works(store, tmp_path):
    voor = store.checksum()
    at = _projecten({"project": "P012"})
    assert UITGESCHAKELD in [c.value for c in at.sidebar.caption]
    assert not at.sidebar.text_input and not _schrijfknoppen(at)
    at = _upload(_projecten(), schrijf_csv(tmp_path / "nieuw.csv", [rij()]))
    assert "Nieuw: 1 · bijgewerkt: 0 · ongewijzigd: 0" in [m.value for m in at.markdown]  # the dry-run report
    assert UITGESCHAKELD in [i.value for i in at.info]
    assert not _schrijfknoppen(at)
    assert store.checksum() == voor


def test_an_upload_name_with_folders_and_markup_becomes_a_plain_file_name(store, tmp_path):
    at = _projecten()
    inhoud = schrijf_csv(tmp_path / "nieuw.csv", [rij()]).read_bytes()
    at.file_uploader[0].set_value(("../..<img src=x onerror=alert(1)>.csv", inhoud, "text/csv"))
    _run(at)
    assert at.code[0].value.startswith("_img src_x onerror_alert(1)_.csv (gelezen als UTF-8")


@pytest.mark.parametrize(
    "sessie, params",
    [
        ({toegang.SESSIESLEUTEL: Redacteur("Mallory", "geraden-token")}, {}),
        ({toegang.SESSIESLEUTEL: "Mallory", "redacteur": True, "rol": "redacteur"}, {}),
        ({}, {"redacteur": "1", "rol": "redacteur", "bewerken": "1", "token": "x"}),
    ],
)
def test_session_state_and_url_tricks_do_not_make_an_editor(store, wachtwoord, tmp_path, sessie, params):
    voor = store.checksum()
    at = _projecten({"project": "P012", **params}, sessie)
    assert not _schrijfknoppen(at)
    assert toegang.SESSIESLEUTEL not in at.session_state
    assert [w.label for w in at.sidebar.text_input] == ["Naam (voor het wijzigingslog)", "Wachtwoord"]
    at = _upload(_projecten(params, sessie), schrijf_csv(tmp_path / "nieuw.csv", [rij()]))
    assert any("Meld u aan in de zijbalk" in i.value for i in at.info)
    assert not _schrijfknoppen(at)
    assert store.checksum() == voor


def _schrijf_als_vervalste_redacteur(inhoud: bytes) -> None:
    """App script: call the write callbacks of the edit form, the lineage button and the import button directly,
    as if a viewer could trigger them, with a hand-made Redacteur; show the outcome messages."""
    import streamlit as st

    from dashboard import projectenpagina, vergelijkbaar
    from projectdb.toegang import Redacteur

    vervalst = Redacteur("Mallory", "geraden")
    formulier = {
        "titel": "Overschreven",
        "omschrijving": "",
        "partners": "",
        "toelichting_labels": "",
        "verzekeraars": ["CZ"],
        "inhoud": "GGZ",
        "instrumenten": ["Werkwijze"],
        "intensiteit": "Implementatie",
        "geografie": "Gemeentelijk",
    }
    for veld, waarde in formulier.items():
        st.session_state[f"bewerk-P012-1-{veld}"] = waarde
    projectenpagina._opslaan("P012", 1, "bewerk-P012-1", vervalst)
    vergelijkbaar._leg_vast("P012", "P011", "P012", 1, (), vervalst)
    projectenpagina._importeer("nieuw.csv", inhoud, False, vervalst)
    for sleutel in ("_skw_bewerkuitkomst", "_skw_leerlijnuitkomst", "_skw_importuitkomst"):
        st.text(st.session_state[sleutel][-2])


def test_write_callbacks_called_directly_refuse_a_hand_made_editor(store, wachtwoord, tmp_path):
    voor = store.checksum()
    inhoud = schrijf_csv(tmp_path / "nieuw.csv", [rij()]).read_bytes()
    at = _run(AppTest.from_function(_schrijf_als_vervalste_redacteur, args=(inhoud,), default_timeout=60))
    meldingen = [t.value for t in at.text]
    assert len(meldingen) == 3 and all("Alleen een aangemelde redacteur kan wijzigen" in m for m in meldingen)
    assert store.checksum() == voor
    assert not (store.backupmap).exists()


def test_editor_edits_a_project_and_is_named_in_the_log(store, wachtwoord):
    at = _meld_aan(_projecten({"project": "P012"}))
    assert "Aangemeld als Ans Jansen, rol redacteur: u kunt projecten bewerken en importeren." in [
        c.value for c in at.sidebar.caption
    ]
    at.text_input(key="bewerk-P012-1-titel").input("<img src=x onerror=alert(1)> nieuwe titel")
    at.multiselect(key="bewerk-P012-1-instrumenten").set_value(["Werkwijze", "Beleid"])
    _knop(at, "Opslaan").click()
    _run(at)
    assert [s.value for s in at.success] == ["Opgeslagen als versie 2."]
    project = store.project("P012")
    assert (project["titel"], project["instrumenten"], project["versie"]) == (
        "<img src=x onerror=alert(1)> nieuwe titel",
        ("Werkwijze", "Beleid"),
        2,
    )
    log = store.wijzigingen("P012").query("actie == 'gewijzigd'")
    assert sorted(log["veld"]) == ["instrumenten", "titel"] and set(log["redacteur"]) == {"Ans Jansen"}
    assert at.text_input(key="bewerk-P012-2-titel").value == project["titel"]  # the form of the new versie


def test_second_of_two_sessions_editing_one_project_gets_a_conflict(beide, wachtwoord):
    store = beide
    eerste = _meld_aan(_projecten({"project": "P012"}), naam="Bea")
    tweede = _meld_aan(_projecten({"project": "P012"}), naam="Ans")
    eerste.text_input(key="bewerk-P012-1-titel").input("Titel van Bea")
    _knop(eerste, "Opslaan").click()
    _run(eerste)
    voor = store.checksum()
    tweede.text_input(key="bewerk-P012-1-titel").input("Titel van Ans")
    _knop(tweede, "Opslaan").click()
    _run(tweede)
    assert [e.value for e in tweede.error] == [projectweergave.conflictmelding("Bea", 2)]
    assert tweede.error[0].value == (
        "Dit project is intussen door Bea gewijzigd (versie 2). Laad opnieuw en voer uw wijziging opnieuw in."
    )
    assert store.checksum() == voor and store.project("P012")["titel"] == "Titel van Bea"
    _knop(tweede, "Opnieuw laden").click()
    _run(tweede)
    assert tweede.text_input(key="bewerk-P012-2-titel").value == "Titel van Bea"


def test_conflict_with_a_change_made_outside_the_app(beide, wachtwoord):
    store = beide
    at = _meld_aan(_projecten({"project": "P012"}))
    open_store(store.doel).wijzig_project("P012", {"omschrijving": "Via de opdrachtregel."}, 1, "beheer")
    voor = store.checksum()
    at.text_input(key="bewerk-P012-1-titel").input("Overschrijft niets")
    _knop(at, "Opslaan").click()
    _run(at)
    assert at.error[0].value == projectweergave.conflictmelding("beheer", 2)
    assert store.checksum() == voor


def test_editor_confirms_an_import(beide, wachtwoord, tmp_path):
    store = beide
    at = _meld_aan(_projecten())
    at = _upload(at, schrijf_csv(tmp_path / "nieuw.csv", [rij()]))
    _knop(at, "Import bevestigen").click()
    _run(at)
    assert [s.value for s in at.success] == ["Geïmporteerd: 1 nieuw, 0 bijgewerkt."]
    assert store.project("P100")["titel"] == "Nieuw project"
    assert list(store.wijzigingen("P100")["redacteur"]) == ["Ans Jansen"]
    assert list(store.backupmap.glob("*voor-import*"))


def test_editor_confirms_a_suggested_lineage(store, wachtwoord):
    at = _meld_aan(_projecten({"project": "P012"}))
    assert "P012" not in store.project("P011")["bouwt_voort_op"]
    _knop(at, LEERLIJNKNOP).click()
    _run(at)
    assert at.success[0].value.startswith("Leerlijn vastgelegd: P011 bouwt voort op P012")
    assert store.project("P011")["bouwt_voort_op"][-1] == "P012"
    assert list(store.wijzigingen("P011").query("actie == 'gewijzigd'")["redacteur"]) == ["Ans Jansen"]
    assert LEERLIJNKNOP not in [b.label for b in at.button]  # now linked: no button any more


def test_lockout_survives_a_new_session(store, wachtwoord):
    at = _projecten()
    for _ in range(MAX_POGINGEN):
        at = _meld_aan(at, wachtwoord="geraden wachtwoord")
        assert [e.value for e in at.sidebar.error] == ["Naam of wachtwoord onjuist."]
    at = _meld_aan(at)
    assert at.sidebar.error[0].value.startswith("Te veel mislukte pogingen")
    at = _meld_aan(_projecten())  # a reload is a new session; the count lives on the server
    assert at.sidebar.error[0].value.startswith("Te veel mislukte pogingen")
    assert toegang.SESSIESLEUTEL not in at.session_state


def test_logging_out_ends_the_login_on_the_server(store, wachtwoord):
    at = _meld_aan(_projecten({"project": "P012"}))
    redacteur = at.session_state[toegang.SESSIESLEUTEL]
    _knop(at, "Afmelden").click()
    _run(at)
    assert not _schrijfknoppen(at)
    at = _projecten({"project": "P012"}, {toegang.SESSIESLEUTEL: redacteur})  # a copied login no longer works
    assert not _schrijfknoppen(at)


OIDC_GEHEIMEN = {
    "auth": {
        "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
        "cookie_secret": "x" * 40,
        "client_id": "kaarten",
        "client_secret": "geheim",
        "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
    },
    "rollen": {"redacteur": ["@vng.nl"]},
}


def _als(claims: dict | None, project: str | None = "P012") -> AppTest:
    """The Projecten page with OIDC configured, as the verified identity ``claims`` (``None``: signed out)."""
    at = AppTest.from_file(APP, default_timeout=90)
    for sectie, waarden in OIDC_GEHEIMEN.items():
        at.secrets[sectie] = waarden
    at.user = (
        {"is_logged_in": False}
        if claims is None
        else {"is_logged_in": True, "iss": "http://idp.example", "iat": 1_800_000_000, "nonce": "n0nce", **claims}
    )
    if project:
        at.query_params["project"] = project
    at.switch_page(PAGINA)
    return _run(at)


def test_oidc_identity_with_the_editor_role_is_named_in_the_log(store, wachtwoord):
    at = _als({"sub": "a-1", "email": "ans@vng.nl", "name": "Ans Jansen", "email_verified": True})
    assert not at.sidebar.text_input  # the password form is off with OIDC configured
    assert at.sidebar.caption[0].value.startswith(
        f"Aangemeld als {projectweergave.md('Ans Jansen <ans@vng.nl> [a-1]')}, rol redacteur"
    )
    at.text_input(key="bewerk-P012-1-titel").input("Titel via OIDC")
    _knop(at, "Opslaan").click()
    _run(at)
    assert store.project("P012")["titel"] == "Titel via OIDC"
    assert set(store.wijzigingen("P012").query("actie == 'gewijzigd'")["redacteur"]) == {
        "Ans Jansen <ans@vng.nl> [a-1]"
    }


@pytest.mark.parametrize(
    "claims",
    [
        {"sub": "k-1", "email": "kees@example.org", "name": "Kees"},
        {"sub": "a-2", "email": "ans@vng.nl", "email_verified": False},
        None,
    ],
)
def test_oidc_viewer_unverified_email_and_signed_out_find_no_write_path(store, wachtwoord, tmp_path, claims):
    voor = store.checksum()
    at = _als(claims)
    assert not _schrijfknoppen(at) and not at.sidebar.text_input
    knoppen = [b.label for b in at.sidebar.button]
    assert knoppen == (["Aanmelden met uw organisatieaccount"] if claims is None else ["Afmelden"])
    at = _upload(_als(claims, project=None), schrijf_csv(tmp_path / "nieuw.csv", [rij()]))
    assert any("aangemelde redacteur kan wijzigen" in i.value for i in at.info)
    assert not _schrijfknoppen(at)
    assert store.checksum() == voor


def test_an_idle_oidc_sign_in_ends_and_the_same_cookie_does_not_revive_it(store, monkeypatch):
    claims = {"sub": "a-1", "email": "ans@vng.nl", "name": "Ans Jansen", "email_verified": True}
    _als(None)  # fills the caches, so the page runs below take well under the idle time
    monkeypatch.setitem(OIDC_GEHEIMEN, "toegang", {"inactief_minuten": 0.25})  # 15 seconds
    at = _als(claims)
    assert "Opslaan" in _schrijfknoppen(at)
    time.sleep(15.5)
    at = _als(claims)  # a new page run with the same provider sign-in (same cookie)
    assert [e.value for e in at.sidebar.error] == [VERLOPEN]
    assert [b.label for b in at.sidebar.button] == ["Opnieuw aanmelden"]
    assert not _schrijfknoppen(at)
    at = _als({**claims, "iat": 1_800_000_100, "nonce": "nieuw"})  # signed in at the provider again
    assert "Opslaan" in _schrijfknoppen(at)


def test_a_beheerder_sees_current_sign_ins_and_ends_one(store, monkeypatch):
    monkeypatch.setitem(OIDC_GEHEIMEN, "rollen", {"redacteur": ["@vng.nl"], "beheerder": ["beheer@vng.nl"]})
    ans = {"sub": "a-1", "email": "ans@vng.nl", "name": "Ans Jansen"}
    assert "Opslaan" in _schrijfknoppen(_als(ans))
    assert not [e for e in _als(ans).sidebar.expander if e.label.startswith("Aanmeldingen beheren")]
    beheer = _als({"sub": "b-1", "email": "beheer@vng.nl", "name": "Bea Beheer", "nonce": "ander"})
    (paneel,) = [e for e in beheer.sidebar.expander if e.label.startswith("Aanmeldingen beheren")]
    assert paneel.label == "Aanmeldingen beheren (1)"
    assert paneel.caption[0].value.startswith(f"{projectweergave.md('Ans Jansen <ans@vng.nl> [a-1]')}: redacteur")
    paneel.button[0].click()
    _run(beheer)
    assert beheer.sidebar.success[0].value.startswith("Aanmelding van Ans Jansen")
    na = _als(ans)  # Ans's next page run, same provider sign-in
    assert not _schrijfknoppen(na) and [e.value for e in na.sidebar.error] == [BEEINDIGD]
