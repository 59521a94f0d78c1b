"""The peewee models, built from the record registry (`followup_desktop.records`), one set per
open store.

`bind(database)` makes a fresh set of model classes bound to that database only: a `Store`
keeps its own set (`store.models`), so two stores open in one process never write through
each other's models. The tables themselves are made by `migrations`, never by peewee.

Times are stored as ISO 8601 text (`YYYY-MM-DDTHH:MM:SS`, local wall-clock time), dates as
`YYYY-MM-DD`, so the file reads the same from any SQLite tool and sorts correctly as text.
"""

from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace

from peewee import (
    BooleanField,
    CompositeKey,
    ForeignKeyField,
    IntegerField,
    Model,
    SqliteDatabase,
    TextField,
)

from .. import records as R
from .connection import pragma_list


class StoreDatabase(SqliteDatabase):
    """peewee's SQLite database with our pragmas (`connection.apply_pragmas`) on every
    connection it opens, through peewee's public `pragmas=`."""

    def __init__(self, database, **kwargs):
        kwargs.setdefault("pragmas", pragma_list())
        super().__init__(database, **kwargs)


class OptionalTextField(TextField):
    """A text that may be absent: an empty one is stored as NULL, so "no value" is one thing
    (and a unique column such as an event's Message-ID holds each value at most once)."""

    def db_value(self, value):
        return None if value == "" else super().db_value(value)


class IsoDateTimeField(TextField):
    def db_value(self, value):
        if value is None:
            return None
        if isinstance(value, datetime):
            return value.replace(microsecond=0).isoformat()
        return value

    def python_value(self, value):
        return datetime.fromisoformat(value) if value else None


class IsoDateField(TextField):
    def db_value(self, value):
        if value is None:
            return None
        if isinstance(value, date):
            return value.isoformat()
        return value

    def python_value(self, value):
        return date.fromisoformat(value) if value else None


def _field(f: R.Field, models: dict):
    """The peewee field for one declared field (None for a field that is not a column)."""
    kw: dict = {}
    if f.primary_key:
        kw["primary_key"] = True
    if f.type == R.REF:
        return ForeignKeyField(models[R.BY_NAME[f.refers].model], backref="+", on_delete="CASCADE",
                               column_name=f.sql, null=f.null)
    if f.type == R.KEY:
        return TextField(unique=True)
    if f.null:
        kw["null"] = True
    elif f.default is not None:
        kw["default"] = f.default
    if f.sql != f.attr:
        kw["column_name"] = f.sql
    if f.type == R.TEXT and f.null:
        return OptionalTextField(**kw)
    cls = {R.TEXT: TextField, R.EMAIL: TextField, R.CHOICE: TextField, R.DATE: IsoDateField,
           R.DATETIME: IsoDateTimeField, R.INTEGER: IntegerField, R.BOOLEAN: BooleanField}[f.type]
    return cls(**kw)


def bind(database) -> SimpleNamespace:
    """A fresh set of model classes bound to `database`: `.Employer`, `.Contact`,
    `.Application`, `.Event`, `.EventContact`, `.Setting`, `.ActionStateRow`, and `.MODELS`."""

    class BaseModel(Model):
        class Meta:
            legacy_table_names = False

    BaseModel._meta.database = database
    made: dict = {}
    for rec in R.RECORDS:
        attrs = {f.attr: _field(f, made) for f in rec.stored}
        meta = {"table_name": rec.table, "database": database}
        if rec.composite_key:
            meta["primary_key"] = CompositeKey(*rec.composite_key)
        attrs["Meta"] = type("Meta", (), meta)
        attrs["__module__"] = __name__
        made[rec.model] = type(rec.model, (BaseModel,), attrs)
    return SimpleNamespace(**made, MODELS=tuple(made[r.model] for r in R.RECORDS))
