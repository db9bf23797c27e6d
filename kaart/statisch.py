"""Static maps for print and slides: PNG, SVG and PDF of one :class:`kaart.model.Kaartbeeld`, drawn with matplotlib.

The map is drawn in EPSG:28992 (RD New), the Dutch national grid: metres on a plane that keeps the country's shape
and proportions on paper, with equal scale on both axes. Geometry is the simplified municipal coverage of
:func:`kaart.stijl.dekking` (already in EPSG:28992), so fills, Wmo-region borders and kernwerkgebied outlines are
the same lines as on screen. Classes, colours, legend counts, title, subtitle and source line come from the
:class:`~kaart.model.Kaartbeeld` unchanged, so a printed map says exactly what the interactive map says.

Every figure is a :class:`matplotlib.figure.Figure` with its own canvas (no pyplot state machine), so rendering is
safe from Streamlit's worker threads. Text that carries user data is drawn with ``parse_math=False``: a ``$`` or
``<`` in a title is printed as that character.
"""

from __future__ import annotations

import html
import io
import textwrap
from collections.abc import Iterable, Sequence
from functools import cache

import matplotlib
import numpy as np
import shapely
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import PathPatch, Rectangle
from matplotlib.path import Path as MplPath
from matplotlib.patheffects import withStroke

from classify import vocab
from geo import geodata
from geo.lagen import KAARTLAGEN, Kaartlaag, kaartlaag, tekenvolgorde
from kaart import alttekst, stijl, vulling
from kaart.formaten import DPI_MAX, DPI_MIN, FORMATEN
from kaart.model import Kaartbeeld
from palet.kleuren import GEEN_PROJECT_KLEUR, RAND_KLEUR, laagkleur, verzekeraarkleur
from tekst import kernwerkgebiedtekst

OPMAKEN: tuple[str, ...] = ("a4", "kaart")

A4_LIGGEND = (11.69, 8.27)
"""A4 landscape in inches."""

KAARTHOOGTE = 6.0
"""Height in inches of the map-only figure (``opmaak="kaart"``); the width follows the country's proportions."""

GEMEENTE_RAND = {"color": "#ffffff", "linewidth": 0.25}
RAND_DIKTE = 0.35
"""Outline in points of municipalities with a project (:data:`palet.kleuren.RAND_KLEUR`)."""
HATCH_DIKTE = 0.8
"""Hatch line width in points of combination and "mogelijk" fills."""

NAMEN = 20
"""Municipalities named on a static map, the largest by area: enough to find one's way, few enough to stay legible."""
NAAM_PT = 6.5
"""Font size of those names in points."""

_TEKST = "#222222"
_GRIJS = "#555555"
_MARGE_M = 4_000.0


