"""The activity report as a PDF, through Qt's own `QPdfWriter` and `QTextDocument` (no other
dependency): the user's name and the period at the top, the rows in a table whose header row
comes again at the top of every page, and "Page N of M" at the foot of every page.

Only Qt's GUI module is used, never widgets, so the command line writes the PDF without a
display: `write_pdf` makes an offscreen `QGuiApplication` when there is none (`report` is the
only command that imports this module). In the window it runs on the write worker: painting
on a PDF writer and laying out a text document are allowed off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (QFont, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextCharFormat,
                           QTextCursor, QTextDocument, QTextFrameFormat, QTextLength, QTextTableFormat, QColor,
                           QTextBlockFormat, QTransform)

from ..paths import write_private
from ..report import COLUMNS, Report
from ..vocab import QT_TRANSLATE_NOOP

translate = QCoreApplication.translate

PAPERS = {"A4": QPageSize.A4, "Letter": QPageSize.Letter}
#: each column's share of the table's width, in per cent (Date … Result)
WIDTHS = (13, 17, 17, 15, 11, 14, 13)
RESOLUTION = 300
#: the page's margins in millimetres: left, top, right, bottom (the foot line sits in the bottom one)
MARGINS_MM = (15, 15, 15, 18)
FONT_POINTS = 9

_app = None  # the offscreen application of a command-line run, kept for the process's life


def _ensure_application() -> None:
    global _app
    if QCoreApplication.instance() is None:  # the command line: no display is needed
        _app = QGuiApplication(["followup-desktop", "-platform", "offscreen"])


def default_paper() -> str:
    """Letter where the user's locale measures in US units, else A4."""
    from PySide6.QtCore import QLocale

    _ensure_application()
    return "Letter" if QLocale.system().measurementSystem() == QLocale.ImperialUSSystem else "A4"


#: the table's column titles (the CSV's, which stay in English: CONTRACT.md)
HEADINGS = (QT_TRANSLATE_NOOP("ActivityReport", "Date"), QT_TRANSLATE_NOOP("ActivityReport", "Employer"),
            QT_TRANSLATE_NOOP("ActivityReport", "Position"), QT_TRANSLATE_NOOP("ActivityReport", "Contact"),
            QT_TRANSLATE_NOOP("ActivityReport", "Method"), QT_TRANSLATE_NOOP("ActivityReport", "Activity"),
            QT_TRANSLATE_NOOP("ActivityReport", "Result"))
assert HEADINGS == COLUMNS


def headings() -> tuple[str, ...]:
    """The table's column titles in the user's language."""
    from ..desktop.translations import marked

    return tuple(marked("ActivityReport", c) for c in HEADINGS)


def title(report: Report) -> str:
    if report.name:
        return translate("ActivityReport", "Activity report of {0}").format(report.name)
    return translate("ActivityReport", "Activity report")


def period(report: Report) -> str:
    return translate("ActivityReport", "From {0} to {1}, both days included").format(
        report.start.isoformat(), report.end.isoformat())


def summary(report: Report) -> str:
    """What the table holds, in one sentence."""
    n, m = len(report.rows), report.employers
    if not n:
        return translate("ActivityReport", "No contact with an employer is recorded in this period.")
    contacts = (translate("ActivityReport", "1 contact") if n == 1
                else translate("ActivityReport", "{0} contacts").format(n))
    employers = (translate("ActivityReport", "1 employer") if m == 1
                 else translate("ActivityReport", "{0} employers").format(m))
    return translate("ActivityReport", "{0} with {1}, oldest first.").format(contacts, employers)


def foot(report: Report, page: int, pages: int) -> str:
    where = translate("ActivityReport", "Page {0} of {1}").format(page, pages)
    who = report.name or translate("ActivityReport", "Activity report")
    return f"{who} · {report.start.isoformat()} – {report.end.isoformat()} · {where}"


#: a cell's padding and its border, in Qt's 96-dpi pixels (scaled to the PDF's resolution)
PADDING, BORDER = 3, 1
#: a border's width on the page, in device units
BORDER_DEVICE = BORDER * RESOLUTION / 96


def build_document(report: Report, font: QFont, device=None, width: float | None = None):
    """The report as one long text document laid out on `device` (the PDF's units, not the
    screen's) `width` wide, and its table (None when there are no rows)."""
    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    if device is not None:
        doc.documentLayout().setPaintDevice(device)
    if width is not None:
        doc.setTextWidth(width)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()  # laid out once, at the end, not after each cell
    try:
        table = _fill(cursor, report)
    finally:
        cursor.endEditBlock()
    return doc, table


