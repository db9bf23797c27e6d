// The kaartenboek in the browser: shared geometry decoded once, maps drawn when they come into view, classes
// recomputed for the theme and insurer filters from the inlined project–municipality table.
(function () {
  "use strict";
  var B = BOEK, G = B.gemeenten, P = B.projecten, K = B.kleuren;
  var MAX_TITELS = 3;
  var vormen = DECODEER(GEOMETRIE.gemeenten);
  var lagen = {};
  var getekend = {};
  var filter = {thema: null, verzekeraar: null};

  // Projects certainly in and possibly in (a "deel" area) each municipality, in project id order (the order of P).
  var perGemeente = G.codes.map(function () { return []; });
  var perGemeenteMogelijk = G.codes.map(function () { return []; });
  P.gemeenten.forEach(function (gemeenten, p) {
    gemeenten.forEach(function (g) { perGemeente[g].push(p); });
  });
  P.mogelijk.forEach(function (gemeenten, p) {
    gemeenten.forEach(function (g) { perGemeenteMogelijk[g].push(p); });
  });
  var positie = {};
  G.codes.forEach(function (code, g) { positie[code] = g; });

  function laag(naam) {
    if (!lagen[naam]) { lagen[naam] = DECODEER(GEOMETRIE[naam]); }
    return lagen[naam];
  }

  function ontsnap(tekst) {
    return String(tekst).replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
    });
  }

  // Fills (kaart.vulling): "#0072B2" is one colour, "#009E73|#CC79A7" the first with hatching in the next ones,
  // one direction each; drawn as SVG patterns (the map) and stripes (the legend), as the app draws them.
  function vulkleuren(v) { return String(v).split(K.scheiding); }

  function arcering(richting, s) {
    var h = s / 2;
    var schuin = "M0 " + s + "L" + s + " 0M" + (-h) + " " + h + "L" + h + " " + (-h) + "M" + h + " " + (s + h) + "L" +
      (s + h) + " " + h;
    var tegen = "M0 0L" + s + " " + s + "M" + (-h) + " " + h + "L" + h + " " + (s + h) + "M" + h + " " + (-h) + "L" +
      (s + h) + " " + h;
    return {"/": schuin, "\\": tegen, "|": "M" + h + " 0V" + s, "-": "M0 " + h + "H" + s, "x": schuin + tegen}[richting];
  }

  function patroon(v, id) {
    var kleuren = vulkleuren(v), stap = 6;
    var uit = '<pattern id="' + ontsnap(id) + '" patternUnits="userSpaceOnUse" width="' + stap + '" height="' + stap +
      '"><rect width="' + stap + '" height="' + stap + '" fill="' + ontsnap(kleuren[0]) + '"/>';
    kleuren.slice(1).forEach(function (kleur, i) {
      if (i < K.richtingen.length) {
        uit += '<path d="' + arcering(K.richtingen[i], stap) + '" stroke="' + ontsnap(kleur) + '" stroke-width="1.6"/>';
      }
    });
    return uit + "</pattern>";
  }

  function achtergrond(v) {
    var kleuren = vulkleuren(v), lagen = [];
    kleuren.slice(1).forEach(function (kleur, i) {
      if (i < K.richtingen.length) {
        var hoek = {"/": 45, "\\": -45, "|": 90, "-": 0, "x": 67.5}[K.richtingen[i]];
        lagen.unshift("repeating-linear-gradient(" + hoek + "deg," + kleur + " 0 1.5px,transparent 1.5px 4px)");
      }
    });
    lagen.push(kleuren[0]);
    return lagen.join(",");
  }

  // Outline: every municipality with a (certain or possible) project in the dark RAND_KLEUR, the others white.
  function rand(v) { return v === K.leeg ? {color: "#ffffff", weight: 0.6} : {color: K.rand, weight: 1.0}; }

  // The "mogelijk" legend text: the reach of the counted deel projects (web/filtermodel.js, as on the dashboard).
  function mogelijkTekst(projecten) {
    var delen = projecten.filter(function (p) { return P.bereik[p] !== null; }).map(function (p) {
      return {id: P.ids[p], bereik: P.bereik[p]};
    });
    return skwFiltermodel.mogelijkeKlasse(B.mogelijk.tekst, B.mogelijk.max_bereik, delen);
  }

  function getal(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "."); }

  function filterActief() { return filter.thema !== null || filter.verzekeraar !== null; }

  function telt(p) {
    return (filter.thema === null || P.inhoud[p] === filter.thema) &&
      (filter.verzekeraar === null || P.verzekeraars[p].indexOf(filter.verzekeraar) >= 0);
  }

  // The map's classes for the current filter: per municipality class, fill and counted projects (certain first,
  // then possible ones; "mogelijk" counts the latter), the legend, the number of municipalities with a certain
  // project ("zeker") and with only possible ones ("mogelijk"), and whether the caveat applies ("letop").
  // Without a filter these are the classes the app computed (embedded as they are).
  function klassen(kaart) {
    var model = kaart.model, uit = {klasse: [], kleur: [], projecten: [], mogelijk: [], legenda: null, zeker: 0,
      aantalMogelijk: 0, letop: false};
    var geteld = function (p) { return (p in model.maskers) && telt(p); };
    var zeker = G.codes.map(function (code, g) { return perGemeente[g].filter(geteld); });
    var mogelijk = G.codes.map(function (code, g) {
      var hier = zeker[g];
      return perGemeenteMogelijk[g].filter(function (p) { return geteld(p) && hier.indexOf(p) < 0; });
    });
    zeker.forEach(function (eigen, g) { uit.projecten.push(eigen.concat(mogelijk[g])); uit.mogelijk.push(mogelijk[g].length); });
    if (!filterActief() || model.soort === "gebied") {
      kaart.k.forEach(function (i) { uit.klasse.push(kaart.klassen[i][0]); uit.kleur.push(kaart.klassen[i][1]); });
      uit.legenda = kaart.legenda;
      uit.zeker = kaart.zeker;
      uit.aantalMogelijk = kaart.mogelijk;
      uit.letop = kaart.letop;
      return uit;
    }
    var rij = {};
    model.tabel.forEach(function (r, i) { rij[r[0]] = i; });
    var maskers = zeker.map(function (eigen) {
      return eigen.reduce(function (m, p) { return m | model.maskers[p]; }, 0);
    });
    var aantallen = {};
    maskers.forEach(function (m) { if (m) { aantallen[m] = (aantallen[m] || 0) + 1; } });
    // One fill per class, from the model's table: a combination in its members' own label colours, never by rank.
    var legenda = model.tabel.filter(function (r) { return aantallen[r[0]]; }).map(function (r) {
      if (model.soort === "combinatie" && vulkleuren(r[2]).length > 1) { uit.letop = Boolean(model.letop); }
      return [r[1], r[2], aantallen[r[0]]];
    });
    var mogelijkKlasse = null, nMogelijk = 0;
    if (maskers.some(function (m, g) { return !m && mogelijk[g].length; })) {
      var deel = Object.keys(model.maskers).map(Number).filter(function (p) { return telt(p); });
      deel.sort(function (a, b) { return a - b; });
      mogelijkKlasse = mogelijkTekst(deel);
    }
    var leeg = 0;
    maskers.forEach(function (m, g) {
      if (m) {
        uit.klasse.push(model.tabel[rij[m]][1]);
        uit.kleur.push(model.tabel[rij[m]][2]);
        uit.zeker += 1;
      } else if (mogelijk[g].length) {
        uit.klasse.push(mogelijkKlasse);
        uit.kleur.push(K.mogelijk);
        nMogelijk += 1;
      } else {
        uit.klasse.push(model.leeg);
        uit.kleur.push(K.leeg);
        leeg += 1;
      }
    });
    if (nMogelijk) { legenda.push([mogelijkKlasse, K.mogelijk, nMogelijk]); }
    if (leeg) { legenda.push([model.leeg, K.leeg, leeg]); }
    uit.aantalMogelijk = nMogelijk;
    uit.legenda = legenda;
    return uit;
  }

  function heeftProjecten(kaart) {
    if (kaart.model.soort === "gebied") { return true; }
    return Object.keys(kaart.model.maskers).some(function (p) { return telt(+p); });
  }

  function titel(p, mogelijk) {
    return mogelijk ? P.titels[p] + " (mogelijk: " + (P.bereik[p] || "in een deel van het gebied") + ")" : P.titels[p];
  }

  function tooltip(g, k) {
    var eigen = k.projecten[g], n = eigen.length, m = k.mogelijk[g], z = n - m;
    var tekst = "<b>" + ontsnap(G.namen[g]) + "</b> (" + ontsnap(G.codes[g]) + ")<br>Wmo-regio: " +
      ontsnap(G.regio_s[G.regio[g]]) + "<br>" + ontsnap(k.klasse[g]) + "<br>" + z + (z === 1 ? " project" : " projecten");
    if (m) { tekst += ", mogelijk nog " + m; }
    eigen.slice(0, MAX_TITELS).forEach(function (p, i) { tekst += "<br>• " + ontsnap(titel(p, i >= z)); });
    if (n > MAX_TITELS) { tekst += "<br>en nog " + (n - MAX_TITELS); }
    return tekst;
  }

  function legenda(i, k) {
    var kaart = B.kaarten[i], vak = document.getElementById(kaart.id + "-legenda");
    var html = "";
    k.legenda.forEach(function (r) {
      html += '<div class="rij"><span class="vlak" style="background:' + ontsnap(achtergrond(r[1])) + '"></span><span>' +
        ontsnap(r[0]) + '</span><span class="n">' + getal(r[2]) + "</span></div>";
    });
    kaart.lagen.forEach(function (naam) {
      var delen = naam.split(":");
      if (delen[0] === "kernwerkgebied") {
        var namen = delen[1] ? [delen[1]] : B.verzekeraars.filter(function (v) { return G.kernwerkgebied.indexOf(v) >= 0; });
        namen.forEach(function (v) {
          html += '<div class="rij"><span class="lijn" style="border-top:2.5px dashed ' +
            ontsnap(delen[1] ? "#222222" : K.verzekeraars[v]) + '"></span><span>kernwerkgebied ' + ontsnap(v) +
            "</span></div>";
        });
      } else {
        html += '<div class="rij"><span class="lijn" style="border-top:1.6px solid #333333"></span><span>' +
          (delen[0] === "wmo_regio" ? "grens Wmo-regio" : "provinciegrens") + "</span></div>";
      }
    });
    if (kaart.model.soort === "gebied" || kaart.lagen.some(function (n) { return n.indexOf("kernwerkgebied") === 0; })) {
      html += '<div class="noot">' + ontsnap(B.kernwerkgebiedlabel) + "</div>";
    }
    vak.innerHTML = html;
    var letop = document.getElementById(kaart.id + "-letop");
    if (letop) { letop.hidden = !k.letop; }
  }

  function toon(i, g) {
    var kaart = B.kaarten[i], k = getekend[i] ? getekend[i].k : klassen(kaart);
    var vak = document.getElementById(kaart.id + "-klik");
    vak.textContent = "";
    var kop = document.createElement("p");
    var naam = document.createElement("strong");
    naam.textContent = G.namen[g];
    kop.appendChild(naam);
    kop.appendChild(document.createTextNode(" (" + G.codes[g] + ", Wmo-regio " + G.regio_s[G.regio[g]] + "): " +
      k.klasse[g]));
    vak.appendChild(kop);
    var eigen = k.projecten[g];
    if (!eigen.length) {
      var geen = document.createElement("p");
      geen.textContent = "Geen projecten in deze gemeente voor deze selectie.";
      vak.appendChild(geen);
      return;
    }
    var lijst = document.createElement("ul");
    lijst.className = "projectlijst";
    var z = eigen.length - k.mogelijk[g];
    eigen.forEach(function (p, i) {
      var item = document.createElement("li"), link = document.createElement("a");
      link.href = "#project-" + P.ids[p];
      link.textContent = P.ids[p] + " – " + titel(p, i >= z);
      item.appendChild(link);
      lijst.appendChild(item);
    });
    vak.appendChild(lijst);
  }

  function tabel(i) {
    var kaart = B.kaarten[i], details = document.querySelector("#" + kaart.id + " details.tabel");
    if (!details.open) { return; }
    var k = getekend[i] ? getekend[i].k : klassen(kaart);
    var volgorde = G.codes.map(function (c, g) { return g; });
    volgorde.sort(function (a, b) { return G.namen[a].localeCompare(G.namen[b], "nl"); });
    var rijen = volgorde.map(function (g) {
      return "<tr><th scope=\"row\">" + ontsnap(G.namen[g]) + "</th><td>" + ontsnap(G.codes[g]) + "</td><td>" +
        ontsnap(G.regio_s[G.regio[g]]) + "</td><td>" + ontsnap(k.klasse[g]) + "</td><td>" + k.projecten[g].length +
        "</td></tr>";
    });
    details.querySelector(".tabelvak").innerHTML = "<table><caption>" + ontsnap(kaart.titel) +
      ": klasse en aantal projecten per gemeente</caption><thead><tr><th scope=\"col\">Gemeente</th>" +
      "<th scope=\"col\">Code</th><th scope=\"col\">Wmo-regio</th><th scope=\"col\">Klasse</th>" +
      "<th scope=\"col\">Projecten</th></tr></thead><tbody>" + rijen.join("") + "</tbody></table>";
  }

  function kleur(i) {
    var staat = getekend[i], kaart = B.kaarten[i];
    var k = klassen(kaart);
    staat.k = k;
    // Hatched fills are SVG patterns in the map's own <defs> (ids unique in the book), replaced per filter.
    var vullingen = {}, patronen = "";
    k.kleur.forEach(function (v) {
      if (!(v in vullingen)) {
        if (vulkleuren(v).length > 1) {
          var id = kaart.id + "-vulling-" + Object.keys(vullingen).length;
          patronen += patroon(v, id);
          vullingen[v] = "url(#" + id + ")";
        } else {
          vullingen[v] = v;
        }
      }
    });
    var eerste = true;
    staat.geo.eachLayer(function (l) {
      if (eerste && l._renderer) {
        var wortel = l._renderer._container, defs = wortel.querySelector("defs.skw-vullingen");
        if (!defs) {
          defs = document.createElementNS("http://www.w3.org/2000/svg", "defs");
          defs.setAttribute("class", "skw-vullingen");
          wortel.insertBefore(defs, wortel.firstChild);
        }
        defs.innerHTML = patronen;
        eerste = false;
      }
      var g = positie[l.feature.id], r = rand(k.kleur[g]);
      l.skwRand = r;
      l.setStyle({fillColor: vullingen[k.kleur[g]], color: r.color, weight: r.weight});
      l.setTooltipContent(tooltip(g, k));
    });
    legenda(i, k);
  }

  function teken(i) {
    if (getekend[i]) { return; }
    var kaart = B.kaarten[i], vak = document.getElementById(kaart.id + "-kaart");
    var map = L.map(vak, {zoomSnap: 0.25, attributionControl: false, keyboard: true});
    var geo = L.geoJSON(vormen, {
      style: {fillColor: K.leeg, fillOpacity: 0.9, color: "#ffffff", weight: 0.6, opacity: 1,
              className: "skw-gemeente"},
      onEachFeature: function (f, l) {
        l.bindTooltip("", {sticky: true, className: "skw-tip"});
        l.on("mouseover", function () { l.setStyle({weight: 2, color: "#222222"}); });
        l.on("mouseout", function () { l.setStyle(l.skwRand || {weight: 0.6, color: "#ffffff"}); });
        l.on("click", function () { toon(i, positie[f.id]); });
      }
    }).addTo(map);
    kaart.lagen.forEach(function (naam) {
      var delen = naam.split(":");
      if (delen[0] === "kernwerkgebied") {
        // One insurer's area is drawn dark (its own colour may be the fill underneath), all areas in their colour.
        var alleen = function (f) { return !delen[1] || f.properties.verzekeraar === delen[1]; };
        var lijnkleur = function (f) { return delen[1] ? "#222222" : K.verzekeraars[f.properties.verzekeraar]; };
        L.geoJSON(laag("kernwerkgebied"), {interactive: false, filter: alleen,
          style: {fill: false, color: "#ffffff", weight: 5, opacity: 0.85}}).addTo(map);
        L.geoJSON(laag("kernwerkgebied"), {interactive: false, filter: alleen, style: function (f) {
          return {fill: false, color: lijnkleur(f), weight: 2.5, dashArray: "7 5", opacity: 1};
        }}).addTo(map);
      } else {
        var stijl = delen[0] === "wmo_regio" ? {color: "#333333", weight: 1.6, opacity: 0.9}
          : {color: "#000000", weight: 2.6, opacity: 0.9};
        L.geoJSON(laag(delen[0]), {interactive: false, style: Object.assign({fill: false}, stijl)}).addTo(map);
      }
    });
    map.fitBounds(B.omtrek, {padding: [8, 8], animate: false});
    getekend[i] = {map: map, geo: geo};
    kleur(i);
    kiezer(i);
    vak.setAttribute("data-getekend", "ja");
  }

  // The municipality list of a map is filled when the map is drawn or the list gets focus: filling all of them at
  // once would add tens of thousands of options to the page while it opens.
  function kiezer(i) {
    var kaart = B.kaarten[i], kies = document.getElementById(kaart.id + "-kies");
    if (kies.options.length > 1) { return; }
    var volgorde = G.codes.map(function (c, g) { return g; });
    volgorde.sort(function (a, b) { return G.namen[a].localeCompare(G.namen[b], "nl"); });
    var opties = '<option value="">– kies een gemeente –</option>';
    volgorde.forEach(function (g) {
      opties += '<option value="' + g + '">' + ontsnap(G.namen[g]) + "</option>";
    });
    kies.innerHTML = opties;
  }

  function filterTekst() {
    var delen = [];
    if (filter.thema !== null) { delen.push("thema " + B.themas[filter.thema]); }
    if (filter.verzekeraar !== null) { delen.push("zorgverzekeraar " + B.verzekeraars[filter.verzekeraar]); }
    return delen.join(", ");
  }

  function pasFilterToe() {
    var zichtbaar = 0;
    B.kaarten.forEach(function (kaart, i) {
      var artikel = document.getElementById(kaart.id), toont = heeftProjecten(kaart);
      artikel.hidden = !toont;
      var inhoud = document.querySelector('nav a[href="#' + kaart.id + '"]');
      if (inhoud) { inhoud.parentNode.hidden = !toont; }
      if (toont) { zichtbaar += 1; }
      if (toont && getekend[i]) { kleur(i); }
      var noot = document.getElementById(kaart.id + "-filter");
      noot.hidden = !filterActief() || kaart.model.soort === "gebied";
      if (!noot.hidden) {
        var geteld = Object.keys(kaart.model.maskers).filter(function (p) { return telt(+p); }).length;
        noot.textContent = "Filter in dit boek: " + filterTekst() + " – " + geteld +
          (geteld === 1 ? " project" : " projecten") + " op deze kaart.";
      }
      tabel(i);
      artikel.classList.toggle("gefilterd", filterActief());
    });
    if (LL) { llFilter(); }
    var projecten = 0;
    P.ids.forEach(function (id, p) {
      var artikel = document.getElementById("project-" + id), toont = telt(p);
      artikel.hidden = !toont;
      if (toont) { projecten += 1; }
    });
    document.getElementById("projectentelling").textContent = projecten + (projecten === 1 ? " project." : " projecten.");
    document.getElementById("filterstatus").textContent = projecten
      ? projecten + (projecten === 1 ? " project" : " projecten") + " op " + zichtbaar + " kaarten."
      : "Geen projecten voor deze selectie.";
  }

  // --- Leerlijnen: chains shown whole when one of their projects is selected; fill = earliest stage there.
  var LL = B.leerlijnen, leerlijnkaart = null;

  function lltelt(p) {
    return LL.projecten.in_boek[p] && (filter.thema === null || LL.projecten.inhoud[p] === filter.thema) &&
      (filter.verzekeraar === null || LL.projecten.verzekeraars[p].indexOf(filter.verzekeraar) >= 0);
  }

  function llZichtbaar() {
    return LL.ketens.map(function (keten) { return keten.some(lltelt); });
  }

  // Per municipality the chain projects of the visible chains there, in id order; a project only possibly there
  // (a "deel" area) is in llMogelijk[g] too and gives no stage.
  var llMogelijk = G.codes.map(function () { return {}; });

  function llGemeenten(zichtbaar) {
    var inKeten = {};
    LL.ketens.forEach(function (keten, k) {
      if (zichtbaar[k]) { keten.forEach(function (p) { inKeten[p] = true; }); }
    });
    var uit = G.codes.map(function () { return []; });
    llMogelijk = G.codes.map(function () { return {}; });
    LL.projecten.ids.forEach(function (id, p) {
      if (inKeten[p]) {
        LL.projecten.gemeenten[p].forEach(function (g) { uit[g].push(p); });
        LL.projecten.mogelijk[p].forEach(function (g) { uit[g].push(p); llMogelijk[g][p] = true; });
      }
    });
    uit.forEach(function (eigen) { eigen.sort(function (a, b) { return a - b; }); });
    return uit;
  }

  // The earliest stage of the projects certainly in municipality g, or null when they are all only possible.
  function llVroegste(g, eigen) {
    var zeker = eigen.filter(function (p) { return !llMogelijk[g][p]; });
    return zeker.length ? Math.min.apply(null, zeker.map(function (p) { return LL.projecten.fase[p]; })) : null;
  }

  function llKleur() {
    var zichtbaar = llZichtbaar(), hier = llGemeenten(zichtbaar);
    leerlijnkaart.hier = hier;
    leerlijnkaart.geo.eachLayer(function (l) {
      var g = positie[l.feature.id], eigen = hier[g];
      if (!eigen.length) {
        l.setStyle({fillColor: K.leeg, fillOpacity: 1});
        l.unbindTooltip();
        return;
      }
      var vroegste = llVroegste(g, eigen);
      l.setStyle(vroegste === null ? {fillColor: "url(#leerlijnen-mogelijk)", fillOpacity: LL.dekking}
        : {fillColor: LL.fasekleuren[vroegste], fillOpacity: LL.dekking});
      var tekst = "<b>" + ontsnap(G.namen[g]) + "</b> (" + ontsnap(G.codes[g]) + ")";
      eigen.forEach(function (p) {
        tekst += "<br>" + ontsnap(LL.projecten.ids[p]) + " – " + ontsnap(LL.fasen[LL.projecten.fase[p]]) + ": " +
          ontsnap(LL.projecten.titels[p]) + (llMogelijk[g][p] ? " (mogelijk: deel van het gebied)" : "");
      });
      l.unbindTooltip();
      l.bindTooltip(tekst, {sticky: true, className: "skw-tip"});
    });
    leerlijnkaart.pijlen.forEach(function (pijl) {
      var toont = pijl.ketens.some(function (k) { return zichtbaar[k]; });
      pijl.lagen.forEach(function (laag) {
        if (toont) { laag.addTo(leerlijnkaart.map); } else { laag.remove(); }
      });
    });
  }

  function llToon(g) {
    var vak = document.getElementById("leerlijnen-klik"), eigen = leerlijnkaart.hier[g];
    vak.textContent = "";
    var kop = document.createElement("p"), naam = document.createElement("strong");
    naam.textContent = G.namen[g];
    kop.appendChild(naam);
    kop.appendChild(document.createTextNode(eigen.length ? ": projecten in een leerlijn" : ": geen leerlijnproject"));
    vak.appendChild(kop);
    var lijst = document.createElement("ul");
    lijst.className = "projectlijst";
    eigen.forEach(function (p) {
      var item = document.createElement("li"), tekst = LL.projecten.ids[p] + " – " + LL.projecten.titels[p];
      if (LL.projecten.in_boek[p]) {
        var link = document.createElement("a");
        link.href = "#project-" + LL.projecten.ids[p];
        link.textContent = tekst;
        item.appendChild(link);
      } else {
        item.textContent = tekst + " (buiten de selectie van dit boek)";
      }
      lijst.appendChild(item);
    });
    if (eigen.length) { vak.appendChild(lijst); }
  }

  function tekenLeerlijnen() {
    if (leerlijnkaart) { return; }
    var vak = document.getElementById("leerlijnen-kaart");
    var map = L.map(vak, {zoomSnap: 0.25, attributionControl: false, keyboard: true});
    var geo = L.geoJSON(vormen, {
      style: {fillColor: K.leeg, fillOpacity: 1, color: "#ffffff", weight: 0.6, opacity: 1,
              className: "skw-gemeente"},
      onEachFeature: function (f, l) {
        l.on("mouseover", function () { l.setStyle({weight: 2, color: "#222222"}); });
        l.on("mouseout", function () { l.setStyle({weight: 0.6, color: "#ffffff"}); });
        l.on("click", function () { llToon(positie[f.id]); });
      }
    }).addTo(map);
    L.geoJSON(laag("wmo_regio"), {interactive: false,
      style: {fill: false, color: "#555555", weight: 1.2, opacity: 0.8}}).addTo(map);
    var pijlen = LL.pijlen.map(function (p) {
      var halo = L.polyline(p.lijn, {color: "#ffffff", weight: 7, opacity: 0.9, interactive: false});
      var lijn = L.polyline(p.lijn, {color: p.kleur, weight: 3.5, opacity: 1, lineCap: "butt", className: "skw-pijl"});
      var kop = L.polygon(p.kop, {color: "#ffffff", weight: 1, fillColor: p.kleur, fillOpacity: 1});
      lijn.bindTooltip(p.tekst, {sticky: true, className: "skw-tip"});
      kop.bindTooltip(p.tekst, {sticky: true, className: "skw-tip"});
      return {ketens: p.ketens, lagen: [halo, lijn, kop]};
    });
    var eerste = geo.getLayers()[0];
    if (eerste && eerste._renderer) {
      // The hatching of possible municipalities, as on the page: an SVG pattern in the renderer's own <defs>.
      var defs = document.createElementNS("http://www.w3.org/2000/svg", "defs");
      defs.innerHTML = patroon(K.mogelijk, "leerlijnen-mogelijk");
      eerste._renderer._container.insertBefore(defs, eerste._renderer._container.firstChild);
    }
    map.fitBounds(B.omtrek, {padding: [8, 8], animate: false});
    leerlijnkaart = {map: map, geo: geo, pijlen: pijlen, hier: null};
    llKleur();
    vak.setAttribute("data-getekend", "ja");
  }

  function llFilter() {
    var zichtbaar = llZichtbaar(), aantal = zichtbaar.filter(Boolean).length;
    document.getElementById("leerlijnen").hidden = aantal === 0;
    var inhoud = document.querySelector('nav a[href="#h-leerlijnen"]');
    if (inhoud) { inhoud.parentNode.hidden = aantal === 0; }
    document.querySelectorAll("#leerlijnen tr[data-keten]").forEach(function (rij) {
      rij.hidden = !zichtbaar[+rij.getAttribute("data-keten")];
    });
    document.getElementById("leerlijnen").classList.toggle("gefilterd", filterActief());
    if (leerlijnkaart) { llKleur(); }
  }

  function leesFilter(id) {
    var waarde = document.getElementById(id).value;
    return waarde === "" ? null : +waarde;
  }

  ["filter-thema", "filter-verzekeraar"].forEach(function (id) {
    document.getElementById(id).addEventListener("change", function () {
      filter = {thema: leesFilter("filter-thema"), verzekeraar: leesFilter("filter-verzekeraar")};
      pasFilterToe();
    });
  });

  var waarnemer = "IntersectionObserver" in window ? new IntersectionObserver(function (items) {
    items.forEach(function (item) {
      if (item.isIntersecting) {
        if (item.target.id === "leerlijnen-kaart") { tekenLeerlijnen(); } else { teken(+item.target.getAttribute("data-nummer")); }
        waarnemer.unobserve(item.target);
      }
    });
  }, {rootMargin: "400px 0px"}) : null;

  B.kaarten.forEach(function (kaart, i) {
    var vak = document.getElementById(kaart.id + "-kaart");
    vak.setAttribute("data-nummer", i);
    var kies = document.getElementById(kaart.id + "-kies");
    kies.addEventListener("focus", function () { kiezer(i); });
    kies.addEventListener("change", function () { if (kies.value !== "") { toon(i, +kies.value); } });
    document.querySelector("#" + kaart.id + " details.tabel").addEventListener("toggle", function () { tabel(i); });
    if (waarnemer) { waarnemer.observe(vak); } else { teken(i); }
  });
  if (LL) {
    if (waarnemer) { waarnemer.observe(document.getElementById("leerlijnen-kaart")); } else { tekenLeerlijnen(); }
  }
  pasFilterToe();

  // For checks from outside the page (and the browser tests): draw a map now, read its classes, set the filters.
  window.kaartenboek = {
    teken: teken,
    klassen: function (i) { return klassen(B.kaarten[i]); },
    leerlijnen: function () {
      tekenLeerlijnen();
      return leerlijnkaart.hier.map(function (eigen, g) {
        if (!eigen.length) { return null; }
        var vroegste = llVroegste(g, eigen);
        return vroegste === null ? LL.mogelijk : LL.fasen[vroegste];
      });
    },
    klikLeerlijn: function (code) {
      tekenLeerlijnen();
      leerlijnkaart.geo.eachLayer(function (l) { if (l.feature.id === code) { l.fire("click"); } });
    },
    zoom: function (i) { return getekend[i] ? getekend[i].map.getZoom() : null; },
    filter: function (thema, verzekeraar) {
      document.getElementById("filter-thema").value = thema === null ? "" : String(thema);
      document.getElementById("filter-verzekeraar").value = verzekeraar === null ? "" : String(verzekeraar);
      filter = {thema: thema, verzekeraar: verzekeraar};
      pasFilterToe();
    }
  };
}());
