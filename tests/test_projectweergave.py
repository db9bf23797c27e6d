import html as html_module
import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from aanvalsteksten import AANVALLEN, ALLE_AANVALLEN

from classify.suggest import Suggestie
from dashboard import projectweergave as pw

REPO = Path(__file__).resolve().parents[1]
GEVAARLIJK = "<img src=x onerror=alert(1)> **vet** [link](javascript:alert(2))"


def _project(**velden) -> dict:
    basis = {
        "project_id": "P001",
        "titel": "Valpreventie",
        "omschrijving": "Oefenen met ouderen in Zwolle.",
        "verzekeraars": ("Zilveren Kruis",),
        "gebied": "GM0193",
        "indeling_jaar": 2017,
        "inhoud": "Preventie",
        "instrumenten": ("Werkwijze",),
        "intensiteit": "Implementatie",
        "geografie": "Gemeentelijk",
        "partners": ("GGD IJsselland",),
        "bron": "002_4672d5e83c675345.txt",
        "bron_citaat": "Vooral voor preventie geldt dat de focus ligt op het implementeren van bewezen interventies",
        "toelichting_labels": "",
        "bouwt_voort_op": (),
        "bouwt_voort_op_citaat": "",
        "startjaar": 2016,
        "eindjaar": 2018,
        "periode_citaat": "Het project liep van 2016 tot en met 2018.",
    }
    return {**basis, **velden}


def _geen_bevindingen() -> pd.DataFrame:
    return pd.DataFrame(columns=["project_id", "veld", "opgeslagen", "afgeleid", "melding"])


def test_md_escapes_html_and_markdown():
    tekst = pw.md(GEVAARLIJK)
    assert "<img" not in tekst and "&lt;img" in tekst
    assert "\\*\\*vet\\*\\*" in tekst and "\\[link\\]\\(javascript:alert\\(2\\)\\)" in tekst


def test_linkregel_links_to_the_detail_view_with_an_escaped_title():
    regel = pw.linkregel(_project(titel=GEVAARLIJK))
    assert regel.startswith("- [P001](projecten?project=P001) &lt;img")
    assert "javascript:alert" in regel and "](javascript" not in regel


def test_zoek_matches_every_word_in_any_text_field_ignoring_case_and_accents():
    projecten = pd.DataFrame(
        [
            _project(),
            _project(project_id="P002", titel="Wijkteam Enschede", omschrijving="Gecoördineerde zorg", partners=()),
        ]
    )
    assert pw.zoek(projecten, "valpreventie zwolle")["project_id"].tolist() == ["P001"]
    assert pw.zoek(projecten, "gecoordineerde")["project_id"].tolist() == ["P002"]
    assert pw.zoek(projecten, "ggd")["project_id"].tolist() == ["P001"]
    assert len(pw.zoek(projecten, "  ")) == 2
    assert pw.zoek(projecten, "rotterdam").empty


def test_tabel_has_a_detail_link_and_labels_as_text():
    tabel = pw.tabel(pd.DataFrame([_project(instrumenten=("Werkwijze", "Beleid"))]))
    assert tabel.loc[0, "detail"] == "projecten?project=P001"
    assert tabel.loc[0, "instrumenten"] == "Werkwijze, Beleid"
    assert tabel.loc[0, "periode"] == "2016–2018"
    zonder = pw.tabel(pd.DataFrame([_project(startjaar=None, eindjaar=None)]).astype({"startjaar": "Int64"}))
    assert zonder.loc[0, "periode"] == "onbekend"


def test_detail_html_escapes_every_record_value():
    html = pw.detail_html(
        _project(titel=GEVAARLIJK, omschrijving="<script>x()</script>", bron_citaat="a < b"),
        "Gemeentelijk",
        ["Zwolle"],
        _geen_bevindingen(),
        pw.suggestietabel(()),
    )
    assert "<img src=x" not in html and "<script>x()" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "a &lt; b" in html


def test_detail_html_shows_suggestions_derived_geography_findings_and_source():
    bevindingen = pd.DataFrame(
        [("P001", "geografie", "Gemeentelijk", "Regionaal", "Opgeslagen 'Gemeentelijk', afgeleid 'Regionaal'.")],
        columns=["project_id", "veld", "opgeslagen", "afgeleid", "melding"],
    )
    suggesties = pw.suggestietabel(
        [Suggestie("inhoud", "Ouderen", 0.62, ("ouderen",)), Suggestie("instrument", "Werkwijze", 0.5, ())]
    )
    assert suggesties["veld"].tolist() == ["inhoud", "instrumenten"]
    html = pw.detail_html(_project(), "Regionaal", ["Zwolle"], bevindingen, suggesties)
    assert "Suggestie: Ouderen <small>(zekerheid 62%; woorden: ouderen)</small>" in html
    assert "afgeleid uit de gemeenten: Regionaal (≠ verschilt)" in html
    assert "<b>geografie</b>: Opgeslagen" in html
    assert "AEF, Samenwerking zorgverzekeraars en gemeenten, 2017 (bestand 002_4672d5e83c675345.txt)" in html
    assert "afgeleid als concessiehouder" not in html and "deel:" not in html
    assert "Gemeenten (1)" in html
    assert "<th>Looptijd</th><td>2016–2018</td>" in html
    assert 'Looptijd: <blockquote class="skw-citaat">Het project liep van 2016 tot en met 2018.' in html