def statische_kaart(
    kaartbeeld: Kaartbeeld | Sequence[Kaartbeeld],
    jaar: int,
    lagen: Iterable[str] = ("wmo_regio",),
    formaat: str = "png",
    dpi: int = 150,
    opmaak: str = "a4",
) -> bytes:
    """Render one map (or, for PDF, several maps, one page each) as a file.

    Parameters
    ----------
    kaartbeeld:
        The computed map (:func:`kaart.model.kaartbeeld`), or a sequence of them for a multi-page PDF. Codes must be
        municipalities of ``jaar``; municipalities missing from it are drawn as "geen project".
    jaar:
        Boundary year (2017 or 2025) of the geometry.
    lagen:
        Overlays, any of ``wmo_regio`` (Wmo-region borders, dark lines), ``provincie`` (province borders, black),
        ``kernwerkgebied`` (every insurer's kernwerkgebied as a dashed outline in its colour) or
        ``kernwerkgebied:<verzekeraar>`` (one insurer, canonical name). Outlines are never filled, so the classes
        underneath stay visible. Kernwerkgebied outlines mostly run along Wmo-region borders; on paper a dashed
        line under a solid one disappears, so they are drawn over the Wmo-region borders (whose line shows in the
        gaps) and under the province borders.
    formaat:
        ``png`` (raster at ``dpi``), ``svg`` (text kept as text) or ``pdf`` (vector, one page per map).
    dpi:
        Resolution for PNG, :data:`DPI_MIN` to :data:`DPI_MAX`; ``a4`` at 300 dpi gives 3507 x 2481 pixels.
        SVG and PDF are vector files; ``dpi`` only sets their nominal resolution.
    opmaak:
        ``a4``: A4 landscape page (11.69 x 8.27 in) with title, subtitle (the filters in words), map, legend with
        municipality counts, the layers drawn, the 'Let op!' warning of combination maps and the source line.
        ``kaart``: the map alone, :data:`KAARTHOOGTE` inches high, for slides that carry their own legend.

    Returns
    -------
    bytes
        The file contents.

    Raises
    ------
    ValueError
        For an unknown format, layout or layer, a dpi outside the range, several maps for PNG or SVG, no map at
        all, or municipality codes that are not of ``jaar``.
    """
    formaat = str(formaat).lower()
    if formaat not in FORMATEN:
        raise ValueError(f"onbekend formaat {formaat!r}; kies uit: {', '.join(FORMATEN)}")
    if opmaak not in OPMAKEN:
        raise ValueError(f"onbekende opmaak {opmaak!r}; kies uit: {', '.join(OPMAKEN)}")
    if isinstance(dpi, bool) or not isinstance(dpi, (int, np.integer)) or not DPI_MIN <= dpi <= DPI_MAX:
        raise ValueError(f"dpi {dpi!r} ongeldig; geef een geheel getal van {DPI_MIN} tot en met {DPI_MAX}")
    kaarten = [kaartbeeld] if isinstance(kaartbeeld, Kaartbeeld) else list(kaartbeeld)
    if not kaarten:
        raise ValueError("geen kaart om te tekenen")
    if len(kaarten) > 1 and formaat != "pdf":
        raise ValueError(f"{formaat.upper()} bevat één kaart, er zijn er {len(kaarten)}; kies pdf voor meerdere")
    lagen = _controleer_lagen(lagen, jaar)
    figuren = [_figuur(kaart, jaar, lagen, opmaak) for kaart in kaarten]
    uit = io.BytesIO()
    if formaat == "pdf":
        # No creation date: the same maps give the same file.
        with PdfPages(
            uit, metadata={"Title": kaarten[0].titel, "Creator": "samenwerkingskaarten", "CreationDate": None}
        ) as pdf:
            for figuur in figuren:
                pdf.savefig(figuur, dpi=int(dpi))
    elif formaat == "svg":
        # rc_context is process-wide, but only SVG output reads these keys: text stays text, ids are stable.
        with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "samenwerkingskaarten"}):
            figuren[0].savefig(uit, format="svg", dpi=int(dpi), metadata={"Date": None})
        return _met_titel(uit.getvalue(), kaarten[0])
    else:
        figuren[0].savefig(uit, format="png", dpi=int(dpi), metadata={"Software": "samenwerkingskaarten"})
    return uit.getvalue()


def _met_titel(svg: bytes, kaartbeeld: Kaartbeeld) -> bytes:
    """``svg`` with the map's title and :func:`kaart.alttekst.beschrijving` as ``<title>``/``<desc>`` first in the
    root element, where screen readers look (matplotlib writes them only as RDF metadata)."""
    tekst = svg.decode("utf-8")
    einde = tekst.index(">", tekst.index("<svg")) + 1
    kop = f"<title>{html.escape(kaartbeeld.titel)}</title><desc>{html.escape(alttekst.beschrijving(kaartbeeld))}</desc>"
    return (tekst[:einde] + kop + tekst[einde:]).encode("utf-8")


def _controleer_lagen(lagen: Iterable[str], jaar: int) -> tuple[str, ...]:
    """Checked layer names in drawing order (fills, then outlines); raises ValueError naming the bad one."""
    geodata.gemeenten(jaar)  # raises OnbekendJaar (a ValueError) for a year without geodata
    return tekenvolgorde(lagen)


# --- geometry (EPSG:28992) ---------------------------------------------------------------------------------------


@cache
def _vlakpaden(jaar: int) -> tuple[tuple[str, ...], tuple[MplPath, ...]]:
    """One matplotlib path per municipality of the simplified coverage (EPSG:28992 metres), in loader order."""
    vlak = stijl.dekking(jaar)
    return tuple(vlak["gemeente_code"]), tuple(_pad(g) for g in vlak.geometry.values)


