from pathlib import Path

import pandas as pd
import pytest

from classify import geografie as geo
from tekst import geografietekst

GEO = Path(__file__).resolve().parents[1] / "data" / "geo"

# A small boundary year: two ordinary regions, and the two one-municipality regions of 2017.
INDELING = {
    "GM0001": "WMO01",
    "GM0002": "WMO01",
    "GM0003": "WMO01",
    "GM0004": "WMO02",
    "GM0005": "WMO02",
    "GM0344": "WMO38",  # Utrecht, region Utrecht Stad
    "GM0394": "WMO20",  # Haarlemmermeer, region Haarlemmermeer
}


@pytest.mark.parametrize(
    "codes,verwacht",
    [
        (["GM0001"], "Gemeentelijk"),
        (["GM0001", "GM0003"], "Gemeentelijk"),
        (["GM0001", "GM0002", "GM0003"], "Regionaal"),
        (["GM0004", "GM0005"], "Regionaal"),
        (["GM0003", "GM0004"], "Bovenregionaal"),
        (["GM0001", "GM0002", "GM0003", "GM0004"], "Bovenregionaal"),
        (["GM0344", "GM0394"], "Bovenregionaal"),
    ],
)
def test_rule(codes, verwacht):
    assert geo.geografie(codes, INDELING) == verwacht


@pytest.mark.parametrize("code", ["GM0344", "GM0394"], ids=["Utrecht", "Haarlemmermeer"])
def test_only_municipality_of_a_region_is_regionaal(code):
    """All municipalities of exactly one region: the appendix read literally gives Regionaal."""
    assert geo.geografie([code], INDELING) == "Regionaal"


def test_kernwerkgebied_like_project_spanning_every_region_is_bovenregionaal():
    assert geo.geografie(list(INDELING), INDELING) == "Bovenregionaal"


def test_duplicate_codes_count_once():
    assert geo.geografie(["GM0004", "GM0004", "GM0005"], INDELING) == "Regionaal"
    assert geo.geografie(["GM0001", "GM0001"], INDELING) == "Gemeentelijk"


def test_project_without_municipalities_raises_with_its_id():
    with pytest.raises(geo.GeenGemeenten, match=r"^project P007 heeft geen gemeenten in de koppeling"):
        geo.geografie([], INDELING, "P007")
    assert issubclass(geo.GeenGemeenten, ValueError)


def test_unknown_municipality_is_named():
    with pytest.raises(geo.OnbekendeGemeente, match=r"gemeentecode GM9999 \(project P003\) staat niet in"):
        geo.geografie(["GM0001", "GM9999"], INDELING, "P003")


def _koppeling(paren):
    return pd.DataFrame(paren, columns=["project_id", "gemeente_code"])


KOPPELING = _koppeling(
    [
        ("P2", "GM0004"),
        ("P2", "GM0005"),
        ("P1", "GM0001"),
        ("P3", "GM0344"),
        ("P4", "GM0003"),
        ("P4", "GM0004"),
    ]
)


def test_vectorised_matches_the_single_project_rule():
    uitkomst = geo.geografie_per_project(KOPPELING, INDELING)
    assert uitkomst.to_dict() == {"P1": "Gemeentelijk", "P2": "Regionaal", "P3": "Regionaal", "P4": "Bovenregionaal"}
    for project_id, groep in KOPPELING.groupby("project_id"):
        assert geo.geografie(groep["gemeente_code"], INDELING) == uitkomst[project_id]


def test_vectorised_follows_the_requested_projects_and_order():
    uitkomst = geo.geografie_per_project(KOPPELING, INDELING, ["P4", "P1"])
    assert list(uitkomst.index) == ["P4", "P1"] and list(uitkomst) == ["Bovenregionaal", "Gemeentelijk"]


def test_vectorised_names_every_project_without_municipalities():
    with pytest.raises(geo.GeenGemeenten, match=r"^project P8, P9 heeft geen gemeenten") as fout:
        geo.geografie_per_project(KOPPELING, INDELING, ["P1", "P9", "P8"])
    assert fout.value.project_ids == ("P8", "P9")


