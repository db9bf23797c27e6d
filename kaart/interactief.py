"""The interactive vlekkenkaart: a folium map of one :class:`kaart.model.Kaartbeeld` with optional border layers.

Geometry comes from :mod:`kaart.stijl` (EPSG:4326, cached per year) and is embedded as is; per map only a small
table per municipality (class index, number of projects, Wmo-region, first titles) is written, and the browser joins
it to the features by CBS code. All text is HTML-escaped in Python before it reaches the page.

A map is two parts: :func:`basiskaart` (municipalities, overlays, styles: the same for every selection of a year and
set of layers) and :func:`vlakkenlaag` (one selection's colours and tooltip texts, as one feature group);
:func:`kaart` joins them for a stand-alone page. The dashboard itself draws its maps with the component of
:mod:`kaart.kaartframe`, which loads the geometry once as a file; this folium page is the self-contained form
(benchmarks, the lineage map's base) and shares its checks with that component. Neither holds the legend: the page
shows it beside the map, where it covers no municipality.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Iterable
from functools import lru_cache

import folium
from branca.element import Element, MacroElement
from folium.template import Template

from classify import vocab
from geo import geodata
from geo.lagen import HALO, kaartlaag, kaartlagen, tekenvolgorde
from kaart import stijl
from kaart.kaartframe import MAX_TITELS, controleer_codes, vullingen_en_patronen
from kaart.model import Kaartbeeld
from palet.kleuren import GEEN_PROJECT_KLEUR, HALO_KLEUR, laagkleur, verzekeraarkleur

LEAFLET_JS = "../../app/static/leaflet/leaflet.js"
LEAFLET_CSS = "../../app/static/leaflet/leaflet.css"
"""Leaflet shipped with the app (``static/leaflet``), relative to the map frame of the Streamlit component, so the
map needs no network."""


def kaart(kaartbeeld: Kaartbeeld, jaar: int, lagen: Iterable[str] = ("wmo_regio",)) -> folium.Map:
    """Build the interactive map of ``kaartbeeld`` on the municipal boundaries of ``jaar``.

    Parameters
    ----------
    kaartbeeld:
        Classes per municipality with legend, title and source line (:func:`kaart.model.kaartbeeld`); its municipality
        codes must be those of ``jaar``.
    jaar:
        Boundary year (2017 or 2025) of the geometry.
    lagen:
        Layers drawn over the municipalities, in any order: ``wmo_regio`` (Wmo-region borders), ``provincie``
        (province borders), ``kernwerkgebied`` (every insurer's kernwerkgebied as a dashed outline in its colour)
        or ``kernwerkgebied:<verzekeraar>`` (one insurer, canonical name). Overlays never take clicks and never
        fill, so the classes underneath stay visible.

    Returns
    -------
    folium.Map
        SVG-rendered map (one ``path`` per municipality), no tile layer, fitted to the country, with a tooltip per
        municipality (name, code, Wmo-region, class, number of projects and the first :data:`MAX_TITELS` titles)
        and no legend (the page shows it beside the map). A click sets the feature properties ``code``, ``naam``,
        ``klasse`` and ``aantal_projecten`` (what ``st_folium``'s ``last_active_drawing`` returns when the page is
        shown with it).

    Raises
    ------
    ValueError
        For an unknown layer name or insurer, or when ``kaartbeeld`` holds codes that are no municipality of ``jaar``.
    """
    kaartobject = basiskaart(jaar, lagen)
    vlakkenlaag(kaartbeeld, jaar, lagen).add_to(kaartobject)
    return kaartobject


def basiskaart(jaar: int, lagen: Iterable[str] = ("wmo_regio",)) -> folium.Map:
    """The selection-independent part of :func:`kaart`: the map with the municipalities of ``jaar`` (uncoloured,
    without tooltip text), the overlays ``lagen`` and the styles; the same for every selection.

    Raises ValueError for an unknown layer name or insurer.
    """
    lagen = tekenvolgorde(lagen)
    kaartobject = lege_kaart(jaar)
    _Gemeentevormen(jaar).add_to(kaartobject)
    for laag in lagen:
        _Laag(laag, jaar).add_to(kaartobject)
    return kaartobject


def vlakkenlaag(kaartbeeld: Kaartbeeld, jaar: int, lagen: Iterable[str] = ("wmo_regio",)) -> folium.FeatureGroup:
    """The selection-dependent part of :func:`kaart`, for a :func:`basiskaart` of the same ``jaar``: one feature
    group that fills the municipalities by class and sets their tooltip text and click properties.

    Raises ValueError for an unknown layer name or insurer, or when ``kaartbeeld`` holds codes that are no municipality
    of ``jaar``.
    """
    lagen = kaartlagen(lagen)
    controleer_codes(kaartbeeld.gemeenten["gemeente_code"], jaar)
    groep = folium.FeatureGroup(control=False)
    _Vlakken(kaartbeeld).add_to(groep)
    return groep


def lege_kaart(jaar: int) -> folium.Map:
    """An empty map of the Netherlands (EPSG:4326 extent of ``jaar``): no tiles, SVG paths, Leaflet served locally.

    No tile layer: the app must work without internet access, and the coloured municipalities are the map.
    """
    zuidwest, noordoost = stijl.omtrek(jaar)
    kaartobject = folium.Map(
        location=[(zuidwest[0] + noordoost[0]) / 2, (zuidwest[1] + noordoost[1]) / 2],
        zoom_start=7,
        tiles=None,
        prefer_canvas=False,
        zoom_snap=0.25,
        control_scale=True,
    )
    kaartobject.default_js = [("leaflet", LEAFLET_JS)]
    kaartobject.default_css = [("leaflet_css", LEAFLET_CSS)]
    _Zoombaar().add_to(kaartobject)
    # The country fills the frame (the lineage map adds no legend that fits it).
    kaartobject.fit_bounds([list(zuidwest), list(noordoost)], padding=(10, 10))
    return kaartobject


def scriptjson(waarde) -> str:
    """JSON for inside a ``<script>``: no ``</`` can close the element early; shared by the map modules."""
    return json.dumps(waarde, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


@lru_cache(maxsize=256)
def _tabeljson(kaartbeeld: Kaartbeeld) -> str:
    """:func:`_tabel` as script JSON, once per computed map: :class:`Kaartbeeld` is immutable and hashed by identity,
    and the dashboard caches it per selection, so showing a selection again reuses the table."""
    return scriptjson(_tabel(kaartbeeld))


def _tabel(kaartbeeld: Kaartbeeld) -> dict:
    """Per-municipality data keyed by code: [class index, fill index, projects, region index, escaped name,
    title indices, possible projects]; classes, fills, titles and regions are listed once.

    ``vullingen`` holds per fill the SVG fill value (a colour, or ``url(#id)`` of a pattern in ``patronen``) and
    the outline [colour, weight]: municipalities with a project are outlined in :data:`palet.kleuren.RAND_KLEUR`.
    """
    klassen: dict[str, int] = {}
    kleuren: dict[str, int] = {}
    titels: dict[str, int] = {}
    regio_s: dict[str, int] = {}
    rijen: dict[str, list] = {}
    for rij in kaartbeeld.gemeenten.itertuples(index=False):
        rijen[rij.gemeente_code] = [
            klassen.setdefault(html.escape(rij.klasse), len(klassen)),
            kleuren.setdefault(rij.kleur, len(kleuren)),
            int(rij.aantal_projecten),
            regio_s.setdefault(html.escape(str(rij.wmo_regio)), len(regio_s)),
            html.escape(rij.gemeente_naam),
            [titels.setdefault(html.escape(t), len(titels)) for t in rij.titels[:MAX_TITELS]],
            int(rij.aantal_mogelijk),
        ]
    vullingen, patronen = vullingen_en_patronen(kleuren)
    return {
        "klassen": list(klassen),
        "vullingen": vullingen,
        "patronen": patronen,
        "titels": list(titels),
        "regio_s": list(regio_s),
        "gemeenten": rijen,
    }


class _Tekst(Element):
    """Already rendered text in the page: branca would otherwise compile it as a template (slow for the
    geometry, and it must not be read as one)."""

    def __init__(self, tekst: str):
        super().__init__()
        self.tekst = tekst

    def render(self, **kwargs) -> str:
        return self.tekst


class Element(MacroElement):
    """A MacroElement whose header and script go into the page as :class:`_Tekst`; the lineage map reuses it."""

    def kaartnaam(self) -> str:
        """The script name of the map this element is on (directly or inside a feature group)."""
        ouder = self._parent
        while not isinstance(ouder, folium.Map):
            ouder = ouder._parent
        return ouder.get_name()

    def render(self, **kwargs) -> None:
        figuur = self.get_root()
        for deel in ("header", "script"):
            macro = self._template.module.__dict__.get(deel)
            if macro is not None:
                getattr(figuur, deel).add_child(_Tekst(macro(self, kwargs)), name=self.get_name())


class _Zoombaar(MacroElement):
    """Takes ``maximum-scale=1.0, user-scalable=no`` out of folium's viewport tag: zooming the page must stay
    possible (WCAG 1.4.4). Rendered after its map, whose header it rewrites."""

    def render(self, **kwargs) -> None:
        kop = self.get_root().header._children.get(self._parent.get_name())
        if kop is not None:
            tekst = re.sub(r",\s*maximum-scale=1\.0,\s*user-scalable=no", "", kop.render())
            self.get_root().header._children[self._parent.get_name()] = _Tekst(tekst)


class _Gemeentevormen(Element):
    """The municipalities of a year as one GeoJSON layer, ``<kaart>.skwVlakken``, with a tooltip and a hover outline
    each: drawn once per map frame, and coloured and labelled by each :class:`_Vlakken`; plus the tooltip's style."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>
          .leaflet-container { background: #ffffff; font-family: "Source Sans Pro", Arial, sans-serif; }
          .skw-tip { font-size: 12px; line-height: 1.35; width: max-content; max-width: 320px; white-space: normal; }
        </style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJSON(({{ this.decodeer }})({{ this.geometrie }}), {
            style: {fillColor: {{ this.leeg }}, fillOpacity: 0.9, color: "#ffffff", weight: 0.6, opacity: 1},
            onEachFeature: function (f, laag) {
                laag.bindTooltip("", {sticky: true, className: "skw-tip"});
                laag.on("mouseover", function () { laag.setStyle({weight: 2, color: "#222222"}); });
                laag.on("mouseout", function () { laag.setStyle(laag.skwRand || {weight: 0.6, color: "#ffffff"}); });
            }
        }).addTo({{ this._parent.get_name() }});
        {{ this._parent.get_name() }}.skwVlakken = {{ this.get_name() }};
        // Keyboard (WCAG 2.1.1): Enter or Space on a focused municipality does what a click does; focus shows the
        // same outline and tooltip as hovering. Which shapes take focus is set per selection (_Vlakken).
        {{ this.get_name() }}.eachLayer(function (laag) {
            var el = laag.getElement();
            el.setAttribute("role", "button");
            el.setAttribute("tabindex", "-1");
            el.addEventListener("keydown", function (e) {
                if (e.key === "Enter" || e.key === " ") {
                    e.preventDefault();
                    laag.fire("click", {latlng: laag.getCenter()}, true);
                }
            });
            el.addEventListener("focus", function () {
                laag.setStyle({weight: 2, color: "#222222"});
                laag.openTooltip(laag.getCenter());
            });
            el.addEventListener("blur", function () {
                laag.setStyle({weight: 0.6, color: "#ffffff"});
                laag.closeTooltip();
            });
        });
        {% endmacro %}
        """
    )

    def __init__(self, jaar: int):
        super().__init__()
        self._name = "Gemeentevormen"
        self.leeg = scriptjson(GEEN_PROJECT_KLEUR)
        self.decodeer = stijl.DECODEER_JS
        self.geometrie = stijl.gemeentelaag(jaar).replace("</", "<\\/")


class _Vlakken(Element):
    """One selection on the map's :class:`_Gemeentevormen`: fill by class, tooltip text and click properties.

    It restyles the municipalities already drawn instead of drawing them anew: a new selection in an open map frame
    then only changes colours and texts.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }}_d = {{ this.tabel }};
        (function (d) {
            var eerste = true;
            {{ this.kaartnaam() }}.skwVlakken.eachLayer(function (laag) {
                if (eerste && laag._renderer) {
                    // Hatched fills are SVG patterns in the renderer's own <defs>, replaced per selection.
                    var wortel = laag._renderer._container, defs = wortel.querySelector("defs.skw-vullingen");
                    if (!defs) {
                        defs = document.createElementNS("http://www.w3.org/2000/svg", "defs");
                        defs.setAttribute("class", "skw-vullingen");
                        wortel.insertBefore(defs, wortel.firstChild);
                    }
                    defs.innerHTML = d.patronen;
                    eerste = false;
                }
                var f = laag.feature, g = d.gemeenten[f.id], v = d.vullingen[g[1]], n = g[2] + g[6];
                f.properties.klasse = d.klassen[g[0]];
                f.properties.aantal_projecten = g[2];
                var tekst = "<b>" + g[4] + "</b> (" + f.id + ")<br>Wmo-regio: " + d.regio_s[g[3]]
                    + "<br>" + d.klassen[g[0]] + "<br>" + g[2] + (g[2] === 1 ? " project" : " projecten");
                if (g[6]) { tekst += ", mogelijk nog " + g[6]; }
                g[5].forEach(function (t) { tekst += "<br>• " + d.titels[t]; });
                if (n > g[5].length) { tekst += "<br>en nog " + (n - g[5].length); }
                laag.setTooltipContent(tekst);
                laag.skwRand = {color: v[1], weight: v[2]};
                laag.setStyle({fillColor: v[0], color: v[1], weight: v[2]});
                // Accessible name from the unescaped name; only municipalities with (possible) projects are tab
                // stops (the others have nothing to open), all are in the table below the map.
                var naam = document.createElement("textarea");
                naam.innerHTML = g[4];
                var el = laag.getElement();
                el.setAttribute("aria-label", "Gemeente " + naam.value + ": " + g[2]
                    + (g[2] === 1 ? " project" : " projecten") + (g[6] ? ", mogelijk nog " + g[6] : ""));
                el.setAttribute("tabindex", n > 0 ? "0" : "-1");
            });
        })({{ this.get_name() }}_d);
        {% endmacro %}
        """
    )

    def __init__(self, kaartbeeld: Kaartbeeld):
        super().__init__()
        self._name = "Vlakken"
        self.tabel = _tabeljson(kaartbeeld)


class _Laag(Element):
    """A border or kernwerkgebied overlay: lines only, not interactive. A kernwerkgebied is a dashed line on a
    white halo, so it stays visible on a fill of the same colour."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = ({{ this.decodeer }})({{ this.geometrie }});
        {%- for stijl in this.stijlen %}
        L.geoJSON({{ this.get_name() }}, {
            interactive: false,
            {%- if this.filter %}
            filter: function (f) { return f.properties.verzekeraar === {{ this.filter }}; },
            {%- endif %}
            style: function (f) {
                var stijl = Object.assign({fill: false}, {{ stijl }});
                if (stijl.color === null) { stijl.color = {{ this.kleuren }}[f.properties.verzekeraar]; }
                return stijl;
            }
        }).addTo({{ this._parent.get_name() }});
        {%- endfor %}
        {% endmacro %}
        """
    )

    def __init__(self, laag: str, jaar: int):
        super().__init__()
        basis, _, verzekeraar = laag.partition(":")
        self._name = "Laag"
        self.filter = scriptjson(verzekeraar) if verzekeraar else ""
        self.kleuren = scriptjson({v.naam: verzekeraarkleur(v.naam) for v in vocab.VERZEKERAARS})
        self.decodeer = stijl.DECODEER_JS
        soort = kaartlaag(basis)
        lijn = {"weight": soort.lijndikte_px, "opacity": soort.dekking}
        if soort.per_verzekeraar:
            self.geometrie = stijl.kernwerkgebiedlaag(jaar).replace("</", "<\\/")
            # A null colour is filled in by the script with each insurer's own colour.
            lijn.update(color=laagkleur(basis) if verzekeraar else None, dashArray=soort.streep_px)
            halo = {"color": HALO_KLEUR, "weight": HALO["lijndikte_px"], "opacity": HALO["dekking"]}
            self.stijlen = [scriptjson(halo), scriptjson(lijn)]
        else:
            self.geometrie = stijl.grenslaag(jaar, basis).replace("</", "<\\/")
            self.stijlen = [scriptjson({**lijn, "color": laagkleur(basis)})]


class Legenda(Element):
    """A legend (ready HTML) as a Leaflet control inside the map (bottom right); the country is fitted beside it."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: "bottomright"});
        {{ this.get_name() }}.onAdd = function () {
            var div = L.DomUtil.create("div", "skw-legenda");
            div.innerHTML = {{ this.inhoud }};
            L.DomEvent.disableClickPropagation(div);
            L.DomEvent.disableScrollPropagation(div);
            return div;
        };
        {{ this.get_name() }}.addTo({{ this.kaartnaam() }});
        (function (kaart, legenda, omtrek, groep) {
            // Keep the legend off the country: leave its width free on the right or its height at the bottom,
            // whichever leaves the larger map. Again when the frame is resized (it gets its width late).
            function pas() {
                var vak = legenda.getContainer(), maat = kaart.getSize();
                vak.style.maxHeight = Math.max(maat.y - 40, 120) + "px";
                var lw = vak.offsetWidth + 20, lh = vak.offsetHeight + 20;
                var a = kaart.project(omtrek[0], 0), b = kaart.project(omtrek[1], 0);
                var bw = Math.abs(b.x - a.x), bh = Math.abs(b.y - a.y);
                var rechts = Math.min((maat.x - lw) / bw, maat.y / bh);
                var onder = Math.min(maat.x / bw, (maat.y - lh) / bh);
                var rand = rechts >= onder ? [lw, 10] : [10, lh];
                kaart.fitBounds(omtrek, {paddingTopLeft: [10, 10], paddingBottomRight: rand, animate: false});
            }
            pas();
            kaart.on("resize", pas);
            if (groep) {
                // In a feature group the legend belongs to that selection: it leaves the map with the group.
                groep.on("remove", function () { kaart.off("resize", pas); legenda.remove(); });
            }
        })({{ this.kaartnaam() }}, {{ this.get_name() }}, {{ this.omtrek }}, {{ this.groep() }});
        {% endmacro %}
        """
    )

    def groep(self) -> str:
        """The script name of the feature group holding the legend, or ``null`` when it is on the map itself."""
        return "null" if isinstance(self._parent, folium.Map) else self._parent.get_name()

    def __init__(self, inhoud: str, omtrek):
        super().__init__()
        self._name = "Legenda"
        self.inhoud = scriptjson(inhoud)
        self.omtrek = scriptjson([list(hoek) for hoek in omtrek])


FOCUS_RAND = {"color": "#000000", "weight": 4, "opacity": 1, "fill": False}
"""Outline of the municipality in focus: black, 4 px, over a white halo (:data:`palet.kleuren.HALO_KLEUR`) so it
shows on every fill."""


def focuslaag(gemeente_code: str) -> Element:
    """An element for a :func:`vlakkenlaag` group that outlines municipality ``gemeente_code`` and keeps the view on
    it (also after the frame is resized); it leaves the map with the group. The outline reuses the shape already
    drawn by the base map, so no geometry is sent."""
    return _Focus(gemeente_code)


def focusbeeld(gemeente_code: str, jaar: int, breedte_px: int = 800, hoogte_px: int = 600) -> tuple[list[float], float]:
    """([lat, lon] centre, Leaflet zoom) that shows municipality ``gemeente_code`` of ``jaar`` with its
    surroundings (three times its extent) in a map of ``breedte_px`` × ``hoogte_px``, for ``st_folium``'s
    ``center``/``zoom``; EPSG:4326, Web Mercator zoom levels in steps of 0.25 (the map's zoom snap), between 7 and
    12."""
    rij = geodata.gemeenten(jaar).set_index("gemeente_code").loc[gemeente_code]
    west, zuid, oost, noord = rij.geometry.bounds
    y_zuid, y_noord = (math.log(math.tan(math.pi / 4 + math.radians(b) / 2)) for b in (zuid, noord))
    # Pixels per radian at zoom z are 256 * 2**z / (2 pi); show three times the municipality's extent, as
    # focuslaag does, so its neighbours are in view.
    z_breedte = math.log2(breedte_px * 2 * math.pi / (256 * math.radians(max(oost - west, 1e-6)) * 3))
    z_hoogte = math.log2(hoogte_px * 2 * math.pi / (256 * max(y_noord - y_zuid, 1e-6) * 3))
    zoom = min(max(math.floor(min(z_breedte, z_hoogte) * 4) / 4, 7.0), 12.0)
    return [(zuid + noord) / 2, (west + oost) / 2], zoom


class _Focus(Element):
    """The outline and view of :func:`focuslaag`: registered after the legend's fit to the country, so on a resize
    the view goes back to the municipality."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (kaart, groep, code) {
            var doel = null;
            kaart.skwVlakken.eachLayer(function (laag) { if (laag.feature.id === code) { doel = laag; } });
            if (!doel) { return; }
            L.geoJSON(doel.feature, {interactive: false, style: {{ this.halo }}}).addTo(groep || kaart);
            L.geoJSON(doel.feature, {interactive: false, style: {{ this.rand }}}).addTo(groep || kaart);
            // The municipality with its surroundings (three times its extent), beside the legend.
            function pas() {
                var legenda = kaart.getContainer().querySelector(".skw-legenda");
                var rechts = legenda ? legenda.offsetWidth + 20 : 10;
                kaart.fitBounds(doel.getBounds().pad(1), {
                    paddingTopLeft: [10, 10], paddingBottomRight: [rechts, 10], maxZoom: 12, animate: false
                });
            }
            pas();
            kaart.on("resize", pas);
            if (groep) { groep.on("remove", function () { kaart.off("resize", pas); }); }
        })({{ this.kaartnaam() }}, {{ this.groep() }}, {{ this.code }});
        {% endmacro %}
        """
    )

    def groep(self) -> str:
        """The script name of the feature group holding the focus, or ``null`` when it is on the map itself."""
        return "null" if isinstance(self._parent, folium.Map) else self._parent.get_name()

    def __init__(self, gemeente_code: str):
        super().__init__()
        self._name = "Focus"
        self.code = scriptjson(gemeente_code)
        self.rand = scriptjson(FOCUS_RAND)
        self.halo = scriptjson({**FOCUS_RAND, "color": HALO_KLEUR, "weight": FOCUS_RAND["weight"] + 3})
