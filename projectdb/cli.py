"""Command line of the project store: ``python -m projectdb <opdracht>``.

Exit status 0 on success, 1 when input is refused (validation errors; nothing written), 2 for a wrong command
line. The database is ``SAMENWERKING_DB`` (a SQLite file or a ``postgresql://`` URL) or
``data/projects/samenwerking.sqlite``; the editor name is
``--redacteur``, else ``SAMENWERKING_REDACTEUR``, else the operating-system user.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa

from projectdb.bezet import DatabaseBezet, bij_bezet_opnieuw
from projectdb.controle import controleer
from projectdb.exporteer import exporteer
from projectdb.fouten import Conflict, OngeldigeDatabase
from projectdb.importeer import importeer_bestand
from projectdb.meldingen import Validatiefout, weiger
from projectdb.sjabloon import maak_sjabloon
from projectdb.store import PROJECTEN_CSV, open_store

_VERTALING = (
    ("the following arguments are required", "deze argumenten ontbreken"),
    ("unrecognized arguments", "onbekende argumenten"),
    ("invalid choice", "ongeldige keuze"),
    ("choose from", "kies uit"),
    ("expected one argument", "verwacht één argument"),
    ("invalid int value", "geen geheel getal"),
)


class _Opmaak(argparse.HelpFormatter):
    """Help layout with a Dutch usage line."""

    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


class _RuweOpmaak(_Opmaak, argparse.RawDescriptionHelpFormatter):
    """Dutch usage line; description and epilog kept as written (for example lists)."""


class NederlandseParser(argparse.ArgumentParser):
    """ArgumentParser with Dutch help and error lines (exit status 2); shared by the project's commands.

    ``ruw=True`` keeps the description and epilog line breaks as written.
    """

    def __init__(self, ruw: bool = False, **opties) -> None:
        """Dutch -h and section titles."""
        super().__init__(**opties, add_help=False, formatter_class=_RuweOpmaak if ruw else _Opmaak)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def error(self, message: str) -> None:
        for engels, nederlands in _VERTALING:
            message = message.replace(engels, nederlands)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {message}\n")


def _parser() -> argparse.ArgumentParser:
    """The argument parser with one subcommand per operation."""
    parser = NederlandseParser(prog="python -m projectdb", description="Projectendatabase samenwerkingskaarten.")
    opdrachten = parser.add_subparsers(dest="opdracht", required=True, metavar="opdracht",
                                       parser_class=NederlandseParser)

    imp = opdrachten.add_parser("import", help="projecten importeren uit CSV of XLSX (alles of niets)")
    imp.add_argument("bestand", metavar="BESTAND", help="CSV (',' of ';') of XLSX")
    imp.add_argument("--dry-run", action="store_true", help="alleen controleren en melden, niets schrijven")
    imp.add_argument("--update", action="store_true", help="bestaande project_id's bijwerken")
    imp.add_argument("--sheet", metavar="NAAM", help="werkblad van een XLSX (standaard het eerste)")
    imp.add_argument("--redacteur", metavar="NAAM", help="naam in het wijzigingslog")

    exp = opdrachten.add_parser("export", help="alle projecten naar CSV of XLSX schrijven")
    exp.add_argument("bestand", metavar="BESTAND", help="FILE.csv of FILE.xlsx")
    exp.add_argument("--force", action="store_true", help="een bestaand BESTAND overschrijven")

    opdrachten.add_parser("check", help="projecten.csv en de database controleren, aantallen per label tonen")

    bak = opdrachten.add_parser("backup", help="reservekopie maken (SQLite: kopie van het bestand; "
                                               "PostgreSQL: pg_dump)")
    bak.add_argument("map", metavar="MAP")

    her = opdrachten.add_parser("restore", help="database terugzetten uit een reservekopie (schema eerst volledig "
                                                "gecontroleerd)")
    her.add_argument("bestand", metavar="BESTAND")

    sja = opdrachten.add_parser("sjabloon", help="leeg importsjabloon (XLSX) schrijven")
    sja.add_argument("bestand", metavar="BESTAND")
    sja.add_argument("--force", action="store_true", help="een bestaand BESTAND overschrijven")
    return parser


def _importeer(args: argparse.Namespace) -> int:
    """``import``: validate and (unless --dry-run) write a file; print the report."""
    rapport = bij_bezet_opnieuw(lambda: importeer_bestand(open_store(), args.bestand, update=args.update,
                                                          proef=args.dry_run, blad=args.sheet,
                                                          redacteur=args.redacteur))
    print(rapport.tekst())
    if args.dry_run:
        print(f"proefimport: {len(rapport.nieuw)} nieuw, {len(rapport.bijgewerkt)} bij te werken, "
              f"{len(rapport.ongewijzigd)} ongewijzigd; niets geschreven")
    else:
        print(f"geïmporteerd: {len(rapport.nieuw)} nieuw, {len(rapport.bijgewerkt)} bijgewerkt, "
              f"{len(rapport.ongewijzigd)} ongewijzigd")
    return 0


def _check(_: argparse.Namespace) -> int:
    """``check``: validate projecten.csv and the store, print counts per label; 1 on errors."""
    controle = controleer(open_store(), PROJECTEN_CSV)
    print(controle.tekst())
    return 1 if controle.aantal_fouten else 0


def _exporteer(args: argparse.Namespace) -> int:
    """``export``: write all projects to CSV or XLSX."""
    _nieuw_of_force(args)
    projecten = open_store().projecten()
    pad = exporteer(projecten, args.bestand)
    print(f"{len(projecten)} projecten geschreven naar {pad}")
    return 0


def _nieuw_of_force(args: argparse.Namespace) -> None:
    """Refuse to overwrite an existing output file unless ``--force`` was given."""
    pad = Path(args.bestand)
    if pad.exists() and not args.force:
        raise weiger(pad.name, f"{pad} bestaat al; gebruik --force om het te overschrijven")


def _backup(args: argparse.Namespace) -> int:
    """``backup``: copy the database into a folder."""
    print(f"reservekopie: {open_store().backup(args.map)}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    """``restore``: replace the database by a backup."""
    store = open_store()
    store.restore(args.bestand)
    print(f"database {store.naam} teruggezet uit {args.bestand} (vorige inhoud bewaard in {store.backupmap})")
    return 0


def _sjabloon(args: argparse.Namespace) -> int:
    """``sjabloon``: write the empty import template."""
    _nieuw_of_force(args)
    print(f"importsjabloon geschreven: {maak_sjabloon(args.bestand)}")
    return 0


_OPDRACHTEN = {"import": _importeer, "export": _exporteer, "check": _check, "backup": _backup,
               "restore": _restore, "sjabloon": _sjabloon}


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        return _OPDRACHTEN[args.opdracht](args)
    except Validatiefout as fout:
        print(fout.rapport.tekst(), file=sys.stderr)
        print("niets geschreven", file=sys.stderr)
    except (Conflict, DatabaseBezet, OngeldigeDatabase, OSError) as fout:
        print(f"fout: {fout}", file=sys.stderr)
    except sa.exc.OperationalError as fout:
        print(f"fout: de database is niet bereikbaar of bezet, niets geschreven ({fout.orig})", file=sys.stderr)
    return 1
