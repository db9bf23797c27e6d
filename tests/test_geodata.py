import geopandas as gpd
import pandas as pd
import pytest
import shapely

from classify.vocab import VERZEKERAAR_NAMEN
from geo import geodata as g

AANTAL_GEMEENTEN = {2017: 388, 2025: 342}

LAGEN = {
    "wmo_regios": g.wmo_regios,
    "kernwerkgebieden": g.kernwerkgebieden,
    "zorgkantoorregios": g.zorgkantoorregios,
    "provincies": g.provincies,
}


@pytest.mark.parametrize("jaar", g.JAREN)
def test_counts_and_columns(jaar):
    gemeenten = g.gemeenten(jaar)
    assert len(gemeenten) == AANTAL_GEMEENTEN[jaar]
    assert list(gemeenten.columns) == [
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
    assert list(gemeenten.index) == list(range(len(gemeenten)))
    assert gemeenten["gemeente_code"].is_monotonic_increasing and gemeenten["gemeente_code"].is_unique
    assert gemeenten.drop(columns="geometry").notna().all().all()
    assert len(g.wmo_regios(jaar)) == 43
    assert len(g.provincies(jaar)) == 12
    assert gemeenten["provincie_code"].nunique() == 12
    assert len(g.zorgkantoorregios(jaar)) == gemeenten["zorgkantoorregio_code"].nunique()
    assert set(gemeenten["kernwerkgebied"]) <= set(VERZEKERAAR_NAMEN)


@pytest.mark.parametrize("jaar", g.JAREN)
@pytest.mark.parametrize("laag", ["gemeenten", *LAGEN])
def test_layers_are_valid_coverages_in_wgs84(jaar, laag):
    frame = g.gemeenten(jaar) if laag == "gemeenten" else LAGEN[laag](jaar)
    assert frame.crs.to_epsg() == 4326
    assert frame.is_valid.all()
    assert set(frame.geom_type) <= {"Polygon", "MultiPolygon"}
    assert shapely.coverage_is_valid(frame.geometry.values)


@pytest.mark.parametrize("jaar", g.JAREN)
def test_every_municipality_in_exactly_one_of_the_43_regions(jaar):
    tabel = g.gemeente_wmo_regio(jaar)
    assert list(tabel.columns) == ["gemeente_code", "gemeente_naam", "wmo_regio"]
    assert tabel["gemeente_code"].is_unique
    assert set(tabel["gemeente_code"]) == set(g.gemeenten(jaar)["gemeente_code"])
    assert set(tabel["wmo_regio"]) == set(g.wmo_regio_lijst()["wmo_regio"])
    gemeenten = g.gemeenten(jaar)
    assert tabel["wmo_regio"].tolist() == gemeenten["wmo_regio"].tolist()
    assert frozenset().union(*g.wmo_leden(jaar).values()) == set(gemeenten["gemeente_code"])
    assert sum(len(leden) for leden in g.wmo_leden(jaar).values()) == len(gemeenten)


@pytest.mark.parametrize("jaar", g.JAREN)
@pytest.mark.parametrize(
    ("laag", "sleutel"),
    [
        ("wmo_regios", "wmo_code"),
        ("kernwerkgebieden", "kernwerkgebied"),
        ("zorgkantoorregios", "zorgkantoorregio_code"),
        ("provincies", "provincie_code"),
    ],
)
def test_region_area_is_the_sum_of_its_members(jaar, laag, sleutel):
    regios = LAGEN[laag](jaar)
    kolom = {"kernwerkgebied": "verzekeraar"}.get(sleutel, sleutel)
    leden = g.gemeenten(jaar).groupby(sleutel).agg(som=("oppervlakte_km2", "sum"), aantal=("gemeente_code", "size"))
    vergelijk = regios.set_index(kolom).join(leden, how="outer")
    assert (vergelijk["aantal_gemeenten"] == vergelijk["aantal"]).all()
    assert ((vergelijk["oppervlakte_km2"] - vergelijk["som"]).abs() <= 0.001 * vergelijk["som"]).all()


def test_area_is_computed_in_rd_new():
    gemeenten = g.gemeenten(2025)
    rd = gemeenten.to_crs(28992).area / 1e6
    assert (rd - gemeenten["oppervlakte_km2"]).abs().max() < 0.001
    assert 34_000 < gemeenten["oppervlakte_km2"].sum() < 36_000


@pytest.mark.parametrize("jaar", g.JAREN)
@pytest.mark.parametrize(
    ("gemeente", "regio"),
    [
        ("Groningen", "Groningen"),
        ("Oldambt", "Groningen"),
        ("Den Haag", "Stadsregio Haaglanden"),
        ("Arnhem", "Regio Arnhem"),
        ("Enschede", "Twente"),
        ("Rotterdam", "Stadsregio Rijnmond"),
        ("Ede", "FoodValley"),
        ("Helmond", "Peelregio"),
        ("Dordrecht", "Drechtsteden"),
        ("Haarlemmermeer", "Haarlemmermeer"),
        ("Utrecht", "Utrecht Stad"),
        ("Alkmaar", "Regio Alkmaar / Noord - Kennemerland"),
    ],
)
def test_memberships_implied_by_the_report(jaar, gemeente, regio):
    code = g.zoek_gemeente(gemeente, jaar)
    wmo_code = g.wmo_indeling(jaar)[code]
    assert g.wmo_regio_naam(wmo_code) == regio


@pytest.mark.parametrize("jaar", g.JAREN)
@pytest.mark.parametrize(("regio", "gemeente"), [("Haarlemmermeer", "Haarlemmermeer"), ("Utrecht Stad", "Utrecht")])
def test_single_municipality_regions(jaar, regio, gemeente):
    assert g.wmo_leden(jaar)[g.zoek_wmo_regio(regio)] == {g.zoek_gemeente(gemeente, jaar)}


def test_split_regions_of_2017():
    tabel = g.gemeente_wmo_regio(2017).set_index("gemeente_naam")["wmo_regio"]
    assert tabel["Gorinchem"] == "Alblasserwaard-Vijfheerenlanden"
    assert tabel["Binnenmaas"] == "Hoeksche Waard"
    assert tabel["Eindhoven"] == "Zuid-Oost Brabant"
    assert tabel["Deurne"] == "Peelregio"


def test_report_numbering_and_spelling():
    lijst = g.wmo_regio_lijst()
    assert lijst["wmo_code"].tolist() == [f"WMO{i:02d}" for i in range(1, 44)]
    assert g.wmo_regio_naam("WMO01") == "Achterhoek"
    assert g.wmo_regio_naam("WMO27") == "Regio Alkmaar / Noord - Kennemerland"
    assert g.wmo_regio_naam("WMO43") == "Zuid-Limburg"
    with pytest.raises(g.OnbekendeNaam, match="onbekende Wmo-regiocode 'WMO44'"):
        g.wmo_regio_naam("WMO44")


def test_crosswalk_shares_sum_to_one_and_cover_both_years():
    tabel = g.herindeling()
    assert list(tabel.columns) == [
        "gemeente_code_2017",
        "gemeente_naam_2017",
        "gemeente_code_2025",
        "gemeente_naam_2025",
        "aandeel",
    ]
    assert set(tabel["gemeente_code_2017"]) == set(g.gemeenten(2017)["gemeente_code"])
    assert set(tabel["gemeente_code_2025"]) == set(g.gemeenten(2025)["gemeente_code"])
    sommen = tabel.groupby("gemeente_code_2017")["aandeel"].sum()
    assert ((sommen - 1).abs() <= 0.01).all()
    assert (tabel["aandeel"] > 0).all()
    assert not tabel.duplicated(["gemeente_code_2017", "gemeente_code_2025"]).any()


def test_crosswalk_follows_mergers_and_splits():
    tabel = g.herindeling()
    naar = tabel.groupby("gemeente_naam_2017")["gemeente_naam_2025"].apply(set)
    assert naar["Haren"] == {"Groningen"}
    assert naar["Weesp"] == {"Amsterdam"}
    assert naar["Vianen"] == {"Vijfheerenlanden"}
    assert naar["Haaren"] == {"Boxtel", "Oisterwijk", "Tilburg", "Vught"}
    assert naar["Amsterdam"] == {"Amsterdam"}
    haaren = tabel[tabel["gemeente_naam_2017"] == "Haaren"].set_index("gemeente_naam_2025")["aandeel"]
    assert haaren.idxmax() == "Vught"


@pytest.mark.parametrize("jaar", g.JAREN)
def test_kernwerkgebied_tables_match_the_layer(jaar):
    tabel = g.gemeente_kernwerkgebied(jaar)
    gemeenten = g.gemeenten(jaar)
    assert list(tabel.columns) == ["gemeente_code", "gemeente_naam", "zorgkantoorregio", "verzekeraar"]
    assert tabel["verzekeraar"].tolist() == gemeenten["kernwerkgebied"].tolist()
    assert tabel["zorgkantoorregio"].tolist() == gemeenten["zorgkantoorregio"].tolist()
    assert g.kernwerkgebied_label(jaar) == "kernwerkgebied (benadering: zorgkantoorregio)"
    zk = g.zorgkantoorregios(jaar).set_index("zorgkantoorregio_code")["verzekeraar"]
    assert (gemeenten["zorgkantoorregio_code"].map(zk) == gemeenten["kernwerkgebied"]).all()


def test_concession_holders_per_year():
    k2017 = g.gemeenten(2017).set_index("gemeente_naam")
    k2025 = g.gemeenten(2025).set_index("gemeente_naam")
    assert k2017.loc["Leeuwarden", "kernwerkgebied"] == "De Friesland"
    assert k2025.loc["Leeuwarden", "kernwerkgebied"] == "Zilveren Kruis"
    assert k2017.loc["Zwolle", "kernwerkgebied"] == "Zilveren Kruis"
    assert k2025.loc["Deventer", "kernwerkgebied"] == "Eno (Salland)"
    assert k2025.loc["Enschede", "kernwerkgebied"] == "Menzis"


@pytest.mark.parametrize(
    ("tekst", "jaar", "naam"),
    [
        ("Den Haag", 2017, "'s-Gravenhage"),
        ("'s-Gravenhage", 2025, "'s-Gravenhage"),
        ("s gravenhage", 2025, "'s-Gravenhage"),
        ("Den Bosch", 2025, "'s-Hertogenbosch"),
        ("Bergen (NH.)", 2017, "Bergen (NH.)"),
        ("bergen nh", 2025, "Bergen (NH.)"),
        ("Bergen (L.)", 2025, "Bergen (L.)"),
        ("Súdwest-Fryslân", 2017, "Súdwest-Fryslân"),
        ("Sudwest Fryslan", 2025, "Súdwest-Fryslân"),
        ("Noardeast-Fryslân", 2025, "Noardeast-Fryslân"),
        ("noardeast fryslan", 2025, "Noardeast-Fryslân"),
        ("Tietjerksteradeel", 2025, "Tytsjerksteradiel"),
        ("Hengelo (O.)", 2017, "Hengelo"),
        ("Hengelo", 2025, "Hengelo (O.)"),
        ("Beek", 2025, "Beek (L.)"),
        ("Nuenen", 2017, "Nuenen, Gerwen en Nederwetten"),
        ("GM0363", 2025, "Amsterdam"),
        ("gm0014", 2017, "Groningen"),
    ],
)
def test_municipality_names_resolve(tekst, jaar, naam):
    assert g.gemeente_naam(g.zoek_gemeente(tekst, jaar), jaar) == naam


@pytest.mark.parametrize("jaar", g.JAREN)
def test_plain_bergen_is_ambiguous(jaar):
    with pytest.raises(g.DubbelzinnigeNaam, match=r"'Bergen' is dubbelzinnig .*Bergen \(L\.\).*Bergen \(NH\.\)") as f:
        g.zoek_gemeente("Bergen", jaar)
    assert {naam for _, naam in f.value.kandidaten} == {"Bergen (L.)", "Bergen (NH.)"}


def test_unknown_names_come_with_suggestions():
    with pytest.raises(g.OnbekendeNaam, match=r"onbekende gemeente \(2025\): 'Amsterdm'.*bedoelde u: Amsterdam") as f:
        g.zoek_gemeente("Amsterdm", 2025)
    assert f.value.suggesties[0] == "Amsterdam"
    with pytest.raises(g.OnbekendeNaam, match=r"onbekende Wmo-regio: 'Twent'.*Twente"):
        g.zoek_wmo_regio("Twent")
    with pytest.raises(g.OnbekendeNaam, match=r"onbekende provincie \(2017\): 'Zeland'.*Zeeland"):
        g.zoek_provincie("Zeland", 2017)


def test_name_of_the_other_year_points_to_its_counterparts():
    with pytest.raises(g.OnbekendeNaam, match=r"Haren is een gemeente van 2017, in 2025 deel van: Groningen") as f:
        g.zoek_gemeente("Haren", 2025)
    assert f.value.suggesties[0] == "Groningen"
    with pytest.raises(
        g.OnbekendeNaam,
        match=r"Altena is een gemeente van 2025, ontstaan uit: Aalburg, Werkendam, "
        r"Woudrichem",
    ):
        g.zoek_gemeente("Altena", 2017)
    with pytest.raises(g.OnbekendeNaam, match=r"Haaren is een gemeente van 2017, in 2025 deel van: Boxtel, "):
        g.zoek_gemeente("GM0788", 2025)


@pytest.mark.parametrize("jaar", g.JAREN)
@pytest.mark.parametrize("tekst", ["Fryslân", "Friesland", "fryslan", "PV21"])
def test_province_friesland_both_spellings(jaar, tekst):
    assert g.zoek_provincie(tekst, jaar) == "PV21"


def test_province_names_per_year():
    for jaar, naam in ((2025, "Fryslân"), (2017, "Friesland")):
        provincies = g.provincies(jaar)
        assert dict(zip(provincies["provincie_code"], provincies["provincie_naam"], strict=True))["PV21"] == naam
    assert g.zoek_provincie("Noord Holland", 2025) == "PV27"
    assert g.gemeenten(2025).set_index("gemeente_naam").loc["Súdwest-Fryslân", "provincie_naam"] == "Fryslân"


@pytest.mark.parametrize(
    ("tekst", "code"),
    [
        ("Regio Alkmaar / Noord - Kennemerland", "WMO27"),
        ("Regio Alkmaar / Noord-Kennemerland", "WMO27"),
        ("Haaglanden", "WMO31"),
        ("Stadsregio Rijnmond", "WMO32"),
        ("Food Valley", "WMO08"),
        ("IJmond", "WMO21"),
        ("Gooi en Vechtstreek", "WMO10"),
        ("wmo43", "WMO43"),
        ("West Brabant Oost", "WMO36"),
    ],
)
def test_wmo_region_names_resolve(tekst, code):
    assert g.zoek_wmo_regio(tekst) == code


def test_unknown_year():
    with pytest.raises(g.OnbekendJaar, match="geen geodata voor jaar 2020"):
        g.gemeenten(2020)


def test_alias_table_contains_every_official_name():
    aliassen = g.naam_aliassen()
    assert list(aliassen.columns) == ["soort", "jaar", "code", "naam", "herkomst"]
    officieel = aliassen[(aliassen["soort"] == "gemeente") & (aliassen["herkomst"] == "CBS " + aliassen["jaar"])]
    assert len(officieel) == sum(AANTAL_GEMEENTEN.values())


def test_cached_layers_are_shared():
    g._laag.cache_clear()
    for jaar in g.JAREN:
        for laag in LAGEN.values():
            assert laag(jaar) is laag(jaar)
    assert g.gemeenten(2017) is g.gemeenten(2017)
    assert isinstance(g.gemeenten(2017), gpd.GeoDataFrame)
    assert isinstance(g.herindeling(), pd.DataFrame)
