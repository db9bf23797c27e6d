"""The project store: one SQLite file, created from ``data/projects/projecten.csv`` on first open.

Every operation opens its own connection (foreign keys on, ``busy_timeout`` 5000 ms; the file is in WAL mode),
so one :class:`Store` can be shared between threads and several processes can use one file. Every write is one
``BEGIN IMMEDIATE`` transaction. Edits use optimistic locking on ``project.versie``: an edit names the version
it was based on and fails with :class:`Conflict` when someone else changed the project in the meantime.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import secrets
import sqlite3
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from geo import geodata
from projectdb import gebied, intake
from projectdb.invoer import lees_invoer
from projectdb.kolommen import KOLOMMEN, MEERVOUDIG
from projectdb.meldingen import Rapport, Validatiefout, weiger
from projectdb.schema import MIGRATIES, SCHEMA_VERSIE, STATUSSEN, TOEGANGSTABELLEN, ddl
from projectdb.validatie import valideer

MAP = Path(__file__).resolve().parents[1] / "data" / "projects"
PROJECTEN_CSV = MAP / "projecten.csv"
"""The shipped records; the store is created from them on first open."""
STANDAARD_PAD = MAP / "samenwerking.sqlite"
"""Database file when neither an argument nor ``SAMENWERKING_DB`` names one (git-ignored)."""
BACKUPMAP = "backups"
"""Folder next to the database for automatic backups (git-ignored)."""
BEWAARDE_BACKUPS = 30
"""Automatic backups kept per kind; older ones are removed."""

_ENKEL = (
    "titel",
    "omschrijving",
    "indeling_jaar",
    "inhoud",
    "intensiteit",
    "geografie",
    "bron",
    "bron_citaat",
    "toelichting_labels",
    "bouwt_voort_op_citaat",
    "startjaar",
    "eindjaar",
    "periode_citaat",
    "gebied_precisie",
    "aantal_gemeenten_bron",
    "precisie_citaat",
    "verzekeraar_herkomst",
    "bron_id",
    "leverancier",
    "status",
)
"""Columns of the project table besides project_id, versie and importronde."""
_KINDEREN = (
    ("verzekeraars", "project_verzekeraar", "verzekeraar"),
    ("instrumenten", "project_instrument", "instrument"),
    ("partners", "project_partner", "partner"),
    ("gebied", "project_gebied", "token"),
    ("bouwt_voort_op", "project_lineage", "bouwt_voort_op"),
)
"""(record field, child table, value column) of the multi-valued fields."""
_TABELLEN = frozenset(
    {
        "gemeente",
        "project",
        "project_verzekeraar",
        "project_instrument",
        "project_partner",
        "project_gebied",
        "project_gemeente",
        "project_lineage",
        "wijziging",
        "importronde",
    }
)
_SINDS = {"importronde": 5}
"""Tables that an older schema version lacks (table -> the version that added it); migration creates them."""


def _vereist(versie: int) -> frozenset[str]:
    """The tables a store of schema ``versie`` must have."""
    return frozenset(t for t in _TABELLEN if _SINDS.get(t, 0) <= versie)


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
    """A file that is not a project store of this schema version (on open or restore)."""


def huidige_redacteur(opgegeven: str | None = None) -> str:
    """Editor name: ``opgegeven``, else ``SAMENWERKING_REDACTEUR``, else the operating-system user."""
    for kandidaat in (opgegeven, os.environ.get("SAMENWERKING_REDACTEUR")):
        if kandidaat and kandidaat.strip():
            return kandidaat.strip()
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "onbekend"


def _tijdstip() -> str:
    """Now in UTC, ISO 8601 with microseconds and 'Z'."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _als_tekst(waarde: object) -> str:
    """A field value as change-log text (multi-values ';'-joined, an empty year '')."""
    if waarde is None:
        return ""
    return ";".join(waarde) if isinstance(waarde, tuple) else str(waarde)


def _zet_status(record: dict, oud: dict | None, status: str, rapport: Rapport) -> None:
    """A new record gets ``status``; a stored one keeps its own (a file cannot approve or reject)."""
    gegeven = record["status"]
    record["status"] = status if oud is None else oud["status"]
    if gegeven and gegeven != record["status"]:
        rapport.waarschuwing(
            f"status {gegeven!r} in het bestand genegeerd: {record['project_id']} is "
            f"{record['status']!r}; een redacteur stelt voorstellen vast of wijst ze af in de app",
            record["project_id"],
            "status",
        )


