"""The model with which the map frame applies Inhoud and Zorgverzekeraar itself: when it applies, what it holds,
and that the frame's computation (kaart/web/filtermodel.js, run in headless chromium) gives the map the server
computes, municipality by municipality, for every label of both filters and combinations of them."""

import itertools
import json
from pathlib import Path

import pytest

from classify import filters as flt
from classify import vocab, zekerheid
from dashboard.data import GEMEENTEKOLOMMEN
from geo import geodata
from kaart import filtermodel, kaartframe
from kaart import model as kaartmodel
from kaart.model import KaartSpec
from projectdb import bereik

SPEC = KaartSpec("totaal", zonder_minima=True)
JS = Path(filtermodel.__file__).with_name("web") / "filtermodel.js"


@pytest.mark.parametrize(
    ("spec", "filters", "verwacht"),
    [
        (SPEC, flt.Filters(), True),
        (SPEC, flt.Filters(inhoud=("GGZ",), verzekeraars=("CZ", "VGZ"), jaar=2025, alleen_zeker=True), True),
        (SPEC, flt.Filters(instrumenten=("Inkoop",)), False),
        (SPEC, flt.Filters(inhoud=("GGZ", "Preventie"), alle=("inhoud",)), False),
        (KaartSpec("totaal", as_code="inhoud", label="GGZ"), flt.Filters(), False),
        (KaartSpec("verzekeraar", label="CZ"), flt.Filters(), False),
        (KaartSpec("combinatie", as_code="inhoud"), flt.Filters(), False),
    ],
)
def test_only_the_total_map_without_other_label_filters_is_filtered_in_the_frame(spec, filters, verwacht):
    assert filtermodel.toepasbaar(spec, filters) is verwacht


def test_the_base_selection_drops_only_the_two_fields():
    filters = flt.Filters(inhoud=("GGZ",), verzekeraars=("CZ",), jaar=2025, alleen_zeker=True, voorstellen=True)
    assert filtermodel.basis(filters) == flt.Filters(jaar=2025, alleen_zeker=True, voorstellen=True)


def test_a_map_of_one_label_has_no_model(moduleopslag):
    with pytest.raises(ValueError, match="alleen de totaalkaart"):
        filtermodel.filtermodel(
            KaartSpec("totaal", as_code="inhoud", label="GGZ"), moduleopslag.projecten(), None, 2017
        )


def test_links_to_codes_of_another_year_are_refused(moduleopslag):
    projecten = moduleopslag.projecten()
    koppeling = bereik.koppeling_zekerheid(projecten, 2025)
    with pytest.raises(ValueError, match="geen gemeente van 2017"):
        filtermodel.filtermodel(SPEC, projecten, koppeling, 2017)


def test_the_model_holds_each_counted_project_once_with_its_municipalities(moduleopslag):
    projecten = flt.toepassen(flt.Filters(), moduleopslag.projecten())
    koppeling = bereik.koppeling_zekerheid(projecten, 2017)
    model = filtermodel.filtermodel(SPEC, projecten, koppeling, 2017)
    geteld = kaartmodel.projecten_voor(SPEC, projecten)
    assert [p["id"] for p in model["projecten"]] == geteld["project_id"].tolist()
    assert sorted(p["rang"] for p in model["projecten"]) == list(range(len(geteld)))
    codes = kaartframe.codes(2017)
    for project in model["projecten"]:
        eigen = koppeling[koppeling["project_id"] == project["id"]]
        zeker = zekerheid.is_zeker(eigen)
        assert [codes[i] for i in project["zeker"]] == sorted(set(eigen.loc[zeker, "gemeente_code"]), key=codes.index)
        assert len(project["mogelijk"]) == eigen.loc[~zeker, "gemeente_code"].nunique()
    # A static file of some tens of kilobytes, fetched once per revision and selection of the other switches.
    assert len(json.dumps(model, ensure_ascii=False)) < 60_000


def _normaal(selectie: dict | None) -> tuple | None:
    """The SVG patterns and per municipality (class, fill, outline colour and weight, count, possible count,
    titles): what the frame draws, without the order of the lists the rows point into."""
    if selectie is None:
        return None
    rijen = [
        (
            selectie["klassen"][rij[0]],
            *selectie["vullingen"][rij[1]],
            rij[2],
            rij[3],
            [selectie["titels"][t] for t in rij[4:]],
        )
        for rij in selectie["gemeenten"]
    ]
    return selectie["patronen"], rijen


