import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from classify import combinaties as comb
from classify import vocab
from kaart import combinatiekleuren as kl
from palet.kleuren import labelkleur

# Legends quoted from the report (002_4672d5e83c675345.txt), in the report's order and spelling.
OUDEREN_INTENSITEIT = [
    "ontwikkelpromer + implementeren + samenwerkingsafspraken",
    "ontwikkelpromer + implementeren",
    "ontwikkelpromer + samenwerkingsafspraken",
    "ontwikkelpromer",
    "doorontwikkelen + implementeren",
    "doorontwikkelen",
    "implementeren + samenwerkingsafspraken",
    "implementeren",
    "samenwerkingsafspraken",
]
ESW_INTENSITEIT = [
    "ontwikkelpject + doorontwikkelen + implementatie + samenwerkingsafspraken",
    "ontwikkelpject + implementatie + samenwerkingsafspraken",
    "ontwikkelpject + doorontwikkelen",
    "ontwikkelpject + implementatie",
    "ontwikkelpject + samenwerkingsafspraken",
    "ontwikkelpject",
    "doorontwikkelen",
    "implementatie",
    "samenwerkingsafspraken",
]
GEOGRAFIE_TOTAAL = [
    "bovenregionaal + regionaal + gemeenten",
    "bovenregionaal + regionaal",
    "bovenregionaal + gemeenten",
    "bovenregionaal",
    "regionaal + gemeenten",
    "regionaal",
    "gemeenten",
]
PREVENTIE_INTENSITEIT = [  # the report adds "doorontwikkelen" after these, out of order
    "ontwikkelproject + doorontwikkelen + samenwerkingsafspraken",
    "ontwikkelproject + implementeren + samenwerkingsafspraken",
    "ontwikkelproject + implementeren",
    "ontwikkelproject + samenwerkingsafspraken",
    "ontwikkelproject",
    "implementeren + samenwerkingsafspraken",
    "implementeren",
    "samenwerkingsafspraken",
]


@pytest.mark.parametrize(
    "as_code,legenda",
    [
        ("intensiteit", OUDEREN_INTENSITEIT),
        ("intensiteit", ESW_INTENSITEIT),
        ("geografie", GEOGRAFIE_TOTAAL),
        ("intensiteit", PREVENTIE_INTENSITEIT),
    ],
    ids=["ouderen", "esw", "geografie", "preventie"],
)
def test_order_reproduces_report_legends(as_code, legenda):
    maskers = [comb.masker(as_code, tekst) for tekst in legenda]
    assert comb.volgorde(as_code, reversed(maskers)) == maskers


def test_more_labels_first_within_the_same_leading_label():
    # A plain lexicographic order would put "ontwikkelproject + doorontwikkelen" before the three-label set.
    drie = comb.masker("intensiteit", "ontwikkelproject + implementeren + samenwerkingsafspraken")
    twee = comb.masker("intensiteit", "ontwikkelproject + doorontwikkelen")
    assert comb.volgorde("intensiteit", [twee, drie]) == [drie, twee]


ALLE_INSTRUMENTEN = 2 ** len(vocab.AS_INSTRUMENT.labels) - 1
"""Mask of every instrument at once; also the number of non-empty instrument combinations."""


def test_every_instrument_combination_has_one_place():
    alle = comb.volgorde(vocab.AS_INSTRUMENT, range(1, ALLE_INSTRUMENTEN + 1))
    assert len(alle) == ALLE_INSTRUMENTEN
    assert comb.combinatie("instrument", alle[0]) == (
        "werkwijze + beleid + inkoop + collectieve zorgminima + samenwerkingsdocument"
    )
    assert [comb.combinatie("instrument", m) for m in alle[-3:]] == [
        "collectieve zorgminima + samenwerkingsdocument",
        "collectieve zorgminima",
        "samenwerkingsdocument",
    ]


def test_combination_text_uses_legend_forms_in_axis_order():
    assert comb.combinatie("intensiteit", 0b1111) == (
        "ontwikkelproject + doorontwikkelen + implementeren + samenwerkingsafspraken"
    )
    assert comb.combinatie(vocab.AS_INSTRUMENT, 0b11111) == (
        "werkwijze + beleid + inkoop + collectieve zorgminima + samenwerkingsdocument"
    )
    assert comb.combinatie("geografie", 0b111) == "bovenregionaal + regionaal + gemeenten"
    assert comb.masker("intensiteit", "samenwerkingsafspraken + ontwikkelpoject") == 0b1001
    assert comb.masker("intensiteit", "ontwikkelpject + ontwikkelproject") == 0b0001
    with pytest.raises(vocab.OnbekendLabel, match="'kwaliteit' is geen waarde"):
        comb.masker("intensiteit", "ontwikkelproject + kwaliteit")


