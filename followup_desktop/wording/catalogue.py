"""The wording catalogue: shipped templates from `resources/wording/`, the user's own copies from
`DataPaths.templates`, merged so that the user's win.

A template file is TOML (read with the standard library's `tomllib`): one file per situation
for the shipped ones, one template per file for the user's (`<id>.toml`):

    situation = "thank_you"            # default for the templates below

    [[template]]
    id = "thank_you.email.1"           # the same id in the user's folder replaces this one
    channel = "email"                  # email | phone | letter | message | note
    label = "Warm and specific"
    subject = "Thank you, {{ interview_date }}"     # email only
    body = '''
    Dear {{ greeting_name }},
    {{ if interviewed }}Thank you for meeting with me.{{ else }}…{{ end }}
    ...
    '''

Sections (`{{ if fact }} … {{ else }} … {{ end }}`) keep only the sentences the timeline bears
out; the facts are `situations.FLAGS` (see `render`).

A broken file never stops the catalogue from loading: it yields a Template whose `.error`
names the file and what is wrong, and composing uses the shipped template instead.
"""

from __future__ import annotations

import os
import re
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from ..paths import FILE_MODE, ensure_private_dir
from .render import PLACEHOLDER_RE, SECTION_RE, placeholder_name, render, section_problem
from .situations import CHANNELS, EMAIL, SITUATIONS

SHIPPED, USER = "shipped", "user"
SUFFIX = ".toml"
#: A template id is also its user file's name: no separators, no dot-dot, nothing hidden.
TEMPLATE_ID = re.compile(r"[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9_-]+)*\Z")
_TOP_KEYS = ("situation", "template")
_KEYS = ("id", "situation", "channel", "label", "subject", "body")
MAX_BODY = 20_000


@dataclass(frozen=True)
class Template:
    id: str
    situation: str
    channel: str
    label: str
    subject: str | None
    body: str
    #: "shipped" or "user"
    source: str = SHIPPED
    path: Path | None = None
    #: why this template cannot be used (file and line, what is wrong); None when it is fine
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def _exprs(self) -> list[str]:
        return [m.group(1) for text in (self.subject or "", self.body) for m in PLACEHOLDER_RE.finditer(text)
                if not SECTION_RE.fullmatch(m.group(0))]

    def placeholders(self) -> list[str]:
        """The known placeholder names it uses, in order of first use."""
        seen: dict[str, None] = {}
        for expr in self._exprs():
            name = placeholder_name(expr)
            if name:
                seen.setdefault(name)
        return list(seen)

    def unknown_placeholders(self) -> list[str]:
        """`{{ … }}` expressions that are no known placeholder: they stay literal in the text."""
        seen: dict[str, None] = {}
        for expr in self._exprs():
            if placeholder_name(expr) is None:
                seen.setdefault("{{" + expr + "}}")
        return list(seen)


def _line_of(text: str, key: str, nth: int = 0) -> int | None:
    """The line where `key = …` (or `[[key]]`) appears, the nth time: tomllib reports no
    positions for values, and a user fixing a file needs the line."""
    hits = [n for n, line in enumerate(text.splitlines(), 1)
            if re.match(rf"\s*(\[\[?\s*)?{re.escape(key)}\s*(=|\]\]?)", line)]
    if not hits:
        return None
    return hits[min(nth, len(hits) - 1)]


def _broken(name: str, message: str, *, source: str, path: Path | None, tid: str | None = None,
            situation: str = "", channel: str = "") -> Template:
    stem = Path(name).name.removesuffix(SUFFIX)
    return Template(
        id=tid or stem, situation=situation, channel=channel, label=stem, subject=None,
        body="", source=source, path=path, error=f"{name}: {message}",
    )


