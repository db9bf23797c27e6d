"""The four ordering axes of the AEF report and the insurer names, as the one vocabulary of the project.

Every label on every axis is defined here once: the name stored in ``projecten.csv`` and the database
(:attr:`Label.naam`), a stable lowercase code, the short name for tight legends, the report's own lowercase
form used in combination legends ("ontwikkelproject + implementeren"), a colour, and the synonyms and
misspellings the report itself uses. The canonical order of each axis is the order of the report's legends.

Definitions are quoted from the appendix "Toelichting gezamenlijke ordeningsprincipes" of
``002_4672d5e83c675345.txt``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field


class OnbekendLabel(ValueError):
    """A text that is no label (nor synonym) of the axis it was given for."""


@dataclass(frozen=True)
class Label:
    """One value of an ordering axis.

    ``kleur`` is a hex colour from a colour-blind-safe palette (Okabe-Ito / Paul Tol), chosen so that the
    labels of one axis stay distinguishable next to each other.
    """

    naam: str
    code: str
    kort: str
    legenda: str
    kleur: str
    definitie: str
    synoniemen: tuple[str, ...] = ()
    intensiteit_gemeente: str = ""
    intensiteit_verzekeraar: str = ""


@dataclass(frozen=True)
class As:
    """An ordering axis: its labels in the report's canonical order."""

    code: str
    naam: str
    kolom: str
    meervoudig: bool
    labels: tuple[Label, ...]
    _index: dict[str, Label] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        index: dict[str, Label] = {}
        for label in self.labels:
            for vorm in (label.naam, label.code, label.kort, label.legenda, *label.synoniemen):
                andere = index.setdefault(sleutel(vorm), label)
                if andere is not label:
                    raise ValueError(f"{vorm!r} hoort bij zowel {andere.naam!r} als {label.naam!r}")
        object.__setattr__(self, "_index", index)

    @property
    def namen(self) -> tuple[str, ...]:
        """Stored names in canonical order."""
        return tuple(label.naam for label in self.labels)

    def label(self, naam: str) -> Label:
        """The label for a stored name, code or synonym; raises :class:`OnbekendLabel`."""
        gevonden = self._index.get(sleutel(naam))
        if gevonden is None:
            raise OnbekendLabel(
                f"{naam!r} is geen waarde van {self.naam!r}; kies uit: {', '.join(self.namen)}"
            )
        return gevonden

    def volgorde(self, naam: str) -> int:
        """Position of a label in the canonical order (0-based)."""
        return self.labels.index(self.label(naam))


def sleutel(tekst: str) -> str:
    """Comparison key: case-, accent-, punctuation- and whitespace-insensitive."""
    tekst = unicodedata.normalize("NFKD", str(tekst))
    tekst = "".join(c for c in tekst if not unicodedata.combining(c)).lower()
    tekst = re.sub(r"-\s*/", " min /", tekst).replace("+", " plus ")
    return re.sub(r"[^0-9a-z]+", "", tekst)


AS_INHOUD = As(
    code="inhoud",
    naam="Inhoudelijk",
    kolom="inhoud",
    meervoudig=False,
    labels=(
        Label(
            "Preventie", "preventie", "preventie", "preventie", "#009E73",
            "Gezamenlijk belang bij het gezond houden van burgers en het voorkomen van (zwaardere) zorgvragen.",
        ),
        Label(
            "GGZ", "ggz", "GGZ", "GGZ", "#CC79A7",
            "Zorg voor mensen met een psychiatrische kwetsbaarheid: herstel in de eigen omgeving, "
            "verbindingen tussen medisch en sociaal domein.",
            ("geestelijke gezondheidszorg", "epa"),
        ),
        Label(
            "Ouderen", "ouderen", "ouderen", "ouderen", "#0072B2",
            "Ouderen blijven langer zelfstandig thuis wonen; basisondersteuning, wijkverpleging, "
            "mantelzorgondersteuning.",
            ("ouderenzorg",),
        ),
        Label(
            "Effectief Samenwerken in de Wijk", "esw", "ESW", "effectief samenwerken in de wijk", "#E69F00",
            "Goede samenwerking tussen het netwerk van de bewoner en professionals uit het sociale en medische "
            "domein in de leefomgeving van de bewoner.",
            ("ESW", "effectieve samenwerking in de wijk", "wijkgericht werken"),
        ),
        Label(
            "Jeugd 18-/18+", "jeugd", "jeugd 18-/18+", "jeugd 18-/18+", "#D55E00",
            "Grensvlakken tussen jeugdhulp en het medisch domein rond het 18e jaar.",
            ("Jeugd 18min/18plus", "jeugd 18min/plus", "jeugd 18- /18+", "jeugd18-/18+", "18min/18plus", "jeugd"),
        ),
        Label(
            "Anders", "anders", "anders", "'anders'", "#999999",
            "Anders, nl.: bijvoorbeeld minima, algemeen.",
            ("anders, nl", "anders nl", "minima", "algemeen", "overig"),
        ),
    ),
)

