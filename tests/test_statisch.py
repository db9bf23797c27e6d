import io
from dataclasses import replace
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as veilig_xml
import numpy as np
import pandas as pd
import pytest
import shapely
from aanvalsteksten import ALLE_AANVALLEN
from PIL import Image
from pypdf import PdfReader

import projectdb
from geo import geodata
from geo.lagen import KAARTLAGEN
from kaart import statisch, stijl
from kaart.model import KaartSpec, kaartbeeld
from palet.kleuren import laagkleur, verzekeraarkleur
from projectdb import gebied

SNEL = 50
"""Low resolution for tests that do not look at pixel size."""


@pytest.fixture(scope="module")
def basis(tmp_path_factory):
    """Stored projects of the shipped CSV with their links and municipalities, per boundary year."""
    projecten = projectdb.open_store(tmp_path_factory.mktemp("db") / "samenwerking.sqlite").projecten()
    frames = {}
    for jaar in geodata.JAREN:
        gemeenten = pd.DataFrame(
            geodata.gemeenten(jaar)[["gemeente_code", "gemeente_naam", "wmo_regio", "kernwerkgebied"]]
        )
        frames[jaar] = (projecten, gebied.koppeling(projecten, jaar), gemeenten)
    return frames


def kaart(basis, spec: KaartSpec, jaar: int = 2017):
    projecten, koppeling, gemeenten = basis[jaar]
    return kaartbeeld(spec, projecten, koppeling, gemeenten, jaar=jaar, selectie="alle projecten")


OUDEREN_VORM = KaartSpec("combinatie", as_code="intensiteit", tweede_as="inhoud", tweede_label="Ouderen")
OUDEREN_TOTAAL = KaartSpec("totaal", as_code="inhoud", label="Ouderen")


def test_png_a4_at_300_dpi_is_3507_by_2481_pixels(basis):
    png = statisch.statische_kaart(kaart(basis, OUDEREN_VORM), 2017, formaat="png", dpi=300)
    with Image.open(io.BytesIO(png)) as beeld:
        assert beeld.format == "PNG"
        assert beeld.size == (3507, 2481)


def test_png_size_follows_the_dpi(basis):
    png = statisch.statische_kaart(kaart(basis, OUDEREN_TOTAAL), 2017, formaat="png", dpi=100)
    with Image.open(io.BytesIO(png)) as beeld:
        assert beeld.size == (1169, 827)


def test_pdf_has_one_a4_landscape_page_per_map_with_title_legend_counts_and_source(basis):
    kaarten = [kaart(basis, spec) for spec in (OUDEREN_TOTAAL, OUDEREN_VORM, KaartSpec("kernwerkgebied"))]
    pdf = PdfReader(io.BytesIO(statisch.statische_kaart(kaarten, 2017, formaat="pdf")))
    assert len(pdf.pages) == 3
    for pagina, getekend in zip(pdf.pages, kaarten, strict=True):
        breedte, hoogte = float(pagina.mediabox.width), float(pagina.mediabox.height)
        assert (round(breedte), round(hoogte)) == (round(11.69 * 72), round(8.27 * 72))
        tekst = " ".join(pagina.extract_text().split())
        assert getekend.titel in tekst
        assert getekend.bronregel in tekst
        for item in getekend.legenda:
            assert f"{item.klasse} {item.aantal}" in tekst


def test_let_op_only_where_a_class_combines_several_projects(basis):
    wijk_vorm = KaartSpec(
        "combinatie", as_code="intensiteit", tweede_as="inhoud", tweede_label="Effectief Samenwerken in de Wijk"
    )
    tekst, gecombineerd = {}, {}
    for spec in (wijk_vorm, OUDEREN_VORM, OUDEREN_TOTAAL):
        getekend = kaart(basis, spec)
        gecombineerd[spec] = any(" + " in item.klasse for item in getekend.legenda)
        pdf = PdfReader(io.BytesIO(statisch.statische_kaart(getekend, 2017, formaat="pdf")))
        tekst[spec] = " ".join(pdf.pages[0].extract_text().split())
    assert gecombineerd[wijk_vorm] and "Let op! Een combinatie in de legenda betekent niet" in tekst[wijk_vorm]
    assert ("Let op!" in tekst[OUDEREN_VORM]) == gecombineerd[OUDEREN_VORM]
    assert "Let op!" not in tekst[OUDEREN_TOTAAL]


