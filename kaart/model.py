"""What a map shows: a class and colour per municipality, the legend in the report's order, title and source line.

A :class:`KaartSpec` names one map of the report (a theme's total map, a combination map, an "X: thema versus
overig" map, a per-label count map, an insurer's projects, the kernwerkgebieden); :func:`vlekken` computes it from
the interchange frames. The result is plain data shared by the interactive map (:mod:`kaart.interactief`), the small
multiples (:mod:`kaart.kleinkaart`) and static exports. The class logic for combinations is
:mod:`classify.combinaties`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from classify import bronnen, combinaties, vocab
from kaart import combinatiekleuren

SOORTEN: tuple[str, ...] = ("totaal", "combinatie", "versus", "aantal", "verzekeraar", "kernwerkgebied", "project")
GEEN_PROJECT = "geen project"
GEEN_KERNWERKGEBIED = "geen kernwerkgebied"

LET_OP = (
    "Let op! In sommige plaatjes geeft de legenda soms een vertekend beeld en lijkt het alsof één project meerdere "
    "labels krijgt (bijvoorbeeld: een preventieproject dat gelabeld wordt als ontwikkelen, implementeren én "
    "samenwerkingsafspraken). Dat is niet het geval. Dit betekent dat in één gemeente meerdere preventieprojecten "
    "plaatsvinden die verschillen van samenwerkingsvorm. (AEF, Samenwerking zorgverzekeraars en gemeenten, 2017; "
    "bron 002_4672d5e83c675345.txt)"
)
"""The report's own warning about combination legends, quoted verbatim; shown next to every combination map."""

MINIMA = "Collectieve zorg minima"

AANTAL_KLASSEN: tuple[tuple[int, int | None, str], ...] = (
    (1, 1, "1 project"),
    (2, 2, "2 projecten"),
    (3, 4, "3–4 projecten"),
    (5, None, "5 of meer projecten"),
)
AANTAL_KLEUREN: tuple[str, ...] = ("#FEE391", "#FB9A29", "#CC4C02", "#662506")
"""Paul Tol's sequential YlOrBr steps for the count maps per label."""

TOTAAL_KLEUR = "#0072B2"
VERSUS_OVERIG_KLEUR = "#C6DBEF"
"""Light blue-grey for "X: overig": lighter than every theme colour, the grey of 'anders' included."""
PROJECT_KLEUREN = ("#762A83", "#C7C1D8")
"""A project's own municipalities, and the rest of the Wmo-regions it spans."""


