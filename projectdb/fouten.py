"""Errors of the project store (shared by the store, its migrations and its backups)."""

from __future__ import annotations


class Conflict(ValueError):
    """The project (or the store) changed since it was read: the edit or import is refused, nothing written."""

    def __init__(
        self,
        melding: str,
        project_id: str | None = None,
        verwachte_versie: int | None = None,
        huidige_versie: int | None = None,
        redacteur: str | None = None,
    ):
        super().__init__(melding)
        self.project_id = project_id
        self.verwachte_versie = verwachte_versie
        self.huidige_versie = huidige_versie
        self.redacteur = redacteur
        """Who made the latest change of the project (from the change log)."""


class OnbekendProject(ValueError):
    """A project_id that is not in the store."""


class OngeldigeDatabase(ValueError):
    """A database that is not a project store of a known schema version (on open or restore)."""
