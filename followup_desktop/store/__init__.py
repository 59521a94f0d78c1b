"""The store: one SQLite file in the data dir, reached through peewee models.

`Store(data_dir)` opens (creating and migrating as needed) and builds its own set of models,
bound to its own file only (`store.models`: two stores in one process never cross). Reads for the
engine go through `snapshot` (plain SQL); writes go through the models inside transactions.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from ..paths import DataPaths
from ..settings import Settings, validate
from .connection import (
    DatabaseCorrupt,
    DatabaseTooNew,
    MigrationFailed,
    StoreError,
    is_read_only,
    open_database,
    read_only_uri,
)

__all__ = ["Store", "StoreError", "DatabaseCorrupt", "DatabaseTooNew", "MigrationFailed"]


class Store:
    def __init__(self, data_dir: Path | str | DataPaths, *, checked: bool = False):
        """`checked`: this process has just opened the file with `open_database` (checked,
        migrated), so it is not checked again."""
        from . import models

        self.paths = data_dir if isinstance(data_dir, DataPaths) else DataPaths(Path(data_dir))
        self.paths.ensure()
        if not checked:
            open_database(self.paths.database, backups=self.paths.backups).close()
        #: the user made the file read-only: it is read, never written (nor chmod-ed)
        self.read_only = is_read_only(self.paths.database)
        name = read_only_uri(self.paths.database) if self.read_only else str(self.paths.database)
        self.db = models.StoreDatabase(name, uri=self.read_only, timeout=5, check_same_thread=False)
        #: this store's model classes (`.Application`, `.Event`, ...), bound to `db` alone
        self.models = models.bind(self.db)
        self.db.connect()

    # -- lifetime
    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def connection(self):
        """The raw sqlite3 connection of this thread (for `snapshot` reads)."""
        return self.db.connection()

    def atomic(self):
        return self.db.atomic()

    # -- reads for the engine
    def settings(self) -> Settings:
        from .reads import load_settings

        return load_settings(self.connection)

    def applications(self, **kw):
        from .snapshot import load_applications

        return load_applications(self.connection, **kw)

    def action_states(self):
        from .snapshot import load_action_states

        return load_action_states(self.connection)

    # -- writes
    def save_settings(self, changes: dict) -> Settings:
        """Validate every change first, then store them in one transaction. Values equal to the
        default are removed, so a later change of default reaches the user."""
        Setting = self.models.Setting
        merged = Settings({**self.settings().overrides(), **{n: validate(n, v) for n, v in changes.items()}})
        with self.atomic():
            Setting.delete().execute()
            rows = [{"name": n, "value": json.dumps(v)} for n, v in merged.overrides().items()]
            if rows:
                Setting.insert_many(rows).execute()
        return merged

    def log_event(self, application_key: str, event: dict) -> int:
        """Log one event on an application's timeline, with the people involved, and move the
        application's stage to what its timeline now earns, all in one transaction. `event` has
        the exchange file's fields (dates may be given as date/datetime). Returns the new event's id; raises
        ExchangeError naming the field when the event is not valid, and then stores nothing."""
        from datetime import date as _date

        from ..exchange.validate import ExchangeError, check_event
        from .records import heal_stage, link_people, restage

        Application, Contact, Event = self.models.Application, self.models.Contact, self.models.Event

        raw = {k: (v.isoformat() if isinstance(v, _date) else v) for k, v in event.items()}
        raw["application"] = application_key
        with self.atomic():
            app = Application.get_or_none(Application.key == application_key)
            if app is None:
                raise ExchangeError(f'event: field "application": no application with key "{application_key}"')
            employer = app.employer.key
            people = {c.key: employer for c in Contact.select(Contact.key).where(Contact.employer == app.employer)}
            others = {c.key: c.employer.key for c in Contact.select().where(Contact.key.in_(raw.get("contacts") or []))}
            rec = check_event(raw, employer, {**others, **people})
            heal_stage(self, app)
            rec["subject"] = rec["subject"] or None  # no subject is NULL, as on import
            who, points = rec.pop("contacts"), rec.pop("key_points")
            rec.pop("application")
            event_id = Event.insert(application=app, **rec).execute()
            link_people(self, event_id, who, points)
            restage(self, app)  # the stage follows the timeline (playbook.stages)
        return event_id

    def set_action_state(self, action_id: str, application_key: str, **fields: datetime | None) -> None:
        """Record done / dismissed / snoozed / notified for one action (upsert)."""
        from ..records import STATE_FIELDS

        ActionStateRow, Application = self.models.ActionStateRow, self.models.Application
        allowed = set(STATE_FIELDS)
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"unknown action state field(s): {', '.join(sorted(unknown))}")
        with self.atomic():
            app = Application.get(Application.key == application_key)
            row = ActionStateRow.get_or_none(ActionStateRow.action_id == action_id)
            if row is None:
                ActionStateRow.create(action_id=action_id, application=app, **fields)
            else:
                for name, value in fields.items():
                    setattr(row, name, value)
                row.save()
