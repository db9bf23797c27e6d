"""What a map shows: a class and colour per municipality, the legend in the report's order, title and source line.

A :class:`KaartSpec` names one map of the report (a theme's total map, a combination map, an "X: thema versus
overig" map, a per-label count map, an insurer's projects, the kernwerkgebieden); :func:`kaartbeeld` computes it from
the interchange frames. The result is plain data shared by the interactive map (:mod:`kaart.interactief`), the small
multiples (:mod:`kaart.kleinkaart`) and static exports. The class logic for combinations is
:mod:`classify.combinaties`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from classify import bronnen, combinaties, kernwerkgebieden, vocab, zekerheid
from kaart import combinatiekleuren, vulling
from palet.kleuren import (
    AANTAL_KLEUREN,
    GEEN_PROJECT_KLEUR,
    PROJECT_KLEUREN,
    TOTAAL_KLEUR,
    VERSUS_OVERIG_KLEUR,
    labelkleur,
    verzekeraarkleur,
)
from tekst import brontekst, getallen, kernwerkgebiedtekst

SOORTEN: tuple[str, ...] = ("totaal", "combinatie", "versus", "aantal", "verzekeraar", "kernwerkgebied", "project")
GEEN_PROJECT = "geen project"
GEEN_KERNWERKGEBIED = "geen kernwerkgebied"

_ENKEL_MEERVOUD = {
    "inhoud": ("thema", "thema's"),
    "intensiteit": ("samenwerkingsvorm", "samenwerkingsvormen"),
    "geografie": ("niveau", "niveaus"),
}


def let_op(as_code: str, tweede_label: str = "") -> str:
    """The 'Let op!' caveat of a combination map of axis ``as_code`` (restricted to projects with ``tweede_label``).

    The report warns that a combination legend seems to give one project several labels (AEF, Samenwerking
    zorgverzekeraars en gemeenten, 2017). On a single-valued axis that is never so: several projects meet in the
    municipality. On the instrument axis it can be so: one project can carry several instruments.
    """
    as_ = vocab.as_voor(as_code)
    welke = f"{tweede_label}-projecten" if tweede_label else "projecten"
    if as_.meervoudig:
        return (
            "Let op! Een combinatie in de legenda kan van één project komen (een project kan meerdere instrumenten "
            f"hebben) of van meerdere {welke} in dezelfde gemeente; de projectenlijst per gemeente laat zien welke."
        )
    enkel, meervoud = _ENKEL_MEERVOUD[as_.code]
    return (
        f"Let op! Een combinatie in de legenda betekent niet dat één project meerdere {meervoud} heeft: elk project "
        f"heeft er precies één. In zo'n gemeente lopen meerdere {welke} met een verschillende {enkel}."
    )


MOGELIJK = "mogelijk: project in een deel van dit gebied"
"""Class of municipalities reached only through a ``deel`` area; the legend adds "(circa N van M gemeenten)"."""

MINIMA = "Collectieve zorg minima"

AANTAL_KLASSEN: tuple[tuple[int, int | None, str], ...] = (
    (1, 1, "1 project"),
    (2, 2, "2 projecten"),
    (3, 4, "3–4 projecten"),
    (5, None, "5 of meer projecten"),
)


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
            "totaal": (),
            "combinatie": ("as_code",),
            "versus": ("as_code", "label", "tweede_as", "tweede_label"),
            "aantal": ("as_code", "label"),
            "verzekeraar": ("label",),
            "kernwerkgebied": (),
            "project": ("label",),
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
    """One legend row: class name, fill (a :mod:`kaart.vulling` string: a colour, or colours to hatch), number of
    municipalities in that class."""

    klasse: str
    kleur: str
    aantal: int


@dataclass(frozen=True, eq=False)
class Kaartbeeld:
    """A computed map.

    ``gemeenten``: one row per municipality of the boundary year, columns gemeente_code, gemeente_naam, wmo_regio,
    klasse, kleur (a :mod:`kaart.vulling` fill), aantal_projecten (projects certainly there), aantal_mogelijk
    (projects possibly there, through a ``deel`` area), titels and project_ids (tuples: certain projects first, in
    project order, then possible ones, their titles marked). ``legenda``: classes present in the report's order,
    then :data:`MOGELIJK`, with "geen project" last. ``waarschuwing``: the 'Let op!' text of :func:`let_op` when a
    class combines labels, the proxy note on the kernwerkgebied map, else empty. ``zeker`` / ``mogelijk``:
    municipalities with a certain project, and with only possible ones.
    """

    spec: KaartSpec
    gemeenten: pd.DataFrame
    legenda: tuple[LegendaItem, ...]
    titel: str
    ondertitel: str
    bronregel: str
    waarschuwing: str = ""
    zeker: int = 0
    mogelijk: int = 0


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


def kaartbeeld(
    spec: KaartSpec,
    projecten: pd.DataFrame,
    koppeling: pd.DataFrame,
    gemeenten: pd.DataFrame,
    *,
    jaar: int,
    selectie: str = "",
    bronregister: Mapping[str, bronnen.Bron] | None = None,
) -> Kaartbeeld:
    """Compute the map ``spec`` for the (already filtered) ``projecten``.

    ``koppeling`` [project_id, gemeente_code] and ``gemeenten`` [gemeente_code, gemeente_naam, wmo_regio,
    kernwerkgebied] are of boundary year ``jaar``; ``selectie`` describes the active filters in words for the
    subtitle; ``bronregister`` (bestand -> :class:`classify.bronnen.Bron`) names the projects' source documents
    in the source line. Municipalities without a counted project get "geen project" (for the kernwerkgebied map: the
    municipality's insurer regardless of projects).
    ``koppeling`` may carry a ``zekerheid`` column (:func:`projectdb.bereik.koppeling_zekerheid`): classes then
    come from certain links only, and municipalities reached only through possible links get :data:`MOGELIJK`,
    hatched.
    """
    geteld = projecten_voor(spec, projecten)
    # Only the links of counted projects: combinaties then sees no municipality without one of them.
    koppeling = koppeling[koppeling["project_id"].isin(geteld["project_id"])]
    is_zeker = zekerheid.is_zeker(koppeling).to_numpy()
    zeker, mogelijk = koppeling[is_zeker], koppeling[~is_zeker]
    per_project = bereik_per_project(geteld, koppeling)
    basis = _per_gemeente(geteld, zeker, mogelijk, gemeenten, per_project)
    klasse, kleur, rijen = _klassen(spec, geteld, zeker, basis)
    rijen = [(naam, _vulling(k), n) for naam, k, n in rijen]
    n_zeker = int(klasse.notna().sum()) if spec.soort != "kernwerkgebied" else 0
    alleen_mogelijk = klasse.isna() & (basis["aantal_mogelijk"] > 0)
    if spec.soort != "kernwerkgebied" and alleen_mogelijk.any():
        bereik = _bereik(per_project)
        tekst = f"{MOGELIJK} ({bereik})" if bereik else MOGELIJK
        klasse = klasse.mask(alleen_mogelijk, tekst)
        kleur = kleur.mask(alleen_mogelijk, vulling.MOGELIJK)
        rijen.append((tekst, vulling.MOGELIJK, int(alleen_mogelijk.sum())))
    leeg = GEEN_KERNWERKGEBIED if spec.soort == "kernwerkgebied" else GEEN_PROJECT
    basis["klasse"] = klasse.fillna(leeg).astype(str)
    basis["kleur"] = kleur.map(_vulling, na_action="ignore").astype(object).fillna(GEEN_PROJECT_KLEUR).astype(str)
    rest = int(klasse.isna().sum())
    legenda = tuple(LegendaItem(*rij) for rij in rijen) + (
        (LegendaItem(leeg, GEEN_PROJECT_KLEUR, rest),) if rest else ()
    )
    return Kaartbeeld(
        spec=spec,
        gemeenten=basis,
        legenda=legenda,
        titel=_titel(spec, geteld, basis),
        ondertitel=_ondertitel(spec, selectie),
        bronregel=_bronregel(geteld, jaar, bronregister),
        waarschuwing=_benadering(basis) if spec.soort == "kernwerkgebied" else _waarschuwing(spec, rijen),
        zeker=n_zeker,
        mogelijk=int(alleen_mogelijk.sum()) if spec.soort != "kernwerkgebied" else 0,
    )


def _bronregel(geteld: pd.DataFrame, jaar: int, register: Mapping[str, bronnen.Bron] | None) -> str:
    """The map's source line: how many projects from which documents (publisher and year), their peildatum (the
    date of those sources, not of the export) and the boundaries. Short enough for the footer of an A4 map; the full
    titles are on the closing slide, in the XLSX export and under 'Over de gegevens'. Without a registry (or a
    ``bron`` column) it names no documents."""
    if register is None or "bron" not in geteld or geteld.empty:
        return (
            f"Bron: projectendatabase samenwerkingskaarten, {getallen.aantal(len(geteld), 'project', 'projecten')}"
            f"{_voorstellen(geteld)}; "
            f"grenzen CBS/PDOK {jaar}"
        )
    return (
        f"Bron: {getallen.aantal(len(geteld), 'project', 'projecten')}{_voorstellen(geteld)} uit "
        f"{brontekst.korte_vermelding(geteld['bron'], register)}, peildatum "
        f"{brontekst.peildatum(geteld['bron'], register, noot=False)}; grenzen CBS/PDOK {jaar}"
    )


def _vulling(kleur: str | tuple[str, ...]) -> str:
    """A class colour as a :mod:`kaart.vulling` fill: member colours of a combination are joined."""
    return kleur if isinstance(kleur, str) else vulling.vulling(kleur)


def _waarschuwing(spec: KaartSpec, rijen: list[tuple[str, str, int]]) -> str:
    """The caveat of the map's axis, only on a combination map that shows a class of several labels."""
    if spec.soort != "combinatie":
        return ""
    gecombineerd = any(combinaties.SCHEIDING in naam for naam, *_ in rijen)
    return let_op(spec.as_code, spec.tweede_label) if gecombineerd else ""


