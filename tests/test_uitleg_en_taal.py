"""Plain Dutch on screen: the Uitleg page renders the four axes with the report's definitions and the glossary's
words, and no page shows jargon or untranslated English (AppTest: every text element and widget label)."""

import re

import pytest
from apptest import start
from streamlit.testing.v1 import AppTest
from taalregels import gevonden

from classify import begrippen, vocab
from dashboard import uitlegpagina
from dashboard.navigatie import PAGINAS
from dashboard.projectweergave import md

BESTANDEN = [f"pages/{bestand}" for bestand, _, _ in PAGINAS]


def _schermtekst(at: AppTest) -> str:
    """Every text a reader can see on the page: text elements, HTML blocks, metrics and widget labels and help."""
    delen = []
    for soort in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "success", "error"):
        delen += [str(e.value) for e in at.get(soort)]
    # A script is not text on screen (the page script maps the uploader's English words to Dutch).
    delen += [re.sub(r"<script>.*?</script>", "", e.proto.body, flags=re.S) for e in at.get("html")]
    delen += [f"{e.label} {e.value}" for e in at.metric]
    for soort in ("multiselect", "selectbox", "radio", "checkbox", "toggle", "text_input", "button", "expander"):
        delen += [f"{getattr(e, 'label', '')} {getattr(e, 'help', '') or ''}" for e in at.get(soort)]
    return "\n".join(delen)


def test_the_uitleg_page_quotes_every_definition_and_every_word_on_screen(appstore):
    at = start("pages/uitleg.py")
    assert [t.value for t in at.title] == ["Uitleg"]
    tekst = "\n".join(m.value for m in at.markdown)
    for as_ in vocab.ASSEN:
        assert f"### {md(as_.naam)}" in tekst
        for label in as_.labels:
            assert md(label.definitie) in tekst
    for begrip in begrippen.BEGRIPPEN:
        if begrip.label:
            assert f"**{md(begrip.label)}**" in tekst
    assert uitlegpagina.assen_markdown() in tekst and uitlegpagina.woorden_markdown() in tekst


@pytest.mark.parametrize("pagina", BESTANDEN)
def test_no_page_shows_jargon_or_english(appstore, pagina):
    at = start(pagina)
    assert gevonden(_schermtekst(at)) == []


def _multiselects() -> list[tuple[str, int, object]]:
    """(file, line, ast.Call) of every ``.multiselect(...)`` call in the app's code (app.py, pages, dashboard)."""
    import ast
    from pathlib import Path

    wortel = Path(__file__).resolve().parents[1]
    uit = []
    for pad in [
        wortel / "app.py",
        *sorted((wortel / "pages").glob("*.py")),
        *sorted((wortel / "dashboard").glob("*.py")),
    ]:
        for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            if isinstance(knoop, ast.Call) and getattr(knoop.func, "attr", None) == "multiselect":
                uit.append((pad.relative_to(wortel).as_posix(), knoop.lineno, knoop))
    return uit


def test_no_multiselect_offers_streamlits_english_select_all():
    """Streamlit lists an English "Select all" in every multiselect unless told not to; the app's lists say "alle"
    by staying empty. Checked in the code, because the list only shows when it is open (and the editor's form only
    for an editor)."""
    aanroepen = _multiselects()
    assert len(aanroepen) >= 6
    zonder = [
        f"{bestand}:{regel}"
        for bestand, regel, aanroep in aanroepen
        if not any(k.arg == "select_all" and getattr(k.value, "value", None) is False for k in aanroep.keywords)
    ]
    assert zonder == []
