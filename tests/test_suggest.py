import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from classify import suggest, vocab

WORTEL = Path(__file__).resolve().parents[1]


def _per_as(suggesties):
    return {
        "inhoud": next(s.label for s in suggesties if s.as_code == "inhoud"),
        "instrument": {s.label for s in suggesties if s.as_code == "instrument"},
        "intensiteit": next(s.label for s in suggesties if s.as_code == "intensiteit"),
    }


@pytest.mark.parametrize(
    "titel,omschrijving,inhoud,instrumenten,intensiteit",
    [
        (
            "Pilot valpreventie en leefstijl",
            "Gemeente en verzekeraar ontwikkelen een nieuwe werkwijze voor "
            "vroegsignalering met professionals in de praktijk.",
            "Preventie",
            {"Werkwijze"},
            "Ontwikkelproject",
        ),
        (
            "EPA en FACT-team",
            "Het elders ontwikkelde herstelprogramma voor mensen met een psychiatrische aandoening "
            "wordt geïmplementeerd in de eigen gemeente.",
            "GGZ",
            {"Werkwijze"},
            "Implementatie",
        ),
        (
            "Convenant",
            "Bestuurlijke samenwerkingsafspraken met alle gemeenten, vastgelegd in een convenant met een "
            "gezamenlijke agenda.",
            "Anders",
            {"Samenwerkingsdocument"},
            "Samenwerkingsafspraken",
        ),
        (
            "Minimapolis",
            "De collectieve zorgverzekering voor minima met een laag inkomen.",
            "Anders",
            {"Collectieve zorg minima"},
            "Ontwikkelproject",
        ),
        (
            "Jongeren rond 18 jaar",
            "De methodiek Jeugd 18-/18+ wordt doorontwikkeld in de regio.",
            "Jeugd 18-/18+",
            {"Werkwijze"},
            "Doorontwikkelen",
        ),
        (
            "Inkoopmodule wijkverpleging",
            "De module wijkgerichte zorg verankert de samenwerking tussen huisarts, "
            "wijkteam en wijkverpleging in de inkoop en in het gemeentelijk beleid.",
            "Effectief Samenwerken in de Wijk",
            {"Inkoop", "Beleid"},
            "Ontwikkelproject",
        ),
    ],
    ids=["preventie", "ggz", "convenant", "minima", "jeugd", "wijk"],
)
def test_rules_follow_the_appendix(titel, omschrijving, inhoud, instrumenten, intensiteit):
    assert _per_as(suggest.suggereer(titel, omschrijving)) == {
        "inhoud": inhoud,
        "instrument": instrumenten,
        "intensiteit": intensiteit,
    }


def test_suggestions_carry_confidence_and_words():
    suggesties = suggest.suggereer(
        "Dementie", "Ouderen met dementie blijven langer thuis wonen; de mantelzorg wordt ontlast."
    )
    ouderen = suggesties[0]
    assert (ouderen.as_code, ouderen.label) == ("inhoud", "Ouderen")
    assert ouderen.woorden == ("dementie", "ouderen", "thuis wonen", "mantelzorg")
    assert ouderen.zekerheid == 1.0
    assert all(0 <= s.zekerheid <= 1 for s in suggesties)
    assert suggesties[-1].as_code == "intensiteit"
    assert all(s.label in vocab.as_voor(s.as_code).namen for s in suggesties)


def test_without_any_hint_confidence_is_uniform():
    suggesties = suggest.suggereer("Project", "Iets met zorg.")
    inhoud = suggesties[0]
    assert inhoud.zekerheid == pytest.approx(1 / 6, abs=1e-3) and inhoud.woorden == ()
    assert [s.as_code for s in suggesties].count("instrument") == 1


@pytest.mark.parametrize(
    "tekst,as_code,niet",
    [
        ("Het inkoopbeleid en het inkoopkader 2018.", "instrument", "Beleid"),
        ("Het project is doorontwikkeld.", "intensiteit", "Ontwikkelproject"),
        ("Inkoop 2018 en 2019.", "inhoud", "Jeugd 18-/18+"),
        ("Een nieuwe werkwijze.", "inhoud", "Effectief Samenwerken in de Wijk"),
    ],
)
def test_compounds_and_numbers_do_not_trigger_the_wrong_rule(tekst, as_code, niet):
    treffers = suggest.regeltreffers(tekst, vocab.as_voor(as_code))
    assert treffers[niet] == []


def _training() -> pd.DataFrame:
    rijen = []
    for i in range(6):
        rijen.append(
            (f"Zwaluwproject {i}", "Het zwaluwnest team helpt cliënten.", "GGZ", ("Werkwijze",), "Ontwikkelproject")
        )
        rijen.append(
            (f"Kraanvogel {i}", "De kraanvogelgroep maakt plannen.", "Ouderen", ("Beleid",), "Samenwerkingsafspraken")
        )
    return pd.DataFrame(rijen, columns=["titel", "omschrijving", "inhoud", "instrumenten", "intensiteit"])


def test_model_learns_from_curated_records_beyond_the_rules():
    model = suggest.train(_training())
    assert model.aantal_records == 12 and set(model.per_instrument) == {"Werkwijze", "Beleid"}
    zonder_model = _per_as(suggest.suggereer("Kraanvogel", "De kraanvogelgroep."))
    met_model = suggest.suggereer("Kraanvogel", "De kraanvogelgroep.", model)
    assert zonder_model["inhoud"] == "Preventie"  # uniform rules: the first label
    assert _per_as(met_model) == {
        "inhoud": "Ouderen",
        "instrument": {"Beleid"},
        "intensiteit": "Samenwerkingsafspraken",
    }
    assert "kraanvogelgroep" in met_model[0].woorden


def test_suggestions_are_pure():
    training = _training()
    voor = training.copy(deep=True)
    model = suggest.train(training)
    eerste = suggest.suggereer("Zwaluw", "Het zwaluwnest.", model)
    assert suggest.suggereer("Zwaluw", "Het zwaluwnest.", model) == eerste
    pd.testing.assert_frame_equal(training, voor)


def test_unknown_training_label_is_refused():
    training = _training()
    training.loc[0, "inhoud"] = "Kwaliteit"
    with pytest.raises(vocab.OnbekendLabel, match="'Kwaliteit' is geen waarde van 'Inhoudelijk'"):
        suggest.train(training)


@pytest.mark.skipif(not suggest.PROJECTEN_CSV.exists(), reason="projecten.csv nog niet aanwezig")
def test_curated_records_train_the_default_model():
    projecten = suggest.lees_projecten()
    assert all(isinstance(w, tuple) and w for w in projecten["instrumenten"])
    model = suggest.standaardmodel()
    assert model is not None and model.aantal_records == len(projecten)


@pytest.mark.skipif(not suggest.PROJECTEN_CSV.exists(), reason="projecten.csv nog niet aanwezig")
def test_accuracy_benchmark_smoke_run():
    uitvoer = subprocess.run(
        [sys.executable, str(WORTEL / "bench" / "classify_accuracy.py"), "--klein", "8"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    assert "leave-one-out over 8 records" in uitvoer
    assert uitvoer.count("\n") >= 6 and "micro-F1" in uitvoer


def test_rules_cover_exactly_the_labels_of_each_axis():
    for as_ in suggest.SUGGESTIE_ASSEN:
        assert tuple(suggest.REGELS[as_.code]) == as_.namen
        assert all(suggest.REGELS[as_.code][naam] for naam in as_.namen)
