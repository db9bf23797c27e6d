"""Geometry for the browser: simplified once per boundary year, shipped as compact GeoJSON text.

The municipalities of :func:`geo.geodata.gemeenten` are simplified as one coverage (shared borders stay shared,
no gaps or slivers appear) in EPSG:28992 with a tolerance in metres, then transformed to EPSG:4326 and rounded to
:data:`DECIMALEN` decimals (about 10 m). Wmo-region and province borders and the kernwerkgebied outlines are
dissolved from that same simplified coverage, so every border coincides with the municipal edges drawn under it.

Results are cached per (year, layer) with :func:`functools.lru_cache` on plain arguments; they are strings (or
frozen mappings of strings) that callers embed as they are. Per filter change only the small per-municipality
property table of :mod:`kaart.interactief` is rebuilt, never this geometry.
"""

from __future__ import annotations

import json
from functools import cache
from types import MappingProxyType

import geopandas as gpd
import numpy as np
import shapely

from geo import geodata, lagen

TOLERANTIE_M = 30.0
"""Coverage simplification tolerance in metres (EPSG:28992); the source is already generalised."""

DECIMALEN = 4
"""Decimals of the EPSG:4326 coordinates sent to the browser (1e-4 degree is about 7-11 m)."""


@cache
def dekking(jaar: int) -> gpd.GeoDataFrame:
    """The simplified municipal coverage of ``jaar`` in EPSG:28992 (RD New), in the row order of the loader.

    Columns: gemeente_code, gemeente_naam, wmo_code, wmo_regio, provincie_code, provincie_naam, kernwerkgebied,
    geometry. Cached: callers must not mutate it (``.copy()`` first).
    """
    bron = geodata.gemeenten(jaar)
    kolommen = [
        "gemeente_code",
        "gemeente_naam",
        "wmo_code",
        "wmo_regio",
        "provincie_code",
        "provincie_naam",
        "kernwerkgebied",
        "geometry",
    ]
    rd = bron[kolommen].to_crs(28992)
    vereenvoudigd = shapely.coverage_simplify(_veelhoeken(rd.geometry.values), TOLERANTIE_M)
    # The source coverage is not perfectly noded, so a simplified ring can touch itself; repair in place.
    rd["geometry"] = _veelhoeken(shapely.make_valid(vereenvoudigd))
    return rd


def _veelhoeken(geometrieen: np.ndarray) -> np.ndarray:
    """Polygonal parts only: coverage functions reject the stray points or lines a repaired source can contain."""
    uit = []
    for geometrie in geometrieen:
        if geometrie.geom_type in ("Polygon", "MultiPolygon"):
            uit.append(geometrie)
        else:
            delen = [d for d in shapely.get_parts(geometrie) if d.geom_type in ("Polygon", "MultiPolygon")]
            uit.append(shapely.union_all(delen))
    return np.asarray(uit, dtype=object)


def _naar_wgs84(geometrieen) -> np.ndarray:
    """EPSG:28992 -> EPSG:4326, rounded to :data:`DECIMALEN`; the one place the browser CRS is made."""
    wgs = gpd.GeoSeries(geometrieen, crs=28992).to_crs(4326).values
    return shapely.transform(np.asarray(wgs), lambda xy: np.round(xy, DECIMALEN))


def _delta(coordinaten: np.ndarray) -> list[int]:
    """Flat [x0, y0, dx1, dy1, ...] in units of 10**-DECIMALEN degree."""
    eenheden = np.round(np.asarray(coordinaten)[:, :2] * 10**DECIMALEN).astype(np.int64)
    return np.vstack([eenheden[:1], np.diff(eenheden, axis=0)]).ravel().tolist()


def _veelhoek(veelhoek) -> list[list[int]]:
    # Rings are sent open (without the repeated first point): Leaflet closes them itself.
    return [_delta(np.asarray(ring.coords)[:-1]) for ring in (veelhoek.exterior, *veelhoek.interiors)]


