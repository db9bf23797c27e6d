"""Offline build of the shipped geodata in ``data/geo/``; the app never imports it."""
