"""What the windows keep between runs, beside the data: `window-state.ini` (the main window's
size, splitter and columns, and the one-time hints) and `list-cache.json` (the applications list
as it was at the last exit, shown while the data loads). Their names come from `paths.py`; both
files are private (0600) like everything else in the data dir.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QSettings, Qt

from ..paths import DataPaths

log = logging.getLogger(__name__)

GEOMETRY = "mainWindow/geometry"
SPLITTER = "mainWindow/splitter"
HEADER = "mainWindow/header"
#: the user sized the columns by hand: they keep their widths instead of following the content
USER_COLUMNS = "mainWindow/userColumns"


def window_state(paths: DataPaths) -> QSettings:
    """The windows' state file, kept in the data dir with everything else."""
    return QSettings(str(paths.window_state), QSettings.IniFormat)


def write_state(state: QSettings) -> None:
    """Write `state` to its file now, private."""
    state.sync()
    if os.path.exists(state.fileName()):
        os.chmod(state.fileName(), 0o600)


def remember(paths: DataPaths, key: str, value=True) -> None:
    """Keep one value (a one-time hint shown, say) at once."""
    state = window_state(paths)
    state.setValue(key, value)
    write_state(state)


def restore_main_window(paths: DataPaths, window, splitter, header, sort_column: int) -> bool:
    """Put the main window's size, splitter and columns back as the last run left them (the
    list sorted by `sort_column` again). True when the user had sized the columns by hand."""
    state = window_state(paths)
    geometry = state.value(GEOMETRY)
    if geometry is not None:
        window.restoreGeometry(geometry)
    sizes = state.value(SPLITTER)
    if sizes is not None:
        splitter.restoreState(sizes)
    columns = state.value(HEADER)
    if columns is not None:
        header.restoreState(columns)
        header.setSortIndicator(sort_column, Qt.AscendingOrder)
    return state.value(USER_COLUMNS, False, type=bool)


def save_main_window(paths: DataPaths, window, splitter, header, user_columns: bool) -> None:
    state = window_state(paths)
    state.setValue(GEOMETRY, window.saveGeometry())
    state.setValue(SPLITTER, splitter.saveState())
    state.setValue(HEADER, header.saveState())
    state.setValue(USER_COLUMNS, user_columns)
    write_state(state)


def load_list(paths: DataPaths, model) -> bool:
    """Show the last exit's list until the data is read. False when there is none to show."""
    return model.load_cache(paths.list_cache)


def save_list(paths: DataPaths, model) -> None:
    """Keep the list for the next start; a failure only means no early list then."""
    try:
        model.save_cache(paths.list_cache)
    except OSError:
        log.warning("could not keep the list for the next start", exc_info=True)


__all__ = ["window_state", "write_state", "remember", "restore_main_window", "save_main_window",
           "load_list", "save_list"]
