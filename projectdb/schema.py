"""SQLite schema of the project store, with the vocabulary constraints generated from :mod:`classify.vocab`.

Tables are STRICT (column types enforced). Multi-valued fields live in child tables with a ``volgorde`` column
keeping the stored order; ``project_gemeente`` holds each project's expanded gebied in its own
``indeling_jaar`` and references the ``gemeente`` table (filled from ``data/geo`` via :mod:`geo.geodata`).
``project.versie`` counts edits for optimistic locking; ``wijziging`` is the change log.

Version 2 added the project period (``startjaar``, ``eindjaar``, ``periode_citaat``) as the last columns of
``project``; version 3 added how precisely the source places the project and where its insurer comes from
(``gebied_precisie``, ``aantal_gemeenten_bron``, ``precisie_citaat``, ``verzekeraar_herkomst``) after them.
:data:`MIGRATIES` brings an older file there in place, so a migrated and a new file are alike; existing rows get
``volledig`` and ``bron``, the values of the model before version 3. Version 4 added the sign-in state that every
app process shares (:data:`TOEGANGSTABELLEN`, used by :mod:`projectdb.aanmeldstaat`). Version 5 added the intake of
suppliers' lists:
``bron_id`` (the supplier's own reference), ``leverancier``, ``status`` (voorstel / vastgesteld / afgewezen) and
``importronde`` (the import a record arrived with, a row of the new table ``importronde``); records that exist
before version 5 become ``vastgesteld``.
"""

from __future__ import annotations

from classify import vocab
from classify.precisie import GEBIED_PRECISIES, VERZEKERAAR_HERKOMSTEN
from geo import geodata

SCHEMA_VERSIE = 5
"""Stored in ``PRAGMA user_version``; an older version is migrated (:data:`MIGRATIES`), any other refused."""

JAAR_MIN, JAAR_MAX = 1990, 2100
"""Bounds of ``startjaar`` and ``eindjaar`` (calendar years)."""

_PERIODE = (
    f"startjaar INTEGER CHECK (startjaar BETWEEN {JAAR_MIN} AND {JAAR_MAX})",
    f"eindjaar INTEGER CHECK (eindjaar IS NULL OR (startjaar IS NOT NULL AND eindjaar BETWEEN startjaar AND "
    f"{JAAR_MAX}))",
    "periode_citaat TEXT NOT NULL DEFAULT '' CHECK (periode_citaat = '' OR startjaar IS NOT NULL)",
)
"""Column definitions of the project period (schema version 2), shared by CREATE and the migration."""

_PRECISIE = (
    f"gebied_precisie TEXT NOT NULL DEFAULT 'volledig' CHECK (gebied_precisie IN {GEBIED_PRECISIES!r})",
    (
        "aantal_gemeenten_bron INTEGER CHECK (aantal_gemeenten_bron IS NULL OR (aantal_gemeenten_bron >= 1 AND "
        "gebied_precisie = 'deel'))"
    ),
    "precisie_citaat TEXT NOT NULL DEFAULT '' CHECK (precisie_citaat <> '' OR gebied_precisie <> 'deel')",
    f"verzekeraar_herkomst TEXT NOT NULL DEFAULT 'bron' CHECK (verzekeraar_herkomst IN {VERZEKERAAR_HERKOMSTEN!r})",
)
"""Column definitions of area precision and insurer provenance (schema version 3), shared by CREATE and the
migration; a ``deel`` project needs its quote, and only a ``deel`` project has a count from the source."""

_TOEGANG = (
    """CREATE TABLE aanmelding (
    token_hash TEXT NOT NULL PRIMARY KEY CHECK (length(token_hash) = 64),
    soort TEXT NOT NULL CHECK (soort IN ('wachtwoord', 'oidc')),
    naam TEXT NOT NULL CHECK (trim(naam) <> ''),
    rol TEXT NOT NULL CHECK (rol IN ('kijker', 'redacteur', 'beheerder')),
    binding TEXT NOT NULL,
    begonnen REAL NOT NULL,
    laatst_actief REAL NOT NULL CHECK (laatst_actief >= begonnen),
    beeindigd INTEGER NOT NULL DEFAULT 0 CHECK (beeindigd IN (0, 1))
) STRICT""",
    """CREATE TABLE mislukte_aanmelding (
    sleutel TEXT NOT NULL CHECK (sleutel <> ''),
    tijdstip REAL NOT NULL
) STRICT""",
    "CREATE INDEX mislukte_aanmelding_sleutel ON mislukte_aanmelding (sleutel, tijdstip)",
    """CREATE TABLE blokkade (
    sleutel TEXT NOT NULL PRIMARY KEY CHECK (sleutel <> ''),
    tot REAL NOT NULL
) STRICT""",
)
"""The sign-in state shared by all app processes (schema version 4): ``aanmelding`` holds one row per sign-in
(the SHA-256 of its token, never the token; times in seconds since the epoch), ``mislukte_aanmelding`` the failed
password attempts per throttle key, ``blokkade`` the keys refused until ``tot``."""

