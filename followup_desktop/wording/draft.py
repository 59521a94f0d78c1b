"""The draft of one follow-up message, without Qt: what the compose window shows and edits.

A `DraftModel` holds, for one application (and the step it answers, when there is one): the
situation and channel being written, one text per (situation, channel) that the user's edits
survive in, the values typed for what the app did not know, the facts the wording was filled
from (`Context`), the checks, the gaps still in the text, and the event to log on *Mark as sent*
or *Log call*. Drafts the user chose to keep on closing (or that were open when the app quit)
are kept per owner (the workspace) and step (`kept_drafts`), in the owner's data dir
(`drafts.json`), so they come back after a restart too. The window (`ui/compose.py`) only shows this
model and forwards the user's edits to it; every write goes through the workspace.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable
from datetime import datetime

from ..vocab import CallOutcome
from .catalogue import Catalogue, load_catalogue
from .checks import Check, run_checks
from .context import Context, Recipient, build_context
from .mailto import build_mailto
from .render import render
from .situations import SITUATIONS, compose_channel, marker, situation_for_action

PHONE, EMAIL, NOTE = "phone", "email", "note"
#: a gap the text still holds: "[key point you discussed?]" (as the wording's checks find them)
GAP_RE = re.compile(r"\[[^\[\]\n]{1,80}\?\]")
#: Fill-in values that belong to the user's profile -> the setting they are saved to
PROFILE_FIELDS = {"my_name": "profile_name", "my_email": "profile_email", "my_phone": "profile_phone"}

#: drafts the user chose to keep on closing, per owner (the workspace), per step: they come
#: back when the same step is written again
_KEPT: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
#: the most a drafts file is read: far more than anyone keeps unsent
DRAFTS_FILE_MAX = 8 * 1024 * 1024


def kept_drafts(owner) -> dict:
    """The kept drafts of `owner` (step key -> what was kept). An owner with a data dir
    (`owner.paths`, a DataPaths) keeps them in its `drafts.json`, read on first use and written
    at every change; any other owner keeps them in memory, gone with it."""
    kept = _KEPT.get(owner)
    if kept is None:
        paths = getattr(owner, "paths", None)
        kept = KeptDrafts(paths.drafts) if paths is not None else {}
        _KEPT[owner] = kept
    return kept


class KeptDrafts(dict):
    """Step key -> kept draft, saved to `path` (0600, whole or not at all) at every change.

    A file that cannot be read (cut short, edited by hand, too big) is left where it is under a
    `.unreadable` name and logged; the drafts start empty rather than stop the window."""

    def __init__(self, path):
        super().__init__()
        from pathlib import Path

        self.path = Path(path)
        self._load()

    def _load(self) -> None:
        import json

        try:
            if not self.path.is_file():
                return
            if self.path.stat().st_size > DRAFTS_FILE_MAX:
                raise ValueError(f"larger than {DRAFTS_FILE_MAX:,} bytes")
            doc = json.loads(self.path.read_text(encoding="utf-8"))
            for step, rec in doc.items():
                super().__setitem__(step, _kept_from_json(rec))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            import logging

            logging.getLogger(__name__).warning("the kept drafts in %s could not be read (%s); "
                                                "starting without them", self.path, exc)
            super().clear()
            try:
                self.path.replace(self.path.with_name(self.path.name + ".unreadable"))
            except OSError:
                pass

    def _save(self) -> None:
        import json

        from ..paths import write_private

        if not self and not self.path.exists():
            return
        write_private(self.path, json.dumps({k: _kept_to_json(v) for k, v in self.items()},
                                            ensure_ascii=False, indent=1))

    def __setitem__(self, key, value) -> None:
        super().__setitem__(key, value)
        self._save()

    def pop(self, key, *default):
        had = key in self
        value = super().pop(key, *default)
        if had:
            self._save()
        return value


def _kept_to_json(rec: dict) -> dict:
    return {
        "drafts": [{"situation": sit, "channel": ch, "template_id": d.template_id, "subject": d.subject,
                    "body": d.body, "rendered_subject": d.rendered_subject,
                    "rendered_body": d.rendered_body, "missing": list(d.missing)}
                   for (sit, ch), d in rec["drafts"].items()],
        "overrides": dict(rec["overrides"]), "situation": rec["situation"], "channel": rec["channel"],
        "contact_key": rec["contact_key"],
    }


def _kept_from_json(doc: dict) -> dict:
    drafts = {}
    for d in doc["drafts"]:
        draft = ChannelDraft(d["template_id"], d["subject"], str(d["body"]), d["missing"])
        draft.rendered_subject, draft.rendered_body = d["rendered_subject"], d["rendered_body"]
        drafts[(str(d["situation"]), str(d["channel"]))] = draft
    return {"drafts": drafts, "overrides": {str(k): str(v) for k, v in doc["overrides"].items()},
            "situation": doc["situation"], "channel": doc["channel"], "contact_key": doc["contact_key"]}


def gaps_in(text: str) -> list[str]:
    """The gaps ("[key point you discussed?]") a text still holds, each once, in order."""
    return list(dict.fromkeys(GAP_RE.findall(text or "")))


def clipboard_text(channel: str, subject: str | None, body: str) -> str:
    """What Copy puts on the clipboard: the body, ready to paste into a message (the subject
    has its own Copy subject button: a pasted "Subject:" line would be sent as text)."""
    return body


class ChannelDraft:
    """One channel's text as last shown, and whether the user changed it since it was rendered."""

    __slots__ = ("template_id", "subject", "body", "rendered_subject", "rendered_body", "missing")

    def __init__(self, template_id, subject, body, missing):
        self.template_id = template_id
        self.subject, self.body = subject, body
        self.rendered_subject, self.rendered_body = subject, body
        self.missing = list(missing)

    def copy(self) -> "ChannelDraft":
        d = ChannelDraft(self.template_id, self.subject, self.body, self.missing)
        d.rendered_subject, d.rendered_body = self.rendered_subject, self.rendered_body
        return d

    @property
    def edited(self) -> bool:
        return (self.subject or "") != (self.rendered_subject or "") or self.body != self.rendered_body


