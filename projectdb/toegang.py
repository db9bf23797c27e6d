"""Who may write to the project store from the app: sign-ins, roles, and throttling of failed password logins.

Everyone can read; writing needs a role (:mod:`projectdb.rollen`). There are two ways to sign in. With OpenID
Connect (``[auth]`` in Streamlit's secrets) the provider verifies the person and :meth:`Toegang.aanmelden_oidc`
registers the verified identity with the role the configuration gives it. With a password (the embedded default
and small teams; off when OIDC is configured, unless ``[toegang] wachtwoord_naast_oidc = true``)
:meth:`Toegang.aanmelden` checks a name and password. Either way the caller gets a :class:`Redacteur`: the identity
plus a random token whose SHA-256 is stored in the database (:mod:`projectdb.aanmeldstaat`), so every app replica
on that database checks, keeps alive and ends the same sign-ins. Every write goes through
:meth:`Toegang.wijzig_project` or :meth:`Toegang.importeer_bestand`, which look the token up again and ask
:func:`projectdb.rollen.mag` with the stored role: a hand-made, ended, idle, expired or under-privileged sign-in
is refused, and the change log records the identity that signed in, not a name the caller passes.

A sign-in ends on sign-out, after :func:`inactief_seconden` without activity and at the latest after
:data:`GELDIGHEID`. Passwords are configured outside the repository (:func:`wachtwoorden`) and compared as SHA-256
digests with :func:`hmac.compare_digest`. Failed password logins are counted per address (:func:`client_adres`:
forwarded headers count only from a configured proxy) and per account: :data:`MAX_POGINGEN` failures from one
address block that address, :data:`MAX_POGINGEN_ACCOUNT` failures on one account (from any addresses) block that
account, each for :data:`BLOKKADE` seconds. One visitor is blocked before reaching the account limit, so it
cannot lock editors out. No Streamlit here: :mod:`dashboard.toegang` is the sign-in in the sidebar.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
import time
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from projectdb import aanmeldstaat
from projectdb.meldingen import Rapport
from projectdb.rollen import ROLLEN, mag, rolregels
from projectdb.store import Store

OMGEVINGSVARIABELE = "SAMENWERKING_REDACTEUR_WACHTWOORD"
"""Environment variable with the shared editor password (used when the secrets name none)."""
PROXY_VARIABELE = "SAMENWERKING_VERTROUWDE_PROXY"
"""Environment variable with the trusted reverse proxy addresses, comma-separated (when the secrets name none)."""
MIN_LENGTE = 12
"""Shortest accepted password, in characters; a shorter one switches editing off rather than inviting guesses."""
MAX_NAAM = 80
"""Longest editor name, in characters (it goes into the change log)."""
MAX_POGINGEN = 5
"""Failed logins from one address within :data:`VENSTER` that block that address."""
MAX_POGINGEN_ACCOUNT = 10
"""Failed logins on one account (from any addresses) within :data:`VENSTER` that block that account; above
:data:`MAX_POGINGEN`, so a single visitor is blocked first."""
VENSTER = 15 * 60.0
"""Seconds over which failed logins are counted."""
BLOKKADE = 15 * 60.0
"""Seconds a block lasts."""
GELDIGHEID = 8 * 3600.0
"""Seconds a sign-in stays valid at most, however active (one working day)."""
INACTIEF = 30 * 60.0
"""Default seconds without activity after which a sign-in ends (``[toegang] inactief_minuten``)."""
AANRAKEN = 60.0
"""Seconds between two writes of a sign-in's last activity: the idle limit is exact to within this, and a page
view does not write to the database each time."""

UITGESCHAKELD = "Bewerken is uitgeschakeld: geen redacteurswachtwoord ingesteld."
ALLEEN_OIDC = "Aanmelden met een wachtwoord staat uit: meld u aan met het account van uw organisatie."
ALLEEN_REDACTEUR = "Alleen een aangemelde redacteur kan wijzigen."
VERLOPEN = "Uw aanmelding is verlopen; meld u opnieuw aan."
BEEINDIGD = "U bent afgemeld; meld u opnieuw aan."


class GeenToegang(PermissionError):
    """A login or a write without a valid editor login; nothing is written."""


class Geblokkeerd(GeenToegang):
    """Too many failed logins: no attempt is checked until ``wachttijd`` seconds have passed."""

    def __init__(self, wachttijd: float):
        minuten = max(1, round(wachttijd / 60))
        super().__init__(
            f"Te veel mislukte pogingen om aan te melden; probeer het over {minuten} "
            f"{'minuut' if minuten == 1 else 'minuten'} opnieuw."
        )
        self.wachttijd = wachttijd


@dataclass(frozen=True)
class Redacteur:
    """A signed-in person with the role they had when the page ran. Only :class:`Toegang` makes one that a write
    accepts: the token must be registered in the database, and a write checks the role stored there, not
    ``rol``."""

    naam: str
    token: str = field(repr=False)
    rol: str = "redacteur"


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
    beheerders: frozenset[str] = frozenset()
    """Names with an own password that ``[rollen] beheerder`` lists: they sign in as beheerder."""

    @property
    def ingesteld(self) -> bool:
        """Whether any editor password is configured."""
        return self.gedeeld is not None or bool(self.per_naam)

    def verwacht(self, naam: str) -> bytes | None:
        """The digest a login as ``naam`` must match: the editor's own password, else the shared one."""
        return self.per_naam.get(naam, self.gedeeld)

    def account(self, naam: str) -> str:
        """The throttle key of a login as ``naam``: the name when it has an own password (or there is no shared
        one), else the shared password, which every other name uses."""
        return f"naam:{naam.casefold()}" if naam in self.per_naam or self.gedeeld is None else "gedeeld"

    def rol(self, naam: str) -> str:
        """The role a password login as ``naam`` gets."""
        return "beheerder" if naam in self.beheerders else "redacteur"


