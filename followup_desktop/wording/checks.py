"""Checks on a draft, shown as the user types: pure and fast, no database (all in the Context).

Spelling is not checked: no well-kept offline spelling library is in the app's stack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..vocab import FOLLOW_UP_KINDS, QT_TRANSLATE_NOOP
from .render import PLACEHOLDER_RE
from .situations import EMAIL, FLAGS, LETTER, MESSAGE, NOTE, PHONE, SITUATIONS

ERROR, WARNING, INFO = "error", "warning", "info"
_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}

#: A marker the renderer left ("[interview date?]"), or one a person typed the same way.
MARKER_RE = re.compile(r"\[([^\[\]\n]{1,80})\?\]")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
#: Shorter limits for the channels that are short by nature (a networking site's note, a card).
_CHANNEL_MAX_WORDS = {MESSAGE: 60, LETTER: 150}
#: Two thank-yous this alike read as one form letter sent twice.
SIMILAR = 0.9


#: the context the windows translate a check's sentence and its words with (ui/compose.py)
CHECKS_CONTEXT = "Checks"
#: the context of the situations' labels and the flags' wording (packaging/translations.py lists them)
_WORDING = "wording"


def _as_is(context: str, source: str) -> str:
    return source


@dataclass(frozen=True)
class Phrase:
    """Words to show: an English source string marked with `QT_TRANSLATE_NOOP(context, …)` (or a
    label of a table the catalogue lists), with `{0}`, `{1}`… filled from `args` after it is
    translated. An argument is a value as it is (a name, a number, what the user typed), a
    Phrase, or a `Joined` list."""

    context: str
    source: str
    args: tuple = ()
    lower: bool = False  # a label used inside a sentence ("This thank-you note is…")

    def text(self, lookup=_as_is) -> str:
        said = lookup(self.context, self.source)
        if self.args:
            said = said.format(*(_part(a, lookup) for a in self.args))
        return said.lower() if self.lower else said


@dataclass(frozen=True)
class Joined:
    """A list shown as one argument, its items joined by a translatable separator."""

    items: tuple
    separator: Phrase

    def text(self, lookup=_as_is) -> str:
        return self.separator.text(lookup).join(_part(i, lookup) for i in self.items)


def _part(arg, lookup) -> str:
    return arg.text(lookup) if isinstance(arg, (Phrase, Joined)) else str(arg)


def _says(source: str, *args) -> Phrase:
    """A check's sentence: `source` is marked where it is written, in CHECKS_CONTEXT."""
    return Phrase(CHECKS_CONTEXT, source, tuple(args))


_COMMA = _says(QT_TRANSLATE_NOOP("Checks", ", "))
_SEMICOLON = _says(QT_TRANSLATE_NOOP("Checks", "; "))


@dataclass(frozen=True)
class Check:
    level: str  # "error" | "warning" | "info"
    #: unfilled | unknown_placeholder | no_subject | not_on_timeline | no_phone | too_long | no_sign_off | no_name |
    #: same_thank_you | close_out
    code: str
    #: the sentence, as a marked template and its values: the windows translate it (`shown`)
    said: Phrase

    @property
    def message(self) -> str:
        """The sentence in English, the language of the source (the command line, the tests)."""
        return self.said.text()

    def shown(self, lookup) -> str:
        """The sentence in the user's language: `lookup(context, source)` translates a marked
        string (the windows pass `desktop.translations.marked`)."""
        return self.said.text(lookup)


def word_count(text: str) -> int:
    return len(_WORD.findall(text or ""))


def _is_salutation(line: str) -> bool:
    return line.rstrip().endswith(",") and word_count(line) <= 5


def message_words(body: str) -> int:
    """Words of the message itself: the greeting ("Dear Raj,") and the sign-off block
    ("Best regards," and what follows) do not count against a length limit."""
    lines = [line for line in (body or "").splitlines() if line.strip()]
    if lines and _is_salutation(lines[0]):
        lines = lines[1:]
    for i in range(len(lines) - 1, max(-1, len(lines) - 8), -1):
        if _is_salutation(lines[i]):
            lines = lines[:i]
            break
    return sum(word_count(line) for line in lines)


