"""The map component in headless Chromium: a filter change repaints the open frame with a small message (the
geometry came once, as a static file), compare mode moves both maps together, and the map is one tab stop with
arrow keys between municipalities."""

import re

import pytest
from browserhulp import wacht_tot_klaar
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

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
