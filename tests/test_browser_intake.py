"""A region's list from template to map, in a real browser: an editor uploads the filled template of Wmo-region
Drenthe, sees the dry-run report with a duplicate warning, confirms, approves two of the three proposals, and the
map shows those two by default; the third shows only with ``?voorstellen=1``, marked as a proposal.

Fixtures (the app on its own store, Chromium, screenshots) are in conftest.py; screenshots go to test-output/.
"""

import re

import pytest
from browserhulp import vul_aanmelding_in
from openpyxl import load_workbook
from test_intake import volgende_sleutel

from projectdb.sjabloon import maak_sjabloon

playwright = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

WACHTWOORD = "correct paard batterij niet"
ASSEN, EMMEN = "GM0106", "GM0114"
RIJEN = [
    {
        "Titel": "Valpreventie thuiswonende ouderen Assen",
        "Verzekeraar(s)": "Zilveren Kruis",
        "Gemeente(n)/gebied": "Assen",
        "Inhoud": "Ouderen",
        "Eigen referentie": "DR-2018-01",
    },
    {
        "Titel": "Schuldhulp voor jonge gezinnen Emmen",
        "Verzekeraar(s)": "Zilveren Kruis",
        "Gemeente(n)/gebied": "Emmen",
        "Inhoud": "Preventie",
        "Eigen referentie": "DR-2018-02",
    },
    {
        "Titel": "Bestuurlijke samenwerkingsafspraken met Zilveren Kruis in regio Drenthe",
        "Verzekeraar(s)": "Zilveren Kruis",
        "Gemeente(n)/gebied": "wmo:Drenthe",
        "Inhoud": "Anders",
        "Eigen referentie": "DR-2018-03",
    },
]
"""Three projects of the region; the third repeats the shipped P023."""


@pytest.fixture(scope="module")
def appomgeving():
    return {"SAMENWERKING_REDACTEUR_WACHTWOORD": WACHTWOORD}


@pytest.fixture(scope="module")
def ingevuld(tmp_path_factory):
    """The Drenthe template with the three rows filled in as a region coordinator would."""
    map_ = tmp_path_factory.mktemp("sjabloon")
    boek = load_workbook(maak_sjabloon(map_ / "importsjabloon Drenthe.xlsx", wmo_regio="Drenthe"))
    blad = boek["projecten"]
    koppen = [c.value for c in blad[1]]
    for rij in RIJEN:
        waarden = {
            "Indelingsjaar": 2025,
            "Instrument(en)": "Werkwijze",
            "Samenwerkingsvorm": "Implementatie",
            "Bron": "Inventarisatie Wmo-regio Drenthe 2018",
            "Citaat uit de bron": "In de regio werken gemeenten en de zorgverzekeraar hierin samen.",
            **rij,
        }
        blad.append([waarden.get(kop, "") for kop in koppen])
    pad = map_ / "Drenthe ingevuld.xlsx"
    boek.save(pad)
    return pad


def _tooltip(pagina, kaartframe, gemeente: str):
    """Hover ``gemeente`` on the first map of the page; returns its tooltip locator."""
    kaart = kaartframe(pagina)
    frame = (
        pagina.locator("iframe[src*='streamlit_folium'], iframe[src*='kaartframe.kaart']")
        .first.element_handle()
        .content_frame()
    )
    pad = kaart.locator(f"path[data-gemeente='{gemeente}']")
    # The selection's layer group may still be swapped in after the first paths are drawn: mark until it holds.
    for _ in range(160):
        frame.evaluate(
            """(code) => skwKaart.kaart().eachLayer(l => {
            if (l.feature && l.feature.id === code) { l._path.setAttribute("data-gemeente", code); } })""",
            gemeente,
        )
        if pad.count() == 1:
            break
        pagina.wait_for_timeout(250)
    pad.hover(force=True)
    tooltip = kaart.locator(".leaflet-tooltip")
    playwright.expect(tooltip).to_be_visible()
    return tooltip


