"""Reading the store on two cores: the command line's exports and `due` read a large search in
two halves at once, one in a forked child process, both over the same snapshot of the file.

SQLite does most of an export's work, and one process's connections do not get faster for
running on two threads (two threads took longer than one, tried on this search), so the second
half is read by a second process. The two readers see the same committed state: the parent holds the
file's write lock (`BEGIN IMMEDIATE`, so nobody can commit) while both start their read
transactions, then lets it go at once; a writer (the window saving) waits those few
milliseconds, as it would for any other writer.

The child is forked before any connection is opened in the process (SQLite's own rule: a
connection must not cross a fork, and its file-lock bookkeeping is per process), writes its
half's text to an unlinked private file beside the output (or, a small answer such as `due`'s,
sends it through the pipe), and reports how many records it held
(or the exception that stopped it, raised again in the parent: a full disk is still "the disk is
full"); it ends with its parent. Where it cannot help or cannot be done safely (one core or a
CPU quota under two, no `fork`, other threads or a Qt application in the process, SIGCHLD
ignored, a read-only file or disk, a writer holding the file past its patience, a child slow
to start, `FOLLOWUP_DESKTOP_ONE_READER=1`), `start()` says so and the caller reads everything
itself.
"""

from __future__ import annotations

import io
import os
import pickle
import select
import signal
import sqlite3
import sys
import tempfile
import threading
from pathlib import Path
from typing import BinaryIO, Callable, Iterator

from .connection import StoreError, connect, is_read_only

#: turns the second reader off (`1`): everything is read in one process
ONE_READER_ENV = "FOLLOWUP_DESKTOP_ONE_READER"
#: how long the child may take to start reading (seconds) while the parent holds the write lock:
#: well within a writer's patience (`BUSY_TIMEOUT_MS`), or the window's save would fail
START_TIMEOUT = 1.0
#: a half of the applications, as (operator, row id): those up to the row id, those above it.
#: Together they are every row whatever its id (a row id may be negative; a text stored where
#: an id goes by another program sorts above every number, so it falls above)
UP_TO, ABOVE = "<=", ">"


def halves_at(split: int) -> tuple[tuple[str, int], tuple[str, int]]:
    """The two halves of the applications split after row id `split`: this process's, then
    the child's."""
    return (UP_TO, split), (ABOVE, split)


def condition(column: str, half: tuple[str, int], bound: str = "?") -> str:
    """The SQL condition on `column` (an application's row id) of being in `half`, its row id
    bound as `bound` (a `?`, or a name such as `:split`)."""
    op = half[0]
    assert op in (UP_TO, ABOVE), half
    return f"{column} {op} {bound}"


def split_at(con: sqlite3.Connection, ids: str, least: int, share: float) -> int | None:
    """Where to split between two readers: the application row id `share` of the way along
    `ids` (a query of application row ids in order, one a row: of every application, or of
    every event's), up to which this process reads; None below `least` rows, where a second
    reader costs more than it saves."""
    count = con.execute(f"SELECT count(*) FROM ({ids})").fetchone()[0]
    if count < least:
        return None
    row = con.execute(f"{ids} LIMIT 1 OFFSET ?", (int(count * share),)).fetchone()
    return row[0] if row else None


#: the message of a child that ended without a word (killed)
STOPPED = ("the export's second reader stopped before it finished (was it killed?); nothing was "
           "written. Try again, or read with one process: FOLLOWUP_DESKTOP_ONE_READER=1")
#: how much of the child's text the parent copies at a time
_CHUNK = 1 << 20

#: what the child does: write its half to the binary file, and say how many records it held
Work = Callable[[sqlite3.Connection, BinaryIO], int]


def available() -> bool:
    """Whether this process can read with a forked second reader at all: Linux (fork without
    exec is safe there for a process with no other threads and no Qt), two cores or more, no
    thread but this one, and not turned off."""
    if os.environ.get(ONE_READER_ENV, "") not in ("", "0"):
        return False
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    # a parent that ignores its children's ends would have them reaped unseen
    if signal.getsignal(signal.SIGCHLD) == signal.SIG_IGN:
        return False
    return cores() >= 2 and _alone()


