"""Editor access: who may write to the project store from the app, and the lockout after failed logins.

Everyone can read; writing needs the editor role. Someone who knows an editor password gets a :class:`Redacteur`,
a name plus a random token that :class:`Toegang` keeps server-side (in this process) for :data:`GELDIGHEID`
seconds. Every write the app makes goes through :meth:`Toegang.wijzig_project` or :meth:`Toegang.importeer_bestand`,
which look the token up again: a hand-made, expired or revoked :class:`Redacteur` is refused, and the change log
records the name that logged in, not a name the caller passes.

Passwords are configured outside the repository (:func:`wachtwoorden`: Streamlit secrets or the environment
variable :data:`OMGEVINGSVARIABELE`); without one, editing is off. They are compared as SHA-256 digests with
:func:`hmac.compare_digest`, so the comparison takes the same time whatever the input. After :data:`MAX_POGINGEN`
failures from one client within :data:`VENSTER` seconds that client is refused for :data:`BLOKKADE` seconds; after
:data:`MAX_POGINGEN_TOTAAL` failures from all clients together everyone is, so changing address or reloading the
page gives no extra guesses. No Streamlit here: :mod:`dashboard.toegang` is the login form.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from projectdb.importeer import importeer_bestand
from projectdb.meldingen import Rapport
from projectdb.store import Store

OMGEVINGSVARIABELE = "SAMENWERKING_REDACTEUR_WACHTWOORD"
"""Environment variable with the shared editor password (used when the secrets name none)."""
MIN_LENGTE = 12
"""Shortest accepted password, in characters; a shorter one switches editing off rather than inviting guesses."""
MAX_NAAM = 80
"""Longest editor name, in characters (it goes into the change log)."""
MAX_POGINGEN = 5
"""Failed logins from one client within :data:`VENSTER` that block it."""
MAX_POGINGEN_TOTAAL = 25
"""Failed logins from all clients together within :data:`VENSTER` that block every login."""
VENSTER = 15 * 60.0
"""Seconds over which failed logins are counted."""
BLOKKADE = 15 * 60.0
"""Seconds a block lasts."""
GELDIGHEID = 8 * 3600.0
"""Seconds a login stays valid (one working day)."""

UITGESCHAKELD = "Bewerken is uitgeschakeld: geen redacteurswachtwoord ingesteld."
ALLEEN_REDACTEUR = "Alleen een aangemelde redacteur kan wijzigen."


class GeenToegang(PermissionError):
    """A login or a write without a valid editor login; nothing is written."""


class Geblokkeerd(GeenToegang):
    """Too many failed logins: no attempt is checked until ``wachttijd`` seconds have passed."""

    def __init__(self, wachttijd: float):
        minuten = max(1, round(wachttijd / 60))
        super().__init__(f"Te veel mislukte pogingen om aan te melden; probeer het over {minuten} "
                         f"{'minuut' if minuten == 1 else 'minuten'} opnieuw.")
        self.wachttijd = wachttijd


@dataclass(frozen=True)
class Redacteur:
    """A logged-in editor. Only :meth:`Toegang.aanmelden` makes one that a write accepts: the token must be
    registered there."""

    naam: str
    token: str = field(repr=False)


def _vingerafdruk(wachtwoord: str) -> bytes:
    """SHA-256 of the UTF-8 bytes: equal length for every input, so the comparison reveals nothing by its time."""
    return hashlib.sha256(wachtwoord.encode("utf-8", "surrogatepass")).digest()


@dataclass(frozen=True)
class Wachtwoorden:
    """The configured editor passwords as digests: one shared (the editor states a name) and/or one per name."""

    gedeeld: bytes | None = None
    per_naam: Mapping[str, bytes] = field(default_factory=dict)
    melding: str = UITGESCHAKELD
    """Why editing is off, when no password is usable."""

    @property
    def ingesteld(self) -> bool:
        """Whether any editor password is configured."""
        return self.gedeeld is not None or bool(self.per_naam)

    def verwacht(self, naam: str) -> bytes | None:
        """The digest a login as ``naam`` must match: the editor's own password, else the shared one."""
        return self.per_naam.get(naam, self.gedeeld)


