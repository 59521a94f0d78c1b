"""The *Getting started* text: what the app does, its keyboard shortcuts, where the data lives
and the playbook's rules with the numbers in force. Built here without Qt (the help window only
shows it), so it is read offline and tested as text.

Its sentences are marked for Qt's translation tools (`QT_TRANSLATE_NOOP`, no Qt needed) and given
in the reader's language by the function the window passes; every value put in is escaped, so a path
or a setting is shown as it is, never read as markup."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Callable

from .paths import DataPaths
from .settings import BOOL, CLOCK, HOURS, INTERVIEWS, PERSISTENCE, RANGES, REGISTRY, TIMING
from .vocab import QT_TRANSLATE_NOOP

#: the keys a person uses most, and what they do (the window's actions carry the same keys)
SHORTCUTS = (
    (QT_TRANSLATE_NOOP("FollowupHelp", "Ctrl+N"),
     QT_TRANSLATE_NOOP("FollowupHelp", "Add a lead or an application")),
    (QT_TRANSLATE_NOOP("FollowupHelp", "Enter"),
     QT_TRANSLATE_NOOP("FollowupHelp", "Write the selected application's next message (or act on its next step)")),
    (QT_TRANSLATE_NOOP("FollowupHelp", "Ctrl+E"),
     QT_TRANSLATE_NOOP("FollowupHelp", "Edit the selected application")),
    (QT_TRANSLATE_NOOP("FollowupHelp", "Ctrl+Shift+E"),
     QT_TRANSLATE_NOOP("FollowupHelp", "Edit the employer's contacts")),
    (QT_TRANSLATE_NOOP("FollowupHelp", "Delete"),
     QT_TRANSLATE_NOOP("FollowupHelp", "Archive the selected applications (find them again under Archived)")),
    (QT_TRANSLATE_NOOP("FollowupHelp", "Ctrl+Z / Ctrl+Shift+Z"),
     QT_TRANSLATE_NOOP("FollowupHelp", "Undo / redo any edit")),
    (QT_TRANSLATE_NOOP("FollowupHelp", "Ctrl+1 … Ctrl+5"),
     QT_TRANSLATE_NOOP("FollowupHelp", "Show All / Due now / Active / Closed / Archived")),
    (QT_TRANSLATE_NOOP("FollowupHelp", "Ctrl+F"),
     QT_TRANSLATE_NOOP("FollowupHelp", "Search employers, positions and people")),
    (QT_TRANSLATE_NOOP("FollowupHelp", "Esc"),
     QT_TRANSLATE_NOOP("FollowupHelp", "Clear the search")),
    (QT_TRANSLATE_NOOP("FollowupHelp", "Tab / Shift+Tab"),
     QT_TRANSLATE_NOOP("FollowupHelp", "Move between the list, the timeline's buttons and the timeline")),
    (QT_TRANSLATE_NOOP("FollowupHelp", "F6 / Shift+F6"),
     QT_TRANSLATE_NOOP("FollowupHelp", "Jump to the next / previous part of the window")),
    (QT_TRANSLATE_NOOP("FollowupHelp", "Ctrl+,"),
     QT_TRANSLATE_NOOP("FollowupHelp", "Settings")),
    (QT_TRANSLATE_NOOP("FollowupHelp", "F1"),
     QT_TRANSLATE_NOOP("FollowupHelp", "This help")),
)

#: the groups of settings that are the playbook's rules, in the order the help tells them
RULE_GROUPS = (TIMING, INTERVIEWS, PERSISTENCE, HOURS)

#: units a value of 1 reads in the singular ("1 day")
_SINGULAR = {"days": "day", "hours": "hour", "minutes": "minute", "follow-ups": "follow-up"}


def _as_is(context: str, text: str) -> str:
    return text


#: the context the help's own sentences are marked (and translated) with; the settings' labels,
#: units and groups keep the settings dialog's ("FollowupSettings")
HELP, SETTINGS = "FollowupHelp", "FollowupSettings"


def _unit(value, unit: str, translated) -> str:
    unit = translated(SETTINGS, unit) if unit else unit
    if value == 1:
        unit = " ".join(_SINGULAR.get(w, w) for w in unit.split(" "))
    return unit


def _span(days: int, translated) -> str:
    """A snooze's length as a person says it: "1 day", "3 days", "1 week", "2 weeks"."""
    if days % 7 == 0:
        weeks = days // 7
        if weeks == 1:
            return translated(HELP, QT_TRANSLATE_NOOP("FollowupHelp", "1 week"))
        return translated(HELP, QT_TRANSLATE_NOOP("FollowupHelp", "{0} weeks")).format(weeks)
    if days == 1:
        return translated(HELP, QT_TRANSLATE_NOOP("FollowupHelp", "1 day"))
    return translated(HELP, QT_TRANSLATE_NOOP("FollowupHelp", "{0} days")).format(days)


