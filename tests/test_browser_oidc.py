"""Sign-in with an organisation account, end to end: headless Chromium, the app under ``streamlit run`` and a real
OpenID Connect provider (``oidc-provider-mock``, a Flask app) on a free port of 127.0.0.1, started here.

The app gets its own temporary secrets file (``STREAMLIT_SECRETS_FILES``) with ``[auth]`` pointing at the provider
and ``[rollen]`` making ``@vng.nl`` addresses editors. The browser goes through the provider's own authorisation
and end-session pages. To show that a token for another audience or an expired one is refused, the provider's
token endpoint re-signs the ID token it issued, with its own key, after changing ``aud`` or ``exp``: a correctly
signed token that the app must still reject.
"""

import json
import os
import threading
import time

import pytest
from browserhulp import wacht_tot_klaar, wijzig_titel

from projectdb.store import open_store
from projectdb.toegang import BEEINDIGD

playwright = pytest.importorskip("playwright.sync_api")
oidc_provider_mock = pytest.importorskip("oidc_provider_mock")
pytestmark = pytest.mark.browser

CLIENT_ID = "samenwerkingskaarten"
REDACTEUR = ("ans", {"email": "ans@vng.nl", "email_verified": True, "name": "Ans Jansen"})
KIJKER = ("kees", {"email": "kees@example.org", "email_verified": True, "name": "Kees Kijker"})
IDENTITEIT = "Ans Jansen <ans@vng.nl> [ans]"


class Aanbieder:
    """The provider in a thread: its base URL, and ``vervalsing`` (None, "audience" or "verlopen") that the token
    endpoint applies to the next ID tokens it issues; ``vervalst`` keeps each re-signed token."""

    def __init__(self):
        import flask
        import werkzeug.serving
        from oidc_provider_mock import User

        toepassing = oidc_provider_mock.app(user_claims=[User(sub=s, claims=c) for s, c in (REDACTEUR, KIJKER)])
        self.vervalsing: str | None = None
        self.vervalst: list[str] = []

        @toepassing.after_request
        def vervals(antwoord):
            if self.vervalsing and flask.request.path == "/oauth2/token" and antwoord.status_code == 200:
                inhoud = antwoord.get_json()
                inhoud["id_token"] = self._herteken(inhoud["id_token"], flask.g.oidc_provider_mock_storage.jwk)
                antwoord.set_data(json.dumps(inhoud))
            return antwoord

        self._server = werkzeug.serving.make_server("127.0.0.1", 0, toepassing, threaded=True)
        self.basis = f"http://127.0.0.1:{self._server.server_port}"
        self._draad = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
        self._draad.start()

    def _herteken(self, token: str, sleutel) -> str:
        """``token`` with ``aud`` or ``exp`` changed, signed again with the provider's private key."""
        from joserfc import jwt
        from joserfc.jwk import RSAKey

        prive = RSAKey.import_key(sleutel.as_dict(is_private=True))
        origineel = jwt.decode(token, prive)
        claims = dict(origineel.claims)
        if self.vervalsing == "audience":
            claims["aud"] = "een-andere-toepassing"
        else:
            nu = int(time.time())
            claims["iat"], claims["exp"] = nu - 7200, nu - 3600
        nieuw = jwt.encode(dict(origineel.header), claims, prive)
        self.vervalst.append(nieuw)
        return nieuw

    def stop(self) -> None:
        self._server.shutdown()
        self._draad.join(5)


@pytest.fixture(scope="module")
def aanbieder():
    vorige = os.environ.get("AUTHLIB_INSECURE_TRANSPORT")
    os.environ["AUTHLIB_INSECURE_TRANSPORT"] = "1"  # the provider refuses plain http otherwise; loopback only
    bron = Aanbieder()
    yield bron
    bron.stop()
    if vorige is None:
        del os.environ["AUTHLIB_INSECURE_TRANSPORT"]
    else:
        os.environ["AUTHLIB_INSECURE_TRANSPORT"] = vorige


@pytest.fixture(scope="module")
def appomgeving(aanbieder, tmp_path_factory):
    """The temporary secrets file: OIDC against the local provider, editors by e-mail domain."""
    geheimen = tmp_path_factory.mktemp("geheimen") / "secrets.toml"
    geheimen.write_text(
        f"""
[auth]
redirect_uri = "http://127.0.0.1:{{port}}/oauth2callback"
cookie_secret = "{os.urandom(24).hex()}"
client_id = "{CLIENT_ID}"
client_secret = "{os.urandom(12).hex()}"
server_metadata_url = "{aanbieder.basis}/.well-known/openid-configuration"

[rollen]
redacteur = ["@vng.nl"]
""",
        encoding="utf-8",
    )
    return {"STREAMLIT_SECRETS_FILES": str(geheimen)}


def _zijbalk(page):
    return page.locator("[data-testid='stSidebar']")


