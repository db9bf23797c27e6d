"""Exports from the command line: static maps, a PowerPoint deck, the offline kaartenboek and the project list.

``python -m dashboard.export --inhoud Ouderen --as png OUT.png`` draws the Ouderen total map; ``--as pptx`` with
several ``--kaart`` and ``--inhoud`` options builds a deck (themes x maps, theme first); ``--as csv``/``xlsx`` writes
the filtered projects. ``--tabel`` also writes the table behind every map (per municipality: Wmo-region, class,
projects and their ids) beside the output, as ``<UIT>-tabel.csv``. ``--inhoud`` both filters the projects and
makes one map per theme; ``--thema`` is its older name and means the same. Filters are the dashboard's
(:mod:`classify.filters`); projects come from the store (``SAMENWERKING_DB``), as in the app. Exit status: 0 written,
1 nothing to draw (no project matches), 2 wrong command line. The same building blocks serve the dashboard's
download buttons.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

import projectdb
from classify import begrippen, vocab, zekerheid
from classify import filters as flt
from dashboard import url
from geo import geodata
from geo.lagen import KAARTLAGEN, kaartlaag
from kaart import formaten, tabel
from kaart.model import Kaartbeeld, KaartSpec, kaartbeeld, projecten_voor
from projectdb import bereik, bronnen
from projectdb.exporteer import als_bytes
from projectdb.formule import neutraliseer_delen
from tekst import brontekst, getallen, selectietekst

FORMATEN: tuple[str, ...] = (*formaten.FORMATEN, "pptx", "html", "csv", "xlsx")
MIME: dict[str, str] = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "html": "text/html",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

KAARTEN: dict[str, str] = {
    "totaal": "totaal",
    "samenwerkingsvorm": "intensiteit",
    "intensiteit": "intensiteit",
    "instrumenteel": "instrument",
    "instrument": "instrument",
    "geografisch": "geografie",
    "geografie": "geografie",
    "kernwerkgebied": "kernwerkgebied",
    "verzekeraar": "verzekeraar",
}
"""Friendly map names (as on the dashboard's pages) -> what they draw."""

GEMEENTEKOLOMMEN = ["gemeente_code", "gemeente_naam", "wmo_regio", "kernwerkgebied"]
_MAX_MELDINGEN = 10
"""Left-out maps named one by one on the command line; a book of all maps can leave out dozens."""


class Gebruiksfout(ValueError):
    """A map or option on the command line (or in a request) that names nothing drawable."""


def kaartspec(tekst: str, thema: str | None = None) -> KaartSpec:
    """The map for a friendly name or a :attr:`KaartSpec.sleutel`.

    Friendly forms, as on the dashboard's pages: ``totaal``, ``samenwerkingsvorm`` (or ``intensiteit``),
    ``instrumenteel`` (``instrument``), ``geografisch`` (``geografie``), each optionally ``:<thema>``
    (``totaal:GGZ``), else for ``thema``; without a theme the map covers all projects (``totaal``: without
    minimacontracten, as on the Overzicht page). ``kernwerkgebied`` draws the kernwerkgebieden and
    ``verzekeraar:<naam>`` the projects of one insurer. A key such as ``versus|instrument=beleid|inhoud=ggz``
    is taken as it is. Raises :class:`Gebruiksfout` with the accepted forms.
    """
    tekst = tekst.strip()
    if "|" in tekst or "=" in tekst:
        try:
            return KaartSpec.van_sleutel(tekst)
        except (ValueError, TypeError) as fout:
            raise Gebruiksfout(f"kaartsleutel {tekst!r} ongeldig: {fout}") from None
    naam, _, label = (deel.strip() for deel in tekst.partition(":"))
    soort = KAARTEN.get(vocab.sleutel(naam))
    if soort is None:
        raise Gebruiksfout(
            f"onbekende kaart {tekst!r}; kies uit: {', '.join(KAARTEN)} (eventueel met :<thema>, "
            f"verzekeraar:<naam>) of een kaartsleutel zoals 'totaal|inhoud=ggz'"
        )
    try:
        if soort == "kernwerkgebied":
            return KaartSpec("kernwerkgebied")
        if soort == "verzekeraar":
            if not label:
                raise Gebruiksfout(f"kaart {tekst!r}: noem de verzekeraar, bijvoorbeeld verzekeraar:VGZ")
            return KaartSpec("verzekeraar", label=vocab.verzekeraar(label).naam, zonder_minima=True)
        thema = label or thema
        if soort == "totaal":
            if thema:
                return KaartSpec("totaal", as_code="inhoud", label=vocab.normaliseer(vocab.AS_INHOUD, thema))
            return KaartSpec("totaal", zonder_minima=True)
        if thema:
            return KaartSpec(
                "combinatie", as_code=soort, tweede_as="inhoud", tweede_label=vocab.normaliseer(vocab.AS_INHOUD, thema)
            )
        return KaartSpec("combinatie", as_code=soort)
    except vocab.OnbekendLabel as fout:
        raise Gebruiksfout(f"kaart {tekst!r}: {fout}") from None


def kaartspecs(kaarten: Sequence[str], themas: Sequence[str] = ()) -> list[KaartSpec]:
    """Every map of ``kaarten`` (default ``totaal``) for every theme of ``themas`` (``alle`` = every theme),
    theme first, without duplicates; maps that name their own theme or none are not repeated per theme."""
    kaarten = list(kaarten) or ["totaal"]
    gekozen: list[str | None] = []
    for thema in themas:
        namen = vocab.AS_INHOUD.namen if vocab.sleutel(thema) == "alle" else (thema,)
        gekozen += [naam for naam in namen if naam not in gekozen]
    specs: list[KaartSpec] = []
    for thema in gekozen or [None]:
        for kaart in kaarten:
            spec = kaartspec(kaart, thema)
            if spec not in specs:
                specs.append(spec)
    return specs


def brontitels() -> dict[str, str]:
    """Publisher, title and year per source file, from the source registry (:mod:`projectdb.bronnen`)."""
    return {bestand: brontekst.vermelding(bron) for bestand, bron in bronnen.bronnen().items()}


@dataclass(frozen=True)
class Export:
    """A produced file: its contents, MIME type, the maps left out because they count no project, and the maps
    drawn (for :func:`tabelbestand` beside them)."""

    inhoud: bytes
    mime: str
    overgeslagen: tuple[str, ...] = ()
    kaarten: tuple[Kaartbeeld, ...] = ()


def _tabelcel(waarde: object) -> str | int:
    """A table value as a spreadsheet cell: numbers kept, text with every ';'-segment neutralised."""
    return int(waarde) if isinstance(waarde, int) else neutraliseer_delen(str(waarde))


def _kopregels(kaartbeeld: Kaartbeeld, klasse: str | None) -> list[str]:
    """Lines between a map's title and its table: the selection, the class kept and the source line."""
    regels = [kaartbeeld.ondertitel] if kaartbeeld.ondertitel else []
    if klasse is not None:
        regels.append(f"Alleen klasse: {klasse}")
    return [*regels, kaartbeeld.bronregel]


def tabelbestand(kaarten: Sequence[Kaartbeeld], formaat: str, klasse: str | None = None) -> bytes:
    """The table behind each map (:func:`kaart.tabel.kaarttabel`, kept to legend class ``klasse`` when given) as a
    file for Dutch Excel.

    ``csv``: UTF-8 with BOM, ';'-separated (what Dutch Excel opens in columns), one block per map headed by its
    title and subtitle, blank line between maps. ``xlsx``: one sheet per map (bold, frozen header). Text cells a
    spreadsheet could run as a formula get a leading quote, as in the project export.
    """
    if formaat not in ("csv", "xlsx"):
        raise Gebruiksfout(f"onbekend tabelformaat {formaat!r}; kies csv of xlsx")
    if formaat == "csv":
        uit = io.StringIO()
        schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n")
        for i, kaartbeeld in enumerate(kaarten):
            if i:
                schrijver.writerow([])
            schrijver.writerow([_tabelcel(kaartbeeld.titel)])
            for regel in _kopregels(kaartbeeld, klasse):
                schrijver.writerow([_tabelcel(regel)])
            rijen = tabel.kaarttabel(kaartbeeld, klasse)
            schrijver.writerow(rijen.columns)
            schrijver.writerows([_tabelcel(w) for w in rij] for rij in rijen.itertuples(index=False))
        return uit.getvalue().encode("utf-8-sig")
    # Imported here: openpyxl is slow to import, and only an XLSX download needs it.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    boek = Workbook()
    boek.remove(boek.active)
    for i, kaartbeeld in enumerate(kaarten):
        # Sheet names: at most 31 characters, none of []:*?/\ and unique.
        naam = re.sub(r"[\[\]:*?/\\]", " ", kaartbeeld.titel)[:27].strip() or "kaart"
        blad = boek.create_sheet(naam if naam not in boek.sheetnames else f"{naam[:24]} {i + 1}")
        blad.append([_tabelcel(kaartbeeld.titel)])
        for regel in _kopregels(kaartbeeld, klasse):
            blad.append([_tabelcel(regel)])
        rijen = tabel.kaarttabel(kaartbeeld, klasse)
        blad.append(list(rijen.columns))
        for cel in blad[blad.max_row]:
            cel.font = Font(bold=True)
        blad.freeze_panes = f"B{blad.max_row + 1}"
        for rij in rijen.itertuples(index=False):
            blad.append([_tabelcel(w) for w in rij])
        for letter, breedte in zip("ABCDEFG", (28, 12, 32, 40, 10, 10, 60), strict=True):
            blad.column_dimensions[letter].width = breedte
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def exporteer(
    specs: Sequence[KaartSpec],
    filters: flt.Filters,
    projecten: pd.DataFrame,
    koppeling: pd.DataFrame,
    gemeenten: pd.DataFrame,
    *,
    formaat: str,
    lagen: Sequence[str] = url.STANDAARD_LAGEN,
    dpi: int = 150,
) -> Export:
    """One export of the maps ``specs`` under ``filters``.

    ``projecten`` are all stored projects (filtered here); ``koppeling`` and ``gemeenten`` belong to boundary
    year ``filters.jaar``. Formats: ``png``/``svg`` (one map), ``pdf`` (one page per map), ``pptx`` (deck, dated
    by the peildatum of its projects' sources), ``html`` (the offline kaartenboek, :mod:`kaart.kaartenboek`),
    ``csv``/``xlsx`` (the filtered project list, ``specs`` ignored).
    Maps that count no project are left out and named in :attr:`Export.overgeslagen`. Raises :class:`Gebruiksfout`
    for an unknown format, several maps in PNG/SVG, or when no map has a project, and ValueError from the renderers.
    """
    if formaat not in FORMATEN:
        raise Gebruiksfout(f"onbekend formaat {formaat!r}; kies uit: {', '.join(FORMATEN)}")
    # The renderers load matplotlib, python-pptx and folium (about a second): only when an export is made, never
    # while a page that merely offers the buttons starts.
    from kaart import kaartenboek, presentatie, statisch

    gefilterd, koppeling = flt.combinatie(filters, flt.toepassen(filters, projecten), koppeling)
    if formaat in ("csv", "xlsx"):
        return Export(als_bytes(gefilterd, formaat), MIME[formaat])
    if formaat in ("png", "svg") and len(specs) > 1:
        raise Gebruiksfout(f"{formaat} bevat één kaart, er zijn er {len(specs)} gekozen; kies pdf of pptx")
    selectie = selectietekst.beschrijving(filters)
    if formaat == "html":
        try:
            zekerheid = bereik.concessiezekerheid(gefilterd)
            boek = kaartenboek.kaartenboek(
                [kaartenboek.boekkaart(spec, lagen) for spec in specs],
                gefilterd,
                projecten,
                koppeling,
                gemeenten,
                jaar=filters.jaar,
                selectie=selectie,
                bronregister=bronnen.bronnen(),
                concessie=dict(zip(zekerheid["project_id"], zekerheid["concessiezekerheid"], strict=True)),
            )
        except kaartenboek.GeenKaarten as fout:
            raise Gebruiksfout(str(fout)) from None
        return Export(boek.inhoud, MIME[formaat], boek.overgeslagen)
    kaarten: list[Kaartbeeld] = []
    overgeslagen: list[str] = []
    for spec in specs:
        if spec.soort != "kernwerkgebied" and projecten_voor(spec, gefilterd).empty:
            overgeslagen.append(spec.sleutel)
            continue
        kaarten.append(
            kaartbeeld(
                spec,
                gefilterd,
                koppeling,
                gemeenten,
                jaar=filters.jaar,
                selectie=selectie,
                bronregister=bronnen.bronnen(),
            )
        )
    if not kaarten:
        raise Gebruiksfout(
            f"geen projecten voor deze selectie ({selectie}) op de gekozen kaarten: {', '.join(overgeslagen)}"
        )
    if formaat == "pptx":
        # Dated by the sources of the projects on these maps, not of the whole selection.
        getoond = pd.concat([projecten_voor(k.spec, gefilterd)["bron"] for k in kaarten])
        inhoud = presentatie.presentatie(
            kaarten,
            gefilterd,
            koppeling,
            gemeenten,
            jaar=filters.jaar,
            peildatum=bronnen.peildatum(getoond),
            gedateerd=bronnen.laatste_datum(getoond),
            lagen=lagen,
            selectie=selectie,
            brontitels=brontitels(),
        )
    else:
        inhoud = statisch.statische_kaart(kaarten, filters.jaar, lagen, formaat=formaat, dpi=dpi)
    return Export(inhoud, MIME[formaat], tuple(overgeslagen), tuple(kaarten))


# --- command line ------------------------------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    # Imported here: the store's command line brings the importer and openpyxl, which the dashboard never needs.
    from projectdb.cli import NederlandseParser

    parser = NederlandseParser(
        ruw=True,
        prog="python -m dashboard.export",
        description="Kaarten (PNG, SVG, PDF), een presentatie (PPTX), een kaartenboek (HTML, werkt zonder internet) "
        "of de projectenlijst (CSV, XLSX) maken voor het bestuurlijk overleg, met dezelfde filters, "
        "klassen, kleuren en legenda als het dashboard.",
        epilog=(
            "Kaarten (--kaart):\n"
            "  totaal, samenwerkingsvorm (intensiteit), instrumenteel (instrument), geografisch (geografie):\n"
            "      per thema van --inhoud, of met eigen thema: totaal:GGZ; zonder thema over alle projecten\n"
            "      (totaal dan zonder minimacontracten, zoals op Overzicht)\n"
            "  kernwerkgebied            de kernwerkgebieden van de zorgverzekeraars\n"
            "  verzekeraar:<naam>        de projecten van één zorgverzekeraar, bijvoorbeeld verzekeraar:VGZ\n"
            "  of een kaartsleutel uit het dashboard, bijvoorbeeld 'versus|instrument=beleid|inhoud=ggz'\n"
            "\n"
            "Filteropties mogen herhaald worden of komma's bevatten; waarden zijn namen, codes of synoniemen\n"
            "(ggz, GGZ, 'geestelijke gezondheidszorg'; achmea = Zilveren Kruis en De Friesland).\n"
            "De projecten komen uit de database van SAMENWERKING_DB (anders data/projects/samenwerking.sqlite).\n"
            "\n"
            "Voorbeelden:\n"
            "  python -m dashboard.export --inhoud Ouderen --as png ouderen.png\n"
            "  python -m dashboard.export --inhoud Ouderen --kaart samenwerkingsvorm --dpi 300 --lagen wmo,provincie "
            "ouderen.png\n"
            "  python -m dashboard.export --inhoud alle --kaart totaal --kaart samenwerkingsvorm "
            "--as pptx overleg.pptx\n"
            "  python -m dashboard.export --inhoud alle --as html kaartenboek.html  (zonder --kaart: alle kaarten)\n"
            "  python -m dashboard.export --kaart verzekeraar:VGZ --kaart verzekeraar:CZ --jaar 2025 "
            "--as pdf vgz_cz.pdf\n"
            "  python -m dashboard.export --inhoud GGZ --verzekeraar Menzis --as xlsx projecten.xlsx\n"
            "\n"
            "Afsluitstatus: 0 geschreven, 1 geen project voor deze selectie, 2 fout in de opdrachtregel."
        ),
    )
    parser.add_argument("uitvoer", metavar="UIT", help="uitvoerbestand, bijvoorbeeld kaart.png of overleg.pptx")
    parser.add_argument(
        "--as", dest="formaat", choices=FORMATEN, help="bestandsformaat; standaard afgeleid van de extensie van UIT"
    )
    parser.add_argument(
        "--kaart",
        action="append",
        default=[],
        metavar="KAART",
        help="kaart om te maken (herhaalbaar voor pdf, pptx en html); standaard totaal, voor html "
        "alle kaartsoorten van het dashboard",
    )
    # One filter option per label field, named as in the glossary (its first flag; later ones are older names);
    # the value lands under the field's own name.
    for veld in flt.LABELVELDEN:
        begrip = begrippen.per_filterveld()[veld]
        hulp = f"filter: {begrip.label.lower()} ({', '.join(flt.opties(veld))})"
        if veld == "inhoud":
            hulp += (
                f"; ook één kaart per thema, of 'alle' voor elk thema. {' en '.join(begrip.cli[1:])} is een "
                f"andere naam voor {begrip.cli[0]}"
            )
        parser.add_argument(*begrip.cli, dest=veld, action="append", default=[], metavar="LABEL", help=hulp)
    parser.add_argument(
        *begrippen.per_filterveld()["jaar"].cli,
        dest="jaar",
        type=int,
        choices=flt.JAREN,
        default=flt.STANDAARD_JAAR,
        help=f"gemeentelijke indeling van de kaart (standaard {flt.STANDAARD_JAAR})",
    )
    parser.add_argument(
        *begrippen.begrip("kaartlagen").cli,
        dest="lagen",
        metavar="LAGEN",
        default=None,
        help=f"kaartlagen, komma-gescheiden: {', '.join(laag.url for laag in KAARTLAGEN)} of "
        "kernwerkgebied:<verzekeraar>; 'geen' voor geen lagen (standaard "
        f"{','.join(kaartlaag(laag).url for laag in url.STANDAARD_LAGEN)})",
    )
    parser.add_argument(
        *begrippen.begrip("alleen zekere gebieden").cli,
        dest="alleen_zeker",
        action="store_true",
        help="alleen gemeenten waar een project zeker loopt: laat gemeenten weg die alleen in een "
        "gebied liggen waarvan de bron zegt dat het project in een deel ervan loopt",
    )
    parser.add_argument(
        *begrippen.begrip("alle labels").cli,
        dest="alle",
        action="append",
        default=[],
        metavar="AS",
        help="assen waarop een gemeente elk gekozen label moet hebben in plaats van één ervan, komma-gescheiden: "
        f"{', '.join(url.PARAMETERS[veld] for veld in flt.LABELVELDEN)}",
    )
    parser.add_argument(
        *begrippen.begrip("tabel bij de kaart").cli,
        dest="tabel",
        action="store_true",
        help="schrijf ook de tabel achter elke kaart (per gemeente: Wmo-regio, klasse, aantal projecten en "
        "project-ids) naast UIT, als <UIT>-tabel.csv (puntkomma's, voor Nederlandse Excel); voor png, svg, pdf en "
        "pptx",
    )
    parser.add_argument(
        "--dpi",
        type=int,
        default=150,
        help=f"resolutie van PNG in dots per inch, {formaten.DPI_MIN}-{formaten.DPI_MAX} "
        "(standaard 150; 300 voor drukwerk)",
    )
    return parser


def _lagen(tekst: str | None) -> tuple[str, ...]:
    if tekst is None:
        return url.STANDAARD_LAGEN
    if vocab.sleutel(tekst) == "geen":
        return ()
    lagen, meldingen = url.lees_lagen({url.LAGEN: tekst})
    if meldingen:
        raise Gebruiksfout("; ".join(meldingen))
    return lagen


def _themas(namen: Sequence[str]) -> list[str]:
    """Stored theme names for ``--thema`` values (``alle`` = every theme, as is none)."""
    if any(vocab.sleutel(naam) == "alle" for naam in namen):
        return list(vocab.AS_INHOUD.namen)
    return list(dict.fromkeys(vocab.normaliseer(vocab.AS_INHOUD, naam) for naam in namen))


def _waarden(herhaald: Sequence[str]) -> list[str]:
    return [w.strip() for deel in herhaald for w in deel.split(",") if w.strip()]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    formaat = args.formaat or Path(args.uitvoer).suffix.lower().lstrip(".")
    if formaat not in FORMATEN:
        parser.error(f"geef --as ({', '.join(FORMATEN)}) of een uitvoerbestand met zo'n extensie")
    if args.tabel and formaat not in (*formaten.FORMATEN, "pptx"):
        parser.error(f"--tabel hoort bij kaarten (png, svg, pdf, pptx), niet bij {formaat}")
    if not formaten.DPI_MIN <= args.dpi <= formaten.DPI_MAX:
        parser.error(f"--dpi {args.dpi}: kies van {formaten.DPI_MIN} tot en met {formaten.DPI_MAX}")
    try:
        waarden = {veld: _waarden(getattr(args, veld)) for veld in flt.LABELVELDEN}
        themas = waarden["inhoud"]
        if any(vocab.sleutel(thema) == "alle" for thema in themas):
            waarden["inhoud"] = []
        assen = {url.PARAMETERS[veld]: veld for veld in flt.LABELVELDEN}
        onbekend = [naam for naam in _waarden(args.alle) if naam not in assen]
        if onbekend:
            raise Gebruiksfout(f"--alle {', '.join(onbekend)}: geen as; kies uit: {', '.join(assen)}")
        alle = [assen[naam] for naam in _waarden(args.alle)]
        filters = flt.met(flt.Filters(jaar=args.jaar), **waarden, alleen_zeker=args.alleen_zeker, alle=alle)
        if formaat == "html" and not args.kaart:
            from kaart import kaartenboek

            specs = kaartenboek.boekspecs(_themas(themas))
        else:
            specs = kaartspecs(args.kaart, themas)
        lagen = _lagen(args.lagen)
        if formaat in ("png", "svg") and len(specs) > 1:
            raise Gebruiksfout(f"{formaat} bevat één kaart, er zijn er {len(specs)} gekozen; kies pdf of pptx")
    except (Gebruiksfout, vocab.OnbekendLabel) as fout:
        parser.error(str(fout))
    projecten = projectdb.open_store().projecten()
    gemeenten = pd.DataFrame(geodata.gemeenten(filters.jaar)[GEMEENTEKOLOMMEN])
    koppeling = bereik.koppeling_zekerheid(projecten, filters.jaar)
    try:
        resultaat = exporteer(
            specs,
            filters,
            projecten,
            zekerheid.alleen_zeker(koppeling) if filters.alleen_zeker else koppeling,
            gemeenten,
            formaat=formaat,
            lagen=lagen,
            dpi=args.dpi,
        )
    except Gebruiksfout as fout:
        print(f"{parser.prog}: {fout}", file=sys.stderr)
        return 1
    for sleutel in resultaat.overgeslagen[:_MAX_MELDINGEN]:
        print(f"{parser.prog}: kaart {sleutel} overgeslagen: geen projecten voor deze selectie", file=sys.stderr)
    rest = len(resultaat.overgeslagen) - _MAX_MELDINGEN
    if rest > 0:
        print(
            f"{parser.prog}: en nog {rest} {'kaart' if rest == 1 else 'kaarten'} overgeslagen zonder projecten",
            file=sys.stderr,
        )
    Path(args.uitvoer).write_bytes(resultaat.inhoud)
    print(f"{args.uitvoer} geschreven ({formaat}, {getallen.getal(len(resultaat.inhoud))} bytes)")
    if args.tabel:
        pad = tabelpad(args.uitvoer)
        pad.write_bytes(tabelbestand(resultaat.kaarten, "csv"))
        aantal = len(resultaat.kaarten)
        print(f"{pad} geschreven (tabel bij {aantal} {'kaart' if aantal == 1 else 'kaarten'})")
    return 0


def tabelpad(uitvoer: str | Path) -> Path:
    """Where ``--tabel`` writes: beside ``uitvoer``, ``overleg.pptx`` -> ``overleg-tabel.csv``."""
    uitvoer = Path(uitvoer)
    return uitvoer.with_name(f"{uitvoer.stem}-tabel.csv")


if __name__ == "__main__":
    raise SystemExit(main())
