"""Names are text, never markup: an employer or a person called "<b>Bold</b><img src=x>" is shown
exactly so in the timeline's title and people, its tooltips, the list's tooltips, the banner and
the messages under fields (Qt would otherwise read such strings as rich text)."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt, QTextDocument
from PySide6.QtWidgets import QLabel

from followup_desktop.ui.dialogs import ContactsDialog
from followup_desktop.ui.listmodel import ApplicationsModel as M
from followup_desktop.ui.timeline import ACTION, EVENT

MARKUP = "<b>Bold</b><img src=x>"
NOW = datetime(2026, 3, 18, 10, 0)


def shown_text(text: str) -> str:
    """What a person reads in a tooltip (or label) holding `text`: rich text when Qt takes it
    for HTML, as the tooltip and QLabel do."""
    if GuiQt.mightBeRichText(text):
        doc = QTextDocument()
        doc.setHtml(text)
        assert "<img" not in doc.toHtml().split("<body", 1)[-1].replace("&lt;img", ""), "an image would be drawn"
        return doc.toPlainText()
    return text


def label_shows(label: QLabel, text: str) -> bool:
    fmt = label.textFormat()
    rich = fmt == Qt.RichText or (fmt == Qt.AutoText and GuiQt.mightBeRichText(label.text()))
    return not rich and label.text() == text or rich and shown_text(label.text()) == text


@pytest.fixture
def now():
    return NOW


@pytest.fixture
def leads(dataset):
    return dataset([{"kind": "applied", "at": "2026-03-02T09:00:00", "contacts": ["p"]}],
                   employers=[{"key": "odd", "name": MARKUP}],
                   contacts=[{"key": "p", "employer": "odd", "name": MARKUP, "role": "recruiter"}],
                   applications=[{"key": "odd-1", "employer": "odd", "position": MARKUP, "stage": "applied"}])


@pytest.fixture
def window(window):
    window.select_application("odd-1")
    return window


def test_the_timelines_title_subtitle_and_people_show_names_as_typed(window):
    panel = window.timeline
    assert label_shows(panel.title, MARKUP)
    assert label_shows(panel.subtitle, MARKUP)
    assert label_shows(panel.people, f"{MARKUP} (Recruiter)")


def test_the_timelines_tooltips_show_names_as_typed(window):
    model = window.timeline.view.timeline_model
    for row, (kind, _) in enumerate(model.items):
        if kind in (EVENT, ACTION):
            tip = model.index(row).data(Qt.ToolTipRole)
            assert MARKUP in shown_text(tip), tip


def test_the_lists_tooltip_shows_names_as_typed(window):
    tip = window.proxy.index(0, M.NEXT_STEP).data(Qt.ToolTipRole)
    assert window.proxy.index(0, M.EMPLOYER).data() == MARKUP
    assert MARKUP in shown_text(tip), tip


def test_the_archived_views_tooltips_show_names_as_typed(qtbot, window):
    with qtbot.waitSignal(window.workspace.operations.drained):  # written on the write worker
        window.archive_selected()
    window.show_filter("archived")
    item = window.archived.table.item(0, 0)
    assert item.text() == MARKUP and shown_text(item.toolTip()) == MARKUP


def test_the_banner_and_a_search_that_matches_nothing_show_text_as_typed(window):
    window.show_banner(f"{MARKUP} replied")
    assert label_shows(window.banner.label, f"{MARKUP} replied")
    window.search.setText(MARKUP + "zz")
    assert label_shows(window.no_match, f"No application matches “{MARKUP}zz”.")


def test_a_fields_message_quotes_what_was_typed_as_text(qtbot):
    dialog = ContactsDialog("Acme Corp", [{"key": "s", "name": "Susan", "role": "hr", "email": "", "phone": ""}])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.email, "<b>x</b>")
    message = dialog.findChild(QLabel, "contact_email_message")
    assert message.isVisible() and "<b>x</b>" in message.text() and label_shows(message, message.text())
    item = dialog.list.item(0)
    assert "<b>x</b>" in shown_text(item.toolTip())


def test_the_contacts_dialog_names_the_employer_as_typed(qtbot):
    dialog = ContactsDialog(MARKUP, [])
    qtbot.addWidget(dialog)
    label = dialog.findChild(QLabel, "empty_state")
    assert MARKUP in label.text() and label.textFormat() == Qt.PlainText
