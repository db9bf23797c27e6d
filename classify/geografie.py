"""The geographic label of a project, derived from its municipalities instead of typed by hand.

The rule follows the appendix "Toelichting gezamenlijke ordeningsprincipes" (4. Geografisch) of the AEF report,
applied to the municipalities a project covers and the Wmo-region of each in one boundary year:

- **Gemeentelijk**: all municipalities lie in one Wmo-region but are not all of its municipalities
  ("Samenwerking op gemeentelijk niveau (eventueel met meerdere individuele gemeenten binnen een Wmo-regio)");
- **Regionaal**: exactly all municipalities of one Wmo-region ("Samenwerking met alle gemeenten, binnen de
  Wmo-regio");
- **Bovenregionaal**: the municipalities lie in more than one Wmo-region ("Samenwerking tussen meerdere gemeenten
  in meerdere Wmo-regio's").

A region with a single municipality (Utrecht Stad = Utrecht GM0344 and Haarlemmermeer GM0394 in 2017 and 2025,
Hoeksche Waard in 2025): a project on that municipality covers all municipalities of exactly one region, so it is
**Regionaal**. This reads the appendix literally; it does not treat "one municipality" as "gemeentelijk".

The Wmo-membership is a plain mapping gemeente_code -> wmo_code of one boundary year (as
``geo.geodata.wmo_indeling(jaar)`` returns); a region's size is the number of municipalities mapped to it, so the
mapping must hold every municipality of that year.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from classify import vocab

BOVENREGIONAAL, REGIONAAL, GEMEENTELIJK = vocab.AS_GEOGRAFIE.namen
KOLOMMEN_CONSISTENTIE = ("project_id", "veld", "opgeslagen", "afgeleid", "bevinding", "indeling_jaar")
BEVINDINGEN: tuple[str, ...] = (
    "geen_gemeenten",
    "geografie_afwijkend",
    "minima_buiten_anders",
    "afspraken_zonder_document",
)
"""Codes of the consistency findings, in check order; the sentence for readers is :mod:`tekst.geografietekst`."""
MINIMA = vocab.AS_INSTRUMENT.label("czm").naam
ANDERS = vocab.AS_INHOUD.label("anders").naam
AFSPRAKEN = vocab.AS_INTENSITEIT.label("samenwerkingsafspraken").naam
DOCUMENT = vocab.AS_INSTRUMENT.label("samenwerkingsdocument").naam


class GeenGemeenten(ValueError):
    """A project without any municipality: its geography cannot be derived."""

    def __init__(self, project_ids: Iterable[str]):
        self.project_ids = tuple(project_ids)
        super().__init__(
            f"project {', '.join(self.project_ids)} heeft geen gemeenten in de koppeling; "
            "geografie is niet af te leiden"
        )


class OnbekendeGemeente(ValueError):
    """A municipality code that the Wmo-membership of the boundary year does not know."""

    def __init__(self, paren: pd.DataFrame):
        self.gemeente_codes = tuple(sorted(set(paren["gemeente_code"])))
        projecten = ", ".join(sorted(set(paren["project_id"])))
        super().__init__(
            f"gemeentecode {', '.join(self.gemeente_codes)} (project {projecten}) staat niet in de Wmo-indeling"
        )


class OnbekendeIndeling(ValueError):
    """A project's ``indeling_jaar`` for which no Wmo-membership was given."""


def geografie(gemeente_codes: Iterable[str], wmo_indeling: Mapping[str, str], project_id: str = "?") -> str:
    """The geographic label (stored name) of one project covering ``gemeente_codes``.

    ``wmo_indeling``: gemeente_code -> wmo_code of the boundary year the codes are in. Raises
    :class:`GeenGemeenten` for no codes and :class:`OnbekendeGemeente` for a code missing from ``wmo_indeling``;
    ``project_id`` only names the project in those messages.
    """
    codes = list(gemeente_codes)
    koppeling = pd.DataFrame({"project_id": [project_id] * len(codes), "gemeente_code": codes})
    return geografie_per_project(koppeling, wmo_indeling, [project_id]).iloc[0]


def geografie_per_project(
    koppeling: pd.DataFrame, wmo_indeling: Mapping[str, str], project_ids: Iterable[str] | None = None
) -> pd.Series:
    """The geographic label of every project in ``koppeling`` [project_id, gemeente_code], at once.

    Returns a Series of stored names indexed by project_id (named ``geografie``): in the order of
    ``project_ids`` when given, else sorted by project_id. With ``project_ids`` only those projects are derived,
    and any of them without a row in ``koppeling`` raises :class:`GeenGemeenten`. Duplicate rows are ignored.
    """
    paren = koppeling[["project_id", "gemeente_code"]].drop_duplicates()
    if project_ids is not None:
        gevraagd = pd.Index(list(project_ids), name="project_id").unique()
        ontbrekend = gevraagd.difference(pd.Index(paren["project_id"].unique()), sort=True)
        if len(ontbrekend):
            raise GeenGemeenten(ontbrekend)
        paren = paren[paren["project_id"].isin(gevraagd)]
    wmo = paren["gemeente_code"].map(wmo_indeling)
    if wmo.isna().any():
        raise OnbekendeGemeente(paren[wmo.isna()])
    grootte = pd.Series(list(wmo_indeling.values()), dtype=object).value_counts()
    per_project = (
        paren.assign(wmo_code=wmo)
        .groupby("project_id", sort=True)
        .agg(regios=("wmo_code", "nunique"), gemeenten=("gemeente_code", "nunique"), wmo_code=("wmo_code", "first"))
    )
    heel = per_project["gemeenten"].to_numpy() == per_project["wmo_code"].map(grootte).to_numpy()
    meer_regios = per_project["regios"].to_numpy() > 1
    labels = np.select([meer_regios, heel], [BOVENREGIONAAL, REGIONAAL], GEMEENTELIJK)
    uitkomst = pd.Series(labels, index=per_project.index, name="geografie", dtype=object)
    return uitkomst if project_ids is None else uitkomst.reindex(gevraagd)


