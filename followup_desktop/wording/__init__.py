"""Wording: what to say in each follow-up, filled from what the app knows, checked as you type.

No Qt here. The compose window uses it like this::

    from followup_desktop.wording import (load_catalogue, build_context, render, run_checks,
                                          build_mailto, situation_for_action, SITUATIONS)

    catalogue = load_catalogue(store.paths.templates)        # shipped + the user's own
    ctx = build_context(store, action.application, action)   # reads the store once
    situation = ctx.situation          # == situation_for_action(action.name, action.template)
    channel = ctx.channel              # one of SITUATIONS[situation].channels
    template = catalogue.pick(situation, channel, ctx.sequence, ctx)  # the variant ctx fills best
    out = render(template, ctx, overrides={"interview_date": "March 10"})
    out.subject, out.body, out.missing_fields()  # [(placeholder, label)] to offer as fields
    checks = run_checks(out.subject, out.body, situation=situation, channel=channel,
                        context=ctx, action=action)         # pure, fast: on every keystroke
    build_mailto(ctx.recipient.email, out.subject, out.body)
    # "Mark as sent": store.log_event(app_key, {"kind": SITUATIONS[situation].logs_as, "at": ...,
    #   "channel": SITUATIONS[situation].event_channel(channel), "contacts": [ctx.contact_key],
    #   "subject": out.subject, "notes": body})   -- nothing is logged when logs_as is None

Public API:

* ``SITUATIONS: dict[str, Situation]`` — ``Situation(id, label, channels, action, logs_as,
  hint, max_words)``; ``Situation.event_channel(channel)``.
* ``FLAGS`` (fact -> meaning): what a template's ``{{ if fact }} … {{ else }} … {{ end }}``
  sections may depend on; ``Context.flags`` holds them, read from the timeline, and
  ``Situation.available(flags)`` / ``Situation.needs`` say whether a message makes sense yet.
* ``situation_for_action(action_name, template=None) -> str``; ``compose_channel(event_channel,
  situation) -> str``; ``CHANNELS`` (compose channel -> label); ``PLACEHOLDERS`` (name -> label).
* ``load_catalogue(user_dir) -> Catalogue``; ``Catalogue.templates(situation, channel)``,
  ``.pick(situation, channel, sequence=0, context=None)``, ``.all()``, ``.get(id)``, ``.errors()``,
  ``.save_user_template(user_dir, text_or_fields_or_template) -> Template``,
  ``.delete_user_template(user_dir, template_id) -> bool``.
* ``Template(id, situation, channel, label, subject, body, source, path, error)``;
  ``parse_template(text, name) -> Template`` (sets ``.error``, never raises);
  ``template_to_text(template) -> str`` (TOML for the editor).
* ``build_context(store, application_key, action=None, contact_key=None, now=None) -> Context``:
  ``values``, ``labels``, ``recipients`` (``Recipient(key, name, email, phone, role)``, the
  chosen one first), ``situation``, ``channel``, ``contact_key``, ``recipient``, ``sequence``,
  ``profile_name``, ``interview_at``, ``other_thank_yous``, ``unanswered_follow_ups``, ``flags``.
  Build it again when the user picks another recipient.
* ``render(template, context, overrides=None) -> Rendered(subject, body, missing)``;
  ``Rendered.missing_fields() -> [(placeholder, label)]``; ``marker(name)`` is the text an
  unknown value shows as ("[interview date?]").
* ``run_checks(subject, body, *, situation, channel, context, action=None, settings=None)
  -> list[Check(level, code, said)]``, errors first (``.message``: the English sentence;
  ``.shown(lookup)``: in the user's language); codes: unfilled, unknown_placeholder, no_subject,
  too_long, no_sign_off, no_name, same_thank_you, close_out.
  ``drafts_too_similar(a, b, ignore=())``, ``similarity``, ``message_words``.
  Spelling is not checked: no well-kept offline spelling library is in the stack.
* ``build_mailto(to, subject, body) -> str``.
* ``wording.draft.DraftModel(store, application_key, action=…, templates_dir=…, kept=…, now=…)``:
  the message being written, as the compose window shows it: ``shown(template_id)``,
  ``edit(subject, body)``, ``fill(name, value)``, ``pick_situation/channel/recipient``,
  ``run_checks(settings)``, ``still_missing()``, ``gaps_to_ask(text)``, ``sent_event()``,
  ``call_event(outcome)``, ``keep()`` / ``forget_kept()`` (``kept_drafts(owner)``).
"""

from .catalogue import Catalogue, Template, load_catalogue, parse_template, shipped_dir, template_to_text
from .checks import Check, drafts_too_similar, message_words, run_checks, similarity, word_count
from .context import Context, Recipient, build_context
from .mailto import build_mailto
from .render import Rendered, render
from .situations import (
    CHANNELS,
    FLAGS,
    PLACEHOLDERS,
    SITUATIONS,
    Situation,
    compose_channel,
    marker,
    situation_for_action,
)

__all__ = [
    "CHANNELS", "FLAGS", "PLACEHOLDERS", "SITUATIONS", "Catalogue", "Check", "Context", "Recipient",
    "Rendered", "Situation", "Template", "build_context", "build_mailto", "compose_channel",
    "drafts_too_similar", "load_catalogue", "marker", "message_words", "parse_template", "render", "run_checks",
    "shipped_dir", "similarity", "situation_for_action", "template_to_text", "word_count",
]
