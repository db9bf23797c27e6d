"""Gebied tokens -> municipalities, name normalisation and the project -> municipality link in both years."""

from __future__ import annotations

import pandas as pd
import pytest

from geo import geodata
from projectdb import gebied


def test_tokens_klappen_uit_naar_gemeenten():
    assert gebied.gemeenten_van_token("GM0014", 2017) == {"GM0014"}
    leden = geodata.wmo_leden(2017)[geodata.zoek_wmo_regio("Zuid-Limburg")]
    assert gebied.gemeenten_van_token("wmo:Zuid-Limburg", 2017) == leden
    frame = geodata.gemeenten(2025)
    assert gebied.gemeenten_van_token("provincie:Zeeland", 2025) == set(
        frame.loc[frame["provincie_naam"] == "Zeeland", "gemeente_code"]
    )
    assert gebied.gemeenten_van_token("kernwerkgebied:CZ", 2025) == set(
        frame.loc[frame["kernwerkgebied"] == "CZ", "gemeente_code"]
    )
    code = frame["zorgkantoorregio_code"].iloc[0]
    assert gebied.gemeenten_van_token(f"zorgkantoorregio:{code}", 2025) == set(
        frame.loc[frame["zorgkantoorregio_code"] == code, "gemeente_code"]
    )
    assert gebied.gemeenten_van_gebied("GM0014;wmo:Zuid-Limburg", 2017) == leden | {"GM0014"}


@pytest.mark.parametrize(
    "token, jaar, melding",
    [
        ("GM1979", 2017, "gebied 'GM1979': GM1979 is geen gemeente van 2017"),
        ("wmo:Atlantis", 2017, "gebied 'wmo:Atlantis': onbekende Wmo-regio"),
        ("kernwerkgebied:ONVZ", 2017, "gebied 'kernwerkgebied:ONVZ': ONVZ heeft in 2017 geen kernwerkgebied"),
        ("Groningen", 2017, "gebied 'Groningen': geen geldig token"),
    ],
)
def test_fouten_noemen_het_token(token, jaar, melding):
    with pytest.raises(gebied.GebiedFout, match=melding):
        gebied.gemeenten_van_token(token, jaar)


@pytest.mark.parametrize(
    "tekst, token",
    [
        ("Den Haag", "GM0518"),
        ("'s-Gravenhage", "GM0518"),
        ("gm0014", "GM0014"),
        ("FoodValley", "wmo:FoodValley"),
        ("wmo:Regio Alkmaar / Noord-Kennemerland", "wmo:Regio Alkmaar / Noord - Kennemerland"),
        ("Provincie: Fryslân", "provincie:Friesland"),
        ("kernwerkgebied:Eno", "kernwerkgebied:Eno (Salland)"),
        ("zorgkantoorregio:zk09", "zorgkantoorregio:ZK09"),
    ],
)
def test_namen_worden_vaste_tokens(tekst, token):
    assert gebied.normaliseer_token(tekst, 2017)[0] == token


def test_koppeling_in_eigen_en_ander_jaar():
    projecten = pd.DataFrame(
        {"project_id": ["P001", "P002"], "gebied": ["GM0003", ("GM1979",)], "indeling_jaar": [2017, 2025]}
    )
    eigen = gebied.koppeling(projecten, 2017)
    assert list(eigen.columns) == ["project_id", "gemeente_code"]
    herindeling = geodata.herindeling()
    opvolgers = set(herindeling.loc[herindeling["gemeente_code_2017"] == "GM0003", "gemeente_code_2025"])
    voorgangers = set(herindeling.loc[herindeling["gemeente_code_2025"] == "GM1979", "gemeente_code_2017"])
    assert set(eigen.query("project_id == 'P001'")["gemeente_code"]) == {"GM0003"}
    assert set(eigen.query("project_id == 'P002'")["gemeente_code"]) == voorgangers
    later = gebied.koppeling(projecten, 2025)
    assert set(later.query("project_id == 'P001'")["gemeente_code"]) == opvolgers == {"GM1979"}
    assert set(later.query("project_id == 'P002'")["gemeente_code"]) == {"GM1979"}
    assert len(voorgangers) == 3


def test_koppeling_van_een_gesplitste_gemeente_raakt_alle_opvolgers():
    herindeling = geodata.herindeling()
    gesplitst = herindeling.groupby("gemeente_code_2017")["gemeente_code_2025"].nunique()
    code = gesplitst[gesplitst > 1].index[0]
    projecten = pd.DataFrame({"project_id": ["P001"], "gebied": [code], "indeling_jaar": [2017]})
    assert set(gebied.koppeling(projecten, 2025)["gemeente_code"]) == set(
        herindeling.loc[herindeling["gemeente_code_2017"] == code, "gemeente_code_2025"]
    )


def test_koppeling_noemt_project_en_token():
    projecten = pd.DataFrame({"project_id": ["P007"], "gebied": ["wmo:Atlantis"], "indeling_jaar": [2017]})
    with pytest.raises(gebied.GebiedFout, match=r"project P007: gebied 'wmo:Atlantis'"):
        gebied.koppeling(projecten, 2017)
    with pytest.raises(geodata.OnbekendJaar):
        gebied.koppeling(projecten, 2020)
