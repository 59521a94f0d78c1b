"""Where the app keeps its files: one module, so every other room asks here.

The data dir holds the database, its backups and the logs, and beside them the windows' state,
the list kept from the last exit and the one-running-copy lock: every name of a file in it is
here (`DataPaths`). It comes from platformdirs unless
`--data-dir` or `FOLLOWUP_DESKTOP_DATA_DIR` names another. Everything the app creates there is
private: folders 0700, files 0600.
"""

from __future__ import annotations

import errno
import itertools
import os
import stat
from pathlib import Path
from typing import Iterable

APP_NAME = "followup-desktop"
ENV_DATA_DIR = "FOLLOWUP_DESKTOP_DATA_DIR"
DB_FILENAME = "followup.sqlite3"
BACKUP_DIRNAME = "backups"
LOG_DIRNAME = "logs"
TEMPLATES_DIRNAME = "templates"
#: "running-<pid>": a copy of the app is running (or was, and did not exit cleanly)
RUNNING_PREFIX = "running-"
LOG_FILENAME = "followup-desktop.log"
WINDOW_STATE_FILENAME = "window-state.ini"
LIST_CACHE_FILENAME = "list-cache.json"
DRAFTS_FILENAME = "drafts.json"
LOCK_FILENAME = "instance.lock"
CALENDAR_FILENAME = "calendar.ics"
#: a regular backup: "followup-<stamp>.sqlite3" (a second one in the same second: "-2", …)
BACKUP_PREFIX, BACKUP_SUFFIX = "followup-", ".sqlite3"

DIR_MODE = 0o700
FILE_MODE = 0o600


