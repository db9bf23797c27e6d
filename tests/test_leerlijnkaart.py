"""The flow map: arrow geometry in RD New, anchors inside the project's municipalities, and the rendered HTML."""

import html as html_module
import json
import re

import numpy as np
import pandas as pd
import pytest
import shapely
from aanvalsteksten import ALLE_AANVALLEN

from classify import leerlijnen, vocab
from kaart import leerlijnkaart, stijl
from palet.kleuren import labelkleur
from projectdb import gebied

GEVAARLIJK = ALLE_AANVALLEN


def projecten() -> pd.DataFrame:
    """The Menzis Jeugd 18-/18+ chain as recorded, plus two follow-ups in Menzis' whole kernwerkgebied (one with a
    hostile title) and one in FoodValley itself; only P012 has years (2015-2016)."""
    rijen = [
        ("P012", "Methodiek 18-/18+", "GM0014;GM1895", "Ontwikkelproject", ()),
        ("P034", "Doorontwikkeling FoodValley", "wmo:FoodValley", "Doorontwikkelen", ("P012",)),
        ("P035", "Implementatie Arnhem", "GM0202", "Implementatie", ("P012",)),
        ("P041", "Implementatie Enschede", "GM0153", "Implementatie", ("P012",)),
        ("P090", GEVAARLIJK, "kernwerkgebied:Menzis", "Implementatie", ("P034",)),
        ("P091", "Zelfde gebied", "kernwerkgebied:Menzis", "Implementatie", ("P034",)),
        ("P092", "Ook in FoodValley", "wmo:FoodValley", "Implementatie", ("P034",)),
    ]
    frame = pd.DataFrame(
        [
            {
                "project_id": pid,
                "titel": titel,
                "gebied": gebied_,
                "intensiteit": fase,
                "bouwt_voort_op": basis,
                "indeling_jaar": 2017,
                "inhoud": "Jeugd 18-/18+",
                "verzekeraars": ("Menzis",),
                "startjaar": None,
                "eindjaar": None,
            }
            for pid, titel, gebied_, fase, basis in rijen
        ]
    ).astype({"startjaar": "Int64", "eindjaar": "Int64"})
    frame.loc[frame["project_id"] == "P012", ["startjaar", "eindjaar"]] = [2015, 2016]
    return frame


@pytest.fixture(scope="module")
def gegevens():
    frame = projecten()
    return frame, leerlijnen.ketens(leerlijnen.graaf(frame)), gebied.koppeling(frame, 2017)


@pytest.fixture(scope="module")
def html(gegevens):
    frame, ketens, koppeling = gegevens
    return leerlijnkaart.leerlijnkaart(ketens, frame, koppeling, 2017, "thema: Jeugd 18-/18+").get_root().render()


def _pijlen(html: str) -> list[dict]:
    regel = re.search(r"^\s*(\[\{\"lijn\".*\]).forEach", html, re.MULTILINE).group(1)
    return json.loads(regel.replace("<\\/", "</"))


