"""Roles: who may do what, and which role a verified identity gets from the configuration.

Three roles, each including the rights of the one before: ``kijker`` (read; everyone, also anonymous visitors),
``redacteur`` (edit, import, approve proposals) and ``beheerder`` (also restore and manage roles). :func:`mag` is
the one rule every write path asks. Roles are configured in the ``[rollen]`` section of Streamlit's secrets:

.. code-block:: toml

    [rollen]
    redacteur = ["@vng.nl", "an.analist@zn.nl"]    # e-mail domains (with @) or addresses
    beheerder = ["beheer@vng.nl"]
    groepen_claim = "groups"                      # optional: a claim with the user's groups
    [rollen.groepen]
    redacteur = ["kaartenredactie"]
    beheerder = ["kaartenbeheer"]

An identity gets the highest role any rule gives it. The e-mail address counts only when the provider has not
said it is unverified (``email_verified = false``); a provider that sends no such claim (Entra ID) is trusted to
hand out only addresses of its own organisation. No Streamlit here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

ROLLEN = ("kijker", "redacteur", "beheerder")
"""The roles, lowest first; a role has every right of the roles before it."""

RECHTEN = {
    "bewerken": "redacteur",
    "importeren": "redacteur",
    "voorstel_beoordelen": "redacteur",
    "herstellen": "beheerder",
    "rollen_beheren": "beheerder",
}
"""Action -> the lowest role that may do it."""

MAX_IDENTITEIT = 200
"""Longest identity text written to the change log, in characters."""


def mag(rol: str, actie: str) -> bool:
    """Whether role ``rol`` may do ``actie`` (a key of :data:`RECHTEN`; anything else raises ``KeyError``, so a
    misspelt action fails loudly instead of being allowed or silently refused). An unknown role may do nothing."""
    nodig = ROLLEN.index(RECHTEN[actie])
    return rol in ROLLEN and ROLLEN.index(rol) >= nodig


@dataclass(frozen=True)
class Rolregels:
    """The configured role rules: lower-case e-mail address or ``@domain`` -> role, the name of the groups claim
    and group -> role."""

    adressen: Mapping[str, str] = field(default_factory=dict)
    groepen_claim: str = ""
    groepen: Mapping[str, str] = field(default_factory=dict)


def _hoogste(a: str, b: str) -> str:
    return a if ROLLEN.index(a) >= ROLLEN.index(b) else b


def rolregels(geheimen: Mapping[str, object]) -> Rolregels:
    """The role rules from the ``[rollen]`` section of the secrets (see the module docstring); entries that are
    not text are ignored, an address listed under two roles gets the higher one."""
    sectie = geheimen.get("rollen")
    if not isinstance(sectie, Mapping):
        return Rolregels()
    adressen: dict[str, str] = {}
    groepen: dict[str, str] = {}
    groepsectie = sectie.get("groepen")
    for rol in ROLLEN[1:]:
        for doel, lijst in (
            (adressen, sectie.get(rol)),
            (groepen, groepsectie.get(rol) if isinstance(groepsectie, Mapping) else None),
        ):
            for waarde in lijst if isinstance(lijst, list | tuple) else ():
                if isinstance(waarde, str) and waarde.strip():
                    sleutel = waarde.strip().casefold() if doel is adressen else waarde.strip()
                    doel[sleutel] = _hoogste(rol, doel.get(sleutel, "kijker"))
    claim = sectie.get("groepen_claim")
    return Rolregels(adressen, claim.strip() if isinstance(claim, str) else "", groepen)


def rol_van(claims: Mapping[str, object], regels: Rolregels) -> str:
    """The role of a verified identity with ID-token ``claims`` (``email``, ``email_verified``, groups claim);
    ``kijker`` when no rule matches."""
    rol = "kijker"
    email = claims.get("email")
    if isinstance(email, str) and "@" in email and claims.get("email_verified") is not False:
        email = email.strip().casefold()
        for sleutel in (email, "@" + email.rsplit("@", 1)[1]):
            rol = _hoogste(rol, regels.adressen.get(sleutel, "kijker"))
    groepen = claims.get(regels.groepen_claim) if regels.groepen_claim else None
    for groep in groepen if isinstance(groepen, list | tuple) else ():
        if isinstance(groep, str):
            rol = _hoogste(rol, regels.groepen.get(groep, "kijker"))
    return rol


def identiteit(claims: Mapping[str, object]) -> str:
    """The identity the change log records for ``claims``: ``name <email> [sub]``, with what is present, in one
    line of at most :data:`MAX_IDENTITEIT` characters (the subject, the provider's stable id, always)."""

    def tekst(sleutel: str) -> str:
        waarde = claims.get(sleutel)
        return " ".join(waarde.split()) if isinstance(waarde, str) else ""

    naam, email, sub = tekst("name"), tekst("email"), tekst("sub")
    delen = [naam, f"<{email}>" if email else "", f"[{sub}]"]
    return " ".join(d for d in delen if d)[-MAX_IDENTITEIT:]
