"""The activity report as a PDF, through Qt's own `QPdfWriter` and `QTextDocument` (no other
dependency): the user's name and the period at the top, the rows in a table whose header row
comes again at the top of every page, and "Page N of M" at the foot of every page. Each page is
a document of its own (`paginate`), laid out as it is made.

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


def build_document(report: Report, font: QFont, device=None, width: float | None = None, *,
                   rows=None, heading: bool = True):
    """The report as a text document laid out on `device` (the PDF's units, not the screen's)
    `width` wide, and its table (None when there are no rows): the title, the period and the
    summary (unless not `heading`), then the table's header row and `rows` (default: all)."""
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
        table = _fill(cursor, report, report.rows if rows is None else rows, heading)
    finally:
        cursor.endEditBlock()
    return doc, table


def _fill(cursor: QTextCursor, report: Report, rows, heading: bool):
    big = QTextCharFormat()
    big.setFontPointSize(FONT_POINTS * 1.8)
    big.setFontWeight(QFont.Bold)
    plain = QTextCharFormat()
    plain.setFontPointSize(FONT_POINTS)
    spaced = QTextBlockFormat()
    spaced.setBottomMargin(FONT_POINTS * 0.6)
    if heading:
        cursor.setBlockFormat(spaced)
        cursor.insertText(title(report), big)
        cursor.insertBlock(spaced)
        cursor.insertText(period(report), plain)
        cursor.insertBlock(spaced)
        cursor.insertText(summary(report), plain)
    if not rows:
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
    table_format.setTopMargin(FONT_POINTS if heading else 0)
    cursor.movePosition(QTextCursor.End)
    table = cursor.insertTable(len(rows) + 1, len(COLUMNS), table_format)
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
    for r, row in enumerate(rows, start=1):
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


def rows_that_fit(tops: list[float], start: float, height: float) -> int:
    """How many of a page's rows end within `height` of `start` (whole rows only; at least one:
    a row taller than a page stands alone, cut at the foot). `tops`: `row_tops`."""
    fit = 0
    while fit + 2 < len(tops) and tops[fit + 2] - start <= height:
        fit += 1
    return max(fit, 1)


#: how many rows more than the last page held the next page's document is laid out with
SPARE_ROWS = 3


def paginate(report: Report, font: QFont, device, width: float, height: float,
             progress: Callable[[int, int], None] | None = None) -> list[tuple]:
    """The report's pages: for each, a document of its own (the title block on the first, the
    header row and the page's rows: laid out on its own, a page's table is quick to lay out and
    to draw, where slices of one long table took Qt longer page by page), the rows' tops
    (`row_tops`, None without rows) and how many rows the page shows. `progress(rows, total)`."""
    rows, total = report.rows, len(report.rows) + 1
    pages: list[tuple] = []
    start, want = 0, 40
    while True:
        first = not pages
        want = min(len(rows) - start, want)
        while True:
            doc, table = build_document(report, font, device, width, rows=rows[start:start + want], heading=first)
            if table is None:  # no rows: the title block alone
                return [(doc, None, 0)]
            tops = row_tops(doc, table)
            fit = rows_that_fit(tops, 0.0 if first else tops[0], height)
            if fit < want or start + want >= len(rows):
                break
            want = min(len(rows) - start, want * 2)  # all of them fit: maybe more would
        pages.append((doc, tops, fit))
        start += fit
        if progress is not None:
            progress(start, total)
        if start >= len(rows):
            return pages
        want = fit + SPARE_ROWS if not first else fit * 2  # the first page's title took room


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
    pages = paginate(report, font, writer, width, height - BORDER_DEVICE, progress)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("the PDF could not be started")
    try:
        foot_font = QFont(font)
        foot_font.setPointSizeF(FONT_POINTS * 0.9)
        gap = bottom / 25.4 * RESOLUTION  # the bottom margin, in device units
        for n, (doc, tops, fit) in enumerate(pages):
            if n:
                writer.newPage()
            if tops is None:  # no rows
                _slice(painter, doc, 0, 0, doc.size().height(), width)
            else:  # the first page from its title, the others from the header row's border
                top = 0 if n == 0 else tops[0]
                _slice(painter, doc, 0, top, tops[fit + 1] - top + BORDER_DEVICE, width)
            painter.setFont(foot_font)
            painter.setPen(QColor("#444444"))
            painter.drawText(QRectF(0, height, width, gap * 0.7), Qt.AlignHCenter | Qt.AlignVCenter,
                             foot(report, n + 1, len(pages)))
        if progress is not None:
            progress(len(report.rows) + 1, len(report.rows) + 1)
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
