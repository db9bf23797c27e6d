"""Large HTML blocks reach the browser as built, and look as they would through ``st.html``'s clean-up."""

import textwrap

import pytest
from apptest import start
from streamlit.testing.v1 import AppTest

from dashboard import htmlblok


def _pagina(tekst: str) -> AppTest:
    def script(tekst):
        from dashboard import htmlblok

        htmlblok.toon(tekst)

    at = AppTest.from_function(script, args=(tekst,))
    at.run()
    return at


def test_the_text_reaches_the_element_unchanged():
    # st.html("...") would dedent and strip this; the block passes it on as it is.
    tekst = "  <p>een</p>\n  <p>twee</p>\n"
    at = _pagina(tekst)
    assert not at.exception
    assert [e.proto.body for e in at.get("html")] == [tekst]


def test_empty_html_is_refused():
    with pytest.raises(ValueError, match="lege HTML"):
        htmlblok.toon("")


def test_every_html_block_on_overzicht_is_what_st_html_would_have_sent(appstore):
    at = start("pages/overzicht.py")
    lichamen = [e.proto.body for e in at.get("html")]
    groot = [b for b in lichamen if len(b) > 10_000]
    # The map tables of both maps and the small multiples of the insurers.
    assert len(groot) >= 3
    for lichaam in lichamen:
        assert textwrap.dedent(lichaam).strip() == lichaam


def test_only_the_fixed_page_script_runs_javascript_in_the_page():
    # st.html(..., unsafe_allow_javascript=True) runs its script in the page itself: only for the page script,
    # which holds no data, never for HTML built from project texts.
    from pathlib import Path

    wortel = Path(__file__).resolve().parents[1]
    bestanden = [
        str(pad.relative_to(wortel))
        for map_ in ("dashboard", "pages", "kaart")
        for pad in sorted((wortel / map_).glob("*.py"))
        if "unsafe_allow_javascript" in pad.read_text(encoding="utf-8")
    ]
    assert bestanden == ["dashboard/toegankelijkheid.py"]
