"""Password login throttling in the running app: a visitor who sends a new forwarded-for address with every
attempt (no trusted proxy is configured) is still counted under its own connection and blocked after
MAX_POGINGEN failures, in Chromium against ``streamlit run``."""

import pytest
from browserhulp import vul_aanmelding_in

from projectdb.toegang import MAX_POGINGEN

playwright = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.browser

WACHTWOORD = "correct paard batterij niet"


@pytest.fixture(scope="module")
def appomgeving():
    return {"SAMENWERKING_REDACTEUR_WACHTWOORD": WACHTWOORD}


def _poging(browser, app: str, adres: str, wachtwoord: str) -> str:
    """One login attempt from a fresh tab that claims to come from ``adres``; returns the sidebar's message."""
    context = browser.new_context(extra_http_headers={"X-Real-IP": adres, "X-Forwarded-For": adres})
    try:
        page = context.new_page()
        page.goto(app)
        zijbalk = page.locator("[data-testid='stSidebar']")
        vul_aanmelding_in(page, "Ans Jansen", wachtwoord)
        uitkomst = (
            zijbalk.get_by_text("onjuist")
            .or_(zijbalk.get_by_text("Te veel mislukte pogingen"))
            .or_(zijbalk.get_by_text("Aangemeld als"))
        )
        playwright.expect(uitkomst).to_be_visible()
        return uitkomst.inner_text()
    finally:
        context.close()


def test_a_new_forwarded_address_per_attempt_gives_no_fresh_counter(app, browser):
    for i in range(MAX_POGINGEN):
        assert _poging(browser, app, f"192.0.2.{i + 1}", "geraden wachtwoord") == "Naam of wachtwoord onjuist."
    assert _poging(browser, app, "192.0.2.200", WACHTWOORD).startswith("Te veel mislukte pogingen")