def _server(filters: flt.Filters, projecten, koppeling, gemeenten) -> dict | None:
    """The selection the dashboard sends for ``filters`` (dashboard.data.kaartbeeld, then kaartframe.selectie)."""
    geteld = kaartmodel.projecten_voor(SPEC, flt.toepassen(filters, projecten))
    if geteld.empty:
        return None
    getoond = zekerheid.alleen_zeker(koppeling) if filters.alleen_zeker else koppeling
    kaartbeeld = kaartmodel.kaartbeeld(SPEC, geteld, getoond, gemeenten, jaar=filters.jaar)
    return kaartframe.selectie(kaartbeeld, filters.jaar, ())


def _keuzes() -> list[dict[str, list[str]]]:
    """No label, every single label of each field, every pair of themes, every theme with every insurer, and
    the insurers of one concern together."""
    themas, verzekeraars = vocab.AS_INHOUD.namen, vocab.VERZEKERAAR_NAMEN
    keuzes = [{"inhoud": [t], "verzekeraars": []} for t in themas]
    keuzes += [{"inhoud": [], "verzekeraars": [v]} for v in verzekeraars]
    keuzes += [{"inhoud": list(paar), "verzekeraars": []} for paar in itertools.combinations(themas, 2)]
    keuzes += [{"inhoud": [t], "verzekeraars": [v]} for t in themas for v in verzekeraars]
    keuzes += [{"inhoud": [], "verzekeraars": list(verzekeraars[:3])}, {"inhoud": [], "verzekeraars": []}]
    return keuzes


@pytest.mark.browser
@pytest.mark.parametrize(
    "basis",
    [
        flt.Filters(),
        flt.Filters(jaar=2025),
        flt.Filters(alleen_zeker=True),
        flt.Filters(voorstellen=True),
    ],
    ids=["2017", "2025", "alleen-zeker", "met-voorstellen"],
)
def test_the_frame_computes_the_map_the_server_computes_for_every_label(basis, moduleopslag, browser):
    alle = moduleopslag.projecten()
    alle = alle[alle["status"] != "afgewezen"]
    koppeling = bereik.koppeling_zekerheid(alle, basis.jaar)
    getoond = zekerheid.alleen_zeker(koppeling) if basis.alleen_zeker else koppeling
    model = filtermodel.filtermodel(SPEC, flt.toepassen(basis, alle), getoond, basis.jaar)
    gemeenten = geodata.kenmerken("gemeenten", basis.jaar)[GEMEENTEKOLOMMEN]
    keuzes = _keuzes()
    pagina = browser.new_page()
    try:
        pagina.add_script_tag(content=JS.read_text(encoding="utf-8"))
        uitkomsten = pagina.evaluate(
            "([model, aantal, keuzes]) => keuzes.map((k) => skwFiltermodel.selectie(model, aantal, k))",
            [model, len(kaartframe.codes(basis.jaar)), keuzes],
        )
    finally:
        pagina.close()
    leeg = 0
    for keuze, uitkomst in zip(keuzes, uitkomsten, strict=True):
        filters = flt.met(basis, **keuze)
        verwacht = _normaal(_server(filters, alle, koppeling, gemeenten))
        assert _normaal(uitkomst) == verwacht, f"{keuze}: de kaart in de browser wijkt af van die van de server"
        leeg += verwacht is None
    # The comparison covers maps with projects, not only empty ones.
    assert leeg < len(keuzes) / 2


@pytest.mark.browser
def test_titles_that_are_names_of_javascript_objects_stay_titles(browser):
    project = {"id": "P1", "rang": 0, "inhoud": ["GGZ"], "verzekeraars": ["CZ"], "bereik": None, "mogelijk": []}
    model = {
        "klasse": "samenwerkingsprojecten",
        "mogelijk": "mogelijk",
        "leeg": "geen project",
        "max_bereik": 2,
        "max_titels": 3,
        "vullingen": [[["#0072B2", "#4D4D4D", 1.0], ""]] * 3,
        "projecten": [
            {**project, "id": f"P{i}", "rang": i, "titel": titel, "titel_mogelijk": titel, "zeker": [0]}
            for i, titel in enumerate(["constructor", "__proto__", "toString"])
        ],
    }
    pagina = browser.new_page()
    try:
        pagina.add_script_tag(content=JS.read_text(encoding="utf-8"))
        selectie = pagina.evaluate(
            "(model) => skwFiltermodel.selectie(model, 1, {inhoud: [], verzekeraars: []})", model
        )
    finally:
        pagina.close()
    assert [selectie["titels"][t] for t in selectie["gemeenten"][0][4:]] == ["constructor", "__proto__", "toString"]
