"""Speed of the exchange, run on demand (never part of the normal test suite):

    python tests/benchmarks/bench_exchange.py [--applications 5000] [--runs 5] [--keep DIR]

Each figure is a whole `followup-desktop` process, median of `--runs` runs after a warm-up, with
bytecode cached as in an installed app:

* importing the 5,000-application exchange file of `generate.py` (~48,000 events) into an empty
  data dir: budget 1.5 s;
* importing a 5,000-row spreadsheet (that search exported as CSV) into an empty data dir:
  budget 1 s;
* exporting everything as CSV (from either data dir) and as JSON: budget 0.5 s each. On a
  machine with two cores or more the command line reads a search this large in two processes
  at once (`store/halves.py`); the same exports read by one process
  (`FOLLOWUP_DESKTOP_ONE_READER=1`) are printed below them, for comparison.

It prints the wall-clock figures and the CPU time of the same processes (user + system: on a
busy machine that is the steadier figure), and exits 1 when a wall-clock budget is missed. Each
figure is also given against `bench_core.py`'s plain `sqlite3` script that reads every event row,
run between them, for the machine's speed at the time (the budgets stay in seconds).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_core import BASELINE, cli_command  # noqa: E402
from generate import DEFAULT_NOW, DEFAULT_SEED, generate  # noqa: E402


def timed(cmd: list[str], env: dict, cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one process that must succeed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr.decode(errors='replace').strip()}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--applications", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", metavar="DIR", help="work in DIR (must not exist) and keep it")
    args = parser.parse_args(argv)
    root = Path(args.keep).resolve() if args.keep else Path(tempfile.mkdtemp(prefix="followup-bench-x-"))
    if args.keep:
        root.mkdir(parents=True)
    try:
        return bench(root, args)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


def bench(root: Path, args) -> int:
    cli = cli_command()
    env = {k: v for k, v in os.environ.items()
           if k not in ("FOLLOWUP_DESKTOP_DATA_DIR", "PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}
    env["PYTHONPYCACHEPREFIX"] = str(root / "pycache")
    load = os.getloadavg()[0]
    cpus = os.cpu_count() or 1
    print(f"machine  {cpus} CPUs, load average {load:.2f}"
          + ("  (busy: wall-clock figures will be noisy; see the CPU column)" if load > 0.5 * cpus else ""))
    exchange, sheet = root / "search.json", root / "search.csv"
    generate(exchange, args.applications, DEFAULT_SEED, DEFAULT_NOW)
    base = root / "base"
    timed([*cli, "--data-dir", base, "import", exchange], env, root)       # warm-up, and the data
    timed([*cli, "--data-dir", base, "export", sheet], env, root)
    from_sheet = root / "from-sheet"
    timed([*cli, "--data-dir", from_sheet, "import", sheet], env, root)

    def fresh_import(path: Path):
        def run(n: int):
            target = root / f"import-{path.suffix[1:]}-{n}"
            return timed([*cli, "--data-dir", target, "import", path], env, root)
        return run

    alone = {**env, "FOLLOWUP_DESKTOP_ONE_READER": "1"}

    def export(data: Path, name: str, one_reader: bool = False):
        return lambda n: timed([*cli, "--data-dir", data, "export", root / name],
                               alone if one_reader else env, root)

    cases = [
        (f"import the {args.applications:,}-application exchange file", fresh_import(exchange), 1.5),
        (f"import a {args.applications:,}-row sheet", fresh_import(sheet), 1.0),
        ("export CSV (the exchange file's data)", export(base, "out-a.csv"), 0.5),
        ("export CSV (the sheet's data)", export(from_sheet, "out-b.csv"), 0.5),
        ("export JSON (the exchange file's data)", export(base, "out-a.json"), 0.5),
        # for comparison, no budget: the exports read by one process (store/halves.py)
        ("  the CSV export read by one process", export(base, "out-c.csv", True), None),
        ("  the JSON export read by one process", export(base, "out-c.json", True), None),
    ]
    reader = root / "read_events.py"
    reader.write_text(BASELINE, encoding="utf-8")
    read_events = [sys.executable, str(reader), str(base / "followup.sqlite3")]
    timed(read_events, env, root)
    missed = 0
    readings = []
    print(f"\n{'':48} {'wall':>9} {'CPU':>9} {'budget':>8}        {'÷ reader':>8}")
    for label, run, budget in cases:
        figures, reads = [], []
        for n in range(args.runs):  # alternately, so that the machine's moods hit both alike
            figures.append(run(n))
            reads.append(timed(read_events, env, root)[0])
        wall = statistics.median(f[0] for f in figures)
        cpu = statistics.median(f[1] for f in figures)
        read = statistics.median(reads)
        readings.append(read)
        if budget is None:
            print(f"{label:48} {wall:8.2f}s {cpu:8.2f}s {'':>8}        {wall / read:7.2f}×")
            continue
        over = wall > budget
        missed += over
        print(f"{label:48} {wall:8.2f}s {cpu:8.2f}s {budget:7.1f}s  {'over' if over else 'met '}  {wall / read:7.2f}×")
    print(f"\n(the plain sqlite3 read of every event row: median {statistics.median(readings) * 1000:.0f} ms)")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