def _hernoemd(
    sleutel: intake.Sleutel, hernoem: Mapping[str, str], keuze: Mapping[str, intake.Dubbel]
) -> intake.Sleutel:
    """``sleutel`` after the duplicate choices: renumbered, or pointing at the project it was merged into."""
    dubbel = keuze.get(sleutel.project_id)
    if dubbel is not None and dubbel.keuze == "samenvoegen":
        return replace(sleutel, project_id=dubbel.bestaand, nieuw=False)
    return replace(sleutel, project_id=hernoem.get(sleutel.project_id, sleutel.project_id))


def open_store(pad: str | Path | None = None, bron: str | Path | None = None) -> Store:
    """The store at ``pad`` (default ``SAMENWERKING_DB`` or :data:`STANDAARD_PAD`).

    A missing file is created from the CSV ``bron`` (default :data:`PROJECTEN_CSV`): built under a temporary
    name and linked into place atomically, so a failed or concurrent first start never leaves a half-filled
    database. A store of an older schema version is backed up into ``backups/`` and migrated. Raises
    :class:`~projectdb.meldingen.Validatiefout` when the CSV does not validate and
    :class:`OngeldigeDatabase` for a file of another schema.
    """
    pad = Path(pad or os.environ.get("SAMENWERKING_DB") or STANDAARD_PAD)
    if not pad.exists():
        _maak(pad, Path(bron or PROJECTEN_CSV))
    store = Store(pad)
    store._controleer_schema()
    return store


def _maak(pad: Path, bron: Path) -> None:
    """Create a new store at ``pad`` filled from ``bron`` (see :func:`open_store`)."""
    pad.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = pad.with_name(f".{pad.name}.{os.getpid()}-{secrets.token_hex(4)}.nieuw")
    try:
        con = sqlite3.connect(tijdelijk, isolation_level=None)
        try:
            con.executescript(ddl())
            con.execute("BEGIN")
            for jaar in geodata.JAREN:
                frame = geodata.gemeenten(jaar)
                con.executemany(
                    "INSERT INTO gemeente VALUES (?, ?, ?, ?)",
                    zip(
                        frame["gemeente_code"],
                        [jaar] * len(frame),
                        frame["gemeente_naam"],
                        frame["wmo_code"],
                        strict=True,
                    ),
                )
            con.execute("COMMIT")
        finally:
            con.close()
        invoer = lees_invoer(bron)
        Store(tijdelijk)._importeer(
            invoer.rijen,
            update=False,
            redacteur=f"eerste start uit {bron.name}",
            proef=False,
            rapport=invoer.rapport,
            regels=invoer.regels,
            backup=False,
            status="vastgesteld",
        )
        con = sqlite3.connect(tijdelijk, isolation_level=None)
        try:
            con.execute("PRAGMA journal_mode = WAL")
        finally:
            con.close()
        try:
            os.link(tijdelijk, pad)
        except FileExistsError:
            pass  # another process created it first; theirs is built from the same CSV
    finally:
        for rest in tijdelijk.parent.glob(tijdelijk.name + "*"):
            rest.unlink()


