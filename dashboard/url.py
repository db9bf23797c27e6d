"""The dashboard's filters in URL query parameters: a shared link opens the same selection and map layers.

In the URL every axis of a :class:`classify.filters.Filters` is one parameter holding the label codes of
:mod:`classify.vocab`, comma-separated (``?inhoud=ggz,ouderen&verzekeraar=vgz&indeling=2025``); an empty axis
means "alle". A second selection for the side-by-side view uses the same names behind a prefix (``b_inhoud``).
Axes whose labels must all be met per municipality travel in ``alle`` as their parameter names
(``alle=intensiteit``). Map layers travel in ``lagen`` (``wmo,provincie,kernwerkgebied:vgz``); ``voorstellen=1``
includes the proposals (imported projects not yet approved). Nothing here imports Streamlit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from classify import begrippen, vocab
from classify.filters import JAREN, LABELVELDEN, STANDAARD_JAAR, Filters, code, met, namen, opties
from geo.lagen import KAARTLAGEN, kaartlaag

PREFIX_RECHTS = "b_"
"""Prefix of the query parameters of the second (right-hand) selection in the side-by-side view."""

STANDAARD_LAGEN: tuple[str, ...] = ("wmo_regio",)
"""Layers drawn when the URL names none (names as :func:`kaart.interactief.kaart` takes them)."""

PARAMETERS: dict[str, str] = {
    veld: begrippen.per_filterveld()[veld].url[0]
    for veld in (*LABELVELDEN, "jaar", "alleen_zeker", "voorstellen", "alle")
}
"""Filter field -> query parameter name (without prefix), from the glossary."""
OUDE_NAMEN: dict[str, str] = {oud: veld for veld in LABELVELDEN for oud in begrippen.per_filterveld()[veld].url[1:]}
"""Older query parameter -> filter field: the pages' own choices (``thema``, ``verz``, ...) that are now the
sidebar's, still read so that links made before keep their selection."""
LAGEN = begrippen.begrip("kaartlagen").url[0]
"""Query parameter of the map layers."""
NAAST = begrippen.begrip("selectie rechts").url[0]
"""Query parameter that turns on the second selection (value ``1``); its filters carry :data:`PREFIX_RECHTS`."""

_JA, _NEE = ("1", "ja", "true"), ("0", "nee", "false")


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
    for veld in LABELVELDEN:
        namen_in_url = [prefix + naam for naam in (PARAMETERS[veld], *_oud(veld)) if prefix + naam in params]
        if not namen_in_url:
            continue
        sleutel = namen_in_url[0]
        gekozen: set[str] = set()
        for tekst in _waarden(params[sleutel]):
            try:
                gekozen.update(namen(veld, tekst))
            except vocab.OnbekendLabel as fout:
                meldingen.append(f"Parameter {sleutel}: {fout}")
        waarden[veld] = tuple(naam for naam in opties(veld) if naam in gekozen)
    sleutel = prefix + PARAMETERS["jaar"]
    if sleutel in params:
        tekst = (_waarden(params[sleutel]) or [""])[-1]
        if tekst.isdigit() and int(tekst) in JAREN:
            waarden["jaar"] = int(tekst)
        else:
            meldingen.append(f"Parameter {sleutel}: {tekst!r} is geen indeling; kies uit: {', '.join(map(str, JAREN))}")
    sleutel = prefix + PARAMETERS["alleen_zeker"]
    if sleutel in params:
        tekst = (_waarden(params[sleutel]) or [""])[-1].lower()
        if tekst in _JA or tekst in _NEE:
            waarden["alleen_zeker"] = tekst in _JA
        else:
            meldingen.append(f"Parameter {sleutel}: {tekst!r} is geen ja of nee; gebruik 1 of 0")
    sleutel = prefix + PARAMETERS["voorstellen"]
    if sleutel in params:
        tekst = (_waarden(params[sleutel]) or [""])[-1]
        if tekst in ("0", "1"):
            waarden["voorstellen"] = tekst == "1"
        else:
            meldingen.append(f"Parameter {sleutel}: {tekst!r}; gebruik 1 (voorstellen tonen) of 0")
    sleutel = prefix + PARAMETERS["alle"]
    if sleutel in params:
        per_naam = {PARAMETERS[veld]: veld for veld in LABELVELDEN}
        alle = []
        for tekst in _waarden(params[sleutel]):
            if tekst in per_naam:
                alle.append(per_naam[tekst])
            else:
                meldingen.append(f"Parameter {sleutel}: {tekst!r} is geen as; kies uit: {', '.join(per_naam)}")
        waarden["alle"] = alle
    return met(Filters(), **waarden), tuple(meldingen)


