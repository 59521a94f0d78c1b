"""Telling the user something, one interface over several ways: the tray's balloon, a desktop
notification over D-Bus, a banner in the main window, or nothing.

Every notification carries a `key` (what it is about); when the user clicks it, `clicked` gives
that key back, so the caller answers a click the same way whichever backend showed it.
"""

from __future__ import annotations

import html
import logging
from collections import deque
from typing import Any, Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QSystemTrayIcon

log = logging.getLogger(__name__)


def shown_as_is(text: str) -> str:
    """`text` for a label or tooltip that draws what looks like markup as markup ("<b>Bold</b>"
    in bold): such a text is escaped into markup that shows it literally; others stay as they are."""
    if not GuiQt.mightBeRichText(text):
        return text
    return "<qt>" + html.escape(text, quote=False).replace("\n", "<br>") + "</qt>"


class Notifier(QObject):
    """A way to show notifications. `clicked(key)` when the user clicks one."""

    clicked = Signal(object)
    name = "none"

    def notify(self, key: Any, title: str, body: str) -> None:  # pragma: no cover - interface
        raise NotImplementedError


class NullNotifier(Notifier):
    """Shows nothing (no display, or nothing to show it with); remembers what it was given."""

    name = "none"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.sent: list[tuple[Any, str, str]] = []

    def notify(self, key, title, body):
        self.sent.append((key, title, body))


class TrayNotifier(Notifier):
    """The tray icon's balloon. It shows one message at a time and its click names none, so the
    messages are queued and the one on screen is remembered."""

    name = "tray"

    def __init__(self, tray: QSystemTrayIcon, icon_provider: Callable[[], Any] | None = None,
                 *, show_ms: int = 10_000, markup: bool | Callable[[], bool] = False, parent=None):
        super().__init__(parent)
        self.tray = tray
        self.show_ms = show_ms
        #: the balloon's body is read as markup (a tray over D-Bus): it is escaped. A callable
        #: is asked at the first balloon (not at start-up, which it would slow down).
        self.markup = markup
        self._icon = icon_provider
        self._queue: deque = deque()
        self.current: Any = None
        self.sent: list[tuple[Any, str, str]] = []
        self._next = QTimer(self, singleShot=True, timeout=self._show_next)
        tray.messageClicked.connect(self._on_clicked)

    def notify(self, key, title, body):
        self._queue.append((key, title, body))
        if not self._next.isActive():
            self._show_next()

    def _show_next(self):
        if not self._queue:
            return
        key, title, body = self._queue.popleft()
        self.current = key
        self.sent.append((key, title, body))
        if callable(self.markup):
            self.markup = bool(self.markup())
        if self.markup:
            body = html.escape(body, quote=False)
        icon = self._icon() if self._icon else None
        if icon is not None and not icon.isNull():
            self.tray.showMessage(title, body, icon, self.show_ms)
        else:
            self.tray.showMessage(title, body, QSystemTrayIcon.Information, self.show_ms)
        # The next one waits until this one has had its time on screen.
        self._next.start(self.show_ms + 500 if self._queue else self.show_ms)

    def _on_clicked(self):
        key = self.current
        if key is not None:
            self.clicked.emit(key)
        # A click closes the balloon: the next queued one may come at once.
        if self._queue:
            self._next.start(300)


class BannerNotifier(Notifier):
    """A banner at the top of the main window (`window.show_banner(text, on_click)`)."""

    name = "banner"

    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.window = window
        self.sent: list[tuple[Any, str, str]] = []

    def notify(self, key, title, body):
        self.sent.append((key, title, body))
        text = f"{title} — {body}" if body else title
        show = getattr(self.window, "show_banner", None)
        if show is not None:
            show(text, lambda k=key: self.clicked.emit(k))  # the banner shows plain text


class CompositeNotifier(Notifier):
    """Several backends at once (with no tray: the banner, and a desktop notification)."""

    def __init__(self, backends: list[Notifier], parent=None):
        super().__init__(parent)
        self.backends = backends
        self.name = "+".join(b.name for b in backends)
        for b in backends:
            b.clicked.connect(self.clicked)

    def notify(self, key, title, body):
        for b in self.backends:
            b.notify(key, title, body)


__all__ = ["shown_as_is", "Notifier", "NullNotifier", "TrayNotifier", "BannerNotifier", "CompositeNotifier"]
