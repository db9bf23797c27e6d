"""Streamlit glue (pages, sidebar, map panel, downloads) and the export command line; the top layer."""
