"""Speed and memory budgets of the main window, run on demand (never part of the normal suite):

    python tests/benchmarks/bench_ui.py [--applications 5000] [--runs 7] [--keep DIR] [--profile]
                                        [--display :95] [--only keystroke,timeline,...]

It builds the data set of `generate.py` (5,000 applications, ~50,000 events) plus one employer
with a 500-event history into a temporary data dir with `followup-desktop import`, starts its own
X server (`Xvfb :95`, display :95 only) and checks, against a bare PySide6 window (QApplication,
a QMainWindow holding a QTableView, shown, quit on the first event-loop turn) started the same
way in the same run:

1. start-up: `python -m followup_desktop --data-dir D` with FOLLOWUP_DESKTOP_QUIT_WHEN_READY=1
   (it quits once the list is filled), spawn to exit, takes at most 2x the bare window's (medians
   of --runs each, after a warm-up, run alternately so that machine noise hits both alike). A
   system tray (`trayer`) runs on :95 as on a desktop: with none, the app asks before it quits;
2. one search keystroke (key press into the search box, then the event loop until the list and
   the counts have repainted, Qt's up-to-5 ms paint pacing included) takes at most 16 ms, median
   (p90 printed too), in this process on display :95;
3. selecting an application whose employer has 500 events (the timeline redraws) takes at most
   100 ms, median, switching back and forth with the largest generated employer;
4. the peak memory (ru_maxrss of the exited process, from wait4) of the start-up is at most
   1.8x the bare window's;
5. importing the 5,000-application file from File → Import… (into an empty data dir, in this
   process: the import runs on the write worker, then everything is read again) stalls the GUI
   thread at most 50 ms at a time: the longest gap between two turns of its event loop, from
   the click until the list is filled.

When a budget is exceeded (or with --profile) it prints where the time and memory go: the
start-up's steps timed one by one with the resident memory after each, the imports by package
(`-X importtime`), and cProfile tables of a keystroke and a timeline switch.
Exit status: 0 within budget, 1 a budget exceeded, 2 the set-up failed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_core import cli_command, ms, profile, run  # noqa: E402
import generate  # noqa: E402
from generate import DEFAULT_SEED  # noqa: E402

BUDGET_LAUNCH_RATIO = 2.0
BUDGET_KEYSTROKE_MS = 16.0
BUDGET_TIMELINE_MS = 100.0
BUDGET_MEMORY_RATIO = 1.8
BUDGET_IMPORT_STALL_MS = 50.0
DISPLAY = ":95"  # --display changes it
BIG_EMPLOYER = "bench-big-employer"
BIG_APPLICATION = "bench-big-employer-operations-lead"
BIG_EVENTS = 500
TIMELINE_RUNS = 9
LAUNCH_TIMEOUT_S = 60.0
PAINT_WAIT_S = 2.0
SETTLE_S = 0.04

BARE_WINDOW = """\
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QTableView())
window.resize(1280, 760)
window.show()

def done():
    print("ready", flush=True)
    app.quit()

QTimer.singleShot(0, done)
sys.exit(app.exec())
"""

# The steps of `ui.app.run`, one by one, with the time and the resident memory after each: where
# the start-up goes. The load runs on the GUI thread here so that it can be timed apart.
STEPS = """\
import json, os, sys, time
T0 = time.perf_counter()
marks, parts = [], {}
def rss():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
def mark(label):
    marks.append((label, time.perf_counter() - T0, rss()))
def timed(owner, name, label):
    # Wrap owner.name (if it is there) to add up the time spent in it, whatever thread calls it.
    inner = getattr(owner, name, None)
    if inner is None:
        return
    def wrapper(*args, **kwargs):
        t = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            parts[label] = parts.get(label, 0.0) + time.perf_counter() - t
    setattr(owner, name, wrapper)
mark("interpreter")
from PySide6.QtWidgets import QApplication
mark("import PySide6.QtWidgets")
from followup_desktop.paths import DataPaths
from followup_desktop.ui import app as ui_app
mark("import followup_desktop.ui.app")
from followup_desktop.ui import main_window, listmodel
mark("import ui.main_window (+listmodel, timeline)")
from followup_desktop.ui import workspace as ws_module
mark("import ui.workspace (+store, playbook)")
from followup_desktop.app import setup_logging
try:
    from followup_desktop.app import install_desktop_integration
    from followup_desktop.desktop.single_instance import SingleInstance
except ImportError:
    SingleInstance = install_desktop_integration = None
