import html as html_module
import json
import re

import pandas as pd
import pytest
from aanvalsteksten import ALLE_AANVALLEN

from geo import geodata
from geo.lagen import KAARTLAGEN
from kaart import interactief
from kaart.model import MOGELIJK, KaartSpec, kaartbeeld

GEVAARLIJK = "<img src=x onerror=alert(1)>"


def _gemeenten(jaar: int) -> pd.DataFrame:
    return pd.DataFrame(geodata.gemeenten(jaar).drop(columns="geometry"))


def _kaartbeeld(jaar: int = 2017, titel: str = GEVAARLIJK, spec: KaartSpec | None = None):
    gemeenten = _gemeenten(jaar)
    projecten = pd.DataFrame(
        {
            "project_id": ["P001", "P002"],
            "titel": [titel, "Tweede project"],
            "verzekeraars": [("VGZ",), ("CZ",)],
            "inhoud": ["GGZ", "Ouderen"],
            "instrumenten": [("Werkwijze",), ("Beleid",)],
            "intensiteit": ["Ontwikkelproject", "Implementatie"],
            "geografie": ["Gemeentelijk", "Regionaal"],
        }
    )
    codes = gemeenten["gemeente_code"].tolist()
    koppeling = pd.DataFrame({"project_id": ["P001", "P001", "P002"], "gemeente_code": [codes[0], codes[1], codes[1]]})
    return kaartbeeld(
        spec or KaartSpec("combinatie", as_code="intensiteit"),
        projecten,
        koppeling,
        gemeenten,
        jaar=jaar,
        selectie="alle projecten",
    )


def _html(kaart) -> str:
    return kaart.get_root().render()


def _tabel(html: str) -> dict:
    regel = re.search(r"var vlakken_\w+_d = (\{.*?\});\n", html).group(1)
    return json.loads(regel.replace("<\\/", "</"))


@pytest.mark.parametrize("jaar", geodata.JAREN)
def test_one_feature_per_municipality_and_svg_rendering(jaar):
    html = _html(interactief.kaart(_kaartbeeld(jaar), jaar, ()))
    aantal = len(geodata.gemeenten(jaar))
    assert len(re.findall(r'"type":"Feature","id":"GM\d{4}"', html)) == aantal
    assert len(_tabel(html)["gemeenten"]) == aantal
    assert '"preferCanvas": false' in html
    assert "L.tileLayer" not in html


def test_the_map_frame_holds_no_legend_the_page_shows_it_beside_the_map():
    html = _html(interactief.kaart(_kaartbeeld(), 2017, ("wmo_regio",)))
    assert "L.control({" not in html and "skw-legenda" not in html
    assert "Bron: projectendatabase" not in html


def test_titles_are_escaped_everywhere():
    kaartbeeld = _kaartbeeld(titel=GEVAARLIJK)
    html = _html(interactief.kaart(kaartbeeld, 2017, ()))
    assert GEVAARLIJK not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in _tabel(html)["titels"]
    spec = KaartSpec("project", label="P001")
    html = _html(interactief.kaart(_kaartbeeld(titel=GEVAARLIJK, spec=spec), 2017, ()))
    assert GEVAARLIJK not in html and "&lt;img" in html


def test_attack_texts_reach_the_tooltip_as_text_and_never_as_markup_or_template():
    html = _html(interactief.kaart(_kaartbeeld(titel=ALLE_AANVALLEN), 2017, ()))
    assert "<img src=x" not in html and "</script><script>alert(1)" not in html
    assert html_module.escape(ALLE_AANVALLEN) in _tabel(html)["titels"]  # {{ 7*7 }} kept: not run as a template