def _fill(cursor: QTextCursor, report: Report):
    big = QTextCharFormat()
    big.setFontPointSize(FONT_POINTS * 1.8)
    big.setFontWeight(QFont.Bold)
    plain = QTextCharFormat()
    plain.setFontPointSize(FONT_POINTS)
    spaced = QTextBlockFormat()
    spaced.setBottomMargin(FONT_POINTS * 0.6)
    cursor.setBlockFormat(spaced)
    cursor.insertText(title(report), big)
    cursor.insertBlock(spaced)
    cursor.insertText(period(report), plain)
    cursor.insertBlock(spaced)
    cursor.insertText(summary(report), plain)
    if not report.rows:
        return None

    table_format = QTextTableFormat()
    table_format.setHeaderRowCount(1)
    table_format.setWidth(QTextLength(QTextLength.PercentageLength, 100))
    table_format.setColumnWidthConstraints([QTextLength(QTextLength.PercentageLength, w) for w in WIDTHS])
    table_format.setCellPadding(PADDING)
    table_format.setCellSpacing(0)
    table_format.setBorder(BORDER)
    table_format.setBorderBrush(QColor("#888888"))
    table_format.setBorderStyle(QTextFrameFormat.BorderStyle_Solid)
    table_format.setBorderCollapse(True)
    table_format.setTopMargin(FONT_POINTS)
    cursor.movePosition(QTextCursor.End)
    table = cursor.insertTable(len(report.rows) + 1, len(COLUMNS), table_format)
    head = QTextCharFormat()
    head.setFontPointSize(FONT_POINTS)
    head.setFontWeight(QFont.Bold)
    shade = QColor("#e8e8e8")
    for col, text in enumerate(headings()):
        cell = table.cellAt(0, col)
        fmt = cell.format()
        fmt.setBackground(shade)
        cell.setFormat(fmt)
        cell.firstCursorPosition().insertText(text, head)
    for r, row in enumerate(report.rows, start=1):
        for col, text in enumerate(row.cells()):
            table.cellAt(r, col).firstCursorPosition().insertText(text, plain)
    return table


def row_tops(doc: QTextDocument, table) -> list[float]:
    """Where each row of `table` begins in the laid-out document, and where the table ends."""
    layout = doc.documentLayout()
    # A cell's text begins below the border above it and the cell's padding; the table's
    # bounding rectangle is reported as far down.
    inset = (PADDING + BORDER) * RESOLUTION / 96
    tops = [layout.blockBoundingRect(table.cellAt(r, 0).firstCursorPosition().block()).top() - inset
            for r in range(table.rows())]
    tops.append(layout.frameBoundingRect(table).bottom() - inset)
    return tops


def paginate(tops: list[float] | None, height: float) -> list[tuple[int, int]]:
    """The rows of each page, as (first, end) row numbers past the header row: whole rows only,
    the header row again at the top of every page after the first."""
    if tops is None:
        return [(1, 1)]
    rows = len(tops) - 2  # tops: the header row, each row, the table's end
    header = tops[1] - tops[0]
    pages, first = [], 1
    while first <= rows or not pages:
        start = 0.0 if not pages else tops[first] - header  # where this page's slice begins
        end = first
        while end <= rows and tops[end + 1] - start <= height:
            end += 1
        if end == first and first <= rows:  # a row taller than a page: alone, cut at the foot
            end = first + 1
        pages.append((first, end))
        first = end
    return pages


def pdf_bytes(report: Report, *, paper: str | None = None,
              progress: Callable[[int, int], None] | None = None) -> tuple[bytes, int]:
    """The PDF of `report` on `paper` ("A4" or "Letter"; default: the locale's) and its number
    of pages. `progress(done, total)` is told after each page (it may raise to stop)."""
    _ensure_application()
    paper = paper or default_paper()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setCreator("Follow-up Desktop")
    writer.setTitle(title(report))
    left, top, right, bottom = MARGINS_MM
    writer.setPageLayout(QPageLayout(QPageSize(PAPERS[paper]), QPageLayout.Portrait,
                                     QMarginsF(left, top, right, bottom), QPageLayout.Millimeter))
    font = QFont()
    font.setPointSizeF(FONT_POINTS)
    if hasattr(font, "setFeature"):  # Qt 6.7: no "fi" ligatures, so the PDF's text is searched as typed
        font.setFeature(QFont.Tag("liga"), 0)
    width, height = writer.width(), writer.height()
    # One layout of the whole report; the pages are slices of it that end between two rows.
    doc, table = build_document(report, font, writer, width)
    tops = row_tops(doc, table) if table is not None else None
    pages = paginate(tops, height - BORDER_DEVICE)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("the PDF could not be started")
    try:
        foot_font = QFont(font)
        foot_font.setPointSizeF(FONT_POINTS * 0.9)
        gap = bottom / 25.4 * RESOLUTION  # the bottom margin, in device units
        for n, (first, end) in enumerate(pages):
            if n:
                writer.newPage()
            if tops is None:
                _slice(painter, doc, 0, 0, doc.size().height(), width)
            elif n == 0:  # the title, the header row and the first rows
                _slice(painter, doc, 0, 0, tops[end] + BORDER_DEVICE, width)
            else:
                header = tops[1] - tops[0]
                _slice(painter, doc, 0, tops[0], header, width)
                _slice(painter, doc, header, tops[first], tops[end] - tops[first] + BORDER_DEVICE, width)
            painter.setFont(foot_font)
            painter.setPen(QColor("#444444"))
            painter.drawText(QRectF(0, height, width, gap * 0.7), Qt.AlignHCenter | Qt.AlignVCenter,
                             foot(report, n + 1, len(pages)))
            if progress is not None:
                progress(n + 1, len(pages))
    finally:
        painter.end()
        buffer.close()
    return bytes(data.data()), len(pages)


def _slice(painter: QPainter, doc: QTextDocument, at: float, top: float, height: float, width: float) -> None:
    """Draw the part of `doc` from `top`, `height` high, at `at` on the page."""
    painter.save()
    painter.setWorldTransform(QTransform.fromTranslate(0, at - top), True)
    doc.drawContents(painter, QRectF(0, top, width, height))
    painter.restore()


def write_pdf(report: Report, path: Path, *, paper: str | None = None,
              progress: Callable[[int, int], None] | None = None) -> int:
    """Write the PDF to `path`, whole or not at all (0600); its number of pages."""
    data, pages = pdf_bytes(report, paper=paper, progress=progress)
    write_private(Path(path), data)
    return pages


__all__ = ["write_pdf", "pdf_bytes", "default_paper", "PAPERS"]
