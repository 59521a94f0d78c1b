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


def __getattr__(name: str):
    # Computed on first use: importlib.metadata costs ~20 ms at every start (e.g. `due`).
    if name == "__version__":
        value = _version()
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
