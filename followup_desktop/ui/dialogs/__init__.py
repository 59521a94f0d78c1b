"""The main window's editing dialogs. They never touch the database: plain data in, validated
plain dicts out; the caller stores the result (through its undo stack)."""

from .application import ApplicationDialog
from .contacts import ContactsDialog
from .log_event import LOG_FORMS, LogEventDialog, form_for_event
from .settings_dialog import SettingsDialog

__all__ = ["ApplicationDialog", "ContactsDialog", "LogEventDialog", "LOG_FORMS", "form_for_event",
           "SettingsDialog"]
