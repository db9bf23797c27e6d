"""The data of the map frame: the geometry of a year once, named after its content; per selection one small row
per municipality."""

import hashlib
import json
import re

import pandas as pd
import pytest
from test_interactief import GEVAARLIJK, _kaartbeeld

from geo import geodata
from kaart import kaartframe, stijl, vulling
from palet.kleuren import RAND_KLEUR

LAGEN = ("wmo_regio", "kernwerkgebied")


@pytest.mark.parametrize("jaar", [2017, 2025])
def test_the_geometry_file_is_named_after_its_content_and_holds_every_municipality(jaar):
    naam, inhoud = kaartframe.geometrie(jaar)
    assert re.fullmatch(rf"gemeenten-{jaar}-[0-9a-f]{{12}}\.json", naam)
    assert naam.endswith(hashlib.sha256(inhoud).hexdigest()[:12] + ".json")
    gegevens = json.loads(inhoud)
    codes = stijl.dekking(jaar)["gemeente_code"].tolist()
    assert gegevens["codes"] == codes
    assert [f["id"] for f in gegevens["gemeenten"]["features"]] == codes
    assert len(gegevens["namen"]) == len(codes) == len(geodata.gemeenten(jaar))
    assert {"wmo_regio", "provincie", "kernwerkgebied"} <= set(gegevens)


def test_a_selection_is_one_small_row_per_municipality_in_file_order():
    kaartbeeld = _kaartbeeld()
    selectie = kaartframe.selectie(kaartbeeld, 2017, LAGEN)
    codes = json.loads(kaartframe.geometrie(2017)[1])["codes"]
    assert len(selectie["gemeenten"]) == len(codes)
    per_code = kaartbeeld.gemeenten.set_index("gemeente_code")
    for code, rij in zip(codes, selectie["gemeenten"], strict=True):
        assert selectie["klassen"][rij[0]] == per_code.loc[code, "klasse"]
        assert rij[2] == per_code.loc[code, "aantal_projecten"]
        assert [selectie["titels"][t] for t in rij[4:]] == list(per_code.loc[code, "titels"][: kaartframe.MAX_TITELS])
    # Raw text: the frame escapes it when it builds a tooltip.
    assert GEVAARLIJK in selectie["titels"]
    assert len(json.dumps(selectie, ensure_ascii=False)) < 12_000
    assert [laag["geometrie"] for laag in selectie["lagen"]] == ["wmo_regio", "kernwerkgebied"]


def test_a_hatched_fill_is_an_svg_pattern_of_the_selection():
    kaartbeeld = _kaartbeeld()
    gemeenten = kaartbeeld.gemeenten.copy()
    gemeenten.loc[gemeenten.index[5], "kleur"] = vulling.MOGELIJK
    gearceerd = type(kaartbeeld)(**{**kaartbeeld.__dict__, "gemeenten": pd.DataFrame(gemeenten)})
    selectie = kaartframe.selectie(gearceerd, 2017, LAGEN)
    plaats = json.loads(kaartframe.geometrie(2017)[1])["codes"].index(
        gemeenten.loc[gemeenten.index[5], "gemeente_code"]
    )
    vulling_mogelijk = selectie["vullingen"][selectie["gemeenten"][plaats][1]]
    assert vulling_mogelijk[0].startswith("url(#") and vulling_mogelijk[1] == RAND_KLEUR
    for v in selectie["vullingen"]:
        if v[0].startswith("url(#"):
            assert f'<pattern id="{v[0][5:-1]}"' in selectie["patronen"]


@pytest.mark.parametrize(("lagen", "melding"), [(("bestaat_niet",), "bestaat_niet")])
def test_an_unknown_layer_is_rejected(lagen, melding):
    with pytest.raises(ValueError, match=melding):
        kaartframe.selectie(_kaartbeeld(), 2017, lagen)


def test_codes_of_another_year_are_rejected():
    with pytest.raises(ValueError, match="geen gemeente van 2025"):
        kaartframe.selectie(_kaartbeeld(2017), 2025, LAGEN)


def test_the_dashboard_writes_the_geometry_file_whole_and_again_when_it_is_gone(tmp_path, monkeypatch):
    from dashboard import kaartframe as component

    monkeypatch.setattr(component, "KAARTDATA", tmp_path / "kaartdata")
    naam, inhoud = kaartframe.geometrie(2017)
    assert component.geometriebestand(2017) == component.URL_KAARTDATA + naam
    bestand = tmp_path / "kaartdata" / naam
    assert bestand.read_bytes() == inhoud
    bestand.unlink()
    component.geometriebestand(2017)
    assert bestand.read_bytes() == inhoud
    assert [p.name for p in (tmp_path / "kaartdata").iterdir()] == [naam]  # no temporary file left behind
    # A public static file: a web server in front (deploy/nginx_conf.py) must be able to read it.
    assert bestand.stat().st_mode & 0o777 == 0o644


def test_filter_model_files_in_use_stay_and_only_the_newest_are_kept(tmp_path, monkeypatch):
    import os

    from dashboard import kaartframe as component

    map_ = tmp_path / "kaartdata"
    monkeypatch.setattr(component, "KAARTDATA", map_)
    monkeypatch.setattr(component, "MAX_FILTERMODELLEN", 3)
    in_gebruik = kaartframe.inhoudsnaam("projecten", b"0")
    assert component.filtermodelbestand(in_gebruik, b"0") == component.URL_KAARTDATA + in_gebruik
    # The model of an open page is asked for again with every run of it: that makes it new again.
    os.utime(map_ / in_gebruik, (1, 1))
    component.filtermodelbestand(in_gebruik, b"0")
    assert (map_ / in_gebruik).stat().st_mtime > 1
    for i in range(1, 5):
        naam = kaartframe.inhoudsnaam("projecten", str(i).encode())
        component.filtermodelbestand(naam, str(i).encode())
        os.utime(map_ / naam, (10 + i, 10 + i))
    # Writing a model keeps the newest three: the one in use and models 3 and 4.
    namen = {p.name for p in map_.iterdir()}
    assert namen == {in_gebruik, *(kaartframe.inhoudsnaam("projecten", str(i).encode()) for i in (3, 4))}
    # Removed meanwhile (by another server process): written again.
    (map_ / in_gebruik).unlink()
    component.filtermodelbestand(in_gebruik, b"0")
    assert (map_ / in_gebruik).read_bytes() == b"0"
    # The geometry files are no models: never removed.
    component.geometriebestand(2017)
    for i in range(5, 9):
        component.filtermodelbestand(kaartframe.inhoudsnaam("projecten", str(i).encode()), str(i).encode())
    assert (map_ / kaartframe.geometrie(2017)[0]).exists()


def test_the_page_script_knows_the_name_streamlit_gives_the_map_frame():
    from dashboard import kaartframe as component
    from dashboard import toegankelijkheid

    naam = f"{component.__name__}.{component.NAAM}"
    assert naam in toegankelijkheid.KAARTFRAMES
    assert component.URL_COMPONENT == f"/component/{naam}/"
