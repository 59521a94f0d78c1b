"""The rooms of the code keep to their doors: the windows (`ui/`) and the tray (`tray/`) never
import each other, the desktop room (`desktop/`) imports neither, and the core imports no Qt.
Read from the source with `ast`, every import counted, lazy ones inside functions too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "followup_desktop"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module `path` imports, as absolute names (relative imports resolved)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)  # `from . import x`
    return found


def modules(room: str) -> list[Path]:
    return sorted((PACKAGE / room).rglob("*.py"))


def offenders(room: str, forbidden: tuple[str, ...]) -> list[str]:
    return [f"{module_name(p)} imports {m}" for p in modules(room) for m in sorted(imports_of(p))
            if any(m == f or m.startswith(f + ".") for f in forbidden)]


def test_the_import_reader_sees_relative_lazy_and_package_imports(tmp_path, monkeypatch):
    """The rule below is only as good as the reader: a lazy `from ..ui.closeout import X`
    inside a function in tray/ is `followup_desktop.ui.closeout`."""
    source = PACKAGE / "tray" / "controller.py"
    found = imports_of(source)
    assert "followup_desktop.tray.schedule" in found  # from .schedule import …
    assert "followup_desktop.tray.dbus_notifier" in found  # a lazy one, inside a function
    fake = ast.parse("def f():\n    from ..ui.closeout import CloseOutDialog\n    from .. import ui\n")
    monkeypatch.setattr(ast, "parse", lambda *a, **k: fake)
    assert {"followup_desktop.ui.closeout", "followup_desktop.ui"} <= imports_of(source)


@pytest.mark.parametrize("room, forbidden", [
    ("ui", ("followup_desktop.tray", "followup_desktop.app")),
    ("tray", ("followup_desktop.ui", "followup_desktop.app")),
    ("desktop", ("followup_desktop.ui", "followup_desktop.tray", "followup_desktop.app")),
])
def test_the_windows_and_the_tray_never_import_each_other(room, forbidden):
    assert modules(room), room
    assert offenders(room, forbidden) == []


def test_the_core_imports_no_qt():
    """Everything but the windows, the tray, the desktop room and the composition root."""
    qt_rooms = {"ui", "tray", "desktop"}
    core = [p for p in sorted(PACKAGE.rglob("*.py"))
            if p.relative_to(PACKAGE).parts[0] not in qt_rooms and p.name != "app.py"]
    assert len(core) > 20
    bad = [f"{module_name(p)} imports {m}" for p in core for m in sorted(imports_of(p))
           if m.split(".")[0] in ("PySide6", "shiboken6")]
    assert bad == []


def test_only_the_composition_root_puts_the_windows_and_the_tray_together():
    root = imports_of(PACKAGE / "app.py")
    assert any(m.startswith("followup_desktop.ui") for m in root)
    assert any(m.startswith("followup_desktop.tray") for m in root)
    assert any(m.startswith("followup_desktop.desktop") for m in root)
