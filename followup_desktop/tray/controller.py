"""The app's presence outside its window: tray icon and menu, notifications and what a click on
them does, closing to the tray, and starting at login.

`install_desktop_integration(app, window, workspace, paths, minimized=…)` is the one call
`ui/app.py` makes once the main window exists.
"""

from __future__ import annotations

import logging
import sys
import time
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QSystemTrayIcon

from ..paths import DataPaths, make_private_file
from ..playbook.calendar import at_time
from ..vocab import ACTION_LABELS, ActionName
from .autostart import Autostart, launch_command
from .badge import badge_icon
from .notifier import BannerNotifier, CompositeNotifier, Notifier, NullNotifier, TrayNotifier, shown_as_is
from .schedule import CLOSE_OUT, OVERDUE, Notice
from .scheduler import Batch, NotificationScheduler

log = logging.getLogger(__name__)

MENU_ACTIONS = 10
#: A click on the tray may take the focus from the window a moment before the click arrives: a
#: window active this recently still counts as the one the user is looking at.
CLICK_TAKES_FOCUS_S = 0.5
SUMMARY_LINES = 3

# Keys of what a notification is about; a click answers by kind.
K_ACTION, K_CLOSE_OUT, K_SUMMARY = "action", "close_out", "summary"

_CLOSE_HINT = "tray/closeHintShown"
_NO_TRAY_TOLD = "tray/noTrayTold"
_PAUSED = "notifications/pausedUntil"


def base_icon() -> QIcon:
    from ..ui.app import app_icon

    return app_icon()


def ui_state(paths: DataPaths) -> QSettings:
    return QSettings(str(paths.window_state), QSettings.IniFormat)


def _tr(text: str) -> str:
    return QCoreApplication.translate("DesktopIntegration", text)


def describe(action, apps) -> str:
    """"Thank-you note to Susan Smith (Acme Corp)": one line naming a step."""
    app = apps.get(action.application)
    employer = app.employer_name if app else action.application
    label = _tr(ACTION_LABELS.get(action.name, str(action.name)))
    if action.name == ActionName.CLOSE_OUT:
        return _tr("Close the {0} lead? ({1})").format(employer, app.position if app else "")
    if action.contact_name:
        return _tr("{0} to {1} ({2})").format(label, action.contact_name, employer)
    return _tr("{0} ({1})").format(label, employer)


def _when(d: datetime) -> str:
    return f"{d:%a %b} {d.day}, {d:%H:%M}"


def notice_text(notice: Notice, apps) -> tuple[str, str]:
    """Title and body of one notification."""
    a = notice.action
    app = apps.get(a.application)
    employer = app.employer_name if app else a.application
    if notice.kind == CLOSE_OUT:
        title = _tr("Close the {0} lead?").format(employer)
        body = _tr("No answer from {0} since your follow-up on {1}. Close this lead?").format(
            employer, f"{a.anchor:%B} {a.anchor.day}")
        return title, body
    if notice.kind == OVERDUE:
        title = _tr("Overdue: {0}").format(describe(a, apps))
        body = _tr("It was due {0}. {1}").format(_when(a.due), a.reason)
        return title, body
    return describe(a, apps), a.reason


def summary_text(notices: list[Notice], apps, catch_up: bool) -> tuple[str, str]:
    n = len(notices)
    if catch_up:
        title = _tr("{0} follow-ups came up while Follow-up Desktop was closed").format(n)
    else:
        title = _tr("{0} follow-ups need you").format(n)
    lines = [describe(x.action, apps) for x in notices[:SUMMARY_LINES]]
    if n > SUMMARY_LINES:
        lines.append(_tr("…and {0} more").format(n - SUMMARY_LINES))
    return title, "\n".join(lines)


def due_count_text(n: int) -> str:
    return _tr("1 follow-up due") if n == 1 else _tr("{0} follow-ups due").format(n)


