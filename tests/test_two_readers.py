"""The command line's exports of a large search read it in two halves at once, the second in a
forked process (`store/halves.py`): the file is the same, byte for byte, as read by one process;
both halves are one moment of the store even while another program writes; a failure of the
second reader is the export's failure, with nothing written; where it cannot be done the export
reads alone.

Each command runs as its own process, as a user runs it: the test process has Qt loaded, and a
process with Qt never forks a second reader.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "benchmarks"))
from generate import DEFAULT_NOW, generate  # noqa: E402

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a second reader is Linux's")

#: enough applications and events for both exports to split (`HALVES_FROM` of each)
APPLICATIONS = 1200

#: runs the command line in this process's stead, saying on stderr whether the read was split
_OBSERVED = textwrap.dedent("""
    import os, sys
    from followup_desktop import cli
    from followup_desktop.store import halves
    started = halves.start
    def start(*args, **kwargs):
        split = started(*args, **kwargs)
        os.write(2, b"two readers\\n" if split is not None else b"one reader\\n")  # one write
        return split
    halves.start = start
    sys.exit(cli.main(sys.argv[1:]))
""")


def _env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("FOLLOWUP_DESKTOP_DATA_DIR", "FOLLOWUP_DESKTOP_ONE_READER")}
    env.update(extra)
    return env


def run(*args, one_reader: bool = False, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`followup-desktop ARGS` as a process; stderr says how it read (`_OBSERVED`)."""
    env = _env(FOLLOWUP_DESKTOP_ONE_READER="1") if one_reader else _env()
    return subprocess.run([sys.executable, "-c", _OBSERVED, *map(str, args)], capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=120)


@pytest.fixture(scope="module")
def search(tmp_path_factory) -> Path:
    """A data dir holding a search large enough for both exports to read in two halves."""
    root = tmp_path_factory.mktemp("two-readers")
    source = root / "search.json"
    generate(source, APPLICATIONS, 7, DEFAULT_NOW)
    data = root / "data"
    done = run("--data-dir", data, "import", source)
    assert done.returncode == 0, done.stderr
    return data


def _copy(search: Path, to: Path) -> Path:
    """A data dir of its own with the search in it (a test that writes must not share one)."""
    to.mkdir(mode=0o700)
    src = sqlite3.connect(search / "followup.sqlite3")
    dst = sqlite3.connect(to / "followup.sqlite3")
    src.backup(dst)
    src.close()
    dst.close()
    os.chmod(to / "followup.sqlite3", 0o600)
    return to


@pytest.mark.parametrize("suffix", [".json", ".csv"])
def test_a_large_search_exports_the_same_bytes_read_in_two_halves_as_in_one(search, tmp_path, suffix):
    two, one = tmp_path / f"two{suffix}", tmp_path / f"one{suffix}"
    halves = run("--data-dir", search, "export", two)
    alone = run("--data-dir", search, "export", one, one_reader=True)
    assert halves.returncode == 0 and alone.returncode == 0, halves.stderr + alone.stderr
    assert "two readers" in halves.stderr
    assert halves.stdout.replace(str(two), "FILE") == alone.stdout.replace(str(one), "FILE")  # the counts
    assert two.read_bytes() == one.read_bytes()
    assert oct(two.stat().st_mode & 0o777) == "0o600"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([two.name, one.name])  # nothing left over
    if suffix == ".json":
        doc = json.loads(two.read_text(encoding="utf-8"))
        assert len(doc["applications"]) == APPLICATIONS
        keys = [(e["application"], e["at"]) for e in doc["events"]]
        assert len(keys) > 4000
        order = {a["key"]: i for i, a in enumerate(doc["applications"])}
        assert keys == sorted(keys, key=lambda k: (order[k[0]], k[1]))  # the halves in their order


