"""Build ``data/geo/`` from the CBS boundary layers and region tables: ``python -m geo_bouw.build_geo``.

Reads ``<bron>/raw/*.topojson`` (EPSG:4326 set explicitly), the CSV tables in ``<bron>`` and the numbered list
of Wmo-regions in the AEF report, and writes GeoParquet layers (EPSG:4326), plain CSV tables and
``BRONNEN.md`` to ``<doel>``. Areas and overlays are computed in EPSG:28992 (see :mod:`geo_bouw.geobewerking`).
Rows are sorted by code and numbers rounded (areas 0.001 km², shares 0.0001), so a rebuild from the same
sources gives the same content.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

from classify import kernwerkgebieden
from classify.vocab import JAREN, sleutel
from geo_bouw import aliassen, geobewerking, geobron, kernwerkgebied

REPO = Path(__file__).resolve().parents[1]
STANDAARD_BRON = REPO.parent / "shared" / "geo"
STANDAARD_DOEL = REPO / "data" / "geo"

DREMPEL_DEEL = 0.05
"""Crosswalk pieces of a dissolved municipality below this share of its overlapped area are slivers.

The 2017 and 2025 generalisations disagree by up to ~3.5% of a municipality along ordinary borders; the smallest
real part of a split municipality between 2017 and 2025 (Haaren -> Boxtel) is 9.5%."""

DREMPEL_OVERLAP = 0.9
"""2025 municipalities whose Wmo-region overlap is below this share are listed in BRONNEN.md."""

GEMEENTE_KOLOMMEN = [
    "gemeente_code",
    "gemeente_naam",
    "provincie_code",
    "provincie_naam",
    "wmo_code",
    "wmo_regio",
    "zorgkantoorregio_code",
    "zorgkantoorregio",
    "kernwerkgebied",
    "oppervlakte_km2",
    "geometry",
]


@dataclass
class Verslag:
    """What a build produced: counts, the weakly-overlapping 2025 municipalities and the files written."""

    aantallen: dict[str, int] = field(default_factory=dict)
    lage_overlap: list[tuple[str, str, str, float, str]] = field(default_factory=list)
    kernwerkgebied_bepaling: dict[int, str] = field(default_factory=dict)
    bestanden: list[str] = field(default_factory=list)


def bouw(
    bron: Path,
    doel: Path,
    rapport: Path | None = None,
    marktaandelen: Path | None = None,
    marktaandelen_jaar: int = 2025,
    schaal: str | None = None,
) -> Verslag:
    """Build all layers and tables from ``bron`` (``../shared/geo``) into ``doel`` (``data/geo``).

    ``rapport`` defaults to ``<bron>/../seeds/002_4672d5e83c675345.txt``. With ``marktaandelen`` (a
    ``gemeente_code, verzekeraar, aandeel`` table for the municipalities of ``marktaandelen_jaar``) the
    kernwerkgebied of that year is the insurer with the largest share instead of the zorgkantoor proxy.
    """
    bron, doel = Path(bron), Path(doel)
    rapport = Path(rapport) if rapport else bron.parent / "seeds" / geobron.RAPPORT_BESTAND
    if marktaandelen is not None and marktaandelen_jaar not in JAREN:
        raise ValueError(f"marktaandelen_jaar {marktaandelen_jaar} onbekend; kies uit {JAREN}")
    regios = geobron.lees_rapport_wmo_regios(rapport)
    wmo_tabel = geobron.lees_wmo_regio_tabel(bron / "wmo_regio_2017.csv")
    uitzonderingen = geobron.lees_uitzonderingen(bron / "wmo_regio_2017_uitzonderingen.csv")
    concessies = geobron.lees_concessies(bron / "zorgkantoor_concessies.csv")
    wmo_code = _wmo_code_van(regios)

    gemeenten = {jaar: geobron.lees_laag(bron, "gemeente", jaar) for jaar in JAREN}
    provincies = {jaar: geobron.lees_laag(bron, "provincie", jaar) for jaar in JAREN}
    zorgkantoorregios = {jaar: geobron.lees_laag(bron, "zorgkantoorregio", jaar) for jaar in JAREN}

    frames = {jaar: _gemeenteframe(gemeenten[jaar], provincies[jaar], zorgkantoorregios[jaar], jaar) for jaar in JAREN}

    jeugdregio = geobewerking.punt_in_vlak(
        gemeenten[2017], geobron.lees_laag(bron, "jeugdregio", 2017), "jeugdregio_2017"
    )
    frames[2017]["wmo_code"] = _wmo_2017(frames[2017], jeugdregio, wmo_tabel, uitzonderingen, wmo_code, bron)
    regio_vlakken_2017 = geobewerking.samenvoegen(frames[2017], ["wmo_code"]).rename(columns={"wmo_code": "code"})
    toewijzing = geobewerking.grootste_overlap(geobewerking.overlap_km2(gemeenten[2025], regio_vlakken_2017)).set_index(
        "links"
    )
    _alle_gemeenten(gemeenten[2025], toewijzing.index, "Wmo-regio 2017 (overlap)")
    frames[2025]["wmo_code"] = frames[2025]["gemeente_code"].map(toewijzing["rechts"])
    wmo_naam = dict(zip(regios["wmo_code"], regios["wmo_regio"], strict=True))
    for jaar in JAREN:
        frames[jaar]["wmo_regio"] = frames[jaar]["wmo_code"].map(wmo_naam)
    verslag = Verslag()

    for jaar in JAREN:
        proxy = kernwerkgebied.kernwerkgebied_uit_concessies(frames[jaar], concessies, jaar)
        verzekeraar = proxy.set_index("gemeente_code")["verzekeraar"]
        verslag.kernwerkgebied_bepaling[jaar] = kernwerkgebied.LABEL_BENADERING
        if marktaandelen is not None and jaar == marktaandelen_jaar:
            gekozen = kernwerkgebied.kernwerkgebied_uit_marktaandelen(
                marktaandelen, frames[jaar]["gemeente_code"], schaal
            )
            verzekeraar = gekozen.set_index("gemeente_code")["verzekeraar"]
            verslag.kernwerkgebied_bepaling[jaar] = kernwerkgebied.LABEL_MARKTAANDEEL
        frames[jaar]["kernwerkgebied"] = frames[jaar]["gemeente_code"].map(verzekeraar)
        frames[jaar] = frames[jaar][GEMEENTE_KOLOMMEN].sort_values("gemeente_code").reset_index(drop=True)

    herindeling = _herindeling(frames[2017], frames[2025])
    verslag.lage_overlap = _lage_overlap(toewijzing, frames, herindeling)
    wmo_namen = _wmo_namen(wmo_tabel, wmo_code)
    alias = aliassen.maak_aliastabel(gemeenten, provincies, regios, wmo_namen)

    doel.mkdir(parents=True, exist_ok=True)
    schrijf = _Schrijver(doel, verslag)
    for jaar in JAREN:
        _schrijf_jaar(schrijf, frames[jaar], concessies, jaar)
    schrijf.csv("herindeling_2017_2025", herindeling)
    schrijf.csv("wmo_regios", regios)
    schrijf.csv("naam_aliassen", alias)
    verslag.aantallen["wmo_regios"] = len(regios)
    verslag.bestanden.append("BRONNEN.md")
    (doel / "BRONNEN.md").write_text(_bronnen(verslag, frames, herindeling, concessies, rapport), encoding="utf-8")
    return verslag


def _gemeenteframe(
    gemeenten: gpd.GeoDataFrame, provincies: gpd.GeoDataFrame, zorgkantoorregios: gpd.GeoDataFrame, jaar: int
) -> gpd.GeoDataFrame:
    """Municipalities of one year with province and zorgkantoorregio (representative point) and area (km²)."""
    frame = gpd.GeoDataFrame(
        {"gemeente_code": gemeenten["code"], "gemeente_naam": gemeenten["naam"]}, geometry=gemeenten.geometry
    )
    provincie = geobewerking.punt_in_vlak(gemeenten, provincies, f"provincie_{jaar}")
    frame["provincie_code"] = provincie
    frame["provincie_naam"] = provincie.map(dict(zip(provincies["code"], provincies["naam"], strict=True)))
    zorgkantoorregio = geobewerking.punt_in_vlak(gemeenten, zorgkantoorregios, f"zorgkantoorregio_{jaar}")
    frame["zorgkantoorregio_code"] = zorgkantoorregio
    frame["zorgkantoorregio"] = zorgkantoorregio.map(
        dict(zip(zorgkantoorregios["code"], zorgkantoorregios["naam"], strict=True))
    )
    frame["oppervlakte_km2"] = geobewerking.oppervlakte_km2(frame).round(3)
    return frame


def _schrijf_jaar(schrijf: _Schrijver, frame: gpd.GeoDataFrame, concessies: pd.DataFrame, jaar: int) -> None:
    """The layers and tables of one year: municipalities and their dissolves, CSV tables, counts."""
    verslag = schrijf.verslag
    schrijf.parquet(f"gemeenten_{jaar}", frame)
    schrijf.parquet(f"wmo_regios_{jaar}", geobewerking.samenvoegen(frame, ["wmo_code", "wmo_regio"]))
    kern = geobewerking.samenvoegen(frame, ["kernwerkgebied"]).rename(columns={"kernwerkgebied": "verzekeraar"})
    kern.insert(3, "bepaling", verslag.kernwerkgebied_bepaling[jaar])
    schrijf.parquet(f"kernwerkgebieden_{jaar}", kern)
    zk = geobewerking.samenvoegen(frame, ["zorgkantoorregio_code", "zorgkantoorregio"])
    zk = zk.merge(
        concessies[["zorgkantoorregio_code", f"verzekeraar_{jaar}", "zekerheid", "bron"]],
        on="zorgkantoorregio_code",
        how="left",
    ).rename(columns={f"verzekeraar_{jaar}": "verzekeraar"})
    schrijf.parquet(
        f"zorgkantoorregios_{jaar}",
        zk[
            [
                "zorgkantoorregio_code",
                "zorgkantoorregio",
                "verzekeraar",
                "zekerheid",
                "bron",
                "aantal_gemeenten",
                "oppervlakte_km2",
                "geometry",
            ]
        ],
    )
    schrijf.parquet(f"provincies_{jaar}", geobewerking.samenvoegen(frame, ["provincie_code", "provincie_naam"]))
    schrijf.csv(f"gemeente_wmo_regio_{jaar}", frame[["gemeente_code", "gemeente_naam", "wmo_regio"]])
    schrijf.csv(
        f"gemeente_kernwerkgebied_{jaar}",
        frame[["gemeente_code", "gemeente_naam", "zorgkantoorregio", "kernwerkgebied"]].rename(
            columns={"kernwerkgebied": "verzekeraar"}
        ),
    )
    verslag.aantallen[f"gemeenten_{jaar}"] = len(frame)
    verslag.aantallen[f"provincies_{jaar}"] = frame["provincie_code"].nunique()
    verslag.aantallen[f"wmo_regios_{jaar}"] = frame["wmo_code"].nunique()


def _wmo_code_van(regios: pd.DataFrame) -> dict[str, str]:
    """Comparison key (:func:`classify.vocab.sleutel`) of each report name -> wmo_code."""
    return {sleutel(n): c for c, n in zip(regios["wmo_code"], regios["wmo_regio"], strict=True)}


def _regio_code(naam: str, wmo_code: dict[str, str], pad: Path, rij: int, veld: str) -> str:
    """The wmo_code of a region spelled as in a table; the spelling must match the report up to punctuation."""
    code = wmo_code.get(sleutel(naam))
    if code is None:
        raise geobron.OngeldigeBron(f"{pad}: rij {rij}, veld {veld!r}: {naam!r} staat niet in de lijst van het rapport")
    return code


def _wmo_2017(
    frame: gpd.GeoDataFrame,
    jeugdregio: pd.Series,
    wmo_tabel: pd.DataFrame,
    uitzonderingen: pd.DataFrame,
    wmo_code: dict[str, str],
    bron: Path,
) -> pd.Series:
    """wmo_code per 2017 municipality: via its CBS jeugdregio, then the municipalities of the split regions."""
    tabel_pad = bron / "wmo_regio_2017.csv"
    per_jeugdregio = {
        jz: _regio_code(naam, wmo_code, tabel_pad, rij, "wmo_regio")
        for rij, (jz, naam) in enumerate(
            zip(wmo_tabel["jeugdregio_code"], wmo_tabel["wmo_regio"], strict=True), start=2
        )
        if naam
    }
    onbekend = sorted(set(jeugdregio) - set(wmo_tabel["jeugdregio_code"]))
    if onbekend:
        raise geobron.OngeldigeBron(f"{tabel_pad}: veld 'jeugdregio_statcode': {', '.join(onbekend)} ontbreekt")
    codes = jeugdregio.map(per_jeugdregio)

    uitz_pad = bron / "wmo_regio_2017_uitzonderingen.csv"
    positie = {sleutel(n): i for i, n in zip(frame.index, frame["gemeente_naam"], strict=True)}
    naar_regio = zip(uitzonderingen["gemeente_naam"], uitzonderingen["wmo_regio"], strict=True)
    for rij, (naam, regio) in enumerate(naar_regio, start=2):
        if sleutel(naam) not in positie:
            raise geobron.OngeldigeBron(
                f"{uitz_pad}: rij {rij}, veld 'gemeente_naam_2017': {naam!r} is geen gemeente van 2017"
            )
        codes[positie[sleutel(naam)]] = _regio_code(regio, wmo_code, uitz_pad, rij, "wmo_regio")

    zonder = frame.loc[codes.isna(), "gemeente_naam"].tolist()
    if zonder:
        raise geobron.OngeldigeBron(f"{uitz_pad}: geen Wmo-regio voor gemeente(n) {', '.join(zonder)}")
    leeg = sorted(set(wmo_code.values()) - set(codes))
    if leeg:
        raise geobron.OngeldigeBron(f"Wmo-regio(s) {', '.join(leeg)} uit het rapport hebben geen gemeente in 2017")
    return codes


def _alle_gemeenten(gemeenten: gpd.GeoDataFrame, gevonden: pd.Index, wat: str) -> None:
    """Every municipality must have received a value (an overlay can only miss one by a source error)."""
    zonder = sorted(set(gemeenten["code"]) - set(gevonden))
    if zonder:
        raise geobewerking.GeenUniekVlak(f"geen {wat} voor {', '.join(zonder)}")


def _herindeling(g17: gpd.GeoDataFrame, g25: gpd.GeoDataFrame) -> pd.DataFrame:
    """Crosswalk 2017 -> 2025: continuing CBS codes map to themselves, dissolved ones by area overlay.

    The two generalisations differ by up to a few hundred metres along every border, so an overlay links an
    unchanged municipality to its neighbours with shares of up to ~20% (small municipalities). A municipality
    keeps its CBS code when it continues (possibly enlarged), so a code present in both years maps to itself
    with share 1. A code that disappeared is overlaid with the 2025 municipalities in EPSG:28992; pieces below
    :data:`DREMPEL_DEEL` of its overlapped area are slivers, the rest is normalised to sum to 1.
    """
    codes_2025 = set(g25["gemeente_code"])
    voortgezet = g17.loc[g17["gemeente_code"].isin(codes_2025), "gemeente_code"]
    opgeheven = g17[~g17["gemeente_code"].isin(codes_2025)].rename(columns={"gemeente_code": "code"})
    rechts = g25.rename(columns={"gemeente_code": "code"})
    paren = (
        pd.concat(
            [
                pd.DataFrame({"links": voortgezet.values, "rechts": voortgezet.values, "aandeel": 1.0}),
                geobewerking.aandelen(geobewerking.overlap_km2(opgeheven, rechts), DREMPEL_DEEL),
            ]
        )
        .sort_values(["links", "rechts"])
        .reset_index(drop=True)
    )
    _alle_gemeenten(
        g17.rename(columns={"gemeente_code": "code"}), pd.Index(paren["links"]), "2025-gemeente in de herindeling"
    )
    _alle_gemeenten(rechts, pd.Index(paren["rechts"]), "2017-gemeente in de herindeling")
    return pd.DataFrame(
        {
            "gemeente_code_2017": paren["links"],
            "gemeente_naam_2017": paren["links"].map(
                dict(zip(g17["gemeente_code"], g17["gemeente_naam"], strict=True))
            ),
            "gemeente_code_2025": paren["rechts"],
            "gemeente_naam_2025": paren["rechts"].map(
                dict(zip(g25["gemeente_code"], g25["gemeente_naam"], strict=True))
            ),
            "aandeel": paren["aandeel"].round(4),
        }
    )


def _lage_overlap(
    toewijzing: pd.DataFrame, frames: dict[int, gpd.GeoDataFrame], herindeling: pd.DataFrame
) -> list[tuple[str, str, str, float, str]]:
    """2025 municipalities whose largest Wmo-region overlap is below :data:`DREMPEL_OVERLAP`, with the cause.

    ``toewijzing`` is indexed by 2025 code with [rechts (wmo_code), aandeel]. The cause lists the 2017
    municipalities from another region that the crosswalk puts into it; without any, the shortfall comes from
    the different generalisations of the two years.
    """
    regio_2017 = dict(zip(frames[2017]["gemeente_code"], frames[2017]["wmo_code"], strict=True))
    namen = dict(zip(frames[2025]["gemeente_code"], frames[2025]["gemeente_naam"], strict=True))
    regionaam = dict(zip(frames[2017]["wmo_code"], frames[2017]["wmo_regio"], strict=True))
    uit = []
    for code, rij in toewijzing.iterrows():
        if rij.aandeel >= DREMPEL_OVERLAP:
            continue
        bronnen = herindeling[herindeling["gemeente_code_2025"] == code]
        anders = [
            f"{n} ({regionaam[regio_2017[c]]})"
            for c, n in zip(bronnen["gemeente_code_2017"], bronnen["gemeente_naam_2017"], strict=True)
            if regio_2017[c] != rij.rechts
        ]
        oorzaak = ("herindeling met " + ", ".join(anders)) if anders else "verschil in generalisatie 2017/2025"
        uit.append((code, namen[code], regionaam[rij.rechts], round(float(rij.aandeel), 4), oorzaak))
    return uit


def _wmo_namen(wmo_tabel: pd.DataFrame, wmo_code: dict[str, str]) -> pd.DataFrame:
    """Further spellings per Wmo-region: the region table's own, and the CBS jeugdregio names mapped to one region."""
    rijen = []
    for jz_naam, naam in zip(wmo_tabel["jeugdregio_naam"], wmo_tabel["wmo_regio"], strict=True):
        if naam:
            code = wmo_code[sleutel(naam)]
            rijen += [(code, naam, "wmo_regio_2017.csv"), (code, jz_naam, "CBS jeugdregio 2017")]
    return pd.DataFrame(rijen, columns=["wmo_code", "naam", "herkomst"])


