"""The legend beside an interactive map, outside the map frame so it never covers a municipality.

The same rows as every other legend (:attr:`kaart.model.Kaartbeeld.legenda`: classes in the report's order with their
fill, hatched for "mogelijk", and the number of municipalities), then the layers drawn and the source line. Each
class is a button: choosing it keeps the table under the map to that class's municipalities and lists their
projects; choosing it again shows all classes.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from functools import lru_cache

import streamlit as st

from classify import vocab
from dashboard import projectweergave
from geo import geodata
from geo.lagen import kaartlaag
from kaart import vulling
from kaart.model import Kaartbeeld
from palet.kleuren import laagkleur, verzekeraarkleur
from tekst import kernwerkgebiedtekst

_STIJL = (
    "<style>.skw-lijnstaal{display:inline-block;flex:none;width:18px;height:0;}"
    ".skw-lagen{font-size:0.875rem;line-height:1.5;}.skw-lagen div{display:flex;align-items:center;gap:8px;}"
    "</style>"
)
_KNOPSTIJL = (
    # A legend row keeps swatch and class on one line; a long class wraps inside its button instead of being cut.
    # The button may shrink to its column (flex items keep their content width unless min-width is 0).
    "<style>[class*='st-key-legendarij-']{flex-wrap:nowrap;}"
    "[class*='st-key-legendarij-'] > div:has(button){min-width:0;flex:0 1 auto;}"
    "[class*='st-key-legendarij-'] button{text-align:left;justify-content:flex-start;max-width:100%;}"
    "[class*='st-key-legendarij-'] button p{white-space:normal;overflow:visible;text-overflow:clip;}</style>"
)


def _staal(kleur: str) -> str:
    """A fill swatch (hatching as CSS stripes); decorative, the button beside it names the class."""
    return (
        '<span aria-hidden="true" style="display:inline-block;width:18px;height:14px;border:1px solid #999;'
        f'background:{html.escape(vulling.css_achtergrond(kleur))}"></span>'
    )


def lagenregels(lagen: Sequence[str], jaar: int) -> str:
    """The layers drawn over the municipalities as legend lines (HTML, escaped): line sample and name; the
    kernwerkgebied per insurer in its colour, with the proxy's municipality count. Built once per layer set and
    year: it depends on nothing else."""
    return _lagenregels(tuple(lagen), jaar)


@lru_cache(maxsize=64)
def _lagenregels(lagen: tuple[str, ...], jaar: int) -> str:
    regels = []
    for laag in lagen:
        soort, verzekeraar = kaartlaag(laag), laag.partition(":")[2]
        if soort.per_verzekeraar:
            met_gebied = set(geodata.kenmerken("gemeenten", jaar)[soort.kolom].dropna())
            namen = [verzekeraar] if verzekeraar else [n for n in vocab.VERZEKERAAR_NAMEN if n in met_gebied]
            for naam in namen:
                kleur = laagkleur(soort.code) if verzekeraar else verzekeraarkleur(naam)
                lijntekst = kernwerkgebiedtekst.legenda(naam, geodata.kernwerkgebied_aantal(naam, jaar))
                regels.append(
                    f'<div><span class="skw-lijnstaal" aria-hidden="true" style="border-top:'
                    f'{soort.lijndikte_px}px dashed {kleur}"></span>'
                    f"<span>{html.escape(lijntekst)}</span></div>"
                )
            regels.append(f"<div><span>{html.escape(geodata.kernwerkgebied_label(jaar))}</span></div>")
        else:
            regels.append(
                f'<div><span class="skw-lijnstaal" aria-hidden="true" style="border-top:{soort.lijndikte_px}px '
                f'solid {laagkleur(soort.code)}"></span><span>{html.escape(soort.legenda)}</span></div>'
            )
    return f'{_STIJL}<div class="skw-lagen">{"".join(regels)}</div>' if regels else ""


def gekozen_klasse(kaartbeeld: Kaartbeeld, sleutel: str) -> str | None:
    """The class chosen in the legend of map ``sleutel``, if it is still a class of ``kaartbeeld``."""
    klasse = st.session_state.get(_toestand(sleutel))
    return klasse if klasse in {item.klasse for item in kaartbeeld.legenda} else None


def _toestand(sleutel: str) -> str:
    return f"legendaklasse-{sleutel}"


def _kies(sleutel: str, klasse: str) -> None:
    """Choose ``klasse``; choosing the chosen class again shows all classes."""
    toestand = _toestand(sleutel)
    st.session_state[toestand] = None if st.session_state.get(toestand) == klasse else klasse


def legenda(kaartbeeld: Kaartbeeld, jaar: int, lagen: Sequence[str], sleutel: str) -> None:
    """The legend of ``kaartbeeld`` with clickable classes (see the module), the layers ``lagen`` and the source
    line. ``sleutel`` must be unique on the page (the map's widget key)."""
    with st.container(key=f"legenda-{sleutel}"):
        _legenda(kaartbeeld, jaar, lagen, sleutel)


def _legenda(kaartbeeld: Kaartbeeld, jaar: int, lagen: Sequence[str], sleutel: str) -> None:
    gekozen = gekozen_klasse(kaartbeeld, sleutel)
    st.markdown("**Legenda** (aantal gemeenten)")
    if kaartbeeld.ondertitel:
        st.caption(projectweergave.md(kaartbeeld.ondertitel))
    st.caption("Kies een klasse voor haar gemeenten en projecten in de tabel onder de kaart.")
    st.html(_KNOPSTIJL)
    for i, item in enumerate(kaartbeeld.legenda):
        with st.container(horizontal=True, vertical_alignment="center", gap="small", key=f"legendarij-{sleutel}-{i}"):
            st.html(_staal(item.kleur), width="content")
            st.button(
                f"{projectweergave.md(item.klasse)} ({item.aantal})",
                key=f"legenda-{sleutel}-{i}",
                type="tertiary",
                icon=":material/check:" if item.klasse == gekozen else None,
                on_click=_kies,
                args=(sleutel, item.klasse),
                help=f"Toon de {item.aantal} {'gemeente' if item.aantal == 1 else 'gemeenten'} van deze klasse "
                "in de tabel, met hun projecten",
            )
    if lagen:
        st.html(lagenregels(lagen, jaar))
    st.caption(projectweergave.md(kaartbeeld.bronregel))
