"""Gemeente search, map focus, profile and project search in Streamlit's AppTest. Every expected number is computed
here from the map model (:func:`kaart.model.kaartbeeld` on :func:`projectdb.bereik.koppeling_zekerheid`), never
written down."""

import json
import os
import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from classify import filters as flt
from geo import geodata
from kaart.model import KaartSpec, kaartbeeld
from projectdb import bereik
from projectdb.store import open_store
from tekst import analysetekst

APP = str(Path(__file__).resolve().parents[1] / "app.py")
OVERZICHT = KaartSpec("totaal", zonder_minima=True)
ALLE = KaartSpec("totaal")
KOLOMMEN = ["gemeente_code", "gemeente_naam", "provincie_naam", "wmo_code", "wmo_regio", "kernwerkgebied"]


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


def _model(projecten: pd.DataFrame, jaar: int, spec: KaartSpec) -> pd.DataFrame:
    """The map's rows per gemeente (indexed by code) for the default filters of ``jaar``."""
    gekozen = flt.toepassen(flt.Filters(jaar=jaar), projecten)
    gemeenten = pd.DataFrame(geodata.gemeenten(jaar)[KOLOMMEN])
    beeld = kaartbeeld(spec, gekozen, bereik.koppeling_zekerheid(projecten, jaar), gemeenten, jaar=jaar)
    return beeld.gemeenten.set_index("gemeente_code")


