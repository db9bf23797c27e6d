"""The Analyse panel's Markdown: every sentence is escaped, so no text becomes a link, image or formula."""

import re

from aanvalsteksten import ALLE_AANVALLEN
from dashboard.kaartpaneel import analyse_markdown
from dashboard.projectweergave import md


def test_analyse_markdown_escapes_each_sentence():
    tekst = analyse_markdown(["3 projecten in 2 van de 5 gemeenten (40%).", f"Wmo-regio {ALLE_AANVALLEN} (2)."])
    assert tekst == ("**Analyse**\n\n- 3 projecten in 2 van de 5 gemeenten \\(40%\\)\\.\n"
                     f"- Wmo\\-regio {md(ALLE_AANVALLEN)} \\(2\\)\\.")
    assert not re.search(r"(?<!\\)[<>\[\]()$`*_{}]", tekst.partition("\n\n")[2])
