"""Every word the tray, its menu and its notifications show, in one place.

Each text is a literal `QCoreApplication.translate("Tray", …)` call, so Qt's translation tools
find it; names and dates go into the translated text through `{0}` placeholders. A step's name
comes from the vocabulary's label table (`desktop/translations.py` translates it)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from ..desktop.translations import shown
from ..vocab import ACTIONS, ActionName

#: lines a summary notification lists before "…and N more"
SUMMARY_LINES = 3


def action_label(name) -> str:
    """The step's label from the vocabulary's table, in the user's language."""
    return shown(ACTIONS, name)


def describe(action, apps) -> str:
    """"Thank-you note to Susan Smith (Acme Corp)": one line naming a step."""
    app = apps.get(action.application)
    employer = app.employer_name if app else action.application
    if action.name == ActionName.CLOSE_OUT:
        return QCoreApplication.translate("Tray", "Close the {0} lead? ({1})").format(
            employer, app.position if app else "")
    label = action_label(action.name)
    if action.contact_name:
        return QCoreApplication.translate("Tray", "{0} to {1} ({2})").format(label, action.contact_name, employer)
    return QCoreApplication.translate("Tray", "{0} ({1})").format(label, employer)


def when(d: datetime) -> str:
    return f"{d:%a %b} {d.day}, {d:%H:%M}"


def notice_text(notice, apps) -> tuple[str, str]:
    """Title and body of one notification."""
    from .schedule import CLOSE_OUT, OVERDUE

    a = notice.action
    app = apps.get(a.application)
    employer = app.employer_name if app else a.application
    if notice.kind == CLOSE_OUT:
        title = QCoreApplication.translate("Tray", "Close the {0} lead?").format(employer)
        body = QCoreApplication.translate(
            "Tray", "No answer from {0} since your follow-up on {1}. Close this lead?").format(
            employer, f"{a.anchor:%B} {a.anchor.day}")
        return title, body
    if notice.kind == OVERDUE:
        title = QCoreApplication.translate("Tray", "Overdue: {0}").format(describe(a, apps))
        body = QCoreApplication.translate("Tray", "It was due {0}. {1}").format(when(a.due), a.reason)
        return title, body
    return describe(a, apps), a.reason


def summary_text(notices, apps, catch_up: bool) -> tuple[str, str]:
    n = len(notices)
    if catch_up:
        title = QCoreApplication.translate("Tray", "{0} follow-ups came up while Follow-up Desktop was closed").format(n)
    else:
        title = QCoreApplication.translate("Tray", "{0} follow-ups need you").format(n)
    lines = [describe(x.action, apps) for x in notices[:SUMMARY_LINES]]
    if n > SUMMARY_LINES:
        lines.append(QCoreApplication.translate("Tray", "…and {0} more").format(n - SUMMARY_LINES))
    return title, "\n".join(lines)


def due_count_text(n: int) -> str:
    if n == 1:
        return QCoreApplication.translate("Tray", "1 follow-up due")
    return QCoreApplication.translate("Tray", "{0} follow-ups due").format(n)


def due_now_header(n: int) -> str:
    if n == 1:
        return QCoreApplication.translate("Tray", "1 follow-up due now")
    return QCoreApplication.translate("Tray", "{0} follow-ups due now").format(n)


def tooltip_text(due, apps) -> str:
    """"3 follow-ups due — Thank-you note to Susan Smith (Acme Corp); … …"."""
    if not due:
        return QCoreApplication.translate("Tray", "Follow-up Desktop — nothing due now")
    rest = "; ".join(describe(a, apps) for a in due[:2])
    more = " …" if len(due) > 2 else ""
    return f"{due_count_text(len(due))} — {rest}{more}"


def paused_tooltip(until: datetime) -> str:
    return QCoreApplication.translate("Tray", "Notifications paused until {0}").format(when(until))


def menu_text(text: str) -> str:
    """`text` for a menu item, shown as it is: an "&" in a name is not a shortcut marker."""
    return text.replace("&", "&&")


def snooze_text(days: int) -> str:
    """A Snooze choice: "For 1 day", "For 1 week", "For 3 days" (whole weeks read as weeks)."""
    if days % 7 == 0:
        weeks = days // 7
        if weeks == 1:
            return QCoreApplication.translate("Tray", "For 1 &week")
        return QCoreApplication.translate("Tray", "For {0} &weeks").format(weeks)
    if days == 1:
        return QCoreApplication.translate("Tray", "For 1 &day")
    return QCoreApplication.translate("Tray", "For {0} &days").format(days)


def close_hint() -> tuple[str, str]:
    """The one-time balloon when the window first goes to the tray."""
    return (QCoreApplication.translate("Tray", "Follow-up Desktop is still running"),
            QCoreApplication.translate(
                "Tray", "It keeps watching your follow-ups from the tray. Click the icon to open it; "
                "choose Quit in its menu to stop it."))


def quit_question() -> tuple[str, str]:
    """Closing the window where there is no tray to live in."""
    return (QCoreApplication.translate("Tray", "Quit Follow-up Desktop?"),
            QCoreApplication.translate(
                "Tray", "There is no system tray to keep Follow-up Desktop running in. If you close it, "
                "you will not be told when a follow-up comes up until you start it again.\n\nQuit now?"))


def reply_arrived_text(employer: str) -> tuple[str, str]:
    """A message from an employer is waiting in the Inbox: "Acme Corp replied"."""
    return (QCoreApplication.translate("Tray", "{0} replied").format(employer),
            QCoreApplication.translate("Tray", "Open the Inbox to read it and confirm what it says."))


def inbox_count_text(n: int) -> str:
    """The line the tooltip adds for the messages waiting in the Inbox."""
    if n == 1:
        return QCoreApplication.translate("Tray", "1 message waiting in the Inbox")
    return QCoreApplication.translate("Tray", "{0} messages waiting in the Inbox").format(n)


def no_tray_banner() -> str:
    return QCoreApplication.translate(
        "Tray", "This desktop has no system tray, so Follow-up Desktop lives in this window: "
        "keep it open (minimized is fine) to be told when a follow-up comes up.")


__all__ = ["SUMMARY_LINES", "describe", "when", "notice_text", "summary_text", "due_count_text", "due_now_header",
           "tooltip_text", "paused_tooltip", "menu_text", "snooze_text", "close_hint", "quit_question", "no_tray_banner",
           "reply_arrived_text", "inbox_count_text"]