class Store:
    """Access to one store file; see the module docstring. Create it with :func:`open_store`."""

    def __init__(self, pad: Path):
        self.pad = Path(pad)

    # --- connections ------------------------------------------------------------------------------------------

    def _verbind(self) -> sqlite3.Connection:
        """A new autocommit connection with foreign keys on and a 5000 ms busy timeout."""
        con = sqlite3.connect(self.pad, timeout=5.0, isolation_level=None)
        con.execute("PRAGMA foreign_keys = ON")
        con.execute("PRAGMA busy_timeout = 5000")
        return con

    @contextmanager
    def _lees(self) -> Iterator[sqlite3.Connection]:
        """A connection inside one read transaction (a consistent snapshot of all tables)."""
        con = self._verbind()
        try:
            con.execute("BEGIN")
            yield con
            con.execute("COMMIT")
        finally:
            con.close()

    @contextmanager
    def _schrijf(self) -> Iterator[sqlite3.Connection]:
        """A connection inside one ``BEGIN IMMEDIATE`` transaction: committed on success, else rolled back."""
        con = self._verbind()
        try:
            con.execute("BEGIN IMMEDIATE")
            try:
                yield con
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")
        finally:
            con.close()

    def _controleer_schema(self) -> None:
        """Refuse a file that is not a store of :data:`SCHEMA_VERSIE` or an older version; migrate an older one
        (after a backup); make sure it is in WAL mode."""
        try:
            con = self._verbind()
            try:
                versie = con.execute("PRAGMA user_version").fetchone()[0]
                tabellen = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
                if _vereist(versie) <= tabellen and (versie == SCHEMA_VERSIE or versie in MIGRATIES):
                    con.execute("PRAGMA journal_mode = WAL")
            finally:
                con.close()
        except sqlite3.DatabaseError as fout:
            raise OngeldigeDatabase(f"{self.pad}: geen SQLite-database ({fout})") from None
        if versie in MIGRATIES and _vereist(versie) <= tabellen:
            self._automatische_backup(f"voor-migratie-v{versie}")
            self._migreer()
            versie = SCHEMA_VERSIE
            tabellen = tabellen | _TABELLEN  # the migration created the newer tables
        if versie != SCHEMA_VERSIE or not _TABELLEN <= tabellen:
            raise OngeldigeDatabase(
                f"{self.pad}: geen projectendatabase met schemaversie {SCHEMA_VERSIE} "
                f"(gevonden: versie {versie}, tabellen {', '.join(sorted(tabellen)) or 'geen'})"
            )

    def _migreer(self) -> None:
        """Bring the file to :data:`SCHEMA_VERSIE` with :data:`MIGRATIES`, all steps in one transaction (so a
        concurrent opener finds either the old or the new version, and migrates only the old)."""
        with self._schrijf() as con:
            versie = con.execute("PRAGMA user_version").fetchone()[0]
            while versie in MIGRATIES:
                for opdracht in MIGRATIES[versie]:
                    con.execute(opdracht)
                versie = con.execute("PRAGMA user_version").fetchone()[0]

    # --- reading ----------------------------------------------------------------------------------------------

    @staticmethod
    def _records(con: sqlite3.Connection) -> dict[str, dict]:
        """project_id -> record (interchange format plus ``versie`` and ``importronde``), sorted by project_id."""
        namen = ("project_id", *_ENKEL, "versie", "importronde")
        records: dict[str, dict] = {}
        for rij in con.execute(f"SELECT {', '.join(namen)} FROM project ORDER BY project_id"):
            record = dict(zip(namen, rij, strict=True))
            for veld, _, _ in _KINDEREN:
                record[veld] = []
            records[rij[0]] = record
        for veld, tabel, kolom in _KINDEREN:
            for pid, waarde in con.execute(f"SELECT project_id, {kolom} FROM {tabel} ORDER BY project_id, volgorde"):
                records[pid][veld].append(waarde)
        for record in records.values():
            for veld, _, _ in _KINDEREN:
                record[veld] = ";".join(record[veld]) if veld == "gebied" else tuple(record[veld])
        return {pid: {k: r[k] for k in (*KOLOMMEN, "versie", "importronde")} for pid, r in records.items()}

    def projecten(self) -> pd.DataFrame:
        """All projects (every status), one row per project sorted by project_id: the columns of
        :data:`~projectdb.kolommen.KOLOMMEN` plus ``versie`` and ``importronde``; verzekeraars, instrumenten,
        partners and bouwt_voort_op are tuples of str, gebied a ';'-joined string of canonical tokens,
        indeling_jaar and versie ints, startjaar, eindjaar and importronde nullable ints (``Int64``, ``<NA>`` where
        the sources name no year or the project did not arrive with an import), aantal_gemeenten_bron likewise
        (``<NA>`` where the source gives no number)."""
        with self._lees() as con:
            records = list(self._records(con).values())
        frame = pd.DataFrame.from_records(records, columns=[*KOLOMMEN, "versie", "importronde"])
        for kolom in MEERVOUDIG:
            frame[kolom] = frame[kolom].astype(object)
        return frame.astype(
            {
                "indeling_jaar": "int64",
                "versie": "int64",
                "startjaar": "Int64",
                "eindjaar": "Int64",
                "aantal_gemeenten_bron": "Int64",
                "importronde": "Int64",
            }
        )

    def project(self, project_id: str) -> dict:
        """One project as a dict (same fields and types as a :meth:`projecten` row)."""
        with self._lees() as con:
            records = self._records(con)
        if project_id not in records:
            raise OnbekendProject(f"project {project_id!r} staat niet in de database")
        return records[project_id]

    def wijzigingen(self, project_id: str | None = None) -> pd.DataFrame:
        """The change log (all, or of one project): [id, tijdstip (UTC ISO), redacteur, project_id, veld,
        oude_waarde, nieuwe_waarde, actie], oldest first."""
        sql = "SELECT * FROM wijziging" + (" WHERE project_id = ?" if project_id else "") + " ORDER BY id"
        with self._lees() as con:
            cursor = con.execute(sql, (project_id,) if project_id else ())
            namen = [d[0] for d in cursor.description]
            return pd.DataFrame(cursor.fetchall(), columns=namen)

    def integriteit(self) -> list[str]:
        """Problems found by SQLite's ``integrity_check`` and ``foreign_key_check`` (empty when sound)."""
        with self._lees() as con:
            integriteit = [r[0] for r in con.execute("PRAGMA integrity_check")]
            sleutels = con.execute("PRAGMA foreign_key_check").fetchall()
        problemen = [] if integriteit == ["ok"] else integriteit
        return problemen + [
            f"ongeldige verwijzing in {tabel} (rij {rij}) naar {doel}" for tabel, rij, doel, _ in sleutels
        ]

    def checksum(self) -> str:
        """SHA-256 over the contents of every table but the sign-in state (:data:`~projectdb.schema.TOEGANGSTABELLEN`),
        in a fixed order: equal iff no project data or change log changed."""
        hasj = hashlib.sha256()
        with self._lees() as con:
            tabellen = [
                r[0]
                for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                if r[0] not in TOEGANGSTABELLEN
            ]
            for tabel in tabellen:
                aantal = len(con.execute(f'PRAGMA table_info("{tabel}")').fetchall())
                volgorde = ", ".join(str(i) for i in range(1, aantal + 1))
                hasj.update(f"\x00{tabel}\x00".encode())
                for rij in con.execute(f'SELECT * FROM "{tabel}" ORDER BY {volgorde}'):
                    hasj.update(repr(rij).encode())
        return hasj.hexdigest()

    # --- writing ----------------------------------------------------------------------------------------------

    def wijzig_project(
        self, project_id: str, wijzigingen: Mapping[str, object], verwachte_versie: int, redacteur: str
    ) -> int:
        """Change fields of one project; returns its new versie (unchanged when nothing differs).

        ``wijzigingen``: column -> new value (text as in the CSV, or a tuple for multi-valued columns). Raises
        :class:`Conflict` when the stored versie is not ``verwachte_versie``, :class:`OnbekendProject`, or
        :class:`~projectdb.meldingen.Validatiefout` for invalid values; then nothing is written.
        """
        bestand = f"wijziging {project_id}"
        onbekend = sorted(set(wijzigingen) - (set(KOLOMMEN[1:]) - {"status"}))
        if onbekend:
            raise weiger(bestand, f"onbekende of niet te wijzigen velden: {', '.join(onbekend)}")
        if not str(redacteur).strip():
            raise weiger(bestand, "redacteur ontbreekt")
        with self._schrijf() as con:
            bestaande = self._records(con)
            if project_id not in bestaande:
                raise OnbekendProject(f"project {project_id!r} staat niet in de database")
            huidig = bestaande[project_id]
            if huidig["versie"] != verwachte_versie:
                laatste = con.execute(
                    "SELECT redacteur FROM wijziging WHERE project_id = ? ORDER BY id DESC LIMIT 1", (project_id,)
                ).fetchone()
                raise Conflict(
                    f"project {project_id} is intussen gewijzigd (versie {huidig['versie']}, uw versie "
                    f"{verwachte_versie}); laad het opnieuw, niets geschreven",
                    project_id,
                    verwachte_versie,
                    huidig["versie"],
                    laatste[0] if laatste else None,
                )
            rapport = Rapport(bestand)
            records = valideer([{**huidig, **wijzigingen}], rapport, bestaande, update=True, regels=[None])
            if rapport.fouten:
                raise Validatiefout(rapport)
            gewijzigd = self._schrijf_record(con, records[0], huidig, str(redacteur).strip(), _tijdstip())
        return huidig["versie"] + 1 if gewijzigd else huidig["versie"]

    def beoordeel(self, versies: Mapping[str, int], status: str, redacteur: str) -> list[str]:
        """Set the review ``status`` (vastgesteld or afgewezen, or back to voorstel) of the projects in ``versies``
        (project_id -> the versie the editor saw), in one transaction; returns the project_ids that changed.

        Each change raises the project's versie and goes into the change log (field ``status``, old and new value,
        who). Raises :class:`Conflict` when any project changed since it was read, :class:`OnbekendProject` for an
        unknown id, and ValueError for an unknown status; then nothing is written.
        """
        if status not in STATUSSEN:
            raise ValueError(f"status {status!r} bestaat niet; kies uit: {', '.join(STATUSSEN)}")
        if not str(redacteur).strip():
            raise weiger("beoordeling", "redacteur ontbreekt")
        tijdstip = _tijdstip()
        gewijzigd: list[str] = []
        with self._schrijf() as con:
            for project_id, verwacht in versies.items():
                rij = con.execute("SELECT status, versie FROM project WHERE project_id = ?", (project_id,)).fetchone()
                if rij is None:
                    raise OnbekendProject(f"project {project_id!r} staat niet in de database")
                oud, versie = rij
                if versie != verwacht:
                    laatste = con.execute(
                        "SELECT redacteur FROM wijziging WHERE project_id = ? ORDER BY id DESC LIMIT 1", (project_id,)
                    ).fetchone()
                    raise Conflict(
                        f"project {project_id} is intussen gewijzigd (versie {versie}, uw versie "
                        f"{verwacht}); laad het opnieuw, niets geschreven",
                        project_id,
                        verwacht,
                        versie,
                        laatste[0] if laatste else None,
                    )
                if oud == status:
                    continue
                con.execute(
                    "UPDATE project SET status = ?, versie = versie + 1 WHERE project_id = ?", (status, project_id)
                )
                con.execute(
                    "INSERT INTO wijziging (tijdstip, redacteur, project_id, veld, oude_waarde, nieuwe_waarde, "
                    "actie) VALUES (?, ?, ?, 'status', ?, ?, 'gewijzigd')",
                    (tijdstip, str(redacteur).strip(), project_id, oud, status),
                )
                gewijzigd.append(project_id)
        return gewijzigd

    def importrondes(self) -> pd.DataFrame:
        """The imports that brought new projects: [importronde, tijdstip (UTC ISO), redacteur, bestand,
        leverancier, voorstel, vastgesteld, afgewezen] (project counts per status now), newest first."""
        tellingen = ", ".join(f"COALESCE(SUM(p.status = '{s}'), 0) AS {s}" for s in STATUSSEN)
        with self._lees() as con:
            cursor = con.execute(
                f"SELECT r.id AS importronde, r.tijdstip, r.redacteur, r.bestand, r.leverancier, "
                f"{tellingen} FROM importronde r LEFT JOIN project p ON p.importronde = r.id "
                "GROUP BY r.id ORDER BY r.id DESC"
            )
            namen = [d[0] for d in cursor.description]
            return pd.DataFrame(cursor.fetchall(), columns=namen)

    def importeer(
        self,
        rijen: Sequence[Mapping[str, object]],
        update: bool = False,
        redacteur: str | None = None,
        proef: bool = False,
        bestand: str = "invoer",
        regels: Sequence[int] | None = None,
        rapport: Rapport | None = None,
        leverancier: str = "",
        keuzes: Mapping[int | str, str] | None = None,
    ) -> Rapport:
        """Import rows (column -> value) all-or-nothing; returns the report.

        Keys come from :func:`projectdb.intake.wijs_sleutels_toe`: a row without a ``P`` key (or with the
        supplier's own reference in project_id) gets the key of the stored project with the same (``leverancier``,
        bron_id), else a new one. Validates everything (:func:`projectdb.validatie.valideer`); any error raises
        :class:`~projectdb.meldingen.Validatiefout` and nothing is written. ``update`` allows existing
        project_ids (their changed fields go into the change log; their status stays). New projects arrive as
        ``voorstel`` in a new ``importronde``. New rows that look like stored projects are listed in
        ``rapport.dubbel``; ``keuzes`` (row number -> ``beide``, ``samenvoegen`` or ``overslaan``) says what to do
        with them. ``proef`` (dry run) validates and reports without writing. Before writing, the database is
        backed up into ``backups/`` next to it. ``regels`` are the rows' numbers in the file (default 2, 3, ...);
        ``rapport`` continues a report of the file reader.
        """
        return self._importeer(
            rijen,
            update,
            huidige_redacteur(redacteur),
            proef,
            rapport or Rapport(bestand),
            regels,
            backup=True,
            leverancier=leverancier,
            keuzes=keuzes or {},
        )

    def _importeer(
        self,
        rijen: Sequence[Mapping[str, object]],
        update: bool,
        redacteur: str,
        proef: bool,
        rapport: Rapport,
        regels: Sequence[int] | None,
        backup: bool,
        leverancier: str = "",
        keuzes: Mapping[int | str, str] | None = None,
        status: str = "voorstel",
    ) -> Rapport:
        """:meth:`importeer`; ``backup`` False and ``status`` "vastgesteld" only while a new store is filled from
        the shipped records."""
        rijen = list(rijen)
        regels = list(regels) if regels is not None else list(range(2, 2 + len(rijen)))
        rapport.aantal_rijen = rapport.aantal_rijen or len(rijen)
        with self._lees() as con:
            bestaande = self._records(con)
        rijen = intake.wijs_sleutels_toe(rijen, bestaande, leverancier, rapport, regels)
        records = valideer(rijen, rapport, bestaande, update, regels)
        if not rapport.fouten:
            records = self._kies_bij_dubbel(records, rijen, regels, bestaande, keuzes or {}, rapport)
        if rapport.fouten:
            raise Validatiefout(rapport)
        for record in records:
            oud = bestaande.get(record["project_id"])
            _zet_status(record, oud, status, rapport)
            lijst = (
                rapport.nieuw
                if oud is None
                else (rapport.bijgewerkt if any(record[k] != oud[k] for k in KOLOMMEN) else rapport.ongewijzigd)
            )
            lijst.append(record["project_id"])
        if proef or not (rapport.nieuw or rapport.bijgewerkt):
            return rapport
        if backup:
            self._automatische_backup("voor-import")
        stand = {pid: r["versie"] for pid, r in bestaande.items()}
        tijdstip = _tijdstip()
        with self._schrijf() as con:
            if dict(con.execute("SELECT project_id, versie FROM project")) != stand:
                raise Conflict(
                    f"{rapport.bestand}: de database is tijdens de import door een ander gewijzigd; "
                    "niets geschreven, probeer het opnieuw"
                )
            ronde = None
            if status == "voorstel" and rapport.nieuw:
                ronde = con.execute(
                    "INSERT INTO importronde (tijdstip, redacteur, bestand, leverancier) VALUES (?, ?, ?, ?)",
                    (tijdstip, redacteur, rapport.bestand, leverancier.strip()),
                ).lastrowid
            for record in records:
                self._schrijf_record(con, record, bestaande.get(record["project_id"]), redacteur, tijdstip)
            con.executemany(
                "UPDATE project SET importronde = ? WHERE project_id = ?",
                [(ronde, pid) for pid in rapport.nieuw if ronde is not None],
            )
        return rapport

    @staticmethod
    def _kies_bij_dubbel(
        records: list[dict],
        rijen: list[dict],
        regels: list,
        bestaande: Mapping[str, dict],
        keuzes: Mapping[int | str, str],
        rapport: Rapport,
    ) -> list[dict]:
        """Report new records that look like stored projects and apply the choices: skip the row, merge it into
        the stored project, or keep both. New keys are then numbered without gaps."""
        regel_van = {rij["project_id"]: regel for rij, regel in zip(rijen, regels, strict=True)}
        rij_van = {rij["project_id"]: rij for rij in rijen}
        nieuw = [(regel_van[r["project_id"]], r) for r in records if r["project_id"] not in bestaande]
        try:
            rapport.dubbel = intake.zoek_dubbel(nieuw, bestaande, keuzes)
        except ValueError as fout:
            rapport.fout(str(fout))
            return records
        keuze = {d.project_id: d for d in rapport.dubbel}
        uit: list[dict] = []
        for record in records:
            dubbel = keuze.get(record["project_id"])
            if dubbel is None or dubbel.keuze == "beide":
                uit.append(record)
            elif dubbel.keuze == "overslaan":
                rapport.overgeslagen.append(dubbel.regel)
            else:
                samen = intake.samengevoegd(rij_van[record["project_id"]], bestaande[dubbel.bestaand])
                uit += valideer([samen], rapport, bestaande, update=True, regels=[dubbel.regel])
                rapport.samengevoegd.append(dubbel.bestaand)
        vrij = sorted(
            (
                s.project_id
                for s in rapport.sleutels
                if s.nieuw and (s.project_id not in keuze or keuze[s.project_id].keuze == "beide")
            ),
            key=lambda pid: int(pid[1:]),
        )
        eerste = min((int(s.project_id[1:]) for s in rapport.sleutels if s.nieuw), default=0)
        hernoem = {oud: intake.nieuwe_sleutel(eerste + i) for i, oud in enumerate(vrij)}
        for record in uit:
            if record["project_id"] in hernoem and record["project_id"] not in bestaande:
                record["project_id"] = hernoem[record["project_id"]]
        rapport.sleutels = [
            _hernoemd(s, hernoem, keuze)
            for s in rapport.sleutels
            if not (s.project_id in keuze and keuze[s.project_id].keuze == "overslaan")
        ]
        rapport.dubbel = [replace(d, project_id=hernoem.get(d.project_id, d.project_id)) for d in rapport.dubbel]
        return uit

    @staticmethod
    def _schrijf_record(con: sqlite3.Connection, record: dict, oud: dict | None, redacteur: str, tijdstip: str) -> bool:
        """Insert or update one validated record with its child rows and change-log rows; False if unchanged."""
        pid = record["project_id"]
        log = (
            "INSERT INTO wijziging (tijdstip, redacteur, project_id, veld, oude_waarde, nieuwe_waarde, actie) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)"
        )
        waarden = [record[k] for k in _ENKEL]
        if oud is None:
            con.execute(
                f"INSERT INTO project (project_id, {', '.join(_ENKEL)}, versie) "
                f"VALUES (?, {', '.join('?' * len(_ENKEL))}, 1)",
                [pid, *waarden],
            )
            con.execute(
                log,
                (
                    tijdstip,
                    redacteur,
                    pid,
                    None,
                    None,
                    json.dumps({k: record[k] for k in KOLOMMEN}, ensure_ascii=False),
                    "toegevoegd",
                ),
            )
        else:
            veranderd = [k for k in KOLOMMEN[1:] if record[k] != oud[k]]
            if not veranderd:
                return False
            con.execute("DELETE FROM project_gemeente WHERE project_id = ?", (pid,))
            for _, tabel, _ in _KINDEREN:
                con.execute(f"DELETE FROM {tabel} WHERE project_id = ?", (pid,))
            con.execute(
                f"UPDATE project SET {', '.join(k + ' = ?' for k in _ENKEL)}, versie = versie + 1 WHERE project_id = ?",
                [*waarden, pid],
            )
            con.executemany(
                log,
                [
                    (tijdstip, redacteur, pid, k, _als_tekst(oud[k]), _als_tekst(record[k]), "gewijzigd")
                    for k in veranderd
                ],
            )
        for veld, tabel, kolom in _KINDEREN:
            delen = gebied.splits(record[veld]) if veld == "gebied" else record[veld]
            con.executemany(
                f"INSERT INTO {tabel} (project_id, volgorde, {kolom}) VALUES (?, ?, ?)",
                [(pid, i, w) for i, w in enumerate(delen)],
            )
        jaar = record["indeling_jaar"]
        con.executemany(
            "INSERT INTO project_gemeente (project_id, jaar, gemeente_code) VALUES (?, ?, ?)",
            [(pid, jaar, code) for code in sorted(gebied.gemeenten_van_gebied(record["gebied"], jaar))],
        )
        return True

    # --- backup -----------------------------------------------------------------------------------------------

    def backup(self, map_: str | Path, naam: str | None = None) -> Path:
        """Copy the database with SQLite's online backup API into ``map_``; returns the new file.

        The copy is a single file (rollback journal, not WAL) named ``<naam or db name>-<UTC time>.sqlite``.
        """
        map_ = Path(map_)
        map_.mkdir(parents=True, exist_ok=True)
        stempel = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        doelpad = map_ / f"{naam or self.pad.stem}-{stempel}.sqlite"
        bron = self._verbind()
        try:
            _kopieer(bron, doelpad)
        finally:
            bron.close()
        return doelpad

    def _automatische_backup(self, soort: str) -> Path:
        """Back up into ``backups/`` next to the database, keeping the newest :data:`BEWAARDE_BACKUPS` per kind."""
        map_ = self.pad.parent / BACKUPMAP
        pad = self.backup(map_, f"{self.pad.stem}-{soort}")
        for oud in sorted(map_.glob(f"{self.pad.stem}-{soort}-*.sqlite"))[:-BEWAARDE_BACKUPS]:
            oud.unlink()
        return pad

    def restore(self, bestand: str | Path) -> None:
        """Replace the database contents by a backup (online backup API, in one step).

        The backup must be a project store of this or an older schema version that passes SQLite's integrity and
        foreign-key checks (else :class:`OngeldigeDatabase`, nothing changed). It is prepared in a temporary copy
        first (an older one migrated, the sign-in state emptied so no sign-in or block from the backup's time comes
        back), so readers never see the old schema. The current contents are first backed up into ``backups/``.
        """
        bestand = Path(bestand)
        if not bestand.is_file():
            raise OngeldigeDatabase(f"{bestand}: bestand niet gevonden")
        try:
            bron = sqlite3.connect(bestand.resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None)
        except sqlite3.Error as fout:
            raise OngeldigeDatabase(f"{bestand}: niet te openen ({fout})") from None
        with tempfile.TemporaryDirectory(dir=self.pad.parent) as map_:
            kopie = Path(map_) / "herstel.sqlite"
            try:
                _controleer_backup(bron, bestand)
                _kopieer(bron, kopie)
            finally:
                bron.close()
            Store(kopie)._migreer()
            with Store(kopie)._schrijf() as con:
                for tabel in TOEGANGSTABELLEN:
                    con.execute(f"DELETE FROM {tabel}")
            bron = sqlite3.connect(kopie, isolation_level=None)
            try:
                self._automatische_backup("voor-herstel")
                _kopieer(bron, self.pad, wal=True)
            finally:
                bron.close()