TOEGANGSTABELLEN = ("aanmelding", "mislukte_aanmelding", "blokkade")
"""Tables of sign-in state: not project content, so left out of the checksum and emptied by a restore."""

STATUSSEN = ("voorstel", "vastgesteld", "afgewezen")
"""Values of ``project.status``: an imported record is a proposal until an editor approves or rejects it."""
MAX_BRON_ID = 60
"""Longest supplier reference (``bron_id``), in characters."""

_INTAKE = (
    f"bron_id TEXT NOT NULL DEFAULT '' CHECK (length(bron_id) <= {MAX_BRON_ID})",
    "leverancier TEXT NOT NULL DEFAULT '' CHECK (bron_id = '' OR trim(leverancier) <> '')",
    f"status TEXT NOT NULL DEFAULT 'vastgesteld' CHECK (status IN ({', '.join(repr(s) for s in STATUSSEN)}))",
    "importronde INTEGER CHECK (importronde IS NULL OR importronde >= 1)",
)
"""Column definitions of the intake (schema version 5), shared by CREATE and the migration."""

_IMPORTRONDE = """CREATE TABLE importronde (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tijdstip TEXT NOT NULL CHECK (tijdstip GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
    redacteur TEXT NOT NULL CHECK (trim(redacteur) <> ''),
    bestand TEXT NOT NULL,
    leverancier TEXT NOT NULL
) STRICT"""
_BRON_UNIEK = "CREATE UNIQUE INDEX project_bron ON project (leverancier, bron_id) WHERE bron_id <> ''"

MIGRATIES: dict[int, tuple[str, ...]] = {
    1: (*(f"ALTER TABLE project ADD COLUMN {kolom}" for kolom in _PERIODE), "PRAGMA user_version = 2"),
    2: (*(f"ALTER TABLE project ADD COLUMN {kolom}" for kolom in _PRECISIE), "PRAGMA user_version = 3"),
    3: (*_TOEGANG, "PRAGMA user_version = 4"),
    4: (
        _IMPORTRONDE,
        *(f"ALTER TABLE project ADD COLUMN {kolom}" for kolom in _INTAKE),
        _BRON_UNIEK,
        "PRAGMA user_version = 5",
    ),
}
"""SQL statements that bring a store of schema version *n* to version *n + 1* (run in one write transaction)."""

ACTIES = ("toegevoegd", "gewijzigd")
"""Values of ``wijziging.actie``."""


def _lijst(waarden) -> str:
    """SQL list literal of text values (values come from the vocabulary, quotes are doubled anyway)."""
    return ", ".join("'" + str(w).replace("'", "''") + "'" for w in waarden)


def _jaren() -> str:
    """The boundary years as an SQL list."""
    return ", ".join(str(j) for j in geodata.JAREN)


