"""Municipalities reached only through a 'deel' area are drawn as possible in every rendering, and counted apart."""

import io
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pptx import Presentation
from pptx.enum.dml import MSO_FILL
from streamlit.testing.v1 import AppTest

from classify import vocab, zekerheid
from dashboard import url
from geo import geodata
from kaart import kleinkaart, presentatie, statisch, vulling
from kaart.model import MOGELIJK, KaartSpec, kaartbeeld
from palet.kleuren import ARCERING_KLEUR, GEEN_PROJECT_KLEUR, labelkleur
from projectdb import bereik
from tekst import selectietekst

APP = str(Path(__file__).resolve().parents[1] / "app.py")


@pytest.fixture(scope="module")
def kaart():
    """A map with 5 certain municipalities (P1) and 10 reached only through P2's 'deel' area."""
    gemeenten = pd.DataFrame(geodata.gemeenten(2017).drop(columns="geometry"))
    codes = gemeenten["gemeente_code"].tolist()
    projecten = pd.DataFrame(
        {
            "project_id": ["P1", "P2"],
            "titel": ["Zeker", "Deels"],
            "verzekeraars": [("VGZ",), ("CZ",)],
            "inhoud": ["GGZ", "GGZ"],
            "instrumenten": [("Werkwijze",), ("Beleid",)],
            "intensiteit": ["Ontwikkelproject", "Implementatie"],
            "geografie": ["Gemeentelijk", "Regionaal"],
            "gebied_precisie": ["volledig", "deel"],
            "aantal_gemeenten_bron": ["", "3"],
            "bron": ["002_4672d5e83c675345.txt"] * 2,
        }
    )
    koppeling = pd.DataFrame(
        {
            "project_id": ["P1"] * 5 + ["P2"] * 10,
            "gemeente_code": codes[:5] + codes[5:15],
            "zekerheid": ["zeker"] * 5 + ["mogelijk"] * 10,
        }
    )
    return kaartbeeld(KaartSpec("totaal"), projecten, koppeling, gemeenten, jaar=2017), projecten, koppeling, gemeenten


def test_the_legend_counts_certain_and_possible_apart(kaart):
    getekend, *_ = kaart
    assert (getekend.zeker, getekend.mogelijk) == (5, 10)
    rijen = {item.klasse: (item.kleur, item.aantal) for item in getekend.legenda}
    assert rijen["samenwerkingsprojecten"][1] == 5
    assert rijen[f"{MOGELIJK} (circa 3 van 10 gemeenten)"] == (vulling.MOGELIJK, 10)


def test_the_static_svg_hatches_exactly_the_possible_municipalities(kaart):
    getekend, *_ = kaart
    svg = statisch.statische_kaart(getekend, 2017, (), formaat="svg").decode("utf-8")
    zwart = [
        pid
        for pid, inhoud in re.findall(r'<pattern id="([^"]+)"(.*?)</pattern>', svg, re.DOTALL)
        if "stroke: #000000" in inhoud
    ]
    assert len(zwart) == 1
    assert svg.count(f"url(#{zwart[0]})") == 10 + 1  # the ten municipalities and the legend swatch


def test_the_static_png_shows_the_hatching(kaart):
    from PIL import Image

    getekend, projecten, koppeling, gemeenten = kaart
    zeker = kaartbeeld(KaartSpec("totaal"), projecten, zekerheid.alleen_zeker(koppeling), gemeenten, jaar=2017)
    zwart = []
    for k in (getekend, zeker):
        beeld = Image.open(
            io.BytesIO(statisch.statische_kaart(k, 2017, (), formaat="png", dpi=100, opmaak="kaart"))
        ).convert("RGB")
        zwart.append(int((np.asarray(beeld).max(axis=2) < 40).sum()))
    assert zwart[0] > zwart[1] + 200  # black hatch lines only where the 'deel' area is


def test_small_multiples_hatch_the_possible_municipalities(kaart):
    getekend, *_ = kaart
    svg = kleinkaart.svg(getekend, 2017)
    (patroon,) = re.findall(r'<pattern id="([^"]+)"', svg)
    groep = re.search(rf'<g fill="url\(#{patroon}\)"[^>]*>(.*?)</g>', svg).group(1)
    assert groep.count("<path") == 10
    assert 'stroke="#000000"' in re.search(r"<pattern.*?</pattern>", svg).group(0)


def test_the_pptx_legend_swatch_is_patterned(kaart):
    getekend, projecten, koppeling, gemeenten = kaart
    inhoud = presentatie.presentatie(
        [getekend], projecten, koppeling, gemeenten, jaar=2017, peildatum=pd.Timestamp("2017-06-29").date()
    )
    dia = list(Presentation(io.BytesIO(inhoud)).slides)[1]
    staal = next(s for s in dia.shapes if s.name.startswith(f"Legenda {MOGELIJK}"))
    assert staal.fill.type == MSO_FILL.PATTERNED
    assert str(staal.fill.fore_color.rgb) == ARCERING_KLEUR.lstrip("#")
    assert str(staal.fill.back_color.rgb) == GEEN_PROJECT_KLEUR.lstrip("#")


# --- Overzicht --------------------------------------------------------------------------------------------------


