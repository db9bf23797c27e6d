"""A PowerPoint deck for the bestuurlijk overleg: title slide, one slide per map, a closing slide with the sources.

Slides are 16:9 (13.333 x 7.5 in), Dutch, with fonts of at least 14 pt for running text. A map slide holds the map
as a picture (:func:`kaart.statisch.statische_kaart`, map only, drawn in EPSG:28992), its legend as editable shapes
with the municipality count per class, three to five computed sentences of the Analyse panel
(:func:`tekst.analysetekst.feiten`) and the map's source line; the speaker notes repeat the selection, every Analyse
sentence and the 'Let op!' warning of a combination map. The closing slide names the sources of exactly the projects
shown, by publisher, title and year, and the peildatum: the date of those sources. Slide order is the order of the
maps given.
"""

from __future__ import annotations

import datetime as dt
import io
import textwrap
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_LINE_DASH_STYLE, MSO_PATTERN
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches, Pt

from classify import vocab
from geo import geodata
from geo.lagen import kaartlaag
from kaart import alttekst, statisch, tabel, vulling
from kaart.model import Kaartbeeld, projecten_voor
from palet.kleuren import GEEN_PROJECT_KLEUR, RAND_KLEUR, laagkleur, verzekeraarkleur
from tekst import analysetekst, getallen, kernwerkgebiedtekst

BREEDTE, HOOGTE = Inches(13.333), Inches(7.5)
"""16:9 slide size."""

TITEL = "Samenwerking zorgverzekeraars en gemeenten"
ONDERTITEL = "Samenwerkingskaarten voor het bestuurlijk overleg"
AEF_RAPPORT = (
    "AEF (Andersson Elffers Felix), Samenwerking zorgverzekeraars en gemeenten. De huidige samenwerking in kaart met "
    "behulp van 'samenwerkingskaarten', werkdocument, 29 juni 2017: ordeningsprincipes, Wmo-regio's en kaartopzet."
)
"""The report whose maps and labels this deck follows (cited, so fixed text)."""

MAX_FEITEN = 5
"""Analyse sentences on a slide; the notes hold all of them."""
KAART_DPI = 200
"""Resolution of the map pictures: sharp on a projector, a few hundred kilobytes per slide."""

FONT = "Calibri"
_TITEL_PT, _TEKST_PT, _LEGENDA_PT, _BRON_PT = 28, 16, 14, 12
_DONKER, _GRIJS = RGBColor(0x22, 0x22, 0x22), RGBColor(0x55, 0x55, 0x55)
_ACCENT = RGBColor(0x00, 0x72, 0xB2)
_TEKENBREEDTE = 0.6
"""Average glyph width as a fraction of the font size, on the safe side: Calibri is narrower, its usual
substitutes (Carlito, DejaVu Sans) are about this wide."""
_SWATCH, _AANTAL = 0.42, 0.5
"""Legend columns in inches: swatch or line sample, and the right-aligned municipality count."""
_EMU = 914400


