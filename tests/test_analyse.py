import math
import re

import pandas as pd
import pytest
from aanvalsteksten import ALLE_AANVALLEN

from classify import analyse
from tekst import analysetekst, getallen


def _gemeenten() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "gemeente_code": ["GM0001", "GM0002", "GM0003", "GM0004", "GM0005"],
            "gemeente_naam": ["Aa", "Bee", "Cee", "Dee", "Ee"],
            "wmo_regio": ["Noord", "Noord", "Zuid", "Zuid", "West"],
            "kernwerkgebied": ["VGZ", "VGZ", "CZ", "CZ", "Menzis"],
        }
    )


def _projecten() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "project_id": ["P001", "P002", "P003"],
            "verzekeraars": [("VGZ",), ("VGZ", "CZ"), ("CZ",)],
            "inhoud": ["GGZ", "Ouderen", "GGZ"],
            "instrumenten": [("Werkwijze",), ("Werkwijze", "Beleid"), ("Inkoop",)],
            "intensiteit": ["Ontwikkelproject", "Implementatie", "Ontwikkelproject"],
            "geografie": ["Gemeentelijk", "Bovenregionaal", "Gemeentelijk"],
        }
    )


def _koppeling() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "project_id": ["P001", "P002", "P002", "P002", "P003"],
            "gemeente_code": ["GM0001", "GM0001", "GM0002", "GM0003", "GM0005"],
        }
    )


def test_getal_and_procent_use_dutch_notation():
    assert getallen.getal(1234.5, 1) == "1.234,5"
    assert getallen.procent(1, 3) == "33%"
    assert getallen.procent(1, 0) == "–"
    assert getallen.opsomming(["a", "b", "c"]) == "a, b en c"


def test_label_telling_counts_every_label_in_canonical_order():
    telling = analyse.label_telling(_projecten(), "inhoud")
    assert telling["label"].tolist()[:3] == ["Preventie", "GGZ", "Ouderen"]
    assert telling.set_index("label")["aantal"].to_dict()["GGZ"] == 2
    assert telling.set_index("label")["aantal"].to_dict()["Anders"] == 0
    instrumenten = analyse.label_telling(_projecten(), "instrument").set_index("label")
    assert instrumenten.loc["Werkwijze", "aantal"] == 2
    assert math.isclose(instrumenten["aandeel"].sum(), 4 / 3)


def test_regio_telling_counts_distinct_projects_most_first():
    telling = analyse.regio_telling(_projecten(), _koppeling(), _gemeenten())
    assert telling.to_dict("list") == {
        "wmo_regio": ["Noord", "West", "Zuid"],
        "aantal_projecten": [2, 1, 1],
        "aantal_gemeenten": [2, 1, 1],
    }


def test_kernwerkgebied_aandeel_per_insurer():
    tabel = analyse.kernwerkgebied_aandeel(_projecten(), _koppeling(), _gemeenten()).set_index("verzekeraar")
    assert tabel.index.tolist() == ["VGZ", "CZ"]
    vgz = tabel.loc["VGZ"]
    # P001 entirely in VGZ's area; P002 in GM0001, GM0002 (VGZ) and GM0003 (CZ): partly.
    assert (vgz["projecten"], vgz["binnen"], vgz["deels"], vgz["buiten"]) == (2, 1, 1, 0)
    assert (vgz["koppelingen_binnen"], vgz["koppelingen_buiten"]) == (3, 1)
    assert vgz["dichtheid_binnen"] == 1.5 and math.isclose(vgz["dichtheid_buiten"], 1 / 3)
    cz = tabel.loc["CZ"]
    # P002 partly in CZ's area (GM0003); P003 only in GM0005 (Menzis): outside.
    assert (cz["binnen"], cz["deels"], cz["buiten"]) == (0, 1, 1)


