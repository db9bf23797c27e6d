// The dashboard's interactive map: a Streamlit component frame (plain postMessage protocol, no build step).
// The geometry of a boundary year comes once, as a static file named after a hash of its content
// (kaart/kaartframe.py: geometrie); every rerun sends only the selection (kaart/kaartframe.py: selectie): a row of
// class, fill and counts per municipality, the fills, the layers and the legend. A new selection recolours the
// shapes already drawn, so the frame, Leaflet and the geometry stay loaded. On the total map it also follows the
// sidebar's Inhoud and Zorgverzekeraar itself (filtermodel.js), so the map changes before the run's selection comes.
(function () {
  "use strict";
  var kaart = null, vormen = null, geometrie = null, bestand = null, lagenSleutel = null, overlays = [];
  var args = null, selectie = null, focusCode = null, focusIndex = -1, actief = 0;
  var paden = [], middens = [], volgend = false, gepast = false;
  var model = null, modelBestand = null, geladen = null, getoond = null, waarnemer = null, zelfGekleurd = 0, zelfMoment = null;

  function stuur(type, extra) {
    window.parent.postMessage(Object.assign({isStreamlitMessage: true, type: "streamlit:" + type}, extra), "*");
  }

  function ontsnap(tekst) {
    return String(tekst).replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
    });
  }

  // The compact GeoJSON of kaart.stijl (delta-encoded integer coordinates, 1e-4 degree), as kaart.stijl.DECODEER_JS.
  function decodeer(collectie) {
    function ring(d) {
      var uit = [], x = 0, y = 0;
      for (var i = 0; i < d.length; i += 2) { x += d[i]; y += d[i + 1]; uit.push([x / 1e4, y / 1e4]); }
      return uit;
    }
    collectie.features.forEach(function (f) {
      var g = f.geometry;
      g.coordinates = g.type === "MultiPolygon" ? g.delta.map(function (p) { return p.map(ring); }) : g.delta.map(ring);
      delete g.delta;
    });
    return collectie;
  }

  function aantalTekst(n) { return n + (n === 1 ? " project" : " projecten"); }

  function rand(i) {
    var v = selectie.vullingen[selectie.gemeenten[i][1]];
    return i === focusIndex ? {color: "#000000", weight: 3} : {color: v[1], weight: v[2]};
  }

  function tooltip(i) {
    var g = selectie.gemeenten[i], n = g[2], m = g[3], titels = g.slice(4);
    var tekst = "<b>" + ontsnap(geometrie.namen[i]) + "</b> (" + ontsnap(geometrie.codes[i]) + ")<br>Wmo-regio: " +
      ontsnap(geometrie.regio_s[geometrie.regio[i]]) + "<br>" + ontsnap(selectie.klassen[g[0]]) + "<br>" + aantalTekst(n);
    if (m) { tekst += ", mogelijk nog " + m; }
    titels.forEach(function (t) { tekst += "<br>• " + ontsnap(selectie.titels[t]); });
    if (n + m > titels.length) { tekst += "<br>en nog " + (n + m - titels.length); }
    return tekst;
  }

  function label(i) {
    var g = selectie.gemeenten[i];
    return "Gemeente " + geometrie.namen[i] + ": " + aantalTekst(g[2]) + (g[3] ? ", mogelijk nog " + g[3] : "");
  }

  // Keyboard: the map is one tab stop (the active municipality); arrow keys move to the nearest municipality in
  // that direction, Enter or Space opens its projects as a click does.
  function zetActief(i, focus) {
    paden[actief].setAttribute("tabindex", "-1");
    actief = i;
    paden[i].setAttribute("tabindex", "0");
    if (focus) { paden[i].focus(); }
  }

  function buur(i, toets) {
    var richting = {ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1]}[toets];
    var a = middens[i], beste = -1, score = Infinity;
    middens.forEach(function (b, j) {
      var dx = (b[0] - a[0]) * 0.62, dy = b[1] - a[1];
      var langs = dx * richting[0] + dy * richting[1], dwars = Math.abs(dx * richting[1] - dy * richting[0]);
      if (j !== i && langs > 1e-4 && langs + 2.5 * dwars < score) { score = langs + 2.5 * dwars; beste = j; }
    });
    return beste;
  }

  function klik(i) {
    zetActief(i, false);
    stuur("setComponentValue", {value: geometrie.codes[i], dataType: "json"});
  }

  function tekenGemeenten() {
    if (vormen) { vormen.remove(); }
    paden = [];
    var positie = {};
    geometrie.codes.forEach(function (code, i) { positie[code] = i; });
    vormen = L.geoJSON(decodeer(geometrie.gemeenten), {
      style: {fillColor: "#f2f2f2", fillOpacity: 0.9, color: "#ffffff", weight: 0.6, opacity: 1},
      onEachFeature: function (f, laag) {
        var i = positie[f.id];
        laag.skwIndex = i;
        laag.bindTooltip("", {sticky: true, className: "skw-tip"});
        laag.on("mouseover", function () { laag.setStyle({weight: 2, color: "#222222"}); });
        laag.on("mouseout", function () { laag.setStyle(rand(i)); });
        laag.on("click", function () { klik(i); });
      }
    }).addTo(kaart);
    middens = geometrie.codes.map(function () { return null; });
    vormen.eachLayer(function (laag) {
      var i = laag.skwIndex, el = laag.getElement(), c = laag.getBounds().getCenter();
      middens[i] = [c.lng, c.lat];
      paden[i] = el;
      el.setAttribute("role", "button");
      el.setAttribute("tabindex", "-1");
      el.setAttribute("data-gemeente", geometrie.codes[i]);
      el.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          klik(i);
        } else if (e.key in {ArrowRight: 1, ArrowLeft: 1, ArrowUp: 1, ArrowDown: 1}) {
          e.preventDefault();
          e.stopPropagation();
          var j = buur(i, e.key);
          if (j >= 0) { zetActief(j, true); }
        }
      });
      el.addEventListener("focus", function () {
        // No bringToFront here: moving the element between mousedown and mouseup would swallow the click.
        laag.setStyle({weight: 2, color: "#222222"});
        laag.openTooltip(laag.getBounds().getCenter());
      });
      el.addEventListener("blur", function () { laag.setStyle(rand(i)); laag.closeTooltip(); });
    });
    gepast = false;
  }

  function tekenLagen() {
    overlays.forEach(function (o) { o.remove(); });
    overlays = [];
    selectie.lagen.forEach(function (laag) {
      laag.stijlen.forEach(function (s) {
        overlays.push(L.geoJSON(decodeer(JSON.parse(JSON.stringify(geometrie[laag.geometrie]))), {
          interactive: false,
          filter: function (f) { return !laag.verzekeraar || f.properties.verzekeraar === laag.verzekeraar; },
          style: function (f) {
            var stijl = Object.assign({}, s);
            if (stijl.color === null) { stijl.color = selectie.kleuren[f.properties.verzekeraar]; }
            return stijl;
          }
        }).addTo(kaart));
      });
    });
    lagenSleutel = JSON.stringify(selectie.lagen);
  }

  // The country fills the frame; the legend stands beside the map on the page, so it covers no municipality.
  function pas() {
    var maat = kaart.getSize();
    if (!maat.x || !maat.y) { return; }
    kaart.fitBounds(geometrie.omtrek, {padding: [10, 10], animate: false});
    gepast = true;
  }

  function kleur() {
    var wortel = null;
    vormen.eachLayer(function (laag) {
      var i = laag.skwIndex, g = selectie.gemeenten[i];
      if (!wortel && laag._renderer) { wortel = laag._renderer._container; }
      laag.setStyle(Object.assign({fillColor: selectie.vullingen[g[1]][0]}, rand(i)));
      laag.setTooltipContent(tooltip(i));
      paden[i].setAttribute("aria-label", label(i));
    });
    // Hatched fills are SVG patterns in the renderer's own <defs>, replaced per selection.
    var defs = wortel.querySelector("defs.skw-vullingen");
    if (!defs) {
      defs = document.createElementNS("http://www.w3.org/2000/svg", "defs");
      defs.setAttribute("class", "skw-vullingen");
      wortel.insertBefore(defs, wortel.firstChild);
    }
    defs.innerHTML = selectie.patronen;
  }

  function focusOp(code) {
    var i = code === null ? -1 : geometrie.codes.indexOf(code);
    focusCode = code;
    focusIndex = i;
    if (i < 0) { return; }
    vormen.eachLayer(function (laag) {
      if (laag.skwIndex === i) {
        kaart.fitBounds(laag.getBounds(), {padding: [40, 40], maxZoom: 10, animate: false});
        laag.bringToFront();
      }
    });
    zetActief(i, false);
  }

  // The labels of a filter selection as one comparable text.
  function keuzeSleutel(gekozen) {
    return JSON.stringify(Object.keys(gekozen).sort().map(function (veld) { return [veld, gekozen[veld].slice().sort()]; }));
  }

  // The chips (their options, as aria-label) of the one multiselect titled ``titel`` in ``invoer``, or null.
  function chips(invoer, titel) {
    var gevonden = invoer.filter(function (el) {
      return el.getAttribute("role") === "combobox" && el.getAttribute("aria-label") === titel;
    });
    var vak = gevonden.length === 1 ? gevonden[0].closest('[data-testid="stMultiSelectTagsContainer"]') : null;
    if (!vak) { return null; }
    return Array.prototype.map.call(vak.querySelectorAll("[data-tag]"), function (chip) {
      return chip.getAttribute("aria-label");
    });
  }

  // Whether the rest of the sidebar still shows what the model was made for (dashboard.zijbalk.stand_buiten): the
  // other multiselects empty, the radio groups at the given option, the toggles as given. A group or toggle that is
  // not on the page (a "Combineren" switch appears with a second label) holds.
  function restGelijk(invoer, vast) {
    var leeg = vast.leeg.every(function (titel) { var c = chips(invoer, titel); return c !== null && !c.length; });
    var keuzes = invoer.every(function (el) {
      var groep = el.type === "radio" ? el.closest('[role="radiogroup"]') : null;
      var titel = groep ? groep.getAttribute("aria-label") : null;
      return !el.checked || !(titel in vast.keuzes) || el.value === String(vast.keuzes[titel]);
    });
    var schakelaars = invoer.every(function (el) {
      var titel = el.getAttribute("aria-label");
      return el.type !== "checkbox" || !(titel in vast.schakelaars) || el.checked === vast.schakelaars[titel];
    });
    return leeg && keuzes && schakelaars;
  }

  // The labels the sidebar shows per field of the filter model, or null when that cannot be read without doubt
  // (exactly one multiselect per title) or the rest of the sidebar no longer shows what the model was made for.
  function zijbalkKeuze() {
    var velden = args.filtermodel.velden, uit = {}, invoer;
    try {
      invoer = Array.prototype.slice.call(window.parent.document.querySelectorAll('[data-testid="stSidebar"] input'));
    } catch (e) { return null; }
    if (!restGelijk(invoer, args.filtermodel.vast)) { return null; }
    for (var veld in velden) {
      uit[veld] = chips(invoer, velden[veld]);
      if (uit[veld] === null) { return null; }
    }
    return uit;
  }

  // The sidebar changed: when it shows other labels than the map, draw the map of those labels now, saying that
  // the legend and figures beside it follow; the script run the change started sends the server's map of the same
  // labels, which replaces this one and the note (toon). Back at the labels of that map, it is drawn again as is.
  function volgZijbalk() {
    // The model and the geometry of the same arguments (a new year loads both anew).
    if (!model || !selectie || !args.filtermodel || geladen !== args.bestand) { return; }
    var gekozen = zijbalkKeuze(), melding = document.getElementById("melding"), nieuw;
    var sleutel = gekozen && keuzeSleutel(gekozen);
    if (!gekozen || sleutel === getoond) { return; }
    getoond = sleutel;
    if (getoond === keuzeSleutel(args.filtermodel.gekozen)) {
      nieuw = args.selectie;
      melding.textContent = "";
    } else {
      nieuw = skwFiltermodel.selectie(model, geometrie.codes.length, gekozen);
      if (!nieuw) {  // no project counts: the page replaces this map by a message
        melding.textContent = args.filtermodel.meldingen.geen;
        return;
      }
      nieuw.lagen = selectie.lagen;
      nieuw.kleuren = selectie.kleuren;
      melding.textContent = args.filtermodel.meldingen.bijwerken;
    }
    selectie = nieuw;
    kleur();
    zelfGekleurd += 1;
    zelfMoment = performance.timeOrigin + performance.now();
  }

  // Fetch the filter model of the arguments (once per file) and watch the sidebar; without a model (another map,
  // compare mode, other label filters) or when it cannot be fetched, the frame draws only the server's maps.
  function laadFiltermodel() {
    var bron = args.filtermodel;
    if (!bron) {
      model = modelBestand = null;
      if (waarnemer) { waarnemer.disconnect(); waarnemer = null; }
      return;
    }
    if (!waarnemer) {
      var zijbalk = null;
      try { zijbalk = window.parent.document.querySelector('[data-testid="stSidebar"]'); } catch (e) { zijbalk = null; }
      if (zijbalk) {
        waarnemer = new MutationObserver(volgZijbalk);
        waarnemer.observe(zijbalk, {childList: true, subtree: true});
      }
    }
    if (bron.bestand === modelBestand) { return; }
    modelBestand = bron.bestand;
    model = null;
    fetch(bron.bestand).then(function (antwoord) {
      if (!antwoord.ok) { throw new Error(antwoord.status); }
      return antwoord.json();
    }).then(function (inhoud) {
      if (modelBestand === bron.bestand) { model = inhoud; }
    }).catch(function (fout) {
      console.warn("kaart: geen filtermodel (" + fout + "); de kaart volgt de server");
      // The next render tries again (the server writes a removed model file anew).
      if (modelBestand === bron.bestand) { modelBestand = null; }
    });
  }

  function toon() {
    selectie = args.selectie;
    getoond = args.filtermodel ? keuzeSleutel(args.filtermodel.gekozen) : null;
    if (lagenSleutel !== JSON.stringify(selectie.lagen)) { tekenLagen(); }
    kleur();
    if (!gepast) { pas(); }
    if ((args.focus || null) !== focusCode) {
      focusOp(args.focus || null);
      kleur();
    }
    if (paden[actief].getAttribute("tabindex") !== "0") { zetActief(actief, false); }
    document.getElementById("melding").textContent = "";
    // The sidebar may have moved on while this run ran (or a click reran only the map's part with the old labels).
    volgZijbalk();
  }

  function maakKaart() {
    kaart = L.map("kaart", {zoomSnap: 0.25, keyboard: false, attributionControl: false, zoomControl: true});
    // A first view, so the shapes are added (and get their elements) as soon as they arrive; pas() fits it.
    kaart.setView([52.2, 5.3], 7);
    L.control.scale({imperial: false}).addTo(kaart);
    kaart.on("resize", function () { if (geometrie) { pas(); } });
    // Compare mode: maps of one group on the page pan and zoom together (same-origin sibling frames).
    kaart.on("moveend", function () {
      if (volgend || !args || !args.groep) { return; }
      var midden = kaart.getCenter(), zoom = kaart.getZoom();
      window.parent.document.querySelectorAll("iframe").forEach(function (f) {
        var ander = null;
        try { ander = f.contentWindow && f.contentWindow.skwKaart; } catch (e) { ander = null; }
        if (ander && f.contentWindow !== window && ander.groep() === args.groep) { ander.volg(midden, zoom); }
      });
    });
  }

  function render(nieuw) {
    args = nieuw;
    try { window.frameElement.title = args.naam; } catch (e) { /* not embedded: nothing to name */ }
    stuur("setFrameHeight", {height: args.hoogte});
    if (!kaart) { maakKaart(); }
    if (args.bestand === bestand) {
      if (geometrie) { toon(); }
      laadFiltermodel();
      return;
    }
    bestand = args.bestand;
    document.getElementById("melding").textContent = "Kaart laden…";
    fetch(bestand).then(function (antwoord) {
      if (!antwoord.ok) { throw new Error(antwoord.status); }
      return antwoord.json();
    }).then(function (inhoud) {
      if (bestand !== args.bestand) { return; }
      geometrie = inhoud;
      geladen = bestand;
      lagenSleutel = null;
      focusCode = null;
      focusIndex = -1;
      actief = 0;
      tekenGemeenten();
      toon();
    }).catch(function (fout) {
      console.error("kaart: " + fout);
      document.getElementById("melding").textContent = "De kaart kon niet worden geladen; laad de pagina opnieuw.";
    });
    // After the geometry: the first map waits for that, not for the model.
    laadFiltermodel();
  }

  window.addEventListener("message", function (e) {
    if (e.data && e.data.type === "streamlit:render") { render(e.data.args); }
  });

  // For the other map of a comparison and for checks from outside the frame.
  window.skwKaart = {
    groep: function () { return args ? args.groep : null; },
    volg: function (midden, zoom) {
      volgend = true;
      kaart.setView(midden, zoom, {animate: false});
      volgend = false;
    },
    zoom: function () { return kaart ? kaart.getZoom() : null; },
    midden: function () { return kaart ? kaart.getCenter() : null; },
    zelfGekleurd: function () { return zelfGekleurd; },
    // When the frame last recoloured from the sidebar, in ms since the Unix epoch (any frame's clock converts).
    zelfMoment: function () { return zelfMoment; },
    filtermodel: function () { return model !== null; },
    kaart: function () { return kaart; }
  };
  stuur("componentReady", {apiVersion: 1});
}());