def _kopieer(bron: sqlite3.Connection, doelpad: Path, wal: bool = False) -> None:
    """Copy the database of ``bron`` onto ``doelpad`` with SQLite's online backup API (in one step); the copy
    ends in WAL mode when ``wal``, else as a single file with a rollback journal."""
    doel = sqlite3.connect(doelpad, timeout=5.0, isolation_level=None)
    try:
        bron.backup(doel)
        doel.execute(f"PRAGMA journal_mode = {'WAL' if wal else 'DELETE'}")
    finally:
        doel.close()


def _controleer_backup(con: sqlite3.Connection, bestand: Path) -> int:
    """The schema version of ``con``; raises :class:`OngeldigeDatabase` unless it is an intact store of this or an
    older schema version."""
    try:
        versie = con.execute("PRAGMA user_version").fetchone()[0]
        tabellen = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        integriteit = con.execute("PRAGMA integrity_check").fetchone()[0]
        sleutels = con.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as fout:
        raise OngeldigeDatabase(f"{bestand}: geen SQLite-database ({fout})") from None
    if not (versie == SCHEMA_VERSIE or versie in MIGRATIES) or not _vereist(versie) <= tabellen:
        raise OngeldigeDatabase(f"{bestand}: geen projectendatabase met schemaversie {SCHEMA_VERSIE}")
    if integriteit != "ok" or sleutels:
        raise OngeldigeDatabase(
            f"{bestand}: beschadigd (integriteit: {integriteit}; {len(sleutels)} ongeldige verwijzingen)"
        )
    return versie
