"""Loader for the processed geodata in ``data/geo/``: layers, tables and name resolution.

Everything is read from ``data/geo/`` (written by :mod:`geo_bouw.build_geo`); the TopoJSON sources are never read at
run time. Layers are GeoDataFrames in EPSG:4326 (WGS84 degrees) with ``oppervlakte_km2`` computed in EPSG:28992;
callers that need metres project themselves; :func:`kenmerken` gives a layer without its geometry, read without
geopandas, for lookups that need no shapes. Results are cached with :func:`functools.lru_cache` on plain
arguments and shared between callers: do not mutate them, take ``.copy()`` first.

The kernwerkgebieden shipped are a proxy, "kernwerkgebied (benadering: zorgkantoorregio)": the zorgkantoor
concession holder per region (see ``data/geo/BRONNEN.md``); :func:`kernwerkgebied_label` gives the label of a
year's layer for legends.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

import pandas as pd
import pyarrow.parquet as pq
from rapidfuzz import fuzz, process

from classify.vocab import JAREN, sleutel

if TYPE_CHECKING:
    import geopandas as gpd

GEO_MAP = Path(__file__).resolve().parents[1] / "data" / "geo"
"""Folder with the processed layers and tables."""

_CODE = {
    "gemeente": re.compile(r"^GM\d{4}$"),
    "provincie": re.compile(r"^PV\d{2}$"),
    "wmo_regio": re.compile(r"^WMO\d{2}$"),
}
_KALE_GEMEENTECODE = re.compile(r"^(?:GM)?\s*(\d{1,4})$", re.IGNORECASE)
"""A CBS municipality code as people type it: ``GM0363``, ``gm 363``, ``0363`` or ``363``."""
_SOORTNAAM = {"gemeente": "gemeente", "provincie": "provincie", "wmo_regio": "Wmo-regio"}
_AANTAL_SUGGESTIES = 5


class OnbekendJaar(ValueError):
    """A boundary year for which no layers are shipped."""


class OnbekendeNaam(ValueError):
    """A name or code that matches no municipality, province or Wmo-region; ``suggesties`` holds close names."""

    def __init__(self, melding: str, tekst: str, suggesties: tuple[str, ...]):
        super().__init__(melding)
        self.tekst = tekst
        self.suggesties = suggesties


class DubbelzinnigeNaam(ValueError):
    """A name shared by several areas (plain "Bergen"); ``kandidaten`` holds (code, official name) pairs."""

    def __init__(self, melding: str, tekst: str, kandidaten: tuple[tuple[str, str], ...]):
        super().__init__(melding)
        self.tekst = tekst
        self.kandidaten = kandidaten


def _jaar(jaar: int) -> int:
    """``jaar`` as int, or :class:`OnbekendJaar`."""
    if jaar not in JAREN:
        raise OnbekendJaar(f"geen geodata voor jaar {jaar!r}; beschikbaar: {', '.join(map(str, JAREN))}")
    return int(jaar)


LAGEN = ("gemeenten", "wmo_regios", "kernwerkgebieden", "zorgkantoorregios", "provincies")
"""The GeoParquet layers shipped per boundary year (``<laag>_<jaar>.parquet``)."""


@cache
def _laag(bestand: str) -> gpd.GeoDataFrame:
    """A GeoParquet layer of ``data/geo`` (EPSG:4326), index 0..n-1."""
    # Imported here: geopandas, shapely and pyproj cost the first visit a second; name lookups need no geometry.
    import geopandas as gpd

    return gpd.read_parquet(GEO_MAP / f"{bestand}.parquet").reset_index(drop=True)


@cache
def _kenmerken(bestand: str) -> pd.DataFrame:
    """The columns of a GeoParquet layer of ``data/geo`` except its geometry, index 0..n-1."""
    pad = GEO_MAP / f"{bestand}.parquet"
    kolommen = [naam for naam in pq.read_schema(pad).names if naam != "geometry"]
    return pd.read_parquet(pad, columns=kolommen).reset_index(drop=True)


def kenmerken(laag: str, jaar: int) -> pd.DataFrame:
    """Layer ``laag`` of ``jaar`` (one of :data:`LAGEN`, e.g. ``"gemeenten"``) without its geometry column: the same
    rows, order and values as :func:`gemeenten`, :func:`provincies` and the other layer functions, read with
    pyarrow alone. For names, codes and counts, which need neither geometry nor geopandas."""
    if laag not in LAGEN:
        raise ValueError(f"laag {laag!r} bestaat niet; kies uit: {', '.join(LAGEN)}")
    return _kenmerken(f"{laag}_{_jaar(jaar)}")


@cache
def _tabel(bestand: str) -> pd.DataFrame:
    """A CSV table of ``data/geo`` with text columns as str (no NaN for empty cells)."""
    tabel = pd.read_csv(GEO_MAP / f"{bestand}.csv", dtype=str, keep_default_na=False, encoding="utf-8")
    for kolom in ("aandeel", "oppervlakte_km2"):
        if kolom in tabel.columns:
            tabel[kolom] = tabel[kolom].astype(float)
    return tabel


def gemeenten(jaar: int) -> gpd.GeoDataFrame:
    """Municipalities of ``jaar`` (388 in 2017, 342 in 2025), EPSG:4326, sorted by code, index 0..n-1.

    Columns: gemeente_code ('GM0363'), gemeente_naam, provincie_code ('PV27'), provincie_naam, wmo_code
    ('WMO03'), wmo_regio (report spelling), zorgkantoorregio_code ('ZK02'), zorgkantoorregio, kernwerkgebied
    (canonical insurer name; see :func:`kernwerkgebied_label`), oppervlakte_km2 (EPSG:28992), geometry.
    """
    return _laag(f"gemeenten_{_jaar(jaar)}")


def wmo_regios(jaar: int) -> gpd.GeoDataFrame:
    """The 43 Wmo-regions as dissolve of the municipalities of ``jaar``, EPSG:4326.

    Columns: wmo_code, wmo_regio, aantal_gemeenten, oppervlakte_km2 (EPSG:28992), geometry; sorted by code.
    """
    return _laag(f"wmo_regios_{_jaar(jaar)}")


def kernwerkgebieden(jaar: int) -> gpd.GeoDataFrame:
    """Kernwerkgebied per insurer in ``jaar`` as dissolve of its municipalities, EPSG:4326.

    Columns: verzekeraar, aantal_gemeenten, oppervlakte_km2 (EPSG:28992), bepaling (how it was determined,
    e.g. "kernwerkgebied (benadering: zorgkantoorregio)"), geometry; sorted by insurer name.
    """
    return _laag(f"kernwerkgebieden_{_jaar(jaar)}")


def kernwerkgebied_label(jaar: int) -> str:
    """Legend label of the kernwerkgebieden of ``jaar``, e.g. "kernwerkgebied (benadering: zorgkantoorregio)"."""
    return str(kenmerken("kernwerkgebieden", jaar)["bepaling"].iloc[0])


def kernwerkgebied_aantal(verzekeraar: str, jaar: int) -> int:
    """Number of municipalities of ``jaar`` in the shipped (proxy) kernwerkgebied of ``verzekeraar``."""
    return int((kenmerken("gemeenten", jaar)["kernwerkgebied"] == verzekeraar).sum())


def zorgkantoorregios(jaar: int) -> gpd.GeoDataFrame:
    """Zorgkantoorregio's of ``jaar`` as dissolve of their municipalities, EPSG:4326.

    Columns: zorgkantoorregio_code, zorgkantoorregio, verzekeraar (concession holder), zekerheid, bron,
    aantal_gemeenten, oppervlakte_km2 (EPSG:28992), geometry; sorted by code.
    """
    return _laag(f"zorgkantoorregios_{_jaar(jaar)}")


def provincies(jaar: int) -> gpd.GeoDataFrame:
    """The 12 provinces of ``jaar`` as dissolve of their municipalities, EPSG:4326.

    Columns: provincie_code, provincie_naam, aantal_gemeenten, oppervlakte_km2 (EPSG:28992), geometry.
    """
    return _laag(f"provincies_{_jaar(jaar)}")


def gemeente_wmo_regio(jaar: int) -> pd.DataFrame:
    """``gemeente_wmo_regio_<jaar>.csv``: DataFrame [gemeente_code, gemeente_naam, wmo_regio], sorted by code."""
    return _tabel(f"gemeente_wmo_regio_{_jaar(jaar)}")


def gemeente_kernwerkgebied(jaar: int) -> pd.DataFrame:
    """``gemeente_kernwerkgebied_<jaar>.csv``: [gemeente_code, gemeente_naam, zorgkantoorregio, verzekeraar]."""
    return _tabel(f"gemeente_kernwerkgebied_{_jaar(jaar)}")


def herindeling() -> pd.DataFrame:
    """Crosswalk 2017 -> 2025: DataFrame [gemeente_code_2017, gemeente_naam_2017, gemeente_code_2025,
    gemeente_naam_2025, aandeel] with ``aandeel`` the share (0..1) of the 2017 municipality's area; shares sum
    to 1 per 2017 municipality. Read it backwards for 2025 -> 2017.
    """
    return _tabel("herindeling_2017_2025")


def wmo_regio_lijst() -> pd.DataFrame:
    """The 43 Wmo-regions of the report: DataFrame [wmo_code, wmo_regio] in the report's numbering."""
    return _tabel("wmo_regios")


