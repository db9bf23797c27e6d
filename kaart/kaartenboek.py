"""The kaartenboek: every map of the dashboard in one self-contained HTML file that works offline.

The book is one page: a table of contents, client-side filters (theme, insurer), one chapter per page of the
dashboard with its interactive maps, the project list with source quotes, and the sources with the date of the data.
Leaflet (``static/leaflet``), the municipal geometry (:func:`kaart.stijl.gemeentelaag`, EPSG:4326, delta-coded)
and the overlay borders are inlined once and shared by all maps; each map only carries a class per municipality,
its legend, Analyse sentences, caveat and source line, all taken from the same model the app draws
(:func:`kaart.model.kaartbeeld`, :func:`tekst.analysetekst.feiten`).

For the client-side filters every map also carries a small class model: a bitmask per counted project and the
class text and fill per mask, in legend order (see :func:`klassenmodel`). The browser ORs the masks of the projects
*certainly* in a municipality that pass the filter; a municipality reached only through ``deel`` areas is
*mogelijk* (grey, hatched in black, with the legend row "mogelijk: ... (circa N van M gemeenten)"), combinations are
drawn in their members' own label colours (first as fill, the others hatched, :mod:`kaart.vulling`) and every
municipality with a project gets the :data:`palet.kleuren.RAND_KLEUR` outline, so the classes, fills and legend it
computes are those :func:`kaart.model.kaartbeeld` computes for the same selection; the tests check both paths against
each other. Text is HTML-escaped in the browser
(``textContent``) or here, never interpreted.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pandas as pd

from classify import bronnen, combinaties, leerlijnen, precisie, vocab, zekerheid
from geo import geodata
from kaart import boekleerlijnen, combinatiekleuren, leerlijnkaart, model, presentatie, stijl, vulling
from kaart.model import GEEN_KERNWERKGEBIED, GEEN_PROJECT, Kaartbeeld, KaartSpec, projecten_voor
from palet.kleuren import GEEN_PROJECT_KLEUR, RAND_KLEUR, VERSUS_OVERIG_KLEUR, labelkleur, verzekeraarkleur
from tekst import analysetekst, brontekst, getallen, leerlijntekst

LEAFLET = Path(__file__).resolve().parents[1] / "static" / "leaflet"
SCRIPT = Path(__file__).with_name("kaartenboek.js")
FILTERSCRIPT = Path(__file__).with_name("web") / "filtermodel.js"
"""The dashboard map's class texts, shared with the kaartenboek's own script."""
STIJL = Path(__file__).with_name("kaartenboek.css")

TITEL = "Kaartenboek samenwerking zorgverzekeraars en gemeenten"

_LAAGNAAM = {"wmo_regio": "grens Wmo-regio", "provincie": "provinciegrens"}


@dataclass(frozen=True)
class Boekkaart:
    """One map of the book: what it draws (``spec``), under which chapter, with which overlay layers."""

    hoofdstuk: str
    spec: KaartSpec
    lagen: tuple[str, ...] = ("wmo_regio",)


def boekspecs(themas: Sequence[str] = ()) -> list[KaartSpec]:
    """Every map of the book in the order of the dashboard's pages.

    ``themas`` are the themes of the theme maps (stored names); empty means all six. Overzicht (all projects
    without minima contracts, kernwerkgebieden), Inhoudelijk (per theme: total, samenwerkingsvorm, instrumenteel),
    Instrumenteel and Samenwerkingsvorm ("label: thema versus overig" for every label and theme), Geografisch (the
    combination map of all projects and per theme) and Zorgverzekeraars (the projects of each insurer).
    """
    themas = list(themas) or list(vocab.AS_INHOUD.namen)
    specs = [KaartSpec("totaal", zonder_minima=True), KaartSpec("kernwerkgebied")]
    for thema in themas:
        specs.append(KaartSpec("totaal", as_code="inhoud", label=thema))
        specs += [
            KaartSpec("combinatie", as_code=as_code, tweede_as="inhoud", tweede_label=thema)
            for as_code in ("intensiteit", "instrument")
        ]
    for as_ in (vocab.AS_INSTRUMENT, vocab.AS_INTENSITEIT):
        specs += [
            KaartSpec("versus", as_code=as_.code, label=label.naam, tweede_as="inhoud", tweede_label=thema)
            for label in as_.labels
            for thema in themas
        ]
    specs.append(KaartSpec("combinatie", as_code="geografie"))
    specs += [KaartSpec("combinatie", as_code="geografie", tweede_as="inhoud", tweede_label=thema) for thema in themas]
    specs += [KaartSpec("verzekeraar", label=naam, zonder_minima=True) for naam in vocab.VERZEKERAAR_NAMEN]
    return specs


def boekkaart(spec: KaartSpec, lagen: Sequence[str] = ("wmo_regio",)) -> Boekkaart:
    """``spec`` in the chapter of the dashboard page that shows it; an insurer's map also draws its own
    kernwerkgebied over ``lagen`` (as on the page Zorgverzekeraars)."""
    lagen = tuple(lagen)
    if spec.soort == "verzekeraar":
        eigen = tuple(laag for laag in lagen if not laag.startswith("kernwerkgebied"))
        return Boekkaart("Zorgverzekeraars", spec, (*eigen, f"kernwerkgebied:{spec.label}"))
    if spec.soort == "versus":
        return Boekkaart("Instrumenteel" if spec.as_code == "instrument" else "Samenwerkingsvorm", spec, lagen)
    if spec.as_code == "geografie" or spec.tweede_as == "geografie":
        return Boekkaart("Geografisch", spec, lagen)
    if spec.as_code or spec.tweede_as:
        return Boekkaart("Inhoudelijk", spec, lagen)
    return Boekkaart("Overzicht", spec, lagen)


def analyse_as(spec: KaartSpec) -> str:
    """The axis the Analyse panel counts labels on, as the dashboard's pages pass it: a combination map's own axis,
    else the themes."""
    return spec.as_code if spec.soort == "combinatie" else "inhoud"


def analysezinnen(
    eigen: pd.DataFrame,
    alle: pd.DataFrame,
    koppeling: pd.DataFrame,
    gemeenten: pd.DataFrame,
    as_code: str,
    graaf: nx.DiGraph | None = None,
    ketens: Sequence[leerlijnen.Keten] | None = None,
) -> list[str]:
    """The Analyse panel for the projects ``eigen`` a map counts: computed facts along ``as_code``
    (:func:`tekst.analysetekst.feiten`) and what they scale up along the lineages of all projects ``alle``.

    ``graaf`` and ``ketens`` may be given when already built (:func:`classify.leerlijnen.graaf` of ``alle`` and its
    chains); the dashboard and the book show the same sentences.
    """
    graaf = leerlijnen.graaf(alle) if graaf is None else graaf
    ketens = leerlijnen.ketens(graaf) if ketens is None else ketens
    zinnen = analysetekst.feiten(eigen, koppeling, gemeenten, as_code)
    return zinnen + leerlijntekst.opschalingszinnen(leerlijnen.opschaling(graaf, eigen["project_id"], ketens))


def _masker(as_: vocab.As, waarde) -> int:
    """The bitmask of one project's value on ``as_`` (bit ``i`` = ``as_.labels[i]``), as in
    :mod:`classify.combinaties`."""
    return sum({1 << as_.volgorde(naam) for naam in as_.namen_van(waarde)})


def klassenmodel(kaartbeeld: Kaartbeeld, projecten: pd.DataFrame) -> dict:
    """How the browser recomputes a map's classes for a subset of ``projecten`` (the book's projects).

    ``kaartbeeld`` is the map computed for ``projecten``. Returns ``{"soort", "maskers": {project_id: mask},
    "tabel": [[mask, klasse, vulling], ...], "leeg", "letop"}``: a municipality's class is the row of the OR of the
    masks of the counted projects (``projecten_voor``) *certainly* there; without one it is *mogelijk* when a
    counted project may be there (a ``deel`` area), else ``leeg``. Rows are in legend order; a combination's fill
    is its members' own label colours (:func:`kaart.combinatiekleuren.kleuren_van`, never its rank on the map), as
    :func:`kaart.model.kaartbeeld` draws it. ``letop`` is the caveat a combination map shows when a class combines
    labels (:func:`kaart.model.let_op`).
    """
    spec = kaartbeeld.spec
    geteld = projecten_voor(spec, projecten)
    ids = geteld["project_id"].tolist()
    if spec.soort == "combinatie":
        as_ = vocab.as_voor(spec.as_code)
        maskers = [_masker(as_, waarde) for waarde in geteld[as_.kolom]]
        alle_maskers = combinaties.volgorde(as_, range(1, 1 << len(as_.labels)))
        tabel = [
            [m, combinaties.combinatie(as_, m), vulling.vulling(combinatiekleuren.kleuren_van(as_, m))]
            for m in alle_maskers
        ]
        return {
            "soort": "combinatie",
            "maskers": dict(zip(ids, map(int, maskers), strict=True)),
            "tabel": tabel,
            "leeg": GEEN_PROJECT,
            "letop": model.let_op(spec.as_code, spec.tweede_label),
        }
    if spec.soort == "versus":
        eigen = vocab.as_voor(spec.as_code).label(spec.label)
        thema = vocab.as_voor(spec.tweede_as).label(spec.tweede_label)
        heeft = projecten_voor(KaartSpec("totaal", as_code=spec.tweede_as, label=spec.tweede_label), geteld)
        met = set(heeft["project_id"])
        maskers = {pid: 3 if pid in met else 1 for pid in ids}
        tabel = [
            [3, f"{eigen.legenda}: {thema.legenda}", labelkleur(thema)],
            [1, f"{eigen.legenda}: {combinaties.OVERIG}", VERSUS_OVERIG_KLEUR],
        ]
        return {"soort": "vast", "maskers": maskers, "tabel": tabel, "leeg": GEEN_PROJECT, "letop": ""}
    if spec.soort in ("totaal", "verzekeraar"):
        # One class, the map's own (a filter can only take municipalities out of it); possible ones are mogelijk.
        klasse, kleur = model.enkele_klasse(spec)
        return {
            "soort": "vast",
            "maskers": dict.fromkeys(ids, 1),
            "tabel": [[1, klasse, kleur]],
            "leeg": GEEN_PROJECT,
            "letop": "",
        }
    if spec.soort == "kernwerkgebied":
        # Classes do not depend on projects; the counted projects (all) still fill tooltips and click lists.
        return {
            "soort": "gebied",
            "maskers": dict.fromkeys(ids, 0),
            "tabel": [],
            "leeg": GEEN_KERNWERKGEBIED,
            "letop": "",
        }
    raise ValueError(f"kaartsoort {spec.soort!r} staat niet in het kaartenboek")


class GeenKaarten(ValueError):
    """No map of the book counts a project in the selection."""


@dataclass(frozen=True)
class Boek:
    """A built book: the HTML file's contents (UTF-8) and the maps left out because they count no project."""

    inhoud: bytes
    kaarten: tuple[Kaartbeeld, ...]
    overgeslagen: tuple[str, ...] = ()


