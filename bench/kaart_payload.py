"""Benchmark 1: payload and build time of the national vlekkenkaart, ours against the naive baseline.

The map: all municipalities of 2017 and of 2025 (projects, minima contracts left out, as on the Overzicht page) with
the Wmo-region borders and the kernwerkgebied overlay. Ours is :func:`kaart.interactief.kaart` on the cached,
simplified geometry of :mod:`kaart.stijl`; the naive one is :func:`naief.naieve_kaart` (explore-style folium of
the unsimplified layers with every attribute column, rebuilt from the files each time). Both are rendered to the
complete HTML document folium produces.

* HTML bytes of the whole map, and geometry bytes: the GeoJSON geometry objects as embedded (ours compact, the
  naive one as folium's ``tojson`` writes it). Our municipal layer is also held against the source TopoJSON.
* Build time: a first build with every geodata cache empty, and a rebuild after a filter change (the next inhoud
  filter; our layers cached, the naive map rebuilt as always). Ours and naive alternate within each repetition.

    python bench/kaart_payload.py [--klein]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import gedeeld
from gedeeld import afwisselend, gehaald, grootte, markdown, tijd, verhouding

import folium  # noqa: E402

from appserver import maak_database  # noqa: E402
from naief import naieve_kaart, naieve_telling  # noqa: E402

from classify import filters as flt  # noqa: E402
from tekst import selectietekst  # noqa: E402
from geo import geodata  # noqa: E402
from kaart import interactief  # noqa: E402
from kaart import stijl  # noqa: E402
from kaart.model import KaartSpec, kaartbeeld  # noqa: E402
from projectdb import gebied, open_store  # noqa: E402

LAGEN = ("wmo_regio", "kernwerkgebied")
SPEC = KaartSpec("totaal", zonder_minima=True)
FILTERS: tuple[tuple[str, ...], ...] = (
    (),
    ("GGZ",),
    ("Preventie",),
    ("Ouderen",),
    ("Jeugd 18-/18+",),
    ("Effectief Samenwerken in de Wijk",),
    ("Anders",),
)
"""Inhoud selections cycled through, one per repetition (the first: no filter)."""

BRON_TOPOJSON = gedeeld.WORTEL.parent / "shared" / "geo" / "raw"
TOPOJSON_BYTES = {2017: 145_636, 2025: 131_807}
"""Sizes of the source files gemeente_<jaar>.topojson (CBS/PDOK via cartomap, see data/geo/BRONNEN.md) as used for
the shipped data/geo; read from ../shared/geo/raw instead when that folder is present."""

DOEL_GEOMETRIE = 1.5
DOEL_HTML = 0.4
DOEL_HERBOUW = 0.2


def topojson_bytes(jaar: int) -> tuple[int, str]:
    """Size of the municipal source TopoJSON of ``jaar`` and where the figure comes from."""
    bestand = BRON_TOPOJSON / f"gemeente_{jaar}.topojson"
    if bestand.exists():
        return bestand.stat().st_size, "gemeten"
    return TOPOJSON_BYTES[jaar], "vastgelegd"


def geometrie_ons(jaar: int) -> dict[str, int]:
    """Bytes of the geometry objects we embed, per layer (compact JSON, as in :mod:`kaart.stijl`)."""
    lagen = {
        "gemeenten": stijl.gemeentelaag(jaar),
        "Wmo-grenzen": stijl.grenslaag(jaar, "wmo_regio"),
        "kernwerkgebieden": stijl.kernwerkgebiedlaag(jaar),
    }
    return {
        naam: sum(len(json.dumps(f["geometry"], separators=(",", ":")).encode()) for f in json.loads(tekst)["features"])
        for naam, tekst in lagen.items()
    }


def geometrie_naief(kaart: folium.Map) -> dict[str, int]:
    """Bytes of the geometry objects in the naive map's GeoJSON layers, as jinja's ``tojson`` embeds them."""
    namen = iter(("gemeenten", "Wmo-grenzen", "kernwerkgebieden"))
    return {
        next(namen): sum(len(json.dumps(f["geometry"], sort_keys=True).encode()) for f in laag.data["features"])
        for laag in kaart._children.values()
        if isinstance(laag, folium.GeoJson)
    }


def leeg_caches() -> None:
    """Forget every cached layer, table and simplified geometry (a first build as in a fresh process)."""
    for module in (geodata, stijl):
        for naam in dir(module):
            functie = getattr(module, naam)
            if callable(getattr(functie, "cache_clear", None)):
                functie.cache_clear()


def meet_jaar(jaar: int, projecten, herhalingen: int) -> list[dict]:
    koppeling = gebied.koppeling(projecten, jaar)
    gemeenten = geodata.gemeenten(jaar).drop(columns="geometry")

    def ons(ronde: int) -> str:
        filters = flt.Filters(inhoud=FILTERS[ronde % len(FILTERS)], jaar=jaar)
        kaart = kaartbeeld(
            SPEC,
            flt.toepassen(filters, projecten),
            koppeling,
            gemeenten,
            jaar=jaar,
            selectie=selectietekst.beschrijving(filters),
        )
        return interactief.kaart(kaart, jaar, LAGEN).get_root().render()

    def naief(ronde: int) -> str:
        telling = naieve_telling(projecten, koppeling, FILTERS[ronde % len(FILTERS)])
        return naieve_kaart(jaar, telling).get_root().render()

    def ons_koud(ronde: int) -> str:
        leeg_caches()
        return ons(ronde)

    eerste = afwisselend({"ons": ons_koud, "naief": naief}, max(2, herhalingen // 2))
    ons(0)
    herbouw = afwisselend({"ons": lambda r: ons(r + 1), "naief": lambda r: naief(r + 1)}, herhalingen)

    html_ons, html_naief = len(ons(0).encode()), len(naief(0).encode())
    geo_ons = geometrie_ons(jaar)
    geo_naief = geometrie_naief(naieve_kaart(jaar, naieve_telling(projecten, koppeling)))
    bron, herkomst = topojson_bytes(jaar)
    r_geo = geo_ons["gemeenten"] / bron
    r_html = html_ons / html_naief
    r_herbouw = herbouw["ons"].mediaan / herbouw["naief"].mediaan
    rijen = [
        {
            "meting": f"{jaar}: HTML van de kaart",
            "ons": grootte(html_ons),
            "naief": grootte(html_naief),
            "verhouding": verhouding(html_ons, html_naief),
            "doel": f"≤ {DOEL_HTML}x naief",
            "gehaald": gehaald(r_html <= DOEL_HTML),
        },
        {
            "meting": f"{jaar}: geometrie gemeenten t.o.v. TopoJSON-bron",
            "ons": grootte(geo_ons["gemeenten"]),
            "naief": f"TopoJSON {grootte(bron)} ({herkomst})",
            "verhouding": f"{r_geo:.2f}x",
            "doel": f"≤ {DOEL_GEOMETRIE}x TopoJSON",
            "gehaald": gehaald(r_geo <= DOEL_GEOMETRIE),
        },
    ]
    for laag in geo_ons:
        rijen.append(
            {
                "meting": f"{jaar}: geometrie {laag}",
                "ons": grootte(geo_ons[laag]),
                "naief": grootte(geo_naief[laag]),
                "verhouding": verhouding(geo_ons[laag], geo_naief[laag]),
                "doel": "—",
                "gehaald": "—",
            }
        )
    rijen += [
        {
            "meting": f"{jaar}: eerste opbouw (lege caches)",
            "ons": tijd(eerste["ons"]),
            "naief": tijd(eerste["naief"]),
            "verhouding": verhouding(eerste["ons"].mediaan, eerste["naief"].mediaan),
            "doel": "—",
            "gehaald": "—",
        },
        {
            "meting": f"{jaar}: opbouw na filterwijziging",
            "ons": tijd(herbouw["ons"]),
            "naief": tijd(herbouw["naief"]),
            "verhouding": verhouding(herbouw["ons"].mediaan, herbouw["naief"].mediaan),
            "doel": f"≤ {DOEL_HERBOUW}x naief",
            "gehaald": gehaald(r_herbouw <= DOEL_HERBOUW),
        },
    ]
    return rijen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--klein", action="store_true", help="twee herhalingen, als rooktest")
    args = parser.parse_args(argv)
    herhalingen = 2 if args.klein else 9
    with tempfile.TemporaryDirectory() as map_:
        projecten = open_store(maak_database(Path(map_))).projecten()
    rijen = [rij for jaar in geodata.JAREN for rij in meet_jaar(jaar, projecten, herhalingen)]
    print(
        f"## 1. Kaart: bytes en opbouwtijd ({len(projecten)} projecten, lagen: {', '.join(LAGEN)}; "
        f"{herhalingen} herhalingen, mediaan [min–max])\n"
    )
    print(markdown(rijen))
    return 0


if __name__ == "__main__":
    sys.exit(main())
