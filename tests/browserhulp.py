"""Shared waits for the browser tests."""


def wacht_tot_klaar(pagina) -> None:
    """Wait until the Streamlit script run of ``pagina`` has finished and the sidebar is drawn.

    A widget filled while a run is still in flight can be drawn again by that run with its old value; waiting for
    the app's own "notRunning" state first is what makes a fill-then-click sequence deterministic.
    """
    from playwright.sync_api import expect

    expect(pagina.locator('[data-testid="stApp"][data-test-script-state="notRunning"]')).to_have_count(1)
    expect(pagina.locator('[data-testid="stSidebar"]')).to_be_visible()


def wacht_op_pagina(pagina) -> None:
    """Wait until a freshly opened page's run has ended and the page has settled: its title drawn first (the run has
    begun; the status widget can still be absent while a first page pauses after its first map), then
    :func:`wacht_tot_klaar`, then 1.5 s for the map frames and late layout."""
    from playwright.sync_api import expect

    expect(pagina.locator("h1").first).to_be_visible()
    wacht_tot_klaar(pagina)
    pagina.wait_for_timeout(1500)


def vul_aanmelding_in(pagina, naam: str, wachtwoord: str) -> None:
    """Sign in through the sidebar's password form as ``naam``, once the page has finished its run.

    The outcome (signed in, wrong password, locked out) is for the caller to check.
    """
    wacht_tot_klaar(pagina)
    zijbalk = pagina.locator('[data-testid="stSidebar"]')
    zijbalk.get_by_label("Naam (voor het wijzigingslog)").fill(naam)
    zijbalk.get_by_label("Wachtwoord", exact=True).fill(wachtwoord)
    zijbalk.get_by_role("button", name="Aanmelden").click()


def wijzig_titel(pagina, titel: str) -> None:
    """As a signed-in editor on a project's detail page: open "Project bewerken", give the project ``titel`` and
    save with Enter in the title field, then wait for "Opgeslagen als versie 2.".

    Enter submits the form as a user can; a click on "Opslaan" while the title field still has focus first blurs
    the field, and under load that click could be lost between the two events.
    """
    from playwright.sync_api import expect

    wacht_tot_klaar(pagina)
    pagina.get_by_text("Project bewerken").click()
    veld = pagina.get_by_label("Titel", exact=True)
    veld.fill(titel)
    expect(veld).to_have_value(titel)
    wacht_tot_klaar(pagina)
    veld.press("Enter")
    expect(pagina.get_by_text("Opgeslagen als versie 2.")).to_be_visible()
