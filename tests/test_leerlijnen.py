"""Leerlijnen: the lineage graph, its chains and the scale-up figures, on small frames and on the shipped records
(the Menzis Jeugd 18-/18+ chain), plus the store's lineage validation seen from here."""

import math

import pandas as pd
import pytest

from classify import leerlijnen
from classify.leerlijnen import Keten, Kringverwijzing
from geo import geodata
from kaart import leerlijnkaart
from projectdb import Validatiefout, gebied, open_store
from tekst import leerlijntekst

ONTW, DOOR, IMPL, AFSPR = "Ontwikkelproject", "Doorontwikkelen", "Implementatie", "Samenwerkingsafspraken"


def frame(*rijen: tuple) -> pd.DataFrame:
    """Projects from (project_id, intensiteit, bouwt_voort_op, inhoud, verzekeraars[, (startjaar, eindjaar)])
    tuples, with nullable year columns as the store gives them."""
    uit = pd.DataFrame(
        [
            {
                "project_id": pid,
                "titel": f"Project {pid}",
                "intensiteit": fase,
                "bouwt_voort_op": tuple(basis),
                "inhoud": inhoud,
                "verzekeraars": tuple(verzekeraars),
                "startjaar": periode[0][0] if periode else None,
                "eindjaar": periode[0][1] if periode else None,
            }
            for pid, fase, basis, inhoud, verzekeraars, *periode in rijen
        ]
    )
    return uit.astype({"startjaar": "Int64", "eindjaar": "Int64"})


BOOM = frame(
    ("P001", ONTW, (), "GGZ", ("VGZ",), (2015, 2016)),
    ("P002", DOOR, ("P001",), "GGZ", ("CZ",), (2017, None)),
    ("P003", IMPL, ("P002",), "GGZ", ("VGZ",), (2018, 2018)),
    ("P004", IMPL, ("P001",), "GGZ", ("Menzis",)),
    ("P005", ONTW, (), "Ouderen", ("VGZ",)),
    ("P006", AFSPR, (), "Preventie", ("CZ",)),
    ("P007", ONTW, ("P006",), "Preventie", ("CZ",)),
)
"""P001 branches into P002 -> P003 and P004; P005 stands alone; P006 (afspraken) leads to an Ontwikkelproject.
P001 ran 2015-2016, P002 from 2017 on, P003 in 2018; the others name no year."""


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return open_store(tmp_path_factory.mktemp("db") / "samenwerking.sqlite")


@pytest.fixture(scope="module")
def projecten(store):
    return store.projecten()


def test_graph_points_from_the_earlier_project_to_the_one_building_on_it():
    g = leerlijnen.graaf(BOOM)
    assert set(g.edges) == {("P001", "P002"), ("P002", "P003"), ("P001", "P004"), ("P006", "P007")}
    assert g.nodes["P002"] == {
        "intensiteit": DOOR,
        "inhoud": "GGZ",
        "verzekeraars": ("CZ",),
        "titel": "Project P002",
        "startjaar": 2017,
        "eindjaar": None,
    }
    assert g.nodes["P004"]["startjaar"] is None
    assert "P005" in g and g.degree("P005") == 0


def test_chains_are_root_to_leaf_paths_in_a_fixed_order():
    verwacht = [("P001", "P002", "P003"), ("P001", "P004"), ("P006", "P007")]
    assert [k.project_ids for k in leerlijnen.ketens(leerlijnen.graaf(BOOM))] == verwacht
    geschud = BOOM.sample(frac=1, random_state=3)
    assert [k.project_ids for k in leerlijnen.ketens(leerlijnen.graaf(geschud))] == verwacht


def test_chain_carries_stages_theme_insurers_and_the_stuck_flag():
    lang, kort, steken = leerlijnen.ketens(leerlijnen.graaf(BOOM))
    assert lang == Keten(
        ("P001", "P002", "P003"), (ONTW, DOOR, IMPL), ((2015, 2016), (2017, None), (2018, 2018)), "GGZ", ("VGZ", "CZ")
    )
    assert kort.perioden == ((2015, 2016), (None, None))
    assert lang.lengte == 3 and lang.koppelingen == (("P001", "P002"), ("P002", "P003"))
    assert kort.verzekeraars == ("Menzis", "VGZ")
    assert not lang.blijft_steken and not kort.blijft_steken
    assert steken.fasen == (AFSPR, ONTW) and steken.blijft_steken


