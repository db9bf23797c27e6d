"""Label suggestions for a new project from its Dutch title and description.

Two sources, averaged per label:

- **Rules**: word patterns taken from the definitions in the appendix "Toelichting gezamenlijke
  ordeningsprincipes" and from how chapters III-VII of the report describe each label (for example: general
  agreements in a convenant are "meestal geassocieerd als 'anders'"; debt schemes are prevention on the policy
  side). They work without any training data.
- **Model**: TF-IDF over words and word pairs with logistic regression, trained on the curated records of
  ``data/projects/projecten.csv`` (one multinomial model per single-valued axis, one yes/no model per instrument).
  Nothing is downloaded; without records only the rules speak.

Suggestions are pure: they never touch stored labels; the import screen shows them next to the analyst's choice.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from classify import vocab

PROJECTEN_CSV = Path(__file__).resolve().parents[1] / "data" / "projects" / "projecten.csv"
SUGGESTIE_ASSEN = (vocab.AS_INHOUD, vocab.AS_INSTRUMENT, vocab.AS_INTENSITEIT)
GEWICHT_MODEL = 0.5
"""Share of the model in the combined score (the rules get the rest); fixed, not fitted."""
MAX_WOORDEN = 5
STOPWOORDEN = (
    "aan",
    "af",
    "al",
    "als",
    "bij",
    "dan",
    "dat",
    "de",
    "deze",
    "die",
    "dit",
    "door",
    "een",
    "en",
    "er",
    "het",
    "hun",
    "in",
    "is",
    "met",
    "na",
    "naar",
    "niet",
    "of",
    "om",
    "onder",
    "ook",
    "op",
    "over",
    "per",
    "te",
    "tot",
    "uit",
    "van",
    "voor",
    "wat",
    "werd",
    "wordt",
    "worden",
    "zijn",
    "zo",
    "zich",
    "zoals",
)
"""Dutch function words left out of the model's vocabulary, so it learns (and explains with) content words."""

REGELS: dict[str, dict[str, tuple[str, ...]]] = {
    "inhoud": {
        "Preventie": (
            r"preventie\w*",
            r"preventief\w*",
            r"gezond\w*",
            r"leefstijl\w*",
            r"overgewicht",
            r"obesitas",
            r"beweg\w*",
            r"vroegsignal\w*",
            r"zelfzorg",
            r"jogg",
            r"schuld\w*",
        ),
        "GGZ": (
            r"ggz\w*",
            r"psychiatri\w*",
            r"psychisch\w*",
            r"epa",
            r"fact\w*",
            r"herstel\w*",
            r"verward\w*",
            r"mentale?",
        ),
        "Ouderen": (
            r"ouder(?:e|en)\w*",
            r"dement\w*",
            r"mantelzorg\w*",
            r"thuis\s+(?:kunnen\s+)?(?:blijven\s+)?wonen",
            r"zelfstandig\w*",
            r"ouderenzorg",
        ),
        "Effectief Samenwerken in de Wijk": (
            r"\w*wijk(?!e)\w*",
            r"s1",
            r"huisarts\w*",
            r"poh",
            r"leefomgeving",
            r"sociale\s+infrastructuur",
        ),
        "Jeugd 18-/18+": (
            r"jeugd\w*",
            r"jongeren",
            r"jongvolwassen\w*",
            r"18\s*-?\s*/\s*18\s*\+?",
            r"18min\w*",
            r"18\s+(?:jaar|worden)",
        ),
        "Anders": (
            r"minima\w*",
            r"laag\s+inkomen",
            r"algeme(?:en|ne)",
            r"bestuurlijk\w*",
            r"regiotafel\w*",
            r"convenant\w*",
        ),
    },
    "instrument": {
        "Werkwijze": (
            r"werkwijz\w*",
            r"methodiek\w*",
            r"primair\w*\s+proces",
            r"professional\w*",
            r"uitvoering",
            r"praktijk\w*",
            r"interventie\w*",
            r"samenwerkingsmethode",
        ),
        "Beleid": (
            r"(?<!inkoop)beleid\w*",
            r"(?<!inkoop)kader\w*",
            r"richtinggevend\w*",
            r"sturing",
            r"sturen",
            r"visie",
        ),
        "Inkoop": (
            r"\w*inkoop\w*",
            r"ingekocht",
            r"inkopen",
            r"module\w*",
            r"bekostiging",
            r"basisverzekering",
            r"aanvullende\s+verzekering",
            r"contractafspra\w*",
        ),
        "Collectieve zorg minima": (
            r"minima\w*",
            r"collectieve\s+(?:zorg|verzekering)\w*",
            r"gemeentepolis",
            r"laag\s+inkomen",
        ),
        "Samenwerkingsdocument": (
            r"convenant\w*",
            r"manifest",
            r"overeenkomst\w*",
            r"intentieverklaring\w*",
            r"samenwerkingsdocument",
            r"vastgelegd",
            r"regiotafel\w*",
            r"\w*agenda",
        ),
    },
    "intensiteit": {
        "Ontwikkelproject": (
            r"ontwikkel(?!de\b)\w*",
            r"pilot\w*",
            r"proeftuin\w*",
            r"leertuin\w*",
            r"innovat\w*",
            r"vernieuw\w*",
            r"experiment\w*",
            r"nieuwe",
        ),
        "Doorontwikkelen": (
            r"doorontwikkel\w*",
            r"verder\s+(?:ontwikkeld|aangepast|uitgewerkt)",
            r"opschal\w*",
            r"verbred\w*",
            r"leergemeenschap",
        ),
        "Implementatie": (
            r"implement\w*",
            r"geimplementeerd",
            r"invoer\w*",
            r"uitrol\w*",
            r"uitgerold",
            r"overgenomen",
            r"toegepast",
            r"bewezen",
        ),
        "Samenwerkingsafspraken": (
            r"afspra\w*",
            r"convenant\w*",
            r"\w*agenda",
            r"overleg\w*",
            r"bestuurlijk\w*",
            r"intentie\w*",
            r"regiotafel\w*",
        ),
    },
}
"""Per axis code and stored label name: regular expressions matched as whole words on the normalised text
(lowercase, accents removed)."""