def test_feiten_are_computed_sentences():
    zinnen = analysetekst.feiten(_projecten(), _koppeling(), _gemeenten(), "inhoud")
    assert zinnen[0] == "3 projecten in 4 van de 5 gemeenten (80%) en in 3 van de 3 Wmo-regio's."
    assert zinnen[1] == "Projecten per thema: GGZ 2 (67%) en ouderen 1 (33%)."
    assert zinnen[2] == "Meest voorkomend: GGZ, bij 2 van de 3 projecten (67%)."
    assert zinnen[3] == "Wmo-regio's met de meeste projecten: Noord (2), West (1) en Zuid (1)."
    # Pairs: VGZ 3 in / 1 out; CZ 1 in (P002 in GM0003) / 3 out -> 4 of 8 inside.
    assert zinnen[4] == (
        "Van de 8 koppelingen tussen een project, een verzekeraar en een gemeente liggen er 4 (50%) in het "
        "kernwerkgebied van die verzekeraar."
    )
    # Inside: 4 pairs over 2 + 2 municipalities; outside: 4 pairs over 3 + 3.
    assert zinnen[5].startswith("Per gemeente in het eigen kernwerkgebied: 1,00 koppelingen; daarbuiten 0,67")


def test_feiten_follow_the_data():
    projecten = _projecten()
    projecten.loc[0, "inhoud"] = "Ouderen"
    zinnen = analysetekst.feiten(projecten, _koppeling(), _gemeenten(), "inhoud")
    assert zinnen[2] == "Meest voorkomend: Ouderen, bij 2 van de 3 projecten (67%)."
    gelijk = analysetekst.feiten(_projecten().head(2), _koppeling(), _gemeenten(), "inhoud")
    assert gelijk[2] == "Meest voorkomend (gedeeld): GGZ en Ouderen, elk bij 1 project."


def test_a_label_every_project_has_is_said_in_words_not_as_100_percent():
    ggz = _projecten()[_projecten()["inhoud"] == "GGZ"]
    zinnen = analysetekst.feiten(ggz, _koppeling(), _gemeenten(), "inhoud")
    assert zinnen[1] == "Alle 2 projecten hebben als thema GGZ."
    assert not any("100%" in zin or zin.startswith("Meest voorkomend") for zin in zinnen)
    een = analysetekst.feiten(ggz.head(1), _koppeling(), _gemeenten(), "inhoud")
    assert een[:2] == ["1 project in 1 van de 5 gemeenten (20%) en in 1 van de 3 Wmo-regio's.", een[1]]
    assert een[1] == "Het ene project heeft als thema GGZ."


def test_a_shared_instrument_is_said_once_and_the_others_keep_their_share():
    projecten = _projecten().assign(instrumenten=[("Werkwijze",), ("Werkwijze", "Beleid"), ("Werkwijze",)])
    zinnen = analysetekst.feiten(projecten, _koppeling(), _gemeenten(), "instrument")
    assert zinnen[1] == "Alle 3 projecten hebben als instrument werkwijze."
    assert zinnen[2].startswith("Verder per instrument: beleid 1 (33%).")
    assert not any("100%" in zin for zin in zinnen)


@pytest.mark.parametrize(("n", "tekst"), [(0, "0 projecten"), (1, "1 project"), (2, "2 projecten")])
def test_aantal_has_singular_and_plural_right(n, tekst):
    assert getallen.aantal(n, "project", "projecten") == tekst


def test_no_sentence_puts_one_before_a_plural():
    """Every sentence of a one-project selection, per axis: no "1 projecten", "1 gemeenten", "1 koppelingen"."""
    for as_code in ("inhoud", "instrument", "intensiteit", "geografie"):
        for rij in range(3):
            zinnen = analysetekst.feiten(_projecten().iloc[[rij]], _koppeling(), _gemeenten(), as_code)
            tabel = analyse.kernwerkgebied_aandeel(_projecten().iloc[[rij]], _koppeling(), _gemeenten())
            for zin in [*zinnen, *analysetekst.kernwerkgebied_zinnen(tabel)]:
                assert not re.search(r"(?<![\d,.])1 (projecten|gemeenten|koppelingen|leerlijnen)\b", zin), zin


def test_feiten_for_a_multi_valued_axis_and_empty_selection():
    zinnen = analysetekst.feiten(_projecten(), _koppeling(), _gemeenten(), "instrument")
    assert zinnen[1].endswith("Een project kan meer dan één instrument hebben.")
    assert analysetekst.feiten(_projecten().iloc[0:0], _koppeling(), _gemeenten()) == [analysetekst.GEEN_PROJECTEN]


def test_kerncijfers_count_what_the_selection_touches():
    assert analyse.kerncijfers(_projecten(), _koppeling(), _gemeenten()) == {
        "projecten": 3,
        "gemeenten": 4,
        "gemeenten_mogelijk": 0,
        "gemeenten_totaal": 5,
        "wmo_regios": 3,
        "wmo_regios_totaal": 3,
        "verzekeraars": 2,
    }