def presentatie(
    kaarten: Sequence[Kaartbeeld],
    projecten: pd.DataFrame,
    koppeling: pd.DataFrame,
    gemeenten: pd.DataFrame,
    *,
    jaar: int,
    peildatum: str,
    gedateerd: dt.date | None = None,
    lagen: Iterable[str] = ("wmo_regio",),
    selectie: str = "alle projecten",
    brontitels: Mapping[str, str] | None = None,
) -> bytes:
    """Build the deck for ``kaarten`` and return the ``.pptx`` file contents.

    Parameters
    ----------
    kaarten:
        Computed maps (:func:`kaart.model.kaartbeeld`) on the boundaries of ``jaar``, one slide each, in this order.
    projecten:
        The filtered projects the maps were computed from (interchange frame, with ``bron``); each slide's Analyse
        sentences count the projects its map counts (:func:`kaart.model.projecten_voor`).
    koppeling, gemeenten:
        [project_id, gemeente_code] and [gemeente_code, gemeente_naam, wmo_regio, kernwerkgebied] of ``jaar``.
    jaar:
        Boundary year (2017 or 2025).
    peildatum:
        The date of the projects' sources in words (``2016–2017``, :func:`projectdb.bronnen.peildatum`), shown on
        the title and closing slides; never the day of the export.
    gedateerd:
        The newest exact date of those sources; the document properties carry it, so the file is dated by its data.
    lagen:
        Overlays drawn on every map, as :func:`kaart.statisch.statische_kaart` takes them.
    selectie:
        The filters in words, for the title slide.
    brontitels:
        Publisher, title and year per source file name (``bron``) for the closing slide; files without one are
        listed by name.

    Raises
    ------
    ValueError
        When ``kaarten`` is empty, or for bad layers or municipality codes (from the map rendering).
    """
    if not kaarten:
        raise ValueError("geen kaarten gekozen voor de presentatie")
    lagen = tuple(lagen)
    deck = Presentation()
    deck.slide_width, deck.slide_height = BREEDTE, HOOGTE
    _eigenschappen(deck, gedateerd)
    _titeldia(deck, len(kaarten), jaar=jaar, peildatum=peildatum, selectie=selectie)
    for kaartbeeld in kaarten:
        eigen = projecten_voor(kaartbeeld.spec, projecten)
        feiten = analysetekst.feiten(eigen, koppeling, gemeenten, _analyse_as(kaartbeeld))
        _kaartdia(deck, kaartbeeld, feiten, jaar, lagen)
    _slotdia(deck, kaarten, projecten, jaar=jaar, peildatum=peildatum, brontitels=brontitels or {})
    uit = io.BytesIO()
    deck.save(uit)
    return uit.getvalue()


def _analyse_as(kaartbeeld: Kaartbeeld) -> str:
    """The axis the Analyse sentences count labels on: the map's own axis for combinations and counts; for a
    theme's total map (one theme only) the samenwerkingsvorm; otherwise the themes, as the Analyse panel does."""
    spec = kaartbeeld.spec
    if spec.soort in ("combinatie", "aantal"):
        return spec.as_code
    if spec.soort == "totaal" and spec.as_code == "inhoud":
        return "intensiteit"
    return "inhoud"


def _eigenschappen(deck, gedateerd: dt.date | None) -> None:
    """Document properties: Dutch, titled, dated by the data rather than by the moment of export."""
    eigen = deck.core_properties
    eigen.title = TITEL
    eigen.subject = ONDERTITEL
    eigen.language = "nl-NL"
    eigen.author = eigen.last_modified_by = "samenwerkingskaarten"
    if gedateerd is not None:
        eigen.created = eigen.modified = dt.datetime.combine(gedateerd, dt.time())
    eigen.revision = 1


# --- text helpers ------------------------------------------------------------------------------------------------


def _tekstvak(dia, links, boven, breedte, hoogte, *, anker=MSO_ANCHOR.TOP):
    vak = dia.shapes.add_textbox(links, boven, breedte, hoogte)
    kader = vak.text_frame
    kader.word_wrap = True
    kader.vertical_anchor = anker
    kader.margin_left = kader.margin_right = Inches(0.05)
    kader.margin_top = kader.margin_bottom = Inches(0.03)
    return kader


def _alinea(
    kader, tekst: str, grootte: int, *, kleur=_DONKER, vet=False, eerste=False, uitlijning=None, ruimte_voor: float = 0
):
    alinea = kader.paragraphs[0] if eerste else kader.add_paragraph()
    run = alinea.add_run()
    run.text = tekst
    run.font.size = Pt(grootte)
    run.font.name = FONT
    run.font.bold = vet
    run.font.color.rgb = kleur
    if uitlijning is not None:
        alinea.alignment = uitlijning
    if ruimte_voor:
        alinea.space_before = Pt(ruimte_voor)
    return alinea


