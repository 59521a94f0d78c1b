"""The command line (CONTRACT.md): `followup-desktop [--data-dir DIR] [COMMAND …]`.

Works without a display. Imports stay lazy so that `due` starts quickly: this module pulls in
neither Qt nor the ORM unless a command needs it.

Exit codes: 0 success, 2 bad input (one line on stderr), 1 anything else.
"""

from __future__ import annotations

import argparse
from contextlib import contextmanager
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
    p = sub.add_parser("import", help="import an exchange file (.json) or a spreadsheet (.csv), all or "
                                      "nothing; or bring in a mail message (.eml) or a calendar invitation (.ics)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--date-format", metavar="FMT",
                   help="a spreadsheet's dates as a strftime pattern, e.g. %%d/%%m/%%Y")
    p.add_argument("--dry-run", action="store_true",
                   help="check a spreadsheet and say what it would add and skip; write nothing")
    p.add_argument("--outcome", metavar="OUTCOME",
                   help="for a message (.eml) from an employer: the reply's outcome (no_decision, "
                        "interview_invite, rejected, offer, other; default other)")
    p = sub.add_parser("export", help="write everything to FILE (.json or .csv), or the follow-ups to a calendar (.ics)")
    p.add_argument("file", metavar="FILE")
    p = sub.add_parser("report", help="write the activity report of a period to FILE (.csv or .pdf)")
    p.add_argument("--from", dest="start", metavar="DATE", required=True, help="the first day, YYYY-MM-DD")
    p.add_argument("--to", dest="end", metavar="DATE", required=True, help="the last day, YYYY-MM-DD")
    p.add_argument("--paper", choices=("A4", "Letter"), help="the PDF's paper (default: the locale's)")
    p.add_argument("file", metavar="FILE")
    p = sub.add_parser("due", help="list the follow-ups whose window is open, most urgent first")
    p.add_argument("--at", metavar="WHEN",
                   help="local time YYYY-MM-DDTHH:MM[:SS] (a bare date means its start); default: now")
    p.add_argument("--json", action="store_true", help="print a JSON array (CONTRACT.md)")
    p = sub.add_parser("mail", help="the mailbox: `mail sync` reads the configured IMAP account once")
    mail = p.add_subparsers(dest="mail_command", metavar="ACTION", required=True)
    p = mail.add_parser("sync", help="read INBOX and Sent once (new messages only) and bring in what "
                                     "matches your contacts and employers")
    p.add_argument("--dry-run", action="store_true", help="say what would come in, keeping nothing")
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
            code = cmd_import(args)
            return code if args.dry_run else kept_calendar(args, code)
        if args.command == "export":
            return cmd_export(args)
        if args.command == "report":
            return cmd_report(args)
        if args.command == "due":
            return cmd_due(args)
        if args.command == "mail":
            code = cmd_mail_sync(args)
            return code if getattr(args, "dry_run", False) else kept_calendar(args, code)
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
    if suffix in (".eml", ".ics"):
        if args.date_format is not None or args.dry_run:
            raise BadInput("--date-format and --dry-run are for spreadsheets (.csv)")
        return cmd_import_mail(args, path, suffix)
    if getattr(args, "outcome", None) is not None:
        raise BadInput("--outcome is for a mail message (.eml)")
    if suffix == ".csv":
        return cmd_import_sheet(args, path)
    if suffix != ".json":
        raise BadInput(f"{path}: cannot import {suffix or 'a file without an extension'}; "
                       "this version imports exchange files (.json), spreadsheets (.csv), mail "
                       "messages (.eml) and invitations (.ics)")
    if args.date_format is not None or args.dry_run:
        raise BadInput("--date-format and --dry-run are for spreadsheets (.csv)")
    import gc

    from .exchange.jsonfile import import_json
    from .exchange.validate import load_file

    was = gc.isenabled()
    gc.disable()  # a search is a million small acyclic objects, as in a sheet's import
    try:
        # Read first: a file that is missing or unreadable leaves no data dir behind.
        try:
            doc = load_file(path)
        except ExchangeError as exc:
            raise BadInput(f"{_shown_path(path)}: nothing imported: {exc}") from None
        with _writing(_paths(args)) as store:
            try:
                summary = import_json(store, path, doc)
            except ExchangeError as exc:
                raise BadInput(f"{_shown_path(path)}: nothing imported: {exc}") from None
    finally:
        if was:
            gc.enable()
    print(summary)
    return EXIT_OK