def consistentie(
    projecten: pd.DataFrame, koppeling: pd.DataFrame, lidmaatschap: Mapping[int, Mapping[str, str]]
) -> pd.DataFrame:
    """Findings where stored labels and the appendix disagree: [project_id, veld, opgeslagen, afgeleid, bevinding,
    indeling_jaar]; ``bevinding`` is one of :data:`BEVINDINGEN`, ``indeling_jaar`` the project's boundary year.

    ``projecten``: one row per project with project_id, indeling_jaar, inhoud, instrumenten (tuple of names),
    intensiteit, geografie. ``koppeling`` [project_id, gemeente_code] must hold each project's municipalities in
    its own ``indeling_jaar`` (the expanded ``gebied`` before any boundary crosswalk), because the rule is defined
    on that year's Wmo-regions. ``lidmaatschap``: indeling_jaar -> (gemeente_code -> wmo_code).

    Checks, each grounded in the appendix:

    - ``geografie``: the stored label differs from the derived one. The report itself sometimes calls a
      one-region collaboration "bovenregionaal" (CZ and Zeeland), so this is shown for the analyst to decide,
      never corrected. A project without municipalities is reported here too.
    - ``inhoud``: instrument Collectieve zorg minima with a theme other than Anders (the appendix lists minima
      under "Anders, nl"); the report mentions minima contracts with extra prevention agreements, so it is a
      question, not an error.
    - ``instrumenten``: intensiteit Samenwerkingsafspraken ("in de vorm van een convenant of een gezamenlijke
      agenda") without instrument Samenwerkingsdocument (agreements "vastgelegd in een document").

    Rows are sorted by project_id, then by check in the order above. Raises :class:`OnbekendeIndeling` for an
    ``indeling_jaar`` missing from ``lidmaatschap`` and :class:`OnbekendeGemeente` for an unknown code.
    """
    bevindingen = [*_geografie_bevindingen(projecten, koppeling, lidmaatschap), *_label_bevindingen(projecten)]
    frame = pd.DataFrame(bevindingen, columns=["_volgorde", *KOLOMMEN_CONSISTENTIE])
    frame = frame.sort_values(["project_id", "_volgorde"], kind="stable", ignore_index=True)
    return frame.drop(columns="_volgorde")


def _geografie_bevindingen(
    projecten: pd.DataFrame, koppeling: pd.DataFrame, lidmaatschap: Mapping[int, Mapping[str, str]]
) -> list[tuple]:
    rijen = []
    met_gemeenten = set(koppeling["project_id"])
    for jaar, groep in projecten.groupby("indeling_jaar", sort=True):
        if jaar not in lidmaatschap:
            raise OnbekendeIndeling(
                f"geen Wmo-indeling voor indeling_jaar {jaar} (project {', '.join(groep['project_id'])}); "
                f"beschikbaar: {', '.join(str(j) for j in sorted(lidmaatschap))}"
            )
        zonder = groep[~groep["project_id"].isin(met_gemeenten)]
        for r in zonder.itertuples():
            rijen.append(
                (
                    0,
                    r.project_id,
                    "geografie",
                    r.geografie,
                    "",
                    "geen_gemeenten",
                    jaar,
                )
            )
        met = groep[groep["project_id"].isin(met_gemeenten)]
        afgeleid = geografie_per_project(koppeling, lidmaatschap[jaar], met["project_id"])
        verschil = met[met["geografie"].to_numpy() != afgeleid.to_numpy()]
        for r in verschil.itertuples():
            rijen.append(
                (
                    0,
                    r.project_id,
                    "geografie",
                    r.geografie,
                    afgeleid[r.project_id],
                    "geografie_afwijkend",
                    jaar,
                )
            )
    return rijen


def _label_bevindingen(projecten: pd.DataFrame) -> list[tuple]:
    rijen = []
    for r in projecten.itertuples():
        instrumenten = tuple(r.instrumenten)
        if MINIMA in instrumenten and r.inhoud != ANDERS:
            rijen.append(
                (
                    1,
                    r.project_id,
                    "inhoud",
                    r.inhoud,
                    ANDERS,
                    "minima_buiten_anders",
                    r.indeling_jaar,
                )
            )
        if r.intensiteit == AFSPRAKEN and DOCUMENT not in instrumenten:
            rijen.append(
                (
                    2,
                    r.project_id,
                    "instrumenten",
                    ";".join(instrumenten),
                    ";".join((*instrumenten, DOCUMENT)),
                    "afspraken_zonder_document",
                    r.indeling_jaar,
                )
            )
    return rijen
