"""Filling a template is plain substitution: nothing in a template or a value is ever evaluated;
and a mailto link carries exactly the recipient, subject and body, whatever they contain."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from followup_desktop.wording import Context, build_mailto, parse_template, render, run_checks
from followup_desktop.wording.catalogue import Template

HOSTILE = [
    "{{ ''.__class__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{0.__class__}",
    "{contact_name}",
    "{{ contact.__dict__ }}",
    "{{ __import__('os').system('echo pwned') }}",
    "{{ employer|upper }}",
    "{{ unknown_thing }}",
    "${employer}",
    "{{{ employer }}}",
]


def template(body: str, subject: str | None = None) -> Template:
    return Template("t", "nudge", "email", "t", subject, body)


def ctx(**values) -> Context:
    return Context(values={"contact_first_name": "Raj", "employer": "Acme Corp", "my_name": "Jordan Lee",
                           **values})


@pytest.mark.parametrize("expr", HOSTILE)
def test_attribute_access_and_unknown_placeholders_render_inertly(expr):
    out = render(template(f"Before {expr} after."), ctx())
    if expr == "{{{ employer }}}":  # the inner placeholder is ours; the extra braces stay as typed
        assert out.body == "Before {Acme Corp} after."
    else:
        assert out.body == f"Before {expr} after."  # left exactly as written, never evaluated
    assert out.missing == []


def test_leftover_expressions_are_pointed_out_before_sending():
    out = render(template("Hi {{ contact.__dict__ }}", subject="{{ ''.__class__ }}"), ctx())
    (check,) = [c for c in run_checks(out.subject, out.body, situation="nudge", channel="email", context=ctx())
                if c.code == "unknown_placeholder"]
    assert check.level == "error" and "{{ contact.__dict__ }}" in check.message


def test_a_hostile_template_file_parses_and_still_renders_inertly():
    t = parse_template('[[template]]\nid = "x"\nsituation = "nudge"\nchannel = "email"\nsubject = "s"\n'
                       "body = '''\n{{ ''.__class__ }} {0.__class__} {{ my_name }}\n'''\n", "x.toml")
    assert t.error is None
    assert t.unknown_placeholders() == ["{{ ''.__class__ }}"]
    assert render(t, ctx()).body == "{{ ''.__class__ }} {0.__class__} Jordan Lee"


def test_a_value_is_never_filled_in_turn():
    # a contact named like a placeholder stays a name; the user's email does not leak into it
    out = render(template("Dear {{ contact_first_name }}"), ctx(contact_first_name="{{ my_email }}",
                                                               my_email="me@example.org"))
    assert out.body == "Dear {{ my_email }}"


def test_spacing_inside_the_braces_does_not_matter():
    assert render(template("{{employer}}/{{  employer  }}"), ctx()).body == "Acme Corp/Acme Corp"


def test_an_unknown_value_shows_as_a_marker_and_is_listed_once():
    out = render(template("On {{ interview_date }}, {{ interview_date }}."), ctx())
    assert out.body == "On [interview date?], [interview date?]."
    assert out.missing == ["interview_date"]


def test_typed_values_fill_the_gaps_and_blank_ones_do_not():
    t = template("On {{ interview_date }} at {{ employer }}.")
    assert render(t, ctx(), {"interview_date": "  "}).missing == ["interview_date"]
    assert render(t, ctx(), {"interview_date": "March 10", "nonsense": "x"}).body == "On March 10 at Acme Corp."


def test_a_value_with_a_line_break_cannot_split_the_subject():
    out = render(template("b", subject="Re: {{ employer }}"), ctx(employer="Acme\r\nBcc: x@evil"))
    assert "\n" not in out.subject and "\r" not in out.subject


# -- mailto -----------------------------------------------------------------------------------------

def parse_mailto(uri: str):
    parts = urlsplit(uri)
    assert parts.scheme == "mailto" and parts.fragment == ""
    query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=bool(parts.query))
    return unquote(parts.path), query


NASTY = "Tom & Jerry? #1 100% = +good; a+b\r\nBcc: spy@evil.example\nZoë naïve 日本語 ☕ /\\ 'quoted' \"too\""


def test_a_hostile_body_and_subject_come_back_exactly_with_no_extra_header():
    subject = "Re: Q&A? #1 100% = +1 ünïcode ☕"
    uri = build_mailto("raj@acme.example", subject, NASTY)
    to, query = parse_mailto(uri)
    assert to == "raj@acme.example"
    assert set(query) == {"subject", "body"}
    assert query["subject"] == [subject]
    expected = NASTY.replace("\r\n", "\n").replace("\n", "\r\n")
    assert query["body"] == [expected]  # line breaks as CRLF
    query_text = uri.split("?", 1)[1]
    assert query_text.count("&") == 1 and query_text.count("=") == 2
    for value in (v.split("=", 1)[1] for v in query_text.split("&")):
        # nothing but unreserved characters and %XX escapes: nothing a mail client could re-read
        assert re.fullmatch(r"(?:[A-Za-z0-9._~-]|%[0-9A-F]{2})*", value)
    assert "%0D%0A" in uri and "%2B" in uri and "%26" in uri and "%23" in uri and "%25" in uri


def test_every_line_break_becomes_crlf():
    _, query = parse_mailto(build_mailto("a@b.example", "s", "one\ntwo\rthree\r\nfour"))
    assert query["body"] == ["one\r\ntwo\r\nthree\r\nfour"]


@pytest.mark.parametrize("to", ["a@b.example?bcc=spy@evil.example", "a@b.example&cc=spy@evil.example",
                                "a@b.example#frag", "a@b.example,spy@evil.example", "a%40b@x.example"])
def test_an_address_cannot_add_a_header_or_a_fragment(to):
    uri = build_mailto(to, "Hello", "Body")
    head = uri.split("?", 1)[0]
    assert "?" not in head[len("mailto:"):] and "&" not in head and "#" not in head and "," not in head
    got, query = parse_mailto(uri)
    assert got == to  # the typed text, intact, as one address
    assert set(query) == {"subject", "body"}


@pytest.mark.parametrize("field", ["to", "subject"])
@pytest.mark.parametrize("brk", ["\r", "\n", "\r\n"])
def test_a_line_break_in_the_address_or_subject_is_refused(field, brk):
    args = {"to": "a@b.example", "subject": "Hello", "body": "Body"}
    args[field] = f"x{brk}Bcc: spy@evil.example"
    with pytest.raises(ValueError, match="one line"):
        build_mailto(**args)


def test_an_empty_subject_or_body_is_left_out():
    assert build_mailto("a@b.example", "", "") == "mailto:a@b.example"
    assert build_mailto("", "Hi", "") == "mailto:?subject=Hi"


# -- sections: sentences chosen by what happened, nothing evaluated ---------------------------------

def _with_flags(**flags) -> Context:
    c = ctx(interview_date="March 10")
    c.flags = flags
    return c


def test_a_section_keeps_only_the_sentence_whose_fact_holds():
    t = template("{{ if interviewed }}Thank you for meeting me on {{ interview_date }}.{{ else }}"
                 "Thank you for reading my application.{{ end }} Best, {{ my_name }}")
    assert render(t, _with_flags(interviewed=True)).body == "Thank you for meeting me on March 10. Best, Jordan Lee"
    assert render(t, _with_flags(interviewed=False)).body == "Thank you for reading my application. Best, Jordan Lee"
    assert render(t, _with_flags()).body.startswith("Thank you for reading")  # an unknown fact does not hold


def test_a_placeholder_as_condition_holds_when_its_value_is_known_and_a_false_branch_asks_for_nothing():
    t = template('I applied on March 2{{ if applied_subject }} ("{{ applied_subject }}"){{ end }}.')
    assert render(t, ctx()).body == "I applied on March 2."
    assert render(t, ctx()).missing == []
    assert render(t, ctx(applied_subject="Application")).body == 'I applied on March 2 ("Application").'


def test_sections_nest_and_a_tag_alone_on_its_line_takes_the_line():
    t = template("Dear Raj,\n{{ if interviewed }}\nMet.\n{{ if not rejected }}\nStill open.\n{{ end }}\n{{ end }}\nBye")
    assert render(t, _with_flags(interviewed=True)).body == "Dear Raj,\nMet.\nStill open.\nBye"
    assert render(t, _with_flags(interviewed=True, rejected=True)).body == "Dear Raj,\nMet.\nBye"
    assert render(t, _with_flags()).body == "Dear Raj,\nBye"


@pytest.mark.parametrize("text", ["{{ if interviewed }}no end", "an {{ end }} alone", "{{ if nonsense }}x{{ end }}",
                                  "{{ if __import__('os').system('x') }}x{{ end }}"])
def test_a_broken_or_unknown_section_stays_as_written_and_a_user_file_with_it_is_refused(text):
    out = render(template(text), _with_flags(interviewed=True))
    assert out.body == text  # never evaluated, never half-applied
    t = parse_template('[[template]]\nid = "x"\nsituation = "nudge"\nchannel = "email"\nsubject = "s"\n'
                       f"body = '''\n{text}\n'''\n", "x.toml")
    assert t.error and "line" in t.error and "{{" in t.error