class _Schrijver:
    """Writes files into the target folder with fixed formats and records their names in the report."""

    def __init__(self, doel: Path, verslag: Verslag):
        self.doel, self.verslag = doel, verslag

    def parquet(self, naam: str, gdf: gpd.GeoDataFrame) -> None:
        """GeoParquet in EPSG:4326, index 0..n-1 not stored."""
        gdf = gdf.reset_index(drop=True)
        if gdf.crs is None or gdf.crs.to_epsg() != 4326:
            raise ValueError(f"{naam}: laag moet in EPSG:4326 staan, niet {gdf.crs}")
        gdf.to_parquet(self.doel / f"{naam}.parquet", index=False)
        self.verslag.bestanden.append(f"{naam}.parquet")

    def csv(self, naam: str, tabel: pd.DataFrame) -> None:
        """UTF-8 CSV, ',' separated, '\\n' line ends; areas with 3 and shares with 4 decimals."""
        uit = tabel.copy()
        for kolom, decimalen in (("oppervlakte_km2", 3), ("aandeel", 4)):
            if kolom in uit.columns:
                uit[kolom] = uit[kolom].map(lambda x, d=decimalen: f"{x:.{d}f}")
        uit.to_csv(self.doel / f"{naam}.csv", index=False, encoding="utf-8", lineterminator="\n")
        self.verslag.bestanden.append(f"{naam}.csv")


