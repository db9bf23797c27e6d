import json
import re
from pathlib import Path

import pytest
import shapely
from shapely.geometry import shape

from geo import geodata
from kaart import stijl

BRON_TOPOJSON_2017 = 145_636
"""Byte size of the source gemeente_2017.topojson (CBS/PDOK via cartomap) the payload is measured against."""


@pytest.mark.parametrize("jaar", geodata.JAREN)
def test_gemeentelaag_has_one_feature_per_municipality_with_only_code_and_name(jaar):
    laag = stijl.decodeer(stijl.gemeentelaag(jaar))
    codes = [f["id"] for f in laag["features"]]
    assert codes == geodata.gemeenten(jaar)["gemeente_code"].tolist()
    assert all(f["properties"] == {"code": f["id"], "naam": f["properties"]["naam"]} for f in laag["features"])
    assert {f["geometry"]["type"] for f in laag["features"]} <= {"Polygon", "MultiPolygon"}


def _getallen(delta) -> list:
    return [w for deel in delta for w in (_getallen(deel) if isinstance(deel, list) else [deel])]


def test_coordinates_are_whole_delta_units_that_decode_to_wgs84():
    tekst = stijl.gemeentelaag(2017)
    ruw = json.loads(tekst)
    assert all(
        "coordinates" not in f["geometry"] and all(isinstance(w, int) for w in _getallen(f["geometry"]["delta"]))
        for f in ruw["features"]
    )
    laag = stijl.decodeer(tekst)
    geometrieen = [shape(f["geometry"]) for f in laag["features"]]
    west, zuid, oost, noord = shapely.total_bounds(geometrieen)
    assert 3.0 < west < oost < 7.5 and 50.5 < zuid < noord < 54.0
    eenheden = shapely.get_coordinates(geometrieen) * 10**stijl.DECIMALEN
    assert abs(eenheden - eenheden.round()).max() < 1e-6


def test_decoded_geometry_matches_the_simplified_coverage():
    laag = stijl.decodeer(stijl.gemeentelaag(2017))
    vlak = stijl.dekking(2017).to_crs(4326)
    for feature, bron in zip(laag["features"][:25], vlak.geometry.values[:25], strict=True):
        geometrie = shape(feature["geometry"])
        assert geometrie.symmetric_difference(bron).area < 1e-3 * bron.area


def test_simplified_coverage_keeps_every_municipality_and_its_area():
    bron = geodata.gemeenten(2017).to_crs(28992)
    vlak = stijl.dekking(2017)
    assert vlak.crs.to_epsg() == 28992
    assert vlak.is_valid.all() and not vlak.is_empty.any()
    verschil = (vlak.area.values - bron.area.values) / bron.area.values
    assert abs(verschil).max() < 0.02


def test_payload_of_all_layers_stays_within_one_and_a_half_times_the_source_topojson():
    bron = Path(__file__).resolve().parents[2] / "shared" / "geo" / "raw" / "gemeente_2017.topojson"
    grens = bron.stat().st_size if bron.exists() else BRON_TOPOJSON_2017
    totaal = sum(
        len(tekst.encode())
        for tekst in (
            stijl.gemeentelaag(2017),
            stijl.grenslaag(2017, "wmo_regio"),
            stijl.grenslaag(2017, "provincie"),
            stijl.kernwerkgebiedlaag(2017),
        )
    )
    assert totaal <= 1.5 * grens


def test_wmo_borders_lie_on_municipal_edges():
    gemeenten = stijl.decodeer(stijl.gemeentelaag(2017))
    randen = shapely.union_all([shape(f["geometry"]).boundary for f in gemeenten["features"]])
    grenzen = shape(stijl.decodeer(stijl.grenslaag(2017, "wmo_regio"))["features"][0]["geometry"])
    punten = shapely.points(shapely.get_coordinates(grenzen))
    afstand = shapely.distance(randen, punten)
    # Both layers come from the same simplified, rounded vertices: within rounding of 1e-4 degree.
    assert afstand.max() < 2e-4


def test_one_wmo_border_feature_and_kernwerkgebied_per_insurer():
    wmo = json.loads(stijl.grenslaag(2017, "wmo_regio"))
    assert len(wmo["features"]) == 1
    kern = json.loads(stijl.kernwerkgebiedlaag(2017))
    verwacht = set(geodata.gemeenten(2017)["kernwerkgebied"].dropna())
    assert {f["properties"]["verzekeraar"] for f in kern["features"]} == verwacht


def test_grenslaag_rejects_unknown_layer():
    with pytest.raises(ValueError, match="grenslaag 'snelweg' bestaat niet; kies uit: wmo_regio, provincie"):
        stijl.grenslaag(2017, "snelweg")


def test_cached_per_year_and_layer():
    assert stijl.gemeentelaag(2025) is stijl.gemeentelaag(2025)
    assert stijl.grenslaag(2017, "provincie") is stijl.grenslaag(2017, "provincie")


def test_kleine_paden_cover_every_municipality_inside_the_viewbox():
    paden = stijl.kleine_paden(2017, 200)
    breedte, hoogte = map(int, paden[""].split()[2:])
    assert breedte == 200 and 200 < hoogte < 260
    assert set(paden) - {""} == set(geodata.gemeenten(2017)["gemeente_code"])
    assert all(re.fullmatch(r"(M-?\d+ -?\d+l[-\d ]*z)+", d) for code, d in paden.items() if code)
