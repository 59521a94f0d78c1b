"""The template editor: the user's own wording, written in the core's template format (TOML), with
a live preview filled from a real message (or a sample one) and the file's errors shown in place.

Shipped templates are read-only; "Make my copy" writes a user copy with the same id, which then
wins over the shipped one until it is reverted. Saving and deleting go through the wording core.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QFontDatabase, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ..desktop.translations import marked
from ..wording import (
    CHANNELS,
    FLAGS,
    PLACEHOLDERS,
    SITUATIONS,
    Context,
    Recipient,
    load_catalogue,
    parse_template,
    render,
    template_to_text,
)
from . import style

log = logging.getLogger(__name__)

PREVIEW_DELAY_MS = 150
SHIPPED, USER = "shipped", "user"


translate = QCoreApplication.translate  # translate("Context", "…"): what pyside6-lupdate reads


def sample_context() -> Context:
    """A made-up message to preview templates with when the editor is opened on its own."""
    values = {
        "my_name": "Jordan Lee",
        "my_email": "jordan@example.org",
        "my_phone": "+1 555 0100",
        "signature": "+1 555 0100",
        "contact_name": "Alex Morgan",
        "contact_first_name": "Alex",
        "greeting_name": "Alex",
        "reply_subject": "Your application: Operations Coordinator",
        "employer": "Northwind Traders",
        "position": "Operations Coordinator",
        "interview_date": "Tuesday, March 10",
        "key_point": "how the team plans its shipping schedule",
        "decision_date": "Friday, March 20",
        "referrer": "Sam Rivera",
        "applied_date": "March 2",
        "applied_subject": "Application: Operations Coordinator",
        "next_date": "March 25",
        "materials": "a short portfolio of process write-ups",
        "debrief_lines": "Alex Morgan: the shipping schedule",
    }
    return Context(
        values={k: v for k, v in values.items() if k in PLACEHOLDERS},
        recipients=[Recipient("sample", "Alex Morgan", "alex@northwind.example", "+1 555 0199", "recruiter")],
        contact_key="sample", profile_name="Jordan Lee",
        # a search that has been through everything, so every sentence shows (the editor's
        # Facts list switches each off to see the other branch)
        flags={name: name not in ("rejected", "encouraged") for name in FLAGS},
    )


def _item_key(t) -> str:
    if t.source == USER and t.path is not None:
        return f"user:{t.path}"
    return f"{t.source}:{t.id}"


class TemplateEditor(QWidget):
    """A non-modal window over every template. `context` fills the preview (the compose window
    passes its own); `template_id` (with `situation`/`channel` as a fallback) picks the first
    template shown."""

    #: a template was saved, copied or removed: compose windows reload their catalogue
    templates_changed = Signal()

    def __init__(self, workspace, *, context: Context | None = None, situation: str | None = None,
                 channel: str | None = None, template_id: str | None = None, parent=None):
        super().__init__(parent, Qt.Window)
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.setObjectName("templateEditor")
        self.setWindowTitle(translate("TemplateEditor", "Message templates"))
        self.workspace = workspace
        self.user_dir = workspace.paths.templates
        self.context = context or sample_context()
        self.sample = context is None
        self._templates: dict[str, object] = {}
        #: item key -> text typed and not saved yet (switching templates never loses it)
        self._unsaved: dict[str, str] = {}
        self._current: str | None = None
        self._quiet = False
        self._build()
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS, timeout=self.update_preview)
        self.reload(select=self._first_choice(template_id, situation, channel))
        self.resize(1180, 700)

    # -- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        split = QSplitter(Qt.Horizontal)
        split.setChildrenCollapsible(False)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        title = QLabel(translate("TemplateEditor", "&Templates"))
        self.list = QTreeWidget(objectName="templateList")
        self.list.setAccessibleName(translate("TemplateEditor", "Templates"))
        self.list.setHeaderHidden(True)
        self.list.setRootIsDecorated(True)
        self.list.setTextElideMode(Qt.ElideRight)
        title.setBuddy(self.list)
        lv.addWidget(title)
        lv.addWidget(self.list, 1)
        split.addWidget(left)

        middle = QWidget()
        mv = QVBoxLayout(middle)
        mv.setContentsMargins(0, 0, 0, 0)
        info_row = QHBoxLayout()
        self.info_label = QLabel(objectName="templateInfo", wordWrap=True)
        info_row.addWidget(self.info_label, 1)
        self.copy_button = QPushButton(translate("TemplateEditor", "&Make my copy"), objectName="makeCopyButton")
        self.copy_button.setAccessibleName(translate("TemplateEditor", "Make my copy"))
        self.copy_button.clicked.connect(self.make_copy)
        info_row.addWidget(self.copy_button)
        mv.addLayout(info_row)
        vsplit = QSplitter(Qt.Vertical)
        vsplit.setChildrenCollapsible(False)
        self.text_edit = QPlainTextEdit(objectName="templateText")
        self.text_edit.setAccessibleName(translate("TemplateEditor", "Template text"))
        self.text_edit.setFont(QFontDatabase.systemFont(QFontDatabase.FixedFont))
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setLineWrapMode(QPlainTextEdit.WidgetWidth)
        vsplit.addWidget(self.text_edit)
        self.error_label = QLabel(objectName="templateError", wordWrap=True)
        self.error_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        preview_box = QWidget()
        pv = QVBoxLayout(preview_box)
        pv.setContentsMargins(0, 0, 0, 0)
        pv.addWidget(self.error_label)
        self.preview_title = QLabel()
        bold = QFont(self.font())
        bold.setBold(True)
        self.preview_title.setFont(bold)
        pv.addWidget(self.preview_title)
        self.preview = QPlainTextEdit(objectName="templatePreview", readOnly=True)
        self.preview.setAccessibleName(translate("TemplateEditor", "Preview"))
        self.preview.setTabChangesFocus(True)
        pv.addWidget(self.preview, 1)
        vsplit.addWidget(preview_box)
        vsplit.setSizes([360, 260])
        mv.addWidget(vsplit, 1)
        split.addWidget(middle)

        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        ph_title = QLabel(translate("TemplateEditor", "&Placeholders"))
        self.placeholder_list = QListWidget(objectName="placeholderList")
        self.placeholder_list.setAccessibleName(translate("TemplateEditor", "Placeholders"))
        ph_title.setBuddy(self.placeholder_list)
        self.placeholder_list.setWordWrap(True)
        self.placeholder_list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        for name, label in PLACEHOLDERS.items():
            label = marked("wording", label)
            item = QListWidgetItem(f"{label[:1].upper()}{label[1:]}\n    {{{{ {name} }}}}")
            item.setData(Qt.UserRole, name)
            item.setToolTip(translate("TemplateEditor", "{0}: double-click or press Insert to put it at the cursor").format(label))
            self.placeholder_list.addItem(item)
        self.placeholder_list.itemActivated.connect(lambda item: self.insert_placeholder(item.data(Qt.UserRole)))
        self.insert_button = QPushButton(translate("TemplateEditor", "&Insert"), objectName="insertPlaceholderButton")
        self.insert_button.setAccessibleName(translate("TemplateEditor", "Insert placeholder"))
        self.insert_button.clicked.connect(self._insert_selected)
        rv.addWidget(ph_title)
        rv.addWidget(self.placeholder_list, 1)
        rv.addWidget(self.insert_button)
        # the facts a section may depend on: ticked ones hold in the preview
        facts_title = QLabel(translate("TemplateEditor", "&Facts for {{ if … }} sections"))
        self.fact_list = QListWidget(objectName="factList")
        self.fact_list.setAccessibleName(translate("TemplateEditor", "Facts"))
        facts_title.setBuddy(self.fact_list)
        self.fact_list.setWordWrap(True)
        self.fact_list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.fact_list.setToolTip(translate("TemplateEditor", "Ticked facts hold in the preview; untick one to see the other wording"))
        for name, meaning in FLAGS.items():
            meaning = marked("wording", meaning)
            item = QListWidgetItem(f"{meaning[:1].upper()}{meaning[1:]}: {name}")
            item.setData(Qt.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if self.context.flags.get(name) else Qt.Unchecked)
            self.fact_list.addItem(item)
        self.fact_list.itemChanged.connect(self._fact_toggled)
        self.section_button = QPushButton(translate("TemplateEditor", "Insert &section"), objectName="insertSectionButton")
        self.section_button.setAccessibleName(translate("TemplateEditor", "Insert a section for the selected fact"))
        self.section_button.setToolTip(translate("TemplateEditor", "Wrap the selected text in {{ if fact }} … {{ else }} … {{ end }}"))
        self.section_button.clicked.connect(self._insert_section)
        rv.addWidget(facts_title)
        rv.addWidget(self.fact_list, 1)
        rv.addWidget(self.section_button)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setStretchFactor(2, 2)
        split.setSizes([330, 560, 210])
        outer.addWidget(split, 1)

        buttons = QHBoxLayout()
        self.status_label = QLabel(objectName="templateStatus", wordWrap=True)
        buttons.addWidget(self.status_label, 1)
        self.delete_button = QPushButton(translate("TemplateEditor", "&Delete"), objectName="deleteTemplateButton")
        self.delete_button.setAccessibleName(translate("TemplateEditor", "Delete template"))
        self.delete_button.clicked.connect(self.delete_current)
        buttons.addWidget(self.delete_button)
        self.save_action = QAction(translate("TemplateEditor", "&Save"), self, objectName="saveTemplateAction", shortcut=QKeySequence.Save)
        self.save_action.triggered.connect(self.save)
        self.addAction(self.save_action)
        self.save_button = QPushButton(translate("TemplateEditor", "&Save"), objectName="saveTemplateButton")
        self.save_button.setAccessibleName(translate("TemplateEditor", "Save template"))
        self.save_button.setToolTip(translate("TemplateEditor", "Save to your templates (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        close_button = QPushButton(translate("TemplateEditor", "Close"), objectName="closeTemplatesButton")
        close_button.clicked.connect(self.close)
        buttons.addWidget(close_button)
        close_action = QAction(self, shortcut=QKeySequence(Qt.Key_Escape))
        close_action.triggered.connect(self.close)
        self.addAction(close_action)
        outer.addLayout(buttons)

        self.list.currentItemChanged.connect(self._picked)
        self.text_edit.textChanged.connect(self._typed)

    # -- the list -----------------------------------------------------------------------------
    def _first_choice(self, template_id, situation, channel) -> str | None:
        catalogue = load_catalogue(self.user_dir)
        t = catalogue.get(template_id) if template_id else None
        if t is None and situation and channel:
            t = catalogue.pick(situation, channel)
        return _item_key(t) if t is not None else None

    def reload(self, select: str | None = None) -> None:
        """Read the catalogue again (after a save or a delete) and show `select` (an item key)."""
        select = select or self._current
        self.catalogue = load_catalogue(self.user_dir)
        order = {s: n for n, s in enumerate(SITUATIONS)}
        chans = {c: n for n, c in enumerate(CHANNELS)}
        templates = sorted(self.catalogue.all(), key=lambda t: (
            order.get(t.situation, len(order)), chans.get(t.channel, len(chans)), t.source != USER, t.id))
        replaced = {t.id for t in self.catalogue.user if t.ok}
        self._templates = {}
        self.list.blockSignals(True)
        self.list.clear()
        warn = self.style().standardIcon(QStyle.SP_MessageBoxWarning)
        groups: dict[str, QTreeWidgetItem] = {}
        for t in templates:
            key = _item_key(t)
            self._templates[key] = t
            sit = SITUATIONS.get(t.situation)
            head = marked("wording", sit.label) if sit else translate("TemplateEditor", "Files that cannot be read")
            group = groups.get(head)
            if group is None:
                group = groups[head] = QTreeWidgetItem(self.list, [head])
                group.setFlags(Qt.ItemIsEnabled)
                group.setExpanded(True)
            chan = marked("wording", CHANNELS.get(t.channel, t.channel or "?"))
            if t.source == USER:
                tag = translate("TemplateEditor", "broken") if not t.ok else translate("TemplateEditor", "yours")
            else:  # shipped is the usual case: only say so when a copy of the user's replaces it
                tag = translate("TemplateEditor", "replaced by yours") if t.id in replaced else ""
            item = QTreeWidgetItem(group, [f"{chan} · {t.label}" + (f" — {tag}" if tag else "")])
            if t.source == USER:
                font = item.font(0)
                font.setBold(True)
                item.setFont(0, font)
            item.setData(0, Qt.UserRole, key)
            item.setToolTip(0, t.error or f"{t.label} — {t.id}")
            if not t.ok:
                item.setIcon(0, warn)
        self.list.blockSignals(False)
        self._current = None
        items = self._items()
        chosen = next((i for i in items if i.data(0, Qt.UserRole) == select), items[0] if items else None)
        if chosen is not None:
            self.list.setCurrentItem(chosen)
            self.list.scrollToItem(chosen)
            self._picked(chosen, None)

    def _items(self) -> list[QTreeWidgetItem]:
        out = []
        it = QTreeWidgetItemIterator(self.list)
        while it.value() is not None:
            if it.value().data(0, Qt.UserRole):
                out.append(it.value())
            it += 1
        return out

    def select_template(self, template_id: str, source: str | None = None) -> bool:
        for item in self._items():
            t = self._templates[item.data(0, Qt.UserRole)]
            if t.id == template_id and (source is None or t.source == source):
                self.list.setCurrentItem(item)
                self.list.scrollToItem(item)
                return True
        return False

    @property
    def current(self):
        return self._templates.get(self._current) if self._current else None

    def _text_of(self, t) -> str:
        if t.source == USER and t.path is not None:
            try:
                return t.path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                pass  # unreadable: show what the core made of it
        if not t.ok:
            return ""
        return template_to_text(t)

    def _picked(self, item, _previous=None) -> None:
        if item is None:
            return
        key = item.data(0, Qt.UserRole)
        if not key or key == self._current:
            return
        self._current = key
        t = self._templates[key]
        text = self._unsaved.get(key, self._text_of(t))
        self._quiet = True
        self.text_edit.setPlainText(text)
        self._quiet = False
        shipped = t.source != USER
        self.text_edit.setReadOnly(shipped)
        self.copy_button.setVisible(shipped)
        self.copy_button.setEnabled(shipped and t.ok)
        self.save_button.setEnabled(not shipped)
        self.save_action.setEnabled(not shipped)
        self.delete_button.setVisible(not shipped)
        has_shipped = any(s.id == t.id and s.ok for s in self.catalogue.shipped)
        self.delete_button.setText(translate("TemplateEditor", "&Revert to shipped") if has_shipped else translate("TemplateEditor", "&Delete"))
        self.delete_button.setAccessibleName(translate("TemplateEditor", "Revert to shipped") if has_shipped else translate("TemplateEditor", "Delete template"))
        if shipped:
            self.info_label.setText(translate("TemplateEditor", "Comes with the app and cannot be changed. Make your own copy to "
                                       "change the wording: your copy is used instead."))
        else:
            where = str(t.path) if t.path is not None else ""
            self.info_label.setText(translate("TemplateEditor", "Your template, saved in {0}.").format(where))
        self._set_status("")
        self.update_preview()

    # -- editing ------------------------------------------------------------------------------
    def _typed(self) -> None:
        if self._quiet or self._current is None:
            return
        self._unsaved[self._current] = self.text_edit.toPlainText()
        self._timer.start()

    def insert_placeholder(self, name: str) -> None:
        if self.text_edit.isReadOnly():
            self._set_status(translate("TemplateEditor", "Make your own copy first: this one comes with the app."), error=True)
            return
        self.text_edit.insertPlainText(f"{{{{ {name} }}}}")
        self.text_edit.setFocus()

    def _fact_toggled(self, item) -> None:
        self.context.flags = dict(self.context.flags)
        self.context.flags[item.data(Qt.UserRole)] = item.checkState() == Qt.Checked
        self.update_preview()

    def _insert_section(self) -> None:
        if self.text_edit.isReadOnly():
            self._set_status(translate("TemplateEditor", "Make your own copy first: this one comes with the app."), error=True)
            return
        item = self.fact_list.currentItem() or self.fact_list.item(0)
        name = item.data(Qt.UserRole)
        cursor = self.text_edit.textCursor()
        chosen = cursor.selectedText().replace("\u2029", "\n")
        cursor.insertText(f"{{{{ if {name} }}}}{chosen}{{{{ else }}}}{{{{ end }}}}")
        self.text_edit.setFocus()

    def _insert_selected(self) -> None:
        item = self.placeholder_list.currentItem()
        if item is not None:
            self.insert_placeholder(item.data(Qt.UserRole))

    def update_preview(self) -> None:
        """Parse what is in the editor and fill it from the context; a broken template shows its
        error here and never raises."""
        self._timer.stop()
        t = self.current
        text = self.text_edit.toPlainText()
        name = t.path.name if t is not None and t.path is not None else translate("TemplateEditor", "this template")
        try:
            parsed = parse_template(text, name) if text.strip() else None
        except Exception as exc:  # noqa: BLE001 - the core promises not to raise; be sure
            log.exception("parsing a template failed")
            parsed, error = None, str(exc)
        else:
            error = parsed.error if parsed is not None else (t.error if t is not None else None)
        if parsed is None and error is None:
            error = translate("TemplateEditor", "The template is empty.")
        notes = []
        if parsed is not None and parsed.ok:
            unknown = parsed.unknown_placeholders()
            if unknown:
                notes.append(translate("TemplateEditor", "Not a known placeholder, sent as written: {0}").format(", ".join(unknown)))
        if error:
            self.error_label.setText(error)
            self.error_label.setStyleSheet(f"color: {style.overdue_color().name()};")
            self.error_label.show()
        elif notes:
            self.error_label.setText(" ".join(notes))
            self.error_label.setStyleSheet(f"color: {style.accent_color().name()};")
            self.error_label.show()
        else:
            self.error_label.clear()
            self.error_label.hide()
        self.preview_title.setText(translate("TemplateEditor", "Preview with a sample message") if self.sample
                                   else translate("TemplateEditor", "Preview with this message"))
        if parsed is None or not parsed.ok:
            self.preview.setPlainText(translate("TemplateEditor", "Fix the problem above to see a preview."))
            return
        try:
            out = render(parsed, self.context)
        except Exception as exc:  # noqa: BLE001
            log.exception("rendering a template failed")
            self.preview.setPlainText(translate("TemplateEditor", "Cannot preview: {0}").format(exc))
            return
        subject = translate("TemplateEditor", "Subject:")
        head = f"{subject} {out.subject}\n\n" if out.subject is not None else ""
        self.preview.setPlainText(head + out.body)

    def template_preview_text(self) -> str:
        return self.preview.toPlainText()

    def error_text(self) -> str:
        return self.error_label.text() if not self.error_label.isHidden() else ""

    # -- saving -------------------------------------------------------------------------------
    def make_copy(self) -> bool:
        t = self.current
        if t is None or t.source == USER or not t.ok:
            return False
        try:
            saved = self.catalogue.save_user_template(self.user_dir, t)
        except (ValueError, OSError) as exc:
            self._set_status(translate("TemplateEditor", "Could not copy: {0}").format(exc), error=True)
            return False
        self.templates_changed.emit()
        self.reload(select=_item_key(saved))
        self._set_status(translate("TemplateEditor", "Your copy is saved; it is used instead of the shipped one."))
        self.text_edit.setFocus()
        return True

    def save(self) -> bool:
        t = self.current
        if t is None or t.source != USER:
            return False
        text = self.text_edit.toPlainText()
        try:
            saved = self.catalogue.save_user_template(self.user_dir, text)
        except (ValueError, OSError) as exc:
            self._set_status(translate("TemplateEditor", "Not saved: {0}").format(exc), error=True)
            self.update_preview()
            return False
        self._unsaved.pop(self._current, None)
        self._unsaved.pop(_item_key(saved), None)
        self.templates_changed.emit()
        self.reload(select=_item_key(saved))
        self._set_status(translate("TemplateEditor", "Saved."))
        return True

    def _confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.windowTitle(), text)
        return answer == QMessageBox.Yes

    def delete_current(self) -> bool:
        t = self.current
        if t is None or t.source != USER:
            return False
        reverting = any(s.id == t.id and s.ok for s in self.catalogue.shipped)
        question = (translate("TemplateEditor", "Go back to the shipped wording of “{0}”? Your copy is removed.") if reverting
                    else translate("TemplateEditor", "Delete your template “{0}”?")).format(t.label)
        if not self._confirm(question):
            return False
        try:
            removed = self.catalogue.delete_user_template(self.user_dir, t.id)
            if not removed and t.path is not None and t.path.is_file():
                t.path.unlink()  # a broken file whose id the core could not match
                removed = True
        except OSError as exc:
            self._set_status(translate("TemplateEditor", "Could not delete: {0}").format(exc), error=True)
            return False
        self._unsaved.pop(self._current, None)
        self.templates_changed.emit()
        self.reload(select=f"{SHIPPED}:{t.id}")
        self._set_status(translate("TemplateEditor", "Back to the shipped wording.") if reverting else translate("TemplateEditor", "Deleted."))
        return removed

    def _set_status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setStyleSheet(f"color: {style.overdue_color().name()};" if error else "")
        self.status_label.setText(text)


__all__ = ["TemplateEditor", "sample_context"]