mark("import tray")
timed(ws_module, "read_snapshot", "read_snapshot (worker thread)")
timed(ws_module, "compute_all", "compute_all")
timed(ws_module, "apply_states", "apply_states")
timed(ws_module.Workspace, "_arm_timer", "Workspace._arm_timer")
timed(ws_module.Workspace, "_take", "Workspace._take (GUI thread, all of it)")
timed(listmodel.ApplicationsModel, "on_changed", "ApplicationsModel.on_changed (rows + sort)")
timed(listmodel.ApplicationsProxy, "_refilter", "ApplicationsProxy._refilter (mask + filter)")
timed(main_window.MainWindow, "_workspace_changed", "MainWindow._workspace_changed")
paths = DataPaths.resolve(sys.argv[1]).ensure()
setup_logging(paths)
app = ui_app.make_application()
mark("QApplication + icon")
if SingleInstance is not None:
    instance = SingleInstance(paths)
    instance.acquire()
    mark("single instance lock")
workspace = ws_module.Workspace(paths)
mark("Workspace() (opens the store)")
window = main_window.MainWindow(workspace)
mark("MainWindow()")
if install_desktop_integration is not None:
    desktop = install_desktop_integration(app, window, workspace, paths)
    mark("tray + window.show()")
else:
    window.show()
    mark("window.show()")
workspace.reload_async()
app.processEvents()
mark("first paint (loading state)")
while not workspace.is_loaded:
    app.processEvents()
    time.sleep(0.0005)
