"""Old command names kept as aliases: ``python -m maps.export`` and ``python -m maps.build_geo``.

The code lives in :mod:`dashboard.export` and :mod:`geo_bouw.build_geo`; nothing imports this package.
"""
