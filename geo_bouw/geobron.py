"""Reading the source material of the geodata build: CBS boundary layers, region tables and the report's list.

The CBS layers (``raw/<laag>_<jaar>.topojson``) carry no CRS; their coordinates are WGS84 longitude/latitude, so
EPSG:4326 is set here explicitly. Geometries stay in EPSG:4326 and are only repaired where invalid
(``make_valid``, polygonal parts kept, neighbours snapped so the layer stays a clean coverage; see
:func:`_vlakken`). Area work happens in :mod:`geo_bouw.geobewerking` in EPSG:28992.
"""

from __future__ import annotations

import re
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from classify.vocab import JAREN, OnbekendLabel, normaliseer_verzekeraar, sleutel

CRS_OPSLAG = "EPSG:4326"
"""CRS of the source layers and of everything stored in ``data/geo/`` (WGS84 longitude/latitude)."""

RASTER_GRADEN = 1e-9
"""Coordinate grid in degrees (about 0.1 mm) for repairing invalid source geometries."""

_SNAPAFSTAND = 10 * RASTER_GRADEN
"""Neighbour vertices within this distance (degrees) of a repaired border are moved onto it."""

RAPPORT_BESTAND = "002_4672d5e83c675345.txt"
"""The AEF report (2017) whose section II.1 numbers and names the 43 Wmo-regions."""

_RAPPORT_KOP = re.compile(r"^#+\s*1\.\s*Overzicht van de Wmo-regio", re.IGNORECASE)
_GENUMMERDE_CEL = re.compile(r"^(\d{1,2})\.\s+(\S.*?)\s*$")


class OngeldigeBron(ValueError):
    """A source file of the build that is missing, malformed or inconsistent with the other sources."""


def lees_laag(bron: Path, laag: str, jaar: int) -> gpd.GeoDataFrame:
    """One CBS layer as GeoDataFrame [code, naam, geometry] in EPSG:4326, valid polygons, sorted by code.

    ``laag`` is the file stem without year (``gemeente``, ``jeugdregio``, ``zorgkantoorregio``, ``provincie``);
    the file is ``bron/raw/<laag>_<jaar>.topojson`` with fields ``statcode`` and ``statnaam``.
    """
    pad = Path(bron) / "raw" / f"{laag}_{jaar}.topojson"
    if not pad.is_file():
        raise OngeldigeBron(f"{pad}: bestand ontbreekt")
    ruw = gpd.read_file(pad)
    for veld in ("statcode", "statnaam"):
        if veld not in ruw.columns:
            raise OngeldigeBron(f"{pad}: veld {veld!r} ontbreekt")
    if ruw["statcode"].duplicated().any():
        dubbel = sorted(ruw.loc[ruw["statcode"].duplicated(), "statcode"])
        raise OngeldigeBron(f"{pad}: veld 'statcode' is niet uniek: {', '.join(dubbel)}")
    laag_gdf = gpd.GeoDataFrame(
        {"code": ruw["statcode"].astype(str).str.strip(), "naam": ruw["statnaam"].astype(str).str.strip()},
        geometry=_vlakken(list(ruw.geometry.values)),
        crs=None,
    )
    # The TopoJSON files have no CRS; their coordinates are WGS84 degrees.
    laag_gdf = laag_gdf.set_crs(CRS_OPSLAG, allow_override=True)
    leeg = laag_gdf.loc[laag_gdf.geometry.is_empty, "code"]
    if len(leeg):
        raise OngeldigeBron(f"{pad}: geen vlak over na reparatie voor {', '.join(leeg)}")
    return laag_gdf.sort_values("code", kind="stable").reset_index(drop=True)


