"""Geodata (build and loader) and map rendering for the collaboration maps."""
