"""Follow-up Desktop: tells a job seeker when and how to follow up on every application."""

from __future__ import annotations

#: the one place the version is written: pyproject.toml reads it from here (so the app needs no
#: importlib.metadata, ~2 MB and ~15 ms, to know its own version)
__version__ = "0.1.0"
