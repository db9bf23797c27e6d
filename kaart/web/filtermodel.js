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

  // The class of municipalities only possibly reached (kaart.model.kaartbeeld): ``tekst`` with "(circa N van M
  // gemeenten)" of the counted deel projects ``delen`` ([{id, bereik}] in map order), the first ``maxBereik`` by id
  // when there are several (kaart.model._bereik). Shared with the kaartenboek.
  function mogelijkeKlasse(tekst, maxBereik, delen) {
    var bereik = delen.length ? delen[0].bereik : "";
    if (delen.length > 1) {
      bereik = delen.slice(0, maxBereik).map(function (p) { return p.id + " " + p.bereik; }).join("; ");
      var rest = delen.length - maxBereik;
      if (rest > 0) { bereik += "; en nog " + rest + " " + (rest === 1 ? "project" : "projecten") + ", zie de gemeente"; }
    }
    return bereik ? tekst + " (" + bereik + ")" : tekst;
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
    var delen = geteld.filter(function (p) { return p.bereik !== null; });
    var klassen = [model.klasse, mogelijkeKlasse(model.mogelijk, model.max_bereik, delen), model.leeg];
    var uit = {klassen: [], vullingen: [], patronen: "", titels: [], gemeenten: []};
    // Without a prototype: a title such as "constructor" is a key like any other.
    var klasseIndex = Object.create(null), vullingIndex = Object.create(null), titelIndex = Object.create(null);
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

  return {selectie: selectie, mogelijkeKlasse: mogelijkeKlasse};
}());
