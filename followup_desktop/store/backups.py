"""Verified, thinned backups of the database, and the way back from one (no Qt).

A backup is taken with SQLite's backup API (a consistent copy while the app runs), switched to
a plain rollback journal (so it reads without side files), checked whole (`integrity_check`),
synced, and only then given its name in `backups/`: `followup-YYYYMMDD-HHMMSS.sqlite3`, 0600.
The app takes one at each clean exit and at most one an hour while it runs; the hourly one is
the bound on what a lost write-ahead log could cost (SQLite cannot see lost WAL frames).

Thinning keeps the newest backup of each of the last `backups_keep_daily` days that have one,
of each of the last `backups_keep_weekly` weeks and of the last `backups_keep_monthly` months
(settings); the copies taken before an upgrade (`followup-schemaN-….sqlite3`) are kept apart.

Restoring keeps the current file aside first (`followup.sqlite3.before-restore-<stamp>`); a
damaged file is moved aside as `followup.sqlite3.damaged-<stamp>`. Nothing here deletes a
database file other than a backup that thinning lets go.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from ..paths import BACKUP_PREFIX, BACKUP_SUFFIX, FILE_MODE, DataPaths, ensure_private_dir
from .connection import DatabaseCorrupt, StoreError, connect, describe

STAMP = "%Y%m%d-%H%M%S"
_REGULAR = re.compile(rf"^{re.escape(BACKUP_PREFIX)}(\d{{8}}-\d{{6}})(?:-(\d+))?{re.escape(BACKUP_SUFFIX)}$")
_UPGRADE = re.compile(r"^followup-schema(\d+)-(\d{8}-\d{6})(?:-\d+)?\.sqlite3$")
#: at most one backup this often while the app runs
EVERY = timedelta(hours=1)


def _log():
    import logging

    return logging.getLogger(__name__)


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime
    #: "regular", or "upgrade" for the copy taken before upgrading from schema `schema`
    kind: str = "regular"
    schema: int | None = None

    def counts(self) -> tuple[int, int]:
        """(applications, events) in this backup; raises StoreError when it cannot be read."""
        con = _open_copy(self.path)
        try:
            return (con.execute("SELECT count(*) FROM application").fetchone()[0],
                    con.execute("SELECT count(*) FROM event").fetchone()[0])
        except sqlite3.Error as exc:
            raise describe(exc, self.path) from None
        finally:
            con.close()

    def verify(self) -> bool:
        """The whole copy checked again (`integrity_check`)."""
        try:
            con = _open_copy(self.path)
        except StoreError:
            return False
        try:
            return [r[0] for r in con.execute("PRAGMA integrity_check")] == ["ok"]
        except sqlite3.Error:
            return False
        finally:
            con.close()


def _open_copy(path: Path) -> sqlite3.Connection:
    """A backup read as it stands: read-only and immutable, so no side file is made beside it."""
    try:
        return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as exc:
        raise describe(exc, path) from None


def list_backups(paths: DataPaths) -> list[Backup]:
    """Every backup in the data dir, newest first."""
    out = []
    try:
        entries = list(paths.backups.iterdir())
    except OSError:
        return out
    for p in entries:
        m = _REGULAR.match(p.name)
        if m:
            out.append(Backup(p, datetime.strptime(m.group(1), STAMP)))
            continue
        m = _UPGRADE.match(p.name)
        if m:
            out.append(Backup(p, datetime.strptime(m.group(2), STAMP), "upgrade", int(m.group(1))))
    out.sort(key=lambda b: (b.taken, b.path.name), reverse=True)
    return out


def newest_verified(paths: DataPaths) -> Backup | None:
    """The newest backup that passes the whole check now (an older one if the newest does not)."""
    for b in list_backups(paths):
        if b.verify():
            return b
    return None


def backup_due(paths: DataPaths, now: datetime | None = None) -> bool:
    """True when the newest regular backup is an hour old or more (or there is none)."""
    now = now or datetime.now()
    regular = [b for b in list_backups(paths) if b.kind == "regular"]
    return not regular or now - regular[0].taken >= EVERY


def take_backup(paths: DataPaths, *, now: datetime | None = None) -> Backup:
    """Copy the database into `backups/`, verify the copy, name it, then thin the folder.

    Raises DatabaseCorrupt when the copy fails its check (the file itself is damaged: the
    caller says so), StoreError for anything else (a full disk, say)."""
    now = (now or datetime.now()).replace(microsecond=0)
    folder = ensure_private_dir(paths.backups)
    db = paths.database
    stamp = now.strftime(STAMP)
    target = paths.backup_file(stamp)
    n = 1
    while target.exists():
        n += 1
        target = paths.backup_file(stamp, n)
    tmp = folder / f".{target.name}.{os.getpid()}.tmp"
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE)
        os.close(fd)
        # an ordinary connection (read-only only for a read-only file): as the last one to close,
        # it folds the write-ahead log back into the file rather than leaving it beside it
        src = connect(db)
        try:
            keep = _keep_settings(src)
            dest = sqlite3.connect(str(tmp), isolation_level=None)
            try:
                src.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")
                problems = [r[0] for r in dest.execute("PRAGMA integrity_check")]
            finally:
                dest.close()
        finally:
            src.close()
        if problems != ["ok"]:
            raise DatabaseCorrupt(
                f"the database {db} is damaged: its backup copy failed the whole check "
                f"({'; '.join(problems[:2])[:120]}). Nothing was changed.")
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, target)
    except sqlite3.Error as exc:
        raise describe(exc, db) from None
    except OSError as exc:
        raise describe(exc, db) from None
    finally:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}-journal").unlink(missing_ok=True)
    _log().info("backed up %s to %s", db, target)
    thin(paths, keep, now=now)
    return Backup(target, datetime.strptime(stamp, STAMP))


def _keep_settings(con: sqlite3.Connection) -> tuple[int, int, int]:
    from ..settings import Settings
    from .reads import load_settings

    try:
        s = load_settings(con)
    except sqlite3.Error:
        s = Settings()
    return s.backups_keep_daily, s.backups_keep_weekly, s.backups_keep_monthly


def to_keep(backups: list[Backup], daily: int, weekly: int, monthly: int) -> set[Path]:
    """Which regular backups thinning keeps: the newest of each of the last `daily` days with a
    backup, of each of the last `weekly` ISO weeks, and of each of the last `monthly` months."""
    newest_first = sorted((b for b in backups if b.kind == "regular"), key=lambda b: b.taken, reverse=True)
    keep: set[Path] = set()
    for count, bucket in ((daily, lambda t: t.date()),
                          (weekly, lambda t: t.isocalendar()[:2]),
                          (monthly, lambda t: (t.year, t.month))):
        seen = set()
        for b in newest_first:
            k = bucket(b.taken)
            if k in seen:
                continue
            if len(seen) >= count:
                break
            seen.add(k)
            keep.add(b.path)
    if newest_first:
        keep.add(newest_first[0].path)  # the newest is never let go
    return keep


def thin(paths: DataPaths, keep: tuple[int, int, int], *, now: datetime | None = None) -> list[Path]:
    """Delete the regular backups `to_keep` does not keep; returns what was deleted."""
    backups = list_backups(paths)
    kept = to_keep(backups, *keep)
    gone = []
    for b in backups:
        if b.kind == "regular" and b.path not in kept:
            b.path.unlink(missing_ok=True)
            gone.append(b.path)
    return gone


def _move_with_sidecars(db: Path, suffix: str) -> Path:
    """Rename the database and its -wal/-shm files to `<name><suffix>` (SQLite's own pairing:
    the moved -wal still belongs to the moved file)."""
    aside = db.with_name(db.name + suffix)
    n = 1
    while aside.exists():
        n += 1
        aside = db.with_name(f"{db.name}{suffix}-{n}")
    os.replace(db, aside)
    for side in ("-wal", "-shm"):
        src = Path(f"{db}{side}")
        if src.exists():
            os.replace(src, Path(f"{aside}{side}"))
    return aside


def move_aside(paths: DataPaths, why: str = "damaged", *, now: datetime | None = None) -> Path | None:
    """Keep the current database file aside, as `followup.sqlite3.<why>-<stamp>` (never deleted).
    Returns its new path, or None when there was no file."""
    db = paths.database
    if not db.exists() and not db.is_symlink():
        return None
    stamp = (now or datetime.now()).strftime(STAMP)
    try:
        return _move_with_sidecars(db, f".{why}-{stamp}")
    except OSError as exc:
        raise describe(exc, db) from None


def restore(paths: DataPaths, backup: Backup, *, now: datetime | None = None) -> Path | None:
    """Put `backup` in place of the database. The current file (if any) is kept aside first, as
    `followup.sqlite3.before-restore-<stamp>`; returns that path. Every connection to the
    database must be closed first. The backup is checked whole before anything moves."""
    if not backup.verify():
        raise DatabaseCorrupt(f"the backup {backup.path.name} failed the whole check; pick another one.")
    db = paths.database
    tmp = db.with_name(f".{db.name}.restore-{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, FILE_MODE)
        with open(fd, "wb") as out, open(backup.path, "rb") as src:
            while True:
                chunk = src.read(1 << 20)
                if not chunk:
                    break
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, FILE_MODE)
        aside = move_aside(paths, "before-restore", now=now)
        os.replace(tmp, db)
    except OSError as exc:
        raise describe(exc, db) from None
    finally:
        tmp.unlink(missing_ok=True)
    _log().info("restored %s from %s (the file before kept as %s)", db, backup.path, aside)
    return aside


__all__ = ["Backup", "list_backups", "newest_verified", "backup_due", "take_backup", "to_keep", "thin",
           "move_aside", "restore", "EVERY"]
