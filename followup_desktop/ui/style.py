"""Colours that stay legible on the palette in use, light or dark."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication


def plain_tooltip(text: str | None) -> str | None:
    """A tooltip that shows `text` as typed. Qt reads a tooltip that looks like HTML as rich
    text (a name like "<b>Bold</b><img src=x>" would be drawn bold, with an image): escaped
    inside a paragraph, it is always text. Long texts wrap."""
    if not text:
        return text
    from html import escape

    return "<p style='white-space:pre-wrap'>" + escape(text) + "</p>"


def is_dark() -> bool:
    return QApplication.palette().color(QPalette.Base).lightness() < 128


def overdue_color() -> QColor:
    return QColor("#ff7b72") if is_dark() else QColor("#b3261e")


def accent_color() -> QColor:
    """Open now: a warm amber that reads on both palettes."""
    return QColor("#e3b341") if is_dark() else QColor("#9a5b00")


def inbound_color() -> QColor:
    return QColor("#56d364") if is_dark() else QColor("#1a7f37")


def outbound_color() -> QColor:
    return QColor("#79c0ff") if is_dark() else QColor("#0b5cad")


def muted_color() -> QColor:
    pal = QApplication.palette()
    text, base = pal.color(QPalette.Text), pal.color(QPalette.Base)
    # halfway between text and background: secondary, still legible
    return QColor((text.red() * 3 + base.red() * 2) // 5, (text.green() * 3 + base.green() * 2) // 5,
                  (text.blue() * 3 + base.blue() * 2) // 5)
