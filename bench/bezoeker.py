"""A light visitor at the protocol level: what a browser asks of the server, without a browser.

One visitor does what the page does: ``GET /`` (through nginx this sets the sticky cookie), open the websocket
``/_stcore/stream`` with that cookie, ask for a script run (``BackMsg.rerun_script``) and read Streamlit's
``ForwardMsg`` protobufs until the run ends; then change the sidebar filter "Inhoud (thema)" by sending the new
widget state in a second run request, as the browser does on a click. Times are wall-clock seconds from sending the
request: *first map* = until the first run's map component (``dashboard.kaartframe``) has arrived; *repaint* =
until the filter run's map component, with the map's new colours, has arrived. The visitor reads each run to its
end before the next step: the rest of the page follows the map after a short pause (``dashboard/voorrang.py``), so
the end of a run is not the moment the map can be drawn.

Why not browsers: one chromium page costs about as much CPU as the server work it triggers, and on a 2-core
machine 50 pages would measure the browser, not the app. The time the browser then needs to draw is the same for 1
or 2 replicas and is measured in ``bench/interactie.py``.
"""

from __future__ import annotations

import asyncio
import time
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

FILTER = "Inhoud (thema)"
KAARTCOMPONENT = "kaartframe.kaart"  # the name Streamlit gives dashboard.kaartframe's component


@dataclass
class Bezoek:
    """Outcome of one visitor: seconds to the first map and to the repaint (None on error), the error text, and
    the replica cookie the proxy gave (empty without a proxy)."""

    eerste_kaart: float | None = None
    herschilderd: float | None = None
    fout: str = ""
    replica: str = ""


def _cookie(url: str) -> str:
    """``GET /`` like the page load; returns the ``Cookie`` header value for the websocket (the sticky cookie)."""
    with urllib.request.urlopen(url, timeout=60) as antwoord:
        antwoord.read()
        return "; ".join(c.split(";", 1)[0] for c in antwoord.headers.get_all("Set-Cookie") or [])


def _run(widgets: dict[str, list[str]], pagina: str = "", zoekdeel: str = "") -> bytes:
    """A run request with ``widgets`` (widget id -> chosen values) for page ``pagina`` (its script hash; "" is the
    root URL) with the query string ``zoekdeel``."""
    bericht = BackMsg()
    bericht.rerun_script.query_string = zoekdeel
    bericht.rerun_script.page_script_hash = pagina
    for sleutel, waarde in widgets.items():
        staat = bericht.rerun_script.widget_states.widgets.add()
        staat.id = sleutel
        staat.string_array_value.data.extend(waarde)
    return bericht.SerializeToString()


async def _tot_einde(socket, gezien: dict) -> None:
    """Read messages until the script run ends; note widget ids, when the first map component came
    (``time.perf_counter``), and the page and query string the run ended on (what the browser sends back with its
    next run request)."""
    while True:
        bericht = ForwardMsg()
        bericht.ParseFromString(await socket.recv())
        soort = bericht.WhichOneof("type")
        if soort == "new_session":
            gezien["pagina"] = bericht.new_session.page_script_hash
        elif soort == "page_info_changed":
            gezien["zoekdeel"] = bericht.page_info_changed.query_string
        elif soort == "delta" and bericht.delta.WhichOneof("type") == "new_element":
            element = bericht.delta.new_element
            if element.WhichOneof("type") == "multiselect":
                gezien.setdefault("widgets", {})[element.multiselect.label] = (
                    element.multiselect.id,
                    list(element.multiselect.options),
                )
            elif (
                element.WhichOneof("type") == "component_instance"
                and KAARTCOMPONENT in element.component_instance.component_name
            ):
                gezien.setdefault("kaart", time.perf_counter())
        elif soort == "script_finished":
            if bericht.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                continue  # the root URL forwards to the first page (st.switch_page): its run follows
            if bericht.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                raise RuntimeError(f"run eindigde met {ForwardMsg.ScriptFinishedStatus.Name(bericht.script_finished)}")
            return
        elif soort == "session_event" and bericht.session_event.HasField("script_compilation_exception"):
            raise RuntimeError("script gaf een fout")
        elif soort == "delta" and bericht.delta.new_element.WhichOneof("type") == "exception":
            raise RuntimeError(f"uitzondering in de app: {bericht.delta.new_element.exception.message}")


async def bezoek(url: str, keuze: str, maximum: float = 120.0) -> Bezoek:
    """One visitor on the app at ``url`` (a replica or the proxy): first page, then pick ``keuze`` in the filter.
    Bounded by ``maximum`` seconds in all; a timeout or any failure is reported in :attr:`Bezoek.fout`."""
    uitkomst = Bezoek()
    try:
        async with asyncio.timeout(maximum):
            start = time.perf_counter()
            cookie = await asyncio.to_thread(_cookie, url)
            uitkomst.replica = next(
                (c.split("=", 1)[1] for c in cookie.split("; ") if c.startswith("skw_replica=")), ""
            )
            deel = urlsplit(url)
            async with websockets.connect(
                f"ws://{deel.netloc}/_stcore/stream",
                subprotocols=["streamlit"],
                additional_headers={"Cookie": cookie} if cookie else None,
                max_size=None,
                open_timeout=maximum,
            ) as socket:
                gezien: dict = {}
                await socket.send(_run({}))
                await _tot_einde(socket, gezien)
                if "kaart" not in gezien:
                    raise RuntimeError("eerste run zonder kaart")
                uitkomst.eerste_kaart = gezien["kaart"] - start
                sleutel, opties = gezien["widgets"][FILTER]
                if keuze not in opties:
                    raise RuntimeError(f"{keuze!r} staat niet in de keuzelijst {FILTER!r}")
                start = time.perf_counter()
                # Like the browser: the page it is on (the root URL forwarded to Overzicht) and its query string.
                await socket.send(_run({sleutel: [keuze]}, gezien.get("pagina", ""), gezien.get("zoekdeel", "")))
                filterrun: dict = {}
                await _tot_einde(socket, filterrun)
                if "kaart" not in filterrun:
                    raise RuntimeError(f"de run na de keuze {keuze!r} had geen kaart")
                uitkomst.herschilderd = filterrun["kaart"] - start
    except (TimeoutError, OSError, RuntimeError, KeyError, websockets.WebSocketException) as fout:
        uitkomst.fout = f"{type(fout).__name__}: {fout}"
    return uitkomst


async def _tegelijk(url: str, keuzes: list[str], maximum: float) -> list[Bezoek]:
    return await asyncio.gather(*(bezoek(url, keuze, maximum) for keuze in keuzes))


def tegelijk(url: str, keuzes: list[str], maximum: float = 120.0) -> list[Bezoek]:
    """``len(keuzes)`` visitors started at the same moment, visitor *i* picking ``keuzes[i]``."""
    return asyncio.run(_tegelijk(url, keuzes, maximum))
