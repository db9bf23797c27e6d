"""The kaartenboek in headless Chromium, opened from disk with every network request blocked: all maps draw all
municipalities, hover and click work, and the client-side filters give the app's classes for the same selection."""

import itertools

import pytest
from conftest import GEMEENTEN_2017

import projectdb
from classify import filters as flt
from classify import vocab
from dashboard.export import main
from kaart.model import KaartSpec

playwright = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

GEVAARLIJK = "<img src=x onerror=alert(1)> **vet** [link](javascript:alert(2))"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """The shipped projects plus P000, a copy of P010 whose title is markup that must stay text."""
    pad = tmp_path_factory.mktemp("db") / "samenwerking.sqlite"
    opslag = projectdb.open_store(pad)
    rij = {k: ";".join(v) if isinstance(v, tuple) else v for k, v in opslag.project("P010").items() if k != "versie"}
    opslag.importeer([{**rij, "project_id": "P000", "titel": GEVAARLIJK}], redacteur="test")
    return pad


@pytest.fixture(scope="module")
def boek(tmp_path_factory, db):
    mp = pytest.MonkeyPatch()
    mp.setenv("SAMENWERKING_DB", str(db))
    uit = tmp_path_factory.mktemp("boek") / "kaartenboek.html"
    try:
        assert main(["--thema", "alle", "--as", "html", str(uit)]) == 0
    finally:
        mp.undo()
    return uit


