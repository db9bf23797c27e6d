"""Name forms for the name resolver of :mod:`geo.geodata`: official names plus aliases, per kind and year.

The table has one row per (soort, jaar, code, naam): ``soort`` is ``gemeente``, ``provincie`` or ``wmo_regio``;
``jaar`` the boundary year (empty for Wmo-regions, which have one list); ``herkomst`` says where the form comes
from. Lookups compare with :func:`classify.vocab.sleutel` (case, accents, punctuation and spaces ignored), so
"Sudwest Fryslan" already finds "Súdwest-Fryslân" and needs no row. A form that several codes share
(plain "Bergen") is kept on purpose: the resolver reports it as ambiguous. Further forms are derived from the
data: the name of the same CBS code in the other year ("Hengelo" / "Hengelo (O.)"), the name without its
parenthesised addition ("Bergen (NH.)" -> "Bergen") and, for region names, the addition itself
("IJmond (Midden Kennemerland)" -> "Midden Kennemerland").
"""

from __future__ import annotations

import re

import pandas as pd

from classify.vocab import sleutel

KOLOMMEN = ("soort", "jaar", "code", "naam", "herkomst")

GANGBARE_GEMEENTENAMEN: dict[str, tuple[tuple[str, str], ...]] = {
    "'s-Gravenhage": (("Den Haag", "gangbare naam"), ("The Hague", "Engelse naam")),
    "'s-Hertogenbosch": (("Den Bosch", "gangbare naam"),),
    "Nuenen, Gerwen en Nederwetten": (("Nuenen", "gangbare naam"), ("Nuenen c.a.", "gangbare naam")),
    "Bergen (NH.)": (("Bergen (Noord-Holland)", "gangbare naam"),),
    "Bergen (L.)": (("Bergen (Limburg)", "gangbare naam"),),
    "Súdwest-Fryslân": (("Zuidwest-Friesland", "Nederlandse naam"),),
    "Noardeast-Fryslân": (("Noordoost-Friesland", "Nederlandse naam"),),
    "Tytsjerksteradiel": (("Tietjerksteradeel", "oude Nederlandse naam"),),
    "Dantumadiel": (("Dantumadeel", "oude Nederlandse naam"),),
    "De Fryske Marren": (("De Friese Meren", "Nederlandse naam"),),
    "Ferwerderadiel": (("Ferwerderadeel", "oude Nederlandse naam"),),
    "Littenseradiel": (("Littenseradeel", "oude Nederlandse naam"),),
    "Menameradiel": (("Menaldumadeel", "oude Nederlandse naam"),),
    "het Bildt": (("It Bildt", "Friese naam"),),
    "Kollumerland en Nieuwkruisland": (("Kollumerland c.a.", "gangbare naam"), ("Kollumerland", "gangbare naam")),
    "Haarlemmerliede en Spaarnwoude": (("Haarlemmerliede", "gangbare naam"),),
}
"""Common alternatives and older spellings per official CBS name (applied in every year the name exists)."""

GANGBARE_PROVINCIENAMEN: dict[str, tuple[tuple[str, str], ...]] = {
    "Friesland": (("Fryslân", "Friese naam"),),
    "Fryslân": (("Friesland", "Nederlandse naam"),),
    "Noord-Brabant": (("Brabant", "gangbare naam"),),
}
"""Common alternatives per official CBS province name."""

_TOEVOEGING = re.compile(r"\s*\(([^)]*)\)\s*$")


