"""Intake of suppliers' own project lists: their references as ``bron_id``, our keys, likely duplicates.

A supplier (an insurer, a Wmo-region, an analyst) numbers projects in their own way (``ZK-2017-04``, ``VGZ/18/1``,
a number from Excel) or not at all. Such a reference is kept verbatim as ``bron_id`` next to the ``leverancier``
who sent it; the project key (``P`` and digits) is always assigned here. A row whose (leverancier, bron_id) was
imported before gets the same key, so re-importing a list updates its projects instead of duplicating them.

Incoming new rows are compared with the stored projects on title (rapidfuzz), area (shared municipalities) and
insurers; a likely duplicate is reported as "mogelijk dubbel met P012 (87%)" with a choice per row: keep both,
merge into the existing project (the row's filled cells overwrite, its empty cells keep what is stored) or skip.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from projectdb import gebied
from projectdb.kolommen import KOLOMMEN
from projectdb.meldingen import Rapport
from projectdb.record import PROJECT_ID
from projectdb.schema import MAX_BRON_ID

DREMPEL = 80
"""Lowest similarity (percent) reported as a likely duplicate."""
GEWICHTEN = {"titel": 0.6, "gebied": 0.25, "verzekeraars": 0.15}
"""Weights of the similarity of title, area and insurers in the duplicate score (they sum to 1)."""
_TITEL_MINIMUM = (DREMPEL - 100 * (1 - GEWICHTEN["titel"])) / GEWICHTEN["titel"]
"""Title similarity below which the score cannot reach :data:`DREMPEL` (so other candidates are not scored)."""

KEUZES = {"beide": "beide houden", "samenvoegen": "samenvoegen", "overslaan": "overslaan"}
"""Choice for a likely duplicate -> its Dutch label; ``beide`` (keep both) is the default."""


@dataclass(frozen=True)
class Sleutel:
    """How one row got its project key: the supplier's reference and whether the project is new."""

    regel: int | str | None
    bron_id: str
    project_id: str
    nieuw: bool

    def __str__(self) -> str:
        waar = f"regel {self.regel}: " if isinstance(self.regel, int) else ""
        bron = repr(self.bron_id) if self.bron_id else "(geen eigen referentie)"
        return f"{waar}{bron} -> {self.project_id} ({'nieuw' if self.nieuw else 'bestaand'})"


@dataclass(frozen=True)
class Dubbel:
    """A new row that looks like a stored project, and what to do with it."""

    regel: int | str | None
    project_id: str
    bestaand: str
    score: int
    keuze: str = "beide"

    def __str__(self) -> str:
        waar = f"regel {self.regel} ({self.project_id})" if isinstance(self.regel, int) else self.project_id
        return f"{waar}: mogelijk dubbel met {self.bestaand} ({self.score}%); keuze: {KEUZES[self.keuze]}"


def _tekst(waarde: object) -> str:
    """A raw cell as stripped text ('' for None)."""
    return "" if waarde is None else str(waarde).strip()


def _volgnummer(ids) -> int:
    """The number after the highest ``P`` key among ``ids``."""
    return max((int(pid[1:]) for pid in ids if PROJECT_ID.match(pid)), default=0) + 1


def nieuwe_sleutel(nummer: int) -> str:
    """The project key for ``nummer`` (at least three digits: P053, P1234)."""
    return f"P{nummer:03d}"


