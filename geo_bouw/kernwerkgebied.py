"""Kernwerkgebieden of the health insurers: the zorgkantoor proxy and the market-share definition.

The AEF report defines an insurer's kernwerkgebied as the region where it has the largest market share. Public
market shares per municipality are not part of the sources, so the shipped layers use the holder of the
zorgkantoor concession of the municipality's zorgkantoorregio as a proxy, labelled
:data:`LABEL_BENADERING` everywhere. With a market-share table (``gemeente_code, verzekeraar, aandeel``) the
kernwerkgebied per municipality is recomputed as the insurer with the largest share
(:func:`kernwerkgebied_uit_marktaandelen`; build option ``--marktaandelen FILE``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from classify.vocab import VERZEKERAAR_NAMEN, OnbekendLabel, normaliseer_verzekeraar

LABEL_BENADERING = "kernwerkgebied (benadering: zorgkantoorregio)"
"""Label of the shipped kernwerkgebieden: concession holder of the zorgkantoorregio, not a market share."""

LABEL_MARKTAANDEEL = "kernwerkgebied (grootste marktaandeel)"
"""Label of kernwerkgebieden recomputed from a market-share table."""

VELDEN = ("gemeente_code", "verzekeraar", "aandeel")
"""Required columns of a market-share table."""

SCHALEN = ("fractie", "procent")
"""Accepted values of ``schaal``: shares as fractions 0..1 or as percentages 0..100."""

_TOLERANTIE = 0.001
"""Rounded published shares may add up to slightly over 100%; 0.1 percentage point is accepted."""

_GEMEENTECODE = re.compile(r"^(?:GM)?(\d{1,4})$", re.IGNORECASE)


class OngeldigeMarktaandelen(ValueError):
    """A market-share table with a missing field or an invalid value; names file (``bestand``), ``rij``, ``veld``."""

    def __init__(self, bestand: str, rij: object, veld: str, melding: str):
        self.bestand, self.rij, self.veld = bestand, rij, veld
        plaats = f"rij {rij}, " if rij is not None else ""
        super().__init__(f"{bestand}: {plaats}veld {veld!r}: {melding}")


def kernwerkgebied_uit_concessies(
    gemeente_zorgkantoorregio: pd.DataFrame, concessies: pd.DataFrame, jaar: int
) -> pd.DataFrame:
    """Proxy kernwerkgebied: the concession holder of each municipality's zorgkantoorregio in ``jaar``.

    ``gemeente_zorgkantoorregio`` has [gemeente_code, zorgkantoorregio_code]; ``concessies`` is the output of
    :func:`geo_bouw.geobron.lees_concessies`. Returns DataFrame [gemeente_code, verzekeraar] sorted by code; a
    zorgkantoorregio without a concession row raises :class:`ValueError`.
    """
    houder = concessies.set_index("zorgkantoorregio_code")[f"verzekeraar_{jaar}"]
    ontbrekend = sorted(set(gemeente_zorgkantoorregio["zorgkantoorregio_code"]) - set(houder.index))
    if ontbrekend:
        raise ValueError(f"geen concessiehouder {jaar} voor zorgkantoorregio {', '.join(ontbrekend)}")
    uit = pd.DataFrame(
        {
            "gemeente_code": gemeente_zorgkantoorregio["gemeente_code"].values,
            "verzekeraar": houder.loc[gemeente_zorgkantoorregio["zorgkantoorregio_code"]].values,
        }
    )
    return uit.sort_values("gemeente_code").reset_index(drop=True)


def lees_marktaandelen(bron: str | Path | pd.DataFrame, schaal: str | None = None) -> pd.DataFrame:
    """A validated market-share table in long form: DataFrame [gemeente_code, verzekeraar, aandeel, rij].

    ``bron`` is a CSV (``,`` or ``;`` separated, UTF-8), an ``.xlsx`` file, or a DataFrame with the columns
    :data:`VELDEN`. ``gemeente_code`` is a CBS code (``GM0363``; ``363`` is read as ``GM0363``),
    ``verzekeraar`` any name :func:`classify.vocab.normaliseer_verzekeraar` knows for exactly one insurer,
    ``aandeel`` a share. ``schaal`` fixes how plain numbers are read (``"fractie"`` 0..1, ``"procent"`` 0..100);
    without it a value written with ``%`` is a percentage and plain numbers are percentages as soon as one
    exceeds 1. Decimal commas are accepted. ``aandeel`` is returned as a fraction 0..1; ``rij`` is the file's
    line number (header = 1) or the DataFrame index label.

    Raises :class:`OngeldigeMarktaandelen` for a missing column, an empty or unparseable value, an unknown
    insurer, a share outside 0-100%, a duplicate (gemeente, verzekeraar) pair, or shares of one municipality
    that add up to more than 100%.
    """
    if schaal is not None and schaal not in SCHALEN:
        raise ValueError(f"schaal {schaal!r} onbekend; kies uit: {', '.join(SCHALEN)}")
    naam, tabel, rijen = _lees_tabel(bron)
    ontbrekend = [v for v in VELDEN if v not in tabel.columns]
    if ontbrekend:
        raise OngeldigeMarktaandelen(naam, None, ontbrekend[0], f"kolom ontbreekt (verwacht: {', '.join(VELDEN)})")

    codes = [_gemeentecode(naam, rij, w) for rij, w in zip(rijen, tabel["gemeente_code"], strict=True)]
    verzekeraars = [_verzekeraar(naam, rij, w) for rij, w in zip(rijen, tabel["verzekeraar"], strict=True)]
    getallen = [_getal(naam, rij, w) for rij, w in zip(rijen, tabel["aandeel"], strict=True)]
    if schaal is None:
        schaal = "procent" if any(w > 1 for w, procent in getallen if not procent) else "fractie"
    aandelen = []
    for rij, (waarde, procent) in zip(rijen, getallen, strict=True):
        fractie = waarde / 100 if procent or schaal == "procent" else waarde
        if not 0 <= fractie <= 1:
            getoond = f"{waarde:g}%" if procent or schaal == "procent" else f"{waarde:g}"
            raise OngeldigeMarktaandelen(naam, rij, "aandeel", f"{getoond} ligt buiten 0-100%")
        aandelen.append(fractie)

    lang = pd.DataFrame({"gemeente_code": codes, "verzekeraar": verzekeraars, "aandeel": aandelen, "rij": rijen})
    dubbel = lang.duplicated(["gemeente_code", "verzekeraar"], keep="first")
    if dubbel.any():
        tweede = lang[dubbel].iloc[0]
        eerste = lang[
            (lang["gemeente_code"] == tweede["gemeente_code"]) & (lang["verzekeraar"] == tweede["verzekeraar"])
        ].iloc[0]
        raise OngeldigeMarktaandelen(
            naam,
            tweede["rij"],
            "verzekeraar",
            f"{tweede['verzekeraar']} staat voor {tweede['gemeente_code']} al in rij {eerste['rij']}",
        )
    som = lang.groupby("gemeente_code", sort=True)["aandeel"].sum()
    te_veel = som[som > 1 + _TOLERANTIE]
    if len(te_veel):
        code = te_veel.index[0]
        rijen_code = lang.loc[lang["gemeente_code"] == code, "rij"].tolist()
        raise OngeldigeMarktaandelen(
            naam,
            rijen_code[-1],
            "aandeel",
            f"de aandelen van {code} tellen op tot {te_veel.iloc[0] * 100:.1f}% (rijen "
            f"{', '.join(map(str, rijen_code))}); maximaal 100%",
        )
    return lang


def kernwerkgebied_uit_marktaandelen(
    bron: str | Path | pd.DataFrame, gemeente_codes: Iterable[str] | None = None, schaal: str | None = None
) -> pd.DataFrame:
    """Kernwerkgebied per municipality: the insurer with the largest market share.

    ``bron`` and ``schaal`` as in :func:`lees_marktaandelen`. With ``gemeente_codes`` (the municipalities of one
    boundary year) every code in the table must be one of them and every one of them must have shares. A tie
    goes to the first insurer in the canonical order of :data:`classify.vocab.VERZEKERAAR_NAMEN`. Returns
    DataFrame [gemeente_code, verzekeraar, aandeel] sorted by code, ``aandeel`` the winning share (0..1).
    """
    lang = lees_marktaandelen(bron, schaal)
    naam = _naam(bron)
    if gemeente_codes is not None:
        geldig = set(gemeente_codes)
        vreemd = lang[~lang["gemeente_code"].isin(geldig)]
        if len(vreemd):
            eerste = vreemd.iloc[0]
            raise OngeldigeMarktaandelen(
                naam, eerste["rij"], "gemeente_code", f"{eerste['gemeente_code']} is geen gemeente van deze indeling"
            )
        zonder = sorted(geldig - set(lang["gemeente_code"]))
        if zonder:
            getoond = ", ".join(zonder[:10]) + (" ..." if len(zonder) > 10 else "")
            raise OngeldigeMarktaandelen(
                naam, None, "gemeente_code", f"geen marktaandelen voor {len(zonder)} gemeenten: {getoond}"
            )
    volgorde = {v: i for i, v in enumerate(VERZEKERAAR_NAMEN)}
    lang = lang.assign(_volgorde=lang["verzekeraar"].map(volgorde))
    geordend = lang.sort_values(["gemeente_code", "aandeel", "_volgorde"], ascending=[True, False, True], kind="stable")
    winnaars = geordend.drop_duplicates("gemeente_code")
    return winnaars[["gemeente_code", "verzekeraar", "aandeel"]].reset_index(drop=True)


def _naam(bron: str | Path | pd.DataFrame) -> str:
    """How errors refer to the source: the file path, or ``<DataFrame>``."""
    return "<DataFrame>" if isinstance(bron, pd.DataFrame) else str(bron)


def _lees_tabel(bron: str | Path | pd.DataFrame) -> tuple[str, pd.DataFrame, list]:
    """The table with normalised column names, and the row number of each record as users see it."""
    naam = _naam(bron)
    if isinstance(bron, pd.DataFrame):
        tabel = bron.copy()
        rijen = list(tabel.index)
    else:
        pad = Path(bron)
        if not pad.is_file():
            raise OngeldigeMarktaandelen(naam, None, "bestand", "bestand bestaat niet")
        if pad.suffix.lower() == ".xlsx":
            tabel = pd.read_excel(pad, dtype=str, keep_default_na=False)
        else:
            tekst = pad.read_text(encoding="utf-8-sig")
            eerste = tekst.splitlines()[0] if tekst else ""
            # Dutch Excel writes ';'-separated CSV with decimal commas.
            scheiding = ";" if eerste.count(";") > eerste.count(",") else ","
            tabel = pd.read_csv(pad, sep=scheiding, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        rijen = list(range(2, len(tabel) + 2))
    tabel.columns = [str(k).strip().lower() for k in tabel.columns]
    return naam, tabel.reset_index(drop=True), rijen


def _gemeentecode(naam: str, rij: object, waarde: object) -> str:
    """``GMnnnn`` from a CBS code written with or without prefix and leading zeros."""
    tekst = "" if pd.isna(waarde) else str(waarde).strip()
    if not tekst:
        raise OngeldigeMarktaandelen(naam, rij, "gemeente_code", "leeg")
    treffer = _GEMEENTECODE.match(tekst)
    if treffer is None:
        raise OngeldigeMarktaandelen(naam, rij, "gemeente_code", f"{tekst!r} is geen CBS-gemeentecode (GMnnnn)")
    return f"GM{int(treffer.group(1)):04d}"


def _verzekeraar(naam: str, rij: object, waarde: object) -> str:
    """The one canonical insurer label for a name; a concern such as Achmea is refused (ambiguous)."""
    tekst = "" if pd.isna(waarde) else str(waarde).strip()
    if not tekst:
        raise OngeldigeMarktaandelen(naam, rij, "verzekeraar", "leeg")
    try:
        namen = normaliseer_verzekeraar(tekst)
    except OnbekendLabel as fout:
        raise OngeldigeMarktaandelen(naam, rij, "verzekeraar", str(fout)) from None
    if len(namen) != 1:
        raise OngeldigeMarktaandelen(
            naam, rij, "verzekeraar", f"{tekst!r} is een koepel van {', '.join(namen)}; geef één label"
        )
    return namen[0]


def _getal(naam: str, rij: object, waarde: object) -> tuple[float, bool]:
    """The number in a share cell and whether it was written as a percentage (``45%``, ``45,5 %``)."""
    if isinstance(waarde, (int, float)) and not isinstance(waarde, bool):
        if pd.isna(waarde):
            raise OngeldigeMarktaandelen(naam, rij, "aandeel", "leeg")
        return float(waarde), False
    tekst = str(waarde).strip()
    if not tekst:
        raise OngeldigeMarktaandelen(naam, rij, "aandeel", "leeg")
    procent = tekst.endswith("%")
    kern = tekst.rstrip("%").strip().replace(",", ".")
    try:
        getal = float(kern)
    except ValueError:
        raise OngeldigeMarktaandelen(naam, rij, "aandeel", f"{tekst!r} is geen getal") from None
    if getal != getal:
        raise OngeldigeMarktaandelen(naam, rij, "aandeel", f"{tekst!r} is geen getal")
    return getal, procent