def _compact(geometrie) -> dict:
    """A geometry with its coordinates delta-encoded under ``delta`` (see :func:`decodeer`)."""
    soort = geometrie.geom_type
    if soort == "Polygon":
        delta = _veelhoek(geometrie)
    elif soort == "MultiPolygon":
        delta = [_veelhoek(deel) for deel in geometrie.geoms]
    elif soort == "MultiLineString":
        delta = [_delta(np.asarray(lijn.coords)) for lijn in geometrie.geoms]
    else:
        raise ValueError(f"geometrietype {soort!r} wordt niet verstuurd; verwacht (Multi)Polygon of MultiLineString")
    return {"type": soort, "delta": delta}


def _featurecollection(features: list[dict]) -> str:
    return json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"), ensure_ascii=False)


def _ring(delta: list[int], sluit: bool) -> list[list[float]]:
    xy = np.cumsum(np.asarray(delta, dtype=np.int64).reshape(-1, 2), axis=0) / 10**DECIMALEN
    punten = xy.tolist()
    return punten + punten[:1] if sluit else punten


def decodeer(tekst: str) -> dict:
    """Plain GeoJSON (EPSG:4326) from the compact text of :func:`gemeentelaag`, :func:`grenslaag` or
    :func:`kernwerkgebiedlaag`; the browser does the same in :data:`DECODEER_JS`."""
    collectie = json.loads(tekst)
    for feature in collectie["features"]:
        geometrie = feature["geometry"]
        delta = geometrie.pop("delta")
        if geometrie["type"] == "Polygon":
            geometrie["coordinates"] = [_ring(r, True) for r in delta]
        elif geometrie["type"] == "MultiPolygon":
            geometrie["coordinates"] = [[_ring(r, True) for r in deel] for deel in delta]
        else:
            geometrie["coordinates"] = [_ring(r, False) for r in delta]
    return collectie


DECODEER_JS = f"""function (collectie) {{
    function ring(d) {{
        var uit = [], x = 0, y = 0;
        for (var i = 0; i < d.length; i += 2) {{
          x += d[i]; y += d[i + 1]; uit.push([x / {10**DECIMALEN}, y / {10**DECIMALEN}]);
        }}
        return uit;
    }}
    collectie.features.forEach(function (f) {{
        var g = f.geometry;
        g.coordinates = g.type === "MultiPolygon"
          ? g.delta.map(function (p) {{ return p.map(ring); }}) : g.delta.map(ring);
        delete g.delta;
    }});
    return collectie;
}}"""
"""JavaScript function expression turning the compact text (parsed) into GeoJSON in the browser."""


@cache
def gemeentelaag(jaar: int) -> str:
    """The municipalities of ``jaar`` as compact GeoJSON text (EPSG:4326): one feature per municipality.

    Feature ``id`` and property ``code`` are the CBS code, ``naam`` the municipality name; class, colour and tooltip
    are joined in the browser from a separate table keyed by code. Coordinates are delta-encoded integers
    (:func:`decodeer`), about half the size of plain GeoJSON.
    """
    vlak = dekking(jaar)
    features = [
        {
            "type": "Feature",
            "id": code,
            "properties": {"code": code, "naam": naam},
            "geometry": _compact(g),
        }
        for code, naam, g in zip(
            vlak["gemeente_code"], vlak["gemeente_naam"], _naar_wgs84(vlak.geometry.values), strict=True
        )
    ]
    return _featurecollection(features)