def wachtwoorden(geheimen: Mapping[str, object], omgeving: Mapping[str, str]) -> Wachtwoorden:
    """The editor passwords from Streamlit secrets ``geheimen`` and the environment ``omgeving``.

    ``[redacteur] wachtwoord = "..."`` in the secrets, else :data:`OMGEVINGSVARIABELE`, is the shared password;
    ``[redacteuren]`` in the secrets holds one password per editor name (``naam = "..."``), and such an editor must
    use that one; one listed under ``[rollen] beheerder`` signs in as beheerder. A password shorter than
    :data:`MIN_LENGTE` characters switches editing off, with a message that says where it is set (never the
    password). With OIDC configured (``[auth]``) passwords are off unless ``[toegang] wachtwoord_naast_oidc =
    true``.
    """
    if "auth" in geheimen and _toegangsinstelling(geheimen, "wachtwoord_naast_oidc") is not True:
        return Wachtwoorden(melding=ALLEEN_OIDC)
    sectie = geheimen.get("redacteur")
    gedeeld = sectie.get("wachtwoord") if isinstance(sectie, Mapping) else None
    bron = "[redacteur] wachtwoord in secrets.toml"
    if not gedeeld:
        gedeeld, bron = omgeving.get(OMGEVINGSVARIABELE), OMGEVINGSVARIABELE
    personen = geheimen.get("redacteuren")
    per_naam = (
        {" ".join(str(naam).split()): str(ww) for naam, ww in personen.items()} if isinstance(personen, Mapping) else {}
    )
    te_kort = [bron] if gedeeld and len(str(gedeeld)) < MIN_LENGTE else []
    te_kort += [f"[redacteuren] {naam} in secrets.toml" for naam, ww in per_naam.items() if len(ww) < MIN_LENGTE]
    if te_kort:
        return Wachtwoorden(
            melding=f"Bewerken is uitgeschakeld: het redacteurswachtwoord ({', '.join(te_kort)}) "
            f"is korter dan {MIN_LENGTE} tekens."
        )
    regels = rolregels(geheimen)
    return Wachtwoorden(
        _vingerafdruk(str(gedeeld)) if gedeeld else None,
        {naam: _vingerafdruk(ww) for naam, ww in per_naam.items() if naam},
        beheerders=frozenset(n for n in per_naam if regels.adressen.get(n.casefold()) == "beheerder"),
    )


def _toegangsinstelling(geheimen: Mapping[str, object], sleutel: str) -> object:
    """``sleutel`` of the ``[toegang]`` section of the secrets, or ``None``."""
    sectie = geheimen.get("toegang")
    return sectie.get(sleutel) if isinstance(sectie, Mapping) else None


