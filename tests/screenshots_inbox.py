"""Screenshots of the Inbox for a person to look at (not a test: run it by hand).

    Xvfb :77 -screen 0 1400x900x24 &
    DISPLAY=:77 QT_QPA_PLATFORM=xcb python tests/screenshots_inbox.py /tmp/shots [dark]

Brings the mail fixtures in (a reply waiting, a rejection, a forged offer, a sent thank-you
applied at once) and shoots the Inbox with a reply selected, the forged one, and the sent one.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from datetime import datetime
from pathlib import Path


HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import screens  # noqa: E402

from followup_desktop.mail.intake import bring_in  # noqa: E402

MAIL = HERE / "fixtures" / "mail"
spec = importlib.util.spec_from_file_location("make_mail", MAIL / "make_mail.py")
make_mail = importlib.util.module_from_spec(spec)
spec.loader.exec_module(make_mail)


def main() -> None:
    def bring_mail_in(workspace):
        for name in ("outbound_thank_you.eml", "hostile_forged_from.eml", "html_only.eml", "non_ascii.eml", "plain.eml"):
            bring_in(workspace.store, (MAIL / name).read_bytes())

    shots = screens.start(sys.argv[:2] + [a for a in sys.argv[2:] if a != "empty"],
                          fill=lambda f: f.write_text(json.dumps(make_mail.dataset())), after=bring_mail_in,
                          clock=lambda: datetime(2026, 3, 21, 11, 0))
    app, window = shots.app, shots.window
    screens.fit(app, window)

    def shoot(name):
        screens.shoot_root(shots.out / f"{name}{shots.suffix}.png")

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

    screens.run(app, step, 800)


if __name__ == "__main__":
    main()
