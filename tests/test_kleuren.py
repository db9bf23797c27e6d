"""One colour per label, legends readable under colour-vision deficiency, and the same colour for a class on every
map: in the legend data, in the interactive map the app sends, on two theme pages and on both compare sides."""

import itertools
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from colorspacious import cspace_convert
from streamlit.testing.v1 import AppTest

from classify import vocab
from kaart import vulling
from kaart.model import SOORTEN, KaartSpec, kaartbeeld
from palet import kleuren
from palet.kleuren import ARCERING_KLEUR, GEEN_PROJECT_KLEUR, RAND_KLEUR, labelkleur

APP = str(Path(__file__).resolve().parents[1] / "app.py")
ZICHT = {"normaal": None, "protan": "protanomaly", "deutan": "deuteranomaly", "tritan": "tritanomaly"}
MIN_DELTA_E = 10.0
MIN_CONTRAST = 3.0
HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


def _rgb(kleur: str) -> np.ndarray:
    kleur = kleur.lstrip("#")
    return np.array([int(kleur[i : i + 2], 16) for i in (0, 2, 4)]) / 255


def _ucs(kleur: str, zicht: str | None) -> np.ndarray:
    rgb = _rgb(kleur)
    if zicht:
        rgb = np.clip(cspace_convert(rgb, {"name": "sRGB1+CVD", "cvd_type": zicht, "severity": 100}, "sRGB1"), 0, 1)
    return cspace_convert(rgb, "sRGB1", "CAM02-UCS")


def _contrast(a: str, b: str) -> float:
    def luminantie(kleur: str) -> float:
        c = _rgb(kleur)
        c = np.where(c <= 0.03928, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
        return float(0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2])

    hoog, laag = sorted((luminantie(a), luminantie(b)), reverse=True)
    return (hoog + 0.05) / (laag + 0.05)


def _alle_labels_frames():
    """Synthetic frames in which every label of every axis and every insurer occurs, one project per municipality,
    plus a 'deel' project reaching further municipalities only possibly: every class a legend can hold appears."""
    gemeenten = pd.DataFrame(
        {
            "gemeente_code": [f"GM{i:04d}" for i in range(1, 41)],
            "gemeente_naam": [f"Gemeente {i}" for i in range(1, 41)],
            "wmo_regio": [f"Regio {i % 5}" for i in range(1, 41)],
            "kernwerkgebied": [vocab.VERZEKERAAR_NAMEN[i % len(vocab.VERZEKERAAR_NAMEN)] for i in range(40)],
        }
    )
    rijen = []
    for i in range(12):
        rijen.append(
            {
                "project_id": f"P{i:03d}",
                "titel": f"Project {i}",
                "verzekeraars": (vocab.VERZEKERAAR_NAMEN[i % len(vocab.VERZEKERAAR_NAMEN)],),
                "inhoud": vocab.AS_INHOUD.namen[i % 6],
                "instrumenten": (vocab.AS_INSTRUMENT.namen[i % 5],),
                "intensiteit": vocab.AS_INTENSITEIT.namen[i % 4],
                "geografie": vocab.AS_GEOGRAFIE.namen[i % 3],
            }
        )
    projecten = pd.DataFrame(rijen)
    koppeling = pd.DataFrame(
        {
            "project_id": [f"P{i % 12:03d}" for i in range(30)] + ["P000"] * 5,
            "gemeente_code": [f"GM{i:04d}" for i in range(1, 31)] + [f"GM{i:04d}" for i in range(31, 36)],
            "zekerheid": ["zeker"] * 30 + ["mogelijk"] * 5,
        }
    )
    return projecten, koppeling, gemeenten


def _alle_specs() -> list[KaartSpec]:
    """Every map the app can draw, for every label: each map kind with each axis, label and restriction."""
    specs = [KaartSpec("totaal"), KaartSpec("kernwerkgebied"), KaartSpec("project", label="P001")]
    specs += [KaartSpec("verzekeraar", label=naam) for naam in vocab.VERZEKERAAR_NAMEN]
    for as_ in vocab.ASSEN:
        specs.append(KaartSpec("combinatie", as_code=as_.code))
        for label in as_.labels:
            specs.append(KaartSpec("totaal", as_code=as_.code, label=label.naam))
            specs.append(KaartSpec("aantal", as_code=as_.code, label=label.naam))
        for ander in vocab.ASSEN:
            if ander is not as_:
                specs += [
                    KaartSpec("versus", as_code=as_.code, label=a.naam, tweede_as=ander.code, tweede_label=b.naam)
                    for a in as_.labels
                    for b in ander.labels
                ]
    assert {s.soort for s in specs} == set(SOORTEN)
    return specs