def _alone() -> bool:
    """Whether this process runs no thread but this one, of Python's or of any library's, and
    no Qt application (the window's process never forks; the frozen app's start-up imports Qt's
    core module, which alone starts nothing)."""
    core = sys.modules.get("PySide6.QtCore")
    if core is not None and core.QCoreApplication.instance() is not None:
        return False
    if threading.active_count() != 1:
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:  # no /proc to count the threads by: no Qt at all will do
        return core is None


def cores() -> float:
    """The cores this process may use: those it may run on, or fewer where its control group's
    CPU quota allows fewer (a container given one CPU of many)."""
    try:
        count: float = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        count = os.cpu_count() or 1
    try:
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text(encoding="ascii").split()[:2]
        if quota != "max":
            count = min(count, int(quota) / int(period))
    except (OSError, ValueError):
        pass
    return count


def _begin_snapshot(con: sqlite3.Connection) -> None:
    """Start `con`'s read transaction now (a deferred BEGIN starts it at the first read)."""
    con.execute("BEGIN")
    con.execute("SELECT count(*) FROM sqlite_schema").fetchone()


class Split:
    """The parent's side of a two-reader read: `con`, its connection (in a read transaction on
    the shared snapshot; it only reads), and `finish()` and `text()`, the child's half once the
    parent is done with its own. Close it (a `with` block) whatever happens: an unfinished
    child is stopped."""

    def __init__(self, con: sqlite3.Connection, pid: int, status: int, spill: BinaryIO | None):
        self.con, self._pid, self._status, self._spill = con, pid, status, spill
        self.count: int | None = None
        self._data: bytes | None = None  # the half itself, when it came through the pipe

    def finish(self) -> int:
        """Wait for the child; how many records its half held. Its failure is raised here as
        it was raised there."""
        if self.count is None:
            report = bytearray()
            while block := os.read(self._status, 65536):
                report += block
            self._wait()
            try:
                outcome, value, data = pickle.loads(bytes(report))
            except Exception:  # noqa: BLE001 - killed, or it could not even say why
                raise StoreError(STOPPED) from None
            if outcome != "done":
                raise value
            self.count, self._data = value, data
        return self.count

    def text(self) -> Iterator[bytes]:
        """The child's half as it wrote it (UTF-8), a megabyte at a time, after `finish()`."""
        self.finish()
        if self._spill is None:
            yield self._data
            return
        self._spill.seek(0)
        while piece := self._spill.read(_CHUNK):
            yield piece

    def _wait(self) -> None:
        if self._pid:
            _reap(self._pid)
            self._pid = 0

    def close(self) -> None:
        if self._pid:
            _stop(self._pid)
            self._pid = 0
        for close in (self.con.close, lambda: self._spill and self._spill.close(),
                      lambda: os.close(self._status)):
            try:
                close()
            except (OSError, sqlite3.Error):
                pass

    def __enter__(self) -> "Split":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def start(database: Path, work: Work, spill_dir: Path | None) -> Split | None:
    """Fork a child that reads with `work` over the same snapshot as the returned Split's
    connection; None when that cannot be done (see the module's text), and the caller reads
    everything itself. No connection may be open in this process when it is called.

    The child's half goes to an unlinked file in `spill_dir` (an export's: it may be large, and
    is never all in memory), or, with None, through the pipe (a small answer: no disk is
    needed, so a full one is no matter)."""
    if not available() or is_read_only(database):
        return None
    try:
        spill = (tempfile.TemporaryFile(dir=spill_dir, prefix=".followup-export-")
                 if spill_dir is not None else None)
    except OSError:
        return None
    go_read, go_write = os.pipe()
    status_read, status_write = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(go_write)
        os.close(status_read)
        _child(database, work, spill, go_read, status_write, parent, spill_dir)
    os.close(go_read)
    os.close(status_write)
    lock = con = None
    alone = True  # until the child has started its read: then the Split owns what is open
    try:
        try:
            lock = connect(database)
            if _only_reads(lock):  # a full or read-only disk: reading as it can, alone
                return None
            lock.execute("BEGIN IMMEDIATE")  # nobody commits until both readers have started
            con = connect(database)
            _begin_snapshot(con)
            os.write(go_write, b"g")
            # it could not start (or not soon: the lock stops every writer): the caller reads alone
            ready, _, _ = select.select([status_read], [], [], START_TIMEOUT)
            if not ready or os.read(status_read, 1) != b"r":
                return None
        except (sqlite3.Error, StoreError, OSError):  # a read-only or busy file, a child gone
            return None
        alone = False
        return Split(con, pid, status_read, spill)
    finally:
        if lock is not None:
            lock.close()  # rolls the lock's transaction back: writers may go on
        os.close(go_write)  # the child has read "go", or reads the end and leaves
        if alone:
            if con is not None:
                con.close()
            os.close(status_read)
            if spill is not None:
                spill.close()
            _stop(pid)


