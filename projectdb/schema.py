"""Schema of the project store as SQLAlchemy Core tables, the same for SQLite and PostgreSQL.

The project columns are one list, :func:`projectkolommen`: the ``project`` table, the migrations that add columns,
reading and writing all derive from it. Multi-valued fields live in child tables with a ``volgorde`` column
keeping the stored order; ``project_gemeente`` holds each project's expanded gebied in its own ``indeling_jaar``.
``project.versie`` counts edits for optimistic locking; ``wijziging`` is the change log; ``stand`` holds the
database revision that keys every cache in the app.

The vocabulary is kept in lookup tables (one per axis, :data:`LABELTABELLEN`) that the project columns reference
with foreign keys, filled from :mod:`classify.vocab` when a store is created or opened: a label added to the
vocabulary is added to its table, so an existing store accepts it instead of failing a CHECK constraint.

Checks use only SQL both backends share (``substr``, ``length``, ``replace``, ``trim``); SQLite tables are STRICT
(column types enforced as PostgreSQL does).
"""

from __future__ import annotations

import sqlalchemy as sa

from classify import vocab
from classify.precisie import GEBIED_PRECISIES, VERZEKERAAR_HERKOMSTEN
from geo import geodata

SCHEMA_VERSIE = 6
"""Current schema version (table ``schemaversie``; SQLite files of versions 1 to 5 kept it in ``user_version``)."""

JAAR_MIN, JAAR_MAX = 1990, 2100
"""Bounds of ``startjaar`` and ``eindjaar`` (calendar years)."""

ACTIES = ("toegevoegd", "gewijzigd")
"""Values of ``wijziging.actie``."""

STATUSSEN = ("voorstel", "vastgesteld", "afgewezen")
"""Values of ``project.status``: an imported record is a proposal until an editor approves or rejects it."""
MAX_BRON_ID = 60
"""Longest supplier reference (``bron_id``), in characters."""

_OPTIES = {"sqlite_strict": True}
metadata = sa.MetaData()


def _cijfers(expressie: str) -> str:
    """SQL that is true when the text ``expressie`` holds only the digits 0-9 (portable: no GLOB or regex)."""
    kern = expressie
    for cijfer in "0123456789":
        kern = f"replace({kern}, '{cijfer}', '')"
    return f"{kern} = ''"


def _code(kolom: str, voorvoegsel: str, cijfers: int) -> str:
    """SQL check that ``kolom`` is ``voorvoegsel`` followed by exactly ``cijfers`` digits."""
    start = len(voorvoegsel) + 1
    return (
        f"(length({kolom}) = {start - 1 + cijfers} AND substr({kolom}, 1, {start - 1}) = '{voorvoegsel}' "
        f"AND {_cijfers(f'substr({kolom}, {start})')})"
    )


def _vrije_naam(kolom: str, voorvoegsel: str) -> str:
    """SQL check that ``kolom`` is ``voorvoegsel`` followed by a non-empty name without ';'."""
    return (
        f"(substr({kolom}, 1, {len(voorvoegsel)}) = '{voorvoegsel}' AND length({kolom}) > {len(voorvoegsel)} "
        f"AND {kolom} NOT LIKE '%;%')"
    )


def _jaren(kolom: str) -> str:
    return f"{kolom} IN ({', '.join(str(j) for j in geodata.JAREN)})"


LABELTABELLEN: dict[str, str] = {
    "inhoud": "label_inhoud",
    "intensiteit": "label_intensiteit",
    "geografie": "label_geografie",
    "instrument": "label_instrument",
    "verzekeraar": "label_verzekeraar",
}
"""Vocabulary field -> lookup table with one row per label (column ``naam``)."""


def vocabulaire() -> dict[str, tuple[str, ...]]:
    """Lookup table -> the labels :mod:`classify.vocab` defines now (read at call time, so a changed vocabulary
    is seen)."""
    return {
        "label_inhoud": tuple(vocab.AS_INHOUD.namen),
        "label_intensiteit": tuple(vocab.AS_INTENSITEIT.namen),
        "label_geografie": tuple(vocab.AS_GEOGRAFIE.namen),
        "label_instrument": tuple(vocab.AS_INSTRUMENT.namen),
        "label_verzekeraar": tuple(vocab.VERZEKERAAR_NAMEN),
    }


for _tabel in LABELTABELLEN.values():
    sa.Table(
        _tabel,
        metadata,
        sa.Column("naam", sa.Text, primary_key=True),
        sa.CheckConstraint("trim(naam) <> ''"),
        **_OPTIES,
    )


def _label(veld: str) -> sa.ForeignKey:
    return sa.ForeignKey(f"{LABELTABELLEN[veld]}.naam")


