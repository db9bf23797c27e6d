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
from projectdb.fouten import Conflict, OnbekendProject, OngeldigeDatabase
from projectdb.importeer import importeer_bestand
from projectdb.intake import gebruikte_regels
from projectdb.meldingen import Validatiefout, weiger
from projectdb.sjabloon import maak_sjabloon
from projectdb.store import PROJECTEN_CSV, huidige_redacteur, open_store
from tekst import getallen

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
    opdrachten = parser.add_subparsers(
        dest="opdracht", required=True, metavar="opdracht", parser_class=NederlandseParser
    )

    imp = opdrachten.add_parser("import", help="projecten importeren uit CSV of XLSX (alles of niets)")
    imp.add_argument("bestand", metavar="BESTAND", help="CSV (',' of ';') of XLSX")
    imp.add_argument("--dry-run", action="store_true", help="alleen controleren en melden, niets schrijven")
    imp.add_argument("--update", action="store_true", help="bestaande project_id's bijwerken")
    imp.add_argument("--sheet", metavar="NAAM", help="werkblad van een XLSX (standaard het eerste)")
    imp.add_argument("--redacteur", metavar="NAAM", help="naam in het wijzigingslog")
    imp.add_argument(
        "--leverancier",
        metavar="NAAM",
        default="",
        help="wie de lijst aanlevert (standaard uit het sjabloon); eigen nummers worden per leverancier herkend",
    )
    imp.add_argument(
        "--dubbel",
        metavar="REGEL=KEUZE",
        default="",
        help="wat te doen met mogelijke dubbelingen, per regel: beide, samenvoegen of overslaan "
        "(bijvoorbeeld '5=samenvoegen,7=overslaan'; standaard beide houden)",
    )

    exp = opdrachten.add_parser("export", help="alle projecten naar CSV of XLSX schrijven")
    exp.add_argument("bestand", metavar="BESTAND", help="FILE.csv of FILE.xlsx")
    exp.add_argument("--force", action="store_true", help="een bestaand BESTAND overschrijven")

    opdrachten.add_parser("check", help="projecten.csv en de database controleren, aantallen per label tonen")

    bak = opdrachten.add_parser(
        "backup", help="reservekopie maken (SQLite: kopie van het bestand; PostgreSQL: pg_dump)"
    )
    bak.add_argument("map", metavar="MAP")

    her = opdrachten.add_parser(
        "restore", help="database terugzetten uit een reservekopie (schema eerst volledig gecontroleerd)"
    )
    her.add_argument("bestand", metavar="BESTAND")

    sja = opdrachten.add_parser(
        "sjabloon", help="leeg importsjabloon (XLSX) schrijven, algemeen of voor één Wmo-regio of verzekeraar"
    )
    sja.add_argument("bestand", metavar="BESTAND")
    sja.add_argument("--force", action="store_true", help="een bestaand BESTAND overschrijven")
    wie = sja.add_mutually_exclusive_group()
    wie.add_argument("--wmo-regio", metavar="NAAM", help="sjabloon voor een Wmo-regio (naam of code, zoals Drenthe)")
    wie.add_argument("--verzekeraar", metavar="NAAM", help="sjabloon voor een zorgverzekeraar (zoals Menzis)")

    beo = opdrachten.add_parser("beoordeel", help="voorgestelde projecten vaststellen of afwijzen")
    beo.add_argument("besluit", choices=("vaststellen", "afwijzen"), metavar="vaststellen|afwijzen")
    beo.add_argument("projecten", nargs="*", metavar="PROJECT_ID", help="project_id's (P053 P054 ...)")
    beo.add_argument(
        "--import",
        dest="ronde",
        type=int,
        metavar="NUMMER",
        help="alle voorstellen van deze import (zie 'python -m projectdb importrondes')",
    )
    beo.add_argument("--redacteur", metavar="NAAM", help="naam in het wijzigingslog")

    opdrachten.add_parser("importrondes", help="imports met voorstellen tonen, met aantallen per status")
    return parser