AS_INSTRUMENT = As(
    code="instrument",
    naam="Instrumenteel",
    kolom="instrumenten",
    meervoudig=True,
    labels=(
        Label(
            "Werkwijze", "werkwijze", "werkwijze", "werkwijze", "#0072B2",
            "Gemeenten en zorgverzekeraar werken samen met professionals in de lokale omgeving aan een nieuwe "
            "werkwijze (primair proces).",
            ("werkwijze (primair proces)", "werkwijze primair proces", "primair proces", "werkwijzen"),
        ),
        Label(
            "Beleid", "beleid", "beleid", "beleid", "#E69F00",
            "Gezamenlijke kaders die richtinggevend zijn voor beleid en afspraken met aanbieders en professionals.",
        ),
        Label(
            "Inkoop", "inkoop", "inkoop", "inkoop", "#009E73",
            "Afspraken verankerd in een inkoopkader of module, gezamenlijk of volgens dezelfde principes.",
            ("inkoopkader", "inkoopmodule"),
        ),
        Label(
            "Collectieve zorg minima", "czm", "CZM", "collectieve zorgminima", "#CC79A7",
            "Collectieve verzekering minima (minimapolis/contract), soms met aanvullende afspraken.",
            ("collectieve zorg minima (contract)", "collectieve zorgminima", "minimapolis", "gemeentepolis",
             "minimacontract", "collectieve verzekering minima", "CZM"),
        ),
        Label(
            "Samenwerkingsdocument", "samenwerkingsdocument", "document", "samenwerkingsdocument", "#56B4E9",
            "Samenwerkingsafspraken voor langere termijn vastgelegd in een document (convenant, manifest, ...).",
            ("convenant", "samenwerkings-document", "manifest"),
        ),
    ),
)

AS_INTENSITEIT = As(
    code="intensiteit",
    naam="Samenwerkingsvorm (intensiteit)",
    kolom="intensiteit",
    meervoudig=False,
    labels=(
        Label(
            "Ontwikkelproject", "ontwikkelproject", "ontwikkelen", "ontwikkelproject", "#B2182B",
            "Project met een vernieuwend karakter waarin zorgverzekeraar en gemeente(n) gezamenlijk gericht "
            "ontwikkelen op een specifiek thema.",
            ("ontwikkelpject", "ontwikkelpoject", "ontwikkelpromer", "ontwikkelen", "ontwikkeltraject"),
            "+++", "+++",
        ),
        Label(
            "Doorontwikkelen", "doorontwikkelen", "doorontwikkelen", "doorontwikkelen", "#EF8A62",
            "Project dat elders is ontwikkeld en met een (beperkt) aantal gemeenten wordt doorontwikkeld.",
            ("doorontwikkeling", "doorontwikkelen (in een aantal gemeenten)"),
            "++", "++",
        ),
        Label(
            "Implementatie", "implementatie", "implementeren", "implementeren", "#67A9CF",
            "Project dat al is ontwikkeld en door de gemeente wordt overgenomen en toegepast in de eigen situatie.",
            ("implementeren", "geimplementeerd"),
            "++", "+",
        ),
        Label(
            "Samenwerkingsafspraken", "samenwerkingsafspraken", "afspraken", "samenwerkingsafspraken", "#2166AC",
            "Geen concrete projecten maar samenwerkingsafspraken (convenant, gezamenlijke agenda).",
            ("samenwerkingsafspraak", "samenwerkingsafpraak", "samenwerkings-afspraken"),
            "+", "+",
        ),
    ),
)

AS_GEOGRAFIE = As(
    code="geografie",
    naam="Geografisch",
    kolom="geografie",
    meervoudig=False,
    labels=(
        Label(
            "Bovenregionaal", "bovenregionaal", "bovenregionaal", "bovenregionaal", "#762A83",
            "Samenwerking tussen meerdere gemeenten in meerdere Wmo-regio's.",
            ("landelijk",),
        ),
        Label(
            "Regionaal", "regionaal", "regionaal", "regionaal", "#5AAE61",
            "Samenwerking met alle gemeenten binnen de Wmo-regio.",
            ("regio",),
        ),
        Label(
            "Gemeentelijk", "gemeentelijk", "gemeente", "gemeenten", "#F1A340",
            "Samenwerking op gemeentelijk niveau (eventueel met meerdere individuele gemeenten binnen een "
            "Wmo-regio).",
            ("gemeente", "lokaal"),
        ),
    ),
)

ASSEN: tuple[As, ...] = (AS_INHOUD, AS_INSTRUMENT, AS_INTENSITEIT, AS_GEOGRAFIE)
"""All four axes in the report's chapter order."""