mark(f"wait for the load: read (worker) + take (GUI)")
app.processEvents()
app.processEvents()
mark(f"paint the filled list ({window.proxy.rowCount()} rows)")
workspace.close()
print(json.dumps({"marks": marks, "parts": parts}))
"""


def start_display(root: Path) -> list[subprocess.Popen]:
    """Our own X server on :95, with a system tray on it (`trayer`) as on a desktop: without a
    tray the app asks before it quits, and the start-up run would wait on that question for
    ever. Returns the processes to stop (none when an X server is already on :95: then that one
    is used as it is)."""
    socket = Path("/tmp/.X11-unix") / f"X{DISPLAY[1:]}"
    if socket.exists():
        print(f"display  {DISPLAY}: an X server is already there; using it")
        return []
    log = open(root / "display.log", "wb")
    xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
                            stdout=log, stderr=subprocess.STDOUT)
    started = [xvfb]
    deadline = time.monotonic() + 10
    while not socket.exists():
        if xvfb.poll() is not None or time.monotonic() > deadline:
            stop(started)
            raise RuntimeError(f"Xvfb {DISPLAY} did not start (see {root / 'display.log'})")
        time.sleep(0.05)
    time.sleep(0.2)
    tray = "no system tray (trayer not found): the app's start-up runs may hang on its quit question"
    if shutil.which("trayer"):
        started.append(subprocess.Popen(
            ["trayer", "--edge", "top", "--align", "right", "--widthtype", "request", "--height", "24"],
            stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ, DISPLAY=DISPLAY)))
        time.sleep(0.5)
        tray = f"system tray: trayer (pid {started[-1].pid})"
    print(f"display  {DISPLAY}: Xvfb (pid {xvfb.pid}), 1400x900x24; {tray}")
    return started


def stop(processes: list[subprocess.Popen]) -> None:
    for proc in reversed(processes):
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def big_employer_file(path: Path, now: datetime) -> int:
    """An exchange file with one employer, one application and BIG_EVENTS events of mixed kinds,
    ending a day before `now` (valid under CONTRACT.md): a long relationship with one employer."""
    contacts = [
        {"key": f"{BIG_EMPLOYER}-{k}", "employer": BIG_EMPLOYER, "name": name, "role": role,
         "email": f"{k}@bigemployer.example"}
        for k, name, role in (("rosa", "Rosa Novak", "recruiter"), ("ian", "Ian Okafor", "hiring_manager"),
                              ("mei", "Mei Santos", "interviewer"), ("tom", "Tom Hansen", "hr"))
    ]
    keys = [c["key"] for c in contacts]
    start = now - timedelta(days=700)
    step = timedelta(days=700) / (BIG_EVENTS + 1)
    pattern = (
        lambda n, who: {"kind": "follow_up", "channel": "email", "contacts": [who],
                        "subject": f"Checking in, round {n}"},
        lambda n, who: {"kind": "status_check", "channel": "phone", "outcome": "left_message", "contacts": [who]},
        lambda n, who: {"kind": "reply", "outcome": "no_decision", "contacts": [who],
                        "notes": "They are still deciding; the team is growing again next quarter."},
        lambda n, who: {"kind": "interview", "duration_minutes": 45, "contacts": [keys[1], keys[2]],
                        "key_points": {keys[2]: "Asked about on-call rotations"}},
        lambda n, who: {"kind": "thank_you", "channel": "email", "contacts": [keys[2]]},
        lambda n, who: {"kind": "note", "notes": f"Read their engineering blog, post {n}."},
        lambda n, who: {"kind": "check_in", "channel": "social", "contacts": [who]},
        lambda n, who: {"kind": "reply", "outcome": "other", "channel": "email", "contacts": [who]},
    )
    events = [{"application": BIG_APPLICATION, "kind": "applied", "at": start.isoformat(timespec="seconds"),
               "channel": "portal"}]
    for n in range(1, BIG_EVENTS):
        at = (start + step * n).replace(second=0, microsecond=0)
        rec = pattern[n % len(pattern)](n, keys[n % 2 if n % 3 else 3])
        events.append({"application": BIG_APPLICATION, "at": at.isoformat(timespec="seconds"), **rec})
    doc = {
        "format": "followup-desktop", "version": 1,
        "employers": [{"key": BIG_EMPLOYER, "name": "Bench Big Employer Inc.",
                       "website": "https://bigemployer.example", "notes": ""}],
        "contacts": contacts,
        "applications": [{"key": BIG_APPLICATION, "employer": BIG_EMPLOYER, "position": "Operations Lead",
                          "source": "recruiter", "stage": "interviewing", "outcome": None}],
        "events": events,
    }
    path.write_text(json.dumps(doc), encoding="utf-8")
    return len(events)


def launch(cmd: list[str], env: dict, cwd: Path, expect: str) -> tuple[float, float, str]:
    """Run a process to its end: (seconds from spawn to its `expect` line — what a person
    sees, not the clean-up after it — peak RSS in MB, that line)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=cwd)
    # Reaped with wait4 (not Popen.wait) for its rusage; a run that hangs is killed.
    watchdog = threading.Timer(LAUNCH_TIMEOUT_S, proc.kill)
    watchdog.start()
    chunks, elapsed = [], None
    for raw in iter(proc.stdout.readline, b""):
        chunks.append(raw)
        if elapsed is None and raw.startswith(expect.encode()):
            elapsed = time.perf_counter() - t0
    out = b"".join(chunks)
    _, status, usage = os.wait4(proc.pid, 0)
    if elapsed is None:
        elapsed = time.perf_counter() - t0
    watchdog.cancel()
    proc.stdout.close()
    if elapsed >= LAUNCH_TIMEOUT_S:
        raise RuntimeError(f"{' '.join(cmd)} did not end within {LAUNCH_TIMEOUT_S:.0f} s (killed): "
                           f"{out.decode(errors='replace').strip()[-1000:]}")
    proc.returncode = os.waitstatus_to_exitcode(status)
    text = out.decode(errors="replace")
    line = next((ln for ln in text.splitlines() if ln.startswith(expect)), None)
    if proc.returncode != 0 or line is None:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode} without {expect!r}: {text.strip()[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024, line  # ru_maxrss is in KiB on Linux


def verdict(ok: bool) -> str:
    return "PASS" if ok else "OVER"


#: the budgets by name, for --only
BUDGETS = ("startup", "keystroke", "timeline", "memory", "import")


def _budgets(text: str) -> set[str]:
    names = {n.strip() for n in text.split(",") if n.strip()}
    unknown = names - set(BUDGETS)
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"unknown budget {', '.join(sorted(unknown)) or '(none)'}: "
                                         f"choose among {', '.join(BUDGETS)}")
    return names


def main(argv: list[str] | None = None) -> int:
    global DISPLAY
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--applications", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--now", default=None,
                        help="end of the simulated search (default: this minute, as the app's clock is real)")
    parser.add_argument("--runs", type=int, default=7, help="process runs per side for budgets 1 and 4")
    parser.add_argument("--keep", metavar="DIR",
                        help="build the data set in DIR and keep it; a DIR kept by an earlier run is reused")
    parser.add_argument("--profile", action="store_true",
                        help="print the breakdowns and profiles (done anyway when a budget is exceeded, "
                             "unless --no-profile)")
    parser.add_argument("--no-profile", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--display", default=DISPLAY,
                        help="the X display to start Xvfb on (default %(default)s; one per engineer)")
    parser.add_argument("--only", metavar="BUDGETS", type=_budgets, default=set(BUDGETS),
                        help="measure only these budgets, measured exactly as in a full run: a comma-separated "
                             f"list of {', '.join(BUDGETS)} (start-up and memory come from the same runs)")
    args = parser.parse_args(argv)
    DISPLAY = args.display
    now = datetime.fromisoformat(args.now) if args.now else datetime.now().replace(second=0, microsecond=0)

    if args.keep:
        root = Path(args.keep).resolve()
        root.mkdir(parents=True, exist_ok=True)
    else:
        root = Path(tempfile.mkdtemp(prefix="followup-bench-ui-"))
    display: list[subprocess.Popen] = []
    try:
        display = start_display(root)
        return bench(root, args, now)
    finally:
        stop(display)
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