@cache
def grenslaag(jaar: int, laag: str) -> str:
    """Borders of ``laag`` (``wmo_regio`` or ``provincie``) for ``jaar`` as compact GeoJSON text (EPSG:4326).

    One MultiLineString feature holding every border between (and around) the dissolved units once.
    """
    if laag not in lagen.GRENSLAGEN:
        raise ValueError(f"grenslaag {laag!r} bestaat niet; kies uit: {', '.join(lagen.GRENSLAGEN)}")
    randen = shapely.boundary(_samengevoegd(jaar, laag).geometry.values)
    lijnen = shapely.line_merge(shapely.union_all(randen))
    (lijnen,) = _naar_wgs84([lijnen])
    geometrie = shapely.multilinestrings(list(shapely.get_parts(lijnen)))
    return _featurecollection([{"type": "Feature", "properties": {"laag": laag}, "geometry": _compact(geometrie)}])


@cache
def kernwerkgebiedlaag(jaar: int) -> str:
    """The kernwerkgebied of every insurer in ``jaar`` as compact GeoJSON text (EPSG:4326), property
    ``verzekeraar``."""
    gebieden = _samengevoegd(jaar, "kernwerkgebied")
    features = [
        {
            "type": "Feature",
            "properties": {"verzekeraar": naam},
            "geometry": _compact(g),
        }
        for naam, g in zip(gebieden["kernwerkgebied"], _naar_wgs84(gebieden.geometry.values), strict=True)
    ]
    return _featurecollection(features)


@cache
def _samengevoegd(jaar: int, laag: str) -> gpd.GeoDataFrame:
    """Dissolved units of the simplified coverage (EPSG:28992), one row per value of the layer's column."""
    kolom = lagen.kaartlaag(laag).kolom
    vlak = dekking(jaar)
    vlak = vlak[vlak[kolom].notna() & (vlak[kolom] != "")]
    # union_all, not coverage_union: the generalised source is not perfectly noded everywhere.
    groepen = [
        (waarde, _veelhoeken([shapely.union_all(deel.geometry.values)])[0]) for waarde, deel in vlak.groupby(kolom)
    ]
    return gpd.GeoDataFrame({kolom: [w for w, _ in groepen]}, geometry=[g for _, g in groepen], crs=28992)


@cache
def omtrek(jaar: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """Bounds of all municipalities of ``jaar`` as ((zuid, west), (noord, oost)) in EPSG:4326 degrees."""
    west, zuid, oost, noord = geodata.gemeenten(jaar).total_bounds
    return (round(float(zuid), DECIMALEN), round(float(west), DECIMALEN)), (
        round(float(noord), DECIMALEN),
        round(float(oost), DECIMALEN),
    )


@cache
def kleine_paden(jaar: int, breedte: int = 240) -> MappingProxyType:
    """SVG path data per municipality code for small multiples, plus the viewBox under key ``""``.

    Coordinates are EPSG:28992 metres scaled to ``breedte`` SVG units (y flipped), simplified further as a
    coverage (one SVG unit) and written as whole units in relative path commands to keep small multiples light.
    """
    vlak = dekking(jaar)
    west, zuid, oost, noord = vlak.total_bounds
    schaal = breedte / (oost - west)
    hoogte = int(np.ceil((noord - zuid) * schaal))
    grof = shapely.coverage_simplify(vlak.geometry.values, 1 / schaal)
    paden: dict[str, str] = {"": f"0 0 {breedte} {hoogte}"}
    for code, geometrie in zip(vlak["gemeente_code"], grof, strict=True):
        stukken = []
        for veelhoek in shapely.get_parts(geometrie):
            for ring in (veelhoek.exterior, *veelhoek.interiors):
                xy = np.asarray(ring.coords)[:-1]
                punten = np.column_stack([(xy[:, 0] - west) * schaal, (noord - xy[:, 1]) * schaal]).round()
                stappen = np.diff(punten, axis=0)
                stappen = stappen[(stappen != 0).any(axis=1)]
                start = f"M{punten[0, 0]:.0f} {punten[0, 1]:.0f}"
                stukken.append(start + "l" + " ".join(f"{dx:.0f} {dy:.0f}" for dx, dy in stappen) + "z")
        paden[code] = "".join(stukken)
    return MappingProxyType(paden)