def _pad(geometrie) -> MplPath:
    """A compound path of all rings of a (multi)polygon; holes are cut by the even-odd fill of the rings."""
    hoekpunten, codes = [], []
    for veelhoek in shapely.get_parts(geometrie):
        for ring in (veelhoek.exterior, *veelhoek.interiors):
            xy = np.asarray(ring.coords)
            soort = np.full(len(xy), MplPath.LINETO, dtype=MplPath.code_type)
            soort[0], soort[-1] = MplPath.MOVETO, MplPath.CLOSEPOLY
            hoekpunten.append(xy)
            codes.append(soort)
    return MplPath(np.concatenate(hoekpunten), np.concatenate(codes))


@cache
def _grenslijnen(jaar: int, kolom: str, waarde: str = "") -> tuple[np.ndarray, ...]:
    """Borders between (and around) the units of ``kolom`` as coordinate arrays (EPSG:28992), each border once.

    With ``waarde`` only the outline of that one unit. Units are dissolved from the simplified coverage, so the
    lines lie exactly on the municipal edges.
    """
    vlak = stijl.dekking(jaar)
    vlak = vlak[vlak[kolom].notna() & (vlak[kolom] != "")]
    if waarde:
        vlak = vlak[vlak[kolom] == waarde]
    # union_all rather than coverage_union: the generalised source is not perfectly noded everywhere.
    eenheden = [shapely.union_all(deel.geometry.values) for _, deel in vlak.groupby(kolom, sort=True)]
    lijnen = shapely.line_merge(shapely.union_all(shapely.boundary(np.asarray(eenheden, dtype=object))))
    return tuple(np.asarray(deel.coords) for deel in shapely.get_parts(lijnen))


@cache
def _omtrek(jaar: int) -> tuple[float, float, float, float]:
    """Bounds (west, zuid, oost, noord) of the coverage in EPSG:28992 metres, with a small margin."""
    west, zuid, oost, noord = stijl.dekking(jaar).total_bounds
    return west - _MARGE_M, zuid - _MARGE_M, oost + _MARGE_M, noord + _MARGE_M


@cache
def _grootste(jaar: int) -> tuple[tuple[str, float, float], ...]:
    """Name and a point inside (EPSG:28992 metres) of the :data:`NAMEN` municipalities of ``jaar`` with the largest
    area, largest first."""
    vlak = stijl.dekking(jaar)
    grootste = vlak.assign(m2=vlak.geometry.area).nlargest(NAMEN, "m2")
    punten = grootste.geometry.representative_point()
    return tuple(zip(grootste["gemeente_naam"].astype(str), punten.x, punten.y, strict=True))


def _streep(soort: Kaartlaag) -> str | tuple:
    """The matplotlib line style of a layer: solid, or its dash pattern in points."""
    return (0, soort.streep_pt) if soort.streep_pt else "-"


def _kernwerkgebied_namen(jaar: int, laag: str) -> list[str]:
    """Insurers whose kernwerkgebied ``laag`` draws, in canonical order, only those with one in ``jaar``."""
    aanwezig = set(stijl.dekking(jaar)["kernwerkgebied"].dropna())
    gevraagd = laag.partition(":")[2]
    return [naam for naam in vocab.VERZEKERAAR_NAMEN if naam in aanwezig and (not gevraagd or naam == gevraagd)]


# --- drawing -----------------------------------------------------------------------------------------------------


def _figuur(kaartbeeld: Kaartbeeld, jaar: int, lagen: tuple[str, ...], opmaak: str) -> Figure:
    west, zuid, oost, noord = _omtrek(jaar)
    if opmaak == "kaart":
        figuur = Figure(figsize=(KAARTHOOGTE * (oost - west) / (noord - zuid), KAARTHOOGTE), facecolor="white")
        FigureCanvasAgg(figuur)
        _kaartvlak(figuur.add_axes((0, 0, 1, 1)), kaartbeeld, jaar, lagen)
        return figuur
    figuur = Figure(figsize=A4_LIGGEND, facecolor="white")
    FigureCanvasAgg(figuur)
    breedte, hoogte = A4_LIGGEND
    kaarthoogte = 0.80
    kaartbreedte = kaarthoogte * hoogte * (oost - west) / (noord - zuid) / breedte
    as_ = figuur.add_axes((0.025, 0.075, kaartbreedte, kaarthoogte))
    _kaartvlak(as_, kaartbeeld, jaar, lagen)
    _schaalstok(as_)
    _koppen(figuur, kaartbeeld)
    links = 0.045 + kaartbreedte
    _legenda(figuur, kaartbeeld, jaar, lagen, links=links, breedte=0.975 - links, boven=0.855, onder=0.075)
    figuur.text(0.025, 0.028, kaartbeeld.bronregel, fontsize=8, color=_GRIJS, parse_math=False, va="bottom")
    figuur.text(
        0.975,
        0.028,
        "Grenzen: CBS/PDOK (CC-BY 4.0), bewerkt · Nederlandse kaartprojectie (Rijksdriehoek)",
        fontsize=8,
        color=_GRIJS,
        ha="right",
        va="bottom",
    )
    return figuur


