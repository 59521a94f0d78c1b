"""The app can be translated: every vocabulary member has its labels, every string a person
reads is in the English source catalogue with the context it is translated with, and a shipped
translation (with Qt's own for the same language) changes what the windows say."""

from __future__ import annotations

import ast
import enum
import importlib.util
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from followup_desktop import vocab
from followup_desktop.desktop.translations import install_translators, shipped_languages, shown

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "followup_desktop"
CATALOGUE = ROOT / "resources" / "translations" / "followup_desktop_en.ts"


def load_script():
    spec = importlib.util.spec_from_file_location("translations_script", ROOT / "packaging" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {(c.findtext("name") or "", m.findtext("source")) for c in root.iter("context") for m in c.iter("message")}


# -- the label tables -------------------------------------------------------------------------

def test_every_vocabulary_member_has_a_label_to_read_and_one_to_pick():
    vocabularies = [v for v in vars(vocab).values()
                    if isinstance(v, type) and issubclass(v, enum.StrEnum) and v.__module__ == vocab.__name__]
    tables = {t.vocabulary: t for t in vocab.LABEL_TABLES}
    assert set(vocabularies) == set(tables), "a vocabulary without a label table"
    for vocabulary, table in tables.items():
        for member in vocabulary:
            assert member in table, f"{vocabulary.__name__}.{member.name} has no label"
            assert table[member].shown.strip() and table[member].pick.strip(), member
        assert set(table) <= set(vocabulary)


def test_the_forms_pick_in_the_first_person_what_the_lists_show_plainly():
    assert vocab.OUTCOMES.shown(vocab.Outcome.WITHDRAWN) == "Withdrawn"
    assert vocab.OUTCOMES.pick(vocab.Outcome.WITHDRAWN) == "I withdrew"
    assert vocab.STAGES.pick(vocab.Stage.LEAD) == "Lead (not applied yet)"
    assert vocab.STAGE_LABELS[vocab.Stage.LEAD] == "Lead"  # the command line's words
    assert vocab.ACTIONS.shown("an old step") == "an old step"  # a value from an older file


# -- literal strings ----------------------------------------------------------------------------

TRANSLATING = {"tr", "translate"}


def translate_calls():
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                f = node.func
                name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else None
                if name in TRANSLATING or (name or "").lstrip("_") in TRANSLATING:
                    yield path, node, name


def test_every_string_given_to_tr_or_translate_is_a_literal():
    """`tr(variable)` and f-strings cannot be found by pyside6-lupdate (or are never the same
    twice); values go in after translation, through `{0}` placeholders. The one exception
    translates strings marked with QT_TRANSLATE_NOOP where they are written (the label tables)."""
    bad = []
    for path, node, name in translate_calls():
        wanted = 2 if name.lstrip("_") == "translate" else 1
        args = node.args[:wanted]
        literal = len(args) == wanted and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args)
        where = f"{path.relative_to(ROOT)}:{node.lineno}"
        if not literal and where.split(":")[0] != "followup_desktop/desktop/translations.py":
            bad.append(where)
    assert bad == []
    found = list(translate_calls())
    assert len(found) > 500  # the reader sees them


def test_the_reader_would_catch_a_variable_or_an_f_string():
    tree = ast.parse('translate("Ctx", text)\nself.tr(f"{n} days")\ntr("fine")\n')
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
    literal = [all(isinstance(a, ast.Constant) for a in c.args) for c in calls]
    assert literal.count(False) == 2


# -- the catalogue ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def fresh_catalogue(tmp_path_factory):
    ts = tmp_path_factory.mktemp("ts") / "followup_desktop_en.ts"
    load_script().extract(ts)
    return ts


def test_the_committed_catalogue_is_what_lupdate_finds_now(fresh_catalogue):
    committed, fresh = messages(CATALOGUE), messages(fresh_catalogue)
    missing, stale = sorted(fresh - committed), sorted(committed - fresh)
    assert (missing, stale) == ([], []), "run .venv/bin/python packaging/translations.py and commit the catalogue"


def test_every_label_setting_and_situation_is_in_the_catalogue_with_its_context(fresh_catalogue):
    found = messages(fresh_catalogue)
    for table in vocab.LABEL_TABLES:
        for label in table.values():
            assert (vocab.LABEL_CONTEXT, label.shown) in found and (vocab.LABEL_CONTEXT, label.pick) in found
    from followup_desktop.settings import REGISTRY

    assert all(("FollowupSettings", spec.label) in found for spec in REGISTRY)
    assert ("Tray", "{0} follow-ups due") in found and ("Timeline", "You thanked {0}") in found
    assert ("FollowupHelp", "Getting started") in found
    # a string outside any class or context would be looked up under a context nothing uses
    assert not [source for context, source in found if context == ""]


# -- at run time --------------------------------------------------------------------------------

GERMAN = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context><name>vocab</name>
  <message><source>Interviewing</source><translation>Im Gespräch</translation></message>
  <message><source>Due now</source><translation>Jetzt fällig</translation></message>