def _oud(veld: str) -> list[str]:
    return [oud for oud, eigen in OUDE_NAMEN.items() if eigen == veld]


def schrijf(filters: Filters, prefix: str = "") -> dict[str, str]:
    """Query parameters for ``filters``: only the fields that differ from the default, codes comma-separated."""
    uit: dict[str, str] = {}
    for veld in LABELVELDEN:
        gekozen = getattr(filters, veld)
        if gekozen:
            uit[prefix + PARAMETERS[veld]] = ",".join(code(veld, naam) for naam in gekozen)
    if filters.jaar != STANDAARD_JAAR:
        uit[prefix + PARAMETERS["jaar"]] = str(filters.jaar)
    if filters.alleen_zeker:
        uit[prefix + PARAMETERS["alleen_zeker"]] = "1"
    if filters.voorstellen:
        uit[prefix + PARAMETERS["voorstellen"]] = "1"
    if filters.alle:
        uit[prefix + PARAMETERS["alle"]] = ",".join(PARAMETERS[veld] for veld in filters.alle)
    return uit


def vervang(params: Mapping[str, str], filters: Filters, prefix: str = "") -> dict[str, str]:
    """``params`` with the filter parameters under ``prefix`` replaced by those of ``filters``; others kept."""
    eigen = {prefix + naam for naam in (*PARAMETERS.values(), *OUDE_NAMEN)}
    uit = {k: v for k, v in params.items() if k not in eigen}
    uit.update(schrijf(filters, prefix))
    return uit


def lees_lagen(params: Mapping[str, str | Sequence[str]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Map layers from the :data:`LAGEN` parameter (default :data:`STANDAARD_LAGEN`), plus messages for ignored values.

    Returns layer names as :func:`kaart.interactief.kaart` takes them: ``wmo_regio``, ``provincie``,
    ``kernwerkgebied`` or ``kernwerkgebied:<verzekeraar>``.
    """
    if LAGEN not in params:
        return STANDAARD_LAGEN, ()
    laagnamen = {laag.url: laag.code for laag in KAARTLAGEN}
    lagen: list[str] = []
    meldingen: list[str] = []
    for tekst in _waarden(params[LAGEN]):
        basis, _, verzekeraar = tekst.partition(":")
        if basis not in laagnamen:
            meldingen.append(f"Parameter {LAGEN}: {tekst!r} is geen kaartlaag; kies uit: {', '.join(laagnamen)}")
            continue
        if not verzekeraar:
            lagen.append(laagnamen[basis])
            continue
        try:
            lagen.append(f"{laagnamen[basis]}:{vocab.verzekeraar(verzekeraar).naam}")
        except vocab.OnbekendLabel as fout:
            meldingen.append(f"Parameter {LAGEN}: {fout}")
    return tuple(dict.fromkeys(lagen)), tuple(meldingen)


def schrijf_lagen(lagen: Iterable[str]) -> dict[str, str]:
    """The :data:`LAGEN` parameter for layer names; empty when they equal the default."""
    lagen = tuple(lagen)
    if lagen == STANDAARD_LAGEN:
        return {}
    codes = []
    for laag in lagen:
        basis, _, verzekeraar = laag.partition(":")
        codes.append(kaartlaag(basis).url + (f":{vocab.verzekeraar(verzekeraar).code}" if verzekeraar else ""))
    return {LAGEN: ",".join(codes)}
