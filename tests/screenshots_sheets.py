"""Screenshots of a spreadsheet's mapping step (File → Import… with a .csv), in a light and a
dark palette, for a person to look at. Not a test (pytest does not collect it).

    Xvfb :95 -screen 0 1366x768x24 &
    DISPLAY=:95 QT_QPA_PLATFORM=xcb .venv/bin/python tests/screenshots_sheets.py [OUT_DIR]

Writes sheets-<name>-<light|dark>.png into OUT_DIR (default /tmp) and prints the paths.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication, QStyleFactory

sys.path.insert(0, str(Path(__file__).resolve().parent))
import screens  # noqa: E402
import sheets  # noqa: E402

from followup_desktop.ui.sheet_import import SheetImportDialog  # noqa: E402

NOW = datetime(2026, 11, 30, 9, 0)
AMBIGUOUS = ("Company;Job Title;Status;Date Applied;Salary\n"
             "Acme Corp;Office Manager;Applied;3/4/2026;45k\n"
             "Globex;Data Analyst;Interviewing;25/3/2026;\n"
             "Initech;Clerk;on hold;2026-02-11;\n")


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyle(QStyleFactory.create("Fusion"))
    light = app.style().standardPalette()
    scratch = Path(tempfile.mkdtemp(prefix="followup-shots-"))
    ambiguous = scratch / "my applications.csv"
    ambiguous.write_text(AMBIGUOUS, encoding="utf-8")
    paths = []
    for theme, palette in (("light", light), ("dark", screens.dark_palette())):
        app.setPalette(palette)
        for name, sheet in (("handmade", sheets.FOLDER / "handmade.csv"), ("problems", ambiguous)):
            dialog = SheetImportDialog(sheet, scratch / "none.sqlite3", NOW)
            screens.wait(400)  # the check runs on a worker
            paths.append(screens.shoot(dialog, out / f"sheets-{name}-{theme}.png"))
            dialog.done(0)
            dialog.deleteLater()
    for p in paths:
        print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
