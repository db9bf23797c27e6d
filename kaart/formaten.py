"""File formats and raster resolution limits of the static maps (:mod:`kaart.statisch`), importable without
matplotlib: the dashboard and the export command line name them before any map is rendered."""

FORMATEN: tuple[str, ...] = ("png", "svg", "pdf")

DPI_MIN, DPI_MAX = 50, 600
"""Accepted raster resolution in dots per inch (A4 at 600 dpi is about 7000 x 5000 pixels)."""
