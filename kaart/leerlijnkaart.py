"""The flow map of leerlijnen: curved arrows from where a method was developed to where it was developed further
and implemented, over the municipalities of the chain projects coloured by stage.

Where a project applies is the set of its municipalities (``koppeling`` of the display year). Its anchor, where its
arrows start and end, is the representative point (``point_on_surface``, always inside) of the union of those
municipalities on the simplified coverage of :func:`kaart.stijl.dekking`, computed in EPSG:28992 (RD New, metres).
A project covering an insurer's whole kernwerkgebied is anchored in that area; its tooltip says so. Arrows are
quadratic Bézier curves sampled in EPSG:28992, so their bend and arrowheads are in metres; the sampled points are
transformed to EPSG:4326 for Leaflet. A link between two projects with the same anchor (a follow-up in the same
area, or an area around it) is drawn as a small loop. Text is HTML-escaped in Python and goes into the page as
finished text, never through the template engine.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache

import folium
import numpy as np
import pandas as pd
import shapely
from folium.template import Template
from pyproj import Transformer

from classify import vocab, zekerheid
from classify.leerlijnen import Keten
from geo import geodata
from geo.lagen import GRENSLAGEN, kaartlaag
from kaart import interactief, stijl, vulling
from palet.kleuren import GEEN_PROJECT_KLEUR, laagkleur, labelkleur
from tekst.leerlijntekst import JAAR_ONBEKEND, periode_tekst

STAPPEN = 40
"""Points sampled along one arrow."""
BOCHT = 0.2
"""Sideways offset of the Bézier control point as a fraction of the arrow's length (EPSG:28992)."""
LUS_AFSTAND_M = 15_000.0
"""Anchors closer than this (metres, EPSG:28992) are (almost) the same place: a straight arrow would hide under its
own head, so the link is drawn as a loop."""
LUS_STRAAL_M = 28_000.0
"""Reach of a loop in metres."""
KOP_M = (5_000.0, 9_000.0)
"""Shortest and longest arrowhead in metres; in between it is 15% of the arrow's length."""
VULDEKKING = 0.4
"""Fill opacity of the chain municipalities: light, so the arrows stand out."""

MOGELIJK = "mogelijk"
"""Stage of a municipality reached only through a ``deel`` area: hatched as on every other map."""

_WERKWOORD = {
    "Ontwikkelproject": "ontwikkeld in",
    "Doorontwikkelen": "doorontwikkeld in",
    "Implementatie": "geïmplementeerd in",
    "Samenwerkingsafspraken": "samenwerkingsafspraken in",
}
_PIJLTEKST = {
    "Ontwikkelproject": "→ ontwikkelproject",
    "Doorontwikkelen": "→ doorontwikkeld",
    "Implementatie": "→ geïmplementeerd",
    "Samenwerkingsafspraken": "→ samenwerkingsafspraken",
}
_NAAR_WGS84 = Transformer.from_crs(28992, 4326, always_xy=True)


class GeenAnker(ValueError):
    """A chain project without municipalities in the ``koppeling``: it has no place on the map."""


def plaatsnaam(gebied: str, jaar: int) -> str:
    """Where a project applies, in words, from its gebied tokens of boundary year ``jaar``.

    A municipality code becomes its name, ``wmo:FoodValley`` the region name, ``kernwerkgebied:CZ`` "kernwerkgebied
    CZ", ``provincie:Drenthe`` "provincie Drenthe" and ``zorgkantoorregio:ZK05`` the region's name.
    """
    namen = []
    zorgkantoor = _zorgkantoorregio_namen(jaar)
    for token in filter(None, (t.strip() for t in str(gebied).split(";"))):
        soort, _, naam = token.partition(":")
        if not naam:
            namen.append(geodata.gemeente_naam(token, jaar))
        elif soort == "wmo":
            namen.append(naam)
        elif soort == "zorgkantoorregio":
            namen.append(f"zorgkantoorregio {zorgkantoor.get(naam, naam)}")
        else:
            namen.append(f"{soort} {naam}")
    return ", ".join(namen)


@cache
def _zorgkantoorregio_namen(jaar: int) -> dict[str, str]:
    frame = geodata.gemeenten(jaar)
    return dict(zip(frame["zorgkantoorregio_code"], frame["zorgkantoorregio"], strict=True))


