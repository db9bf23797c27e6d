"""Text alternatives for map pictures (WCAG 1.1.1): the same facts as the legend, in words, for a screen reader,
the ``descr`` of a PPTX picture and the ``<desc>`` of an SVG."""

from __future__ import annotations

from kaart.model import Kaartbeeld


def beschrijving(kaartbeeld: Kaartbeeld) -> str:
    """One paragraph: title, selection and the municipality count per class, e.g. "Kaart: Preventie. Alle projecten.
    Per klasse: 1 project: 12 gemeenten; geen project: 330 gemeenten."."""
    klassen = "; ".join(
        f"{item.klasse}: {item.aantal} {'gemeente' if item.aantal == 1 else 'gemeenten'}" for item in kaartbeeld.legenda
    )
    delen = [f"Kaart: {kaartbeeld.titel}", kaartbeeld.ondertitel, f"Per klasse: {klassen}" if klassen else ""]
    return ". ".join(deel.strip().rstrip(".") for deel in delen if deel.strip()) + "."
