"""The template editor: the user's own wording, previewed live, saved to their templates folder,
and a broken file shown with its error while composing carries on with the shipped wording."""

from __future__ import annotations

import stat

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from followup_desktop.ui.compose import ComposeWindow
from followup_desktop.ui.template_editor import PREVIEW_DELAY_MS, TemplateEditor
from followup_desktop.wording import load_catalogue

from test_ui_compose import action_named, jordans_search, make_workspace, type_text  # noqa: F401 (fixture)

BROKEN = """[[template]]
id = "thank_you.email.mine"
situation = "thank_you"
channel = "email"
subject = "Thanks"
body = '''
Dear {{ contact_first_name }},
"""  # the body's quotes are never closed


@pytest.fixture
def windows(qtbot):
    made = []

    def keep(w):
        made.append(w)
        w.show()
        qtbot.waitExposed(w)
        return w

    yield keep
    for w in made:
        if shiboken6.isValid(w):
            w.close()


def test_a_broken_template_shows_its_error_in_the_editor_and_composing_still_works(
        qtbot, make_workspace, windows, jordans_search):
    ws = make_workspace(jordans_search())
    ws.paths.templates.mkdir(parents=True)
    (ws.paths.templates / "thank_you.email.mine.toml").write_text(BROKEN, encoding="utf-8")

    editor = windows(TemplateEditor(ws))
    assert editor.select_template("thank_you.email.mine", "user")
    assert "thank_you.email.mine.toml" in editor.error_text()
    assert BROKEN.strip() in editor.text_edit.toPlainText()  # the raw file, to fix it in place
    assert "Fix the problem" in editor.template_preview_text()

    compose = windows(ComposeWindow(ws, action=action_named(ws, "thank_you", "susan")))
    assert "the new filing system" in compose.body()
    assert compose.subject()


def test_a_shipped_template_is_read_only_until_the_user_makes_a_copy(qtbot, make_workspace, windows, jordans_search):
    ws = make_workspace(jordans_search())
    editor = windows(TemplateEditor(ws))
    assert editor.select_template("thank_you.email.1", "shipped")
    assert editor.text_edit.isReadOnly()
    assert not editor.copy_button.isHidden() and editor.delete_button.isHidden()

    with qtbot.waitSignal(editor.templates_changed):
        assert editor.make_copy()
    assert editor.current.source == "user" and editor.current.id == "thank_you.email.1"
    assert not editor.text_edit.isReadOnly()
    saved = ws.paths.templates / "thank_you.email.1.toml"
    assert saved.is_file() and stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert editor.delete_button.text().replace("&", "") == "Revert to shipped"


def test_the_preview_follows_the_typing_with_the_message_being_written(qtbot, make_workspace, windows, jordans_search):
    ws = make_workspace(jordans_search())
    compose = windows(ComposeWindow(ws, action=action_named(ws, "thank_you", "susan")))
    compose.edit_templates()
    editor = compose.template_editor
    windows(editor)
    assert editor.current.id == compose.draft.template_id
    assert "the new filing system" in editor.template_preview_text()  # this message, not a sample

    editor.make_copy()
    edit = editor.text_edit
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    edit.setFocus()
    # break it: the preview shows the error, live
    type_text(qtbot, edit, "\n[oops")
    qtbot.waitUntil(lambda: "not valid TOML" in editor.error_text(), timeout=PREVIEW_DELAY_MS * 10)
    edit.setPlainText(edit.toPlainText().replace("\n[oops", "").replace("Best regards,", "Warmly,"))
    qtbot.waitUntil(lambda: "Warmly," in editor.template_preview_text(), timeout=PREVIEW_DELAY_MS * 10)
    assert editor.error_text() == ""


