"""The map component in headless Chromium: a filter change repaints the open frame with a small message (the
geometry came once, as a static file), compare mode moves both maps together, and the map is one tab stop with
arrow keys between municipalities."""

import re

import pytest
from browserhulp import wacht_tot_klaar
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from kaart import filtermodel

playwright = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

KAARTFRAMES = "iframe[src*='kaartframe.kaart']"
GRENS_BYTES = 25_000
"""Websocket bytes the maps of one filter change may take (issue goal; today about 21 kB for two maps)."""


def _kaartbytes(berichten: list[bytes]) -> int:
    """Bytes of the websocket messages that carry a map component (its arguments: the selection)."""
    totaal = 0
    for bericht in berichten:
        msg = ForwardMsg()
        msg.ParseFromString(bericht)
        if msg.WhichOneof("type") == "delta" and msg.delta.WhichOneof("type") == "new_element":
            if msg.delta.new_element.WhichOneof("type") == "component_instance":
                if "kaartframe.kaart" in msg.delta.new_element.component_instance.component_name:
                    totaal += len(bericht)
    return totaal


def _inhoud(pagina, waarde: str) -> None:
    veld = (
        pagina.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']")
        .filter(has_text="Inhoud (thema)")
        .locator("input")
    )
    veld.click()
    veld.fill(waarde)
    veld.press("Enter")


def test_a_filter_change_repaints_the_open_frame_and_its_messages_stay_small(app, pagina, kaartframe, foto):
    berichten: list[bytes] = []
    pagina.on("websocket", lambda ws: ws.on("framereceived", lambda b: berichten.append(b) if b else None))
    bestanden: list[str] = []
    pagina.on("request", lambda r: bestanden.append(r.url) if "/app/static/kaartdata/" in r.url else None)
    pagina.goto(app + "?lagen=wmo,kernwerkgebied")
    frame = kaartframe(pagina)
    eerste = pagina.locator(KAARTFRAMES).first.element_handle().content_frame()
    eerste.evaluate("() => { window.skwGezien = 1; }")
    gekleurd = frame.locator("path.leaflet-interactive:not([fill='#F2F2F2'])")
    voor = gekleurd.count()
    # Every map on the page has its geometry: the first map is drawn before the rest of the first page is built, so
    # wait for the run to end (the status widget may not have appeared yet) and then for every frame.
    wacht_tot_klaar(pagina)
    for i in range(pagina.locator(KAARTFRAMES).count()):
        kaartframe(pagina, i)
    geladen = len(bestanden)
    assert geladen >= 1 and all(b.endswith(".json") for b in bestanden)
    berichten.clear()
    _inhoud(pagina, "Jeugd")
    # The legend beside the map follows the selection; the map frame itself holds none.
    playwright.expect(pagina.locator("[class*='st-key-legenda-']").first).to_contain_text("Selectie: inhoud: Jeugd")
    playwright.expect(frame.locator(".skw-legenda")).to_have_count(0)
    playwright.expect(pagina.locator("[data-testid='stStatusWidget']")).to_have_count(0)
    # The same document in the same frame, recoloured; no new geometry request.
    assert eerste.evaluate("() => window.skwGezien") == 1
    playwright.expect(frame.locator("path.leaflet-interactive")).to_have_count(388)
    assert 0 < gekleurd.count() < voor
    assert len(bestanden) == geladen
    kaartbytes = _kaartbytes([b for b in berichten if isinstance(b, bytes)])
    assert 0 < kaartbytes < GRENS_BYTES, kaartbytes
    foto(pagina, "kaartframe_na_filter")


_VULLINGEN_JS = (
    "() => [...document.querySelectorAll('path.leaflet-interactive')].map((p) => [p.dataset.gemeente, "
    "p.getAttribute('fill'), p.getAttribute('aria-label')])"
)
"""Per municipality of a map frame: code, fill and the label a screen reader reads (its project counts)."""


def _open_frame(pagina, kaartframe):
    kaartframe(pagina)
    frame = pagina.locator(KAARTFRAMES).first.element_handle().content_frame()
    frame.wait_for_function("() => skwKaart.filtermodel()")
    return frame


