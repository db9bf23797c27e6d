"""Alias: ``python -m maps.build_geo`` runs :mod:`geo_bouw.build_geo`."""

from geo_bouw.build_geo import main

if __name__ == "__main__":
    raise SystemExit(main())
