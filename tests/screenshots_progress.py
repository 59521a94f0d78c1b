"""Screenshots of View → Progress for a person to look at (not a test: run it by hand).

    Xvfb :77 -screen 0 1400x900x24 &
    DISPLAY=:77 QT_QPA_PLATFORM=xcb python tests/screenshots_progress.py /tmp/shots [dark] [empty]
    DISPLAY=:77 QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=2 python tests/screenshots_progress.py /tmp/shots2x

The data is the benchmarks' simulated search (`benchmarks/generate.py`), 400 applications
ending now.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QTimer

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent / "benchmarks"))
import screens  # noqa: E402
from generate import DEFAULT_SEED, generate  # noqa: E402

from followup_desktop.exchange.jsonfile import import_json  # noqa: E402
from followup_desktop.paths import DataPaths  # noqa: E402
from followup_desktop.ui.app import build, make_application  # noqa: E402


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots")
    dark = "dark" in sys.argv[2:]
    empty = "empty" in sys.argv[2:]
    out.mkdir(parents=True, exist_ok=True)
    app = make_application()
    if dark:
        app.setStyle("Fusion")
        app.setPalette(screens.dark_palette())
    tmp = Path(tempfile.mkdtemp())
    paths = DataPaths(tmp / "data").ensure()
    workspace, window = build(paths)
    if not empty:
        f = tmp / "s.json"
        generate(f, 400, DEFAULT_SEED, datetime.now().replace(microsecond=0))
        import_json(workspace.store, f)
    workspace.load()
    window.show()
    suffix = ("-dark" if dark else "") + ("-empty" if empty else "")

    def step():
        progress = window.open_progress()
        screens.wait(1500)
        screens.shoot(progress, out / f"progress{suffix}.png")
        if not empty:
            progress.period.setCurrentIndex(0)
            screens.wait(1500)
            screens.shoot(progress, out / f"progress-30{suffix}.png")
            chart = progress.by_source
            chart.activate(0)
            screens.wait(500)
            window.resize(1200, 700)
            screens.shoot(window, out / f"progress-filtered{suffix}.png")
        app.quit()

    QTimer.singleShot(600, step)
    app.exec()


if __name__ == "__main__":
    main()
