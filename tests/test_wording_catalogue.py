"""The wording catalogue: the shipped templates cover every step, the user's own copies win, and
a broken file is reported without ever stopping the app or the message being written."""

from __future__ import annotations

import stat

import pytest

from followup_desktop.paths import DataPaths
from followup_desktop.vocab import ActionName
from followup_desktop.wording import (
    PLACEHOLDERS,
    SITUATIONS,
    Context,
    load_catalogue,
    parse_template,
    render,
    situation_for_action,
    template_to_text,
)
from followup_desktop.wording.catalogue import parse_templates, shipped_dir

MY_NUDGE = '''
[[template]]
id = "nudge.email.2"
situation = "nudge"
channel = "email"
label = "My own nudge"
subject = "Still keen: {{ position }}"
body = """
Hi {{ contact_first_name }},

Mine, not theirs.

{{ my_name }}
"""
'''


@pytest.fixture
def user_dir(data_dir):
    return DataPaths(data_dir).templates


# -- what ships ----------------------------------------------------------------------------------

def test_every_shipped_template_loads_without_error():
    catalogue = load_catalogue(None)
    assert catalogue.errors() == []
    assert len(catalogue.all()) >= 25
    assert {p.stem for p in shipped_dir().glob("*.toml")} == set(SITUATIONS)  # one file per situation


def test_every_step_of_the_playbook_has_wording_on_every_channel_it_offers():
    catalogue = load_catalogue(None)
    for name in ActionName:
        situation = situation_for_action(name)
        for channel in SITUATIONS[situation].channels:
            assert catalogue.templates(situation, channel), (name, channel)
    for situation in SITUATIONS:
        for channel in SITUATIONS[situation].channels:
            assert catalogue.templates(situation, channel), (situation, channel)
    assert len(catalogue.templates("nudge", "email")) >= 2
    assert len(catalogue.templates("nudge", "phone")) >= 2
    assert catalogue.templates("thank_you", "letter")
    assert catalogue.templates("check_in", "message") and catalogue.templates("connect_request", "message")


def test_shipped_templates_use_only_known_placeholders_and_subjects_only_on_email():
    for t in load_catalogue(None).all():
        assert t.unknown_placeholders() == [], t.id
        assert set(t.placeholders()) <= set(PLACEHOLDERS), t.id
        assert (t.subject is not None) == (t.channel == "email"), t.id
        assert t.channel in SITUATIONS[t.situation].channels, t.id


def test_phone_scripts_say_what_to_leave_on_voicemail():
    for t in load_catalogue(None).all():
        if t.channel == "phone":
            assert "voicemail" in t.body.lower(), t.id


def test_shipped_wording_stays_within_its_length_limits():
    from followup_desktop.wording.checks import message_words

    ctx = Context(values={name: "Xx" for name in PLACEHOLDERS})
    for t in load_catalogue(None).all():
        limit = SITUATIONS[t.situation].max_words
        if limit and t.channel not in ("phone", "note"):
            assert message_words(render(t, ctx).body) <= limit - 10, t.id  # room for real names


def test_every_template_survives_a_round_trip_through_the_editor_text():
    for t in load_catalogue(None).all():
        again = parse_template(template_to_text(t), f"{t.id}.toml")
        assert again.error is None, again.error
        assert (again.id, again.situation, again.channel, again.label, again.subject, again.body) == (
            t.id, t.situation, t.channel, t.label, t.subject, t.body)


# -- the user's own ----------------------------------------------------------------------------------

