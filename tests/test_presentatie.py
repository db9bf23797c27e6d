import io
from dataclasses import replace

import pandas as pd
import pytest
from aanvalsteksten import ALLE_AANVALLEN
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Inches, Pt

import projectdb
from classify import vocab
from dashboard import export
from geo import geodata
from kaart import presentatie
from kaart.model import KaartSpec, kaartbeeld, projecten_voor
from projectdb import bronnen, gebied
from tekst import analysetekst, getallen

JAAR = 2017
PEILDATUM = "2016–2017"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@pytest.fixture(scope="module")
def frames(tmp_path_factory):
    projecten = projectdb.open_store(tmp_path_factory.mktemp("db") / "samenwerking.sqlite").projecten()
    gemeenten = pd.DataFrame(geodata.gemeenten(JAAR)[["gemeente_code", "gemeente_naam", "wmo_regio", "kernwerkgebied"]])
    return projecten, gebied.koppeling(projecten, JAAR), gemeenten


def _kaarten(frames, specs):
    projecten, koppeling, gemeenten = frames
    return [kaartbeeld(spec, projecten, koppeling, gemeenten, jaar=JAAR, selectie="alle projecten") for spec in specs]


def _deck(frames, kaarten, **opties) -> Presentation:
    projecten, koppeling, gemeenten = frames
    inhoud = presentatie.presentatie(kaarten, projecten, koppeling, gemeenten, jaar=JAAR, peildatum=PEILDATUM, **opties)
    return Presentation(io.BytesIO(inhoud))


def _opsomming(dia) -> list:
    """Bulleted paragraphs of a slide (those with a bullet character)."""
    return [
        alinea
        for vorm in dia.shapes
        if vorm.has_text_frame
        for alinea in vorm.text_frame.paragraphs
        if alinea._p.find(f"{_A}pPr/{_A}buChar") is not None
    ]


ALLE_THEMAS = [KaartSpec("totaal", as_code="inhoud", label=naam) for naam in vocab.AS_INHOUD.namen]


@pytest.fixture(scope="module")
def alle_themas(frames, tmp_path_factory):
    """The deck of the total map of every theme from the shipped data, written to a file as a user would get it."""
    kaarten = _kaarten(frames, ALLE_THEMAS)
    pad = tmp_path_factory.mktemp("deck") / "alle_themas.pptx"
    projecten, koppeling, gemeenten = frames
    pad.write_bytes(
        presentatie.presentatie(
            kaarten,
            projecten,
            koppeling,
            gemeenten,
            jaar=JAAR,
            peildatum=bronnen.peildatum(projecten["bron"]),
            gedateerd=bronnen.laatste_datum(projecten["bron"]),
            lagen=("wmo_regio", "kernwerkgebied:VGZ"),
            brontitels=export.brontitels(),
        )
    )
    return kaarten, Presentation(str(pad))


def test_theme_deck_has_title_map_and_closing_slides_in_order(alle_themas):
    kaarten, deck = alle_themas
    assert len(deck.slides) == 1 + len(vocab.AS_INHOUD.labels) + 1
    titels = [dia.shapes.title.text_frame.text for dia in deck.slides]
    assert titels == [presentatie.TITEL, *(k.titel for k in kaarten), "Bronnen en peildatum"]
    assert [t.split(" – ")[0] for t in titels[1:-1]] == list(vocab.AS_INHOUD.namen)


def test_deck_is_16_9(alle_themas):
    _, deck = alle_themas
    assert (deck.slide_width, deck.slide_height) == (Inches(13.333), Inches(7.5))


