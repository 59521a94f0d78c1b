"""The employer timeline: everything that happened with one employer, then what is coming.

One list view over a small model, drawn by a delegate (no widget per event, so a long history
shows at once): events in date order with an icon per kind, outbound and inbound in their own
colours and sides, the quiet gaps labelled ("11 days, no reply"), a "now" marker, and after it
the playbook's open and upcoming windows as dashed cards with a button to act.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyledItemDelegate

from ..desktop.translations import marked, shown
from ..vocab import (
    ACTIONS,
    CALL_OUTCOMES,
    CHANNELS,
    EVENTS,
    INBOUND_KINDS,
    OUTBOUND_KINDS,
    QT_TRANSLATE_NOOP,
    ActionName,
    EventKind,
)
from .style import accent_color, inbound_color, muted_color, outbound_color, overdue_color, plain_tooltip

translate = QCoreApplication.translate  # translate("Context", "…"): what pyside6-lupdate reads

EVENT, GAP, NOW, ACTION = "event", "gap", "now", "action"
#: quiet stretches shorter than this are not labelled
GAP_DAYS = 2

#: a glyph per kind, drawn in the kind's circle (DejaVu and the platform fonts carry these)
GLYPHS = {
    EventKind.QUERY_SENT: "✉", EventKind.APPLIED: "✓", EventKind.STATUS_CHECK: "?",
    EventKind.THANK_YOU: "♥", EventKind.FOLLOW_UP: "↻", EventKind.FEEDBACK_REQUEST: "✎",
    EventKind.CHECK_IN: "☺", EventKind.WITHDRAWAL_NOTE: "↩", EventKind.INTERVIEW: "★",
    EventKind.REPLY: "←", EventKind.LEAD: "•", EventKind.NOTE: "✎", EventKind.CLOSED: "■",
}


def _day(d) -> str:
    return f"{d:%b} {d.day}"


class TimelineModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list[tuple[str, object]] = []
        self.several_positions = False

    def set_items(self, events: list[dict], actions: list, now: datetime) -> None:
        self.beginResetModel()
        self.items = build_items(events, actions, now)
        self.several_positions = len({e["application"] for e in events} | {a.application for a in actions}) > 1
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.items)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        kind, item = self.items[index.row()]
        if role in (Qt.DisplayRole, Qt.AccessibleTextRole):
            return describe(kind, item)
        if role == Qt.ToolTipRole:  # names are text, never markup
            return plain_tooltip(describe(kind, item))
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        kind = self.items[index.row()][0]
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable if kind in (EVENT, ACTION) else Qt.ItemIsEnabled


def build_items(events: list[dict], actions: list, now: datetime) -> list[tuple[str, object]]:
    """Past events with the gaps between them, the now marker, then the windows to come."""
    items: list[tuple[str, object]] = []
    past = [e for e in events if e["at"] <= now]
    ahead = [e for e in events if e["at"] > now]
    prev = None
    for e in past:
        if prev is not None:
            gap = _gap(prev, e["at"], e["kind"] in INBOUND_KINDS)
            if gap:
                items.append((GAP, gap))
        items.append((EVENT, e))
        prev = e
    if prev is not None:
        gap = _gap(prev, now, False, until_now=True)
        if gap:
            items.append((GAP, gap))
    items.append((NOW, now))
    for e in ahead:  # logged ahead of time (an interview next week)
        items.append((EVENT, e))
    for a in sorted(actions, key=lambda a: (a.opens, a.due or a.opens)):
        items.append((ACTION, a))
    return items


def _gap(prev: dict, until: datetime, answered: bool, until_now: bool = False) -> str | None:
    days = (until.date() - prev["at"].date()).days
    if days < GAP_DAYS:
        return None
    waiting = prev["kind"] in OUTBOUND_KINDS and not answered
    if waiting:
        return translate("Timeline", "{0} days, no reply").format(days) if not until_now else translate("Timeline", "{0} days, no reply yet").format(days)
    return translate("Timeline", "{0} days").format(days)


def _names(names) -> str:
    names = list(names or ())
    if len(names) <= 1:
        return "".join(names)
    return translate("Timeline", "{0} and {1}").format(", ".join(names[:-1]), names[-1])


#: what you did, as a sentence: (with the people, without them); phone calls say "called"
_OUTBOUND_SENTENCES = {
    EventKind.QUERY_SENT: (QT_TRANSLATE_NOOP("Timeline", "You wrote to {0}"),
        QT_TRANSLATE_NOOP("Timeline", "You introduced yourself")),
    EventKind.APPLIED: (QT_TRANSLATE_NOOP("Timeline", "You applied to {0}"),
        QT_TRANSLATE_NOOP("Timeline", "You applied")),
    EventKind.STATUS_CHECK: (QT_TRANSLATE_NOOP("Timeline", "You checked on your application with {0}"),
        QT_TRANSLATE_NOOP("Timeline", "You checked on your application")),
    EventKind.THANK_YOU: (QT_TRANSLATE_NOOP("Timeline", "You thanked {0}"),
        QT_TRANSLATE_NOOP("Timeline", "You sent a thank-you")),
    EventKind.FOLLOW_UP: (QT_TRANSLATE_NOOP("Timeline", "You followed up with {0}"),
        QT_TRANSLATE_NOOP("Timeline", "You followed up")),
    EventKind.FEEDBACK_REQUEST: (QT_TRANSLATE_NOOP("Timeline", "You asked {0} for feedback"),
        QT_TRANSLATE_NOOP("Timeline", "You asked for feedback")),
    EventKind.CHECK_IN: (QT_TRANSLATE_NOOP("Timeline", "You checked in with {0}"),
        QT_TRANSLATE_NOOP("Timeline", "You checked in")),
    EventKind.WITHDRAWAL_NOTE: (QT_TRANSLATE_NOOP("Timeline", "You told {0} you are withdrawing"),
        QT_TRANSLATE_NOOP("Timeline", "You sent a withdrawal note")),
}
_CALL_SENTENCES = {
    EventKind.STATUS_CHECK: (QT_TRANSLATE_NOOP("Timeline", "You called {0} to check on your application"),
        QT_TRANSLATE_NOOP("Timeline", "You called to check on your application")),
    EventKind.FOLLOW_UP: (QT_TRANSLATE_NOOP("Timeline", "You called {0} to follow up"),
        QT_TRANSLATE_NOOP("Timeline", "You called to follow up")),
    EventKind.THANK_YOU: (QT_TRANSLATE_NOOP("Timeline", "You called {0} to thank them"),
        QT_TRANSLATE_NOOP("Timeline", "You called to say thank you")),
    EventKind.CHECK_IN: (QT_TRANSLATE_NOOP("Timeline", "You called {0} to check in"),
        QT_TRANSLATE_NOOP("Timeline", "You called to check in")),
    EventKind.FEEDBACK_REQUEST: (QT_TRANSLATE_NOOP("Timeline", "You called {0} to ask for feedback"),
        QT_TRANSLATE_NOOP("Timeline", "You called to ask for feedback")),
}
_BY_CHANNEL = {
    "email": QT_TRANSLATE_NOOP("Timeline", " by email"), "letter": QT_TRANSLATE_NOOP("Timeline", " by letter"), "in_person": QT_TRANSLATE_NOOP("Timeline", " in person"),
    "social": QT_TRANSLATE_NOOP("Timeline", " on a social network"), "portal": QT_TRANSLATE_NOOP("Timeline", " through the portal"),
}
_REPLIES = {
    "no_decision": QT_TRANSLATE_NOOP("Timeline", "{0} replied: no decision yet"),
    "interview_invite": QT_TRANSLATE_NOOP("Timeline", "{0} invited you to an interview"),
    "rejected": QT_TRANSLATE_NOOP("Timeline", "{0} replied: they turned you down"),
    "offer": QT_TRANSLATE_NOOP("Timeline", "{0} made you an offer"),
}
_REPLIED = QT_TRANSLATE_NOOP("Timeline", "{0} replied")
_CLOSED = QT_TRANSLATE_NOOP("Timeline", "You closed this lead")
_CALLED = (QT_TRANSLATE_NOOP("Timeline", "You called {0}"),
        QT_TRANSLATE_NOOP("Timeline", "You called them"))
_WROTE = (QT_TRANSLATE_NOOP("Timeline", "You wrote to {0}"),
        QT_TRANSLATE_NOOP("Timeline", "You wrote to them"))
_CLOSINGS = {
    "hired": QT_TRANSLATE_NOOP("Timeline", "You got the job"), "declined": QT_TRANSLATE_NOOP("Timeline", "You declined their offer"),
    "withdrawn": QT_TRANSLATE_NOOP("Timeline", "You withdrew"), "rejected": QT_TRANSLATE_NOOP("Timeline", "Closed: they turned you down"),
    "no_response": QT_TRANSLATE_NOOP("Timeline", "Closed: they never answered"),
}


def event_title(e: dict, ahead: bool = False) -> str:
    """What happened, as a sentence: "You applied through the portal", "You interviewed with
    Susan Smith", "Priya Raman replied: no decision yet". `ahead`: an event logged for later."""
    kind, names = e["kind"], _names(e["contact_names"])
    if kind == EventKind.INTERVIEW:
        if ahead:
            return translate("Timeline", "You will interview with {0}").format(names) if names else translate("Timeline", "Interview planned")
        return translate("Timeline", "You interviewed with {0}").format(names) if names else translate("Timeline", "You had an interview")
    if kind == EventKind.REPLY:
        who = names or translate("Timeline", "They")
        return marked("Timeline", _REPLIES.get(e["outcome"], _REPLIED)).format(who)
    if kind == EventKind.CLOSED:
        return marked("Timeline", _CLOSINGS.get(e["reason"], _CLOSED))
    if kind == EventKind.LEAD:
        return translate("Timeline", "You noted this lead")
    if kind == EventKind.NOTE:
        return translate("Timeline", "You wrote a note")
    if kind in OUTBOUND_KINDS:
        if e["channel"] == "phone":
            with_, without = _CALL_SENTENCES.get(kind, _CALLED)
            return marked("Timeline", with_).format(names) if names else marked("Timeline", without)
        with_, without = _OUTBOUND_SENTENCES.get(kind, _WROTE)
        text = marked("Timeline", with_).format(names) if names else marked("Timeline", without)
        channel = _BY_CHANNEL.get(e["channel"] or "")
        return text + (marked("Timeline", channel) if channel else "")
    title = shown(EVENTS, kind)
    return f"{title} — {names}" if names else title


