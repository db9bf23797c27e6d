"""Vergelijkbare projecten: for one project, the most similar projects elsewhere, each with what they share
(:class:`Overeenkomst`; the Dutch sentence is :func:`tekst.verwanttekst.reden`).

Two scores between 0 and 1, averaged with fixed weights (:data:`GEWICHT_TEKST`):

- **tekst**: cosine similarity of TF-IDF vectors over titel and omschrijving, fitted on the projects given
  (words of two or more characters, lowercase without accents, without the words of :data:`STOPWOORDEN`).
  Nothing is downloaded.
- **labels**: the same inhoud, overlap of instrumenten (Jaccard) and intensities that fit a lineage in one
  direction or the other (:func:`classify.leerlijnen.verwachte_richting`), weighted by :data:`LABELGEWICHTEN`.

"Elders" means another set of municipalities: a candidate that covers exactly the project's municipalities (in
``koppeling``) is the same place, not a place the method travelled to. The ranking is deterministic: score, then
project_id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer

from classify import leerlijnen, suggest, vocab

if TYPE_CHECKING:
    from scipy import sparse

GEWICHT_TEKST = 0.5
"""Share of the text score in the total score (the labels get the rest); fixed, not fitted."""

LABELGEWICHTEN = {"inhoud": 0.5, "instrumenten": 0.25, "fase": 0.25}
"""Weights of the label score: same theme, instrument overlap, intensities that fit a lineage."""

MAX_WOORDEN = 4
"""Shared words named in a reason, strongest first."""

DECIMALEN = 4
"""Scores are rounded to this many decimals, so equal scores tie exactly and project_id decides."""

KOLOMMEN = ("project_id", "score", "tekstscore", "labelscore", "overeenkomst", "gekoppeld")

_EXTRA_STOPWOORDEN = frozenset(
    {"aantal", "andere", "heeft", "hebben", "kan", "kunnen", "meer", "nu", "samen", "wel", "ze", "zij"}
)
"""Common words the short list of :mod:`classify.suggest` keeps but that name no shared method."""

_VERZEKERAARWOORDEN = frozenset(
    woord for v in vocab.VERZEKERAARS for woord in re.findall(r"\w\w+", suggest.normaliseer(f"{v.naam} {v.kort}"))
) - {"zorg"}
"""Words of the insurers' names; "zorg" (from Zorg en Zekerheid) is a content word and stays."""

STOPWOORDEN: tuple[str, ...] = tuple(sorted(set(suggest.STOPWOORDEN) | _EXTRA_STOPWOORDEN | _VERZEKERAARWOORDEN))
"""Words left out of the text score: Dutch function words and the insurers' names (a shared insurer is no shared
method)."""


class OnbekendProject(ValueError):
    """A project_id that is not in the projects frame."""


@dataclass(frozen=True)
class Overeenkomst:
    """What a candidate shares with the project asked about: the reason of its score, as data.

    ``woorden``: shared words, strongest shared weight first (at most :data:`MAX_WOORDEN`); ``thema``: the inhoud
    when both have the same one; ``instrumenten``: shared instruments in canonical order; ``zelfde_fase``: the
    intensity when both are at a stage where either can build on the other; ``later`` and ``eerder``: (project_id,
    intensiteit) of the one that can build on the other when the lineage runs one way only.
    """

    woorden: tuple[str, ...] = ()
    thema: str | None = None
    instrumenten: tuple[str, ...] = ()
    zelfde_fase: str | None = None
    later: tuple[str, str] | None = None
    eerder: tuple[str, str] | None = None


@dataclass(frozen=True)
class Verwantschap:
    """What :func:`verwante_projecten` needs of a set of projects, whichever project is asked about: built once per
    set by :func:`verwantschap` (fitting TF-IDF on 100,000 projects takes seconds; a query then takes milliseconds).
    Arrays are aligned with ``ids``."""

    projecten: pd.DataFrame
    ids: list[str]
    positie: dict[str, int]
    matrix: sparse.csr_matrix
    """TF-IDF vectors (rows L2-normalised, so a dot product is the cosine similarity)."""
    woordenlijst: np.ndarray
    instrumenten: np.ndarray
    """Bit mask of each project's instrumenten (bit i = ``vocab.AS_INSTRUMENT.namen[i]``)."""
    intensiteit: np.ndarray
    """Index of each project's intensiteit in ``vocab.AS_INTENSITEIT.namen``."""
    plaats: np.ndarray
    """Code of each project's set of municipalities: equal codes, same place."""


def verwantschap(projecten: pd.DataFrame, koppeling: pd.DataFrame) -> Verwantschap:
    """The :class:`Verwantschap` of ``projecten`` (the interchange frame: project_id, titel, omschrijving, inhoud,
    instrumenten, intensiteit, bouwt_voort_op) with ``koppeling`` [project_id, gemeente_code] of one boundary year."""
    projecten = projecten.reset_index(drop=True)
    ids = projecten["project_id"].tolist()
    teksten = [
        suggest.normaliseer(f"{t}. {o}") for t, o in zip(projecten["titel"], projecten["omschrijving"], strict=True)
    ]
    vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words=list(STOPWOORDEN))
    matrix = vectorizer.fit_transform(teksten).tocsr()
    bit = {naam: 1 << i for i, naam in enumerate(vocab.AS_INSTRUMENT.namen)}
    fase = {naam: i for i, naam in enumerate(vocab.AS_INTENSITEIT.namen)}
    gemeenten = koppeling.groupby("project_id")["gemeente_code"].agg(frozenset)
    plaats, _ = pd.factorize(pd.Series([gemeenten.get(pid, frozenset()) for pid in ids], dtype=object))
    return Verwantschap(
        projecten=projecten,
        ids=ids,
        positie={pid: i for i, pid in enumerate(ids)},
        matrix=matrix,
        woordenlijst=vectorizer.get_feature_names_out(),
        instrumenten=np.array([sum(bit[n] for n in namen) for namen in projecten["instrumenten"]], dtype=np.int64),
        intensiteit=projecten["intensiteit"].map(fase).to_numpy(dtype=np.int64),
        plaats=plaats,
    )