def naam_aliassen() -> pd.DataFrame:
    """Official names and aliases used by the resolvers: DataFrame [soort, jaar, code, naam, herkomst]."""
    return _tabel("naam_aliassen")


def wmo_regio_naam(wmo_code: str) -> str:
    """The report spelling of a Wmo-region code (``WMO27`` -> ``Regio Alkmaar / Noord - Kennemerland``)."""
    namen = _officiele_namen("wmo_regio", "")
    if wmo_code not in namen:
        raise OnbekendeNaam(f"onbekende Wmo-regiocode {wmo_code!r}", str(wmo_code), ())
    return namen[wmo_code]


def gemeente_naam(gemeente_code: str, jaar: int) -> str:
    """The CBS name of a municipality code in ``jaar``."""
    namen = _officiele_namen("gemeente", str(_jaar(jaar)))
    if gemeente_code not in namen:
        raise OnbekendeNaam(f"{gemeente_code!r} is geen gemeente van {jaar}", str(gemeente_code), ())
    return namen[gemeente_code]


@cache
def wmo_indeling(jaar: int) -> Mapping[str, str]:
    """Read-only mapping gemeente_code -> wmo_code for ``jaar``."""
    frame = kenmerken("gemeenten", jaar)
    return MappingProxyType(dict(zip(frame["gemeente_code"], frame["wmo_code"], strict=True)))


