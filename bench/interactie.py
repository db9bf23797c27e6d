"""Benchmark 2: interaction latency in a real browser, the running app against the naive baseline page.

Both apps run side by side (``streamlit run``, each on a copy of a fresh store built from the shipped projects) and
are opened in headless chromium: ours on the Overzicht page with the Wmo-borders and kernwerkgebied layers
(``?lagen=wmo,kernwerkgebied``), the naive one (:mod:`naief_app`) on its only page. A change is one key press in the
sidebar multiselect "Inhoud (thema)": alternately picking a theme (each theme with projects on the map in turn) and
removing it again. Latency is timed in the page, from that key press to the first map's paths repainted with new
fill colours that then stay unchanged (:func:`appserver.wijzig_en_meet`); ours and naive alternate change by change.
Our app caches a map per filter, so a theme picked again is served from the cache, as for an analyst clicking back
and forth. To show where the time goes, the table also gives the moment the browser sees the script run end, a
timeline of each change in the page's clock (key press → first message of the new run → first map frame receiving
its new arguments → repainted; the rest is the browser laying out the other elements of the page and the frame
drawing). Our total map does not wait for the run: its frame applies Inhoud itself (kaart/filtermodel.py) and
recolours when the sidebar changes, so the timeline also gives that moment and in how many changes it came first,
and the run's own selection, arriving later, must leave the map as it is (else the repaint counts from then). Then
the bytes received over the websocket per change (all, and those of the map components), the number of map
frames on the page and how many of them are new after a change (st_folium builds a new frame, with Leaflet and all
geometry, whenever a map's script changes; ours keeps its frame and its geometry, loaded once as a static file, and
only receives the selection). Last, the server's CPU time per new visitor (first page plus one filter change, the
measure of the load benchmark): right after the first visit, a few fresh browser contexts each open the page, pick
the first theme of the series and wait until the map is repainted, with the data caches warm. That CPU is split
into the part spent serving Streamlit's own files (its page, JavaScript, CSS and fonts, the same for any app; behind
the nginx of ``deploy/`` nginx serves them, see bench/replicas.py) and the rest.

    python bench/interactie.py [--klein]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from gedeeld import Meting, gehaald, grootte, markdown, tijd, vergelijking, verhouding

import appserver  # noqa: E402

from classify import filters as flt  # noqa: E402
from kaart.model import KaartSpec, projecten_voor  # noqa: E402
from projectdb import open_store  # noqa: E402

OVERZICHT = "/?lagen=wmo,kernwerkgebied"
SPEC = KaartSpec("totaal", zonder_minima=True)
"""The first map on the Overzicht page: a theme only changes it when it has projects counted there."""
DOEL_MEDIAAN = 0.150
DOEL_VERHOUDING = 0.25
DOEL_P90 = 0.250
DOEL_KAARTBYTES = 25_000
DOEL_CPU = 0.2
BEZOEKERS = 4
"""New visitors (each a new browser context and Streamlit session) whose server CPU time is averaged."""

_MERK_FRAMES_JS = f"""() => document.querySelectorAll('{appserver.KAARTFRAMES}')
    .forEach((f) => {{ f.dataset.skwGezien = "1"; f.contentWindow.skwGezien = 1; }})"""
_NIEUWE_FRAMES_JS = f"""() => Array.from(document.querySelectorAll('{appserver.KAARTFRAMES}'))
    .filter((f) => !f.dataset.skwGezien || !f.contentWindow.skwGezien).length"""
"""Mark the map frames before a change; count the frames without the mark (built anew) after it."""


def themas(db: Path) -> list[str]:
    """Themes whose selection leaves projects on the Overzicht's first map (others show no map to repaint)."""
    projecten = open_store(db).projecten()
    return [
        naam
        for naam in flt.opties("inhoud")
        if not projecten_voor(SPEC, flt.toepassen(flt.Filters(inhoud=(naam,)), projecten)).empty
    ]


