"""In headless Chromium: when page code fails (here: the database file is damaged), the visitor sees a Dutch
message, never a traceback or a server path."""

import pytest

playwright = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def appdatabase(tmp_path_factory):
    """A damaged database file: every page that reads projects fails."""
    pad = tmp_path_factory.mktemp("kapot") / "samenwerking.sqlite"
    pad.write_bytes(b"dit is geen SQLite-database " * 100)
    return pad


@pytest.mark.parametrize("pad", ["overzicht", "projecten"])
def test_een_kapotte_pagina_toont_een_nederlandse_melding_zonder_traceback(app, pagina, appdatabase, foto, pad):
    from dashboard.foutgrens import MELDING

    pagina.goto(app + pad)
    playwright.expect(pagina.get_by_text(MELDING)).to_be_visible()
    tekst = pagina.locator("body").inner_text()
    assert "Traceback" not in tekst and 'File "' not in tekst
    assert str(appdatabase.parent) not in tekst and "/site-packages/" not in tekst
    assert pagina.locator("[data-testid='stException']").count() == 0
    foto(pagina, f"foutpagina_{pad}")
