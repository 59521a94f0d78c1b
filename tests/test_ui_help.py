"""Help → Getting started: what the app does, its keys, where the data lives and the rules with
the numbers in force, built offline from the settings."""

from __future__ import annotations

import sys
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from followup_desktop.helptext import SHORTCUTS, getting_started_html, rule_lines
from followup_desktop.settings import Settings


def test_the_help_text_is_built_without_qt(tmp_path):
    import subprocess

    code = ("import sys; from followup_desktop.helptext import getting_started_html; "
            "from followup_desktop.settings import Settings; getting_started_html(Settings(), '/x'); "
            "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was imported'")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_changed_setting_shows_its_number_in_the_rules(tmp_path):
    default = getting_started_html(Settings(), tmp_path)
    changed = getting_started_html(Settings({"thank_you_due_hours": 12, "nudge_after_days": 1}), tmp_path)
    assert "Send thank-you notes within: 24 hours" in default
    assert "Send thank-you notes within: 12 hours" in changed and "within: 24 hours" not in changed
    assert "Nudge after an unanswered follow-up by: 1 day<" in changed  # the singular
    assert "Quiet hours start: 21:00" in changed


def test_every_rule_of_the_playbook_is_in_the_help_and_the_profile_is_not():
    groups = dict(rule_lines(Settings({"profile_name": "Jordan Lee"})))
    assert list(groups) == ["Follow-up timing", "Interviews", "Persistence", "Call and quiet hours"]
    text = " ".join(line for lines in groups.values() for line in lines)
    assert "Check on an application after: 7 days" in text and "Jordan Lee" not in text


def test_the_data_dir_is_named_and_shown_as_text_not_markup(tmp_path):
    odd = tmp_path / "<b>data</b>"
    html = getting_started_html(Settings(), odd)
    assert "&lt;b&gt;data&lt;/b&gt;" in html and "<b>data</b>" not in html


@pytest.fixture
def now():
    return datetime(2026, 3, 9, 10, 0)


def test_every_key_the_help_names_does_what_it_says(window):
    keys = set()
    for action in window.findChildren(type(window.act_help)):
        keys.update(k.toString(QKeySequence.PortableText) for k in action.shortcuts())
    for names, _ in SHORTCUTS:
        for name in names.replace(" … ", " / ").split(" / "):
            name = name.strip()
            if name in ("Tab", "Shift+Tab", "Enter"):
                continue  # Qt's own focus keys, and the list's Enter (a shortcut on the list itself)
            assert QKeySequence(name).toString(QKeySequence.PortableText) in keys, name


def test_f1_opens_getting_started_with_the_data_dir_and_follows_a_settings_change(qtbot, window, data_dir):
    qtbot.keyClick(window, Qt.Key_F1)
    help_window = window.help_window
    assert help_window.isVisible()
    text = help_window.browser.toPlainText()
    assert str(data_dir) in text
    assert "Ctrl+," in text and "Send thank-you notes within: 24 hours" in text
    with qtbot.waitSignal(window.workspace.operations.drained):  # saved on the write worker
        window.workspace.save_settings({"thank_you_due_hours": 12})
    assert "Send thank-you notes within: 12 hours" in help_window.browser.toPlainText()
    help_window.close()
    QApplication.processEvents()