def kernwerkgebied(gebied: str) -> str:
    """The insurer when the gebied is one whole kernwerkgebied (``kernwerkgebied:<verzekeraar>``), else ``""``."""
    tokens = [t.strip() for t in str(gebied).split(";") if t.strip()]
    if len(tokens) == 1 and tokens[0].startswith("kernwerkgebied:"):
        return tokens[0].partition(":")[2]
    return ""


@cache
def _vlakken(jaar: int) -> Mapping[str, shapely.Geometry]:
    dekking = stijl.dekking(jaar)
    return dict(zip(dekking["gemeente_code"], dekking.geometry.values, strict=True))


@lru_cache(maxsize=4096)
def anker(gemeente_codes: tuple[str, ...], jaar: int) -> tuple[float, float]:
    """The anchor (x, y) in EPSG:28992 metres of a set of municipalities of ``jaar``: the representative point of
    their union on the simplified coverage."""
    vlakken = _vlakken(jaar)
    punt = shapely.point_on_surface(shapely.union_all([vlakken[c] for c in gemeente_codes]))
    return float(punt.x), float(punt.y)


def ankers(project_ids: Sequence[str], koppeling: pd.DataFrame, jaar: int) -> dict[str, tuple[float, float]]:
    """project_id -> anchor (x, y) in EPSG:28992 for each of ``project_ids``; :class:`GeenAnker` for a project
    without municipalities in ``koppeling``."""
    per_project = koppeling[koppeling["project_id"].isin(project_ids)].groupby("project_id")["gemeente_code"]
    codes = {pid: tuple(sorted(groep)) for pid, groep in per_project}
    zonder = [pid for pid in project_ids if pid not in codes]
    if zonder:
        raise GeenAnker(f"project {', '.join(zonder)} heeft geen gemeenten in de koppeling van {jaar}")
    return {pid: anker(codes[pid], jaar) for pid in project_ids}