@cache
def wmo_leden(jaar: int) -> Mapping[str, frozenset[str]]:
    """Read-only mapping wmo_code -> frozenset of its gemeente_codes in ``jaar``."""
    frame = kenmerken("gemeenten", jaar)
    return MappingProxyType(
        {code: frozenset(groep["gemeente_code"]) for code, groep in frame.groupby("wmo_code", sort=True)}
    )


def zoek_gemeente(tekst: str, jaar: int) -> str:
    """The gemeente_code of ``jaar`` for a CBS code or a name.

    Names are compared case-, accent-, punctuation- and space-insensitively and include aliases ("Den Haag",
    "Sudwest Fryslan", "Beek" / "Beek (L.)", "Dantumadeel"). Raises :class:`DubbelzinnigeNaam` for a name of
    several municipalities ("Bergen") and :class:`OnbekendeNaam` with suggestions otherwise; a name of the
    other boundary year is reported with the municipalities it became (or came from).
    """
    return _zoek("gemeente", str(_jaar(jaar)), tekst)


@dataclass(frozen=True)
class GevondenGemeente:
    """A municipality of the asked boundary year found for a search text; ``toelichting`` explains a match made
    through the other boundary year (empty otherwise)."""

    code: str
    naam: str
    toelichting: str = ""


