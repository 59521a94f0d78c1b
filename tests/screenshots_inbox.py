"""Screenshots of the Inbox for a person to look at (not a test: run it by hand).

    Xvfb :77 -screen 0 1400x900x24 &
    DISPLAY=:77 QT_QPA_PLATFORM=xcb python tests/screenshots_inbox.py /tmp/shots [dark]

Brings the mail fixtures in (a reply waiting, a rejection, a forged offer, a sent thank-you
applied at once) and shoots the Inbox with a reply selected, the forged one, and the sent one.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QTimer

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import screens  # noqa: E402

from followup_desktop.exchange.jsonfile import import_json  # noqa: E402
from followup_desktop.mail.intake import bring_in  # noqa: E402
from followup_desktop.paths import DataPaths  # noqa: E402
from followup_desktop.ui.app import build, make_application  # noqa: E402

MAIL = HERE / "fixtures" / "mail"
spec = importlib.util.spec_from_file_location("make_mail", MAIL / "make_mail.py")
make_mail = importlib.util.module_from_spec(spec)
spec.loader.exec_module(make_mail)


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots")
    dark = "dark" in sys.argv[2:]
    out.mkdir(parents=True, exist_ok=True)
    app = make_application()
    if dark:
        app.setStyle("Fusion")
        app.setPalette(screens.dark_palette())
    tmp = Path(tempfile.mkdtemp())
    paths = DataPaths(tmp / "data").ensure()
    workspace, window = build(paths, clock=lambda: datetime(2026, 3, 21, 11, 0))
    f = tmp / "s.json"
    f.write_text(json.dumps(make_mail.dataset()))
    import_json(workspace.store, f)
    for name in ("outbound_thank_you.eml", "hostile_forged_from.eml", "html_only.eml", "non_ascii.eml", "plain.eml"):
        bring_in(workspace.store, (MAIL / name).read_bytes())
    workspace.load()
    window.show()
    screen = app.primaryScreen().availableGeometry()
    window.resize(min(1366, screen.width()), min(740, screen.height() - 28))
    window.move(0, 0)
    suffix = "-dark" if dark else ""

    def shoot(name):
        screens.wait(400)
        subprocess.run(["import", "-window", "root", str(out / f"{name}{suffix}.png")], check=True)

    def step():
        inbox = window.inbox
        inbox.set_showing(True)
        inbox.view.list.setCurrentRow(0)
        shoot("inbox-reply")
        plain = next(i["id"] for i in inbox.items if i["message_id"].startswith("plain"))
        inbox.select(plain)
        shoot("inbox-no-decision")
        forged = next(i["id"] for i in inbox.items if "forged" in i["message_id"])
        inbox.select(forged)
        shoot("inbox-forged")
        sent = next(i["id"] for i in inbox.items if i["state"] == "applied")
        inbox.select(sent)
        shoot("inbox-sent")
        app.quit()

    QTimer.singleShot(800, step)
    app.exec()


if __name__ == "__main__":
    main()
