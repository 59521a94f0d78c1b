"""The English source catalogue translators start from: resources/translations/followup_desktop_en.ts.

    .venv/bin/python packaging/translations.py      # after changing a user-visible string

`pyside6-lupdate` reads every module of the app for its literal `tr("…")`,
`translate("Context", "…")` and `QT_TRANSLATE_NOOP("Context", "…")` strings. The core's data
tables that the windows show and translate (the settings registry's labels, help texts, units
and groups; the wording's situations, compose channels, placeholders and facts) are plain data
without Qt: this script lists them in a generated module for lupdate to read beside the app, so
a new setting or situation is in the catalogue without a marker in the core.
tests/test_translations.py fails when the committed catalogue is stale.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "resources" / "translations" / "followup_desktop_en.ts"

#: the contexts the windows translate the core's data with (ui/dialogs/settings_dialog.py,
#: ui/help.py, ui/compose.py, ui/template_editor.py)
SETTINGS_CONTEXT, WORDING_CONTEXT = "FollowupSettings", "wording"


def data_strings() -> list[tuple[str, str]]:
    """(context, source text) of every string of the core's data tables the windows translate."""
    sys.path.insert(0, str(ROOT))
    from followup_desktop.settings import REGISTRY
    from followup_desktop.wording.situations import CHANNELS, FLAGS, PLACEHOLDERS, SITUATIONS

    found: list[tuple[str, str]] = []
    for spec in REGISTRY:
        found += [(SETTINGS_CONTEXT, t) for t in (spec.label, spec.group, spec.help, spec.unit) if t]
    for situation in SITUATIONS.values():
        found += [(WORDING_CONTEXT, t) for t in (situation.label, situation.hint) if t]
    found += [(WORDING_CONTEXT, t) for table in (CHANNELS, PLACEHOLDERS, FLAGS) for t in table.values() if t]
    return list(dict.fromkeys(found))


def lupdate() -> str:
    found = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lupdate")
    if not found:
        raise SystemExit("pyside6-lupdate is missing (it comes with PySide6-Essentials)")
    return found


def extract(ts: Path) -> None:
    """Write the catalogue of every user-visible string to `ts`."""
    with tempfile.TemporaryDirectory() as tmp:
        generated = Path(tmp) / "core_data_strings.py"
        generated.write_text("".join(f"QT_TRANSLATE_NOOP({c!r}, {t!r})\n" for c, t in data_strings()),
                             encoding="utf-8")
        sources = sorted(str(p) for p in (ROOT / "followup_desktop").rglob("*.py") if "__pycache__" not in p.parts)
        if ts.exists():
            ts.unlink()  # from scratch: nothing kept from an older catalogue
        ts.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([lupdate(), *sources, str(generated), "-locations", "none", "-no-obsolete",
                        "-source-language", "en", "-target-language", "en", "-ts", str(ts)],
                       check=True, capture_output=True, text=True)


if __name__ == "__main__":
    extract(CATALOGUE)
    print(f"wrote {CATALOGUE.relative_to(ROOT)}")
