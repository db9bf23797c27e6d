import pandas as pd
import pytest

from geo_bouw import aliassen


def _laag(rijen):
    return pd.DataFrame(rijen, columns=["code", "naam"])


def _tabel(gemeenten_2017, gemeenten_2025):
    provincies = _laag([("PV21", "Friesland")])
    return aliassen.maak_aliastabel(
        {2017: _laag(gemeenten_2017), 2025: _laag(gemeenten_2025)},
        {2017: provincies, 2025: _laag([("PV21", "Fryslân")])},
        pd.DataFrame({"wmo_code": ["WMO21"], "wmo_regio": ["Midden-Kennemerland (IJmond)"]}),
        pd.DataFrame(
            {"wmo_code": ["WMO21"], "naam": ["IJmond (Midden Kennemerland)"], "herkomst": ["CBS jeugdregio 2017"]}
        ),
    )


def test_derived_forms():
    tabel = _tabel(
        [("GM0164", "Hengelo"), ("GM0373", "Bergen (NH.)"), ("GM0893", "Bergen (L.)")],
        [("GM0164", "Hengelo (O.)"), ("GM0518", "'s-Gravenhage")],
    )
    vormen = {(r.soort, r.jaar, r.naam): r.code for r in tabel.itertuples()}
    assert vormen[("gemeente", "2017", "Hengelo (O.)")] == "GM0164"
    assert vormen[("gemeente", "2025", "Hengelo")] == "GM0164"
    assert vormen[("gemeente", "2025", "Den Haag")] == "GM0518"
    assert vormen[("provincie", "2017", "Fryslân")] == "PV21"
    assert vormen[("wmo_regio", "", "Midden Kennemerland")] == "WMO21"
    bergen = tabel[(tabel["jaar"] == "2017") & (tabel["naam"] == "Bergen")]
    assert sorted(bergen["code"]) == ["GM0373", "GM0893"]


def test_alias_may_not_hide_an_official_name():
    with pytest.raises(
        ValueError,
        match=r"gemeente 2017: naam 'Bergen' \(GM9999\) botst met alias 'Bergen' van "
        r"GM0373 \(zonder toevoeging\)",
    ):
        _tabel([("GM0373", "Bergen (NH.)"), ("GM9999", "Bergen")], [("GM0373", "Bergen (NH.)")])