def boog(van: tuple[float, float], naar: tuple[float, float], eerder: int = 0) -> np.ndarray:
    """Points (n, 2) in EPSG:28992 along the arrow from ``van`` to ``naar``.

    A quadratic Bézier curve bending to the right of the direction of travel by :data:`BOCHT` of its length, so a
    link back the other way takes another path; each of ``eerder`` arrows already drawn between the same anchors
    bends it 60% further, so parallel links stay apart. Anchors closer than :data:`LUS_AFSTAND_M` give a loop of
    :data:`LUS_STRAAL_M` (a cubic curve out from ``van`` and back to ``naar``), turned by 60 degrees for each of
    ``eerder`` loops already drawn from the same anchor.
    """
    a, b = np.asarray(van, dtype=float), np.asarray(naar, dtype=float)
    t = np.linspace(0.0, 1.0, STAPPEN)[:, None]
    lengte = float(np.hypot(*(b - a)))
    if lengte < LUS_AFSTAND_M:
        hoek = np.pi / 2 - eerder * np.pi / 3
        c1 = a + LUS_STRAAL_M * np.array([np.cos(hoek - 0.6), np.sin(hoek - 0.6)])
        c2 = a + LUS_STRAAL_M * np.array([np.cos(hoek + 0.6), np.sin(hoek + 0.6)])
        return (1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * c1 + 3 * (1 - t) * t**2 * c2 + t**3 * b
    richting = (b - a) / lengte
    controle = (a + b) / 2 + BOCHT * (1 + 0.6 * eerder) * lengte * np.array([richting[1], -richting[0]])
    return (1 - t) ** 2 * a + 2 * (1 - t) * t * controle + t**2 * b


def pijlpunt(punten: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The arrowhead at the end of ``punten`` (EPSG:28992) and the line shortened to its base.

    Returns (triangle (3, 2): tip, left and right corner; line points ending at the middle of the base). Its length
    is 15% of the arrow's chord, within :data:`KOP_M`; its width 60% of its length.
    """
    punt = punten[-1]
    koorde = float(np.hypot(*(punten[-1] - punten[0])))
    lengte = float(np.clip(0.15 * koorde, *KOP_M))
    afstand = np.hypot(*(punten - punt).T)
    achter = punten[afstand >= lengte]
    richting = punt - (achter[-1] if len(achter) else punten[0])
    richting = richting / np.hypot(*richting)
    basis = punt - lengte * richting
    opzij = 0.3 * lengte * np.array([-richting[1], richting[0]])
    driehoek = np.array([punt, basis + opzij, basis - opzij])
    return driehoek, np.vstack([achter, basis])


def _wgs84(punten: np.ndarray) -> list[list[float]]:
    """EPSG:28992 points as [lat, lon] pairs in EPSG:4326, rounded to :data:`kaart.stijl.DECIMALEN` + 1."""
    lon, lat = _NAAR_WGS84.transform(punten[:, 0], punten[:, 1])
    return np.round(np.column_stack([lat, lon]), stijl.DECIMALEN + 1).tolist()


def koppelingen(ketens: Sequence[Keten]) -> list[tuple[str, str]]:
    """The distinct (earlier, later) links of ``ketens``, in chain order."""
    return list(dict.fromkeys(paar for keten in ketens for paar in keten.koppelingen))


def pijltekst(van: Mapping, naar: Mapping, plaatsen: Mapping[str, str]) -> str:
    """The first tooltip line of an arrow, plain text:
    ``"P012 → P034: ontwikkeld in Groningen, Oldambt → doorontwikkeld in FoodValley"``.

    ``van`` and ``naar`` are project records (project_id, intensiteit); ``plaatsen``: project_id -> place in words.
    """
    return (
        f"{van['project_id']} → {naar['project_id']}: {_WERKWOORD[van['intensiteit']]} {plaatsen[van['project_id']]}"
        f" → {_WERKWOORD[naar['intensiteit']]} {plaatsen[naar['project_id']]}"
    )


def leerlijnkaart(
    ketens: Sequence[Keten],
    projecten: pd.DataFrame,
    koppeling: pd.DataFrame,
    jaar: int,
    ondertitel: str = "",
    grenzen: Sequence[str] = ("wmo_regio",),
) -> folium.Map:
    """The flow map of ``ketens`` on the municipal boundaries of ``jaar``.

    ``projecten`` must hold every chain project (project_id, titel, intensiteit, gebied, indeling_jaar);
    ``koppeling`` [project_id, gemeente_code] their municipalities in ``jaar``. Municipalities of chain projects
    are filled lightly in the colour of the earliest stage (in the order of the intensity axis) among those
    projects, the others in :data:`palet.kleuren.GEEN_PROJECT_KLEUR`. Every link is an arrow in the colour of
    the stage it leads to, with the tooltip of :func:`pijltekst` plus both titles. ``grenzen`` are border layers
    of :data:`geo.lagen.GRENSLAGEN` drawn between the fill and the arrows. The legend (stages, arrows, borders,
    ``ondertitel``, source) is a Leaflet control. A click on a municipality sets the feature properties ``code``
    and ``naam``, which ``st_folium``'s ``last_active_drawing`` returns. Raises :class:`GeenAnker` for a chain
    project without municipalities and ValueError for an unknown border layer.
    """
    vreemd = [laag for laag in grenzen if laag not in GRENSLAGEN]
    if vreemd:
        raise ValueError(f"onbekende grenslaag {', '.join(vreemd)}; kies uit: {', '.join(GRENSLAGEN)}")
    records = projecten.set_index("project_id", drop=False)
    paren = koppelingen(ketens)
    ids = list(dict.fromkeys(pid for keten in ketens for pid in keten.project_ids))
    plaatsen = {pid: plaatsnaam(records.at[pid, "gebied"], int(records.at[pid, "indeling_jaar"])) for pid in ids}
    punten = ankers(ids, koppeling, jaar)
    zuidwest, noordoost = stijl.omtrek(jaar)
    kaartobject = interactief.lege_kaart(jaar)
    gemeenten = koppeling[koppeling["project_id"].isin(ids)]
    tabel = _gemeentetabel(gemeenten, records, jaar)
    _Gemeenten(tabel, jaar).add_to(kaartobject)
    for laag in GRENSLAGEN:
        if laag in grenzen:
            _Grens(laag, jaar).add_to(kaartobject)
    pijlen = _pijlen(paren, records, punten, plaatsen)
    _Pijlen(pijlen).add_to(kaartobject)
    fasen = {fase for fase, _ in tabel.values()}
    doelen = {records.at[later, "intensiteit"] for _, later in paren}
    kern = any(kernwerkgebied(records.at[pid, "gebied"]) for pid in ids)
    lussen = any(p["lus"] for p in pijlen)
    legenda = _legenda_html(fasen, doelen, [laag for laag in GRENSLAGEN if laag in grenzen], kern, lussen, ondertitel)
    interactief.Legenda(legenda, (zuidwest, noordoost)).add_to(kaartobject)
    return kaartobject


def _gemeentetabel(gemeenten: pd.DataFrame, records: pd.DataFrame, jaar: int) -> dict[str, list]:
    """gemeente_code -> [earliest stage, escaped tooltip] for the municipalities of chain projects.

    The stage comes from the projects certainly there; a municipality reached only through a ``deel`` area
    (``zekerheid`` ``mogelijk``, see :mod:`classify.zekerheid`) gets stage :data:`MOGELIJK` and is hatched."""
    namen = dict(zip(stijl.dekking(jaar)["gemeente_code"], stijl.dekking(jaar)["gemeente_naam"], strict=True))
    zeker = zekerheid.is_zeker(gemeenten)
    tabel: dict[str, list] = {}
    for code, groep in gemeenten.assign(_zeker=zeker).groupby("gemeente_code", sort=True):
        groep = groep.sort_values("project_id")
        pids = list(groep["project_id"])
        fasen = [records.at[pid, "intensiteit"] for pid in pids]
        zekere = [fase for fase, z in zip(fasen, groep["_zeker"], strict=True) if z]
        vroegste = min(zekere, key=vocab.AS_INTENSITEIT.volgorde) if zekere else MOGELIJK
        regels = [f"<b>{html.escape(namen[code])}</b> ({code})"]
        regels += [
            f"{pid} – {html.escape(fase)}: {html.escape(str(records.at[pid, 'titel']))}"
            + ("" if z else " (mogelijk: deel van het gebied)")
            for pid, fase, z in zip(pids, fasen, groep["_zeker"], strict=True)
        ]
        tabel[code] = [vroegste, "<br>".join(regels)]
    return tabel


def _pijlen(
    paren: Sequence[tuple[str, str]],
    records: pd.DataFrame,
    punten: Mapping[str, tuple[float, float]],
    plaatsen: Mapping[str, str],
) -> list[dict]:
    """One drawable arrow per link: EPSG:4326 line and head, colour of the later stage, escaped tooltip."""
    uit = []
    getekend: dict[tuple, int] = {}
    for eerder, later in paren:
        van, naar = records.loc[eerder], records.loc[later]
        a, b = punten[eerder], punten[later]
        is_lus = float(np.hypot(b[0] - a[0], b[1] - a[1])) < LUS_AFSTAND_M
        # Loops from one anchor turn apart; arrows between the same two anchors bend apart.
        sleutel = (a,) if is_lus else (a, b)
        volgnummer = getekend.get(sleutel, 0)
        getekend[sleutel] = volgnummer + 1
        kop, lijn = pijlpunt(boog(a, b, volgnummer))
        regels = [html.escape(pijltekst(van, naar, plaatsen))]
        regels += [
            f"{pid}: {html.escape(str(records.at[pid, 'titel']))}{_looptijd(records.loc[pid])}"
            for pid in (eerder, later)
        ]
        if is_lus:
            regels.append("<i>lus: het vervolg ligt in hetzelfde of een overlappend gebied</i>")
        for pid in dict.fromkeys((eerder, later)):
            verzekeraar = kernwerkgebied(records.at[pid, "gebied"])
            if verzekeraar:
                regels.append(
                    f"<i>{pid}: project in het hele kernwerkgebied van {html.escape(verzekeraar)}; "
                    "het pijleinde staat midden in dat gebied</i>"
                )
        uit.append(
            {
                "lijn": _wgs84(lijn),
                "kop": _wgs84(kop),
                "kleur": labelkleur(vocab.AS_INTENSITEIT.label(naar["intensiteit"])),
                "tekst": "<br>".join(regels),
                "lus": is_lus,
            }
        )
    return uit


def _looptijd(record: pd.Series) -> str:
    """ " (2015–2017)" after a title when the sources name the project's years, else nothing."""
    periode = periode_tekst(record["startjaar"], record["eindjaar"])
    return "" if periode == JAAR_ONBEKEND else f" ({periode})"


_STIJL = """
<style>
  .leaflet-container { background: #ffffff; font-family: "Source Sans Pro", Arial, sans-serif; }
  .skw-tip { font-size: 12px; line-height: 1.35; width: max-content; max-width: 360px; white-space: normal; }
  .skw-legenda { background: rgba(255,255,255,0.95); padding: 8px 10px; border-radius: 4px;
                 box-shadow: 0 1px 4px rgba(0,0,0,0.3); font-size: 12px; line-height: 1.4; max-width: 280px; }
  .skw-legenda .skw-titel { font-weight: 600; font-size: 13px; }
  .skw-legenda .skw-ondertitel { color: #555; margin-bottom: 4px; }
  .skw-legenda .skw-kop { font-weight: 600; margin-top: 4px; }
  .skw-legenda .skw-rij { display: flex; align-items: center; gap: 6px; }
  .skw-legenda .skw-vlak { flex: none; width: 14px; height: 12px; border: 1px solid #999; }
  .skw-legenda .skw-lijn { flex: none; width: 22px; height: 0; border-top-width: 3px; border-top-style: solid; }
  .skw-legenda .skw-bron { color: #555; font-size: 11px; margin-top: 6px; }
</style>
"""


class _Gemeenten(interactief.Element):
    """All municipalities: chain municipalities filled by earliest stage with a tooltip, the rest light grey."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}"""
        + _STIJL
        + """{% endmacro %}
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }}_d = {{ this.tabel }};
        var {{ this.get_name() }} = L.geoJSON(({{ this.decodeer }})({{ this.geometrie }}), {
            style: function (f) {
                var g = {{ this.get_name() }}_d[f.id], gearceerd = g && g[0].indexOf("url(") === 0;
                return {fillColor: g ? g[0] : {{ this.leeg }}, fillOpacity: g && !gearceerd ? {{ this.dekking }} : 1,
                        color: "#ffffff", weight: 0.6, opacity: 1};
            },
            onEachFeature: function (f, laag) {
                var g = {{ this.get_name() }}_d[f.id];
                if (!g) { return; }
                laag.bindTooltip(g[1], {sticky: true, className: "skw-tip"});
                laag.on("mouseover", function () { laag.setStyle({weight: 2, color: "#222222"}); });
                laag.on("mouseout", function () { {{ this.get_name() }}.resetStyle(laag); });
            }
        }).addTo({{ this._parent.get_name() }});
        // Under the same name as on the vlekkenkaart, so a focus (kaart.interactief.focuslaag) finds its shapes.
        {{ this._parent.get_name() }}.skwVlakken = {{ this.get_name() }};
        (function (groep) {
            // The hatching of possible municipalities is an SVG pattern in the renderer's own <defs>.
            var eerste = groep.getLayers()[0];
            if (!eerste || !eerste._renderer) { return; }
            var wortel = eerste._renderer._container;
            var defs = document.createElementNS("http://www.w3.org/2000/svg", "defs");
            defs.innerHTML = {{ this.patroon }};
            wortel.insertBefore(defs, wortel.firstChild);
        })({{ this.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, tabel: dict[str, list], jaar: int):
        super().__init__()
        self._name = "Gemeenten"
        kleur = {label.naam: labelkleur(label) for label in vocab.AS_INTENSITEIT.labels}
        kleur[MOGELIJK] = "url(#skw-ll-mogelijk)"
        self.tabel = interactief.scriptjson({code: [kleur[fase], tekst] for code, (fase, tekst) in tabel.items()})
        self.patroon = interactief.scriptjson(vulling.svg_patroon(vulling.MOGELIJK, "skw-ll-mogelijk"))
        self.leeg = interactief.scriptjson(GEEN_PROJECT_KLEUR)
        self.dekking = VULDEKKING
        self.decodeer = stijl.DECODEER_JS
        self.geometrie = stijl.gemeentelaag(jaar).replace("</", "<\\/")


class _Grens(interactief.Element):
    """A border layer: lines only, never taking clicks."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        L.geoJSON(({{ this.decodeer }})({{ this.geometrie }}), {interactive: false, style: {{ this.stijl }}})
            .addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, laag: str, jaar: int):
        super().__init__()
        self._name = "Grens"
        self.decodeer = stijl.DECODEER_JS
        self.geometrie = stijl.grenslaag(jaar, laag).replace("</", "<\\/")
        soort = kaartlaag(laag)
        self.stijl = interactief.scriptjson(
            {"fill": False, "color": laagkleur(laag), "weight": soort.lijndikte_px, "opacity": soort.dekking}
        )


class _Pijlen(interactief.Element):
    """The arrows: a white halo under a coloured line, and a filled arrowhead; line and head share the tooltip."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this.pijlen }}.forEach(function (p) {
            var kaart = {{ this._parent.get_name() }};
            L.polyline(p.lijn, {color: "#ffffff", weight: 7, opacity: 0.9, interactive: false}).addTo(kaart);
            var lijn = L.polyline(p.lijn, {color: p.kleur, weight: 3.5, opacity: 1, lineCap: "butt"}).addTo(kaart);
            var kop = L.polygon(p.kop, {color: "#ffffff", weight: 1, fillColor: p.kleur, fillOpacity: 1}).addTo(kaart);
            lijn.bindTooltip(p.tekst, {sticky: true, className: "skw-tip"});
            kop.bindTooltip(p.tekst, {sticky: true, className: "skw-tip"});
        });
        {% endmacro %}
        """
    )

    def __init__(self, pijlen: list[dict]):
        super().__init__()
        self._name = "Pijlen"
        self.pijlen = interactief.scriptjson([{k: p[k] for k in ("lijn", "kop", "kleur", "tekst")} for p in pijlen])