def _opsomming(kader, zinnen: Sequence[str], grootte: int, *, onder_kop: bool = False) -> None:
    """Bulleted paragraphs, after a heading paragraph already in ``kader`` when ``onder_kop``.

    A text box has no bullets of its own, so the bullet character and hanging indent are set in the XML.
    """
    for i, zin in enumerate(zinnen):
        eerste = i == 0 and not onder_kop
        alinea = _alinea(kader, zin, grootte, eerste=eerste, ruimte_voor=0 if eerste else 9)
        eigenschappen = alinea._p.get_or_add_pPr()
        eigenschappen.set("marL", str(Inches(0.25)))
        eigenschappen.set("indent", str(-Inches(0.25)))
        eigenschappen.append(
            eigenschappen.makeelement("{http://schemas.openxmlformats.org/drawingml/2006/main}buChar", {"char": "•"})
        )


def _titel(dia, tekst: str, boven=Inches(0.35), hoogte=Inches(0.85), grootte: int = _TITEL_PT) -> None:
    """The slide's title placeholder, moved to the 16:9 grid (the default layout is laid out for 4:3)."""
    vak = dia.shapes.title
    vak.left, vak.top, vak.width, vak.height = Inches(0.5), boven, BREEDTE - Inches(1.0), hoogte
    kader = vak.text_frame
    kader.word_wrap = True
    kader.vertical_anchor = MSO_ANCHOR.BOTTOM
    kader.text = tekst
    for alinea in kader.paragraphs:
        alinea.alignment = PP_ALIGN.LEFT
        for run in alinea.runs:
            run.font.size = Pt(grootte)
            run.font.name = FONT
            run.font.bold = True
            run.font.color.rgb = _DONKER


def _regels(tekst: str, breedte_inch: float, grootte: float) -> int:
    """Estimated number of lines ``tekst`` takes in a box ``breedte_inch`` wide at ``grootte`` points."""
    tekens = max(int(breedte_inch * 72 / (_TEKENBREEDTE * grootte)), 8)
    return max(len(textwrap.wrap(tekst, tekens)), 1)


def _woorden_passen(tekst: str, breedte_inch: float, grootte: float) -> bool:
    """True when every word of ``tekst`` fits on one line of ``breedte_inch`` at ``grootte`` points."""
    tekens = int(breedte_inch * 72 / (_TEKENBREEDTE * grootte))
    return all(len(woord) <= tekens for woord in tekst.split())


# --- slides ------------------------------------------------------------------------------------------------------


def _titeldia(deck, aantal: int, *, jaar: int, peildatum: str, selectie: str) -> None:
    dia = deck.slides.add_slide(deck.slide_layouts[5])
    _titel(dia, TITEL, boven=Inches(2.0), hoogte=Inches(1.3), grootte=40)
    balk = dia.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(0.55), Inches(3.45), Inches(2.0), Inches(0.08))
    balk.fill.solid()
    balk.fill.fore_color.rgb = _ACCENT
    balk.line.fill.background()
    kader = _tekstvak(dia, Inches(0.5), Inches(3.7), BREEDTE - Inches(1.0), Inches(2.8))
    _alinea(kader, ONDERTITEL, 24, eerste=True)
    _alinea(kader, f"Selectie: {selectie}", 18, kleur=_GRIJS, ruimte_voor=14)
    _alinea(
        kader,
        f"Gemeentelijke indeling {jaar} · {aantal} {'kaart' if aantal == 1 else 'kaarten'}",
        18,
        kleur=_GRIJS,
        ruimte_voor=4,
    )
    _alinea(kader, f"Peildatum van de bronnen: {peildatum}", 18, kleur=_GRIJS, ruimte_voor=4)


