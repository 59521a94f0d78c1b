"""Budgets of the packaged app (Linux), run on demand (never part of the normal test suite):

    python tests/benchmarks/bench_bundle.py [--no-build] [--skip-naive] [--runs 7]

It builds the bundle, the archive and the Debian package with `packaging/build.sh` (unless
--no-build and they exist), then checks:

* the one-folder bundle `dist/followup-desktop/` is at most 90 MB;
* the archive `dist/followup-desktop-<version>-linux-<arch>.tar.gz` is at most 35 MB;
* the Debian package `dist/followup-desktop_<version>_<arch>.deb` is at most 40 MB;
* starting frozen takes at most 1.1x as long as starting from source: `--self-test` (open a
  store, import, compute, export, build every window and show the main one, offscreen), as a
  whole process, frozen against `python -m followup_desktop` (medians, after a warm-up, run
  alternately so that machine noise hits both alike).

For comparison it also freezes a bare PySide6 window naively (PyInstaller's defaults, in a
temporary folder) and prints the app's size against it. Sizes count the bytes of every file,
symbolic links not followed; 1 MB = 1,000,000 bytes. Exit status: 0 within budget, 1 a budget
exceeded, 2 the set-up failed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP = "followup-desktop"
BUNDLE = ROOT / "dist" / APP
BUDGET_BUNDLE_MB = 90.0
BUDGET_ARCHIVE_MB = 35.0
BUDGET_DEB_MB = 40.0
BUDGET_START_RATIO = 1.1

BARE_WINDOW = """\
import sys
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication(sys.argv)
label = QLabel("bare window")
label.show()
sys.exit(0 if "--quit" in sys.argv else app.exec())
"""


def size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            p = Path(dirpath) / name
            if not p.is_symlink():
                total += p.stat().st_size
    return total / 1e6


def archive_path() -> Path | None:
    found = sorted((ROOT / "dist").glob(f"{APP}-*-linux-*.tar.gz"))
    return found[-1] if found else None


def deb_path() -> Path | None:
    found = sorted((ROOT / "dist").glob(f"{APP}_*_*.deb"))
    return found[-1] if found else None


def build() -> None:
    print("building the bundle, the archive and the Debian package (packaging/build.sh) …", flush=True)
    started = time.perf_counter()
    subprocess.run(["bash", str(ROOT / "packaging" / "build.sh")], cwd=ROOT, check=True,
                   env=dict(os.environ, PYTHON=sys.executable))
    print(f"  built in {time.perf_counter() - started:.0f} s")


def naive_bare_window_mb() -> float:
    """A bare PySide6 window frozen with PyInstaller's defaults: what the spec's pruning saves."""
    print("freezing a bare PySide6 window naively, for comparison …", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-bundle-") as tmp:
        script = Path(tmp) / "bare.py"
        script.write_text(BARE_WINDOW)
        subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--onedir", "--windowed",
                        "--log-level", "ERROR", "--name", "bare", "--distpath", f"{tmp}/dist",
                        "--workpath", f"{tmp}/build", "--specpath", tmp, str(script)],
                       check=True, cwd=tmp)
        return size_mb(Path(tmp) / "dist" / "bare")


def start_env(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "FOLLOWUP_DESKTOP_DATA_DIR")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"))
    return env


def timed(cmd: list[str], env: dict) -> float:
    started = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - started
    if done.returncode != 0 or "self-test passed" not in done.stdout:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{done.stdout}\n{done.stderr}")
    return elapsed


def start_times(runs: int) -> tuple[float, float]:
    frozen = [str(BUNDLE / APP), "--self-test"]
    source = [sys.executable, "-m", "followup_desktop", "--self-test"]
    with tempfile.TemporaryDirectory(prefix="bench-bundle-home-") as tmp:
        env = start_env(Path(tmp))
        timed(frozen, env), timed(source, env)  # warm-up: the page cache, fontconfig's cache
        t_frozen, t_source = [], []
        for _ in range(runs):
            t_frozen.append(timed(frozen, env))
            t_source.append(timed(source, env))
    return statistics.median(t_frozen), statistics.median(t_source)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-build", action="store_true", help="measure dist/ as it is")
    parser.add_argument("--skip-naive", action="store_true", help="do not freeze the bare window")
    parser.add_argument("--runs", type=int, default=7, help="timed start-ups of each kind (default 7)")
    args = parser.parse_args(argv)
    if not sys.platform.startswith("linux"):
        print("bench_bundle: the budgets are for the Linux bundle", file=sys.stderr)
        return 2

    try:
        if not (args.no_build and (BUNDLE / APP).is_file() and archive_path() and deb_path()):
            build()
        archive, deb = archive_path(), deb_path()
        if archive is None or deb is None:
            raise RuntimeError("no archive or no Debian package in dist/")
        naive = None if args.skip_naive else naive_bare_window_mb()
        print(f"timing --self-test, frozen and from source, {args.runs} runs each …", flush=True)
        t_frozen, t_source = start_times(args.runs)
    except (subprocess.CalledProcessError, RuntimeError, OSError) as exc:
        print(f"bench_bundle: set-up failed: {exc}", file=sys.stderr)
        return 2

    bundle_mb, archive_mb, deb_mb = size_mb(BUNDLE), size_mb(archive), size_mb(deb)
    ratio = t_frozen / t_source
    rows = [
        ("bundle dist/followup-desktop/", f"{bundle_mb:.1f} MB", f"≤ {BUDGET_BUNDLE_MB:.0f} MB",
         bundle_mb <= BUDGET_BUNDLE_MB),
        (f"archive {archive.name}", f"{archive_mb:.1f} MB", f"≤ {BUDGET_ARCHIVE_MB:.0f} MB",
         archive_mb <= BUDGET_ARCHIVE_MB),
        (f"Debian package {deb.name}", f"{deb_mb:.1f} MB", f"≤ {BUDGET_DEB_MB:.0f} MB", deb_mb <= BUDGET_DEB_MB),
        ("start, frozen / from source", f"{ratio:.2f}× ({t_frozen * 1000:.0f} / {t_source * 1000:.0f} ms)",
         f"≤ {BUDGET_START_RATIO}×", ratio <= BUDGET_START_RATIO),
    ]
    print()
    width = max(len(r[0]) for r in rows)
    for name, value, budget, ok in rows:
        print(f"{name:<{width}}  {value:<28} {budget:<10} {'ok' if ok else 'OVER BUDGET'}")
    if naive is not None:
        print(f"{'naive bare PySide6 window':<{width}}  {naive:.1f} MB   (the app's bundle is "
              f"{bundle_mb / naive:.2f}× that, {naive - bundle_mb:.1f} MB smaller)")
    return 0 if all(r[3] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
