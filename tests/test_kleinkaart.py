"""Small static maps for small multiples: SVG and HTML caption keep every text as text."""

import base64
from dataclasses import replace
from html.parser import HTMLParser

import defusedxml.ElementTree as veilig_xml
import pandas as pd
from aanvalsteksten import ALLE_AANVALLEN

from geo import geodata
from kaart import kleinkaart
from kaart.model import KaartSpec, kaartbeeld


def _kaartbeeld():
    gemeenten = pd.DataFrame(geodata.gemeenten(2017).drop(columns="geometry"))
    projecten = pd.DataFrame(
        {
            "project_id": ["P001"],
            "titel": [ALLE_AANVALLEN],
            "verzekeraars": [("VGZ",)],
            "inhoud": ["GGZ"],
            "instrumenten": [("Werkwijze",)],
            "intensiteit": ["Implementatie"],
            "geografie": ["Gemeentelijk"],
        }
    )
    koppeling = pd.DataFrame({"project_id": ["P001"], "gemeente_code": [gemeenten["gemeente_code"].iloc[0]]})
    getekend = kaartbeeld(
        KaartSpec("totaal", as_code="inhoud", label="GGZ"),
        projecten,
        koppeling,
        gemeenten,
        jaar=2017,
        selectie="alle projecten",
    )
    return replace(getekend, titel=ALLE_AANVALLEN)


class _Tekst(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.delen: list[str] = []

        self.afbeeldingen: list[dict[str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag == "img":
            self.afbeeldingen.append(dict(attrs))

    def handle_data(self, data):
        self.delen.append(data)


def test_svg_has_one_path_per_municipality_and_the_title_as_text():
    getekend = _kaartbeeld()
    boom = veilig_xml.fromstring(kleinkaart.svg(getekend, 2017))
    assert [e.text for e in boom.iter() if e.tag.endswith("}title")] == [ALLE_AANVALLEN]
    assert len([e for e in boom.iter() if e.tag.endswith("}path")]) == len(getekend.gemeenten)
    assert {e.tag.rpartition("}")[2] for e in boom.iter()} == {"svg", "title", "g", "path"}
    # Paths are grouped by fill: as many paths under each colour as municipalities of that colour.
    per_kleur = {g.get("fill"): len(g) for g in boom.iter() if g.tag.endswith("}g") and g.get("fill")}
    assert per_kleur == getekend.gemeenten["kleur"].value_counts().to_dict()


def test_caption_shows_the_title_and_classes_as_text():
    getekend = _kaartbeeld()
    ontleed = _Tekst()
    ontleed.feed(kleinkaart.onderschrift(getekend))
    assert ontleed.tags == {"div", "b", "br", "span"}
    tekst = "".join(ontleed.delen)
    assert tekst.startswith(ALLE_AANVALLEN)
    assert all(f"{item.klasse} ({item.aantal})" in tekst for item in getekend.legenda)


def test_grid_holds_each_map_as_an_image_with_its_caption_and_keeps_text_as_text():
    getekend = _kaartbeeld()
    tweede = replace(getekend, titel="Tweede kaart")
    ontleed = _Tekst()
    ontleed.feed(kleinkaart.raster([getekend, tweede], 2017, per_rij=5))
    assert ontleed.tags == {"div", "img", "b", "br", "span"}
    assert [a["alt"] for a in ontleed.afbeeldingen] == [ALLE_AANVALLEN, "Tweede kaart"]
    prefix = "data:image/svg+xml;base64,"
    assert all(a["src"].startswith(prefix) for a in ontleed.afbeeldingen)
    eerste = base64.b64decode(ontleed.afbeeldingen[0]["src"][len(prefix) :]).decode("utf-8")
    assert eerste == kleinkaart.svg(getekend, 2017)
    tekst = "".join(ontleed.delen)
    assert tekst.index(ALLE_AANVALLEN) < tekst.index("Tweede kaart")
    assert "repeat(5," in kleinkaart.raster([getekend], 2017, per_rij=5)