def wachtwoorden(geheimen: Mapping[str, object], omgeving: Mapping[str, str]) -> Wachtwoorden:
    """The editor passwords from Streamlit secrets ``geheimen`` and the environment ``omgeving``.

    ``[redacteur] wachtwoord = "..."`` in the secrets, else :data:`OMGEVINGSVARIABELE`, is the shared password;
    ``[redacteuren]`` in the secrets holds one password per editor name (``naam = "..."``), and such an editor must
    use that one. A password shorter than :data:`MIN_LENGTE` characters switches editing off, with a message that
    says where it is set (never the password).
    """
    sectie = geheimen.get("redacteur")
    gedeeld = sectie.get("wachtwoord") if isinstance(sectie, Mapping) else None
    bron = "[redacteur] wachtwoord in secrets.toml"
    if not gedeeld:
        gedeeld, bron = omgeving.get(OMGEVINGSVARIABELE), OMGEVINGSVARIABELE
    personen = geheimen.get("redacteuren")
    per_naam = ({" ".join(str(naam).split()): str(ww) for naam, ww in personen.items()}
                if isinstance(personen, Mapping) else {})
    te_kort = [bron] if gedeeld and len(str(gedeeld)) < MIN_LENGTE else []
    te_kort += [f"[redacteuren] {naam} in secrets.toml" for naam, ww in per_naam.items() if len(ww) < MIN_LENGTE]
    if te_kort:
        return Wachtwoorden(melding=f"Bewerken is uitgeschakeld: het redacteurswachtwoord ({', '.join(te_kort)}) "
                                    f"is korter dan {MIN_LENGTE} tekens.")
    return Wachtwoorden(_vingerafdruk(str(gedeeld)) if gedeeld else None,
                        {naam: _vingerafdruk(ww) for naam, ww in per_naam.items() if naam})


@dataclass
class _Aanmelding:
    """One registered login: whose it is and until when (seconds on the :class:`Toegang` clock)."""

    naam: str
    verloopt: float
    vingerafdruk: bytes
    """The digest logged in with: when the password is changed, the login lapses."""


