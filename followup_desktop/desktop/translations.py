"""The vocabulary's labels in the user's language: the one place the windows translate a label
table's strings (`vocab.py` holds them as marked English source strings, without Qt).

    shown(STAGES, app.stage)       # "Interviewing", as lists and the timeline read it
    picks(OUTCOMES)                # {"withdrawn": "I withdrew", …}, for a form's choices
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..vocab import LABEL_CONTEXT, Labels


def marked(context: str, source: str) -> str:
    """`source`, a string marked with `QT_TRANSLATE_NOOP(context, …)` where it is written, in
    the user's language. Only marked strings come here (tests/test_translations.py)."""
    return QCoreApplication.translate(context, source)


def shown(table: Labels, member) -> str:
    """How `member` reads in lists, the timeline and notifications."""
    return marked(LABEL_CONTEXT, table.shown(member))


def pick(table: Labels, member) -> str:
    """How `member` reads among a form's choices."""
    return marked(LABEL_CONTEXT, table.pick(member))


def picks(table: Labels, order=None) -> dict[str, str]:
    """Every member's pick label (or those of `order`, in that order), by member."""
    return {m: pick(table, m) for m in (table if order is None else order)}


__all__ = ["marked", "shown", "pick", "picks"]