@dataclass(frozen=True)
class KaartSpec:
    """One map, by kind and labels (stored names; axis codes as in :func:`classify.vocab.as_voor`).

    - ``totaal``: municipalities with at least one project; restricted to ``as_code``/``label`` when given.
    - ``combinatie``: the combination of ``as_code`` labels among a municipality's projects; restricted to
      projects with ``tweede_as``/``tweede_label`` when given (e.g. intensities of the GGZ projects).
    - ``versus``: projects with ``label`` on ``as_code``; "label: tweede_label" where one of them also has
      ``tweede_label`` on ``tweede_as``, else "label: overig".
    - ``aantal``: number of projects with ``label`` on ``as_code`` (restricted like ``combinatie``).
    - ``verzekeraar``: municipalities with projects of insurer ``label``.
    - ``kernwerkgebied``: the insurer whose kernwerkgebied a municipality lies in.
    - ``project``: project ``label`` (its id): its municipalities and the rest of the Wmo-regions it spans.

    ``zonder_minima`` leaves out projects whose only instrument is Collectieve zorg minima, as the report's
    total maps do.
    """

    soort: str
    as_code: str = ""
    label: str = ""
    tweede_as: str = ""
    tweede_label: str = ""
    zonder_minima: bool = False
    sleutel: str = field(init=False, compare=False)

    def __post_init__(self) -> None:
        if self.soort not in SOORTEN:
            raise ValueError(f"onbekende kaartsoort {self.soort!r}; kies uit: {', '.join(SOORTEN)}")
        nodig = {
            "totaal": (), "combinatie": ("as_code",), "versus": ("as_code", "label", "tweede_as", "tweede_label"),
            "aantal": ("as_code", "label"), "verzekeraar": ("label",), "kernwerkgebied": (), "project": ("label",),
        }[self.soort]
        for naam in nodig:
            if not getattr(self, naam):
                raise ValueError(f"kaartsoort {self.soort!r} vraagt om {naam}")
        if bool(self.tweede_as) != bool(self.tweede_label):
            raise ValueError("tweede_as en tweede_label horen samen")
        if self.soort in ("totaal", "aantal", "versus") and bool(self.as_code) != bool(self.label):
            raise ValueError(f"kaartsoort {self.soort!r}: as_code en label horen samen")
        if self.soort == "combinatie" and self.label:
            raise ValueError("kaartsoort 'combinatie' toont een hele as: geef geen label, wel eventueel tweede_label")
        object.__setattr__(self, "label", self._naam(self.as_code, self.label))
        object.__setattr__(self, "tweede_label", self._naam(self.tweede_as, self.tweede_label))
        object.__setattr__(self, "sleutel", self._maak_sleutel())

    def _naam(self, as_code: str, label: str) -> str:
        if not label or self.soort == "project":
            return label
        if self.soort == "verzekeraar" and as_code == "":
            return vocab.verzekeraar(label).naam
        return vocab.normaliseer(vocab.as_voor(as_code), label)

    def _code(self, as_code: str, label: str) -> str:
        if self.soort == "project":
            return label
        if self.soort == "verzekeraar" and as_code == "":
            return vocab.verzekeraar(label).code
        return vocab.as_voor(as_code).label(label).code

    def _maak_sleutel(self) -> str:
        delen = [self.soort]
        if self.as_code:
            delen.append(self.as_code + (f"={self._code(self.as_code, self.label)}" if self.label else ""))
        elif self.label:
            delen.append(f"{self.soort}={self._code('', self.label)}")
        if self.tweede_as:
            delen.append(f"{self.tweede_as}={self._code(self.tweede_as, self.tweede_label)}")
        if self.zonder_minima:
            delen.append("zonder_minima")
        return "|".join(delen)

    @classmethod
    def van_sleutel(cls, sleutel: str) -> KaartSpec:
        """The spec for a :attr:`sleutel` string (as used in URLs and cache keys)."""
        soort, *delen = sleutel.split("|")
        velden: dict[str, object] = {"soort": soort}
        for deel in delen:
            if deel == "zonder_minima":
                velden["zonder_minima"] = True
                continue
            as_code, _, code = deel.partition("=")
            if as_code == soort:
                velden["label"] = code
            elif "as_code" not in velden:
                velden["as_code"], velden["label"] = as_code, code
            else:
                velden["tweede_as"], velden["tweede_label"] = as_code, code
        return cls(**velden)


@dataclass(frozen=True)
class LegendaItem:
    """One legend row: class name, fill colour, number of municipalities in that class."""

    klasse: str
    kleur: str
    aantal: int


@dataclass(frozen=True, eq=False)
class Vlekken:
    """A computed map.

    ``gemeenten``: one row per municipality of the boundary year, columns gemeente_code, gemeente_naam, wmo_regio,
    klasse, kleur, aantal_projecten (projects counted by this map), titels and project_ids (tuples, in project
    order). ``legenda``: classes present in the report's order with "geen project" last. ``waarschuwing``: the
    report's 'Let op!' text for combination maps, else empty.
    """

    spec: KaartSpec
    gemeenten: pd.DataFrame
    legenda: tuple[LegendaItem, ...]
    titel: str
    ondertitel: str
    bronregel: str
    waarschuwing: str = ""


def alleen_minima(projecten: pd.DataFrame) -> pd.Series:
    """True for projects whose only instrument is Collectieve zorg minima (the report's minimacontracten)."""
    return projecten["instrumenten"].map(lambda waarden: set(waarden) == {MINIMA}).astype(bool)


