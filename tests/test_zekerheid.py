"""The pure helpers of classify.zekerheid on links from projectdb.bereik."""

import pandas as pd

from classify import zekerheid
from geo import geodata
from projectdb import bereik, gebied


def _projecten() -> pd.DataFrame:
    leden = sorted(geodata.wmo_leden(2017)[geodata.zoek_wmo_regio("Zuid-Limburg")])
    return pd.DataFrame(
        {
            "project_id": ["P001", "P002"],
            "gebied": ["wmo:Zuid-Limburg", f"wmo:Zuid-Limburg;{leden[0]}"],
            "indeling_jaar": [2017, 2017],
            "gebied_precisie": ["volledig", "deel"],
            "aantal_gemeenten_bron": ["", "4"],
        }
    ), leden


def test_a_deel_area_is_possible_except_the_municipalities_it_names():
    projecten, leden = _projecten()
    paren = bereik.koppeling_zekerheid(projecten, 2017)
    assert paren[["project_id", "gemeente_code"]].equals(gebied.koppeling(projecten, 2017))
    per_project = paren.groupby(["project_id", "zekerheid"])["gemeente_code"].apply(set)
    assert per_project["P001", "zeker"] == set(leden)
    assert per_project["P002", "zeker"] == {leden[0]}
    assert per_project["P002", "mogelijk"] == set(leden[1:])
    assert set(zekerheid.alleen_zeker(paren)["project_id"]) == {"P001", "P002"}
    assert len(zekerheid.alleen_zeker(paren)) == len(leden) + 1


def test_deel_bereik_gives_the_sources_number_and_the_size_of_the_area():
    projecten, leden = _projecten()
    tabel = zekerheid.deel_bereik(projecten, bereik.koppeling_zekerheid(projecten, 2017))
    assert tabel.values.tolist() == [["P002", 4, len(leden)]]
