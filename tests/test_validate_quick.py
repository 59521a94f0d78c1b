"""Each exchanged record's quick check (`exchange.validate.quick_check`, one function written out
from the record's declarations) agrees with the field checks on every value: whatever it calls
valid, the field checks make the very same record of; whatever it is not sure of goes through
the field checks, so a file is refused with the same message as ever, or taken just the same.

The values are a table per field type of the valid, the just-too-long, the nearly-a-date, the
wrong type and the unusual (allowed characters that are not printable, digits of other scripts),
drawn together at random for thousands of records of each kind, with the seed fixed."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from followup_desktop import records as R
from followup_desktop.exchange import validate as V
from followup_desktop.vocab import Role, Stage

CHECKS = {R.EMPLOYER: V.EMPLOYER_FIELDS, R.CONTACT: V.CONTACT_FIELDS, R.APPLICATION: V.APPLICATION_FIELDS,
          R.EVENT: V.EVENT_FIELDS, R.ACTION_STATE: V.ACTION_STATE_FIELDS}

ODD_TEXT = ["", " ", "  padded  ", "a\nb", "a\r\nb", "a\tb", "a\x00b", "tail\x1b", "\x7f", "\ud800 lone",
            "no\u00a0break", "line\u2028sep", "zero\u200bwidth", "caf\u00e9", "\U0001f600"]
ODD_VALUES = [None, True, False, 0, 1, -1, 5, 1440, 1441, 10**30, 1.5, [], {}, ["x"], {"x": "y"}]
DATES = ["2026-03-10", "2026-02-30", "9998-12-31", "9999-01-01", "2026-3-10", "20260310", "2026-W10-2",
         "0999-01-01", "\u0662\u0660\u0662\u0666-\u0660\u0663-\u0661\u0660", "2026-03-10T09:05"]
TIMES = ["2026-03-10T09:05", "2026-03-10T09:05:30", "2026-03-10T24:00", "2026-03-10 09:05",
         "2026-03-10T09:05:00.250", "2026-03-10T09:05:00.250000", "2026-03-10T09:05:00.000000",
         "2026-03-10T09:05:00+01:00", "2026-03-10T09:05Z", "2026-03-10T09", "2026-03-10T0905",
         "20260310T09:05", "2026-W10-2T09:05", "0999-01-01T00:00", "9999-01-01T00:00", "2026-03-10",
         "\u0662\u0660\u0662\u0666-\u0660\u0663-\u0661\u0660T09:05"]


def _texts(limit: int) -> list:
    return ["plain", "x" * limit, "x" * (limit + 1), *ODD_TEXT]


def candidates(f: R.Field) -> list:
    """Values to try in one field: right ones, wrong ones and unusual ones for its type."""
    t = f.type
    if t in (R.KEY, R.REF):
        values = ["acme", "acme-office", "susan", *_texts(R.KEY_MAX)]
    elif t == R.TEXT:
        values = _texts(f.limit)
    elif t == R.EMAIL:
        values = ["susan@acme.example", "a@b@c.example", "not an address", "x@y", "", f"{'x' * 320}@a.b",
                  "tab\t@acme.example"]
    elif t == R.CHOICE:
        values = [m.value for m in f.choices] + [next(iter(f.choices)), "CLOSED", "nope", ""]
    elif t == R.DATE:
        values = DATES
    elif t == R.DATETIME:
        values = TIMES
    elif t == R.INTEGER:
        values = [f.lo, f.limit, f.lo - 1, f.limit + 1, 45]
    elif t == R.BOOLEAN:
        values = [True, False]
    elif t == R.KEYS:
        values = [["susan"], ["susan", "omar"], ["susan", "susan"], ["x" * 201], ["susan", 7], [" "],
                  ["a\nb"], [[]]]
    elif t == R.POINTS:
        values = [{"susan": "Asked about\nthe rota."}, {"susan": None}, {"susan": 5}, {"": "x"},
                  {"susan": "x" * (R.NOTES_MAX + 1)}, {"susan": "bell\x07"}]
    else:
        raise AssertionError(f"no values for {t}")
    return values + ODD_VALUES


#: keys that pass `key()`, as `validate` gives the quick checks those of the file's records
KNOWN = {"employer": {"acme", "globex"}, "application": {"acme-office"}, "contact": {"susan", "omar"}}


def field_checks(raw, checks) -> tuple:
    """What the field checks alone make of a record: ("ok", record) or ("refused", message)."""
    try:
        return "ok", V._record(raw, dict(checks), "records[0]")  # a plain dict: no quick check
    except V.ExchangeError as exc:
        return "refused", str(exc)


def typed(rec: dict) -> list:
    """A record with each value's type, so that True and 1 (or "" and None) are told apart."""
    return [(name, type(value), value) for name, value in rec.items()]