def _projecten():
    return pd.DataFrame(
        {
            "project_id": ["P1", "P2", "P3", "P4"],
            "inhoud": ["Ouderen", "GGZ", "Ouderen", "Anders"],
            "instrumenten": [("Werkwijze",), ("Werkwijze", "Beleid"), ("Inkoop",), ("Samenwerkingsdocument",)],
            "intensiteit": ["Ontwikkelproject", "Implementatie", "Samenwerkingsafspraken", "Ontwikkelproject"],
        }
    )


KOPPELING = pd.DataFrame(
    [
        ("P1", "GM0002"),
        ("P2", "GM0002"),
        ("P2", "GM0001"),
        ("P3", "GM0003"),
        ("P3", "GM0002"),
        ("P1", "GM0002"),
        ("P9", "GM0004"),
        ("P4", "GM0003"),
    ],
    columns=["project_id", "gemeente_code"],
)


def test_combinaties_per_municipality():
    uitkomst = comb.combinaties(_projecten(), KOPPELING, vocab.AS_INTENSITEIT)
    assert list(uitkomst.columns) == ["gemeente_code", "combinatie", "masker", "aantal_projecten"]
    assert uitkomst.values.tolist() == [
        ["GM0001", "implementeren", 0b0100, 1],
        ["GM0002", "ontwikkelproject + implementeren + samenwerkingsafspraken", 0b1101, 3],
        ["GM0003", "ontwikkelproject + samenwerkingsafspraken", 0b1001, 2],
    ]


def test_multi_valued_axis_sets_several_bits():
    uitkomst = comb.combinaties(_projecten(), KOPPELING, "instrument").set_index("gemeente_code")
    assert uitkomst.loc["GM0001", "combinatie"] == "werkwijze + beleid"
    assert uitkomst.loc["GM0002", "combinatie"] == "werkwijze + beleid + inkoop"
    assert uitkomst.loc["GM0003", "combinatie"] == "inkoop + samenwerkingsdocument"


def test_filtered_projects_filter_the_map():
    uitkomst = comb.combinaties(_projecten().iloc[[0, 3]], KOPPELING, "inhoud")
    assert uitkomst[["gemeente_code", "combinatie", "aantal_projecten"]].values.tolist() == [
        ["GM0002", "ouderen", 1],
        ["GM0003", "'anders'", 1],
    ]
    leeg = comb.combinaties(_projecten().iloc[:0], KOPPELING, "inhoud")
    assert leeg.empty and list(leeg.columns) == ["gemeente_code", "combinatie", "masker", "aantal_projecten"]


def test_aantallen_per_label():
    uitkomst = comb.aantallen_per_label(_projecten(), KOPPELING, "instrument")
    assert list(uitkomst.columns) == ["gemeente_code", *vocab.AS_INSTRUMENT.namen]
    assert uitkomst.set_index("gemeente_code").loc["GM0002"].tolist() == [2, 1, 1, 0, 0]
    per_intensiteit = comb.aantallen_per_label(_projecten(), KOPPELING, "intensiteit").set_index("gemeente_code")
    assert per_intensiteit.loc["GM0003"].to_dict() == {
        "Ontwikkelproject": 1,
        "Doorontwikkelen": 0,
        "Implementatie": 0,
        "Samenwerkingsafspraken": 1,
    }
    assert (per_intensiteit.dtypes == "int64").all()


def test_versus_overig():
    uitkomst = comb.versus_overig(_projecten(), KOPPELING, "instrument", "Werkwijze", "inhoud", "Ouderen")
    assert uitkomst.values.tolist() == [["GM0001", "werkwijze: overig"], ["GM0002", "werkwijze: ouderen"]]
    anders = comb.versus_overig(_projecten(), KOPPELING, vocab.AS_INTENSITEIT, "ontwikkelpject", "inhoud", "anders")
    assert anders.values.tolist() == [["GM0002", "ontwikkelproject: overig"], ["GM0003", "ontwikkelproject: 'anders'"]]


