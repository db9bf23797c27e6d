"""Data for the map frame of the dashboard (``kaart/web``): the geometry of a year once, then per selection only
classes and colours.

:func:`geometrie` is everything about a boundary year that no selection changes: the municipalities, the border and
kernwerkgebied layers (compact GeoJSON from :mod:`kaart.stijl`, EPSG:4326, precomputed in ``data/kaart/``), names,
Wmo-regions and the country's extent. The dashboard serves it as a static file whose name holds a hash of its
content, so a browser loads it once per year and reuses it across reruns, maps and pages. :func:`selectie` is what
one selection adds: per municipality (in the order of :func:`geometrie`) a class, counts and title indices, the
fills (hatching as SVG patterns from :mod:`kaart.vulling`) and the layers to draw, a few kilobytes (the legend
stands beside the map).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from functools import cache, lru_cache

from classify import vocab
from geo.lagen import HALO, kaartlaag, kaartlagen, tekenvolgorde
from kaart import kaartdata, vulling
from kaart.model import Kaartbeeld
from palet.kleuren import GEEN_PROJECT_KLEUR, HALO_KLEUR, RAND_KLEUR, laagkleur, verzekeraarkleur

MAX_TITELS = 3
"""Project titles listed in a tooltip before "en nog n"."""


@cache
def geometrie(jaar: int) -> tuple[str, bytes]:
    """(file name, UTF-8 JSON) of the selection-independent part of the map of boundary year ``jaar``: the file
    precomputed from ``data/geo/`` and shipped in ``data/kaart/`` (its content is described at
    :func:`kaart.kaartdata.bereken_geometrie`).

    The name is ``gemeenten-<jaar>-<first 12 hex digits of the SHA-256 of the content>.json``: new boundaries or a
    new simplification give a new name, so the file can be cached without ever going stale.
    """
    tekst = kaartdata.lees("geometrie", jaar)
    return inhoudsnaam(f"gemeenten-{jaar}", tekst), tekst


def inhoudsnaam(voorvoegsel: str, inhoud: bytes) -> str:
    """``<voorvoegsel>-<first 12 hex digits of the SHA-256 of inhoud>.json``: the name of a static file for the
    frame that a browser may keep for ever (other content, other name)."""
    return f"{voorvoegsel}-{hashlib.sha256(inhoud).hexdigest()[:12]}.json"


@cache
def codes(jaar: int) -> tuple[str, ...]:
    """The CBS codes of the municipalities of ``jaar`` in the feature order of :func:`geometrie`."""
    return tuple(json.loads(geometrie(jaar)[1])["codes"])


def _lagen(lagen: Iterable[str]) -> list[dict]:
    """Per layer in drawing order: the geometry key in :func:`geometrie`, an insurer filter (or ``None``) and the
    Leaflet path styles, drawn in turn (a kernwerkgebied: a white halo, then its dashed line; a ``null`` colour is
    each insurer's own, from ``kleuren``)."""
    uit = []
    for laag in tekenvolgorde(lagen):
        basis, _, verzekeraar = laag.partition(":")
        soort = kaartlaag(basis)
        lijn = {"fill": False, "weight": soort.lijndikte_px, "opacity": soort.dekking}
        if soort.per_verzekeraar:
            lijn.update(color=laagkleur(basis) if verzekeraar else None, dashArray=soort.streep_px)
            halo = {"fill": False, "color": HALO_KLEUR, "weight": HALO["lijndikte_px"], "opacity": HALO["dekking"]}
            stijlen = [halo, lijn]
        else:
            stijlen = [{**lijn, "color": laagkleur(basis)}]
        uit.append({"geometrie": basis, "verzekeraar": verzekeraar or None, "stijlen": stijlen})
    return uit


@lru_cache(maxsize=256)
def selectie(kaartbeeld: Kaartbeeld, jaar: int, lagen: tuple[str, ...]) -> dict:
    """What the map frame needs for one selection on the geometry of ``jaar``, as plain JSON-able data.

    ``gemeenten`` has one row per municipality in the order of :func:`geometrie`'s ``codes``: [class index, fill
    index, certain projects, possible projects, title indices...] (at most :data:`MAX_TITELS`
    titles). ``klassen`` and ``titels`` are raw text (the frame escapes them); ``vullingen`` per fill
    [SVG fill, outline colour, outline weight in px], where a hatched fill is ``url(#id)`` of a pattern in
    ``patronen``; ``lagen`` as :func:`_lagen`, with the insurers' colours in ``kleuren``. The legend is not
    here: the page shows it beside the map. Cached per computed map (immutable, hashed by identity) and layer set,
    so showing a selection again costs nothing.

    Raises ValueError for an unknown layer or when ``kaartbeeld`` holds codes that are no municipality of ``jaar``.
    """
    lagen = kaartlagen(lagen)
    controleer_codes(kaartbeeld.gemeenten["gemeente_code"], jaar)
    klassen: dict[str, int] = {}
    kleuren: dict[str, int] = {}
    titels: dict[str, int] = {}
    per_code = {}
    for rij in kaartbeeld.gemeenten.itertuples(index=False):
        per_code[rij.gemeente_code] = [
            klassen.setdefault(rij.klasse, len(klassen)),
            kleuren.setdefault(rij.kleur, len(kleuren)),
            int(rij.aantal_projecten),
            int(rij.aantal_mogelijk),
            *(titels.setdefault(t, len(titels)) for t in rij.titels[:MAX_TITELS]),
        ]
    vullingen, patronen = vullingen_en_patronen(kleuren)
    return {
        "klassen": list(klassen),
        "vullingen": vullingen,
        "patronen": patronen,
        "titels": list(titels),
        "gemeenten": [per_code[code] for code in codes(jaar)],
        "lagen": _lagen(lagen),
        "kleuren": {v.naam: verzekeraarkleur(v.naam) for v in vocab.VERZEKERAARS},
    }


PATROON = "skw-vulling-{}"
"""The id of the SVG pattern of the ``{}``-th fill of a selection."""


def vulling_en_patroon(kleur: str, nummer: int | str) -> tuple[list, str]:
    """[SVG fill, outline colour, outline weight in px] of fill ``kleur`` as the ``nummer``-th of a selection, and
    its SVG pattern when it is hatched (the fill is then ``url(#id)`` of that pattern), else ''."""
    rand = ["#ffffff", 0.6] if kleur == GEEN_PROJECT_KLEUR else [RAND_KLEUR, 1.0]
    if len(vulling.kleuren(kleur)) > 1:
        patroon_id = PATROON.format(nummer)
        return [f"url(#{patroon_id})", *rand], vulling.svg_patroon(kleur, patroon_id)
    return [kleur, *rand], ""


def vullingen_en_patronen(kleuren: Iterable[str]) -> tuple[list[list], str]:
    """Per fill of ``kleuren`` (in order) :func:`vulling_en_patroon`, and the SVG patterns together; shared by the map
    frame and the folium page."""
    paren = [vulling_en_patroon(kleur, i) for i, kleur in enumerate(kleuren)]
    return [v for v, _ in paren], "".join(p for _, p in paren)


def controleer_codes(gemeentecodes: Iterable[str], jaar: int, wat: str = "het kaartbeeld") -> None:
    """Raise ValueError, naming ``wat`` holds them, when ``gemeentecodes`` has codes that are no municipality of
    ``jaar``."""
    vreemd = sorted(set(gemeentecodes) - set(codes(jaar)))
    if vreemd:
        raise ValueError(
            f"{wat} bevat {len(vreemd)} codes die geen gemeente van {jaar} zijn, o.a. {', '.join(vreemd[:5])}"
        )
