"""Opening the database file safely: pragmas, checks, refusal of newer files, migrations.

Stdlib only (no peewee), so the command line can read the database without paying for the ORM's
import. Every connection, this module's or peewee's, is made by `connect()`, which applies the
same pragmas.

Order on open: read the schema version (a newer file is refused untouched), a read-only
`quick_check`, then WAL mode, then migrations, each step one transaction, after a verified backup
of the file.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Callable, Sequence

from ..paths import DIR_MODE, FILE_MODE, ensure_private_dir, make_private_file



def _log():
    # Imported when first needed: `due` opens the database without ever logging.
    import logging

    return logging.getLogger(__name__)


BUSY_TIMEOUT_MS = 5000
KEEP_BACKUPS = 10


class StoreError(Exception):
    """A problem with the database file, explained for a person."""


class DatabaseTooNew(StoreError):
    pass


class DatabaseCorrupt(StoreError):
    pass


class MigrationFailed(StoreError):
    pass


def connect(path: Path | str, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """A connection with the pragmas every connection must have.

    Autocommit mode (`isolation_level=None`): transactions are always explicit, so a write is
    either committed whole or not at all.
    """
    con = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
        check_same_thread=check_same_thread,
    )
    apply_pragmas(con)
    return con


def apply_pragmas(con: sqlite3.Connection) -> None:
    con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    con.execute("PRAGMA foreign_keys = ON")
    # journal_mode is kept in the file: asking again on a WAL file changes nothing.
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = FULL")


def _create_private(path: Path) -> None:
    """Create an empty database file as 0600 before SQLite does (its -wal/-shm files take the
    main file's permissions)."""
    fd = os.open(path, os.O_CREAT | os.O_RDWR | getattr(os, "O_CLOEXEC", 0), FILE_MODE)
    os.close(fd)


def _check_read_only(path: Path, latest: int) -> int:
    """Read `user_version` and, for a file this version can read, run `quick_check`: all on a
    read-only connection, before anything could change the file. Returns the version."""
    uri = f"{Path(path).resolve().as_uri()}?mode=ro"
    try:
        con = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open the database {path}: {exc}") from None
    try:
        try:
            version = con.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise DatabaseCorrupt(
                f"{path} is not a readable Follow-up Desktop database ({exc}). Nothing was "
                "changed; restore a copy from the backups folder or move the file away to start afresh."
            ) from None
        if version <= latest:
            quick_check(con, path)
        return version
    finally:
        con.close()


def open_database(path: Path | str, *, backups: Path | None = None,
                  check_same_thread: bool = True) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the database at `path`; return a ready connection."""
    from .migrations import LATEST, STEPS

    path = Path(path)
    ensure_private_dir(path.parent, enforce=False)
    existed = path.exists() and path.stat().st_size > 0
    if not path.exists():
        _create_private(path)
    # Checked read-only, before `connect` switches the file to WAL: a newer or damaged file must
    # be refused exactly as it was found.
    version = _check_read_only(path, LATEST) if existed else 0
    if version > LATEST:
        raise DatabaseTooNew(
            f"{path} was written by a newer version of Follow-up Desktop (schema {version}; this "
            f"version knows up to {LATEST}). It was not changed; please update the app."
        )
    try:
        con = connect(path, check_same_thread=check_same_thread)
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorrupt(
            f"the database {path} is damaged ({exc}). Nothing was changed; "
            "restore a copy from the backups folder."
        ) from None
    try:
        if version < LATEST:
            if existed and version > 0:
                backup(con, path, backups or path.parent / "backups", version)
            migrate(con, version, STEPS)
    except BaseException:
        con.close()
        raise
    for suffix in ("", "-wal", "-shm"):
        make_private_file(Path(str(path) + suffix))
    return con


def quick_check(con: sqlite3.Connection, path: Path) -> None:
    try:
        rows = [r[0] for r in con.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as exc:
        rows = [str(exc)]
    if rows != ["ok"]:
        # One row can hold many lines ("*** in database main ***\nPage 3: ..."); the message
        # must stay one line for the command line.
        problems = [line.strip() for row in rows for line in str(row).splitlines()
                    if line.strip() and not line.startswith("***")] or ["unknown damage"]
        more = "; …" if len(problems) > 3 else ""
        raise DatabaseCorrupt(
            f"the database {path} is damaged ({'; '.join(problems[:3])}{more}). Nothing was "
            "changed; restore a copy from the backups folder."
        )


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
    """
    ensure_private_dir(folder)
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
    _prune(folder, path.stem)
    _log().info("backed up %s to %s before migrating", path, target)
    return target


def _prune(folder: Path, stem: str) -> None:
    old = sorted(folder.glob(f"{stem}-schema*.sqlite3"), key=lambda p: p.stat().st_mtime_ns)
    for p in old[:-KEEP_BACKUPS]:
        p.unlink(missing_ok=True)


__all__ = [
    "DIR_MODE", "FILE_MODE", "StoreError", "DatabaseTooNew", "DatabaseCorrupt", "MigrationFailed",
    "connect", "apply_pragmas", "open_database", "migrate", "backup",
]