def kaartenboek(
    kaarten: Sequence[Boekkaart],
    projecten: pd.DataFrame,
    alle: pd.DataFrame,
    koppeling: pd.DataFrame,
    gemeenten: pd.DataFrame,
    *,
    jaar: int,
    selectie: str = "alle projecten",
    bronregister: Mapping[str, bronnen.Bron] | None = None,
    concessie: Mapping[str, str | None] | None = None,
) -> Boek:
    """Build the book of ``kaarten`` for the (already filtered) ``projecten``.

    ``alle`` are all stored projects (the lineages behind the Analyse sentences); ``koppeling`` [project_id,
    gemeente_code] and ``gemeenten`` [gemeente_code, gemeente_naam, wmo_regio, kernwerkgebied] belong to boundary
    year ``jaar``. Maps that count no project are left out and named in :attr:`Boek.overgeslagen`.
    ``bronregister`` (bestand -> :class:`classify.bronnen.Bron`) names the sources and dates the book by them (its
    peildatum, never the day of the export), as the app does; ``concessie`` gives the confidence of the concession
    for projects whose insurer is derived from the zorgkantoor concession. Raises :class:`GeenKaarten` when no map
    has a project.
    """
    graaf = leerlijnen.graaf(alle)
    ketens = leerlijnen.ketens(graaf)
    gebruikt: list[tuple[Boekkaart, Kaartbeeld]] = []
    overgeslagen: list[str] = []
    for kaart in kaarten:
        if kaart.spec.soort != "kernwerkgebied" and projecten_voor(kaart.spec, projecten).empty:
            overgeslagen.append(kaart.spec.sleutel)
            continue
        getekend = model.kaartbeeld(
            kaart.spec, projecten, koppeling, gemeenten, jaar=jaar, selectie=selectie, bronregister=bronregister
        )
        gebruikt.append((kaart, getekend))
    if not gebruikt or projecten.empty:
        raise GeenKaarten(f"geen projecten voor deze selectie ({selectie}) op de kaarten van het kaartenboek")
    projecten = projecten.sort_values("project_id")
    codes = stijl.dekking(jaar)["gemeente_code"].tolist()
    kaartdata = [
        _kaartdata(i, kaart, getekend, projecten, alle, koppeling, gemeenten, codes, graaf, ketens)
        for i, (kaart, getekend) in enumerate(gebruikt)
    ]
    leerlijndata = boekleerlijnen.gegevens(
        leerlijnen.ketens_met(ketens, projecten["project_id"]),
        alle,
        koppeling,
        jaar,
        codes,
        set(projecten["project_id"]),
        graaf,
        ketens,
    )
    gegevens = {
        "jaar": jaar,
        "gemeenten": _gemeentedata(gemeenten, codes),
        "projecten": _projectdata(projecten, koppeling, codes),
        "themas": list(vocab.AS_INHOUD.namen),
        "verzekeraars": list(vocab.VERZEKERAAR_NAMEN),
        "kleuren": {
            "leeg": GEEN_PROJECT_KLEUR,
            "mogelijk": vulling.MOGELIJK,
            "rand": RAND_KLEUR,
            "scheiding": vulling.SCHEIDING,
            "richtingen": list(vulling.RICHTINGEN),
            "verzekeraars": {v.naam: verzekeraarkleur(v.naam) for v in vocab.VERZEKERAARS},
        },
        "mogelijk": {"tekst": model.MOGELIJK, "max_bereik": model.MAX_BEREIK},
        "kernwerkgebiedlabel": geodata.kernwerkgebied_label(jaar),
        "omtrek": [list(hoek) for hoek in stijl.omtrek(jaar)],
        "kaarten": kaartdata,
        "leerlijnen": {k: v for k, v in leerlijndata.items() if k not in ("legenda", "tabel", "analyse")} or None,
    }
    lagen = {laag.partition(":")[0] for kaart, _ in gebruikt for laag in kaart.lagen}
    if leerlijndata:
        lagen.add("wmo_regio")
    geometrie = {"gemeenten": stijl.gemeentelaag(jaar)}
    for laag in sorted(lagen):
        geometrie[laag] = stijl.kernwerkgebiedlaag(jaar) if laag == "kernwerkgebied" else stijl.grenslaag(jaar, laag)
    pagina = _pagina(
        gebruikt,
        kaartdata,
        leerlijndata,
        gegevens,
        geometrie,
        projecten,
        jaar=jaar,
        selectie=selectie,
        register=bronregister or {},
        concessie=concessie or {},
    )
    return Boek(pagina.encode("utf-8"), tuple(v for _, v in gebruikt), tuple(overgeslagen))


