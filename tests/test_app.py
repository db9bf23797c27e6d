"""The app in Streamlit's AppTest: every page with default filters, with filters that match nothing and with a URL
query that sets filters. The store is a fresh SQLite file built from the shipped projecten.csv."""

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from classify import filters as flt
from classify import vocab
from dashboard import kaartframe, url
from dashboard.navigatie import PAGINAS
from dashboard.projectweergave import md
from geo import geodata
from kaart import kaartframe as kaartframe_data
from kaart import tabel as kaarttabel
from kaart.model import let_op

APP = str(Path(__file__).resolve().parents[1] / "app.py")
BESTANDEN = [f"pages/{bestand}" for bestand, _, _ in PAGINAS]
KAARTPAGINAS = [b for b in BESTANDEN if not b.endswith(("projecten.py", "uitleg.py", "gemeente.py"))]
SELECTIEPAGINAS = [b for b in BESTANDEN if not b.endswith("uitleg.py")]
"""Pages that show projects of the selection (Uitleg explains the words and shows none)."""


pytestmark = pytest.mark.usefixtures("moduleopslag")


@pytest.fixture(scope="module")
def projecten(moduleopslag):
    return moduleopslag.projecten()


def _draai(pagina: str, params: dict[str, str] | None = None) -> AppTest:
    """Run ``pagina`` with query parameters. AppTest only keeps the entry point's sidebar in its element tree
    for the default page, so sidebar widgets are inspected on the first page (Overzicht)."""
    at = AppTest.from_file(APP, default_timeout=60)
    for sleutel, waarde in (params or {}).items():
        at.query_params[sleutel] = waarde
    if pagina != BESTANDEN[0]:
        at.switch_page(pagina)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _kaarten(at: AppTest) -> list[dict]:
    """The arguments of every map component on the page (the Leerlijnen page's map is an st_folium one)."""
    return [json.loads(e.proto.json_args) for e in at.get("component_instance")]


def _kleine_kaarten(at: AppTest) -> int:
    """The number of small maps on the page (each an SVG image in the grid of small multiples)."""
    return sum(e.proto.body.count('<img src="data:image/svg+xml;base64,') for e in at.get("html"))


def _leeg_filter(projecten) -> dict[str, str]:
    """A selection that matches no shipped project, found in the data rather than assumed."""
    for verzekeraar in vocab.VERZEKERAARS:
        for inhoud in vocab.AS_INHOUD.labels:
            filters = flt.Filters(verzekeraars=(verzekeraar.naam,), inhoud=(inhoud.naam,))
            if flt.toepassen(filters, projecten).empty:
                return url.schrijf(filters)
    raise AssertionError("elke combinatie van verzekeraar en thema heeft projecten")


@pytest.mark.parametrize("pagina", BESTANDEN)
def test_every_page_runs_with_default_filters(pagina):
    at = _draai(pagina)
    assert at.title, "elke pagina heeft een titel"
    if pagina in KAARTPAGINAS:
        kaarten = _kaarten(at)
        assert kaarten, "een kaartpagina toont minstens één interactieve kaart"
        for kaart in kaarten:
            if "selectie" in kaart:
                assert kaart["bestand"].startswith(kaartframe.URL_KAARTDATA)
                assert len(kaart["selectie"]["gemeenten"]) == len(geodata.gemeenten(flt.STANDAARD_JAAR))
            else:
                assert kaart["returned_objects"] == ["last_active_drawing"]


@pytest.mark.parametrize("pagina", SELECTIEPAGINAS)
def test_every_page_says_so_when_nothing_matches(pagina, projecten):
    at = _draai(pagina, _leeg_filter(projecten))
    assert "Geen projecten voor deze selectie." in [i.value for i in at.info]
    if pagina in KAARTPAGINAS and not pagina.endswith("overzicht.py"):
        assert not _kaarten(at)


def test_sidebar_has_the_filters_and_layer_toggles():
    at = _draai(BESTANDEN[0])
    assert [m.label for m in at.sidebar.multiselect] == [
        "Zorgverzekeraar",
        "Inhoud (thema)",
        "Instrument",
        "Samenwerkingsvorm (intensiteit)",
        "Geografie",
    ]
    assert [c.label for c in at.sidebar.checkbox] == [
        "Grenzen Wmo-regio's",
        "Provinciegrenzen",
        "Kernwerkgebieden (benadering, gestippeld)",
    ]
    assert at.radio[0].options == ["2017", "2025"]


