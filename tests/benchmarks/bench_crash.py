"""Crash safety, on demand: N `kill -9` loops during writes, then every acknowledged write checked.

Each loop starts a writer as a separate process, lets it write for a random moment and kills it
with SIGKILL. Writers alternate between the store's own writes (`Store.log_event`, one event per
transaction) and whole-file imports through the command line (`followup-desktop import`, which
also leaves its running marker behind when killed). A writer prints `ack <id>` only after the
write returned, i.e. after the commit; those are the acknowledged writes. After each kill the
file is checked whole (`PRAGMA integrity_check`) and opened the way the app opens it; at the end
every acknowledged write must be there.

    .venv/bin/python tests/benchmarks/bench_crash.py            # 200 loops
    .venv/bin/python tests/benchmarks/bench_crash.py -n 20      # a quick run

Prints loops, acknowledged writes, lost writes and integrity failures; exits 1 when anything was
lost or damaged.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "tests" / "fixtures" / "contract_example.json"


def worker_store(data: Path, tag: str) -> None:
    from followup_desktop.store import Store

    with Store(data) as store:
        n = 0
        while True:
            note = f"{tag}-{n}"
            store.log_event("acme-office-manager", {"kind": "note", "at": "2026-03-11T09:00:00", "notes": note})
            print(f"ack note {note}", flush=True)
            n += 1


def worker_import(data: Path, tag: str) -> None:
    from followup_desktop import cli

    folder = Path(tempfile.mkdtemp(prefix="crash-import-"))
    n = 0
    while True:
        key = f"{tag}-{n}"
        doc = {"format": "followup-desktop", "version": 1,
               "employers": [{"key": key, "name": f"Employer {key}"}],
               "applications": [{"key": f"{key}-app", "employer": key, "position": "Clerk", "stage": "applied"}],
               "events": [{"application": f"{key}-app", "kind": "applied", "at": "2026-03-02T09:00:00",
                           "channel": "email"}] * 20}
        path = folder / f"{key}.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        with open(os.devnull, "w") as quiet:
            saved, sys.stdout = sys.stdout, quiet
            try:
                code = cli.main(["--data-dir", str(data), "import", str(path)])
            finally:
                sys.stdout = saved
        if code != 0:
            print(f"fail {key} {code}", flush=True)
            return
        print(f"ack employer {key}", flush=True)
        n += 1


def run_loop(data: Path, mode: str, tag: str, max_seconds: float, acks: dict[str, set]) -> None:
    proc = subprocess.Popen(
        [sys.executable, __file__, "--worker", mode, str(data), tag],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT,
    )
    lines: list[str] = []

    def read():
        for line in proc.stdout:
            lines.append(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    time.sleep(random.uniform(0.3, max_seconds))  # start-up takes ~0.2 s; then writes land
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    reader.join(5)
    for line in lines:
        if line.endswith("\n") and line.startswith("ack "):  # a whole line: the write returned
            _, what, key = line.split()
            acks[what].add(key)


def check_whole(db: Path) -> bool:
    con = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    except sqlite3.Error:
        return False
    finally:
        con.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--loops", type=int, default=200)
    parser.add_argument("--max-seconds", type=float, default=1.2, help="longest a writer runs before the kill")
    parser.add_argument("--keep", metavar="DIR", help="use DIR as the data dir and keep it")
    parser.add_argument("--worker", nargs=3, metavar=("MODE", "DIR", "TAG"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        mode, data, tag = args.worker
        (worker_store if mode == "store" else worker_import)(Path(data), tag)
        return 0

    sys.path.insert(0, str(ROOT))
    from followup_desktop import cli
    from followup_desktop.paths import DataPaths
    from followup_desktop.store.connection import open_database

    data = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-crash-")) / "data"
    with open(os.devnull, "w") as quiet:
        saved, sys.stdout = sys.stdout, quiet
        try:
            assert cli.main(["--data-dir", str(data), "import", str(EXAMPLE)]) == 0
        finally:
            sys.stdout = saved
    paths = DataPaths(data)
    acks: dict[str, set] = {"note": set(), "employer": set()}
    damaged = 0
    started = time.monotonic()
    for loop in range(args.loops):
        mode = "store" if loop % 2 == 0 else "import"
        run_loop(data, mode, f"L{loop}", args.max_seconds, acks)
        if not check_whole(paths.database):
            damaged += 1
            print(f"loop {loop}: integrity_check failed", file=sys.stderr)
        try:  # opened as the app opens it after a crash (the marker makes it check whole)
            open_database(paths.database, backups=paths.backups).close()
        except Exception as exc:
            damaged += 1
            print(f"loop {loop}: {exc}", file=sys.stderr)

    con = sqlite3.connect(f"{paths.database.resolve().as_uri()}?mode=ro", uri=True)
    notes = {n for (n,) in con.execute("SELECT notes FROM event WHERE kind = 'note'")}
    employers = {k for (k,) in con.execute("SELECT key FROM employer")}
    con.close()
    lost = len(acks["note"] - notes) + len(acks["employer"] - employers)
    total = len(acks["note"]) + len(acks["employer"])
    print(f"loops: {args.loops} ({time.monotonic() - started:.0f} s)")
    print(f"acknowledged writes: {total} ({len(acks['note'])} store writes, {len(acks['employer'])} imports)")
    print(f"lost: {lost}")
    print(f"integrity failures: {damaged}")
    if not args.keep:
        print(f"data dir: {data}")
    return 1 if lost or damaged else 0


if __name__ == "__main__":
    sys.exit(main())
