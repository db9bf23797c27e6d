"""Page-wide accessibility fixes Streamlit offers no setting for: the page language, the titles of map frames and
the English words of the file uploader.

Streamlit serves every page as ``<html lang="en">``, titles each component frame after the component
("streamlit_folium.st_folium") and writes its file uploader in English ("Drag and drop file here", "Browse files",
"Limit 10MB per file"), with no option to change those words. One small same-origin component script corrects all
three in the page and keeps them corrected while Streamlit redraws (a MutationObserver), so it works for every
page, map and uploader.

The script runs in the page itself (``st.html`` with JavaScript allowed), not in a component frame: a frame per page
cost the browser a document of its own, and ``components.html`` walked the whole call stack on every run to print
a deprecation warning.
"""

from __future__ import annotations

import json

import streamlit as st

TAAL = "nl"
KAARTTITEL = "Interactieve kaart van de gemeenten; de tabel onder de kaart geeft dezelfde gegevens"
"""The title of every map frame (the app's own map sets it itself too, once drawn)."""
KAARTFRAMES = ("streamlit_folium.st_folium", "dashboard.kaartframe.kaart")
"""The titles Streamlit gives the map frames (the component's name): st_folium's and :mod:`dashboard.kaartframe`'s."""
UPLOADERTEKST: dict[str, str] = {
    "Drag and drop file here": "Sleep een bestand hierheen",
    "Drag and drop files here": "Sleep bestanden hierheen",
    "Browse files": "Bestand kiezen",
    "Upload": "Bestand kiezen",
    "file upload": "Bestand kiezen",
}
"""Streamlit's English uploader words (text and ``aria-label``) -> Dutch; "[Limit ]N per file • TYPES" becomes
"Hoogstens N per bestand • TYPES"."""

_SCRIPT = r"""
<script>
(function () {
  // Streamlit inserts the script again when the element is drawn anew (another page): observe once.
  if (window.__skwPaginahulp) { return; }
  window.__skwPaginahulp = true;
  var doc = document, woorden = %(woorden)s;
  function herstel() {
    if (doc.documentElement.lang !== %(taal)s) { doc.documentElement.lang = %(taal)s; }
    doc.querySelectorAll(%(kaartframes)s).forEach(function (f) {
      f.title = %(kaarttitel)s;
    });
    doc.querySelectorAll('[data-testid="stFileUploader"]').forEach(function (u) {
      var lopen = doc.createTreeWalker(u, NodeFilter.SHOW_TEXT), knoop;
      while ((knoop = lopen.nextNode())) {
        var oud = knoop.nodeValue.trim();
        var nieuw = woorden[oud] || oud.replace(/^(?:Limit )?(\S+) per file/, "Hoogstens $1 per bestand");
        if (nieuw !== oud) { knoop.nodeValue = nieuw; }
      }
      u.querySelectorAll("[aria-label]").forEach(function (e) {
        var naam = woorden[e.getAttribute("aria-label")];
        if (naam) { e.setAttribute("aria-label", naam); }
      });
    });
  }
  herstel();
  new MutationObserver(herstel).observe(doc.documentElement,
    {subtree: true, childList: true, characterData: true, attributes: true,
     attributeFilter: ["lang", "title", "aria-label"]});
})();
</script>
"""


def paginahulp() -> None:
    """Set ``lang="nl"`` on the page, a meaningful title on every map frame and Dutch words in every file uploader;
    call once per run in app.py."""
    st.html(
        _SCRIPT
        % {
            "taal": json.dumps(TAAL),
            "kaarttitel": json.dumps(KAARTTITEL),
            "kaartframes": json.dumps(", ".join(f'iframe[title="{titel}"]' for titel in KAARTFRAMES)),
            "woorden": json.dumps(UPLOADERTEKST),
        },
        unsafe_allow_javascript=True,
    )
