"""Lineage between projects (``bouwt_voort_op``): references must exist, form no cycle and usually point back
along the development path of the report's intensity axis.

The expected direction: a Doorontwikkelen or Implementatie project builds on an earlier Ontwikkelproject or
Doorontwikkelen project, never further along the path than itself (Implementatie -> Doorontwikkelen is fine,
Doorontwikkelen -> Implementatie is odd). Any other pair, a reference to a project of a later boundary year and
one to a project that started only after the referring project ended (:func:`_eindigt_voor`) are reported as
warnings: the analyst decides.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from classify.leerlijnen import DOORONTWIKKELEN, IMPLEMENTATIE, ONTWIKKELPROJECT, verwachte_richting
from projectdb.meldingen import Rapport
from tekst.leerlijntekst import periode_tekst

if TYPE_CHECKING:
    import networkx as nx


def graaf(records: Mapping[str, Mapping]) -> nx.DiGraph:
    """Directed graph project -> project it builds on, over the references that exist in ``records``."""
    # Imported here, as in classify.leerlijnen: networkx is slow to import and only a write validates references.
    import networkx as nx

    g = nx.DiGraph()
    g.add_nodes_from(records)
    for pid, record in records.items():
        g.add_edges_from((pid, doel) for doel in record["bouwt_voort_op"] if doel in records)
    return g


def controleer(
    records: Mapping[str, Mapping],
    te_melden: Mapping[str, int | str | None],
    rapport: Rapport,
    onvolledig: set[str] = frozenset(),
) -> None:
    """Check the lineage of the projects in ``te_melden`` (project_id -> row number) within all ``records``.

    Errors: a reference to an unknown project or to itself, a cycle. Warnings: an unexpected direction or a
    reference to a project of a later ``indeling_jaar``. References to ``onvolledig`` ids (rows that exist but
    failed validation and carry their own errors) are not reported again.
    """
    veld = "bouwt_voort_op"
    for pid, regel in te_melden.items():
        record = records[pid]
        for doel in record[veld]:
            if doel == pid:
                rapport.fout(f"{pid} verwijst naar zichzelf", regel, veld)
            elif doel in onvolledig:
                continue
            elif doel not in records:
                rapport.fout(f"onbekend project {doel}: staat niet in het bestand en niet in de database", regel, veld)
            else:
                _richting(pid, record, doel, records[doel], regel, rapport)
    import networkx as nx

    g = graaf(records)
    for groep in nx.strongly_connected_components(g):
        if len(groep) < 2:
            continue
        deel = g.subgraph(groep)
        for pid in sorted(groep & set(te_melden)):
            terug = min((nx.shortest_path(deel, doel, pid) for doel in deel.successors(pid)), key=len)
            rapport.fout(f"kringverwijzing: {' -> '.join([pid, *terug])}", te_melden[pid], veld)


def _richting(pid: str, record: Mapping, doel: str, basis: Mapping, regel: int | str | None, rapport: Rapport) -> None:
    """Warn when ``pid`` building on ``doel`` goes against the development path or forward in time."""
    van, naar = record["intensiteit"], basis["intensiteit"]
    if not verwachte_richting(van, naar):
        rapport.waarschuwing(
            f"{pid} ({van}) bouwt voort op {doel} ({naar}): ongebruikelijke richting; verwacht bouwt een "
            f"{DOORONTWIKKELEN}- of {IMPLEMENTATIE}-project voort op een eerder {ONTWIKKELPROJECT} of "
            f"{DOORONTWIKKELEN}-project",
            regel,
            "bouwt_voort_op",
        )
    if _eindigt_voor(record, basis):
        rapport.waarschuwing(
            f"{pid} ({periode_tekst(record['startjaar'], record['eindjaar'])}) was al afgelopen "
            f"toen {doel}, waarop het voortbouwt, begon "
            f"({periode_tekst(basis['startjaar'], basis['eindjaar'])})",
            regel,
            "bouwt_voort_op",
        )
    if basis["indeling_jaar"] > record["indeling_jaar"]:
        rapport.waarschuwing(
            f"{pid} ({record['indeling_jaar']}) bouwt voort op {doel} uit een later jaar ({basis['indeling_jaar']})",
            regel,
            "bouwt_voort_op",
        )


def _eindigt_voor(later: Mapping, eerder: Mapping) -> bool:
    """Whether project ``later`` ended before project ``eerder`` began: its eindjaar is before eerder's
    startjaar. An empty eindjaar means the project runs on, and unknown years never count; overlap is normal,
    as a method is often taken up elsewhere while it is still being developed."""
    return later["eindjaar"] is not None and eerder["startjaar"] is not None and later["eindjaar"] < eerder["startjaar"]
