"""Upgrading keeps the user's data, proven for every schema the app has ever written: each schema
version has a committed database under tests/fixtures/ (`schemaN.sqlite3`, written by
`make_schemaN.py`), and the current code opens each and finds every record in it.

A new migration step (store/migrations.py) makes these tests ask for the fixture of the schema
it leaves behind: copy the last `make_schemaN.py`, fill what the new step added, run it and
commit both files.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from followup_desktop import cli
from followup_desktop.paths import DataPaths
from followup_desktop.store import Store, migrations

FIXTURES = Path(__file__).resolve().parent / "fixtures"
VERSIONS = list(range(1, migrations.LATEST + 1))


def maker(version: int):
    path = FIXTURES / f"make_schema{version}.py"
    if not path.exists():
        pytest.fail(f"schema {version} has no fixture: write {path.relative_to(FIXTURES.parent.parent)} "
                    f"(see the last make_schemaN.py) and commit the database it builds")
    spec = importlib.util.spec_from_file_location(f"make_schema{version}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def user_version(path: Path) -> int:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return con.execute("PRAGMA user_version").fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize("version", VERSIONS)
def test_every_schema_version_has_a_committed_database_built_by_its_maker(version, tmp_path, dump):
    module = maker(version)
    committed = FIXTURES / f"schema{version}.sqlite3"

    assert module.VERSION == version
    assert committed.is_file(), f"run tests/fixtures/make_schema{version}.py and commit {committed.name}"
    assert user_version(committed) == version
    assert dump(module.build(tmp_path / "fresh.sqlite3")) == dump(committed)


@pytest.mark.parametrize("version", VERSIONS)
def test_opening_a_database_of_each_schema_finds_every_record_in_it(version, data_dir, tmp_path, capsys):
    module = maker(version)
    data_dir.mkdir(parents=True)
    database = DataPaths(data_dir).database
    shutil.copyfile(FIXTURES / f"schema{version}.sqlite3", database)
    expected = module.expected_export()

    with Store(data_dir) as store:
        listed = {a.key for a in store.applications(include_archived=True)}
    assert user_version(database) == migrations.LATEST
    assert listed == {a["key"] for a in expected["applications"]}

    out = tmp_path / "export.json"
    assert cli.main(["--data-dir", str(data_dir), "export", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    for section, want in expected.items():
        got = doc.get(section)
        if isinstance(want, dict):
            assert got is not None and want.items() <= got.items(), (section, want, got)
            continue
        assert got is not None and len(got) == len(want), (section, len(want), got)
        for record in want:
            assert any(record.items() <= exported.items() for exported in got), (section, record)

    # and the upgraded data works: what is due, and an export that imports again
    capsys.readouterr()
    assert cli.main(["--data-dir", str(data_dir), "due", "--json", "--at", "2026-03-10T16:00"]) == 0
    due = json.loads(capsys.readouterr().out)
    assert {d["application"] for d in due} <= listed
    assert cli.main(["--data-dir", str(tmp_path / "elsewhere"), "import", str(out)]) == 0
    assert f"{len(expected['applications'])} applications, {len(expected['events'])} events" in \
        capsys.readouterr().out


def test_the_newest_fixture_is_at_the_schema_this_code_writes(tmp_path):
    """A fresh data dir and the newest fixture agree on the version: the list above is complete."""
    with Store(tmp_path / "fresh"):
        pass
    assert user_version(DataPaths(tmp_path / "fresh").database) == migrations.LATEST
    newest = max(int(p.stem.removeprefix("schema")) for p in FIXTURES.glob("schema*.sqlite3"))
    assert newest == migrations.LATEST
