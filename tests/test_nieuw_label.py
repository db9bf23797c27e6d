"""Adding one label to the vocabulary needs no change anywhere else but its colour in palet/kleuren.py: with an
axis extended in place (as if classify/vocab.py had one more ``Label`` and the palette its colour), filters, the URL
codec, combinations, map legends and colours, the export command line and the glossary checks all take the new
label as they take the others."""

from __future__ import annotations

import pandas as pd
import pytest
import test_begrippen

from classify import combinaties, vocab
from classify import filters as flt
from dashboard import export, url
from geo import geodata
from kaart.model import KaartSpec, kaartbeeld
from palet import kleuren
from palet.kleuren import labelkleur
from tekst import selectietekst

NIEUW = {
    "inhoud": vocab.Label(
        naam="Sport",
        code="sport",
        kort="sport",
        legenda="sport",
        definitie="Samen bewegen en sporten in de wijk als weg naar gezondheid.",
        synoniemen=("bewegen",),
    ),
    "instrument": vocab.Label(
        naam="Subsidie",
        code="subsidie",
        kort="subsidie",
        legenda="subsidie",
        definitie="Een gezamenlijke subsidieregeling voor initiatieven in de wijk.",
        synoniemen=("subsidieregeling",),
    ),
}

NIEUWE_KLEUR = {"inhoud": "#117733", "instrument": "#332288"}


@pytest.fixture(params=sorted(NIEUW))
def uitgebreid(request, monkeypatch):
    """The axis ``request.param`` with its new label appended, changed in place so every importer sees it, and
    its colour added to the palette."""
    monkeypatch.setitem(
        kleuren.LABELKLEUREN,
        request.param,
        {**kleuren.LABELKLEUREN[request.param], NIEUW[request.param].code: NIEUWE_KLEUR[request.param]},
    )
    as_ = vocab.as_voor(request.param)
    nieuw = vocab.As(
        code=as_.code,
        naam=as_.naam,
        kolom=as_.kolom,
        meervoudig=as_.meervoudig,
        labels=(*as_.labels, NIEUW[request.param]),
    )
    oud = {veld: getattr(as_, veld) for veld in ("labels", "_index")}
    for veld in oud:
        object.__setattr__(as_, veld, getattr(nieuw, veld))
    try:
        yield as_, NIEUW[request.param]
    finally:
        for veld, waarde in oud.items():
            object.__setattr__(as_, veld, waarde)


def _veld(as_: vocab.As) -> str:
    return next(veld for veld in flt.LABELVELDEN if veld != "verzekeraars" and flt.opties(veld) == as_.namen)


def _projecten(as_: vocab.As, label: vocab.Label) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Two projects in two municipalities, the second with the new label; the rest taken from the first labels."""
    waarde = {a.kolom: ((a.namen[0],) if a.meervoudig else a.namen[0]) for a in vocab.ASSEN}
    nieuw = {**waarde, as_.kolom: (label.naam,) if as_.meervoudig else label.naam}
    projecten = pd.DataFrame(
        [
            {"project_id": "P1", "titel": "Eerste", "verzekeraars": ("VGZ",), **waarde},
            {"project_id": "P2", "titel": "Met het nieuwe label", "verzekeraars": ("CZ",), **nieuw},
        ]
    )
    koppeling = pd.DataFrame({"project_id": ["P1", "P2"], "gemeente_code": ["GM0001", "GM0002"]})
    return projecten, koppeling


def test_filters_and_the_url_codec_take_the_new_label(uitgebreid):
    as_, label = uitgebreid
    veld = _veld(as_)
    assert flt.opties(veld)[-1] == label.naam
    filters = flt.met(flt.Filters(), **{veld: [label.synoniemen[0]]})
    assert getattr(filters, veld) == (label.naam,)
    projecten, _ = _projecten(as_, label)
    assert flt.toepassen(filters, projecten)["project_id"].tolist() == ["P2"]
    params = url.schrijf(filters)
    assert params == {url.PARAMETERS[veld]: label.code}
    assert url.lees(params) == (filters, ())
    assert label.naam in selectietekst.beschrijving(filters)


def test_combinations_legends_and_colours_take_the_new_label(uitgebreid):
    as_, label = uitgebreid
    projecten, koppeling = _projecten(as_, label)
    gemeenten = pd.DataFrame(geodata.gemeenten(2017).drop(columns="geometry"))
    koppeling = koppeling.assign(gemeente_code=gemeenten["gemeente_code"].iloc[:2].to_numpy())
    if as_.meervoudig:
        alle = (1 << len(as_.labels)) - 1
        assert len(combinaties.volgorde(as_, range(1, alle + 1))) == alle
        assert combinaties.combinatie(as_, alle).endswith(label.legenda)
        kaart = kaartbeeld(KaartSpec("combinatie", as_code=as_.code), projecten, koppeling, gemeenten, jaar=2017)
        assert label.legenda in [item.klasse for item in kaart.legenda]
    else:
        ander = next(a for a in vocab.ASSEN if a.meervoudig)
        spec = KaartSpec(
            "versus", as_code=ander.code, label=ander.namen[0], tweede_as=as_.code, tweede_label=label.naam
        )
        kaart = kaartbeeld(spec, projecten, koppeling, gemeenten, jaar=2017)
        klasse = f"{ander.labels[0].legenda}: {label.legenda}"
        assert (klasse, labelkleur(label)) in [(item.klasse, item.kleur) for item in kaart.legenda]
    telling = combinaties.aantallen_per_label(projecten, koppeling, as_)
    assert telling.set_index("gemeente_code").at[koppeling["gemeente_code"].iloc[1], label.naam] == 1


def test_the_export_command_line_and_the_glossary_checks_follow(uitgebreid):
    as_, label = uitgebreid
    assert label.naam in " ".join(export._parser().format_help().split())
    assert export.kaartspecs(["totaal"], ["alle"])[-1].label == vocab.AS_INHOUD.namen[-1]
    test_begrippen.test_the_readme_holds_the_glossary_table()
    test_begrippen.test_the_glossary_names_nothing_that_is_not_in_use()
    test_begrippen.test_the_url_codec_takes_its_names_from_the_glossary()
