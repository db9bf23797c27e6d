"""``python -m projectdb check``: validate the shipped CSV and the whole store, and count projects per label.

The CSV is validated as an import into an empty store (labels, gebied, derived geografie, lineage) and its gebied
tokens are compared with their canonical spelling; the store is validated record by record in the same way,
plus the database's own checks (:meth:`projectdb.store.Store.integriteit`: SQLite's integrity and foreign-key
checks, and the whole schema against the one the code creates). Vocabulary drift is reported too: labels added to
the lookup tables when the store was opened, and labels in the database that the vocabulary no longer has.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from classify import analyse, precisie, vocab
from geo import geodata
from projectdb import bereik, bronnen, gebied, migraties
from projectdb.invoer import lees_invoer
from projectdb.kolommen import KOLOMMEN
from projectdb.meldingen import Rapport, Validatiefout
from projectdb.schema import STATUSSEN
from projectdb.store import Store
from projectdb.validatie import valideer


@dataclass
class Controle:
    """Reports of the CSV and the store, the label counts of the store and how CSV and store differ."""

    rapporten: list[Rapport] = field(default_factory=list)
    tellingen: list[tuple[str, pd.DataFrame]] = field(default_factory=list)
    verschillen: list[str] = field(default_factory=list)
    drift: list[str] = field(default_factory=list)
    """Vocabulary drift: labels added to the database at open, labels the vocabulary no longer has."""

    @property
    def aantal_fouten(self) -> int:
        """Errors over all reports."""
        return sum(len(r.fouten) for r in self.rapporten)

    def tekst(self) -> str:
        """The full printable result in Dutch."""
        regels = [r.tekst() for r in self.rapporten]
        for titel, telling in self.tellingen:
            regels.append(f"{titel}:")
            breedte = max((len(str(label)) for label in telling["label"]), default=0)
            regels += [
                f"  {label:<{breedte}}  {aantal:>5}"
                for label, aantal in zip(telling["label"], telling["aantal"], strict=True)
            ]
        regels.append(
            "vocabulaire en database: "
            + ("gelijk" if not self.drift else f"{len(self.drift)} verschil(len): " + "; ".join(self.drift))
        )
        regels.append(
            "database en CSV: "
            + (
                "zelfde projecten"
                if not self.verschillen
                else f"{len(self.verschillen)} verschillen: {', '.join(self.verschillen)}"
            )
        )
        return "\n".join(regels)


def controleer(store: Store, csv_pad: str | Path) -> Controle:
    """Validate ``csv_pad`` and ``store`` and count the store's projects per label of every axis."""
    controle = Controle()
    csv_records = _controleer_csv(Path(csv_pad), controle)
    projecten = store.projecten()
    rapport = Rapport(f"database {store.naam}")
    rapport.aantal_rijen = len(projecten)
    for probleem in store.integriteit():
        rapport.fout(probleem)
    records = projecten.drop(columns="versie").to_dict("records")
    opgeslagen = valideer(records, rapport, regels=[r["project_id"] for r in records])
    controle.rapporten.append(rapport)
    controle.tellingen = _tellingen(projecten)
    controle.drift = [f"{label} toegevoegd bij het openen" for label in store.vocabulaire_bijgewerkt]
    controle.drift += migraties.verouderde_labels(store)
    if csv_records is not None:
        controle.verschillen = _verschillen(csv_records, opgeslagen)
    return controle


def _controleer_csv(pad: Path, controle: Controle) -> list[dict] | None:
    """Validate the CSV into ``controle``; its records, or None when it could not be read."""
    try:
        invoer = lees_invoer(pad)
    except Validatiefout as fout:
        controle.rapporten.append(fout.rapport)
        return None
    rapport = invoer.rapport
    for ruw, regel in zip(invoer.rijen, invoer.regels, strict=True):
        _controleer_schrijfwijze(ruw, regel, rapport)
    records = valideer(invoer.rijen, rapport, regels=invoer.regels)
    controle.rapporten.append(rapport)
    return records


def _controleer_schrijfwijze(ruw: dict, regel: int, rapport: Rapport) -> None:
    """Warn about gebied tokens that resolve but are not written in their canonical form."""
    jaar = str(ruw.get("indeling_jaar", "")).strip()
    if not jaar.isdecimal() or int(jaar) not in geodata.JAREN:
        return
    for token in gebied.splits(str(ruw.get("gebied", ""))):
        try:
            canoniek, _ = gebied.normaliseer_token(token, int(jaar))
        except gebied.GebiedFout:
            continue
        if canoniek != token:
            rapport.waarschuwing(
                f"gebiedstoken {token!r} staat niet in de vaste schrijfwijze; opgeslagen als {canoniek!r}",
                regel,
                "gebied",
            )