def test_certain_and_possible_municipalities_are_counted_apart():
    """P002 runs in part of its area: only GM0001, where P001 certainly is, counts; GM0002 and GM0003 are possible."""
    koppeling = _koppeling().assign(zekerheid=["zeker", "mogelijk", "mogelijk", "mogelijk", "zeker"])
    cijfers = analyse.kerncijfers(_projecten(), koppeling, _gemeenten())
    assert (cijfers["gemeenten"], cijfers["gemeenten_mogelijk"], cijfers["wmo_regios"]) == (2, 2, 2)
    zinnen = analysetekst.feiten(_projecten(), koppeling, _gemeenten(), "inhoud")
    assert zinnen[0] == "3 projecten zeker in 2 van de 5 gemeenten (40%) en in 2 van de 3 Wmo-regio's."
    assert zinnen[1].startswith("Mogelijk nog in 2 gemeenten (40%): 1 project loopt volgens de bron in een deel")


def test_kernwerkgebied_zinnen_per_insurer():
    tabel = analyse.kernwerkgebied_aandeel(_projecten(), _koppeling(), _gemeenten())
    zinnen = analysetekst.kernwerkgebied_zinnen(tabel)
    assert zinnen[0] == (
        "VGZ: 2 projecten, waarvan 1 geheel en 1 deels in het eigen kernwerkgebied en 0 daarbuiten; "
        "1,50 koppelingen per gemeente in het kernwerkgebied tegen 0,33 daarbuiten."
    )
    assert zinnen[1].startswith("CZ: 2 projecten, waarvan 0 geheel en 1 deels")


def test_feiten_carry_no_record_text():
    gewoon = analysetekst.feiten(_projecten(), _koppeling(), _gemeenten(), "inhoud")
    vijandig = _projecten().assign(
        titel=ALLE_AANVALLEN,
        omschrijving=ALLE_AANVALLEN,
        partners=[(ALLE_AANVALLEN,)] * 3,
        toelichting_labels=ALLE_AANVALLEN,
    )
    assert analysetekst.feiten(vijandig, _koppeling(), _gemeenten(), "inhoud") == gewoon


def test_projects_defined_as_the_kernwerkgebied_are_left_out_of_the_comparison():
    """P004's area is VGZ's kernwerkgebied itself: inside by construction, so it is counted apart, not as 'binnen'."""
    projecten = pd.concat(
        [
            _projecten().assign(gebied=["GM0001", "GM0001;GM0002;GM0003", "GM0005"]),
            pd.DataFrame(
                {
                    "project_id": ["P004"],
                    "verzekeraars": [("VGZ",)],
                    "inhoud": ["GGZ"],
                    "instrumenten": [("Inkoop",)],
                    "intensiteit": ["Implementatie"],
                    "geografie": ["Bovenregionaal"],
                    "gebied": ["kernwerkgebied:VGZ"],
                }
            ),
        ],
        ignore_index=True,
    )
    koppeling = pd.concat(
        [_koppeling(), pd.DataFrame({"project_id": ["P004"] * 2, "gemeente_code": ["GM0001", "GM0002"]})]
    )
    assert analyse.per_definitie(projecten).values.tolist() == [["P004", "VGZ"]]
    vgz = analyse.kernwerkgebied_aandeel(projecten, koppeling, _gemeenten()).set_index("verzekeraar").loc["VGZ"]
    zonder = analyse.kernwerkgebied_aandeel(_projecten(), _koppeling(), _gemeenten()).set_index("verzekeraar")
    assert (vgz["projecten"], vgz["per_definitie"], vgz["binnen"], vgz["deels"]) == (3, 1, 1, 1)
    assert vgz["koppelingen_binnen"] == zonder.loc["VGZ", "koppelingen_binnen"] == 3
    zin = analysetekst.kernwerkgebied_zinnen(analyse.kernwerkgebied_aandeel(projecten, koppeling, _gemeenten()))[0]
    assert zin.startswith(
        "VGZ: 3 projecten; 1 daarvan heeft het kernwerkgebied zelf als gebied en telt niet mee; "
        "van de overige 2 liggen er 1 geheel en 1 deels"
    )
    feiten = analysetekst.feiten(projecten, koppeling, _gemeenten())
    assert any(z.startswith("1 koppeling project–verzekeraar heeft als gebied het kernwerkgebied") for z in feiten)
