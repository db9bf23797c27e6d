"""One filter truth in Streamlit's AppTest: a page's own choice is the sidebar's filter, a page that needs one label
says which it shows when the sidebar holds several or none, and the combination switch ("een van" / "alle") reaches
the figures. The store is a fresh SQLite file built from the shipped projecten.csv."""

import os
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from classify import filters as flt
from classify import vocab
from dashboard import url, zijbalk
from kaart.model import alleen_minima
from projectdb import bereik
from projectdb.store import open_store
from tekst import analysetekst, selectietekst

APP = str(Path(__file__).resolve().parents[1] / "app.py")


@pytest.fixture(scope="module", autouse=True)
def database(tmp_path_factory):
    pad = tmp_path_factory.mktemp("db") / "samenwerking.sqlite"
    oud = os.environ.get("SAMENWERKING_DB")
    os.environ["SAMENWERKING_DB"] = str(pad)
    yield open_store(pad)
    if oud is None:
        del os.environ["SAMENWERKING_DB"]
    else:
        os.environ["SAMENWERKING_DB"] = oud


@pytest.fixture(scope="module")
def projecten(database):
    alle = database.projecten()
    return alle[alle["status"] == "vastgesteld"].reset_index(drop=True)


def _draai(pagina: str, params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for sleutel, waarde in (params or {}).items():
        at.query_params[sleutel] = waarde
    if pagina != "pages/overzicht.py":
        at.switch_page(pagina)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _keuze(at: AppTest, key: str):
    return at.get_by_key(key)


def _infos(at: AppTest) -> list[str]:
    return [i.value for i in at.info]


@pytest.mark.parametrize(
    ("pagina", "params", "veld", "naam", "kop"),
    [
        ("pages/zorgverzekeraars.py", {"verzekeraar": "cz"}, "verzekeraars", "CZ", "Projecten van CZ"),
        ("pages/inhoudelijk.py", {"inhoud": "ggz"}, "inhoud", "GGZ", "GGZ – totaal"),
        ("pages/instrumenteel.py", {"instrument": "inkoop"}, "instrumenten", "Inkoop", None),
        ("pages/samenwerkingsvorm.py", {"intensiteit": "implementatie"}, "intensiteit", "Implementatie", None),
    ],
)
def test_the_page_shows_the_sidebars_label(pagina, params, veld, naam, kop):
    at = _draai(pagina, params)
    assert _keuze(at, f"w_een_{veld}").value == naam
    assert analysetekst.GEEN_PROJECTEN not in _infos(at)
    if kop:
        assert at.main.header[0].value.startswith(kop)
    # One label in the sidebar: nothing to explain about this field (a versus page still explains its theme).
    titel = zijbalk.VELDTITELS[veld].lower()
    assert not [c.value for c in at.caption if c.value.startswith("De zijbalk kiest") and titel in c.value]


def test_choosing_on_the_page_sets_the_sidebar_filter():
    at = _draai("pages/zorgverzekeraars.py", {"verzekeraar": "cz", "inhoud": "preventie"})
    _keuze(at, "w_een_verzekeraars").set_value("VGZ").run()
    assert not at.exception
    assert at.query_params["verzekeraar"] == "vgz"
    assert at.query_params["inhoud"] == "preventie"
    assert at.main.header[0].value.startswith("Projecten van VGZ")


def test_several_or_no_labels_in_the_sidebar_are_explained_in_one_line():
    at = _draai("pages/zorgverzekeraars.py", {"verzekeraar": "vgz,cz"})
    assert _keuze(at, "w_een_verzekeraars").value == "VGZ"  # the first in canonical order
    (uitleg,) = [c.value for c in at.caption if c.value.startswith("De zijbalk kiest")]
    assert uitleg.startswith("De zijbalk kiest 2 labels bij zorgverzekeraar (VGZ, CZ)")
    assert "de eerste, VGZ" in uitleg
    at = _draai("pages/inhoudelijk.py")
    (uitleg,) = [c.value for c in at.caption if c.value.startswith("De zijbalk kiest")]
    assert uitleg == (
        f"De zijbalk kiest geen inhoud (thema); deze pagina gaat over één en toont de eerste: "
        f"{vocab.AS_INHOUD.namen[0]}. Een keuze hier zet ook de zijbalk."
    )


def test_an_older_link_with_the_pages_own_parameter_becomes_the_sidebar_filter():
    at = _draai("pages/zorgverzekeraars.py", {"verz": "menzis", "kaart": "x"})
    assert "verz" not in at.query_params
    assert at.query_params["verzekeraar"] == "menzis"
    assert at.main.header[0].value.startswith("Projecten van Menzis")


def test_leerlijnen_has_no_selectors_of_its_own_and_follows_the_sidebar():
    at = _draai("pages/leerlijnen.py", {"verzekeraar": "menzis"})
    assert not at.main.segmented_control and not at.main.radio
    assert at.caption[0].value.startswith("Selectie: verzekeraar: Menzis.")


def test_the_combination_switch_appears_with_two_labels_and_writes_the_url():
    at = _draai("pages/overzicht.py", {"intensiteit": "ontwikkelproject,implementatie"})
    schakelaar = _keuze(at, "w_alle_intensiteit")
    assert schakelaar.value == flt.EEN_VAN
    assert selectietekst.UITLEG[flt.EEN_VAN] in [c.value for c in at.sidebar.caption]
    schakelaar.set_value(flt.ALLE).run()
    assert not at.exception
    assert at.query_params["alle"] == "intensiteit"
    assert selectietekst.UITLEG[flt.ALLE] in [c.value for c in at.sidebar.caption]
    # With one label there is nothing to combine.
    at = _draai("pages/overzicht.py", {"intensiteit": "implementatie"})
    assert "w_alle_intensiteit" not in [getattr(r, "key", None) for r in at.sidebar.radio]


def test_alle_reaches_the_figures_and_the_analysis(projecten):
    params = {"intensiteit": "ontwikkelproject,implementatie", "alle": "intensiteit"}
    filters, _ = url.lees(params)
    koppeling = bereik.koppeling_zekerheid(projecten, filters.jaar)
    gekozen, links = flt.combinatie(filters, flt.toepassen(filters, projecten), koppeling)
    zeker = links.loc[links["zekerheid"] == "zeker", "gemeente_code"].nunique()
    mogelijk = links["gemeente_code"].nunique() - zeker
    een_van = flt.toepassen(filters, projecten)
    assert 0 < len(gekozen) < len(een_van) and zeker and mogelijk  # the data exercise every case
    at = _draai("pages/overzicht.py", params)
    metrieken = {m.label: m for m in at.metric}
    assert metrieken["Projecten"].value == str(len(gekozen))
    assert metrieken["Gemeenten zeker"].value.startswith(f"{zeker} / ")
    assert metrieken["Gemeenten zeker"].proto.delta == f"mogelijk nog {mogelijk}"
    # The map (without minima contracts, as on Overzicht) counts the same municipalities in its legend.
    kaartlinks = links[links["project_id"].isin(gekozen.loc[~alleen_minima(gekozen), "project_id"])]
    kaart_zeker = kaartlinks.loc[kaartlinks["zekerheid"] == "zeker", "gemeente_code"].nunique()
    kaart_mogelijk = kaartlinks["gemeente_code"].nunique() - kaart_zeker
    # The legend beside the map: one button per class with its number of municipalities, under the selection.
    knoppen = [b.label for b in at.button if (b.key or "").startswith("legenda-overzicht-totaal-links-")]
    assert f"samenwerkingsprojecten ({kaart_zeker})" in knoppen
    assert any(k.startswith("mogelijk") and k.endswith(f" ({kaart_mogelijk})") for k in knoppen)
    bijschriften = [c.value.replace("\\", "") for c in at.caption]
    assert any(
        "Selectie: samenwerkingsvorm: Ontwikkelproject én Implementatie in dezelfde gemeente" in c for c in bijschriften
    )
    # The Analyse panel counts the projects of the combination, not of "een van".
    tekst = next(m.value for m in at.markdown if m.value.startswith("**Analyse**"))
    n = len(gekozen[~alleen_minima(gekozen)])
    assert re.search(rf"- {n} projecten( zeker)? in ", tekst)


def test_an_impossible_combination_says_so_plainly(projecten):
    koppeling = bereik.koppeling_zekerheid(projecten, flt.STANDAARD_JAAR)
    leeg = next(
        f
        for thema in vocab.AS_INHOUD.namen
        for a in vocab.AS_INTENSITEIT.namen
        for b in vocab.AS_INTENSITEIT.namen
        if a < b
        for f in [flt.met(flt.Filters(), inhoud=[thema], intensiteit=[a, b], alle=["intensiteit"])]
        if not flt.toepassen(f, projecten).empty and flt.combinatie(f, flt.toepassen(f, projecten), koppeling)[1].empty
    )
    at = _draai("pages/overzicht.py", url.schrijf(leeg))
    assert selectietekst.geen_gemeente(leeg) in _infos(at)
    assert {m.label: m.value for m in at.metric}["Projecten"] == "0"