def bench(root: Path, args, now: datetime) -> int:
    env = {k: v for k, v in os.environ.items()
           if k not in ("FOLLOWUP_DESKTOP_DATA_DIR", "PYTHONDONTWRITEBYTECODE", "PYTHONPATH",
                        "FOLLOWUP_DESKTOP_QUIT_WHEN_READY", "WAYLAND_DISPLAY")}
    env.update(PYTHONPYCACHEPREFIX=str(root / "pycache"), QT_QPA_PLATFORM="xcb", DISPLAY=DISPLAY)
    data_dir = root / "data"
    exchange = root / "dataset.json"
    print(f"python   {sys.executable} ({sys.version.split()[0]})")
    print(f"data     {root}")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    cpus = os.cpu_count() or 1
    print(f"machine  {cpus} CPUs, load average {load:.2f}"
          + ("  (busy: figures will be noisy)" if load > 0.5 * cpus else ""))

    # -- the data set
    done = root / "dataset-imported.json"
    if done.exists():  # kept by an earlier run (--keep)
        summary = json.loads(done.read_text(encoding="utf-8"))
        print(f"\ndata set: reused from {data_dir}")
    else:
        if data_dir.exists():
            raise RuntimeError(f"{data_dir} exists but its import did not finish; remove it")
        cli = cli_command()
        # In a child process: a child's ru_maxrss counts its parent's resident memory at the
        # spawn (Linux), so this process must stay small for budget 4 to measure the children.
        proc = run([sys.executable, str(Path(generate.__file__)), str(exchange), "--applications",
                    str(args.applications), "--seed", str(args.seed), "--now", now.isoformat()], env, root)[1]
        summary = json.loads(proc.stdout)
        extra = root / "big-employer.json"
        summary["big_events"] = big_employer_file(extra, now)
        summary["now"] = now.isoformat()
        t0 = time.perf_counter()
        run(cli + ["--data-dir", str(data_dir), "import", str(exchange)], env, root)
        run(cli + ["--data-dir", str(data_dir), "import", str(extra)], env, root)
        summary["import_s"] = time.perf_counter() - t0
        done.write_text(json.dumps(summary), encoding="utf-8")
    big_events = summary["big_events"]
    print(f"data set: {summary['applications']:,} applications, {summary['events']:,} events, "
          f"{summary['employers']:,} employers, ending {summary['now'][:16]}; "
          f"plus 1 employer with {big_events} events; imported in {summary['import_s']:.1f} s")

    # -- budgets 1 and 4: whole processes, the app against a bare window
    ok1 = ok4 = True
    if args.only & {"startup", "memory"}:
        ok1, ok4 = launches(root, args, env, data_dir)
    else:
        print("\n(budgets 1 and 4, start-up and memory: not measured, --only)")
    app_cmd = [sys.executable, "-m", "followup_desktop", "--data-dir", str(data_dir)]
    app_env = dict(env, FOLLOWUP_DESKTOP_QUIT_WHEN_READY="1")

    # -- budgets 2 and 3: in this process, on the same display
    os.environ.update(QT_QPA_PLATFORM="xcb", DISPLAY=DISPLAY)
    os.environ.pop("WAYLAND_DISPLAY", None)
    ui = InProcess(data_dir)
    ok2 = ui.keystrokes() if "keystroke" in args.only else True
    ok3 = ui.timeline() if "timeline" in args.only else True
    ok5 = import_stall(root / "import-stall", exchange if exchange.exists() else None) if "import" in args.only else True
    for number, name in ((2, "keystroke"), (3, "timeline"), (5, "import")):
        if name not in args.only:
            print(f"\n(budget {number}, {name}: not measured, --only)")

    all_ok = ok1 and ok2 and ok3 and ok4 and ok5
    if args.profile or (not all_ok and not args.no_profile):
        if (args.profile and args.only & {"startup", "memory"}) or not (ok1 and ok4):
            startup_steps(data_dir, env, root)
            import_breakdown(app_cmd, app_env, root)
        if (args.profile and "keystroke" in args.only) or not ok2:
            profile("20 search keystrokes", ui.type_some, top=20)
        if (args.profile and "timeline" in args.only) or not ok3:
            profile(f"select the {big_events}-event employer's application, 3 times", ui.switch_some, top=20)
    ui.close()

    print(f"\n{'all budgets met' if all_ok else 'BUDGET EXCEEDED'}")
    return 0 if all_ok else 1


