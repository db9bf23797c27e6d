"""The project store: one SQLite file (default) or a PostgreSQL database, created from ``projecten.csv``.

Both backends share this code (SQLAlchemy Core); :mod:`projectdb.verbinding` makes the connections and
:mod:`projectdb.migraties` creates and migrates the schema. Every write is one transaction that first locks the
one row of ``stand`` and raises its ``revisie``, so writers take turns on both backends and any cache keyed on
:meth:`Store.revisie` sees a change made by any process on its next read. Edits use optimistic locking on
``project.versie``: an edit names the version it was based on and fails with :class:`Conflict` when someone else
changed the project in the meantime.
"""

from __future__ import annotations

import copy
import getpass
import hashlib
import json
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from projectdb import gebied, intake, migraties, reservekopie, schemacontrole, tijd
from projectdb import schema as sch
from projectdb.fouten import Conflict, OnbekendProject
from projectdb.kolommen import KOLOMMEN, MEERVOUDIG
from projectdb.meldingen import Rapport, Validatiefout, weiger
from projectdb.validatie import valideer
from projectdb.verbinding import SCHRIJVEN, engine, is_url

MAP = Path(__file__).resolve().parents[1] / "data" / "projects"
PROJECTEN_CSV = MAP / "projecten.csv"
"""The shipped records; the store is created from them on first open."""
STANDAARD_PAD = MAP / "samenwerking.sqlite"
"""Database file when neither an argument nor ``SAMENWERKING_DB`` names one (git-ignored)."""
BACKUPMAP = "backups"
"""Folder next to the database (SQLite) or in ``data/projects`` (PostgreSQL) for automatic backups (git-ignored);
``SAMENWERKING_BACKUPS`` overrides it."""


def huidige_redacteur(opgegeven: str | None = None) -> str:
    """Editor name: ``opgegeven``, else ``SAMENWERKING_REDACTEUR``, else the operating-system user."""
    for kandidaat in (opgegeven, os.environ.get("SAMENWERKING_REDACTEUR")):
        if kandidaat and kandidaat.strip():
            return kandidaat.strip()
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "onbekend"


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
    """The store at ``pad``: a SQLite file or a ``postgresql://`` URL (default ``SAMENWERKING_DB`` or
    :data:`STANDAARD_PAD`).

    An empty database is created and filled from the CSV ``bron`` (default :data:`PROJECTEN_CSV`) in one step, so a
    failed or concurrent first start never leaves a half-filled database. A store of an older schema version is
    backed up and migrated (:mod:`projectdb.migraties`); labels added to the vocabulary since are added to its
    lookup tables (:attr:`Store.vocabulaire_bijgewerkt`). Raises :class:`~projectdb.meldingen.Validatiefout` when
    the CSV does not validate and :class:`OngeldigeDatabase` for a database of another schema.
    """
    doel = pad or os.environ.get("SAMENWERKING_DB") or STANDAARD_PAD
    store = Store(doel)
    migraties.maak_als_leeg(store, Path(bron or PROJECTEN_CSV))
    versie = migraties.gevonden_versie(store)
    if versie < sch.SCHEMA_VERSIE:
        reservekopie.automatische_backup(store, f"voor-migratie-v{versie}")
        migraties.migreer(store)
    store.vocabulaire_bijgewerkt = migraties.werk_vocabulaire_bij(store)
    return store


