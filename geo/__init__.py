"""Runtime geodata: boundaries, coupling tables and the name resolver, read from ``data/geo/``."""
