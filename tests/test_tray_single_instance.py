"""One app per data dir: a second launch shows the first one's window instead of starting again."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

from followup_desktop.paths import DataPaths
from followup_desktop.desktop.single_instance import SingleInstance
from followup_desktop.desktop.single_instance import server_name


def _second_launch_shows_the_first(qtbot, data_dir, check=lambda first: None):
    first = SingleInstance(DataPaths(data_dir))
    second = SingleInstance(DataPaths(data_dir))
    try:
        assert first.acquire()
        check(first)
        assert not second.acquire()
        with qtbot.waitSignal(first.activated, timeout=5000):
            assert second.activate_other()
    finally:
        second.release()
        first.release()


def test_a_second_launch_in_the_same_data_dir_asks_the_first_to_show_itself(qtbot, data_dir):
    _second_launch_shows_the_first(qtbot, data_dir)


def test_the_lock_and_the_socket_are_private_to_the_user(qtbot, data_dir):
    one = SingleInstance(DataPaths(data_dir))
    try:
        assert one.acquire()
        assert stat.S_IMODE(one.lock_path.stat().st_mode) == 0o600
        sock = one.socket_path
        assert stat.S_ISSOCK(os.stat(sock).st_mode)
        assert stat.S_IMODE(os.stat(sock).st_mode) & 0o077 == 0
        folder = os.stat(sock.parent)
        assert folder.st_uid == os.getuid() and stat.S_IMODE(folder.st_mode) & 0o077 == 0
    finally:
        one.release()
    assert not sock.exists()  # a clean exit leaves nothing behind


def test_without_a_private_runtime_dir_the_socket_gets_a_private_folder_of_its_own(qtbot, data_dir, monkeypatch):
    # a world-writable temp dir, short enough for a socket path (108 bytes at most)
    shared = Path(tempfile.mkdtemp(prefix="fd-", dir="/tmp"))
    os.chmod(shared, 0o777)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(shared))  # not private: not used
    monkeypatch.setenv("TMPDIR", str(shared))

    def private_folder_of_its_own(first):
        assert first.socket_path.parent == shared / f"followup-desktop-{os.getuid()}"
        assert stat.S_IMODE(os.stat(first.socket_path.parent).st_mode) == 0o700
    try:
        _second_launch_shows_the_first(qtbot, data_dir, private_folder_of_its_own)
    finally:
        shutil.rmtree(shared)


def test_different_data_dirs_run_side_by_side(qtbot, tmp_path):
    a = SingleInstance(DataPaths(tmp_path / "a"))
    b = SingleInstance(DataPaths(tmp_path / "b"))
    try:
        assert server_name(a.paths) != server_name(b.paths)
        assert a.acquire() and b.acquire()
    finally:
        a.release()
        b.release()


def test_a_lock_left_by_a_crashed_app_is_taken_over(qtbot, data_dir):
    data_dir.mkdir(parents=True)
    lock = data_dir / "instance.lock"
    # A real process takes the lock and dies without cleaning up (as in a crash or a kill -9).
    crash = subprocess.run([sys.executable, "-c", (
        "import os, signal, sys\n"
        "from PySide6.QtCore import QLockFile\n"
        "l = QLockFile(sys.argv[1]); assert l.tryLock(0)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"), str(lock)], capture_output=True, timeout=60)
    assert crash.returncode != 0 and lock.exists()

    survivor = SingleInstance(DataPaths(data_dir))
    try:
        assert survivor.acquire()
    finally:
        survivor.release()
    assert not lock.exists()


def test_with_nobody_running_there_is_no_one_to_activate(qtbot, data_dir):
    lonely = SingleInstance(DataPaths(data_dir))
    assert not lonely.activate_other(timeout_ms=300)