def test_user_text_is_printed_literally_not_as_mathtext_or_markup(basis):
    vreemd = "Kaart $x$ <script>alert(1)</script> & co"
    getekend = replace(kaart(basis, OUDEREN_TOTAAL), titel=vreemd, ondertitel="Selectie: $a_b$ < 3")
    pdf = PdfReader(io.BytesIO(statisch.statische_kaart(getekend, 2017, formaat="pdf")))
    tekst = pdf.pages[0].extract_text()
    assert vreemd in tekst and "Selectie: $a_b$ < 3" in tekst
    boom = veilig_xml.fromstring(statisch.statische_kaart(getekend, 2017, formaat="svg"))
    teksten = ["".join(e.itertext()) for e in boom.iter() if e.tag.endswith("}text")]
    assert vreemd in teksten
    assert not [e for e in boom.iter() if e.tag.endswith("}script")]


def test_attack_texts_are_printed_as_characters_in_pdf_and_svg(basis):
    getekend = replace(
        kaart(basis, OUDEREN_TOTAAL), titel=ALLE_AANVALLEN, ondertitel=ALLE_AANVALLEN, bronregel=ALLE_AANVALLEN
    )
    tekst = PdfReader(io.BytesIO(statisch.statische_kaart(getekend, 2017, formaat="pdf"))).pages[0].extract_text()
    assert " ".join(tekst.split()).count(ALLE_AANVALLEN) == 3  # long lines are wrapped at a space
    boom = veilig_xml.fromstring(statisch.statische_kaart(getekend, 2017, formaat="svg"))
    teksten = " ".join(" ".join("".join(e.itertext()).split()) for e in boom.iter() if e.tag.endswith("}text"))
    assert teksten.count(ALLE_AANVALLEN) == 3
    assert not [e for e in boom.iter() if e.tag.endswith(("}script", "}image", "}foreignObject"))]


def test_svg_parses_and_has_one_filled_path_per_municipality_colour(basis):
    getekend = kaart(basis, OUDEREN_VORM)
    boom: Element = veilig_xml.fromstring(statisch.statische_kaart(getekend, 2017, formaat="svg"))
    assert boom.tag.endswith("svg")
    stijlen = " ".join(e.get("style", "") for e in boom.iter())
    for item in getekend.legenda:
        assert f"fill: {item.kleur.lower()}" in stijlen


def _pixels(png: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(png)) as beeld:
        return np.asarray(beeld.convert("RGB")).astype(int)


def _rgb(kleur: str) -> np.ndarray:
    return np.array([int(kleur[i : i + 2], 16) for i in (1, 3, 5)])


@pytest.mark.parametrize("jaar", geodata.JAREN)
def test_every_municipality_is_filled_with_its_class_colour(basis, jaar):
    getekend = kaart(basis, OUDEREN_VORM, jaar)
    pixels = _pixels(statisch.statische_kaart(getekend, jaar, lagen=(), formaat="png", dpi=100, opmaak="kaart"))
    hoogte, breedte, _ = pixels.shape
    west, zuid, oost, noord = statisch._omtrek(jaar)
    vlak = stijl.dekking(jaar).merge(getekend.gemeenten[["gemeente_code", "kleur"]], on="gemeente_code")
    # Municipalities large enough to hold a pixel away from their white edges; the largest carry their name there.
    groot = vlak[vlak.geometry.area > vlak.geometry.area.quantile(0.5)]
    groot = groot.drop(groot.geometry.area.nlargest(statisch.NAMEN).index)
    punten = groot.geometry.representative_point()
    kolom = ((punten.x - west) / (oost - west) * breedte).astype(int).clip(0, breedte - 1)
    rij = ((noord - punten.y) / (noord - zuid) * hoogte).astype(int).clip(0, hoogte - 1)
    gevonden = pixels[rij.to_numpy(), kolom.to_numpy()]
    verwacht = np.stack([_rgb(k) for k in groot["kleur"]])
    juist = (np.abs(gevonden - verwacht).max(axis=1) <= 6).mean()
    assert juist > 0.95


def _aantal_in_kleur(pixels: np.ndarray, kleur: str) -> int:
    return int((np.abs(pixels - _rgb(kleur)).max(axis=2) <= 20).sum())


def test_layers_are_drawn_only_when_asked(basis):
    getekend = kaart(basis, OUDEREN_TOTAAL)
    cz = verzekeraarkleur("CZ")
    wmo = laagkleur("wmo_regio")

    def teken(lagen):
        return _pixels(statisch.statische_kaart(getekend, 2017, lagen, formaat="png", dpi=100, opmaak="kaart"))

    kaal, met_wmo, met_cz = teken(()), teken(("wmo_regio",)), teken(("kernwerkgebied:CZ",))
    assert _aantal_in_kleur(kaal, cz) == 0 and _aantal_in_kleur(met_cz, cz) > 200
    assert _aantal_in_kleur(met_wmo, wmo) > 5 * max(_aantal_in_kleur(kaal, wmo), 100)
    # The outline never hides the fill: the map colour keeps almost all its pixels.
    totaal = getekend.legenda[0].kleur
    assert _aantal_in_kleur(met_cz, totaal) > 0.9 * _aantal_in_kleur(kaal, totaal)