def test_curve_runs_from_start_to_end_and_bends_to_the_right():
    van, naar = (100_000.0, 400_000.0), (200_000.0, 400_000.0)
    punten = leerlijnkaart.boog(van, naar)
    assert len(punten) == leerlijnkaart.STAPPEN
    np.testing.assert_allclose(punten[0], van)
    np.testing.assert_allclose(punten[-1], naar)
    midden = punten[len(punten) // 2]
    # Travelling east, right is south: the middle lies below the chord by half the control offset.
    assert midden[1] == pytest.approx(400_000 - leerlijnkaart.BOCHT * 100_000 / 2, rel=0.02)
    terug = leerlijnkaart.boog(naar, van)
    assert terug[len(terug) // 2][1] > 400_000


def test_close_anchors_give_a_loop_that_turns_for_each_further_loop():
    a = (150_000.0, 450_000.0)
    eerste, tweede = leerlijnkaart.boog(a, a), leerlijnkaart.boog(a, a, eerder=1)
    for lus in (eerste, tweede):
        np.testing.assert_allclose(lus[0], a)
        np.testing.assert_allclose(lus[-1], a)
        bereik = np.hypot(*(lus - a).T).max()
        assert 0.5 * leerlijnkaart.LUS_STRAAL_M < bereik < leerlijnkaart.LUS_STRAAL_M
    assert np.hypot(*(eerste[len(eerste) // 2] - tweede[len(tweede) // 2])) > 10_000


def test_arrowhead_sits_on_the_end_and_the_line_stops_at_its_base():
    punten = leerlijnkaart.boog((0.0, 0.0), (100_000.0, 0.0))
    kop, lijn = leerlijnkaart.pijlpunt(punten)
    np.testing.assert_allclose(kop[0], punten[-1])
    basis = (kop[1] + kop[2]) / 2
    np.testing.assert_allclose(lijn[-1], basis)
    lengte = np.hypot(*(kop[0] - basis))
    assert lengte == pytest.approx(np.clip(0.15 * 100_000, *leerlijnkaart.KOP_M))
    assert np.hypot(*(kop[1] - kop[2])) == pytest.approx(0.6 * lengte)


def test_anchor_lies_inside_the_union_of_the_projects_municipalities(gegevens):
    frame, _, koppeling = gegevens
    ankers = leerlijnkaart.ankers(list(frame["project_id"]), koppeling, 2017)
    vlakken = stijl.dekking(2017).set_index("gemeente_code").geometry
    for pid, (x, y) in ankers.items():
        codes = koppeling.loc[koppeling["project_id"] == pid, "gemeente_code"]
        assert shapely.union_all(vlakken[codes].values).contains(shapely.Point(x, y)), pid
    with pytest.raises(leerlijnkaart.GeenAnker, match="P777"):
        leerlijnkaart.ankers(["P777"], koppeling, 2017)


def test_place_names_come_from_the_gebied_tokens():
    assert leerlijnkaart.plaatsnaam("GM0014;GM1895", 2017) == "Groningen, Oldambt"
    assert leerlijnkaart.plaatsnaam("wmo:FoodValley;provincie:Drenthe", 2017) == "FoodValley, provincie Drenthe"
    assert leerlijnkaart.plaatsnaam("kernwerkgebied:CZ", 2017) == "kernwerkgebied CZ"
    assert leerlijnkaart.plaatsnaam("zorgkantoorregio:ZK05", 2017).startswith("zorgkantoorregio ")
    assert leerlijnkaart.kernwerkgebied("kernwerkgebied:CZ") == "CZ"
    assert leerlijnkaart.kernwerkgebied("kernwerkgebied:CZ;GM0014") == ""


def test_one_arrow_per_link_coloured_by_the_stage_it_leads_to(html, gegevens):
    _, ketens, _ = gegevens
    pijlen = _pijlen(html)
    assert len(pijlen) == len(leerlijnkaart.koppelingen(ketens)) == 6
    kleuren = [p["kleur"] for p in pijlen]
    assert kleuren[0] == labelkleur(vocab.AS_INTENSITEIT.label("Doorontwikkelen"))
    assert set(kleuren[1:]) == {labelkleur(vocab.AS_INTENSITEIT.label("Implementatie"))}
    for pijl in pijlen:
        punten = np.array(pijl["lijn"] + pijl["kop"])
        assert ((50.5 < punten[:, 0]) & (punten[:, 0] < 53.7)).all()  # EPSG:4326 latitude of the Netherlands
        assert ((3.2 < punten[:, 1]) & (punten[:, 1] < 7.3)).all()
        assert len(pijl["kop"]) == 3
    naar_p090, naar_p091 = (
        next(p for p in pijlen if p["tekst"].startswith(f"P034 → {pid}")) for pid in ("P090", "P091")
    )
    assert naar_p090["kop"][0] == pytest.approx(naar_p091["kop"][0], abs=1e-4)  # same anchors ...
    assert naar_p090["lijn"][20] != pytest.approx(naar_p091["lijn"][20], abs=1e-2)  # ... different paths


def test_parallel_links_bend_apart():
    van, naar = (100_000.0, 400_000.0), (200_000.0, 400_000.0)
    eerste, tweede = leerlijnkaart.boog(van, naar), leerlijnkaart.boog(van, naar, eerder=1)
    np.testing.assert_allclose(tweede[-1], naar)
    assert tweede[len(tweede) // 2][1] < eerste[len(eerste) // 2][1] - 5_000


def test_arrow_tooltips_say_where_it_was_developed_and_where_it_went(html):
    teksten = [p["tekst"] for p in _pijlen(html)]
    assert teksten[0].startswith("P012 → P034: ontwikkeld in Groningen, Oldambt → doorontwikkeld in FoodValley<br>")
    eerste_regels = [t.split("<br>")[0] for t in teksten]
    assert "P012 → P035: ontwikkeld in Groningen, Oldambt → geïmplementeerd in Arnhem" in eerste_regels
    assert teksten[0].split("<br>")[1:3] == ["P012: Methodiek 18-/18+ (2015–2016)", "P034: Doorontwikkeling FoodValley"]
    kern = next(t for t in teksten if t.startswith("P034 → P090"))
    assert "geïmplementeerd in kernwerkgebied Menzis" in kern
    assert "P090: project in het hele kernwerkgebied van Menzis" in kern
    lus = next(t for t in teksten if t.startswith("P034 → P092"))
    assert "lus: het vervolg ligt in hetzelfde of een overlappend gebied" in lus
    assert "lus:" not in kern


def test_user_text_is_escaped_and_never_run_as_a_template(html):
    assert GEVAARLIJK not in html and "<img src=x" not in html and "</script><script>alert(1)" not in html
    assert html_module.escape(GEVAARLIJK) in html  # {{ 7*7 }} kept as characters: never run as a template


def test_chain_municipalities_are_filled_by_earliest_stage(html):
    tabel = json.loads(re.search(r"var gemeenten_\w+_d = (\{.*?\});\n", html).group(1).replace("<\\/", "</"))
    ontwikkel = labelkleur(vocab.AS_INTENSITEIT.label("Ontwikkelproject"))
    assert tabel["GM0014"][0] == ontwikkel and tabel["GM1895"][0] == ontwikkel
    assert tabel["GM0202"][0] == labelkleur(vocab.AS_INTENSITEIT.label("Implementatie"))
    assert "GM0363" not in tabel  # Amsterdam: no chain project
    assert tabel["GM0014"][1].startswith("<b>Groningen</b> (GM0014)<br>P012 – Ontwikkelproject: Methodiek 18-/18+")
    assert len(re.findall(r'"type":"Feature","id":"GM\d{4}"', html)) == len(stijl.dekking(2017))


def test_legend_is_a_leaflet_control_with_stages_arrows_borders_and_notes(html):
    assert 'L.control({position: "bottomright"})' in html
    legenda = json.loads(re.search(r"div\.innerHTML = (\".*?\");\n", html).group(1).replace("<\\/", "</"))
    for tekst in (
        "Leerlijnen",
        "thema: Jeugd 18-/18+",
        "ontwikkelproject",
        "→ doorontwikkeld",
        "→ geïmplementeerd",
        "grens Wmo-regio",
        "lus: vervolg in hetzelfde of een overlappend gebied",
        "kernwerkgebied",
        "bouwt_voort_op",
    ):
        assert tekst in legenda, tekst
    assert "samenwerkingsafspraken" not in legenda
    assert "L.tileLayer" not in html


def test_border_layers_are_checked(gegevens):
    frame, ketens, koppeling = gegevens
    kaart = leerlijnkaart.leerlijnkaart(ketens, frame, koppeling, 2017, grenzen=("provincie",))
    legenda = kaart.get_root().render()
    assert "provinciegrens" in legenda and "grens Wmo-regio" not in legenda
    with pytest.raises(ValueError, match="snelweg"):
        leerlijnkaart.leerlijnkaart(ketens, frame, koppeling, 2017, grenzen=("snelweg",))
