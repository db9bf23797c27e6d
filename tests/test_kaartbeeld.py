import pandas as pd
import pytest

from classify import vocab
from kaart import combinatiekleuren
from kaart import model as vl
from kaart.model import KaartSpec
from palet.kleuren import GEEN_PROJECT_KLEUR, labelkleur
from projectdb import bronnen


def _gemeenten() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "gemeente_code": ["GM0001", "GM0002", "GM0003", "GM0004", "GM0005"],
            "gemeente_naam": ["Aa", "Bee", "Cee", "Dee", "Ee"],
            "wmo_regio": ["Noord", "Noord", "Zuid", "Zuid", "West"],
            "kernwerkgebied": ["VGZ", "VGZ", "CZ", "CZ", None],
        }
    )


def _projecten() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "project_id": ["P001", "P002", "P003", "P004"],
            "titel": ["Leefstijlcoach", "Valpreventie", "Minimapolis", "Wijkteams"],
            "verzekeraars": [("VGZ",), ("VGZ", "CZ"), ("CZ",), ("Menzis",)],
            "inhoud": ["Preventie", "Preventie", "Anders", "Effectief Samenwerken in de Wijk"],
            "instrumenten": [("Werkwijze",), ("Inkoop",), ("Collectieve zorg minima",), ("Werkwijze", "Beleid")],
            "intensiteit": ["Ontwikkelproject", "Implementatie", "Samenwerkingsafspraken", "Ontwikkelproject"],
            "geografie": ["Gemeentelijk", "Bovenregionaal", "Gemeentelijk", "Gemeentelijk"],
        }
    )


def _koppeling() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "project_id": ["P001", "P002", "P002", "P002", "P003", "P004"],
            "gemeente_code": ["GM0001", "GM0001", "GM0002", "GM0003", "GM0004", "GM0002"],
        }
    )


def _maak(spec: KaartSpec) -> vl.Kaartbeeld:
    return vl.kaartbeeld(spec, _projecten(), _koppeling(), _gemeenten(), jaar=2017, selectie="alle projecten")


def _klasse(kaartbeeld: vl.Kaartbeeld) -> dict[str, str]:
    return dict(zip(kaartbeeld.gemeenten["gemeente_code"], kaartbeeld.gemeenten["klasse"], strict=True))


def test_spec_key_is_stable_and_round_trips():
    spec = KaartSpec("versus", as_code="instrument", label="werkwijze", tweede_as="inhoud", tweede_label="ggz")
    assert spec.label == "Werkwijze" and spec.tweede_label == "GGZ"
    assert spec.sleutel == "versus|instrument=werkwijze|inhoud=ggz"
    for s in (
        spec,
        KaartSpec("verzekeraar", label="Zilveren Kruis", zonder_minima=True),
        KaartSpec("combinatie", as_code="intensiteit", tweede_as="inhoud", tweede_label="Ouderen"),
        KaartSpec("project", label="P012"),
        KaartSpec("kernwerkgebied"),
    ):
        assert KaartSpec.van_sleutel(s.sleutel) == s


@pytest.mark.parametrize(
    ("velden", "melding"),
    [
        ({"soort": "taart"}, "onbekende kaartsoort 'taart'"),
        ({"soort": "versus", "as_code": "instrument", "label": "Werkwijze"}, "vraagt om tweede_as"),
        ({"soort": "combinatie", "as_code": "inhoud", "label": "GGZ"}, "toont een hele as"),
        ({"soort": "totaal", "as_code": "inhoud"}, "as_code en label horen samen"),
    ],
)
def test_spec_rejects_incomplete_or_unknown(velden, melding):
    with pytest.raises(ValueError, match=melding):
        KaartSpec(**velden)


def test_totaal_marks_municipalities_with_a_project_and_counts_the_rest():
    kaartbeeld = _maak(KaartSpec("totaal"))
    assert _klasse(kaartbeeld)["GM0005"] == vl.GEEN_PROJECT
    assert [(i.klasse, i.aantal) for i in kaartbeeld.legenda] == [("samenwerkingsprojecten", 4), ("geen project", 1)]
    assert kaartbeeld.legenda[-1].kleur == GEEN_PROJECT_KLEUR
    rij = kaartbeeld.gemeenten.set_index("gemeente_code").loc["GM0001"]
    assert rij["aantal_projecten"] == 2 and rij["titels"] == ("Leefstijlcoach", "Valpreventie")
    assert kaartbeeld.bronregel == "Bron: projectendatabase samenwerkingskaarten, 4 projecten; grenzen CBS/PDOK 2017"


def test_zonder_minima_drops_projects_whose_only_instrument_is_minima():
    kaartbeeld = _maak(KaartSpec("totaal", zonder_minima=True))
    assert _klasse(kaartbeeld)["GM0004"] == vl.GEEN_PROJECT
    assert "zonder minimacontracten" in kaartbeeld.ondertitel
    assert vl.alleen_minima(_projecten()).tolist() == [False, False, True, False]


def test_combinatie_uses_the_reports_order_and_warning():
    kaartbeeld = _maak(KaartSpec("combinatie", as_code="intensiteit"))
    klassen = _klasse(kaartbeeld)
    assert klassen["GM0001"] == "ontwikkelproject + implementeren"
    assert klassen["GM0002"] == "ontwikkelproject + implementeren"
    assert klassen["GM0003"] == "implementeren"
    assert [i.klasse for i in kaartbeeld.legenda] == [
        "ontwikkelproject + implementeren",
        "implementeren",
        "samenwerkingsafspraken",
        "geen project",
    ]
    verwacht = combinatiekleuren.legenda("intensiteit", [klassen[c] for c in ("GM0001", "GM0002", "GM0003", "GM0004")])
    assert [(i.klasse, i.kleur.split("|"), i.aantal) for i in kaartbeeld.legenda[:-1]] == [
        (tekst, list(kleuren), n) for tekst, kleuren, n in verwacht
    ]
    assert (
        kaartbeeld.waarschuwing
        == vl.let_op("intensiteit")
        == (
            "Let op! Een combinatie in de legenda betekent niet dat één project meerdere samenwerkingsvormen heeft: "
            "elk project heeft er precies één. In zo'n gemeente lopen meerdere projecten met een verschillende "
            "samenwerkingsvorm."
        )
    )