def _only_reads(con: sqlite3.Connection) -> bool:
    """Whether `con` is not the WAL connection `BEGIN IMMEDIATE` locks writers out through:
    `connect`'s reading fallback for a full or read-only disk (immutable, which shows no WAL;
    or exclusive and query-only)."""
    return (con.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal"
            or con.execute("PRAGMA locking_mode").fetchone()[0].lower() != "normal"
            or con.execute("PRAGMA query_only").fetchone()[0] == 1)


def _stop(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    _reap(pid)


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:  # reaped already (SIGCHLD ignored after all): it is gone
        pass


def _end_with(parent: int) -> None:
    """Have the kernel end this child when its parent ends (Linux's PR_SET_PDEATHSIG), so a
    parent killed midway leaves no reader behind; gone already, end now."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
    except (ImportError, OSError, AttributeError):  # no ctypes (a trimmed bundle), no prctl
        pass
    if os.getppid() != parent:
        os._exit(0)


def _child(database: Path, work: Work, spill: BinaryIO | None, go: int, status: int, parent: int,
           spill_dir: Path | None) -> None:
    report = b""
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C stops both; the parent says so
        _end_with(parent)
        if os.read(go, 1) != b"g":  # the parent reads alone
            os._exit(0)
        con = connect(database)
        _begin_snapshot(con)
        os.write(status, b"r")
        out = spill if spill is not None else io.BytesIO()
        try:
            count = work(con, out)
            out.flush()
        except OSError as exc:
            if exc.filename is not None or spill_dir is None:
                raise
            # writing its half (a full disk): the folder it went to is named, not the database
            raise OSError(exc.errno, exc.strerror, str(spill_dir)) from None
        report = pickle.dumps(("done", count, out.getvalue() if spill is None else None),
                              protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException as exc:  # noqa: BLE001 - told to the parent, which raises it
        report = _failure(exc)
    try:
        view = memoryview(report)
        while view:
            view = view[os.write(status, view):]
    finally:
        os._exit(0)  # no atexit, no finalizers: nothing of the parent's is touched


def _failure(exc: BaseException) -> bytes:
    """The child's exception as the parent will raise it (as itself when it survives pickling
    whole, else its words)."""
    try:
        report = pickle.dumps(("failed", exc, None))
        pickle.loads(report)
        return report
    except Exception:  # noqa: BLE001 - an exception that does not go through pickle
        return pickle.dumps(("failed", RuntimeError(str(exc) or type(exc).__name__), None))


__all__ = ["Split", "start", "available", "cores", "halves_at", "condition", "split_at", "ONE_READER_ENV",
           "STOPPED", "UP_TO", "ABOVE"]
