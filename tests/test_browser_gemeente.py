"""Gemeente search end to end in headless Chromium (Debian's /usr/bin/chromium via Playwright): search on the
Overzicht, the URL, the zoomed and outlined map, and the profile behind the link with the map's own numbers."""

import re

import pytest
from taalregels import gevonden

playwright = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser


def _telling(tekst: str) -> tuple[int, int]:
    """(zeker, mogelijk) from "... 4 projecten, mogelijk nog 4" or "4 projecten zeker, mogelijk nog 4"."""
    treffer = re.search(r"(\d+) projecte?n?(?: zeker)?(?:, mogelijk nog (\d+))?", tekst)
    assert treffer, tekst
    return int(treffer.group(1)), int(treffer.group(2) or 0)


def _kaartvenster(pagina):
    """The frame of the first map (for script access to its map object, ``skwKaart.kaart()``)."""
    return next(f for f in pagina.frames if "kaartframe.kaart" in f.url)


def test_search_den_haag_on_overzicht_focuses_the_map_and_the_profile_has_its_numbers(app, pagina, kaartframe, foto):
    pagina.goto(app)
    frame = kaartframe(pagina)
    venster = _kaartvenster(pagina)
    landelijk = venster.evaluate("() => window.skwKaart.kaart().getZoom()")
    veld = pagina.get_by_role("textbox", name="Gemeente zoeken")
    veld.fill("'s-Gravenhage")
    veld.press("Enter")
    pagina.wait_for_url(re.compile(r"gemeente=GM0518"))
    # Outlined: the municipality gets the black focus outline, and the view zoomed in on it.
    den_haag = frame.locator('path[aria-label^="Gemeente \'s-Gravenhage:"]')
    playwright.expect(den_haag).to_have_attribute("stroke", "#000000")
    pagina.wait_for_function(
        "(z) => [...document.querySelectorAll('iframe')].some(f => f.contentWindow.skwKaart "
        "&& f.contentWindow.skwKaart.kaart().getZoom() > z + 2)",
        arg=landelijk,
    )
    midden = _kaartvenster(pagina).evaluate("() => window.skwKaart.kaart().getCenter()")
    assert 51.9 < midden["lat"] < 52.2 and 4.1 < midden["lng"] < 4.5, midden
    # The map's own count for the municipality (its accessible name, the tooltip's numbers).
    naam = frame.locator('path[aria-label^="Gemeente \'s-Gravenhage:"]').get_attribute("aria-label")
    op_de_kaart = _telling(naam)
    regel = pagina.get_by_text(re.compile(r"op deze kaart: \d+ projecte?n? zeker")).first
    assert _telling(regel.inner_text()) == op_de_kaart
    foto(pagina, "gemeente_focus_overzicht")

    pagina.get_by_role("link", name="Profiel van 's-Gravenhage").click()
    pagina.wait_for_url(re.compile(r"/gemeente\?.*gemeente=GM0518"))
    playwright.expect(pagina.get_by_role("heading", name="'s-Gravenhage (GM0518)")).to_be_visible()
    profiel = pagina.get_by_text(re.compile(r"Op de kaart van het Overzicht"))
    playwright.expect(profiel).to_be_visible()
    assert _telling(profiel.inner_text()) == op_de_kaart
    playwright.expect(pagina.get_by_text("benadering", exact=False).first).to_be_visible()
    assert gevonden(pagina.locator("body").inner_text()) == []
    foto(pagina, "gemeente_profiel")


def test_a_search_without_match_says_so_with_suggestions(app, pagina, kaartframe, foto):
    pagina.goto(app)
    kaartframe(pagina)
    veld = pagina.get_by_role("textbox", name="Gemeente zoeken")
    veld.fill("Atlantis")
    veld.press("Enter")
    playwright.expect(pagina.get_by_text("Geen gemeente gevonden voor ‘Atlantis’")).to_be_visible()
    playwright.expect(pagina.get_by_text("Bedoelde u:")).to_be_visible()
    assert "gemeente=" not in pagina.url
    foto(pagina, "gemeente_geen_treffer")
