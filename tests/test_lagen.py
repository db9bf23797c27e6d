"""The one layer registry: every renderer, the URL codec and the export command line take codes, labels, styles
and drawing order from :mod:`geo.lagen`, read back from what they produce."""

import json
import re

import pandas as pd
import pytest

from dashboard import url
from dashboard.export import _parser
from geo import geodata
from geo.lagen import HALO, KAARTLAGEN, kaartlaag, tekenvolgorde
from kaart import interactief, leerlijnkaart
from kaart.model import KaartSpec, kaartbeeld
from palet.kleuren import HALO_KLEUR, LAAGKLEUREN, laagkleur

CODES = tuple(laag.code for laag in KAARTLAGEN)


def _kaartbeeld():
    gemeenten = pd.DataFrame(geodata.gemeenten(2017).drop(columns="geometry"))
    projecten = pd.DataFrame(
        {
            "project_id": ["P001"],
            "titel": ["Project"],
            "verzekeraars": [("VGZ",)],
            "inhoud": ["GGZ"],
            "instrumenten": [("Werkwijze",)],
            "intensiteit": ["Ontwikkelproject"],
            "geografie": ["Gemeentelijk"],
        }
    )
    koppeling = pd.DataFrame({"project_id": ["P001"], "gemeente_code": gemeenten["gemeente_code"].iloc[:1]})
    return kaartbeeld(KaartSpec("totaal"), projecten, koppeling, gemeenten, jaar=2017, selectie="alle projecten")


def _lijnstijlen(html: str) -> list[dict]:
    """The line styles the interactive map's overlay script applies, in the order it adds them."""
    return [json.loads(stijl) for stijl in re.findall(r"Object\.assign\(\{fill: false\}, (\{.*?\})\)", html)]


def test_every_layer_and_insurer_variant_round_trips_through_the_url():
    for laag in KAARTLAGEN:
        namen = (laag.code, f"{laag.code}:VGZ") if laag.per_verzekeraar else (laag.code,)
        for naam in namen:
            assert url.lees_lagen(url.schrijf_lagen((naam,))) == ((naam,), ())
    assert url.schrijf_lagen(CODES) == {"lagen": ",".join(laag.url for laag in KAARTLAGEN)}


def test_the_interactive_map_draws_in_registry_order_with_registry_styles_whatever_order_it_is_given():
    html = interactief.basiskaart(2017, tuple(reversed(CODES))).get_root().render()
    verwacht = []
    for laag in KAARTLAGEN:
        if laag.per_verzekeraar:
            verwacht += [(HALO["lijndikte_px"], HALO_KLEUR), (laag.lijndikte_px, None)]
        else:
            verwacht.append((laag.lijndikte_px, laagkleur(laag.code)))
    assert [(stijl["weight"], stijl["color"]) for stijl in _lijnstijlen(html)] == verwacht


def test_legends_name_the_layers_with_the_registry_labels():
    from dashboard.legenda import lagenregels

    html = lagenregels(CODES, 2017)
    for laag in KAARTLAGEN:
        assert f"{laag.lijndikte_px}px" in html and laag.legenda in html
    grenzen = [laag.code for laag in KAARTLAGEN if not laag.per_verzekeraar]
    leerlijnlegenda = leerlijnkaart._legenda_html(set(), set(), grenzen, False, False, "")
    assert [kaartlaag(code).legenda in leerlijnlegenda for code in grenzen] == [True] * len(grenzen)


def test_every_layer_has_exactly_one_line_colour_in_the_palette():
    assert sorted(LAAGKLEUREN) == sorted(CODES)


def test_drawing_order_is_one_order_and_rejects_unknown_layers():
    assert tekenvolgorde(reversed(CODES)) == CODES
    with pytest.raises(ValueError, match="onbekende kaartlaag 'snelweg'"):
        tekenvolgorde(("snelweg",))


def test_the_export_command_line_lists_the_url_names_of_the_layers():
    hulp = " ".join(_parser().format_help().split())
    assert ", ".join(laag.url for laag in KAARTLAGEN) in hulp