def _kaartdia(deck, kaartbeeld: Kaartbeeld, feiten: list[str], jaar: int, lagen: tuple[str, ...]) -> None:
    """Map picture left, legend in the middle, Analyse sentences right, source line at the bottom (inches)."""
    dia = deck.slides.add_slide(deck.slide_layouts[5])
    grootte = _TITEL_PT if _regels(kaartbeeld.titel, 12.2, _TITEL_PT) == 1 else 24
    _titel(dia, kaartbeeld.titel, boven=Inches(0.2), hoogte=Inches(0.8), grootte=grootte)
    ondertitel = _tekstvak(dia, Inches(0.5), Inches(1.0), BREEDTE - Inches(1.0), Inches(0.45))
    _alinea(ondertitel, kaartbeeld.ondertitel, 14, kleur=_GRIJS, eerste=True)

    boven, onder = 1.5, 7.0
    beeld = statisch.statische_kaart(kaartbeeld, jaar, lagen, formaat="png", dpi=KAART_DPI, opmaak="kaart")
    plaatje = dia.shapes.add_picture(io.BytesIO(beeld), Inches(0.4), Inches(boven), height=Inches(onder - boven))
    # python-pptx names the picture after the file ("image.png"), which PowerPoint shows as its name and alt text;
    # a screen reader needs the map's facts, the selection pane the map's title.
    plaatje.name = f"Kaart: {kaartbeeld.titel}"
    kenmerken = plaatje._element.nvPicPr.cNvPr
    kenmerken.set("descr", alttekst.beschrijving(kaartbeeld))
    kenmerken.set("title", f"Kaart: {kaartbeeld.titel}")

    rijen = _legendarijen(kaartbeeld, jaar, lagen)
    links = (plaatje.left + plaatje.width) / _EMU + 0.25
    langste = max(len(rij[1]) for rij in rijen)
    legendabreedte = min(max(_SWATCH + _AANTAL + langste * _TEKENBREEDTE * _LEGENDA_PT / 72 + 0.15, 2.4), 3.9)
    _legenda(dia, kaartbeeld, rijen, links, boven, legendabreedte, onder - boven)

    feitlinks = links + legendabreedte + 0.3
    feitbreedte = BREEDTE / _EMU - 0.4 - feitlinks
    aantal, grootte = _passend(feiten, feitbreedte, onder - boven - 0.45)
    kader = _tekstvak(dia, Inches(feitlinks), Inches(boven), Inches(feitbreedte), Inches(onder - boven))
    _alinea(kader, "Analyse", 18, vet=True, eerste=True)
    _opsomming(kader, feiten[:aantal], grootte, onder_kop=True)

    bron = _tekstvak(
        dia, Inches(0.4), HOOGTE - Inches(0.5), BREEDTE - Inches(0.8), Inches(0.4), anker=MSO_ANCHOR.MIDDLE
    )
    _alinea(bron, kaartbeeld.bronregel, _BRON_PT, kleur=_GRIJS, eerste=True)

    # The subtitle already reads "Selectie: ..."; a map of all projects has none.
    notities = [kaartbeeld.ondertitel or "Selectie: alle projecten", "Analyse:", *(f"- {zin}" for zin in feiten)]
    if kaartbeeld.waarschuwing:
        notities.append(kaartbeeld.waarschuwing)
    notities.append(kaartbeeld.bronregel)
    notities += _tabelnotities(kaartbeeld)
    dia.notes_slide.notes_text_frame.text = "\n".join(notities)


def _tabelnotities(kaartbeeld: Kaartbeeld) -> list[str]:
    """The table behind the map (:func:`kaart.tabel.kaarttabel`) as note lines: one per municipality with projects,
    "Gemeente (Wmo-regio): klasse; projecten: ids"."""
    rijen = tabel.kaarttabel(kaartbeeld)
    regels = [f"Tabel bij de kaart ({len(rijen)} {'gemeente' if len(rijen) == 1 else 'gemeenten'} met projecten):"]
    for rij in rijen.itertuples(index=False):
        mogelijk = f", mogelijk {rij[5]}" if rij[5] else ""
        regels.append(f"- {rij[0]} ({rij[2]}): {rij[3]}; {rij[4]} zeker{mogelijk}: {rij[6]}")
    return regels


def _passend(feiten: Sequence[str], breedte: float, hoogte: float) -> tuple[int, int]:
    """How many Analyse sentences (at most :data:`MAX_FEITEN`, at least three when there are) and at which size
    (16 down to 14 pt) fit a column of ``breedte`` x ``hoogte`` inches; more sentences win over a larger size."""
    minimum = min(3, len(feiten))
    for aantal in range(min(MAX_FEITEN, len(feiten)), minimum - 1, -1):
        for grootte in (_TEKST_PT, 15, 14):
            nodig = sum(_regels(zin, breedte - 0.35, grootte) * grootte * 1.2 / 72 + 9 / 72 for zin in feiten[:aantal])
            if nodig <= hoogte:
                return aantal, grootte
    return minimum, 14