def as_voor(code: str) -> As:
    """The axis for its code (``inhoud``, ``instrument``, ``intensiteit``, ``geografie``) or column name."""
    for as_ in ASSEN:
        if code in (as_.code, as_.kolom):
            return as_
    raise KeyError(f"onbekende as {code!r}; kies uit: {', '.join(a.code for a in ASSEN)}")


def normaliseer(as_: As, tekst: str) -> str:
    """The stored name for a label, code or synonym of ``as_``; raises :class:`OnbekendLabel`."""
    return as_.label(tekst).naam


# --- Insurers ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verzekeraar:
    """A health insurer label as used on the maps, with the concern (koepel) it belongs to."""

    naam: str
    code: str
    kort: str
    koepel: str
    kleur: str
    synoniemen: tuple[str, ...] = ()


VERZEKERAARS: tuple[Verzekeraar, ...] = (
    Verzekeraar("Zilveren Kruis", "zk", "ZK", "Achmea", "#0072B2",
                ("Zilveren Kruis Achmea", "Agis", "Achmea Zorgkantoor", "Zilveren Kruis Zorgkantoor")),
    Verzekeraar("Menzis", "menzis", "Menzis", "Menzis", "#009E73", ("Anderzorg",)),
    Verzekeraar("VGZ", "vgz", "VGZ", "VGZ", "#E69F00",
                ("Coöperatie VGZ", "Cooperatie VGZ", "Univé", "Unive", "IZA", "Trias", "Trias Zorgkantoor")),
    Verzekeraar("CZ", "cz", "CZ", "CZ", "#D55E00", ("CZ groep", "OHRA")),
    Verzekeraar("DSW", "dsw", "DSW", "DSW", "#CC79A7", ("DSW Zorgverzekeraar", "Stad Holland", "Zorgkantoor DSW")),
    Verzekeraar("Eno (Salland)", "eno", "Eno", "Eno", "#56B4E9",
                ("Eno", "Salland", "Salland Zorgverzekeringen", "Salland Zorgkantoor", "Hollandzorg")),
    Verzekeraar("Zorg en Zekerheid", "zenz", "ZenZ", "Zorg en Zekerheid", "#F0E442", ("ZenZ", "Z&Z")),
    Verzekeraar("De Friesland", "defriesland", "DFZ", "Achmea", "#882255",
                ("De Friesland Zorgverzekeraar", "Zorgkantoor Friesland", "DFZ")),
    Verzekeraar("ONVZ", "onvz", "ONVZ", "ONVZ", "#44AA99"),
    Verzekeraar("a.s.r.", "asr", "a.s.r.", "a.s.r.", "#999933", ("ASR", "a.s.r. Ziektekosten")),
)
"""Canonical insurer labels; ``koepel`` is the concern (Achmea for Zilveren Kruis and De Friesland)."""

_VERZEKERAAR_INDEX: dict[str, tuple[str, ...]] = {}
for _v in VERZEKERAARS:
    for _vorm in (_v.naam, _v.code, _v.kort, *_v.synoniemen):
        _VERZEKERAAR_INDEX[sleutel(_vorm)] = (_v.naam,)
for _koepel in {v.koepel for v in VERZEKERAARS}:
    _leden = tuple(v.naam for v in VERZEKERAARS if v.koepel == _koepel)
    # A concern name that is also a brand (CZ, VGZ, Menzis) keeps meaning the brand.
    _VERZEKERAAR_INDEX.setdefault(sleutel(_koepel), _leden)
VERZEKERAAR_NAMEN: tuple[str, ...] = tuple(v.naam for v in VERZEKERAARS)


def normaliseer_verzekeraar(tekst: str) -> tuple[str, ...]:
    """Canonical insurer label(s) for a brand, synonym or concern name.

    A concern expands to all its labels: ``"Achmea"`` gives ``("Zilveren Kruis", "De Friesland")``.
    Raises :class:`OnbekendLabel` for an unknown name.
    """
    gevonden = _VERZEKERAAR_INDEX.get(sleutel(tekst))
    if gevonden is None:
        raise OnbekendLabel(
            f"{tekst!r} is geen bekende zorgverzekeraar; kies uit: {', '.join(VERZEKERAAR_NAMEN)}"
        )
    return gevonden


def verzekeraar(naam: str) -> Verzekeraar:
    """The :class:`Verzekeraar` for a canonical name (or a synonym that maps to exactly one label)."""
    namen = normaliseer_verzekeraar(naam)
    if len(namen) != 1:
        raise OnbekendLabel(f"{naam!r} is een koepel van meerdere labels: {', '.join(namen)}")
    return next(v for v in VERZEKERAARS if v.naam == namen[0])


GEEN_PROJECT_KLEUR = "#F2F2F2"
"""Fill of municipalities without any project in the filtered set ("geen project")."""
