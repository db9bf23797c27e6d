"""Running an app for the browser benchmarks: a Streamlit server in a subprocess on a free port with its own
project store, headless chromium (the system's, never a downloaded one) and the in-page detection of a painted map.

A map counts as painted when the first map frame (:data:`KAARTFRAMES`) on the page holds
``path.leaflet-interactive`` elements; its *signature* is their number and fill colours, so a repaint after a filter
change is a new, non-empty signature that then stays unchanged. Requests to other hosts than the app never reach the
network: Leaflet's own files are answered from ``static/leaflet`` and everything else (tiles, fonts, CSS frameworks
folium links by default) with an empty response, for both apps alike, so neither side is timed waiting for the
internet. (Playwright's routing switches off the browser's HTTP cache, so the naive page's CDN and tile requests,
about forty per repaint, pass through the route handler each time; a small cost that only makes the baseline
slower.)
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from gedeeld import WORTEL

sys.path.insert(0, str(WORTEL / "deploy"))

import streamlitproces  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from projectdb import open_store  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VENSTER = {"width": 1400, "height": 900}
APP = WORTEL / "app.py"
NAIEF_APP = WORTEL / "bench" / "naief_app.py"
LEAFLET = WORTEL / "static" / "leaflet"

# d3 is what folium's colour bar legend calls; a chainable no-op keeps the naive map's script running offline
# (its legend is then not drawn, which only flatters the baseline).
_D3_STUB = (
    "window.d3=new Proxy(function(){},{get:function(t,k){return k==='then'?undefined:window.d3;},"
    "apply:function(){return window.d3;}});"
)

KAARTFRAMES = 'iframe[src*="streamlit_folium"], iframe[src*="kaartframe.kaart"]'
"""The map frames: the app's own map component and ``st_folium`` (the naive page, the Leerlijnen page)."""

HANDTEKENING_JS = """
() => {
  for (const frame of document.querySelectorAll('%s')) {
    let doc = null;
    try { doc = frame.contentDocument; } catch (e) { continue; }
    if (!doc) { return ""; }
    const paden = doc.querySelectorAll("path.leaflet-interactive");
    if (!paden.length) { return ""; }
    let s = paden.length + ":";
    for (const p of paden) { s += (p.getAttribute("fill") || "-") + ","; }
    return s;
  }
  return "";
}
"""
"""Signature of the first map on the page ("" while it has no painted paths)."""
HANDTEKENING_JS = HANDTEKENING_JS % KAARTFRAMES

_WACHT_JS = (
    """
async ([basis, stil, maximum]) => {
  const handtekening = """
    + HANDTEKENING_JS.strip()
    + """;
  const begin = performance.now();
  return await new Promise((klaar) => {
    let laatste = "", gezien = 0, geschilderd = 0;
    const kijk = () => {
      const nu = performance.now();
      const h = handtekening();
      if (h && h !== basis) {
        if (h !== laatste) {
          laatste = h; gezien = nu; geschilderd = 0;
          // Two animation frames after the paths appear: the frame holding them has been painted.
          requestAnimationFrame(() => requestAnimationFrame(() => {
            if (laatste === h) { geschilderd = performance.now(); }
          }));
        } else if (geschilderd && nu - gezien >= stil) {
          klaar({start: window.__skwStart ?? null, script: window.__skwKlaar ?? null, geschilderd: geschilderd,
                 bericht: window.__skwBericht ?? null, ontvangen: window.__skwOntvangen ?? null});
          return;
        }
      } else {
        laatste = "";
      }
      if (nu - begin > maximum) { klaar(null); return; }
      setTimeout(kijk, 5);
    };
    kijk();
  });
}
"""
)

_START_JS = """
() => {
  window.__skwStart = null;
  window.__skwKlaar = null;
  window.__skwBericht = null;
  window.__skwOntvangen = null;
  const zet = () => { if (window.__skwStart === null) { window.__skwStart = performance.now(); } };
  document.addEventListener("keydown", zet, {capture: true, once: true});
  const app = document.querySelector('[data-testid="stApp"]');
  // The app is idle ("notRunning") when this is installed, so any change that ends in "notRunning" is a run.
  const waarnemer = new MutationObserver(() => {
    if (app.getAttribute("data-test-script-state") === "notRunning" && window.__skwStart !== null) {
      window.__skwKlaar = performance.now();
      waarnemer.disconnect();
    }
  });
  waarnemer.observe(app, {attributes: true, attributeFilter: ["data-test-script-state"]});
}
"""
"""Marks the moment of the next key press and the end of the script run it causes, in the page's own clock."""