def _gemeentedata(gemeenten: pd.DataFrame, codes: list[str]) -> dict:
    """Names and Wmo-regions of the municipalities in geometry order (regions listed once)."""
    rijen = gemeenten.set_index("gemeente_code").loc[codes]
    regio_s = sorted(set(rijen["wmo_regio"].astype(str)))
    return {
        "codes": codes,
        "namen": rijen["gemeente_naam"].astype(str).tolist(),
        "regio": [regio_s.index(r) for r in rijen["wmo_regio"].astype(str)],
        "regio_s": regio_s,
        "kernwerkgebied": [str(k) if isinstance(k, str) and k else "" for k in rijen["kernwerkgebied"]],
    }


def _projectdata(projecten: pd.DataFrame, koppeling: pd.DataFrame, codes: list[str]) -> dict:
    """The project–municipality table the browser filters: per project (in id order) id, title, theme index,
    insurer indices, the indices (geometry order) of the municipalities it is certainly in and of those it may be
    in (through a ``deel`` area, :func:`classify.zekerheid.is_zeker`), and for a ``deel`` project its reach
    "circa N van M gemeenten" (else null), as the map's "mogelijk" legend row names it."""
    positie = {code: i for i, code in enumerate(codes)}
    is_zeker = zekerheid.is_zeker(koppeling).to_numpy()
    paren = koppeling[["project_id", "gemeente_code"]]
    per_project = paren[is_zeker].drop_duplicates().groupby("project_id")["gemeente_code"].agg(list)
    mogelijk = paren[~is_zeker].drop_duplicates().groupby("project_id")["gemeente_code"].agg(list)
    bereik = model.bereik_per_project(projecten, koppeling[koppeling["project_id"].isin(projecten["project_id"])])
    themas = list(vocab.AS_INHOUD.namen)
    verzekeraars = list(vocab.VERZEKERAAR_NAMEN)
    return {
        "ids": projecten["project_id"].tolist(),
        "titels": projecten["titel"].astype(str).tolist(),
        "inhoud": [themas.index(t) for t in projecten["inhoud"]],
        "verzekeraars": [[verzekeraars.index(v) for v in vs] for vs in projecten["verzekeraars"]],
        "gemeenten": [sorted(positie[c] for c in per_project.get(pid, [])) for pid in projecten["project_id"]],
        "mogelijk": [sorted(positie[c] for c in mogelijk.get(pid, [])) for pid in projecten["project_id"]],
        "bereik": [bereik.get(pid) for pid in projecten["project_id"]],
    }