def test_url_query_sets_filters_and_the_figures_follow(projecten):
    at = _draai("pages/overzicht.py", {"inhoud": "ggz,ouderen", "indeling": "2025", "lagen": "provincie"})
    inhoud = next(m for m in at.multiselect if m.label == "Inhoud (thema)")
    assert inhoud.value == ["GGZ", "Ouderen"]
    assert at.radio[0].value == 2025
    assert [c.value for c in at.sidebar.checkbox] == [False, True, False]
    verwacht = len(flt.toepassen(flt.Filters(inhoud=("GGZ", "Ouderen")), projecten))
    assert at.metric[0].value == str(verwacht)
    analyse = next(m.value for m in at.markdown if m.value.startswith("**Analyse**"))
    zonder_minima = projecten[projecten["inhoud"].isin(["GGZ", "Ouderen"])]
    zonder_minima = zonder_minima[zonder_minima["instrumenten"].map(lambda i: set(i) != {"Collectieve zorg minima"})]
    # "zeker" when some municipalities are reached only through a 'deel' area
    assert re.search(rf"- {len(zonder_minima)} projecten( zeker)? in ", analyse)
    assert "van de 342 gemeenten" in analyse  # the 2025 boundaries


def test_changing_a_filter_widget_writes_the_url():
    at = _draai(BESTANDEN[0])
    next(m for m in at.multiselect if m.label == "Zorgverzekeraar").set_value(["CZ"]).run()
    assert not at.exception
    assert at.query_params["verzekeraar"] == "cz"


def test_unknown_url_values_are_reported_not_fatal():
    at = _draai("pages/overzicht.py", {"inhoud": "kunst", "lagen": "snelwegen"})
    meldingen = [w.value for w in at.warning]
    assert any("Parameter inhoud: 'kunst'" in m for m in meldingen)
    assert any("'snelwegen' is geen kaartlaag" in m for m in meldingen)


def test_side_by_side_shows_two_selections():
    at = _draai("pages/samenwerkingsvorm.py", {"naast": "1", "inhoud": "ggz", "b_inhoud": "ouderen"})
    assert [c.value for c in at.caption if c.value.startswith("Selectie ")] == [
        "Selectie links: inhoud: GGZ",
        "Selectie rechts: inhoud: Ouderen",
    ]
    assert len(_kaarten(at)) == 2
    at = _draai(BESTANDEN[0], {"naast": "1", "b_inhoud": "ouderen"})
    assert next(m for m in at.multiselect if m.key == "b_w_inhoud").value == ["Ouderen"]


def test_the_total_map_carries_a_filter_model_that_names_the_sidebar_as_drawn():
    at = _draai("pages/overzicht.py", {"inhoud": "ggz", "zeker": "1"})
    totaal, kernwerkgebied = _kaarten(at)
    assert "filtermodel" not in kernwerkgebied or kernwerkgebied["filtermodel"] is None
    model = totaal["filtermodel"]
    assert model["gekozen"] == {"inhoud": ["GGZ"], "verzekeraars": []}
    naam = model["bestand"].removeprefix(kaartframe.URL_KAARTDATA)
    inhoud = json.loads((kaartframe.KAARTDATA / naam).read_bytes())
    assert {p["id"] for p in inhoud["projecten"]} >= {"P001"}  # every theme: the frame narrows it down itself
    # Every title the frame looks for is a widget of the sidebar, with the state it expects.
    multiselects = {w.label: w.value for w in at.sidebar.multiselect}
    assert set(model["velden"].values()) | set(model["vast"]["leeg"]) == set(multiselects)
    assert all(multiselects[titel] == [] for titel in model["vast"]["leeg"])
    radios = {w.label: w for w in at.sidebar.radio}
    for titel, positie in model["vast"]["keuzes"].items():
        if titel in radios:
            assert radios[titel].options[positie] == str(radios[titel].value), titel
    assert "Combineren (inhoud (thema))" in model["vast"]["keuzes"]
    schakelaars = {w.label: w.value for w in at.sidebar.toggle}
    assert {titel: schakelaars[titel] for titel in model["vast"]["schakelaars"]} == model["vast"]["schakelaars"]
    assert model["vast"]["schakelaars"]["Alleen zekere gebieden"] is True


