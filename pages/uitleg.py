"""Uitleg: the four axes with the report's definitions and the words used on screen."""

from dashboard import navigatie, uitlegpagina, zijbalk

navigatie.via_app()
zijbalk.keuze()
uitlegpagina.toon()
