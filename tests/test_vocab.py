"""The vocabulary is documentation: every label is complete, and every spelling the report uses resolves."""

import re
from pathlib import Path

import pytest

from classify import vocab

RAPPORT = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "002_4672d5e83c675345.txt"
ALLE_LABELS = [(as_, label) for as_ in vocab.ASSEN for label in as_.labels]


@pytest.mark.parametrize("as_,label", ALLE_LABELS, ids=[f"{a.code}:{lab.code}" for a, lab in ALLE_LABELS])
def test_label_is_complete(as_, label):
    for veld in ("naam", "code", "kort", "legenda", "definitie"):
        assert getattr(label, veld).strip(), f"{as_.code}:{label.code} mist {veld}"
    assert label.code == label.code.lower() and " " not in label.code
    assert label.legenda in (label.legenda.lower(), label.legenda.upper()), "report's form: lowercase or acronym"
    assert " + " not in label.legenda, "' + ' separates labels in combination texts"
    assert len(label.definitie) >= 30


@pytest.mark.parametrize("as_", vocab.ASSEN, ids=[a.code for a in vocab.ASSEN])
def test_axis_codes_are_distinct(as_):
    assert len({label.code for label in as_.labels}) == len(as_.labels)


@pytest.mark.parametrize("as_,label", ALLE_LABELS, ids=[f"{a.code}:{lab.code}" for a, lab in ALLE_LABELS])
def test_every_form_of_a_label_resolves_to_its_name(as_, label):
    for vorm in (label.naam, label.code, label.kort, label.legenda, *label.synoniemen):
        assert vocab.normaliseer(as_, vorm) == label.naam
        assert vocab.normaliseer(as_, vorm.upper()) == label.naam


@pytest.mark.parametrize(
    "as_,tekst,naam",
    [
        (vocab.AS_INTENSITEIT, "ontwikkelpject", "Ontwikkelproject"),
        (vocab.AS_INTENSITEIT, "ontwikkelpoject", "Ontwikkelproject"),
        (vocab.AS_INTENSITEIT, "ontwikkelpromer", "Ontwikkelproject"),
        (vocab.AS_INTENSITEIT, "implementeren", "Implementatie"),
        (vocab.AS_INTENSITEIT, "samenwerkingsafpraak", "Samenwerkingsafspraken"),
        (vocab.AS_INHOUD, "ESW", "Effectief Samenwerken in de Wijk"),
        (vocab.AS_INHOUD, "Jeugd 18min/18plus", "Jeugd 18-/18+"),
        (vocab.AS_INHOUD, "jeugd 18-/18+", "Jeugd 18-/18+"),
        (vocab.AS_INHOUD, "'anders'", "Anders"),
        (vocab.AS_INSTRUMENT, "collectieve zorgminima", "Collectieve zorg minima"),
        (vocab.AS_INSTRUMENT, "minimapolis", "Collectieve zorg minima"),
        (vocab.AS_INSTRUMENT, "Werkwijze (primair proces)", "Werkwijze"),
        (vocab.AS_GEOGRAFIE, "gemeenten", "Gemeentelijk"),
    ],
)
def test_report_spellings_resolve(as_, tekst, naam):
    assert vocab.normaliseer(as_, tekst) == naam


def test_unknown_label_names_the_axis_and_the_choices():
    with pytest.raises(vocab.OnbekendLabel, match=r"'Kwaliteit' is geen waarde van 'Inhoudelijk'; kies uit: Preventie"):
        vocab.normaliseer(vocab.AS_INHOUD, "Kwaliteit")
    assert issubclass(vocab.OnbekendLabel, ValueError)


def test_axes_are_found_by_code_and_column():
    assert vocab.as_voor("instrument") is vocab.AS_INSTRUMENT
    assert vocab.as_voor("instrumenten") is vocab.AS_INSTRUMENT
    assert [a.code for a in vocab.ASSEN] == ["inhoud", "instrument", "intensiteit", "geografie"]
    with pytest.raises(KeyError, match="onbekende as 'kleur'"):
        vocab.as_voor("kleur")


def test_canonical_order_is_the_report_legend_order():
    assert vocab.AS_INTENSITEIT.namen == (
        "Ontwikkelproject",
        "Doorontwikkelen",
        "Implementatie",
        "Samenwerkingsafspraken",
    )
    assert [label.legenda for label in vocab.AS_GEOGRAFIE.labels] == ["bovenregionaal", "regionaal", "gemeenten"]
    assert vocab.AS_INSTRUMENT.meervoudig and not vocab.AS_INHOUD.meervoudig


@pytest.mark.skipif(not RAPPORT.exists(), reason="brondocument niet aanwezig")
def test_every_combination_legend_line_of_the_report_resolves():
    """Each '- a + b' legend line of chapters III-VI names labels of a single axis."""
    regels = [r[2:] for r in RAPPORT.read_text(encoding="utf-8").splitlines() if re.match(r"^- [a-z' ]+( \+ |$)", r)]
    assert len(regels) > 90
    for regel in regels:
        delen = regel.split(" + ")
        assert any(_alle_bekend(as_, delen) for as_ in vocab.ASSEN), regel


def _alle_bekend(as_, delen):
    try:
        return all(vocab.normaliseer(as_, deel) for deel in delen)
    except vocab.OnbekendLabel:
        return False


@pytest.mark.parametrize(
    "tekst,namen",
    [
        ("Achmea", ("Zilveren Kruis", "De Friesland")),
        ("Salland", ("Eno (Salland)",)),
        ("Zilveren Kruis Achmea", ("Zilveren Kruis",)),
        ("coöperatie vgz", ("VGZ",)),
        ("CZ", ("CZ",)),
        ("DFZ", ("De Friesland",)),
        ("a.s.r.", ("a.s.r.",)),
    ],
)
def test_insurer_names_normalise(tekst, namen):
    assert vocab.normaliseer_verzekeraar(tekst) == namen


def test_unknown_insurer_raises_with_the_name():
    with pytest.raises(vocab.OnbekendLabel, match=r"'Zorgverzekeraar X' is geen bekende zorgverzekeraar"):
        vocab.normaliseer_verzekeraar("Zorgverzekeraar X")


def test_concern_is_not_a_single_insurer():
    with pytest.raises(vocab.OnbekendLabel, match=r"'Achmea' is een koepel van meerdere labels"):
        vocab.verzekeraar("Achmea")
    assert vocab.verzekeraar("Salland").naam == "Eno (Salland)"


def test_insurers_are_complete_and_distinct():
    assert len(set(vocab.VERZEKERAAR_NAMEN)) == len(vocab.VERZEKERAARS) == 10
    for v in vocab.VERZEKERAARS:
        assert v.code and v.kort and v.koepel


@pytest.mark.skipif(not RAPPORT.exists(), reason=f"rapport {RAPPORT} ontbreekt (../shared/seeds)")
def test_every_definition_is_the_reports_text_verbatim():
    rapport = RAPPORT.read_text(encoding="utf-8")
    assert RAPPORT.name == vocab.DEFINITIES_BRON
    bijlage = rapport[rapport.index("Bijlage. Toelichting gezamenlijke ordeningsprincipes*") :]
    for _, label in ALLE_LABELS:
        assert f"</b>\t{label.definitie}" in bijlage, label.naam