gemeente = sa.Table(
    "gemeente",
    metadata,
    sa.Column("gemeente_code", sa.Text, primary_key=True),
    sa.Column("jaar", sa.Integer, primary_key=True),
    sa.Column("gemeente_naam", sa.Text, nullable=False),
    sa.Column("wmo_code", sa.Text, nullable=False),
    sa.CheckConstraint(_code("gemeente_code", "GM", 4)),
    sa.CheckConstraint(_jaren("jaar")),
    sa.CheckConstraint("gemeente_naam <> ''"),
    sa.CheckConstraint(_code("wmo_code", "WMO", 2)),
    **_OPTIES,
)


def projectkolommen() -> list[sa.Column]:
    """The columns of ``project`` besides ``project_id`` and ``versie``, in table order; the migration that
    introduced a column adds it at the end, so a migrated table and a new one have the same columns."""
    return [
        sa.Column("titel", sa.Text, sa.CheckConstraint("trim(titel) <> ''"), nullable=False),
        sa.Column("omschrijving", sa.Text, nullable=False),
        sa.Column("indeling_jaar", sa.Integer, sa.CheckConstraint(_jaren("indeling_jaar")), nullable=False),
        sa.Column("inhoud", sa.Text, _label("inhoud"), nullable=False),
        sa.Column("intensiteit", sa.Text, _label("intensiteit"), nullable=False),
        sa.Column("geografie", sa.Text, _label("geografie"), nullable=False),
        sa.Column("bron", sa.Text, nullable=False),
        sa.Column("bron_citaat", sa.Text, nullable=False),
        sa.Column("toelichting_labels", sa.Text, nullable=False),
        sa.Column("bouwt_voort_op_citaat", sa.Text, nullable=False),
        # Version 2: the project period.
        sa.Column("startjaar", sa.Integer, sa.CheckConstraint(f"startjaar BETWEEN {JAAR_MIN} AND {JAAR_MAX}")),
        sa.Column(
            "eindjaar",
            sa.Integer,
            sa.CheckConstraint(
                f"eindjaar IS NULL OR (startjaar IS NOT NULL AND eindjaar BETWEEN startjaar AND {JAAR_MAX})"
            ),
        ),
        sa.Column(
            "periode_citaat",
            sa.Text,
            sa.CheckConstraint("periode_citaat = '' OR startjaar IS NOT NULL"),
            nullable=False,
            server_default="",
        ),
        # Version 3: how precisely the source places the project, and where its insurer comes from.
        sa.Column(
            "gebied_precisie",
            sa.Text,
            sa.CheckConstraint(f"gebied_precisie IN {GEBIED_PRECISIES!r}"),
            nullable=False,
            server_default="volledig",
        ),
        sa.Column(
            "aantal_gemeenten_bron",
            sa.Integer,
            sa.CheckConstraint(
                "aantal_gemeenten_bron IS NULL OR (aantal_gemeenten_bron >= 1 AND gebied_precisie = 'deel')"
            ),
        ),
        sa.Column(
            "precisie_citaat",
            sa.Text,
            sa.CheckConstraint("precisie_citaat <> '' OR gebied_precisie <> 'deel'"),
            nullable=False,
            server_default="",
        ),
        sa.Column(
            "verzekeraar_herkomst",
            sa.Text,
            sa.CheckConstraint(f"verzekeraar_herkomst IN {VERZEKERAAR_HERKOMSTEN!r}"),
            nullable=False,
            server_default="bron",
        ),
        # Version 6 (the intake): the supplier's own reference, the supplier, the review status and the import
        # round a record arrived with; records older than the intake are approved.
        sa.Column(
            "bron_id",
            sa.Text,
            sa.CheckConstraint(f"length(bron_id) <= {MAX_BRON_ID}"),
            nullable=False,
            server_default="",
        ),
        sa.Column(
            "leverancier",
            sa.Text,
            sa.CheckConstraint("bron_id = '' OR trim(leverancier) <> ''"),
            nullable=False,
            server_default="",
        ),
        sa.Column(
            "status",
            sa.Text,
            sa.CheckConstraint(f"status IN ({', '.join(repr(s) for s in STATUSSEN)})"),
            nullable=False,
            server_default="vastgesteld",
        ),
        sa.Column("importronde", sa.Integer, sa.CheckConstraint("importronde IS NULL OR importronde >= 1")),
    ]


_TIJDSTIP = (
    "length({k}) >= 20 AND substr({k}, 5, 1) = '-' AND substr({k}, 11, 1) = 'T' AND substr({k}, length({k}), 1) = 'Z'"
)
"""SQL check of a UTC ISO 8601 time with 'Z' (column name in ``{k}``)."""

