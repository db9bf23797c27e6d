"""Benchmark 6: the offline kaartenboek, its size and how fast it opens from disk, against a naive book.

Ours is ``python -m dashboard.export --thema alle --as html`` on the shipped projects (:mod:`kaart.kaartenboek`:
Leaflet and geometry inlined once, each map a class array, maps drawn as they come into view). The naive book puts
every map's stand-alone interactive page (:func:`kaart.interactief.kaart`, Leaflet inlined so it works offline too)
in one file as ``<iframe srcdoc>``: geometry and Leaflet repeated per map, every map drawn on opening.

Both are opened from disk (``file://``) in headless chromium (the system's), each in a new browser context with every
request that is not ``file:`` aborted, alternately. Measured: bytes; "geopend" = from navigation (to the first map,
as a link from the table of contents does) until that map has all its municipalities drawn; "alle kaarten" = from
navigation until every map of the book has all its municipalities drawn (ours: drawn one after the other as if
scrolled to; naive: all frames loaded).

    python bench/kaartenboek.py [--klein]
"""

from __future__ import annotations

import argparse
import html
import sys
import tempfile
import time
from pathlib import Path

from appserver import CHROMIUM, CHROMIUM_ARGS, VENSTER, maak_database
from gedeeld import Meting, gehaald, grootte, markdown, tijd, verhouding

import pandas as pd  # noqa: E402

from classify import filters as flt  # noqa: E402
from dashboard import export  # noqa: E402
from geo import geodata  # noqa: E402
from kaart import interactief, kaartenboek  # noqa: E402
from kaart.model import kaartbeeld  # noqa: E402
from projectdb import gebied, open_store  # noqa: E402

DOEL_BYTES = 3 * 1024 * 1024
DOEL_OPENEN = 2.0
JAAR = 2017


def boeken(map_: Path, themas: list[str]) -> tuple[Path, Path, int]:
    """Ours and the naive book for ``themas`` in ``map_``; returns both paths and the number of maps."""
    projecten = open_store(maak_database(map_)).projecten()
    koppeling = gebied.koppeling(projecten, JAAR)
    gemeenten = pd.DataFrame(geodata.gemeenten(JAAR)[export.GEMEENTEKOLOMMEN])
    specs = kaartenboek.boekspecs(themas)
    resultaat = export.exporteer(
        specs,
        flt.Filters(jaar=JAAR),
        projecten,
        koppeling,
        gemeenten,
        formaat="html",
    )
    ons = map_ / "kaartenboek.html"
    ons.write_bytes(resultaat.inhoud)
    leaflet_js = (kaartenboek.LEAFLET / "leaflet.js").read_text("utf-8")
    leaflet_css = (kaartenboek.LEAFLET / "leaflet.css").read_text("utf-8")
    frames = []
    aantal = 0
    for spec in specs:
        if spec.sleutel in resultaat.overgeslagen:
            continue
        kaart = kaartenboek.boekkaart(spec)
        getekend = kaartbeeld(spec, projecten, koppeling, gemeenten, jaar=JAAR)
        pagina = interactief.kaart(getekend, JAAR, kaart.lagen).get_root().render()
        pagina = pagina.replace(f'<script src="{interactief.LEAFLET_JS}"></script>', f"<script>{leaflet_js}</script>")
        pagina = pagina.replace(
            f'<link rel="stylesheet" href="{interactief.LEAFLET_CSS}"/>', f"<style>{leaflet_css}</style>"
        )
        frames.append(
            f'<h2>{html.escape(getekend.titel)}</h2><iframe title="{html.escape(getekend.titel)}" '
            f'style="width:100%;height:600px" srcdoc="{html.escape(pagina)}"></iframe>'
        )
        aantal += 1
    naief = map_ / "naief.html"
    naief.write_text(f'<!DOCTYPE html><html lang="nl"><body>{"".join(frames)}</body></html>', "utf-8")
    return ons, naief, aantal


def _context(browser):
    context = browser.new_context(viewport=VENSTER)
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    return context


def wacht(page, uitdrukking: str, tijdslimiet: float = 300.0) -> None:
    """Poll ``uitdrukking`` in the page every 20 ms until it is true. Polled from here: the book's Content Security
    Policy forbids the string evaluation that Playwright's own wait_for_function does in the page."""
    einde = time.perf_counter() + tijdslimiet
    while not page.evaluate(uitdrukking):
        if time.perf_counter() > einde:
            raise TimeoutError(f"na {tijdslimiet:.0f} s nog niet waar: {uitdrukking}")
        time.sleep(0.02)