def projecten_voor(spec: KaartSpec, projecten: pd.DataFrame) -> pd.DataFrame:
    """The projects a map counts: minima contracts dropped if asked, then the spec's label restrictions."""
    if spec.zonder_minima:
        projecten = projecten[~alleen_minima(projecten)]
    if spec.soort in ("totaal", "aantal", "versus") and spec.as_code:
        projecten = projecten[_heeft(projecten, spec.as_code, spec.label)]
    if spec.soort in ("totaal", "combinatie", "aantal") and spec.tweede_as:
        projecten = projecten[_heeft(projecten, spec.tweede_as, spec.tweede_label)]
    if spec.soort == "verzekeraar":
        projecten = projecten[projecten["verzekeraars"].map(lambda v: spec.label in v).astype(bool)]
    if spec.soort == "project":
        projecten = projecten[projecten["project_id"] == spec.label]
    return projecten


def _heeft(projecten: pd.DataFrame, as_code: str, label: str) -> pd.Series:
    as_ = vocab.as_voor(as_code)
    kolom = projecten[as_.kolom]
    if as_.meervoudig:
        return kolom.map(lambda waarden: label in waarden).astype(bool)
    return kolom == label


def vlekken(
    spec: KaartSpec,
    projecten: pd.DataFrame,
    koppeling: pd.DataFrame,
    gemeenten: pd.DataFrame,
    *,
    jaar: int,
    selectie: str = "",
    bronregister: Mapping[str, bronnen.Bron] | None = None,
) -> Vlekken:
    """Compute the map ``spec`` for the (already filtered) ``projecten``.

    ``koppeling`` [project_id, gemeente_code] and ``gemeenten`` [gemeente_code, gemeente_naam, wmo_regio,
    kernwerkgebied] are of boundary year ``jaar``; ``selectie`` describes the active filters in words for the
    subtitle; ``bronregister`` (bestand -> :class:`classify.bronnen.Bron`) names the projects' source documents
    in the source line. Municipalities without a counted project get "geen project" (for the kernwerkgebied map: the
    municipality's insurer regardless of projects).
    """
    geteld = projecten_voor(spec, projecten)
    # Only the links of counted projects: combinaties then sees no municipality without one of them.
    koppeling = koppeling[koppeling["project_id"].isin(geteld["project_id"])]
    basis = _per_gemeente(geteld, koppeling, gemeenten)
    klasse, kleur, rijen = _klassen(spec, geteld, koppeling, basis)
    leeg = GEEN_KERNWERKGEBIED if spec.soort == "kernwerkgebied" else GEEN_PROJECT
    basis["klasse"] = klasse.fillna(leeg).astype(str)
    basis["kleur"] = kleur.fillna(vocab.GEEN_PROJECT_KLEUR).astype(str)
    rest = int(klasse.isna().sum())
    legenda = tuple(LegendaItem(*rij) for rij in rijen) + (
        (LegendaItem(leeg, vocab.GEEN_PROJECT_KLEUR, rest),) if rest else ()
    )
    return Vlekken(
        spec=spec,
        gemeenten=basis,
        legenda=legenda,
        titel=_titel(spec, geteld, basis),
        ondertitel=_ondertitel(spec, selectie),
        bronregel=_bronregel(geteld, jaar, bronregister),
        waarschuwing=LET_OP if spec.soort == "combinatie" else "",
    )


def _bronregel(geteld: pd.DataFrame, jaar: int, register: Mapping[str, bronnen.Bron] | None) -> str:
    """The map's source line: how many projects from which documents (publisher and year), their peildatum (the
    date of those sources, not of the export) and the boundaries. Short enough for the footer of an A4 map; the full
    titles are on the closing slide, in the XLSX export and under 'Over de gegevens'. Without a registry (or a
    ``bron`` column) it names no documents."""
    if register is None or "bron" not in geteld or geteld.empty:
        return (f"Bron: projectendatabase samenwerkingskaarten, {len(geteld)} projecten{_voorstellen(geteld)}; "
                f"grenzen CBS/PDOK {jaar}")
    return (f"Bron: {len(geteld)} projecten{_voorstellen(geteld)} uit "
            f"{bronnen.korte_vermelding(geteld['bron'], register)}, peildatum "
            f"{bronnen.peildatum(geteld['bron'], register, noot=False)}; grenzen CBS/PDOK {jaar}")