def _draai(pagina: str | None, params: dict[str, str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    for sleutel, waarde in params.items():
        at.query_params[sleutel] = waarde
    if pagina:
        at.switch_page(pagina)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _telling(tekst: str) -> tuple[int, int]:
    """(zeker, mogelijk) from "4 projecten zeker, mogelijk nog 4" (mogelijk absent means 0)."""
    treffer = re.search(r"(\d+) projecte?n? zeker(?:, mogelijk nog (\d+))?", tekst)
    assert treffer, tekst
    return int(treffer.group(1)), int(treffer.group(2) or 0)


def _gemeenten_om_te_toetsen(model: pd.DataFrame) -> list[str]:
    """Den Haag, Amsterdam, Súdwest-Fryslân, the gemeente with most certain projects and one with only possible."""
    meeste = model["aantal_projecten"].idxmax()
    alleen_mogelijk = model[(model["aantal_projecten"] == 0) & (model["aantal_mogelijk"] > 0)].index[0]
    return ["GM0518", "GM0363", "GM1900", meeste, alleen_mogelijk]


@pytest.mark.parametrize("jaar", geodata.JAREN)
def test_profile_counts_equal_the_overzicht_map(projecten, jaar):
    model = _model(projecten, jaar, OVERZICHT)
    for code in _gemeenten_om_te_toetsen(model)[:3] + _gemeenten_om_te_toetsen(model)[3 if jaar == 2017 else 4 :]:
        at = _draai("pages/gemeente.py", {"gemeente": code, "indeling": str(jaar)})
        verwacht = (int(model.loc[code, "aantal_projecten"]), int(model.loc[code, "aantal_mogelijk"]))
        assert at.header[0].value == f"{model.loc[code, 'gemeente_naam']} ({code})"
        regel = next(m.value for m in at.markdown if m.value.startswith("Op de kaart van het Overzicht"))
        assert _telling(regel) == verwacht
        groepen = {
            re.match(r"\*\*(.+)\*\* \((\d+)\)", m.value).group(1): int(re.match(r".*\((\d+)\)$", m.value).group(1))
            for m in at.markdown
            if re.fullmatch(r"\*\*.+\*\* \(\d+\)", m.value)
        }
        assert (
            groepen["Genoemd voor deze gemeente"] + groepen["Via de Wmo-regio of een ander heel gebied"] == verwacht[0]
        )
        assert groepen["Mogelijk"] == verwacht[1]
        vergelijking = at.dataframe[0].value.set_index("Code")
        leden = model[model["wmo_regio"] == model.loc[code, "wmo_regio"]]
        assert sorted(vergelijking.index) == sorted(leden.index)
        assert vergelijking["Zeker"].to_dict() == leden["aantal_projecten"].to_dict()
        assert vergelijking["Mogelijk"].to_dict() == leden["aantal_mogelijk"].to_dict()


def test_profile_shows_kernwerkgebied_as_approximation_with_reason():
    at = _draai("pages/gemeente.py", {"gemeente": "GM0518"})
    ligging = next(m.value for m in at.markdown if "Kernwerkgebied" in m.value)
    rij = geodata.gemeenten(2017).set_index("gemeente_code").loc["GM0518"]
    assert "benadering" in ligging and "concessiehouder" in ligging
    assert rij.kernwerkgebied in ligging and "Wmo-regio" in ligging


@pytest.mark.parametrize("gevraagd", ["GM9999", "Atlantis"])
def test_profile_of_an_unknown_gemeente_says_so_in_dutch(gevraagd):
    at = _draai("pages/gemeente.py", {"gemeente": gevraagd})
    assert any(f"Geen gemeente gevonden voor ‘{gevraagd}’" in w.value for w in at.warning)


@pytest.mark.parametrize("zoekterm", ["'s-Gravenhage", "Súdwest-Fryslân", "Amsterdam", "den haag"])
def test_project_search_on_a_gemeente_name_lists_what_the_map_counts(projecten, zoekterm):
    code = geodata.vind_gemeente(zoekterm, 2017).code
    rij = _model(projecten, 2017, ALLE).loc[code]
    at = _draai("pages/projecten.py", {"zoek": zoekterm})
    tabel = at.dataframe[0].value
    assert set(tabel["project_id"]) == set(rij.project_ids)
    zeker = set(rij.project_ids[: rij.aantal_projecten])
    assert set(tabel.loc[tabel["bereik"] == "zeker", "project_id"]) == zeker
    assert set(tabel.loc[tabel["bereik"] == "mogelijk", "project_id"]) == set(rij.project_ids) - zeker


def test_project_search_on_other_text_still_searches_text():
    at = _draai("pages/projecten.py", {"zoek": "leefstijlcoach"})
    tabel = at.dataframe[0].value
    assert "bereik" not in tabel and tabel["titel"].str.contains("Leefstijlcoach").all()


def test_searching_on_the_overzicht_puts_the_gemeente_in_the_url_and_focuses_the_maps(projecten):
    at = _draai(None, {})
    at.text_input(key="w_gemeente_zoek").input("'s-Gravenhage").run()
    assert not at.exception
    assert at.query_params["gemeente"] == "GM0518"
    kaarten = [json.loads(e.proto.json_args) for e in at.get("component_instance")]
    assert kaarten and all(k["focus"] == "GM0518" for k in kaarten)
    model = _model(projecten, 2017, OVERZICHT).loc["GM0518"]
    regel = next(m.value for m in at.markdown if "op deze kaart:" in m.value)
    assert _telling(regel) == (model.aantal_projecten, model.aantal_mogelijk)
    assert any(p.proto.page.endswith("gemeente") or "gemeente" in p.proto.page for p in at.get("page_link"))


def test_a_2017_name_on_the_2025_map_finds_the_successor_and_says_so():
    at = _draai(None, {"indeling": "2025"})
    at.text_input(key="w_gemeente_zoek").input("Appingedam").run()
    assert at.query_params["gemeente"] == "GM1979"
    assert any("Appingedam (GM0003) is een gemeente van 2017" in c.value.replace("\\", "") for c in at.caption)


def test_no_match_says_geen_gemeente_gevonden_with_suggestions_and_no_focus():
    at = _draai(None, {})
    at.text_input(key="w_gemeente_zoek").input("Atlantis").run()
    assert any("Geen gemeente gevonden voor ‘Atlantis’" in w.value for w in at.warning)
    assert "gemeente" not in at.query_params
    suggesties = [b for b in at.button if b.key and b.key.startswith("suggestie-")]
    assert suggesties
    suggesties[0].click().run()
    assert at.query_params["gemeente"].startswith("GM")


@pytest.mark.parametrize("pagina", ["pages/inhoudelijk.py", "pages/zorgverzekeraars.py", "pages/leerlijnen.py"])
def test_every_map_page_has_the_search_and_zooms_to_the_gemeente_in_the_url(pagina):
    at = _draai(pagina, {"gemeente": "den haag"})
    assert at.text_input(key="w_gemeente_zoek").value == "'s-Gravenhage"
    kaarten = [json.loads(e.proto.json_args) for e in at.get("component_instance")]
    assert kaarten
    for kaart in kaarten:
        if "focus" in kaart:  # the vlekkenkaart component zooms to its focus in the browser
            assert kaart["focus"] == "GM0518"
        else:  # the lineage map (folium) is centred on the gemeente and outlines it
            assert kaart["zoom"] >= 9 and '"GM0518"' in kaart["script"] + (kaart["feature_group"] or "")


def test_the_list_beside_the_map_keeps_possible_projects_apart(projecten):
    """A project that only possibly reaches the gemeente (a ``deel`` area) is listed under "Mogelijk", never among
    the projects the source names for it."""
    rij = _model(projecten, 2017, OVERZICHT).loc["GM0518"]
    zeker, mogelijk = rij.project_ids[: rij.aantal_projecten], rij.project_ids[rij.aantal_projecten :]
    assert zeker and mogelijk  # Den Haag has both on the shipped data
    teksten = [m.value for m in _draai(None, {"gemeente": "GM0518"}).markdown]
    kop = next(i for i, t in enumerate(teksten) if t.startswith("**Mogelijk**"))
    assert f"({len(mogelijk)} project" in teksten[kop]
    genoemd = re.findall(r"\[(P\d{3})\]", teksten[kop - 1])
    assert genoemd == list(zeker)
    assert re.findall(r"\[(P\d{3})\]", teksten[kop + 1]) == list(mogelijk)


def _volgorde(blok) -> list[tuple[str, str]]:
    """The elements under ``blok`` in page order, as (type, value) with the value as text."""
    uit = []
    for kind in blok.children.values():
        if hasattr(kind, "children") and kind.children:
            uit += _volgorde(kind)
        else:
            uit.append((kind.type, str(getattr(kind, "value", ""))))
    return uit


@pytest.mark.parametrize(
    "params, na",
    [
        ({"gemeente": "GM0518", "verzekeraar": "onvz"}, "Projecten"),
        ({"verzekeraar": "onvz"}, "Zoek hierboven een gemeente op naam of CBS-code om haar profiel te zien."),
    ],
)
def test_an_empty_selection_is_said_where_the_projects_would_be_not_above_the_search(params, na):
    at = _draai("pages/gemeente.py", params)
    volgorde = _volgorde(at.main)
    melding = [i for i, (soort, waarde) in enumerate(volgorde) if waarde == analysetekst.GEEN_PROJECTEN]
    zoekveld = next(i for i, (soort, _) in enumerate(volgorde) if soort == "text_input")
    assert len(melding) == 1, volgorde
    assert melding[0] > zoekveld
    assert volgorde[melding[0] - 1][1] == na, volgorde
    # No zero counts and empty groups beside the message.
    assert not [m.value for m in at.markdown if m.value.startswith("Op de kaart van het Overzicht")]