def sample(record: R.Record, rng: random.Random) -> object:
    if rng.random() < 0.02:
        return rng.choice([None, [], "record", 5])
    fields = record.fields
    raw = {}
    for f in fields:
        if rng.random() < (0.02 if f.required else 0.2):
            continue  # absent
        values = candidates(f)
        # mostly a good value, so that many records are valid and most reach their later fields
        raw[f.name] = values[0] if rng.random() < 0.85 else rng.choice(values)
    if rng.random() < 0.05:
        raw["colour"] = "blue"
    return raw


@pytest.mark.parametrize("record", list(CHECKS), ids=lambda r: r.name)
def test_the_quick_check_of_a_record_agrees_with_its_field_checks(record):
    checks = CHECKS[record]
    rng = random.Random(f"quick {record.name}")
    quick_valid = 0
    for _ in range(4000):
        raw = sample(record, rng)
        verdict, result = field_checks(raw, checks)
        # the keys of the file's own records, checked already, are not checked again
        quick = checks.quick(raw, KNOWN if rng.random() < 0.5 else {})
        if quick is not None:
            quick_valid += 1
            assert verdict == "ok", f"the quick check took {raw!r}, which the field checks refuse: {result}"
            assert typed(quick) == typed(result), raw
        # and through `_record`, which every caller uses: the same record, or the same message
        try:
            got = "ok", V._record(raw, checks, "records[0]")
        except V.ExchangeError as exc:
            got = "refused", str(exc)
        assert got[0] == verdict and (typed(got[1]) == typed(result) if verdict == "ok" else got[1] == result)
    assert quick_valid > 400  # the draw reaches valid records, so the comparison above means something


def test_every_record_of_the_contract_example_is_taken_by_its_quick_check():
    # The quick check is the fast path of an import: records as a real file holds them take it.
    doc = json.loads((Path(__file__).parent / "fixtures" / "contract_example.json").read_text(encoding="utf-8"))
    sections = {"employers": V.EMPLOYER_FIELDS, "contacts": V.CONTACT_FIELDS,
                "applications": V.APPLICATION_FIELDS, "events": V.EVENT_FIELDS}
    for name, checks in sections.items():
        assert doc[name]
        for raw in doc[name]:
            quick = checks.quick(raw)
            assert quick is not None, raw
            assert typed(quick) == typed(field_checks(raw, checks)[1])


def test_a_choice_given_as_the_app_s_own_value_is_taken_as_given():
    # A spreadsheet's rows come with the vocabulary's own values (Stage.CLOSED, Role.RECRUITER);
    # the record keeps them as the field checks do.
    raw = {"key": "acme-office", "employer": "acme", "position": "Clerk", "stage": Stage.CLOSED,
           "outcome": "rejected"}
    quick = V.APPLICATION_FIELDS.quick(raw)
    assert quick is not None and quick["stage"] is Stage.CLOSED
    contact = V.CONTACT_FIELDS.quick({"key": "susan", "employer": "acme", "name": "Susan", "role": Role.RECRUITER})
    assert contact["role"] is Role.RECRUITER
