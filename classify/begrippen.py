"""The glossary: every concept of the project once, with its name in each place it travels.

One :class:`Begrip` per concept: the column of ``projecten.csv``, the field of :class:`classify.filters.Filters`,
the URL query parameter(s) of the dashboard, the command-line flag(s) of ``python -m dashboard.export`` and
``python -m projectdb``, the Dutch label in the user interface and a one-line Dutch definition. An empty value
means the concept does not appear in that place. Pure data: every layer may import it, and the URL codec and the
command lines take their names from it. README's "Begrippen" table is this glossary; ``tests/test_begrippen.py``
checks that every column, URL parameter and flag in use is here and there.
"""

from __future__ import annotations

from dataclasses import dataclass

from classify import vocab


@dataclass(frozen=True)
class Begrip:
    """One concept and its names; ``url`` and ``cli`` list every name in use, the preferred one first."""

    naam: str
    definitie: str
    label: str = ""
    kolom: str = ""
    filterveld: str = ""
    url: tuple[str, ...] = ()
    cli: tuple[str, ...] = ()


_ASSEN_OP_HET_SCHERM: dict[str, tuple[str, str]] = {
    "inhoud": (
        "Inhoud (thema)",
        "De inhoudelijke as: het thema waarop wordt samengewerkt (Preventie, GGZ, Ouderen, ...).",
    ),
    "instrument": (
        "Instrument",
        "De instrumentele as: waarmee wordt samengewerkt (werkwijze, beleid, inkoop, ...); meerdere per project.",
    ),
    "intensiteit": (
        "Samenwerkingsvorm (intensiteit)",
        "De as samenwerkingsvorm: hoe intensief wordt samengewerkt, van ontwikkelproject tot samenwerkingsafspraken.",
    ),
    "geografie": (
        "Geografie",
        "De geografische as: gemeentelijk, regionaal of bovenregionaal, afgeleid uit het gebied.",
    ),
}
"""Axis code -> (label on screen, definition); every other name of an axis comes from :data:`classify.vocab.ASSEN`."""
_EXTRA_CLI = {"inhoud": ("--thema",)}
"""Older command-line spellings of an axis flag that keep working."""
_EXTRA_URL = {"inhoud": ("thema",), "instrument": ("instr",), "intensiteit": ("vorm",)}
"""Older URL parameters of an axis that keep working: a page's own choice before it became the sidebar's filter."""


def _asbegrip(as_: vocab.As, label: str, definitie: str) -> Begrip:
    """The glossary entry of an ordering axis: column and filter field are the axis' column, the URL parameter and
    the flag its code."""
    return Begrip(
        naam=as_.kolom,
        definitie=definitie,
        label=label,
        kolom=as_.kolom,
        filterveld=as_.kolom,
        url=(as_.code, *_EXTRA_URL.get(as_.code, ())),
        cli=(f"--{as_.code}", *_EXTRA_CLI.get(as_.code, ())),
    )