def _legenda_kleuren(kaart) -> set[str]:
    return {kleur.upper() for item in kaart.legenda for kleur in vulling.kleuren(item.kleur)}


def test_every_label_and_insurer_has_exactly_one_colour():
    assert kleuren.ontbrekende_kleuren() == []
    for as_ in vocab.ASSEN:
        per_label = [labelkleur(label) for label in as_.labels]
        assert all(HEX.match(k) for k in per_label), per_label
        assert len({k.upper() for k in per_label}) == len(per_label), as_.code
        assert GEEN_PROJECT_KLEUR.upper() not in {k.upper() for k in per_label}
    per_verzekeraar = [kleuren.verzekeraarkleur(naam) for naam in vocab.VERZEKERAAR_NAMEN]
    assert all(HEX.match(k) for k in per_verzekeraar)
    assert len({k.upper() for k in per_verzekeraar}) == len(vocab.VERZEKERAARS)


def test_a_label_without_a_colour_fails_loudly_naming_the_label(monkeypatch):
    ggz = vocab.AS_INHOUD.label("GGZ")
    zonder = {code: k for code, k in kleuren.LABELKLEUREN["inhoud"].items() if code != "ggz"}
    monkeypatch.setitem(kleuren.LABELKLEUREN, "inhoud", zonder)
    assert kleuren.ontbrekende_kleuren() == ["label 'GGZ' (code 'ggz') van as 'Inhoudelijk' heeft geen kleur"]
    with pytest.raises(kleuren.OntbrekendeKleur, match="label 'GGZ' .* heeft geen kleur in palet.kleuren"):
        labelkleur(ggz)
    assert labelkleur(vocab.AS_INHOUD.label("Preventie")) == "#009E73"


def test_an_insurer_without_a_colour_fails_loudly_naming_the_insurer(monkeypatch):
    monkeypatch.delitem(kleuren.VERZEKERAARKLEUREN, "ONVZ")
    assert kleuren.ontbrekende_kleuren() == ["zorgverzekeraar 'ONVZ' heeft geen kleur"]
    with pytest.raises(kleuren.OntbrekendeKleur, match="zorgverzekeraar 'ONVZ' heeft geen kleur"):
        kleuren.verzekeraarkleur("onvz")


def test_a_colour_for_an_unknown_label_is_reported(monkeypatch):
    monkeypatch.setitem(
        kleuren.LABELKLEUREN, "geografie", {**kleuren.LABELKLEUREN["geografie"], "landelijk": "#000000"}
    )
    assert kleuren.ontbrekende_kleuren() == ["kleur voor onbekend label 'landelijk' van as 'Geografisch'"]


def test_every_legend_is_distinguishable_in_normal_and_colour_blind_vision():
    """Smallest CAM02-UCS distance between the colours of one legend, under normal vision and full protan, deutan
    and tritan simulation (severity 100). Hatched classes are told apart by their colours and pattern, so every
    colour that occurs in a legend (fills, hatching, "geen project") is compared with every other."""
    projecten, koppeling, gemeenten = _alle_labels_frames()
    zwakste = (np.inf, "", "", "", "")
    legendas = set()
    for spec in _alle_specs():
        kaart = kaartbeeld(spec, projecten, koppeling, gemeenten, jaar=2017)
        kleuren = tuple(sorted(_legenda_kleuren(kaart)))
        legendas.add(kleuren)
        for naam, zicht in ZICHT.items():
            punten = {k: _ucs(k, zicht) for k in kleuren}
            for a, b in itertools.combinations(kleuren, 2):
                afstand = float(np.linalg.norm(punten[a] - punten[b]))
                if afstand < zwakste[0]:
                    zwakste = (afstand, a, b, naam, spec.sleutel)
    assert len(legendas) > 20
    afstand, a, b, zicht, kaart = zwakste
    assert afstand >= MIN_DELTA_E, f"ΔE {afstand:.1f} tussen {a} en {b} ({zicht}, {kaart})"