def event_details(e: dict, with_position: bool = False) -> str:
    bits = []
    if with_position:
        bits.append(e["position"])
    if e["channel"] and e["kind"] not in OUTBOUND_KINDS:  # the sentence says how you sent it
        bits.append(shown(CHANNELS, e["channel"]))
    if e["kind"] != EventKind.REPLY and e["outcome"]:
        bits.append(shown(CALL_OUTCOMES, e["outcome"]))
    if e["duration_minutes"]:
        bits.append(translate("Timeline", "{0} min").format(e["duration_minutes"]))
    if e["decision_expected"]:
        bits.append(translate("Timeline", "decision by {0}").format(_day(e["decision_expected"])))
    if e["next_date"]:
        bits.append(translate("Timeline", "next date {0}").format(_day(e["next_date"])))
    if e["encouraged"]:
        bits.append(translate("Timeline", "encouraged to stay in touch"))
    if e["subject"]:
        bits.append(translate("Timeline", "“{0}”").format(e["subject"]))
    return " · ".join(bits)


def action_title(a) -> str:
    title = shown(ACTIONS, a.name)
    if a.contact_name:
        title += " · " + a.contact_name
    return title


def action_window(a, now: datetime) -> str:
    if a.opens > now:
        text = translate("Timeline", "opens {0} {1:%H:%M}").format(_day(a.opens), a.opens)
    else:
        text = translate("Timeline", "open now")
    if a.due is not None:
        if a.due < now:
            text += " · " + translate("Timeline", "was due {0} {1:%H:%M}").format(_day(a.due), a.due)
        else:
            text += " · " + translate("Timeline", "due {0} {1:%H:%M}").format(_day(a.due), a.due)
    if a.channel:
        text += " · " + shown(CHANNELS, a.channel)
    return text