class DraftModel:
    """The message for one application: open it with an action (the usual way) or with an
    application key and optionally a situation and contact. `upcoming` is the application's
    next step, used when neither an action nor a situation is given; `kept` is the owner's
    kept drafts (`kept_drafts(workspace)`), `now` a callable giving the time of logging."""

    def __init__(self, store, application_key: str | None = None, *, action=None,
                 situation: str | None = None, contact_key: str | None = None, upcoming=None,
                 templates_dir=None, catalogue: Catalogue | None = None, kept: dict | None = None,
                 now: Callable[[], datetime]):
        self.store = store
        self.action = action
        self.application_key = application_key or (action.application if action is not None else None)
        if self.application_key is None:
            raise ValueError("a message needs an action or an application key")
        self.now = now
        if action is None and situation is None and upcoming is not None:
            # Opened on an application alone: start from its next step's message and person.
            situation = situation_for_action(upcoming.name, upcoming.template)
            contact_key = contact_key or upcoming.contact
        self.templates_dir = templates_dir
        self.catalogue = catalogue if catalogue is not None else load_catalogue(templates_dir)
        self._kept = kept if kept is not None else {}
        #: what is kept between sessions of writing the same step
        self.step_key = action.id if action is not None else f"application:{self.application_key}"
        restored = self._kept.get(self.step_key)
        if restored is not None and restored["contact_key"] != (contact_key or getattr(action, "contact", None)):
            contact_key = restored["contact_key"]
        self.context: Context = self._context_for(contact_key)
        self.contact_key = self.context.contact_key
        if situation is None:
            situation = self.context.situation
            if situation is None and action is not None:
                situation = situation_for_action(action.name, action.template)
        self.situation = situation if situation in SITUATIONS else next(iter(SITUATIONS))
        self.channel = self.opening_channel()
        #: (situation, channel) -> ChannelDraft: the user's edits survive switching tabs
        self.drafts: dict[tuple[str, str], ChannelDraft] = {}
        #: what the user typed into the missing-value fields: used in every later rendering
        self.overrides: dict[str, str] = {}
        #: Fill-in fields of the profile: save the typed value to the profile (default yes)
        self.save_profile: dict[str, bool] = {}
        #: the checks found last
        self.checks: list[Check] = []
        #: an event was logged (or the step marked done) from this draft
        self.logged = False
        #: an unsent draft from earlier came back
        self.restored = restored is not None
        if restored is not None:
            self.drafts = {k: d.copy() for k, d in restored["drafts"].items()}
            self.overrides = dict(restored["overrides"])
            if restored["situation"] in SITUATIONS:
                self.situation, self.channel = restored["situation"], restored["channel"]

    def _context_for(self, contact_key: str | None) -> Context:
        return build_context(self.store, self.application_key, self.action, contact_key, now=self.now())

    # -- what is being written ----------------------------------------------------------------
    @property
    def on_action(self) -> bool:
        """The message being written is the one the step asks for (not another situation)."""
        return self.action is not None and self.situation == situation_for_action(self.action.name,
                                                                                  self.action.template)

    @property
    def reason(self) -> str:
        """Why now: the step's reason, while its own message is written."""
        return self.action.reason if self.on_action else ""

    def opening_channel(self) -> str:
        sit = SITUATIONS[self.situation]
        if self.on_action:
            if self.context.channel in sit.channels:
                return self.context.channel
            return compose_channel(self.action.channel, self.situation)
        return sit.channels[0]

    @property
    def channels(self) -> tuple:
        return tuple(SITUATIONS[self.situation].channels)

    def available_situations(self) -> list[str]:
        """The messages that make sense on this timeline (a thank-you needs an interview), and
        the one being written."""
        return [sid for sid, sit in SITUATIONS.items() if sid == self.situation or sit.available(self.context.flags)]

    @property
    def recipients(self) -> list[Recipient]:
        return self.context.recipients

    @property
    def recipient(self) -> Recipient | None:
        return self.context.recipient

    @property
    def recipient_email(self) -> str:
        r = self.context.recipient
        return r.email if r is not None else ""

    @property
    def logs(self) -> bool:
        """Sending this message puts an event on the timeline (a note to self does not)."""
        return SITUATIONS[self.situation].logs_as is not None

    def variants(self) -> list:
        return self.catalogue.templates(self.situation, self.channel)

    def start_variant(self):
        """The variant that fills best, to start from."""
        return self.catalogue.pick(self.situation, self.channel, self.context.sequence, self.context)

    # -- the text -----------------------------------------------------------------------------
    @property
    def current(self) -> ChannelDraft | None:
        return self.drafts.get((self.situation, self.channel))

    def render(self, template_id: str | None) -> ChannelDraft:
        """Render the current situation and channel afresh with this variant (the best one when
        it is unknown), replacing its text."""
        template = self.catalogue.get(template_id) if template_id else None
        if template is None:
            template = self.start_variant()
        if template is None:
            draft = ChannelDraft(None, "" if self.channel == EMAIL else None, "", [])
        else:
            out = render(template, self.context, self.overrides)
            subject = out.subject if self.channel == EMAIL else None
            if self.channel == EMAIL and subject is None:
                subject = ""
            draft = ChannelDraft(template.id, subject, out.body, out.missing)
        self.drafts[(self.situation, self.channel)] = draft
        return draft

    def shown(self, template_id: str | None) -> ChannelDraft:
        """The current text: as the user left it, or rendered with this variant."""
        return self.current or self.render(template_id)

    def edit(self, subject: str | None, body: str) -> None:
        """The user changed the text."""
        d = self.current
        if d is not None:
            d.subject = subject if self.channel == EMAIL else None
            d.body = body

    @property
    def subject(self) -> str | None:
        d = self.current
        return (d.subject or "") if d is not None and self.channel == EMAIL else None

    @property
    def body(self) -> str:
        d = self.current
        return d.body if d is not None else ""

    @property
    def edited(self) -> bool:
        return any(d.edited for d in self.drafts.values())

    def still_missing(self) -> list[str]:
        """The values the app did not know whose marker is still in the text."""
        d = self.current
        if d is None:
            return []
        text = (self.subject or "") + "\n" + self.body
        return [n for n in d.missing if marker(n) in text]

    def gaps_to_ask(self, text: str) -> list[str]:
        """The gaps to ask about before `text` leaves the window (a note to self is nobody else's)."""
        return gaps_in(text) if self.channel != NOTE else []

    def fill(self, name: str, value: str) -> str:
        """Use `value` for an unknown: in every later rendering and in every other draft's text.
        The current text is the caller's to change (the editor keeps its own undo); returns the
        value as it goes into a subject line (on one line)."""
        self.overrides[name] = value
        mark = marker(name)
        subject_value = " ".join(value.split())
        current = self.current
        for d in self.drafts.values():
            if d is current:
                continue
            d.body = d.body.replace(mark, value)
            d.rendered_body = d.rendered_body.replace(mark, value)
            if d.subject:
                d.subject = d.subject.replace(mark, subject_value)
                d.rendered_subject = (d.rendered_subject or "").replace(mark, subject_value)
        return subject_value

    def profile_setting(self, name: str) -> str | None:
        """The profile setting a typed value is to be saved to, or None (not a profile field,
        or the user unticked *Save to my profile*)."""
        if name in PROFILE_FIELDS and self.save_profile.get(name, True):
            return PROFILE_FIELDS[name]
        return None

    def profile_saved(self, name: str, value: str) -> None:
        """The profile now holds `value`: later renderings sign with it."""
        self.context.values[name] = value
        if name == "my_name":
            self.context.profile_name = value

    # -- the user's choices -------------------------------------------------------------------
    def pick_situation(self, situation: str) -> bool:
        if not situation or situation == self.situation or situation not in SITUATIONS:
            return False
        self.situation = situation
        self.channel = self.opening_channel()
        return True

    def settle_channel(self) -> None:
        """Keep the channel one the situation has."""
        if self.channel not in self.channels:
            self.channel = self.channels[0]

    def pick_channel(self, channel: str) -> bool:
        if not channel or channel == self.channel:
            return False
        self.channel = channel
        return True

    def pick_recipient(self, contact_key: str | None) -> bool:
        """Write to another person: the facts are read again (which may raise: the draft is then
        unchanged). Drafts the user already changed keep their text, with the name swapped;
        the others are rendered afresh."""
        if contact_key == self.contact_key:
            return False
        old = dict(self.context.values)
        self.context = self._context_for(contact_key)
        self.contact_key = self.context.contact_key
        new = self.context.values
        for key, d in list(self.drafts.items()):
            if not d.edited:
                del self.drafts[key]
                continue
            for name in ("contact_name", "contact_first_name"):
                if old.get(name) and new.get(name) and old[name] != new[name]:
                    d.body = d.body.replace(old[name], new[name])
                    if d.subject:
                        d.subject = d.subject.replace(old[name], new[name])
        return True

    def reload_templates(self) -> None:
        """The user saved or removed a template: offer it, without losing their edits."""
        self.catalogue = load_catalogue(self.templates_dir)
        for key, d in list(self.drafts.items()):
            if not d.edited:
                del self.drafts[key]

    # -- checks -------------------------------------------------------------------------------
    def run_checks(self, settings=None) -> list[Check]:
        self.checks = run_checks(self.subject, self.body, situation=self.situation, channel=self.channel,
                                 context=self.context, action=self.action, settings=settings)
        return self.checks

    def check_codes(self) -> list[str]:
        return [c.code for c in self.checks]

    # -- leaving the window -------------------------------------------------------------------
    def mailto_url(self) -> str:
        return build_mailto(self.recipient_email, self.subject or "", self.body)

    def sent_event(self, **extra) -> dict | None:
        """The event *Mark as sent* logs, or None when the message logs nothing (a note to self
        only marks the step done)."""
        sit = SITUATIONS[self.situation]
        if sit.logs_as is None:
            return None
        event = {"kind": str(sit.logs_as), "at": self.now()}
        channel = sit.event_channel(self.channel)
        if channel:
            event["channel"] = channel
        if self.contact_key:
            event["contacts"] = [self.contact_key]
        subject = self.subject
        if subject:
            event["subject"] = subject
        body = self.body.strip()
        if body:
            event["notes"] = body
        event.update(extra)
        return event

    def call_event(self, outcome: str | CallOutcome) -> dict | None:
        """The event *Log call* logs: a phone call with its outcome and no subject; its note
        keeps what was said, never a gap left unfilled."""
        event = self.sent_event(outcome=str(outcome))
        if event is None:
            return None
        event["channel"] = "phone"
        event.pop("subject", None)
        if "notes" in event:
            notes = GAP_RE.sub("…", event["notes"]).strip()
            if notes:
                event["notes"] = notes
            else:
                event.pop("notes")
        return event

    def keep(self) -> None:
        """Keep what the user changed for the next time this step is written."""
        self._kept[self.step_key] = {
            "drafts": {k: d.copy() for k, d in self.drafts.items() if d.edited},
            "overrides": dict(self.overrides), "situation": self.situation, "channel": self.channel,
            "contact_key": self.contact_key,
        }

    def forget_kept(self) -> None:
        self._kept.pop(self.step_key, None)


__all__ = ["DraftModel", "ChannelDraft", "KeptDrafts", "kept_drafts", "gaps_in", "clipboard_text", "GAP_RE",
           "PROFILE_FIELDS", "PHONE", "EMAIL", "NOTE"]
