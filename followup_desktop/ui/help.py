"""*Help → Getting started*: the text of `helptext`, shown in a window that needs no network."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ..desktop.translations import marked
from ..helptext import getting_started_html


class HelpWindow(QDialog):
    """Not modal: it can stay open beside the main window while the user tries things."""

    def __init__(self, settings, data_dir, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("Getting started — Follow-up Desktop"))
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.browser = QTextBrowser(objectName="helpText")
        self.browser.setOpenLinks(False)  # nothing to fetch: the page is all here
        self.browser.setAccessibleName(self.tr("Getting started"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.show_for(settings, data_dir)
        self.resize(640, 620)

    def show_for(self, settings, data_dir) -> None:
        """Fill the page with the settings in force (again after they changed)."""
        self.browser.setHtml(getting_started_html(settings, data_dir, marked))


__all__ = ["HelpWindow"]
