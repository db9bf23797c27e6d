"""Leave-one-out accuracy of the label suggestions on the curated records, against a majority-class baseline.

For every record of data/projects/projecten.csv: fit the model on all other records, suggest labels from the
record's titel and omschrijving only, and compare with its stored labels. The baseline predicts, per fold, the most
frequent label (for instrumenten: the most frequent exact set) of the same training records. Columns: rules only,
model only, and the combination classify.suggest uses. For instrumenten both exact-set accuracy and micro-F1.

    python bench/classify_accuracy.py            # all records; exit code 1 if the combination does not beat
                                                 # the baseline on every row
    python bench/classify_accuracy.py --klein 12 # smoke run on the first 12 records
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from classify import suggest  # noqa: E402

VARIANTEN = {"regels": 0.0, "model": 1.0, "gecombineerd": suggest.GEWICHT_MODEL}


def loo_voorspellingen(projecten) -> tuple[list[dict], list[dict], dict[str, list[dict]]]:
    """Per record: stored labels, baseline prediction and per variant the suggestion, each as
    {"inhoud": naam, "intensiteit": naam, "instrument": frozenset}."""
    echt = [_labels(r) for r in projecten.itertuples()]
    basis, voorspeld = [], {naam: [] for naam in VARIANTEN}
    for i, rij in enumerate(projecten.itertuples()):
        training = projecten.drop(index=projecten.index[i])
        anderen = echt[:i] + echt[i + 1 :]
        basis.append({k: Counter(e[k] for e in anderen).most_common(1)[0][0] for k in echt[0]})
        model = suggest.train(training)
        for naam, gewicht in VARIANTEN.items():
            suggesties = suggest.suggereer(rij.titel, rij.omschrijving, model, gewicht_model=gewicht)
            voorspeld[naam].append(_uit_suggesties(suggesties))
    return echt, basis, voorspeld


def _labels(rij) -> dict:
    return {"inhoud": rij.inhoud, "intensiteit": rij.intensiteit, "instrument": frozenset(rij.instrumenten)}


def _uit_suggesties(suggesties) -> dict:
    per_as: dict = {"instrument": frozenset(s.label for s in suggesties if s.as_code == "instrument")}
    per_as.update({s.as_code: s.label for s in suggesties if s.as_code != "instrument"})
    return per_as


def nauwkeurigheid(echt: list[dict], voorspeld: list[dict], sleutel: str) -> float:
    """Share of records whose prediction equals the stored label (exact set for instrumenten)."""
    return sum(e[sleutel] == v[sleutel] for e, v in zip(echt, voorspeld, strict=True)) / len(echt)


def micro_f1(echt: list[dict], voorspeld: list[dict]) -> float:
    """Micro-averaged F1 over all (record, instrument) decisions."""
    tp = sum(len(e["instrument"] & v["instrument"]) for e, v in zip(echt, voorspeld, strict=True))
    fp = sum(len(v["instrument"] - e["instrument"]) for e, v in zip(echt, voorspeld, strict=True))
    fn = sum(len(e["instrument"] - v["instrument"]) for e, v in zip(echt, voorspeld, strict=True))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--klein",
        type=int,
        nargs="?",
        const=12,
        metavar="N",
        help="alleen de eerste N records (standaard 12), als snelle rooktest",
    )
    parser.add_argument("--csv", type=Path, default=suggest.PROJECTEN_CSV)
    args = parser.parse_args(argv)
    projecten = suggest.lees_projecten(args.csv)
    if args.klein:
        projecten = projecten.head(args.klein)
    start = time.perf_counter()
    echt, basis, voorspeld = loo_voorspellingen(projecten)
    rijen = [
        ("inhoud", "nauwkeurigheid", lambda v: nauwkeurigheid(echt, v, "inhoud")),
        ("intensiteit", "nauwkeurigheid", lambda v: nauwkeurigheid(echt, v, "intensiteit")),
        ("instrumenten", "exacte set", lambda v: nauwkeurigheid(echt, v, "instrument")),
        ("instrumenten", "micro-F1", lambda v: micro_f1(echt, v)),
    ]
    print(f"leave-one-out over {len(projecten)} records van {args.csv.name}")
    print(f"{'as':13s} {'maat':15s} {'meerderheid':>11s} " + " ".join(f"{n:>12s}" for n in VARIANTEN))
    verslagen = True
    for as_, maat, functie in rijen:
        basiswaarde = functie(basis)
        waarden = {n: functie(v) for n, v in voorspeld.items()}
        verslagen &= waarden["gecombineerd"] > basiswaarde
        print(f"{as_:13s} {maat:15s} {basiswaarde:11.3f} " + " ".join(f"{w:12.3f}" for w in waarden.values()))
    print(f"({time.perf_counter() - start:.1f} s)")
    if args.klein:
        return 0
    print(
        "gecombineerd verslaat de meerderheidsbasislijn op elke rij"
        if verslagen
        else "LET OP: gecombineerd verslaat de meerderheidsbasislijn niet op elke rij"
    )
    return 0 if verslagen else 1


if __name__ == "__main__":
    sys.exit(main())
