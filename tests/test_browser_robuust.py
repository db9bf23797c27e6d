"""In headless Chromium against a running app: page URLs work as deep links, and a hostile upload is refused
within seconds of server CPU while a second session's page keeps loading normally."""

import os
import time
from pathlib import Path

import pytest
from opgevuld import opgevulde_xlsx

playwright = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser

MAX_CPU = 5.0
"""Server CPU seconds the check of a hostile upload may cost."""


def _serverproces(basis: str) -> int:
    """The process id of the app serving ``basis`` (found by its port on the command line)."""
    poort = basis.rstrip("/").rsplit(":", 1)[1]
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            argumenten = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"--server.port" in argumenten and argumenten[argumenten.index(b"--server.port") + 1] == poort.encode():
            return int(pid)
    raise AssertionError(f"geen app op poort {poort}")


def _cpu_van_werkprocessen(pid: int) -> float:
    """CPU seconds of the finished child processes of ``pid`` (the import checks' workers), from /proc."""
    velden = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(velden[13]) + int(velden[14])) / os.sysconf("SC_CLK_TCK")


@pytest.mark.parametrize("pad", ["overzicht", "overzicht?inhoud=ggz", "projecten", "leerlijnen"])
def test_elke_pagina_url_werkt_als_deeplink(app, pagina, pad):
    pagina.goto(app + pad)
    playwright.expect(pagina.locator("h1").first).to_be_visible()
    assert pagina.get_by_text("Page not found").count() == 0
    if pad.startswith("overzicht"):
        playwright.expect(pagina.locator("h1").first).to_have_text("Samenwerkingskaarten zorgverzekeraars en gemeenten")
        assert pagina.url.endswith(pad)


def _laad(page, url: str) -> float:
    begin = time.monotonic()
    page.goto(url)
    playwright.expect(page.locator("h1").first).to_have_text("De samenwerking in kaart: inhoudelijk")
    playwright.expect(
        page.frame_locator("iframe[src*='streamlit_folium'], iframe[src*='kaartframe.kaart']")
        .first.locator("path.leaflet-interactive")
        .first
    ).to_be_attached()
    return time.monotonic() - begin


def test_opgevulde_xlsx_geweigerd_terwijl_een_tweede_sessie_gewoon_laadt(app, browser, pagina, tmp_path, foto):
    bestand = opgevulde_xlsx(tmp_path / "opgevuld.xlsx")
    tweede = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
    _laad(tweede, app + "inhoudelijk")  # warm caches
    normaal = _laad(tweede, app + "inhoudelijk")

    pid = _serverproces(app)
    pagina.goto(app + "projecten")
    pagina.get_by_text("Importeren", exact=True).click()
    werk_voor = _cpu_van_werkprocessen(pid)
    pagina.locator("input[type='file']").set_input_files(str(bestand))
    tijdens = _laad(tweede, app + "inhoudelijk")
    playwright.expect(pagina.get_by_text("Proefimport afgekeurd; er is niets opgeslagen.")).to_be_visible()
    playwright.expect(pagina.get_by_text("meer dan 20.000 rijen (lege rijen tellen mee)")).to_be_visible()
    werk = _cpu_van_werkprocessen(pid) - werk_voor
    foto(pagina, "opgevulde_xlsx_geweigerd")
    tweede.context.close()
    print(f"controle {werk:.2f} s rekentijd; tweede sessie {tijdens:.1f} s, normaal {normaal:.1f} s")
    assert 0 < werk < MAX_CPU, f"de controle kostte {werk:.1f} s rekentijd"
    assert tijdens < max(3 * normaal, normaal + 10), f"tweede sessie: {tijdens:.1f} s, normaal {normaal:.1f} s"
