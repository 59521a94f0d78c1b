"""The numbers the tray and the windows used to carry in their code are settings now: how long
Keep waiting waits, what the two Snooze choices are, and how many notifications at once become one
summary. Changed in the settings, each moves what the user sees and what is stored."""

from __future__ import annotations

from datetime import datetime

import pytest

from followup_desktop.helptext import getting_started_html, rule_lines
from followup_desktop.settings import DESKTOP, PERSISTENCE, SPECS, Settings
from followup_desktop.store import Store
from followup_desktop.tray.controller import K_CLOSE_OUT
from followup_desktop.tray.schedule import plan
from test_tray_controller import APPLIED, GHOSTED, INTERVIEW, desks, doc, open_close_out_dialog  # noqa: F401
from test_ui_compose import action_named, compose, jordans_search, make_workspace  # noqa: F401 (fixtures)
from timeline import RAJ, SUSAN, Timeline, dt


def save(data_dir, **changes):
    with Store(data_dir) as store:
        store.save_settings(changes)


@pytest.mark.parametrize("name, default, group", [
    ("keep_waiting_days", 14, PERSISTENCE), ("snooze_short_days", 1, DESKTOP),
    ("snooze_long_days", 7, DESKTOP), ("summary_above", 3, DESKTOP)])
def test_the_numbers_of_the_tray_and_the_close_out_are_settings_with_their_old_defaults(name, default, group):
    spec = SPECS[name]
    assert (spec.default, spec.group) == (default, group) and spec.label
    assert spec.minimum <= default <= spec.maximum
    assert getattr(Settings(), name) == default


def test_keep_waiting_is_a_rule_the_help_lists_with_its_number_in_force(tmp_path):
    text = " ".join(line for _, lines in rule_lines(Settings({"keep_waiting_days": 10})) for line in lines)
    assert "Keep waiting on a quiet lead, when asked, for: 10 days" in text


def test_the_help_names_the_summary_and_snooze_numbers_in_force(tmp_path):
    default = getting_started_html(Settings(), tmp_path)
    assert "more than 3 at once come as one summary" in default and "for 1 day or 1 week" in default
    changed = getting_started_html(Settings({"summary_above": 5, "snooze_short_days": 2,
                                             "snooze_long_days": 14}), tmp_path)
    assert "more than 5 at once come as one summary" in changed and "for 2 days or 2 weeks" in changed


def test_more_notices_than_the_setting_at_once_become_one_summary():
    t = Timeline(key="a", contacts=(SUSAN, RAJ, ("li", "Li Wei", "interviewer")), stage="interviewing")
    t.log("interview", "2026-03-03T14:00", contacts=["susan", "raj", "li"], decision_expected="2026-03-06")
    three = t.actions("2026-03-03T15:00")
    assert not plan(three, {}, Settings(), dt("2026-03-03T15:00")).summary  # 3 is not above 3
    assert plan(three, {}, Settings({"summary_above": 2}), dt("2026-03-03T15:00")).summary


def test_keep_waiting_asks_again_after_the_days_set(qtbot, desks, data_dir, seed, doc, clock_at):  # noqa: F811
    seed(doc(GHOSTED, applications=APPLIED))
    save(data_dir, keep_waiting_days=10)
    d = desks(clock_at(datetime(2026, 3, 10, 10, 0)))
    [(key, _, _)] = d.notifier.sent
    assert key[0] == K_CLOSE_OUT
    d.notifier.clicked.emit(key)
    dialog = open_close_out_dialog()
    assert dialog.wait_button.text() == "&Keep waiting 10 days"
    assert dialog.wait_button.toolTip() == "Ask again in 10 days."
    with qtbot.waitSignal(d.workspace.operations.drained):  # written on the write worker
        dialog.wait_button.click()
    assert d.workspace.action_state(key[1]).snoozed_until == datetime(2026, 3, 20, 10, 0)


def test_the_tray_menu_snoozes_for_the_lengths_set(qtbot, desks, data_dir, seed, doc, clock_at):  # noqa: F811
    seed(doc([INTERVIEW]))
    save(data_dir, snooze_short_days=2, snooze_long_days=14)
    d = desks(clock_at(datetime(2026, 3, 3, 15, 30)))
    d.desk.menu.aboutToShow.emit()
    snooze_menu = next(a.menu() for a in d.desk.menu.actions() if a.menu() and a.menu().objectName() == "traySnooze")
    item = snooze_menu.actions()[0].menu()
    assert [a.text() for a in item.actions()] == ["For 2 &days", "For 2 &weeks"]
    action_id = d.workspace.due_now()[0].id
    with qtbot.waitSignal(d.workspace.operations.drained):  # written on the write worker
        item.actions()[1].trigger()
    assert d.workspace.action_state(action_id).snoozed_until == datetime(2026, 3, 17, 15, 30)


def test_the_compose_window_snoozes_for_the_lengths_set(
        qtbot, make_workspace, compose, jordans_search):  # noqa: F811
    ws = make_workspace(jordans_search())
    with qtbot.waitSignal(ws.operations.drained):  # saved on the write worker
        ws.save_settings({"snooze_short_days": 3})
    action = action_named(ws, "thank_you", "susan")
    w = compose(ws, action=action)
    assert [a.text() for a in w.snooze_actions] == ["For &3 days", "For 1 &week"]
    with qtbot.waitSignal(ws.operations.drained):
        w.snooze_actions[0].trigger()
    assert ws.action_state(action.id).snoozed_until == datetime(2026, 3, 13, 16, 0)
