"""Where the app keeps its files: one module, so every other room asks here.

The data dir holds the database, its backups and the logs. It comes from platformdirs unless
`--data-dir` or `FOLLOWUP_DESKTOP_DATA_DIR` names another. Everything the app creates there is
private: folders 0700, files 0600.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path
from typing import Iterable

APP_NAME = "followup-desktop"
ENV_DATA_DIR = "FOLLOWUP_DESKTOP_DATA_DIR"
DB_FILENAME = "followup.sqlite3"
BACKUP_DIRNAME = "backups"
LOG_DIRNAME = "logs"
TEMPLATES_DIRNAME = "templates"

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


def ensure_private_dir(path: Path, *, enforce: bool = True) -> Path:
    """Create `path` (and parents) if needed, as 0700.

    With `enforce`, an existing folder is made 0700 too: right for the app's own folders
    (backups, logs), wrong for a folder the user named that holds other things.
    """
    existed = path.exists()
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if (not existed or enforce) and (path.stat().st_mode & 0o777) != DIR_MODE:
        os.chmod(path, DIR_MODE)
    return path


def make_private_file(path: Path) -> None:
    """Restrict an existing file to its owner (0600)."""
    if path.exists() and (path.stat().st_mode & 0o777) != FILE_MODE:
        os.chmod(path, FILE_MODE)


def write_private(path: Path, text: str | bytes | Iterable[str]) -> None:
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
                for piece in text:
                    f.write(piece.encode("utf-8"))
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, FILE_MODE)  # whatever the umask made of it
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


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

    def ensure(self) -> "DataPaths":
        # The default location is the app's own: keep it private. A folder the user named may
        # hold other things: it is created private, but an existing one keeps its permissions
        # (the files the app writes in it are 0600 all the same).
        ensure_private_dir(self.root, enforce=self.is_default)
        return self

    @classmethod
    def resolve(cls, cli_value: str | os.PathLike[str] | None = None) -> "DataPaths":
        named = cli_value or os.environ.get(ENV_DATA_DIR)
        return cls(resolve_data_dir(cli_value), is_default=not named)