</context>
<context><name>Tray</name>
  <message><source>{0} follow-ups due</source><translation>{0} Nachfassaktionen fällig</translation></message>
</context>
<context><name>Checks</name>
  <message><source>This would be your {0} unanswered follow-up. The playbook suggests closing out this lead and putting the time into other leads.</source><translation>Das wäre Ihre {0} unbeantwortete Nachfrage. Besser schließen Sie diese Stelle ab und nutzen die Zeit für andere.</translation></message>
  <message><source>third</source><translation>dritte</translation></message>
</context>
</TS>
"""


@pytest.fixture
def german(tmp_path, qapp):
    """A translation shipped for German, compiled with pyside6-lrelease as a release would."""
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(__import__("sys").executable).parent))
    assert lrelease, "pyside6-lrelease comes with PySide6-Essentials"
    ts = tmp_path / "followup_desktop_de.ts"
    ts.write_text(GERMAN, encoding="utf-8")
    subprocess.run([lrelease, str(ts), "-qm", str(tmp_path / "followup_desktop_de.qm")], check=True,
                   capture_output=True)
    installed = install_translators(qapp, QLocale("de_DE"), folder=tmp_path)
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)


def test_a_shipped_translation_for_the_users_language_is_loaded_with_qts_own(german, qtbot, tmp_path):
    assert shipped_languages(tmp_path) == ["de"]
    assert len(german) == 2  # the app's and Qt's qtbase_de
    assert shown(vocab.STAGES, "interviewing") == "Im Gespräch"
    from followup_desktop.tray.texts import due_count_text

    assert due_count_text(4) == "4 Nachfassaktionen fällig"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"  # Qt's own buttons
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(QDialogButtonBox.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.Cancel).text().replace("&", "") == "Abbrechen"


def test_the_window_reads_in_the_translation(german, qtbot, data_dir):
    from followup_desktop.paths import DataPaths
    from followup_desktop.ui.app import build

    workspace, window = build(DataPaths(data_dir))
    qtbot.addWidget(window)
    try:
        assert window.filter_buttons["due"].text().startswith("Jetzt fällig")
    finally:
        workspace.close()


def test_a_check_in_the_compose_window_reads_in_the_translation_with_its_values(
        german, qtbot, data_dir, dataset, write_json, clock_at):
    from datetime import datetime

    from followup_desktop.exchange.jsonfile import import_json
    from followup_desktop.paths import DataPaths
    from followup_desktop.ui.compose import ComposeWindow
    from followup_desktop.ui.workspace import Workspace

    susan = {"key": "susan", "employer": "acme", "name": "Susan Smith", "role": "recruiter",
             "email": "susan@acme.example"}
    events = [{"kind": "applied", "at": "2026-03-02T09:00:00", "channel": "portal"},
              {"kind": "follow_up", "at": "2026-03-12T10:00:00", "channel": "email", "contacts": ["susan"]},
              {"kind": "follow_up", "at": "2026-03-19T10:00:00", "channel": "email", "contacts": ["susan"]}]
    doc = dataset(events, contacts=[susan], profile={"name": "Jordan Lee", "email": "jordan@example.org"},
                  applications=[{"key": "acme-clerk", "employer": "acme", "position": "Clerk",
                                 "source": "posting", "stage": "applied"}])
    ws = Workspace(DataPaths(data_dir), clock=clock_at(datetime(2026, 3, 30, 10, 0)))
    import_json(ws.store, write_json(doc))
    ws.load()
    window = ComposeWindow(ws, application_key="acme-clerk", situation="nudge", contact_key="susan")
    qtbot.addWidget(window)
    try:
        assert "close_out" in window.check_codes()
        shown = [window.checks_list.item(i).text() for i in range(window.checks_list.count())]
        assert "Das wäre Ihre dritte unbeantwortete Nachfrage. Besser schließen Sie diese Stelle ab " \
               "und nutzen die Zeit für andere." in shown
        english = [c.message for c in window.model.checks if c.code == "close_out"]
        assert english == ["This would be your third unanswered follow-up. The playbook suggests closing out "
                           "this lead and putting the time into other leads."]  # the core's words stay English
    finally:
        window.discard()
        ws.close()


def test_every_check_template_is_in_the_catalogue_in_the_checks_context(fresh_catalogue):
    found = messages(fresh_catalogue)
    assert ("Checks", "Sign off with your full name, {0}.") in found
    assert ("Checks", "Fill in before sending: {0}.") in found and ("Checks", ", ") in found
    assert ("Checks", "third") in found


def test_english_needs_no_translator_and_a_language_not_shipped_loads_none(qapp, tmp_path):
    assert install_translators(qapp, QLocale("en_US")) == []
    assert install_translators(qapp, QLocale("fr_FR")) == []  # no French translation is shipped
    assert shipped_languages() == []
    assert QCoreApplication.translate("vocab", "Interviewing") == "Interviewing"
