"""Figures of the calendar export and the activity report, run on demand (no timed test):

    python tests/benchmarks/bench_calendar.py [--applications 5000] [--runs 5] [--keep DIR]

It builds the data set of `generate.py` (5,000 applications, ~50,000 events) ending at the real
time now (the command line exports what is due now), imports it, then times as whole processes:

* `followup-desktop export FILE.ics` (the agenda read, the calendar built with `icalendar`, the
  file written), against the 0.5 s the issue asks of an export;
* `followup-desktop report --from --to FILE.csv` and `… FILE.pdf` for the last whole month.

It prints the medians, the events and rows written and the PDF's pages. Exit status: 0, or 2
when the set-up failed.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_core import cli_command, ms, run  # noqa: E402
from generate import DEFAULT_SEED, generate  # noqa: E402

EXPORT_BUDGET_S = 0.5


def median_run(cmd: list[str], env: dict, cwd: Path, runs: int) -> tuple[float, subprocess.CompletedProcess]:
    run(cmd, env, cwd)  # warm-up: the page cache, the interpreter's bytecode
    times, last = [], None
    for _ in range(runs):
        elapsed, last = run(cmd, env, cwd)
        times.append(elapsed)
    return statistics.median(times), last


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", metavar="DIR", help="build the data here (and reuse it when there)")
    args = parser.parse_args(argv)
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-calendar-"))
    try:
        return bench(root, args)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


def bench(root: Path, args) -> int:
    import os

    root.mkdir(parents=True, exist_ok=True)
    data = root / "data"
    env = {k: v for k, v in os.environ.items() if k != "FOLLOWUP_DESKTOP_DATA_DIR"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    cli = cli_command()
    now = datetime.now().replace(microsecond=0)
    if not (data / "followup.sqlite3").exists():
        exchange = root / "search.json"
        summary = generate(exchange, args.applications, args.seed, now)
        try:
            elapsed, _ = run([*cli, "--data-dir", str(data), "import", str(exchange)], env, root)
        except RuntimeError as exc:
            print(f"set-up failed: {exc}", file=sys.stderr)
            return 2
        print(f"data: {summary['applications']:,} applications, {summary['events']:,} events, "
              f"ending {summary['last'][:10]}; imported in {elapsed:.1f} s")
    else:
        print(f"data: reused from {data}")

    ics = root / "followups.ics"
    t, _ = median_run([*cli, "--data-dir", str(data), "export", str(ics)], env, root, args.runs)
    events = ics.read_bytes().count(b"BEGIN:VEVENT")
    verdict = "within" if t <= EXPORT_BUDGET_S else "over"
    print(f"export FILE.ics as a process:      {ms(t)}  ({events:,} events, {ics.stat().st_size / 1024:,.0f} KiB; "
          f"{verdict} the {EXPORT_BUDGET_S:.1f} s of an export)")

    first_this = date.today().replace(day=1)
    last = first_this - timedelta(days=1)
    start, end = last.replace(day=1), last
    for suffix in (".csv", ".pdf"):
        out = root / f"report{suffix}"
        t, proc = median_run([*cli, "--data-dir", str(data), "report", "--from", start.isoformat(),
                              "--to", end.isoformat(), str(out)], env, root, args.runs)
        said = proc.stdout.decode().strip().split(": ", 1)[-1]
        print(f"report {start}..{end} {suffix}:  {ms(t)}  ({said})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