def test_vectorised_names_unknown_codes_and_their_projects():
    koppeling = pd.concat([KOPPELING, _koppeling([("P5", "GM0666"), ("P6", "GM0666"), ("P6", "GM0777")])])
    with pytest.raises(geo.OnbekendeGemeente, match=r"gemeentecode GM0666, GM0777 \(project P5, P6\)"):
        geo.geografie_per_project(koppeling, INDELING)


def _projecten(rijen):
    kolommen = ["project_id", "indeling_jaar", "inhoud", "instrumenten", "intensiteit", "geografie"]
    return pd.DataFrame(rijen, columns=kolommen)


def test_consistentie_reports_stored_versus_derived_geography():
    projecten = _projecten(
        [
            ("P1", 2017, "GGZ", ("Werkwijze",), "Ontwikkelproject", "Gemeentelijk"),
            ("P2", 2017, "Preventie", ("Werkwijze",), "Ontwikkelproject", "Bovenregionaal"),
        ]
    )
    bevindingen = geo.consistentie(projecten, KOPPELING, {2017: INDELING})
    assert list(bevindingen.columns) == ["project_id", "veld", "opgeslagen", "afgeleid", "bevinding", "indeling_jaar"]
    assert bevindingen[["bevinding", "indeling_jaar"]].values.tolist() == [["geografie_afwijkend", 2017]]
    bevindingen = geografietekst.met_meldingen(bevindingen)
    assert list(bevindingen.columns) == ["project_id", "veld", "opgeslagen", "afgeleid", "melding"]
    assert bevindingen[["project_id", "veld", "opgeslagen", "afgeleid"]].values.tolist() == [
        ["P2", "geografie", "Bovenregionaal", "Regionaal"]
    ]
    assert bevindingen["melding"].iloc[0] == (
        "Opgeslagen 'Bovenregionaal', volgens de gemeenten en Wmo-regio's van 2017 'Regionaal'. "
        "Het rapport laat die keuze aan de analist; de kaart toont het opgeslagen label."
    )


def test_consistentie_uses_each_projects_own_boundary_year():
    # In "2025" GM0001 is the only municipality of its region: the same link is Regionaal there.
    projecten = _projecten(
        [
            ("P1", 2017, "GGZ", ("Werkwijze",), "Ontwikkelproject", "Gemeentelijk"),
            ("P2", 2025, "Preventie", ("Werkwijze",), "Ontwikkelproject", "Gemeentelijk"),
        ]
    )
    koppeling = _koppeling([("P1", "GM0001"), ("P2", "GM0001")])
    bevindingen = geo.consistentie(projecten, koppeling, {2017: INDELING, 2025: {"GM0001": "WMO01"}})
    assert bevindingen[["project_id", "afgeleid"]].values.tolist() == [["P2", "Regionaal"]]


def test_consistentie_soft_checks_from_the_appendix():
    projecten = _projecten(
        [
            ("P1", 2017, "Preventie", ("Collectieve zorg minima",), "Ontwikkelproject", "Gemeentelijk"),
            ("P2", 2017, "Anders", ("Collectieve zorg minima",), "Ontwikkelproject", "Regionaal"),
            ("P3", 2017, "Ouderen", ("Beleid",), "Samenwerkingsafspraken", "Regionaal"),
            ("P4", 2017, "Anders", ("Beleid", "Samenwerkingsdocument"), "Samenwerkingsafspraken", "Bovenregionaal"),
        ]
    )
    bevindingen = geo.consistentie(projecten, KOPPELING, {2017: INDELING})
    assert bevindingen[["project_id", "veld", "opgeslagen", "afgeleid"]].values.tolist() == [
        ["P1", "inhoud", "Preventie", "Anders"],
        ["P3", "instrumenten", "Beleid", "Beleid;Samenwerkingsdocument"],
    ]
    assert bevindingen["bevinding"].tolist() == ["minima_buiten_anders", "afspraken_zonder_document"]
    assert geografietekst.met_meldingen(bevindingen)["melding"].str.contains("ter controle").all()