def _legendarijen(kaartbeeld: Kaartbeeld, jaar: int, lagen: tuple[str, ...]) -> list[tuple]:
    """("vlak", class, colour, count) per legend item, then ("lijn", name, colour, dashed) per layer drawn."""
    rijen: list[tuple] = [("vlak", item.klasse, item.kleur, item.aantal) for item in kaartbeeld.legenda]
    for laag in lagen:
        soort, naam = kaartlaag(laag), laag.partition(":")[2]
        if soort.per_verzekeraar:
            aanwezig = set(geodata.gemeenten(jaar)[soort.kolom].dropna())
            rijen += [
                (
                    "lijn",
                    kernwerkgebiedtekst.legenda(v, geodata.kernwerkgebied_aantal(v, jaar)),
                    verzekeraarkleur(v),
                    True,
                )
                for v in vocab.VERZEKERAAR_NAMEN
                if v in aanwezig and (not naam or v == naam)
            ]
        else:
            rijen.append(("lijn", soort.legenda, laagkleur(soort.code), False))
    return rijen


def _legenda(
    dia, kaartbeeld: Kaartbeeld, rijen: list[tuple], links: float, boven: float, breedte: float, hoogte: float
) -> None:
    """Legend as shapes: a swatch or line sample, the class and its municipality count per row, then the 'Let op!'
    warning of a combination map. Sizes step down from 14 pt when a long legend would not fit; a warning that does
    not fit even then is left to the speaker notes, with a pointer to them."""
    tekstbreedte = breedte - _SWATCH - _AANTAL
    for grootte, noot in ((_LEGENDA_PT, 11), (13, 10), (12, 9), (12, 0), (11, 0), (10, 0)):
        rijhoogten = [_regels(rij[1], tekstbreedte - 0.1, grootte) * grootte * 1.2 / 72 + 0.08 for rij in rijen]
        if not kaartbeeld.waarschuwing:
            noot = 0
        nootregels = _regels(kaartbeeld.waarschuwing, breedte - 0.1, noot) if noot else 1
        nodig = 0.45 + sum(rijhoogten) + 0.1 + nootregels * max(noot, 11) * 1.2 / 72
        # A word broken over two lines reads badly: a smaller size wins over that.
        heel = all(_woorden_passen(rij[1], tekstbreedte - 0.1, grootte) for rij in rijen)
        if nodig <= hoogte and heel:
            break
    kop = _tekstvak(dia, Inches(links), Inches(boven), Inches(breedte), Inches(0.4))
    _alinea(kop, "Legenda", 14, vet=True, eerste=True)
    kop = _tekstvak(dia, Inches(links + breedte - 1.5), Inches(boven + 0.03), Inches(1.5), Inches(0.4))
    _alinea(kop, "gemeenten", 12, kleur=_GRIJS, eerste=True, uitlijning=PP_ALIGN.RIGHT)
    y = boven + 0.45
    for rij, rijhoogte in zip(rijen, rijhoogten, strict=True):
        midden = y + grootte * 1.2 / 72 / 2
        if rij[0] == "vlak":
            _staal(dia, rij[1], rij[2], links, midden)
        else:
            lijn = dia.shapes.add_connector(
                MSO_CONNECTOR.STRAIGHT, Inches(links), Inches(midden), Inches(links + 0.32), Inches(midden)
            )
            lijn.line.color.rgb = RGBColor.from_string(rij[2].lstrip("#").upper())
            lijn.line.width = Pt(2.25 if rij[3] else 1.5)
            if rij[3]:
                lijn.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        tekst = _tekstvak(dia, Inches(links + _SWATCH), Inches(y), Inches(tekstbreedte), Inches(rijhoogte))
        tekst.margin_top = tekst.margin_bottom = 0
        _alinea(tekst, rij[1], grootte, eerste=True)
        if rij[0] == "vlak":
            aantal = _tekstvak(dia, Inches(links + breedte - _AANTAL), Inches(y), Inches(_AANTAL), Inches(rijhoogte))
            aantal.margin_top = aantal.margin_bottom = 0
            _alinea(aantal, getallen.getal(rij[3]), grootte, eerste=True, uitlijning=PP_ALIGN.RIGHT)
        y += rijhoogte
    if kaartbeeld.waarschuwing:
        rest = max(boven + hoogte - y - 0.1, 0.3)
        kader = _tekstvak(dia, Inches(links), Inches(y + 0.1), Inches(breedte), Inches(rest))
        tekst = kaartbeeld.waarschuwing if noot else "Let op! Lees de toelichting bij de legenda in de notities."
        _alinea(kader, tekst, noot or 11, kleur=_GRIJS, eerste=True)


