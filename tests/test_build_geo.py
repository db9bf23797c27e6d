import shutil
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest

from geo_bouw import build_geo, geobron
from geo_bouw.geobewerking import CRS_REKEN

BRON = build_geo.STANDAARD_BRON
GECOMMIT = build_geo.STANDAARD_DOEL

pytestmark = pytest.mark.skipif(
    not (BRON / "raw").is_dir(),
    reason=f"brongegevens {BRON} ontbreken (../shared/geo); de meegeleverde data/geo wordt getest in test_geodata.py",
)


@pytest.fixture(scope="module")
def bouwsels(tmp_path_factory):
    """Two independent builds from the same sources, with their reports."""
    uit = []
    for naam in ("eerste", "tweede"):
        doel = tmp_path_factory.mktemp(naam)
        uit.append((doel, build_geo.bouw(BRON, doel)))
    return uit


def _bestanden(map_: Path) -> list[str]:
    return sorted(p.name for p in map_.iterdir())


def test_two_builds_give_identical_content(bouwsels):
    (a, _), (b, _) = bouwsels
    assert _bestanden(a) == _bestanden(b)
    for naam in _bestanden(a):
        if naam.endswith(".parquet"):
            pd.testing.assert_frame_equal(gpd.read_parquet(a / naam), gpd.read_parquet(b / naam))
        else:
            assert (a / naam).read_bytes() == (b / naam).read_bytes(), naam


def test_committed_data_is_up_to_date(bouwsels):
    doel, _ = bouwsels[0]
    assert _bestanden(doel) == sorted(p.name for p in GECOMMIT.iterdir() if p.is_file())
    for naam in _bestanden(doel):
        if naam.endswith(".parquet"):
            pd.testing.assert_frame_equal(gpd.read_parquet(doel / naam), gpd.read_parquet(GECOMMIT / naam))
        else:
            assert (doel / naam).read_text(encoding="utf-8") == (GECOMMIT / naam).read_text(encoding="utf-8"), naam


def test_report_counts(bouwsels):
    _, verslag = bouwsels[0]
    assert verslag.aantallen == {
        "gemeenten_2017": 388,
        "provincies_2017": 12,
        "wmo_regios_2017": 43,
        "gemeenten_2025": 342,
        "provincies_2025": 12,
        "wmo_regios_2025": 43,
        "wmo_regios": 43,
    }


def test_weak_overlaps_are_recomputed_and_documented(bouwsels):
    doel, verslag = bouwsels[0]
    gemeenten = gpd.read_parquet(doel / "gemeenten_2025.parquet").to_crs(CRS_REKEN)
    regios = gpd.read_parquet(doel / "wmo_regios_2017.parquet").to_crs(CRS_REKEN)
    stukken = gpd.overlay(
        gemeenten[["gemeente_code", "wmo_code", "geometry"]],
        regios[["wmo_code", "geometry"]].rename(columns={"wmo_code": "regio"}),
        how="intersection",
        keep_geom_type=True,
    )
    stukken["km2"] = stukken.area / 1e6
    eigen = stukken[stukken["wmo_code"] == stukken["regio"]].groupby("gemeente_code")["km2"].sum()
    aandeel = (eigen / stukken.groupby("gemeente_code")["km2"].sum()).fillna(0)
    laag = sorted(aandeel[aandeel < build_geo.DREMPEL_OVERLAP].index)
    assert [code for code, *_ in verslag.lage_overlap] == laag
    bronnen = (doel / "BRONNEN.md").read_text(encoding="utf-8")
    for code, naam, regio, waarde, oorzaak in verslag.lage_overlap:
        assert waarde == pytest.approx(aandeel[code], abs=1e-4)
        assert f"| {code} | {naam} | {regio} | {waarde:.1%} | {oorzaak} |" in bronnen


def test_bronnen_names_source_licence_and_proxy(bouwsels):
    bronnen = (bouwsels[0][0] / "BRONNEN.md").read_text(encoding="utf-8")
    for tekst in (
        "CC-BY 4.0",
        "CBS",
        "PDOK",
        "2017",
        "2025",
        "EPSG:28992",
        "kernwerkgebied (benadering: zorgkantoorregio)",
        "python -m geo_bouw.build_geo",
    ):
        assert tekst in bronnen


def test_main_prints_the_weak_overlaps(tmp_path, capsys, bouwsels):
    assert build_geo.main(["--bron", str(BRON), "--doel", str(tmp_path)]) == 0
    uitvoer = capsys.readouterr().out
    for code, naam, *_ in bouwsels[0][1].lage_overlap:
        assert f"{code} {naam}" in uitvoer


def test_report_list_parsed_from_section_ii1():
    regios = geobron.lees_rapport_wmo_regios(BRON.parent / "seeds" / geobron.RAPPORT_BESTAND)
    assert len(regios) == 43
    assert regios.iloc[26].tolist() == ["WMO27", "Regio Alkmaar / Noord - Kennemerland"]
    assert regios.iloc[-1].tolist() == ["WMO43", "Zuid-Limburg"]


