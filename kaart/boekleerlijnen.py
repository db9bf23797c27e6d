"""The Leerlijnen chapter of the kaartenboek: the flow map of the page Leerlijnen and its chain table.

What is drawn comes from :mod:`kaart.leerlijnkaart` (anchors in EPSG:28992, arrows sampled there and sent in
EPSG:4326, the legend) and :mod:`classify.leerlijnen` (chains, scale-up sentences, chain table), as on the page. A
chain is shown when at least one of its projects is in the book's selection, and then whole, as on the page; the
browser applies the theme and insurer filters the same way, from the per-project table written here.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import networkx as nx
import pandas as pd

from classify import leerlijnen, vocab, zekerheid
from kaart import leerlijnkaart
from palet.kleuren import labelkleur
from tekst import leerlijntekst

TITEL = "Leerlijnen: van ontwikkelen naar implementeren"


def gegevens(
    ketens: Sequence[leerlijnen.Keten],
    alle: pd.DataFrame,
    koppeling: pd.DataFrame,
    jaar: int,
    codes: Sequence[str],
    in_boek: set[str],
    graaf: nx.DiGraph,
    alle_ketens: Sequence[leerlijnen.Keten],
) -> dict:
    """The flow map of ``ketens`` for the page script, or ``{}`` without chains.

    ``alle`` are all stored projects, ``koppeling`` their municipalities in ``jaar``, ``codes`` the municipalities in
    geometry order and ``in_boek`` the ids of the book's projects. Returns the chain projects (id, title, stage as
    index of the intensity axis, theme and insurer indices, municipality indices, in the book or not), the chains as
    lists of indices into them, the arrows (EPSG:4326 line and head, colour, escaped tooltip, chains they belong
    to), stage colours, the legend HTML (escaped) and the Analyse sentences.
    """
    if not ketens:
        return {}
    records = alle.set_index("project_id", drop=False)
    ids = sorted({pid for keten in ketens for pid in keten.project_ids})
    plaatsen = {
        pid: leerlijnkaart.plaatsnaam(records.at[pid, "gebied"], int(records.at[pid, "indeling_jaar"])) for pid in ids
    }
    punten = leerlijnkaart.ankers(ids, koppeling, jaar)
    paren = leerlijnkaart.koppelingen(ketens)
    pijlen = leerlijnkaart._pijlen(paren, records, punten, plaatsen)
    positie = {code: i for i, code in enumerate(codes)}
    eigen = koppeling[koppeling["project_id"].isin(ids)]
    # Certain and possible (deel area) municipalities apart: the fill comes from the certain ones, as on the page.
    is_zeker = zekerheid.is_zeker(eigen).to_numpy()
    per_project = eigen[is_zeker].groupby("project_id")["gemeente_code"].agg(list)
    mogelijk = eigen[~is_zeker].groupby("project_id")["gemeente_code"].agg(list)
    volgnummer = {pid: i for i, pid in enumerate(ids)}
    themas, verzekeraars = list(vocab.AS_INHOUD.namen), list(vocab.VERZEKERAAR_NAMEN)
    # The legend's stages (and "mogelijk") as the page's map computes them.
    fasen = {fase for fase, _ in leerlijnkaart._gemeentetabel(eigen, records, jaar).values()}
    doelen = {records.at[later, "intensiteit"] for _, later in paren}
    kern = any(leerlijnkaart.kernwerkgebied(records.at[pid, "gebied"]) for pid in ids)
    gekozen = [pid for pid in ids if pid in in_boek]
    opschaling = leerlijnen.opschaling(graaf, gekozen, alle_ketens)
    return {
        "projecten": {
            "ids": ids,
            "titels": [str(records.at[pid, "titel"]) for pid in ids],
            "fase": [vocab.AS_INTENSITEIT.volgorde(records.at[pid, "intensiteit"]) for pid in ids],
            "inhoud": [themas.index(records.at[pid, "inhoud"]) for pid in ids],
            "verzekeraars": [[verzekeraars.index(v) for v in records.at[pid, "verzekeraars"]] for pid in ids],
            "gemeenten": [sorted(positie[c] for c in per_project.get(pid, [])) for pid in ids],
            "mogelijk": [sorted(positie[c] for c in mogelijk.get(pid, [])) for pid in ids],
            "in_boek": [pid in in_boek for pid in ids],
        },
        "ketens": [[volgnummer[pid] for pid in keten.project_ids] for keten in ketens],
        "pijlen": [
            {
                **{k: p[k] for k in ("lijn", "kop", "kleur", "tekst")},
                "ketens": [i for i, keten in enumerate(ketens) if paar in keten.koppelingen],
            }
            for paar, p in zip(paren, pijlen, strict=True)
        ],
        "fasen": [label.naam for label in vocab.AS_INTENSITEIT.labels],
        "fasekleuren": [labelkleur(label) for label in vocab.AS_INTENSITEIT.labels],
        "mogelijk": leerlijnkaart.MOGELIJK,
        "dekking": leerlijnkaart.VULDEKKING,
        "legenda": leerlijnkaart._legenda_html(fasen, doelen, ["wmo_regio"], kern, any(p["lus"] for p in pijlen), ""),
        "analyse": leerlijntekst.opschalingszinnen(opschaling),
        "tabel": _tabel(ketens, plaatsen),
    }


def _tabel(ketens: Sequence[leerlijnen.Keten], plaatsen: dict[str, str]) -> str:
    """The chain table of the page as an HTML table (escaped)."""
    tabel = leerlijntekst.ketentabel(ketens, plaatsen)
    koppen = {
        "leerlijn": "Leerlijn",
        "inhoud": "Thema",
        "fasen": "Fasen",
        "jaar": "Looptijd per fase",
        "plaatsen": "Plaatsen",
        "verzekeraars": "Verzekeraar(s)",
        "blijft_steken": "Blijft steken in de ontwikkelfase?",
    }
    kop = "".join(f'<th scope="col">{html.escape(naam)}</th>' for naam in koppen.values())
    rijen = []
    for i, rij in tabel.iterrows():
        cellen = []
        for kolom in koppen:
            waarde = rij[kolom]
            if kolom == "blijft_steken":
                waarde = "ja: eindigt bij een ontwikkelproject" if waarde else "nee"
            cellen.append(f"<td>{html.escape(str(waarde))}</td>")
        rijen.append(f'<tr data-keten="{i}">{"".join(cellen)}</tr>')
    return (
        f"<table><caption>De leerlijnen: fasen, plaatsen en verzekeraars</caption><thead><tr>{kop}</tr></thead>"
        f"<tbody>{''.join(rijen)}</tbody></table>"
    )


def artikel(data: dict, datum: str) -> str:
    """The chapter's HTML: heading, map with legend and click panel, Analyse, chain table."""
    zinnen = "".join(f"<li>{html.escape(zin)}</li>" for zin in data["analyse"])
    beschrijving = (
        f"Kaart van de leerlijnen: {len(data['ketens'])} leerlijnen als pijlen van het project waarop "
        "wordt voortgebouwd naar het vervolg, over de gemeenten van hun projecten. De tabel onder de "
        "kaart geeft de leerlijnen als tekst."
    )
    return f"""<section class="hoofdstuk" id="h-leerlijnen" aria-labelledby="h-leerlijnen-kop">
<h2 id="h-leerlijnen-kop">Leerlijnen</h2>
<article class="kaart leerlijnen" id="leerlijnen" aria-labelledby="leerlijnen-kop">
<h3 id="leerlijnen-kop">{html.escape(TITEL)}</h3>
<p class="ondertitel">Een leerlijn verschijnt als minstens één van haar projecten in de selectie valt, en dan
helemaal. Pijlen lopen van midden tot midden van de gemeenten van elk project (berekend in RD New).</p>
<div class="kaartvak">
<div class="leafletkaart" id="leerlijnen-kaart" role="application" tabindex="0" aria-label="{html.escape(beschrijving)}"
aria-describedby="leerlijnen-legenda"></div>
<div class="zijkant">
<div class="legenda skw-legenda" id="leerlijnen-legenda" aria-label="Legenda">{data["legenda"]}</div>
<div class="klik" id="leerlijnen-klik" aria-live="polite"><p>Klik op een gekleurde gemeente voor de
leerlijnprojecten daar.</p></div>
</div>
</div>
<div class="analyse"><h4>Analyse</h4><ul>{zinnen}</ul></div>
<p class="bron">Bron: kolom bouwt_voort_op van de projectendatabase samenwerkingskaarten · peildatum van de bronnen
{html.escape(datum)}</p>
<details class="ketens" open><summary>De leerlijnen: fasen, plaatsen en verzekeraars</summary>
<div class="tabelvak">{data["tabel"]}</div></details>
</article>
</section>
"""
