"""The kaartenboek: one self-contained HTML file whose maps are the app's maps (same classes, legends, Analyse)."""

import html
import json
import re

import pytest

import projectdb
from classify import filters as flt
from classify import precisie, vocab, zekerheid
from dashboard import export
from dashboard.export import main
from kaart import kaartenboek, stijl
from kaart.model import MOGELIJK, KaartSpec
from projectdb import bronnen
from tekst import brontekst, selectietekst

MAX_BYTES = 3 * 1024 * 1024


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    pad = tmp_path_factory.mktemp("db") / "samenwerking.sqlite"
    projectdb.open_store(pad)
    return pad


def _maak(tmp_path, monkeypatch, db, *argv) -> str:
    monkeypatch.setenv("SAMENWERKING_DB", str(db))
    uit = tmp_path / "kaartenboek.html"
    assert main([*argv, "--as", "html", str(uit)]) == 0
    return uit.read_text("utf-8")


def boekdata(tekst: str) -> dict:
    """The data object the book's script reads (``var BOEK = {...};``)."""
    (gevonden,) = re.findall(r"var BOEK = (\{.*?\});\n", tekst)
    return json.loads(gevonden.replace("<\\/", "</"))


@pytest.fixture(scope="module")
def volledig(tmp_path_factory, db):
    mp = pytest.MonkeyPatch()
    try:
        return _maak(tmp_path_factory.mktemp("boek"), mp, db, "--thema", "alle")
    finally:
        mp.undo()


def test_full_book_is_self_contained_and_small(volledig):
    assert len(volledig.encode("utf-8")) <= MAX_BYTES
    assert volledig.startswith("<!DOCTYPE html>") and '<html lang="nl">' in volledig
    # Nothing is fetched: no script, style, image or frame points elsewhere, and the page forbids it.
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)=", volledig)
    assert "default-src 'none'" in volledig
    # Leaflet and the municipal geometry are in the file exactly once, shared by all maps.
    assert volledig.count("Leaflet 1.") == 1
    assert volledig.count(stijl.gemeentelaag(2017).replace("</", "<\\/")) == 1


def test_every_map_kind_of_the_app_is_in_the_book(volledig):
    data = boekdata(volledig)
    soorten = {kaart["sleutel"].split("|")[0] for kaart in data["kaarten"]}
    assert soorten == {"totaal", "kernwerkgebied", "combinatie", "versus", "verzekeraar"}
    sleutels = {kaart["sleutel"] for kaart in data["kaarten"]}
    for verwacht in (
        "totaal|zonder_minima",
        "totaal|inhoud=ggz",
        "combinatie|intensiteit|inhoud=ouderen",
        "combinatie|instrument|inhoud=ouderen",
        "combinatie|geografie",
        "versus|instrument=beleid|inhoud=ggz",
        "verzekeraar|verzekeraar=vgz|zonder_minima",
    ):
        assert verwacht in sleutels
    hoofdstukken = re.findall(r'<h2 id="h-[^"]*-kop">([^<]*)</h2>', volledig)
    assert hoofdstukken == [
        "Overzicht",
        "Inhoudelijk",
        "Instrumenteel",
        "Samenwerkingsvorm",
        "Geografisch",
        "Zorgverzekeraars",
        "Leerlijnen",
    ]
    # The table of contents links every map.
    assert all(f'href="#{kaart["id"]}"' in volledig for kaart in data["kaarten"])


def _vergelijk_met_app(tekst: str, app_data, filters: flt.Filters) -> int:
    """Classes, legends and Analyse sentences of every map in the book equal the app's for ``filters``."""
    data = boekdata(tekst)
    codes = data["gemeenten"]["codes"]
    for kaart in data["kaarten"]:
        spec = KaartSpec.van_sleutel(kaart["sleutel"])
        app = app_data.kaartbeeld(spec, filters)
        assert app is not None, kaart["sleutel"]
        klasse = dict(zip(app.gemeenten["gemeente_code"], app.gemeenten["klasse"], strict=True))
        kleur = dict(zip(app.gemeenten["gemeente_code"], app.gemeenten["kleur"], strict=True))
        boek = [kaart["klassen"][i] for i in kaart["k"]]
        assert [k for k, _ in boek] == [klasse[c] for c in codes], kaart["sleutel"]
        assert [c for _, c in boek] == [kleur[c] for c in codes], kaart["sleutel"]
        assert kaart["legenda"] == [[i.klasse, i.kleur, i.aantal] for i in app.legenda]
        assert (kaart["zeker"], kaart["mogelijk"]) == (app.zeker, app.mogelijk), kaart["sleutel"]
        assert kaart["letop"] == bool(app.waarschuwing), kaart["sleutel"]
        assert kaart["analyse"] == list(app_data.analysezinnen(filters, kaartenboek.analyse_as(spec), spec))
        assert f'<h3 id="{kaart["id"]}-kop">{html.escape(app.titel)}</h3>' in tekst
        assert html.escape(app.bronregel) in tekst
        if app.waarschuwing:
            assert html.escape(app.waarschuwing) in tekst
    return len(data["kaarten"])