def test_market_shares_replace_the_proxy_of_one_year(tmp_path, bouwsels):
    gemeenten = gpd.read_parquet(bouwsels[0][0] / "gemeenten_2025.parquet")
    # Every municipality gets Menzis as largest insurer except those in province Limburg (CZ).
    limburg = gemeenten["provincie_naam"] == "Limburg"
    rijen = []
    for code, in_limburg in zip(gemeenten["gemeente_code"], limburg, strict=True):
        rijen += [(code, "CZ", 55 if in_limburg else 20), (code, "Menzis", 30 if in_limburg else 60)]
    pad = tmp_path / "marktaandelen.csv"
    pd.DataFrame(rijen, columns=["gemeente_code", "verzekeraar", "aandeel"]).to_csv(pad, index=False)
    doel = tmp_path / "geo"
    verslag = build_geo.bouw(BRON, doel, marktaandelen=pad, marktaandelen_jaar=2025)
    assert verslag.kernwerkgebied_bepaling == {
        2017: "kernwerkgebied (benadering: zorgkantoorregio)",
        2025: "kernwerkgebied (grootste marktaandeel)",
    }
    tabel = pd.read_csv(doel / "gemeente_kernwerkgebied_2025.csv")
    assert tabel["verzekeraar"].tolist() == ["CZ" if x else "Menzis" for x in limburg]
    kern = gpd.read_parquet(doel / "kernwerkgebieden_2025.parquet")
    assert dict(zip(kern["verzekeraar"], kern["aantal_gemeenten"], strict=True)) == {
        "CZ": limburg.sum(),
        "Menzis": (~limburg).sum(),
    }
    assert set(kern["bepaling"]) == {"kernwerkgebied (grootste marktaandeel)"}
    pd.testing.assert_frame_equal(
        gpd.read_parquet(doel / "kernwerkgebieden_2017.parquet"),
        gpd.read_parquet(bouwsels[0][0] / "kernwerkgebieden_2017.parquet"),
    )


def _kopie_bron(tmp_path: Path) -> Path:
    """A writable copy of the CSV tables with the raw layers linked, and the report next to it."""
    bron = tmp_path / "geo"
    bron.mkdir()
    (bron / "raw").symlink_to(BRON / "raw")
    for pad in BRON.glob("*.csv"):
        shutil.copy(pad, bron / pad.name)
    (tmp_path / "seeds").mkdir()
    shutil.copy(BRON.parent / "seeds" / geobron.RAPPORT_BESTAND, tmp_path / "seeds" / geobron.RAPPORT_BESTAND)
    return bron


def test_unknown_region_spelling_names_file_row_and_field(tmp_path):
    bron = _kopie_bron(tmp_path)
    pad = bron / "wmo_regio_2017_uitzonderingen.csv"
    pad.write_text(pad.read_text(encoding="utf-8").replace("Hoeksche Waard", "Hoekse Waard", 1), encoding="utf-8")
    with pytest.raises(
        geobron.OngeldigeBron,
        match=r"uitzonderingen\.csv: rij 14, veld 'wmo_regio': 'Hoekse Waard' "
        r"staat niet in de lijst van het rapport",
    ):
        build_geo.bouw(bron, tmp_path / "uit")


def test_unknown_municipality_in_exceptions(tmp_path):
    bron = _kopie_bron(tmp_path)
    pad = bron / "wmo_regio_2017_uitzonderingen.csv"
    pad.write_text(pad.read_text(encoding="utf-8").replace("Dordrecht", "Dordt"), encoding="utf-8")
    with pytest.raises(geobron.OngeldigeBron, match=r"rij 3, veld 'gemeente_naam_2017': 'Dordt' is geen gemeente"):
        build_geo.bouw(bron, tmp_path / "uit")


def test_missing_exception_leaves_a_municipality_without_region(tmp_path):
    bron = _kopie_bron(tmp_path)
    pad = bron / "wmo_regio_2017_uitzonderingen.csv"
    regels = pad.read_text(encoding="utf-8").splitlines(keepends=True)
    pad.write_text("".join(r for r in regels if not r.startswith("Strijen,")), encoding="utf-8")
    with pytest.raises(geobron.OngeldigeBron, match=r"geen Wmo-regio voor gemeente\(n\) Strijen"):
        build_geo.bouw(bron, tmp_path / "uit")


def test_unknown_insurer_in_concessions(tmp_path):
    bron = _kopie_bron(tmp_path)
    pad = bron / "zorgkantoor_concessies.csv"
    pad.write_text(
        pad.read_text(encoding="utf-8").replace(
            "ZK33,Westland Schieland Delfland,DSW", "ZK33,Westland Schieland Delfland,Acme"
        ),
        encoding="utf-8",
    )
    with pytest.raises(
        geobron.OngeldigeBron,
        match=r"concessies\.csv: rij 32, veld 'concessiehouder_2017': "
        r"'Acme' is geen bekende zorgverzekeraar",
    ):
        build_geo.bouw(bron, tmp_path / "uit")


def test_report_without_the_region_list(tmp_path):
    pad = tmp_path / "rapport.txt"
    pad.write_text("# Inleiding\n\nGeen lijst hier.\n", encoding="utf-8")
    with pytest.raises(geobron.OngeldigeBron, match=r"kop '1\. Overzicht van de Wmo-regio's' niet gevonden"):
        geobron.lees_rapport_wmo_regios(pad)
    pad.write_text("# 1. Overzicht van de Wmo-regio's\n| 1. Achterhoek | 3. Drenthe |\n", encoding="utf-8")
    with pytest.raises(geobron.OngeldigeBron, match=r"niet 1\.\.n: \[1, 3\]"):
        geobron.lees_rapport_wmo_regios(pad)
