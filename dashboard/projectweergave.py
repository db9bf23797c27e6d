"""Project list and detail view as plain data and escaped HTML (no Streamlit here, so it is tested directly).

Every value that comes from a record (titles, descriptions, quotes, partner names) is rendered as text:
:func:`html.escape` for HTML, :func:`md` for Markdown.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Mapping, Sequence

import pandas as pd

from classify import precisie, vocab
from projectdb import bereik, bronnen
from tekst import brontekst, leerlijntekst

DETAILPAD = "projecten"
"""URL path of the projects page; ``?project=<id>`` opens a project's detail view."""

_ZOEKKOLOMMEN = (
    "project_id",
    "titel",
    "omschrijving",
    "verzekeraars",
    "gebied",
    "partners",
    "inhoud",
    "instrumenten",
    "intensiteit",
    "geografie",
    "bron_id",
    "leverancier",
)
_MARKDOWN_TEKENS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>$])")


def md(tekst: object) -> str:
    """``tekst`` safe inside Streamlit Markdown: HTML escaped, Markdown punctuation backslash-escaped."""
    return _MARKDOWN_TEKENS.sub(r"\\\1", html.escape(str(tekst), quote=False))


def conflictmelding(redacteur: str | None, versie: int | None) -> str:
    """The message for an edit refused because someone else changed the project first (Markdown, escaped)."""
    return (
        f"Dit project is intussen door {md(redacteur or 'een andere redacteur')} gewijzigd (versie {versie}). "
        "Laad opnieuw en voer uw wijziging opnieuw in."
    )


def detaillink(project_id: str) -> str:
    """Relative link to a project's detail view."""
    return f"{DETAILPAD}?project={project_id}"


def linkregel(project: Mapping[str, object]) -> str:
    """A Markdown list item linking to the project's detail view: id, title and labels, all escaped."""
    return (
        f"- [{project['project_id']}]({detaillink(str(project['project_id']))}) {md(project['titel'])} "
        f"· {md(project['inhoud'])} · {md(project['intensiteit'])} · {md(project['geografie'])}"
    )


def _normaal(tekst: str) -> str:
    tekst = unicodedata.normalize("NFKD", tekst)
    return " ".join("".join(c for c in tekst if not unicodedata.combining(c)).lower().split())


def _doorzoekbaar(rij: pd.Series) -> str:
    delen = [" ".join(w) if isinstance(w, tuple) else str(w) for w in (rij.get(k, "") for k in _ZOEKKOLOMMEN)]
    return _normaal(" ".join(delen))


def zoek(projecten: pd.DataFrame, tekst: str) -> pd.DataFrame:
    """Projects whose text fields contain every word of ``tekst`` (case- and accent-insensitive)."""
    woorden = _normaal(tekst).split()
    if not woorden or projecten.empty:
        return projecten
    teksten = projecten.apply(_doorzoekbaar, axis=1)
    masker = teksten.map(lambda t: all(w in t for w in woorden)).astype(bool)
    return projecten[masker]


def tabel(projecten: pd.DataFrame) -> pd.DataFrame:
    """The projects as a display table: a link column ``detail``, the review status and the labels as text."""
    uit = pd.DataFrame(
        {
            "detail": [detaillink(pid) for pid in projecten["project_id"]],
            "project_id": projecten["project_id"].to_numpy(),
            "titel": projecten["titel"].to_numpy(),
            "status": (
                projecten["status"] if "status" in projecten else pd.Series("vastgesteld", projecten.index)
            ).to_numpy(),
            "verzekeraars": projecten["verzekeraars"].map(", ".join).to_numpy(),
            "inhoud": projecten["inhoud"].to_numpy(),
            "instrumenten": projecten["instrumenten"].map(", ".join).to_numpy(),
            "intensiteit": projecten["intensiteit"].to_numpy(),
            "geografie": projecten["geografie"].to_numpy(),
            "periode": [
                leerlijntekst.periode_tekst(start, eind)
                for start, eind in zip(projecten["startjaar"], projecten["eindjaar"], strict=True)
            ],
            "indeling_jaar": projecten["indeling_jaar"].to_numpy(),
        }
    )
    return uit


