"""The app's presence outside its window: the tray icon, notifications and what a click on
them does, closing to the tray, pausing, and starting at login.

Only the control logic is here: the words are in `texts.py`, the menu in `menu.py`. The tray
never imports the windows (`ui/`): what it needs of the main window beyond being a `QWidget` it
asks through its signals (`step_requested`, `close_out_requested`, `filter_requested`), which
the composition root (`followup_desktop/app.py`) connects to the window.
"""

from __future__ import annotations

import logging
import sys
import time
from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QSystemTrayIcon, QWidget

from ..desktop.autostart import Autostart, launch_command
from ..paths import DataPaths, make_private_file
from ..playbook.calendar import at_time
from ..vocab import ActionName
from .badge import badge_icon
from .menu import MENU_ACTIONS, TrayMenu  # noqa: F401 (MENU_ACTIONS: also said here)
from .notifier import BannerNotifier, CompositeNotifier, Notifier, NullNotifier, TrayNotifier, shown_as_is
from .schedule import CLOSE_OUT
from .scheduler import Batch, NotificationScheduler
from .texts import (close_hint, inbox_count_text, no_tray_banner, notice_text, paused_tooltip, quit_question,
                    reply_arrived_text, summary_text, tooltip_text)

log = logging.getLogger(__name__)

#: A click on the tray may take the focus from the window a moment before the click arrives: a
#: window active this recently still counts as the one the user is looking at.
CLICK_TAKES_FOCUS_S = 0.5

# Keys of what a notification is about; a click answers by kind.
K_ACTION, K_CLOSE_OUT, K_SUMMARY, K_MAIL = "action", "close_out", "summary", "mail"

_CLOSE_HINT = "tray/closeHintShown"
_NO_TRAY_TOLD = "tray/noTrayTold"
_PAUSED = "notifications/pausedUntil"


def ui_state(paths: DataPaths) -> QSettings:
    return QSettings(str(paths.window_state), QSettings.IniFormat)


def _tray_balloons_are_markup() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        from .dbus_notifier import tray_balloons_are_markup

        return tray_balloons_are_markup()
    except Exception:
        log.exception("could not tell how the tray shows its balloons")
        return True  # escaped is the safe side: a name is never read as markup


def choose_notifier(window, tray: QSystemTrayIcon | None, *, icon_provider=None) -> Notifier:
    """The tray's balloon when there is a tray; otherwise the window's banner, plus a desktop
    notification over D-Bus on Linux when a notification service runs."""
    if tray is not None:
        return TrayNotifier(tray, icon_provider, markup=_tray_balloons_are_markup)
    backends: list[Notifier] = []
    if hasattr(window, "show_banner"):
        backends.append(BannerNotifier(window))
    if sys.platform.startswith("linux"):
        try:
            from .dbus_notifier import DBusNotifier

            dbus = DBusNotifier.create()
            if dbus is not None:
                backends.append(dbus)
        except Exception:
            log.exception("desktop notifications over D-Bus are not available")
    if not backends:
        return NullNotifier()
    return backends[0] if len(backends) == 1 else CompositeNotifier(backends)


