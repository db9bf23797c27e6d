"""Page-wide accessibility fixes Streamlit offers no setting for: the page language and the titles of map frames.

Streamlit serves every page as ``<html lang="en">`` and titles each component frame after the component
("streamlit_folium.st_folium"). One small same-origin component script corrects both in the parent page and keeps
them corrected while Streamlit redraws (a MutationObserver), so it works for every page and every map.
"""

from __future__ import annotations

import json

import streamlit.components.v1 as components

TAAL = "nl"
KAARTTITEL = "Interactieve kaart van de gemeenten; de tabel onder de kaart geeft dezelfde gegevens"
HULPTITEL = "Taal en kaarttitels van deze pagina"

_SCRIPT = """
<script>
(function () {
  var kader = window.frameElement, doc = window.parent.document;
  // This helper frame shows nothing: keep it out of the tab order and the accessibility tree.
  kader.title = %(hulptitel)s;
  kader.setAttribute("aria-hidden", "true");
  kader.setAttribute("tabindex", "-1");
  function herstel() {
    if (doc.documentElement.lang !== %(taal)s) { doc.documentElement.lang = %(taal)s; }
    doc.querySelectorAll('iframe[title="streamlit_folium.st_folium"]').forEach(function (f) {
      f.title = %(kaarttitel)s;
    });
  }
  herstel();
  new MutationObserver(herstel).observe(doc.documentElement,
    {subtree: true, childList: true, attributes: true, attributeFilter: ["lang", "title"]});
})();
</script>
"""


def paginahulp() -> None:
    """Set ``lang="nl"`` on the page and a meaningful title on every map frame; call once per run in app.py."""
    components.html(
        _SCRIPT % {"taal": json.dumps(TAAL), "kaarttitel": json.dumps(KAARTTITEL), "hulptitel": json.dumps(HULPTITEL)},
        height=0,
    )
