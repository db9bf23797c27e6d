"""Vergelijkbare projecten: ranking by text and labels, only elsewhere, stable and explained in Dutch."""

import re

import pandas as pd
import pytest

from classify import suggest, verwant
from projectdb import gebied, open_store
from tekst import verwanttekst

ONTW, DOOR, IMPL, AFSPR = "Ontwikkelproject", "Doorontwikkelen", "Implementatie", "Samenwerkingsafspraken"


def frame(*rijen: tuple) -> pd.DataFrame:
    """Projects from (project_id, titel, omschrijving, inhoud, instrumenten, intensiteit, bouwt_voort_op)."""
    kolommen = ["project_id", "titel", "omschrijving", "inhoud", "instrumenten", "intensiteit", "bouwt_voort_op"]
    return pd.DataFrame([dict(zip(kolommen, rij, strict=True)) for rij in rijen])


PROJECTEN = frame(
    (
        "P001",
        "Methodiek jongvolwassenen",
        "Een methodiek voor jongeren rond hun achttiende in de wijk.",
        "Jeugd 18-/18+",
        ("Werkwijze",),
        ONTW,
        (),
    ),
    (
        "P002",
        "Methodiek jongvolwassenen overgenomen",
        "De methodiek voor jongeren wordt overgenomen.",
        "Jeugd 18-/18+",
        ("Werkwijze",),
        IMPL,
        ("P001",),
    ),
    (
        "P003",
        "Methodiek jongvolwassenen elders",
        "De methodiek voor jongeren wordt overgenomen.",
        "Jeugd 18-/18+",
        ("Werkwijze",),
        IMPL,
        (),
    ),
    (
        "P004",
        "Methodiek jongvolwassenen in dezelfde gemeente",
        "De methodiek voor jongeren wordt overgenomen.",
        "Jeugd 18-/18+",
        ("Werkwijze",),
        IMPL,
        (),
    ),
    (
        "P005",
        "Valpreventie ouderen",
        "Ouderen blijven langer thuis wonen met beweegprogramma's.",
        "Ouderen",
        ("Beleid",),
        AFSPR,
        (),
    ),
    (
        "P006",
        "Menzis VGZ convenant",
        "Zilveren Kruis, Menzis en VGZ tekenen een convenant.",
        "Anders",
        ("Samenwerkingsdocument",),
        AFSPR,
        (),
    ),
)
KOPPELING = pd.DataFrame(
    [
        ("P001", "GM0014"),
        ("P002", "GM0202"),
        ("P003", "GM0153"),
        ("P004", "GM0014"),
        ("P005", "GM0363"),
        ("P006", "GM0599"),
    ],
    columns=["project_id", "gemeente_code"],
)
"""P004 covers the same municipality as P001: not elsewhere."""


def test_ranking_prefers_shared_method_and_fitting_stage_elsewhere():
    uit = verwant.verwante_projecten(verwant.verwantschap(PROJECTEN, KOPPELING), "P001")
    assert list(uit.columns) == ["project_id", "score", "tekstscore", "labelscore", "overeenkomst", "gekoppeld"]
    assert uit["project_id"].tolist()[:2] == ["P002", "P003"]
    assert "P001" not in set(uit["project_id"]) and "P004" not in set(uit["project_id"])
    assert uit["score"].is_monotonic_decreasing
    assert uit.set_index("project_id").loc["P002", "gekoppeld"]
    assert not uit.set_index("project_id").loc["P003", "gekoppeld"]


def test_scores_are_the_documented_mix_of_text_and_labels():
    uit = verwant.verwante_projecten(verwant.verwantschap(PROJECTEN, KOPPELING), "P001").set_index("project_id")
    assert uit.loc["P002", "labelscore"] == 1.0  # same theme, same instrument, Implementatie builds on Ontwikkel
    assert "P005" not in uit.index  # no shared word, no shared label: left out
    for _pid, rij in uit.iterrows():
        verwacht = verwant.GEWICHT_TEKST * rij["tekstscore"] + (1 - verwant.GEWICHT_TEKST) * rij["labelscore"]
        assert rij["score"] == pytest.approx(verwacht, abs=1e-4)
        assert 0 < rij["score"] <= 1


