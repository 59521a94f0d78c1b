"""Follow-up Desktop: tells a job seeker when and how to follow up on every application."""

from __future__ import annotations


def _version() -> str:
    try:
        from importlib.metadata import PackageNotFoundError, version
    except ImportError:  # pragma: no cover
        return "0.0.0"
    try:
        return version("followup-desktop")
    except PackageNotFoundError:
        return "0.0.0+source"


__version__ = _version()