class DesktopIntegration(QObject):
    """The tray over `window` (the app's main window, a `QWidget` that may have `show_banner`,
    for news where there is no tray) and `workspace`, drawn with `icon`.

    Call `start()` once its signals are connected: it shows the window (or, `minimized`, only the
    tray icon) and starts telling."""

    #: act on this step (its id): its message to write, or for a debrief the interview's form
    step_requested = Signal(str)
    #: ask whether to close the lead of this close-out step (its id)
    close_out_requested = Signal(str)
    #: show the window's list with this filter ("due")
    filter_requested = Signal(str)
    #: show this message of the Inbox (its review item's id)
    message_requested = Signal(int)

    def __init__(self, app: QApplication, window: QWidget, workspace, paths: DataPaths, *, icon: QIcon | None = None,
                 minimized: bool = False, tray_available: bool | None = None, notifier: Notifier | None = None,
                 autostart: Autostart | None = None, parent: QObject | None = None):
        super().__init__(parent or app)
        self.app, self.window, self.workspace, self.paths = app, window, workspace, paths
        self.minimized = minimized
        self.state = ui_state(paths)
        self.quitting = False
        self._base_icon = icon if icon is not None else QIcon()
        self._badge_count = -1
        #: messages waiting in the Inbox (the window says how many: `set_inbox_count`)
        self.inbox_count = 0
        self.autostart = autostart or Autostart(launch_command(paths))
        self._start_at_login: bool | None = None
        self._deactivated_at = float("-inf")

        self.scheduler = NotificationScheduler(workspace, parent=self)
        paused = self.state.value(_PAUSED)
        if isinstance(paused, str) and paused:
            try:
                self.scheduler.paused_until = datetime.fromisoformat(paused)
            except ValueError:
                pass

        available = QSystemTrayIcon.isSystemTrayAvailable() if tray_available is None else tray_available
        self.tray: QSystemTrayIcon | None = None
        self.tray_menu: TrayMenu | None = None
        if available:
            self._build_tray()
        self.notifier = notifier or choose_notifier(window, self.tray, icon_provider=lambda: self._base_icon)
        self.notifier.clicked.connect(self.respond)

        self.scheduler.notify.connect(self._show_batch)
        self.scheduler.looked.connect(self.refresh)
        workspace.changed.connect(self._on_changed)
        workspace.settings_changed.connect(self._apply_start_at_login)

        # Closing the window hides it to the tray (or, with no tray, asks first).
        window.installEventFilter(self)
        app.setQuitOnLastWindowClosed(self.tray is None)
        app.aboutToQuit.connect(self._about_to_quit)

    def start(self) -> "DesktopIntegration":
        """Show the window (or not, minimized), say once where there is no tray, and start telling."""
        self._show_window(self.minimized)
        if self.tray is None:
            self._tell_no_tray()
        self.scheduler.start()
        self.refresh()
        self._apply_start_at_login(initial=True)
        return self

    @property
    def menu(self) -> QMenu | None:
        """The tray icon's menu (None without a tray)."""
        return self.tray_menu.menu if self.tray_menu is not None else None

    # -- building ---------------------------------------------------------------------------
    def _build_tray(self) -> None:
        self.tray = QSystemTrayIcon(self._base_icon, self)
        self.tray.setObjectName("trayIcon")
        menu = self.tray_menu = TrayMenu(self)
        menu.open_window.connect(self.show_window)
        menu.quit.connect(self.quit)
        menu.act_on.connect(self.open_action_by_id)
        menu.snooze.connect(self.snooze)
        menu.show_due.connect(self.show_due)
        menu.pause_for.connect(self.pause)
        menu.pause_until_tomorrow.connect(self.pause_until_tomorrow)
        menu.resume.connect(lambda: self.set_paused(None))
        menu.menu.aboutToShow.connect(self._fill_menu)
        self.tray.setContextMenu(menu.menu)
        self.tray.activated.connect(self._on_tray_activated)
        self._fill_menu()
        self.tray.show()

    def _fill_menu(self) -> None:
        if self.tray_menu is None:
            return
        due = self.workspace.due_now() if self._loaded() else []
        paused = self.scheduler.paused_until if self.scheduler_paused() else None
        settings = self.workspace.settings()  # the two snooze choices: Settings → Desktop
        self.tray_menu.fill(due, self.workspace.applications(), paused,
                            snooze_days=(settings.snooze_short_days, settings.snooze_long_days))

    # -- state shown ------------------------------------------------------------------------
    def _loaded(self) -> bool:
        return getattr(self.workspace, "is_loaded", True)

    def refresh(self) -> None:
        """Badge, tooltip and menu follow what is due now."""
        if self.tray is None:
            return
        due = self.workspace.due_now() if self._loaded() else []
        count = len(due) + self.inbox_count  # what needs the user: steps due and messages waiting
        if count != self._badge_count:
            self._badge_count = count
            self.tray.setIcon(badge_icon(self._base_icon, count))
        text = tooltip_text(due, self.workspace.applications())
        if self.inbox_count:
            text += "\n" + inbox_count_text(self.inbox_count)
        if self.scheduler_paused():
            text += "\n" + paused_tooltip(self.scheduler.paused_until)
        self.tray.setToolTip(shown_as_is(text))
        if self.menu is not None and not self.menu.isVisible():
            self._fill_menu()

    def _on_changed(self, _keys) -> None:
        self._apply_start_at_login()
        # The scheduler looks (and then refreshes us) on the same signal.

    # -- window -----------------------------------------------------------------------------
    def _show_window(self, minimized: bool) -> None:
        if minimized and self.tray is not None:
            self.window.hide()
        elif minimized:
            self.window.showMinimized()
        elif not self.window.isVisible():
            self.window.show()

    def show_window(self) -> None:
        """The window as it was left, in front: its size and place, maximized if it was (a
        minimized window is un-minimized, not made normal), its filter and selection."""
        w = self.window
        if w.isMinimized():
            w.setWindowState((w.windowState() & ~Qt.WindowMinimized) | Qt.WindowActive)
        w.show()
        w.raise_()
        w.activateWindow()

    def toggle_window(self) -> None:
        """A tray click: the window goes to the tray when the user is looking at it; otherwise
        (hidden, minimized, or behind another window) it comes forward, in one click."""
        w = self.window
        in_front = w.isActiveWindow() or time.monotonic() - self._deactivated_at < CLICK_TAKES_FOCUS_S
        if w.isVisible() and not w.isMinimized() and in_front:
            w.close()  # through the close event: the one-time hint, geometry saved
        else:
            self.show_window()

    def _on_tray_activated(self, reason) -> None:
        if reason == QSystemTrayIcon.Trigger:
            self.toggle_window()
        elif reason == QSystemTrayIcon.DoubleClick:
            self.show_window()

    def show_due(self) -> None:
        self.show_window()
        self.filter_requested.emit("due")

    def eventFilter(self, obj, event) -> bool:
        if obj is self.window and event.type() == QEvent.WindowDeactivate:
            self._deactivated_at = time.monotonic()
        if obj is self.window and event.type() == QEvent.Close and not self.quitting:
            if self.tray is not None:
                # Let the window save its geometry and hide; the app lives on in the tray.
                QTimer.singleShot(0, self._hint_once)
                return False
            if not self._confirm_quit():
                event.ignore()
                return True
            self.quitting = True
            QTimer.singleShot(0, self.app.quit)
        return False

    def _hint_once(self) -> None:
        if self.tray is None or self.state.value(_CLOSE_HINT, False, type=bool):
            return
        title, text = close_hint()
        self.tray.showMessage(title, text, QSystemTrayIcon.Information, 10_000)
        self._remember(_CLOSE_HINT, True)

    def _confirm_quit(self) -> bool:
        title, text = quit_question()
        answer = QMessageBox.question(self.window, title, text, QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        return answer == QMessageBox.Yes

    def _tell_no_tray(self) -> None:
        if self.state.value(_NO_TRAY_TOLD, False, type=bool):
            return
        show = getattr(self.window, "show_banner", None)
        if show is None:
            return
        show(no_tray_banner(), None)
        self._remember(_NO_TRAY_TOLD, True)

    def _remember(self, key: str, value) -> None:
        self.state.setValue(key, value)
        self.state.sync()
        make_private_file(self.paths.window_state)

    def quit(self) -> None:
        self.quitting = True
        self.window.close()
        self.app.quit()

    def _about_to_quit(self) -> None:
        self.quitting = True
        self.scheduler.stop()
        if self.tray is not None:
            self.tray.hide()

    # -- notifications ----------------------------------------------------------------------
    def _show_batch(self, batch: Batch) -> None:
        apps = self.workspace.applications()
        if batch.summary:
            title, body = summary_text(batch.notices, apps, batch.catch_up)
            self.notifier.notify((K_SUMMARY, None), title, body)
            return
        for n in batch.notices:
            title, body = notice_text(n, apps)
            kind = K_CLOSE_OUT if n.kind == CLOSE_OUT else K_ACTION
            self.notifier.notify((kind, n.action.id), title, body)

    def set_inbox_count(self, n: int) -> None:
        """The Inbox's count of messages waiting: on the badge with what is due."""
        self.inbox_count = max(0, int(n))
        self.refresh()

    def tell_reply(self, employer: str, item_id: int) -> None:
        """A message from an employer came in by itself: "Acme Corp replied" (not while
        notifications are paused; in quiet hours it is told when they end); a click opens it."""
        from ..playbook.calendar import in_quiet_hours, out_of_quiet_hours

        if self.scheduler_paused():
            return
        settings = self.workspace.settings()
        now = self.workspace.now()
        start, end = settings.quiet_hours_start, settings.quiet_hours_end
        if in_quiet_hours(now, start, end):
            held = getattr(self, "_held_replies", None)
            if held is None:
                held = self._held_replies = []
            if not held:
                wait_ms = max(1000, int((out_of_quiet_hours(now, start, end) - now).total_seconds() * 1000))
                QTimer.singleShot(min(wait_ms, 2**31 - 1), self._tell_held_replies)
            held.append((employer, item_id))
            return
        title, body = reply_arrived_text(employer)
        self.notifier.notify((K_MAIL, item_id), title, body)

    def _tell_held_replies(self) -> None:
        held, self._held_replies = getattr(self, "_held_replies", []), []
        for employer, item_id in held:
            self.tell_reply(employer, item_id)

    def respond(self, key) -> None:
        """What a click on a notification does: the step's compose window, the close-out
        question, the message waiting in the Inbox, or the list of what is due."""
        kind, action_id = key
        if kind == K_MAIL:
            self.show_window()
            self.message_requested.emit(int(action_id))
        elif kind == K_SUMMARY or action_id is None:
            self.show_due()
        elif kind == K_CLOSE_OUT:
            self.ask_close_out(action_id)
        else:
            self.open_action_by_id(action_id)

    def open_action_by_id(self, action_id: str) -> None:
        action = self.workspace.action(action_id)
        if action is None:  # done or gone since: show what is due instead
            self.show_due()
            return
        if action.name == ActionName.CLOSE_OUT:
            self.ask_close_out(action_id)
            return
        if action.name == ActionName.DEBRIEF:
            # A note to self, not a message: the window's own form for the interview, on it.
            self.show_window()
        self.step_requested.emit(action_id)

    def ask_close_out(self, action_id: str) -> None:
        if self.workspace.action(action_id) is None:
            self.show_due()
            return
        self.close_out_requested.emit(action_id)

    def _snooze_text(self, days: int) -> str:
        """A Snooze choice: "For 1 day", "For 1 week", "For 3 days" (whole weeks read as weeks)."""
        if days % 7 == 0:
            weeks = days // 7
            return self.tr("For 1 &week") if weeks == 1 else self.tr("For {0} &weeks").format(weeks)
        return self.tr("For 1 &day") if days == 1 else self.tr("For {0} &days").format(days)

    def snooze(self, action_id: str, length: timedelta) -> None:
        action = self.workspace.action(action_id)
        if action is not None:
            self.workspace.snooze(action, self.workspace.now() + length)

    # -- pause ------------------------------------------------------------------------------
    def scheduler_paused(self) -> bool:
        return self.scheduler.is_paused()

    def set_paused(self, until: datetime | None) -> None:
        self._remember(_PAUSED, until.isoformat() if until else "")
        self.scheduler.set_paused_until(until)
        self.refresh()

    def pause(self, length: timedelta) -> None:
        self.set_paused(self.workspace.now() + length)

    def pause_until_tomorrow(self) -> None:
        tomorrow = self.workspace.now().date() + timedelta(days=1)
        self.set_paused(at_time(tomorrow, self.workspace.settings().quiet_hours_end))

    # -- start at login ---------------------------------------------------------------------
    def _apply_start_at_login(self, initial: bool = False) -> None:
        if not self._loaded():
            return
        wanted = bool(self.workspace.settings().start_at_login)
        if wanted == self._start_at_login:
            return
        first = self._start_at_login is None
        self._start_at_login = wanted
        # At start-up only an enabled entry is refreshed (the executable may have moved); a
        # disabled setting removes the entry only when the user switches it off.
        if first and not wanted:
            return
        try:
            self.autostart.apply(wanted)
        except Exception:
            log.exception("could not %s start at login (%s)", "set up" if wanted else "remove",
                          self.autostart.location)


__all__ = ["DesktopIntegration", "choose_notifier", "CLICK_TAKES_FOCUS_S", "K_ACTION", "K_CLOSE_OUT", "K_SUMMARY", "K_MAIL",
           "MENU_ACTIONS"]