def test_each_map_slide_holds_the_map_as_a_picture_inside_the_slide(alle_themas):
    _, deck = alle_themas
    for dia in list(deck.slides)[1:-1]:
        plaatjes = [vorm for vorm in dia.shapes if vorm.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(plaatjes) == 1
        plaatje = plaatjes[0]
        assert plaatje.image.content_type == "image/png"
        with Image.open(io.BytesIO(plaatje.image.blob)) as beeld:
            assert abs(beeld.width / beeld.height - plaatje.width / plaatje.height) < 0.01
        assert plaatje.left >= 0 and plaatje.left + plaatje.width <= deck.slide_width
        assert plaatje.top >= 0 and plaatje.top + plaatje.height <= deck.slide_height


def test_map_slides_carry_three_to_five_analyse_sentences_of_at_least_14_pt(alle_themas, frames):
    kaarten, deck = alle_themas
    projecten, koppeling, gemeenten = frames
    for dia, getekend in zip(list(deck.slides)[1:-1], kaarten, strict=True):
        eigen = projecten_voor(getekend.spec, projecten)
        feiten = analysetekst.feiten(eigen, koppeling, gemeenten, "intensiteit")
        zinnen = _opsomming(dia)
        assert 3 <= len(zinnen) <= 5
        assert [a.text for a in zinnen] == feiten[: len(zinnen)]
        assert all(run.font.size >= Pt(14) for a in zinnen for run in a.runs)


def test_map_slides_show_every_legend_class_with_its_colour_and_count(alle_themas):
    kaarten, deck = alle_themas
    for dia, getekend in zip(list(deck.slides)[1:-1], kaarten, strict=True):
        vormen = {vorm.name: vorm for vorm in dia.shapes}
        teksten = [vorm.text_frame.text for vorm in dia.shapes if vorm.has_text_frame]
        for item in getekend.legenda:
            vlak = vormen[f"Legenda {item.klasse}"]
            assert str(vlak.fill.fore_color.rgb) == item.kleur.lstrip("#").upper()
            assert item.klasse in teksten and getallen.getal(item.aantal) in teksten
        assert "grens Wmo-regio" in teksten
        assert "kernwerkgebied VGZ (benadering 89 gemeenten)" in teksten  # VGZ: no figure in the report
        assert getekend.bronregel in teksten


def test_closing_slide_names_the_sources_of_the_projects_shown_and_the_data_date(alle_themas, frames):
    kaarten, deck = alle_themas
    projecten = frames[0]
    tekst = " ".join(a.text for a in _opsomming(list(deck.slides)[-1]))
    getoond = {pid for k in kaarten for ids in k.gemeenten["project_ids"] for pid in ids}
    gebruikt = set(projecten.loc[projecten["project_id"].isin(getoond), "bron"])
    assert gebruikt and all(bronnen.bronvermelding(bron) in tekst for bron in gebruikt)
    assert "AEF, Samenwerking zorgverzekeraars en gemeenten, 2017:" in tekst and ".txt" not in tekst
    assert f"CBS/PDOK gebiedsindeling {JAAR} (CC-BY 4.0)" in tekst
    peildatum = bronnen.peildatum(projecten["bron"])
    assert peildatum.startswith("2016–2017") and f"peildatum van de bronnen {peildatum}" in tekst
    assert f"Peildatum van de bronnen: {peildatum}" in list(deck.slides)[0].shapes[-1].text_frame.text
    assert deck.core_properties.created.date() == bronnen.laatste_datum(projecten["bron"])


def test_closing_slide_lists_only_sources_of_projects_on_the_maps(frames):
    projecten = frames[0]
    verzekeraar = KaartSpec("verzekeraar", label="Menzis")
    (getekend,) = _kaarten(frames, [verzekeraar])
    deck = _deck(frames, [getekend], brontitels={"003_856d1de233d674a6.txt": "Menzis, module sociale infrastructuur"})
    tekst = " ".join(a.text for a in _opsomming(list(deck.slides)[-1]))
    eigen = set(projecten_voor(verzekeraar, projecten)["bron"])
    for bron in set(projecten["bron"]) - {"003_856d1de233d674a6.txt"}:
        assert (bron in tekst) == (bron in eigen)  # without a title the file name stands in
    assert "Menzis, module sociale infrastructuur:" in tekst and "003_856d1de233d674a6.txt" not in tekst


def test_combination_slide_puts_the_let_op_warning_in_the_notes(frames):
    spec = KaartSpec(
        "combinatie", as_code="intensiteit", tweede_as="inhoud", tweede_label="Effectief Samenwerken in de Wijk"
    )
    (getekend,) = _kaarten(frames, [spec])
    assert any(" + " in item.klasse for item in getekend.legenda)
    deck = _deck(frames, [getekend])
    notities = list(deck.slides)[1].notes_slide.notes_text_frame.text
    assert getekend.waarschuwing and getekend.waarschuwing in notities
    assert len(_opsomming(list(deck.slides)[1])) >= 3


def test_slides_follow_the_order_of_the_maps_given(frames):
    kaarten = _kaarten(frames, ALLE_THEMAS[:3])
    titels = [d.shapes.title.text_frame.text for d in list(_deck(frames, kaarten[::-1]).slides)[1:-1]]
    assert titels == [k.titel for k in kaarten[::-1]]


def test_titles_with_markup_characters_are_kept_as_text(frames):
    (getekend,) = _kaarten(frames, ALLE_THEMAS[:1])
    vreemd = replace(getekend, titel="<script>alert('x')</script> & $x$")
    deck = _deck(frames, [vreemd])
    assert list(deck.slides)[1].shapes.title.text_frame.text == "<script>alert('x')</script> & $x$"


def test_attack_texts_in_titles_and_sources_stay_text(frames):
    projecten, koppeling, gemeenten = frames
    (getekend,) = _kaarten(frames, ALLE_THEMAS[:1])
    getoond = next(pid for ids in getekend.gemeenten["project_ids"] for pid in ids)
    vreemd = projecten.copy()
    vreemd.loc[vreemd["project_id"] == getoond, "bron"] = ALLE_AANVALLEN
    inhoud = presentatie.presentatie(
        [replace(getekend, titel=ALLE_AANVALLEN)], vreemd, koppeling, gemeenten, jaar=JAAR, peildatum=PEILDATUM
    )
    dias = list(Presentation(io.BytesIO(inhoud)).slides)
    assert dias[1].shapes.title.text_frame.text == ALLE_AANVALLEN
    assert ALLE_AANVALLEN in " ".join(a.text for a in _opsomming(dias[-1]))


def test_no_maps_is_refused(frames):
    with pytest.raises(ValueError, match=r"geen kaarten gekozen voor de presentatie"):
        _deck(frames, [])


def test_bad_layer_is_refused(frames):
    with pytest.raises(ValueError, match=r"onbekende kaartlaag 'gemeenten'"):
        _deck(frames, _kaarten(frames, ALLE_THEMAS[:1]), lagen=("gemeenten",))


def test_map_pictures_carry_the_maps_facts_as_alt_text(alle_themas):
    kaarten, deck = alle_themas
    for kaart_, dia in zip(kaarten, list(deck.slides)[1:-1], strict=True):
        plaatje = next(vorm for vorm in dia.shapes if vorm.shape_type == MSO_SHAPE_TYPE.PICTURE)
        alt = plaatje._element.nvPicPr.cNvPr.get("descr")
        assert alt.startswith(f"Kaart: {kaart_.titel}. ") and "image" not in alt
        for item in kaart_.legenda:
            assert f"{item.klasse}: {item.aantal} gemeente" in alt


def test_map_pictures_are_named_after_the_map_not_the_file(alle_themas):
    kaarten, deck = alle_themas
    for kaart_, dia in zip(kaarten, list(deck.slides)[1:-1], strict=True):
        plaatje = next(vorm for vorm in dia.shapes if vorm.shape_type == MSO_SHAPE_TYPE.PICTURE)
        kenmerken = plaatje._element.nvPicPr.cNvPr
        assert plaatje.name == kenmerken.get("title") == f"Kaart: {kaart_.titel}"


def test_notes_name_the_selection_once_and_carry_the_table_behind_the_map(frames):
    (getekend,) = _kaarten(frames, ALLE_THEMAS[:1])
    notities = list(_deck(frames, [getekend]).slides)[1].notes_slide.notes_text_frame.text
    assert notities.startswith("Selectie: alle projecten\n") and "Selectie: Selectie" not in notities
    regels = notities.split("\n")
    kop = regels.index(next(r for r in regels if r.startswith("Tabel bij de kaart (")))
    met = getekend.gemeenten[(getekend.gemeenten["aantal_projecten"] > 0) | (getekend.gemeenten["aantal_mogelijk"] > 0)]
    assert regels[kop] == f"Tabel bij de kaart ({len(met)} gemeenten met projecten):"
    rijen = regels[kop + 1 :]
    assert len(rijen) == len(met)
    eerste = met.sort_values("gemeente_naam").iloc[0]
    assert rijen[0].startswith(f"- {eerste.gemeente_naam} ({eerste.wmo_regio}): {eerste.klasse}; ")
    assert rijen[0].endswith(", ".join(eerste.project_ids))