def launches(root: Path, args, env: dict, data_dir: Path) -> tuple[bool, bool]:
    """Budgets 1 and 4: whole processes, the app against a bare window."""
    bare = root / "bare_window.py"
    bare.write_text(BARE_WINDOW, encoding="utf-8")
    app_cmd = [sys.executable, "-m", "followup_desktop", "--data-dir", str(data_dir)]
    bare_cmd = [sys.executable, str(bare)]
    # "1": quit once the list is filled, which after a first run is the last exit's list
    # (list-cache.json) while the data loads; "loaded": quit once the data is read and the
    # list is current. Memory is taken from the "loaded" runs: the data in memory counts.
    app_env = dict(env, FOLLOWUP_DESKTOP_QUIT_WHEN_READY="1")
    loaded_env = dict(env, FOLLOWUP_DESKTOP_QUIT_WHEN_READY="loaded")
    launch(app_cmd, loaded_env, root, "ready")  # warm-up: bytecode and page caches, and the list cache
    _, _, ready = launch(app_cmd, app_env, root, "ready")
    launch(bare_cmd, env, root, "ready")
    own_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    app_t, app_m, bare_t, bare_m, loaded_t = [], [], [], [], []
    for _ in range(args.runs):  # alternate, so that drift hits both sides alike
        t, _, ready = launch(app_cmd, app_env, root, "ready")
        app_t.append(t)
        t, m, loaded_ready = launch(app_cmd, loaded_env, root, "ready")
        loaded_t.append(t)
        app_m.append(m)
        t, m, _ = launch(bare_cmd, env, root, "ready")
        bare_t.append(t)
        bare_m.append(m)
    a_med, b_med = statistics.median(app_t), statistics.median(bare_t)
    launch_ratio = a_med / b_med
    ok1 = launch_ratio <= BUDGET_LAUNCH_RATIO
    print(f"\nBudget 1: start-up to the filled list, spawn to its 'ready' line, median of {args.runs} after a warm-up")
    print(f"  app ({ready})  {ms(a_med)}  (min {ms(min(app_t)).strip()}, max {ms(max(app_t)).strip()})")
    print(f"  bare window         {ms(b_med)}  (min {ms(min(bare_t)).strip()}, max {ms(max(bare_t)).strip()})")
    print(f"  ratio               {launch_ratio:8.2f} x   budget {BUDGET_LAUNCH_RATIO:.1f} x  {verdict(ok1)}")
    l_med = statistics.median(loaded_t)
    print(f"  (the list current, data read: {loaded_ready}  {ms(l_med).strip()}, "
          f"{l_med / b_med:.2f} x the bare window; not a budget)")
    am, bm = statistics.median(app_m), statistics.median(bare_m)
    mem_ratio = am / bm
    ok4 = mem_ratio <= BUDGET_MEMORY_RATIO
    print("\nBudget 4: peak memory (ru_maxrss), median of the runs that read all the data")
    print(f"  app                 {am:8.1f} MB  (max {max(app_m):.1f} MB)")
    print(f"  bare window         {bm:8.1f} MB  (max {max(bare_m):.1f} MB)")
    print(f"  ratio               {mem_ratio:8.2f} x   budget {BUDGET_MEMORY_RATIO:.1f} x  {verdict(ok4)}")
    if own_mb > 0.8 * bm:
        print(f"  (this process peaked at {own_mb:.0f} MB before the runs: Linux counts that in each "
              f"child's ru_maxrss, so the bare window's figure is too high)")
    return ok1, ok4