def parse_templates(text: str, name: str, *, source: str = USER, path: Path | None = None) -> list[Template]:
    """Every template in one file's text; a problem gives a Template with `.error`, never raises."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return [_broken(name, f"not valid TOML: {exc}", source=source, path=path)]
    except Exception as exc:  # noqa: BLE001 - a user's file must never stop the catalogue
        return [_broken(name, f"cannot be read: {exc}", source=source, path=path)]
    for key in doc:
        if key not in _TOP_KEYS:
            where = _line_of(text, key)
            spot = f"line {where}: " if where else ""
            return [_broken(
                name, f"{spot}unknown section or key {key!r} (a file holds `situation = …` and "
                "[[template]] sections)", source=source, path=path,
            )]
    default_situation = doc.get("situation")
    if default_situation is not None and default_situation not in SITUATIONS:
        return [_broken(name, f"line {_line_of(text, 'situation')}: unknown situation "
                        f"{default_situation!r} (known: {', '.join(SITUATIONS)})", source=source, path=path)]
    entries = doc.get("template")
    if not isinstance(entries, list) or not entries or not all(isinstance(e, dict) for e in entries):
        return [_broken(name, "no [[template]] section: each template starts with a line [[template]]",
                        source=source, path=path)]
    return [_one(e, n, text, name, default_situation, source, path) for n, e in enumerate(entries)]


def _one(entry: dict, n: int, text: str, name: str, default_situation, source, path) -> Template:
    tid = entry.get("id")
    tid = tid if isinstance(tid, str) else None
    where = f"template {n + 1}" + (f" ({tid!r})" if tid else "")
    line = _line_of(text, "template", n)
    at = f"line {line}, {where}" if line else where
    situation = entry.get("situation", default_situation)
    channel = entry.get("channel")

    def fail(msg: str, key: str | None = None) -> Template:
        key_line = _line_of(text, key, n) if key else None
        spot = f"line {key_line}, {where}" if key_line else at
        return _broken(name, f"{spot}: {msg}", source=source, path=path, tid=tid,
                       situation=situation if isinstance(situation, str) else "",
                       channel=channel if isinstance(channel, str) else "")

    for key in entry:
        if key not in _KEYS:
            return fail(f"unknown key {key!r} (expected {', '.join(_KEYS)})", key)
    for key, value in entry.items():
        if not isinstance(value, str):
            return fail(f"{key!r} must be text in quotes", key)
    if tid is None:
        return fail('missing id (e.g. id = "nudge.email.mine")')
    if not TEMPLATE_ID.match(tid) or len(tid) > 80:
        return fail(f"id {tid!r} may hold only lowercase letters, digits, '_', '-' and single dots", "id")
    if situation is None:
        return fail('missing situation (e.g. situation = "nudge")')
    if situation not in SITUATIONS:
        return fail(f"unknown situation {situation!r} (known: {', '.join(SITUATIONS)})", "situation")
    if channel is None:
        return fail(f"missing channel (one of {', '.join(SITUATIONS[situation].channels)})")
    if channel not in CHANNELS:
        return fail(f"unknown channel {channel!r} (one of {', '.join(CHANNELS)})", "channel")
    subject = entry.get("subject")
    if subject is not None and channel != EMAIL:
        return fail(f"only an email has a subject, not a {channel}", "subject")
    if subject is not None and ("\n" in subject or "\r" in subject):
        return fail("the subject must be one line", "subject")
    body = entry.get("body", "")
    if not body.strip():
        return fail("the body is empty", "body")
    if len(body) > MAX_BODY:
        return fail(f"the body is longer than {MAX_BODY} characters", "body")
    for key, text in (("subject", subject or ""), ("body", body)):
        wrong = section_problem(text)
        if wrong:
            return fail(f"in the {key}, {wrong}", key)
    label = entry.get("label", "").strip() or f"{SITUATIONS[situation].label} ({CHANNELS[channel].lower()})"
    return Template(tid, situation, channel, label, subject.strip() if subject is not None else None,
                    _tidy_body(body), source, path)


def _opening(body: str) -> str:
    """A message's first sentences after its greeting: what makes two notes read alike."""
    lines = [line for line in body.splitlines() if line.strip()]
    if lines and lines[0].rstrip().endswith(","):
        lines = lines[1:]
    return " ".join(lines[:2])