class Store:
    """Access to one store; see the module docstring. Create it with :func:`open_store`."""

    schrijvingen = 0
    """Committed writes that raised a revision, by any store of this process: a revision read earlier is still
    current as far as this process knows while this count is unchanged (``dashboard.data.revisie``)."""

    def __init__(self, doel: str | Path):
        self.is_postgresql = is_url(doel)
        self.doel = str(doel) if self.is_postgresql else str(Path(doel))
        self.pad: Path | None = None if self.is_postgresql else Path(doel)
        """The database file (SQLite); None for PostgreSQL."""
        self.engine = engine(self.doel)
        self.vocabulaire_bijgewerkt: list[str] = []
        """Labels added to the lookup tables when this store was opened (vocabulary drift, see ``check``)."""

    @property
    def naam(self) -> str:
        """How messages name this database: the file, or the URL without password."""
        return str(self.pad) if self.pad else self.engine.url.render_as_string(hide_password=True)

    @property
    def backupmap(self) -> Path:
        """Folder of the automatic backups."""
        if os.environ.get("SAMENWERKING_BACKUPS"):
            return Path(os.environ["SAMENWERKING_BACKUPS"])
        return (self.pad.parent if self.pad else MAP) / BACKUPMAP

    @property
    def backupnaam(self) -> str:
        """Stem of backup file names: the file name, or the PostgreSQL database name."""
        return self.pad.stem if self.pad else str(self.engine.url.database)

    # --- transactions -----------------------------------------------------------------------------------------

    @contextmanager
    def _lees(self) -> Iterator[sa.Connection]:
        """A connection inside one read transaction (a consistent snapshot of all tables)."""
        with self.engine.connect() as con, con.begin():
            yield con

    @contextmanager
    def _schrijf(self, revisie: bool = True) -> Iterator[sa.Connection]:
        """A connection inside one write transaction: committed on success, else rolled back.

        With ``revisie`` the row of ``stand`` is locked first and its revision raised, so concurrent writers take
        turns (PostgreSQL waits on the row lock; SQLite's ``BEGIN IMMEDIATE`` already does) and every cache sees the
        change. Without it (logins, failed attempts) nothing the app caches changes.
        """
        with self.engine.connect().execution_options(**{SCHRIJVEN: True}) as con, con.begin():
            if revisie:
                con.execute(sa.update(sch.stand).values(revisie=sch.stand.c.revisie + 1))
            yield con
        if revisie:
            Store.schrijvingen += 1

    def revisie(self) -> int:
        """The database revision: raised by every write and restore, from any process (the app's cache key)."""
        with self._lees() as con:
            return int(con.execute(sa.select(sch.stand.c.revisie)).scalar_one())

    # --- reading ----------------------------------------------------------------------------------------------

    @staticmethod
    def _records(con: sa.Connection, project_ids: Sequence[str] | None = None) -> dict[str, dict]:
        """project_id -> record (interchange format plus ``versie`` and ``importronde``), sorted by project_id; all
        projects, or only ``project_ids``."""
        kolommen = ("project_id", *sch.ENKELVOUDIG, "versie", "importronde")
        vraag = sa.select(*(sch.project.c[k] for k in kolommen)).order_by(sch.project.c.project_id)
        if project_ids is not None:
            vraag = vraag.where(sch.project.c.project_id.in_(list(project_ids)))
        records: dict[str, dict] = {}
        for rij in con.execute(vraag):
            record = dict(zip(kolommen, rij, strict=True))
            for veld, _, _ in sch.KINDEREN:
                record[veld] = []
            records[rij[0]] = record
        for veld, tabel, kolom in sch.KINDEREN:
            vraag = sa.select(tabel.c.project_id, tabel.c[kolom]).order_by(tabel.c.project_id, tabel.c.volgorde)
            if project_ids is not None:
                vraag = vraag.where(tabel.c.project_id.in_(list(project_ids)))
            for pid, waarde in con.execute(vraag):
                records[pid][veld].append(waarde)
        for record in records.values():
            for veld, _, _ in sch.KINDEREN:
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
            records = self._records(con, [project_id])
        if project_id not in records:
            raise OnbekendProject(f"project {project_id!r} staat niet in de database")
        return records[project_id]

    def wijzigingen(self, project_id: str | None = None) -> pd.DataFrame:
        """The change log (all, or of one project): [id, tijdstip (UTC ISO), redacteur, project_id, veld,
        oude_waarde, nieuwe_waarde, actie], oldest first."""
        vraag = sa.select(sch.wijziging).order_by(sch.wijziging.c.id)
        if project_id:
            vraag = vraag.where(sch.wijziging.c.project_id == project_id)
        with self._lees() as con:
            resultaat = con.execute(vraag)
            return pd.DataFrame(resultaat.fetchall(), columns=list(resultaat.keys()))

    def integriteit(self) -> list[str]:
        """Problems of the stored data (empty when sound): SQLite's ``integrity_check`` and ``foreign_key_check``;
        on both backends, objects the code did not create (:func:`projectdb.schemacontrole.verschillen`)."""
        problemen: list[str] = []
        with self._lees() as con:
            if not self.is_postgresql:
                integriteit = [r[0] for r in con.exec_driver_sql("PRAGMA integrity_check")]
                problemen += [] if integriteit == ["ok"] else integriteit
                problemen += [
                    f"ongeldige verwijzing in {tabel} (rij {rij}) naar {doel}"
                    for tabel, rij, doel, _ in con.exec_driver_sql("PRAGMA foreign_key_check")
                ]
            problemen += schemacontrole.verschillen(con, schemacontrole.referentie(self))
        return problemen

    def checksum(self) -> str:
        """SHA-256 over the contents of every table except ``stand`` (the revision) and the sign-in state
        (:data:`~projectdb.schema.TOEGANGSTABELLEN`), in a fixed order: equal iff no project data or change log
        changed."""
        hasj = hashlib.sha256()
        with self._lees() as con:
            for tabel in sorted(sa.inspect(con).get_table_names()):
                if tabel == sch.stand.name or tabel in sch.TOEGANGSTABELLEN:
                    continue
                aantal = len(sa.inspect(con).get_columns(tabel))
                hasj.update(f"\x00{tabel}\x00".encode())
                volgorde = ", ".join(str(i) for i in range(1, aantal + 1))
                for rij in con.exec_driver_sql(f'SELECT * FROM "{tabel}" ORDER BY {volgorde}'):
                    hasj.update(repr(tuple(rij)).encode())
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
                raise Conflict(
                    f"project {project_id} is intussen gewijzigd (versie {huidig['versie']}, uw versie "
                    f"{verwachte_versie}); laad het opnieuw, niets geschreven",
                    project_id,
                    verwachte_versie,
                    huidig["versie"],
                    self._laatste_redacteur(con, project_id),
                )
            rapport = Rapport(bestand)
            records = valideer([{**huidig, **wijzigingen}], rapport, bestaande, update=True, regels=[None])
            if rapport.fouten:
                raise Validatiefout(rapport)
            gewijzigd = self._schrijf_records(con, records, bestaande, str(redacteur).strip(), tijd.tijdstip())
        return huidig["versie"] + 1 if gewijzigd else huidig["versie"]

    @staticmethod
    def _laatste_redacteur(con: sa.Connection, project_id: str) -> str | None:
        w = sch.wijziging
        return con.execute(
            sa.select(w.c.redacteur).where(w.c.project_id == project_id).order_by(w.c.id.desc()).limit(1)
        ).scalar()

    def beoordeel(self, versies: Mapping[str, int], status: str, redacteur: str) -> list[str]:
        """Set the review ``status`` (vastgesteld or afgewezen, or back to voorstel) of the projects in ``versies``
        (project_id -> the versie the editor saw), in one transaction; returns the project_ids that changed.

        Each change raises the project's versie and goes into the change log (field ``status``, old and new value,
        who). Raises :class:`Conflict` when any project changed since it was read, :class:`OnbekendProject` for an
        unknown id, and ValueError for an unknown status; then nothing is written.
        """
        if status not in sch.STATUSSEN:
            raise ValueError(f"status {status!r} bestaat niet; kies uit: {', '.join(sch.STATUSSEN)}")
        if not str(redacteur).strip():
            raise weiger("beoordeling", "redacteur ontbreekt")
        tijdstip, p = tijd.tijdstip(), sch.project
        gewijzigd: list[str] = []
        with self._schrijf() as con:
            for project_id, verwacht in versies.items():
                rij = con.execute(sa.select(p.c.status, p.c.versie).where(p.c.project_id == project_id)).first()
                if rij is None:
                    raise OnbekendProject(f"project {project_id!r} staat niet in de database")
                oud, versie = rij
                if versie != verwacht:
                    raise Conflict(
                        f"project {project_id} is intussen gewijzigd (versie {versie}, uw versie "
                        f"{verwacht}); laad het opnieuw, niets geschreven",
                        project_id,
                        verwacht,
                        versie,
                        self._laatste_redacteur(con, project_id),
                    )
                if oud == status:
                    continue
                con.execute(
                    sa.update(p).where(p.c.project_id == project_id).values(status=status, versie=p.c.versie + 1)
                )
                con.execute(
                    sa.insert(sch.wijziging).values(
                        tijdstip=tijdstip,
                        redacteur=str(redacteur).strip(),
                        project_id=project_id,
                        veld="status",
                        oude_waarde=oud,
                        nieuwe_waarde=status,
                        actie="gewijzigd",
                    )
                )
                gewijzigd.append(project_id)
        return gewijzigd

    def importrondes(self) -> pd.DataFrame:
        """The imports that brought new projects: [importronde, tijdstip (UTC ISO), redacteur, bestand,
        leverancier, voorstel, vastgesteld, afgewezen] (project counts per status now), newest first."""
        r, p = sch.importronde, sch.project
        # A portable count per status: SUM over a CASE (SQLite could sum the comparison, PostgreSQL cannot).
        tellingen = [
            sa.func.coalesce(sa.func.sum(sa.case((p.c.status == s, 1), else_=0)), 0).label(s) for s in sch.STATUSSEN
        ]
        vraag = (
            sa.select(
                r.c.id.label("importronde"), r.c.tijdstip, r.c.redacteur, r.c.bestand, r.c.leverancier, *tellingen
            )
            .select_from(r.outerjoin(p, p.c.importronde == r.c.id))
            .group_by(r.c.id, r.c.tijdstip, r.c.redacteur, r.c.bestand, r.c.leverancier)
            .order_by(r.c.id.desc())
        )
        with self._lees() as con:
            resultaat = con.execute(vraag)
            return pd.DataFrame(resultaat.fetchall(), columns=list(resultaat.keys()))

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
        """Import rows (column -> value) all-or-nothing, in one transaction; returns the report.

        Keys come from :func:`projectdb.intake.wijs_sleutels_toe`: a row without a ``P`` key (or with the
        supplier's own reference in project_id) gets the key of the stored project with the same (``leverancier``,
        bron_id), else a new one. Validates everything (:func:`projectdb.validatie.valideer`); any error raises
        :class:`~projectdb.meldingen.Validatiefout` and nothing is written. ``update`` allows existing
        project_ids (their changed fields go into the change log; their status stays). New projects arrive as
        ``voorstel`` in a new ``importronde``. New rows that look like stored projects are listed in
        ``rapport.dubbel``; ``keuzes`` (row number -> ``beide``, ``samenvoegen`` or ``overslaan``) says what to do
        with them. ``proef`` (dry run) validates and reports without writing. Before writing, the database is
        backed up into :attr:`Store.backupmap`. ``regels`` are the rows' numbers in the file (default 2, 3, ...);
        ``rapport`` continues a report of the file reader.

        Another process may write between validating and writing: then everything is prepared again against the
        store as it is inside the write transaction. A project of this import changed (or added) by someone else
        in between is a :class:`Conflict`, and so are other keys for the new or updated projects; other projects
        changing is not (the report then describes what was written, with any likely duplicate that appeared).
        """
        rijen = list(rijen)
        regels = list(regels) if regels is not None else list(range(2, 2 + len(rijen)))
        rapport = rapport or Rapport(bestand)
        rapport.aantal_rijen = rapport.aantal_rijen or len(rijen)
        basis = copy.deepcopy(rapport)
        redacteur = huidige_redacteur(redacteur)
        keuzes = keuzes or {}
        with self._lees() as con:
            revisie = con.execute(sa.select(sch.stand.c.revisie)).scalar_one()
            bestaande = self._records(con)
        records = self._bereid(rijen, regels, bestaande, update, leverancier, keuzes, rapport)
        if proef or not (rapport.nieuw or rapport.bijgewerkt):
            return rapport
        reservekopie.automatische_backup(self, "voor-import")
        tijdstip = tijd.tijdstip()
        with self._schrijf() as con:
            if con.execute(sa.select(sch.stand.c.revisie)).scalar_one() != revisie + 1:
                records, bestaande = self._opnieuw(
                    con, rijen, regels, records, bestaande, update, leverancier, keuzes, rapport, basis
                )
            ronde = None
            if rapport.nieuw:
                ronde = con.execute(
                    sa.insert(sch.importronde).values(
                        tijdstip=tijdstip, redacteur=redacteur, bestand=rapport.bestand, leverancier=leverancier.strip()
                    )
                ).inserted_primary_key[0]
            self._schrijf_records(con, records, bestaande, redacteur, tijdstip, ronde)
        return rapport

    def _bereid(
        self,
        rijen: list,
        regels: list,
        bestaande: Mapping[str, dict],
        update: bool,
        leverancier: str,
        keuzes: Mapping[int | str, str],
        rapport: Rapport,
    ) -> list[dict]:
        """The validated records of an import against ``bestaande``: keys assigned, duplicates chosen, status set,
        ``rapport`` filled (new, updated, unchanged). Raises :class:`~projectdb.meldingen.Validatiefout`."""
        rijen = intake.wijs_sleutels_toe(rijen, bestaande, leverancier, rapport, regels)
        records = valideer(rijen, rapport, bestaande, update, regels)
        if not rapport.fouten:
            records = self._kies_bij_dubbel(records, rijen, regels, bestaande, keuzes, rapport)
        if rapport.fouten:
            raise Validatiefout(rapport)
        for record in records:
            oud = bestaande.get(record["project_id"])
            _zet_status(record, oud, "voorstel", rapport)
            lijst = (
                rapport.nieuw
                if oud is None
                else (rapport.bijgewerkt if any(record[k] != oud[k] for k in KOLOMMEN) else rapport.ongewijzigd)
            )
            lijst.append(record["project_id"])
        return records

    def _opnieuw(
        self,
        con: sa.Connection,
        rijen: list,
        regels: list,
        records: list[dict],
        bestaande: dict,
        update: bool,
        leverancier: str,
        keuzes: Mapping[int | str, str],
        rapport: Rapport,
        basis: Rapport,
    ) -> tuple[list[dict], dict]:
        """Records and stored projects once more, inside the write transaction, after another process wrote;
        :class:`Conflict` when one of this import's projects was changed or added in the meantime, or when the keys
        differ from ``rapport``'s. ``basis`` is the report as it was before the first preparation."""
        nu = self._records(con)
        for record in records:
            pid = record["project_id"]
            was, is_ = bestaande.get(pid), nu.get(pid)
            if (was or {}).get("versie") != (is_ or {}).get("versie"):
                raise Conflict(
                    f"{rapport.bestand}: project {pid} is tijdens de import door een ander "
                    f"{'toegevoegd' if was is None else 'gewijzigd'}; niets geschreven, probeer het "
                    "opnieuw",
                    pid,
                    redacteur=self._laatste_redacteur(con, pid),
                )
        opnieuw = copy.deepcopy(basis)
        uit = self._bereid(rijen, regels, nu, update, leverancier, keuzes, opnieuw)
        if (opnieuw.nieuw, opnieuw.bijgewerkt) != (rapport.nieuw, rapport.bijgewerkt):
            raise Conflict(
                f"{rapport.bestand}: de database is tijdens de import door een ander gewijzigd, zodat de "
                "projectsleutels anders uitvallen; niets geschreven, probeer het opnieuw"
            )
        # Same keys: what is written is what was checked now, including a likely duplicate that appeared meanwhile
        # (kept, as without a choice; the report names it).
        for veld in ("sleutels", "dubbel", "overgeslagen", "samengevoegd", "meldingen"):
            setattr(rapport, veld, getattr(opnieuw, veld))
        return uit, nu

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
    def _schrijf_records(
        con: sa.Connection,
        records: Sequence[dict],
        bestaande: Mapping[str, dict],
        redacteur: str,
        tijdstip: str,
        ronde: int | None = None,
    ) -> list[str]:
        """Insert or update validated records with their child rows and change-log rows; returns the project_ids
        written (unchanged records are skipped). New projects get the import round ``ronde``. One statement per
        table for the whole batch (executemany)."""
        nieuw, gewijzigd, log = [], [], []
        for record in records:
            pid, oud = record["project_id"], bestaande.get(record["project_id"])
            regel = {"tijdstip": tijdstip, "redacteur": redacteur, "project_id": pid}
            if oud is None:
                nieuw.append(record)
                log.append(
                    {
                        **regel,
                        "veld": None,
                        "oude_waarde": None,
                        "actie": "toegevoegd",
                        "nieuwe_waarde": json.dumps({k: record[k] for k in KOLOMMEN}, ensure_ascii=False),
                    }
                )
                continue
            veranderd = [k for k in KOLOMMEN[1:] if record[k] != oud[k]]
            if veranderd:
                gewijzigd.append(record)
                log += [
                    {
                        **regel,
                        "veld": k,
                        "oude_waarde": _als_tekst(oud[k]),
                        "nieuwe_waarde": _als_tekst(record[k]),
                        "actie": "gewijzigd",
                    }
                    for k in veranderd
                ]
        p = sch.project
        if gewijzigd:
            sleutels = [{"pid": r["project_id"]} for r in gewijzigd]
            for tabel in (sch.project_gemeente, *(t for _, t, _ in sch.KINDEREN)):
                con.execute(sa.delete(tabel).where(tabel.c.project_id == sa.bindparam("pid")), sleutels)
            con.execute(
                sa.update(p)
                .where(p.c.project_id == sa.bindparam("pid"))
                .values(versie=p.c.versie + 1, **{k: sa.bindparam(f"n_{k}") for k in sch.ENKELVOUDIG}),
                [{"pid": r["project_id"], **{f"n_{k}": r[k] for k in sch.ENKELVOUDIG}} for r in gewijzigd],
            )
        if nieuw:
            con.execute(
                sa.insert(p),
                [
                    {
                        "project_id": r["project_id"],
                        "versie": 1,
                        "importronde": ronde,
                        **{k: r[k] for k in sch.ENKELVOUDIG},
                    }
                    for r in nieuw
                ],
            )
        geschreven = [*nieuw, *gewijzigd]
        for veld, tabel, kolom in sch.KINDEREN:
            rijen = [
                {"project_id": r["project_id"], "volgorde": i, kolom: w}
                for r in geschreven
                for i, w in enumerate(gebied.splits(r[veld]) if veld == "gebied" else r[veld])
            ]
            if rijen:
                con.execute(sa.insert(tabel), rijen)
        gemeenten = [
            {"project_id": r["project_id"], "jaar": r["indeling_jaar"], "gemeente_code": code}
            for r in geschreven
            for code in sorted(gebied.gemeenten_van_gebied(r["gebied"], r["indeling_jaar"]))
        ]
        if gemeenten:
            con.execute(sa.insert(sch.project_gemeente), gemeenten)
        if log:
            con.execute(sa.insert(sch.wijziging), log)
        return [r["project_id"] for r in geschreven]

    # --- backup -----------------------------------------------------------------------------------------------

    def backup(self, map_: str | Path, naam: str | None = None) -> Path:
        """A backup in ``map_`` (SQLite: a copy of the file; PostgreSQL: ``pg_dump``); returns the new file."""
        return reservekopie.backup(self, Path(map_), naam)

    def restore(self, bestand: str | Path) -> None:
        """Replace the contents by a backup after checking its whole schema (:mod:`projectdb.reservekopie`)."""
        reservekopie.restore(self, Path(bestand))