def default_data_dir() -> Path:
    # Imported here: platformdirs is only needed when no directory was named.
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The data dir for this run: the command line wins, then the environment, then the default."""
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


class DataDirError(Exception):
    """The data folder cannot be used, said in words. `kind`: "not_a_folder", "foreign",
    "read_only", "full"."""

    def __init__(self, message: str, *, kind: str = "other"):
        super().__init__(message)
        self.kind = kind


def ensure_private_dir(path: Path, *, enforce: bool = True) -> Path:
    """Create `path` (and every missing parent) if needed, each as 0700.

    With `enforce`, an existing folder is made 0700 too: right for the app's own folders
    (backups, logs), wrong for a folder the user named that holds other things.
    """
    path = Path(path)
    existed = path.exists()
    missing = []
    for parent in (path, *path.parents):
        if parent.exists():
            break
        missing.append(parent)
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:
            pass
        os.chmod(folder, DIR_MODE)  # whatever the umask made of it
    if not path.is_dir():
        raise DataDirError(f"{path} is a file, not a folder; move it away or name another folder.",
                           kind="not_a_folder")
    if existed and enforce and (path.stat().st_mode & 0o777) != DIR_MODE:
        os.chmod(path, DIR_MODE)
    return path


def make_private_file(path: Path) -> None:
    """Restrict an existing file to its owner (0600)."""
    if path.exists() and (path.stat().st_mode & 0o777) != FILE_MODE:
        os.chmod(path, FILE_MODE)


def write_private(path: Path, text: str | bytes | Iterable[str | bytes]) -> None:
    """Write `text` (or its pieces, as they come) to `path` whole or not at all: a temp file
    beside it, created 0600, synced to disk, then renamed over `path`."""
    path = Path(path)
    for n in itertools.count():
        tmp = path.with_name(f".{path.name}.{os.getpid()}-{n}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), FILE_MODE)
            break
        except FileExistsError:  # left by a crash (or another writer): pick another name
            continue
    try:
        with open(fd, "wb") as f:
            if isinstance(text, bytes):
                f.write(text)
            elif isinstance(text, str):
                f.write(text.encode("utf-8"))
            else:
                for piece in text:  # text, or bytes already encoded
                    f.write(piece if isinstance(piece, bytes) else piece.encode("utf-8"))
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, FILE_MODE)  # whatever the umask made of it
        os.replace(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        stop = getattr(text, "close", None)
        if stop is not None:  # the pieces' maker finishes now, not whenever it is collected
            stop()
        if isinstance(exc, OSError) and exc.filename is None:
            # a write of this file (a full disk): it names this file, not what the caller reads
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        raise


def _read_only_mount(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


def _alive(pid: int) -> bool:
    if os.name == "nt":  # os.kill(pid, 0) would send Ctrl+C there: take the copy as running
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def stale_markers(root: Path) -> list[Path]:
    """The running-markers of copies that are no longer running: each is an unclean exit."""
    out = []
    try:
        names = [p for p in Path(root).iterdir() if p.name.startswith(RUNNING_PREFIX)]
    except OSError:
        return out
    for marker in names:
        pid = marker.name[len(RUNNING_PREFIX):]
        if not pid.isdigit() or (int(pid) != os.getpid() and not _alive(int(pid))):
            out.append(marker)
    return out


class DataPaths:
    """The files inside one data dir."""

    def __init__(self, root: Path, *, is_default: bool = False):
        self.root = Path(root)
        #: the platformdirs location (the app's own folder), not one the user named
        self.is_default = is_default

    @property
    def database(self) -> Path:
        return self.root / DB_FILENAME

    @property
    def backups(self) -> Path:
        return self.root / BACKUP_DIRNAME

    @property
    def logs(self) -> Path:
        return self.root / LOG_DIRNAME

    @property
    def log_file(self) -> Path:
        """The rotating log (its older parts beside it, numbered)."""
        return self.logs / LOG_FILENAME

    @property
    def window_state(self) -> Path:
        """Window size, splitter, columns, the notification pause and one-time hints (INI)."""
        return self.root / WINDOW_STATE_FILENAME

    @property
    def list_cache(self) -> Path:
        """The applications list as it was at the last exit, shown while the data loads."""
        return self.root / LIST_CACHE_FILENAME

    @property
    def drafts(self) -> Path:
        """The unsent compose drafts the user kept (or that were open when the app quit)."""
        return self.root / DRAFTS_FILENAME

    @property
    def instance_lock(self) -> Path:
        """Held by the one running copy of the app for this data dir."""
        return self.root / LOCK_FILENAME

    @property
    def calendar_file(self) -> Path:
        """The calendar kept up to date for a calendar program subscribed to it (a setting)."""
        return self.root / CALENDAR_FILENAME

    def backup_file(self, stamp: str, n: int = 1) -> Path:
        """A regular backup taken at `stamp`; `n` > 1 for another one in the same second."""
        return self.backups / f"{BACKUP_PREFIX}{stamp}{'' if n == 1 else f'-{n}'}{BACKUP_SUFFIX}"

    @property
    def config(self) -> Path:
        """The user's own files that are settings rather than data (their wording templates):
        the platformdirs config folder for the default data dir, else inside the named one, so
        a portable or test data dir carries everything with it."""
        if self.is_default:
            import platformdirs

            return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
        return self.root / "config"

    @property
    def templates(self) -> Path:
        """The user's own wording templates: they win over the shipped ones."""
        return self.config / TEMPLATES_DIRNAME

    def running_marker(self, pid: int | None = None) -> Path:
        """The marker a running copy keeps in the data dir; left behind by an unclean exit."""
        return self.root / f"{RUNNING_PREFIX}{os.getpid() if pid is None else pid}"

    def ensure(self) -> "DataPaths":
        """Create the data dir if needed, or say in words why it cannot be used (DataDirError)."""
        # The default location is the app's own: keep it private. A folder the user named may
        # hold other things: it is created private, but an existing one keeps its permissions
        # (the files the app writes in it are 0600 all the same).
        root = self.root
        try:
            info = root.stat()
        except FileNotFoundError:
            info = None
        except OSError as exc:
            raise DataDirError(f"the data folder {root} cannot be reached ({exc.strerror}).") from None
        if info is not None:
            if not stat.S_ISDIR(info.st_mode):
                raise DataDirError(f"the data folder {root} is a file, not a folder; move the file "
                                   "away, or name another folder with --data-dir.", kind="not_a_folder")
            if hasattr(os, "getuid") and info.st_uid != os.getuid():
                raise DataDirError(f"the data folder {root} belongs to another user (uid {info.st_uid}); "
                                   "your data must be in a folder of your own: name one with --data-dir.",
                                   kind="foreign")
        try:
            ensure_private_dir(root, enforce=self.is_default)
        except OSError as exc:
            if exc.errno == errno.ENOSPC:
                raise DataDirError(f"the disk is full: the data folder {root} cannot be created.",
                                   kind="full") from None
            if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                if info is None:
                    raise DataDirError(f"the data folder {root} cannot be created here: {exc.strerror.lower()}.",
                                       kind="read_only") from None
                # an existing folder that may not be chmod-ed (a read-only disk): it is used as it is
            else:
                raise DataDirError(f"the data folder {root} cannot be created ({exc.strerror}).") from None
        return self

    def writable_problem(self) -> DataDirError | None:
        """Why nothing can be saved in the data dir, if it cannot: read-only, or a full disk."""
        if not os.access(self.root, os.W_OK) or _read_only_mount(self.root):
            return DataDirError(f"the data folder {self.root} is read-only, so nothing can be saved; "
                                "make it writable, or name another folder with --data-dir.", kind="read_only")
        try:
            import shutil

            if shutil.disk_usage(self.root).free < 64 * 1024:
                return DataDirError(f"the disk holding {self.root} is full, so nothing can be saved; "
                                    "free some space and try again.", kind="full")
        except OSError:
            pass
        return None

    @classmethod
    def resolve(cls, cli_value: str | os.PathLike[str] | None = None) -> "DataPaths":
        named = cli_value or os.environ.get(ENV_DATA_DIR)
        return cls(resolve_data_dir(cli_value), is_default=not named)
