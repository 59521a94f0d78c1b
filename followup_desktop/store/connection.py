"""Opening the database file safely: pragmas, checks, refusal of newer files, migrations.

Stdlib only (no peewee), so the command line can read the database without paying for the ORM's
import. Every connection, this module's or peewee's, is made by `connect()`, which applies the
same pragmas.

Order on open: read the schema version (a newer file is refused untouched), a read-only
`quick_check`, then WAL mode, then migrations, each step one transaction, after a verified backup
of the file.
"""

from __future__ import annotations

import errno
import os
from contextlib import contextmanager
import sqlite3
import stat
from datetime import datetime
from pathlib import Path
from typing import Callable, Sequence

from ..paths import (
    DIR_MODE, FILE_MODE, DataDirError, ensure_private_dir, make_private_file, stale_markers,
)


def _log():
    # Imported when first needed: `due` opens the database without ever logging.
    import logging

    return logging.getLogger(__name__)


BUSY_TIMEOUT_MS = 5000
KEEP_BACKUPS = 10


class StoreError(Exception):
    """A problem with the database file, explained for a person. `kind` says which, for a
    window that offers the way out: "damaged" (a backup helps), "empty", "too_new", "busy",
    "full", "read_only", "missing_link", "upgrade", "other"."""

    kind = "other"

    def __init__(self, message: str, *, kind: str | None = None):
        super().__init__(message)
        if kind is not None:
            self.kind = kind


class DatabaseTooNew(StoreError):
    kind = "too_new"


class DatabaseCorrupt(StoreError):
    kind = "damaged"


class MigrationFailed(StoreError):
    kind = "upgrade"


class DatabaseBusy(StoreError):
    kind = "busy"


class DiskFull(StoreError):
    kind = "full"


class DatabaseReadOnly(StoreError):
    kind = "read_only"


RESTORE_ADVICE = "open the app to restore a backup (File → Backups…), or move the file away to start afresh"