def verwante_projecten(index: Verwantschap, project_id: str, n: int = 5) -> pd.DataFrame:
    """The ``n`` projects of ``index`` (:func:`verwantschap`) most similar to ``project_id`` among those elsewhere,
    best first.

    Returns DataFrame [project_id, score, tekstscore, labelscore, overeenkomst, gekoppeld]: ``overeenkomst`` is the
    :class:`Overeenkomst` (shared words and labels), ``gekoppeld`` says whether one of the two already builds on
    the other. Candidates without anything in common (score 0) are left out. Raises :class:`OnbekendProject` for an
    id not in the index.
    """
    if project_id not in index.positie:
        raise OnbekendProject(f"project {project_id!r} staat niet in de projecten")
    i = index.positie[project_id]
    projecten, ids = index.projecten, index.ids
    eigen = projecten.iloc[i]
    eigen_vector = index.matrix[i].toarray().ravel()
    tekst = np.asarray(index.matrix @ eigen_vector, dtype=float).ravel()
    inhoud = (projecten["inhoud"] == eigen["inhoud"]).to_numpy()
    samen = _bits(index.instrumenten | index.instrumenten[i])
    instrumenten = np.divide(
        _bits(index.instrumenten & index.instrumenten[i]), samen, out=np.zeros(len(ids)), where=samen > 0
    )
    namen = vocab.AS_INTENSITEIT.namen
    past = np.array([_past_in_leerlijn(eigen["intensiteit"], naam) for naam in namen])
    fase = past[index.intensiteit]
    label = (
        LABELGEWICHTEN["inhoud"] * inhoud
        + LABELGEWICHTEN["instrumenten"] * instrumenten
        + LABELGEWICHTEN["fase"] * fase
    )
    score = np.round(GEWICHT_TEKST * tekst + (1 - GEWICHT_TEKST) * label, DECIMALEN)
    kandidaten = np.flatnonzero((index.plaats != index.plaats[i]) & (score > 0))
    gekozen = sorted(kandidaten, key=lambda j: (-score[j], ids[j]))[:n]
    rijen = [
        (
            ids[j],
            float(score[j]),
            float(np.round(tekst[j], DECIMALEN)),
            float(np.round(label[j], DECIMALEN)),
            _overeenkomst(eigen, projecten.iloc[j], _gedeelde_woorden(index, eigen_vector, j)),
            ids[j] in eigen["bouwt_voort_op"] or project_id in projecten.iloc[j]["bouwt_voort_op"],
        )
        for j in gekozen
    ]
    return pd.DataFrame(rijen, columns=list(KOLOMMEN))


def _bits(maskers: np.ndarray) -> np.ndarray:
    """Number of set bits of each instrument mask; no table sized to today's number of instruments."""
    return np.bitwise_count(maskers)


def _gedeelde_woorden(index: Verwantschap, eigen_vector: np.ndarray, j: int) -> list[str]:
    """The words the project with ``eigen_vector`` shares with row ``j``, strongest shared weight first, ties
    alphabetical."""
    gewicht = eigen_vector * index.matrix[j].toarray().ravel()
    gedeeld = np.flatnonzero(gewicht > 0)
    volgorde = sorted(gedeeld, key=lambda k: (-gewicht[k], index.woordenlijst[k]))
    return [str(index.woordenlijst[k]) for k in volgorde[:MAX_WOORDEN]]


def _past_in_leerlijn(a: str, b: str) -> bool:
    return leerlijnen.verwachte_richting(a, b) or leerlijnen.verwachte_richting(b, a)


def _overeenkomst(eigen: pd.Series, ander: pd.Series, woorden: list[str]) -> Overeenkomst:
    """What ``ander`` shares with ``eigen``: shared words, same theme, shared instruments, lineage fit."""
    gedeeld = [n for n in vocab.AS_INSTRUMENT.namen if n in eigen["instrumenten"] and n in ander["instrumenten"]]
    vooruit = leerlijnen.verwachte_richting(ander["intensiteit"], eigen["intensiteit"])
    terug = leerlijnen.verwachte_richting(eigen["intensiteit"], ander["intensiteit"])
    later = eerder = None
    if vooruit != terug:
        later, eerder = (ander, eigen) if vooruit else (eigen, ander)
    return Overeenkomst(
        woorden=tuple(woorden),
        thema=eigen["inhoud"] if eigen["inhoud"] == ander["inhoud"] else None,
        instrumenten=tuple(gedeeld),
        zelfde_fase=eigen["intensiteit"] if vooruit and terug else None,
        later=(later["project_id"], later["intensiteit"]) if later is not None else None,
        eerder=(eerder["project_id"], eerder["intensiteit"]) if eerder is not None else None,
    )