def _kaartdata(
    nummer: int,
    kaart: Boekkaart,
    getekend: Kaartbeeld,
    projecten: pd.DataFrame,
    alle: pd.DataFrame,
    koppeling: pd.DataFrame,
    gemeenten: pd.DataFrame,
    codes: list[str],
    graaf: nx.DiGraph,
    ketens: Sequence[leerlijnen.Keten],
) -> dict:
    """One map for the page: the app's classes per municipality (geometry order), legend, texts and class model."""
    rijen = getekend.gemeenten.set_index("gemeente_code").loc[codes]
    klassen: dict[tuple[str, str], int] = {}
    per_gemeente = [
        klassen.setdefault((k, c), len(klassen)) for k, c in zip(rijen["klasse"], rijen["kleur"], strict=True)
    ]
    model = klassenmodel(getekend, projecten)
    volgnummer = {pid: i for i, pid in enumerate(projecten["project_id"])}
    eigen = projecten_voor(kaart.spec, projecten)
    return {
        "id": f"kaart-{nummer + 1}",
        "sleutel": kaart.spec.sleutel,
        "titel": getekend.titel,
        "lagen": list(kaart.lagen),
        "klassen": [list(k) for k in klassen],
        "k": per_gemeente,
        "legenda": [[item.klasse, item.kleur, item.aantal] for item in getekend.legenda],
        "zeker": getekend.zeker,
        "mogelijk": getekend.mogelijk,
        "letop": bool(getekend.waarschuwing),
        "model": {**model, "maskers": {str(volgnummer[pid]): m for pid, m in model["maskers"].items()}},
        "analyse": analysezinnen(eigen, alle, koppeling, gemeenten, analyse_as(kaart.spec), graaf, ketens),
    }


