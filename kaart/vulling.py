"""How a map class is filled: one colour, or a base colour with hatching in the colours of further members.

A *vulling* is a plain string so it travels unchanged through frames, caches and every renderer: ``"#0072B2"`` is a
solid fill, ``"#009E73|#CC79A7"`` is the first colour with hatching in the second (a combination class of two labels
is drawn in both label colours, so its fill follows from its members, never from its rank on a map). Hatching runs in
:data:`RICHTINGEN` order, one direction per further colour.

Municipalities reached only through an area the source says the project covers *in part* are :data:`MOGELIJK`: the
"geen project" grey hatched in black, so nobody reads them as certain.

Every municipality with a project also gets a :data:`RAND_KLEUR` outline: several label colours are lighter than
3:1 against "geen project", and the outline (7:1) keeps them apart from it for every reader.
"""

from __future__ import annotations

import html

from palet.kleuren import ARCERING_KLEUR, GEEN_PROJECT_KLEUR

SCHEIDING = "|"

MOGELIJK = GEEN_PROJECT_KLEUR + SCHEIDING + ARCERING_KLEUR
"""Fill of municipalities reached only through a ``deel`` area: "geen project" grey with black hatching."""

RICHTINGEN: tuple[str, ...] = ("/", "\\", "|", "-", "x")
"""Hatch direction of the 2nd, 3rd, ... colour of a fill (matplotlib hatch codes, ``x`` both diagonals; the SVG
pattern draws the same)."""


def _lijnen(richting: str, stap: float) -> str:
    """SVG path data of one hatch direction in a ``stap`` x ``stap`` tile; diagonals get corner pieces so the
    tiles join seamlessly."""
    s, h = stap, stap / 2
    schuin = f"M0 {s}L{s} 0M{-h} {h}L{h} {-h}M{h} {s + h}L{s + h} {h}"
    tegen = f"M0 0L{s} {s}M{-h} {h}L{h} {s + h}M{h} {-h}L{s + h} {h}"
    return {"/": schuin, "\\": tegen, "|": f"M{h} 0V{s}", "-": f"M0 {h}H{s}", "x": schuin + tegen}[richting]


def vulling(kleuren: tuple[str, ...] | list[str]) -> str:
    """The fill string for colours in drawing order (base first)."""
    if not kleuren:
        raise ValueError("een vulling heeft minstens één kleur")
    return SCHEIDING.join(kleuren)


def kleuren(vulling_: str) -> tuple[str, ...]:
    """The colours of a fill, base first."""
    return tuple(vulling_.split(SCHEIDING))


def basis(vulling_: str) -> str:
    """The base (solid) colour of a fill."""
    return kleuren(vulling_)[0]


def arceringen(vulling_: str) -> tuple[tuple[str, str], ...]:
    """(direction, colour) of each hatching layer of a fill, in drawing order."""
    return tuple(zip(RICHTINGEN, kleuren(vulling_)[1:], strict=False))


def svg_patroon(vulling_: str, patroon_id: str, stap: float = 6.0, dikte: float = 1.6) -> str:
    """An SVG ``<pattern>`` element drawing ``vulling_`` (user-space units, ``stap`` apart, lines ``dikte`` wide).

    Shared by the interactive map (Leaflet's SVG renderer) and the small multiples, so both hatch alike.
    """
    lagen = [f'<rect width="{stap}" height="{stap}" fill="{html.escape(basis(vulling_))}"/>']
    for richting, kleur in arceringen(vulling_):
        lagen.append(f'<path d="{_lijnen(richting, stap)}" stroke="{html.escape(kleur)}" stroke-width="{dikte}"/>')
    return (
        f'<pattern id="{html.escape(patroon_id)}" patternUnits="userSpaceOnUse" width="{stap}" height="{stap}">'
        + "".join(lagen)
        + "</pattern>"
    )


def css_achtergrond(vulling_: str) -> str:
    """A CSS ``background`` value for a legend swatch of ``vulling_`` (stripes as repeating gradients)."""
    lagen = []
    for richting, kleur in reversed(arceringen(vulling_)):
        hoek = {"/": 45, "\\": -45, "|": 90, "-": 0, "x": 67.5}[richting]
        lagen.append(f"repeating-linear-gradient({hoek}deg,{kleur} 0 1.5px,transparent 1.5px 4px)")
    return ",".join([*lagen, basis(vulling_)])
