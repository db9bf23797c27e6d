"""Gemeenteprofiel: one gemeente's location, projects (named, via a whole area, possible), leerlijnen and its
Wmo-regio compared."""

from dashboard import gemeentepagina, navigatie, zijbalk

navigatie.via_app()
keuze = zijbalk.keuze()
gemeentepagina.toon(keuze.links)
