"""Every declared field (followup_desktop.records) survives the whole trip: into the store by an
import, back out through the models, the fast readers and an export, and into a second store from
that export. The sample data is made from the declarations: a field added to a record gets a
value of its type on every record of that kind, so it is carried (and checked) without this file
changing; only a field with a rule between fields (like `reason`, on closed events only) needs
a place in the hand-made part below."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from followup_desktop import records as R
from followup_desktop.exchange.jsonfile import export_json, import_json
from followup_desktop.store import Store
from followup_desktop.store import reads, snapshot

EXCHANGED = (R.EMPLOYER, R.CONTACT, R.APPLICATION, R.EVENT, R.ACTION_STATE)


def _base() -> dict:
    """The hand-made part: the records, with the fields whose values depend on each other."""
    at = "2026-03-{:02d}T{:02d}:00:00".format
    return {
        "employers": [{"key": "acme"}, {"key": "globex"}],
        "contacts": [{"key": "susan", "employer": "acme", "role": "recruiter"},
                     {"key": "omar", "employer": "acme", "role": "hiring_manager"},
                     {"key": "li", "employer": "globex", "role": "other"}],
        "applications": [
            {"key": "acme-office", "employer": "acme", "stage": "closed", "outcome": "rejected"},
            {"key": "globex-clerk", "employer": "globex", "stage": "closed", "outcome": "withdrawn"},
        ],
        "events": [
            {"application": "acme-office", "kind": "applied", "at": at(2, 9), "channel": "portal"},
            {"application": "acme-office", "kind": "interview", "at": at(10, 14), "channel": "in_person",
             "duration_minutes": 45, "contacts": ["susan", "omar"],
             "key_points": {"susan": "Asked about the rota.\nAnd the budget."}, "decision_expected": "2026-03-17"},
            {"application": "acme-office", "kind": "thank_you", "at": at(10, 18), "channel": "email",
             "contacts": ["omar"]},
            {"application": "acme-office", "kind": "reply", "at": at(18, 10), "channel": "email",
             "outcome": "no_decision", "next_date": "2026-03-25"},
            {"application": "acme-office", "kind": "reply", "at": at(26, 11), "channel": "email",
             "outcome": "rejected", "encouraged": True},
            {"application": "globex-clerk", "kind": "status_check", "at": at(3, 9), "channel": "phone",
             "outcome": "left_message", "contacts": ["li"]},
            {"application": "globex-clerk", "kind": "closed", "at": at(20, 16), "reason": "withdrawn"},
        ],
        "action_states": [{"id": "acme-office:thank_you", "application": "acme-office"}],
    }


def sample(f: R.Field, n: int):
    """A valid, non-empty value of a declared field's type (the n-th record's)."""
    if f.type in (R.TEXT, R.KEY):
        value = f"{f.name} {n}" + ("\nsecond line" if not f.single_line else "")
        return value[: f.limit]
    if f.type == R.EMAIL:
        return f"person{n}@example.org"
    if f.type == R.CHOICE:
        return list(f.choices)[n % len(f.choices)].value
    if f.type == R.DATE:
        return date(2026, 4, 1 + n).isoformat()
    if f.type == R.DATETIME:
        return datetime(2026, 4, 1 + n, 8, 15).isoformat()
    if f.type == R.INTEGER:
        return max(f.lo or 0, 1) + n
    if f.type == R.BOOLEAN:
        return True
    raise AssertionError(f"no sample for {f.name}'s type {f.type!r}: add one to sample()")


def sample_document() -> dict:
    doc = {"format": "followup-desktop", "version": 1, **_base()}
    for record in EXCHANGED:
        items = doc[record.section]
        given = {name for item in items for name in item}
        for f in record.fields:
            if f.name in given:
                continue
            for n, item in enumerate(items):  # a field the hand-made part does not mention
                item[f.name] = sample(f, n)
    doc["settings"] = {"decision_grace_business_days": 5}
    return doc


def test_the_sample_gives_every_declared_field_a_value():
    doc = sample_document()
    for record in EXCHANGED:
        for f in record.fields:
            assert any(item.get(f.name) not in (None, "", [], {}, False) for item in doc[record.section]), \
                f"{record.name}.{f.name} has no value in the sample"


@pytest.fixture
def imported(tmp_path):
    doc = sample_document()
    path = tmp_path / "sample.json"
    path.write_text(json.dumps(doc))
    store = Store(tmp_path / "one")
    import_json(store, path, now=datetime(2026, 5, 1, 12, 0))
    yield store, doc
    store.close()


def _python(f: R.Field, value):
    if value is None:
        return None
    return {R.DATE: date.fromisoformat, R.DATETIME: datetime.fromisoformat}.get(f.type, lambda v: v)(value)


def test_every_declared_field_comes_back_out_of_an_export_as_it_went_in(imported, tmp_path):
    store, doc = imported
    counts = export_json(store, tmp_path / "out.json")
    out = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert counts == {r.section: len(doc[r.section]) for r in EXCHANGED if r.section in doc}
    for record in EXCHANGED:
        assert out[record.section] == doc[record.section], record.name
    assert out["settings"] == doc["settings"]
    # and a second store, fed the export, exports the same file
    with Store(tmp_path / "two") as second:
        import_json(second, tmp_path / "out.json")
        export_json(second, tmp_path / "again.json")
    assert (tmp_path / "again.json").read_text() == (tmp_path / "out.json").read_text()


def test_every_stored_field_reads_back_through_the_models(imported):
    store, doc = imported
    M = store.models
    keys = {"employer": {e.id: e.key for e in M.Employer.select()},
            "application": {a.id: a.key for a in M.Application.select()}}
    for record in EXCHANGED:
        model = getattr(M, record.model)
        rows = list(model.select().order_by(*model._meta.sorted_fields[:1]))
        assert len(rows) == len(doc[record.section])
        by_key = {}
        for row in rows:
            got = {}
            for f in record.stored:
                value = getattr(row, f.sql if f.type == R.REF else f.attr)
                got[f.name] = keys[f.refers][value] if f.type == R.REF else value
            by_key[(got.get("key") or got.get("id"), got.get("at"))] = got
        for item in doc[record.section]:
            want = {f.name: _python(f, item.get(f.name, f.default)) for f in record.stored}
            key = (want.get("key") or want.get("id"), want.get("at"))
            assert by_key[key] == want, record.name


def test_every_stored_field_reads_back_through_the_fast_readers(imported):
    store, doc = imported
    con = store.connection
    # table_rows: every column of every record
    for record in EXCHANGED:
        rows = list(reads.table_rows(con, record))
        assert len(rows) == len(doc[record.section])
        assert set(rows[0]._fields) >= {f.sql for f in record.stored}
    # the timeline: every field of every event, people included
    timeline = reads.employer_timeline(con, "acme") + reads.employer_timeline(con, "globex")
    events = sorted(doc["events"], key=lambda e: (e["application"], e["at"]))
    got = sorted(timeline, key=lambda e: (e["application"], e["at"]))
    assert len(got) == len(events)
    for item, row in zip(events, got):
        for f in R.EVENT.fields:
            want = _python(f, item.get(f.name))
            if want is None:
                want = [] if f.type == R.KEYS else {} if f.type == R.POINTS else f.default
            assert row[f.name] == want, f"event.{f.name}"
    # the contacts a dialog lists
    people = reads.contacts(con, "acme") + reads.contacts(con, "globex")
    for item, row in zip(doc["contacts"], people):
        for f in R.CONTACT.stored:
            if f.type != R.REF:
                assert row[f.name] == item[f.name], f"contact.{f.name}"
    # the engine's snapshot: the fields its records carry
    apps = {a.key: a for a in snapshot.load_applications(con, include_archived=True)}
    for item in doc["applications"]:
        app = apps[item["key"]]
        for f in R.APPLICATION.stored:
            if hasattr(app, f.name) and f.type != R.REF:
                assert getattr(app, f.name) == _python(f, item[f.name]), f"application.{f.name}"
    for item, ev in zip(events, [e for k in sorted(apps) for e in apps[k].events]):
        for f in R.EVENT.fields:
            if not hasattr(ev, f.name) or f.type == R.REF:
                continue
            want = _python(f, item.get(f.name))
            if f.type == R.KEYS:
                want = tuple(want or ())
            elif f.type == R.POINTS:
                want = want or None
            elif want is None:
                want = f.default
            assert getattr(ev, f.name) == want, f"event.{f.name}"
    states = snapshot.load_action_states(con)
    for item in doc["action_states"]:
        for name in R.STATE_FIELDS:
            assert getattr(states[item["id"]], name) == _python(R.ACTION_STATE[name], item[name])


def test_a_dialog_and_an_import_refuse_the_same_length(imported):
    """The limits a dialog's boxes allow are the declared ones, which an import enforces."""
    from followup_desktop.exchange.validate import EMPLOYER_FIELDS, ExchangeError

    too_long = "x" * (R.limit("employer", "name") + 1)
    EMPLOYER_FIELDS["name"]("x" * R.limit("employer", "name"), "name")
    with pytest.raises(ExchangeError, match="the limit is 200"):
        EMPLOYER_FIELDS["name"](too_long, "name")


def _sql_default(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return str(int(value))
    return repr(value) if isinstance(value, str) else str(value)


def test_the_declarations_and_the_migrated_schema_describe_the_same_columns(tmp_path):
    """A declared field with no migration step (or a column the steps add that no declaration
    names) fails here, naming the column."""
    import sqlite3

    with Store(tmp_path / "data") as store:
        path = store.paths.database
    con = sqlite3.connect(path)
    try:
        for record in R.RECORDS:
            info = {row[1]: row for row in con.execute(f"PRAGMA table_info({record.table})")}
            declared = {f.sql: f for f in record.stored}
            expected = set(declared) | ({"id"} if record.row_id else set())
            assert set(info) == expected, f"{record.table}: columns {set(info) ^ expected} disagree"
            for column, f in declared.items():
                _, _, sql_type, notnull, default, pk = info[column]
                where = f"{record.table}.{column}"
                want_type = "INTEGER" if f.type in (R.INTEGER, R.BOOLEAN, R.REF) else "TEXT"
                assert sql_type == want_type, where
                if not pk:
                    assert bool(notnull) == (not f.null), where
                    assert default == _sql_default(f.default), where
    finally:
        con.close()
