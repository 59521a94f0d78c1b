"""Who a message is with: a contact by address, else an employer by domain.

`Matcher.from_store(store)` reads, once, the contacts' addresses, the employers' domains (from
their websites and from their contacts' addresses), the profile's email (the user's own) and the
Message-IDs already brought in. A free-mail domain (gmail.com, outlook.com, …) never matches by
domain: a person there is matched by their whole address only.

Matching is by what the message *says*: a From: header can be forged. The intake never acts
on an inbound message by itself (it waits in the review list for the user), and a message whose
receiving server found that the sender's domain did not vouch for it (Authentication-Results:
dmarc/spf/dkim=fail) says so in the review list; see `intake.py`.

Plain Python, no Qt.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from .message import clean_address

#: mail providers anyone can have an address at: never an employer's domain
FREE_MAIL = frozenset("""
gmail.com googlemail.com outlook.com hotmail.com hotmail.co.uk live.com msn.com yahoo.com
yahoo.co.uk yahoo.fr yahoo.de ymail.com rocketmail.com aol.com icloud.com me.com mac.com
protonmail.com proton.me pm.me gmx.com gmx.net gmx.de web.de mail.com zoho.com zohomail.com
yandex.com yandex.ru mail.ru fastmail.com fastmail.fm hey.com tutanota.com tuta.io posteo.de
mailbox.org laposte.net orange.fr free.fr t-online.de btinternet.com comcast.net verizon.net
att.net sbcglobal.net qq.com 163.com 126.com naver.com
""".split())


@dataclass(frozen=True)
class Person:
    """A contact as the matcher knows it."""
    key: str
    name: str
    role: str
    address: str
    employer_key: str
    employer_name: str


@dataclass(frozen=True)
class Match:
    """Who a message is with. `contact` is None when only the employer's domain matched."""
    employer_key: str
    employer_name: str
    contact: Person | None
    address: str


def domain_of(address: str) -> str:
    return address.rpartition("@")[2].lower() if "@" in address else ""