importronde = sa.Table(
    "importronde",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("tijdstip", sa.Text, sa.CheckConstraint(_TIJDSTIP.format(k="tijdstip")), nullable=False),
    sa.Column("redacteur", sa.Text, sa.CheckConstraint("trim(redacteur) <> ''"), nullable=False),
    sa.Column("bestand", sa.Text, nullable=False),
    sa.Column("leverancier", sa.Text, nullable=False),
    sqlite_autoincrement=True,
    **_OPTIES,
)
"""One row per import that brought new projects (``project.importronde``): when, who, which file, which supplier."""


ENKELVOUDIG: tuple[str, ...] = tuple(k.name for k in projectkolommen() if k.name != "importronde")
"""Names of the project columns besides project_id, versie and importronde (the single-valued record fields; the
import round is set by the store, never by a record)."""

project = sa.Table(
    "project",
    metadata,
    sa.Column("project_id", sa.Text, primary_key=True),
    sa.Column("versie", sa.Integer, sa.CheckConstraint("versie >= 1"), nullable=False, server_default=sa.text("1")),
    *projectkolommen(),
    sa.CheckConstraint(
        f"substr(project_id, 1, 1) = 'P' AND length(project_id) >= 4 AND {_cijfers('substr(project_id, 2)')}",
        name="project_id_vorm",
    ),
    sa.UniqueConstraint("project_id", "indeling_jaar"),
    **_OPTIES,
)
_EIGEN_REFERENTIE = "bron_id <> ''"
sa.Index(
    "project_bron",
    project.c.leverancier,
    project.c.bron_id,
    unique=True,
    sqlite_where=sa.text(_EIGEN_REFERENTIE),
    postgresql_where=sa.text(_EIGEN_REFERENTIE),
)
"""A supplier's reference names one project; records without one (``bron_id`` '') are not constrained."""


def _kind(naam: str, kolom: sa.Column, *extra, sleutel: tuple[str, ...] | None = None) -> sa.Table:
    """A child table (project_id, volgorde, value) of one multi-valued field."""
    return sa.Table(
        naam,
        metadata,
        sa.Column("project_id", sa.Text, sa.ForeignKey("project.project_id", ondelete="CASCADE"), nullable=False),
        sa.Column("volgorde", sa.Integer, sa.CheckConstraint("volgorde >= 0"), nullable=False),
        kolom,
        sa.PrimaryKeyConstraint(*(sleutel or ("project_id", kolom.name))),
        *extra,
        **_OPTIES,
    )


project_verzekeraar = _kind(
    "project_verzekeraar",
    sa.Column("verzekeraar", sa.Text, _label("verzekeraar"), nullable=False),
    sa.UniqueConstraint("project_id", "volgorde"),
)
project_instrument = _kind(
    "project_instrument",
    sa.Column("instrument", sa.Text, _label("instrument"), nullable=False),
    sa.UniqueConstraint("project_id", "volgorde"),
)
project_partner = _kind(
    "project_partner",
    sa.Column("partner", sa.Text, sa.CheckConstraint("trim(partner) <> '' AND partner NOT LIKE '%;%'"), nullable=False),
    sleutel=("project_id", "volgorde"),
)
project_gebied = _kind(
    "project_gebied",
    sa.Column(
        "token",
        sa.Text,
        sa.CheckConstraint(
            " OR ".join(
                (
                    _code("token", "GM", 4),
                    _vrije_naam("token", "wmo:"),
                    _vrije_naam("token", "provincie:"),
                    _vrije_naam("token", "kernwerkgebied:"),
                    _code("token", "zorgkantoorregio:ZK", 2),
                )
            )
        ),
        nullable=False,
    ),
    sa.UniqueConstraint("project_id", "volgorde"),
)
project_lineage = _kind(
    "project_lineage",
    sa.Column(
        "bouwt_voort_op",
        sa.Text,
        sa.ForeignKey("project.project_id", deferrable=True, initially="DEFERRED"),
        nullable=False,
    ),
    sa.CheckConstraint("bouwt_voort_op <> project_id"),
    sa.UniqueConstraint("project_id", "volgorde"),
)
sa.Index("project_lineage_doel", project_lineage.c.bouwt_voort_op)

project_gemeente = sa.Table(
    "project_gemeente",
    metadata,
    sa.Column("project_id", sa.Text, primary_key=True),
    sa.Column("jaar", sa.Integer, nullable=False),
    sa.Column("gemeente_code", sa.Text, primary_key=True),
    sa.ForeignKeyConstraint(
        ["project_id", "jaar"], ["project.project_id", "project.indeling_jaar"], ondelete="CASCADE"
    ),
    sa.ForeignKeyConstraint(["gemeente_code", "jaar"], ["gemeente.gemeente_code", "gemeente.jaar"]),
    **_OPTIES,
)
sa.Index("project_gemeente_gemeente", project_gemeente.c.gemeente_code, project_gemeente.c.jaar)