def _benadering(basis: pd.DataFrame) -> str:
    """The note of the kernwerkgebied map: what the proxy is, and the report's own figures beside its counts."""
    delen = [
        f"{cijfer.aantal_gemeenten}{' gemeenten' if i == 0 else ''} voor {cijfer.verzekeraar} "
        f"(hier {int((basis['kernwerkgebied'] == cijfer.verzekeraar).sum())})"
        for i, cijfer in enumerate(kernwerkgebieden.RAPPORT_AANTALLEN)
    ]
    return (
        "Benadering: elke gemeente krijgt de concessiehouder van het zorgkantoor in haar regio, niet de verzekeraar "
        f"met het grootste marktaandeel. Het rapport ({kernwerkgebieden.RAPPORT}) noemt zelf {' en '.join(delen)}."
    )


MAX_BEREIK = 2
"""Deel projects spelled out in the "mogelijk" legend row; the tooltip of each municipality names all of its own."""


def bereik_per_project(geteld: pd.DataFrame, koppeling: pd.DataFrame) -> dict[str, str]:
    """project_id -> "circa N van M gemeenten" for the ``deel`` projects of this map (N as the source gives it,
    "een onbekend aantal" when it gives none; M the municipalities of the project's area on this map)."""
    uit = {}
    for rij in zekerheid.deel_bereik(geteld, koppeling).itertuples(index=False):
        n = "een onbekend aantal" if pd.isna(rij.aantal_gemeenten_bron) else f"circa {int(rij.aantal_gemeenten_bron)}"
        uit[rij.project_id] = f"{n} van {rij.gemeenten_gebied} gemeenten"
    return uit


