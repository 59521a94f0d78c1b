"""The tray icon's menu: what is due now (click one to act on it, or snooze it), pausing
notifications, opening the window and quitting.

The menu only says what was chosen, through its signals; the controller decides what that does.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from .notifier import shown_as_is
from .texts import describe, due_now_header, menu_text, snooze_text, when

#: due steps listed before "All N due now…"
MENU_ACTIONS = 10


class TrayMenu(QObject):
    """The menu, rebuilt from what is due each time it opens (`fill`)."""

    open_window = Signal()
    quit = Signal()
    act_on = Signal(str)  # a due step's id
    snooze = Signal(str, object)  # a due step's id, for how long (timedelta)
    show_due = Signal()
    pause_for = Signal(object)  # timedelta
    pause_until_tomorrow = Signal()
    resume = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.open_action = QAction(QCoreApplication.translate("Tray", "&Open Follow-up Desktop"), self)
        self.open_action.setObjectName("trayOpen")
        f = self.open_action.font()
        f.setBold(True)
        self.open_action.setFont(f)
        self.open_action.triggered.connect(lambda: self.open_window.emit())
        self.quit_action = QAction(QCoreApplication.translate("Tray", "&Quit"), self, objectName="trayQuit")
        self.quit_action.triggered.connect(lambda: self.quit.emit())
        self.pause_hour = QAction(QCoreApplication.translate("Tray", "For &1 hour"), self)
        self.pause_hour.triggered.connect(lambda: self.pause_for.emit(timedelta(hours=1)))
        self.pause_tomorrow = QAction(QCoreApplication.translate("Tray", "Until &tomorrow"), self)
        self.pause_tomorrow.triggered.connect(lambda: self.pause_until_tomorrow.emit())
        self.resume_action = QAction(QCoreApplication.translate("Tray", "&Resume notifications"), self)
        self.resume_action.triggered.connect(lambda: self.resume.emit())
        self.menu = QMenu()
        self.menu.setObjectName("trayMenu")

    def fill(self, due, apps, paused_until: datetime | None, *, snooze_days: tuple[int, ...] = (1, 7)) -> None:
        """The items for `due` (the steps due now, most urgent first) over `apps`, each with its
        snooze choices (`snooze_days`, the settings' two lengths), and the pause submenu saying
        until when notifications are paused (None: they are not)."""
        menu = self.menu
        menu.clear()
        if due:
            header = menu.addAction(due_now_header(len(due)))
            header.setEnabled(False)
            for a in due[:MENU_ACTIONS]:
                item = menu.addAction(menu_text(describe(a, apps)))
                item.setToolTip(shown_as_is(a.reason))
                item.triggered.connect(lambda _=False, i=a.id: self.act_on.emit(i))
            if len(due) > MENU_ACTIONS:
                more = menu.addAction(QCoreApplication.translate("Tray", "All {0} due now…").format(len(due)))
                more.triggered.connect(lambda: self.show_due.emit())
            snooze = menu.addMenu(QCoreApplication.translate("Tray", "&Snooze"))
            snooze.setObjectName("traySnooze")
            choices = [(snooze_text(n), timedelta(days=n)) for n in snooze_days]
            for a in due[:MENU_ACTIONS]:
                sub = snooze.addMenu(menu_text(describe(a, apps)))
                for text, length in choices:
                    choice = sub.addAction(text)
                    choice.triggered.connect(lambda _=False, i=a.id, d=length: self.snooze.emit(i, d))
        else:
            nothing = menu.addAction(QCoreApplication.translate("Tray", "Nothing due now"))
            nothing.setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.open_action)
        pause = menu.addMenu(QCoreApplication.translate("Tray", "&Pause notifications"))
        pause.setObjectName("trayPause")
        if paused_until is not None:
            label = pause.addAction(QCoreApplication.translate("Tray", "Paused until {0}").format(when(paused_until)))
            label.setEnabled(False)
            pause.addAction(self.resume_action)
            pause.addSeparator()
        pause.addAction(self.pause_hour)
        pause.addAction(self.pause_tomorrow)
        menu.addSeparator()
        menu.addAction(self.quit_action)


__all__ = ["TrayMenu", "MENU_ACTIONS"]
