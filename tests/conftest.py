"""Shared fixtures: every test gets its own data dir on a real SQLite file, never the user's.

No test may reach the platformdirs location: `FOLLOWUP_DESKTOP_DATA_DIR` points into the test's
temporary folder unless a test sets it otherwise.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

# Widgets render offscreen unless a test starts a real X server on purpose (end-to-end tests).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CONTRACT_EXAMPLE = FIXTURES / "contract_example.json"
SCHEMA1_DB = FIXTURES / "schema1.sqlite3"


def pytest_collection_finish(session):
    """A run that collects no test fails loudly (pytest's exit 5 would read as "nothing wrong")."""
    if not session.items:
        raise pytest.UsageError("no test was collected: check the test paths and -k/-m filters")


@pytest.fixture(autouse=True)
def _never_the_real_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_DESKTOP_DATA_DIR", str(tmp_path / "env-data-dir"))


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """A data dir that does not exist yet (the app creates it)."""
    return tmp_path / "data"


@pytest.fixture
def contract_example() -> Path:
    return CONTRACT_EXAMPLE


@pytest.fixture(scope="session")
def schema1():
    """The fixture builder module (its row constants are what an upgrade must keep)."""
    spec = importlib.util.spec_from_file_location("make_schema1", FIXTURES / "make_schema1.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def schema1_copy(data_dir) -> Path:
    """A copy of the committed schema-1 database, placed as the data dir's database."""
    from followup_desktop.paths import DataPaths

    target = DataPaths(data_dir).database
    data_dir.mkdir(parents=True)
    shutil.copyfile(SCHEMA1_DB, target)
    return target


def read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)


def content_dump(path: Path) -> dict:
    """Everything a user could lose: the schema version, the schema, every row of every table."""
    con = read_only(path)
    try:
        out = {"user_version": con.execute("PRAGMA user_version").fetchone()[0]}
        out["schema"] = sorted(
            tuple(r) for r in con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
        )
        for (table,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall():
            rows = con.execute(f'SELECT * FROM "{table}"').fetchall()
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


@pytest.fixture
def dump():
    """`dump(db_path)` -> a comparable snapshot of the whole database, read without writing."""
    return content_dump


@pytest.fixture
def write_json(tmp_path):
    """`write_json(doc, name="in.json")` -> the path of a JSON file holding `doc`."""

    def write(doc, name: str = "in.json") -> Path:
        path = tmp_path / name
        path.write_text(json.dumps(doc, indent=1, ensure_ascii=False), encoding="utf-8")
        return path

    return write


@pytest.fixture
def run_app(tmp_path):
    """Run `python -m followup_desktop ARGS…` as a real process; returns CompletedProcess."""

    def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
        base = {k: v for k, v in os.environ.items() if k != "FOLLOWUP_DESKTOP_DATA_DIR"}
        base["FOLLOWUP_DESKTOP_DATA_DIR"] = str(tmp_path / "env-data-dir")
        base.update(env or {})
        return subprocess.run(
            [sys.executable, "-m", "followup_desktop", *map(str, args)],
            capture_output=True, text=True, env=base, cwd=tmp_path, timeout=120,
        )

    return run