def test_regio_levert_aan_redacteur_beoordeelt_kaart_toont(app, pagina, kaartframe, foto, ingevuld):
    pagina.goto(app + "projecten")
    zijbalk = pagina.locator("[data-testid='stSidebar']")
    vul_aanmelding_in(pagina, "Ans Jansen", WACHTWOORD)
    playwright.expect(zijbalk.get_by_text("Aangemeld als Ans Jansen")).to_be_visible()

    pagina.get_by_text("Importeren", exact=True).click()
    pagina.locator("input[type='file']").set_input_files(str(ingevuld))
    rapport = pagina.locator("[data-testid='stCode']").first
    playwright.expect(rapport).to_contain_text("importsjabloon versie 1 voor Wmo-regio Drenthe")
    playwright.expect(rapport).to_contain_text(f"'DR-2018-01' -> {volgende_sleutel(0)} (nieuw)")
    playwright.expect(rapport).to_contain_text(
        re.compile(rf"regel 4 \({volgende_sleutel(2)}\): mogelijk dubbel met P023 \(\d+%\)")
    )
    playwright.expect(pagina.get_by_text(re.compile(r"Regel 4: mogelijk dubbel met P023"))).to_be_visible()
    foto(pagina, "intake_proefimport")
    pagina.get_by_role("button", name="Import bevestigen").click()
    playwright.expect(pagina.get_by_text("Geïmporteerd: 3 nieuw, 0 bijgewerkt.")).to_be_visible()

    playwright.expect(pagina.locator("input[type='file']")).to_have_count(1)
    # The uploader is empty again, so the imported file is not checked a second time.
    playwright.expect(pagina.get_by_role("button", name="Remove Drenthe ingevuld.xlsx")).to_have_count(0)
    pagina.get_by_text("Voorstellen beoordelen", exact=True).click()
    playwright.expect(pagina.get_by_text("3 voorstellen wachten op beoordeling.")).to_be_visible()
    knoppen = pagina.get_by_role("button", name="Vaststellen", exact=True)
    for over, project_id in ((3, volgende_sleutel(0)), (2, volgende_sleutel(1))):
        playwright.expect(knoppen).to_have_count(over)  # the list of the previous run is gone
        knoppen.first.click()
        playwright.expect(pagina.get_by_text(f"1 project(en) vastgesteld: {project_id}.")).to_be_visible()
    playwright.expect(zijbalk.get_by_text("Aangemeld als Ans Jansen")).to_be_visible()
    foto(pagina, "intake_beoordeeld")

    # Default map: the two approved projects, without a proposal mark; the third is not there.
    pagina.goto(app + "?inhoud=ouderen")
    tooltip = _tooltip(pagina, kaartframe, ASSEN)
    playwright.expect(tooltip).to_contain_text("• Valpreventie thuiswonende ouderen Assen")
    playwright.expect(tooltip).not_to_contain_text("(voorstel)")
    pagina.goto(app + "?inhoud=preventie")
    playwright.expect(_tooltip(pagina, kaartframe, EMMEN)).to_contain_text("• Schuldhulp voor jonge gezinnen Emmen")
    pagina.goto(app + "?inhoud=anders")
    playwright.expect(_tooltip(pagina, kaartframe, ASSEN)).not_to_contain_text("in regio Drenthe")

    # With proposals (the toggle in the URL) the third shows, marked in the tooltip and the legend.
    pagina.goto(app + "?inhoud=anders&voorstellen=1")
    tooltip = _tooltip(pagina, kaartframe, ASSEN)
    playwright.expect(tooltip).to_contain_text(
        "• Bestuurlijke samenwerkingsafspraken met Zilveren Kruis in regio Drenthe (voorstel)"
    )
    kaartframe(pagina)
    legenda = pagina.locator("[class*='st-key-legenda-']").first
    playwright.expect(legenda).to_contain_text("inclusief voorstellen die nog niet zijn vastgesteld")
    playwright.expect(pagina.get_by_role("switch", name="Voorstellen tonen")).to_be_checked()
    foto(pagina, "intake_kaart_voorstellen")