def _legenda_html(
    fasen: set[str], doelen: set[str], grenzen: Sequence[str], kern: bool, lussen: bool, ondertitel: str
) -> str:
    """The legend as an HTML fragment (fixed texts and escaped ``ondertitel``)."""
    delen = ['<div class="skw-titel">Leerlijnen</div>']
    if ondertitel:
        delen.append(f'<div class="skw-ondertitel">{html.escape(ondertitel)}</div>')
    delen.append('<div class="skw-kop">Gemeente van een project in de leerlijn</div>')
    for label in vocab.AS_INTENSITEIT.labels:
        if label.naam in fasen:
            delen.append(
                f'<div class="skw-rij"><span class="skw-vlak" style="background:{labelkleur(label)};opacity:'
                f'{VULDEKKING + 0.2}"></span><span>{html.escape(label.legenda)}</span></div>'
            )
    if MOGELIJK in fasen:
        arcering = vulling.css_achtergrond(vulling.MOGELIJK)
        delen.append(
            f'<div class="skw-rij"><span class="skw-vlak" style="background:{arcering}"></span>'
            "<span>mogelijk: project in een deel van dit gebied</span></div>"
        )
    delen.append('<div class="skw-kop">Pijl: bouwt voort op</div>')
    for label in vocab.AS_INTENSITEIT.labels:
        if label.naam in doelen:
            delen.append(
                f'<div class="skw-rij"><span class="skw-lijn" style="border-top-color:{labelkleur(label)}"></span>'
                f"<span>{html.escape(_PIJLTEKST[label.naam])}</span></div>"
            )
    for soort in map(kaartlaag, grenzen):
        delen.append(
            f'<div class="skw-rij"><span class="skw-lijn" style="border-top:{soort.lijndikte_px}px solid '
            f'{laagkleur(soort.code)}"></span><span>{soort.legenda}</span></div>'
        )
    if lussen:
        delen.append(
            '<div class="skw-rij"><span>⟲</span><span>lus: vervolg in hetzelfde of een overlappend gebied</span></div>'
        )
    noot = "Kleur van een gemeente: de vroegste fase van de leerlijnprojecten daar."
    if kern:
        noot += " Een project in een heel kernwerkgebied heeft zijn pijlpunt midden in dat gebied."
    delen.append(f'<div class="skw-bron">{noot} Bron: kolom bouwt_voort_op van de projectendatabase.</div>')
    return "".join(delen)
