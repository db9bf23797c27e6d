"""Words a reader must never meet on screen: technical jargon and Streamlit's untranslated English."""

JARGON = (
    "RD New",
    "EPSG",
    "WGS84",
    "TF-IDF",
    "dry run",
    "dry-run",
    "koppelingen project–gemeente per gemeente",
)
ENGELS = ("Drag and drop", "Browse files", "per file", "Limit ", "Select all")
VERBODEN = JARGON + ENGELS


def gevonden(tekst: str) -> list[str]:
    """The forbidden words in ``tekst`` (case-insensitive)."""
    klein = tekst.lower()
    return [woord for woord in VERBODEN if woord.lower() in klein]
