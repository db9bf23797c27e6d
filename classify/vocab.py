"""The four ordering axes of the AEF report and the insurer names, as the one vocabulary of the project.

Every label on every axis is defined here once: the name stored in ``projecten.csv`` and the database
(:attr:`Label.naam`), a stable lowercase code, the short name for tight legends, the report's own lowercase
form used in combination legends ("ontwikkelproject + implementeren"), a colour, and the synonyms and
misspellings the report itself uses. The canonical order of each axis is the order of the report's legends.

Definitions are quoted verbatim (typos included) from the appendix "Toelichting gezamenlijke ordeningsprincipes"
of :data:`DEFINITIES_BRON`, one table per axis (the text file has no page numbers).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

JAREN: tuple[int, ...] = (2017, 2025)
"""Boundary years of the municipal division (CBS gebiedsindelingen) the data, maps and filters know; the one
definition, re-exported as :data:`geo.geodata.JAREN` and :data:`classify.filters.JAREN`."""


DEFINITIES_BRON = "002_4672d5e83c675345.txt"
"""The source document of every :attr:`Label.definitie`."""
DEFINITIES_PLAATS = "bijlage 'Toelichting gezamenlijke ordeningsprincipes', één tabel per as"
"""Where in :data:`DEFINITIES_BRON` the definitions are, in Dutch for readers."""


class OnbekendLabel(ValueError):
    """A text that is no label (nor synonym) of the axis it was given for."""


@dataclass(frozen=True)
class Label:
    """One value of an ordering axis.

    Its colour lives in the presentation layer (:mod:`palet.kleuren`), keyed by ``code``. ``definitie`` is the
    report's "Toelichting" of the label, verbatim.
    """

    naam: str
    code: str
    kort: str
    legenda: str
    definitie: str
    synoniemen: tuple[str, ...] = ()


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
            raise OnbekendLabel(f"{naam!r} is geen waarde van {self.naam!r}; kies uit: {', '.join(self.namen)}")
        return gevonden

    def volgorde(self, naam: str) -> int:
        """Position of a label in the canonical order (0-based)."""
        return self.labels.index(self.label(naam))

    def namen_van(self, waarde) -> tuple[str, ...]:
        """The names in one project's value on this axis: a multi-valued axis holds a sequence, a single-valued one
        a name."""
        return tuple(waarde) if self.meervoudig and not isinstance(waarde, str) else (waarde,)


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
            naam="Preventie",
            code="preventie",
            kort="preventie",
            legenda="preventie",
            definitie=(
                "Gezamenlijk belang bij het gezond houden van burgers en het voorkomen van "
                "(zwaardere)zorgvragen. Door samen te werken (en eventueel te investeren) in onder meer "
                "vroegsignalering, mantelzorgondersteuning, gezondheidsvaardigheden, leefstijl en/of zelfzorg "
                "kan de inzet van duurdere vormen van zorg verminderd worden."
            ),
        ),
        Label(
            naam="GGZ",
            code="ggz",
            kort="GGZ",
            legenda="GGZ",
            definitie=(
                "De zorg voor mensen met een psychiatrische kwetsbaarheid verandert. De intramurale capaciteit "
                "neemt af en er ontstaat meer vraag naar gespecialiseerde GGZ-zorg in de wijk. Nieuwe visies "
                "vragen om meer aandacht voor herstel in de eigen omgeving en een grotere betrokkenheid van het "
                "eigen netwerk. Dit vraagt ook om nieuwe en stevige verbindingen tussen het medische en sociale "
                "domein."
            ),
            synoniemen=("geestelijke gezondheidszorg", "epa"),
        ),
        Label(
            naam="Ouderen",
            code="ouderen",
            kort="ouderen",
            legenda="ouderen",
            definitie=(
                "De groep ouderen groeit. Mensen blijven langer zelfstandig thuis wonen en krijgen steeds meer "
                "zorg thuis. Zorgverzekeraars en gemeenten werken onder meer samen aan een goede "
                "basisondersteuning in de gemeente: geschikte huisvesting, afstemming tussen lijf gebonden zorg "
                "(wijkverpleging) en sociale ondersteuning en hulp, extramuraal behandeling en begeleiding en "
                "ondersteuning van bijvoorbeeld mantelzorgers."
            ),
            synoniemen=("ouderenzorg",),
        ),
        Label(
            naam="Effectief Samenwerken in de Wijk",
            code="esw",
            kort="ESW",
            legenda="effectief samenwerken in de wijk",
            definitie=(
                "Goede samenwerking tussen onder andere het eigen netwerk van de bewoner en professionals uit "
                "het sociale en medische domein, die werken in de leefomgeving van de bewoner."
            ),
            synoniemen=("ESW", "effectieve samenwerking in de wijk", "wijkgericht werken"),
        ),
        Label(
            naam="Jeugd 18-/18+",
            code="jeugd",
            kort="jeugd 18-/18+",
            legenda="jeugd 18-/18+",
            definitie=(
                "De jeugdhulp is het domein van de geworden, maar kent nog enkele grensvlakken met het medisch "
                "domein van de zorgverzekeraars. Welke keuzes hebben invloed op de GGZ-zorgvraag en de "
                "zorgbehoefte, ook nadat jeugdigen 18 jaar worden? Zowel gemeenten als verzekeraars hebben te "
                "maken met afstemmings- en substitutievraagstukken tussen de Wet op de jeugdhulp, Zvw, Wmo en de "
                "Wet langdurige zorg."
            ),
            synoniemen=(
                "Jeugd 18min/18plus",
                "jeugd 18min/plus",
                "jeugd 18- /18+",
                "jeugd18-/18+",
                "18min/18plus",
                "jeugd",
            ),
        ),
        Label(
            naam="Anders",
            code="anders",
            kort="anders",
            legenda="'anders'",
            definitie=("Bijvoorbeeld: minima, algemeen"),
            synoniemen=("anders, nl", "anders nl", "minima", "algemeen", "overig"),
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
            naam="Werkwijze",
            code="werkwijze",
            kort="werkwijze",
            legenda="werkwijze",
            definitie=(
                "Gemeenten en zorgverzekeraar werken samen met professionals in de lokale omgeving aan een "
                "nieuwe werkwijze, zoals bijvoorbeeld samenwerkingsmethode tussen wijkteams en FACT-teams of "
                "tussen huisarts, wijkteam en wijkverpleging; of afspraken over hoe wijkteam en wijkverpleging "
                "omgaan met een aantal grensvlakvraagstukken."
            ),
            synoniemen=("werkwijze (primair proces)", "werkwijze primair proces", "primair proces", "werkwijzen"),
        ),
        Label(
            naam="Beleid",
            code="beleid",
            kort="beleid",
            legenda="beleid",
            definitie=(
                "Gemeenten en zorgverzekeraars formuleren een aantal gezamenlijke kaders die richtinggevend zijn "
                "voor beleid en waarbinnen zij afspraken maken met aanbieders en professionals"
            ),
        ),
        Label(
            naam="Inkoop",
            code="inkoop",
            kort="inkoop",
            legenda="inkoop",
            definitie=(
                "Gemeenten en zorgverzekeraars verankeren hun afspraken in een inkoopkader of module. Soms "
                "gezamenlijk. Soms volgens dezelfde principes, maar dan afzonderlijk"
            ),
            synoniemen=("inkoopkader", "inkoopmodule"),
        ),
        Label(
            naam="Collectieve zorg minima",
            code="czm",
            kort="CZM",
            legenda="collectieve zorgminima",
            definitie=(
                "Bijna driekwart van de gemeenten sluit een collectieve verzekering minima "
                "(minimapolis/contract) af voor mensen met een laag inkomen. In sommige gevallen maken gemeenten "
                "en zorgverzekeraars aanvullende afspraken in de propositie ten aanzien van projecten en "
                "voorzieningen voor kwetsbare mensen met hoge zorgkosten."
            ),
            synoniemen=(
                "collectieve zorg minima (contract)",
                "collectieve zorgminima",
                "minimapolis",
                "gemeentepolis",
                "minimacontract",
                "collectieve verzekering minima",
                "CZM",
            ),
        ),
        Label(
            naam="Samenwerkingsdocument",
            code="samenwerkingsdocument",
            kort="document",
            legenda="samenwerkingsdocument",
            definitie=(
                "Samenwerkingsafspraken worden voor een langere termijn vastgelegd in een document (bijv. "
                "convenant, manifest, etc) waarin gemeenten en zorgverzekeraar hun samenwerkingsafspraken "
                "vastleggen en de onderlinge afspraken."
            ),
            synoniemen=("convenant", "samenwerkings-document", "manifest"),
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
            naam="Ontwikkelproject",
            code="ontwikkelproject",
            kort="ontwikkelen",
            legenda="ontwikkelproject",
            definitie=(
                "Project met een vernieuwend karakter. Waarin zorgverzekeraar en gemeente(n) gezamenlijk – soms "
                "samen met aanbieders en professionals – gericht ontwikkelen op een specifiek thema. Vaak een "
                "onderwerp op het grensvlak tussen Wmo en Zvw met als doel om op te schalen naar andere "
                "gemeenten, regio's, zorgverzekeraars."
            ),
            synoniemen=("ontwikkelpject", "ontwikkelpoject", "ontwikkelpromer", "ontwikkelen", "ontwikkeltraject"),
        ),
        Label(
            naam="Doorontwikkelen",
            code="doorontwikkelen",
            kort="doorontwikkelen",
            legenda="doorontwikkelen",
            definitie=(
                "Project dat reeds elders is ontwikkeld en door de zorgverzekeraar met een (beperkt) aantal "
                "gemeenten wordt doorontwikkeld zodat het (a) toepasbaar is in meerdere gemeenten of de eigen "
                "gemeente en/of (b) beter opgeschaald kan worden naar meerdere gemeenten."
            ),
            synoniemen=("doorontwikkeling", "doorontwikkelen (in een aantal gemeenten)"),
        ),
        Label(
            naam="Implementatie",
            code="implementatie",
            kort="implementeren",
            legenda="implementeren",
            definitie=(
                "Project dat al is ontwikkeld, dat (voor het overgrote deel) wordt overgenomen door de gemeente "
                "en toegepast in de eigen situatie."
            ),
            synoniemen=("implementeren", "geimplementeerd"),
        ),
        Label(
            naam="Samenwerkingsafspraken",
            code="samenwerkingsafspraken",
            kort="afspraken",
            legenda="samenwerkingsafspraken",
            definitie=(
                "Geen concrete projecten maar samenwerkingsafspraken in de vorm van een convenant of een "
                "gezamenlijke agenda. De gemeente(n) en zorgverzekeraar weten waarvoor ze een beroep op elkaar "
                "kunnen doen."
            ),
            synoniemen=("samenwerkingsafspraak", "samenwerkingsafpraak", "samenwerkings-afspraken"),
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
            naam="Bovenregionaal",
            code="bovenregionaal",
            kort="bovenregionaal",
            legenda="bovenregionaal",
            definitie=("Samenwerking tussen meerdere gemeenten in meerdere Wmo-regio's."),
            synoniemen=("landelijk",),
        ),
        Label(
            naam="Regionaal",
            code="regionaal",
            kort="regionaal",
            legenda="regionaal",
            definitie=("Samenwerking met alle gemeenten, binnen de Wmo-regio."),
            synoniemen=("regio",),
        ),
        Label(
            naam="Gemeentelijk",
            code="gemeentelijk",
            kort="gemeente",
            legenda="gemeenten",
            definitie=(
                "Samenwerking op gemeentelijk niveau (eventueel met meerdere individuele gemeenten binnen een "
                "Wmo-regio)."
            ),
            synoniemen=("gemeente", "lokaal"),
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
    synoniemen: tuple[str, ...] = ()


VERZEKERAARS: tuple[Verzekeraar, ...] = (
    Verzekeraar(
        naam="Zilveren Kruis",
        code="zk",
        kort="ZK",
        koepel="Achmea",
        synoniemen=("Zilveren Kruis Achmea", "Agis", "Achmea Zorgkantoor", "Zilveren Kruis Zorgkantoor"),
    ),
    Verzekeraar(
        naam="Menzis",
        code="menzis",
        kort="Menzis",
        koepel="Menzis",
        synoniemen=("Anderzorg",),
    ),
    Verzekeraar(
        naam="VGZ",
        code="vgz",
        kort="VGZ",
        koepel="VGZ",
        synoniemen=("Coöperatie VGZ", "Cooperatie VGZ", "Univé", "Unive", "IZA", "Trias", "Trias Zorgkantoor"),
    ),
    Verzekeraar(
        naam="CZ",
        code="cz",
        kort="CZ",
        koepel="CZ",
        synoniemen=("CZ groep", "OHRA"),
    ),
    Verzekeraar(
        naam="DSW",
        code="dsw",
        kort="DSW",
        koepel="DSW",
        synoniemen=("DSW Zorgverzekeraar", "Stad Holland", "Zorgkantoor DSW"),
    ),
    Verzekeraar(
        naam="Eno (Salland)",
        code="eno",
        kort="Eno",
        koepel="Eno",
        synoniemen=("Eno", "Salland", "Salland Zorgverzekeringen", "Salland Zorgkantoor", "Hollandzorg"),
    ),
    Verzekeraar(
        naam="Zorg en Zekerheid",
        code="zenz",
        kort="ZenZ",
        koepel="Zorg en Zekerheid",
        synoniemen=("ZenZ", "Z&Z"),
    ),
    Verzekeraar(
        naam="De Friesland",
        code="defriesland",
        kort="DFZ",
        koepel="Achmea",
        synoniemen=("De Friesland Zorgverzekeraar", "Zorgkantoor Friesland", "DFZ"),
    ),
    Verzekeraar(
        naam="ONVZ",
        code="onvz",
        kort="ONVZ",
        koepel="ONVZ",
    ),
    Verzekeraar(
        naam="a.s.r.",
        code="asr",
        kort="a.s.r.",
        koepel="a.s.r.",
        synoniemen=("ASR", "a.s.r. Ziektekosten"),
    ),
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
        raise OnbekendLabel(f"{tekst!r} is geen bekende zorgverzekeraar; kies uit: {', '.join(VERZEKERAAR_NAMEN)}")
    return gevonden


def verzekeraar(naam: str) -> Verzekeraar:
    """The :class:`Verzekeraar` for a canonical name (or a synonym that maps to exactly one label)."""
    namen = normaliseer_verzekeraar(naam)
    if len(namen) != 1:
        raise OnbekendLabel(f"{naam!r} is een koepel van meerdere labels: {', '.join(namen)}")
    return next(v for v in VERZEKERAARS if v.naam == namen[0])
