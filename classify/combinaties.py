"""Combination labels per municipality, in the report's order, for any filtered set of projects.

A municipality's class on a combination map is the set of labels of one axis among all its projects: a municipality
with a preventie project "Ontwikkelproject" and another "Implementatie" gets "ontwikkelproject + implementeren".
Such a set is a bitmask over the axis's labels in canonical order (bit ``i`` = ``as_.labels[i]``); a project with
several instruments sets several bits. The text is :attr:`classify.vocab.Label.legenda` joined with ``" + "`` in axis
order, as in the report's legends.

Inputs are the interchange frames: ``projecten`` (one row per project; the axis column holds a stored name, or for
the multi-valued instrumenten a tuple of names) and ``koppeling`` [project_id, gemeente_code]: a project applies to
every municipality it is linked to there. Links of projects not in ``projecten`` are ignored, so filtering
``projecten`` filters the map. Axes are :class:`classify.vocab.As` objects or their codes. Everything is computed
on integer arrays (one pass over the links): a million projects with two million links take about a second per
call on two cores (``python bench/schaal.py``).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from classify import vocab

SCHEIDING = " + "

OVERIG = "overig"
"""Second half of a "versus overig" class: the municipality has label A, but none of those projects has label B."""


class DubbeleProjectId(ValueError):
    """The projects frame holds a project_id more than once."""


def combinatie(as_: vocab.As | str, masker: int) -> str:
    """The legend text of a bitmask: the labels' legend forms in axis order joined with ``" + "``."""
    as_ = _as(as_)
    return SCHEIDING.join(label.legenda for i, label in enumerate(as_.labels) if masker >> i & 1)


def masker(as_: vocab.As | str, tekst: str) -> int:
    """The bitmask of a combination text (labels in any order, any spelling :meth:`classify.vocab.As.label`
    knows, such as the report's "ontwikkelpject + implementatie"). Raises :class:`classify.vocab.OnbekendLabel`."""
    as_ = _as(as_)
    return sum({1 << as_.volgorde(deel) for deel in tekst.split(SCHEIDING)})


def volgorde(as_: vocab.As | str, maskers: Iterable[int]) -> list[int]:
    """Bitmasks sorted as the report's legends list combinations.

    First by the earliest label present (all combinations with "ontwikkelproject" before those starting with
    "doorontwikkelen"), then more labels before fewer, then lexicographically over the label positions. This
    reproduces the report's intensity legends for Ouderen and Effectief Samenwerken in de Wijk and the geography
    legend exactly; the report's other legends deviate in a place or two (hand-made, not one consistent rule).
    """
    as_ = _as(as_)
    return sorted(set(maskers), key=lambda m: _sleutel(m, len(as_.labels)))


def combinaties(projecten: pd.DataFrame, koppeling: pd.DataFrame, as_: vocab.As | str) -> pd.DataFrame:
    """The combination of ``as_`` labels per municipality with at least one project.

    Returns DataFrame [gemeente_code, combinatie (str), masker (int), aantal_projecten (int, distinct projects)],
    sorted by gemeente_code.
    """
    as_ = _as(as_)
    maskers, gemeente_codes, gemeente, _ = _links(projecten, koppeling, as_)
    per_gemeente = np.zeros(len(gemeente_codes), dtype=np.int64)
    np.bitwise_or.at(per_gemeente, gemeente, maskers)
    teksten = np.array([combinatie(as_, m) for m in range(1 << len(as_.labels))], dtype=object)
    return pd.DataFrame(
        {
            "gemeente_code": gemeente_codes,
            "combinatie": teksten[per_gemeente],
            "masker": per_gemeente,
            "aantal_projecten": np.bincount(gemeente, minlength=len(gemeente_codes)).astype(np.int64),
        }
    )


def aantallen_per_label(projecten: pd.DataFrame, koppeling: pd.DataFrame, as_: vocab.As | str) -> pd.DataFrame:
    """Number of projects per label per municipality with at least one project.

    Returns DataFrame [gemeente_code, then one int column per label named by its stored name, in canonical order],
    sorted by gemeente_code. For the instrument axis a project counts once under each of its instruments.
    """
    as_ = _as(as_)
    maskers, gemeente_codes, gemeente, _ = _links(projecten, koppeling, as_)
    kolommen = {"gemeente_code": gemeente_codes}
    for i, label in enumerate(as_.labels):
        heeft = (maskers >> i & 1).astype(np.int64)
        kolommen[label.naam] = np.bincount(gemeente, weights=heeft, minlength=len(gemeente_codes)).astype(np.int64)
    return pd.DataFrame(kolommen)