wijziging = sa.Table(
    "wijziging",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("tijdstip", sa.Text, sa.CheckConstraint(_TIJDSTIP.format(k="tijdstip")), nullable=False),
    sa.Column("redacteur", sa.Text, sa.CheckConstraint("trim(redacteur) <> ''"), nullable=False),
    sa.Column("project_id", sa.Text, nullable=False),
    sa.Column("veld", sa.Text),
    sa.Column("oude_waarde", sa.Text),
    sa.Column("nieuwe_waarde", sa.Text),
    sa.Column("actie", sa.Text, sa.CheckConstraint(f"actie IN ({', '.join(repr(a) for a in ACTIES)})"), nullable=False),
    sqlite_autoincrement=True,
    **_OPTIES,
)
sa.Index("wijziging_project", wijziging.c.project_id)

stand = sa.Table(
    "stand",
    metadata,
    sa.Column("sleutel", sa.Integer, sa.CheckConstraint("sleutel = 1"), primary_key=True, autoincrement=False),
    sa.Column("revisie", sa.Integer, sa.CheckConstraint("revisie >= 0"), nullable=False),
    sa.Column("herstellingen", sa.Integer, sa.CheckConstraint("herstellingen >= 0"), nullable=False),
    **_OPTIES,
)
"""One row: ``revisie`` grows with every write (also a restore), ``herstellingen`` counts restores. Every write
transaction updates it first, which also serialises writers on PostgreSQL (the row lock)."""

schemaversie = sa.Table(
    "schemaversie",
    metadata,
    sa.Column("versie", sa.Integer, primary_key=True, autoincrement=False),
    **_OPTIES,
)

aanmelding = sa.Table(
    "aanmelding",
    metadata,
    sa.Column("token_hash", sa.Text, sa.CheckConstraint("length(token_hash) = 64"), primary_key=True),
    sa.Column("soort", sa.Text, sa.CheckConstraint("soort IN ('wachtwoord', 'oidc')"), nullable=False),
    sa.Column("naam", sa.Text, sa.CheckConstraint("trim(naam) <> ''"), nullable=False),
    sa.Column("rol", sa.Text, sa.CheckConstraint("rol IN ('kijker', 'redacteur', 'beheerder')"), nullable=False),
    sa.Column("binding", sa.Text, nullable=False),
    sa.Column("begonnen", sa.REAL, nullable=False),
    sa.Column("laatst_actief", sa.REAL, nullable=False),
    sa.Column(
        "beeindigd", sa.Integer, sa.CheckConstraint("beeindigd IN (0, 1)"), nullable=False, server_default=sa.text("0")
    ),
    sa.CheckConstraint("laatst_actief >= begonnen"),
    **_OPTIES,
)
"""One row per sign-in, shared by every app process: the SHA-256 of its token (never the token), kind, identity,
role, password binding, start and last activity (seconds since the epoch), and whether it was ended."""

mislukte_aanmelding = sa.Table(
    "mislukte_aanmelding",
    metadata,
    sa.Column("sleutel", sa.Text, sa.CheckConstraint("sleutel <> ''"), nullable=False),
    sa.Column("tijdstip", sa.REAL, nullable=False),
    **_OPTIES,
)
"""Failed password attempts per throttle key (an address or an account name), time in seconds since the epoch."""
sa.Index("mislukte_aanmelding_sleutel", mislukte_aanmelding.c.sleutel, mislukte_aanmelding.c.tijdstip)

blokkade = sa.Table(
    "blokkade",
    metadata,
    sa.Column("sleutel", sa.Text, sa.CheckConstraint("sleutel <> ''"), primary_key=True),
    sa.Column("tot", sa.REAL, nullable=False),
    **_OPTIES,
)
"""Throttle keys refused until ``tot`` (seconds since the epoch)."""

TOEGANGSTABELLEN = ("aanmelding", "mislukte_aanmelding", "blokkade")
"""Tables of sign-in state: not project content, so left out of the checksum and emptied by a restore."""

KINDEREN: tuple[tuple[str, sa.Table, str], ...] = (
    ("verzekeraars", project_verzekeraar, "verzekeraar"),
    ("instrumenten", project_instrument, "instrument"),
    ("partners", project_partner, "partner"),
    ("gebied", project_gebied, "token"),
    ("bouwt_voort_op", project_lineage, "bouwt_voort_op"),
)
"""(record field, child table, value column) of the multi-valued fields."""
