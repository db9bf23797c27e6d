"""Validation messages per file, row and field, collected in a report; the one error type of import and edits.

Row numbers are those the analyst sees in a spreadsheet: the header is row 1, the first data row is row 2.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FOUT = "fout"
WAARSCHUWING = "waarschuwing"

_MAX_GETOOND = 200
"""Messages printed by :meth:`Rapport.tekst` before the rest is summarised (the report keeps them all)."""


@dataclass(frozen=True)
class Melding:
    """One error or warning: where (file, row or project, column) and what.

    ``regel`` is a row number for files and a project_id for records of the database.
    """

    ernst: str
    tekst: str
    bestand: str
    regel: int | str | None = None
    veld: str | None = None
    kop: str | None = None

    def __str__(self) -> str:
        plaats = [self.bestand]
        if isinstance(self.regel, int):
            plaats.append(f"regel {self.regel}")
        elif self.regel is not None:
            plaats.append(f"project {self.regel}")
        if self.veld is not None:
            kop = self.kop if self.kop and self.kop != self.veld else None
            plaats.append(f"kolom {kop!r} ({self.veld})" if kop else f"kolom {self.veld!r}")
        return f"{self.ernst}: {', '.join(plaats)}: {self.tekst}"


@dataclass
class Rapport:
    """Messages about one input (a file, the database, an edit) plus what an import did or would do.

    ``koppen`` maps column names to the headers of the file, so messages name the column as the analyst wrote
    it. ``nieuw``, ``bijgewerkt`` and ``ongewijzigd`` list project_ids after a (dry-run) import; ``overgeslagen``
    the row numbers of rows skipped as duplicates.
    """

    bestand: str
    meldingen: list[Melding] = field(default_factory=list)
    koppen: dict[str, str] = field(default_factory=dict)
    codering: str | None = None
    scheidingsteken: str | None = None
    sjabloon: str | None = None
    """The import template the file was made from ("importsjabloon versie 1 voor Wmo-regio Drenthe")."""
    aantal_rijen: int = 0
    nieuw: list[str] = field(default_factory=list)
    bijgewerkt: list[str] = field(default_factory=list)
    ongewijzigd: list[str] = field(default_factory=list)
    sleutels: list = field(default_factory=list)
    """:class:`projectdb.intake.Sleutel` per row that got its key from the intake (bron_id -> project_id)."""
    dubbel: list = field(default_factory=list)
    """:class:`projectdb.intake.Dubbel` per new row that looks like a stored project."""
    overgeslagen: list[int | str | None] = field(default_factory=list)
    samengevoegd: list[str] = field(default_factory=list)
    """Stored project_ids into which a likely duplicate row was merged (also listed as bijgewerkt or ongewijzigd)."""
    aantal_fouten: int = field(default=0, init=False)

    def fout(self, tekst: str, regel: int | str | None = None, veld: str | None = None) -> None:
        """Add an error."""
        self.meldingen.append(Melding(FOUT, tekst, self.bestand, regel, veld, self.koppen.get(veld or "")))
        self.aantal_fouten += 1

    def waarschuwing(self, tekst: str, regel: int | str | None = None, veld: str | None = None) -> None:
        """Add a warning."""
        self.meldingen.append(Melding(WAARSCHUWING, tekst, self.bestand, regel, veld, self.koppen.get(veld or "")))

    @property
    def fouten(self) -> list[Melding]:
        """The errors, in the order found."""
        return [m for m in self.meldingen if m.ernst == FOUT]

    @property
    def waarschuwingen(self) -> list[Melding]:
        """The warnings, in the order found."""
        return [m for m in self.meldingen if m.ernst == WAARSCHUWING]

    def samenvatting(self) -> str:
        """One line: file, how it was read, rows, number of errors and warnings."""
        hoe = []
        if self.codering:
            hoe.append(self.codering)
        if self.scheidingsteken:
            hoe.append(f"scheidingsteken {self.scheidingsteken!r}")
        if self.sjabloon:
            hoe.append(self.sjabloon)
        gelezen = f" (gelezen als {', '.join(hoe)})" if hoe else ""
        return (
            f"{self.bestand}{gelezen}: {_aantal(self.aantal_rijen, 'rij', 'rijen')}, "
            f"{_aantal(len(self.fouten), 'fout', 'fouten')}, "
            f"{_aantal(len(self.waarschuwingen), 'waarschuwing', 'waarschuwingen')}"
        )

    def tekst(self) -> str:
        """The summary line followed by the messages, errors first; very long lists are cut off."""
        regels = [self.samenvatting()]
        geordend = self.fouten + self.waarschuwingen
        regels += [f"  {m}" for m in geordend[:_MAX_GETOOND]]
        if len(geordend) > _MAX_GETOOND:
            regels.append(f"  ... en nog {len(geordend) - _MAX_GETOOND} meldingen")
        if self.sleutels:
            regels.append("sleutels (bron_id -> project_id):")
            regels += [f"  {s}" for s in self.sleutels[:_MAX_GETOOND]]
        if self.dubbel:
            regels.append("mogelijke dubbelingen:")
            regels += [f"  {d}" for d in self.dubbel[:_MAX_GETOOND]]
        return "\n".join(regels)


def _aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """``n`` with the singular or plural noun ("1 fout", "2 fouten")."""
    return f"{n} {enkelvoud if n == 1 else meervoud}"


class Validatiefout(ValueError):
    """Input rejected; nothing was written. ``rapport`` holds every message (file, row, column)."""

    def __init__(self, rapport: Rapport):
        fouten = rapport.fouten
        eerste = "; ".join(str(m) for m in fouten[:3])
        meer = f" (en nog {_aantal(len(fouten) - 3, 'fout', 'fouten')})" if len(fouten) > 3 else ""
        super().__init__(f"{rapport.bestand}: niets geschreven: {eerste}{meer}")
        self.rapport = rapport


def weiger(
    bestand: str, tekst: str, regel: int | None = None, veld: str | None = None, rapport: Rapport | None = None
) -> Validatiefout:
    """A :class:`Validatiefout` for one error (added to ``rapport`` when given), to ``raise``."""
    rapport = rapport or Rapport(bestand)
    rapport.fout(tekst, regel, veld)
    return Validatiefout(rapport)