_ORDINALS = {1: QT_TRANSLATE_NOOP("Checks", "first"), 2: QT_TRANSLATE_NOOP("Checks", "second"),
             3: QT_TRANSLATE_NOOP("Checks", "third"), 4: QT_TRANSLATE_NOOP("Checks", "fourth"),
             5: QT_TRANSLATE_NOOP("Checks", "fifth"), 6: QT_TRANSLATE_NOOP("Checks", "sixth")}


def _ordinal(n: int) -> Phrase:
    return _says(_ORDINALS[n]) if n in _ORDINALS else _says(QT_TRANSLATE_NOOP("Checks", "{0}th"), n)


def _normal_words(text: str, ignore: tuple[str, ...]) -> list[str]:
    drop = {w.lower() for name in ignore if name for w in _WORD.findall(name)}
    return [w for w in (x.lower() for x in _WORD.findall(text or "")) if w not in drop]


def similarity(a: str, b: str, ignore: tuple[str, ...] = ()) -> float:
    """How alike two drafts are, 0..1, ignoring case, spacing, punctuation and the words of
    `ignore` (the recipients' names: two notes that differ only by the name are one note)."""
    wa, wb = _normal_words(a, ignore), _normal_words(b, ignore)
    if not wa and not wb:
        return 1.0
    if wa == wb:
        return 1.0
    return SequenceMatcher(None, wa, wb, autojunk=False).ratio()


def drafts_too_similar(a: str, b: str, ignore: tuple[str, ...] = ()) -> bool:
    """True when two thank-yous would read as the same note (for the UI to compare drafts)."""
    return similarity(a, b, ignore) >= SIMILAR


def _sign_off_has(body: str, name: str) -> bool:
    tail = [line for line in body.splitlines() if line.strip()][-6:]
    squash = lambda s: " ".join(s.split()).casefold()  # noqa: E731
    return any(squash(name) in squash(line) for line in tail)


