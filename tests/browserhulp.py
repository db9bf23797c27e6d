"""Shared waits for the browser tests."""


def wacht_tot_klaar(pagina) -> None:
    """Wait until the Streamlit script run of ``pagina`` has finished and the sidebar is drawn.

    A widget filled while a run is still in flight can be drawn again by that run with its old value; waiting for
    the app's own "notRunning" state first is what makes a fill-then-click sequence deterministic.
    """
    from playwright.sync_api import expect

    expect(pagina.locator('[data-testid="stApp"][data-test-script-state="notRunning"]')).to_have_count(1)
    expect(pagina.locator('[data-testid="stSidebar"]')).to_be_visible()


def vul_aanmelding_in(pagina, naam: str, wachtwoord: str) -> None:
    """Sign in through the sidebar's password form as ``naam``, once the page has finished its run.

    The outcome (signed in, wrong password, locked out) is for the caller to check.
    """
    wacht_tot_klaar(pagina)
    zijbalk = pagina.locator('[data-testid="stSidebar"]')
    zijbalk.get_by_label("Naam (voor het wijzigingslog)").fill(naam)
    zijbalk.get_by_label("Wachtwoord", exact=True).fill(wachtwoord)
    zijbalk.get_by_role("button", name="Aanmelden").click()