_TIJDLIJN_JS = """
(() => {
  if (window === window.top) {
    // The first message from the server after the key press: the new script run has started.
    const Echt = window.WebSocket;
    window.WebSocket = class extends Echt {
      constructor(...args) {
        super(...args);
        this.addEventListener("message", () => {
          if (window.__skwStart != null && window.__skwBericht == null) { window.__skwBericht = performance.now(); }
        });
      }
    };
    return;
  }
  // In a component frame (our map frame, st_folium): the first new arguments after the key press, converted to
  // the top page's clock. Registered before the component's own listener, so it sees the message first.
  window.addEventListener("message", (e) => {
    if (!e.data || e.data.type !== "streamlit:render") { return; }
    let boven = null;
    try { boven = window.top; } catch (fout) { return; }
    if (boven.__skwStart == null || boven.__skwOntvangen != null) { return; }
    boven.__skwOntvangen = performance.timeOrigin + performance.now() - boven.performance.timeOrigin;
  });
})();
"""
"""Installed in every frame of a benchmark page: marks when the first server message after a key press arrives
(top page) and when the first component frame receives its new arguments (in the top page's clock)."""

_ZELF_JS = f"""() => {{
  const frame = document.querySelector('{KAARTFRAMES}');
  let moment = null;
  try {{ moment = frame.contentWindow.skwKaart.zelfMoment(); }} catch (fout) {{ return null; }}
  return moment === null ? null : moment - performance.timeOrigin;
}}"""
"""When the first map frame last recoloured itself from the sidebar, in the top page's clock (``null``: never, or
not our map)."""


@dataclass(frozen=True)
class Tijden:
    """Seconds from the key press of one change to: the map repainted, the end of the script run, the first
    message from the server, the first map frame receiving the new selection and that frame recolouring itself
    (``None`` when not observed)."""

    getekend: float
    script: float | None
    bericht: float | None
    ontvangen: float | None
    zelf: float | None = None
    """To the first map frame recolouring itself from the sidebar (our map, before the server's selection)."""


def maak_database(map_: Path) -> Path:
    """A fresh project store built from the shipped ``data/projects/projecten.csv`` in ``map_``."""
    pad = Path(map_) / "samenwerking.sqlite"
    open_store(pad)
    return pad


def kopieer_database(bron: Path, map_: Path) -> Path:
    """A copy of the store file ``bron`` in ``map_`` (each app start gets its own file)."""
    Path(map_).mkdir(parents=True, exist_ok=True)
    doel = Path(map_) / bron.name
    shutil.copyfile(bron, doel)
    return doel


class Server:
    """``python -m streamlit run <script>`` as a subprocess on a free port, reading store ``db``; its output goes
    to the file ``log``."""

    def __init__(self, script: Path, db: Path, log: Path):
        self.script = Path(script)
        self.db = Path(db)
        self.poort = streamlitproces.vrije_poort()
        self.url = f"http://127.0.0.1:{self.poort}"
        self.log = Path(log)
        self.proces: subprocess.Popen | None = None
        self.gestart = 0.0

    def start(self) -> Server:
        """Start the server (returns at once; :meth:`wacht_gezond` waits for it). ``gestart`` is the
        :func:`time.perf_counter` just before the process was created."""
        self.gestart = time.perf_counter()
        self.proces = streamlitproces.start(self.script, self.poort, self.db, self.log)
        return self

    def wacht_gezond(self, maximum: float = 120.0) -> float:
        """Wait until ``/_stcore/health`` answers "ok"; returns seconds since :meth:`start`."""
        try:
            streamlitproces.wacht_gezond(self.url + "/", self.proces, self.log, maximum, pauze=0.02)
        except (RuntimeError, TimeoutError) as fout:
            raise type(fout)(f"{self.script.name}: {fout}\n{self.logtekst()}") from None
        return time.perf_counter() - self.gestart

    def logtekst(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-3000:] if self.log.exists() else ""

    def cpu_seconden(self) -> float:
        """CPU time (user + system) in seconds used so far by the server process and its child processes."""
        return cpu_seconden(self.proces.pid)

    def piek_rss(self) -> int:
        """Peak resident memory (VmHWM) in bytes of the server process plus its child processes."""
        return geheugen(self.proces.pid, "VmHWM")

    def stop(self) -> None:
        """Stop the server process (its own process group, which it leads) and wait for it."""
        streamlitproces.beeindig(self.proces)

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *_) -> None:
        self.stop()