def test_tooltip_data_per_municipality():
    kaartbeeld = _kaartbeeld()
    tabel = _tabel(_html(interactief.kaart(kaartbeeld, 2017, ())))
    rij = kaartbeeld.gemeenten.iloc[1]
    klasse, kleur, aantal, regio, naam, titels, mogelijk = tabel["gemeenten"][rij.gemeente_code]
    assert tabel["klassen"][klasse] == "ontwikkelproject + implementeren"
    # Two labels: the first as fill, the second hatched, as an SVG pattern the fill refers to.
    vulling, rand, dikte = tabel["vullingen"][kleur]
    patroon_id = re.fullmatch(r"url\(#(skw-vulling-\d+)\)", vulling).group(1)
    patroon = re.search(rf'<pattern id="{patroon_id}".*?</pattern>', tabel["patronen"]).group(0)
    assert rij.kleur.split("|") == re.findall(r'(?:fill|stroke)="(#[0-9A-F]{6})"', patroon)
    assert rand == "#4D4D4D" and mogelijk == 0
    assert aantal == 2 and naam == rij.gemeente_naam and tabel["regio_s"][regio] == rij.wmo_regio
    assert [tabel["titels"][t] for t in titels] == ["&lt;img src=x onerror=alert(1)&gt;", "Tweede project"]


def test_layers_are_drawn_non_interactive():
    html = _html(interactief.kaart(_kaartbeeld(), 2017, ("provincie", "kernwerkgebied:VGZ", "wmo_regio")))
    # One GeoJSON layer per border layer, two (halo and dash) for the kernwerkgebied; none takes the mouse.
    interactief_per_laag = re.findall(r"L\.geoJSON\(\w+, \{\s*interactive: (\w+)", html)
    assert interactief_per_laag == ["false"] * sum(2 if laag.per_verzekeraar else 1 for laag in KAARTLAGEN)
    assert 'f.properties.verzekeraar === "VGZ"' in html


def test_map_loads_leaflet_from_the_app_not_a_cdn():
    html = _html(interactief.kaart(_kaartbeeld(), 2017, ()))
    assert interactief.LEAFLET_JS in html
    assert "cdn.jsdelivr" not in html and "code.jquery" not in html


@pytest.mark.parametrize(
    ("lagen", "melding"),
    [
        (("snelwegen",), "onbekende kaartlaag 'snelwegen'; kies uit: " + ", ".join(laag.code for laag in KAARTLAGEN)),
        (("wmo_regio:VGZ",), r"onbekende kaartlaag 'wmo_regio:VGZ'"),
        (("kernwerkgebied:Achmea",), r"kaartlaag 'kernwerkgebied:Achmea': 'Achmea' is geen verzekeraar"),
    ],
)
def test_unknown_layer_is_rejected_precisely(lagen, melding):
    with pytest.raises(ValueError, match=melding):
        interactief.kaart(_kaartbeeld(), 2017, lagen)


def test_kaartbeeld_of_another_year_are_rejected():
    with pytest.raises(ValueError, match=r"codes die geen gemeente van 2025 zijn"):
        interactief.kaart(_kaartbeeld(2017), 2025, ())


def test_rebuild_reuses_cached_geometry_and_only_the_table_changes():
    een = _html(interactief.kaart(_kaartbeeld(titel="Eerste"), 2017, ()))
    twee = _html(interactief.kaart(_kaartbeeld(titel="Ander"), 2017, ()))
    geometrie = re.compile(
        r"L\.geoJSON\(\(function \(collectie\).*?\}\)\((\{\"type\":\"FeatureCollection\".*?\})\), \{", re.S
    )
    assert geometrie.search(een).group(1) == geometrie.search(twee).group(1)
    assert _tabel(een) != _tabel(twee)


def test_the_selection_is_one_feature_group():
    basis = _html(interactief.basiskaart(2017, ("wmo_regio",)))
    assert len(re.findall(r'"type":"Feature","id":"GM\d{4}"', basis)) == len(geodata.gemeenten(2017))
    # Nothing of a selection in the base map: no table.
    assert "vlakken_" not in basis
    html = _html(interactief.kaart(_kaartbeeld(), 2017, ("wmo_regio",)))
    assert re.search(r"var (feature_group_\w+) = L\.featureGroup", html)
    # The group recolours the municipalities the base map drew, after the table it brings.
    assert re.search(
        r"var vlakken_\w+_d = \{.*?\};\s+\(function \(d\) \{.*?map_\w+\.skwVlakken\.eachLayer\(", html, re.S
    )