class Toegang:
    """Logins, tokens and failed attempts of one process (thread-safe); see the module docstring.

    ``instellingen`` returns the current :class:`Wachtwoorden` (read again on every login and write, so a changed
    or removed password takes effect at once); ``klok`` returns seconds (monotonic; injectable for tests).
    """

    def __init__(self, instellingen: Callable[[], Wachtwoorden], klok: Callable[[], float] = time.monotonic):
        self._instellingen = instellingen
        self._klok = klok
        self._slot = threading.Lock()
        self._mislukt: dict[str, deque[float]] = {}
        self._mislukt_totaal: deque[float] = deque()
        self._geblokkeerd: dict[str, float] = {}
        self._alles_geblokkeerd_tot = 0.0
        self._aanmeldingen: dict[str, _Aanmelding] = {}

    def _wachttijd(self, client: str, nu: float) -> float:
        """Seconds until ``client`` may try again (0: now); call with the lock held."""
        return max(0.0, self._geblokkeerd.get(client, 0.0) - nu, self._alles_geblokkeerd_tot - nu)

    def wachttijd(self, client: str) -> float:
        """Seconds until ``client`` may try to log in again (0: it may now)."""
        with self._slot:
            return self._wachttijd(client, self._klok())

    def aanmelden(self, naam: str, wachtwoord: str, client: str) -> Redacteur:
        """Log in as ``naam``; ``client`` identifies where the attempt comes from (an address).

        Raises :class:`Geblokkeerd` while ``client`` or everyone is blocked (the password is then not checked),
        else :class:`GeenToegang` when editing is off, the name is empty or too long, or the password is wrong
        (a failed attempt).
        """
        naam = " ".join(str(naam).split())
        with self._slot:
            nu = self._klok()
            wacht = self._wachttijd(client, nu)
            if wacht:
                raise Geblokkeerd(wacht)
            instellingen = self._instellingen()
            if not instellingen.ingesteld:
                raise GeenToegang(instellingen.melding)
            if not naam or len(naam) > MAX_NAAM:
                raise GeenToegang(f"Vul uw naam in (hoogstens {MAX_NAAM} tekens); die komt in het wijzigingslog.")
            verwacht = instellingen.verwacht(naam)
            # Without a password for this name the digest of a fresh random string stands in, so an unknown name
            # costs the same time and counts as a failure like a wrong password.
            gegeven = _vingerafdruk(str(wachtwoord))
            if not hmac.compare_digest(gegeven, verwacht or _vingerafdruk(secrets.token_hex(16))) or verwacht is None:
                self._mislukte_poging(client, nu)
                raise GeenToegang("Naam of wachtwoord onjuist.")
            self._mislukt.pop(client, None)
            token = secrets.token_urlsafe(32)
            self._aanmeldingen[token] = _Aanmelding(naam, nu + GELDIGHEID, verwacht)
            return Redacteur(naam, token)

    def _mislukte_poging(self, client: str, nu: float) -> None:
        """Count a failure for ``client`` and for everyone; block when a limit is reached (lock held)."""
        # Forget clients whose failures and blocks have all run out, so the tables do not grow without end.
        for oud in [c for c, p in self._mislukt.items() if not p or p[-1] <= nu - VENSTER]:
            del self._mislukt[oud]
        for oud in [c for c, tot in self._geblokkeerd.items() if tot <= nu]:
            del self._geblokkeerd[oud]
        for pogingen, grens in ((self._mislukt.setdefault(client, deque()), MAX_POGINGEN),
                                (self._mislukt_totaal, MAX_POGINGEN_TOTAAL)):
            pogingen.append(nu)
            while pogingen and pogingen[0] <= nu - VENSTER:
                pogingen.popleft()
            if len(pogingen) >= grens:
                pogingen.clear()
                if grens == MAX_POGINGEN:
                    self._geblokkeerd[client] = nu + BLOKKADE
                else:
                    self._alles_geblokkeerd_tot = nu + BLOKKADE

    def controleer(self, redacteur: object) -> str:
        """The name of a valid login ``redacteur``; raises :class:`GeenToegang` for anything else (``None``, a
        hand-made or expired :class:`Redacteur`, or a login whose password has since changed)."""
        if not isinstance(redacteur, Redacteur):
            raise GeenToegang(ALLEEN_REDACTEUR)
        with self._slot:
            aanmelding = self._aanmeldingen.get(redacteur.token)
            if aanmelding is None or aanmelding.naam != redacteur.naam:
                raise GeenToegang(ALLEEN_REDACTEUR)
            verwacht = self._instellingen().verwacht(aanmelding.naam)
            if self._klok() >= aanmelding.verloopt or verwacht is None or \
                    not hmac.compare_digest(verwacht, aanmelding.vingerafdruk):
                del self._aanmeldingen[redacteur.token]
                raise GeenToegang("Uw aanmelding is verlopen; meld u opnieuw aan.")
            return aanmelding.naam

    def afmelden(self, redacteur: Redacteur) -> None:
        """End the login ``redacteur`` (no error when it already ended)."""
        with self._slot:
            self._aanmeldingen.pop(redacteur.token, None)

    def wijzig_project(self, store: Store, redacteur: object, project_id: str, wijzigingen: Mapping[str, object],
                       verwachte_versie: int) -> int:
        """:meth:`Store.wijzig_project` as the logged-in editor; :class:`GeenToegang` (nothing written) without one."""
        naam = self.controleer(redacteur)
        return store.wijzig_project(project_id, wijzigingen, verwachte_versie, naam)

    def importeer_bestand(self, store: Store, redacteur: object, pad: str | Path, update: bool = False,
                          blad: str | None = None, leverancier: str = "",
                          keuzes: Mapping[int | str, str] | None = None) -> Rapport:
        """:func:`projectdb.importeer.importeer_bestand` (writing) as the logged-in editor; :class:`GeenToegang`
        (nothing read or written) without one."""
        naam = self.controleer(redacteur)
        return importeer_bestand(store, pad, update=update, blad=blad, redacteur=naam, leverancier=leverancier,
                                 keuzes=keuzes)

    def beoordeel(self, store: Store, redacteur: object, versies: Mapping[str, int], status: str) -> list[str]:
        """:meth:`projectdb.store.Store.beoordeel` (approve or reject proposals) as the logged-in editor;
        :class:`GeenToegang` (nothing written) without one."""
        naam = self.controleer(redacteur)
        return store.beoordeel(versies, status, naam)