def _kaartvlak(as_, kaartbeeld: Kaartbeeld, jaar: int, lagen: tuple[str, ...]) -> None:
    """Fills, municipal edges and overlays on ``as_`` in EPSG:28992 metres, equal aspect, no axes."""
    codes, paden = _vlakpaden(jaar)
    kleur_per_code = dict(zip(kaartbeeld.gemeenten["gemeente_code"], kaartbeeld.gemeenten["kleur"], strict=True))
    vreemd = sorted(set(kleur_per_code) - set(codes))
    if vreemd:
        raise ValueError(
            f"het kaartbeeld bevat {len(vreemd)} codes die geen gemeente van {jaar} zijn, o.a. {', '.join(vreemd[:5])}"
        )
    vullingen = [kleur_per_code.get(code, GEEN_PROJECT_KLEUR) for code in codes]
    vlakken = PatchCollection(
        [PathPatch(pad) for pad in paden],
        facecolors=[vulling.basis(v) for v in vullingen],
        edgecolors=GEMEENTE_RAND["color"],
        linewidths=GEMEENTE_RAND["linewidth"],
        zorder=1,
    )
    as_.add_collection(vlakken)
    _arceringen(as_, paden, vullingen)
    for laag in lagen:
        soort = kaartlaag(laag)
        # Above the fills (zorder 1), in the registry's drawing order.
        zorder = 3 + KAARTLAGEN.index(soort)
        if soort.per_verzekeraar:
            for naam in _kernwerkgebied_namen(jaar, laag):
                as_.add_collection(
                    LineCollection(
                        _grenslijnen(jaar, soort.kolom, naam),
                        colors=verzekeraarkleur(naam),
                        linewidths=soort.lijndikte_pt,
                        linestyles=[_streep(soort)],
                        zorder=zorder,
                    )
                )
        else:
            as_.add_collection(
                LineCollection(
                    _grenslijnen(jaar, soort.kolom),
                    colors=laagkleur(soort.code),
                    linewidths=soort.lijndikte_pt,
                    capstyle="round",
                    joinstyle="round",
                    zorder=zorder,
                )
            )
    west, zuid, oost, noord = _omtrek(jaar)
    as_.set_xlim(west, oost)
    as_.set_ylim(zuid, noord)
    as_.set_aspect("equal")
    as_.set_axis_off()
    _gemeentenamen(as_, jaar)


def _gemeentenamen(as_, jaar: int) -> None:
    """The names of the largest municipalities (:func:`_grootste`) inside them, on a white halo; a name that would
    overlap one already placed or leave the map area (and so reach the legend) is left out."""
    renderer = as_.figure.canvas.get_renderer()
    kader = as_.get_window_extent(renderer)
    geplaatst = []
    for naam, x, y in _grootste(jaar):
        tekst = as_.text(
            x,
            y,
            naam,
            fontsize=NAAM_PT,
            color=_TEKST,
            ha="center",
            va="center",
            parse_math=False,
            zorder=10,
            path_effects=[withStroke(linewidth=2, foreground="white")],
        )
        vak = tekst.get_window_extent(renderer)
        binnen = kader.x0 <= vak.x0 and vak.x1 <= kader.x1 and kader.y0 <= vak.y0 and vak.y1 <= kader.y1
        if not binnen or any(vak.overlaps(ander) for ander in geplaatst):
            tekst.remove()
        else:
            geplaatst.append(vak)


