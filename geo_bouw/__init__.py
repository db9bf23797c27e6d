"""Offline build of the shipped geodata in ``data/geo/`` (``python -m geo_bouw.build_geo``); the app never imports it."""
