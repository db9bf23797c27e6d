"""Small static maps for small multiples: one SVG document per :class:`kaart.model.Kaartbeeld` plus an HTML caption,
and a whole set of them as one HTML grid.

Uses the coarse path data of :func:`kaart.stijl.kleine_paden` (EPSG:28992 scaled to SVG units), precomputed per year
in ``data/kaart/`` (:func:`kaart.kaartdata.kleine_paden`), so a map is a few tens of kilobytes and needs no map
library. Every text is escaped.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence
from functools import lru_cache

from kaart import alttekst, kaartdata, vulling
from kaart.model import Kaartbeeld
from palet.kleuren import GEEN_PROJECT_KLEUR, RAND_KLEUR


def svg(kaartbeeld: Kaartbeeld, jaar: int) -> str:
    """The map of ``kaartbeeld`` on the boundaries of ``jaar`` as an SVG document (one ``path`` per municipality).

    Paths are grouped by fill under one shared stroke, so per municipality only its path data is written. Hatched
    fills (:mod:`kaart.vulling`) are patterns in ``<defs>``; municipalities with a project are outlined in
    :data:`palet.kleuren.RAND_KLEUR`, drawn after "geen project" so the outline stays whole.
    """
    paden = kaartdata.kleine_paden(jaar)
    per_kleur: dict[str, list[str]] = {}
    for code, kleur in zip(kaartbeeld.gemeenten["gemeente_code"], kaartbeeld.gemeenten["kleur"], strict=True):
        per_kleur.setdefault(kleur, []).append(f'<path d="{paden[code]}"/>')
    patronen, groepen = [], []
    # "geen project" first: later groups draw their outline over the shared borders.
    for i, kleur in enumerate(sorted(per_kleur, key=lambda k: k != GEEN_PROJECT_KLEUR)):
        vormen = "".join(per_kleur[kleur])
        if len(vulling.kleuren(kleur)) > 1:
            patronen.append(vulling.svg_patroon(kleur, f"v{i}", stap=4.0, dikte=0.7))
            vul = f"url(#v{i})"
        else:
            vul = html.escape(kleur)
        rand = "" if kleur == GEEN_PROJECT_KLEUR else f' stroke="{RAND_KLEUR}" stroke-width="0.4"'
        groepen.append(f'<g fill="{vul}"{rand}>{vormen}</g>')
    return "".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{paden[""]}">',
            f"<title>{html.escape(kaartbeeld.titel)}</title>",
            f"<defs>{''.join(patronen)}</defs>" if patronen else "",
            '<g stroke="#ffffff" stroke-width="0.3">',
            *groepen,
            "</g></svg>",
        ]
    )


def onderschrift(kaartbeeld: Kaartbeeld, legenda: bool = True) -> str:
    """HTML caption of a small map: its title and, when ``legenda`` is true, the classes present with their
    municipality counts."""
    delen = [f"<b>{html.escape(kaartbeeld.titel)}</b>"]
    if legenda:
        for item in kaartbeeld.legenda:
            delen.append(
                f'<br><span style="display:inline-block;width:10px;height:10px;'
                f"background:{html.escape(vulling.css_achtergrond(item.kleur))};"
                f'border:1px solid #999;margin-right:4px"></span>{html.escape(item.klasse)} ({item.aantal})'
            )
    return f'<div style="font-size:12px;line-height:1.35">{"".join(delen)}</div>'


def afbeelding(kaartbeeld: Kaartbeeld, jaar: int) -> str:
    """HTML ``img`` of the map (full column width) with :func:`kaart.alttekst.beschrijving` as alternative text."""
    return (
        f'<img src="{_afbeelding(kaartbeeld, jaar)}" alt="{html.escape(alttekst.beschrijving(kaartbeeld))}" '
        'style="display:block;width:100%">'
    )


def raster(kaarten: Sequence[Kaartbeeld], jaar: int, per_rij: int = 3) -> str:
    """Small multiples as one HTML block: a grid of ``per_rij`` equal columns, per map its :func:`svg` as an image
    (the title as alternative text) above its :func:`onderschrift`.

    One block instead of an image and a caption element per map: the page has far fewer elements to update in the
    browser after a filter change.
    """
    cellen = "".join(
        f'<div><img src="{_afbeelding(kaartbeeld, jaar)}" alt="{html.escape(kaartbeeld.titel)}" '
        f'style="display:block;width:100%">{onderschrift(kaartbeeld)}</div>'
        for kaartbeeld in kaarten
    )
    return f'<div style="display:grid;grid-template-columns:repeat({per_rij},minmax(0,1fr));gap:1rem">{cellen}</div>'


@lru_cache(maxsize=256)
def _afbeelding(kaartbeeld: Kaartbeeld, jaar: int) -> str:
    """:func:`svg` as a data URL, once per computed map: :class:`Kaartbeeld` is immutable and hashed by identity, and
    the dashboard caches it per selection, so showing a selection again reuses the image."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg(kaartbeeld, jaar).encode("utf-8")).decode("ascii")