def _bronnen(
    verslag: Verslag,
    frames: dict[int, gpd.GeoDataFrame],
    herindeling: pd.DataFrame,
    concessies: pd.DataFrame,
    rapport: Path,
) -> str:
    """The text of ``BRONNEN.md``: sources, licence, derivation rules and the build's own figures."""
    regels = [
        "# Bronnen en afleiding van `data/geo/`",
        "",
        "Alles in deze map is gemaakt door `python -m geo_bouw.build_geo` (zie onderaan) en niet met de hand bewerkt.",
        "",
        "## Bronnen",
        "",
        "| bron | jaar | licentie | gebruikt voor |",
        "|---|---|---|---|",
        "| CBS gebiedsindelingen (CBS/PDOK), gegeneraliseerd met mapshaper door het project cartomap "
        "(`cartomap/nl`, map `wgs84/`), TopoJSON | 2017, 2025 | CC-BY 4.0, © CBS / PDOK | gemeenten, "
        "provincies, jeugdregio's (2017), zorgkantoorregio's |",
        f"| AEF, *Samenwerking zorgverzekeraars en gemeenten* (2017), hoofdstuk II.1 (`{rapport.name}`) | 2017 | "
        "openbaar rapport | namen en nummering van de Wmo-regio's |",
        "| `wmo_regio_2017.csv`, `wmo_regio_2017_uitzonderingen.csv` | 2017 | afgeleid van de CBS-indeling en het "
        "rapport | jeugdregio -> Wmo-regio, gesplitste regio's |",
        "| `zorgkantoor_concessies.csv`: aanwijzing zorgkantoren 2014 (regeling BWBR0034132, bijlage 1), merk "
        "doorgetrokken; bevestigd door het inkoopbeleid Wlz 2021-2023 van Zilveren Kruis | 2017, 2025 | "
        "openbare regelgeving en publicaties | concessiehouder per zorgkantoorregio |",
        "",
        "Naamsvermelding bij kaarten: *Bron grenzen: CBS/PDOK (CC-BY 4.0), bewerkt.*",
        "",
        "## Geometrie",
        "",
        "- De grenzen zijn de generalisatie van de bron (mapshaper, cartomap); er is niet verder vereenvoudigd. "
        "De kaartweergave vereenvoudigt zelf voor de browser.",
        "- De TopoJSON-bestanden hebben geen CRS: EPSG:4326 (WGS84) is expliciet gezet. Opslag in EPSG:4326.",
        "- Ongeldige bronvlakken (zelfdoorsnijdingen bij Westervoort en Hulst 2017, Schouwen-Duiveland 2025 en "
        "Zeeland 2025) zijn hersteld met `make_valid` en op een raster van 1e-9 graad gelegd; alleen de vlakdelen "
        "zijn bewaard (oppervlakte gelijk) en de buren zijn erop gesnapt, zodat de gemeenten een sluitende "
        "bedekking vormen (gedeelde grenzen met dezelfde hoekpunten, geen gaten of overlappingen).",
        "- Oppervlakten en overlays zijn berekend in EPSG:28992 (RD New), oppervlakte in km² op 0,001 afgerond.",
        "- Alle regiolagen (Wmo-regio's, kernwerkgebieden, zorgkantoorregio's, provincies) zijn het samenvoegsel "
        "(dissolve) van hun gemeenten van hetzelfde jaar, zodat alle grenzen precies op gemeentegrenzen liggen. "
        "De CBS-regiolagen zijn apart gegeneraliseerd en dienen alleen om gemeenten toe te wijzen.",
        "",
        "## Afleiding per laag",
        "",
        "- **Gemeenten 2017 en 2025** (`gemeenten_<jaar>.parquet`): CBS-code, naam, oppervlakte. Provincie en "
        "zorgkantoorregio via het representatieve punt van de gemeente (ligt altijd binnen de gemeente, anders dan "
        "het zwaartepunt) in de CBS-laag van hetzelfde jaar.",
        "- **Wmo-regio's 2017**: de 43 regio's met de spelling en nummering van hoofdstuk II.1 van het rapport "
        "(`wmo_code` = `WMO` + nummer). Elke gemeente van 2017 krijgt via haar representatieve punt haar CBS-"
        "jeugdregio en daarmee de Wmo-regio uit `wmo_regio_2017.csv`; daarna gaan de gemeenten van de gesplitste "
        "regio's (Drechtsteden, Alblasserwaard-Vijfheerenlanden, Hoeksche Waard, Peelregio) naar de regio uit "
        "`wmo_regio_2017_uitzonderingen.csv`. Andere spellingen (zoals `Regio Alkmaar / Noord-Kennemerland`) en "
        "de CBS-jeugdregionamen staan als alias in `naam_aliassen.csv`.",
        "- **Wmo-regio's 2025**: elke gemeente van 2025 krijgt de Wmo-regio (2017) waarmee zij de grootste "
        "oppervlakte deelt (overlay in EPSG:28992; aandeel = gedeelde oppervlakte / door de regio's van 2017 "
        "bedekte oppervlakte van de gemeente, zodat verschillen in generalisatie langs kust en meren niet "
        f"meetellen). Gemeenten met minder dan {DREMPEL_OVERLAP:.0%} overlap met hun regio, met de oorzaak "
        "(gemeenten van 2017 uit een andere Wmo-regio die volgens de herindeling in haar opgingen):",
        "",
    ]
    if verslag.lage_overlap:
        regels += ["| gemeente 2025 | naam | Wmo-regio | overlap | oorzaak |", "|---|---|---|---|---|"]
        regels += [f"| {c} | {n} | {r} | {a:.1%} | {o} |" for c, n, r, a, o in verslag.lage_overlap]
    else:
        regels.append("(geen)")
    regels += [
        "",
        "- **Herindeling 2017 -> 2025** (`herindeling_2017_2025.csv`): per gemeente van 2017 de gemeente(n) van "
        "2025 waarin zij ligt, met het aandeel van haar oppervlakte (som 1 per gemeente van 2017, 4 decimalen). "
        "Een gemeente die haar CBS-code houdt, bestaat voort (eventueel vergroot) en krijgt alleen zichzelf met "
        "aandeel 1: de generalisaties van 2017 en 2025 wijken langs gewone grenzen tot enkele honderden meters af, "
        "waardoor een kale overlay ongewijzigde gemeenten met aandelen tot zo'n 20% aan hun buren koppelt. Een "
        "opgeheven gemeente (code bestaat niet meer in 2025) is in EPSG:28992 over de gemeenten van 2025 gelegd; "
        f"stukken kleiner dan {DREMPEL_DEEL:.0%} van de overlapte oppervlakte zijn splinters van de verschillende "
        "generalisaties en vervallen, de overige aandelen zijn genormaliseerd op de overlapte oppervlakte "
        "(kust en meren zijn in beide jaren verschillend gegeneraliseerd).",
        "- **Kernwerkgebieden**: het rapport definieert het kernwerkgebied als de regio waar de verzekeraar het "
        "grootste marktaandeel heeft. Marktaandelen per gemeente zijn geen open data; daarom is het kernwerkgebied "
        f"hier benaderd als **{kernwerkgebied.LABEL_BENADERING}**: elke gemeente krijgt de concessiehouder "
        "(zorgkantoor) van haar zorgkantoorregio in dat jaar, genormaliseerd naar de verzekeraarsnamen van "
        "`classify/vocab.py` (Salland -> Eno (Salland)); per verzekeraar samengevoegd. Met "
        "`--marktaandelen BESTAND` (kolommen `gemeente_code, verzekeraar, aandeel`, aandeel als fractie of "
        "procent) wordt het kernwerkgebied per gemeente de verzekeraar met het grootste aandeel (gelijkspel: "
        "eerste in de vaste volgorde van de verzekeraars).",
    ]
    for jaar in sorted(verslag.kernwerkgebied_bepaling):
        regels.append(f"  - {jaar}: {verslag.kernwerkgebied_bepaling[jaar]}")
    regels += [
        f"  - De benadering is niet wat het rapport telt. Het rapport ({kernwerkgebieden.RAPPORT}) noemt zelf het "
        "aantal gemeenten in twee kernwerkgebieden; hier naast de telling van de benadering:",
        "",
        "    | verzekeraar | rapport | " + " | ".join(f"benadering {jaar}" for jaar in sorted(frames)) + " | citaat |",
        "    |---|---|" + "---|" * len(frames) + "---|",
    ]
    for cijfer in kernwerkgebieden.RAPPORT_AANTALLEN:
        tellingen = [int((frames[jaar]["kernwerkgebied"] == cijfer.verzekeraar).sum()) for jaar in sorted(frames)]
        regels.append(
            f"    | {cijfer.verzekeraar} | {cijfer.aantal_gemeenten} | "
            + " | ".join(map(str, tellingen))
            + f' | "{cijfer.citaat}" (`{cijfer.bron}`) |'
        )
    regels.append("")
    regels += [
        "- **Zorgkantoorregio's** (`zorgkantoorregios_<jaar>.parquet`): met concessiehouder, `zekerheid` en `bron` "
        "uit `zorgkantoor_concessies.csv`.",
        "- **Provincies 2017 en 2025** (context): Friesland heet in 2025 Fryslân.",
        "",
        "## Bestanden",
        "",
        "| bestand | inhoud |",
        "|---|---|",
        "| `gemeenten_<jaar>.parquet` | " + ", ".join(GEMEENTE_KOLOMMEN) + " |",
        "| `wmo_regios_<jaar>.parquet` | wmo_code, wmo_regio, aantal_gemeenten, oppervlakte_km2, geometry |",
        "| `kernwerkgebieden_<jaar>.parquet` | verzekeraar, aantal_gemeenten, oppervlakte_km2, bepaling, geometry |",
        "| `zorgkantoorregios_<jaar>.parquet` | zorgkantoorregio_code, zorgkantoorregio, verzekeraar, zekerheid, "
        "bron, aantal_gemeenten, oppervlakte_km2, geometry |",
        "| `provincies_<jaar>.parquet` | provincie_code, provincie_naam, aantal_gemeenten, oppervlakte_km2, geometry |",
        "| `gemeente_wmo_regio_<jaar>.csv` | gemeente_code, gemeente_naam, wmo_regio |",
        "| `gemeente_kernwerkgebied_<jaar>.csv` | gemeente_code, gemeente_naam, zorgkantoorregio, verzekeraar |",
        "| `herindeling_2017_2025.csv` | gemeente_code_2017, gemeente_naam_2017, gemeente_code_2025, "
        "gemeente_naam_2025, aandeel |",
        "| `wmo_regios.csv` | wmo_code, wmo_regio |",
        "| `naam_aliassen.csv` | soort, jaar, code, naam, herkomst: officiële namen en aliassen voor het zoeken |",
        "",
        "CSV: UTF-8, komma als scheidingsteken, punt als decimaalteken (Excel: *Gegevens > Van tekst/CSV*).",
        "",
        "## Kengetallen",
        "",
        "| | 2017 | 2025 |",
        "|---|---|---|",
    ]
    for naam, kolom in (
        ("gemeenten", "gemeente_code"),
        ("Wmo-regio's", "wmo_code"),
        ("provincies", "provincie_code"),
        ("zorgkantoorregio's", "zorgkantoorregio_code"),
        ("kernwerkgebieden (verzekeraars)", "kernwerkgebied"),
    ):
        regels.append(f"| {naam} | {frames[2017][kolom].nunique()} | {frames[2025][kolom].nunique()} |")
    regels.append(
        f"| oppervlakte gemeenten (km²) | {frames[2017]['oppervlakte_km2'].sum():,.0f} | "
        f"{frames[2025]['oppervlakte_km2'].sum():,.0f} |".replace(",", ".")
    )
    regels += [
        "",
        f"Herindeling: {len(herindeling)} paren; {herindeling.groupby('gemeente_code_2017').size().gt(1).sum()} "
        "gemeenten van 2017 liggen in meer dan één gemeente van 2025. Zorgkantoorregio's waarvan de concessiehouder "
        "met zekerheid lager dan 'hoog' bekend is: "
        f"{', '.join(concessies.loc[concessies['zekerheid'] != 'hoog', 'zorgkantoorregio'])}.",
        "",
        "## Opnieuw bouwen",
        "",
        "```bash",
        "python -m geo_bouw.build_geo --bron ../shared/geo            # standaard: ../shared/geo -> data/geo",
        "python -m geo_bouw.build_geo --marktaandelen marktaandelen.csv --marktaandelen-jaar 2025",
        "```",
        "",
        "Twee bouwrondes op dezelfde bronnen geven dezelfde inhoud (rijen op code gesorteerd, vaste afronding).",
        "",
    ]
    return "\n".join(regels)


