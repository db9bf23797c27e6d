"""The Leerlijnen page in Streamlit's AppTest on a fresh store built from the shipped projecten.csv: the flow map,
the chain list, the stuck Ontwikkelprojecten, the scale-up table, similar projects, and empty selections."""

import json
import os
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from classify import filters as flt
from classify import leerlijnen, vocab
from dashboard.kaartpaneel import GEEN_PROJECTEN
from dashboard.leerlijnenpagina import GEEN_LEERLIJNEN
from projectdb.store import open_store

PAGINA = str(Path(__file__).resolve().parents[1] / "pages" / "leerlijnen.py")


@pytest.fixture(scope="module", autouse=True)
def projecten(tmp_path_factory):
    pad = tmp_path_factory.mktemp("db") / "samenwerking.sqlite"
    oud = os.environ.get("SAMENWERKING_DB")
    os.environ["SAMENWERKING_DB"] = str(pad)
    yield open_store(pad).projecten()
    if oud is None:
        del os.environ["SAMENWERKING_DB"]
    else:
        os.environ["SAMENWERKING_DB"] = oud


def _draai(params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(PAGINA, default_timeout=90)
    for sleutel, waarde in (params or {}).items():
        at.query_params[sleutel] = waarde
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _kaarten(at: AppTest) -> list[dict]:
    return [json.loads(e.proto.json_args) for e in at.get("component_instance")]


def _ketens(projecten, **filters) -> list[leerlijnen.Keten]:
    gekozen = flt.toepassen(flt.met(flt.Filters(), **filters), projecten)
    return leerlijnen.ketens_met(leerlijnen.ketens(leerlijnen.graaf(projecten)), gekozen["project_id"])


def test_default_page_draws_every_chain_as_arrows_and_lists_them(projecten):
    at = _draai()
    ketens = _ketens(projecten)
    assert at.title[0].value == "Leerlijnen: van ontwikkelen naar implementeren"
    assert at.metric[0].value == str(len(ketens))
    (kaart,) = _kaarten(at)
    assert kaart["returned_objects"] == ["last_active_drawing"]
    script = kaart["script"]
    assert "P012 → P034: ontwikkeld in Groningen, Oldambt → doorontwikkeld in FoodValley" in script
    assert script.count('"lijn":') == len({paar for k in ketens for paar in k.koppelingen})
    ketentabel = at.dataframe[0].value
    assert len(ketentabel) == len(ketens)
    assert "Groningen, Oldambt → Regio Arnhem" in set(ketentabel["plaatsen"])
    jaren = dict(zip(ketentabel["leerlijn"], ketentabel["jaar"], strict=True))
    assert jaren["P001 → P002 → P003"] == "2015–2017 → 2018 → 2017–2019"
    assert jaren["P012 → P034"] == "onbekend → onbekend"
    assert [s.value for s in at.main.header] == [
        "De leerlijnen: fasen, plaatsen en verzekeraars",
        "Blijft steken in de ontwikkelfase?",
        "Opschaling per thema",
        "Vergelijkbare projecten elders",
    ]
    analyse = next(m.value for m in at.markdown if m.value.startswith("**Analyse**"))
    assert f"- {len(ketens)} leerlijnen in deze selectie\\." in analyse


def test_stuck_ontwikkelprojecten_are_counted_from_the_data(projecten):
    at = _draai()
    g = leerlijnen.graaf(projecten)
    ontwikkel = (projecten["intensiteit"] == "Ontwikkelproject").sum()
    zonder = len(leerlijnen.zonder_vervolg(g))
    assert at.warning[0].value.startswith(f"{zonder} van de {ontwikkel} ontwikkelprojecten in deze selectie")
    opschaling = at.dataframe[1].value
    assert opschaling["ontwikkelprojecten"].sum() == ontwikkel
    assert opschaling["met_vervolg"].sum() == ontwikkel - zonder


def test_theme_choice_keeps_the_menzis_chain_only(projecten):
    at = _draai({"thema": "jeugd"})
    ketens = _ketens(projecten, inhoud=["Jeugd 18-/18+"])
    assert {k.project_ids for k in ketens} == {("P012", "P034"), ("P012", "P035"), ("P012", "P041")}
    assert at.metric[0].value == "3"
    script = _kaarten(at)[0]["script"]
    assert "P012 → P041: ontwikkeld in Groningen, Oldambt → geïmplementeerd in Enschede" in script
    assert "P010 →" not in script
    assert set(at.dataframe[0].value["leerlijn"]) == {"P012 → P034", "P012 → P035", "P012 → P041"}


def test_similar_projects_show_score_and_reason():
    at = _draai({"thema": "jeugd"})
    assert at.selectbox[0].value == "P012"
    verwant = at.dataframe[-1].value
    assert set(verwant["project_id"].head(3)) == {"P034", "P035", "P041"}
    assert verwant["reden"].str.contains("zelfde thema: Jeugd 18-/18+").head(3).all()


def test_a_selection_with_projects_but_no_chain_says_so(projecten):
    thema = next(
        label
        for label in vocab.AS_INHOUD.labels
        if label.naam in set(projecten["inhoud"]) and not _ketens(projecten, inhoud=[label.naam])
    )
    at = _draai({"thema": thema.code})
    assert GEEN_LEERLIJNEN in [i.value for i in at.info]
    assert not _kaarten(at)


def test_an_empty_selection_says_so_and_draws_no_map(projecten):
    leeg = next(
        (v, label)
        for v in vocab.VERZEKERAARS
        for label in vocab.AS_INHOUD.labels
        if flt.toepassen(flt.Filters(verzekeraars=(v.naam,), inhoud=(label.naam,)), projecten).empty
    )
    at = _draai({"verz": leeg[0].code, "thema": leeg[1].code})
    assert GEEN_PROJECTEN in [i.value for i in at.info]
    assert not _kaarten(at) and not at.dataframe