def _bereik(per_project: dict[str, str]) -> str:
    """The legend's "(circa N van M gemeenten)": the text alone for one project, else per project id, the first
    :data:`MAX_BEREIK` spelled out."""
    if len(per_project) <= 1:
        return next(iter(per_project.values()), "")
    delen = [f"{pid} {tekst}" for pid, tekst in list(per_project.items())[:MAX_BEREIK]]
    rest = len(per_project) - MAX_BEREIK
    return "; ".join(delen) + (
        f"; en nog {rest} {'project' if rest == 1 else 'projecten'}, zie de gemeente" if rest > 0 else ""
    )


def _voorstellen(geteld: pd.DataFrame) -> str:
    """ ", waarvan 3 voorstellen (niet vastgesteld)" when counted projects are proposals, else ''."""
    aantal = int((geteld["status"] == "voorstel").sum()) if "status" in geteld else 0
    return f", waarvan {aantal} {'voorstel' if aantal == 1 else 'voorstellen'} (niet vastgesteld)" if aantal else ""


def weergavetitels(projecten: pd.DataFrame) -> pd.Series:
    """Titles as the map shows them: a proposal (status ``voorstel``) ends in " (voorstel)"."""
    if "status" not in projecten:
        return projecten["titel"]
    return projecten["titel"].where(projecten["status"] != "voorstel", projecten["titel"] + " (voorstel)")


def _per_gemeente(
    projecten: pd.DataFrame,
    zeker: pd.DataFrame,
    mogelijk: pd.DataFrame,
    gemeenten: pd.DataFrame,
    bereik: dict[str, str],
) -> pd.DataFrame:
    """Every municipality with the counted projects in it: certain and possible counts, ids and titles (certain
    first, possible ones marked with the project's ``bereik``, proposals marked), each in project order."""
    basis = gemeenten[["gemeente_code", "gemeente_naam", "wmo_regio", "kernwerkgebied"]].reset_index(drop=True)
    # Plain dicts and sorted tuples instead of a merge and a sort of DataFrames: a few hundred pairs per map, and
    # pandas' overhead per call was most of the time of a new map.
    titel_van = dict(zip(projecten["project_id"], weergavetitels(projecten), strict=True))
    ids: dict[str, list[str]] = {}
    titels: dict[str, list[str]] = {}
    aantallen = []
    for links, mogelijk_ in ((zeker, False), (mogelijk, True)):
        paren = sorted(set(zip(links["project_id"], links["gemeente_code"], strict=True)))
        per_code: dict[str, int] = {}
        for project_id, code in paren:
            if project_id not in titel_van:
                continue
            titel = titel_van[project_id]
            ids.setdefault(code, []).append(project_id)
            titels.setdefault(code, []).append(mogelijke_titel(titel, bereik.get(project_id)) if mogelijk_ else titel)
            per_code[code] = per_code.get(code, 0) + 1
        aantallen.append(pd.Series([per_code.get(code, 0) for code in basis["gemeente_code"]], dtype=int))
    basis["project_ids"] = [tuple(ids.get(code, ())) for code in basis["gemeente_code"]]
    basis["titels"] = [tuple(titels.get(code, ())) for code in basis["gemeente_code"]]
    basis["aantal_projecten"], basis["aantal_mogelijk"] = aantallen
    return basis