@pytest.mark.parametrize(
    ("pagina", "params"),
    [
        ("pages/overzicht.py", {"instrument": "inkoop"}),
        ("pages/overzicht.py", {"inhoud": "ggz,preventie", "alle": "inhoud"}),
        ("pages/overzicht.py", {"naast": "1"}),
        ("pages/inhoudelijk.py", {}),
        ("pages/zorgverzekeraars.py", {}),
    ],
)
def test_other_maps_and_selections_carry_no_filter_model(pagina, params):
    kaarten = _kaarten(_draai(pagina, params))
    assert kaarten
    assert all(kaart.get("filtermodel") is None for kaart in kaarten)


def test_page_level_choice_from_the_url(projecten):
    at = _draai("pages/inhoudelijk.py", {"thema": "esw", "kaart": "instrument"})
    assert at.main.header[0].value == "Effectief Samenwerken in de Wijk – instrumenteel"
    # On an instrument map one project can carry two instruments: the caveat says so, not the report's text.
    assert any(w.value == let_op("instrument", "Effectief Samenwerken in de Wijk") for w in at.warning)
    assert not any(w.value.startswith("Let op! In sommige plaatjes") for w in at.warning)
    esw = projecten[projecten["inhoud"] == "Effectief Samenwerken in de Wijk"]
    # One small map per instrument that an ESW project uses.
    assert _kleine_kaarten(at) == esw["instrumenten"].explode().nunique()


def test_map_component_names_the_geometry_file_and_carries_one_row_per_municipality():
    at = _draai("pages/zorgverzekeraars.py", {"verz": "vgz"})
    (kaart,) = _kaarten(at)
    naam, inhoud = kaartframe_data.geometrie(flt.STANDAARD_JAAR)
    assert kaart["bestand"] == kaartframe.URL_KAARTDATA + naam
    assert (kaartframe.KAARTDATA / naam).read_bytes() == inhoud  # served by Streamlit's static file serving
    assert len(json.loads(inhoud)["gemeenten"]["features"]) == len(geodata.gemeenten(flt.STANDAARD_JAAR))
    assert len(kaart["selectie"]["gemeenten"]) == len(geodata.gemeenten(flt.STANDAARD_JAAR))
    # The legend stands beside the map frame, not in it: it covers no municipality.
    assert "kernwerkgebied VGZ" not in json.dumps(kaart, ensure_ascii=False)
    assert any("kernwerkgebied VGZ" in e.proto.body for e in at.get("html"))


def test_a_filter_change_keeps_the_geometry_file_and_sends_only_a_small_selection():
    # The frame keeps the geometry it loaded while the file name is unchanged; a change only sends the selection.
    at = _draai(BESTANDEN[0], {"lagen": "wmo,kernwerkgebied"})
    voor = _kaarten(at)
    next(m for m in at.multiselect if m.label == "Inhoud (thema)").set_value(["GGZ"]).run()
    assert not at.exception
    na = _kaarten(at)
    assert [k["bestand"] for k in na] == [k["bestand"] for k in voor]
    assert all(n["selectie"] != v["selectie"] for n, v in zip(na, voor, strict=True))
    assert all(len(json.dumps(k, ensure_ascii=False)) < 12_000 for k in na)


def test_project_detail_by_url_shows_labels_findings_and_source(projecten):
    project = projecten.iloc[0]
    at = _draai("pages/projecten.py", {"project": project["project_id"]})
    inhoud = "".join(h.proto.body for h in at.get("html"))
    assert project["inhoud"] in inhoud and "Bevindingen" in inhoud and "Suggestie:" in inhoud
    assert project["bron"] in inhoud


def test_project_list_search_and_unknown_project(projecten):
    at = _draai("pages/projecten.py", {"zoek": "leefstijl"})
    assert at.caption[0].value.startswith(f"{len(projecten[projecten['titel'].str.contains('eefstijl')])} van")
    at = _draai("pages/projecten.py", {"project": "P999"})
    assert "P999" in at.warning[0].value


def test_url_values_quoted_in_a_warning_stay_text():
    at = _draai("pages/overzicht.py", {"inhoud": "[klik](javascript:alert(1))", "lagen": "![x](http://x/y.png)"})
    meldingen = [w.value for w in at.warning]
    assert any("\\[klik\\]\\(javascript:alert\\(1\\)\\)" in m for m in meldingen)
    assert any("\\!\\[x\\]\\(http://x/y\\.png\\)" in m for m in meldingen)
    assert not any("](" in m for m in meldingen)


