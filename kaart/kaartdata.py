"""Precomputed map geometry shipped in ``data/kaart/``, derived from ``data/geo/``: ``python -m kaart.kaartdata``.

Per boundary year two files that no selection changes: ``geometrie_<jaar>.json``, the selection-independent part of
the dashboard's map frame (:func:`bereken_geometrie`: simplified municipalities, borders and kernwerkgebieden in
EPSG:4326; served by :func:`kaart.kaartframe.geometrie`), and ``kleine_paden_<jaar>.json``, the coarse SVG path per
municipality of the small multiples (:func:`kaart.stijl.kleine_paden`, EPSG:28992 metres scaled to
:data:`KLEIN_BREEDTE` SVG units). Computing them takes geopandas, shapely and pyproj and about a second of CPU;
reading them takes milliseconds and none of those libraries, so the first visit after a start draws its first map
sooner. ``tests/test_kaartdata.py`` checks that the shipped files equal what this module computes from
``data/geo/``; rebuild them after a change to the geodata or to :mod:`kaart.stijl`.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from types import MappingProxyType

from classify.vocab import JAREN

MAP = Path(__file__).resolve().parents[1] / "data" / "kaart"
"""Folder with the shipped files (derived data, see its README.md)."""

KLEIN_BREEDTE = 240
"""Width in SVG units of the small multiples' paths."""


def lees(soort: str, jaar: int) -> bytes:
    """The shipped file ``<soort>_<jaar>.json`` (``soort``: ``geometrie`` or ``kleine_paden``) as bytes."""
    if jaar not in JAREN:
        raise ValueError(f"geen kaartgegevens voor jaar {jaar!r}; beschikbaar: {', '.join(map(str, JAREN))}")
    return (MAP / f"{soort}_{jaar}.json").read_bytes()


@cache
def kleine_paden(jaar: int) -> MappingProxyType:
    """The shipped ``kleine_paden_<jaar>.json``: SVG path data per municipality code and the viewBox under key ``""``
    (:func:`kaart.stijl.kleine_paden` at :data:`KLEIN_BREEDTE`)."""
    return MappingProxyType(json.loads(lees("kleine_paden", jaar)))


def _json(inhoud: object) -> bytes:
    return json.dumps(inhoud, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def bereken_geometrie(jaar: int) -> bytes:
    """The selection-independent part of the map of boundary year ``jaar`` as UTF-8 JSON, computed from
    ``data/geo/``.

    It holds ``gemeenten`` (compact GeoJSON, decoded in the browser as :data:`kaart.stijl.DECODEER_JS` does),
    ``codes``, ``namen`` and ``regio`` (Wmo-region index into ``regio_s``) in feature order, the layers
    ``wmo_regio``, ``provincie`` and ``kernwerkgebied`` and ``omtrek`` ((south, west), (north, east) in degrees).
    """
    # Imported here: only building needs geopandas and shapely.
    from kaart import stijl

    vlak = stijl.dekking(jaar)
    regio_s: dict[str, int] = {}
    return _json(
        {
            "jaar": jaar,
            "codes": vlak["gemeente_code"].tolist(),
            "namen": vlak["gemeente_naam"].tolist(),
            "regio": [regio_s.setdefault(str(r), len(regio_s)) for r in vlak["wmo_regio"]],
            "regio_s": list(regio_s),
            "omtrek": [list(hoek) for hoek in stijl.omtrek(jaar)],
            "gemeenten": json.loads(stijl.gemeentelaag(jaar)),
            "wmo_regio": json.loads(stijl.grenslaag(jaar, "wmo_regio")),
            "provincie": json.loads(stijl.grenslaag(jaar, "provincie")),
            "kernwerkgebied": json.loads(stijl.kernwerkgebiedlaag(jaar)),
        }
    )


def bereken_kleine_paden(jaar: int) -> bytes:
    """The small multiples' path data of ``jaar`` (:func:`kaart.stijl.kleine_paden`) as UTF-8 JSON."""
    from kaart import stijl

    return _json(dict(stijl.kleine_paden(jaar, KLEIN_BREEDTE)))


def bouw(doel: Path = MAP) -> list[Path]:
    """Write both files of every boundary year to ``doel``; returns the paths written."""
    doel.mkdir(parents=True, exist_ok=True)
    geschreven = []
    for jaar in JAREN:
        for soort, bereken in (("geometrie", bereken_geometrie), ("kleine_paden", bereken_kleine_paden)):
            pad = doel / f"{soort}_{jaar}.json"
            pad.write_bytes(bereken(jaar))
            geschreven.append(pad)
    return geschreven


def main() -> int:
    for pad in bouw():
        print(f"geschreven: {pad.relative_to(MAP.parents[1])} ({pad.stat().st_size / 1000:.1f} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
