"""Finding the files in `resources/` (icons, samples, later the wording templates), one way for
every case: from a source checkout or an editable install, and from a PyInstaller bundle, where
they sit under `sys._MEIPASS`.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(name: str) -> Path:
    """The path of a shipped resource; raises FileNotFoundError naming it when it is missing."""
    path = resources_dir() / name
    if not path.exists():
        raise FileNotFoundError(f"the app's resource {name!r} is missing (looked in {path.parent})")
    return path