def versus_overig(
    projecten: pd.DataFrame,
    koppeling: pd.DataFrame,
    as_a: vocab.As | str,
    label_a: str,
    as_b: vocab.As | str,
    label_b: str,
) -> pd.DataFrame:
    """The report's "A: B versus overig" map, e.g. "werkwijze: ouderen" against "werkwijze: overig".

    For every municipality with at least one project carrying ``label_a`` on ``as_a``: klasse is
    "<legend of A>: <legend of B>" if one of those projects also has ``label_b`` on ``as_b``, else
    "<legend of A>: overig". Municipalities without ``label_a`` are absent (the map draws them as "geen project").
    Legend forms come from :mod:`classify.vocab` ("werkwijze: effectief samenwerken in de wijk" where the report
    abbreviates to "werkwijze: ESW").
    Returns DataFrame [gemeente_code, klasse], sorted by gemeente_code.
    """
    as_a, as_b = _as(as_a), _as(as_b)
    a, b = as_a.label(label_a), as_b.label(label_b)
    heeft_a = (_maskers(projecten, as_a) >> as_a.labels.index(a) & 1).astype(bool)
    heeft_b = (_maskers(projecten, as_b) >> as_b.labels.index(b) & 1).astype(bool)
    gekozen = projecten.loc[heeft_a, ["project_id"]].assign(_b=heeft_b[heeft_a])
    _, gemeente_codes, gemeente, project = _links(gekozen, koppeling, None)
    met_b = np.zeros(len(gemeente_codes), dtype=bool)
    np.logical_or.at(met_b, gemeente, gekozen["_b"].to_numpy()[project])
    klasse = np.where(met_b, f"{a.legenda}: {b.legenda}", f"{a.legenda}: {OVERIG}").astype(object)
    return pd.DataFrame({"gemeente_code": gemeente_codes, "klasse": klasse})


def _as(as_: vocab.As | str) -> vocab.As:
    return as_ if isinstance(as_, vocab.As) else vocab.as_voor(as_)


def _sleutel(masker: int, aantal_labels: int) -> tuple:
    posities = tuple(i for i in range(aantal_labels) if masker >> i & 1)
    return (posities[0] if posities else aantal_labels, -len(posities), posities)


def geordend(as_: vocab.As | str, teksten: Iterable[str]) -> list[str]:
    """The distinct combination texts ``teksten`` in the report's order (:func:`volgorde`)."""
    as_ = _as(as_)
    per_masker = {masker(as_, tekst): tekst for tekst in teksten}
    return [per_masker[m] for m in volgorde(as_, per_masker)]


def _maskers(projecten: pd.DataFrame, as_: vocab.As) -> np.ndarray:
    """Bitmask per project row. Factorising first means only the few distinct values (names or tuples of names)
    are looked up in the vocabulary, so synonyms resolve and unknown values fail with the project named."""
    codes, waarden = pd.factorize(projecten[as_.kolom], use_na_sentinel=True)
    if (codes < 0).any():
        raise vocab.OnbekendLabel(
            f"project {', '.join(projecten['project_id'][codes < 0])} heeft geen waarde voor {as_.kolom!r}"
        )
    per_waarde = np.empty(len(waarden), dtype=np.int64)
    for i, waarde in enumerate(waarden):
        try:
            per_waarde[i] = sum({1 << as_.volgorde(naam) for naam in as_.namen_van(waarde)})
        except vocab.OnbekendLabel as fout:
            projecten_met = ", ".join(projecten["project_id"][codes == i])
            raise vocab.OnbekendLabel(f"project {projecten_met}, kolom {as_.kolom!r}: {fout}") from None
        if per_waarde[i] == 0:
            raise vocab.OnbekendLabel(
                f"project {', '.join(projecten['project_id'][codes == i])} heeft geen {as_.kolom!r}"
            )
    return per_waarde[codes]


def _links(
    projecten: pd.DataFrame, koppeling: pd.DataFrame, as_: vocab.As | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Distinct (project, municipality) links of the projects in ``projecten``.

    Returns (bitmask per link, or empty without ``as_``; sorted unique gemeente_codes; municipality index per
    link; project row per link).
    """
    # One factorisation over both id columns maps links to project rows and detects duplicate ids in one pass.
    aantal = len(projecten)
    ids, _ = pd.factorize(pd.concat([projecten["project_id"], koppeling["project_id"]], ignore_index=True))
    if not np.array_equal(ids[:aantal], np.arange(aantal)):
        dubbel = projecten["project_id"][projecten["project_id"].duplicated()].unique()
        raise DubbeleProjectId(f"project_id komt meer dan eens voor: {', '.join(dubbel)}")
    project = ids[aantal:]
    alle_gemeenten, alle_codes = pd.factorize(koppeling["gemeente_code"], sort=True)
    bekend = project < aantal
    project, gemeente = project[bekend], alle_gemeenten[bekend]
    # Keep only municipalities with a selected project, renumbered in code order.
    gebruikt = np.bincount(gemeente, minlength=len(alle_codes)) > 0
    gemeente = (np.cumsum(gebruikt) - 1)[gemeente]
    gemeente_codes = np.asarray(alle_codes, dtype=object)[gebruikt]
    uniek = ~pd.Series(project.astype(np.int64) * max(len(gemeente_codes), 1) + gemeente).duplicated().to_numpy()
    project, gemeente = project[uniek], gemeente[uniek]
    maskers = _maskers(projecten, as_)[project] if as_ is not None else np.empty(0, dtype=np.int64)
    return maskers, gemeente_codes, gemeente, project