def _e(tekst: object) -> str:
    return html.escape(str(tekst))


def _scriptjson(waarde) -> str:
    """JSON for inside a ``<script>``: no ``</`` can close the element early."""
    return json.dumps(waarde, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def _anker(tekst: str) -> str:
    return "h-" + "".join(c if c.isalnum() else "-" for c in tekst.lower()).strip("-")


def _pagina(
    gebruikt: list[tuple[Boekkaart, Kaartbeeld]],
    kaartdata: list[dict],
    leerlijndata: dict,
    gegevens: dict,
    geometrie: dict[str, str],
    projecten: pd.DataFrame,
    *,
    jaar: int,
    selectie: str,
    register: Mapping[str, bronnen.Bron],
    concessie: Mapping[str, str | None],
) -> str:
    hoofdstukken: dict[str, list[tuple[Boekkaart, Kaartbeeld, dict]]] = {}
    for (kaart, getekend), data in zip(gebruikt, kaartdata, strict=True):
        hoofdstukken.setdefault(kaart.hoofdstuk, []).append((kaart, getekend, data))
    # Dated by the sources of the projects on the maps, as the presentation is.
    getoond = {pid for _, v in gebruikt for ids in v.gemeenten["project_ids"] for pid in ids}
    datum = brontekst.peildatum(projecten.loc[projecten["project_id"].isin(getoond), "bron"], register)
    inhoud = []
    for hoofdstuk, kaarten in hoofdstukken.items():
        items = "".join(f'<li><a href="#{d["id"]}">{_e(v.titel)}</a></li>' for _, v, d in kaarten)
        inhoud.append(f'<li><a href="#{_anker(hoofdstuk)}">{_e(hoofdstuk)}</a> <ol>{items}</ol></li>')
    if leerlijndata:
        inhoud.append(
            f'<li><a href="#h-leerlijnen">Leerlijnen</a> <ol><li><a href="#leerlijnen">'
            f"{_e(boekleerlijnen.TITEL)}</a></li></ol></li>"
        )
    inhoud.append('<li><a href="#projecten">Projecten met broncitaat</a></li>')
    inhoud.append('<li><a href="#bronnen">Bronnen en peildatum</a></li>')
    secties = []
    for hoofdstuk, kaarten in hoofdstukken.items():
        artikelen = "".join(_kaartartikel(kaart, getekend, data, jaar) for kaart, getekend, data in kaarten)
        secties.append(
            f'<section class="hoofdstuk" id="{_anker(hoofdstuk)}" aria-labelledby="{_anker(hoofdstuk)}-kop">'
            f'<h2 id="{_anker(hoofdstuk)}-kop">{_e(hoofdstuk)}</h2>{artikelen}</section>'
        )
    if leerlijndata:
        secties.append(boekleerlijnen.artikel(leerlijndata, datum))
    themas = "".join(f'<option value="{i}">{_e(naam)}</option>' for i, naam in enumerate(vocab.AS_INHOUD.namen))
    verzekeraars = "".join(f'<option value="{i}">{_e(naam)}</option>' for i, naam in enumerate(vocab.VERZEKERAAR_NAMEN))
    geo = ",".join(_scriptjson(naam) + ":" + tekst.replace("</", "<\\/") for naam, tekst in geometrie.items())
    leaflet = (LEAFLET / "leaflet.js").read_text("utf-8").replace("</", "<\\/")
    return f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy"
content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>{_e(TITEL)}</title>
<style>{(LEAFLET / "leaflet.css").read_text("utf-8")}</style>
<style>{STIJL.read_text("utf-8")}</style>
</head>
<body>
<a class="overslaan" href="#inhoud">Naar de inhoudsopgave</a>
<header>
<h1>{_e(TITEL)}</h1>
<p>Selectie bij het maken: {_e(selectie)} · gemeentelijke indeling {jaar} · {len(kaartdata)} kaarten ·
peildatum van de bronnen: {_e(datum)}</p>
<p>Dit boek werkt zonder internet: alle kaarten, grenzen en projecten zitten in dit ene bestand. Beweeg over een
gemeente voor de details, klik (of kies met het toetsenbord) voor haar projecten; zoom met + en −.</p>
</header>
<nav id="inhoud" aria-labelledby="inhoud-kop"><h2 id="inhoud-kop">Inhoud</h2><ol>{"".join(inhoud)}</ol></nav>
<section id="filters" aria-labelledby="filters-kop">
<h2 id="filters-kop">Filters</h2>
<p>De filters werken in dit bestand zelf: ze beperken de projecten op alle kaarten, in de tabellen en in de
projectenlijst. De Analyse-zinnen gelden voor de selectie bij het maken van het boek.</p>
<div class="filterrij">
<label for="filter-thema">Thema</label>
<select id="filter-thema"><option value="">alle thema's</option>{themas}</select>
<label for="filter-verzekeraar">Zorgverzekeraar</label>
<select id="filter-verzekeraar"><option value="">alle zorgverzekeraars</option>{verzekeraars}</select>
</div>
<p id="filterstatus" role="status" aria-live="polite"></p>
</section>
<main>
{"".join(secties)}
{_projectensectie(projecten, register, concessie)}
{_bronnensectie(getoond, projecten, jaar=jaar, datum=datum, register=register)}
</main>
<script>{leaflet}</script>
<script>var BOEK = {_scriptjson(gegevens)};
var GEOMETRIE = {{{geo}}};
var DECODEER = {stijl.DECODEER_JS};</script>
<script>{FILTERSCRIPT.read_text("utf-8")}</script>
<script>{SCRIPT.read_text("utf-8")}</script>
</body>
</html>
"""


def _kaartartikel(kaart: Boekkaart, getekend: Kaartbeeld, data: dict, jaar: int) -> str:
    """One map: heading, subtitle, map with legend, click panel, caveat, Analyse, source line and table."""
    kenmerk = data["id"]
    # The caveat follows the classes shown: the filters can add or remove a class that combines labels.
    letop = (
        f'<p class="letop" id="{kenmerk}-letop" role="note"{"" if getekend.waarschuwing else " hidden"}>'
        f"{_e(getekend.waarschuwing or data['model']['letop'])}</p>"
        if getekend.waarschuwing or data["model"]["letop"]
        else ""
    )
    zinnen = "".join(f"<li>{_e(zin)}</li>" for zin in data["analyse"])
    lagen = []
    for laag in kaart.lagen:
        basis, _, verzekeraar = laag.partition(":")
        if basis == "kernwerkgebied":
            lagen.append(f"gestippeld: kernwerkgebied {verzekeraar} ({geodata.kernwerkgebied_label(jaar)})")
        else:
            lagen.append(_LAAGNAAM[basis])
    beschrijving = (
        f"Kaart van de {len(data['k'])} gemeenten van {jaar}: {getekend.titel}. Lijnen: "
        f"{', '.join(lagen)}. De tabel onder de kaart geeft dezelfde gegevens per gemeente."
    )
    return f"""<article class="kaart" id="{kenmerk}" data-sleutel="{_e(data["sleutel"])}"
aria-labelledby="{kenmerk}-kop">
<h3 id="{kenmerk}-kop">{_e(getekend.titel)}</h3>
<p class="ondertitel">{_e(getekend.ondertitel)}</p>
<p class="filternoot" id="{kenmerk}-filter" role="status" hidden></p>
<div class="kaartvak">
<div class="leafletkaart" id="{kenmerk}-kaart" role="application" tabindex="0" aria-label="{_e(beschrijving)}"
aria-describedby="{kenmerk}-legenda"></div>
<div class="zijkant">
<div class="legenda" id="{kenmerk}-legenda" aria-label="Legenda"></div>
<div class="klik" id="{kenmerk}-klik" aria-live="polite"><p>Klik op een gemeente voor de lijst van haar
projecten.</p></div>
</div>
</div>
<p><label for="{kenmerk}-kies">Gemeente kiezen</label> <select id="{kenmerk}-kies" class="kies"></select></p>
{letop}
<div class="analyse"><h4>Analyse</h4><ul>{zinnen}</ul></div>
<p class="bron">{_e(getekend.bronregel)}</p>
<details class="tabel"><summary>Tabel bij deze kaart</summary><div class="tabelvak"></div></details>
</article>
"""


def _projectensectie(
    projecten: pd.DataFrame, register: Mapping[str, bronnen.Bron], concessie: Mapping[str, str | None]
) -> str:
    """Every project of the book with its labels, source and verbatim quote, as the app's detail view shows them: an
    insurer derived from the zorgkantoor concession and a project in part of its area say so. The filters hide
    what they leave out."""
    delen = []
    for rij in projecten.itertuples(index=False):
        bron = f"{brontekst.bronvermelding(rij.bron, register)} (bestand {rij.bron})"
        periode = leerlijntekst.periode_tekst(rij.startjaar, rij.eindjaar)
        gebied = leerlijnkaart.plaatsnaam(rij.gebied, int(rij.indeling_jaar))
        delen.append(f"""<article class="project" id="project-{_e(rij.project_id)}">
<h3>{_e(rij.project_id)} – {_e(rij.titel)}</h3>
<p>{_e(rij.omschrijving)}</p>
<dl>
<dt>Zorgverzekeraar</dt><dd>{_e(", ".join(rij.verzekeraars))}{_concessienoot(rij, concessie)}</dd>
<dt>Gebied</dt><dd>{_e(gebied)} (indeling {int(rij.indeling_jaar)}){_deelnoot(rij)}</dd>
<dt>Inhoud</dt><dd>{_e(rij.inhoud)}</dd>
<dt>Instrument</dt><dd>{_e(", ".join(rij.instrumenten))}</dd>
<dt>Samenwerkingsvorm</dt><dd>{_e(rij.intensiteit)}</dd>
<dt>Geografie</dt><dd>{_e(rij.geografie)}</dd>
<dt>Looptijd</dt><dd>{_e(periode)}</dd>
</dl>
<blockquote class="citaat">{_e(brontekst.zonder_nadruk(rij.bron_citaat))}</blockquote>
<p class="bron">Bron: {_e(bron)}</p>
</article>""")
    return (
        f'<section id="projecten" aria-labelledby="projecten-kop"><h2 id="projecten-kop">Projecten met '
        f'broncitaat</h2><p id="projectentelling">{getallen.aantal(len(projecten), "project", "projecten")}.</p>'
        f"{''.join(delen)}</section>"
    )


def _concessienoot(rij, concessie: Mapping[str, str | None]) -> str:
    """The note of a derived insurer, worded as in the app's detail view."""
    if getattr(rij, "verzekeraar_herkomst", precisie.BRON) != precisie.CONCESSIE:
        return ""
    zekerheid = concessie.get(rij.project_id) or "onbekend"
    return (
        f'<br><small class="afgeleid">niet genoemd in de bron; afgeleid als concessiehouder van het zorgkantoor in '
        f"2017 (zekerheid {_e(zekerheid)})</small>"
    )


def _deelnoot(rij) -> str:
    """The note of a project in part of its named area, with the quote that says so, as in the app."""
    if getattr(rij, "gebied_precisie", precisie.VOLLEDIG) != precisie.DEEL:
        return ""
    aantal = getattr(rij, "aantal_gemeenten_bron", None)
    hoeveel = f"circa {int(aantal)} gemeenten" if aantal is not None and not pd.isna(aantal) else "een deel"
    citaat = getattr(rij, "precisie_citaat", "")
    return (
        f'<br><small class="afgeleid">deel: volgens de bron loopt het project in {hoeveel} van dit gebied, zonder ze '
        f"te noemen; alleen genoemde gemeenten zijn zeker</small>"
        + (f'<blockquote class="deelcitaat">{_e(citaat)}</blockquote>' if citaat else "")
    )


def _bronnensectie(
    getoond: set[str],
    projecten: pd.DataFrame,
    *,
    jaar: int,
    datum: str,
    register: Mapping[str, bronnen.Bron],
) -> str:
    per_bron = projecten[projecten["project_id"].isin(getoond)].groupby("bron")["project_id"].nunique().sort_index()
    regels = [presentatie.AEF_RAPPORT]
    for bestand, aantal in per_bron.items():
        naam = f"{brontekst.bronvermelding(bestand, register)} (bestand {bestand})"
        regels.append(f"{naam}: {aantal} {'project' if aantal == 1 else 'projecten'} op deze kaarten.")
    regels += [
        (
            f"Gemeentegrenzen: CBS/PDOK gebiedsindeling {jaar} (CC-BY 4.0), bewerkt; Wmo-regio's volgens het "
            f"AEF-rapport; {geodata.kernwerkgebied_label(jaar)}."
        ),
        (
            f"Projectendatabase samenwerkingskaarten: {len(getoond)} projecten op deze kaarten; peildatum van de "
            f"bronnen {datum}."
        ),
        "Kaartbibliotheek: Leaflet (BSD-2-licentie), in dit bestand opgenomen.",
    ]
    lijst = "".join(f"<li>{_e(r)}</li>" for r in regels)
    return (
        f'<section id="bronnen" aria-labelledby="bronnen-kop"><h2 id="bronnen-kop">Bronnen en peildatum'
        f"</h2><ul>{lijst}</ul></section>"
    )