BEGRIPPEN: tuple[Begrip, ...] = (
    # --- a project and its sources --------------------------------------------------------------------------
    Begrip(
        naam="project",
        definitie="Eén afzonderlijk samenwerkingsproject; de vaste sleutel is P001, P002, ...",
        label="Project",
        kolom="project_id",
        url=("project",),
    ),
    Begrip(naam="titel", definitie="Korte naam van het project.", label="Titel", kolom="titel"),
    Begrip(
        naam="omschrijving",
        definitie="Wat er gebeurt en wie meedoet, in eigen woorden naar de bron.",
        label="Beschrijving",
        kolom="omschrijving",
    ),
    Begrip(
        naam="partners",
        definitie="Andere partijen die de bron noemt (zorgaanbieders, stichtingen, teams).",
        label="Partners",
        kolom="partners",
    ),
    Begrip(naam="bron", definitie="Het brondocument waaruit het project komt.", label="Bron", kolom="bron"),
    Begrip(
        naam="bron_citaat",
        definitie="Letterlijk citaat uit de bron dat het project onderbouwt.",
        label="Citaat",
        kolom="bron_citaat",
    ),
    Begrip(
        naam="toelichting_labels",
        definitie="Waarom elk van de vier labels is gekozen, met verwijzing naar de definities.",
        label="Toelichting labels",
        kolom="toelichting_labels",
    ),
    # --- where and when -------------------------------------------------------------------------------------
    Begrip(
        naam="gebied",
        definitie="De gemeenten, regio's of kernwerkgebieden waar het project loopt.",
        label="Gebied",
        kolom="gebied",
    ),
    Begrip(
        naam="indeling",
        definitie="Het jaar van de gemeentelijke indeling (gemeentegrenzen) waarin een gebied of kaart is "
        "uitgedrukt; geen projectjaar.",
        label="Indeling (gemeentegrenzen)",
        kolom="indeling_jaar",
        filterveld="jaar",
        url=("indeling",),
        cli=("--jaar",),
    ),
    Begrip(
        naam="gebied_precisie",
        definitie="Of het project in alle gemeenten van het gebied loopt (volledig) of in een deel dat de bron niet "
        "noemt (deel).",
        label="Precisie gebied",
        kolom="gebied_precisie",
    ),
    Begrip(
        naam="alleen zekere gebieden",
        definitie="Kaarten en tellingen zonder de gemeenten die alleen in een deel-gebied liggen (mogelijk, niet "
        "zeker).",
        label="Alleen zekere gebieden",
        filterveld="alleen_zeker",
        url=("zeker",),
        cli=("--alleen-zeker",),
    ),
    Begrip(
        naam="aantal_gemeenten_bron",
        definitie="Bij een deel van een gebied: het aantal gemeenten dat de bron noemt.",
        label="Aantal gemeenten (bron)",
        kolom="aantal_gemeenten_bron",
    ),
    Begrip(
        naam="precisie_citaat",
        definitie="Letterlijk citaat uit de bron dat zegt in welk deel van het gebied het project loopt.",
        label="Citaat precisie",
        kolom="precisie_citaat",
    ),
    Begrip(
        naam="startjaar",
        definitie="Jaar waarin het project begon of waarvoor het geldt, als de bron het noemt.",
        label="Startjaar",
        kolom="startjaar",
    ),
    Begrip(
        naam="eindjaar",
        definitie="Laatste jaar van het project; leeg als het doorloopt of de bron het niet noemt.",
        label="Eindjaar",
        kolom="eindjaar",
    ),
    Begrip(
        naam="periode_citaat",
        definitie="Letterlijk citaat uit de bron dat start- en eindjaar noemt.",
        label="Citaat looptijd",
        kolom="periode_citaat",
    ),
    # --- the four ordering axes and the insurers ------------------------------------------------------------
    Begrip(
        naam="verzekeraars",
        definitie="De zorgverzekeraar(s) die met de gemeente(n) samenwerken; een koepel (Achmea) kiest al haar labels.",
        label="Zorgverzekeraar",
        kolom="verzekeraars",
        filterveld="verzekeraars",
        url=("verzekeraar", "verz"),
        cli=("--verzekeraar",),
    ),
    Begrip(
        naam="verzekeraar_herkomst",
        definitie="Of de bron de verzekeraar noemt (bron) of dat hij is afgeleid uit de zorgkantoorconcessie "
        "(concessie).",
        label="Herkomst verzekeraar",
        kolom="verzekeraar_herkomst",
    ),
    *(_asbegrip(as_, *_ASSEN_OP_HET_SCHERM[as_.code]) for as_ in vocab.ASSEN),
    # --- leerlijnen -----------------------------------------------------------------------------------------
    Begrip(
        naam="bouwt_voort_op",
        definitie="De eerdere projecten waarop dit project volgens de bron voortbouwt (een leerlijn).",
        label="Bouwt voort op",
        kolom="bouwt_voort_op",
    ),
    Begrip(
        naam="bouwt_voort_op_citaat",
        definitie="Letterlijk citaat uit de bron dat het voortbouwen onderbouwt.",
        label="Citaat voortbouwen",
        kolom="bouwt_voort_op_citaat",
    ),
    # --- what a page or export shows ------------------------------------------------------------------------
    Begrip(
        naam="kaartlagen",
        definitie="Grenzen over de gemeenten: Wmo-regio's, provincies en kernwerkgebieden.",
        label="Kaartlagen",
        url=("lagen",),
        cli=("--lagen",),
    ),
    Begrip(
        naam="alle labels",
        definitie="Per as: een gemeente telt alleen mee als zij projecten heeft met elk gekozen label (standaard: "
        "één van de labels); zeker is zij alleen als elk label haar zeker bereikt.",
        label="Combineren",
        filterveld="alle",
        url=("alle",),
        cli=("--alle",),
    ),
    Begrip(
        naam="tabel bij de kaart",
        definitie="De gegevens van een kaart als tabel: per gemeente met projecten de Wmo-regio, klasse, het aantal "
        "projecten (zeker en mogelijk) en de project-ids; naast de kaart te downloaden (CSV, XLSX) en met --tabel "
        "naast een export geschreven als <UIT>-tabel.csv.",
        label="Tabel bij de kaart",
        cli=("--tabel",),
    ),
    Begrip(
        naam="selectie rechts",
        definitie="Een tweede selectie naast de eerste, om twee kaarten te vergelijken; ook haar filters staan in de "
        "link van de pagina.",
        label="Twee selecties naast elkaar",
        url=("naast",),
    ),
    Begrip(
        naam="kaart",
        definitie="Welke kaart een pagina of export toont (totaal, samenwerkingsvorm, versus, ...).",
        label="Kaart",
        url=("kaart",),
        cli=("--kaart",),
    ),
    Begrip(
        naam="zoekterm",
        definitie="Tekst waarop de projectenlijst zoekt in titel, omschrijving, partners en gebied; een gemeentenaam "
        "geeft de projecten die de kaart in die gemeente telt (zeker en mogelijk).",
        label="Zoeken",
        url=("zoek",),
    ),
    Begrip(
        naam="gemeente",
        definitie="De gemeente (CBS-code) waarop de kaarten inzoomen en waarvan het gemeenteprofiel gaat; zoeken kan "
        "op naam, andere schrijfwijze, naam uit de andere indeling of code.",
        label="Gemeente zoeken",
        url=("gemeente",),
    ),
    # --- files and formats ----------------------------------------------------------------------------------
    Begrip(
        naam="formaat",
        definitie="Bestandsformaat van een export (png, svg, pdf, pptx, csv, xlsx).",
        label="Formaat",
        cli=("--as",),
    ),
    Begrip(
        naam="resolutie",
        definitie="Resolutie van een PNG-kaart in beeldpunten per inch.",
        label="Resolutie (dpi)",
        cli=("--dpi",),
    ),
    Begrip(
        naam="proefimport",
        definitie="Een import alleen controleren en melden, zonder iets te schrijven.",
        label="Alleen controleren",
        cli=("--dry-run",),
    ),
    Begrip(
        naam="bijwerken",
        definitie="Bij een import bestaande projecten (zelfde projectnummer) bijwerken in plaats van weigeren.",
        label="Bestaande bijwerken",
        cli=("--update",),
    ),
    Begrip(
        naam="overschrijven",
        definitie="Een bestaand uitvoerbestand (export, sjabloon) overschrijven; anders wordt het geweigerd.",
        label="Overschrijven",
        cli=("--force",),
    ),
    Begrip(
        naam="werkblad",
        definitie="Het werkblad van een XLSX-bestand dat wordt geïmporteerd.",
        label="Werkblad",
        cli=("--sheet",),
    ),
    Begrip(
        naam="redacteur",
        definitie="De naam waaronder een wijziging in het wijzigingslog komt.",
        label="Redacteur",
        cli=("--redacteur",),
    ),
    # --- intake of suppliers' lists (columns of the store and exports, not of projecten.csv) -----------------
    Begrip(
        naam="bron_id",
        definitie="Het eigen nummer of kenmerk dat de leverancier aan een project gaf, letterlijk bewaard; een "
        "nieuwe aanlevering wordt daaraan herkend.",
        label="Eigen referentie",
    ),
    Begrip(
        naam="leverancier",
        definitie="Wie een projectenlijst aanleverde (een Wmo-regio, verzekeraar of analist).",
        label="Aangeleverd door",
        cli=("--leverancier",),
    ),
    Begrip(
        naam="status",
        definitie="voorstel (geïmporteerd, nog niet beoordeeld), vastgesteld of afgewezen; alleen een redacteur "
        "verandert haar.",
        label="Status",
    ),
    Begrip(
        naam="voorstellen",
        definitie="Ook de voorstellen tonen: geïmporteerde projecten die nog niet zijn vastgesteld, gemarkeerd als "
        "voorstel.",
        label="Voorstellen tonen",
        filterveld="voorstellen",
        url=("voorstellen",),
    ),
    Begrip(
        naam="dubbeling",
        definitie="Een aangeleverde regel die lijkt op een bestaand project; de keuze is beide houden, "
        "samenvoegen of overslaan.",
        label="Mogelijk dubbel",
        cli=("--dubbel",),
    ),
    Begrip(
        naam="sjabloon voor",
        definitie="De Wmo-regio of verzekeraar voor wie een importsjabloon is, met de keuzelijst van haar gemeenten.",
        label="Importsjabloon voor",
        cli=("--wmo-regio",),
    ),
    Begrip(
        naam="importronde",
        definitie="Eén bevestigde import met nieuwe projecten; een redacteur kan haar voorstellen samen beoordelen.",
        label="Import",
        cli=("--import",),
    ),
)
"""All concepts, grouped by theme."""


def per_kolom() -> dict[str, Begrip]:
    """Column of ``projecten.csv`` -> its concept."""
    return {begrip.kolom: begrip for begrip in BEGRIPPEN if begrip.kolom}


def per_filterveld() -> dict[str, Begrip]:
    """Field of :class:`classify.filters.Filters` -> its concept."""
    return {begrip.filterveld: begrip for begrip in BEGRIPPEN if begrip.filterveld}


def per_url() -> dict[str, Begrip]:
    """Every URL query parameter -> its concept."""
    return {naam: begrip for begrip in BEGRIPPEN for naam in begrip.url}


def per_cli() -> dict[str, Begrip]:
    """Every command-line flag -> its concept."""
    return {vlag: begrip for begrip in BEGRIPPEN for vlag in begrip.cli}


def begrip(naam: str) -> Begrip:
    """The concept named ``naam``; raises KeyError naming the known concepts."""
    for kandidaat in BEGRIPPEN:
        if kandidaat.naam == naam:
            return kandidaat
    raise KeyError(f"onbekend begrip {naam!r}; kies uit: {', '.join(b.naam for b in BEGRIPPEN)}")
