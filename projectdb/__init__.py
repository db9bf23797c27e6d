"""Project store of samenwerkingskaarten: storage (SQLite or PostgreSQL), import, export and command line.

Main entry points: :func:`open_store` (a :class:`~projectdb.store.Store`), :mod:`projectdb.gebied` (gebied
tokens and the project -> municipality ``koppeling``), :func:`~projectdb.importeer.importeer_bestand` and
:func:`~projectdb.exporteer.exporteer`.
"""

from projectdb.fouten import Conflict, OnbekendProject, OngeldigeDatabase
from projectdb.meldingen import Rapport, Validatiefout
from projectdb.store import Store, open_store

__all__ = ["Conflict", "OnbekendProject", "OngeldigeDatabase", "Rapport", "Store", "Validatiefout", "open_store"]
