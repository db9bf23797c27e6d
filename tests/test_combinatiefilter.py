"""The combination filter ("alle" per axis) on the shipped projects: which municipalities qualify, which are certain,
and that the URL, the description, the export and the command line agree. Expected sets are computed here from the
links one municipality at a time, independent of :func:`classify.filters.combinatie`."""

import itertools

import pandas as pd
import pytest

from classify import filters as flt
from classify import vocab, zekerheid
from dashboard import export, url
from projectdb import bereik
from projectdb.store import open_store
from tekst import selectietekst


@pytest.fixture(scope="module")
def projecten(tmp_path_factory):
    alle = open_store(tmp_path_factory.mktemp("db") / "s.sqlite").projecten()
    return alle[alle["status"] != "afgewezen"].reset_index(drop=True)


@pytest.fixture(scope="module")
def koppeling(projecten):
    return bereik.koppeling_zekerheid(projecten, flt.STANDAARD_JAAR)


def _heeft(project: dict, veld: str, naam: str) -> bool:
    waarde = project[veld]  # the filter fields are named as their columns
    return naam in waarde if isinstance(waarde, tuple) else waarde == naam


def _verwacht(filters: flt.Filters, projecten: pd.DataFrame, koppeling: pd.DataFrame) -> tuple[set, set]:
    """(qualifying, certain) municipalities, one municipality at a time: every required label reaches it (at all /
    certainly) through a project of the plain "een van" selection."""
    gekozen = flt.toepassen(flt.met(filters, alle=[]), projecten).set_index("project_id").to_dict("index")
    eisen = {(veld, naam) for veld in filters.alle for naam in getattr(filters, veld)}
    bereikt: dict[str, set] = {}
    zeker_bereikt: dict[str, set] = {}
    for pid, gemeente, hoe in koppeling[["project_id", "gemeente_code", "zekerheid"]].itertuples(index=False):
        if pid not in gekozen:
            continue
        gehaald = {eis for eis in eisen if _heeft(gekozen[pid], *eis)}
        bereikt.setdefault(gemeente, set()).update(gehaald)
        if hoe == "zeker":
            zeker_bereikt.setdefault(gemeente, set()).update(gehaald)
    return {g for g, e in bereikt.items() if e == eisen}, {g for g, e in zeker_bereikt.items() if e == eisen}


def _paren(projecten, koppeling, veld: str) -> list[flt.Filters]:
    """Every pair of labels on ``veld`` for which "alle" leaves some municipalities (found in the data)."""
    uit = []
    for a, b in itertools.combinations(flt.opties(veld), 2):
        filters = flt.met(flt.Filters(), **{veld: [a, b]}, alle=[veld])
        if not flt.combinatie(filters, flt.toepassen(filters, projecten), koppeling)[1].empty:
            uit.append(filters)
    return uit


def _gemeenten(links: pd.DataFrame) -> tuple[set, set]:
    zeker = set(links.loc[zekerheid.is_zeker(links).to_numpy(), "gemeente_code"])
    return set(links["gemeente_code"]), zeker


@pytest.mark.parametrize("veld", ["intensiteit", "instrumenten", "verzekeraars"])
def test_alle_keeps_exactly_the_municipalities_reached_by_every_label(projecten, koppeling, veld):
    paren = _paren(projecten, koppeling, veld)
    assert paren, f"geen paar labels op {veld} dat samen in een gemeente voorkomt"
    for filters in paren:
        gekozen, links = flt.combinatie(filters, flt.toepassen(filters, projecten), koppeling)
        telt, zeker = _verwacht(filters, projecten, koppeling)
        assert _gemeenten(links) == (telt, zeker), filters
        assert set(gekozen["project_id"]) == set(links["project_id"])
        # The dashboard hands already combined links to the export, which combines again: nothing may change.
        opnieuw = flt.combinatie(filters, gekozen, links)
        assert opnieuw[0].equals(gekozen) and opnieuw[1].equals(links)
        # "alle" is stricter than "een van": never more municipalities.
        een_van = koppeling[koppeling["project_id"].isin(flt.toepassen(filters, projecten)["project_id"])]
        assert telt <= set(een_van["gemeente_code"])