class Vasthouder:
    """Holds the server's websocket messages to ``pagina`` back while ``aan``, and passes them on when let go."""

    def __init__(self, pagina):
        self.pagina, self.vast, self.naar_pagina = pagina, None, None
        pagina.route_web_socket(re.compile(r"/_stcore/stream"), self._route)

    def _route(self, ws) -> None:
        self.naar_pagina = ws
        server = ws.connect_to_server()
        server.on_message(lambda bericht: self.vast.append(bericht) if self.vast is not None else ws.send(bericht))

    def houd_vast(self) -> None:
        self.vast = []

    def laat_door(self) -> None:
        """Wait for the server's first message (at most 10 s), pass on all held back, wait for the run to end."""
        for _ in range(100):
            if self.vast:
                break
            self.pagina.wait_for_timeout(100)
        vastgehouden, self.vast = self.vast, None
        assert vastgehouden, "de server stuurde niets terwijl de berichten werden vastgehouden"
        for bericht in vastgehouden:
            self.naar_pagina.send(bericht)
        wacht_tot_klaar(self.pagina)


def _server_vullingen(browser, kaartframe, url: str) -> list:
    """What the server draws on the first map of ``url``, in a page of its own."""
    apart = browser.new_page(viewport={"width": 1400, "height": 2200})
    try:
        apart.goto(url)
        kaartframe(apart)
        return apart.locator(KAARTFRAMES).first.element_handle().content_frame().evaluate(_VULLINGEN_JS)
    finally:
        apart.close()


def test_the_total_map_follows_the_sidebar_before_the_server_answers(app, pagina, browser, kaartframe):
    verwacht = _server_vullingen(browser, kaartframe, app + "?inhoud=ggz")
    # The same change in the sidebar, while the server's messages are held back.
    server = Vasthouder(pagina)
    pagina.goto(app)
    frame = _open_frame(pagina, kaartframe)
    melding = pagina.frame_locator(KAARTFRAMES).first.locator("#melding")
    legenda = pagina.locator("[class*='st-key-legenda-']").first
    voor = frame.evaluate(_VULLINGEN_JS)
    server.houd_vast()
    _inhoud(pagina, "GGZ")
    frame.wait_for_function("() => skwKaart.zelfGekleurd() === 1")
    zelf = frame.evaluate(_VULLINGEN_JS)
    assert zelf != voor
    assert zelf == verwacht
    # Until the run's map arrives, the map says that the legend beside it is not yet of this selection.
    playwright.expect(melding).to_have_text(filtermodel.BIJWERKEN)
    playwright.expect(legenda).to_contain_text("Selectie: alle projecten")
    # The server's own map of the change then arrives and changes nothing.
    server.laat_door()
    playwright.expect(legenda).to_contain_text("Selectie: inhoud: GGZ")
    assert frame.evaluate(_VULLINGEN_JS) == verwacht
    playwright.expect(melding).to_have_text("")
    # Back to no theme while the server is held back again: the map of no theme, computed in the frame.
    server.houd_vast()
    pagina.locator("[data-testid='stSidebar'] button[aria-label='Remove GGZ']").click()
    frame.wait_for_function("() => skwKaart.zelfGekleurd() === 2")
    assert frame.evaluate(_VULLINGEN_JS) == voor
    server.laat_door()
    assert frame.evaluate(_VULLINGEN_JS) == voor
    playwright.expect(melding).to_have_text("")
    # A theme picked and removed again before the server answers: the server's map stands as it was, without note.
    server.houd_vast()
    _inhoud(pagina, "Jeugd")
    frame.wait_for_function("() => skwKaart.zelfGekleurd() === 3")
    playwright.expect(melding).to_have_text(filtermodel.BIJWERKEN)
    pagina.locator("[data-testid='stSidebar'] button[aria-label^='Remove Jeugd']").click()
    frame.wait_for_function("() => skwKaart.zelfGekleurd() === 4")
    assert frame.evaluate(_VULLINGEN_JS) == voor
    playwright.expect(melding).to_have_text("")
    server.laat_door()
    assert frame.evaluate(_VULLINGEN_JS) == voor