def test_a_large_search_makes_the_same_calendar_read_in_two_halves_as_in_one(search, tmp_path):
    # Each event's lines are made by the process that read it, then all in one order (start,
    # UID). DTSTAMP is the moment of the export, a second apart between the two runs.
    def calendar(name, **kw):
        out = tmp_path / name
        done = run("--data-dir", search, "export", out, **kw)
        assert done.returncode == 0, done.stderr
        return done, [line for line in out.read_bytes().split(b"\r\n") if not line.startswith(b"DTSTAMP:")]

    halves, two = calendar("two.ics")
    alone, one = calendar("one.ics", one_reader=True)
    assert "two readers" in halves.stderr
    assert two == one
    assert sum(line == b"BEGIN:VEVENT" for line in two) > 100
    assert halves.stdout.split(" to ")[0] == alone.stdout.split(" to ")[0]  # "exported N calendar events"


@pytest.mark.parametrize("moment", ["2026-11-16T10:30", "2026-09-01T09:00", "2027-06-01T12:00", "2024-01-01T00:00"])
def test_a_large_search_is_due_the_same_read_in_two_halves_as_in_one(search, moment):
    # Now, months ago, long after (courtesy steps lapsed, leads closed out) and before
    # everything (nothing due: the next step to open, from whichever half holds it).
    for as_json in (["--json"], []):
        halves = run("--data-dir", search, "due", "--at", moment, *as_json)
        alone = run("--data-dir", search, "due", "--at", moment, *as_json, one_reader=True)
        assert halves.returncode == 0 and alone.returncode == 0, halves.stderr + alone.stderr
        assert "two readers" in halves.stderr
        assert halves.stdout == alone.stdout
    if moment.startswith("2024"):
        assert halves.stdout.startswith("Nothing to follow up on") and "Next: " in halves.stdout
    else:
        assert len(json.loads(run("--data-dir", search, "due", "--json", "--at", moment).stdout)) > 20


def test_both_halves_are_one_moment_of_the_store_while_another_program_writes(search, tmp_path):
    # A writer adds the same numbered note to the first application and to the last (one in
    # each half) in one transaction, over and over. Each export must show both the same notes:
    # a commit between the two readers' starts would show in one half and not in the other.
    data = _copy(search, tmp_path / "d")
    writer = subprocess.Popen([sys.executable, "-c", textwrap.dedent("""
        import sqlite3, sys, time
        con = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)
        con.execute("PRAGMA synchronous = OFF")
        first, last = con.execute("SELECT min(id), max(id) FROM application").fetchone()
        n = 0
        print("writing", flush=True)
        while True:
            n += 1
            con.execute("BEGIN IMMEDIATE")
            for app in (first, last):
                con.execute("INSERT INTO event (application_id, kind, at, notes, encouraged) "
                            "VALUES (?, 'note', '2026-11-20T10:00:00', ?, 0)", (app, f"tick {n}"))
            con.execute("COMMIT")
            time.sleep(0.001)  # a writer that never lets go is waited for, then read alone
        """), data / "followup.sqlite3"], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "writing"
        seen = []
        for n in range(8):
            out = tmp_path / f"during-{n}.json"
            done = run("--data-dir", data, "export", out)
            assert done.returncode == 0, done.stderr
            assert "two readers" in done.stderr
            doc = json.loads(out.read_text(encoding="utf-8"))
            first, last = doc["applications"][0]["key"], doc["applications"][-1]["key"]
            ticks = {key: sorted(e["notes"] for e in doc["events"]
                                 if e["application"] == key and e.get("notes", "").startswith("tick "))
                     for key in (first, last)}
            assert ticks[first] == ticks[last], f"export {n}: the halves are of different moments"
            seen.append(len(ticks[first]))
    finally:
        writer.kill()
        writer.wait()
    assert seen == sorted(seen) and seen[-1] > seen[0]  # the writer did write meanwhile


def _script(body: str, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(body), *map(str, args)],
                          capture_output=True, text=True, env=_env(), timeout=60)


