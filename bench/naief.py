"""The naive baselines the benchmarks compare against: what a newcomer would write without our caching,
simplification and vectorisation.

* :func:`naieve_kaart`: the national map as ``GeoDataFrame.explore(column=...)`` builds it (explore itself needs
  the uninstalled ``mapclassify``, so its folium calls are written out): the layers read from GeoParquet at full
  precision with every attribute column as GeoJSON properties, a style and highlight function per layer, a
  tooltip of all columns, a colour bar legend and OpenStreetMap tiles; rebuilt from the files on every call.
* :func:`naieve_combinaties`: combination labels per municipality in a Python loop over the links.
* :func:`naieve_import`: CSV rows into SQLite one ``INSERT`` and one commit per row, without validation.
"""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import branca
import folium
import geopandas as gpd
import pandas as pd

from classify import vocab

GEO_MAP = Path(__file__).resolve().parents[1] / "data" / "geo"


def naieve_telling(projecten: pd.DataFrame, koppeling: pd.DataFrame, inhoud: tuple[str, ...] = ()) -> pd.DataFrame:
    """Projects per municipality [gemeente_code, aantal_projecten] for the projects with one of ``inhoud``
    (all projects when empty)."""
    gekozen = projecten[projecten["inhoud"].isin(inhoud)] if inhoud else projecten
    paren = koppeling[koppeling["project_id"].isin(gekozen["project_id"])].drop_duplicates()
    return paren.groupby("gemeente_code").size().rename("aantal_projecten").reset_index()


def _laag(kaart: folium.Map, laag: gpd.GeoDataFrame, stijl: dict) -> None:
    """One layer as explore adds it: all columns as properties and tooltip, style and highlight per feature."""
    velden = [k for k in laag.columns if k != laag.geometry.name]
    folium.GeoJson(
        laag.__geo_interface__,
        style_function=lambda feature: {
            **stijl,
            **({"fillColor": feature["properties"]["__folium_color"]} if "__folium_color" in velden else {}),
        },
        highlight_function=lambda feature: {"fillOpacity": 0.75},
        tooltip=folium.GeoJsonTooltip(fields=[v for v in velden if v != "__folium_color"]),
    ).add_to(kaart)


def naieve_kaart(jaar: int, telling: pd.DataFrame) -> folium.Map:
    """The vlekkenkaart of ``jaar``: municipalities coloured by ``telling`` (projects per gemeente_code), Wmo-region
    borders and the kernwerkgebieden, all from the unsimplified GeoParquet layers (EPSG:4326)."""
    gemeenten = gpd.read_parquet(GEO_MAP / f"gemeenten_{jaar}.parquet")
    gemeenten = gemeenten.merge(telling, on="gemeente_code", how="left")
    gemeenten["aantal_projecten"] = gemeenten["aantal_projecten"].fillna(0).astype(int)
    schaal = branca.colormap.linear.YlOrBr_09.scale(0, max(1, int(gemeenten["aantal_projecten"].max())))
    schaal.caption = "aantal_projecten"
    gemeenten["__folium_color"] = gemeenten["aantal_projecten"].map(schaal)
    west, zuid, oost, noord = gemeenten.total_bounds
    kaart = folium.Map(location=[(zuid + noord) / 2, (west + oost) / 2], control_scale=True, tiles="OpenStreetMap")
    kaart.fit_bounds([[zuid, west], [noord, oost]])
    _laag(kaart, gemeenten, {"color": "#ffffff", "weight": 0.6, "fillOpacity": 0.9})
    schaal.add_to(kaart)
    _laag(
        kaart,
        gpd.read_parquet(GEO_MAP / f"wmo_regios_{jaar}.parquet"),
        {"fill": False, "color": "#333333", "weight": 1.6},
    )
    _laag(
        kaart,
        gpd.read_parquet(GEO_MAP / f"kernwerkgebieden_{jaar}.parquet"),
        {"fill": False, "color": "#222222", "weight": 2.5, "dashArray": "7 5"},
    )
    return kaart


def naieve_combinaties(projecten: pd.DataFrame, koppeling: pd.DataFrame, kolom: str) -> dict[str, str]:
    """gemeente_code -> combination text of ``kolom`` (a single-valued axis column such as ``inhoud``), built by
    looking up every link's project and collecting its label per municipality."""
    labels = {}
    for rij in projecten.itertuples(index=False):
        labels[rij.project_id] = getattr(rij, kolom)
    as_ = next(a for a in vocab.ASSEN if a.kolom == kolom)
    per_gemeente: dict[str, set[str]] = {}
    for rij in koppeling.itertuples(index=False):
        if rij.project_id in labels:
            per_gemeente.setdefault(rij.gemeente_code, set()).add(labels[rij.project_id])
    return {
        code: " + ".join(label.legenda for label in as_.labels if label.naam in namen)
        for code, namen in sorted(per_gemeente.items())
    }


def naieve_import(csv_pad: Path, db_pad: Path) -> int:
    """Insert every row of ``csv_pad`` into one flat table of ``db_pad``, committing after each row; returns the
    number of rows."""
    con = sqlite3.connect(db_pad)
    try:
        with open(csv_pad, newline="", encoding="utf-8") as bestand:
            lezer = csv.reader(bestand)
            kop = next(lezer)
            con.execute(f"CREATE TABLE IF NOT EXISTS project ({', '.join(k + ' TEXT' for k in kop)})")
            aantal = 0
            for rij in lezer:
                con.execute(f"INSERT INTO project VALUES ({', '.join('?' * len(kop))})", rij)
                con.commit()
                aantal += 1
    finally:
        con.close()
    return aantal