@pytest.fixture
def offline(browser, boek):
    """The book opened via file:// in a context that aborts every request that is not file:; yields the page and
    the list of requests that tried to leave it."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    buiten: list[str] = []

    def route(verzoek):
        if verzoek.request.url.startswith("file:"):
            verzoek.continue_()
        else:
            buiten.append(verzoek.request.url)
            verzoek.abort()

    context.route("**/*", route)
    page = context.new_page()
    # The machine is shared: give drawing room under load.
    page.set_default_timeout(60_000)
    playwright.expect.set_options(timeout=60_000)
    fouten: list[str] = []
    meldingen: list[str] = []
    page.on("pageerror", lambda fout: fouten.append(str(fout)))
    page.on("dialog", lambda dialoog: (meldingen.append(dialoog.message), dialoog.dismiss()))
    page.goto(boek.as_uri())
    yield page, buiten
    context.close()
    assert not fouten, fouten
    assert not meldingen, f"onverwachte dialoog (script uitgevoerd?): {meldingen}"


def _kaarten(page) -> list[dict]:
    return page.evaluate("BOEK.kaarten.map(function (k) { return {id: k.id, sleutel: k.sleutel}; })")


def test_every_map_draws_every_municipality_offline(offline):
    page, buiten = offline
    kaarten = _kaarten(page)
    assert len(kaarten) >= 60
    for kaart in kaarten:
        # Scrolling a map into view draws it (maps are drawn when they come near the viewport).
        page.locator(f"#{kaart['id']}-kaart").scroll_into_view_if_needed()
        playwright.expect(page.locator(f"#{kaart['id']}-kaart path.skw-gemeente")).to_have_count(GEMEENTEN_2017)
        legenda = page.locator(f"#{kaart['id']}-legenda .rij")
        assert legenda.count() >= 2, kaart["sleutel"]
    assert buiten == []


def test_hover_shows_a_tooltip_and_a_click_lists_the_projects(offline, app_data):
    page, buiten = offline
    kaart = page.locator("#kaart-1-kaart")
    kaart.scroll_into_view_if_needed()
    vlakken = page.locator("#kaart-1-kaart path.skw-gemeente")
    playwright.expect(vlakken).to_have_count(GEMEENTEN_2017)
    app = app_data.kaartbeeld(KaartSpec("totaal", zonder_minima=True), flt.Filters())
    # A large municipality with projects: its centre is inside it.
    rij = app.gemeenten[app.gemeenten["aantal_projecten"] > 0].iloc[0]
    page.select_option("#kaart-1-kies", label=rij.gemeente_naam)
    klik = page.locator("#kaart-1-klik")
    playwright.expect(klik).to_contain_text(rij.gemeente_naam)
    links = klik.locator("li a")
    playwright.expect(links).to_have_count(len(rij.project_ids))
    assert [a.split(" – ")[0] for a in links.all_inner_texts()] == list(rij.project_ids)
    # The mouse: hover shows the tooltip, a click lists the projects of the municipality under the pointer.
    vak = kaart.bounding_box()
    page.mouse.move(vak["x"] + vak["width"] * 0.5, vak["y"] + vak["height"] * 0.5)
    tip = page.locator(".leaflet-tooltip.skw-tip")
    playwright.expect(tip).to_be_visible()
    naam = tip.locator("b").inner_text()
    page.mouse.click(vak["x"] + vak["width"] * 0.5, vak["y"] + vak["height"] * 0.5)
    playwright.expect(klik.locator("strong")).to_have_text(naam)
    geklikt = app.gemeenten[app.gemeenten["gemeente_naam"] == naam].iloc[0]
    playwright.expect(klik.locator("li")).to_have_count(len(geklikt.project_ids))
    # A project link leads to its entry with the source quote.
    if len(geklikt.project_ids):
        klik.locator("li a").first.click()
        playwright.expect(page.locator(f"#project-{geklikt.project_ids[0]} blockquote.citaat")).to_be_in_viewport()
    # The markup title stays text everywhere.
    assert page.locator("img[src='x']").count() == 0
    assert buiten == []


def _klassen_in_browser(page, i: int) -> list[str]:
    return page.evaluate(f"kaartenboek.klassen({i}).klasse")


@pytest.mark.parametrize(("thema", "verzekeraar"), [(None, None), (None, "VGZ"), ("Ouderen", None), ("GGZ", "CZ")])
def test_client_filters_give_the_apps_classes(offline, app_data, thema, verzekeraar):
    page, buiten = offline
    page.evaluate(
        f"kaartenboek.filter({vocab.AS_INHOUD.namen.index(thema) if thema else 'null'}, "
        f"{vocab.VERZEKERAAR_NAMEN.index(verzekeraar) if verzekeraar else 'null'})"
    )
    filters = flt.Filters(inhoud=(thema,) if thema else (), verzekeraars=(verzekeraar,) if verzekeraar else ())
    codes = page.evaluate("BOEK.gemeenten.codes")
    zichtbaar = 0
    for i, kaart in enumerate(_kaarten(page)):
        app = app_data.kaartbeeld(KaartSpec.van_sleutel(kaart["sleutel"]), filters)
        verborgen = page.locator(f"#{kaart['id']}").is_hidden()
        assert verborgen == (app is None), kaart["sleutel"]
        if app is None:
            continue
        zichtbaar += 1
        klasse = dict(zip(app.gemeenten["gemeente_code"], app.gemeenten["klasse"], strict=True))
        assert _klassen_in_browser(page, i) == [klasse[c] for c in codes], kaart["sleutel"]
        legenda = page.evaluate(f"kaartenboek.klassen({i}).legenda")
        assert legenda == [[r.klasse, r.kleur, r.aantal] for r in app.legenda], kaart["sleutel"]
    assert zichtbaar > 0
    projecten = page.locator("article.project:visible")
    assert projecten.count() == len(app_data.gefilterd(filters))
    assert buiten == []


def test_a_filter_that_matches_nothing_says_so(offline):
    page, _ = offline
    page.select_option("#filter-verzekeraar", label="ONVZ")
    playwright.expect(page.locator("#filterstatus")).to_have_text("Geen projecten voor deze selectie.")
    # Only the kernwerkgebieden (no projects needed) stay.
    playwright.expect(page.locator("article.kaart:visible")).to_have_count(1)
    playwright.expect(page.locator("article.project:visible")).to_have_count(0)


def test_accessible_headings_labels_and_keyboard(offline):
    page, _ = offline
    assert page.get_attribute("html", "lang") == "nl"
    niveaus = page.evaluate(
        "Array.from(document.querySelectorAll('h1,h2,h3,h4')).map(function (h) { return +h.tagName[1]; })"
    )
    assert niveaus[0] == 1 and niveaus.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(niveaus)), "kopniveau overgeslagen"
    kaarten = page.evaluate(
        "Array.from(document.querySelectorAll('.leafletkaart')).map(function (k) {"
        " return [k.getAttribute('tabindex'), k.getAttribute('aria-label')]; })"
    )
    assert len(kaarten) == page.locator("article.kaart").count()
    assert all(tab == "0" and "gemeenten" in label for tab, label in kaarten)
    for veld in ("filter-thema", "filter-verzekeraar"):
        assert page.locator(f"label[for='{veld}']").count() == 1
    # Keyboard: focus the first map and zoom in with "+".
    page.locator("#kaart-1-kaart").scroll_into_view_if_needed()
    playwright.expect(page.locator("#kaart-1-kaart path.skw-gemeente")).to_have_count(GEMEENTEN_2017)
    page.focus("#kaart-1-kaart")
    voor = page.evaluate("kaartenboek.zoom(0)")
    page.keyboard.press("Equal")
    # Polled from here: the book's Content Security Policy forbids Playwright's in-page string evaluation.
    for _ in range(300):
        if page.evaluate("kaartenboek.zoom(0)") > voor:
            break
        page.wait_for_timeout(100)
    assert page.evaluate("kaartenboek.zoom(0)") > voor
    # The table behind a map opens with the keyboard and lists every municipality.
    page.focus("#kaart-1 details.tabel summary")
    page.keyboard.press("Enter")
    playwright.expect(page.locator("#kaart-1 details.tabel tbody tr")).to_have_count(GEMEENTEN_2017)


def test_leerlijnen_map_as_on_the_page(offline, app_data):
    """Fill per municipality = the earliest stage of the chain projects there (as the page's map), one arrow per
    link, and the chains narrowed by the filters as the page narrows them."""
    from classify import leerlijnen
    from kaart import leerlijnkaart

    page, buiten = offline
    page.locator("#leerlijnen-kaart").scroll_into_view_if_needed()
    playwright.expect(page.locator("#leerlijnen-kaart path.skw-gemeente")).to_have_count(GEMEENTEN_2017)
    alle = app_data.projecten()
    koppeling = app_data.koppeling(2017)
    ketens = leerlijnen.ketens_met(app_data.leerlijnketens(), alle["project_id"])
    ids = {pid for k in ketens for pid in k.project_ids}
    tabel = leerlijnkaart._gemeentetabel(
        koppeling[koppeling["project_id"].isin(ids)], alle.set_index("project_id", drop=False), 2017
    )
    codes = page.evaluate("BOEK.gemeenten.codes")
    assert page.evaluate("kaartenboek.leerlijnen()") == [tabel[c][0] if c in tabel else None for c in codes]
    assert page.locator("#leerlijnen-kaart path.skw-pijl").count() == len(leerlijnkaart.koppelingen(ketens))
    assert page.locator("#leerlijnen tbody tr").count() == len(ketens)
    # A click on a chain municipality lists its chain projects (the path of that municipality, via Leaflet).
    code = min(tabel)
    page.evaluate("kaartenboek.klikLeerlijn", code)
    verwacht = sorted(
        koppeling.loc[(koppeling["gemeente_code"] == code) & koppeling["project_id"].isin(ids), "project_id"].unique()
    )
    playwright.expect(page.locator("#leerlijnen-klik li")).to_have_count(len(verwacht))
    assert [t.split(" – ")[0] for t in page.locator("#leerlijnen-klik li").all_inner_texts()] == verwacht
    # The insurer filter keeps the chains with a project of that insurer, whole.
    page.select_option("#filter-verzekeraar", label="CZ")
    cz = leerlijnen.ketens_met(ketens, alle.loc[alle["verzekeraars"].map(lambda v: "CZ" in v), "project_id"])
    playwright.expect(page.locator("#leerlijnen tbody tr:visible")).to_have_count(len(cz))
    assert page.locator("#leerlijnen-kaart path.skw-pijl").count() == len(leerlijnkaart.koppelingen(cz))
    assert buiten == []
