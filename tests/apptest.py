"""Helpers for tests that run the app in Streamlit's AppTest: start a page, run it without exceptions, log in.

The store the app runs on is the ``appstore`` fixture in ``conftest.py``; its editor password is
:data:`WACHTWOORD`."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")
WACHTWOORD = "correct paard batterij niet"


def draai(at: AppTest) -> AppTest:
    """Run ``at``; fail on any exception the page raised."""
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def start(pagina: str = "pages/projecten.py", params: dict[str, str] | None = None) -> AppTest:
    """Run app.py on ``pagina`` with the query parameters ``params``."""
    at = AppTest.from_file(APP, default_timeout=90)
    for sleutel, waarde in (params or {}).items():
        at.query_params[sleutel] = waarde
    at.switch_page(pagina)
    return draai(at)


def meld_aan(at: AppTest) -> AppTest:
    """Log in as editor "Ans Jansen" with :data:`WACHTWOORD` through the sidebar."""
    at.sidebar.text_input(key="w_aanmeld_naam").input("Ans Jansen")
    at.sidebar.text_input(key="w_aanmeld_wachtwoord").input(WACHTWOORD)
    next(b for b in at.sidebar.button if b.label == "Aanmelden").click()
    return draai(at)