def open_ons(browser, pad: Path, gemeenten: int) -> tuple[float, float]:
    context = _context(browser)
    page = context.new_page()
    start = time.perf_counter()
    # Opened at the first map (as from the table of contents): it is drawn as it comes into view.
    page.goto(pad.as_uri() + "#kaart-1")
    wacht(page, f"document.querySelectorAll('#kaart-1-kaart path.skw-gemeente').length === {gemeenten}")
    geopend = time.perf_counter() - start
    page.evaluate(
        "BOEK.kaarten.forEach(function (k, i) { kaartenboek.teken(i); }); "
        "if (BOEK.leerlijnen) { kaartenboek.leerlijnen(); }"
    )
    wacht(
        page,
        f"Array.from(document.querySelectorAll('.leafletkaart')).every(function (k) {{ "
        f"return k.querySelectorAll('path.skw-gemeente').length === {gemeenten}; }})",
    )
    alle = time.perf_counter() - start
    context.close()
    return geopend, alle


def open_naief(browser, pad: Path, gemeenten: int, kaarten: int) -> tuple[float, float]:
    context = _context(browser)
    page = context.new_page()
    tellen = (
        "Array.from(document.querySelectorAll('iframe')).map(function (f) { var d = f.contentDocument; "
        "return d ? d.querySelectorAll('path.leaflet-interactive').length : 0; })"
    )
    start = time.perf_counter()
    page.goto(pad.as_uri(), wait_until="commit")
    wacht(page, f"{tellen}.some(function (n) {{ return n >= {gemeenten}; }})")
    eerste = time.perf_counter() - start
    wacht(
        page,
        f"(function (n) {{ return n.length === {kaarten} && n.every(function (m) {{ "
        f"return m >= {gemeenten}; }}); }})({tellen})",
    )
    alle = time.perf_counter() - start
    context.close()
    return eerste, alle


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--klein", action="store_true", help="één thema en twee keer openen, als rooktest")
    args = parser.parse_args(argv)
    themas = ["Ouderen"] if args.klein else []
    herhalingen = 2 if args.klein else 7
    gemeenten = len(geodata.gemeenten(JAAR))
    with tempfile.TemporaryDirectory() as tijdelijk:
        ons, naief, kaarten = boeken(Path(tijdelijk), themas)
        metingen: dict[str, list[float]] = {"ons_open": [], "ons_alle": [], "naief_open": [], "naief_alle": []}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for ronde in range(herhalingen):
                volgorde = ("ons", "naief") if ronde % 2 == 0 else ("naief", "ons")
                for kant in volgorde:
                    if kant == "ons":
                        geopend, alle = open_ons(browser, ons, gemeenten)
                    else:
                        geopend, alle = open_naief(browser, naief, gemeenten, kaarten)
                    metingen[f"{kant}_open"].append(geopend)
                    metingen[f"{kant}_alle"].append(alle)
            browser.close()
        bytes_ons, bytes_naief = ons.stat().st_size, naief.stat().st_size
    m = {naam: Meting(tuple(waarden)) for naam, waarden in metingen.items()}
    rijen = [
        {
            "meting": f"bestand ({kaarten} kaarten)",
            "ons": grootte(bytes_ons),
            "naief": grootte(bytes_naief),
            "verhouding": verhouding(bytes_ons, bytes_naief),
            "doel": "≤ 3 MB",
            "gehaald": gehaald(bytes_ons <= DOEL_BYTES),
        },
        {
            "meting": "openen van schijf → eerste kaart getekend",
            "ons": tijd(m["ons_open"]),
            "naief": tijd(m["naief_open"]),
            "verhouding": verhouding(m["ons_open"].mediaan, m["naief_open"].mediaan),
            "doel": f"< {DOEL_OPENEN:.0f} s",
            "gehaald": gehaald(m["ons_open"].mediaan < DOEL_OPENEN),
        },
        {
            "meting": "openen → alle kaarten getekend",
            "ons": tijd(m["ons_alle"]),
            "naief": tijd(m["naief_alle"]),
            "verhouding": verhouding(m["ons_alle"].mediaan, m["naief_alle"].mediaan),
            "doel": "—",
            "gehaald": "—",
        },
    ]
    print(
        f"## 6. Kaartenboek: één HTML-bestand, offline geopend ({kaarten} kaarten, indeling {JAAR}; "
        f"{herhalingen} keer geopend per boek, afwisselend; mediaan [min–max])\n"
    )
    print(markdown(rijen))
    return 0


if __name__ == "__main__":
    sys.exit(main())