def test_book_maps_equal_the_apps_map_tables(volledig, app_data):
    assert _vergelijk_met_app(volledig, app_data, flt.Filters()) >= 60


def test_selection_flags_reach_the_book(tmp_path, monkeypatch, db, app_data, capsys):
    # --inhoud (older name --thema) both filters and picks the theme maps, as for the other formats.
    tekst = _maak(tmp_path, monkeypatch, db, "--thema", "ggz", "--verzekeraar", "VGZ")
    filters = flt.Filters(verzekeraars=("VGZ",), inhoud=("GGZ",))
    aantal = _vergelijk_met_app(tekst, app_data, filters)
    assert 0 < aantal < 30
    data = boekdata(tekst)
    assert {KaartSpec.van_sleutel(k["sleutel"]).tweede_label for k in data["kaarten"]} <= {"", "GGZ"}
    gekozen = app_data.gefilterd(filters)
    assert data["projecten"]["ids"] == sorted(gekozen["project_id"])
    assert f"Selectie bij het maken: {html.escape(selectietekst.beschrijving(filters))}" in tekst
    assert "overgeslagen" in capsys.readouterr().err


def test_project_list_quotes_every_project_with_its_source(volledig, db):
    """Source by publisher, title and year; a derived insurer and a project in part of its area marked as in the
    app's detail view; the book dated by the peildatum of its sources."""
    projecten = projectdb.open_store(db).projecten()
    titels = export.brontitels()
    concessie = deel = 0
    for rij in projecten.itertuples():
        blok = re.search(
            rf'<article class="project" id="project-{rij.project_id}">(.*?)</article>', volledig, re.DOTALL
        )
        assert blok, rij.project_id
        citaat = html.escape(brontekst.zonder_nadruk(rij.bron_citaat))  # the source's ** marks are not shown
        assert f'<blockquote class="citaat">{citaat}</blockquote>' in blok.group(1)
        assert html.escape(rij.bron) in blok.group(1)
        if rij.bron in titels:
            assert html.escape(titels[rij.bron]) in blok.group(1)
        afgeleid = "niet genoemd in de bron; afgeleid als concessiehouder van het zorgkantoor" in blok.group(1)
        assert afgeleid == (rij.verzekeraar_herkomst == precisie.CONCESSIE), rij.project_id
        in_deel = "deel: volgens de bron loopt het project in" in blok.group(1)
        assert in_deel == (rij.gebied_precisie == precisie.DEEL), rij.project_id
        if in_deel and rij.precisie_citaat:
            assert f'<blockquote class="deelcitaat">{html.escape(rij.precisie_citaat)}</blockquote>' in blok.group(1)
        concessie += afgeleid
        deel += in_deel
    assert concessie > 0 and deel > 0
    peildatum = bronnen.peildatum(projecten["bron"])
    assert f"peildatum van de bronnen: {html.escape(peildatum)}" in volledig
    assert "stand van de gegevens" not in volledig