def inactief_seconden(geheimen: Mapping[str, object]) -> float:
    """Seconds without activity after which a sign-in ends: ``[toegang] inactief_minuten`` (a positive number),
    else :data:`INACTIEF`."""
    minuten = _toegangsinstelling(geheimen, "inactief_minuten")
    if isinstance(minuten, int | float) and not isinstance(minuten, bool) and minuten > 0:
        return float(minuten) * 60.0
    return INACTIEF


def vertrouwde_proxy(geheimen: Mapping[str, object], omgeving: Mapping[str, str]) -> frozenset[str]:
    """The addresses of the reverse proxies whose forwarded-for headers are believed: ``[toegang]
    vertrouwde_proxy`` (a list) in the secrets, else :data:`PROXY_VARIABELE` (comma-separated); none by default.
    Entries that are not IP addresses are ignored."""
    lijst = _toegangsinstelling(geheimen, "vertrouwde_proxy")
    if not isinstance(lijst, list | tuple):
        lijst = omgeving.get(PROXY_VARIABELE, "").split(",")
    return frozenset(a for a in (_adres(w) for w in lijst if isinstance(w, str)) if a)


def _adres(tekst: str) -> str | None:
    """``tekst`` as a normalised IP address, or ``None`` when it is none."""
    try:
        return str(ipaddress.ip_address(tekst.strip()))
    except ValueError:
        return None


DOORSTUURKOPPEN = frozenset({"x-forwarded-for", "x-real-ip", "forwarded"})
"""The request headers (lower case) by which a reverse proxy says it forwarded a request."""

DOORGESTUURD = "doorgestuurd"
"""The one counter for every attempt that carries forwarding headers while no proxy is trusted."""


def client_adres(verbinding: str | None, kopregels: Mapping[str, str], vertrouwd: Collection[str]) -> str:
    """The address a login attempt is counted under.

    ``verbinding`` is the address Streamlit reports (``st.context.ip_address``: ``None`` for the loopback
    interface; its server, uvicorn, already replaces a loopback peer's address by the last untrusted
    ``X-Forwarded-For`` entry). Forwarding headers are believed only with a trusted proxy configured
    (``vertrouwd``, see :func:`vertrouwde_proxy`):

    - none configured: an attempt without forwarding headers counts under its address; every attempt with
      ``X-Forwarded-For``, ``X-Real-IP`` or ``Forwarded`` counts under :data:`DOORGESTUURD`, so a visitor who
      invents a new address per attempt still uses up one counter;
    - from a trusted proxy (or loopback when that is trusted): the visitor's address from ``X-Real-IP``, else the
      last ``X-Forwarded-For`` entry (the one the proxy added);
    - from anywhere else: the reported address, headers ignored.
    """
    adres = _adres(verbinding or "127.0.0.1") or "onbekend"
    kop = {str(sleutel).lower(): str(waarde) for sleutel, waarde in kopregels.items()}
    if not vertrouwd:
        return DOORGESTUURD if DOORSTUURKOPPEN & kop.keys() else adres
    if adres in vertrouwd:
        doorgegeven = kop.get("x-real-ip") or kop.get("x-forwarded-for", "").split(",")[-1]
        return _adres(doorgegeven) or adres
    return adres


def _binding(token: str, vingerafdruk: bytes) -> str:
    """Ties a password sign-in to the password it used, keyed by its token: a changed password ends the sign-in,
    and the stored value is no password digest that could be attacked offline without the token."""
    return hmac.new(token.encode(), vingerafdruk, hashlib.sha256).hexdigest()