def main(argv: list[str] | None = None) -> int:
    """Command line: build ``data/geo/`` and print counts and the 2025 municipalities with weak overlap."""
    parser = argparse.ArgumentParser(prog="python -m geo_bouw.build_geo", description=__doc__.splitlines()[0])
    parser.add_argument("--bron", type=Path, default=STANDAARD_BRON, help="map met raw/*.topojson en tabellen")
    parser.add_argument("--doel", type=Path, default=STANDAARD_DOEL, help="uitvoermap (standaard data/geo)")
    parser.add_argument("--rapport", type=Path, default=None, help="AEF-rapport (tekst) met de Wmo-regio's")
    parser.add_argument(
        "--marktaandelen",
        type=Path,
        default=None,
        help="tabel gemeente_code,verzekeraar,aandeel; kernwerkgebied = grootste aandeel",
    )
    parser.add_argument(
        "--marktaandelen-jaar",
        type=int,
        choices=JAREN,
        default=2025,
        help="indelingsjaar van de gemeentecodes in --marktaandelen",
    )
    parser.add_argument(
        "--schaal",
        choices=kernwerkgebied.SCHALEN,
        default=None,
        help="aandelen als fractie of procent (standaard: afgeleid)",
    )
    args = parser.parse_args(argv)
    verslag = bouw(args.bron, args.doel, args.rapport, args.marktaandelen, args.marktaandelen_jaar, args.schaal)
    print(f"geschreven naar {args.doel}: {len(verslag.bestanden)} bestanden")
    print(", ".join(f"{k}={v}" for k, v in verslag.aantallen.items()))
    print(f"gemeenten 2025 met minder dan {DREMPEL_OVERLAP:.0%} overlap met hun Wmo-regio: {len(verslag.lage_overlap)}")
    for code, naam, regio, aandeel, oorzaak in verslag.lage_overlap:
        print(f"  {code} {naam}: {regio} ({aandeel:.1%}); {oorzaak}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