def test_the_second_readers_failure_is_raised_in_the_first_as_it_was(search, tmp_path):
    # A full disk under the second reader is still "the disk is full" (errno ENOSPC), not a
    # failure of some other kind.
    done = _script("""
        import errno, os, sys
        from pathlib import Path
        from followup_desktop.store import halves

        def work(con, out):
            con.execute("SELECT count(*) FROM event").fetchone()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        split = halves.start(Path(sys.argv[1]), work, Path(sys.argv[2]))
        assert split is not None
        with split:
            try:
                split.finish()
            except OSError as exc:
                print("raised", errno.errorcode[exc.errno])
    """, search / "followup.sqlite3", tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["raised", "ENOSPC"]
    assert list(tmp_path.iterdir()) == []  # its half's file was never a name on disk


def _export_with_a_slow_child(search: Path, out: Path) -> tuple[subprocess.Popen, int]:
    """An export whose second reader says its pid on stderr and then waits 30 s before its work;
    the process, and that pid."""
    proc = subprocess.Popen([sys.executable, "-c", _OBSERVED.replace(
        "sys.exit(cli.main(sys.argv[1:]))",
        "from followup_desktop.exchange import jsonfile\n"
        "after = jsonfile.events_after\n"
        "def slow(con, out, at):\n"
        "    os.write(2, f'child {os.getpid()}\\n'.encode())\n"
        "    import time; time.sleep(30)\n"
        "    return after(con, out, at)\n"
        "jsonfile.events_after = slow\n"
        "sys.exit(cli.main(sys.argv[1:]))"), "--data-dir", search, "export", out],
        stderr=subprocess.PIPE, text=True, env=_env())
    said = []
    while (line := proc.stderr.readline()) and not line.startswith("child "):
        said.append(line)
    assert line, f"no second reader started: {''.join(said)}"
    return proc, int(line.split()[1])


def _gone(pid: int, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def test_a_second_reader_killed_midway_fails_the_export_in_one_clear_line(search, tmp_path):
    from followup_desktop.store.halves import STOPPED

    out = tmp_path / "killed.json"
    proc, child = _export_with_a_slow_child(search, out)
    os.kill(child, 9)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 1
    said = [line for line in err.splitlines() if line not in ("two readers", "one reader")]  # ours
    assert said == [f"followup-desktop: {STOPPED}"]
    assert list(tmp_path.iterdir()) == []  # no file, no piece of one


def test_a_parent_killed_midway_leaves_no_second_reader_behind(search, tmp_path):
    proc, child = _export_with_a_slow_child(search, tmp_path / "orphan.json")
    proc.kill()
    proc.wait(timeout=10)
    assert _gone(child), "the second reader outlived its parent"
    assert not (tmp_path / "orphan.json").exists()  # (a killed writer's hidden temp file may stay)


def test_rows_whatever_their_ids_are_in_one_half_or_the_other(search, tmp_path):
    # Another program may store an application under a negative row id: it is exported all
    # the same, by the first reader.
    data = _copy(search, tmp_path / "d")
    con = sqlite3.connect(data / "followup.sqlite3")
    with con:
        con.execute("PRAGMA foreign_keys = OFF")
        first = con.execute("SELECT min(id) FROM application").fetchone()[0]
        for table, column in (("event", "application_id"), ("action_state", "application_id")):
            con.execute(f"UPDATE {table} SET {column} = -7 WHERE {column} = ?", (first,))
        con.execute("UPDATE application SET id = -7 WHERE id = ?", (first,))
    con.close()
    for suffix in (".json", ".csv"):
        two, one = tmp_path / f"two{suffix}", tmp_path / f"one{suffix}"
        halves = run("--data-dir", data, "export", two)
        assert halves.returncode == 0 and "two readers" in halves.stderr, halves.stderr
        assert run("--data-dir", data, "export", one, one_reader=True).returncode == 0
        assert two.read_bytes() == one.read_bytes(), suffix
    assert f"exported {APPLICATIONS} applications" in halves.stdout


def test_a_parent_that_ignores_its_childrens_ends_reads_alone(search, tmp_path):
    # Some supervisors start programs with SIGCHLD ignored: the kernel would reap a second
    # reader unseen, so the export reads by itself.
    import signal

    out = tmp_path / "alone.json"
    done = subprocess.run([sys.executable, "-c", _OBSERVED, "--data-dir", str(search), "export", str(out)],
                          capture_output=True, text=True, env=_env(), timeout=120,
                          preexec_fn=lambda: signal.signal(signal.SIGCHLD, signal.SIG_IGN))
    assert done.returncode == 0, done.stderr
    assert "two readers" not in done.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["applications"]


def test_the_packaged_apps_start_up_with_qts_core_module_loaded_still_reads_in_two(search, tmp_path):
    # The frozen app's start-up (PyInstaller's PySide6 hook) imports QtCore before the app's
    # code runs: no thread and no application come with it, so the command line still forks.
    out = tmp_path / "frozen-like.json"
    done = subprocess.run([sys.executable, "-c", "import PySide6.QtCore\n" + _OBSERVED, "--data-dir",
                           str(search), "export", str(out)], capture_output=True, text=True, env=_env(),
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "two readers" in done.stderr


def test_a_read_only_database_is_exported_by_one_reader(search, tmp_path):
    data = _copy(search, tmp_path / "d")
    expected = tmp_path / "expected.json"
    assert run("--data-dir", data, "export", expected, one_reader=True).returncode == 0
    os.chmod(data / "followup.sqlite3", 0o400)
    try:
        out = tmp_path / "ro.json"
        done = run("--data-dir", data, "export", out)
        assert done.returncode == 0, done.stderr
        assert "one reader" in done.stderr
        assert out.read_bytes() == expected.read_bytes()
    finally:
        os.chmod(data / "followup.sqlite3", 0o600)


def test_a_small_search_is_read_by_one_process(tmp_path):
    # Forking costs more than it saves below a thousand applications: no second reader.
    source = tmp_path / "small.json"
    generate(source, 40, 3, DEFAULT_NOW)
    assert run("--data-dir", tmp_path / "d", "import", source).returncode == 0
    for name in ("small-out.json", "small-out.csv"):
        done = run("--data-dir", tmp_path / "d", "export", tmp_path / name)
        assert done.returncode == 0, done.stderr
        assert "two readers" not in done.stderr
        assert (tmp_path / name).stat().st_size > 0


def test_an_export_stopped_with_ctrl_c_leaves_no_file_and_no_second_process(search, tmp_path):
    out = tmp_path / "stopped.json"
    proc, child = _export_with_a_slow_child(search, out)
    time.sleep(0.5)
    proc.send_signal(2)  # Ctrl+C reaches the parent (the child's is its own to handle)
    proc.wait(timeout=30)
    assert proc.returncode != 0
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []
    assert _gone(child), "the second reader outlived the export"


@pytest.fixture
def small_disk(mounted_disk):
    """A real 16 MB file system, mounted for the test and unmounted after it."""
    return mounted_disk("16m")


def _fill(disk: Path) -> None:
    with open(disk / "filler", "wb") as f:
        try:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        except OSError:
            pass


@pytest.mark.parametrize("suffix", [".json", ".csv"])
@pytest.mark.parametrize("one_reader", [False, True])
def test_an_export_to_a_full_disk_says_so_naming_where_and_writes_nothing(search, small_disk, suffix, one_reader):
    _fill(small_disk)
    out = small_disk / f"out{suffix}"
    done = run("--data-dir", search, "export", out, one_reader=one_reader)
    assert done.returncode == 1
    said = [line for line in done.stderr.splitlines() if line not in ("two readers", "one reader")]
    assert len(said) == 1 and said[0].startswith(f"followup-desktop: the disk is full: {small_disk}"), said
    assert "followup.sqlite3" not in said[0]  # the database was only read
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]


def test_due_reads_a_large_search_on_a_full_disk(search, small_disk):
    # SQLite cannot take the write lock there (it reads the file as it stands), so one process
    # reads it all; the answer is the same.
    data = _copy(search, small_disk / "data")
    _fill(small_disk)
    at = ("--at", "2026-11-16T10:30")
    halves = run("--data-dir", data, "due", "--json", *at)
    assert halves.returncode == 0, halves.stderr
    assert halves.stdout == run("--data-dir", search, "due", "--json", *at, one_reader=True).stdout
