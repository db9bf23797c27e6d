"""Filters of the dashboard as plain data: read from and written to URL query parameters, applied to projects.

A filter selection is a :class:`Filters` value. In the URL every axis is one parameter holding the label codes of
:mod:`classify.vocab`, comma-separated (``?inhoud=ggz,ouderen&verzekeraar=vgz&indeling=2025``); an empty axis
means "alle". A second selection for the side-by-side view uses the same names behind a prefix (``b_inhoud``).
Map layers travel in ``lagen`` (``wmo,provincie,kernwerkgebied:vgz``). Nothing here imports Streamlit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace

import pandas as pd

from classify import vocab

JAREN: tuple[int, ...] = (2017, 2025)
"""Boundary years (indeling) the maps can be drawn in."""

STANDAARD_JAAR = 2017
PREFIX_RECHTS = "b_"
"""Prefix of the query parameters of the second (right-hand) selection in the side-by-side view."""

STANDAARD_LAGEN: tuple[str, ...] = ("wmo_regio",)
"""Layers drawn when the URL names none (names as :func:`kaart.interactief.kaart` takes them)."""
_LAAG_CODES = {"wmo_regio": "wmo", "provincie": "provincie", "kernwerkgebied": "kernwerkgebied"}


@dataclass(frozen=True)
class Filters:
    """One selection of projects plus the boundary year to draw it in.

    Label fields hold stored names (``"GGZ"``, ``"Zilveren Kruis"``) in canonical order; empty means no restriction.
    """

    verzekeraars: tuple[str, ...] = ()
    inhoud: tuple[str, ...] = ()
    instrumenten: tuple[str, ...] = ()
    intensiteit: tuple[str, ...] = ()
    geografie: tuple[str, ...] = ()
    jaar: int = STANDAARD_JAAR

    @property
    def leeg(self) -> bool:
        """True when no label restriction is set (the year does not count)."""
        return not any(getattr(self, veld) for veld in _LABELVELDEN)


_ASSEN: dict[str, vocab.As] = {
    "inhoud": vocab.AS_INHOUD,
    "instrumenten": vocab.AS_INSTRUMENT,
    "intensiteit": vocab.AS_INTENSITEIT,
    "geografie": vocab.AS_GEOGRAFIE,
}
_LABELVELDEN: tuple[str, ...] = ("verzekeraars", *_ASSEN)
PARAMETERS: dict[str, str] = {
    "verzekeraars": "verzekeraar",
    "inhoud": "inhoud",
    "instrumenten": "instrument",
    "intensiteit": "intensiteit",
    "geografie": "geografie",
    "jaar": "indeling",
}
"""Filter field -> query parameter name (without prefix)."""


def opties(veld: str) -> tuple[str, ...]:
    """Stored names a label field can take, in canonical order."""
    if veld == "verzekeraars":
        return vocab.VERZEKERAAR_NAMEN
    return _ASSEN[veld].namen


def _code(veld: str, naam: str) -> str:
    if veld == "verzekeraars":
        return vocab.verzekeraar(naam).code
    return _ASSEN[veld].label(naam).code


def _naam(veld: str, tekst: str) -> tuple[str, ...]:
    if veld == "verzekeraars":
        return vocab.normaliseer_verzekeraar(tekst)
    return (vocab.normaliseer(_ASSEN[veld], tekst),)


def _waarden(ruw: str | Sequence[str]) -> list[str]:
    delen = [ruw] if isinstance(ruw, str) else list(ruw)
    return [w.strip() for deel in delen for w in deel.split(",") if w.strip()]


def lees(params: Mapping[str, str | Sequence[str]], prefix: str = "") -> tuple[Filters, tuple[str, ...]]:
    """The :class:`Filters` in query parameters, plus a message for every value that was ignored.

    Values may be codes, names or synonyms (``ggz``, ``GGZ``, ``geestelijke gezondheidszorg``); a concern name such
    as ``achmea`` selects all its insurers. Unknown values and years are skipped, never fatal, so an old or
    hand-edited link still opens.
    """
    waarden: dict[str, object] = {}
    meldingen: list[str] = []
    for veld in _LABELVELDEN:
        sleutel = prefix + PARAMETERS[veld]
        if sleutel not in params:
            continue
        gekozen: set[str] = set()
        for tekst in _waarden(params[sleutel]):
            try:
                gekozen.update(_naam(veld, tekst))
            except vocab.OnbekendLabel as fout:
                meldingen.append(f"Parameter {sleutel}: {fout}")
        waarden[veld] = tuple(naam for naam in opties(veld) if naam in gekozen)
    sleutel = prefix + PARAMETERS["jaar"]
    if sleutel in params:
        tekst = (_waarden(params[sleutel]) or [""])[-1]
        if tekst.isdigit() and int(tekst) in JAREN:
            waarden["jaar"] = int(tekst)
        else:
            meldingen.append(
                f"Parameter {sleutel}: {tekst!r} is geen indeling; kies uit: {', '.join(map(str, JAREN))}"
            )
    return Filters(**waarden), tuple(meldingen)


def schrijf(filters: Filters, prefix: str = "") -> dict[str, str]:
    """Query parameters for ``filters``: only the fields that differ from the default, codes comma-separated."""
    uit: dict[str, str] = {}
    for veld in _LABELVELDEN:
        namen = getattr(filters, veld)
        if namen:
            uit[prefix + PARAMETERS[veld]] = ",".join(_code(veld, naam) for naam in namen)
    if filters.jaar != STANDAARD_JAAR:
        uit[prefix + PARAMETERS["jaar"]] = str(filters.jaar)
    return uit


def vervang(params: Mapping[str, str], filters: Filters, prefix: str = "") -> dict[str, str]:
    """``params`` with the filter parameters under ``prefix`` replaced by those of ``filters``; others kept."""
    eigen = {prefix + naam for naam in PARAMETERS.values()}
    uit = {k: v for k, v in params.items() if k not in eigen}
    uit.update(schrijf(filters, prefix))
    return uit


def met(filters: Filters, **velden: Iterable[str] | int) -> Filters:
    """``filters`` with fields replaced; label fields are put in canonical order and checked."""
    schoon: dict[str, object] = {}
    for veld, waarde in velden.items():
        if veld == "jaar":
            if waarde not in JAREN:
                raise ValueError(f"indeling {waarde!r} bestaat niet; kies uit: {', '.join(map(str, JAREN))}")
            schoon[veld] = waarde
            continue
        if veld not in _LABELVELDEN:
            raise ValueError(f"onbekend filterveld {veld!r}; kies uit: {', '.join(f.name for f in fields(Filters))}")
        gekozen = {naam for tekst in waarde for naam in _naam(veld, tekst)}
        schoon[veld] = tuple(naam for naam in opties(veld) if naam in gekozen)
    return replace(filters, **schoon)


def toepassen(filters: Filters, projecten: pd.DataFrame) -> pd.DataFrame:
    """The projects matching every set axis (any of the chosen labels; multi-valued columns: any overlap)."""
    masker = pd.Series(True, index=projecten.index)
    for veld in _LABELVELDEN:
        gekozen = set(getattr(filters, veld))
        if not gekozen:
            continue
        kolom = "verzekeraars" if veld == "verzekeraars" else _ASSEN[veld].kolom
        if veld == "verzekeraars" or _ASSEN[veld].meervoudig:
            masker &= projecten[kolom].map(lambda waarden, g=gekozen: not g.isdisjoint(waarden)).astype(bool)
        else:
            masker &= projecten[kolom].isin(gekozen)
    return projecten[masker]


_KOPPEN = {
    "verzekeraars": "verzekeraar",
    "inhoud": "inhoud",
    "instrumenten": "instrument",
    "intensiteit": "samenwerkingsvorm",
    "geografie": "geografie",
}


def beschrijving(filters: Filters) -> str:
    """The selection in Dutch words, e.g. ``"inhoud: GGZ of Ouderen; verzekeraar: VGZ"`` (``"alle projecten"``)."""
    delen = [
        f"{_KOPPEN[veld]}: {' of '.join(getattr(filters, veld))}"
        for veld in _LABELVELDEN
        if getattr(filters, veld)
    ]
    return "; ".join(delen) if delen else "alle projecten"


def lees_lagen(params: Mapping[str, str | Sequence[str]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Map layers from the ``lagen`` parameter (default :data:`STANDAARD_LAGEN`), plus messages for ignored values.

    Returns layer names as :func:`kaart.interactief.kaart` takes them: ``wmo_regio``, ``provincie``,
    ``kernwerkgebied`` or ``kernwerkgebied:<verzekeraar>``.
    """
    if "lagen" not in params:
        return STANDAARD_LAGEN, ()
    namen = {code: naam for naam, code in _LAAG_CODES.items()}
    lagen: list[str] = []
    meldingen: list[str] = []
    for tekst in _waarden(params["lagen"]):
        basis, _, verzekeraar = tekst.partition(":")
        if basis not in namen:
            meldingen.append(f"Parameter lagen: {tekst!r} is geen kaartlaag; kies uit: {', '.join(namen)}")
            continue
        if not verzekeraar:
            lagen.append(namen[basis])
            continue
        try:
            lagen.append(f"{namen[basis]}:{vocab.verzekeraar(verzekeraar).naam}")
        except vocab.OnbekendLabel as fout:
            meldingen.append(f"Parameter lagen: {fout}")
    return tuple(dict.fromkeys(lagen)), tuple(meldingen)


def schrijf_lagen(lagen: Iterable[str]) -> dict[str, str]:
    """The ``lagen`` parameter for layer names; empty when they equal the default."""
    lagen = tuple(lagen)
    if lagen == STANDAARD_LAGEN:
        return {}
    codes = []
    for laag in lagen:
        basis, _, verzekeraar = laag.partition(":")
        codes.append(_LAAG_CODES[basis] + (f":{vocab.verzekeraar(verzekeraar).code}" if verzekeraar else ""))
    return {"lagen": ",".join(codes)}