@contextmanager
def _writing(paths):
    """The store of `paths` for one command that writes: refused first when the data dir cannot
    be written, and marked as running meanwhile (a marker a kill leaves behind makes the next
    open check the file whole)."""
    problem = paths.writable_problem()
    if problem is not None:
        raise problem
    marker = paths.running_marker()
    marker.touch(mode=0o600)
    try:
        from .store import Store

        store = Store(paths)
        try:
            yield store
        finally:
            store.close()
    finally:
        marker.unlink(missing_ok=True)


def cmd_import_sheet(args, path: Path) -> int:
    """`import FILE.csv [--date-format FMT] [--dry-run]`: read and check the whole sheet before
    the data dir is touched, then add its rows in one transaction."""
    import gc

    from .exchange.sheet import dry_run, import_sheet, read_sheet
    from .exchange.validate import ExchangeError

    if args.date_format is not None:
        _check_date_format(args.date_format)
    was = gc.isenabled()
    gc.disable()  # tens of thousands of small acyclic objects, as in `due`
    try:
        try:
            sheet = read_sheet(path, date_format=args.date_format)
        except ExchangeError as exc:
            raise BadInput(f"{_shown_path(path)}: nothing imported: {exc}") from None
        if sheet.ignored:
            print(one_line(f"ignored columns: {', '.join(sheet.ignored)}"), file=sys.stderr)
        paths = _paths(args) if not args.dry_run else _resolved(args)
        if args.dry_run:
            try:
                summary = dry_run(paths, sheet)
            except ExchangeError as exc:
                raise BadInput(f"{_shown_path(path)}: {exc}") from None
            print(summary)
            return EXIT_OK
        with _writing(paths) as store:
            try:
                summary = import_sheet(store, sheet)
            except ExchangeError as exc:
                raise BadInput(f"{_shown_path(path)}: nothing imported: {exc}") from None
        print(summary)
        return EXIT_OK
    finally:
        if was:
            gc.enable()


def _check_date_format(fmt: str) -> None:
    """A --date-format that reads back what it writes, with a day, a month and a year."""
    sample = datetime(2026, 11, 28, 14, 30)
    try:
        ok = datetime.strptime(sample.strftime(fmt), fmt).date() == sample.date()
    except ValueError:
        ok = False
    if not ok or not fmt.strip():
        raise BadInput(f"--date-format: {fmt!r} is not a date pattern with a day, a month and a year "
                       "(such as %d/%m/%Y or %m/%d/%y)")


def _resolved(args):
    from .paths import DataPaths

    return DataPaths.resolve(args.data_dir)


def cmd_import_mail(args, path: Path, suffix: str) -> int:
    """`import FILE.eml [--outcome OUTCOME]` and `import FILE.ics` (CONTRACT.md, Mail): one line
    printed; no match exits 2 with nothing stored; the same message again is `already logged`."""
    from .vocab import ReplyOutcome

    outcome = getattr(args, "outcome", None)
    if outcome is not None:
        if suffix != ".eml":
            raise BadInput("--outcome is for a mail message (.eml)")
        if outcome not in {o.value for o in ReplyOutcome}:
            shown = outcome if len(outcome) <= 40 else outcome[:39] + "…"
            raise BadInput(f"--outcome: {shown!r} is not a reply outcome "
                           f"({', '.join(o.value for o in ReplyOutcome)})")
    from .mail.intake import NO_MATCH, InvitationError, bring_in, bring_in_invitation, read_bounded

    try:
        raw = read_bounded(path, ics=suffix == ".ics")
    except FileNotFoundError:
        raise BadInput(f"{_shown_path(path)}: no such file") from None
    except IsADirectoryError:
        raise BadInput(f"{_shown_path(path)}: is a folder, not a file") from None
    except PermissionError:
        raise BadInput(f"{_shown_path(path)}: cannot be read (permission denied)") from None
    except InvitationError as exc:
        raise BadInput(f"{_shown_path(path)}: nothing imported: {exc}") from None
    with _writing(_paths(args)) as store:
        try:
            if suffix == ".ics":
                result = bring_in_invitation(store, raw)
            else:
                result = bring_in(store, raw, outcome=outcome or ReplyOutcome.OTHER.value)
        except InvitationError as exc:
            raise BadInput(f"{_shown_path(path)}: nothing imported: {exc}") from None
    if result.kind == NO_MATCH:
        raise BadInput(result.line)
    print(result.line)
    return EXIT_OK