def _voorstellen(geteld: pd.DataFrame) -> str:
    """", waarvan 3 voorstellen (niet vastgesteld)" when counted projects are proposals, else ''."""
    aantal = int((geteld["status"] == "voorstel").sum()) if "status" in geteld else 0
    return f", waarvan {aantal} {'voorstel' if aantal == 1 else 'voorstellen'} (niet vastgesteld)" if aantal else ""


def _weergavetitels(projecten: pd.DataFrame) -> pd.Series:
    """Titles as the map shows them: a proposal (status ``voorstel``) ends in " (voorstel)"."""
    if "status" not in projecten:
        return projecten["titel"]
    return projecten["titel"].where(projecten["status"] != "voorstel", projecten["titel"] + " (voorstel)")


def _per_gemeente(projecten: pd.DataFrame, koppeling: pd.DataFrame, gemeenten: pd.DataFrame) -> pd.DataFrame:
    """Every municipality with the counted projects in it: count, titles (proposals marked) and ids in project
    order."""
    titels_ = pd.DataFrame({"project_id": projecten["project_id"], "titel": _weergavetitels(projecten)})
    paren = koppeling.drop_duplicates().merge(titels_, on="project_id")
    paren = paren.sort_values(["project_id", "gemeente_code"])
    ids: dict[str, list[str]] = {}
    titels: dict[str, list[str]] = {}
    for project_id, code, titel in zip(paren["project_id"], paren["gemeente_code"], paren["titel"], strict=True):
        ids.setdefault(code, []).append(project_id)
        titels.setdefault(code, []).append(titel)
    basis = gemeenten[["gemeente_code", "gemeente_naam", "wmo_regio", "kernwerkgebied"]].reset_index(drop=True)
    basis["project_ids"] = [tuple(ids.get(code, ())) for code in basis["gemeente_code"]]
    basis["titels"] = [tuple(titels.get(code, ())) for code in basis["gemeente_code"]]
    basis["aantal_projecten"] = basis["project_ids"].map(len).astype(int)
    return basis


Rijen = list[tuple[str, str, int]]


def _klassen(
    spec: KaartSpec, geteld: pd.DataFrame, koppeling: pd.DataFrame, basis: pd.DataFrame
) -> tuple[pd.Series, pd.Series, Rijen]:
    """Class and colour per municipality (NaN for the empty class) and the legend rows in the report's order."""
    if spec.soort == "combinatie":
        per_gemeente = combinaties.combinaties(geteld, koppeling, spec.as_code).set_index("gemeente_code")
        klasse = basis["gemeente_code"].map(per_gemeente["combinatie"])
        kleuren = combinatiekleuren.kleuren(spec.as_code, per_gemeente["combinatie"])
        return klasse, klasse.map(kleuren), combinatiekleuren.legenda(spec.as_code, per_gemeente["combinatie"])
    if spec.soort == "versus":
        per_gemeente = combinaties.versus_overig(
            geteld, koppeling, spec.as_code, spec.label, spec.tweede_as, spec.tweede_label
        ).set_index("gemeente_code")
        eigen = vocab.as_voor(spec.as_code).label(spec.label)
        thema = vocab.as_voor(spec.tweede_as).label(spec.tweede_label)
        kleuren = {f"{eigen.legenda}: {thema.legenda}": thema.kleur,
                   f"{eigen.legenda}: {combinaties.OVERIG}": VERSUS_OVERIG_KLEUR}
        return _op_volgorde(basis["gemeente_code"].map(per_gemeente["klasse"]), kleuren)
    if spec.soort == "aantal":
        tellingen = combinaties.aantallen_per_label(geteld, koppeling, spec.as_code).set_index("gemeente_code")
        aantal = basis["gemeente_code"].map(tellingen[spec.label]).fillna(0)
        klasse = pd.Series(pd.NA, index=basis.index, dtype=object)
        for laag, hoog, naam in AANTAL_KLASSEN:
            klasse[(aantal >= laag) & (aantal <= (float("inf") if hoog is None else hoog))] = naam
        return _op_volgorde(klasse, dict(zip((naam for *_, naam in AANTAL_KLASSEN), AANTAL_KLEUREN, strict=True)))
    if spec.soort == "kernwerkgebied":
        return _op_volgorde(basis["kernwerkgebied"], {v.naam: v.kleur for v in vocab.VERZEKERAARS})
    if spec.soort == "project":
        return _projectklassen(geteld, koppeling, basis)
    naam, kleur = _enkele_klasse(spec)
    return _op_volgorde(pd.Series(naam, index=basis.index).where(basis["aantal_projecten"] > 0), {naam: kleur})


