"""Alias: ``python -m maps.export`` runs :mod:`dashboard.export`."""

from dashboard.export import main

if __name__ == "__main__":
    raise SystemExit(main())