def ddl() -> str:
    """The CREATE statements of the store (executed once on a new, empty database)."""
    toegang_sql = ";\n".join(_TOEGANG)
    kernwerkgebieden = _lijst(f"kernwerkgebied:{naam}" for naam in vocab.VERZEKERAAR_NAMEN)
    return f"""
{_IMPORTRONDE};

CREATE TABLE gemeente (
    gemeente_code TEXT NOT NULL CHECK (gemeente_code GLOB 'GM[0-9][0-9][0-9][0-9]'),
    jaar INTEGER NOT NULL CHECK (jaar IN ({_jaren()})),
    gemeente_naam TEXT NOT NULL CHECK (gemeente_naam <> ''),
    wmo_code TEXT NOT NULL CHECK (wmo_code GLOB 'WMO[0-9][0-9]'),
    PRIMARY KEY (gemeente_code, jaar)
) STRICT;

CREATE TABLE project (
    project_id TEXT NOT NULL PRIMARY KEY
        CHECK (project_id GLOB 'P[0-9][0-9][0-9]*' AND substr(project_id, 2) NOT GLOB '*[^0-9]*'),
    titel TEXT NOT NULL CHECK (trim(titel) <> ''),
    omschrijving TEXT NOT NULL,
    indeling_jaar INTEGER NOT NULL CHECK (indeling_jaar IN ({_jaren()})),
    inhoud TEXT NOT NULL CHECK (inhoud IN ({_lijst(vocab.AS_INHOUD.namen)})),
    intensiteit TEXT NOT NULL CHECK (intensiteit IN ({_lijst(vocab.AS_INTENSITEIT.namen)})),
    geografie TEXT NOT NULL CHECK (geografie IN ({_lijst(vocab.AS_GEOGRAFIE.namen)})),
    bron TEXT NOT NULL,
    bron_citaat TEXT NOT NULL,
    toelichting_labels TEXT NOT NULL,
    bouwt_voort_op_citaat TEXT NOT NULL,
    versie INTEGER NOT NULL DEFAULT 1 CHECK (versie >= 1),
    {_PERIODE[0]},
    {_PERIODE[1]},
    {_PERIODE[2]},
    {_PRECISIE[0]},
    {_PRECISIE[1]},
    {_PRECISIE[2]},
    {_PRECISIE[3]},
    {_INTAKE[0]},
    {_INTAKE[1]},
    {_INTAKE[2]},
    {_INTAKE[3]},
    UNIQUE (project_id, indeling_jaar)
) STRICT;
{_BRON_UNIEK};

CREATE TABLE project_verzekeraar (
    project_id TEXT NOT NULL REFERENCES project (project_id) ON DELETE CASCADE,
    volgorde INTEGER NOT NULL CHECK (volgorde >= 0),
    verzekeraar TEXT NOT NULL CHECK (verzekeraar IN ({_lijst(vocab.VERZEKERAAR_NAMEN)})),
    PRIMARY KEY (project_id, verzekeraar),
    UNIQUE (project_id, volgorde)
) STRICT;

CREATE TABLE project_instrument (
    project_id TEXT NOT NULL REFERENCES project (project_id) ON DELETE CASCADE,
    volgorde INTEGER NOT NULL CHECK (volgorde >= 0),
    instrument TEXT NOT NULL CHECK (instrument IN ({_lijst(vocab.AS_INSTRUMENT.namen)})),
    PRIMARY KEY (project_id, instrument),
    UNIQUE (project_id, volgorde)
) STRICT;

CREATE TABLE project_partner (
    project_id TEXT NOT NULL REFERENCES project (project_id) ON DELETE CASCADE,
    volgorde INTEGER NOT NULL CHECK (volgorde >= 0),
    partner TEXT NOT NULL CHECK (trim(partner) <> '' AND instr(partner, ';') = 0),
    PRIMARY KEY (project_id, volgorde)
) STRICT;

CREATE TABLE project_gebied (
    project_id TEXT NOT NULL REFERENCES project (project_id) ON DELETE CASCADE,
    volgorde INTEGER NOT NULL CHECK (volgorde >= 0),
    token TEXT NOT NULL CHECK (
        token GLOB 'GM[0-9][0-9][0-9][0-9]'
        OR (token GLOB 'wmo:?*' AND instr(token, ';') = 0)
        OR (token GLOB 'provincie:?*' AND instr(token, ';') = 0)
        OR token IN ({kernwerkgebieden})
        OR token GLOB 'zorgkantoorregio:ZK[0-9][0-9]'),
    PRIMARY KEY (project_id, token),
    UNIQUE (project_id, volgorde)
) STRICT;

CREATE TABLE project_gemeente (
    project_id TEXT NOT NULL,
    jaar INTEGER NOT NULL,
    gemeente_code TEXT NOT NULL,
    PRIMARY KEY (project_id, gemeente_code),
    FOREIGN KEY (project_id, jaar) REFERENCES project (project_id, indeling_jaar) ON DELETE CASCADE,
    FOREIGN KEY (gemeente_code, jaar) REFERENCES gemeente (gemeente_code, jaar)
) STRICT;
CREATE INDEX project_gemeente_gemeente ON project_gemeente (gemeente_code, jaar);

CREATE TABLE project_lineage (
    project_id TEXT NOT NULL REFERENCES project (project_id) ON DELETE CASCADE,
    volgorde INTEGER NOT NULL CHECK (volgorde >= 0),
    bouwt_voort_op TEXT NOT NULL REFERENCES project (project_id) DEFERRABLE INITIALLY DEFERRED,
    CHECK (bouwt_voort_op <> project_id),
    PRIMARY KEY (project_id, bouwt_voort_op),
    UNIQUE (project_id, volgorde)
) STRICT;
CREATE INDEX project_lineage_doel ON project_lineage (bouwt_voort_op);

CREATE TABLE wijziging (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tijdstip TEXT NOT NULL CHECK (tijdstip GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
    redacteur TEXT NOT NULL CHECK (trim(redacteur) <> ''),
    project_id TEXT NOT NULL,
    veld TEXT,
    oude_waarde TEXT,
    nieuwe_waarde TEXT,
    actie TEXT NOT NULL CHECK (actie IN ({_lijst(ACTIES)}))
) STRICT;
CREATE INDEX wijziging_project ON wijziging (project_id);

{toegang_sql};

PRAGMA user_version = {SCHEMA_VERSIE};
"""
