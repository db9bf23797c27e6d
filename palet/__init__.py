"""Colours of the maps and exports, keyed by the vocabulary's canonical codes and names (presentation layer)."""