def _herbereken(data: dict, kaart: dict, thema: int | None, verzekeraar: int | None) -> dict:
    """The browser's recomputation (``klassen()`` in kaartenboek.js) for a filter, rebuilt from the book's data:
    masks OR'ed over the projects certainly in a municipality, "mogelijk" where only a deel area reaches it."""
    p, model, kleuren = data["projecten"], kaart["model"], data["kleuren"]

    def telt(i: int) -> bool:
        return (
            str(i) in model["maskers"]
            and (thema is None or p["inhoud"][i] == thema)
            and (verzekeraar is None or verzekeraar in p["verzekeraars"][i])
        )

    n = len(data["gemeenten"]["codes"])
    masker, mogelijk = [0] * n, [False] * n
    for i in range(len(p["ids"])):
        if telt(i):
            for g in p["gemeenten"][i]:
                masker[g] |= model["maskers"][str(i)]
            for g in p["mogelijk"][i]:
                mogelijk[g] = True
    rijen = {m: (klasse, kleur) for m, klasse, kleur in model["tabel"]}
    deel = [i for i in range(len(p["ids"])) if telt(i) and p["bereik"][i] is not None]
    maximaal = data["mogelijk"]["max_bereik"]
    if len(deel) <= 1:
        bereik = p["bereik"][deel[0]] if deel else ""
    else:
        bereik = "; ".join(f"{p['ids'][i]} {p['bereik'][i]}" for i in deel[:maximaal])
        if len(deel) > maximaal:
            rest = len(deel) - maximaal
            bereik += f"; en nog {rest} {'project' if rest == 1 else 'projecten'}, zie de gemeente"
    tekst = f"{data['mogelijk']['tekst']} ({bereik})" if bereik else data["mogelijk"]["tekst"]
    klassen = []
    for g in range(n):
        if masker[g]:
            klassen.append(rijen[masker[g]])
        elif mogelijk[g]:
            klassen.append((tekst, kleuren["mogelijk"]))
        else:
            klassen.append((model["leeg"], kleuren["leeg"]))
    aantallen: dict[tuple[str, str], int] = {}
    for k in klassen:
        aantallen[k] = aantallen.get(k, 0) + 1
    volgorde = [tuple(rijen[m]) for m, *_ in model["tabel"]] + [(tekst, kleuren["mogelijk"])]
    volgorde.append((model["leeg"], kleuren["leeg"]))
    legenda = [[k, c, aantallen[(k, c)]] for k, c in dict.fromkeys(volgorde) if (k, c) in aantallen]
    return {
        "klassen": klassen,
        "legenda": legenda,
        "zeker": sum(1 for m in masker if m),
        "mogelijk": sum(1 for g in range(n) if not masker[g] and mogelijk[g]),
    }


@pytest.mark.parametrize(("thema", "verzekeraar"), [(None, None), (None, "VGZ"), ("GGZ", "CZ")])
def test_class_model_gives_the_apps_classes_fills_and_mogelijk(volledig, app_data, thema, verzekeraar):
    """The filters' recomputation gives every map the app's classes, fills (one colour per label, combinations
    hatched in their members' colours, mogelijk grey hatched black) and zeker/mogelijk counts."""
    data = boekdata(volledig)
    filters = flt.Filters(inhoud=(thema,) if thema else (), verzekeraars=(verzekeraar,) if verzekeraar else ())
    t = vocab.AS_INHOUD.namen.index(thema) if thema else None
    v = vocab.VERZEKERAAR_NAMEN.index(verzekeraar) if verzekeraar else None
    codes = data["gemeenten"]["codes"]
    mogelijk = vergeleken = 0
    for kaart in data["kaarten"]:
        if kaart["model"]["soort"] == "gebied":
            continue
        app = app_data.kaartbeeld(KaartSpec.van_sleutel(kaart["sleutel"]), filters)
        if app is None:
            continue
        boek = _herbereken(data, kaart, t, v)
        per_code = app.gemeenten.set_index("gemeente_code")
        assert boek["klassen"] == [(per_code.at[c, "klasse"], per_code.at[c, "kleur"]) for c in codes], kaart["sleutel"]
        assert boek["legenda"] == [[r.klasse, r.kleur, r.aantal] for r in app.legenda], kaart["sleutel"]
        assert (boek["zeker"], boek["mogelijk"]) == (app.zeker, app.mogelijk), kaart["sleutel"]
        mogelijk += app.mogelijk
        vergeleken += 1
    assert vergeleken > 0
    if thema is None and verzekeraar is None:
        # The shipped data has deel areas: the book must show possible municipalities, hatched.
        assert mogelijk > 0