def kept_calendar(args, code: int) -> int:
    """After a write: the data dir's calendar.ics written again, when the setting asks for it."""
    if code == EXIT_OK:
        from .exchange.ics import keep_calendar_file

        try:
            keep_calendar_file(_paths(args))
        except OSError as exc:  # the write itself succeeded: say so, and what did not
            print(one_line(f"followup-desktop: the calendar file was not updated: {exc}"), file=sys.stderr)
            return EXIT_ERROR
    return code


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
    if suffix not in (".json", ".csv", ".ics"):
        raise BadInput(f"{path}: cannot export to {suffix or 'a file without an extension'}; "
                       "this version exports exchange files (.json), spreadsheets (.csv) and calendars (.ics)")
    if not path.parent.exists():
        raise BadInput(f"{path}: the folder {path.parent} does not exist")
    if suffix == ".csv":
        return cmd_export_sheet(args, path)
    if suffix == ".ics":
        return export_calendar(args, path)
    from .exchange.jsonfile import Reading, events_after, events_split, export_json

    counts = _reading_in_halves(
        args, path.parent, events_split, events_after,
        whole=lambda con: export_json(Reading(con), path),
        halves=lambda split, at: export_json(Reading(split.con), path, halves=(at, split)))
    print(f"exported {counts['applications']} applications and {counts['events']} events to {path}")
    return EXIT_OK


def cmd_export_sheet(args, path: Path) -> int:
    """`export FILE.csv`: read like `due` (plain SQL, no ORM, the collector off), then write."""
    from .exchange.sheet_export import export_sheet, rows_after, rows_split

    now = datetime.now().replace(microsecond=0)  # both halves' moment
    count = _reading_in_halves(
        args, path.parent, rows_split, lambda con, out, at: rows_after(con, out, at, now),
        whole=lambda con: export_sheet(con, path, at=now),
        halves=lambda split, at: export_sheet(split.con, path, at=now, halves=(at, split)))
    print(f"exported {count} applications to {path}")
    return EXIT_OK


def _reading_in_halves(args, spill_dir: Path | None, split_at, work, *, whole, halves):
    """`whole(con)` over a checked plain connection to the data dir's file (no ORM), with the
    collector off meanwhile (as in `due`: many small acyclic objects); or, for a large search
    on a machine with more cores, the same read in two halves at once (`store/halves.py`):
    `split_at(con)` says where (None: not worth it), `work(con, out, at)` is the second
    process's half, `halves(split, at)` this process's read with it, spilling to `spill_dir`
    (None: through the pipe, for a small answer)."""
    import gc

    from .store import halves as two
    from .store.connection import connect, open_database

    was = gc.isenabled()
    gc.disable()
    try:
        paths = _paths(args)
        con = open_database(paths.database, backups=paths.backups, reading=True)
        try:
            at = split_at(con) if two.available() else None
            if at is None:
                return whole(con)
        finally:
            con.close()  # a second reader is forked with no connection open
        split = two.start(paths.database, lambda c, out: work(c, out, at), spill_dir)
        if split is None:  # the file or the machine would not have it: one reader after all
            con = connect(paths.database)
            try:
                return whole(con)
            finally:
                con.close()
        with split:
            return halves(split, at)
    finally:
        if was:
            gc.enable()