def test_a_user_template_with_a_shipped_id_wins_and_is_saved_privately(user_dir):
    catalogue = load_catalogue(user_dir)
    saved = catalogue.save_user_template(user_dir, MY_NUDGE)
    assert saved.source == "user" and saved.path == user_dir / "nudge.email.2.toml"
    assert stat.S_IMODE(saved.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(user_dir.stat().st_mode) == 0o700

    for fresh in (catalogue, load_catalogue(user_dir)):  # in memory and after a restart
        email_nudges = fresh.templates("nudge", "email")
        assert email_nudges[0].label == "My own nudge"
        assert [t.id for t in email_nudges].count("nudge.email.2") == 1
        assert fresh.get("nudge.email.2").source == "user"
        assert fresh.pick("nudge", "email", 0).label == "My own nudge"


def test_a_user_template_with_a_new_id_adds_a_variant(user_dir):
    catalogue = load_catalogue(user_dir)
    before = len(catalogue.templates("thank_you", "email"))
    catalogue.save_user_template(user_dir, {
        "id": "thank_you.email.mine", "situation": "thank_you", "channel": "email",
        "label": "Mine", "subject": "Thanks, {{ contact_first_name }}", "body": "Thank you.\n\n{{ my_name }}",
    })
    found = load_catalogue(user_dir).templates("thank_you", "email")
    assert len(found) == before + 1 and found[0].id == "thank_you.email.mine"


def test_deleting_a_user_template_brings_the_shipped_one_back(user_dir):
    catalogue = load_catalogue(user_dir)
    catalogue.save_user_template(user_dir, MY_NUDGE)
    assert catalogue.delete_user_template(user_dir, "nudge.email.2")
    assert not (user_dir / "nudge.email.2.toml").exists()
    assert catalogue.get("nudge.email.2").source == "shipped"
    assert load_catalogue(user_dir).get("nudge.email.2").source == "shipped"
    assert not catalogue.delete_user_template(user_dir, "nudge.email.2")


def test_an_invalid_template_is_refused_on_save_and_nothing_is_written(user_dir):
    catalogue = load_catalogue(user_dir)
    with pytest.raises(ValueError, match="unknown situation"):
        catalogue.save_user_template(user_dir, MY_NUDGE.replace('situation = "nudge"', 'situation = "gossip"'))
    with pytest.raises(ValueError, match="id"):
        catalogue.save_user_template(user_dir, MY_NUDGE.replace('"nudge.email.2"', '"../../evil"'))
    assert not user_dir.exists() or not list(user_dir.iterdir())


# -- broken files --------------------------------------------------------------------------------------

def write(user_dir, name, text):
    user_dir.mkdir(parents=True, exist_ok=True)
    (user_dir / name).write_text(text, encoding="utf-8")


def test_a_broken_user_template_is_reported_and_the_shipped_one_is_still_used(user_dir):
    write(user_dir, "nudge.email.2.toml", MY_NUDGE.replace('label = "My own nudge"', 'label = "My own nudge'))
    catalogue = load_catalogue(user_dir)  # never raises
    (broken,) = catalogue.errors()
    assert broken.source == "user" and "nudge.email.2.toml" in broken.error and "line 6" in broken.error
    assert broken in catalogue.all()
    used = catalogue.get("nudge.email.2")
    assert used.source == "shipped" and used.ok
    assert broken not in catalogue.templates("nudge", "email")
    assert len(catalogue.templates("nudge", "email")) == 3


def test_a_user_copy_with_an_unknown_key_falls_back_to_the_shipped_template(user_dir):
    write(user_dir, "nudge.email.2.toml", MY_NUDGE.replace('label = "My own nudge"', 'lable = "My own nudge"'))
    catalogue = load_catalogue(user_dir)
    (broken,) = catalogue.errors()
    assert "unknown key 'lable'" in broken.error and "line 6" in broken.error
    assert broken.id == "nudge.email.2"
    assert catalogue.get("nudge.email.2").source == "shipped"


@pytest.mark.parametrize("text, expected", [
    ("[[template]]\nid = 1\n", "must be text"),
    ('[letters]\nbody = "x"\n', "unknown section or key 'letters'"),
    ('situation = "nudge"\n', "no [[template]]"),
    ('[[template]]\nid = "x"\nsituation = "nudge"\nchannel = "fax"\nbody = "b"\n', "unknown channel 'fax'"),
    ('[[template]]\nid = "x"\nsituation = "nudge"\nchannel = "phone"\nsubject = "s"\nbody = "b"\n',
     "only an email has a subject"),
    ('[[template]]\nid = "x"\nsituation = "nudge"\nchannel = "email"\nbody = "  "\n', "the body is empty"),
    ("\x00\x01", "not valid TOML"),
])
def test_each_kind_of_mistake_gets_a_message_naming_the_file(text, expected):
    t = parse_template(text, "mine.toml")
    assert t.error is not None and expected in t.error and t.error.startswith("mine.toml")


def test_an_unreadable_file_does_not_stop_the_others(user_dir):
    write(user_dir, "a.toml", "not = [toml")
    user_dir.joinpath("b.toml").write_bytes(b"\xff\xfe bad bytes")
    catalogue = load_catalogue(user_dir)
    assert len(catalogue.errors()) == 2
    assert catalogue.pick("thank_you", "email") is not None


def test_the_editor_preview_rejects_a_file_with_two_templates():
    two = MY_NUDGE + MY_NUDGE.replace("nudge.email.2", "nudge.email.9")
    assert len(parse_templates(two, "x.toml")) == 2
    assert "keep one per file" in parse_template(two, "x.toml").error
