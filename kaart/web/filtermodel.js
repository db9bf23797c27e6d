// The total map under the sidebar filters Inhoud and Zorgverzekeraar, computed in the frame from the model of
// kaart/filtermodel.py (which says when it applies): the selection kaart/kaartframe.py selectie() sends for the
// same filters, so the frame can recolour before the script run's own map arrives and replaces it.
var skwFiltermodel = (function () {
  "use strict";

  // A project counts when, per field with chosen labels, it has one of them (classify.filters.toepassen).
  function telt(project, gekozen) {
    return Object.keys(gekozen).every(function (veld) {
      var labels = gekozen[veld];
      return !labels.length || project[veld].some(function (label) { return labels.indexOf(label) >= 0; });
    });
  }

  // The "(circa N van M gemeenten)" of the "mogelijk" class (kaart.model._bereik), for the counted deel projects.
  function bereik(model, geteld) {
    var delen = geteld.filter(function (p) { return p.bereik !== null; });
    if (delen.length <= 1) { return delen.length ? delen[0].bereik : ""; }
    var tekst = delen.slice(0, model.max_bereik).map(function (p) { return p.id + " " + p.bereik; }).join("; ");
    var rest = delen.length - model.max_bereik;
    if (rest > 0) { tekst += "; en nog " + rest + " " + (rest === 1 ? "project" : "projecten") + ", zie de gemeente"; }
    return tekst;
  }

  // The selection (kaart/kaartframe.py selectie, without layers) of the map on ``aantal`` municipalities for the
  // labels ``gekozen`` ({veld: [names]}), or null when no project counts (the page then shows no map).
  function selectie(model, aantal, gekozen) {
    var geteld = model.projecten.filter(function (p) { return telt(p, gekozen); });
    if (!geteld.length) { return null; }
    var zeker = [], mogelijk = [];
    for (var g = 0; g < aantal; g += 1) { zeker.push([]); mogelijk.push([]); }
    geteld.slice().sort(function (a, b) { return a.rang - b.rang; }).forEach(function (p) {
      p.zeker.forEach(function (i) { zeker[i].push(p); });
      p.mogelijk.forEach(function (i) { mogelijk[i].push(p); });
    });
    var tekst = bereik(model, geteld);
    var klassen = [model.klasse, tekst ? model.mogelijk + " (" + tekst + ")" : model.mogelijk, model.leeg];
    var uit = {klassen: [], vullingen: [], patronen: "", titels: [], gemeenten: []};
    var klasseIndex = {}, vullingIndex = {}, titelIndex = {};
    function index(waarde, lijst, plaats) {
      if (!(waarde in plaats)) { plaats[waarde] = lijst.length; lijst.push(waarde); }
      return plaats[waarde];
    }
    zeker.forEach(function (eigen, i) {
      var n = eigen.length, m = mogelijk[i].length, soort = n ? 0 : (m ? 1 : 2);
      var titels = eigen.map(function (p) { return p.titel; })
        .concat(mogelijk[i].map(function (p) { return p.titel_mogelijk; })).slice(0, model.max_titels);
      var rij = [index(klassen[soort], uit.klassen, klasseIndex), index(soort, uit.vullingen, vullingIndex), n, m];
      titels.forEach(function (t) { rij.push(index(t, uit.titels, titelIndex)); });
      uit.gemeenten.push(rij);
    });
    // Fills numbered by first use, as the server numbers them (the number goes into a pattern's id).
    uit.vullingen = uit.vullingen.map(function (soort, nummer) {
      var vulling = model.vullingen[soort];
      uit.patronen += vulling[1].split("{}").join(nummer);
      return [vulling[0][0].split("{}").join(nummer), vulling[0][1], vulling[0][2]];
    });
    return uit;
  }

  return {selectie: selectie, telt: telt};
}());