def test_consistentie_reports_a_project_without_municipalities_instead_of_failing():
    projecten = _projecten([("P9", 2017, "GGZ", ("Werkwijze",), "Ontwikkelproject", "Gemeentelijk")])
    bevindingen = geo.consistentie(projecten, KOPPELING, {2017: INDELING})
    assert bevindingen[["project_id", "veld", "afgeleid"]].values.tolist() == [["P9", "geografie", ""]]
    assert bevindingen["bevinding"].tolist() == ["geen_gemeenten"]
    assert "geen gemeenten" in geografietekst.met_meldingen(bevindingen)["melding"].iloc[0]


def test_consistentie_needs_the_membership_of_every_boundary_year():
    projecten = _projecten([("P1", 2019, "GGZ", ("Werkwijze",), "Ontwikkelproject", "Gemeentelijk")])
    with pytest.raises(geo.OnbekendeIndeling, match=r"geen Wmo-indeling voor indeling_jaar 2019 \(project P1\)"):
        geo.consistentie(projecten, KOPPELING, {2017: INDELING})


def _echte_indeling(jaar):
    tabel = pd.read_csv(GEO / f"gemeente_wmo_regio_{jaar}.csv", dtype=str)
    return dict(zip(tabel["gemeente_code"], tabel["wmo_regio"], strict=True)), tabel


@pytest.mark.skipif(not (GEO / "gemeente_wmo_regio_2017.csv").exists(), reason="data/geo nog niet gebouwd")
def test_real_membership_2017():
    indeling, tabel = _echte_indeling(2017)
    foodvalley = tabel.loc[tabel["wmo_regio"] == "FoodValley", "gemeente_code"].tolist()
    assert len(foodvalley) == 7
    assert geo.geografie(foodvalley, indeling) == "Regionaal"
    assert geo.geografie(foodvalley[:-1], indeling) == "Gemeentelijk"
    assert geo.geografie(["GM0344"], indeling) == "Regionaal"  # Utrecht = Utrecht Stad
    assert geo.geografie(["GM0394"], indeling) == "Regionaal"  # Haarlemmermeer
    assert geo.geografie(["GM0344", "GM0394"], indeling) == "Bovenregionaal"
    assert geo.geografie(foodvalley + ["GM0344"], indeling) == "Bovenregionaal"
    assert geo.geografie(tabel["gemeente_code"], indeling) == "Bovenregionaal"


@pytest.mark.skipif(not (GEO / "gemeente_kernwerkgebied_2017.csv").exists(), reason="data/geo nog niet gebouwd")
def test_real_kernwerkgebieden_2017():
    """A kernwerkgebied-wide project spans many regions; De Friesland's is exactly the Wmo-region Friesland."""
    indeling, _ = _echte_indeling(2017)
    kern = pd.read_csv(GEO / "gemeente_kernwerkgebied_2017.csv", dtype=str)
    uitkomst = geo.geografie_per_project(kern.rename(columns={"verzekeraar": "project_id"}), indeling)
    assert uitkomst.pop("De Friesland") == "Regionaal"
    assert set(uitkomst.index) >= {"Zilveren Kruis", "VGZ", "CZ", "Menzis"}
    assert (uitkomst == "Bovenregionaal").all()


@pytest.mark.skipif(not (GEO / "gemeente_wmo_regio_2025.csv").exists(), reason="data/geo nog niet gebouwd")
def test_real_membership_2025_every_whole_region_is_regionaal():
    indeling, tabel = _echte_indeling(2025)
    uitkomst = geo.geografie_per_project(tabel.rename(columns={"wmo_regio": "project_id"}), indeling)
    assert len(uitkomst) == 43 and (uitkomst == "Regionaal").all()


def test_every_finding_code_has_its_own_sentence_and_an_unknown_code_is_an_error():
    zinnen = {geografietekst.melding(code, "Preventie", "Anders", 2017) for code in geo.BEVINDINGEN}
    assert len(zinnen) == len(geo.BEVINDINGEN) and all(zin.endswith(".") for zin in zinnen)
    with pytest.raises(ValueError, match="onbekende bevinding 'bestaat_niet'"):
        geografietekst.melding("bestaat_niet", "", "", 2017)