def test_pdf_is_the_same_file_for_the_same_map(basis):
    getekend = kaart(basis, OUDEREN_VORM)
    assert statisch.statische_kaart(getekend, 2017, formaat="pdf") == statisch.statische_kaart(
        getekend, 2017, formaat="pdf"
    )


@pytest.mark.parametrize(
    ("argumenten", "melding"),
    [
        ({"formaat": "gif"}, r"onbekend formaat 'gif'; kies uit: png, svg, pdf"),
        ({"dpi": 20}, r"dpi 20 ongeldig; geef een geheel getal van 50 tot en met 600"),
        ({"dpi": 601}, r"dpi 601 ongeldig"),
        ({"dpi": 150.5}, r"dpi 150\.5 ongeldig"),
        (
            {"lagen": ("gemeentegrens",)},
            "onbekende kaartlaag 'gemeentegrens'; kies uit: " + ", ".join(laag.code for laag in KAARTLAGEN),
        ),
        ({"lagen": ("kernwerkgebied:Achmea",)}, r"'Achmea' is geen verzekeraar"),
        ({"lagen": ("wmo_regio:VGZ",)}, r"onbekende kaartlaag 'wmo_regio:VGZ'"),
        ({"opmaak": "a3"}, r"onbekende opmaak 'a3'; kies uit: a4, kaart"),
    ],
)
def test_bad_arguments_raise_precise_value_errors(basis, argumenten, melding):
    with pytest.raises(ValueError, match=melding):
        statisch.statische_kaart(kaart(basis, OUDEREN_TOTAAL), 2017, **{"dpi": SNEL, **argumenten})


def test_png_and_svg_hold_one_map_and_there_must_be_one(basis):
    twee = [kaart(basis, OUDEREN_TOTAAL), kaart(basis, OUDEREN_VORM)]
    with pytest.raises(ValueError, match=r"PNG bevat één kaart, er zijn er 2; kies pdf voor meerdere"):
        statisch.statische_kaart(twee, 2017, formaat="png", dpi=SNEL)
    with pytest.raises(ValueError, match=r"geen kaart om te tekenen"):
        statisch.statische_kaart([], 2017, formaat="pdf")


def test_codes_of_another_boundary_year_are_refused(basis):
    getekend = kaart(basis, OUDEREN_TOTAAL, 2017)
    with pytest.raises(ValueError, match=r"codes die geen gemeente van 2025 zijn"):
        statisch.statische_kaart(getekend, 2025, formaat="png", dpi=SNEL)


def test_svg_starts_with_the_maps_title_and_a_description_of_its_classes(basis):
    getekend = replace(kaart(basis, OUDEREN_TOTAAL), titel="Ouderen & <zorg>")
    boom = veilig_xml.fromstring(statisch.statische_kaart(getekend, 2017, formaat="svg"))
    titel, beschrijving = list(boom)[:2]
    assert titel.tag.endswith("}title") and titel.text == "Ouderen & <zorg>"
    assert beschrijving.tag.endswith("}desc")
    assert beschrijving.text.startswith("Kaart: Ouderen & <zorg>. ")
    for item in getekend.legenda:
        assert f"{item.klasse}: {item.aantal} gemeente" in beschrijving.text


@pytest.mark.parametrize("opmaak", statisch.OPMAKEN)
def test_the_largest_municipalities_are_named_legibly_inside_the_map_area(basis, opmaak):
    figuur = statisch._figuur(kaart(basis, OUDEREN_VORM), 2017, ("wmo_regio",), opmaak)
    as_ = figuur.axes[0]
    renderer = figuur.canvas.get_renderer()
    vlak = stijl.dekking(2017)
    grootste = vlak.assign(m2=vlak.geometry.area).nlargest(statisch.NAMEN, "m2")["gemeente_naam"].tolist()
    namen = [t for t in as_.texts if t.get_text() in grootste]
    assert 15 <= len(namen) <= statisch.NAMEN
    assert all(t.get_fontsize() >= 6 for t in namen)
    vakken = [t.get_window_extent(renderer) for t in namen]
    kader = as_.get_window_extent(renderer)
    assert all(kader.x0 <= v.x0 and v.x1 <= kader.x1 and kader.y0 <= v.y0 and v.y1 <= kader.y1 for v in vakken)
    assert not any(a.overlaps(b) for i, a in enumerate(vakken) for b in vakken[i + 1 :])
    # Each name sits inside its own municipality.
    for tekst in namen:
        vorm = vlak.loc[vlak["gemeente_naam"] == tekst.get_text(), "geometry"].iloc[0]
        assert vorm.contains(shapely.Point(tekst.get_position()))