def _op_volgorde(klasse: pd.Series, kleuren: dict[str, str]) -> tuple[pd.Series, pd.Series, Rijen]:
    """Colours for a class Series whose classes are the keys of ``kleuren`` (in legend order), and the rows of
    those present."""
    klasse = klasse.where(klasse.isin(list(kleuren)))
    aantallen = klasse.value_counts()
    rijen = [(naam, kleur, int(aantallen[naam])) for naam, kleur in kleuren.items() if naam in aantallen.index]
    return klasse, klasse.map(kleuren), rijen


def _enkele_klasse(spec: KaartSpec) -> tuple[str, str]:
    if spec.soort == "verzekeraar":
        return f"projecten {spec.label}", vocab.verzekeraar(spec.label).kleur
    if spec.as_code:
        label = vocab.as_voor(spec.as_code).label(spec.label)
        return label.legenda.strip("'"), label.kleur
    return "samenwerkingsprojecten", TOTAAL_KLEUR


def _projectklassen(
    geteld: pd.DataFrame, koppeling: pd.DataFrame, basis: pd.DataFrame
) -> tuple[pd.Series, pd.Series, Rijen]:
    """One project: its municipalities, and the rest of the Wmo-regions it spans."""
    eigen = set(koppeling.loc[koppeling["project_id"].isin(geteld["project_id"]), "gemeente_code"])
    regio_s = set(basis.loc[basis["gemeente_code"].isin(eigen), "wmo_regio"])
    in_project, in_regio = "gemeente in het project", "overige gemeente in dezelfde Wmo-regio's"
    klasse = pd.Series(pd.NA, index=basis.index, dtype=object)
    klasse[basis["wmo_regio"].isin(regio_s)] = in_regio
    klasse[basis["gemeente_code"].isin(eigen)] = in_project
    return _op_volgorde(klasse, dict(zip((in_project, in_regio), PROJECT_KLEUREN, strict=True)))


def _titel(spec: KaartSpec, geteld: pd.DataFrame, basis: pd.DataFrame) -> str:
    if spec.soort == "kernwerkgebied":
        return "Kernwerkgebieden van de zorgverzekeraars"
    if spec.soort == "verzekeraar":
        return f"Projecten {spec.label}"
    if spec.soort == "project":
        regio_s = basis.loc[basis["aantal_projecten"] > 0, "wmo_regio"].nunique()
        titel = geteld["titel"].iloc[0] if len(geteld) else ""
        woord = "Wmo-regio" if regio_s == 1 else "Wmo-regio's"
        return f"{spec.label} {titel} ({regio_s} {woord})"
    if spec.soort == "totaal":
        return f"{spec.label} – totaal" if spec.label else "Projecten – totaal"
    if spec.soort == "versus":
        eigen = vocab.as_voor(spec.as_code).label(spec.label)
        thema = vocab.as_voor(spec.tweede_as).label(spec.tweede_label)
        return f"{eigen.legenda}: {thema.kort} versus overig"
    as_ = vocab.as_voor(spec.as_code)
    voor = f"{spec.tweede_label} – " if spec.tweede_label else ""
    if spec.soort == "aantal":
        return f"{voor}aantal projecten {as_.label(spec.label).legenda}"
    return f"{voor}{as_.naam.lower()}" if voor else f"{as_.naam} – totaal"


def _ondertitel(spec: KaartSpec, selectie: str) -> str:
    delen = [f"Selectie: {selectie}"] if selectie else []
    if spec.zonder_minima:
        delen.append("zonder minimacontracten")
    return "; ".join(delen)