def _tidy_body(body: str) -> str:
    # A TOML multi-line string keeps the author's leading and trailing line breaks; the message
    # should not start or end with blank lines.
    lines = body.replace("\r\n", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(line.rstrip() for line in lines)


def parse_template(text: str, name: str) -> Template:
    """One template from the editor's text (for the live preview); sets `.error` instead of
    raising (a file holding more than one template is an error too)."""
    found = parse_templates(text, name, source=USER)
    if len(found) > 1:
        first = found[0]
        return _broken(name, f"holds {len(found)} templates; keep one per file", source=USER,
                       path=None, tid=first.id, situation=first.situation, channel=first.channel)
    return found[0]


def _toml_string(value: str, multiline: bool = False) -> str:
    # A literal multi-line string is what a person edits most easily; fall back to an escaped
    # basic string when the text could not be written that way.
    if multiline and "'''" not in value and not value.endswith("'") and not any(
        (ord(c) < 32 and c not in "\n\t") or ord(c) == 127 for c in value
    ):
        return "'''\n" + value + "\n'''"
    out = []
    for c in value:
        if c == "\\":
            out.append("\\\\")
        elif c == '"':
            out.append('\\"')
        elif c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t")
        elif ord(c) < 32 or ord(c) == 127:
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def template_to_text(template: Template) -> str:
    """A template as the TOML text of a user file (what the editor starts from)."""
    sit = SITUATIONS.get(template.situation)
    head = f"# {sit.label}: {sit.hint}" if sit else f"# {template.situation}"
    lines = [head,
             "# Placeholders look like {{ contact_first_name }}; unknown ones stay as written.",
             "# {{ if interviewed }} … {{ else }} … {{ end }} keeps a sentence only when the fact holds.",
             "", "[[template]]",
             f"id = {_toml_string(template.id)}",
             f"situation = {_toml_string(template.situation)}",
             f"channel = {_toml_string(template.channel)}",
             f"label = {_toml_string(template.label)}"]
    if template.subject is not None:
        lines.append(f"subject = {_toml_string(template.subject)}")
    lines.append(f"body = {_toml_string(template.body, multiline=True)}")
    return "\n".join(lines) + "\n"


def _read_dir(folder: Path | None, source: str) -> list[Template]:
    if folder is None:
        return []
    try:
        files = sorted(p for p in Path(folder).iterdir()
                       if p.name.endswith(SUFFIX) and not p.name.startswith(".") and p.is_file())
    except OSError:
        return []  # no folder yet: nothing of the user's
    out: list[Template] = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            out.append(_broken(path.name, f"cannot be read: {exc}", source=source, path=path))
            continue
        out.extend(parse_templates(text, path.name, source=source, path=path))
    return out


class Catalogue:
    """Every template, the user's first. Build it with `load_catalogue`."""

    def __init__(self, shipped: list[Template], user: list[Template], user_dir: Path | None = None):
        self.shipped = list(shipped)
        self.user = list(user)
        self.user_dir = Path(user_dir) if user_dir is not None else None

    def _user_ok(self) -> dict[str, Template]:
        # among the user's own duplicates the later file wins: one answer, whatever the order
        return {t.id: t for t in self.user if t.ok}

    def all(self) -> list[Template]:
        """Every template, the broken ones included (for the editor): the user's first, then
        the shipped ones (also those a user copy replaces, so the editor can show both)."""
        return self.user + self.shipped

    def errors(self) -> list[Template]:
        """The templates that cannot be used, each with its `.error`."""
        return [t for t in self.all() if not t.ok]

    def get(self, template_id: str) -> Template | None:
        """The template with that id that composing would use (the user's copy if usable)."""
        user = self._user_ok()
        if template_id in user:
            return user[template_id]
        return next((t for t in self.shipped if t.id == template_id and t.ok), None)

    def templates(self, situation: str, channel: str) -> list[Template]:
        """The usable templates for a situation and channel: the user's first, then the
        shipped ones they did not replace. Broken ones are left out, so a broken user copy
        falls back to the shipped template of the same id."""
        user = self._user_ok()
        mine = [t for t in user.values() if t.situation == situation and t.channel == channel]
        theirs = [t for t in self.shipped
                  if t.ok and t.id not in user and t.situation == situation and t.channel == channel]
        return mine + theirs

    def pick(self, situation: str, channel: str, sequence: int = 0, context=None) -> Template | None:
        """The template to start from. With `context` (a Context, or the set of placeholder
        names it knows), only the variants it fills most completely compete: a follow-up with
        no decision date starts from a variant that does not ask for one. Among those, the
        `sequence`-th, cycling, so a second nudge (a higher `Action.sequence`) or a second
        interviewer's thank-you never starts from the same text. None when there is none."""
        found = self.templates(situation, channel)
        if not found:
            return None
        if context is not None:
            if hasattr(context, "values"):  # a Context: count what its rendering leaves open
                gaps = [len(render(t, context).missing) for t in found]
            else:
                known = set(context)
                gaps = [sum(1 for p in t.placeholders() if p not in known) for t in found]
            fewest = min(gaps)
            found = [t for t, g in zip(found, gaps) if g == fewest]
        start = max(0, int(sequence)) % len(found)
        order = found[start:] + found[:start]
        sent = [text for _, text in getattr(context, "other_thank_yous", ()) if text]
        if sent and len(order) > 1:
            # a thank-you already went to another interviewer: start from the variant that
            # reads least like it (the first in turn when they are alike)
            from .checks import similarity

            def likeness(t: Template) -> float:
                body = render(t, context).body
                return max(similarity(_opening(body), _opening(text)) for text in sent)

            return min(order, key=likeness)
        return order[0]

    def _dir(self, user_dir: Path | None) -> Path:
        folder = Path(user_dir) if user_dir is not None else self.user_dir
        if folder is None:
            raise ValueError("no folder for your templates was given")
        return folder

    def save_user_template(self, user_dir: Path | None, template: str | Mapping[str, Any] | Template) -> Template:
        """Write one user template (TOML text, a dict of fields, or a Template) to
        `user_dir/<id>.toml` (folder 0700, file 0600) and use it from now on. Raises
        ValueError with the parse error when it is not a valid template; nothing is written."""
        folder = self._dir(user_dir)
        if isinstance(template, Template):
            text = template_to_text(template)
        elif isinstance(template, str):
            text = template
        else:
            fields = {k: v for k, v in dict(template).items() if v is not None}
            text = template_to_text(Template(
                id=str(fields.get("id", "")), situation=str(fields.get("situation", "")),
                channel=str(fields.get("channel", "")), label=str(fields.get("label", "")),
                subject=fields.get("subject"), body=str(fields.get("body", "")),
            ))
        parsed = parse_template(text, "your template")
        if parsed.error:
            raise ValueError(parsed.error)
        ensure_private_dir(folder)
        target = folder / f"{parsed.id}{SUFFIX}"
        # written whole or not at all: a crash never leaves half a template behind
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=SUFFIX)
        try:
            os.fchmod(fd, FILE_MODE)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        saved = parse_templates(text, target.name, source=USER, path=target)[0]
        self.user = [t for t in self.user if t.path != target and t.id != saved.id] + [saved]
        return saved

    def delete_user_template(self, user_dir: Path | None, template_id: str) -> bool:
        """Remove the user's copy; the shipped template of that id (if any) applies again.
        A file that also holds other templates is left alone. False when there was none."""
        folder = self._dir(user_dir).resolve()
        removed = False
        for t in list(self.user):
            if t.id != template_id or t.path is None or t.path.parent.resolve() != folder:
                continue
            if not any(u.path == t.path and u.id != template_id for u in self.user):
                t.path.unlink(missing_ok=True)
                removed = True
                self.user = [u for u in self.user if u is not t]
        if not removed and TEMPLATE_ID.match(template_id or ""):
            target = folder / f"{template_id}{SUFFIX}"
            if target.is_file():
                target.unlink()
                removed = True
        return removed


def shipped_dir() -> Path:
    from ..resources import resources_dir

    return resources_dir() / "wording"


def load_catalogue(user_dir: Path | None = None, *, shipped: Path | None = None) -> Catalogue:
    """The shipped templates plus the user's (from `DataPaths.templates`; a missing folder is
    fine). Never raises for a broken file: see `Template.error`."""
    return Catalogue(
        _read_dir(shipped if shipped is not None else shipped_dir(), SHIPPED),
        _read_dir(user_dir, USER),
        user_dir,
    )
