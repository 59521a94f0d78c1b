"""The peewee models: the current shape of the tables that `migrations` builds.

Times are stored as ISO 8601 text (`YYYY-MM-DDTHH:MM:SS`, local wall-clock time), dates as
`YYYY-MM-DD`, so the file reads the same from any SQLite tool and sorts correctly as text.
"""

from __future__ import annotations

from datetime import date, datetime

from peewee import (
    BooleanField,
    CompositeKey,
    DatabaseProxy,
    ForeignKeyField,
    IntegerField,
    Model,
    SqliteDatabase,
    TextField,
)

from .connection import apply_pragmas

database = DatabaseProxy()


class StoreDatabase(SqliteDatabase):
    """peewee's SQLite database, with our pragmas on every connection it opens."""

    def _add_conn_hooks(self, conn):
        super()._add_conn_hooks(conn)
        apply_pragmas(conn)


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


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Employer(BaseModel):
    key = TextField(unique=True)
    name = TextField()
    website = TextField(default="")
    notes = TextField(default="")


class Contact(BaseModel):
    key = TextField(unique=True)
    employer = ForeignKeyField(Employer, backref="contacts", on_delete="CASCADE")
    name = TextField()
    role = TextField()
    email = TextField(default="")
    phone = TextField(default="")
    notes = TextField(default="")


class Application(BaseModel):
    key = TextField(unique=True)
    employer = ForeignKeyField(Employer, backref="applications", on_delete="CASCADE")
    position = TextField()
    source = TextField(null=True)
    referred_by = TextField(default="")
    posting_url = TextField(default="")
    posting_closes = IsoDateField(null=True)
    stage = TextField()
    outcome = TextField(null=True)
    created = IsoDateTimeField(null=True)
    archived = BooleanField(default=False)


class Event(BaseModel):
    application = ForeignKeyField(Application, backref="events", on_delete="CASCADE")
    kind = TextField()
    at = IsoDateTimeField()
    channel = TextField(null=True)
    outcome = TextField(null=True)
    reason = TextField(null=True)
    duration_minutes = IntegerField(null=True)
    decision_expected = IsoDateField(null=True)
    next_date = IsoDateField(null=True)
    encouraged = BooleanField(default=False)
    notes = TextField(default="")
    subject = TextField(null=True)


class EventContact(BaseModel):
    event = ForeignKeyField(Event, backref="people", on_delete="CASCADE")
    contact = ForeignKeyField(Contact, backref="event_links", on_delete="CASCADE")
    position = IntegerField(default=0)
    key_point = TextField(default="")

    class Meta:
        primary_key = CompositeKey("event", "contact")


class Setting(BaseModel):
    name = TextField(primary_key=True)
    value = TextField()  # JSON


class ActionStateRow(BaseModel):
    action_id = TextField(primary_key=True)
    application = ForeignKeyField(Application, backref="action_states", on_delete="CASCADE")
    done_at = IsoDateTimeField(null=True)
    dismissed_at = IsoDateTimeField(null=True)
    snoozed_until = IsoDateTimeField(null=True)
    notified_at = IsoDateTimeField(null=True)
    overdue_notified_at = IsoDateTimeField(null=True)

    class Meta:
        table_name = "action_state"


MODELS = (Employer, Contact, Application, Event, EventContact, Setting, ActionStateRow)