def _procesboom(pid: int) -> list[int]:
    boom, todo = [], [pid]
    while todo:
        huidig = todo.pop()
        boom.append(huidig)
        for taak in Path(f"/proc/{huidig}/task").glob("*/children"):
            todo.extend(int(k) for k in taak.read_text().split())
    return boom


def cpu_seconden(pid: int) -> float:
    """User + system CPU-seconds so far of process ``pid`` and its children (``/proc/<pid>/stat``)."""
    totaal = 0
    for deel in _procesboom(pid):
        try:
            velden = Path(f"/proc/{deel}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        totaal += int(velden[11]) + int(velden[12])  # utime, stime (fields 14 and 15 of stat)
    return totaal / os.sysconf("SC_CLK_TCK")


def geheugen(pid: int, veld: str = "VmRSS") -> int:
    """Memory in bytes of process ``pid`` and its children: ``veld`` of ``/proc/<pid>/status`` (VmRSS resident
    now, VmHWM its peak)."""
    totaal = 0
    for deel in _procesboom(pid):
        try:
            regels = Path(f"/proc/{deel}/status").read_text().splitlines()
        except OSError:
            continue
        totaal += next((int(r.split()[1]) for r in regels if r.startswith(f"{veld}:")), 0) * 1024
    return totaal


_BRONNEN_JS = "() => performance.getEntriesByType('resource').map((r) => r.name)"


def browserbezoek(browser, url: str, wijziging: tuple) -> list[str]:
    """One new visitor in a fresh browser context (nothing cached): open ``url``, wait until the map is drawn and
    the run has ended, make ``wijziging`` (:func:`kies_inhoud`, :data:`WIS_INHOUD`), wait until the map is
    repainted and the run has ended, close. Returns the URLs the page itself fetched over HTTP (not those of its
    frames), ``url`` first."""
    pagina = nieuwe_pagina(browser)
    try:
        laad(pagina, url)
        wacht_tot_klaar(pagina)
        wijzig_en_meet(pagina, wijziging)
        wacht_tot_klaar(pagina)
        return [url, *pagina.evaluate(_BRONNEN_JS)]
    finally:
        pagina.context.close()


@contextmanager
def chromium() -> Iterator[object]:
    """Headless system chromium through Playwright's sync API."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


_EXTERN = re.compile(r"^https?://(?!127\.0\.0\.1[:/]|localhost[:/])")
_INHOUDSTYPE = {".js": "application/javascript", ".css": "text/css", ".png": "image/png"}


def _extern(route) -> None:
    url = route.request.url
    if re.search(r"/leaflet(@[\d.]+)?/dist/leaflet\.(js|css)$", url):
        bestand = LEAFLET / url.rsplit("/", 1)[1]
        route.fulfill(path=str(bestand), content_type=_INHOUDSTYPE[bestand.suffix])
    elif re.search(r"/d3(\.v\d)?(\.min)?\.js$", url):
        route.fulfill(body=_D3_STUB, content_type="application/javascript")
    else:
        soort = next((t for ext, t in _INHOUDSTYPE.items() if url.split("?")[0].endswith(ext)), "text/plain")
        route.fulfill(status=200, body=b"", content_type=soort)


def nieuwe_pagina(browser):
    """A page in a fresh context (empty cache, fixed window size) whose requests to other hosts are answered
    locally (see the module docstring)."""
    context = browser.new_context(viewport=VENSTER)
    context.route(_EXTERN, _extern)
    context.add_init_script(_TIJDLIJN_JS)
    return context.new_page()


class Verkeer:
    """Bytes the page receives over its websockets (Streamlit's messages), counted from the last :meth:`nul`:
    all of them (``bytes``) and those of the messages that carry a map component (``kaartbytes``: the arguments of
    our map frame or of ``st_folium``)."""

    def __init__(self, pagina):
        self.bytes = 0
        self.kaartbytes = 0
        pagina.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, inhoud) -> None:
        self.bytes += len(inhoud)
        if isinstance(inhoud, bytes):
            bericht = ForwardMsg()
            bericht.ParseFromString(inhoud)
            if bericht.WhichOneof("type") == "delta" and bericht.delta.WhichOneof("type") == "new_element":
                if bericht.delta.new_element.WhichOneof("type") == "component_instance":
                    self.kaartbytes += len(inhoud)

    def nul(self) -> None:
        self.bytes = 0
        self.kaartbytes = 0


def kaartframes(pagina) -> int:
    """Number of map frames on the page."""
    return pagina.locator(KAARTFRAMES).count()


def handtekening(pagina) -> str:
    return pagina.evaluate(HANDTEKENING_JS)


def wacht_op_kaart(pagina, maximum: float = 120.0) -> None:
    """Wait until the first map on the page has painted paths."""
    pagina.wait_for_function(f"({HANDTEKENING_JS.strip()})() !== ''", polling=20, timeout=maximum * 1000)


def laad(pagina, url: str, maximum: float = 120.0) -> float:
    """Open ``url`` and wait for its first map; returns the seconds that took."""
    start = time.perf_counter()
    pagina.goto(url)
    wacht_op_kaart(pagina, maximum)
    return time.perf_counter() - start


_SCRIPTSTAAT_JS = """() => document.querySelector('[data-testid="stApp"]')?.getAttribute("data-test-script-state")"""


def wacht_tot_klaar(pagina, stil: float = 1.0, maximum: float = 600.0) -> None:
    """Wait until the page's script run has finished and no new run started for ``stil`` seconds."""
    grens = time.perf_counter() + maximum
    sinds = time.perf_counter()
    while time.perf_counter() < grens:
        if pagina.evaluate(_SCRIPTSTAAT_JS) != "notRunning":
            sinds = time.perf_counter()
        elif time.perf_counter() - sinds >= stil:
            return
        time.sleep(0.05)
    raise TimeoutError(f"{pagina.url}: het script werd niet klaar binnen {maximum:.0f} s")


def wacht_tot_rustig(pagina, stil: float = 0.4, maximum: float = 60.0) -> str:
    """Wait until the app is idle (no script run under way) and the first map's signature has not changed for
    ``stil`` seconds; returns that signature."""
    grens = time.perf_counter() + maximum
    vorige, sinds = None, time.perf_counter()
    while time.perf_counter() < grens:
        bezig = pagina.evaluate(_SCRIPTSTAAT_JS) != "notRunning"
        huidig = handtekening(pagina)
        if bezig or huidig != vorige or not huidig:
            vorige, sinds = huidig, time.perf_counter()
        elif time.perf_counter() - sinds >= stil:
            return huidig
        time.sleep(0.05)
    raise TimeoutError("de app werd niet rustig")


def wijzig_en_meet(pagina, wijziging: tuple, stil: float = 0.4, maximum: float = 60.0) -> Tijden:
    """The :class:`Tijden` of one change, timed in the page's clock from the key press that changes a filter: the
    first map counts as repainted when it has a new signature that then stays unchanged for ``stil`` seconds.

    ``wijziging``: (preparation, key press), functions of the page, from :func:`kies_inhoud` or :data:`WIS_INHOUD`;
    the clock starts at the key press, not at the preparation (focusing and typing into the widget).
    """
    voorbereiding, druk = wijziging
    basis = wacht_tot_rustig(pagina)
    voorbereiding(pagina)
    pagina.evaluate(_START_JS)
    druk(pagina)
    uitkomst = pagina.evaluate(_WACHT_JS, [basis, stil * 1000, maximum * 1000])
    if uitkomst is None or uitkomst["start"] is None:
        raise TimeoutError("de kaart werd na de wijziging niet opnieuw getekend")

    def sinds_toets(sleutel: str) -> float | None:
        return None if uitkomst[sleutel] is None else (uitkomst[sleutel] - uitkomst["start"]) / 1000

    zelf = pagina.evaluate(_ZELF_JS)
    if zelf is not None and zelf >= uitkomst["start"]:
        uitkomst["zelf"] = zelf
    else:
        uitkomst["zelf"] = None
    return Tijden(
        sinds_toets("geschilderd"),
        sinds_toets("script"),
        sinds_toets("bericht"),
        sinds_toets("ontvangen"),
        sinds_toets("zelf"),
    )


def _inhoudveld(pagina):
    keuze = pagina.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(has_text="Inhoud (thema)")
    return keuze.locator("input")


def _typ(waarde: str):
    def voorbereiding(pagina) -> None:
        veld = _inhoudveld(pagina)
        veld.click()
        veld.fill(waarde)

    return voorbereiding


def _focus(pagina) -> None:
    _inhoudveld(pagina).click()


def kies_inhoud(waarde: str) -> tuple:
    """Change: pick ``waarde`` in the sidebar multiselect "Inhoud (thema)" (typed, then Enter)."""
    return _typ(waarde), lambda pagina: _inhoudveld(pagina).press("Enter")


WIS_INHOUD = (_focus, lambda pagina: _inhoudveld(pagina).press("Backspace"))
"""Change: remove the selected value of "Inhoud (thema)" (Backspace in the widget's empty input)."""
