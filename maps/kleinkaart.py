"""Small static maps for small multiples: one SVG document per :class:`maps.vlekken.Vlekken` plus an HTML caption.

Uses the coarse path data of :func:`maps.weergave.kleine_paden` (EPSG:28992 scaled to SVG units, cached per year),
so a map is a few tens of kilobytes and needs no map library. Every text is escaped.
"""

from __future__ import annotations

import html

from maps import weergave
from maps.vlekken import Vlekken


def svg(vlekken: Vlekken, jaar: int, breedte: int = 240) -> str:
    """The map of ``vlekken`` on the boundaries of ``jaar`` as an SVG document (one ``path`` per municipality)."""
    paden = weergave.kleine_paden(jaar, breedte)
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{paden[""]}"><title>{html.escape(vlekken.titel)}</title>'
    ]
    for code, kleur in zip(vlekken.gemeenten["gemeente_code"], vlekken.gemeenten["kleur"]):
        delen.append(f'<path d="{paden[code]}" fill="{html.escape(kleur)}" stroke="#ffffff" stroke-width="0.3"/>')
    delen.append("</svg>")
    return "".join(delen)


def onderschrift(vlekken: Vlekken, legenda: bool = True) -> str:
    """HTML caption of a small map: its title and, when ``legenda`` is true, the classes present with their
    municipality counts."""
    delen = [f"<b>{html.escape(vlekken.titel)}</b>"]
    if legenda:
        for item in vlekken.legenda:
            delen.append(
                f'<br><span style="display:inline-block;width:10px;height:10px;background:{html.escape(item.kleur)};'
                f'border:1px solid #999;margin-right:4px"></span>{html.escape(item.klasse)} ({item.aantal})'
            )
    return f'<div style="font-size:12px;line-height:1.35">{"".join(delen)}</div>'
