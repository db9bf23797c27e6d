"""The overlay layers a map can draw over the municipalities: the one registry for every renderer, the URL and the UI.

Each :class:`Kaartlaag` outlines the units of one column of the municipal table (:func:`geo.geodata.gemeenten`).
Line widths carry their unit in the name: ``_px`` for the screen (Leaflet, CSS pixels) and ``_pt`` for paper
(matplotlib and PowerPoint, points of 1/72 inch). :data:`KAARTLAGEN` is in drawing order, bottom first, for every
medium: Wmo-region borders, then the dashed kernwerkgebied outlines (which mostly run along Wmo-region borders; a
dashed line under a solid one would disappear), then the province borders, coarsest on top.

A layer name in code is the layer's ``code``, optionally narrowed to one insurer as ``kernwerkgebied:<verzekeraar>``
(the insurer's stored name; in the URL its code).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from classify import vocab


@dataclass(frozen=True)
class Kaartlaag:
    """One overlay layer and its style on screen and on paper.

    The line colour is :func:`palet.kleuren.laagkleur` of ``code``. ``streep_px`` is a Leaflet ``dashArray`` in CSS
    pixels and ``streep_pt`` a matplotlib dash pattern (on, off) in points; both empty for a solid line.
    ``dekking`` is the line opacity, 0 to 1.
    """

    code: str
    url: str
    label: str
    legenda: str
    kolom: str
    lijndikte_px: float
    lijndikte_pt: float
    dekking: float = 0.9
    streep_px: str = ""
    streep_pt: tuple[float, ...] = ()
    per_verzekeraar: bool = False


KAARTLAGEN: tuple[Kaartlaag, ...] = (
    Kaartlaag(
        code="wmo_regio",
        url="wmo",
        label="Grenzen Wmo-regio's",
        legenda="grens Wmo-regio",
        kolom="wmo_code",
        lijndikte_px=1.6,
        lijndikte_pt=0.9,
    ),
    Kaartlaag(
        code="kernwerkgebied",
        url="kernwerkgebied",
        label="Kernwerkgebieden (benadering, gestippeld)",
        legenda="kernwerkgebied",
        kolom="kernwerkgebied",
        lijndikte_px=2.5,
        lijndikte_pt=1.8,
        dekking=1.0,
        streep_px="7 5",
        streep_pt=(3.0, 2.0),
        per_verzekeraar=True,
    ),
    Kaartlaag(
        code="provincie",
        url="provincie",
        label="Provinciegrenzen",
        legenda="provinciegrens",
        kolom="provincie_code",
        lijndikte_px=2.6,
        lijndikte_pt=1.5,
    ),
)
"""All overlay layers in drawing order (bottom first)."""

HALO = {"lijndikte_px": 5.0, "dekking": 0.85}
"""Band under a dashed screen line so it stays readable over any fill (colour :data:`palet.kleuren.HALO_KLEUR`)."""

_PER_CODE = {laag.code: laag for laag in KAARTLAGEN}
GRENSLAGEN: tuple[str, ...] = tuple(laag.code for laag in KAARTLAGEN if not laag.per_verzekeraar)
"""Codes of the border layers drawn as lines between units (each shared border once)."""


def kaartlaag(naam: str) -> Kaartlaag:
    """The layer of a layer name (``wmo_regio``, ``kernwerkgebied:VGZ``); raises ValueError for an unknown one."""
    basis = naam.partition(":")[0]
    if basis not in _PER_CODE:
        raise ValueError(f"onbekende kaartlaag {naam!r}; kies uit: {', '.join(_PER_CODE)}")
    return _PER_CODE[basis]


def kaartlagen(lagen: Iterable[str] | str) -> tuple[str, ...]:
    """Layer names checked against :data:`KAARTLAGEN`, without duplicates, in the given order.

    Raises ValueError naming the bad layer or insurer; shared by every renderer.
    """
    if isinstance(lagen, str):
        lagen = (lagen,)
    gezien: list[str] = []
    for naam in map(str, lagen):
        basis, scheiding, verzekeraar = naam.partition(":")
        if basis not in _PER_CODE or (scheiding and not _PER_CODE[basis].per_verzekeraar):
            raise ValueError(
                f"onbekende kaartlaag {naam!r}; kies uit: {', '.join(_PER_CODE)} of kernwerkgebied:<verzekeraar>"
            )
        if scheiding and verzekeraar not in vocab.VERZEKERAAR_NAMEN:
            raise ValueError(
                f"kaartlaag {naam!r}: {verzekeraar!r} is geen verzekeraar; kies uit: "
                f"{', '.join(vocab.VERZEKERAAR_NAMEN)}"
            )
        if naam not in gezien:
            gezien.append(naam)
    return tuple(gezien)


def tekenvolgorde(lagen: Iterable[str]) -> tuple[str, ...]:
    """Checked layer names sorted into the drawing order of :data:`KAARTLAGEN` (bottom first)."""
    rang = {laag.code: i for i, laag in enumerate(KAARTLAGEN)}
    return tuple(sorted(kaartlagen(lagen), key=lambda naam: rang[naam.partition(":")[0]]))
