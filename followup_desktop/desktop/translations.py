"""The app in the user's language: the translators loaded at start, and the one place the
windows and the tray translate strings that were marked where they are written (the vocabulary's
label tables in `vocab.py`, the draft checks' sentences in `wording/checks.py`: English source
strings without Qt).

    shown(STAGES, app.stage)       # "Interviewing", as lists and the timeline read it
    picks(OUTCOMES)                # {"withdrawn": "I withdrew", …}, for a form's choices

Every other user-visible string is a literal `tr("…")` / `translate("Context", "…")` call, which
`pyside6-lupdate` extracts into `resources/translations/followup_desktop_en.ts` (the English source
catalogue a translator starts from). A translation ships as `followup_desktop_<language>.qm` in the
same folder; for the user's locale it is loaded with Qt's own catalogue (`qtbase_<language>`: the
standard buttons and dialogs) — tests/test_translations.py holds both to it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..vocab import LABEL_CONTEXT, Labels

log = logging.getLogger(__name__)

CATALOGUE = "followup_desktop"  # resources/translations/followup_desktop_<language>.qm


def translations_dir() -> Path:
    from ..resources import resources_dir

    return resources_dir() / "translations"


def shipped_languages(folder: Path | None = None) -> list[str]:
    """The languages the app has a compiled translation for ("de", "pt_BR"…)."""
    folder = folder or translations_dir()
    prefix = CATALOGUE + "_"
    return sorted(p.stem[len(prefix):] for p in folder.glob(prefix + "*.qm")) if folder.is_dir() else []


def install_translators(app, locale: QLocale | None = None, folder: Path | None = None) -> list[QTranslator]:
    """Load the app's translation for `locale` (default: the user's) when one is shipped, and
    with it Qt's own for the same language; nothing for English, the language of the source.
    The translators are returned (and kept by `app`) so a caller may remove them."""
    locale = locale or QLocale()
    folder = folder or translations_dir()
    installed: list[QTranslator] = []
    if not shipped_languages(folder):
        return installed
    own = QTranslator(app)
    if not own.load(locale, CATALOGUE, "_", str(folder)):
        return installed
    app.installTranslator(own)
    installed.append(own)
    qt = QTranslator(app)
    language = Path(own.filePath()).stem[len(CATALOGUE) + 1:]
    if qt.load("qtbase_" + language, QLibraryInfo.path(QLibraryInfo.TranslationsPath)) or \
            qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    else:
        log.info("no Qt translation for %s: Qt's own buttons stay in English", language)
    return installed


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


__all__ = ["marked", "shown", "pick", "picks", "install_translators", "shipped_languages", "translations_dir",
           "CATALOGUE"]
