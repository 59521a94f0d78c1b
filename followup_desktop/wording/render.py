"""Filling a template: our own `{{ placeholder }}` substitution, nothing more.

No `str.format`, no `string.Template`, no eval, no template engine: a placeholder is a bare
name from `PLACEHOLDERS`; anything else between braces (an unknown name, `''.__class__`,
`contact.__dict__`) is left in the text exactly as written, never evaluated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping

from .situations import PLACEHOLDER_NAME, PLACEHOLDERS, marker

#: `{{ anything }}` on one line; what is inside decides whether it is a placeholder.
PLACEHOLDER_RE = re.compile(r"\{\{([^{}\n]{0,80})\}\}")


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
    into the missing-value fields) win over what the app knows. Blank overrides do not count."""
    values = dict(context.values)
    for name, value in (overrides or {}).items():
        if name in PLACEHOLDERS and isinstance(value, str) and value.strip():
            values[name] = value.strip() if "\n" not in value else value.strip("\n")
    missing: list[str] = []
    subject = None
    if template.subject is not None:
        # a value with a line break must not split the subject (it would be refused as a header)
        subject = " ".join(render_text(template.subject, values, missing).split())
    body = _tidy(render_text(template.body, values, missing))
    return Rendered(subject, body, missing)


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
