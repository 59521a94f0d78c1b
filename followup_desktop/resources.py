"""Finding the files in `resources/` (icons, the sample, the wording templates), one way for every
shape the app comes in:

* an installed wheel (`pip install`, `pipx`): pyproject.toml ships `resources/` inside the package
  as `followup_desktop/_resources/`;
* the frozen bundle: the PyInstaller spec puts it at the same place, `followup_desktop/_resources/`
  under `sys._MEIPASS`;
* a source checkout or an editable install: `resources/` at the top of the repository, beside
  the package.

The first two are found through `importlib.resources`, from the package itself.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

SHIPPED = "_resources"  # the folder's name inside the package (pyproject.toml, the spec)


def resources_dir() -> Path:
    inside = Path(str(files(__package__))) / SHIPPED
    if inside.is_dir():
        return inside
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(name: str) -> Path:
    """The path of a shipped resource; raises FileNotFoundError naming it when it is missing."""
    path = resources_dir() / name
    if not path.exists():
        raise FileNotFoundError(f"the app's resource {name!r} is missing (looked in {path.parent})")
    return path