def _arceringen(as_, paden: Sequence[MplPath], vullingen: list[str]) -> None:
    """Hatching of the :mod:`kaart.vulling` fills (one collection per direction and colour), then the
    :data:`palet.kleuren.RAND_KLEUR` outline of every municipality with a project, over the white edges."""
    lagen: dict[tuple[str, str], list[MplPath]] = {}
    for pad, v in zip(paden, vullingen, strict=True):
        for richting_kleur in vulling.arceringen(v):
            lagen.setdefault(richting_kleur, []).append(pad)
    for (richting, kleur), groep in lagen.items():
        as_.add_collection(
            PatchCollection(
                [PathPatch(pad) for pad in groep],
                facecolors="none",
                edgecolors="none",
                hatch=richting * 3,
                hatchcolor=kleur,
                hatch_linewidth=HATCH_DIKTE,
                zorder=1.5,
            )
        )
    omlijnd = [PathPatch(pad) for pad, v in zip(paden, vullingen, strict=True) if v != GEEN_PROJECT_KLEUR]
    if omlijnd:
        as_.add_collection(
            PatchCollection(omlijnd, facecolors="none", edgecolors=RAND_KLEUR, linewidths=RAND_DIKTE, zorder=2)
        )


def _staal(figuur: Figure, xy: tuple[float, float], breedte: float, hoogte: float, v: str) -> None:
    """A legend swatch of fill ``v`` in figure coordinates: base colour, hatching, outline as on the map."""
    rand = "#999999" if v == GEEN_PROJECT_KLEUR else RAND_KLEUR
    figuur.add_artist(
        Rectangle(
            xy, breedte, hoogte, transform=figuur.transFigure, facecolor=vulling.basis(v), edgecolor=rand, linewidth=0.5
        )
    )
    for richting, kleur in vulling.arceringen(v):
        figuur.add_artist(
            Rectangle(
                xy,
                breedte,
                hoogte,
                transform=figuur.transFigure,
                facecolor="none",
                edgecolor="none",
                hatch=richting * 3,
                hatchcolor=kleur,
                hatch_linewidth=HATCH_DIKTE,
            )
        )


def _schaalstok(as_, lengte_m: float = 50_000.0) -> None:
    """A 50 km scale bar at the lower left (valid because EPSG:28992 is in metres)."""
    west, _ = as_.get_xlim()
    zuid, _ = as_.get_ylim()
    x0, y0 = west + 8_000, zuid + 8_000
    as_.add_line(Line2D([x0, x0 + lengte_m], [y0, y0], color=_TEKST, linewidth=1.5, solid_capstyle="butt"))
    for x in (x0, x0 + lengte_m):
        as_.add_line(Line2D([x, x], [y0, y0 + 2_500], color=_TEKST, linewidth=1.0))
    as_.text(
        x0 + lengte_m / 2, y0 + 3_500, f"{lengte_m / 1000:.0f} km", ha="center", va="bottom", fontsize=7, color=_TEKST
    )


def _koppen(figuur: Figure, kaartbeeld: Kaartbeeld) -> None:
    """Title and subtitle (the filters in words) across the top of the page."""
    titel = "\n".join(textwrap.wrap(kaartbeeld.titel, 95)) or " "
    figuur.text(0.025, 0.965, titel, fontsize=17, fontweight="bold", color=_TEKST, va="top", parse_math=False)
    regels = titel.count("\n") + 1
    ondertitel = "\n".join(textwrap.wrap(kaartbeeld.ondertitel, 150)[:2])
    figuur.text(
        0.025, 0.965 - regels * 0.037 - 0.008, ondertitel, fontsize=10, color=_GRIJS, va="top", parse_math=False
    )


