"""Backups and restores of the project store, per backend, with the same safety on both.

SQLite: a backup is a copy of the file made with SQLite's online backup API (``.sqlite``). PostgreSQL: a backup is
``pg_dump --format=custom`` (``.dump``), restored with ``pg_restore`` into a temporary database first (needs the
CREATEDB privilege); the tools come from ``/usr/lib/postgresql/15/bin`` (or ``SAMENWERKING_PG_BIN``).

A restore trusts nothing: the backup must be a store of this or an older schema version whose whole schema,
after migration, equals what the code creates (:mod:`projectdb.schemacontrole`: tables, columns, types,
constraints, indexes; no triggers, views or other objects) and whose references are intact. Anything else is
refused with :class:`~projectdb.fouten.OngeldigeDatabase` and nothing is changed. Then the current contents are
backed up (kind ``voor-herstel``, never removed by the rotation) and replaced by the backup's in one write
transaction, which also raises the database revision, so every app process reloads. The sign-in state is
emptied, not restored: everyone is signed out and blocks are forgotten, and an old backup cannot bring back a
sign-in that has ended.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path

import sqlalchemy as sa

from projectdb import migraties, schemacontrole, tijd
from projectdb import schema as sch
from projectdb.fouten import OngeldigeDatabase

BEWAARDE_BACKUPS = 30
"""Automatic backups kept per kind; older ones are removed."""
NOOIT_OPRUIMEN = ("voor-herstel",)
"""Kinds of automatic backup the rotation never removes (the way back from a restore)."""
PG_BIN = Path(os.environ.get("SAMENWERKING_PG_BIN", "/usr/lib/postgresql/15/bin"))
"""Folder with ``pg_dump`` and ``pg_restore`` of PostgreSQL 15."""
NIET_TERUGZETTEN = frozenset({*sch.TOEGANGSTABELLEN, sch.stand.name, sch.schemaversie.name})
"""Tables a restore does not copy from the backup: the sign-in state (emptied instead), the revision and the schema
version (kept)."""


def backup(store, map_: Path, naam: str | None = None) -> Path:
    """A backup of ``store`` in ``map_`` named ``<naam or database>-<UTC time>`` (.sqlite or .dump)."""
    map_.mkdir(parents=True, exist_ok=True)
    basis = f"{naam or store.backupnaam}-{tijd.bestandsstempel()}"
    if store.is_postgresql:
        doelpad = map_ / f"{basis}.dump"
        _pg(
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            f"--file={doelpad}",
            f"--dbname={_libpq_url(store.engine.url)}",
        )
        return doelpad
    doelpad = map_ / f"{basis}.sqlite"
    bron = sqlite3.connect(store.pad, timeout=5.0)
    try:
        _kopieer(bron, doelpad)
    finally:
        bron.close()
    return doelpad


def automatische_backup(store, soort: str) -> Path:
    """Back up into :attr:`Store.backupmap`, keeping the newest :data:`BEWAARDE_BACKUPS` of kind ``soort`` (all of
    a kind in :data:`NOOIT_OPRUIMEN`)."""
    map_ = store.backupmap
    pad = backup(store, map_, f"{store.backupnaam}-{soort}")
    if soort not in NOOIT_OPRUIMEN:
        eigen = sorted(
            p
            for p in map_.glob(f"{store.backupnaam}-{soort}-*{pad.suffix}")
            if p.name[len(f"{store.backupnaam}-{soort}-") :][:1].isdigit()
        )
        for oud in eigen[:-BEWAARDE_BACKUPS]:
            oud.unlink()
    return pad


def restore(store, bestand: Path) -> None:
    """Replace the contents of ``store`` by the backup ``bestand`` (see the module docstring)."""
    if not bestand.is_file():
        raise OngeldigeDatabase(f"{bestand}: bestand niet gevonden")
    if store.is_postgresql:
        _restore_postgresql(store, bestand)
    else:
        _restore_sqlite(store, bestand)


def _restore_sqlite(store, bestand: Path) -> None:
    with tempfile.TemporaryDirectory(dir=store.pad.parent) as map_:
        # Work on a private copy: the backup file itself is never changed, and a migration happens in the copy.
        kopie = Path(map_) / "herstel.sqlite"
        try:
            bron = sqlite3.connect(bestand.resolve().as_uri() + "?mode=ro", uri=True)
            try:
                _kopieer(bron, kopie)
            finally:
                bron.close()
        except sqlite3.DatabaseError as fout:
            raise OngeldigeDatabase(f"{bestand}: geen SQLite-database ({fout})") from None
        herstel = type(store)(kopie)  # a store of the same class (this module is imported by projectdb.store)
        try:
            _controleer_en_zet_terug(store, herstel, bestand)
        finally:
            herstel.engine.dispose()


def _restore_postgresql(store, bestand: Path) -> None:
    with schemacontrole.tijdelijke_database(store.doel) as url:
        try:
            _pg(
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                f"--dbname={_libpq_url(url)}",
                str(bestand),
            )
        except OngeldigeDatabase as fout:
            raise OngeldigeDatabase(f"{bestand}: geen bruikbare pg_dump-reservekopie ({fout})") from None
        herstel = type(store)(url.render_as_string(hide_password=False))
        try:
            _controleer_en_zet_terug(store, herstel, bestand)
        finally:
            herstel.engine.dispose()


def _controleer_en_zet_terug(store, herstel, bestand: Path) -> None:
    """Check the (private) restored copy ``herstel`` completely, then copy its contents into ``store``."""
    try:
        versie = migraties.gevonden_versie(herstel)
        if versie < sch.SCHEMA_VERSIE:
            migraties.migreer(herstel)
        problemen = herstel.integriteit()
    except (OngeldigeDatabase, sa.exc.DatabaseError) as fout:
        raise OngeldigeDatabase(
            f"{bestand}: geen projectendatabase die deze versie kan terugzetten "
            f"({str(fout).replace(herstel.naam, 'kopie')}); niets teruggezet"
        ) from None
    if problemen:
        getoond = "; ".join(problemen[:8]) + (f"; en {len(problemen) - 8} meer" if len(problemen) > 8 else "")
        raise OngeldigeDatabase(
            f"{bestand}: het schema of de inhoud wijkt af van wat deze versie maakt, niets teruggezet: {getoond}"
        )
    automatische_backup(store, "voor-herstel")
    _vervang_inhoud(store, herstel)


def _vervang_inhoud(store, herstel) -> None:
    """Replace every restorable table of ``store`` by the rows of ``herstel``, in one write transaction."""
    tabellen = [t for t in sch.metadata.sorted_tables if t.name not in NIET_TERUGZETTEN]
    with herstel._lees() as bron, store._schrijf() as con:
        for tabel in [*reversed(tabellen), *(sch.metadata.tables[t] for t in sch.TOEGANGSTABELLEN)]:
            con.execute(sa.delete(tabel))
        for tabel in tabellen:
            resultaat = bron.execute(sa.select(tabel))
            while rijen := resultaat.mappings().fetchmany(5000):
                con.execute(sa.insert(tabel), [dict(r) for r in rijen])
        hunne = bron.execute(sa.select(sch.stand.c.revisie)).scalar_one()
        onze = con.execute(sa.select(sch.stand.c.revisie)).scalar_one()
        con.execute(
            sa.update(sch.stand).values(revisie=max(onze, hunne + 1), herstellingen=sch.stand.c.herstellingen + 1)
        )
        if store.is_postgresql:
            # Explicit ids leave the serial sequences behind; the next change-log row or import round must not
            # collide.
            for tabel in (sch.wijziging, sch.importronde):
                con.execute(
                    sa.select(
                        sa.func.setval(
                            sa.func.pg_get_serial_sequence(tabel.name, "id"),
                            sa.select(sa.func.coalesce(sa.func.max(tabel.c.id), 0) + 1).scalar_subquery(),
                            False,
                        )
                    )
                )
    migraties.werk_vocabulaire_bij(store)


def _kopieer(bron: sqlite3.Connection, doelpad: Path) -> None:
    """Copy the database of ``bron`` onto ``doelpad`` with SQLite's online backup API (in one step), as a single
    file with a rollback journal."""
    doel = sqlite3.connect(doelpad, timeout=5.0)
    try:
        bron.backup(doel)
        doel.execute("PRAGMA journal_mode = DELETE")
    finally:
        doel.close()


def _libpq_url(url: sa.URL) -> str:
    """``url`` as a libpq connection string for the command-line tools (no SQLAlchemy driver name)."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def _pg(programma: str, *argumenten: str) -> None:
    """Run one PostgreSQL tool; its error output becomes an :class:`OngeldigeDatabase`."""
    pad = PG_BIN / programma
    if not pad.exists() and shutil.which(programma) is None:
        raise OngeldigeDatabase(f"{programma} niet gevonden in {PG_BIN} (apt-get install postgresql-15)")
    uitkomst = subprocess.run(
        [str(pad if pad.exists() else programma), *argumenten],
        capture_output=True,
        text=True,
        timeout=3600,
        check=False,
    )
    if uitkomst.returncode != 0:
        raise OngeldigeDatabase(f"{programma} mislukt: {uitkomst.stderr.strip()[:500]}")
