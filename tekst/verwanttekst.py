"""Why a project resembles another, in one Dutch sentence for readers of the 'vergelijkbare projecten' table."""

from __future__ import annotations

from classify.verwant import Overeenkomst


def reden(overeenkomst: Overeenkomst) -> str:
    """The reason of a similarity score, e.g. "Gedeelde woorden: wijk, preventie; zelfde thema: GGZ; past in een
    leerlijn: P002 (Implementatie) kan voortbouwen op P001 (Ontwikkelproject)."."""
    delen = []
    if overeenkomst.woorden:
        delen.append(f"gedeelde woorden: {', '.join(overeenkomst.woorden)}")
    if overeenkomst.thema:
        delen.append(f"zelfde thema: {overeenkomst.thema}")
    if overeenkomst.instrumenten:
        soort = "gedeeld instrument" if len(overeenkomst.instrumenten) == 1 else "gedeelde instrumenten"
        delen.append(f"{soort}: {', '.join(overeenkomst.instrumenten)}")
    if overeenkomst.zelfde_fase:
        delen.append(f"beide {overeenkomst.zelfde_fase}: de een kan op de ander voortbouwen")
    elif overeenkomst.later and overeenkomst.eerder:
        (later, later_fase), (eerder, eerder_fase) = overeenkomst.later, overeenkomst.eerder
        delen.append(f"past in een leerlijn: {later} ({later_fase}) kan voortbouwen op {eerder} ({eerder_fase})")
    tekst = "; ".join(delen)
    return tekst[:1].upper() + tekst[1:] + "."