def maak_aliastabel(
    gemeenten: dict[int, pd.DataFrame],
    provincies: dict[int, pd.DataFrame],
    wmo_regios: pd.DataFrame,
    wmo_namen: pd.DataFrame,
) -> pd.DataFrame:
    """The name-form table [soort, jaar, code, naam, herkomst], sorted, one row per distinct spelling.

    ``gemeenten`` and ``provincies`` map a year to [code, naam] (CBS); ``wmo_regios`` is the report list
    [wmo_code, wmo_regio]; ``wmo_namen`` gives further spellings [wmo_code, naam, herkomst] (the region table
    of the build, CBS jeugdregio names). Per kind and year, official names come first; repeats of the same
    spelling for the same code are dropped (spellings that differ only in punctuation stay, as documentation).
    Raises :class:`ValueError` when an alias of one code equals the official name of another, since the official
    name would stop resolving.
    """
    rijen: list[tuple[str, str, str, str, str]] = []
    jaren = sorted(gemeenten)
    for soort, lagen, gangbaar in (
        ("gemeente", gemeenten, GANGBARE_GEMEENTENAMEN),
        ("provincie", provincies, GANGBARE_PROVINCIENAMEN),
    ):
        for jaar in jaren:
            laag = lagen[jaar]
            rijen += [(soort, str(jaar), c, n, f"CBS {jaar}") for c, n in zip(laag["code"], laag["naam"], strict=True)]
            for ander in (j for j in jaren if j != jaar):
                andere_namen = dict(zip(lagen[ander]["code"], lagen[ander]["naam"], strict=True))
                rijen += [
                    (soort, str(jaar), c, andere_namen[c], f"CBS {ander}") for c in laag["code"] if c in andere_namen
                ]
            for c, n in zip(laag["code"], laag["naam"], strict=True):
                kaal = _TOEVOEGING.sub("", n)
                if kaal != n:
                    rijen.append((soort, str(jaar), c, kaal, "zonder toevoeging"))
                rijen += [(soort, str(jaar), c, vorm, herkomst) for vorm, herkomst in gangbaar.get(n, ())]
    rijen += [
        ("wmo_regio", "", c, n, "rapport II.1")
        for c, n in zip(wmo_regios["wmo_code"], wmo_regios["wmo_regio"], strict=True)
    ]
    for c, n, h in zip(wmo_namen["wmo_code"], wmo_namen["naam"], wmo_namen["herkomst"], strict=True):
        rijen.append(("wmo_regio", "", c, n, h))
        toevoeging = _TOEVOEGING.search(n)
        if toevoeging:
            rijen.append(("wmo_regio", "", c, n[: toevoeging.start()], f"{h}, zonder toevoeging"))
            rijen.append(("wmo_regio", "", c, toevoeging.group(1), f"{h}, toevoeging"))

    tabel = pd.DataFrame(rijen, columns=list(KOLOMMEN))
    tabel["zoeksleutel"] = tabel["naam"].map(sleutel)
    tabel = tabel.drop_duplicates(["soort", "jaar", "code", "naam"], keep="first")
    _controleer_officieel_uniek(tabel)
    tabel = tabel.sort_values(["soort", "jaar", "code", "zoeksleutel", "naam"], kind="stable")
    return tabel[list(KOLOMMEN)].reset_index(drop=True)


def _controleer_officieel_uniek(tabel: pd.DataFrame) -> None:
    """An official name (CBS or report) must resolve to its own code only."""
    officieel = (tabel["herkomst"] == "rapport II.1") | (tabel["herkomst"] == "CBS " + tabel["jaar"])
    codes = tabel.groupby(["soort", "jaar", "zoeksleutel"])["code"].nunique()
    for rij in tabel[officieel].itertuples():
        if codes[(rij.soort, rij.jaar, rij.zoeksleutel)] > 1:
            andere = tabel[
                (tabel["soort"] == rij.soort)
                & (tabel["jaar"] == rij.jaar)
                & (tabel["zoeksleutel"] == rij.zoeksleutel)
                & (tabel["code"] != rij.code)
            ]
            raise ValueError(
                f"{rij.soort} {rij.jaar}: naam {rij.naam!r} ({rij.code}) botst met alias "
                f"{andere['naam'].iloc[0]!r} van {andere['code'].iloc[0]} ({andere['herkomst'].iloc[0]})"
            )
