"""The interactive map as a Streamlit component: the frame in ``kaart/web``, the geometry as a static file.

The geometry of a boundary year (:func:`kaart.kaartframe.geometrie`) is written once into the app's static folder
(``static/kaartdata``, served by Streamlit's static file serving) under a name holding a hash of its content; the
browser fetches it once and keeps it. Each rerun sends the frame only the selection (:func:`kaart.kaartframe.selectie`,
a few kilobytes), and because the component keeps its key the frame stays open and recolours the shapes it drew.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import streamlit.components.v1 as components

from dashboard import toegankelijkheid
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

_component = components.declare_component(NAAM, path=str(WEB))


def geometriebestand(jaar: int) -> str:
    """The URL (relative to the frame) of the geometry file of ``jaar``, written when it is missing (first use,
    or removed while the server runs; the content itself is computed once per process).

    Written to a temporary file and renamed, so a browser never reads half a file and two server processes may
    write the same name at once.
    """
    naam, inhoud = kaartframe.geometrie(jaar)
    doel = KAARTDATA / naam
    if not doel.exists():
        KAARTDATA.mkdir(parents=True, exist_ok=True)
        fd, tijdelijk = tempfile.mkstemp(dir=KAARTDATA, prefix=".", suffix=".deel")
        # mkstemp makes the file private (0600); it is a public static file, readable by a web server in front.
        os.fchmod(fd, 0o644)
        with os.fdopen(fd, "wb") as uit:
            uit.write(inhoud)
        os.replace(tijdelijk, doel)
    return URL_KAARTDATA + naam


def kaart(
    kaartbeeld: Kaartbeeld,
    jaar: int,
    lagen: tuple[str, ...],
    sleutel: str,
    hoogte: int,
    focus: str | None = None,
    groep: str | None = None,
) -> str | None:
    """Draw ``kaartbeeld`` on the boundaries of ``jaar`` with the border layers ``lagen``; returns the CBS code of
    the last municipality clicked (or chosen with Enter or Space), ``None`` before any.

    ``sleutel`` keeps the frame across reruns (unique on the page); ``hoogte`` is the frame height in px;
    ``focus`` (a CBS code of ``jaar``) zooms to that municipality and outlines it; maps with the same ``groep``
    on a page pan and zoom together (compare mode).
    """
    return _component(
        bestand=geometriebestand(jaar),
        selectie=kaartframe.selectie(kaartbeeld, jaar, lagen),
        naam=toegankelijkheid.KAARTTITEL,
        hoogte=hoogte,
        focus=focus,
        groep=groep,
        key=sleutel,
        default=None,
    )