def export_calendar(args, path: Path) -> int:
    from .duelist import due_split
    from .exchange.ics import HORIZON_DAYS, export_ics_from, export_ics_in_halves, ics_after

    now = datetime.now().replace(microsecond=0)  # both halves' moment
    count = _reading_in_halves(
        args, None, due_split, lambda con, out, after: ics_after(con, out, after, now),
        whole=lambda con: export_ics_from(con, path, now),
        halves=lambda split, after: export_ics_in_halves(split, after, path, now))
    print(f"exported {count} calendar event{'s' if count != 1 else ''} "
          f"(follow-ups of the next {HORIZON_DAYS} days and planned interviews) to {path}")
    return EXIT_OK


def _report_day(option: str, text: str):
    from .isotime import DATE_FORM, TimeFormatError, parse_date

    try:
        return parse_date(text)
    except TimeFormatError as exc:
        shown = text if len(text) <= 40 else text[:39] + "…"
        raise BadInput(f"{option}: {shown!r} {exc} (a date like {DATE_FORM})") from None


def cmd_report(args) -> int:
    from .report import FORMATS

    # Every argument is checked before the data dir is touched.
    start, end = _report_day("--from", args.start), _report_day("--to", args.end)
    if start > end:
        raise BadInput(f"--from {start} is after --to {end}: the period would hold no day")
    path = Path(args.file)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise BadInput(f"{_shown_path(path)}: cannot write a report as {suffix or 'a file without an extension'}; "
                       "name a .csv or .pdf file")
    if args.paper and suffix != ".pdf":
        raise BadInput(f"--paper: only a PDF has paper; {path.name} is a {suffix} file")
    if not path.parent.exists():
        raise BadInput(f"{path}: the folder {path.parent} does not exist")
    from .report import read_report, write_csv
    from .store.connection import open_database

    paths = _paths(args)
    con = open_database(paths.database, backups=paths.backups, reading=True)
    try:
        report = read_report(con, start, end, now=datetime.now().replace(microsecond=0))
    finally:
        con.close()
    if suffix == ".csv":
        write_csv(report, path)
        pages = ""
    else:
        from .ui.report_pdf import write_pdf  # Qt's PDF writer, offscreen: no display needed

        n = write_pdf(report, path, paper=args.paper)
        pages = f", {n} page{'s' if n != 1 else ''}"
    rows = len(report.rows)
    print(f"wrote the activity report from {start} to {end} to {path}: "
          f"{rows} contact{'s' if rows != 1 else ''} with {report.employers} "
          f"employer{'s' if report.employers != 1 else ''}{pages}")
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
        from .duelist import due_after, due_in_halves, due_report_from, due_split

        report = _reading_in_halves(
            args, None, due_split, lambda con, out, after: due_after(con, out, after, at),
            whole=lambda con: due_report_from(con, at),
            halves=lambda split, after: due_in_halves(split, after, at))
        if args.json:
            sys.stdout.write(report.as_json_text())
        else:
            sys.stdout.write(report.as_text())
        return EXIT_OK
    finally:
        if was:
            gc.enable()


def cmd_mail_sync(args) -> int:
    """`mail sync [--dry-run]` (CONTRACT.md, Mail): one line of counts; a failure to connect or
    log in (or no account set up) exits 1 with one plain line, never a traceback or the
    password."""
    from .mail.account import Account, MailError, get_password
    from .mail.imap import sync

    paths = _paths(args)
    if not args.dry_run:
        problem = paths.writable_problem()
        if problem is not None:
            raise problem
    from .store import Store

    marker = None if args.dry_run else paths.running_marker()
    if marker is not None:
        marker.touch(mode=0o600)  # left behind by a kill: the next open checks the file whole
    try:
        store = Store(paths)
        try:
            account = Account.from_settings(store.settings())
            report = sync(store, account, get_password(account), dry_run=args.dry_run)
        except MailError as exc:
            print(one_line(f"followup-desktop: {exc}"), file=sys.stderr)
            return EXIT_ERROR
        finally:
            store.close()
    finally:
        if marker is not None:
            marker.unlink(missing_ok=True)
    print(report.line())
    return EXIT_OK


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