def vind_gemeente(tekst: str, jaar: int) -> GevondenGemeente:
    """The municipality of ``jaar`` a person means by ``tekst``: what :func:`zoek_gemeente` accepts, plus a
    municipality of the other boundary year, which gives the municipality of ``jaar`` holding the largest share of
    its area (a 2017 name on the 2025 map finds its successor) and says so in ``toelichting``.

    Raises :class:`DubbelzinnigeNaam` or :class:`OnbekendeNaam` (with suggestions) like :func:`zoek_gemeente`.
    """
    jaar = _jaar(jaar)
    try:
        code = zoek_gemeente(tekst, jaar)
        return GevondenGemeente(code, gemeente_naam(code, jaar))
    except OnbekendeNaam as onbekend:
        ander = next(j for j in JAREN if j != jaar)
        try:
            oud = zoek_gemeente(tekst, ander)
        except (OnbekendeNaam, DubbelzinnigeNaam):
            raise onbekend from None
    return _tegenhanger(oud, ander, jaar)


def _tegenhanger(code: str, van: int, naar: int) -> GevondenGemeente:
    """The municipality of ``naar`` that holds most of the area (km², EPSG:28992) of municipality ``code`` of
    ``van``: going forward the successor with the largest share, going back the largest predecessor."""
    tabel = herindeling().copy()
    kolom_van, kolom_naar = f"gemeente_code_{van}", f"gemeente_code_{naar}"
    oppervlakte = kenmerken("gemeenten", 2017).set_index("gemeente_code")["oppervlakte_km2"]
    tabel["km2"] = tabel["aandeel"] * tabel["gemeente_code_2017"].map(oppervlakte)
    delen = tabel[tabel[kolom_van] == code].groupby(kolom_naar)["km2"].sum().sort_values(ascending=False)
    doel = str(delen.index[0])
    naam_van, naam_naar = gemeente_naam(code, van), gemeente_naam(doel, naar)
    overig = ", ".join(gemeente_naam(c, naar) for c in delen.index[1:])
    if van < naar:
        relatie = f"in {naar} deel van {naam_naar}"
        if overig:
            relatie += f" (het grootste deel; de rest ligt in {overig})"
    else:
        relatie = f"in {naar} waren dat {naam_naar}" + (f" (de grootste), {overig}" if overig else "")
    return GevondenGemeente(doel, naam_naar, f"{naam_van} ({code}) is een gemeente van {van}, {relatie}")


def zoek_provincie(tekst: str, jaar: int) -> str:
    """The provincie_code of ``jaar`` for a code (``PV21``) or name ("Fryslân", "Friesland", "Noord Holland")."""
    return _zoek("provincie", str(_jaar(jaar)), tekst)


def zoek_wmo_regio(tekst: str) -> str:
    """The wmo_code for a code (``WMO27``) or a name: the report spelling, the spelling of the region table
    ("Regio Alkmaar / Noord-Kennemerland") or a CBS jeugdregio name of 2017 ("Haaglanden", "Food Valley")."""
    return _zoek("wmo_regio", "", tekst)


@cache
def _officiele_namen(soort: str, jaar: str) -> Mapping[str, str]:
    """code -> official name (CBS name of that year, or the report spelling for Wmo-regions)."""
    if soort == "wmo_regio":
        lijst = wmo_regio_lijst()
        return MappingProxyType(dict(zip(lijst["wmo_code"], lijst["wmo_regio"], strict=True)))
    frame = kenmerken("gemeenten" if soort == "gemeente" else "provincies", int(jaar))
    return MappingProxyType(dict(zip(frame[f"{soort}_code"], frame[f"{soort}_naam"], strict=True)))