def _importeer(args: argparse.Namespace) -> int:
    """``import``: validate and (unless --dry-run) write a file; print the report."""
    try:
        keuzes = gebruikte_regels(args.dubbel)
    except ValueError as fout:
        print(f"fout: {fout}", file=sys.stderr)
        return 2
    rapport = bij_bezet_opnieuw(
        lambda: importeer_bestand(
            open_store(),
            args.bestand,
            update=args.update,
            proef=args.dry_run,
            blad=args.sheet,
            redacteur=args.redacteur,
            leverancier=args.leverancier,
            keuzes=keuzes,
        )
    )
    print(rapport.tekst())
    if args.dry_run:
        print(
            f"proefimport: {len(rapport.nieuw)} nieuw, {len(rapport.bijgewerkt)} bij te werken, "
            f"{len(rapport.ongewijzigd)} ongewijzigd; niets geschreven"
        )
    else:
        print(
            f"geïmporteerd: {len(rapport.nieuw)} nieuw, {len(rapport.bijgewerkt)} bijgewerkt, "
            f"{len(rapport.ongewijzigd)} ongewijzigd"
        )
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
    print(f"{getallen.aantal(len(projecten), 'project', 'projecten')} geschreven naar {pad}")
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
    """``sjabloon``: write an empty import template (general, or for a Wmo-region or an insurer); an existing
    file only with --force."""
    _nieuw_of_force(args)
    try:
        pad = maak_sjabloon(args.bestand, wmo_regio=args.wmo_regio, verzekeraar=args.verzekeraar)
    except ValueError as fout:
        print(f"fout: {fout}", file=sys.stderr)
        return 2
    print(f"importsjabloon geschreven: {pad}")
    return 0


def _beoordeel(args: argparse.Namespace) -> int:
    """``beoordeel``: approve or reject proposals, named or all of one import."""
    store = open_store()
    projecten = store.projecten()
    gekozen = set(args.projecten)
    if args.ronde is not None:
        gekozen |= set(
            projecten.loc[(projecten["importronde"] == args.ronde) & (projecten["status"] == "voorstel"), "project_id"]
        )
    onbekend = sorted(gekozen - set(projecten["project_id"]))
    if onbekend or not gekozen:
        print(
            f"fout: onbekende projecten: {', '.join(onbekend)}"
            if onbekend
            else "fout: geen projecten gekozen (noem project_id's of --import NUMMER met voorstellen)",
            file=sys.stderr,
        )
        return 1
    versies = dict(zip(projecten["project_id"], projecten["versie"].astype(int), strict=True))
    status = "vastgesteld" if args.besluit == "vaststellen" else "afgewezen"
    redacteur = huidige_redacteur(args.redacteur)
    gewijzigd = bij_bezet_opnieuw(
        lambda: store.beoordeel({pid: versies[pid] for pid in sorted(gekozen)}, status, redacteur)
    )
    print(f"{len(gewijzigd)} project(en) {status}: {', '.join(gewijzigd) or 'geen (hadden die status al)'}")
    return 0


def _importrondes(_: argparse.Namespace) -> int:
    """``importrondes``: list the imports with proposals."""
    rondes = open_store().importrondes()
    if rondes.empty:
        print("nog geen imports met nieuwe projecten")
    for r in rondes.itertuples(index=False):
        wie = r.leverancier or "leverancier onbekend"
        print(
            f"import {r.importronde}: {r.tijdstip} door {r.redacteur}, {r.bestand} ({wie}): {r.voorstel} voorstel, "
            f"{r.vastgesteld} vastgesteld, {r.afgewezen} afgewezen"
        )
    return 0


_OPDRACHTEN = {
    "import": _importeer,
    "export": _exporteer,
    "check": _check,
    "backup": _backup,
    "restore": _restore,
    "sjabloon": _sjabloon,
    "beoordeel": _beoordeel,
    "importrondes": _importrondes,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        return _OPDRACHTEN[args.opdracht](args)
    except Validatiefout as fout:
        print(fout.rapport.tekst(), file=sys.stderr)
        print("niets geschreven", file=sys.stderr)
    except (Conflict, DatabaseBezet, OnbekendProject, OngeldigeDatabase, OSError) as fout:
        print(f"fout: {fout}", file=sys.stderr)
    except sa.exc.OperationalError as fout:
        print(f"fout: de database is niet bereikbaar of bezet, niets geschreven ({fout.orig})", file=sys.stderr)
    return 1