def test_legenda_in_report_order_with_member_colours():
    per_gemeente = ["implementeren", "ontwikkelproject", "implementeren", "ontwikkelproject + implementeren"]
    ontwikkel = labelkleur(vocab.AS_INTENSITEIT.label("Ontwikkelproject"))
    implementatie = labelkleur(vocab.AS_INTENSITEIT.label("Implementatie"))
    assert kl.legenda("intensiteit", per_gemeente) == [
        ("ontwikkelproject + implementeren", (ontwikkel, implementatie), 1),
        ("ontwikkelproject", (ontwikkel,), 1),
        ("implementeren", (implementatie,), 2),
    ]
    assert kl.kleuren("intensiteit", per_gemeente)["implementeren"] == (implementatie,)


def test_a_combination_keeps_its_colours_whatever_else_is_on_the_map():
    """Colours follow the members, not the rank among the combinations present."""
    teksten = [comb.combinatie("instrument", m) for m in range(1, ALLE_INSTRUMENTEN + 1)]
    alle = kl.kleuren("instrument", teksten)
    alleen = kl.kleuren("instrument", ["collectieve zorgminima", "werkwijze + beleid"])
    assert (
        alleen["collectieve zorgminima"]
        == alle["collectieve zorgminima"]
        == (labelkleur(vocab.AS_INSTRUMENT.label("Collectieve zorg minima")),)
    )
    assert alleen["werkwijze + beleid"] == alle["werkwijze + beleid"]
    assert len(kl.legenda("instrument", teksten)) == ALLE_INSTRUMENTEN


def test_unknown_or_missing_label_names_the_project():
    projecten = _projecten()
    projecten.loc[2, "intensiteit"] = "Kwaliteit"
    with pytest.raises(vocab.OnbekendLabel, match=r"^project P3, kolom 'intensiteit': 'Kwaliteit' is geen waarde"):
        comb.combinaties(projecten, KOPPELING, "intensiteit")
    projecten.loc[2, "intensiteit"] = None
    with pytest.raises(vocab.OnbekendLabel, match=r"^project P3 heeft geen waarde voor 'intensiteit'"):
        comb.combinaties(projecten, KOPPELING, "intensiteit")
    projecten.at[0, "instrumenten"] = ()
    with pytest.raises(vocab.OnbekendLabel, match=r"^project P1 heeft geen 'instrumenten'"):
        comb.aantallen_per_label(projecten, KOPPELING, "instrument")


def test_synonyms_in_stored_values_resolve():
    projecten = _projecten().assign(
        intensiteit=["ontwikkelpject", "implementeren", "samenwerkingsafpraak", "Ontwikkelproject"]
    )
    assert comb.combinaties(projecten, KOPPELING, "intensiteit")["masker"].tolist() == [0b0100, 0b1101, 0b1001]


def test_duplicate_project_ids_are_refused():
    projecten = pd.concat([_projecten(), _projecten().iloc[[1]]], ignore_index=True)
    with pytest.raises(comb.DubbeleProjectId, match=r"project_id komt meer dan eens voor: P2"):
        comb.combinaties(projecten, KOPPELING, "inhoud")


@settings(max_examples=60, deadline=None, database=None)
@given(
    st.lists(st.sets(st.integers(0, len(vocab.AS_INSTRUMENT.labels) - 1), min_size=1), min_size=1, max_size=12),
    st.lists(st.tuples(st.integers(0, 11), st.integers(0, 5)), max_size=40),
)
def test_vectorised_equals_a_plain_set_union(instrumenten, paren):
    namen = vocab.AS_INSTRUMENT.namen
    projecten = pd.DataFrame(
        {
            "project_id": [f"P{i}" for i in range(len(instrumenten))],
            "instrumenten": [tuple(namen[j] for j in sorted(s)) for s in instrumenten],
        }
    )
    koppeling = pd.DataFrame([(f"P{p}", f"GM{g:04d}") for p, g in paren], columns=["project_id", "gemeente_code"])
    verwacht: dict[str, tuple[set, set]] = {}
    for p, g in paren:
        if p < len(instrumenten):
            labels, projecten_in = verwacht.setdefault(f"GM{g:04d}", (set(), set()))
            labels |= instrumenten[p]
            projecten_in.add(p)
    uitkomst = comb.combinaties(projecten, koppeling, "instrument")
    assert {r.gemeente_code: (r.masker, r.aantal_projecten) for r in uitkomst.itertuples()} == {
        g: (sum(1 << j for j in labels), len(ps)) for g, (labels, ps) in verwacht.items()
    }
    aantallen = comb.aantallen_per_label(projecten, koppeling, "instrument").set_index("gemeente_code")
    for g, (_labels, ps) in verwacht.items():
        assert aantallen.loc[g].tolist() == [sum(j in instrumenten[p] for p in ps) for j in range(5)]