def test_saved_wording_is_what_the_next_message_starts_from_and_revert_brings_back_the_shipped(
        qtbot, make_workspace, windows, jordans_search, monkeypatch):
    ws = make_workspace(jordans_search())
    action = action_named(ws, "thank_you", "susan")
    compose = windows(ComposeWindow(ws, action=action))
    first_id = compose.draft.template_id
    compose.edit_templates()
    editor = windows(compose.template_editor)
    editor.make_copy()
    editor.text_edit.setPlainText(editor.text_edit.toPlainText().replace("Best regards,", "With thanks,"))
    with qtbot.waitSignal(editor.templates_changed):
        assert editor.save()
    assert "With thanks," in (ws.paths.templates / f"{first_id}.toml").read_text(encoding="utf-8")
    # the open compose window picks the new wording up (the user had not edited the draft)
    assert "With thanks," in compose.body()

    asked = []  # the user answers Yes to the question the editor asks
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda parent, title, text, *a, **kw: asked.append(text) or QMessageBox.Yes))
    with qtbot.waitSignal(editor.templates_changed):
        assert editor.delete_current()
    assert len(asked) == 1
    assert not (ws.paths.templates / f"{first_id}.toml").exists()
    assert editor.current.source == "shipped"
    assert "Best regards," in compose.body()


def test_a_template_that_does_not_parse_is_not_saved(qtbot, make_workspace, windows, jordans_search):
    ws = make_workspace(jordans_search())
    editor = windows(TemplateEditor(ws))
    assert editor.select_template("nudge.email.1", "shipped")
    editor.make_copy()
    path = editor.current.path
    before = path.read_text(encoding="utf-8")
    editor.text_edit.setPlainText(before.replace('channel = "email"', 'channel = "pigeon"'))
    assert editor.save() is False
    assert "pigeon" in editor.status_label.text()
    assert path.read_text(encoding="utf-8") == before


def test_a_placeholder_is_inserted_at_the_cursor(qtbot, make_workspace, windows, jordans_search):
    ws = make_workspace(jordans_search())
    editor = windows(TemplateEditor(ws))
    assert editor.select_template("check_in.email.1", "shipped")
    editor.make_copy()
    edit = editor.text_edit
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    editor.insert_placeholder("employer")
    assert edit.toPlainText().endswith("{{ employer }}")


def test_opened_on_its_own_the_preview_uses_a_sample_message(make_workspace, windows, jordans_search):
    ws = make_workspace(jordans_search())
    editor = windows(TemplateEditor(ws))
    editor.select_template("thank_you.email.1", "shipped")
    assert "Alex" in editor.template_preview_text()
    assert load_catalogue(ws.paths.templates).user == []  # looking changes nothing


def test_unticking_a_fact_previews_the_other_wording_of_a_section(qtbot, make_workspace, windows, jordans_search):
    ws = make_workspace(jordans_search())
    editor = windows(TemplateEditor(ws))
    editor.select_template("nudge.email.1", "shipped")
    assert "You expected to have news" in editor.template_preview_text()  # the sample named a date
    editor.select_template("withdrawal_note.email.1", "shipped")
    assert "you and your colleagues" in editor.template_preview_text()
    item = next(editor.fact_list.item(i) for i in range(editor.fact_list.count())
                if editor.fact_list.item(i).data(Qt.UserRole) == "interviewed")
    item.setCheckState(Qt.Unchecked)
    preview = editor.template_preview_text()
    assert "you and your colleagues" not in preview and "the time you have given my application" in preview


def test_a_section_is_wrapped_around_the_selected_words(qtbot, make_workspace, windows, jordans_search):
    ws = make_workspace(jordans_search())
    editor = windows(TemplateEditor(ws))
    editor.select_template("thank_you.email.1", "shipped")
    editor.make_copy()
    edit = editor.text_edit
    cursor = edit.textCursor()
    start = edit.toPlainText().index("Thank you for meeting")
    cursor.setPosition(start)
    cursor.setPosition(start + len("Thank you for meeting"), cursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    editor.fact_list.setCurrentRow(1)  # interviewed
    editor.section_button.click()
    assert "{{ if interviewed }}Thank you for meeting{{ else }}{{ end }}" in edit.toPlainText()
    editor.update_preview()
    assert editor.error_text() == ""
