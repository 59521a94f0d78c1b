"""The command line (CONTRACT.md): `followup-desktop [--data-dir DIR] [COMMAND …]`.

Works without a display. Imports stay lazy so that `due` starts quickly: this module pulls in
neither Qt nor the ORM unless a command needs it.

Exit codes: 0 success, 2 bad input (one line on stderr), 1 anything else.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

EXIT_OK, EXIT_ERROR, EXIT_BAD_INPUT = 0, 1, 2


class BadInput(Exception):
    """Bad input from the user: exit 2 with this one-line message."""


def _version() -> str:
    from . import __version__

    return __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="followup-desktop",
        description="Tells you when and how to follow up on every job application.",
    )
    parser.add_argument("--data-dir", metavar="DIR",
                        help="keep the database, backups and logs in DIR "
                             "(also: FOLLOWUP_DESKTOP_DATA_DIR)")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--minimized", action="store_true", help="start in the tray only")
    parser.add_argument("--self-test", action="store_true",
                        help="check the app on a throw-away data dir and exit 0 when all is well")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser("import", help="import an exchange file (.json); all or nothing")
    p.add_argument("file", metavar="FILE")
    p = sub.add_parser("export", help="write everything to FILE (.json)")
    p.add_argument("file", metavar="FILE")
    p = sub.add_parser("due", help="list the follow-ups whose window is open, most urgent first")
    p.add_argument("--at", metavar="WHEN",
                   help="local time YYYY-MM-DDTHH:MM[:SS] (a bare date means its start); default: now")
    p.add_argument("--json", action="store_true", help="print a JSON array (CONTRACT.md)")
    p = sub.add_parser("stats", help="the search in figures: replies, days to reply, follow-ups")
    p.add_argument("--json", action="store_true", help="print a JSON object (CONTRACT.md)")
    p.add_argument("--at", metavar="WHEN", help="count as at local time WHEN (default: now)")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed its message; usage errors are bad input
        return EXIT_OK if exc.code == 0 else EXIT_BAD_INPUT
    try:
        if args.version:
            print(f"followup-desktop {_version()}")
            return EXIT_OK
        if args.self_test:
            from .selftest import run_self_test

            return run_self_test()
        if args.command == "import":
            return cmd_import(args)
        if args.command == "export":
            return cmd_export(args)
        if args.command == "due":
            return cmd_due(args)
        if args.command == "stats":
            return cmd_stats(args)
        return cmd_gui(args)
    except BadInput as exc:
        print(one_line(f"followup-desktop: {exc}"), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return EXIT_ERROR
    except Exception as exc:  # the last line of defence: one readable line, not a traceback
        print(one_line(f"followup-desktop: {explain(exc, args)}"), file=sys.stderr)
        return EXIT_ERROR


def explain(exc: BaseException, args) -> str:
    """One line in words for what went wrong: the disk, the folder, a lock, damage, or a value
    stored by another program; an unexpected error is named as one."""
    from .paths import DataDirError, DataPaths
    from .store.connection import StoreError, describe, find_bad_value

    if isinstance(exc, (StoreError, DataDirError)):
        return str(exc)
    try:
        paths = DataPaths.resolve(args.data_dir)
    except Exception:
        paths = None
    db = paths.database if paths is not None else None
    known = describe(exc, db)
    if known.kind != "other" or isinstance(exc, (OSError,)) or _from_sqlite(exc):
        return str(known)
    # Reading the file failed on a value: find which one.
    bad = find_bad_value(db) if db is not None and db.exists() else None
    if bad is not None:
        return str(bad)
    return f"unexpected error: {type(exc).__name__}: {exc}"


def _from_sqlite(exc: BaseException) -> bool:
    import sqlite3

    e, seen = exc, set()
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        if isinstance(e, sqlite3.Error):
            return True
        e = e.__cause__ or e.__context__
    return False


def _paths(args):
    from .paths import DataPaths

    return DataPaths.resolve(args.data_dir).ensure()


def _open_store(args):
    from .store import Store

    return Store(_paths(args))


def cmd_import(args) -> int:
    from .exchange.validate import ExchangeError

    path = Path(args.file)
    suffix = path.suffix.lower()
    if suffix != ".json":
        raise BadInput(f"{path}: cannot import {suffix or 'a file without an extension'}; "
                       "this version imports exchange files (.json)")
    from .exchange.jsonfile import import_json
    from .exchange.validate import load_file

    # Read first: a file that is missing or unreadable leaves no data dir behind.
    try:
        doc = load_file(path)
    except ExchangeError as exc:
        raise BadInput(f"{_shown_path(path)}: nothing imported: {exc}") from None
    paths = _paths(args)
    problem = paths.writable_problem()
    if problem is not None:
        raise problem
    marker = paths.running_marker()
    marker.touch(mode=0o600)  # left behind by a kill: the next open checks the file whole
    try:
        from .store import Store

        store = Store(paths)
        try:
            summary = import_json(store, path, doc)
        except ExchangeError as exc:
            raise BadInput(f"{_shown_path(path)}: nothing imported: {exc}") from None
        finally:
            store.close()
    finally:
        marker.unlink(missing_ok=True)
    print(summary)
    return EXIT_OK


def _shown_path(path: Path, limit: int = 80) -> str:
    """A path for a one-line message: a long one keeps its end (the file's name)."""
    text = str(path)
    return text if len(text) <= limit else "…" + text[-(limit - 1):]


def one_line(message: str, limit: int = 300) -> str:
    """What is printed on stderr: one line, at most `limit` characters."""
    message = " ".join(str(message).split())
    return message if len(message) <= limit else message[: limit - 1] + "…"


def cmd_export(args) -> int:
    path = Path(args.file)
    suffix = path.suffix.lower()
    if suffix != ".json":
        raise BadInput(f"{path}: cannot export to {suffix or 'a file without an extension'}; "
                       "this version exports exchange files (.json)")
    if not path.parent.exists():
        raise BadInput(f"{path}: the folder {path.parent} does not exist")
    from .exchange.jsonfile import export_json

    with _open_store(args) as store:
        doc = export_json(store, path)
    print(f"exported {len(doc['applications'])} applications and {len(doc['events'])} events to {path}")
    return EXIT_OK


def parse_when(text: str) -> datetime:
    from .isotime import DATETIME_FORM, TimeFormatError, parse_date, parse_local_datetime

    try:
        if "T" in text:
            return parse_local_datetime(text)
        d = parse_date(text)
        return datetime(d.year, d.month, d.day)
    except TimeFormatError as exc:
        shown = text if len(text) <= 40 else text[:39] + "…"
        raise BadInput(f"--at: {shown!r} {exc} (a local time like {DATETIME_FORM}, or a date)") from None


def cmd_due(args) -> int:
    import gc

    # A short-lived process that builds ~300,000 small acyclic objects: the cyclic collector
    # would only walk them again and again (several full passes, tens of ms). Switched back on
    # afterwards, for a caller that runs the command in its own process (tests, scripts).
    was = gc.isenabled()
    gc.disable()
    try:
        at = parse_when(args.at) if args.at is not None else datetime.now().replace(microsecond=0)
        from .duelist import due_report

        report = due_report(_paths(args), at)
        if args.json:
            sys.stdout.write(report.as_json_text())
        else:
            sys.stdout.write(report.as_text())
        return EXIT_OK
    finally:
        if was:
            gc.enable()


def cmd_stats(args) -> int:
    """`stats [--json] [--at WHEN]`: the figures of the whole search (stats.py), read through
    the same safe open as `due` (a full or read-only disk still reads)."""
    at = parse_when(args.at) if args.at is not None else datetime.now().replace(microsecond=0)
    from . import stats
    from .store.connection import open_database

    paths = _paths(args)
    con = open_database(paths.database, backups=paths.backups, reading=True)
    try:
        figures = stats.read(con, at)
    finally:
        con.close()
    sys.stdout.write(figures.as_json_text() if args.json else figures.as_text())
    return EXIT_OK


def cmd_gui(args) -> int:
    try:
        from .app import run
    except ImportError as exc:
        print(f"followup-desktop: the desktop window cannot start: {exc}", file=sys.stderr)
        return EXIT_ERROR
    return run(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