def test_class_model_gives_the_app_classes_without_filter(app_data):
    """The browser's recomputation (OR of project masks, rows in legend order) rebuilt here for every map kind."""
    projecten = app_data.projecten()
    koppeling = app_data.koppeling(2017)
    for spec in kaartenboek.boekspecs(["Ouderen"]):
        app = app_data.kaartbeeld(spec, flt.Filters())
        if app is None or spec.soort == "kernwerkgebied":
            continue
        model = kaartenboek.klassenmodel(app, projecten)
        rijen = {m: klasse for m, klasse, _ in model["tabel"]}
        masker: dict[str, int] = {}
        mogelijk: set[str] = set()
        for pid, code, zeker in zip(
            koppeling["project_id"], koppeling["gemeente_code"], zekerheid.is_zeker(koppeling), strict=True
        ):
            if pid in model["maskers"]:
                if zeker:
                    masker[code] = masker.get(code, 0) | model["maskers"][pid]
                else:
                    mogelijk.add(code)
        verwacht = dict(zip(app.gemeenten["gemeente_code"], app.gemeenten["klasse"], strict=True))
        berekend = {
            code: rijen[masker[code]] if masker.get(code) else (MOGELIJK if code in mogelijk else model["leeg"])
            for code in verwacht
        }
        assert berekend == {c: MOGELIJK if k.startswith(MOGELIJK) else k for c, k in verwacht.items()}, spec.sleutel


def test_no_project_in_the_selection_exits_1_and_writes_nothing(tmp_path, monkeypatch, db, capsys):
    monkeypatch.setenv("SAMENWERKING_DB", str(db))
    uit = tmp_path / "leeg.html"
    assert main(["--verzekeraar", "ONVZ", "--as", "html", str(uit)]) == 1
    assert not uit.exists()
    assert "geen projecten voor deze selectie (verzekeraar: ONVZ)" in capsys.readouterr().err


def test_book_specs_follow_the_pages():
    specs = kaartenboek.boekspecs(["GGZ"])
    assert specs[:2] == [KaartSpec("totaal", zonder_minima=True), KaartSpec("kernwerkgebied")]
    hoofdstukken = [kaartenboek.boekkaart(s).hoofdstuk for s in specs]
    assert hoofdstukken == sorted(
        hoofdstukken,
        key=["Overzicht", "Inhoudelijk", "Instrumenteel", "Samenwerkingsvorm", "Geografisch", "Zorgverzekeraars"].index,
    )
    verzekeraar = kaartenboek.boekkaart(KaartSpec("verzekeraar", label="CZ"), ("wmo_regio", "kernwerkgebied"))
    assert verzekeraar.lagen == ("wmo_regio", "kernwerkgebied:CZ")
    assert len(kaartenboek.boekspecs()) == 2 + 6 * 3 + 6 * len(vocab.AS_INSTRUMENT.labels) + 6 * len(
        vocab.AS_INTENSITEIT.labels
    ) + 1 + 6 + len(vocab.VERZEKERAARS)


def _knop(params: dict[str, str]):
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "app.py"), default_timeout=120)
    for sleutel, waarde in params.items():
        at.query_params[sleutel] = waarde
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    (knop,) = [k for k in at.get("download_button") if k.proto.label.startswith("Kaartenboek")]
    return knop.proto


def test_overzicht_offers_the_book_for_the_selection(app_data, db, monkeypatch):
    monkeypatch.setenv("SAMENWERKING_DB", str(db))
    knop = _knop({})
    aantal = len(app_data.projecten())
    assert knop.label == f"Kaartenboek (HTML, werkt zonder internet; {aantal} projecten)" and not knop.disabled
    leeg = _knop({"verzekeraar": "onvz"})
    assert leeg.label == "Kaartenboek (HTML, werkt zonder internet; 0 projecten)" and leeg.disabled


def test_the_buttons_file_is_the_book_of_the_selection(app_data):
    from dashboard import downloads

    filters = flt.Filters(verzekeraars=("CZ",), jaar=2025)
    tekst = downloads._kaartenboekbestand(filters, ("wmo_regio",)).decode("utf-8")
    data = boekdata(tekst)
    assert data["jaar"] == 2025 and len(data["gemeenten"]["codes"]) == len(app_data.gemeenten(2025))
    assert data["projecten"]["ids"] == sorted(app_data.gefilterd(filters)["project_id"])
    assert _vergelijk_met_app(tekst, app_data, filters) > 10