def wijzigingen(aantal: int, namen: list[str]) -> list[tuple]:
    """``aantal`` changes: pick a theme, remove it, pick the next theme, ..."""
    return [
        appserver.kies_inhoud(namen[(i // 2) % len(namen)]) if i % 2 == 0 else appserver.WIS_INHOUD
        for i in range(aantal)
    ]


@dataclass
class Uitkomst:
    """Per change on one app: seconds to the map repainted, seconds to the end of the script run (when observed),
    the websocket bytes received and the map frames built anew; plus the first load and the number of map frames on
    the page."""

    getekend: list[float] = field(default_factory=list)
    script: list[float] = field(default_factory=list)
    bericht: list[float] = field(default_factory=list)
    ontvangen: list[float] = field(default_factory=list)
    zelf: list[float] = field(default_factory=list)
    tekenen: list[float] = field(default_factory=list)
    bytes: list[int] = field(default_factory=list)
    kaartbytes: list[int] = field(default_factory=list)
    nieuwe_frames: list[int] = field(default_factory=list)
    laden: float = 0.0
    kaarten: int = 0
    cpu_per_bezoeker: float = 0.0
    cpu_streamlitbestanden: float = 0.0


def meet(aantal: int) -> dict[str, Uitkomst]:
    """``aantal`` changes on ours and on the naive page, alternating change by change."""
    uit = {"ons": Uitkomst(), "naief": Uitkomst()}
    with tempfile.TemporaryDirectory() as map_:
        map_ = Path(map_)
        bron = appserver.maak_database(map_ / "bron")
        reeks = wijzigingen(aantal, themas(bron))
        ons = appserver.Server(appserver.APP, appserver.kopieer_database(bron, map_ / "ons"), map_ / "ons.log")
        naief = appserver.Server(
            appserver.NAIEF_APP, appserver.kopieer_database(bron, map_ / "naief"), map_ / "naief.log"
        )
        with ons, naief, appserver.chromium() as browser:
            paginas, verkeer = {}, {}
            for naam, server, pad in (("ons", ons, OVERZICHT), ("naief", naief, "/")):
                server.wacht_gezond()
                pagina = appserver.nieuwe_pagina(browser)
                verkeer[naam] = appserver.Verkeer(pagina)
                uit[naam].laden = appserver.laad(pagina, server.url + pad)
                # Counted once the first run has ended: the first map is drawn before the rest of the page.
                appserver.wacht_tot_klaar(pagina)
                uit[naam].kaarten = appserver.kaartframes(pagina)
                paginas[naam] = pagina
                uit[naam].cpu_per_bezoeker, uit[naam].cpu_streamlitbestanden = _cpu_per_bezoeker(
                    browser, server, server.url + pad, reeks[0]
                )
            for i, wijziging in enumerate(reeks):
                for naam in ("ons", "naief") if i % 2 == 0 else ("naief", "ons"):
                    verkeer[naam].nul()
                    paginas[naam].evaluate(_MERK_FRAMES_JS)
                    tijden = appserver.wijzig_en_meet(paginas[naam], wijziging)
                    # The rest of the page follows the map; its messages count too.
                    appserver.wacht_tot_klaar(paginas[naam], stil=0.3)
                    uit[naam].getekend.append(tijden.getekend)
                    _voeg_toe(uit[naam], tijden)
                    uit[naam].bytes.append(verkeer[naam].bytes)
                    uit[naam].kaartbytes.append(verkeer[naam].kaartbytes)
                    uit[naam].nieuwe_frames.append(paginas[naam].evaluate(_NIEUWE_FRAMES_JS))
    return uit


def _voeg_toe(uitkomst: Uitkomst, tijden: appserver.Tijden) -> None:
    """Add the parts of one change's timeline that were observed."""
    for veld in ("script", "bericht", "ontvangen", "zelf"):
        if getattr(tijden, veld) is not None:
            getattr(uitkomst, veld).append(getattr(tijden, veld))
    # From the selection to the painted map only where the map waited for it.
    if tijden.ontvangen is not None and tijden.zelf is None:
        uitkomst.tekenen.append(tijden.getekend - tijden.ontvangen)


ONDERDELEN = (
    ("script", "waarvan: tot het einde van de scriptrun, mediaan"),
    ("bericht", "tijdlijn: toets → eerste bericht van de server (de scriptrun is begonnen), mediaan"),
    ("ontvangen", "tijdlijn: toets → de eerste kaart ontvangt de nieuwe selectie, mediaan"),
    ("zelf", "tijdlijn: toets → de kaart kleurt zelf om (filtermodel in de browser), mediaan"),
    ("tekenen", "tijdlijn: selectie ontvangen → kaart getekend (waar de kaart daarop wachtte), mediaan"),
)
"""The parts of a change reported beside the total: Uitkomst field and row label."""


def _cpu_per_bezoeker(browser, server: appserver.Server, url: str, wijziging: tuple) -> tuple[float, float]:
    """Mean server CPU seconds of :data:`BEZOEKERS` new visitors, one after the other: each opens ``url`` in a new
    browser context (no cached files), waits until the run has ended and the map is drawn, makes ``wijziging`` and
    waits until the map is repainted. One visitor more goes first, uncounted: the visitors of a meeting open the
    same link, so all but the first find that selection in the caches.

    Second: the part of that spent serving Streamlit's own files (:func:`_streamlitbestanden`), measured by
    fetching the files one visit fetched, :data:`BEZOEKERS` times over, without a browser and one connection per
    file (which cost less server CPU here than one kept-alive connection, so this part is not overstated)."""
    for i in range(BEZOEKERS + 1):
        if i == 1:
            voor = server.cpu_seconden()
        bronnen = appserver.browserbezoek(browser, url, wijziging)
    totaal = (server.cpu_seconden() - voor) / BEZOEKERS
    bestanden = _streamlitbestanden(server.url, bronnen)
    voor = server.cpu_seconden()
    for _ in range(BEZOEKERS):
        for adres in bestanden:
            with urllib.request.urlopen(adres, timeout=60) as antwoord:
                antwoord.read()
    return totaal, (server.cpu_seconden() - voor) / BEZOEKERS


def _streamlitbestanden(basis: str, bronnen: list[str]) -> list[str]:
    """The URLs in ``bronnen`` that Streamlit serves for any app (the page itself, its JavaScript, CSS, fonts,
    icon, health and host-config): those of server ``basis`` outside the app's static folder (``/app/static/``)
    and the component frames (``/component/``)."""
    eigen = (f"{basis}/app/static/", f"{basis}/component/")
    return [b for b in dict.fromkeys(bronnen) if b.startswith(basis + "/") and not b.startswith(eigen)]


def _mediaan(waarden: list[float]) -> float | None:
    return Meting(tuple(waarden)).mediaan if waarden else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--klein", action="store_true", help="twee wijzigingen, als rooktest")
    args = parser.parse_args(argv)
    aantal = 2 if args.klein else 20
    uitkomst = meet(aantal)
    ons, naief = Meting(tuple(uitkomst["ons"].getekend)), Meting(tuple(uitkomst["naief"].getekend))
    verkeer = {naam: _mediaan(u.bytes) for naam, u in uitkomst.items()}
    onderdeel = {veld: {naam: _mediaan(getattr(u, veld)) for naam, u in uitkomst.items()} for veld, _ in ONDERDELEN}
    kaartverkeer = {naam: _mediaan(u.kaartbytes) for naam, u in uitkomst.items()}
    cpu = {naam: u.cpu_per_bezoeker for naam, u in uitkomst.items()}
    statisch = {naam: u.cpu_streamlitbestanden for naam, u in uitkomst.items()}
    nieuw = {naam: _mediaan(u.nieuwe_frames) for naam, u in uitkomst.items()}
    rijen = [
        {
            "meting": "filterwijziging → kaart opnieuw getekend, mediaan",
            "ons": tijd(ons.mediaan),
            "naief": tijd(naief.mediaan),
            "verhouding": verhouding(ons.mediaan, naief.mediaan),
            "doel": f"≤ {tijd(DOEL_MEDIAAN)} en ≤ {DOEL_VERHOUDING}x naief",
            "gehaald": gehaald(ons.mediaan <= DOEL_MEDIAAN and ons.mediaan <= DOEL_VERHOUDING * naief.mediaan),
        },
        {
            "meting": "idem, p90",
            "ons": tijd(ons.percentiel(90)),
            "naief": tijd(naief.percentiel(90)),
            "verhouding": verhouding(ons.percentiel(90), naief.percentiel(90)),
            "doel": f"≤ {tijd(DOEL_P90)}",
            "gehaald": gehaald(ons.percentiel(90) <= DOEL_P90),
        },
        {
            "meting": "idem, min–max",
            "ons": f"{tijd(ons.laagste)}–{tijd(ons.hoogste)}",
            "naief": f"{tijd(naief.laagste)}–{tijd(naief.hoogste)}",
            "verhouding": "—",
            "doel": "—",
            "gehaald": "—",
        },
        *(vergelijking(meting, onderdeel[veld]["ons"], onderdeel[veld]["naief"]) for veld, meting in ONDERDELEN),
        {
            "meting": "wijzigingen waarbij de kaart zelf omkleurde, vóór de selectie van de server",
            **{naam: f"{len(u.zelf)} van {len(u.getekend)}" for naam, u in uitkomst.items()},
            "verhouding": "—",
        },
        vergelijking("ontvangen over de websocket per wijziging, mediaan", verkeer["ons"], verkeer["naief"], grootte),
        {
            "meting": "waarvan de kaarten (berichten met een kaartcomponent), mediaan",
            "ons": grootte(kaartverkeer["ons"]),
            "naief": grootte(kaartverkeer["naief"]),
            "verhouding": verhouding(kaartverkeer["ons"], kaartverkeer["naief"]),
            "doel": f"≤ {grootte(DOEL_KAARTBYTES)}",
            "gehaald": gehaald(kaartverkeer["ons"] <= DOEL_KAARTBYTES),
        },
        {
            "meting": "kaartframes op de pagina",
            "ons": str(uitkomst["ons"].kaarten),
            "naief": str(uitkomst["naief"].kaarten),
            "verhouding": "—",
            "doel": "—",
            "gehaald": "—",
        },
        {
            "meting": "waarvan nieuw opgebouwd per wijziging, mediaan",
            "ons": f"{nieuw['ons']:g}",
            "naief": f"{nieuw['naief']:g}",
            "verhouding": "—",
            "doel": "—",
            "gehaald": "—",
        },
        {
            "meting": "eerste bezoek na start → eerste kaart getekend",
            "ons": tijd(uitkomst["ons"].laden),
            "naief": tijd(uitkomst["naief"].laden),
            "verhouding": verhouding(uitkomst["ons"].laden, uitkomst["naief"].laden),
            "doel": "≤ 1.0x naief",
            "gehaald": gehaald(uitkomst["ons"].laden <= uitkomst["naief"].laden),
        },
        {
            "meting": f"server-CPU per nieuwe bezoeker: pagina + één filterwijziging (gemiddeld over {BEZOEKERS})",
            "ons": tijd(cpu["ons"]),
            "naief": tijd(cpu["naief"]),
            "verhouding": verhouding(cpu["ons"], cpu["naief"]),
            "doel": f"≤ {tijd(DOEL_CPU)}",
            "gehaald": gehaald(cpu["ons"] <= DOEL_CPU),
        },
        vergelijking(
            "waarvan Streamlits eigen bestanden (pagina, JavaScript, CSS, lettertypen), zonder nginx ervoor",
            statisch["ons"],
            statisch["naief"],
        ),
        vergelijking(
            "waarvan de rest: scriptruns, websocket en eigen bestanden (Leaflet, kaartframe, geometrie)",
            cpu["ons"] - statisch["ons"],
            cpu["naief"] - statisch["naief"],
        ),
    ]
    print(f"## 2. Interactie in de browser (headless chromium, {aantal} filterwijzigingen per app, afwisselend)\n")
    print(markdown(rijen))
    return 0


if __name__ == "__main__":
    sys.exit(main())