_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?(?://)?(?:[^@/?#]*@)?([^:/?#\s]+)", re.I)


def website_domain(url: str) -> str:
    """acme.example from "https://www.acme.example/jobs" (or a bare "acme.example")."""
    m = _HOST.match((url or "").strip())
    if not m:
        return ""
    host = m.group(1).lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    return host if "." in host and _HOSTNAME.fullmatch(host) else ""


_HOSTNAME = re.compile(r"[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?")


def is_free_mail(domain: str) -> bool:
    return domain in FREE_MAIL


class Matcher:
    def __init__(self, people: list[Person], domains: dict[str, tuple[str, str]], own: str,
                 known_ids: set[str] = frozenset()):
        self.by_address: dict[str, Person] = {}
        for p in people:
            if p.address:
                self.by_address.setdefault(p.address, p)
        #: domain -> (employer key, name); a domain two employers share matches neither
        self.domains = domains
        self.own = clean_address(own)
        self._ids = set(known_ids)

    @classmethod
    def from_store(cls, store) -> "Matcher":
        con = store.connection
        people = [Person(key, name, role, clean_address(email), ekey, ename)
                  for key, name, role, email, ekey, ename in con.execute(
                      "SELECT c.key, c.name, c.role, c.email, m.key, m.name FROM contact c"
                      " JOIN employer m ON m.id = c.employer_id ORDER BY c.id")]
        claims: dict[str, set[tuple[str, str]]] = {}
        for ekey, ename, website in con.execute("SELECT key, name, website FROM employer ORDER BY id"):
            d = website_domain(website)
            if d and not is_free_mail(d):
                claims.setdefault(d, set()).add((ekey, ename))
        for p in people:
            d = domain_of(p.address)
            if d and not is_free_mail(d):
                claims.setdefault(d, set()).add((p.employer_key, p.employer_name))
        domains = {d: next(iter(owners)) for d, owners in claims.items() if len(owners) == 1}
        row = con.execute("SELECT value FROM setting WHERE name = 'profile_email'").fetchone()
        import json

        own = json.loads(row[0]) if row else ""
        return cls(people, domains, own or "", known_message_ids(con))

    # -- who
    def is_own(self, address: str) -> bool:
        return bool(self.own) and clean_address(address) == self.own

    def employer_by_domain(self, address: str) -> tuple[str, str] | None:
        """The employer whose domain the address is at (or at a subdomain of), never for a
        free-mail domain."""
        d = domain_of(clean_address(address))
        if not d or is_free_mail(d):
            return None
        labels = d.split(".")
        for i in range(len(labels) - 1):
            found = self._owner(".".join(labels[i:]))
            if found is not None:
                return found
        return None

    def match(self, address: str) -> Match | None:
        address = clean_address(address)
        if not address or address == self.own:
            return None
        person = self._person(address)
        if person is not None:
            return Match(person.employer_key, person.employer_name, person, address)
        found = self.employer_by_domain(address)
        if found is not None:
            return Match(found[0], found[1], None, address)
        return None

    # the two lookups, from what was loaded (`StoreMatcher` asks the file instead)
    def _person(self, address: str) -> Person | None:
        return self.by_address.get(address)

    def _owner(self, domain: str) -> tuple[str, str] | None:
        return self.domains.get(domain)

    def wanted(self, sender_address: str, recipient_addresses) -> bool:
        """Would this message's body be worth fetching: from a contact or an employer, or from
        the user to one."""
        if self.is_own(sender_address):
            return any(self.match(a) is not None for a in recipient_addresses)
        return self.match(sender_address) is not None

    # -- what was brought in already
    def known_ids(self) -> set[str]:
        return set(self._ids)

    def seen(self, message_id: str) -> bool:
        return bool(message_id) and message_id in self._ids

    def remember(self, message_id: str) -> None:
        if message_id:
            self._ids.add(message_id)


class StoreMatcher(Matcher):
    """The same answers as `Matcher.from_store`, looked up in the file for each address (an
    indexed or a short scan each) instead of loading every contact first: for one message (a
    file dropped, the command line), where loading a large search's contacts would cost more
    than the message."""

    def __init__(self, store):
        import json

        self.con = store.connection
        row = self.con.execute("SELECT value FROM setting WHERE name = 'profile_email'").fetchone()
        super().__init__([], {}, (json.loads(row[0]) if row else "") or "")
        self._people: dict[str, Person | None] = {}
        self._domain_cache: dict[str, tuple[str, str] | None] = {}

    def _person(self, address: str) -> Person | None:
        if address not in self._people:
            row = self.con.execute(
                "SELECT c.key, c.name, c.role, c.email, m.key, m.name FROM contact c"
                " JOIN employer m ON m.id = c.employer_id WHERE lower(trim(c.email)) = ? ORDER BY c.id LIMIT 1",
                (address,)).fetchone()
            self._people[address] = Person(row[0], row[1], row[2], address, row[4], row[5]) if row else None
        return self._people[address]

    def _owner(self, domain: str) -> tuple[str, str] | None:
        if domain not in self._domain_cache:
            owners = {(k, n) for k, n, w in self.con.execute(
                "SELECT key, name, website FROM employer WHERE website LIKE ?", (f"%{domain}%",))
                if website_domain(w) == domain}
            owners.update(self.con.execute(
                "SELECT DISTINCT m.key, m.name FROM contact c JOIN employer m ON m.id = c.employer_id"
                " WHERE lower(trim(c.email)) LIKE ?", (f"%@{domain}",)))
            self._domain_cache[domain] = next(iter(owners)) if len(owners) == 1 else None
        return self._domain_cache[domain]

    def known_ids(self) -> set[str]:
        return known_message_ids(self.con) | self._ids

    def seen(self, message_id: str) -> bool:
        if not message_id:
            return False
        if message_id in self._ids:
            return True
        return self.con.execute("SELECT 1 FROM event WHERE message_id = ? UNION ALL"
                                " SELECT 1 FROM review_item WHERE message_id = ? LIMIT 1",
                                (message_id, message_id)).fetchone() is not None


def known_message_ids(con) -> set[str]:
    """Every Message-ID on an event or a review item (dismissed ones included)."""
    ids: set[str] = set()
    for table in ("event", "review_item"):
        try:
            ids.update(r[0] for r in con.execute(f"SELECT message_id FROM {table} WHERE message_id IS NOT NULL"))
        except sqlite3.OperationalError:  # a schema before step 3
            pass
    return ids


__all__ = ["Matcher", "StoreMatcher", "Match", "Person", "FREE_MAIL", "website_domain", "domain_of", "is_free_mail",
           "known_message_ids"]
