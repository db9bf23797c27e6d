"""Certain and possible gemeenten per project, and the confidence of an insurer derived from a concession."""

from __future__ import annotations

import pandas as pd
import pytest

from classify import precisie
from geo import geodata
from projectdb import bereik, gebied, open_store

GRONINGEN, OLDAMBT = "GM0014", "GM1895"


def _project(**velden) -> dict:
    return {
        "project_id": "P100",
        "verzekeraars": ("CZ",),
        "gebied": "wmo:Zuid-Limburg",
        "indeling_jaar": 2017,
        "gebied_precisie": "volledig",
        "verzekeraar_herkomst": "bron",
        **velden,
    }


def test_volledig_gebied_is_zeker():
    zeker, mogelijk = bereik.bereik(_project())
    assert zeker == gebied.gemeenten_van_token("wmo:Zuid-Limburg", 2017) and not mogelijk


def test_deel_gebied_is_mogelijk_maar_genoemde_gemeenten_blijven_zeker():
    zeker, mogelijk = bereik.bereik(_project(gebied=f"{GRONINGEN};wmo:Groningen", gebied_precisie="deel"))
    assert zeker == {GRONINGEN}
    assert mogelijk == gebied.gemeenten_van_token("wmo:Groningen", 2017) - {GRONINGEN}


def test_zonder_precisiekolom_is_alles_volledig():
    record = _project()
    del record["gebied_precisie"]
    assert bereik.bereik(record) == bereik.bereik(_project())


def test_bereik_in_een_ander_weergavejaar_volgt_de_herindeling():
    zeker, _ = bereik.bereik(_project(gebied=OLDAMBT, gebied_precisie="deel"), 2025)
    assert zeker == gebied.herindeel({OLDAMBT}, 2017, 2025)


def test_koppeling_zekerheid_heeft_de_rijen_van_de_gewone_koppeling():
    projecten = pd.DataFrame(
        [_project(), _project(project_id="P101", gebied="kernwerkgebied:Menzis", gebied_precisie="deel")]
    )
    for jaar in geodata.JAREN:
        met = bereik.koppeling_zekerheid(projecten, jaar)
        pd.testing.assert_frame_equal(met[["project_id", "gemeente_code"]], gebied.koppeling(projecten, jaar))
        assert set(met.loc[met["project_id"] == "P101", "zekerheid"]) == {precisie.MOGELIJK}


def test_tel_gemeenten_telt_een_gemeente_die_ook_zeker_is_als_zeker():
    koppeling = pd.DataFrame(
        {
            "project_id": ["P1", "P2", "P2"],
            "gemeente_code": ["GM1", "GM1", "GM2"],
            "zekerheid": ["zeker", "mogelijk", "mogelijk"],
        }
    )
    assert precisie.tel_gemeenten(koppeling) == {"zeker": 1, "mogelijk": 1}
    assert precisie.tel_gemeenten(koppeling.iloc[:0]) == {"zeker": 0, "mogelijk": 0}


def test_zwakste_zekerheid():
    assert precisie.zwakste_zekerheid(["hoog", "middel", "middel-hoog"]) == "middel"
    assert precisie.zwakste_zekerheid(["hoog", "onleesbaar"]) == "onleesbaar"
    assert precisie.zwakste_zekerheid([]) is None


def test_concessiezekerheid_uit_de_concessietabel():
    projecten = pd.DataFrame(
        [
            _project(),
            _project(project_id="P101", verzekeraar_herkomst="concessie"),
            _project(
                project_id="P102",
                verzekeraars=("Zorg en Zekerheid",),
                gebied="GM0451",
                verzekeraar_herkomst="concessie",
            ),
        ]
    )
    uit = bereik.concessiezekerheid(projecten).set_index("project_id")
    regios = geodata.zorgkantoorregios(2017).set_index("zorgkantoorregio_code")
    assert uit.loc["P100", "zorgkantoorregio_codes"] == () and uit.loc["P100", "concessiezekerheid"] is None
    (zuid_limburg,) = uit.loc["P101", "zorgkantoorregio_codes"]
    assert uit.loc["P101", "concessiezekerheid"] == regios.loc[zuid_limburg, "zekerheid"]
    (amstelland,) = uit.loc["P102", "zorgkantoorregio_codes"]
    assert regios.loc[amstelland, "verzekeraar"] == "Zorg en Zekerheid"
    assert uit.loc["P102", "concessiezekerheid"] == regios.loc[amstelland, "zekerheid"]


def test_verzekeraars_tekst_zegt_wanneer_de_verzekeraar_is_afgeleid():
    assert bereik.verzekeraars_tekst(("VGZ", "CZ"), "bron", None) == "VGZ, CZ"
    tekst = bereik.verzekeraars_tekst(("CZ",), "concessie", "middel")
    assert tekst.startswith("CZ (afgeleid") and "zekerheid middel" in tekst


@pytest.fixture(scope="module")
def meegeleverd(tmp_path_factory):
    return open_store(tmp_path_factory.mktemp("db") / "s.sqlite").projecten()


def test_meegeleverde_projecten_zeker_en_mogelijk(meegeleverd):
    koppeling = bereik.koppeling_zekerheid(meegeleverd, 2017)
    telling = precisie.tel_gemeenten(koppeling)
    bereikt = gebied.koppeling(meegeleverd, 2017)["gemeente_code"].nunique()
    assert telling["zeker"] + telling["mogelijk"] == bereikt
    assert telling["mogelijk"] > 0 and telling["zeker"] < bereikt
    deel = meegeleverd[meegeleverd["gebied_precisie"] == "deel"]
    mogelijk = set(koppeling.loc[koppeling["zekerheid"] == "mogelijk", "project_id"])
    assert set(deel["project_id"]) == mogelijk  # every deel project names an area, not only gemeenten


def test_meegeleverde_afgeleide_verzekeraars_hebben_een_concessie(meegeleverd):
    uit = bereik.concessiezekerheid(meegeleverd)
    concessie = uit[uit["verzekeraar_herkomst"] == "concessie"]
    assert len(concessie) == (meegeleverd["verzekeraar_herkomst"] == "concessie").sum() > 0
    assert concessie["zorgkantoorregio_codes"].map(len).gt(0).all()
    assert concessie["concessiezekerheid"].isin(precisie.ZEKERHEDEN).all()


def test_hoe_bereikt_zegt_genoemd_gebied_of_mogelijk():
    maastricht = "GM0935"
    volledig = _project(gebied=f"{maastricht};wmo:Zuid-Limburg")
    assert bereik.hoe_bereikt(volledig, maastricht) == (bereik.GENOEMD, (maastricht,))
    assert bereik.hoe_bereikt(volledig, "GM0917") == (bereik.GEBIED, ("wmo:Zuid-Limburg",))
    deel = _project(gebied="wmo:Zuid-Limburg", gebied_precisie="deel")
    assert bereik.hoe_bereikt(deel, maastricht) == (precisie.MOGELIJK, ("wmo:Zuid-Limburg",))
    assert bereik.hoe_bereikt(volledig, GRONINGEN) == ("", ())


def test_hoe_bereikt_volgt_bereik_voor_elk_meegeleverd_project(meegeleverd):
    for jaar in geodata.JAREN:
        for record in meegeleverd.to_dict("records"):
            zeker, mogelijk = bereik.bereik(record, jaar)
            for code in sorted(zeker)[:5] + sorted(mogelijk)[:5]:
                soort, tokens = bereik.hoe_bereikt(record, code, jaar)
                assert tokens
                assert (soort in (bereik.GENOEMD, bereik.GEBIED)) == (code in zeker), (record["project_id"], code)