def rule_lines(settings, translated: Callable[[str, str], str] = _as_is) -> list[tuple[str, list[str]]]:
    """[(group, ["label: value unit", …]), …] for the playbook's settings, with the values in
    force (`settings` is a `Settings`)."""
    out = []
    for group in RULE_GROUPS:
        lines = []
        for spec in REGISTRY:
            if spec.group != group or spec.kind == BOOL:
                continue
            value = settings.raw.get(spec.name, spec.default)
            if spec.kind in (CLOCK, RANGES):
                shown = str(value)
            else:
                shown = f"{value} {_unit(value, spec.unit, translated)}".strip()
            lines.append(f"{translated(SETTINGS, spec.label)}: {shown}")
        out.append((translated(SETTINGS, group), lines))
    return out


def getting_started_html(settings, data_dir: Path, translated: Callable[[str, str], str] = _as_is) -> str:
    """The whole page, as simple HTML for a text browser. `translated(context, text)` gives a
    marked string in the reader's language (the help window passes one; by default English)."""
    def t(text: str) -> str:
        return escape(translated(HELP, text))

    data_dir = Path(data_dir)
    paths = DataPaths(data_dir)

    def name(path: Path, folder: bool = False) -> str:  # as it sits in the data dir
        return escape(path.relative_to(paths.root).as_posix() + ("/" if folder else ""))

    parts = [
        "<h2>" + t(QT_TRANSLATE_NOOP("FollowupHelp", "Getting started")) + "</h2>",
        "<p>" + t(QT_TRANSLATE_NOOP("FollowupHelp", "Follow-up Desktop tells you when and how to follow up on each "
                                    "job application: a thank-you within a day of an interview, a status check a "
                                    "week after applying, a call after the date they said they would decide, one "
                                    "short nudge after silence, and then the moment to close the lead and move "
                                    "on.")) + "</p>",
        "<ol>",
        "<li>" + t(QT_TRANSLATE_NOOP("FollowupHelp", "Add each job you are after (Ctrl+N), as a lead or as an "
                                     "application.")) + "</li>",
        "<li>" + t(QT_TRANSLATE_NOOP("FollowupHelp", "Log what happens with the Log buttons above the timeline: "
                                     "that you applied, an interview (with who you met), a reply, a call. Back-date "
                                     "it freely; an interview can also be planned ahead.")) + "</li>",
        "<li>" + t(QT_TRANSLATE_NOOP("FollowupHelp", "The list shows each application's next step and when it is "
                                     "due, most urgent first. Press Enter to write the message; Mark as sent puts it "
                                     "on the timeline.")) + "</li>",
        "<li>" + escape(translated(HELP, QT_TRANSLATE_NOOP(
            "FollowupHelp", "The tray icon counts what is due and tells you when a step opens, never in quiet "
            "hours; more than {0} at once come as one summary. Snooze a step from the tray menu or the message "
            "window for {1} or {2}.")).format(settings.summary_above, _span(settings.snooze_short_days, translated),
                                              _span(settings.snooze_long_days, translated))) + "</li>",
        "</ol>",
        "<h3>" + t(QT_TRANSLATE_NOOP("FollowupHelp", "Keyboard")) + "</h3>",
        "<table cellspacing='0' cellpadding='3'>",
    ]
    for keys, what in SHORTCUTS:
        parts.append(f"<tr><td><b>{t(keys)}</b></td><td>{t(what)}</td></tr>")
    parts += [
        "</table>",
        "<h3>" + t(QT_TRANSLATE_NOOP("FollowupHelp", "Where your data lives")) + "</h3>",
        "<p>" + t(QT_TRANSLATE_NOOP("FollowupHelp", "Everything stays on this computer, in one folder:")) + "</p>",
        f"<p><code>{escape(str(data_dir))}</code></p>",
        "<ul>",
        f"<li><code>{name(paths.database)}</code> — "
        + t(QT_TRANSLATE_NOOP("FollowupHelp", "your applications, contacts and timeline")) + "</li>",
        f"<li><code>{name(paths.backups, True)}</code> — "
        + t(QT_TRANSLATE_NOOP("FollowupHelp", "copies made before the file is upgraded")) + "</li>",
        f"<li><code>{name(paths.log_file)}</code> — "
        + t(QT_TRANSLATE_NOOP("FollowupHelp", "what went wrong, if anything did")) + "</li>",
        f"<li><code>{name(paths.window_state)}</code> — "
        + t(QT_TRANSLATE_NOOP("FollowupHelp", "window size, columns and one-time hints")) + "</li>",
        "</ul>",
        "<p>" + t(QT_TRANSLATE_NOOP("FollowupHelp", "File → Export… writes everything to one JSON file; File → "
                                    "Import… reads one back. Nothing is sent anywhere: the app has no network "
                                    "access.")) + "</p>",
        "<h3>" + t(QT_TRANSLATE_NOOP("FollowupHelp", "The rules in force")) + "</h3>",
        "<p>" + t(QT_TRANSLATE_NOOP("FollowupHelp", "Every number of the playbook is a setting (Tools → "
                                    "Settings…, Ctrl+,). These are yours now:")) + "</p>",
    ]
    for group, lines in rule_lines(settings, translated):
        parts.append(f"<p><b>{escape(group)}</b></p><ul>")
        parts += [f"<li>{escape(line)}</li>" for line in lines]
        parts.append("</ul>")
    return "\n".join(parts)