def is_read_only(path: Path | str) -> bool:
    """True when the database file may not be written: the user took its write permission away
    (chmod 0400; root included, who could write it all the same), or its disk is mounted
    read-only."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (mode & stat.S_IWUSR) or not os.access(path, os.W_OK)


def read_only_uri(path: Path | str) -> str:
    return f"{Path(path).resolve().as_uri()}?mode=ro"


def connect(path: Path | str, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """A connection with the pragmas every connection must have; read-only when the file is.

    Autocommit mode (`isolation_level=None`): transactions are always explicit, so a write is
    either committed whole or not at all.
    """
    ro = is_read_only(path)
    con = sqlite3.connect(
        read_only_uri(path) if ro else str(path), uri=ro, timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None, check_same_thread=check_same_thread,
    )
    try:
        if ro:
            con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            con.execute("PRAGMA foreign_keys = ON")
        else:
            apply_pragmas(con)
    except sqlite3.OperationalError as exc:
        # A full or read-only disk: SQLite cannot make its shared-memory file. Read anyway.
        known = describe(exc, path)
        con.close()
        if known.kind in ("full", "read_only"):
            from .migrations import LATEST

            return _reading_fallback(Path(path), LATEST, known)
        raise
    return con


def pragma_list() -> list[tuple[str, object]]:
    """The pragmas of every writing connection, in order (the store's peewee database takes
    them through its `pragmas=`). journal_mode is kept in the file: asking again on a WAL file
    changes nothing."""
    return [("busy_timeout", BUSY_TIMEOUT_MS), ("foreign_keys", "ON"), ("journal_mode", "WAL"),
            ("synchronous", "FULL")]


def apply_pragmas(con: sqlite3.Connection) -> None:
    for name, value in pragma_list():
        if name == "journal_mode":
            _switch_journal_mode(con, value)
        else:
            con.execute(f"PRAGMA {name} = {value}")


def _switch_journal_mode(con: sqlite3.Connection, mode) -> None:
    """Switch the file to `mode`. Two launches switching an old file at the same moment both
    hold a read lock and want the exclusive one; SQLite answers one of them "database is
    locked" at once, without waiting (it would deadlock). That one tries again, within the
    same patience as any other lock."""
    import time

    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            con.execute(f"PRAGMA journal_mode = {mode}")
            return
        except sqlite3.OperationalError as exc:
            if (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF != sqlite3.SQLITE_BUSY \
                    or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _create_private(path: Path) -> None:
    """Create an empty database file as 0600 before SQLite does (its -wal/-shm files take the
    main file's permissions)."""
    fd = os.open(path, os.O_CREAT | os.O_RDWR | getattr(os, "O_CLOEXEC", 0), FILE_MODE)
    os.close(fd)


def _check_read_only(path: Path, latest: int, *, integrity: bool = False, pages: bool = True) -> int:
    """Read `user_version` and, for a file this version can read, run `quick_check` (with
    `pages` or when the file needs an upgrade; `integrity_check` with `integrity`) and check
    its tables: all on a read-only connection, before anything could change the file. Returns
    the version."""
    uri = read_only_uri(path)
    try:
        con = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise describe(exc, path) from None
    try:
        try:
            version = con.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            known = describe(exc, path)
            if not isinstance(known, DatabaseCorrupt) or known.kind != "damaged":
                raise known from None
            raise DatabaseCorrupt(
                f"{path} is not a readable Follow-up Desktop database ({exc}). Nothing was "
                f"changed; {RESTORE_ADVICE}."
            ) from None
        if version < 0:
            raise DatabaseCorrupt(
                f"{path} carries a schema version ({version}) that no version of Follow-up Desktop "
                f"writes: another program changed it. Nothing was changed; {RESTORE_ADVICE}."
            )
        if version <= latest:
            if integrity:
                integrity_check(con, path)
            elif pages or version < latest:  # an upgrade writes: never onto damage
                quick_check(con, path)
            if version == latest:
                check_schema(con, path)
        return version
    except sqlite3.Error as exc:
        raise describe(exc, path) from None
    finally:
        con.close()


def open_database(path: Path | str, *, backups: Path | None = None,
                  check_same_thread: bool = True, reading: bool = False) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at `path`; return a ready connection.

    A file the user made read-only is opened read-only (never chmod-ed). `reading`: the caller
    only reads (`due`); on a full or read-only disk it still gets a connection, and a file
    every copy of the app closed cleanly is not read whole by `quick_check` first (a tenth of
    a `due`; what is read is checked by SQLite as it reads, a damaged page is an error).
    Every failure is a StoreError saying in words what is wrong."""
    from .migrations import LATEST, STEPS

    path = Path(path)
    if path.is_symlink() and not path.exists():
        raise StoreError(
            f"the database {path} is a link to {os.readlink(path)}, which does not exist (a disk "
            "that is not connected?). Nothing was created; connect it, or remove the link to start afresh.",
            kind="missing_link")
    backups = backups or path.parent / "backups"
    try:
        ensure_private_dir(path.parent, enforce=False)
        existed = path.exists() and path.stat().st_size > 0
        if not existed and path.exists() and _has_backups(backups):
            raise DatabaseCorrupt(
                f"the database {path} is empty (0 bytes), though there are backups of it: it was "
                f"cut short. Nothing was changed; {RESTORE_ADVICE}.", kind="empty")
        if not path.exists():
            _create_private(path)
    except OSError as exc:
        raise describe(exc, path) from None
    read_only = is_read_only(path)
    unclean = stale_markers(path.parent)
    # Checked read-only, before `connect` switches the file to WAL: a newer or damaged file must
    # be refused exactly as it was found. After an unclean exit the thorough check runs, for a
    # read too. A write checks the pages first in any case: it must not build on damage.
    try:
        version = (_check_read_only(path, LATEST, integrity=bool(unclean), pages=not reading)
                   if existed else 0)
    except (DiskFull, DatabaseReadOnly, StoreError) as exc:
        if reading and exc.kind in ("full", "read_only", "other") and existed:
            return _reading_fallback(path, LATEST, exc)
        raise
    if version > LATEST:
        raise DatabaseTooNew(
            f"{path} was written by a newer version of Follow-up Desktop (schema {version}; this "
            f"version knows up to {LATEST}). It was not changed; please update the app."
        )
    if read_only and version < LATEST:
        raise DatabaseReadOnly(
            f"the database {path} is read-only and needs an upgrade to this version's schema; "
            f"make it writable (chmod u+w) and start again. It was not changed.")
    try:
        con = connect(path, check_same_thread=check_same_thread)
    except sqlite3.DatabaseError as exc:
        known = describe(exc, path)
        if reading and known.kind in ("full", "read_only"):
            return _reading_fallback(path, LATEST, known)
        if known.kind != "damaged":
            raise known from None
        raise DatabaseCorrupt(
            f"the database {path} is damaged ({exc}). Nothing was changed; {RESTORE_ADVICE}."
        ) from None
    try:
        if version < LATEST:
            if existed and version > 0:
                backup(con, path, backups, version)
            migrate(con, version, STEPS)
    except sqlite3.Error as exc:
        con.close()
        raise describe(exc, path) from None
    except BaseException:
        con.close()
        raise
    if unclean and not read_only:
        for marker in unclean:  # checked whole: the crash did no harm
            marker.unlink(missing_ok=True)
    if not read_only:
        for suffix in ("", "-wal", "-shm"):
            try:
                make_private_file(Path(str(path) + suffix))
            except OSError:
                pass
    return con


def _has_backups(folder: Path) -> bool:
    try:
        return any(p.suffix == ".sqlite3" for p in folder.iterdir())
    except OSError:
        return False


def _reading_fallback(path: Path, latest: int, why: StoreError) -> sqlite3.Connection:
    """A connection that only reads, for a disk that is full or read-only: SQLite cannot make
    its shared-memory file there. With no unsaved log (the -wal file empty or gone) the file is
    read as it stands (`immutable`); otherwise in exclusive mode, which keeps that memory in
    the process instead of on disk."""
    wal = Path(str(path) + "-wal")
    try:
        pending = wal.exists() and wal.stat().st_size > 0
        if not pending:
            con = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                                  isolation_level=None)
        else:
            con = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            con.execute("PRAGMA locking_mode = EXCLUSIVE")
            con.execute("PRAGMA query_only = ON")
        version = con.execute("PRAGMA user_version").fetchone()[0]
        quick_check(con, path)
    except sqlite3.Error:
        raise why from None
    if version != latest:
        con.close()
        raise why
    return con


def integrity_check(con: sqlite3.Connection, path: Path) -> None:
    """The thorough check (indexes against their tables too), after an unclean exit."""
    quick_check(con, path, pragma="integrity_check")


def quick_check(con: sqlite3.Connection, path: Path, pragma: str = "quick_check") -> None:
    try:
        rows = [r[0] for r in con.execute(f"PRAGMA {pragma}").fetchall()]
    except sqlite3.DatabaseError as exc:
        known = describe(exc, path)
        if known.kind != "damaged":
            raise known from None
        rows = [str(exc)]
    if rows != ["ok"]:
        # One row can hold many lines ("*** in database main ***\nPage 3: ..."); the message
        # must stay one line for the command line.
        problems = [line.strip() for row in rows for line in str(row).splitlines()
                    if line.strip() and not line.startswith("***")] or ["unknown damage"]
        more = "; …" if len(problems) > 3 else ""
        raise DatabaseCorrupt(
            f"the database {path} is damaged ({'; '.join(problems[:3])[:160]}{more}). Nothing was "
            f"changed; {RESTORE_ADVICE}."
        )


_EXPECTED: dict[str, set[str]] | None = None


def expected_schema() -> dict[str, set[str]]:
    """Table -> columns of the latest schema, as the migration steps build it (once, in memory)."""
    global _EXPECTED
    if _EXPECTED is None:
        from .migrations import STEPS

        mem = sqlite3.connect(":memory:")
        for step in STEPS:
            step(mem)
        _EXPECTED = _columns(mem)
        mem.close()
    return _EXPECTED


def _columns(con: sqlite3.Connection) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for table, column in con.execute(
            "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p "
            "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"):
        out.setdefault(table, set()).add(column)
    return out


def check_schema(con: sqlite3.Connection, path: Path) -> None:
    """Every table and column this version reads is there (another program may have dropped one)."""
    have = _columns(con)
    for table, columns in expected_schema().items():
        if table not in have:
            raise DatabaseCorrupt(
                f"the database {path} has lost its {table!r} table (another program changed it). "
                f"Nothing was changed; {RESTORE_ADVICE}.")
        missing = sorted(columns - have[table])
        if missing:
            raise DatabaseCorrupt(
                f"the database {path} has lost the column {missing[0]!r} of its {table!r} table "
                f"(another program changed it). Nothing was changed; {RESTORE_ADVICE}.")


# SQLite's primary result codes that have a plain meaning for a person.
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26


def _disk_full(folder: Path) -> bool:
    import shutil

    try:
        return shutil.disk_usage(folder).free < 64 * 1024
    except OSError:
        return False


def describe(exc: BaseException, path: Path | str | None = None) -> StoreError:
    """The StoreError (or data-dir error) a person should read for `exc`, found anywhere in its
    chain of causes: peewee wraps SQLite's errors, and a failed rollback hides the real one
    ("cannot rollback - no transaction is active" after the disk filled up)."""
    path = Path(path) if path is not None else None
    where = f" {path}" if path is not None else ""
    folder = path.parent if path is not None else Path.cwd()
    chain, seen = [], set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        chain.append(e)
        e = e.__cause__ or e.__context__
    for e in chain:
        if isinstance(e, (StoreError, DataDirError)):
            return e
    # The most telling error in the chain first: a full disk or a lock behind a failed rollback.
    telling = (_FULL, _BUSY, _LOCKED, _READONLY, _CORRUPT, _NOTADB, _IOERR, _CANTOPEN)
    coded = [e for e in chain if isinstance(e, sqlite3.Error) and getattr(e, "sqlite_errorcode", None) is not None]
    coded.sort(key=lambda e: telling.index(e.sqlite_errorcode & 0xFF) if e.sqlite_errorcode & 0xFF in telling
               else len(telling))
    for e in coded:
        code = e.sqlite_errorcode
        if True:
            primary = code & 0xFF
            if primary in (_BUSY, _LOCKED):
                return DatabaseBusy(f"another program is writing to the database{where}; try again "
                                    "in a moment. Nothing was changed.")
            if primary == _FULL or (primary in (_IOERR, _CANTOPEN, _READONLY) and _disk_full(folder)):
                return DiskFull(f"the disk is full: the database{where} could not be written. "
                                "Nothing saved before was lost; free some space and try again.")
            if primary == _READONLY or (primary == _CANTOPEN and not os.access(folder, os.W_OK)):
                if path is not None and not os.access(folder, os.W_OK):
                    return DatabaseReadOnly(f"the data folder {folder} is read-only, so nothing can "
                                            "be saved; make it writable, or name another folder with --data-dir.")
                return DatabaseReadOnly(f"the database{where} is read-only (its write permission was "
                                        "taken away), so nothing can be changed; chmod u+w it to make changes.")
            if primary in (_CORRUPT, _NOTADB):
                return DatabaseCorrupt(f"the database{where} is damaged ({e}). Nothing was changed; "
                                       f"{RESTORE_ADVICE}.")
            if primary == _IOERR:
                return StoreError(f"the disk could not read or write the database{where} ({e}); "
                                  "check the disk and try again.")
            text = str(e)
            if text.startswith(("no such table", "no such column", "table ", "malformed")):
                return DatabaseCorrupt(f"the database{where} is not as this version wrote it ({text[:80]}); "
                                       f"another program changed it. {RESTORE_ADVICE.capitalize()}.")
            return StoreError(f"the database{where} could not be used ({text[:120]})")
    for e in chain:
        if isinstance(e, OSError) and e.errno is not None:
            name = f" {e.filename}" if e.filename else where
            if e.errno == errno.ENOSPC:
                return DiskFull(f"the disk is full:{name} could not be written. Nothing saved before "
                                "was lost; free some space and try again.")
            if e.errno == errno.EROFS:
                return DatabaseReadOnly(f"the disk holding{name} is read-only, so nothing can be saved.")
            if e.errno in (errno.EACCES, errno.EPERM):
                return DatabaseReadOnly(f"permission denied:{name} cannot be written or read; check "
                                        "who owns it.")
            if e.errno in (errno.ENOTDIR, errno.EEXIST):
                return DataDirError(f"{e.filename or folder} is in the way: a file where a folder "
                                    "should be.", kind="not_a_folder")
            return StoreError(f"{e.strerror or e}:{name}")
    return StoreError(f"{type(exc).__name__}: {str(exc)[:160]}")


def migrate(con: sqlite3.Connection, current: int,
            steps: Sequence[Callable[[sqlite3.Connection], None]]) -> int:
    """Run steps current+1 .. len(steps), each in its own transaction with its version bump.

    A step that fails is rolled back whole, so the file stays at the last good version.
    """
    for number in range(current + 1, len(steps) + 1):
        step = steps[number - 1]
        try:
            con.execute("BEGIN IMMEDIATE")
            # Another process (a second launch, the command line) may have run this step while
            # we waited for the write lock: the version read under the lock decides.
            if con.execute("PRAGMA user_version").fetchone()[0] >= number:
                con.execute("COMMIT")
                continue
            step(con)
            con.execute(f"PRAGMA user_version = {number}")
            con.execute("COMMIT")
        except Exception as exc:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise MigrationFailed(
                f"upgrading the database to schema {number} failed ({exc}); it was left at "
                f"schema {number - 1}, unchanged."
            ) from exc
        _log().info("database migrated to schema %d", number)
    return len(steps)


def backup(con: sqlite3.Connection, path: Path, folder: Path, version: int) -> Path | None:
    """Copy the live database with SQLite's backup API, verify the copy, and return its path.

    Returns None when another launch upgraded the file while it was being copied (that launch
    took its own backup first); raises MigrationFailed when the copy cannot be verified.

    One copy per source version: when a copy of this version with the same contents is there
    already (an upgrade that failed before), it is kept and no new one is made, so failing
    launches never push the real backups out.
    """
    ensure_private_dir(folder)
    with _backups_locked(folder):
        return _backup(con, path, folder, version)


@contextmanager
def _backups_locked(folder: Path):
    """Hold the backups folder's lock: two launches upgrading the same file at once take their
    copies one after the other. Without it, one launch's tidying of older copies removed the
    copy the other was still writing (SQLite: "disk I/O error")."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; one launch at a time is the single-instance rule
        yield
        return
    fd = os.open(folder / ".lock", os.O_CREAT | os.O_RDWR | getattr(os, "O_CLOEXEC", 0), FILE_MODE)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _backup(con: sqlite3.Connection, path: Path, folder: Path, version: int) -> Path | None:
    con.execute("BEGIN")  # one consistent view: another launch may be upgrading the file meanwhile
    try:
        if con.execute("PRAGMA user_version").fetchone()[0] != version:
            return None  # it did, after its own backup, while this one waited for the lock
        mine = fingerprint(con)
    finally:
        con.execute("COMMIT")
    for old in sorted(folder.glob(f"{path.stem}-schema{version}-*.sqlite3")):
        try:
            same_as_old = fingerprint_file(old) == mine
        except sqlite3.Error:
            continue
        if same_as_old:
            _log().info("a verified copy of %s at schema %d is there already: %s", path, version, old)
            return old
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{path.stem}-schema{version}-{stamp}.sqlite3"
    _create_private(target)
    dest = sqlite3.connect(str(target))
    try:
        con.backup(dest)
        ok = dest.execute("PRAGMA integrity_check").fetchone()[0]
        copied = dest.execute("PRAGMA user_version").fetchone()[0]
        same = upgraded_meanwhile = False
        if ok == "ok" and copied == version:
            con.execute("BEGIN")  # one consistent view of the live file for the comparison
            try:
                upgraded_meanwhile = con.execute("PRAGMA user_version").fetchone()[0] != version
                tables = [r[0] for r in con.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
                same = not upgraded_meanwhile and all(
                    con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                    == dest.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                    for t in tables
                )
            finally:
                con.execute("COMMIT")
        elif ok == "ok" and copied > version:
            upgraded_meanwhile = True
    finally:
        dest.close()
    if upgraded_meanwhile:
        target.unlink(missing_ok=True)
        return None
    if not same:
        target.unlink(missing_ok=True)
        raise MigrationFailed(f"the backup before upgrading {path} could not be verified; nothing was changed")
    os.chmod(target, FILE_MODE)
    for old in folder.glob(f"{path.stem}-schema{version}-*.sqlite3"):
        if old != target:  # an older copy of this version, with older contents
            old.unlink(missing_ok=True)
    _prune(folder, path.stem)
    _log().info("backed up %s to %s before migrating", path, target)
    return target


def fingerprint(con: sqlite3.Connection) -> tuple:
    """What a copy must match to count as the same contents: per table, its rows' count and the
    sum of a hash of every row."""
    out = []
    for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                "AND name NOT LIKE 'sqlite_%' ORDER BY name").fetchall():
        rows = con.execute(f'SELECT * FROM "{table}"').fetchall()
        out.append((table, len(rows), sum(hash(r) for r in rows) & 0xFFFFFFFFFFFF))
    out.append(("user_version", con.execute("PRAGMA user_version").fetchone()[0]))
    return tuple(out)


def fingerprint_file(path: Path) -> tuple:
    con = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return fingerprint(con)
    finally:
        con.close()


def _prune(folder: Path, stem: str) -> None:
    old = sorted(folder.glob(f"{stem}-schema*.sqlite3"), key=lambda p: p.stat().st_mtime_ns)
    for p in old[:-KEEP_BACKUPS]:
        p.unlink(missing_ok=True)


__all__ = [
    "DIR_MODE", "FILE_MODE", "StoreError", "DatabaseTooNew", "DatabaseCorrupt", "MigrationFailed",
    "DatabaseBusy", "DiskFull", "DatabaseReadOnly", "describe", "is_read_only", "integrity_check",
    "connect", "apply_pragmas", "open_database", "migrate", "backup",
]


def find_bad_value(path: Path | str) -> StoreError | None:
    """Look for the stored value this version cannot read (a date that is not a date, a kind
    it does not know), for the message after reading the file failed. Slow, and only then."""
    from ..vocab import Channel, EventKind, Outcome, Role, Stage

    def date_ok(v, with_time):
        try:
            d = datetime.fromisoformat(v) if with_time else datetime.fromisoformat(v + "T00:00")
        except (TypeError, ValueError):
            return False
        return d.year <= 9998

    rules = {
        "event": {"kind": {m.value for m in EventKind}, "at": "datetime", "channel": {None, *(m.value for m in Channel)},
                  "reason": {None, *(m.value for m in Outcome)}, "decision_expected": "date", "next_date": "date",
                  "duration_minutes": "int"},
        "application": {"stage": {m.value for m in Stage}, "outcome": {None, *(m.value for m in Outcome)},
                        "posting_closes": "date", "created": "datetime"},
        "contact": {"role": {m.value for m in Role}},
        "action_state": {c: "datetime" for c in ("done_at", "dismissed_at", "snoozed_until", "notified_at",
                                                  "overdue_notified_at")},
    }
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error:
        return None
    try:
        for table, columns in rules.items():
            names = list(columns)
            key = "action_id" if table == "action_state" else "id"
            for row in con.execute(f'SELECT {key}, {", ".join(names)} FROM "{table}"'):
                for name, value in zip(names, row[1:]):
                    rule = columns[name]
                    if isinstance(rule, set):
                        ok = value in rule
                    elif rule == "int":
                        ok = value is None or (isinstance(value, int) and 0 <= value <= 100_000)
                    else:
                        ok = value is None or date_ok(value, rule == "datetime")
                    if not ok:
                        shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:39] + "…"
                        return DatabaseCorrupt(
                            f"the database {path} holds a value this version cannot read: {table} "
                            f"{row[0]!r}, column {name!r} is {shown} (another program wrote it). "
                            f"Correct it with an SQLite tool, or {RESTORE_ADVICE}.", kind="bad_value")
    except sqlite3.Error:
        return None
    finally:
        con.close()
    return None