def _tellingen(projecten: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """(title, [label, aantal]) per axis in canonical order, then per insurer, for the period, per area precision
    and insurer provenance, the gemeenten reached certainly or only possibly per boundary year, per source document
    (by publisher, title and year), per indeling_jaar and per review status."""
    uit = [(f"{as_.naam} ({as_.kolom})", analyse.label_telling(projecten, as_.code)) for as_ in vocab.ASSEN]
    verzekeraars = projecten["verzekeraars"].explode().value_counts()
    uit.append(
        (
            "Verzekeraars (verzekeraars)",
            pd.DataFrame(
                {
                    "label": vocab.VERZEKERAAR_NAMEN,
                    "aantal": [int(verzekeraars.get(n, 0)) for n in vocab.VERZEKERAAR_NAMEN],
                }
            ),
        )
    )
    bekend = int(projecten["startjaar"].notna().sum())
    uit.append(
        (
            "Looptijd (startjaar)",
            pd.DataFrame({"label": ["genoemd in de bron", "onbekend"], "aantal": [bekend, len(projecten) - bekend]}),
        )
    )
    for kolom, waarden in (
        ("gebied_precisie", precisie.GEBIED_PRECISIES),
        ("verzekeraar_herkomst", precisie.VERZEKERAAR_HERKOMSTEN),
    ):
        telling = projecten[kolom].value_counts()
        uit.append(
            (
                f"Projecten per {kolom}",
                pd.DataFrame({"label": list(waarden), "aantal": [int(telling.get(w, 0)) for w in waarden]}),
            )
        )
    for jaar in geodata.JAREN:
        gemeenten = precisie.tel_gemeenten(bereik.koppeling_zekerheid(projecten, jaar))
        uit.append(
            (
                f"Gemeenten met een project, indeling {jaar}",
                pd.DataFrame(
                    {
                        "label": ["zeker", "alleen mogelijk (deel van een gebied)", "zonder project"],
                        "aantal": [
                            gemeenten["zeker"],
                            gemeenten["mogelijk"],
                            len(geodata.gemeenten(jaar)) - gemeenten["zeker"] - gemeenten["mogelijk"],
                        ],
                    }
                ),
            )
        )
    per_bron = projecten["bron"].value_counts()
    volgorde = [*(b for b in bronnen.bronnen() if b in per_bron), *sorted(set(per_bron.index) - set(bronnen.bronnen()))]
    uit.append(
        (
            f"Brondocumenten, peildatum {bronnen.peildatum(projecten['bron'])}",
            pd.DataFrame(
                {"label": [bronnen.bronvermelding(b) for b in volgorde], "aantal": [int(per_bron[b]) for b in volgorde]}
            ),
        )
    )
    jaren = projecten["indeling_jaar"].value_counts()
    uit.append(
        (
            "Indelingsjaar (indeling_jaar)",
            pd.DataFrame({"label": list(geodata.JAREN), "aantal": [int(jaren.get(j, 0)) for j in geodata.JAREN]}),
        )
    )
    statussen = projecten["status"].value_counts()
    uit.append(
        (
            "Beoordeling (status)",
            pd.DataFrame({"label": list(STATUSSEN), "aantal": [int(statussen.get(s, 0)) for s in STATUSSEN]}),
        )
    )
    return uit


def _verschillen(csv_records: list[dict], opgeslagen: list[dict]) -> list[str]:
    """Project_ids only in one of both, or with different fields ('P003 (titel)')."""
    csv = {r["project_id"]: r for r in csv_records}
    db = {r["project_id"]: r for r in opgeslagen}
    uit = [f"{pid} (alleen in CSV)" for pid in sorted(csv.keys() - db.keys())]
    uit += [f"{pid} (alleen in database)" for pid in sorted(db.keys() - csv.keys())]
    for pid in sorted(csv.keys() & db.keys()):
        # The review status is not part of the CSV: a file cannot approve a project.
        velden = [k for k in KOLOMMEN if k != "status" and csv[pid][k] != db[pid][k]]
        if velden:
            uit.append(f"{pid} ({', '.join(velden)})")
    return uit