class InProcess:
    """The real main window over the data dir, in this process, shown on display :95."""

    def __init__(self, data_dir: Path):
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        from followup_desktop.paths import DataPaths
        from followup_desktop.ui.app import build, make_application

        self.QTest = QTest
        self.app = QApplication.instance() or make_application([sys.argv[0]])
        # A blinking cursor in the search box would repaint it every half second, on its own.
        self.app.styleHints().setCursorFlashTime(0)
        t0 = time.perf_counter()
        self.workspace, self.window = build(DataPaths(data_dir))
        self.workspace.load()
        self.window.show()
        QTest.qWaitForWindowExposed(self.window)
        self.app.processEvents()
        self.setup_s = time.perf_counter() - t0
        self.paints: dict[int, int] = defaultdict(int)

        paints = self.paints

        class PaintCounter(QObject):
            def eventFilter(self, obj, event):
                if event.type() == QEvent.Paint:
                    paints[id(obj)] += 1
                return False

        self._counter = PaintCounter()
        # What shows the search's result: the list, or the "nothing matches" line instead of it.
        self.list_widgets = (self.window.table.viewport(), self.window.no_match)
        self.timeline_viewport = self.window.timeline.view.viewport()
        # What a keystroke or a selection changes: the event loop has settled when none of these
        # paints any more. Not the search box: its clear button fades in with an animation
        # (a paint every 16 ms for a while); it counts only when nothing else repaints.
        self.watched = (*self.list_widgets, self.timeline_viewport, self.window.count_label,
                        self.window.timeline)
        for w in (*self.watched, self.window.search):
            w.installEventFilter(self._counter)
        apps = self.workspace.applications()
        names = sorted({a.employer_name for a in apps.values()})
        # Employer names from the data, the start of a first name, and a word that matches nothing.
        self.words = [names[len(names) // 5][:7], names[len(names) // 2][:5], "priya", "zzq"]
        # Events per employer from the database (the workspace may hold only the recent ones).
        counts = dict(self.workspace.store.connection.execute(
            "SELECT m.key, COUNT(*) FROM event e JOIN application a ON a.id = e.application_id"
            " JOIN employer m ON m.id = a.employer_id WHERE a.archived = 0 GROUP BY m.key").fetchall())
        self.big_key = BIG_APPLICATION
        self.big_events = counts.get(BIG_EMPLOYER, 0)
        other = max((k for k in counts if k != BIG_EMPLOYER), key=counts.get)
        self.other_key = next(a.key for a in apps.values() if a.employer_key == other)
        self.other_events = counts[other]
        self.unpainted = 0

    def settle(self) -> None:
        self.app.processEvents()

    def painted(self, widgets) -> int:
        return sum(self.paints[id(w)] for w in widgets)

    def until_painted(self, widgets, before: int) -> float:
        """Run the event loop until the window has settled: a view lays out on a zero timer, and
        Qt paints a window on an update request it delivers up to 5 ms later (on xcb), so one
        processEvents() stops short. Settled is SETTLE_S without a paint. Returns the moment the
        last paint ended; counts in `unpainted` the times none of `widgets` was painted (their
        content did not change on screen)."""
        now = time.perf_counter()
        deadline = now + PAINT_WAIT_S
        last = self.painted(self.watched)
        echo = self.painted((self.window.search,))
        end = echoed = None
        quiet_since = now
        while now - quiet_since < SETTLE_S and now < deadline:
            self.app.processEvents()
            now = time.perf_counter()
            count = self.painted(self.watched)
            if count > last:
                end = quiet_since = now
                last = count
            if echoed is None and self.painted((self.window.search,)) > echo:
                echoed = now
        end = end or echoed
        if self.painted(widgets) == before:
            self.unpainted += 1
        return end if end is not None else time.perf_counter()

    def _key(self, key_or_char) -> float:
        from PySide6.QtCore import Qt

        before = self.painted(self.list_widgets)
        t0 = time.perf_counter()
        if isinstance(key_or_char, str):
            self.QTest.keyClick(self.window.search, key_or_char)
        else:
            self.QTest.keyClick(self.window.search, Qt.Key(key_or_char))
        return self.until_painted(self.list_widgets, before) - t0

    def type_word(self, word: str) -> tuple[list[float], list[float]]:
        from PySide6.QtCore import Qt

        typed = [self._key(ch) for ch in word]
        erased = [self._key(Qt.Key_Backspace) for _ in word]
        return typed, erased

    def type_some(self) -> None:
        for word in self.words[:3]:
            self.type_word(word)

    def keystrokes(self) -> bool:
        self.window.search.setFocus()
        self.settle()
        self.type_word(self.words[0])  # warm-up
        self.unpainted = 0
        typed, erased = [], []
        for _ in range(3):
            for word in self.words:
                t, e = self.type_word(word)
                typed += t
                erased += e
        both = sorted(typed + erased)
        med = statistics.median(both)
        p90 = both[int(0.9 * (len(both) - 1))]
        ok = med * 1000 <= BUDGET_KEYSTROKE_MS
        rows = self.window.proxy.rowCount()
        print(f"\nBudget 2: one search keystroke (key press + event loop until the list repainted), "
              f"{len(both)} keystrokes over {rows:,} rows")
        print(f"  typed words         {', '.join(repr(w) for w in self.words)} (and erased again)")
        print(f"  letters             {ms(statistics.median(typed))} median, "
              f"{ms(sorted(typed)[int(0.9 * (len(typed) - 1))]).strip()} p90")
        print(f"  backspaces          {ms(statistics.median(erased))} median, "
              f"{ms(sorted(erased)[int(0.9 * (len(erased) - 1))]).strip()} p90")
        print(f"  all keystrokes      {ms(med)} median, {ms(p90).strip()} p90, {ms(max(both)).strip()} max   "
              f"budget {BUDGET_KEYSTROKE_MS:.0f} ms (median)  {verdict(ok)}")
        if self.unpainted:
            print(f"  list unchanged on screen after {self.unpainted} keystrokes (only the search box repainted)")
        self._keystroke_parts()
        return ok

    def _keystroke_parts(self) -> None:
        """The pieces of one keystroke, timed apart (for information): the same steps as the
        search box's textChanged handler, on the first word's first letters."""
        window, model, proxy = self.window, self.window.model, self.window.proxy
        parts: dict[str, list[float]] = defaultdict(list)
        word = self.words[0]
        for n in range(1, len(word) + 1):
            needle = word[:n]
            t0 = time.perf_counter()
            model.matches(proxy.filter_name, needle)
            t1 = time.perf_counter()
            proxy.set_filter(needle=needle)  # the mask again, then QSortFilterProxyModel's pass
            t2 = time.perf_counter()
            getattr(window, "_update_list_state", lambda: None)()
            t3 = time.perf_counter()
            getattr(window, "_reselect", lambda: None)()
            t4 = time.perf_counter()
            self.until_painted(self.list_widgets, self.painted(self.list_widgets))
            t5 = time.perf_counter()
            window.table.viewport().repaint()  # what a keystroke that changes the list paints
            t6 = time.perf_counter()
            for label, v in (("ApplicationsModel.matches (the row mask)", t1 - t0),
                             ("ApplicationsProxy.set_filter (mask, rows shown, layout change)", t2 - t1),
                             ("MainWindow._update_list_state (counts, due now)", t3 - t2),
                             ("MainWindow._reselect", t4 - t3),
                             ("the list's repaint (visible rows; data() per cell, role)", t6 - t5)):
                parts[label].append(v)
        proxy.set_filter(needle="")
        getattr(window, "_update_list_state", lambda: None)()
        self.settle()
        print(f"  where one keystroke goes (medians over typing {word!r}):")
        for label, values in parts.items():
            print(f"    {label:56s}{ms(statistics.median(values))}")

    def _select(self, key: str) -> float:
        widgets = (self.timeline_viewport,)
        before = self.painted(widgets)
        t0 = time.perf_counter()
        self.window.select_application(key)
        return self.until_painted(widgets, before) - t0

    def switch_some(self) -> None:
        for _ in range(3):
            self._select(self.other_key)
            self._select(self.big_key)

    def timeline(self) -> bool:
        self.window.search.clear()
        self.settle()
        self._select(self.other_key)  # warm-up
        self._select(self.big_key)
        self.unpainted = 0
        big, other = [], []
        for _ in range(TIMELINE_RUNS):
            other.append(self._select(self.other_key))
            big.append(self._select(self.big_key))
        med = statistics.median(big)
        ok = med * 1000 <= BUDGET_TIMELINE_MS
        rows = self.window.timeline.view.model().rowCount()
        print(f"\nBudget 3: select an application, the employer timeline redraws (median of {TIMELINE_RUNS}, "
              f"switching between two employers)")
        print(f"  {self.other_events}-event employer   {ms(statistics.median(other))}  "
              f"(min {ms(min(other)).strip()})")
        print(f"  {self.big_events}-event employer   {ms(med)}  (min {ms(min(big)).strip()}; {rows} timeline rows)"
              f"   budget {BUDGET_TIMELINE_MS:.0f} ms  {verdict(ok)}")
        if self.unpainted:
            print(f"  (the timeline was not repainted after {self.unpainted} switches)")
        self._timeline_parts()
        return ok

    def _timeline_parts(self) -> None:
        """The pieces of one switch to the big employer, timed apart (for information)."""
        from followup_desktop.ui.timeline import build_items

        ws, panel = self.workspace, self.window.timeline
        employer = ws.application(self.big_key).employer_key
        view = panel.view
        parts: dict[str, list[float]] = defaultdict(list)
        for _ in range(5):
            t = time.perf_counter()
            events = ws.timeline(employer)
            t1 = time.perf_counter()
            actions = ws.employer_actions(employer)
            t2 = time.perf_counter()
            ws.contacts(employer)
            t3 = time.perf_counter()
            build_items(events, actions, ws.computed_at)
            t4 = time.perf_counter()
            panel.show_application(self.other_key)
            self.app.processEvents()
            t5 = time.perf_counter()
            before = self.painted((self.timeline_viewport,))
            panel.show_application(self.big_key)
            t6 = time.perf_counter()
            t7 = self.until_painted((self.timeline_viewport,), before)
            for label, v in (("reads.employer_timeline (SQL + dicts)", t1 - t), ("employer_actions", t2 - t1),
                             ("reads.contacts", t3 - t2), ("build_items", t4 - t3),
                             ("TimelinePanel.show_application (all of it)", t6 - t5),
                             ("event loop: layout + paint", t7 - t6)):
                parts[label].append(v)
        print(f"  where one switch goes (medians of 5; select_application shows the timeline "
              f"{self._shows_per_select()}x):")
        for label, values in parts.items():
            print(f"    {label:44s}{ms(statistics.median(values))}")

    def _shows_per_select(self) -> int:
        panel = self.window.timeline
        calls = 0
        original = panel.show_application

        def counting(key):
            nonlocal calls
            calls += 1
            return original(key)

        panel.show_application = counting
        try:
            self.window.select_application(self.other_key)
            self.settle()
            calls = 0
            self.window.select_application(self.big_key)
            self.settle()
        finally:
            del panel.show_application
        return calls

    def close(self) -> None:
        self.window.close()
        self.workspace.close()


def import_stall(data_dir: Path, exchange: Path | None) -> bool:
    """Budget 5: File → Import… of the data set's file into an empty data dir, in this process;
    the longest the GUI thread goes without turning its event loop, until the list is filled."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from followup_desktop.paths import DataPaths
    from followup_desktop.ui.app import build

    if exchange is None:
        print("\nBudget 5: not measured (the data set's file is gone: run without --keep reuse, or remove DIR)")
        return True
    shutil.rmtree(data_dir, ignore_errors=True)
    app = QApplication.instance()
    workspace, window = build(DataPaths(data_dir))
    workspace.load()
    window.show()
    app.processEvents()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def turn() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now
    ticker = QTimer(interval=1, timeout=turn)
    done = []

    def filled(keys) -> None:
        if keys is None and workspace.applications():
            done.append(time.perf_counter())
    workspace.changed.connect(filled)
    t0 = time.perf_counter()
    last[0] = t0
    ticker.start()
    window._import_export().start_import(exchange)
    deadline = t0 + 120
    while not done and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.0005)
    t_end = time.perf_counter()
    for _ in range(20):  # the list's repaint after it
        app.processEvents()
    ticker.stop()
    turn()
    rows = window.proxy.rowCount()
    window.close()
    workspace.close()
    if not done:
        print(f"\nBudget 5: the import did not finish within 120 s  OVER")
        return False
    longest = max(gaps)
    ordered = sorted(gaps)
    ok = longest * 1000 <= BUDGET_IMPORT_STALL_MS
    print(f"\nBudget 5: GUI-thread stall while importing {exchange.name} (File → Import…, "
          f"{rows:,} rows filled {ms(t_end - t0).strip()} after the click)")
    print(f"  longest stall       {ms(longest)}  (p99 {ms(ordered[int(0.99 * (len(ordered) - 1))]).strip()}, "
          f"{len(gaps):,} event-loop turns)   budget {BUDGET_IMPORT_STALL_MS:.0f} ms  {verdict(ok)}")
    return ok


def startup_steps(data_dir: Path, env: dict, root: Path) -> None:
    script = root / "startup_steps.py"
    script.write_text(STEPS, encoding="utf-8")
    runs = []
    for _ in range(3):
        proc = subprocess.run([sys.executable, str(script), str(data_dir)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=env, cwd=root)
        if proc.returncode != 0:
            print(f"\n(start-up steps failed: {proc.stderr.decode(errors='replace').strip()[-500:]})")
            return
        runs.append(json.loads(proc.stdout.decode().strip().splitlines()[-1]))
    print("\n--- start-up, step by step (the steps of ui.app.run in one process; median of 3) ---")
    print(f"    {'step':62s}{'time':>9s}{'total':>10s}{'RSS after':>12s}")
    prev = 0.0
    for i, (label, _, _) in enumerate(runs[0]["marks"]):
        at = statistics.median(r["marks"][i][1] for r in runs)
        mem = statistics.median(r["marks"][i][2] for r in runs)
        print(f"    {label[:62]:62s}{(at - prev) * 1000:7.1f} ms{at * 1000:8.1f} ms{mem:9.1f} MB")
        prev = at
    print("  inside the load (time spent in each function, summed):")
    for label in runs[0]["parts"]:
        print(f"    {label:62s}{statistics.median(r['parts'].get(label, 0.0) for r in runs) * 1000:7.1f} ms")


def import_breakdown(app_cmd: list[str], env: dict, root: Path, top: int = 12) -> None:
    """`-X importtime` of a real start-up, summed by top-level package and by our modules."""
    proc = subprocess.run([app_cmd[0], "-X", "importtime", *app_cmd[1:]], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, env=env, cwd=root)
    by_package: dict[str, int] = defaultdict(int)
    ours: list[tuple[int, str]] = []
    for line in proc.stderr.decode(errors="replace").splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        try:
            self_us, cumulative, name = (p.strip() for p in line[len("import time:"):].split("|"))
            self_us = int(self_us)
        except ValueError:
            continue
        module = name.strip()
        by_package[module.split(".")[0]] += self_us
        if module.startswith("followup_desktop"):
            ours.append((int(cumulative), module))
    total = sum(by_package.values())
    print(f"\n--- imports of one start-up (-X importtime): {total / 1000:.0f} ms in all, own time by package ---")
    for package, us in sorted(by_package.items(), key=lambda kv: -kv[1])[:top]:
        print(f"    {package:30s}{us / 1000:8.1f} ms")
    print("  our modules by cumulative time (includes what they import):")
    for cumulative, module in sorted(ours, reverse=True)[:top]:
        print(f"    {module:44s}{cumulative / 1000:8.1f} ms")


if __name__ == "__main__":
    try:
        sys.exit(main())
    except SystemExit:
        raise
    except Exception as exc:  # a broken set-up is not a budget failure
        import traceback

        traceback.print_exc()
        print(f"bench: set-up failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        sys.exit(2)