@dataclass(frozen=True)
class Suggestie:
    """A suggested label: axis code, stored label name, confidence 0-1, the words that drove it (rules first)."""

    as_code: str
    label: str
    zekerheid: float
    woorden: tuple[str, ...]


@dataclass(frozen=True)
class Model:
    """A fitted TF-IDF vocabulary with its classifiers.

    ``per_as``: axis code -> multinomial classifier over stored label names (single-valued axes with at least two
    labels in the records). ``per_instrument``: instrument name -> yes/no classifier (instruments that occur both
    present and absent in the records).
    """

    vectorizer: TfidfVectorizer
    per_as: dict[str, LogisticRegression]
    per_instrument: dict[str, LogisticRegression]
    aantal_records: int


def normaliseer(tekst: str) -> str:
    """Lowercase text without accents (``geïmplementeerd`` -> ``geimplementeerd``), whitespace collapsed."""
    tekst = unicodedata.normalize("NFKD", str(tekst))
    tekst = "".join(c for c in tekst if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", tekst).strip()


def train(projecten: pd.DataFrame) -> Model:
    """Fit the model on curated records: columns titel, omschrijving, inhoud, instrumenten (tuple of names),
    intensiteit. Labels may be any spelling :mod:`classify.vocab` knows."""
    teksten = [_tekst(t, o) for t, o in zip(projecten["titel"], projecten["omschrijving"], strict=True)]
    vectorizer = TfidfVectorizer(
        ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w[\w+-]*\b", stop_words=list(STOPWOORDEN)
    )
    matrix = vectorizer.fit_transform(teksten)
    per_as = {}
    for as_ in (a for a in SUGGESTIE_ASSEN if not a.meervoudig):
        doel = np.array([vocab.normaliseer(as_, w) for w in projecten[as_.kolom]])
        if len(set(doel)) > 1:
            per_as[as_.code] = _classifier().fit(matrix, doel)
    sets = [{vocab.normaliseer(vocab.AS_INSTRUMENT, n) for n in w} for w in projecten[vocab.AS_INSTRUMENT.kolom]]
    per_instrument = {}
    for naam in vocab.AS_INSTRUMENT.namen:
        doel = np.array([naam in s for s in sets])
        if 0 < doel.sum() < len(doel):
            per_instrument[naam] = _classifier().fit(matrix, doel)
    return Model(vectorizer, per_as, per_instrument, len(projecten))


def suggereer(
    titel: str, omschrijving: str, model: Model | None = None, gewicht_model: float = GEWICHT_MODEL
) -> tuple[Suggestie, ...]:
    """Suggested labels for inhoud, instrumenten and intensiteit, in that order.

    One suggestion for each single-valued axis (the label with the highest combined score); for the instrument
    axis every instrument whose combined score is at least 0.5, or else the single best one. ``zekerheid`` is
    the combined score ``gewicht_model * model + (1 - gewicht_model) * rules``: for a single-valued axis a
    probability over its labels (rules: share of the rule hits, uniform without hits), for an instrument the
    model's yes-probability mixed with ``1 - 0.5**hits`` of its rules. ``gewicht_model`` 0 or no ``model``
    means rules only.
    """
    tekst = _tekst(titel, omschrijving)
    vector = model.vectorizer.transform([tekst]) if model else None
    suggesties: list[Suggestie] = []
    for as_ in SUGGESTIE_ASSEN:
        treffers = regeltreffers(tekst, as_)
        modelkans, modelwoorden = _modelkansen(model, vector, as_)
        if as_.meervoudig:
            regel = np.array([1 - 0.5 ** len(treffers[n]) for n in as_.namen])
            score = _meng(modelkans, regel, gewicht_model)
            gekozen = [i for i in range(len(score)) if score[i] >= 0.5] or [int(np.argmax(score))]
        else:
            aantallen = np.array([len(treffers[n]) for n in as_.namen], dtype=float)
            regel = aantallen / aantallen.sum() if aantallen.sum() else np.full(len(aantallen), 1 / len(aantallen))
            score = _meng(modelkans, regel, gewicht_model)
            gekozen = [int(np.argmax(score))]
        for i in gekozen:
            naam = as_.namen[i]
            woorden = tuple(dict.fromkeys([*treffers[naam], *modelwoorden.get(naam, ())]))[:MAX_WOORDEN]
            suggesties.append(Suggestie(as_.code, naam, round(float(score[i]), 3), woorden))
    return tuple(suggesties)


def lees_projecten(pad: Path = PROJECTEN_CSV) -> pd.DataFrame:
    """The curated records of ``projecten.csv`` with ``instrumenten`` split into tuples (training input)."""
    projecten = pd.read_csv(pad, dtype=str, keep_default_na=False)
    projecten["instrumenten"] = projecten["instrumenten"].map(lambda w: tuple(filter(None, w.split(";"))))
    return projecten


@lru_cache(maxsize=1)
def standaardmodel() -> Model | None:
    """The model trained on ``data/projects/projecten.csv``, or None when that file is absent (rules only)."""
    return train(lees_projecten()) if PROJECTEN_CSV.exists() else None


def _classifier() -> LogisticRegression:
    return LogisticRegression(C=10.0, max_iter=2000)


def _tekst(titel: str, omschrijving: str) -> str:
    return normaliseer(f"{titel or ''}. {omschrijving or ''}")


@cache
def _patroon(regex: str) -> re.Pattern:
    return re.compile(rf"(?<![\w+-]){regex}(?![\w+])")


def regeltreffers(tekst: str, as_: vocab.As) -> dict[str, list[str]]:
    """The words of ``tekst`` that the rules of :data:`REGELS` match, per stored label name of ``as_``, in text
    order (normalised: lowercase, no accents)."""
    tekst = normaliseer(tekst)
    uitkomst: dict[str, list[str]] = {}
    for naam in as_.namen:
        gevonden = [
            (m.start(), m.group(0)) for regex in REGELS[as_.code][naam] for m in _patroon(regex).finditer(tekst)
        ]
        uitkomst[naam] = [woord for _, woord in sorted(gevonden)]
    return uitkomst


def _modelkansen(model: Model | None, vector, as_: vocab.As) -> tuple[np.ndarray | None, dict[str, list[str]]]:
    """Model probability per label in canonical order (None when the model has nothing for this axis) and the
    text's strongest words per label."""
    if model is None:
        return None, {}
    namen = model.vectorizer.get_feature_names_out()
    kansen = np.zeros(len(as_.namen))
    woorden: dict[str, list[str]] = {}
    if as_.meervoudig:
        if not model.per_instrument:
            return None, {}
        for naam, clf in model.per_instrument.items():
            kansen[as_.namen.index(naam)] = clf.predict_proba(vector)[0, list(clf.classes_).index(True)]
            woorden[naam] = _sterkste(vector, clf.coef_[0], namen)
        return kansen, woorden
    clf = model.per_as.get(as_.code)
    if clf is None:
        return None, {}
    for klasse, kans, coef in zip(clf.classes_, clf.predict_proba(vector)[0], _coef_per_klasse(clf), strict=True):
        kansen[as_.namen.index(klasse)] = kans
        woorden[klasse] = _sterkste(vector, coef, namen)
    return kansen, woorden


def _coef_per_klasse(clf: LogisticRegression) -> np.ndarray:
    # A two-class model stores one coefficient row, for its second class.
    return np.vstack([-clf.coef_[0], clf.coef_[0]]) if len(clf.classes_) == 2 else clf.coef_


def _sterkste(vector, coef: np.ndarray, namen: np.ndarray, aantal: int = 3) -> list[str]:
    """Words of the text that push most towards the label (tf-idf weight times coefficient, positive only)."""
    rij = vector.tocoo()
    bijdrage = rij.data * coef[rij.col]
    volgorde = np.argsort(-bijdrage)
    return [str(namen[rij.col[i]]) for i in volgorde[:aantal] if bijdrage[i] > 0]


def _meng(modelkans: np.ndarray | None, regel: np.ndarray, gewicht_model: float) -> np.ndarray:
    return regel if modelkans is None else gewicht_model * modelkans + (1 - gewicht_model) * regel
