"""The map geometry shipped in data/kaart/ is exactly what kaart.kaartdata computes from data/geo/, and the app reads
it from there."""

import json

import pytest

from classify.vocab import JAREN
from kaart import kaartdata, kaartframe, stijl

HERBOUW = "verouderd: maak data/kaart/ opnieuw met python -m kaart.kaartdata"


@pytest.mark.parametrize("jaar", JAREN)
def test_the_shipped_map_geometry_equals_the_build(jaar):
    assert kaartdata.lees("geometrie", jaar) == kaartdata.bereken_geometrie(jaar), HERBOUW


@pytest.mark.parametrize("jaar", JAREN)
def test_the_shipped_small_paths_equal_the_build(jaar):
    assert kaartdata.lees("kleine_paden", jaar) == kaartdata.bereken_kleine_paden(jaar), HERBOUW
    assert dict(kaartdata.kleine_paden(jaar)) == dict(stijl.kleine_paden(jaar, kaartdata.KLEIN_BREEDTE))


@pytest.mark.parametrize("jaar", JAREN)
def test_the_map_frame_serves_the_shipped_file_in_feature_order(jaar):
    naam, inhoud = kaartframe.geometrie(jaar)
    assert inhoud == kaartdata.lees("geometrie", jaar)
    assert kaartframe.codes(jaar) == tuple(json.loads(inhoud)["codes"])
    assert list(kaartframe.codes(jaar)) == stijl.dekking(jaar)["gemeente_code"].tolist()


def test_the_build_writes_both_files_of_every_year(tmp_path):
    geschreven = kaartdata.bouw(tmp_path)
    assert sorted(p.name for p in geschreven) == sorted(
        f"{soort}_{jaar}.json" for soort in ("geometrie", "kleine_paden") for jaar in JAREN
    )
    for pad in geschreven:
        assert pad.read_bytes() == (kaartdata.MAP / pad.name).read_bytes()


def test_an_unknown_year_is_named():
    with pytest.raises(ValueError, match="geen kaartgegevens voor jaar 2019"):
        kaartdata.lees("geometrie", 2019)
