"""Two data dirs open at once in one process: each store writes to its own file and reads only
its own records (each Store binds its own models; nothing is shared through the process)."""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime

from followup_desktop.store import Store
from followup_desktop.store import records

NOW = datetime(2026, 3, 2, 9, 0)


def _names(path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [n for (n,) in con.execute("SELECT name FROM employer ORDER BY name")]
    finally:
        con.close()


def test_a_write_to_each_of_two_open_stores_lands_in_its_own_file(tmp_path):
    first = Store(tmp_path / "first")
    second = Store(tmp_path / "second")  # opened after the first: the first must not follow it
    try:
        records.add_employer(first, "Acme Corp")
        records.add_employer(second, "Globex")
        key, _ = records.add_application(first, {"employer_key": "acme-corp", "position": "Clerk",
                                                 "stage": "applied"}, now=NOW)
        second.save_settings({"profile_name": "Sam Second"})

        assert _names(first.paths.database) == ["Acme Corp"]
        assert _names(second.paths.database) == ["Globex"]
        # and each reads back only its own records, through its models and its fast readers
        assert records.employers(first) == [("acme-corp", "Acme Corp")]
        assert records.employers(second) == [("globex", "Globex")]
        assert [a.key for a in first.applications()] == [key]
        assert second.applications() == []
        assert records.application_record(first, key)["employer_name"] == "Acme Corp"
        assert first.settings().profile_name == ""
        assert second.settings().profile_name == "Sam Second"
    finally:
        first.close()
        second.close()


def test_two_stores_written_from_two_threads_at_once_keep_their_own_records(tmp_path):
    stores = [Store(tmp_path / "a"), Store(tmp_path / "b")]
    errors = []

    def fill(store, name):
        try:
            for n in range(20):
                records.add_employer(store, f"{name} {n}")
        except Exception as exc:  # reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=fill, args=(s, name)) for s, name in zip(stores, ("Ada", "Bo"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert not errors
        assert all(n.startswith("Ada ") for n in _names(stores[0].paths.database))
        assert all(n.startswith("Bo ") for n in _names(stores[1].paths.database))
        assert len(_names(stores[0].paths.database)) == len(_names(stores[1].paths.database)) == 20
    finally:
        for s in stores:
            s.close()


def test_closing_one_store_leaves_the_other_working(tmp_path):
    first, second = Store(tmp_path / "first"), Store(tmp_path / "second")
    first.close()
    records.add_employer(second, "Initech")
    assert records.employers(second) == [("initech", "Initech")]
    second.close()
