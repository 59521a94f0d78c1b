"""Start-up as a user meets it: names and icon, a private log file, an error dialog instead of a
crash, and settings changed in the dialog moving every clock at once."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from datetime import datetime

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QSpinBox

from followup_desktop.exchange.jsonfile import import_json
from followup_desktop.paths import DataPaths
from followup_desktop.app import setup_logging
from followup_desktop.ui.app import ErrorHook, build, make_application
from followup_desktop.ui.listmodel import ApplicationsModel as M

NOW = datetime(2026, 3, 10, 10, 0)  # a Tuesday


def test_the_app_has_its_names_and_icon(qapp):
    app = make_application()
    assert app.applicationName() == "Follow-up Desktop"
    assert app.organizationName() == "Follow-up Desktop"
    assert not app.windowIcon().isNull()
    assert app.windowIcon().availableSizes() or app.windowIcon().pixmap(64, 64).width() == 64


def test_the_shipped_icon_sizes_are_the_svg_rendered(qapp):
    """The window and the tray draw the PNGs; they must still be the SVG (re-render them with
    packaging/render_icons.py after changing it)."""
    import importlib.util

    from PySide6.QtGui import QImage

    from followup_desktop.resources import resource_path
    from followup_desktop.desktop.icons import ICON_SIZES

    spec = importlib.util.spec_from_file_location(
        "render_icons", Path(__file__).resolve().parent.parent / "packaging" / "render_icons.py")
    render_icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(render_icons)
    assert tuple(render_icons.SIZES) == ICON_SIZES
    for size in ICON_SIZES:
        shipped = QImage(str(resource_path(f"icons/followup-desktop-{size}.png"))).convertToFormat(
            QImage.Format_ARGB32)
        fresh = render_icons.render(size).convertToFormat(QImage.Format_ARGB32)
        assert (shipped.width(), shipped.height()) == (size, size)
        off = sum(1 for y in range(size) for x in range(size)
                  if max(abs(a - b) for a, b in zip(shipped.pixelColor(x, y).getRgb(), fresh.pixelColor(x, y).getRgb())) > 24)
        assert off <= size * size // 100, f"{size}px: {off} pixels differ from the SVG"


def test_modules_imported_after_pyside_are_not_read_for_its_feature_check(tmp_path, monkeypatch):
    """PySide6 would read (and linecache keep) the source of every module imported after it;
    the app switches that off, so start-up neither reads nor holds its sources."""
    import linecache

    import sys

    import followup_desktop.ui.app  # noqa: F401 (switches the scan off)

    # The switch goes through PySide's private hook: a release that renames it fails here,
    # and ui/app.py's _skip_pyside_source_scan is then to be changed or removed.
    feature = sys.modules.get("shibokensupport.feature")
    assert feature is not None and callable(getattr(feature, "_mod_uses_pyside", None))

    module = tmp_path / "fresh_module_for_the_scan.py"
    module.write_text("VALUE = 41 + 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    linecache.clearcache()
    # an import statement (PySide6 watches those through builtins.__import__)
    assert __import__("fresh_module_for_the_scan").VALUE == 42
    assert str(module) not in linecache.cache


def test_the_log_file_lives_in_the_data_dir_and_is_private(data_dir):
    paths = DataPaths(data_dir).ensure()
    log_file = setup_logging(paths)
    try:
        logging.getLogger("followup_desktop.test").warning("hello from the test")
        for h in logging.getLogger().handlers:
            h.flush()
        assert log_file == str(paths.logs / "followup-desktop.log")
        assert os.stat(log_file).st_mode & 0o777 == 0o600
        assert os.stat(paths.logs).st_mode & 0o777 == 0o700
        assert "hello from the test" in open(log_file, encoding="utf-8").read()
    finally:
        root = logging.getLogger()
        for h in list(root.handlers):
            if getattr(h, "baseFilename", None) == log_file:
                root.removeHandler(h)
                h.close()


def test_a_full_log_is_moved_aside_keeping_three_old_ones_all_private(tmp_path):
    from followup_desktop.app import log_handler

    path = tmp_path / "app.log"
    handler = log_handler(str(path), max_bytes=2_000, backups=3)
    handler.setFormatter(logging.Formatter("%(message)s"))
    log = logging.getLogger("followup_desktop.test.rotation")
    log.propagate = False
    log.addHandler(handler)
    try:
        for n in range(200):  # ~10 files' worth
            log.warning("line %03d %s", n, "x" * 90)
    finally:
        log.removeHandler(handler)
        handler.close()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["app.log", "app.log.1", "app.log.2", "app.log.3"]
    for f in tmp_path.iterdir():
        assert f.stat().st_size <= 2_000 + 100
        assert f.stat().st_mode & 0o777 == 0o600
    # the newest lines in the file itself, the ones before them in .1, nothing lost in between
    current = path.read_text().splitlines()
    previous = (tmp_path / "app.log.1").read_text().splitlines()
    assert current[-1].startswith("line 199")
    assert int(previous[-1][5:8]) + 1 == int(current[0][5:8])


def test_an_unexpected_error_shows_a_dialog_naming_the_log_file(qapp, monkeypatch, tmp_path):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    hook = ErrorHook(str(tmp_path / "logs" / "followup-desktop.log"))
    try:
        raise RuntimeError("the disk went away")
    except RuntimeError as exc:
        hook(type(exc), exc, exc.__traceback__)
    assert len(shown) == 1
    assert "the disk went away" in shown[0]
    assert "followup-desktop.log" in shown[0]
    assert "Nothing you saved is lost" in shown[0]


@pytest.fixture
def now():
    return NOW


@pytest.fixture
def window(qtbot, data_dir, clock, dataset, write_json):
    """The window as the app builds it (not the shared fixture's: start-up is what is tested)."""
    paths = DataPaths(data_dir)
    workspace, window = build(paths, clock=clock)
    import_json(workspace.store, write_json(dataset(
        [{"kind": "applied", "at": "2026-03-02T09:00:00", "channel": "email"}], contacts=[],
        applications=[{"key": "om", "employer": "acme", "position": "Office Manager", "stage": "applied"}])))
    workspace.load()
    qtbot.addWidget(window)
    window.show()
    yield window
    workspace.close()


def test_changing_a_number_in_settings_moves_the_clocks_at_once(qtbot, window):
    when = window.proxy.index(0, M.WHEN)
    assert when.data() == "within 6 days"  # applied a week ago Monday: the status check is open

    def fill():
        dialog = QApplication.activeModalWidget()
        try:
            spin = dialog.findChild(QSpinBox, "status_check_after_days")
            spin.setValue(14)
            dialog.ok_button.click()
        finally:
            if dialog.isVisible():
                dialog.reject()
    QTimer.singleShot(0, fill)
    # every application's clocks are computed again, on the worker thread
    with qtbot.waitSignal(window.workspace.loaded):
        window.act_settings.trigger()
    assert window.workspace.settings().status_check_after_days == 14
    # two weeks after March 2 is Monday March 16: not open yet
    assert window.proxy.index(0, M.WHEN).data() == "in 6 days"
    assert window.windowTitle() == "Follow-up Desktop"


def test_a_damaged_database_is_reported_in_the_window_and_left_untouched(qtbot, data_dir):
    paths = DataPaths(data_dir).ensure()
    paths.database.write_bytes(b"this is not a database" * 100)
    before = paths.database.read_bytes()
    workspace, window = build(paths)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(workspace.failed, timeout=10_000):
        workspace.reload_async()
    assert window.list_stack.currentWidget() is window.loading
    assert "could not be loaded" in window.loading.text()
    assert paths.database.read_bytes() == before
    workspace.close()