_PATROON = {
    "/": MSO_PATTERN.WIDE_UPWARD_DIAGONAL,
    "\\": MSO_PATTERN.WIDE_DOWNWARD_DIAGONAL,
    "|": MSO_PATTERN.DARK_VERTICAL,
    "-": MSO_PATTERN.DARK_HORIZONTAL,
    "x": MSO_PATTERN.DIAGONAL_CROSS,
}
"""PowerPoint pattern per hatch direction of :mod:`kaart.vulling`."""


def _rgb(kleur: str) -> RGBColor:
    return RGBColor.from_string(kleur.lstrip("#").upper())


def _staal(dia, klasse: str, v: str, links: float, midden: float) -> None:
    """A legend swatch of fill ``v`` as editable shapes (0.32 x 0.18 inch): solid, or one patterned part per
    hatch colour on the base colour, side by side, outlined as on the map."""
    delen = vulling.arceringen(v) or ((None, None),)
    breedte = 0.32 / len(delen)
    for i, (richting, kleur) in enumerate(delen):
        vak = dia.shapes.add_shape(
            MSO_SHAPE.RECTANGLE, Inches(links + i * breedte), Inches(midden - 0.09), Inches(breedte), Inches(0.18)
        )
        if richting is None:
            vak.fill.solid()
            vak.fill.fore_color.rgb = _rgb(v)
        else:
            vak.fill.patterned()
            vak.fill.pattern = _PATROON[richting]
            vak.fill.fore_color.rgb = _rgb(kleur)
            vak.fill.back_color.rgb = _rgb(vulling.basis(v))
        vak.line.color.rgb = _rgb("#999999" if v == GEEN_PROJECT_KLEUR else RAND_KLEUR)
        vak.line.width = Pt(0.5)
        vak.name = f"Legenda {klasse}" + (f" ({i + 1})" if len(delen) > 1 else "")


def _slotdia(
    deck,
    kaarten: Sequence[Kaartbeeld],
    projecten: pd.DataFrame,
    *,
    jaar: int,
    peildatum: str,
    brontitels: Mapping[str, str],
) -> None:
    dia = deck.slides.add_slide(deck.slide_layouts[5])
    _titel(dia, "Bronnen en peildatum")
    getoond = {pid for kaartbeeld in kaarten for ids in kaartbeeld.gemeenten["project_ids"] for pid in ids}
    bronnen = projecten[projecten["project_id"].isin(getoond)].groupby("bron")["project_id"].nunique().sort_index()
    zinnen = [AEF_RAPPORT]
    for bestand, aantal in bronnen.items():
        naam = brontitels.get(bestand, bestand)
        zinnen.append(f"{naam}: {getallen.getal(aantal)} {'project' if aantal == 1 else 'projecten'} op deze kaarten.")
    zinnen += [
        f"Gemeentegrenzen: CBS/PDOK gebiedsindeling {jaar} (CC-BY 4.0), bewerkt; Wmo-regio's volgens het "
        f"AEF-rapport; {geodata.kernwerkgebied_label(jaar)}.",
        f"Projectendatabase samenwerkingskaarten: {getallen.getal(len(getoond))} projecten op deze kaarten; "
        f"peildatum van de bronnen {peildatum}.",
    ]
    kader = _tekstvak(dia, Inches(0.5), Inches(1.4), BREEDTE - Inches(1.0), HOOGTE - Inches(1.9))
    _opsomming(kader, zinnen, _TEKST_PT)