def _meld_aan(page, app: str, gebruiker: str) -> None:
    """Sign in through the provider's authorisation page as the predefined user ``gebruiker``."""
    page.goto(app)
    _zijbalk(page).get_by_role("button", name="Aanmelden met uw organisatieaccount").click()
    page.wait_for_url("**/oauth2/authorize?**")
    assert f"client_id={CLIENT_ID}" in page.url
    page.get_by_role("button", name=gebruiker, exact=True).click()
    page.wait_for_url(app)
    wacht_tot_klaar(page)


def _schrijfpad(page) -> int:
    """How many write controls the page shows (edit form, import confirm, lineage confirm)."""
    return (
        page.get_by_text("Project bewerken").count()
        + page.get_by_role("button", name="Opslaan").count()
        + page.get_by_role("button", name="Import bevestigen").count()
        + page.get_by_role("button", name="Bevestig als leerlijn").count()
    )


def test_editor_signs_in_saves_an_edit_and_signing_out_ends_the_role_everywhere(app, appdatabase, pagina, foto):
    _meld_aan(pagina, app, "ans")
    zijbalk = _zijbalk(pagina)
    playwright.expect(zijbalk.get_by_text(f"Aangemeld als {IDENTITEIT}, rol redacteur")).to_be_visible()
    pagina.goto(app + "projecten?project=P012")
    wijzig_titel(pagina, "Titel gewijzigd na aanmelding bij de organisatie")
    foto(pagina, "oidc_redacteur_opgeslagen")
    log = open_store(appdatabase).wijzigingen("P012")
    assert list(log.query("actie == 'gewijzigd'")["redacteur"]) == [IDENTITEIT]

    koekjes = pagina.context.cookies()
    assert any(k["name"] == "_streamlit_user" for k in koekjes)
    zijbalk.get_by_role("button", name="Afmelden").click()
    pagina.wait_for_url("**/oauth2/end_session?**")  # the provider's own end-session page
    pagina.get_by_role("button", name="End session").click()
    pagina.wait_for_url(app)
    playwright.expect(zijbalk.get_by_role("button", name="Aanmelden met uw organisatieaccount")).to_be_visible()
    pagina.goto(app + "projecten?project=P012")
    playwright.expect(pagina.get_by_text("Vergelijkbare projecten elders")).to_be_visible()
    assert _schrijfpad(pagina) == 0

    # The old login cookie put back (stolen, or another replica's copy) does not bring the role back.
    pagina.context.add_cookies(koekjes)
    pagina.goto(app + "projecten?project=P012")
    playwright.expect(zijbalk.get_by_text(BEEINDIGD)).to_be_visible()
    playwright.expect(zijbalk.get_by_role("button", name="Opnieuw aanmelden")).to_be_visible()
    playwright.expect(pagina.get_by_text("Vergelijkbare projecten elders")).to_be_visible()
    assert _schrijfpad(pagina) == 0
    foto(pagina, "oidc_afgemeld_koekje_teruggezet")


def test_viewer_finds_no_write_path(app, pagina, foto):
    _meld_aan(pagina, app, "kees")
    zijbalk = _zijbalk(pagina)
    playwright.expect(zijbalk.get_by_text("rol kijker (alleen lezen)")).to_be_visible()
    pagina.goto(app + "projecten?project=P011")
    playwright.expect(pagina.get_by_text("Vergelijkbare projecten elders")).to_be_visible()
    assert _schrijfpad(pagina) == 0
    foto(pagina, "oidc_kijker")


@pytest.mark.parametrize("vervalsing, fout", [("audience", "InvalidClaimError"), ("verlopen", "ExpiredTokenError")])
def test_a_token_for_another_audience_or_an_expired_one_is_refused(app, pagina, aanbieder, vervalsing, fout):
    from joserfc import jwt
    from joserfc.errors import ExpiredTokenError, InvalidClaimError
    from joserfc.jwk import KeySet

    aanbieder.vervalsing = vervalsing
    try:
        _meld_aan(pagina, app, "ans")
    finally:
        aanbieder.vervalsing = None
    zijbalk = _zijbalk(pagina)
    playwright.expect(zijbalk.get_by_role("button", name="Aanmelden met uw organisatieaccount")).to_be_visible()
    assert zijbalk.get_by_text("Aangemeld als").count() == 0
    assert not any(k["name"].startswith("_streamlit_user") for k in pagina.context.cookies())
    pagina.goto(app + "projecten?project=P012")
    playwright.expect(pagina.get_by_text("Vergelijkbare projecten elders")).to_be_visible()
    assert _schrijfpad(pagina) == 0
    # The refused token carried the provider's valid signature: it was refused for its audience or its age.
    import urllib.request

    with urllib.request.urlopen(aanbieder.basis + "/jwks") as antwoord:
        sleutels = KeySet.import_key_set(json.load(antwoord))
    token = jwt.decode(aanbieder.vervalst[-1], sleutels)
    fouten = {"InvalidClaimError": InvalidClaimError, "ExpiredTokenError": ExpiredTokenError}
    with pytest.raises(fouten[fout]):
        jwt.JWTClaimsRegistry(aud={"essential": True, "value": CLIENT_ID}, leeway=120).validate(token.claims)
