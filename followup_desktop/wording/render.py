"""Filling a template: our own `{{ placeholder }}` substitution, nothing more.

No `str.format`, no `string.Template`, no eval, no template engine: a placeholder is a bare
name from `PLACEHOLDERS`; anything else between braces (an unknown name, `''.__class__`,
`contact.__dict__`) is left in the text exactly as written, never evaluated.

A sentence that is only true after something happened sits in a section::

    {{ if interviewed }}Thank you for meeting with me.{{ else }}Thank you for reading my
    application.{{ end }}

The condition is one bare name, optionally after `not`: a fact from `FLAGS` (looked up in the
context's `flags`, never computed from the text), or a placeholder (true when its value is
known). Sections nest. A tag alone on its line takes its line break with it. Sections that do
not balance, or name no known fact, are left as written (the checks then point at them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping

from .situations import FLAGS, PLACEHOLDER_NAME, PLACEHOLDERS, marker

#: `{{ anything }}` on one line; what is inside decides whether it is a placeholder.
PLACEHOLDER_RE = re.compile(r"\{\{([^{}\n]{0,80})\}\}")
#: a section tag: `{{ if name }}`, `{{ if not name }}`, `{{ else }}`, `{{ end }}`; alone on its
#: line it takes the line (and its break) with it
_TAG = r"\{\{\s*(?:(if)\s+(not\s+)?([a-z_][a-z0-9_]*)|(else)|(end))\s*\}\}"
SECTION_RE = re.compile(rf"^[ \t]*{_TAG}[ \t]*(?:\n|\Z)|{_TAG}", re.M)


@dataclass(frozen=True)
class Rendered:
    subject: str | None
    body: str
    #: placeholder names the app did not know, in order of first use (their markers are in the text)
    missing: list[str] = field(default_factory=list)

    def missing_fields(self) -> list[tuple[str, str]]:
        """(placeholder, human label) for each missing value: the fields the UI offers."""
        return [(n, PLACEHOLDERS.get(n, n)) for n in self.missing]


def placeholder_name(expr: str) -> str | None:
    """The placeholder named by the text between `{{` and `}}`, or None when it is not a plain
    known name (it then stays literal)."""
    name = expr.strip()
    return name if PLACEHOLDER_NAME.match(name) and name in PLACEHOLDERS else None


def render(template, context, overrides: Mapping[str, str] | None = None) -> Rendered:
    """Fill `template` (a Template) from `context` (a Context); `overrides` (what the user typed
    into the missing-value fields) win over what the app knows. Blank overrides do not count.
    Sections keep only the sentences whose facts hold (see the module's text)."""
    values = dict(context.values)
    for name, value in (overrides or {}).items():
        if name in PLACEHOLDERS and isinstance(value, str) and value.strip():
            values[name] = value.strip() if "\n" not in value else value.strip("\n")
    flags = dict(getattr(context, "flags", {}) or {})
    missing: list[str] = []
    subject = None
    if template.subject is not None:
        # a value with a line break must not split the subject (it would be refused as a header)
        subject = " ".join(render_text(choose(template.subject, flags, values), values, missing).split())
    body = _tidy(render_text(choose(template.body, flags, values), values, missing))
    return Rendered(subject, body, missing)


def section_problem(text: str) -> str | None:
    """What is wrong with a text's sections (for the template editor), or None."""
    depth = 0
    seen_else: list[bool] = []
    for m in SECTION_RE.finditer(text):
        if_, _not, name, else_, end = _parts(m)
        if if_:
            if name not in FLAGS and name not in PLACEHOLDERS:
                return (f"{{{{ if {name} }}}} names no known fact (known: {', '.join(FLAGS)}, "
                        "or a placeholder)")
            depth += 1
            seen_else.append(False)
        elif else_:
            if not depth or seen_else[-1]:
                return "{{ else }} without its {{ if … }}"
            seen_else[-1] = True
        elif end:
            if not depth:
                return "{{ end }} without its {{ if … }}"
            depth -= 1
            seen_else.pop()
    if depth:
        return "{{ if … }} without its {{ end }}"
    return None


def _parts(m: re.Match):
    g = m.groups()
    return (g[0] or g[5], g[1] or g[6], g[2] or g[7], g[3] or g[8], g[4] or g[9])


def choose(text: str, flags: Mapping[str, bool], values: Mapping[str, str]) -> str:
    """`text` with each section replaced by its branch that holds. Unbalanced sections or an
    unknown condition leave the text exactly as written."""
    if "{{" not in text or section_problem(text) is not None:
        return text
    out: list[str] = []
    #: per open section: (was the text before it kept, does its condition hold)
    stack: list[tuple[bool, bool]] = []
    keeping = True
    pos = 0
    for m in SECTION_RE.finditer(text):
        if keeping:
            out.append(text[pos:m.start()])
        pos = m.end()
        if_, not_, name, else_, end = _parts(m)
        if if_:
            held = bool(flags.get(name)) if name in FLAGS else name in values
            held = held != bool(not_)
            stack.append((keeping, held))
            keeping = keeping and held
        elif else_:
            outer, held = stack[-1]
            keeping = outer and not held
        elif end:
            keeping, _ = stack.pop()
    if keeping:
        out.append(text[pos:])
    return "".join(out)


def render_text(text: str, values: Mapping[str, str], missing: list[str] | None = None) -> str:
    """One string filled from `values` in a single pass (a value is never filled in turn);
    unknown values become markers, their names appended to `missing`."""

    def fill(m: re.Match) -> str:
        name = placeholder_name(m.group(1))
        if name is None:
            return m.group(0)  # not ours: left exactly as written, never looked up
        value = values.get(name)
        if value is None:  # unknown; "" is a value known to be empty (no signature set)
            if missing is not None and name not in missing:
                missing.append(name)
            return marker(name)
        return str(value)

    return PLACEHOLDER_RE.sub(fill, text)


def _tidy(body: str) -> str:
    # An empty optional value (no signature) must not leave a gap of blank lines or trailing
    # spaces behind.
    lines = [line.rstrip() for line in body.split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and out and not out[-1]:
            continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    while out and not out[0]:
        out.pop(0)
    return "\n".join(out)