def test_ranking_is_stable_under_row_order_and_ties_go_by_project_id():
    uit = verwant.verwante_projecten(verwant.verwantschap(PROJECTEN, KOPPELING), "P001")
    for seed in range(3):
        geschud = PROJECTEN.sample(frac=1, random_state=seed).reset_index(drop=True)
        pd.testing.assert_frame_equal(verwant.verwante_projecten(verwant.verwantschap(geschud, KOPPELING), "P001"), uit)
    tweeling = pd.concat([PROJECTEN, PROJECTEN[PROJECTEN["project_id"] == "P003"].assign(project_id="P000")])
    koppeling = pd.concat([KOPPELING, pd.DataFrame({"project_id": ["P000"], "gemeente_code": ["GM0193"]})])
    uit = verwant.verwante_projecten(verwant.verwantschap(tweeling, koppeling), "P001")
    gelijk = uit[uit["project_id"].isin(["P000", "P003"])]
    assert gelijk["score"].nunique() == 1 and gelijk["project_id"].tolist() == ["P000", "P003"]


def test_reason_names_shared_words_and_labels_that_are_really_shared():
    teksten = {r.project_id: suggest.normaliseer(f"{r.titel}. {r.omschrijving}") for r in PROJECTEN.itertuples()}
    eigen = PROJECTEN.set_index("project_id").loc["P001"]
    uit = verwant.verwante_projecten(verwant.verwantschap(PROJECTEN, KOPPELING), "P001", n=10)
    assert not uit.empty
    for r in uit.itertuples():
        ander = PROJECTEN.set_index("project_id").loc[r.project_id]
        reden = verwanttekst.reden(r.overeenkomst)
        gevonden = re.search(r"gedeelde woorden: ([^;.]+)", reden, re.IGNORECASE)
        if r.tekstscore > 0:
            woorden = gevonden.group(1).split(", ")
            assert tuple(woorden) == r.overeenkomst.woorden
            assert 1 <= len(woorden) <= verwant.MAX_WOORDEN
            for woord in woorden:
                assert re.search(rf"\b{woord}\b", teksten["P001"]) and re.search(rf"\b{woord}\b", teksten[r.project_id])
        else:
            assert gevonden is None
        assert ("zelfde thema: " in reden.lower()) == (ander["inhoud"] == eigen["inhoud"])
        assert (r.overeenkomst.thema is not None) == (ander["inhoud"] == eigen["inhoud"])
    p002 = verwanttekst.reden(uit.set_index("project_id").loc["P002", "overeenkomst"])
    assert p002.startswith("Gedeelde woorden: ")
    assert "gedeeld instrument: Werkwijze" in p002
    assert "past in een leerlijn: P002 (Implementatie) kan voortbouwen op P001 (Ontwikkelproject)" in p002


def test_insurer_names_and_function_words_are_no_shared_words():
    met_namen = frame(
        ("P001", "Menzis en VGZ", "Menzis en VGZ werken aan de wijkverpleging.", "Anders", ("Beleid",), AFSPR, ()),
        ("P002", "Menzis en VGZ", "Menzis en VGZ werken aan de wijkverpleging.", "GGZ", ("Inkoop",), AFSPR, ()),
    )
    koppeling = pd.DataFrame({"project_id": ["P001", "P002"], "gemeente_code": ["GM0014", "GM0153"]})
    (overeenkomst,) = verwant.verwante_projecten(verwant.verwantschap(met_namen, koppeling), "P001")["overeenkomst"]
    assert overeenkomst == verwant.Overeenkomst(woorden=("werken", "wijkverpleging"))
    assert verwanttekst.reden(overeenkomst) == "Gedeelde woorden: werken, wijkverpleging."


def test_unknown_project_is_an_error_and_n_limits():
    with pytest.raises(verwant.OnbekendProject, match="P999"):
        verwant.verwante_projecten(verwant.verwantschap(PROJECTEN, KOPPELING), "P999")
    assert len(verwant.verwante_projecten(verwant.verwantschap(PROJECTEN, KOPPELING), "P001", n=1)) == 1


def test_shipped_records_rank_the_menzis_chain_first(tmp_path):
    projecten = open_store(tmp_path / "s.sqlite").projecten()
    koppeling = gebied.koppeling(projecten, 2017)
    uit = verwant.verwante_projecten(verwant.verwantschap(projecten, koppeling), "P012")
    assert set(uit["project_id"].head(3)) == {"P034", "P035", "P041"}
    assert uit["gekoppeld"].head(3).all() and not uit["gekoppeld"].iloc[3:].any()
    assert all(o.thema == "Jeugd 18-/18+" for o in uit["overeenkomst"].head(3))
    assert all("zelfde thema: Jeugd 18-/18+" in verwanttekst.reden(o) for o in uit["overeenkomst"].head(3))
