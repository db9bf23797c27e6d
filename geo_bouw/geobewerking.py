"""Geometric steps of the geodata build: point-in-polygon membership, dissolves and area overlays.

Inputs and outputs are in EPSG:4326 (WGS84). Membership joins run in EPSG:4326 on the source coordinates, so a
point and the polygons it is tested against come from the same vertices. Every area and overlay is computed
after projecting to EPSG:28992 (RD New, metres); areas are returned in km².
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import shapely

CRS_REKEN = "EPSG:28992"
"""CRS for areas and overlays (RD New, metres)."""


class GeenUniekVlak(ValueError):
    """A municipality whose representative point lies in no polygon, or in several, of a region layer."""


def oppervlakte_km2(gdf: gpd.GeoDataFrame) -> pd.Series:
    """Area of each geometry in km², computed in EPSG:28992 (the input stays in its own CRS)."""
    return gdf.geometry.to_crs(CRS_REKEN).area / 1e6


def punt_in_vlak(gemeenten: gpd.GeoDataFrame, vlakken: gpd.GeoDataFrame, laagnaam: str) -> pd.Series:
    """Code of the polygon of ``vlakken`` that contains each municipality's representative point.

    ``gemeenten`` [code, naam, geometry] and ``vlakken`` [code, geometry] share one CRS (EPSG:4326 here). The
    representative point is guaranteed to lie inside the municipality (a centroid is not, e.g. for a crescent
    shaped or multi-part municipality). Returns a Series of codes on the index of ``gemeenten``; raises
    :class:`GeenUniekVlak` naming the municipality if its point is in no polygon or in more than one.
    """
    punten = gpd.GeoDataFrame(
        {"_gemeente": gemeenten["code"].values}, geometry=gemeenten.representative_point().values, crs=gemeenten.crs
    )
    treffers = gpd.sjoin(punten, vlakken[["code", "geometry"]], how="left", predicate="within")
    aantal = treffers.groupby(level=0)["code"].count()
    fout = aantal[aantal != 1]
    if len(fout):
        i = fout.index[0]
        raise GeenUniekVlak(
            f"gemeente {gemeenten['code'].iloc[i]} ({gemeenten['naam'].iloc[i]}): representatief punt ligt in "
            f"{fout.iloc[0]} vlakken van {laagnaam} (verwacht precies 1)"
        )
    codes = treffers["code"].sort_index()
    return pd.Series(codes.values, index=gemeenten.index, name=laagnaam)


def samenvoegen(gemeenten: gpd.GeoDataFrame, kolommen: list[str]) -> gpd.GeoDataFrame:
    """Dissolve municipalities per value of ``kolommen`` into one (Multi)Polygon each, borders unchanged.

    The municipalities must form a valid coverage (see :func:`geo_bouw.geobron.lees_laag`); the coverage union keeps
    their vertices exactly, so region borders coincide with municipal borders to the last bit.

    Returns [*kolommen, aantal_gemeenten, oppervlakte_km2, geometry] in the CRS of ``gemeenten`` (EPSG:4326),
    sorted by ``kolommen``; the area is that of the dissolved shape in EPSG:28992, rounded to 0.001 km².
    """
    geordend = gemeenten.sort_values("gemeente_code", kind="stable")
    groepen = geordend.groupby(kolommen, sort=True)
    uit = gpd.GeoDataFrame(
        groepen.size().rename("aantal_gemeenten").reset_index(),
        geometry=[_vlak(shapely.coverage_union_all(g.geometry.values)) for _, g in groepen],
        crs=gemeenten.crs,
    )
    uit["oppervlakte_km2"] = oppervlakte_km2(uit).round(3)
    return uit[[*kolommen, "aantal_gemeenten", "oppervlakte_km2", "geometry"]].reset_index(drop=True)


def _vlak(geometrie: shapely.Geometry) -> shapely.Geometry:
    """Polygonal part of a union: shared borders can leave zero-area lines in a GeometryCollection."""
    if geometrie.geom_type in ("Polygon", "MultiPolygon"):
        return geometrie
    return shapely.union_all([d for d in shapely.get_parts(geometrie) if d.geom_type in ("Polygon", "MultiPolygon")])


def overlap_km2(links: gpd.GeoDataFrame, rechts: gpd.GeoDataFrame) -> pd.DataFrame:
    """Area in km² of every non-empty intersection of ``links`` and ``rechts`` (both [code, geometry]).

    Both are projected to EPSG:28992 for the overlay. Returns DataFrame [links, rechts, oppervlakte_km2],
    sorted by (links, rechts), one row per pair (multi-part intersections summed).
    """
    a = links[["code", "geometry"]].rename(columns={"code": "links"}).to_crs(CRS_REKEN)
    b = rechts[["code", "geometry"]].rename(columns={"code": "rechts"}).to_crs(CRS_REKEN)
    stukken = gpd.overlay(a, b, how="intersection", keep_geom_type=True)
    stukken["oppervlakte_km2"] = stukken.area / 1e6
    paren = stukken.groupby(["links", "rechts"], as_index=False, sort=True)["oppervlakte_km2"].sum()
    return paren[paren["oppervlakte_km2"] > 0].reset_index(drop=True)


def aandelen(overlap: pd.DataFrame, drempel: float) -> pd.DataFrame:
    """Share of each ``links`` area per ``rechts``, normalised over the overlapped area, slivers dropped.

    ``overlap`` is the output of :func:`overlap_km2`. A pair whose area is below ``drempel`` (a fraction, e.g.
    0.05) of the overlapped area of its ``links`` unit is a generalisation sliver and is dropped; the rest is
    normalised to sum to 1 per ``links``. Returns DataFrame [links, rechts, aandeel] sorted by (links, rechts).
    """
    totaal = overlap.groupby("links")["oppervlakte_km2"].transform("sum")
    behouden = overlap[overlap["oppervlakte_km2"] >= drempel * totaal].copy()
    behouden["aandeel"] = behouden["oppervlakte_km2"] / behouden.groupby("links")["oppervlakte_km2"].transform("sum")
    return behouden[["links", "rechts", "aandeel"]].sort_values(["links", "rechts"]).reset_index(drop=True)


def grootste_overlap(overlap: pd.DataFrame) -> pd.DataFrame:
    """Per ``links`` the ``rechts`` with the largest overlap, and that overlap as share of the overlapped area.

    ``overlap`` is the output of :func:`overlap_km2`. Ties go to the smallest ``rechts`` code. Returns
    DataFrame [links, rechts, aandeel] sorted by ``links``; ``aandeel`` in 0..1.
    """
    totaal = overlap.groupby("links")["oppervlakte_km2"].transform("sum")
    met_aandeel = overlap.assign(aandeel=overlap["oppervlakte_km2"] / totaal)
    geordend = met_aandeel.sort_values(["links", "aandeel", "rechts"], ascending=[True, False, True], kind="stable")
    return geordend.drop_duplicates("links")[["links", "rechts", "aandeel"]].reset_index(drop=True)
