"""Timestamps of the store: in the change log and reviews, and in the names of backup files."""

from datetime import UTC, datetime


def tijdstip() -> str:
    """Now in UTC, ISO 8601 with microseconds and 'Z'."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def bestandsstempel() -> str:
    """Now in UTC as a file-name stamp that sorts in time order, e.g. ``20261207T125301123456Z``."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