def test_a_project_without_links_is_no_chain_and_ontwikkelprojecten_without_follow_up_are_listed():
    g = leerlijnen.graaf(BOOM)
    assert all("P005" not in k.project_ids for k in leerlijnen.ketens(g))
    assert leerlijnen.zonder_vervolg(g) == ["P005", "P007"]


def test_references_outside_the_frame_are_left_out():
    deel = BOOM[BOOM["project_id"] != "P002"]
    assert [k.project_ids for k in leerlijnen.ketens(leerlijnen.graaf(deel))] == [("P001", "P004"), ("P006", "P007")]


@pytest.mark.parametrize(
    "rijen, kring",
    [
        (
            (
                ("P001", DOOR, ("P003",), "GGZ", ()),
                ("P002", DOOR, ("P001",), "GGZ", ()),
                ("P003", IMPL, ("P002",), "GGZ", ()),
            ),
            "P001 -> P003 -> P002 -> P001",
        ),
        ((("P001", DOOR, ("P001",), "GGZ", ()),), "P001 -> P001"),
    ],
)
def test_a_cycle_is_refused_and_named(rijen, kring):
    with pytest.raises(Kringverwijzing, match=kring):
        leerlijnen.graaf(frame(*rijen))


def test_chains_with_a_selected_project_are_kept_whole():
    alle = leerlijnen.ketens(leerlijnen.graaf(BOOM))
    assert [k.project_ids for k in leerlijnen.ketens_met(alle, ["P003"])] == [("P001", "P002", "P003")]
    assert leerlijnen.ketens_met(alle, ["P005"]) == []


@pytest.mark.parametrize(
    "later, eerder, verwacht",
    [
        (DOOR, ONTW, True),
        (IMPL, ONTW, True),
        (IMPL, DOOR, True),
        (DOOR, DOOR, True),
        (DOOR, IMPL, False),
        (ONTW, AFSPR, False),
        (IMPL, AFSPR, False),
        (ONTW, ONTW, False),
        (IMPL, IMPL, False),
    ],
)
def test_expected_direction_follows_the_development_path(later, eerder, verwacht):
    assert leerlijnen.verwachte_richting(later, eerder) is verwacht


def test_scale_up_figures_per_theme():
    tabel = leerlijnen.opschaling(leerlijnen.graaf(BOOM)).set_index("inhoud")
    assert list(tabel.index) == [
        "Preventie",
        "GGZ",
        "Ouderen",
        "Effectief Samenwerken in de Wijk",
        "Jeugd 18-/18+",
        "Anders",
    ]
    assert tabel.loc["GGZ"].tolist() == [2, 2.5, 1, 1]
    assert tabel.loc["Ouderen"].tolist()[::2] == [0, 1] and math.isnan(tabel.loc["Ouderen", "gemiddelde_lengte"])
    assert tabel.loc["Ouderen", "met_vervolg"] == 0
    assert tabel.loc["Preventie"].tolist() == [1, 2.0, 1, 0]


def test_a_follow_up_outside_the_selection_still_counts():
    tabel = leerlijnen.opschaling(leerlijnen.graaf(BOOM), ["P001", "P005"]).set_index("inhoud")
    assert tabel.loc["GGZ", "ontwikkelprojecten"] == 1 and tabel.loc["GGZ", "met_vervolg"] == 1
    assert tabel.loc["GGZ", "aantal_ketens"] == 2
    assert tabel.loc["Preventie", "aantal_ketens"] == 0 and tabel.loc["Ouderen", "met_vervolg"] == 0


def test_scale_up_sentences_carry_the_numbers():
    zinnen = leerlijntekst.opschalingszinnen(leerlijnen.opschaling(leerlijnen.graaf(BOOM)))
    assert zinnen[0] == (
        "3 leerlijnen in deze selectie. Van de 3 ontwikkelprojecten heeft er 1 (33%) een vervolg "
        "(doorontwikkeld of geïmplementeerd); 2 blijven (nog) steken in de ontwikkelfase."
    )
    assert "GGZ: 2 leerlijnen van gemiddeld 2,5 projecten; 1 van de 1 ontwikkelproject met vervolg." in zinnen
    assert "Ouderen: 0 leerlijnen; 0 van de 1 ontwikkelproject met vervolg." in zinnen
    assert not any(z.startswith("Anders") for z in zinnen)


