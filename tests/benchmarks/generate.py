"""A realistic, deterministic data set for the speed benchmarks, as an exchange file.

Two years of one person's job search ending near `now`: by default 5,000 applications at 1,250
employers, about 50,000 events, with each employer's contacts (recruiters, HR, hiring managers,
interviewers). Every application is simulated from its first lead to wherever it stands at `now`:

* many go quiet: follow-ups (status checks, follow-ups by phone or email) go unanswered and the
  application is closed as `no_response`; a few of those answer later and come back;
* many are turned down (`rejected`, sometimes with encouragement, then check-ins), some withdrawn
  (with a withdrawal note), a few end in an offer (`hired` or `declined`);
* some get interviews, one or more rounds, each with its interviewers, often a decision date and
  key points, a debrief note, one thank-you per interviewer (sometimes late), "no decision yet"
  replies with a new date, and so on;
* the recent ones are still open in every stage, including interviews scheduled after `now`.

Nothing but `random.Random(seed)`: the same arguments always give the same file, byte for byte.
Every record is valid under CONTRACT.md (version 1), so `followup-desktop import FILE` takes it.

As a module:  generate(path, applications=5000, seed=DEFAULT_SEED, now=DEFAULT_NOW) -> summary
As a script:  python tests/benchmarks/generate.py OUT.json [--applications N] [--seed S] [--now WHEN]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

DEFAULT_SEED = 20260316
#: A Monday morning. Fixed, so that the file does not depend on the day it is made.
DEFAULT_NOW = datetime(2026, 11, 16, 10, 30)
SPAN_DAYS = 730
APPS_PER_EMPLOYER = 4

_FIRST = (
    "Aisha Alex Amara Andrea Ben Bianca Carlos Chen Chloe Daniel Deepa Diego Elena Emeka Emma "
    "Farah Felix Fatima Grace Hannah Hiro Ian Ingrid Isaac Jamal Jana Javier Jin Julia Kai Karen "
    "Kwame Laura Leila Liam Lucia Maya Marcus Maria Mei Mohammed Nadia Naomi Nikolai Noah Olga "
    "Omar Priya Quinn Rahul Rosa Ryan Sakura Samuel Sara Sean Sofia Susan Tariq Tom Uma Victor "
    "Wei Yara Yusuf Zoe"
).split()
_LAST = (
    "Adams Ahmed Alvarez Anderson Baker Brown Chen Clark Costa Davis Diaz Dubois Evans Fischer "
    "Garcia Gupta Hall Hansen Ito Jackson Johnson Kim Kowalski Lee Lopez Martin Mehta Miller "
    "Moore Murphy Nakamura Nguyen Novak Okafor Olsen Patel Perez Rossi Santos Schmidt Silva "
    "Singh Smith Suzuki Taylor Thomas Walker Wang Williams Wilson Wright Young Zhang"
).split()
_BRAND = (
    "Acme Apex Arbor Atlas Beacon Blue Bright Cedar Cobalt Copper Crest Delta Ember Evergreen "
    "Falcon Fjord Granite Harbor Helix Horizon Iron Juniper Keystone Lumen Maple Meridian Nimbus "
    "North Oak Orbit Pine Polar Prairie Quartz Redwood Ridge River Sable Silver Solstice Summit "
    "Tandem Terra Tidal Union Vector Vista Willow Zenith"
).split()
_TRADE = (
    "Analytics Bank Biotech Builders Clinic Consulting Design Dynamics Energy Foods Freight "
    "Games Health Insurance Labs Learning Logistics Media Motors Networks Pharma Robotics "
    "Retail Software Systems Telecom Travel Ventures Works"
).split()
_FORM = ("Inc.", "LLC", "Group", "Co.", "Ltd", "", "", "")
_TITLES = (
    "Office Manager", "Data Analyst", "Software Engineer", "Backend Developer", "Product Manager",
    "Project Coordinator", "Marketing Specialist", "Account Executive", "Customer Success Manager",
    "Operations Analyst", "UX Designer", "QA Engineer", "DevOps Engineer", "Financial Analyst",
    "HR Generalist", "Technical Writer", "Business Analyst", "Sales Representative",
    "Content Strategist", "Supply Chain Planner", "Executive Assistant", "Data Engineer",
    "Support Engineer", "Program Manager", "Research Associate", "Graphic Designer",
    "Administrative Coordinator", "Payroll Specialist", "Frontend Developer", "IT Administrator",
)
_LEVELS = ("", "", "", "Senior ", "Junior ", "Lead ", "Associate ")
_KEY_POINTS = (
    "Asked how I would handle conflicting priorities; liked the example from my last project.",
    "Wants someone who can own the reporting pipeline from day one.",
    "Team is growing from 4 to 7 this year; onboarding is a concern.",
    "We talked about the migration to the new platform; offered to send my notes.",
    "Cares a lot about written communication; mentioned their weekly memo.",
    "Asked about my availability and notice period.",
    "Interested in my volunteer work; we share a background in logistics.",
    "Concerned I have not used their stack; I explained the overlap.",
)
_NOTES = (
    "Researched the team and recent news.",
    "Salary range on the posting seems low; ask later.",
    "Former colleague works there; ask for an introduction.",
    "Updated the résumé for this one.",
)

HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


class _Stop(Exception):
    """The simulation reached `now`."""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _iso(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%S")


class _Simulation:
    """One application's life, from its first event until `now`."""

    def __init__(self, rng: random.Random, app: dict, contacts: list[dict], start: datetime,
                 now: datetime):
        self.rng = rng
        self.app = app
        self.key = app["key"]
        self.contacts = contacts
        self.by_role: dict[str, list[dict]] = {}
        for c in contacts:
            self.by_role.setdefault(c["role"], []).append(c)
        self.start = start
        self.now = now
        self.events: list[tuple[datetime, int, dict]] = []
        self.stage = "lead"
        self.outcome: str | None = None

    # -- helpers ------------------------------------------------------------------------------

    def run(self) -> None:
        try:
            self._life()
        except _Stop:
            pass
        self.events.sort(key=lambda e: (e[0], e[1]))
        self.app["stage"] = self.stage
        self.app["outcome"] = self.outcome if self.stage == "closed" else None
        self.app["created"] = _iso(self.events[0][0]) if self.events else _iso(self.start)

    def add(self, kind: str, at: datetime, *, future_ok: bool = False, **fields) -> dict:
        if at > self.now and not future_ok:
            raise _Stop
        rec = {"application": self.key, "kind": kind, "at": _iso(at)}
        rec.update({k: v for k, v in fields.items() if v is not None})
        self.events.append((at, len(self.events), rec))
        return rec

    def days(self, lo: float, hi: float) -> timedelta:
        return timedelta(minutes=self.rng.randint(int(lo * 1440), int(hi * 1440)))

    def work_time(self, dt: datetime, lo: int = 9 * 60, hi: int = 17 * 60 + 30) -> datetime:
        """A moment in office hours after `dt`: later that day or on a following business day."""
        d = dt.date()
        first = lo
        if d.weekday() < 5:
            first = max(lo, (dt.hour * 60 + dt.minute) // 5 * 5 + 5)
        if d.weekday() >= 5 or first >= hi:
            first = lo
            d += DAY
            while d.weekday() >= 5:
                d += DAY
        return datetime(d.year, d.month, d.day) + timedelta(minutes=self.rng.randrange(first, hi, 5))

    def user_time(self, dt: datetime) -> datetime:
        """A moment the user does something: mostly weekdays, daytime or evening."""
        d = dt.date()
        if d.weekday() >= 5 and self.rng.random() < 0.75:
            d += timedelta(days=7 - d.weekday())
        r = self.rng.random()
        minute = self.rng.randrange(8 * 60, 18 * 60) if r < 0.7 else self.rng.randrange(18 * 60, 23 * 60)
        out = datetime(d.year, d.month, d.day) + timedelta(minutes=minute)
        if out > dt:
            return out
        later = dt + timedelta(minutes=self.rng.randint(5, 90))
        if later.date() == dt.date() and later.hour < 23:
            return later
        nxt = datetime(d.year, d.month, d.day) + DAY  # too late in the day: the next morning
        return nxt + timedelta(minutes=self.rng.randrange(8 * 60, 12 * 60))

    def pick(self, *roles: str) -> dict | None:
        for role in roles:
            people = self.by_role.get(role)
            if people:
                return self.rng.choice(people)
        return None

    def one(self, contact: dict | None) -> list[str] | None:
        return [contact["key"]] if contact else None

    def close(self, reason: str, at: datetime) -> None:
        self.add("closed", at, reason=reason)
        self.stage, self.outcome = "closed", reason

    # -- the life of an application ---------------------------------------------------------

    def _life(self) -> None:
        rng, app = self.rng, self.app
        t = self.start = self.user_time(self.start)
        source = app["source"]
        if rng.random() < (0.75 if source in ("referral", "recruiter", "cold_query") else 0.6):
            contact = self.pick("referral") if source == "referral" else None
            self.add("lead", t, contacts=self.one(contact) if rng.random() < 0.5 else None)
            if rng.random() < 0.12:  # never pursued: a stale lead, often dropped after a while
                if rng.random() < 0.5:
                    self.close("withdrawn", self.user_time(t + self.days(14, 60)))
                return
            t = self.user_time(t + self.days(0, 6))
            if source != "cold_query" and rng.random() < 0.65:  # an introduction first, as the app suggests for a lead
                to = self.pick("hr", "hiring_manager", "recruiter")
                self.add("query_sent", t, channel="email", contacts=self.one(to),
                         subject=f"Introduction: {app['position']}")
                t = self.user_time(t + self.days(1, 7))
        position = app["position"]
        if source == "cold_query":
            to = self.pick("hr", "hiring_manager", "recruiter")
            self.add("query_sent", t, channel="email", contacts=self.one(to),
                     subject=f"Interest in {position} roles")
        else:
            channel = rng.choices(("portal", "email", "in_person", "social"), (55, 35, 5, 5))[0]
            to = self.pick("recruiter", "hr") if channel == "email" and rng.random() < 0.5 else None
            subject = f"Application for {position}" if channel == "email" and rng.random() < 0.7 else None
            self.add("applied", t, channel=channel, contacts=self.one(to), subject=subject)
        self.stage = "applied"
        if rng.random() < 0.6:  # notes to self along the way
            at = t
            for _ in range(rng.randint(1, 4)):
                at = self.user_time(at + self.days(0, 5))
                self.add("note", at, notes=rng.choice(_NOTES))
        self._await(t, "applied", 0)

    def _answer_for(self, phase: str, rounds: int) -> str | None:
        """What the employer will do next, or None for silence."""
        if phase == "applied":
            weights = {"rejected": 28, "interview_invite": 32, "no_decision": 9, "other": 3, None: 28}
        elif phase == "no_decision":
            weights = {"rejected": 30, "interview_invite": 25 if rounds < 4 else 0, "offer": 8 + 4 * rounds,
                       "no_decision": 8, None: 25}
        else:  # after an interview
            weights = {"interview_invite": 45 if rounds < 4 else 0, "offer": 4 + 5 * rounds,
                       "rejected": 27, "no_decision": 20, "other": 8, None: 15}
        answers, w = zip(*weights.items())
        return self.rng.choices(answers, w)[0]

    def _await(self, t: datetime, phase: str, rounds: int, *, decision: date | None = None,
               contact: dict | None = None) -> None:
        """After the user's step (or an interview) at `t`: the employer's answer or its silence,
        and the user's follow-ups meanwhile."""
        rng = self.rng
        if rng.random() < 0.035:  # the user steps back
            self._withdraw(self.user_time(t + self.days(2, 15)))
            return
        answer = self._answer_for(phase, rounds)
        resp_at = None
        if answer is not None:
            if decision is not None and rng.random() < 0.6:
                resp_at = self.work_time(datetime.combine(decision, datetime.min.time()) + self.days(-2, 3))
                resp_at = max(resp_at, self.work_time(t + DAY))
            else:
                lo, hi = (5, 40) if answer == "rejected" else (2, 18)
                resp_at = self.work_time(t + self.days(lo, hi))

        # When the user would first follow up.
        if decision is not None:
            first = datetime.combine(decision, datetime.min.time()) + self.days(2, 5)
        elif phase == "applied":
            first = t + self.days(6, 12)
            closes = self.app.get("posting_closes")
            if closes and rng.random() < 0.7:
                first = max(first, datetime.fromisoformat(closes) + self.days(1, 4))
        else:
            first = t + self.days(6, 12)
        next_fu = self.user_time(first)
        who = contact or self.pick("recruiter", "hr", "hiring_manager")
        fus, first_fu, last_channel = 0, None, None
        persistent = rng.random() < 0.3  # some people try a third time
        while fus < (3 if persistent else 2):
            if resp_at is not None and resp_at <= next_fu:
                self._answer(answer, resp_at, phase, rounds)
                return
            if rng.random() > (0.92 if fus == 0 else 0.8):
                break  # the user lets it go
            kind = "status_check" if phase == "applied" and fus == 0 else "follow_up"
            if last_channel is None:
                channel = "phone" if rng.random() < 0.5 else "email"
            else:
                channel = ({"phone": "email", "email": "phone"}[last_channel]
                           if rng.random() < 0.65 else last_channel)
            next_fu, spoke = self._follow_up(kind, next_fu, channel, who)
            first_fu = first_fu or next_fu
            last_channel = channel
            fus += 1
            if spoke and rng.random() < 0.5:  # they answered on the phone: no decision yet
                answer, resp_at = "no_decision", next_fu + timedelta(minutes=rng.randint(5, 30))
            elif answer is None and rng.random() < 0.15:  # the follow-up shook an answer loose
                answer = self._answer_for(phase, rounds)
                if answer is not None:
                    resp_at = self.work_time(next_fu + self.days(1, 6))
            next_fu = self.user_time(next_fu + self.days(7, 11))

        close_at = None
        if fus >= 2 and rng.random() < 0.8:
            close_at = self.user_time(max(next_fu - self.days(0, 3), first_fu + self.days(21, 28)))
        elif fus < 2 and resp_at is None and rng.random() < 0.5:
            close_at = self.user_time(t + self.days(30, 90))
        if resp_at is not None and (close_at is None or resp_at < close_at):
            self._answer(answer, resp_at, phase, rounds)
            return
        if close_at is None:
            return  # left hanging: still open at `now`
        self.close("no_response", close_at)
        if rng.random() < 0.06:  # a ghost comes back
            late = self.work_time(close_at + self.days(10, 60))
            answer = "rejected" if rng.random() < 0.7 else "interview_invite"
            self._answer(answer, late, phase, rounds)

    def _follow_up(self, kind: str, at: datetime, channel: str, who: dict | None) -> tuple[datetime, bool]:
        """One follow-up: when it happened, and whether the user spoke to someone on the phone."""
        rng = self.rng
        if channel == "phone":
            at = self.work_time(at, 9 * 60 + 30, 16 * 60)
            outcome = rng.choices(("spoke", "left_message", "no_answer"), (35, 40, 25))[0]
            self.add(kind, at, channel="phone", outcome=outcome, contacts=self.one(who))
            if rng.random() < (0.6 if outcome == "no_answer" else 0.25 if outcome == "left_message" else 0):
                # and an email the same day
                self.add("follow_up", at + timedelta(minutes=rng.randint(20, 180)), channel="email",
                         contacts=self.one(who), subject=f"Following up: {self.app['position']}")
            return at, outcome == "spoke"
        subject = f"Following up: {self.app['position']}" if rng.random() < 0.6 else None
        self.add(kind, at, channel="email", contacts=self.one(who), subject=subject)
        return at, False

    def _withdraw(self, at: datetime) -> None:
        self.close("withdrawn", at)
        if self.rng.random() < 0.6:
            who = self.pick("recruiter", "hr", "hiring_manager")
            channel = "email" if self.rng.random() < 0.8 else "phone"
            note_at = self.user_time(at + self.days(0, 2))
            if channel == "phone":
                note_at = self.work_time(note_at, 9 * 60 + 30, 16 * 60)
            self.add("withdrawal_note", note_at, channel=channel, contacts=self.one(who),
                     outcome="spoke" if channel == "phone" else None)

    def _answer(self, answer: str, at: datetime, phase: str, rounds: int) -> None:
        rng = self.rng
        who = self.pick("recruiter", "hr", "hiring_manager") if answer != "offer" else \
            self.pick("hiring_manager", "recruiter", "hr")
        contacts = self.one(who) if rng.random() < 0.75 else None
        channel = "email" if rng.random() < 0.8 else "phone"
        if answer == "rejected":
            encouraged = rng.random() < (0.35 if rounds else 0.12)
            self.add("reply", at, outcome="rejected", channel=channel, contacts=contacts,
                     encouraged=True if encouraged else None)
            if rng.random() < 0.45:
                self.add("feedback_request", self.user_time(at + self.days(1, 5)), channel="email",
                         contacts=self.one(who))
            if rng.random() < 0.85:
                self.close("rejected", self.user_time(at + self.days(0, 3)))
            else:  # stage changed by hand, no closed event
                self.stage, self.outcome = "closed", "rejected"
            if encouraged:
                t = at
                while rng.random() < 0.65:
                    t = self.user_time(t + self.days(28, 50))
                    self.add("check_in", t, channel="email", contacts=self.one(who))
        elif answer == "interview_invite":
            self.add("reply", at, outcome="interview_invite", channel=channel, contacts=contacts)
            self.stage, self.outcome = "interviewing", None
            when = self.work_time(at + self.days(2, 12), 9 * 60, 16 * 60 + 30)
            if rng.random() < 0.4:  # preparing for it
                self.add("note", self.user_time(at + self.days(0, 1)), notes="Prep: " + rng.choice(_NOTES))
            self._interview(when, rounds + 1)
        elif answer == "no_decision":
            next_date = (at + self.days(5, 21)).date() if rng.random() < 0.5 else None
            self.add("reply", at, outcome="no_decision", channel=channel, contacts=contacts,
                     next_date=next_date.isoformat() if next_date else None)
            if rng.random() < 0.55:  # a short thank-you for the update
                self.add("thank_you", self.user_time(at + timedelta(hours=rng.randint(1, 30))),
                         channel="email", contacts=self.one(who))
            self._await(at, "no_decision", rounds, decision=next_date, contact=who)
        elif answer == "offer":
            self.add("reply", at, outcome="offer", channel=channel, contacts=contacts)
            self.stage, self.outcome = "offer", None
            r = rng.random()
            if r < 0.85:
                self.close("hired" if r < 0.45 else "declined", self.user_time(at + self.days(2, 10)))
        else:  # "other": they asked for something; the user sends it
            self.add("reply", at, outcome="other", channel="email", contacts=contacts)
            sent = self.user_time(at + self.days(0, 3))
            self.add("follow_up", sent, channel="email", contacts=self.one(who),
                     subject=f"Re: {self.app['position']} - documents you asked for")
            self._await(sent, phase, rounds)

    def _interview(self, at: datetime, rounds: int) -> None:
        rng = self.rng
        if rounds == 1 and rng.random() < 0.6:  # a screening call
            people = [c for c in (self.pick("recruiter", "hr", "hiring_manager"),) if c]
            minutes = rng.choice((20, 30, 30, 45))
            channel = "phone"
        else:
            pool = self.by_role.get("interviewer", []) + self.by_role.get("hiring_manager", [])
            pool = pool or self.contacts
            people = rng.sample(pool, min(len(pool), rng.choice((1, 2, 2, 3, 3))))
            minutes = rng.choice((45, 60, 60, 60, 90, 120, None))
            channel = "in_person" if rng.random() < 0.6 else None
        decision = (at + self.days(3, 14)).date() if rng.random() < 0.45 else None
        keys = [c["key"] for c in people]
        points = None
        if keys and rng.random() < 0.3:
            points = {k: rng.choice(_KEY_POINTS) for k in rng.sample(keys, rng.randint(1, len(keys)))}
        self.add("interview", at, future_ok=at <= self.now + timedelta(days=21), channel=channel,
                 duration_minutes=minutes, contacts=keys or None, key_points=points,
                 decision_expected=decision.isoformat() if decision else None)
        if at > self.now:
            raise _Stop  # scheduled, not yet held
        end = at + timedelta(minutes=minutes or 60)
        if rng.random() < 0.5:
            self.add("note", end + timedelta(minutes=rng.randint(20, 240)),
                     notes="Debrief: " + rng.choice(_KEY_POINTS))
        far = decision is not None and (decision - at.date()).days > 7
        if rng.random() < 0.1 and len(keys) > 1:  # one message to everyone
            self.add("thank_you", self.user_time(end + timedelta(minutes=rng.randint(30, 240))),
                     channel="email", contacts=keys)
        else:
            for k in keys:
                if rng.random() > 0.85:
                    continue
                late = rng.random() < 0.15  # after the 24 hours: a late thank-you
                delay = self.days(1.3, 4) if late else timedelta(minutes=rng.randint(30, 240))
                channel = "letter" if far and rng.random() < 0.2 else "email"
                self.add("thank_you", self.user_time(end + delay), channel=channel, contacts=[k])
        self._await(end, "interview", rounds, decision=decision)


def _employers(rng: random.Random, count: int) -> tuple[list[dict], list[dict]]:
    names = [f"{a} {b}" for a in _BRAND for b in _TRADE]
    rng.shuffle(names)
    employers, contacts = [], []
    used_keys: set[str] = set()
    for i in range(count):
        base = names[i % len(names)]
        if i >= len(names):
            base += f" {i // len(names) + 1}"
        key = _slug(base)
        domain = key.replace("-", "") + ".example"
        form = rng.choice(_FORM)
        employers.append({"key": key, "name": f"{base} {form}".strip(), "website": f"https://{domain}",
                          "notes": ""})
        roles = []
        if rng.random() < 0.9:
            roles.append("recruiter")
        if rng.random() < 0.4:
            roles.append("hr")
        r = rng.random()
        roles += ["hiring_manager"] * (1 if r < 0.6 else 2 if r < 0.75 else 0)
        roles += ["interviewer"] * rng.choice((0, 1, 1, 2, 2, 3))
        if rng.random() < 0.1:
            roles.append("referral")
        if not roles:
            roles.append("recruiter")
        for role in roles:
            first, last = rng.choice(_FIRST), rng.choice(_LAST)
            ckey = f"{key}-{_slug(first)}-{_slug(last)}"
            n = 2
            while ckey in used_keys:
                ckey = f"{key}-{_slug(first)}-{_slug(last)}-{n}"
                n += 1
            used_keys.add(ckey)
            contacts.append({
                "key": ckey, "employer": key, "name": f"{first} {last}", "role": role,
                "email": f"{first.lower()}.{last.lower()}@{domain}",
                "phone": f"+1 555 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            })
    return employers, contacts


def build(applications: int = 5000, seed: int = DEFAULT_SEED, now: datetime = DEFAULT_NOW,
          employers: int | None = None) -> dict:
    """The exchange document (a dict), without writing it."""
    rng = random.Random(seed)
    n_employers = employers or max(1, applications // APPS_PER_EMPLOYER)
    emps, contacts = _employers(rng, n_employers)
    by_employer: dict[str, list[dict]] = {}
    for c in contacts:
        by_employer.setdefault(c["employer"], []).append(c)

    # Every employer gets one application, the rest go mostly to the bigger ones (at most a few
    # dozen at one employer, as in a real search).
    order = list(range(n_employers))
    weights = [1 / (1 + rank / 40) for rank in range(n_employers)]
    rng.shuffle(order)
    targets = order[:min(applications, n_employers)]
    targets += rng.choices(order, weights, k=applications - len(targets))
    rng.shuffle(targets)

    apps, events = [], []
    used: set[str] = set()
    start_from = now - timedelta(days=SPAN_DAYS)
    for target in targets:
        emp = emps[target]
        position = rng.choice(_LEVELS) + rng.choice(_TITLES)
        key = f"{emp['key']}-{_slug(position)}"
        n = 2
        while key in used:
            key = f"{emp['key']}-{_slug(position)}-{n}"
            n += 1
        used.add(key)
        source = rng.choices(("posting", "careers_page", "referral", "recruiter", "cold_query", "other"),
                             (50, 15, 10, 10, 10, 5))[0]
        people = by_employer.get(emp["key"], [])
        referrers = [c for c in people if c["role"] == "referral"]
        referred_by = ""
        if source == "referral":
            referred_by = referrers[0]["name"] if referrers else f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        has_posting = source in ("posting", "careers_page")
        start = start_from + timedelta(minutes=rng.randrange(SPAN_DAYS * 1440 - 720))
        app = {
            "key": key, "employer": emp["key"], "position": position, "source": source,
            "referred_by": referred_by,
            "posting_url": f"{emp['website']}/jobs/{rng.randint(1000, 99999)}" if has_posting else "",
            "posting_closes": ((start + timedelta(days=rng.randint(5, 30))).date().isoformat()
                               if has_posting and rng.random() < 0.4 else None),
            "stage": "lead", "outcome": None,
        }
        sim = _Simulation(rng, app, people, start, now)
        sim.run()
        apps.append(app)
        events.extend(sim.events)

    # The order a person would have logged them in: by time, across applications.
    events.sort(key=lambda e: e[0])
    return {
        "format": "followup-desktop",
        "version": 1,
        "profile": {"name": "Jordan Lee", "email": "jordan@example.org", "phone": "+1 555 0100",
                    "employed": False},
        "employers": emps,
        "contacts": contacts,
        "applications": apps,
        "events": [rec for _, _, rec in events],
    }


def summarize(doc: dict) -> dict:
    stages = Counter(a["stage"] for a in doc["applications"])
    outcomes = Counter(a["outcome"] for a in doc["applications"] if a["outcome"])
    kinds = Counter(e["kind"] for e in doc["events"])
    return {
        "employers": len(doc["employers"]), "contacts": len(doc["contacts"]),
        "applications": len(doc["applications"]), "events": len(doc["events"]),
        "stages": dict(stages.most_common()), "outcomes": dict(outcomes.most_common()),
        "kinds": dict(kinds.most_common()),
        "first": min(e["at"] for e in doc["events"]), "last": max(e["at"] for e in doc["events"]),
    }


def generate(path, applications: int = 5000, seed: int = DEFAULT_SEED, now: datetime = DEFAULT_NOW,
             employers: int | None = None) -> dict:
    """Write the data set to `path` (an exchange file) and return a summary of what is in it."""
    doc = build(applications, seed, now, employers)
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    Path(path).write_text(text.replace('},{"application"', '},\n{"application"') + "\n", encoding="utf-8")
    return summarize(doc)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="the exchange file to write (.json)")
    parser.add_argument("--applications", type=int, default=5000)
    parser.add_argument("--employers", type=int, default=None,
                        help=f"default: applications / {APPS_PER_EMPLOYER}")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--now", default=DEFAULT_NOW.isoformat(),
                        help=f"the end of the simulated search (default {DEFAULT_NOW.isoformat()})")
    args = parser.parse_args(argv)
    summary = generate(args.out, args.applications, args.seed, datetime.fromisoformat(args.now),
                       args.employers)
    json.dump(summary, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