def _legenda(
    figuur: Figure,
    kaartbeeld: Kaartbeeld,
    jaar: int,
    lagen: tuple[str, ...],
    *,
    links: float,
    breedte: float,
    boven: float,
    onder: float,
) -> None:
    """Legend in the figure coordinates box: classes with municipality counts, layers, then the warning.

    The font shrinks (down to 6.5 pt) until everything fits the box, so long combination legends stay whole.
    """
    paginabreedte, paginahoogte = figuur.get_size_inches()
    rijen = _legendarijen(kaartbeeld, jaar, lagen)
    beschikbaar = (boven - onder) * paginahoogte
    for grootte in np.arange(10.0, 6.0, -0.5):
        tekens = int(breedte * paginabreedte * 72 / (0.56 * grootte))
        opgemaakt = [(rij, _afbreken(rij, tekens)) for rij in rijen]
        nodig = sum(_rijhoogte(rij, tekst, grootte) for rij, tekst in opgemaakt)
        if nodig <= beschikbaar:
            break
    regel = grootte * 1.3 / 72 / paginahoogte
    y = boven
    vak_b = 0.22 / paginabreedte
    vak_h = 0.13 / paginahoogte
    for i, (rij, tekst) in enumerate(opgemaakt):
        soort = rij[0]
        regels = tekst.count("\n") + 1
        if soort == "kop":
            y -= 0.6 * regel if i else 0
            figuur.text(
                links, y, tekst, fontsize=grootte + 1, fontweight="bold", color=_TEKST, va="top", parse_math=False
            )
            y -= regels * regel + 0.35 * regel
            continue
        if soort == "noot":
            figuur.text(links, y, tekst, fontsize=grootte - 1.5, color=_GRIJS, va="top", parse_math=False)
            y -= regels * regel * 0.9 + 0.5 * regel
            continue
        midden = y - 0.5 * regel
        if soort == "vlak":
            _staal(figuur, (links, midden - vak_h / 2), vak_b, vak_h, rij[2])
        else:
            figuur.add_artist(
                Line2D(
                    [links, links + vak_b],
                    [midden, midden],
                    transform=figuur.transFigure,
                    color=rij[2],
                    linewidth=rij[3],
                    linestyle=rij[4],
                )
            )
        figuur.text(links + vak_b + 0.008, y, tekst, fontsize=grootte, color=_TEKST, va="top", parse_math=False)
        if soort == "vlak":
            figuur.text(links + breedte, y, str(rij[3]), fontsize=grootte, color=_TEKST, va="top", ha="right")
        y -= regels * regel + 0.3 * regel


def _legendarijen(kaartbeeld: Kaartbeeld, jaar: int, lagen: tuple[str, ...]) -> list[tuple]:
    """Legend rows: ("kop", text), ("vlak", class, colour, count), ("lijn", text, colour, width, style),
    ("noot", text)."""
    rijen: list[tuple] = [("kop", "Legenda (aantal gemeenten)")]
    rijen += [("vlak", item.klasse, item.kleur, item.aantal) for item in kaartbeeld.legenda]
    lijnen: list[tuple] = []
    for laag in lagen:
        soort = kaartlaag(laag)
        if soort.per_verzekeraar:
            lijnen.append(("noot", geodata.kernwerkgebied_label(jaar)))
            lijnen += [
                (
                    "lijn",
                    kernwerkgebiedtekst.legenda(naam, geodata.kernwerkgebied_aantal(naam, jaar)),
                    verzekeraarkleur(naam),
                    soort.lijndikte_pt,
                    _streep(soort),
                )
                for naam in _kernwerkgebied_namen(jaar, laag)
            ]
        else:
            lijnen.append(("lijn", soort.legenda, laagkleur(soort.code), soort.lijndikte_pt, _streep(soort)))
    if lijnen:
        rijen.append(("kop", "Kaartlagen"))
        rijen += lijnen
    if kaartbeeld.waarschuwing:
        rijen.append(("noot", kaartbeeld.waarschuwing))
    return rijen


def _afbreken(rij: tuple, tekens: int) -> str:
    """The row's text wrapped to ``tekens`` characters (notes get more: they are set smaller)."""
    tekst = str(rij[1])
    if rij[0] == "noot":
        return "\n".join(textwrap.wrap(tekst, int(tekens * 1.2)))
    if rij[0] in ("vlak", "lijn"):
        return "\n".join(textwrap.wrap(tekst, max(tekens - 10, 12)))
    return "\n".join(textwrap.wrap(tekst, tekens))


def _rijhoogte(rij: tuple, tekst: str, grootte: float) -> float:
    """Height in inches the row takes at font size ``grootte`` (points), mirroring the drawing steps."""
    regel = grootte * 1.3 / 72
    regels = tekst.count("\n") + 1
    if rij[0] == "kop":
        return regels * regel + 0.95 * regel
    if rij[0] == "noot":
        return regels * regel * 0.9 + 0.5 * regel
    return regels * regel + 0.3 * regel