def _rij(kop: str, waarde: str) -> str:
    return f"<tr><th>{html.escape(kop)}</th><td>{waarde}</td></tr>"


def _waarde(waarde: object) -> str:
    if isinstance(waarde, tuple):
        return html.escape(", ".join(waarde)) if waarde else "–"
    return html.escape(str(waarde)) if str(waarde) else "–"


def _herkomst(project: Mapping[str, object]) -> str:
    """The review status and the supplier's reference, as HTML after the project key ('' for an approved project
    without a reference)."""
    delen = []
    if project.get("status", "vastgesteld") != "vastgesteld":
        delen.append(
            f"<b>{html.escape(str(project['status']))}</b> (nog niet vastgesteld)"
            if project["status"] == "voorstel"
            else f"<b>{html.escape(str(project['status']))}</b>"
        )
    if project.get("bron_id"):
        delen.append(f"eigen referentie {_waarde(project['bron_id'])} van {_waarde(project['leverancier'])}")
    return f" <small>({'; '.join(delen)})</small>" if delen else ""


def detail_html(
    project: Mapping[str, object],
    afgeleid: str | None,
    gemeenten: Sequence[str],
    bevindingen: pd.DataFrame,
    suggesties: pd.DataFrame,
) -> str:
    """The detail view of one project as an HTML fragment.

    Shows the stored labels with, per axis, the suggested labels next to them (``suggesties``: [veld, suggestie,
    toelichting]), the geography derived from its municipalities (``afgeleid``, None when it has none) and the
    names of those municipalities, the consistency findings [veld, opgeslagen, afgeleid, melding], and the
    source quote with its source by publisher, title and year. A ``deel`` area and an insurer derived from the
    zorgkantoor concession say so, with the quote or the concession's confidence.
    """
    voorstel = {veld: groep for veld, groep in suggesties.groupby("veld")} if len(suggesties) else {}

    def label_rij(kop: str, veld: str) -> str:
        waarde = _waarde(project[veld])
        if veld in voorstel:
            teksten = "; ".join(
                f"{html.escape(r.suggestie)} <small>({html.escape(r.toelichting)})</small>"
                for r in voorstel[veld].itertuples()
            )
            waarde += f'<br><span class="skw-suggestie">Suggestie: {teksten}</span>'
        return _rij(kop, waarde)

    geo = _waarde(project["geografie"])
    if afgeleid is None:
        geo += "<br><small>afgeleid: geen gemeenten</small>"
    else:
        teken = "✓ gelijk" if afgeleid == project["geografie"] else "≠ verschilt"
        geo += f"<br><small>afgeleid uit de gemeenten: {html.escape(afgeleid)} ({teken})</small>"
    rijen = [
        _rij("Project", _waarde(project["project_id"]) + _herkomst(project)),
        _rij("Verzekeraar(s)", _verzekeraars(project)),
        label_rij("Inhoud", "inhoud"),
        label_rij("Instrument(en)", "instrumenten"),
        label_rij("Samenwerkingsvorm", "intensiteit"),
        _rij("Geografie", geo),
        _rij("Looptijd", html.escape(leerlijntekst.periode_tekst(project["startjaar"], project["eindjaar"]))),
        _rij(
            "Gebied",
            _waarde(project["gebied"])
            + f" <small>(indeling {html.escape(str(project['indeling_jaar']))})</small>"
            + _precisie(project),
        ),
        _rij(f"Gemeenten ({len(gemeenten)})", html.escape(", ".join(gemeenten)) or "–"),
        _rij("Partners", _waarde(project["partners"])),
        _rij("Bouwt voort op", _waarde(project["bouwt_voort_op"])),
        _rij("Toelichting labels", _waarde(project["toelichting_labels"])),
    ]
    delen = [
        "<style>.skw-detail th{text-align:left;vertical-align:top;padding:4px 12px 4px 0;white-space:nowrap}"
        ".skw-detail td{padding:4px 0}.skw-suggestie{color:#8a5300}"
        ".skw-citaat{border-left:4px solid #ccc;margin:8px 0;padding:4px 12px;color:#333}</style>",
        f"<h2>{html.escape(str(project['titel']))}</h2>",
        f"<p>{_waarde(project['omschrijving'])}</p>",
        f'<table class="skw-detail">{"".join(rijen)}</table>',
        "<h3>Bevindingen</h3>",
    ]
    if bevindingen.empty:
        delen.append("<p>Geen bevindingen: de labels volgen de ordeningsprincipes.</p>")
    else:
        delen.append(
            "<ul>"
            + "".join(
                f"<li><b>{html.escape(r.veld)}</b>: {html.escape(r.melding)}</li>" for r in bevindingen.itertuples()
            )
            + "</ul>"
        )
    delen += [
        "<h3>Bron</h3>",
        f'<blockquote class="skw-citaat">{_waarde(brontekst.zonder_nadruk(str(project["bron_citaat"])))}</blockquote>',
        f"<p><small>{html.escape(bronnen.bronvermelding(str(project['bron'])))} "
        f"(bestand {_waarde(project['bron'])})</small></p>",
    ]
    if project.get("gebied_precisie") == precisie.DEEL and project.get("precisie_citaat"):
        delen.append(
            f'<p>Deel van het gebied: <blockquote class="skw-citaat">{_waarde(project["precisie_citaat"])}'
            "</blockquote></p>"
        )
    if project.get("periode_citaat"):
        delen.append(
            f'<p>Looptijd: <blockquote class="skw-citaat">{_waarde(project["periode_citaat"])}</blockquote></p>'
        )
    if project.get("bouwt_voort_op_citaat"):
        delen.append(
            f'<p>Voortbouwen: <blockquote class="skw-citaat">{_waarde(project["bouwt_voort_op_citaat"])}'
            "</blockquote></p>"
        )
    return "".join(delen)