def test_fills_stand_out_from_geen_project_by_contrast_or_outline():
    """WCAG 1.4.11: a fill lighter than 3:1 against "geen project" is outlined in a colour that has 3:1."""
    assert _contrast(RAND_KLEUR, GEEN_PROJECT_KLEUR) >= MIN_CONTRAST
    assert _contrast(ARCERING_KLEUR, GEEN_PROJECT_KLEUR) >= MIN_CONTRAST
    projecten, koppeling, gemeenten = _alle_labels_frames()
    kaart = kaartbeeld(
        KaartSpec("aantal", as_code="inhoud", label="Preventie"), projecten, koppeling, gemeenten, jaar=2017
    )
    licht = [i.klasse for i in kaart.legenda if _contrast(vulling.basis(i.kleur), GEEN_PROJECT_KLEUR) < 3]
    assert "1 project" in licht  # so the outline is what carries the contrast here


def test_a_label_keeps_its_colour_whatever_else_is_on_the_map():
    projecten, koppeling, gemeenten = _alle_labels_frames()
    kleur_per_klasse: dict[str, str] = {}
    for thema in vocab.AS_INHOUD.namen:
        spec = KaartSpec("combinatie", as_code="intensiteit", tweede_as="inhoud", tweede_label=thema)
        kaart = kaartbeeld(spec, projecten, koppeling, gemeenten, jaar=2017)
        for item in kaart.legenda:
            assert kleur_per_klasse.setdefault(item.klasse, item.kleur) == item.kleur, item.klasse
        for label in vocab.AS_INTENSITEIT.labels:
            if label.legenda in kleur_per_klasse:
                assert kleur_per_klasse[label.legenda] == labelkleur(label)


# --- in the app ------------------------------------------------------------------------------------------------


pytestmark = pytest.mark.usefixtures("moduleopslag")
"""The whole module runs on one store: the app tests below read it through SAMENWERKING_DB."""


def _draai(pagina: str, params: dict[str, str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for sleutel, waarde in params.items():
        at.query_params[sleutel] = waarde
    at.switch_page(pagina)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _kleur_per_klasse(at: AppTest) -> list[dict[str, str]]:
    """Per map on the page: class -> fill, read from the selection the map component receives."""
    uit = []
    for element in at.get("component_instance"):
        tabel = json.loads(element.proto.json_args)["selectie"]
        per_klasse = {}
        for klasse, vul, *_ in tabel["gemeenten"]:
            per_klasse[tabel["klassen"][klasse]] = tabel["vullingen"][vul][0]
        patronen = dict(re.findall(r'<pattern id="([^"]+)".*?>(.*?)</pattern>', tabel["patronen"]))
        uit.append({k: patronen.get(v[5:-1], v) if v.startswith("url(") else v for k, v in per_klasse.items()})
    return uit


def _gedeeld(links: dict[str, str], rechts: dict[str, str]) -> set[str]:
    gedeeld = set(links) & set(rechts) - {"geen project"}
    assert gedeeld, "beide kaarten hebben klassen gemeen"
    return gedeeld


def test_a_class_has_the_same_colour_on_two_theme_maps():
    ggz, preventie = (
        _kleur_per_klasse(_draai("pages/inhoudelijk.py", {"thema": thema, "kaart": "intensiteit"}))[0]
        for thema in ("ggz", "preventie")
    )
    for klasse in _gedeeld(ggz, preventie):
        assert ggz[klasse] == preventie[klasse], klasse


def test_a_class_has_the_same_colour_on_both_compare_sides():
    at = _draai(
        "pages/inhoudelijk.py", {"thema": "esw", "kaart": "intensiteit", "naast": "1", "b_verzekeraar": "menzis"}
    )
    links, rechts = _kleur_per_klasse(at)
    assert links != rechts  # two different selections
    for klasse in _gedeeld(links, rechts):
        assert links[klasse] == rechts[klasse], klasse