def act_label(a) -> str:
    if a.name == ActionName.CLOSE_OUT:
        return translate("Timeline", "Close lead…")
    if a.name == ActionName.DEBRIEF:
        return translate("Timeline", "Write notes…")
    return translate("Timeline", "Write…")


def describe(kind: str, item) -> str:
    if kind == EVENT:
        details = event_details(item)
        return f"{item['at']:%Y-%m-%d %H:%M} {event_title(item)}" + (f" ({details})" if details else "")
    if kind == ACTION:
        return f"{action_title(item)}: {item.reason}"
    if kind == NOW:
        return translate("Timeline", "Now")
    return str(item)


class TimelineDelegate(QStyledItemDelegate):
    DATE_W = 64
    RAIL_W = 34
    PAD = 6

    def __init__(self, view):
        super().__init__(view)
        self.view = view

    def _fonts(self, option):
        base = QFont(option.font)
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(max(7.0, base.pointSizeF() * 0.9))
        return base, bold, small

    def sizeHint(self, option, index):
        kind, item = index.model().items[index.row()]
        fm = QFontMetrics(option.font)
        line = fm.lineSpacing()
        if kind == GAP:
            return QSize(200, line + 8)
        if kind == NOW:
            return QSize(200, line + 14)
        if kind == ACTION:
            return QSize(200, line * 2 + 26)
        details = event_details(item, index.model().several_positions)  # as paint() draws it
        lines = 1 + bool(details) + bool(item["notes"])
        return QSize(200, line * lines + 16)

    def button_rect(self, rect: QRect, option) -> QRect:
        """Where an action's button sits; `option` is a style option or the view (both have
        .font — a method on the view)."""
        font = option.font() if callable(option.font) else option.font
        fm = QFontMetrics(font)
        w = fm.horizontalAdvance("Close lead…") + 24
        h = fm.height() + 10
        return QRect(rect.right() - w - 10, rect.center().y() - h // 2, w, h)

    def paint(self, painter: QPainter, option, index):
        kind, item = index.model().items[index.row()]
        painter.save()
        painter.setRenderHint(QPainter.Antialiasing)
        pal = option.palette
        rect = option.rect
        # QStyle here, not at the top: making its Python type costs the start-up ~15 ms, and the
        # timeline is first painted after the window is shown
        from PySide6.QtWidgets import QStyle

        selected = bool(option.state & QStyle.State_Selected)
        if selected:
            painter.fillRect(rect, pal.color(QPalette.Highlight).lighter(100) if kind == EVENT else pal.color(QPalette.AlternateBase))
        text_color = pal.color(QPalette.HighlightedText) if selected and kind == EVENT else pal.color(QPalette.Text)
        base, bold, small = self._fonts(option)
        rail_x = rect.left() + self.DATE_W + self.RAIL_W // 2
        muted = muted_color()

        # the rail runs through every row
        painter.setPen(QPen(muted, 1.2, Qt.SolidLine if kind != ACTION else Qt.DashLine))
        painter.drawLine(QPointF(rail_x, rect.top()), QPointF(rail_x, rect.bottom()))
        if kind == GAP:
            painter.setFont(small)
            painter.setPen(muted)
            small_italic = QFont(small)
            small_italic.setItalic(True)
            painter.setFont(small_italic)
            painter.drawText(QRect(rail_x + 16, rect.top(), rect.width(), rect.height()),
                             Qt.AlignVCenter | Qt.AlignLeft, item)
        elif kind == NOW:
            color = accent_color()
            painter.setPen(QPen(color, 2))
            y = rect.center().y()
            painter.drawLine(QPointF(rect.left() + 4, y), QPointF(rect.right() - 4, y))
            painter.setBrush(color)
            painter.drawEllipse(QPointF(rail_x, y), 5, 5)
            painter.setFont(bold)
            fm = QFontMetrics(bold)
            label = translate("Timeline", "Now · {0:%a} {1} {0:%H:%M}").format(item, _day(item))
            w = fm.horizontalAdvance(label) + 12
            box = QRect(rail_x + 14, rect.top() + 2, w, rect.height() - 4)
            painter.fillRect(box, pal.color(QPalette.Base))
            painter.setPen(color)
            painter.drawText(box, Qt.AlignCenter, label)
        elif kind == EVENT:
            self._paint_event(painter, rect, item, rail_x, base, bold, small, text_color, muted)
        else:
            self._paint_action(painter, option, rect, item, rail_x, base, bold, small, muted)
        painter.restore()

    def _paint_event(self, painter, rect, e, rail_x, base, bold, small, text_color, muted):
        inbound = e["kind"] in INBOUND_KINDS
        outbound = e["kind"] in OUTBOUND_KINDS or e["kind"] == EventKind.INTERVIEW
        color = inbound_color() if inbound else outbound_color() if outbound else muted
        fm = QFontMetrics(base)
        top = rect.top() + 8
        # date and time on the left
        painter.setFont(small)
        painter.setPen(muted)
        painter.drawText(QRect(rect.left() + 4, top, self.DATE_W - 8, fm.lineSpacing()),
                         Qt.AlignRight | Qt.AlignTop, _day(e["at"]))
        painter.drawText(QRect(rect.left() + 4, top + fm.lineSpacing(), self.DATE_W - 8, fm.lineSpacing()),
                         Qt.AlignRight | Qt.AlignTop, f"{e['at']:%H:%M}")
        # the kind's circle on the rail
        r = fm.height() * 0.62
        center = QPointF(rail_x, top + fm.height() / 2)
        painter.setPen(Qt.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(center, r, r)
        painter.setPen(QColor("#ffffff") if color.lightness() < 150 else QColor("#000000"))
        painter.setFont(small)
        painter.drawText(QRectF(center.x() - r, center.y() - r, 2 * r, 2 * r), Qt.AlignCenter,
                         GLYPHS.get(e["kind"], "•"))
        # what happened: inbound indented, so the two directions read as two sides
        left = rail_x + self.RAIL_W // 2 + 6 + (28 if inbound else 0)
        width = rect.right() - left - 8
        if inbound:
            painter.fillRect(QRect(left - 10, top - 2, 3, rect.height() - 12), color)
        painter.setFont(bold)
        painter.setPen(color if inbound else text_color)
        title = event_title(e, ahead=e["at"] > self.view.now)
        painter.drawText(QRect(left, top, width, fm.lineSpacing()), Qt.AlignLeft | Qt.AlignTop,
                         QFontMetrics(bold).elidedText(title, Qt.ElideRight, width))
        y = top + fm.lineSpacing()
        details = event_details(e, self.view.model().several_positions)
        painter.setFont(small)
        if details:
            painter.setPen(muted)
            painter.drawText(QRect(left, y, width, fm.lineSpacing()), Qt.AlignLeft | Qt.AlignTop,
                             QFontMetrics(small).elidedText(details, Qt.ElideRight, width))
            y += fm.lineSpacing()
        if e["notes"]:
            painter.setPen(text_color)
            note = " ".join(e["notes"][:400].split())
            painter.drawText(QRect(left, y, width, fm.lineSpacing()), Qt.AlignLeft | Qt.AlignTop,
                             QFontMetrics(small).elidedText(note, Qt.ElideRight, width))

    def _paint_action(self, painter, option, rect, a, rail_x, base, bold, small, muted):
        now = self.view.now
        is_open = a.opens <= now
        overdue = a.is_overdue(now)
        color = overdue_color() if overdue else accent_color() if is_open else muted
        card = QRect(rail_x + self.RAIL_W // 2 + 2, rect.top() + 4, rect.right() - rail_x - self.RAIL_W // 2 - 8,
                     rect.height() - 8)
        painter.setPen(QPen(color, 1.4, Qt.DashLine))
        painter.setBrush(Qt.NoBrush)
        painter.drawRoundedRect(QRectF(card), 6, 6)
        painter.setBrush(Qt.NoBrush)
        painter.drawEllipse(QPointF(rail_x, card.center().y()), 5, 5)
        fm = QFontMetrics(base)
        button = self.button_rect(rect, option)
        left = card.left() + 10
        width = button.left() - left - 8
        painter.setFont(bold)
        painter.setPen(option.palette.color(QPalette.Text))
        painter.drawText(QRect(left, card.top() + 6, width, fm.lineSpacing()), Qt.AlignLeft | Qt.AlignTop,
                         QFontMetrics(bold).elidedText(action_title(a), Qt.ElideRight, width))
        painter.setFont(small)
        painter.setPen(color)
        painter.drawText(QRect(left, card.top() + 6 + fm.lineSpacing(), width, fm.lineSpacing()),
                         Qt.AlignLeft | Qt.AlignTop,
                         QFontMetrics(small).elidedText(action_window(a, now), Qt.ElideRight, width))
        # the date column says when it opens
        painter.setPen(muted)
        painter.drawText(QRect(rect.left() + 4, card.top() + 6, self.DATE_W - 8, fm.lineSpacing()),
                         Qt.AlignRight | Qt.AlignTop, _day(a.opens))
        from PySide6.QtWidgets import QStyle, QStyleOptionButton

        opt = QStyleOptionButton()
        opt.rect = button
        opt.text = act_label(a)
        opt.state = QStyle.State_Enabled | QStyle.State_Raised
        if self.view.hover_button == a.id:
            opt.state |= QStyle.State_MouseOver
        opt.palette = option.palette
        style = self.view.style()
        style.drawControl(QStyle.CE_PushButton, opt, painter, self.view)


class TimelineView(QListView):
    """The timeline list. `editRequested(event dict)` when an event is clicked or Enter pressed;
    `actRequested(Action)` from an action's button (or Enter on it)."""

    editRequested = Signal(object)
    actRequested = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("timeline")
        self.now = datetime.now()
        self.hover_button: str | None = None
        self.timeline_model = TimelineModel(self)
        self.setModel(self.timeline_model)
        self.delegate = TimelineDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.setMouseTracking(True)
        self.setUniformItemSizes(False)
        self.setWordWrap(False)
        self.setSpacing(0)
        self.clicked.connect(self._clicked)

    def show_timeline(self, events: list[dict], actions: list, now: datetime) -> None:
        self.now = now
        self.timeline_model.set_items(events, actions, now)
        # the present in view: the last events and the windows to come
        row = next((n for n, (k, _) in enumerate(self.timeline_model.items) if k == NOW), 0)
        self.scrollTo(self.timeline_model.index(row), QAbstractItemView.PositionAtCenter)

    def _clicked(self, index):
        kind, item = index.model().items[index.row()]
        if kind == EVENT:
            self.editRequested.emit(item)

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.currentIndex().isValid():
            self._activate(self.currentIndex())
            return
        super().keyPressEvent(event)

    def _activate(self, index):
        kind, item = index.model().items[index.row()]
        if kind == EVENT:
            self.editRequested.emit(item)
        elif kind == ACTION:
            self.actRequested.emit(item)

    def _button_hit(self, pos) -> tuple | None:
        index = self.indexAt(pos)
        if not index.isValid():
            return None
        kind, item = index.model().items[index.row()]
        if kind != ACTION:
            return None
        if self.delegate.button_rect(self.visualRect(index), self).contains(pos):
            return item
        return None

    def mouseMoveEvent(self, event):
        hit = self._button_hit(event.position().toPoint())
        key = hit.id if hit is not None else None
        if key != self.hover_button:
            self.hover_button = key
            self.viewport().update()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event):
        hit = self._button_hit(event.position().toPoint())
        if hit is not None and event.button() == Qt.LeftButton:
            self.actRequested.emit(hit)
            return
        super().mouseReleaseEvent(event)