def wijs_sleutels_toe(
    rijen: Sequence[Mapping[str, object]],
    bestaande: Mapping[str, Mapping],
    leverancier: str,
    rapport: Rapport,
    regels: Sequence[int | str | None],
) -> list[dict]:
    """The rows with ``project_id``, ``bron_id`` and ``leverancier`` filled; problems go into ``rapport``.

    A ``project_id`` that is not ``P`` and digits is the supplier's reference and moves to ``bron_id``. Each row's
    leverancier is its own cell, else ``leverancier`` (the file's supplier), else (for a stored project) the stored
    one. A row keeps its own ``P`` key; otherwise a stored project with the same (leverancier, bron_id) gives the
    key, and a new project gets the next free one. The report lists every assignment in ``rapport.sleutels``.
    """
    bekend = {(str(r["leverancier"]), str(r["bron_id"])): pid for pid, r in bestaande.items() if r.get("bron_id")}
    eigen_ids = [_tekst(r.get("project_id")).upper() for r in rijen]
    volgende = _volgnummer([*bestaande, *eigen_ids])
    gezien: dict[tuple[str, str], int | str | None] = {}
    verplaatst = 0
    uit: list[dict] = []
    for ruw, regel, pid in zip(rijen, regels, eigen_ids, strict=True):
        rij = dict(ruw)
        bron = _tekst(rij.get("bron_id"))
        if pid and not PROJECT_ID.match(pid):
            if bron:
                rapport.fout(
                    f"project_id {_tekst(rij.get('project_id'))!r} is geen sleutel van deze database (P en "
                    f"cijfers) en bron_id is ook gevuld ({bron!r}); laat project_id leeg",
                    regel,
                    "project_id",
                )
            bron, pid = _tekst(rij.get("project_id")), ""
            verplaatst += 1
        oud = bestaande.get(pid, {})
        lev = _tekst(rij.get("leverancier")) or leverancier.strip() or str(oud.get("leverancier", ""))
        if "bron_id" not in rij and not bron:
            bron = str(oud.get("bron_id", ""))
        _controleer_bron_id(bron, lev, regel, rapport)
        if bron:
            if (lev, bron) in gezien:
                eerder = gezien[(lev, bron)]
                waar = f" (ook op regel {eerder})" if isinstance(eerder, int) else ""
                rapport.fout(f"bron_id {bron!r} van {lev!r} komt dubbel voor{waar}", regel, "bron_id")
            gezien[(lev, bron)] = regel
        if not pid and bron and (lev, bron) in bekend:
            pid = bekend[(lev, bron)]
            rapport.sleutels.append(Sleutel(regel, bron, pid, nieuw=False))
        elif not pid:
            pid = nieuwe_sleutel(volgende)
            volgende += 1
            rapport.sleutels.append(Sleutel(regel, bron, pid, nieuw=True))
        elif bron and bekend.get((lev, bron), pid) != pid:
            rapport.fout(
                f"bron_id {bron!r} van {lev!r} hoort al bij {bekend[(lev, bron)]}, niet bij {pid}", regel, "bron_id"
            )
        rij.update(project_id=pid, bron_id=bron, leverancier=lev)
        uit.append(rij)
    if verplaatst:
        kop = rapport.koppen.get("project_id", "project_id")
        rapport.waarschuwing(
            f"kolom {kop!r}: {verplaatst} eigen nummer(s) van de leverancier (geen P-sleutel) "
            "bewaard als bron_id; de projecten krijgen een P-sleutel"
        )
    return uit


def _controleer_bron_id(bron: str, leverancier: str, regel: int | str | None, rapport: Rapport) -> None:
    """A reference is printable text of at most :data:`MAX_BRON_ID` characters and needs a supplier."""
    if len(bron) > MAX_BRON_ID:
        rapport.fout(f"bron_id is {len(bron)} tekens; de grens is {MAX_BRON_ID}", regel, "bron_id")
    if not bron.isprintable():
        rapport.fout(
            f"bron_id {bron!r} bevat tekens die niet af te drukken zijn (regeleinde, tab, stuurteken)", regel, "bron_id"
        )
    if bron and not leverancier:
        rapport.fout(
            f"bron_id {bron!r} zonder leverancier: vul de kolom 'Aangeleverd door' of geef de leverancier "
            "van het bestand op (--leverancier, of het veld in de app)",
            regel,
            "bron_id",
        )


def _jaccard(a: set, b: set) -> float:
    """Overlap of two sets, 0..1 (1 for two empty sets)."""
    return len(a & b) / len(a | b) if a | b else 1.0


def _gemeenten(record: Mapping) -> frozenset[str]:
    """The municipality codes of a record's gebied in its own boundary year."""
    return frozenset(gebied.gemeenten_van_gebied(str(record["gebied"]), int(record["indeling_jaar"])))