def run_checks(subject: str | None, body: str, *, situation: str, channel: str, context,
               action=None, settings=None) -> list[Check]:
    """Everything worth telling the user about this draft, most serious first. `context` is the
    Context the draft was made from; `settings` (optional) wins over the numbers it carries."""
    out: list[Check] = []
    body = body or ""
    subject = subject or ""
    sit = SITUATIONS.get(situation)
    values = getattr(context, "values", {}) or {}

    # -- gaps left in the text
    found = [m.group(1).strip() for text in (subject, body) for m in MARKER_RE.finditer(text)]
    if found:
        labels = list(dict.fromkeys(found))
        gaps = Joined(tuple(labels), _COMMA)
        out.append(Check(ERROR, "unfilled", _says(QT_TRANSLATE_NOOP("Checks", "Fill in before calling: {0}."), gaps)
                         if channel == PHONE else _says(QT_TRANSLATE_NOOP("Checks", "Fill in before sending: {0}."), gaps)))
    odd = list(dict.fromkeys(m.group(0) for text in (subject, body) for m in PLACEHOLDER_RE.finditer(text)))
    if odd:
        written = Joined(tuple(odd), _COMMA)
        out.append(Check(ERROR, "unknown_placeholder", _says(QT_TRANSLATE_NOOP(
            "Checks", "This is in the script as written: {0}. Replace it with your own words."), written)
            if channel == PHONE else _says(QT_TRANSLATE_NOOP(
                "Checks", "This would be sent as written: {0}. Replace it with your own words."), written)))

    if channel == EMAIL and not subject.strip():
        out.append(Check(ERROR, "no_subject", _says(QT_TRANSLATE_NOOP("Checks", "Add a subject line."))))
    recipient = getattr(context, "recipient", None)
    flags = getattr(context, "flags", None)
    if sit is not None and flags is not None and not sit.available(flags):
        lacking = sit.lacking(flags)
        label = Phrase(_WORDING, sit.label)
        if lacking == ["met_contact"] and recipient is not None:
            text = _says(QT_TRANSLATE_NOOP("Checks", "There is no interview or call with {0} on the timeline: "
                                                     "“{1}” is for someone you met."), recipient.name, label)
        elif all(f.startswith("!") for f in lacking):
            text = _says(QT_TRANSLATE_NOOP("Checks", "“{0}” does not fit now: {1}. Pick another message."), label,
                         Joined(tuple(Phrase(_WORDING, FLAGS[f[1:]]) for f in lacking), _SEMICOLON))
        else:
            text = _says(QT_TRANSLATE_NOOP("Checks", "“{0}” needs what the timeline does not hold yet ({1}). "
                                                     "Log it first, or pick another message."), label,
                         Joined(tuple(Phrase(_WORDING, FLAGS[f]) for f in lacking if not f.startswith("!")),
                                _SEMICOLON))
        out.append(Check(WARNING, "not_on_timeline", text))
    if channel == PHONE and recipient is not None and not (recipient.phone or "").strip():
        out.append(Check(WARNING, "no_phone", _says(QT_TRANSLATE_NOOP(
            "Checks", "There is no phone number for {0}: add it to the contact, or find it before you call."),
            recipient.name)))

    # -- length, the sign-off not counted
    limit = sit.max_words if sit else None
    if limit is not None and channel in _CHANNEL_MAX_WORDS:
        limit = min(limit, _CHANNEL_MAX_WORDS[channel])
    if limit is not None and channel not in (PHONE, NOTE):
        words = message_words(body)
        if words > limit:
            kind = Phrase(_WORDING, sit.label, lower=True) if sit else _says(QT_TRANSLATE_NOOP("Checks", "message"))
            out.append(Check(WARNING, "too_long", _says(QT_TRANSLATE_NOOP(
                "Checks", "This {0} is {1} words; keep it under {2}. A short note reads as confident."),
                kind, words, limit)))

    # -- who it is from
    name = (getattr(context, "profile_name", "") or "").strip()
    if channel != NOTE:
        if not name:
            out.append(Check(INFO, "no_name", _says(QT_TRANSLATE_NOOP(
                "Checks", "Your profile has no name yet: type it under Fill in to keep it, or set it in Settings."))))
        elif channel == PHONE:
            if " ".join(name.split()).casefold() not in " ".join(body.split()).casefold():
                out.append(Check(WARNING, "no_sign_off",
                                 _says(QT_TRANSLATE_NOOP("Checks", "Say who you are: your full name, {0}."), name)))
        elif not _sign_off_has(body, name):
            out.append(Check(WARNING, "no_sign_off",
                             _says(QT_TRANSLATE_NOOP("Checks", "Sign off with your full name, {0}."), name)))

    # -- one thank-you per interviewer, each its own
    if situation in ("thank_you", "late_thank_you"):
        ignore = tuple(n for n, _ in getattr(context, "other_thank_yous", ()))
        ignore += tuple(v for k, v in values.items() if k in ("contact_name", "contact_first_name"))
        for other, text in getattr(context, "other_thank_yous", ()):
            if text and drafts_too_similar(body, text, ignore):
                out.append(Check(WARNING, "same_thank_you", _says(QT_TRANSLATE_NOOP(
                    "Checks", "This reads the same as your thank-you to {0}. Mention something "
                              "you discussed with this person, so each note stands on its own."), other)))
                break

    # -- the cap: a follow-up beyond it is better spent elsewhere
    if sit is not None and sit.logs_as in FOLLOW_UP_KINDS:
        cap = getattr(settings, "max_unanswered_follow_ups", None) or getattr(
            context, "max_unanswered_follow_ups", 2)
        sent = max(int(getattr(action, "sequence", 0) or 0),
                   int(getattr(context, "unanswered_follow_ups", 0) or 0))
        if sent >= cap:
            out.append(Check(WARNING, "close_out", _says(QT_TRANSLATE_NOOP(
                "Checks", "This would be your {0} unanswered follow-up. The playbook "
                          "suggests closing out this lead and putting the time into other leads."),
                _ordinal(sent + 1))))

    out.sort(key=lambda c: _ORDER.get(c.level, 3))
    return out