def test_a_theme_without_ontwikkelprojecten_gets_no_follow_up_count():
    g = leerlijnen.graaf(frame(("P001", AFSPR, (), "GGZ", ()), ("P002", IMPL, ("P001",), "GGZ", ())))
    zinnen = leerlijntekst.opschalingszinnen(leerlijnen.opschaling(g))
    assert zinnen[1:] == ["GGZ: 1 leerlijn van gemiddeld 2,0 projecten."]


@pytest.mark.parametrize(
    "start, eind, tekst",
    [
        (2015, 2017, "2015–2017"),
        (2018, 2018, "2018"),
        (2018, None, "vanaf 2018"),
        (None, None, "onbekend"),
        (pd.NA, pd.NA, "onbekend"),
    ],
)
def test_period_in_words(start, eind, tekst):
    assert leerlijntekst.periode_tekst(start, eind) == tekst


def test_chain_table_names_stages_places_and_the_period_of_each_stage():
    ketens = leerlijnen.ketens(leerlijnen.graaf(BOOM))
    plaatsen = {pid: f"plaats {pid[-1]}" for pid in BOOM["project_id"]}
    tabel = leerlijntekst.ketentabel(ketens, plaatsen)
    eerste = tabel.iloc[0]
    assert eerste["leerlijn"] == "P001 → P002 → P003"
    assert eerste["fasen"] == "ontwikkelen → doorontwikkelen → implementeren"
    assert eerste["plaatsen"] == "plaats 1 → plaats 2 → plaats 3"
    assert tabel["jaar"].tolist() == ["2015–2016 → vanaf 2017 → 2018", "2015–2016 → onbekend", "onbekend → onbekend"]
    assert tabel["blijft_steken"].tolist() == [False, False, True]


# --- the shipped records --------------------------------------------------------------------------------------


def test_shipped_lineage_references_exist_form_no_cycle_and_are_quoted(projecten):
    ids = set(projecten["project_id"])
    gekoppeld = projecten[projecten["bouwt_voort_op"].map(len) > 0]
    assert not gekoppeld.empty
    assert all(set(basis) <= ids for basis in gekoppeld["bouwt_voort_op"])
    assert (gekoppeld["bouwt_voort_op_citaat"].str.len() >= 40).all()
    leerlijnen.graaf(projecten)


def test_menzis_jeugd_chain_is_reconstructed_with_stages_and_places(projecten):
    ketens = [k for k in leerlijnen.ketens(leerlijnen.graaf(projecten)) if k.project_ids[0] == "P012"]
    assert [(k.project_ids, k.fasen) for k in ketens] == [
        (("P012", "P034"), (ONTW, DOOR)),
        (("P012", "P035"), (ONTW, IMPL)),
        (("P012", "P041"), (ONTW, IMPL)),
    ]
    assert {(k.inhoud, k.verzekeraars) for k in ketens} == {("Jeugd 18-/18+", ("Menzis",))}
    records = projecten.set_index("project_id")
    plaatsen = {
        pid: leerlijnkaart.plaatsnaam(records.at[pid, "gebied"], 2017) for pid in ("P012", "P034", "P035", "P041")
    }
    # "regio Food Valley" and "regio Arnhem" in one sentence of the source: both Wmo-regions.
    assert plaatsen == {"P012": "Groningen, Oldambt", "P034": "FoodValley", "P035": "Regio Arnhem", "P041": "Enschede"}
    koppeling = gebied.koppeling(projecten, 2017)
    namen = geodata.gemeenten(2017).set_index("gemeente_code")["gemeente_naam"]

    def gemeenten(pid: str) -> set[str]:
        return set(namen[koppeling.loc[koppeling["project_id"] == pid, "gemeente_code"]])

    assert gemeenten("P012") == {"Groningen", "Oldambt"}
    assert gemeenten("P041") == {"Enschede"}
    for pid, regio in (("P034", "FoodValley"), ("P035", "Regio Arnhem")):
        leden = geodata.wmo_leden(2017)[geodata.zoek_wmo_regio(regio)]
        assert set(koppeling.loc[koppeling["project_id"] == pid, "gemeente_code"]) == leden
    tabel = leerlijntekst.ketentabel(ketens, plaatsen)
    assert tabel["plaatsen"].tolist() == [
        "Groningen, Oldambt → FoodValley",
        "Groningen, Oldambt → Regio Arnhem",
        "Groningen, Oldambt → Enschede",
    ]
    assert tabel["fasen"].tolist() == [
        "ontwikkelen → doorontwikkelen",
        "ontwikkelen → implementeren",
        "ontwikkelen → implementeren",
    ]


