"""The schema's history: one step per version, in order. Never edit a released step; add one.

`PRAGMA user_version` holds the number of steps applied. `connection.migrate` runs each missing
step in its own transaction after a verified backup. The steps are plain SQL on purpose: they
must keep describing the schema as it was, whatever the peewee models say today.
"""

from __future__ import annotations

import sqlite3


def step_1_records(con: sqlite3.Connection) -> None:
    """Schema 1: employers, contacts, applications, events, the profile."""
    for sql in (
        """CREATE TABLE employer (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            website TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT ''
        )""",
        """CREATE TABLE contact (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            employer_id INTEGER NOT NULL REFERENCES employer(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            email TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX contact_employer ON contact(employer_id)",
        """CREATE TABLE application (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            employer_id INTEGER NOT NULL REFERENCES employer(id) ON DELETE CASCADE,
            position TEXT NOT NULL,
            source TEXT,
            referred_by TEXT NOT NULL DEFAULT '',
            posting_url TEXT NOT NULL DEFAULT '',
            posting_closes TEXT,
            stage TEXT NOT NULL,
            outcome TEXT
        )""",
        "CREATE INDEX application_employer ON application(employer_id)",
        """CREATE TABLE event (
            id INTEGER PRIMARY KEY,
            application_id INTEGER NOT NULL REFERENCES application(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            at TEXT NOT NULL,
            channel TEXT,
            outcome TEXT,
            reason TEXT,
            duration_minutes INTEGER,
            decision_expected TEXT,
            next_date TEXT,
            encouraged INTEGER NOT NULL DEFAULT 0,
            notes TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX event_application_at ON event(application_id, at)",
        """CREATE TABLE event_contact (
            event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
            contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
            position INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (event_id, contact_id)
        )""",
        "CREATE INDEX event_contact_contact ON event_contact(contact_id)",
        """CREATE TABLE profile (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            employed INTEGER NOT NULL DEFAULT 0
        )""",
    ):
        con.execute(sql)


def step_2_actions_and_settings(con: sqlite3.Connection) -> None:
    """Schema 2: the state of suggested actions, settings (the profile moves into them), an
    interviewer's key point, an email's subject, an application's creation time and archiving,
    an index by event kind."""
    for sql in (
        "ALTER TABLE event_contact ADD COLUMN key_point TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE event ADD COLUMN subject TEXT",
        "ALTER TABLE application ADD COLUMN created TEXT",
        "ALTER TABLE application ADD COLUMN archived INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE contact ADD COLUMN notes TEXT NOT NULL DEFAULT ''",
        "CREATE TABLE setting (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
        # The profile row becomes settings; only values that differ from the defaults are kept.
        """INSERT INTO setting (name, value)
           SELECT 'profile_name', json_quote(name) FROM profile WHERE name != ''
           UNION ALL SELECT 'profile_email', json_quote(email) FROM profile WHERE email != ''
           UNION ALL SELECT 'profile_phone', json_quote(phone) FROM profile WHERE phone != ''
           UNION ALL SELECT 'profile_employed', 'true' FROM profile WHERE employed != 0""",
        "DROP TABLE profile",
        """CREATE TABLE action_state (
            action_id TEXT PRIMARY KEY,
            application_id INTEGER NOT NULL REFERENCES application(id) ON DELETE CASCADE,
            done_at TEXT,
            dismissed_at TEXT,
            snoozed_until TEXT,
            notified_at TEXT,
            overdue_notified_at TEXT
        )""",
        "CREATE INDEX action_state_application ON action_state(application_id)",
        # Finds each application's last reply (and outbound or closed events) without a scan.
        "CREATE INDEX event_kind_application_at ON event(kind, application_id, at)",
    ):
        con.execute(sql)


def step_3_notes_and_mail(con: sqlite3.Connection) -> None:
    """Schema 3: an application's notes (spreadsheets bring them), the Message-ID of an event
    brought in from mail (each one at most once), and the mail tables: how far each folder of
    the configured account has been read, and the inbound messages waiting for review."""
    for sql in (
        "ALTER TABLE application ADD COLUMN notes TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE event ADD COLUMN message_id TEXT",
        "CREATE UNIQUE INDEX event_message_id ON event(message_id) WHERE message_id IS NOT NULL",
        """CREATE TABLE mail_folder (
            account TEXT NOT NULL,
            folder TEXT NOT NULL,
            uidvalidity INTEGER,
            last_uid INTEGER NOT NULL DEFAULT 0,
            checked_at TEXT,
            PRIMARY KEY (account, folder)
        )""",
        """CREATE TABLE review_item (
            id INTEGER PRIMARY KEY,
            message_id TEXT NOT NULL UNIQUE,
            folder TEXT NOT NULL DEFAULT '',
            received_at TEXT NOT NULL,
            sender_name TEXT NOT NULL DEFAULT '',
            sender_email TEXT NOT NULL DEFAULT '',
            subject TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            employer_id INTEGER NOT NULL REFERENCES employer(id) ON DELETE CASCADE,
            contact_id INTEGER REFERENCES contact(id) ON DELETE CASCADE,
            application_id INTEGER REFERENCES application(id) ON DELETE CASCADE,
            suggested_outcome TEXT,
            suggested_next_date TEXT,
            state TEXT NOT NULL DEFAULT 'pending',
            event_id INTEGER REFERENCES event(id) ON DELETE SET NULL,
            created TEXT,
            warning TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX review_item_state ON review_item(state, received_at)",
    ):
        con.execute(sql)


STEPS = (step_1_records, step_2_actions_and_settings, step_3_notes_and_mail)
LATEST = len(STEPS)