def score(nieuw: Mapping, bestaand: Mapping, titel: float | None = None) -> int:
    """Similarity of two records in percent: title (rapidfuzz token-sort ratio: word order does not matter, extra
    words do), area and insurers weighted by :data:`GEWICHTEN`. Areas in the same boundary year compare their
    municipalities, otherwise their tokens."""
    if titel is None:
        titel = fuzz.token_sort_ratio(str(nieuw["titel"]), str(bestaand["titel"]), processor=utils.default_process)
    if int(nieuw["indeling_jaar"]) == int(bestaand["indeling_jaar"]):
        gebied_ = _jaccard(_gemeenten(nieuw), _gemeenten(bestaand))
    else:
        gebied_ = _jaccard(set(gebied.splits(str(nieuw["gebied"]))), set(gebied.splits(str(bestaand["gebied"]))))
    verzekeraars = _jaccard(set(nieuw["verzekeraars"]), set(bestaand["verzekeraars"]))
    return round(
        GEWICHTEN["titel"] * titel + 100 * (GEWICHTEN["gebied"] * gebied_ + GEWICHTEN["verzekeraars"] * verzekeraars)
    )


def zoek_dubbel(
    nieuw: Sequence[tuple[int | str | None, Mapping]],
    bestaande: Mapping[str, Mapping],
    keuzes: Mapping[int | str, str] | None = None,
) -> list[Dubbel]:
    """For each (row, record) the most similar stored project scoring at least :data:`DREMPEL`, with the choice
    from ``keuzes`` (row -> choice; default ``beide``, or ``samenvoegen`` for the same project from the same
    supplier)."""
    keuzes = keuzes or {}
    onbekend = sorted(set(keuzes.values()) - set(KEUZES), key=str)
    if onbekend:
        raise ValueError(f"onbekende keuze {onbekend[0]!r}; kies uit: {', '.join(KEUZES)}")
    ids = list(bestaande)
    titels = [str(bestaande[pid]["titel"]) for pid in ids]
    uit: list[Dubbel] = []
    for regel, record in nieuw:
        kandidaten = process.extract(
            str(record["titel"]),
            titels,
            scorer=fuzz.token_sort_ratio,
            processor=utils.default_process,
            score_cutoff=_TITEL_MINIMUM,
            limit=10,
        )
        scores = [(score(record, bestaande[ids[i]], titel), ids[i]) for _, titel, i in kandidaten]
        beste = max(scores, key=lambda s: (s[0], s[1]), default=(0, ""))
        if beste[0] >= DREMPEL:
            standaard = "samenvoegen" if _zelfde(record, bestaande[beste[1]], beste[0]) else "beide"
            keuze = keuzes.get(regel if regel is not None else "", standaard)
            uit.append(Dubbel(regel, str(record["project_id"]), beste[1], beste[0], keuze))
    return uit


def _zelfde(record: Mapping, bestaand: Mapping, score_: int) -> bool:
    """Whether a row is the stored project sent again by the same supplier (title, area and insurers equal): then
    merging is the default, so re-importing a list without references updates instead of duplicating."""
    return score_ == 100 and bool(record["leverancier"]) and record["leverancier"] == bestaand["leverancier"]


def samengevoegd(rij: Mapping[str, object], bestaand: Mapping[str, object]) -> dict[str, object]:
    """The raw row to store when ``rij`` is merged into ``bestaand``: the stored record with every filled cell of
    the row written over it, under the stored key (and the stored reference, when it has one)."""
    uit = {k: bestaand[k] for k in KOLOMMEN}
    for kolom in KOLOMMEN[1:]:
        waarde = rij.get(kolom)
        if waarde not in (None, "", ()) and not (isinstance(waarde, str) and not waarde.strip()):
            uit[kolom] = waarde
    if bestaand.get("bron_id"):
        uit["bron_id"], uit["leverancier"] = bestaand["bron_id"], bestaand["leverancier"]
    uit["status"] = bestaand["status"]
    return uit


def gebruikte_regels(tekst: str) -> dict[int, str]:
    """Choices from the command line, ``"5=samenvoegen,7=overslaan"`` -> {5: 'samenvoegen', 7: 'overslaan'}."""
    uit: dict[int, str] = {}
    for deel in filter(None, re.split(r"[,\s]+", tekst)):
        regel, _, keuze = deel.partition("=")
        if not regel.isdigit() or keuze not in KEUZES:
            raise ValueError(f"keuze {deel!r}: verwacht REGEL=KEUZE met KEUZE een van {', '.join(KEUZES)}")
        uit[int(regel)] = keuze
    return uit