@cache
def _index(soort: str, jaar: str) -> Mapping[str, tuple[str, ...]]:
    """Comparison key -> sorted codes carrying that name or alias (more than one code = ambiguous)."""
    tabel = naam_aliassen()
    deel = tabel[(tabel["soort"] == soort) & (tabel["jaar"] == jaar)]
    codes: dict[str, set[str]] = {}
    for code, naam in zip(deel["code"], deel["naam"], strict=True):
        codes.setdefault(sleutel(naam), set()).add(code)
    return MappingProxyType({k: tuple(sorted(v)) for k, v in codes.items()})


def _zoek(soort: str, jaar: str, tekst: str) -> str:
    """Shared resolver: code, then name/alias key, then an error with suggestions."""
    invoer = str(tekst).strip()
    kaal = _KALE_GEMEENTECODE.match(invoer) if soort == "gemeente" else None
    if kaal:
        invoer = f"GM{int(kaal.group(1)):04d}"
    namen = _officiele_namen(soort, jaar)
    if _CODE[soort].match(invoer.upper()) and invoer.upper() in namen:
        return invoer.upper()
    codes = _index(soort, jaar).get(sleutel(invoer), ())
    if len(codes) == 1:
        return codes[0]
    waar = f"{_SOORTNAAM[soort]}" + (f" ({jaar})" if jaar else "")
    if len(codes) > 1:
        kandidaten = tuple(sorted(((c, namen[c]) for c in codes), key=lambda p: p[1]))
        opties = ", ".join(f"{n} ({c})" for c, n in kandidaten)
        raise DubbelzinnigeNaam(
            f"{invoer!r} is dubbelzinnig als {waar}: {opties}; geef de volledige naam of de code", invoer, kandidaten
        )
    opvolgers, toelichting = _ander_jaar(soort, jaar, invoer)
    suggesties = tuple(dict.fromkeys([*opvolgers, *_suggesties(soort, jaar, invoer)]))[:_AANTAL_SUGGESTIES]
    melding = f"onbekende {waar}: {invoer!r}"
    if toelichting:
        melding += f"; {toelichting}"
    if suggesties:
        melding += f"; bedoelde u: {', '.join(suggesties)}?"
    raise OnbekendeNaam(melding, invoer, suggesties)


def _suggesties(soort: str, jaar: str, invoer: str) -> list[str]:
    """Official names closest to ``invoer`` (rapidfuzz WRatio on comparison keys), best first."""
    index = _index(soort, jaar)
    namen = _officiele_namen(soort, jaar)
    sleutels = list(index)
    treffers = process.extract(
        sleutel(invoer), sleutels, scorer=fuzz.WRatio, limit=3 * _AANTAL_SUGGESTIES, score_cutoff=60
    )
    uit: list[str] = []
    for _gevonden, _score, positie in treffers:
        for code in index[sleutels[positie]]:
            if namen[code] not in uit:
                uit.append(namen[code])
    return uit[:_AANTAL_SUGGESTIES]


def _ander_jaar(soort: str, jaar: str, invoer: str) -> tuple[list[str], str]:
    """For a municipality name of the other boundary year: its counterparts in ``jaar`` and an explanation."""
    if soort != "gemeente":
        return [], ""
    ander = str(next(j for j in JAREN if str(j) != jaar))
    if invoer.upper() in _officiele_namen(soort, ander):
        codes: tuple[str, ...] = (invoer.upper(),)
    else:
        codes = _index(soort, ander).get(sleutel(invoer), ())
    if len(codes) != 1:
        return [], ""
    tabel = herindeling()
    van, naar = (
        ("gemeente_code_2017", "gemeente_naam_2025")
        if ander == "2017"
        else ("gemeente_code_2025", "gemeente_naam_2017")
    )
    tegenhangers = sorted(tabel.loc[tabel[van] == codes[0], naar])
    naam = _officiele_namen(soort, ander)[codes[0]]
    relatie = f"in {jaar} deel van" if ander == "2017" else "ontstaan uit"
    return tegenhangers, f"{naam} is een gemeente van {ander}, {relatie}: {', '.join(tegenhangers)}"
