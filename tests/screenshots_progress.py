"""Screenshots of View → Progress for a person to look at (not a test: run it by hand).

    Xvfb :77 -screen 0 1400x900x24 &
    DISPLAY=:77 QT_QPA_PLATFORM=xcb python tests/screenshots_progress.py /tmp/shots [dark] [empty]
    DISPLAY=:77 QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=2 python tests/screenshots_progress.py /tmp/shots2x

The data is the benchmarks' simulated search (`benchmarks/generate.py`), 400 applications
ending now.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent / "benchmarks"))
import screens  # noqa: E402
from generate import DEFAULT_SEED, generate  # noqa: E402



def main() -> None:
    shots = screens.start(sys.argv, fill=lambda f: generate(f, 400, DEFAULT_SEED, datetime.now().replace(microsecond=0)))
    app, window, empty, out, suffix = shots.app, shots.window, shots.empty, shots.out, shots.suffix

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

    screens.run(app, step, 600)


if __name__ == "__main__":
    main()
