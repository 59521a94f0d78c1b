"""The *Getting started* text: what the app does, its keyboard shortcuts, where the data lives
and the playbook's rules with the numbers in force. Built here without Qt (the help window only
shows it), so it is read offline and tested as text.

`tr` translates a sentence (the window passes its own); every value put in is escaped, so a path
or a setting is shown as it is, never read as markup."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Callable

from .paths import DataPaths
from .settings import BOOL, CLOCK, HOURS, INTERVIEWS, PERSISTENCE, RANGES, REGISTRY, TIMING

#: the keys a person uses most, and what they do (the window's actions carry the same keys)
SHORTCUTS = (
    ("Ctrl+N", "Add a lead or an application"),
    ("Enter", "Write the selected application's next message (or act on its next step)"),
    ("Ctrl+E", "Edit the selected application"),
    ("Ctrl+Shift+E", "Edit the employer's contacts"),
    ("Delete", "Archive the selected applications (find them again under Archived)"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo any edit"),
    ("Ctrl+1 … Ctrl+5", "Show All / Due now / Active / Closed / Archived"),
    ("Ctrl+F", "Search employers, positions and people"),
    ("Esc", "Clear the search"),
    ("Tab / Shift+Tab", "Move between the list, the timeline's buttons and the timeline"),
    ("F6 / Shift+F6", "Jump to the next / previous part of the window"),
    ("Ctrl+,", "Settings"),
    ("F1", "This help"),
)

#: the groups of settings that are the playbook's rules, in the order the help tells them
RULE_GROUPS = (TIMING, INTERVIEWS, PERSISTENCE, HOURS)

#: units a value of 1 reads in the singular ("1 day")
_SINGULAR = {"days": "day", "hours": "hour", "minutes": "minute", "follow-ups": "follow-up"}


def _identity(text: str) -> str:
    return text


def _unit(value, unit: str, tr) -> str:
    unit = tr(unit)
    if value == 1:
        unit = " ".join(_SINGULAR.get(w, w) for w in unit.split(" "))
    return unit


def _span(days: int, tr) -> str:
    """A snooze's length as a person says it: "1 day", "3 days", "1 week", "2 weeks"."""
    if days % 7 == 0:
        weeks = days // 7
        return tr("1 week") if weeks == 1 else tr("{0} weeks").format(weeks)
    return tr("1 day") if days == 1 else tr("{0} days").format(days)


def rule_lines(settings, tr: Callable[[str], str] = _identity) -> list[tuple[str, list[str]]]:
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
                shown = f"{value} {_unit(value, spec.unit, tr)}".strip()
            lines.append(f"{tr(spec.label)}: {shown}")
        out.append((tr(group), lines))
    return out


def getting_started_html(settings, data_dir: Path, tr: Callable[[str], str] = _identity) -> str:
    """The whole page, as simple HTML for a text browser."""
    e = escape
    data_dir = Path(data_dir)
    paths = DataPaths(data_dir)

    def name(path: Path, folder: bool = False) -> str:  # as it sits in the data dir
        return e(path.relative_to(paths.root).as_posix() + ("/" if folder else ""))

    parts = [
        f"<h2>{e(tr('Getting started'))}</h2>",
        "<p>" + e(tr("Follow-up Desktop tells you when and how to follow up on each job application: "
                     "a thank-you within a day of an interview, a status check a week after applying, "
                     "a call after the date they said they would decide, one short nudge after "
                     "silence, and then the moment to close the lead and move on.")) + "</p>",
        "<ol>",
        "<li>" + e(tr("Add each job you are after (Ctrl+N), as a lead or as an application.")) + "</li>",
        "<li>" + e(tr("Log what happens with the Log buttons above the timeline: that you applied, an "
                      "interview (with who you met), a reply, a call. Back-date it freely; an interview "
                      "can also be planned ahead.")) + "</li>",
        "<li>" + e(tr("The list shows each application's next step and when it is due, most urgent "
                      "first. Press Enter to write the message; Mark as sent puts it on the timeline.")) + "</li>",
        "<li>" + e(tr("The tray icon counts what is due and tells you when a step opens, never in "
                      "quiet hours; more than {0} at once come as one summary. Snooze a step from the "
                      "tray menu or the message window for {1} or {2}.")
                   .format(settings.summary_above, _span(settings.snooze_short_days, tr),
                           _span(settings.snooze_long_days, tr))) + "</li>",
        "</ol>",
        f"<h3>{e(tr('Keyboard'))}</h3>",
        "<table cellspacing='0' cellpadding='3'>",
    ]
    for keys, what in SHORTCUTS:
        parts.append(f"<tr><td><b>{e(tr(keys))}</b></td><td>{e(tr(what))}</td></tr>")
    parts += [
        "</table>",
        f"<h3>{e(tr('Where your data lives'))}</h3>",
        "<p>" + e(tr("Everything stays on this computer, in one folder:")) + "</p>",
        f"<p><code>{e(str(data_dir))}</code></p>",
        "<ul>",
        f"<li><code>{name(paths.database)}</code> — {e(tr('your applications, contacts and timeline'))}</li>",
        f"<li><code>{name(paths.backups, True)}</code> — {e(tr('copies made before the file is upgraded'))}</li>",
        f"<li><code>{name(paths.log_file)}</code> — {e(tr('what went wrong, if anything did'))}</li>",
        f"<li><code>{name(paths.window_state)}</code> — {e(tr('window size, columns and one-time hints'))}</li>",
        "</ul>",
        "<p>" + e(tr("File → Export… writes everything to one JSON file; File → Import… reads one back. "
                     "Nothing is sent anywhere: the app has no network access.")) + "</p>",
        f"<h3>{e(tr('The rules in force'))}</h3>",
        "<p>" + e(tr("Every number of the playbook is a setting (Tools → Settings…, Ctrl+,). "
                     "These are yours now:")) + "</p>",
    ]
    for group, lines in rule_lines(settings, tr):
        parts.append(f"<p><b>{e(group)}</b></p><ul>")
        parts += [f"<li>{e(line)}</li>" for line in lines]
        parts.append("</ul>")
    return "\n".join(parts)


__all__ = ["getting_started_html", "rule_lines", "SHORTCUTS", "RULE_GROUPS"]