def test_detail_html_says_when_the_area_is_partial_and_the_insurer_derived():
    project = _project(
        gebied="GM0193;wmo:IJsselland",
        gebied_precisie="deel",
        aantal_gemeenten_bron=10,
        precisie_citaat="met circa 10 gemeenten in de regio",
        verzekeraar_herkomst="concessie",
    )
    html = pw.detail_html(project, "Regionaal", ["Zwolle"], _geen_bevindingen(), pw.suggestietabel(()))
    assert "deel: volgens de bron loopt het project in circa 10 gemeenten van dit gebied" in html
    assert 'Deel van het gebied: <blockquote class="skw-citaat">met circa 10 gemeenten in de regio' in html
    # Zwolle lies in zorgkantoorregio Zwolle, whose 2017 concession holder is Zilveren Kruis.
    assert "niet genoemd in de bron; afgeleid als concessiehouder van het zorgkantoor in 2017 (zekerheid hoog)" in html


def test_detail_html_without_municipalities_or_findings():
    html = pw.detail_html(_project(), None, [], _geen_bevindingen(), pw.suggestietabel(()))
    assert "afgeleid: geen gemeenten" in html
    assert "Geen bevindingen" in html


class _Ontleding(HTMLParser):
    """Tags, attribute names and text of an HTML fragment, as a browser would read them."""

    def __init__(self, fragment: str):
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributen: set[str] = set()
        self.tekst: list[str] = []
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributen.update(naam for naam, _ in attrs)

    def handle_data(self, data):
        self.tekst.append(data)


@pytest.mark.parametrize("aanval", AANVALLEN)
def test_md_escapes_every_markdown_and_html_character_of_an_attack_text(aanval):
    assert not re.search(r"(?<!\\)[<>\[\]()$`*_{}#|~!]", pw.md(aanval))


def test_every_text_field_carries_attack_texts_into_the_detail_view_as_text():
    velden = (
        "titel",
        "omschrijving",
        "gebied",
        "bron",
        "bron_citaat",
        "toelichting_labels",
        "bouwt_voort_op_citaat",
        "precisie_citaat",
    )
    project = _project(
        **{veld: ALLE_AANVALLEN for veld in velden},
        partners=(ALLE_AANVALLEN,),
        bouwt_voort_op=("P002",),
        gebied_precisie="deel",
    )
    bevindingen = pd.DataFrame(
        [("P001", "geografie", "x", "y", ALLE_AANVALLEN)],
        columns=["project_id", "veld", "opgeslagen", "afgeleid", "melding"],
    )
    ontleed = _Ontleding(pw.detail_html(project, ALLE_AANVALLEN, [ALLE_AANVALLEN], bevindingen, pw.suggestietabel(())))
    assert ontleed.tags <= {
        "style",
        "h2",
        "h3",
        "p",
        "table",
        "tr",
        "th",
        "td",
        "small",
        "br",
        "ul",
        "li",
        "b",
        "blockquote",
    }
    assert ontleed.attributen == {"class"}
    # + partners, derived, names, finding, and the unregistered bron standing in for its own title
    assert "".join(ontleed.tekst).count(ALLE_AANVALLEN) == len(velden) + 5


def test_link_list_and_conflict_message_escape_attack_texts():
    regel = pw.linkregel(_project(titel=ALLE_AANVALLEN, inhoud=ALLE_AANVALLEN))
    assert regel.startswith("- [P001](projecten?project=P001) ") and regel.count("](") == 1
    melding = pw.conflictmelding(ALLE_AANVALLEN, 3)
    assert pw.md(ALLE_AANVALLEN) in melding and "(versie 3)" in melding
    assert html_module.unescape(pw.md(ALLE_AANVALLEN).replace("\\", "")) == ALLE_AANVALLEN


def test_the_sources_emphasis_marks_are_not_shown_in_the_quote_but_stay_in_the_data():
    """P048–P050 quote the source with its ``**`` emphasis; the reader sees the words without the marks."""
    projecten = pd.read_csv(REPO / "data" / "projects" / "projecten.csv", dtype=str).set_index("project_id")
    for project_id in ("P048", "P049", "P050"):
        citaat = projecten.loc[project_id, "bron_citaat"]
        assert "**" in citaat  # the data stays verbatim
        html = pw.detail_html(_project(bron_citaat=citaat), None, [], _geen_bevindingen(), pw.suggestietabel(()))
        getoond = re.search(r'<blockquote class="skw-citaat">(.*?)</blockquote>', html).group(1)
        assert "*" not in getoond
        assert html_module.unescape(getoond) == citaat.replace("**", "")