def test_the_map_waits_for_the_server_once_another_filter_changed(app, pagina, browser, kaartframe):
    verwacht = _server_vullingen(browser, kaartframe, app + "?inhoud=ggz&instrument=inkoop")
    server = Vasthouder(pagina)
    pagina.goto(app)
    frame = _open_frame(pagina, kaartframe)
    voor = frame.evaluate(_VULLINGEN_JS)
    # Instrument first, then a theme, before the server answers either: the model knows no instruments.
    server.houd_vast()
    veld = pagina.locator("[data-testid='stSidebar'] input[aria-label='Instrument']")
    veld.click()
    veld.fill("Inkoop")
    veld.press("Enter")
    _inhoud(pagina, "GGZ")
    pagina.wait_for_timeout(1000)
    assert frame.evaluate("() => skwKaart.zelfGekleurd()") == 0
    assert frame.evaluate(_VULLINGEN_JS) == voor
    server.laat_door()
    nu = pagina.locator(KAARTFRAMES).first.element_handle().content_frame()
    nu.wait_for_function("() => skwKaart.filtermodel() === false")
    assert nu.evaluate(_VULLINGEN_JS) == verwacht


@pytest.mark.parametrize("pad", ["?instrument=inkoop", "samenwerkingsvorm", "?naast=1&b_inhoud=ggz"])
def test_other_maps_and_selections_only_draw_what_the_server_sends(app, pagina, kaartframe, pad):
    pagina.goto(app + pad)
    kaartframe(pagina)
    for handvat in pagina.locator(KAARTFRAMES).element_handles():
        assert handvat.content_frame().evaluate("() => skwKaart.filtermodel()") is False


def test_zooming_the_left_compare_map_moves_the_right_one(app, pagina, kaartframe, foto):
    pagina.goto(app + "samenwerkingsvorm?naast=1&inhoud=ggz&b_inhoud=ouderen")
    links, rechts = kaartframe(pagina, 0), kaartframe(pagina, 1)
    frames = [f.element_handle().content_frame() for f in pagina.locator(KAARTFRAMES).all()[:2]]
    voor = frames[1].evaluate("() => skwKaart.zoom()")
    links.locator(".leaflet-control-zoom-in").click()
    links.locator(".leaflet-control-zoom-in").click()
    # Two clicks: wait until the right map has followed both (it follows each zoom as it ends).
    pagina.wait_for_function(
        "([z]) => { const k = [...document.querySelectorAll(\"iframe[src*='kaartframe.kaart']\")]"
        ".slice(0, 2).map(f => f.contentWindow.skwKaart.zoom()); return k[1] > z && k[0] === k[1]; }",
        arg=[voor],
    )
    assert frames[0].evaluate("() => skwKaart.zoom()") == frames[1].evaluate("() => skwKaart.zoom()")
    midden = [f.evaluate("() => { const m = skwKaart.midden(); return [m.lat, m.lng]; }") for f in frames]
    assert midden[0] == pytest.approx(midden[1], abs=1e-6)
    assert rechts.locator("path.leaflet-interactive").count() == 388
    foto(pagina, "vergelijk_samen_gezoomd")


def test_the_map_is_one_tab_stop_and_arrow_keys_move_between_municipalities(app, pagina, kaartframe):
    pagina.goto(app)
    frame = kaartframe(pagina)
    playwright.expect(frame.locator("path[tabindex='0']")).to_have_count(1)
    start = frame.locator("path[tabindex='0']")
    start.focus()
    naam = start.get_attribute("aria-label")
    gezien = {naam}
    for toets in ("ArrowRight", "ArrowDown", "ArrowLeft", "ArrowUp", "ArrowRight"):
        pagina.keyboard.press(toets)
        nu = frame.locator("path:focus")
        playwright.expect(nu).to_have_count(1)
        assert nu.get_attribute("tabindex") == "0"
        gezien.add(nu.get_attribute("aria-label"))
    assert len(gezien) >= 3
    assert frame.locator("path[tabindex='0']").count() == 1
    pagina.keyboard.press("Enter")
    playwright.expect(pagina.get_by_text(re.compile(r"\(GM\d{4}, Wmo-regio "))).to_be_visible()
