"""The interactive map as a Streamlit component: the frame in ``kaart/web``, the geometry as a static file.

The geometry of a boundary year (:func:`kaart.kaartframe.geometrie`) is written once into the app's static folder
(``static/kaartdata``, served by Streamlit's static file serving) under a name holding a hash of its content; the
browser fetches it once and keeps it. Each rerun sends the frame only the selection (:func:`kaart.kaartframe.selectie`,
a few kilobytes), and because the component keeps its key the frame stays open and recolours the shapes it drew.
On the total map the frame also gets a filter model (:mod:`kaart.filtermodel`), another static file, and recolours
as soon as the sidebar's Inhoud or Zorgverzekeraar changes, before the run's own selection arrives.
"""

from __future__ import annotations

import os
import tempfile
from functools import cache
from pathlib import Path

import streamlit.components.v1 as components

from classify import filters as flt
from dashboard import toegankelijkheid, zijbalk
from kaart import filtermodel as kaartfilter
from kaart import kaartframe
from kaart.model import Kaartbeeld

WEB = Path(kaartframe.__file__).with_name("web")
STATISCH = Path(__file__).resolve().parents[1] / "static"
KAARTDATA = STATISCH / "kaartdata"
"""Generated geometry files (git-ignored); Streamlit serves them at ``app/static/kaartdata/``."""
URL_KAARTDATA = "../../app/static/kaartdata/"
"""The geometry files relative to the component frame (``component/<naam>/index.html``)."""

NAAM = "kaart"
URL_COMPONENT = f"/component/{__name__}.{NAAM}/"
"""Where Streamlit serves the frame's files (:data:`WEB`): ``/component/<module>.<name>/``."""


@cache
def _component():
    """The declared component, declared at first use: declaring it at import, outside a script run, made Streamlit
    warn wherever the module's paths are read without running the app (``deploy/nginx_conf.py``)."""
    return components.declare_component(NAAM, path=str(WEB))


def geometriebestand(jaar: int) -> str:
    """The URL (relative to the frame) of the geometry file of ``jaar``, written when it is missing (first use,
    or removed while the server runs; the content itself is computed once per process)."""
    return _publiceer(*kaartframe.geometrie(jaar))[0]


def filtermodelbestand(naam: str, inhoud: bytes) -> str:
    """The URL (relative to the frame) of a filter model file (:func:`dashboard.data.filtermodel_bestand`), written
    when missing. Writing one removes all but the :data:`MAX_FILTERMODELLEN` newest: a few per revision are in use,
    a page needing a removed one writes it again, and a frame that finds its file gone draws the server's maps."""
    url, nieuw = _publiceer(naam, inhoud, aanraken=True)
    if nieuw:
        modellen = sorted(KAARTDATA.glob(f"{kaartfilter.BESTAND}-*.json"), key=_gewijzigd, reverse=True)
        for pad in modellen[MAX_FILTERMODELLEN:]:
            pad.unlink(missing_ok=True)
    return url


MAX_FILTERMODELLEN = 32


def _gewijzigd(pad: Path) -> float:
    try:
        return pad.stat().st_mtime
    except FileNotFoundError:  # removed by another server process meanwhile
        return 0.0


def _publiceer(naam: str, inhoud: bytes, aanraken: bool = False) -> tuple[str, bool]:
    """Write ``inhoud`` as the static file ``naam`` unless it exists; returns its URL relative to the frame and
    whether it was written now. With ``aanraken`` an existing file gets the current time, so a file in use stays
    among the newest.

    Written to a temporary file and renamed, so a browser never reads half a file and two server processes may
    write the same name at once.
    """
    doel = KAARTDATA / naam
    if aanraken:
        try:
            os.utime(doel)
            return URL_KAARTDATA + naam, False
        except FileNotFoundError:
            pass
    if not doel.exists():
        KAARTDATA.mkdir(parents=True, exist_ok=True)
        fd, tijdelijk = tempfile.mkstemp(dir=KAARTDATA, prefix=".", suffix=".deel")
        # mkstemp makes the file private (0600); it is a public static file, readable by a web server in front.
        os.fchmod(fd, 0o644)
        with os.fdopen(fd, "wb") as uit:
            uit.write(inhoud)
        os.replace(tijdelijk, doel)
        return URL_KAARTDATA + naam, True
    return URL_KAARTDATA + naam, False


def kaart(
    kaartbeeld: Kaartbeeld,
    jaar: int,
    lagen: tuple[str, ...],
    sleutel: str,
    hoogte: int,
    focus: str | None = None,
    groep: str | None = None,
    filtermodel: tuple[str, bytes] | None = None,
    filters: flt.Filters | None = None,
) -> str | None:
    """Draw ``kaartbeeld`` on the boundaries of ``jaar`` with the border layers ``lagen``; returns the CBS code of
    the last municipality clicked (or chosen with Enter or Space), ``None`` before any.

    ``sleutel`` keeps the frame across reruns (unique on the page); ``hoogte`` is the frame height in px;
    ``focus`` (a CBS code of ``jaar``) zooms to that municipality and outlines it; maps with the same ``groep``
    on a page pan and zoom together (compare mode). With ``filtermodel`` (:func:`dashboard.data.filtermodel_bestand`)
    the frame recolours itself when the sidebar's Inhoud or Zorgverzekeraar changes, until this call sends the
    map of the new selection; ``filters`` is the selection ``kaartbeeld`` shows, whose other fields the sidebar must
    still show (:func:`dashboard.zijbalk.stand_buiten`) for the frame to do so.
    """
    model = None
    if filtermodel is not None and filters is not None:
        model = {
            "bestand": filtermodelbestand(*filtermodel),
            "velden": {veld: zijbalk.VELDTITELS[veld] for veld in kaartfilter.VELDEN},
            "gekozen": {veld: list(getattr(filters, veld)) for veld in kaartfilter.VELDEN},
            "vast": zijbalk.stand_buiten(filters, kaartfilter.VELDEN),
            "meldingen": {"bijwerken": kaartfilter.BIJWERKEN, "geen": kaartfilter.GEEN},
        }
    return _component()(
        bestand=geometriebestand(jaar),
        selectie=kaartframe.selectie(kaartbeeld, jaar, lagen),
        naam=toegankelijkheid.KAARTTITEL,
        hoogte=hoogte,
        focus=focus,
        groep=groep,
        filtermodel=model,
        key=sleutel,
        default=None,
    )