def test_a_municipality_is_certain_only_when_every_label_reaches_it_certainly(projecten, koppeling):
    # Some pair on intensiteit has both kinds: certain and only possible municipalities.
    gemengd = [
        f
        for f in _paren(projecten, koppeling, "intensiteit")
        if 0 < len(_verwacht(f, projecten, koppeling)[1]) < len(_verwacht(f, projecten, koppeling)[0])
    ]
    assert gemengd
    filters = gemengd[0]
    telt, zeker = _verwacht(filters, projecten, koppeling)
    _, links = flt.combinatie(filters, flt.toepassen(filters, projecten), koppeling)
    # In a possible municipality every link is possible, even a link that was certain for one label.
    mogelijk = links[~links["gemeente_code"].isin(zeker)]
    assert not mogelijk.empty and (mogelijk["zekerheid"] == "mogelijk").all()
    assert set(links.loc[links["zekerheid"] == "zeker", "gemeente_code"]) == zeker
    # 'Alleen zekere gebieden' first drops the possible links, then asks for every label: the certain ones remain.
    streng = flt.met(filters, alleen_zeker=True)
    _, alleen = flt.combinatie(streng, flt.toepassen(streng, projecten), zekerheid.alleen_zeker(koppeling))
    assert set(alleen["gemeente_code"]) == zeker


def test_two_axes_with_alle_must_both_hold(projecten, koppeling):
    intensiteit = _paren(projecten, koppeling, "intensiteit")[0]
    instrumenten = _paren(projecten, koppeling, "instrumenten")[0]
    beide = flt.met(intensiteit, instrumenten=instrumenten.instrumenten, alle=["intensiteit", "instrumenten"])
    _, links = flt.combinatie(beide, flt.toepassen(beide, projecten), koppeling)
    assert _gemeenten(links) == _verwacht(beide, projecten, koppeling)


def test_een_van_and_a_single_label_change_nothing(projecten, koppeling):
    filters = flt.met(flt.Filters(), intensiteit=["Ontwikkelproject", "Implementatie"])
    gekozen = flt.toepassen(filters, projecten)
    assert flt.combinatie(filters, gekozen, koppeling) == (gekozen, koppeling)
    # One label is the same either way, so "alle" is not kept for it.
    assert flt.met(flt.Filters(), intensiteit=["Implementatie"], alle=["intensiteit"]).alle == ()


def test_an_impossible_combination_leaves_nothing_and_says_so(projecten, koppeling):
    leeg = next(
        f
        for thema in vocab.AS_INHOUD.namen
        for a, b in itertools.combinations(vocab.AS_INTENSITEIT.namen, 2)
        for f in [flt.met(flt.Filters(), inhoud=[thema], intensiteit=[a, b], alle=["intensiteit"])]
        if not flt.toepassen(f, projecten).empty and flt.combinatie(f, flt.toepassen(f, projecten), koppeling)[1].empty
    )
    gekozen, links = flt.combinatie(leeg, flt.toepassen(leeg, projecten), koppeling)
    assert gekozen.empty and links.empty
    tekst = selectietekst.geen_gemeente(leeg)
    assert tekst.startswith("Geen enkele gemeente heeft projecten met alle gekozen labels")
    assert " én ".join(leeg.intensiteit) in tekst
    assert selectietekst.geen_gemeente(flt.met(leeg, alle=[])) == ""


def test_alle_travels_in_the_url_and_the_description():
    filters = flt.met(flt.Filters(), inhoud=["Ouderen"], intensiteit=["Ontwikkelproject", "Implementatie"])
    filters = flt.met(filters, alle=["intensiteit"])
    params = url.schrijf(filters)
    assert params == {"inhoud": "ouderen", "intensiteit": "ontwikkelproject,implementatie", "alle": "intensiteit"}
    assert url.lees(params) == (filters, ())
    assert url.lees(url.schrijf(filters, url.PREFIX_RECHTS), url.PREFIX_RECHTS) == (filters, ())
    assert selectietekst.beschrijving(filters) == (
        "inhoud: Ouderen; samenwerkingsvorm: Ontwikkelproject én Implementatie in dezelfde gemeente"
    )
    gelezen, meldingen = url.lees({"intensiteit": "implementatie,ontwikkelproject", "alle": "intensiteit,kleur"})
    assert gelezen.alle == ("intensiteit",)
    assert meldingen == (
        "Parameter alle: 'kleur' is geen as; kies uit: verzekeraar, inhoud, instrument, intensiteit, geografie",
    )


def test_the_export_counts_the_same_projects_as_the_map(projecten, koppeling):
    filters = _paren(projecten, koppeling, "intensiteit")[0]
    verwacht, _ = flt.combinatie(filters, flt.toepassen(filters, projecten), koppeling)
    uit = export.exporteer((), filters, projecten, koppeling, pd.DataFrame(), formaat="csv")
    regels = uit.inhoud.decode("utf-8-sig").strip().splitlines()
    assert len(regels) - 1 == len(verwacht) < len(flt.toepassen(filters, projecten))