def test_zilveren_kruis_wijkgericht_chain_carries_the_years_its_sources_name(projecten):
    g = leerlijnen.graaf(projecten)
    keten = next(k for k in leerlijnen.ketens(g) if k.project_ids == ("P001", "P002", "P003"))
    assert keten.perioden == ((2015, 2017), (2018, 2018), (2017, 2019))
    tabel = leerlijntekst.ketentabel([keten], dict.fromkeys(keten.project_ids, "-"))
    assert tabel.at[0, "jaar"] == "2015–2017 → 2018 → 2017–2019"


def test_shipped_scale_up_counts_agree_with_the_chains(projecten):
    g = leerlijnen.graaf(projecten)
    tabel = leerlijnen.opschaling(leerlijnen.graaf(projecten))
    assert tabel["aantal_ketens"].sum() == len(leerlijnen.ketens(g))
    ontwikkel = projecten[projecten["intensiteit"] == ONTW]
    assert tabel["ontwikkelprojecten"].sum() == len(ontwikkel)
    assert tabel["met_vervolg"].sum() == len(ontwikkel) - len(leerlijnen.zonder_vervolg(g))
    jeugd = tabel.set_index("inhoud").loc["Jeugd 18-/18+"]
    assert jeugd.tolist() == [3, 2.0, 1, 1]


# --- the store's lineage validation, and a confirmed link through it -------------------------------------------


@pytest.mark.parametrize(
    "bouwt_voort_op, melding",
    [
        (("P999",), "onbekend project P999"),
        (("P012",), "verwijst naar zichzelf"),
        (("P041",), "kringverwijzing: P012 -> P041 -> P012"),
    ],
)
def test_store_refuses_unknown_ids_and_cycles(store, bouwt_voort_op, melding):
    versie = store.project("P012")["versie"]
    with pytest.raises(Validatiefout, match=melding):
        store.wijzig_project("P012", {"bouwt_voort_op": bouwt_voort_op}, versie, "analist")
    assert store.project("P012")["bouwt_voort_op"] == ()


def test_a_confirmed_link_is_stored_logged_and_becomes_a_chain(tmp_path):
    store = open_store(tmp_path / "s.sqlite")
    oud = store.project("P036")
    store.wijzig_project("P036", {"bouwt_voort_op": ("P012",)}, oud["versie"], "analist")
    log = store.wijzigingen("P036")
    assert log.iloc[-1][["redacteur", "veld", "nieuwe_waarde"]].tolist() == ["analist", "bouwt_voort_op", "P012"]
    ketens = leerlijnen.ketens(leerlijnen.graaf(store.projecten()))
    assert ("P012", "P036") in [k.project_ids for k in ketens]


def test_the_phases_of_a_lineage_do_not_follow_the_order_of_the_vocabulary(monkeypatch):
    import importlib.util
    import itertools
    import sys

    from classify import vocab

    omgekeerd = vocab.As(
        code=vocab.AS_INTENSITEIT.code,
        naam=vocab.AS_INTENSITEIT.naam,
        kolom=vocab.AS_INTENSITEIT.kolom,
        meervoudig=False,
        labels=tuple(reversed(vocab.AS_INTENSITEIT.labels)),
    )
    monkeypatch.setattr(vocab, "AS_INTENSITEIT", omgekeerd)
    spec = importlib.util.spec_from_file_location("leerlijnen_omgekeerd", leerlijnen.__file__)
    kopie = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, kopie)  # dataclasses look their module up there
    spec.loader.exec_module(kopie)

    assert kopie.FASEN == leerlijnen.FASEN == (ONTW, DOOR, IMPL)
    for later, eerder in itertools.product(vocab.AS_INTENSITEIT.namen, repeat=2):
        assert kopie.verwachte_richting(later, eerder) == leerlijnen.verwachte_richting(later, eerder)