def tooltip_text(due, apps) -> str:
    """"3 follow-ups due — Thank-you note to Susan Smith (Acme Corp); … …"."""
    if not due:
        return _tr("Follow-up Desktop — nothing due now")
    rest = "; ".join(describe(a, apps) for a in due[:2])
    more = " …" if len(due) > 2 else ""
    return f"{due_count_text(len(due))} — {rest}{more}"


def menu_text(text: str) -> str:
    """`text` for a menu item, shown as it is: an "&" in a name is not a shortcut marker."""
    return text.replace("&", "&&")


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
    def __init__(self, app: QApplication, window, workspace, paths: DataPaths, *, minimized: bool = False,
                 tray_available: bool | None = None, notifier: Notifier | None = None,
                 autostart: Autostart | None = None, parent: QObject | None = None):
        super().__init__(parent or app)
        self.app, self.window, self.workspace, self.paths = app, window, workspace, paths
        self.state = ui_state(paths)
        self.quitting = False
        self._base_icon = base_icon()
        self._badge_count = -1
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
        self.menu: QMenu | None = None
        self._build_actions()
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

        self._show_window(minimized)
        if self.tray is None:
            self._tell_no_tray()
        self.scheduler.start()
        self.refresh()
        self._apply_start_at_login(initial=True)

    # -- building ---------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.open_action = QAction(self.tr("&Open Follow-up Desktop"), self, triggered=self.show_window)
        self.open_action.setObjectName("trayOpen")
        f = self.open_action.font()
        f.setBold(True)
        self.open_action.setFont(f)
        self.quit_action = QAction(self.tr("&Quit"), self, triggered=self.quit)
        self.quit_action.setObjectName("trayQuit")
        self.pause_hour = QAction(self.tr("For &1 hour"), self, triggered=lambda: self.pause(timedelta(hours=1)))
        self.pause_tomorrow = QAction(self.tr("Until &tomorrow"), self, triggered=self.pause_until_tomorrow)
        self.resume_action = QAction(self.tr("&Resume notifications"), self, triggered=lambda: self.set_paused(None))

    def _build_tray(self) -> None:
        self.tray = QSystemTrayIcon(self._base_icon, self)
        self.tray.setObjectName("trayIcon")
        self.menu = QMenu()
        self.menu.setObjectName("trayMenu")
        self.menu.aboutToShow.connect(self._fill_menu)
        self.tray.setContextMenu(self.menu)
        self.tray.activated.connect(self._on_tray_activated)
        self._fill_menu()
        self.tray.show()

    def _fill_menu(self) -> None:
        menu = self.menu
        if menu is None:
            return
        menu.clear()
        apps = self.workspace.applications()
        due = self.workspace.due_now() if self._loaded() else []
        if due:
            header = menu.addAction(due_count_text(len(due)) + self.tr(" now"))
            header.setEnabled(False)
            for a in due[:MENU_ACTIONS]:
                item = menu.addAction(menu_text(describe(a, apps)))
                item.setToolTip(shown_as_is(a.reason))
                item.triggered.connect(lambda _=False, i=a.id: self.open_action_by_id(i))
            if len(due) > MENU_ACTIONS:
                more = menu.addAction(self.tr("All {0} due now…").format(len(due)))
                more.triggered.connect(self.show_due)
            snooze = menu.addMenu(self.tr("&Snooze"))
            snooze.setObjectName("traySnooze")
            settings = self.workspace.settings()  # the two choices: Settings → Desktop
            choices = [(self._snooze_text(n), timedelta(days=n))
                       for n in (settings.snooze_short_days, settings.snooze_long_days)]
            for a in due[:MENU_ACTIONS]:
                sub = snooze.addMenu(menu_text(describe(a, apps)))
                for text, delta in choices:
                    choice = sub.addAction(text)
                    choice.triggered.connect(lambda _=False, i=a.id, d=delta: self.snooze(i, d))
        else:
            nothing = menu.addAction(self.tr("Nothing due now"))
            nothing.setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.open_action)
        pause = menu.addMenu(self.tr("&Pause notifications"))
        pause.setObjectName("trayPause")
        if self.scheduler_paused():
            until = self.scheduler.paused_until
            label = pause.addAction(self.tr("Paused until {0}").format(_when(until)))
            label.setEnabled(False)
            pause.addAction(self.resume_action)
            pause.addSeparator()
        pause.addAction(self.pause_hour)
        pause.addAction(self.pause_tomorrow)
        menu.addSeparator()
        menu.addAction(self.quit_action)

    # -- state shown ------------------------------------------------------------------------
    def _loaded(self) -> bool:
        return getattr(self.workspace, "is_loaded", True)

    def refresh(self) -> None:
        """Badge, tooltip and menu follow what is due now."""
        if self.tray is None:
            return
        due = self.workspace.due_now() if self._loaded() else []
        if len(due) != self._badge_count:
            self._badge_count = len(due)
            self.tray.setIcon(badge_icon(self._base_icon, len(due)))
        text = tooltip_text(due, self.workspace.applications())
        if self.scheduler_paused():
            text += "\n" + self.tr("Notifications paused until {0}").format(_when(self.scheduler.paused_until))
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
        show_filter = getattr(self.window, "show_filter", None)
        if show_filter is not None:
            show_filter("due")

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
        self.tray.showMessage(
            self.tr("Follow-up Desktop is still running"),
            self.tr("It keeps watching your follow-ups from the tray. Click the icon to open it; "
                    "choose Quit in its menu to stop it."),
            QSystemTrayIcon.Information, 10_000)
        self._remember(_CLOSE_HINT, True)

    def _confirm_quit(self) -> bool:
        answer = QMessageBox.question(
            self.window, self.tr("Quit Follow-up Desktop?"),
            self.tr("There is no system tray to keep Follow-up Desktop running in. If you close it, "
                    "you will not be told when a follow-up comes up until you start it again.\n\n"
                    "Quit now?"),
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        return answer == QMessageBox.Yes

    def _tell_no_tray(self) -> None:
        if self.state.value(_NO_TRAY_TOLD, False, type=bool):
            return
        show = getattr(self.window, "show_banner", None)
        if show is None:
            return
        show(self.tr("This desktop has no system tray, so Follow-up Desktop lives in this window: "
                     "keep it open (minimized is fine) to be told when a follow-up comes up."), None)
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

    def respond(self, key) -> None:
        """What a click on a notification does: the step's compose window, the close-out
        question, or the list of what is due."""
        kind, action_id = key
        if kind == K_SUMMARY or action_id is None:
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
        if action.name == ActionName.DEBRIEF and hasattr(self.window, "act_on"):
            # A note to self, not a message: what the window does for it (the interview's form).
            self.show_window()
            self.window.act_on(action)
            return
        compose = self.window.open_compose(action_id)
        if compose is not None:
            compose.show()
            compose.raise_()
            compose.activateWindow()

    def ask_close_out(self, action_id: str):
        from ..ui.closeout import CloseOutDialog

        action = self.workspace.action(action_id)
        if action is None:
            self.show_due()
            return None
        dialog = CloseOutDialog(self.workspace, action, open_compose=self._compose_for,
                                parent=self.window if self.window.isVisible() else None)
        dialog.setWindowModality(Qt.NonModal)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        self.close_out_dialog = dialog
        return dialog

    def _compose_for(self, action_id=None, application_key=None):
        if action_id is None:
            return self.window.open_compose(application_key=application_key)
        return self.window.open_compose(action_id)

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


def install_desktop_integration(app: QApplication, window, workspace, paths: DataPaths, *,
                                minimized: bool = False, **kw) -> DesktopIntegration:
    """Tray icon, notifications, close-to-tray and start at login for `window`. Shows the
    window unless `minimized` (then it starts in the tray, or minimized when there is none)."""
    return DesktopIntegration(app, window, workspace, paths, minimized=minimized, **kw)


__all__ = ["DesktopIntegration", "install_desktop_integration", "describe", "notice_text", "summary_text",
           "tooltip_text", "choose_notifier", "menu_text", "K_ACTION", "K_CLOSE_OUT", "K_SUMMARY"]