def _vlakken(geometrieen: list[shapely.Geometry]) -> list[shapely.Geometry]:
    """Valid (Multi)Polygons that still form a clean coverage (neighbours share identical border vertices).

    Valid source geometries are kept as they are. An invalid one (self-intersection) is repaired with
    ``make_valid`` (area unchanged); the crossing it computes carries float noise (two vertices 5e-14 apart with a
    zero-area sliver between them), so the result is reduced to the :data:`RASTER_GRADEN` grid, which merges them.
    That moves its vertices by less than the grid and adds a vertex at the crossing, so its neighbours are
    snapped to it: coverage tools (and exact dissolves) need shared borders with identical vertices on both
    sides.
    """
    uit = list(geometrieen)
    hersteld = [i for i, g in enumerate(uit) if not g.is_valid]
    for i in hersteld:
        uit[i] = _polygonaal(shapely.set_precision(shapely.make_valid(uit[i]), RASTER_GRADEN))
    for i in hersteld:
        for j, buur in enumerate(uit):
            if j != i and shapely.dwithin(buur, uit[i], _SNAPAFSTAND):
                uit[j] = shapely.snap(buur, uit[i], _SNAPAFSTAND)
    return uit


def _polygonaal(geometrie: shapely.Geometry) -> shapely.Geometry:
    """The valid polygonal part of ``geometrie`` (a repair can leave stray lines or collapsed rings)."""
    geldig = shapely.make_valid(geometrie)
    if geldig.geom_type in ("Polygon", "MultiPolygon"):
        return geldig
    delen = [d for d in shapely.get_parts(geldig) if d.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(delen) if delen else shapely.Polygon()


def lees_rapport_wmo_regios(pad: Path) -> pd.DataFrame:
    """The numbered Wmo-regions of section II.1 of the AEF report: DataFrame [wmo_code, wmo_regio].

    ``wmo_code`` is ``WMO`` plus the two-digit number in the report's list; ``wmo_regio`` is the report's own
    spelling (e.g. ``Regio Alkmaar / Noord - Kennemerland``). Sorted by code.
    """
    pad = Path(pad)
    if not pad.is_file():
        raise OngeldigeBron(f"{pad}: rapport ontbreekt (nodig voor de namen van de Wmo-regio's)")
    regels = pad.read_text(encoding="utf-8").splitlines()
    begin = next((i for i, r in enumerate(regels) if _RAPPORT_KOP.match(r.strip())), None)
    if begin is None:
        raise OngeldigeBron(f"{pad}: kop '1. Overzicht van de Wmo-regio's' niet gevonden")
    gevonden: dict[int, str] = {}
    for nummer_regel, regel in enumerate(regels[begin + 1 :], start=begin + 2):
        if regel.lstrip().startswith("#"):
            break
        for cel in regel.split("|"):
            treffer = _GENUMMERDE_CEL.match(cel.strip())
            if treffer is None:
                continue
            nummer, naam = int(treffer.group(1)), treffer.group(2)
            if nummer in gevonden:
                raise OngeldigeBron(f"{pad}: regel {nummer_regel}: regio nummer {nummer} komt twee keer voor")
            gevonden[nummer] = naam
    if not gevonden or sorted(gevonden) != list(range(1, max(gevonden) + 1)):
        raise OngeldigeBron(f"{pad}: de genummerde lijst van Wmo-regio's is niet 1..n: {sorted(gevonden)}")
    sleutels = [sleutel(n) for n in gevonden.values()]
    if len(set(sleutels)) != len(sleutels):
        raise OngeldigeBron(f"{pad}: twee Wmo-regio's met dezelfde naam")
    return pd.DataFrame(
        {"wmo_code": [f"WMO{n:02d}" for n in sorted(gevonden)], "wmo_regio": [gevonden[n] for n in sorted(gevonden)]}
    )


def lees_wmo_regio_tabel(pad: Path) -> pd.DataFrame:
    """``wmo_regio_2017.csv``: DataFrame [jeugdregio_code, jeugdregio_naam, wmo_regio] (empty = split region)."""
    tabel = _lees_csv(pad, ("jeugdregio_statcode", "jeugdregio_statnaam", "wmo_regio"))
    return pd.DataFrame(
        {
            "jeugdregio_code": tabel["jeugdregio_statcode"],
            "jeugdregio_naam": tabel["jeugdregio_statnaam"],
            "wmo_regio": tabel["wmo_regio"],
        }
    )


def lees_uitzonderingen(pad: Path) -> pd.DataFrame:
    """``wmo_regio_2017_uitzonderingen.csv``: DataFrame [gemeente_naam, wmo_regio] for the split regions."""
    tabel = _lees_csv(pad, ("gemeente_naam_2017", "wmo_regio"))
    return pd.DataFrame({"gemeente_naam": tabel["gemeente_naam_2017"], "wmo_regio": tabel["wmo_regio"]})


def lees_concessies(pad: Path) -> pd.DataFrame:
    """``zorgkantoor_concessies.csv`` with canonical insurer names.

    Returns DataFrame [zorgkantoorregio_code, zorgkantoorregio, verzekeraar_2017, verzekeraar_2025, koepel, bron,
    zekerheid], sorted by code. Insurer names go through :func:`classify.vocab.normaliseer_verzekeraar`
    (``Salland`` becomes ``Eno (Salland)``); a name that is no single insurer raises :class:`OngeldigeBron`.
    """
    tabel = _lees_csv(
        pad,
        ("statcode", "zorgkantoorregio", "concessiehouder_2017", "concessiehouder_2025", "koepel", "bron", "zekerheid"),
    )
    uit = pd.DataFrame(
        {
            "zorgkantoorregio_code": tabel["statcode"],
            "zorgkantoorregio": tabel["zorgkantoorregio"],
            "koepel": tabel["koepel"],
            "bron": tabel["bron"],
            "zekerheid": tabel["zekerheid"],
        }
    )
    for jaar in JAREN:
        veld = f"concessiehouder_{jaar}"
        uit[f"verzekeraar_{jaar}"] = [
            _een_verzekeraar(pad, rij, veld, waarde) for rij, waarde in zip(tabel["_rij"], tabel[veld], strict=True)
        ]
    if uit["zorgkantoorregio_code"].duplicated().any():
        dubbel = sorted(uit.loc[uit["zorgkantoorregio_code"].duplicated(), "zorgkantoorregio_code"])
        raise OngeldigeBron(f"{pad}: veld 'statcode' is niet uniek: {', '.join(dubbel)}")
    kolommen = [
        "zorgkantoorregio_code",
        "zorgkantoorregio",
        "verzekeraar_2017",
        "verzekeraar_2025",
        "koepel",
        "bron",
        "zekerheid",
    ]
    return uit[kolommen].sort_values("zorgkantoorregio_code").reset_index(drop=True)


def _een_verzekeraar(pad: Path, rij: int, veld: str, waarde: str) -> str:
    """The single canonical insurer for a concession holder; a concern or unknown name is a source error."""
    try:
        namen = normaliseer_verzekeraar(waarde)
    except OnbekendLabel as fout:
        raise OngeldigeBron(f"{pad}: rij {rij}, veld {veld!r}: {fout}") from None
    if len(namen) != 1:
        raise OngeldigeBron(f"{pad}: rij {rij}, veld {veld!r}: {waarde!r} is geen enkele verzekeraar")
    return namen[0]


def _lees_csv(pad: Path, velden: tuple[str, ...]) -> pd.DataFrame:
    """A UTF-8 CSV as strings (stripped, missing -> ''), with ``_rij`` = line number in the file (header = 1)."""
    pad = Path(pad)
    if not pad.is_file():
        raise OngeldigeBron(f"{pad}: bestand ontbreekt")
    tabel = pd.read_csv(pad, dtype=str, keep_default_na=False, encoding="utf-8")
    ontbrekend = [v for v in velden if v not in tabel.columns]
    if ontbrekend:
        raise OngeldigeBron(f"{pad}: veld {ontbrekend[0]!r} ontbreekt")
    tabel = tabel[list(velden)].apply(lambda kolom: kolom.str.strip())
    tabel["_rij"] = range(2, len(tabel) + 2)
    return tabel
