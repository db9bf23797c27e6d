"""One colour per label of every ordering axis and per insurer, plus the "geen project" fill.

Hex sRGB colours from colour-blind-safe palettes (Okabe-Ito / Paul Tol), chosen so that the labels of one axis stay
distinguishable next to each other (CAM02-UCS ΔE ≥ 10 under normal, protan, deutan and tritan vision) and against
"geen project" (contrast ≥ 3:1). Labels are keyed by their axis code and label code, insurers by canonical name, so
the vocabulary in :mod:`classify.vocab` stays free of presentation.
"""

from __future__ import annotations

from classify import vocab

LABELKLEUREN: dict[str, dict[str, str]] = {
    "inhoud": {
        "preventie": "#009E73",
        "ggz": "#CC79A7",
        "ouderen": "#0072B2",
        "esw": "#E69F00",
        "jeugd": "#D55E00",
        "anders": "#555555",
    },
    "instrument": {
        "werkwijze": "#0072B2",
        "beleid": "#E69F00",
        "inkoop": "#009E73",
        "czm": "#CC79A7",
        "samenwerkingsdocument": "#56B4E9",
    },
    "intensiteit": {
        "ontwikkelproject": "#B2182B",
        "doorontwikkelen": "#EF8A62",
        "implementatie": "#67A9CF",
        "samenwerkingsafspraken": "#2166AC",
    },
    "geografie": {
        "bovenregionaal": "#762A83",
        "regionaal": "#1B7837",
        "gemeentelijk": "#F1A340",
    },
}
"""Axis code -> label code -> fill colour of that label's class."""

VERZEKERAARKLEUREN: dict[str, str] = {
    "Zilveren Kruis": "#0072B2",
    "Menzis": "#009E73",
    "VGZ": "#E69F00",
    "CZ": "#D55E00",
    "DSW": "#CC79A7",
    "Eno (Salland)": "#56B4E9",
    "Zorg en Zekerheid": "#332288",
    "De Friesland": "#882255",
    "ONVZ": "#B4B4B4",
    "a.s.r.": "#5E3C00",
}
"""Canonical insurer name -> colour of its projects and its kernwerkgebied line."""

GEEN_PROJECT_KLEUR = "#F2F2F2"
"""Fill of municipalities without any project in the filtered set ("geen project")."""

TOTAAL_KLEUR = "#0072B2"
"""Fill of the total maps: municipalities with at least one project."""

VERSUS_OVERIG_KLEUR = "#C6DBEF"
"""Light blue-grey for "X: overig": lighter than every theme colour, the grey of 'anders' included."""

AANTAL_KLEUREN: tuple[str, ...] = ("#FEE391", "#FB9A29", "#CC4C02", "#662506")
"""Paul Tol's sequential YlOrBr steps for the count maps per label, fewest projects first."""

PROJECT_KLEUREN: tuple[str, str] = ("#762A83", "#C7C1D8")
"""A project's own municipalities, and the rest of the Wmo-regions it spans."""

RAND_KLEUR = "#4D4D4D"
"""Outline of municipalities with a (certain or possible) project: 7.4:1 against the "geen project" grey."""

ARCERING_KLEUR = "#000000"
"""Hatching of municipalities a project only possibly reaches (over the "geen project" grey)."""

LAAGKLEUREN: dict[str, str] = {"wmo_regio": "#333333", "kernwerkgebied": "#222222", "provincie": "#000000"}
"""Layer code (:data:`geo.lagen.KAARTLAGEN`) -> line colour. The kernwerkgebied layer draws each insurer in her own
colour (:func:`verzekeraarkleur`); its colour here is for one insurer's kernwerkgebied drawn alone, whose own colour
may be the fill underneath."""

HALO_KLEUR = "#ffffff"
"""The band under a dashed line or a focus outline that keeps it readable over any fill."""


class OntbrekendeKleur(KeyError):
    """A label or insurer of the vocabulary without a colour in this palette."""

    def __str__(self) -> str:
        return str(self.args[0])


def _as_van(label: vocab.Label) -> vocab.As:
    """The axis holding ``label`` (labels are looked up by identity first, then by code)."""
    for as_ in vocab.ASSEN:
        if any(label is eigen for eigen in as_.labels):
            return as_
    for as_ in vocab.ASSEN:
        if label in as_.labels:
            return as_
    raise OntbrekendeKleur(f"label {label.naam!r} hoort bij geen as van de woordenlijst en heeft dus geen kleur")


def labelkleur(label: vocab.Label, as_: vocab.As | None = None) -> str:
    """Hex fill colour of ``label`` (of ``as_``, found from the vocabulary when omitted)."""
    as_ = as_ or _as_van(label)
    kleur = LABELKLEUREN.get(as_.code, {}).get(label.code)
    if kleur is None:
        raise OntbrekendeKleur(
            f"label {label.naam!r} (code {label.code!r}) van as {as_.naam!r} heeft geen kleur in palet.kleuren"
        )
    return kleur


def verzekeraarkleur(naam: str) -> str:
    """Hex colour of the insurer ``naam`` (canonical name or a synonym of exactly one insurer)."""
    canoniek = vocab.verzekeraar(naam).naam
    kleur = VERZEKERAARKLEUREN.get(canoniek)
    if kleur is None:
        raise OntbrekendeKleur(f"zorgverzekeraar {canoniek!r} heeft geen kleur in palet.kleuren")
    return kleur


def laagkleur(code: str) -> str:
    """Hex line colour of the map layer ``code`` (see :data:`LAAGKLEUREN`)."""
    if code not in LAAGKLEUREN:
        raise OntbrekendeKleur(f"kaartlaag {code!r} heeft geen kleur in palet.kleuren")
    return LAAGKLEUREN[code]


def ontbrekende_kleuren() -> list[str]:
    """Dutch messages for every label and insurer of the vocabulary without a colour, and for colours of
    labels or insurers the vocabulary does not know (empty when the palette is complete)."""
    fouten: list[str] = []
    for as_ in vocab.ASSEN:
        for label in as_.labels:
            if label.code not in LABELKLEUREN.get(as_.code, {}):
                fouten.append(f"label {label.naam!r} (code {label.code!r}) van as {as_.naam!r} heeft geen kleur")
        for code in sorted(set(LABELKLEUREN.get(as_.code, {})) - {label.code for label in as_.labels}):
            fouten.append(f"kleur voor onbekend label {code!r} van as {as_.naam!r}")
    for as_code in sorted(set(LABELKLEUREN) - {as_.code for as_ in vocab.ASSEN}):
        fouten.append(f"kleuren voor onbekende as {as_code!r}")
    for naam in vocab.VERZEKERAAR_NAMEN:
        if naam not in VERZEKERAARKLEUREN:
            fouten.append(f"zorgverzekeraar {naam!r} heeft geen kleur")
    for naam in sorted(set(VERZEKERAARKLEUREN) - set(vocab.VERZEKERAAR_NAMEN)):
        fouten.append(f"kleur voor onbekende zorgverzekeraar {naam!r}")
    return fouten