def mogelijke_titel(titel: str, bereik: str | None) -> str:
    """A project's title where it only possibly reaches a municipality, with its ``bereik`` (when known)."""
    return f"{titel} (mogelijk: {bereik or 'in een deel van het gebied'})"


Rijen = list[tuple[str, str | tuple[str, ...], int]]


def _klassen(
    spec: KaartSpec, geteld: pd.DataFrame, koppeling: pd.DataFrame, basis: pd.DataFrame
) -> tuple[pd.Series, pd.Series, Rijen]:
    """Class and colour per municipality (NaN for the empty class) and the legend rows in the report's order."""
    if spec.soort == "combinatie":
        per_gemeente = combinaties.combinaties(geteld, koppeling, spec.as_code).set_index("gemeente_code")
        klasse = basis["gemeente_code"].map(per_gemeente["combinatie"])
        kleuren = {
            tekst: vulling.vulling(k)
            for tekst, k in combinatiekleuren.kleuren(spec.as_code, per_gemeente["combinatie"]).items()
        }
        return klasse, klasse.map(kleuren), combinatiekleuren.legenda(spec.as_code, per_gemeente["combinatie"])
    if spec.soort == "versus":
        per_gemeente = combinaties.versus_overig(
            geteld, koppeling, spec.as_code, spec.label, spec.tweede_as, spec.tweede_label
        ).set_index("gemeente_code")
        eigen = vocab.as_voor(spec.as_code).label(spec.label)
        thema = vocab.as_voor(spec.tweede_as).label(spec.tweede_label)
        kleuren = {
            f"{eigen.legenda}: {thema.legenda}": labelkleur(thema),
            f"{eigen.legenda}: {combinaties.OVERIG}": VERSUS_OVERIG_KLEUR,
        }
        return _op_volgorde(basis["gemeente_code"].map(per_gemeente["klasse"]), kleuren)
    if spec.soort == "aantal":
        tellingen = combinaties.aantallen_per_label(geteld, koppeling, spec.as_code).set_index("gemeente_code")
        aantal = basis["gemeente_code"].map(tellingen[spec.label]).fillna(0)
        klasse = pd.Series(pd.NA, index=basis.index, dtype=object)
        for laag, hoog, naam in AANTAL_KLASSEN:
            klasse[(aantal >= laag) & (aantal <= (float("inf") if hoog is None else hoog))] = naam
        return _op_volgorde(klasse, dict(zip((naam for *_, naam in AANTAL_KLASSEN), AANTAL_KLEUREN, strict=True)))
    if spec.soort == "kernwerkgebied":
        return _op_volgorde(basis["kernwerkgebied"], {v.naam: verzekeraarkleur(v.naam) for v in vocab.VERZEKERAARS})
    if spec.soort == "project":
        return _projectklassen(geteld, koppeling, basis)
    naam, kleur = enkele_klasse(spec)
    return _op_volgorde(pd.Series(naam, index=basis.index).where(basis["aantal_projecten"] > 0), {naam: kleur})


def _op_volgorde(klasse: pd.Series, kleuren: dict[str, str]) -> tuple[pd.Series, pd.Series, Rijen]:
    """Colours for a class Series whose classes are the keys of ``kleuren`` (in legend order), and the rows of
    those present."""
    klasse = klasse.where(klasse.isin(list(kleuren)))
    aantallen = klasse.value_counts()
    rijen = [(naam, kleur, int(aantallen[naam])) for naam, kleur in kleuren.items() if naam in aantallen.index]
    return klasse, klasse.map(kleuren), rijen


def enkele_klasse(spec: KaartSpec) -> tuple[str, str]:
    """The one class of a map of one insurer or one label: its legend text and its colour (hex)."""
    if spec.soort == "verzekeraar":
        return f"projecten {spec.label}", verzekeraarkleur(spec.label)
    if spec.as_code:
        label = vocab.as_voor(spec.as_code).label(spec.label)
        return label.legenda.strip("'"), labelkleur(label)
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
        return kernwerkgebiedtekst.KAARTTITEL
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