def test_let_op_fits_the_map():
    """Only where a class combines labels; on instrument maps one project can carry two instruments."""
    assert "Preventie-projecten met een verschillende samenwerkingsvorm" in vl.let_op("intensiteit", "Preventie")
    assert "een project kan meerdere instrumenten hebben" in vl.let_op("instrument", "GGZ")
    assert "meerdere thema's" in vl.let_op("inhoud")
    enkel = _maak(KaartSpec("combinatie", as_code="intensiteit", tweede_as="inhoud", tweede_label="Anders"))
    assert not any(" + " in i.klasse for i in enkel.legenda) and enkel.waarschuwing == ""
    assert _maak(KaartSpec("totaal")).waarschuwing == ""


def test_combinatie_restricted_to_a_theme_ignores_other_projects():
    kaartbeeld = _maak(KaartSpec("combinatie", as_code="intensiteit", tweede_as="inhoud", tweede_label="Preventie"))
    klassen = _klasse(kaartbeeld)
    assert klassen["GM0002"] == "implementeren"
    assert klassen["GM0004"] == vl.GEEN_PROJECT
    assert kaartbeeld.titel == "Preventie – samenwerkingsvorm (intensiteit)"


def test_versus_splits_label_with_and_without_theme():
    spec = KaartSpec("versus", as_code="instrument", label="Werkwijze", tweede_as="inhoud", tweede_label="Preventie")
    kaartbeeld = _maak(spec)
    klassen = _klasse(kaartbeeld)
    assert klassen["GM0001"] == "werkwijze: preventie"
    assert klassen["GM0002"] == "werkwijze: overig"
    assert klassen["GM0003"] == vl.GEEN_PROJECT
    assert kaartbeeld.titel == "werkwijze: preventie versus overig"
    assert kaartbeeld.legenda[0].kleur == labelkleur(vocab.AS_INHOUD.label("Preventie"))


def test_aantal_bins_the_count_of_one_label():
    kaartbeeld = _maak(KaartSpec("aantal", as_code="inhoud", label="Preventie"))
    klassen = _klasse(kaartbeeld)
    assert klassen["GM0001"] == "2 projecten" and klassen["GM0002"] == "1 project"
    assert klassen["GM0004"] == vl.GEEN_PROJECT
    assert kaartbeeld.waarschuwing == ""


def test_verzekeraar_kernwerkgebied_and_project_maps():
    assert _klasse(_maak(KaartSpec("verzekeraar", label="CZ"))) == {
        "GM0001": "projecten CZ",
        "GM0002": "projecten CZ",
        "GM0003": "projecten CZ",
        "GM0004": "projecten CZ",
        "GM0005": vl.GEEN_PROJECT,
    }
    kern = _maak(KaartSpec("kernwerkgebied"))
    assert [(i.klasse, i.aantal) for i in kern.legenda] == [("VGZ", 2), ("CZ", 2), (vl.GEEN_KERNWERKGEBIED, 1)]
    project = _maak(KaartSpec("project", label="P001"))
    assert _klasse(project)["GM0001"] == "gemeente in het project"
    assert _klasse(project)["GM0002"] == "overige gemeente in dezelfde Wmo-regio's"
    assert project.titel == "P001 Leefstijlcoach (1 Wmo-regio)"


def test_selection_in_the_subtitle_and_no_geen_project_row_when_every_municipality_has_one():
    projecten = _projecten()
    koppeling = pd.concat(
        [_koppeling(), pd.DataFrame({"project_id": ["P004"], "gemeente_code": ["GM0005"]})], ignore_index=True
    )
    kaartbeeld = vl.kaartbeeld(
        KaartSpec("totaal"), projecten, koppeling, _gemeenten(), jaar=2025, selectie="inhoud: GGZ"
    )
    assert [i.klasse for i in kaartbeeld.legenda] == ["samenwerkingsprojecten"]
    assert kaartbeeld.ondertitel == "Selectie: inhoud: GGZ"
    assert kaartbeeld.bronregel.endswith("grenzen CBS/PDOK 2025")


def test_bronregel_names_documents_by_publisher_and_year_and_their_peildatum():
    projecten = _projecten().assign(
        bron=[
            "002_4672d5e83c675345.txt",
            "002_4672d5e83c675345.txt",
            "003_856d1de233d674a6.txt",
            "001_659abcdae392fe84.txt",
        ]
    )
    register = bronnen.bronnen()
    kaartbeeld = vl.kaartbeeld(
        KaartSpec("totaal"), projecten, _koppeling(), _gemeenten(), jaar=2017, bronregister=register
    )
    assert kaartbeeld.bronregel == (
        "Bron: 4 projecten uit Zilveren Kruis z.j., AEF 2017, Menzis 2016, peildatum 2016–2017; grenzen CBS/PDOK 2017"
    )
    alleen_aef = vl.kaartbeeld(
        KaartSpec("totaal"), projecten.iloc[:2], _koppeling(), _gemeenten(), jaar=2017, bronregister=register
    )
    assert "uit AEF 2017, peildatum 29 juni 2017;" in alleen_aef.bronregel and ".txt" not in alleen_aef.bronregel