def test_overzicht_has_over_de_gegevens_with_numbers_from_the_data(projecten):
    at = _draai("pages/overzicht.py")
    (uitklap,) = [e for e in at.expander if e.label == "Over de gegevens"]
    tekst = " ".join(m.value for m in uitklap.markdown)
    documenten = projecten["bron"].nunique()
    assert f"{len(projecten)} projecten, gereconstrueerd uit {documenten} openbare documenten" in tekst
    assert "AEF, Samenwerking zorgverzekeraars en gemeenten, 2017" in tekst and ".txt" not in tekst
    assert "Peildatum:** 2016–2017" in tekst
    assert f"`deel`): {(projecten['gebied_precisie'] == 'deel').sum()} projecten" in tekst
    assert f"`concessie`): {(projecten['verzekeraar_herkomst'] == 'concessie').sum()} projecten" in tekst
    assert "benadering" in tekst and "zorgkantoorregio" in tekst


def test_zorgverzekeraars_shows_the_insurers_strategy_with_its_source():
    at = _draai("pages/zorgverzekeraars.py", {"verz": "cz"})
    assert "Samenwerkingsstrategie van CZ" in [s.value for s in at.main.header]
    fragment = " ".join(e.proto.body for e in at.get("html"))
    assert "Met gemeenten in het kernwerkgebied zit CZ in regio overleggen" in fragment
    assert "AEF, Samenwerking zorgverzekeraars en gemeenten, 2017" in fragment
    zonder = _draai("pages/zorgverzekeraars.py", {"verz": "dsw"})
    assert "De bronnen beschrijven geen samenwerkingsstrategie van DSW." in [c.value for c in zonder.caption]


def _legendaknoppen(at: AppTest, sleutel: str) -> list:
    return [b for b in at.button if b.key and b.key.startswith(f"legenda-{sleutel}-")]


def test_the_legend_beside_the_map_chooses_a_class_and_the_table_follows():
    at = _draai(BESTANDEN[0])
    knoppen = _legendaknoppen(at, "overzicht-totaal-links")
    kaartbeeld = _overzichtskaart()
    assert [k.label for k in knoppen] == [f"{md(i.klasse)} ({i.aantal})" for i in kaartbeeld.legenda]
    tabel = next(d for d in at.dataframe if list(d.value.columns) == list(kaarttabel.KOLOMMEN))
    met = kaarttabel.kaarttabel(kaartbeeld)
    assert len(tabel.value) == len(met) > 0
    item = kaartbeeld.legenda[0]
    knoppen[0].click().run()
    assert not at.exception
    tabel = next(d for d in at.dataframe if list(d.value.columns) == list(kaarttabel.KOLOMMEN))
    assert len(tabel.value) == item.aantal and set(tabel.value["Klasse"]) == {item.klasse}
    assert any(m.value.startswith("**Projecten in deze klasse**") for m in at.markdown)
    _legendaknoppen(at, "overzicht-totaal-links")[0].click().run()  # again: all classes
    tabel = next(d for d in at.dataframe if list(d.value.columns) == list(kaarttabel.KOLOMMEN))
    assert len(tabel.value) == len(met)


def _overzichtskaart():
    """The Overzicht map under the default filters, as the app computes it."""
    from dashboard import data
    from kaart.model import KaartSpec

    return data.kaartbeeld(KaartSpec("totaal", zonder_minima=True), flt.Filters())


def test_compare_mode_shows_the_headline_figures_of_both_selections(projecten):
    at = _draai(BESTANDEN[0], {"naast": "1", "inhoud": "ggz", "b_inhoud": "ouderen"})
    koppen = [m.value for m in at.markdown if m.value.startswith("**Selectie ")]
    assert koppen[:2] == ["**Selectie links**: inhoud: GGZ", "**Selectie rechts**: inhoud: Ouderen"]
    projectcijfers = [m.value for m in at.metric if m.label == "Projecten"]
    verwacht = [len(projecten[projecten["inhoud"] == thema]) for thema in ("GGZ", "Ouderen")]
    assert projectcijfers == [str(n) for n in verwacht]