class Toegang:
    """Sign-ins, roles and failed attempts, kept in the database of ``opslag()``; see the module docstring.

    ``instellingen`` returns the current :class:`Wachtwoorden` (read again on every login and check, so a changed
    or removed password takes effect at once); ``inactief`` the idle limit in seconds; ``klok`` seconds since the
    epoch (the same clock on every replica; injectable for tests).
    """

    def __init__(
        self,
        instellingen: Callable[[], Wachtwoorden],
        opslag: Callable[[], Store],
        klok: Callable[[], float] = time.time,
        inactief: Callable[[], float] = lambda: INACTIEF,
    ):
        self._instellingen = instellingen
        self._opslag = opslag
        self._klok = klok
        self._inactief = inactief

    def wachttijd(self, client: str, naam: str = "") -> float:
        """Seconds until a password login as ``naam`` from address ``client`` may be tried (0: now)."""
        account = self._instellingen().account(" ".join(str(naam).split()))
        return aanmeldstaat.wachttijd(self._opslag(), [f"adres:{client}", account], self._klok())

    def aanmelden(self, naam: str, wachtwoord: str, client: str) -> Redacteur:
        """Sign in as ``naam`` with a password; ``client`` is the address the attempt comes from
        (:func:`client_adres`).

        Raises :class:`Geblokkeerd` while the address or the account is blocked (the password is then not
        checked), else :class:`GeenToegang` when passwords are off, the name is empty or too long, or the
        password is wrong (a failed attempt, counted for the address and the account).
        """
        naam = " ".join(str(naam).split())
        store, nu, instellingen = self._opslag(), self._klok(), self._instellingen()
        adres, account = f"adres:{client}", instellingen.account(naam)
        wacht = aanmeldstaat.wachttijd(store, [adres, account], nu)
        if wacht:
            raise Geblokkeerd(wacht)
        if not instellingen.ingesteld:
            raise GeenToegang(instellingen.melding)
        if not naam or len(naam) > MAX_NAAM:
            raise GeenToegang(f"Vul uw naam in (hoogstens {MAX_NAAM} tekens); die komt in het wijzigingslog.")
        verwacht = instellingen.verwacht(naam)
        # Without a password for this name the digest of a fresh random string stands in, so an unknown name
        # costs the same time and counts as a failure like a wrong password.
        gegeven = _vingerafdruk(str(wachtwoord))
        if not hmac.compare_digest(gegeven, verwacht or _vingerafdruk(secrets.token_hex(16))) or verwacht is None:
            aanmeldstaat.tel_mislukt(
                store, [(adres, MAX_POGINGEN), (account, MAX_POGINGEN_ACCOUNT)], nu, VENSTER, BLOKKADE
            )
            raise GeenToegang("Naam of wachtwoord onjuist.")
        aanmeldstaat.wis_mislukt(store, adres)
        token = secrets.token_urlsafe(32)
        rol = instellingen.rol(naam)
        aanmeldstaat.registreer(store, token, "wachtwoord", naam, rol, _binding(token, verwacht), nu)
        return Redacteur(naam, token, rol)

    def aanmelden_oidc(self, sleutel: str, naam: str, rol: str) -> Redacteur:
        """The sign-in of a person the OIDC provider verified, on this and every later page run.

        ``sleutel`` identifies one provider sign-in (:func:`dashboard.toegang` derives it from issuer, subject,
        issue time and nonce of the ID token, so a new provider sign-in is a new key); ``naam`` is the identity for
        the change log (:func:`projectdb.rollen.identiteit`) and ``rol`` the role the configuration gives it now.
        The first call registers the sign-in; later calls keep it active and update its role. Raises
        :class:`GeenToegang` once it was signed out, idle too long or older than :data:`GELDIGHEID`: the same
        provider sign-in never comes back, the person signs in with the provider again.
        """
        if rol not in ROLLEN:
            raise ValueError(f"onbekende rol {rol!r}")
        store, nu = self._opslag(), self._klok()
        bekend = aanmeldstaat.aanmelding(store, sleutel)
        if bekend is None:
            bekend = aanmeldstaat.registreer(store, sleutel, "oidc", naam, rol, "", nu)
        self._geldig(store, sleutel, bekend, nu)
        if bekend.rol != rol or nu - bekend.laatst_actief >= AANRAKEN:
            aanmeldstaat.houd_actief(store, sleutel, nu, rol)
        return Redacteur(bekend.naam, sleutel, rol)

    def _geldig(self, store: Store, token: str, aanmelding: aanmeldstaat.Aanmelding, nu: float) -> None:
        """Raise :class:`GeenToegang` (and end it) unless ``aanmelding`` is still valid at ``nu``."""
        if aanmelding.beeindigd:
            raise GeenToegang(BEEINDIGD)
        verlopen = nu - aanmelding.laatst_actief >= self._inactief() or nu - aanmelding.begonnen >= GELDIGHEID
        if aanmelding.soort == "wachtwoord":
            verwacht = self._instellingen().verwacht(aanmelding.naam)
            verlopen = (
                verlopen or verwacht is None or not hmac.compare_digest(_binding(token, verwacht), aanmelding.binding)
            )
        if verlopen:
            aanmeldstaat.beeindig(store, token)
            raise GeenToegang(VERLOPEN)

    def controleer(self, redacteur: object, actie: str | None = None) -> str:
        """The identity of a valid sign-in ``redacteur`` whose stored role may do ``actie`` (a key of
        :data:`projectdb.rollen.RECHTEN`; ``None``: only check that it is valid). Raises :class:`GeenToegang` for
        anything else: ``None``, a hand-made, ended, idle or expired sign-in, a password sign-in whose password
        has since changed, or a role that may not do ``actie``. Marks the sign-in active."""
        if not isinstance(redacteur, Redacteur):
            raise GeenToegang(ALLEEN_REDACTEUR)
        store, nu = self._opslag(), self._klok()
        aanmelding = aanmeldstaat.aanmelding(store, redacteur.token)
        if aanmelding is None or aanmelding.naam != redacteur.naam:
            raise GeenToegang(ALLEEN_REDACTEUR)
        self._geldig(store, redacteur.token, aanmelding, nu)
        if actie is not None and not mag(aanmelding.rol, actie):
            raise GeenToegang(
                f"Uw rol ({aanmelding.rol}) mag dit niet; {ALLEEN_REDACTEUR[0].lower()}{ALLEEN_REDACTEUR[1:]}"
            )
        if nu - aanmelding.laatst_actief >= AANRAKEN:
            aanmeldstaat.houd_actief(store, redacteur.token, nu)
        return aanmelding.naam

    def mag(self, redacteur: object, actie: str) -> bool:
        """Whether ``redacteur`` is a valid sign-in whose role may do ``actie`` (see :meth:`controleer`)."""
        try:
            self.controleer(redacteur, actie)
        except GeenToegang:
            return False
        return True

    def aanmeldingen(self, beheerder: object) -> list[tuple[str, aanmeldstaat.Aanmelding]]:
        """The current sign-ins (not ended, active within the idle time) with their token hashes, for a sign-in
        whose role may manage roles; :class:`GeenToegang` for anyone else."""
        self.controleer(beheerder, "rollen_beheren")
        return aanmeldstaat.actieve(self._opslag(), self._klok() - self._inactief())

    def beeindig(self, beheerder: object, token_hash: str) -> None:
        """End someone's sign-in (by its token hash, see :meth:`aanmeldingen`) as a sign-in whose role may manage
        roles; :class:`GeenToegang` (nothing changed) for anyone else. The person must sign in again, and gets
        the role the configuration then gives."""
        self.controleer(beheerder, "rollen_beheren")
        aanmeldstaat.beeindig_hash(self._opslag(), token_hash)

    def afmelden(self, redacteur: Redacteur) -> None:
        """End the sign-in ``redacteur`` on every replica (no error when it already ended)."""
        aanmeldstaat.beeindig(self._opslag(), redacteur.token)

    def wijzig_project(
        self, store: Store, redacteur: object, project_id: str, wijzigingen: Mapping[str, object], verwachte_versie: int
    ) -> int:
        """:meth:`Store.wijzig_project` as the signed-in editor; :class:`GeenToegang` (nothing written) without a
        sign-in whose role may edit."""
        naam = self.controleer(redacteur, "bewerken")
        return store.wijzig_project(project_id, wijzigingen, verwachte_versie, naam)

    def importeer_bestand(
        self,
        store: Store,
        redacteur: object,
        pad: str | Path,
        update: bool = False,
        blad: str | None = None,
        leverancier: str = "",
        keuzes: Mapping[int | str, str] | None = None,
    ) -> Rapport:
        """:func:`projectdb.importeer.importeer_bestand` (writing) as the signed-in editor; :class:`GeenToegang`
        (nothing read or written) without a sign-in whose role may import."""
        naam = self.controleer(redacteur, "importeren")
        # Imported here: the importer brings openpyxl, which no page needs before someone imports a file.
        from projectdb.importeer import importeer_bestand

        return importeer_bestand(
            store, pad, update=update, blad=blad, redacteur=naam, leverancier=leverancier, keuzes=keuzes
        )

    def beoordeel(self, store: Store, redacteur: object, versies: Mapping[str, int], status: str) -> list[str]:
        """:meth:`projectdb.store.Store.beoordeel` (approve or reject proposals) as the signed-in editor;
        :class:`GeenToegang` (nothing written) without a sign-in whose role may review proposals."""
        naam = self.controleer(redacteur, "voorstel_beoordelen")
        return store.beoordeel(versies, status, naam)