def _verzekeraars(project: Mapping[str, object]) -> str:
    """The insurers, escaped; for a ``concessie`` insurer with where it comes from and how sure that is."""
    herkomst = str(project.get("verzekeraar_herkomst") or precisie.BRON)
    if herkomst != precisie.CONCESSIE:
        return _waarde(project["verzekeraars"])
    zekerheid = bereik.concessiezekerheid(pd.DataFrame([dict(project)]))["concessiezekerheid"].iloc[0]
    return (
        f"{_waarde(project['verzekeraars'])}<br><small>niet genoemd in de bron; afgeleid als concessiehouder van "
        f"het zorgkantoor in 2017 (zekerheid {html.escape(str(zekerheid or 'onbekend'))})</small>"
    )


def _precisie(project: Mapping[str, object]) -> str:
    """A note under the gebied for a ``deel`` project: the named areas are not all certain."""
    if project.get("gebied_precisie") != precisie.DEEL:
        return ""
    aantal = project.get("aantal_gemeenten_bron")
    hoeveel = f"circa {int(aantal)} gemeenten" if aantal is not None and not pd.isna(aantal) else "een deel"
    return (
        f"<br><small>deel: volgens de bron loopt het project in {hoeveel} van dit gebied, zonder ze te noemen; "
        "alleen genoemde gemeenten zijn zeker</small>"
    )


def suggestietabel(suggesties: Sequence[object]) -> pd.DataFrame:
    """:class:`classify.suggest.Suggestie` values as rows [veld, suggestie, toelichting] (veld = stored column)."""
    rijen = [
        (
            vocab.as_voor(s.as_code).kolom,
            s.label,
            f"zekerheid {round(100 * s.zekerheid)}%" + (f"; woorden: {', '.join(s.woorden)}" if s.woorden else ""),
        )
        for s in suggesties
    ]
    return pd.DataFrame(rijen, columns=["veld", "suggestie", "toelichting"])