def test_a_deel_area_is_hatched_apart_from_certain_municipalities():
    """Municipalities reached only through a 'deel' area get the possible class and a hatched fill, read from the
    embedded table, not from the script text."""
    gemeenten = _gemeenten(2017)
    codes = gemeenten["gemeente_code"].tolist()
    projecten = pd.DataFrame(
        {
            "project_id": ["P001", "P002"],
            "titel": ["Zeker", "Deels"],
            "verzekeraars": [("VGZ",), ("CZ",)],
            "inhoud": ["GGZ", "GGZ"],
            "instrumenten": [("Werkwijze",), ("Beleid",)],
            "intensiteit": ["Ontwikkelproject", "Implementatie"],
            "geografie": ["Gemeentelijk", "Regionaal"],
            "gebied_precisie": ["volledig", "deel"],
            "aantal_gemeenten_bron": ["", "2"],
        }
    )
    koppeling = pd.DataFrame(
        {
            "project_id": ["P001", "P002", "P002", "P002"],
            "gemeente_code": [codes[0], codes[0], codes[1], codes[2]],
            "zekerheid": ["zeker", "mogelijk", "mogelijk", "mogelijk"],
        }
    )
    kaart = kaartbeeld(KaartSpec("totaal"), projecten, koppeling, gemeenten, jaar=2017)
    tabel = _tabel(_html(interactief.kaart(kaart, 2017, ())))
    vulling = {code: tabel["vullingen"][tabel["gemeenten"][code][1]] for code in codes[:4]}
    klasse = {code: tabel["klassen"][tabel["gemeenten"][code][0]] for code in codes[:4]}
    assert klasse[codes[0]] == "samenwerkingsprojecten" and vulling[codes[0]][0].startswith("#")
    mogelijk = f"{MOGELIJK} (circa 2 van 3 gemeenten)"
    assert klasse[codes[1]] == klasse[codes[2]] == mogelijk
    assert vulling[codes[1]][0].startswith("url(#") and vulling[codes[1]] != vulling[codes[0]]
    assert klasse[codes[3]] == "geen project" and vulling[codes[3]][1] == "#ffffff"
    assert tabel["gemeenten"][codes[0]][2:7:4] == [1, 1]  # one certain project, one possible
    assert (kaart.zeker, kaart.mogelijk) == (1, 2)


def test_map_frames_let_the_visitor_zoom_the_page():
    from kaart import interactief

    kop = interactief.lege_kaart(2017).get_root().render()
    assert 'name="viewport"' in kop and "user-scalable" not in kop and "maximum-scale" not in kop


def test_focus_outlines_the_municipality_and_keeps_the_view_on_it():
    groep = interactief.vlakkenlaag(_kaartbeeld(2025), 2025)
    interactief.focuslaag("GM0518").add_to(groep)
    kaartobject = interactief.basiskaart(2025)
    groep.add_to(kaartobject)
    html = _html(kaartobject)
    assert '"GM0518"' in html
    assert "fitBounds(doel.getBounds()" in html
    assert '"weight":4' in html and '"fill":false' in html


def test_focus_view_is_centred_on_the_municipality_and_zooms_closer_on_a_smaller_one():
    gemeenten = geodata.gemeenten(2025).set_index("gemeente_code")
    zooms = {}
    for code in ("GM0518", "GM1900", "GM0096"):
        (lat, lon), zoom = interactief.focusbeeld(code, 2025)
        west, zuid, oost, noord = gemeenten.loc[code].geometry.bounds
        assert zuid <= lat <= noord and west <= lon <= oost
        assert 7 <= zoom <= 12 and (zoom * 4).is_integer()
        zooms[code] = zoom
    # Súdwest-Fryslân (about 800 km²) needs a wider view than Den Haag (about 100 km²).
    assert gemeenten.loc["GM1900", "oppervlakte_km2"] > gemeenten.loc["GM0518", "oppervlakte_km2"]
    assert zooms["GM1900"] < zooms["GM0518"]