def _overzicht(params: dict[str, str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for sleutel, waarde in params.items():
        at.query_params[sleutel] = waarde
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_overzicht_counts_certain_and_possible_municipalities_apart(moduleopslag):
    projecten = moduleopslag.projecten()
    koppeling = bereik.koppeling_zekerheid(projecten, 2017)
    zeker, mogelijk = zekerheid.zeker_en_mogelijk(projecten, koppeling)
    n_zeker = zeker["gemeente_code"].nunique()
    n_mogelijk = len(set(mogelijk["gemeente_code"]) - set(zeker["gemeente_code"]))
    # The shipped data holds 'deel' projects: certain municipalities are fewer than all the areas reach.
    assert n_mogelijk > 0 and n_zeker + n_mogelijk == koppeling["gemeente_code"].nunique()
    at = _overzicht({})
    metriek = next(m for m in at.metric if m.label == "Gemeenten zeker")
    assert metriek.value == f"{n_zeker} / 388"
    assert (metriek.proto.delta or "") == (f"mogelijk nog {n_mogelijk}" if n_mogelijk else "")
    at = _overzicht({"zeker": "1"})
    assert next(t for t in at.sidebar.toggle if t.label == "Alleen zekere gebieden").value is True
    assert next(m for m in at.metric if m.label == "Gemeenten zeker").value == f"{n_zeker} / 388"
    assert not any("Mogelijk nog" in m.value for m in at.markdown)


def test_the_certain_only_switch_travels_in_the_url():
    filters, meldingen = url.lees({"zeker": "1", "b_zeker": "ja"})
    assert filters.alleen_zeker and not meldingen
    assert url.schrijf(filters) == {"zeker": "1"}
    assert url.lees({"zeker": "misschien"})[1] == ("Parameter zeker: 'misschien' is geen ja of nee; gebruik 1 of 0",)
    assert "alleen zekere gebieden" in selectietekst.beschrijving(filters)


def test_the_leerlijnen_map_hatches_municipalities_reached_only_through_a_deel_area():
    from classify import leerlijnen
    from kaart import leerlijnkaart

    rijen = [
        ("P001", "Ontwikkeling", "GM0014", "Ontwikkelproject", (), "volledig"),
        ("P002", "Verbreding in een deel", "wmo:Groningen", "Implementatie", ("P001",), "deel"),
    ]
    projecten = pd.DataFrame(
        [
            {
                "project_id": pid,
                "titel": titel,
                "gebied": gebied_,
                "intensiteit": fase,
                "bouwt_voort_op": basis,
                "gebied_precisie": precisie,
                "indeling_jaar": 2017,
                "inhoud": "GGZ",
                "verzekeraars": ("Menzis",),
                "startjaar": None,
                "eindjaar": None,
            }
            for pid, titel, gebied_, fase, basis, precisie in rijen
        ]
    ).astype({"startjaar": "Int64", "eindjaar": "Int64"})
    koppeling = bereik.koppeling_zekerheid(projecten, 2017)
    ketens = leerlijnen.ketens(leerlijnen.graaf(projecten))
    html = leerlijnkaart.leerlijnkaart(ketens, projecten, koppeling, 2017).get_root().render()
    tabel = json.loads(re.search(r"var gemeenten_\w+_d = (\{.*?\});\n", html).group(1).replace("<\\/", "</"))
    zeker = set(zekerheid.alleen_zeker(koppeling)["gemeente_code"])
    mogelijk = set(koppeling["gemeente_code"]) - zeker
    assert zeker == {"GM0014"} and len(mogelijk) > 3
    assert {code for code, (vul, _) in tabel.items() if vul == "url(#skw-ll-mogelijk)"} == mogelijk
    assert tabel["GM0014"][0] == labelkleur(vocab.AS_INTENSITEIT.label("Ontwikkelproject"))
    assert '<pattern id=\\"skw-ll-mogelijk\\"' in html or '<pattern id="skw-ll-mogelijk"' in html
    assert MOGELIJK in html


def test_several_deel_projects_are_named_in_the_legend_and_each_municipality_tooltip(kaart):
    _, projecten, koppeling, gemeenten = kaart
    codes = gemeenten["gemeente_code"].tolist()
    projecten = pd.concat(
        [projecten, projecten.iloc[[1]].assign(project_id="P3", titel="Ook deels", aantal_gemeenten_bron="")]
    )
    koppeling = pd.concat(
        [
            koppeling,
            pd.DataFrame({"project_id": ["P3"] * 2, "gemeente_code": codes[14:16], "zekerheid": ["mogelijk"] * 2}),
        ]
    )
    getekend = kaartbeeld(KaartSpec("totaal"), projecten, koppeling, gemeenten, jaar=2017)
    (rij,) = [i for i in getekend.legenda if i.klasse.startswith(MOGELIJK)]
    assert rij.klasse == f"{MOGELIJK} (P2 circa 3 van 10 gemeenten; P3 een onbekend aantal van 2 gemeenten)"
    assert rij.aantal == 11
    titels = dict(zip(getekend.gemeenten["gemeente_code"], getekend.gemeenten["titels"], strict=True))
    assert titels[codes[14]] == (
        "Deels (mogelijk: circa 3 van 10 gemeenten)",
        "Ook deels (mogelijk: een onbekend aantal van 2 gemeenten)",
    )
