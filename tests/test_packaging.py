"""The packaged app, short of a full build (that runs after pytest: packaging/build.sh and
packaging/check-frozen.sh): installing and uninstalling for one user, the menu entry, what the
PyInstaller spec keeps and leaves out, and the runtime hook for builds without output streams.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import struct
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DESKTOP_FILE = ROOT / "resources" / "followup-desktop.desktop"
SPEC = PACKAGING / "followup_desktop.spec"
APP = "followup-desktop"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux archive's scripts")


# -- install.sh / uninstall.sh ---------------------------------------------------------------------

def make_archive(where: Path, program_version: str = "1.0.0", extra_file: str | None = None) -> Path:
    """An unpacked archive as build.sh lays it out, around a stand-in program that answers
    `--version` (a real bundle takes a full build)."""
    top = where / f"{APP}-{program_version}-linux-x86_64"
    bundle = top / APP
    (bundle / "_internal").mkdir(parents=True)
    exe = bundle / APP
    exe.write_text(f'#!/bin/sh\necho "{APP} {program_version}"\n')
    exe.chmod(0o755)
    (bundle / "_internal" / "libsomething.so").write_text("stand-in")
    if extra_file:
        (bundle / "_internal" / extra_file).write_text("only in this version")
    for src in (DESKTOP_FILE, ROOT / "resources" / f"{APP}.svg",
                PACKAGING / "linux" / "install.sh", PACKAGING / "linux" / "uninstall.sh"):
        shutil.copy(src, top / src.name)
    return top


def user_env(home: Path, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env["HOME"] = str(home)
    env.update(extra)
    return env


def sh(script: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(["sh", str(script)], env=env, capture_output=True, text=True, timeout=60)


@pytest.fixture
def home(tmp_path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path


def test_install_puts_program_menu_entry_icon_and_command_in_the_users_home(tmp_path, home):
    top = make_archive(tmp_path / "unpacked")

    done = sh(top / "install.sh", user_env(home))

    assert done.returncode == 0, done.stderr
    exe = home / ".local/opt" / APP / APP
    assert subprocess.run([str(exe), "--version"], capture_output=True, text=True).stdout.strip() == f"{APP} 1.0.0"
    entry = (home / ".local/share/applications" / f"{APP}.desktop").read_text()
    assert f'Exec="{exe}"' in entry.splitlines()
    assert f"TryExec={exe}" in entry.splitlines()
    assert (home / ".local/share/icons/hicolor/scalable/apps" / f"{APP}.svg").read_bytes() == \
        (ROOT / "resources" / f"{APP}.svg").read_bytes()
    assert os.readlink(home / ".local/bin" / APP) == str(exe)
    assert (home / ".local/opt" / APP / "uninstall.sh").stat().st_mode & stat.S_IXUSR
    assert str(exe) in done.stdout
    # nothing left behind from the swap
    assert sorted(p.name for p in (home / ".local/opt").iterdir()) == [APP]


def test_install_honours_xdg_data_home_for_the_menu_entry_and_icon(tmp_path, home):
    top = make_archive(tmp_path / "unpacked")
    xdg = tmp_path / "xdg-data"

    done = sh(top / "install.sh", user_env(home, XDG_DATA_HOME=str(xdg)))

    assert done.returncode == 0, done.stderr
    assert (xdg / "applications" / f"{APP}.desktop").is_file()
    assert (xdg / "icons/hicolor/scalable/apps" / f"{APP}.svg").is_file()
    assert not (home / ".local/share/applications").exists()


def test_installing_a_newer_archive_replaces_the_program_and_leaves_no_old_files(tmp_path, home):
    first = sh(make_archive(tmp_path / "v1", "1.0.0", extra_file="old-only.py") / "install.sh", user_env(home))
    assert first.returncode == 0, first.stderr

    second = sh(make_archive(tmp_path / "v2", "2.0.0") / "install.sh", user_env(home))

    assert second.returncode == 0, second.stderr
    prefix = home / ".local/opt" / APP
    assert subprocess.run([str(prefix / APP), "--version"], capture_output=True, text=True).stdout.strip() == f"{APP} 2.0.0"
    assert not (prefix / "_internal" / "old-only.py").exists()
    assert os.readlink(home / ".local/bin" / APP) == str(prefix / APP)


def test_install_leaves_someone_elses_followup_desktop_command_alone(tmp_path, home):
    theirs = home / ".local/bin" / APP
    theirs.parent.mkdir(parents=True)
    theirs.write_text("#!/bin/sh\necho a pip-installed copy\n")

    done = sh(make_archive(tmp_path / "unpacked") / "install.sh", user_env(home))

    assert done.returncode == 0, done.stderr
    assert theirs.read_text() == "#!/bin/sh\necho a pip-installed copy\n"
    assert "left alone" in done.stderr


def test_a_home_with_spaces_gets_a_valid_quoted_menu_entry(tmp_path):
    home = tmp_path / "Jane Q Public"
    home.mkdir()

    done = sh(make_archive(tmp_path / "unpacked") / "install.sh", user_env(home))

    assert done.returncode == 0, done.stderr
    entry = home / ".local/share/applications" / f"{APP}.desktop"
    assert f'Exec="{home}/.local/opt/{APP}/{APP}"' in entry.read_text().splitlines()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr


def test_install_refuses_a_home_a_menu_entry_cannot_name_and_installs_nothing(tmp_path):
    home = tmp_path / "odd$home"
    home.mkdir()

    done = sh(make_archive(tmp_path / "unpacked") / "install.sh", user_env(home))

    assert done.returncode != 0
    assert "cannot install" in done.stderr
    assert not (home / ".local/opt" / APP).exists()


def test_install_run_from_elsewhere_than_the_archive_says_so(tmp_path, home):
    lone = tmp_path / "lone"
    lone.mkdir()
    shutil.copy(PACKAGING / "linux" / "install.sh", lone)

    done = sh(lone / "install.sh", user_env(home))

    assert done.returncode != 0
    assert "run install.sh from the unpacked archive" in done.stderr
    assert not (home / ".local").exists()


def test_uninstall_removes_everything_installed_but_keeps_the_users_data(tmp_path, home):
    env = user_env(home)
    assert sh(make_archive(tmp_path / "unpacked") / "install.sh", env).returncode == 0
    data = home / ".local/share" / APP
    data.mkdir(parents=True)
    (data / "followup.sqlite3").write_text("the user's follow-ups")
    exe = home / ".local/opt" / APP / APP
    autostart = home / ".config/autostart" / f"{APP}.desktop"
    autostart.parent.mkdir(parents=True)
    autostart.write_text(f"[Desktop Entry]\nType=Application\nName=Follow-up Desktop\nExec={exe} --minimized\n")

    done = sh(home / ".local/opt" / APP / "uninstall.sh", env)

    assert done.returncode == 0, done.stderr
    for gone in (home / ".local/opt" / APP, home / ".local/share/applications" / f"{APP}.desktop",
                 home / ".local/share/icons/hicolor/scalable/apps" / f"{APP}.svg", home / ".local/bin" / APP,
                 autostart):
        assert not gone.exists() and not gone.is_symlink(), gone
    assert (data / "followup.sqlite3").read_text() == "the user's follow-ups"
    assert str(data) in done.stdout


def test_uninstall_keeps_a_start_at_login_entry_of_another_installation(tmp_path, home):
    env = user_env(home)
    assert sh(make_archive(tmp_path / "unpacked") / "install.sh", env).returncode == 0
    autostart = home / ".config/autostart" / f"{APP}.desktop"
    autostart.parent.mkdir(parents=True)
    autostart.write_text("[Desktop Entry]\nType=Application\nName=Follow-up Desktop\n"
                         "Exec=/home/me/.venv/bin/followup-desktop --minimized\n")

    assert sh(home / ".local/opt" / APP / "uninstall.sh", env).returncode == 0

    assert autostart.exists()


# -- the menu entry ---------------------------------------------------------------------------------

def desktop_entry_fields() -> dict:
    lines = DESKTOP_FILE.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line and not line.startswith("#"))


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils not installed")
def test_the_menu_entry_passes_desktop_file_validate():
    check = subprocess.run(["desktop-file-validate", str(DESKTOP_FILE)], capture_output=True, text=True)
    assert check.returncode == 0 and not check.stdout.strip(), check.stdout + check.stderr


def test_the_menu_entry_shows_the_shipped_icon_and_matches_the_windows_class():
    fields = desktop_entry_fields()
    assert fields["Type"] == "Application"
    assert fields["Name"] == "Follow-up Desktop"
    assert (ROOT / "resources" / f"{fields['Icon']}.svg").is_file()
    # Qt's X11 windows carry the application name as their class: this groups them under the
    # entry in docks and task bars.
    assert fields["StartupWMClass"] == "Follow-up Desktop"
    assert fields["Exec"] == APP and fields["Terminal"] == "false"


# -- the PyInstaller spec ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def spec():
    """The spec's tables and helpers, run without the build steps (those need PyInstaller's
    build machinery and take a minute)."""
    pytest.importorskip("PyInstaller")
    text = SPEC.read_text(encoding="utf-8")
    head = text.split("# -- analysis", 1)[0]
    namespace = {"SPECPATH": str(PACKAGING), "__name__": "followup_desktop_spec"}
    exec(compile(head, str(SPEC), "exec"), namespace)
    namespace["text"] = text
    return namespace


def test_the_spec_names_the_program_and_its_version_from_the_package_metadata(spec):
    assert spec["EXE_NAME"] == APP
    assert spec["VERSION"] == version(APP)


def test_the_spec_leaves_out_the_big_qt_modules_the_app_does_not_use(spec):
    excluded = set(spec["EXCLUDES"])
    for module in ("QtQml", "QtQuick", "QtQuickWidgets", "QtWebEngineCore", "QtWebEngineWidgets",
                   "Qt3DCore", "QtMultimedia", "QtPdf", "QtSql", "QtDesigner", "QtOpenGL"):
        assert f"PySide6.{module}" in excluded, module
    assert "tkinter" in excluded


def test_the_spec_keeps_every_qt_module_the_app_uses(spec):
    kept = ("QtCore", "QtGui", "QtWidgets", "QtDBus")
    for module in kept:
        assert f"PySide6.{module}" not in spec["EXCLUDES"], module
        assert f"PySide6.{module}" in spec["HIDDEN"], module
    # QtNetwork is for the single instance on Windows only; the SVG plugins stay without the
    # Python module (nothing of the app imports it at run time)
    assert "PySide6.QtNetwork" in spec["EXCLUDES"] and "PySide6.QtNetwork" not in spec["HIDDEN"]
    assert "PySide6.QtSvg" in spec["EXCLUDES"]
    assert {"qsvg"} <= spec["KEEP_PLUGINS"]["imageformats"] and spec["KEEP_PLUGINS"]["iconengines"] == {"qsvgicon"}


def test_the_app_imports_qtnetwork_only_in_its_windows_code_and_never_qtsvg():
    """What lets the Linux bundle leave QtNetwork and the QtSvg module out."""
    import ast

    found = []
    for path in sorted((ROOT / "followup_desktop").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        functions = {id(inner): func.name for func in ast.walk(tree) if isinstance(func, ast.FunctionDef)
                     for inner in ast.walk(func)}  # the innermost function wins: walked last
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [getattr(node, "module", None) or ""] + [a.name for a in node.names]
                where = functions.get(id(node), "<module>")
                if any("QtSvg" in n for n in names):
                    found.append((path.name, "QtSvg", where))
                if any("QtNetwork" in n for n in names) and where not in ("_listen_qt", "_send_qt"):
                    found.append((path.name, "QtNetwork", where))
    assert found == []
    guard = (ROOT / "followup_desktop" / "desktop" / "single_instance.py").read_text(encoding="utf-8")
    assert '_UNIX = sys.platform != "win32"' in guard
    assert "self._listen() if _UNIX else self._listen_qt()" in guard
    assert "self._send() if _UNIX else self._send_qt()" in guard


def test_the_spec_collects_every_app_module_even_those_imported_lazily(spec):
    for module in ("followup_desktop.cli", "followup_desktop.selftest", "followup_desktop.ui.selftest",
                   "followup_desktop.ui.app", "followup_desktop.exchange.jsonfile", "followup_desktop.store"):
        assert module in spec["HIDDEN"], module


@pytest.mark.parametrize("dest, kept", [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
    ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
    ("PySide6/Qt/plugins/imageformats/libqico.so", False),  # Linux: nothing reads an ICO
    ("PySide6/Qt/plugins/imageformats/libqicns.so", False),
    ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
    ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", True),
    ("PySide6/Qt/plugins/wayland-graphics-integration-server/libqt-wayland-compositor-shm-emulation-server.so",
     False),
    ("PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", True),
    ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
    ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
    ("PySide6/Qt/plugins/platforms/qwindows.dll", True),
    ("PySide6/plugins/platforms/qwindows.dll", True),
    ("PySide6/Qt/translations/qtwebengine_de.qm", False),
    ("PySide6/Qt/translations/designer_de.qm", False),
    ("PySide6/Qt/translations/qtbase_de.qm", False),  # the app ships no German translation
    ("PySide6/Qt/qml/QtQuick/Controls/qmldir", False),
    ("PySide6/Qt/lib/libQt6Core.so.6", True),
    ("resources/followup-desktop.svg", True),
    ("followup_desktop-0.1.0.dist-info/METADATA", True),
])
def test_the_spec_prunes_qt_plugins_translations_and_qml_to_what_the_app_needs(spec, dest, kept):
    assert spec["_keep"]((dest, "/src/" + dest, "BINARY")) is kept


def test_the_bundle_keeps_qts_own_translations_only_for_the_languages_the_app_is_translated_into(spec):
    """qtbase_<language> goes with the app's own translation for that language (the app loads
    both for the user's locale); English, the source language, needs neither."""
    from followup_desktop.desktop.translations import shipped_languages

    assert spec["KEEP_TRANSLATIONS"] == tuple(f"qtbase_{language}." for language in shipped_languages())
    spec["APP_LANGUAGES"].append("de")  # as if a German translation were shipped
    try:
        keep = tuple(f"qtbase_{language}." for language in spec["APP_LANGUAGES"])
        spec["KEEP_TRANSLATIONS"], before = keep, spec["KEEP_TRANSLATIONS"]
        assert spec["_keep"](("PySide6/Qt/translations/qtbase_de.qm", "/src/x", "DATA"))
        assert not spec["_keep"](("PySide6/Qt/translations/qtbase_fr.qm", "/src/x", "DATA"))
        assert not spec["_keep"](("PySide6/Qt/translations/designer_de.qm", "/src/x", "DATA"))
    finally:
        spec["APP_LANGUAGES"].remove("de")
        spec["KEEP_TRANSLATIONS"] = before


def test_the_spec_bundles_the_whole_resources_folder_and_the_stdio_runtime_hook(spec):
    # where the wheel has it too, so that the app finds it the same way in both
    assert '(str(ROOT / "resources"), "followup_desktop/_resources")' in spec["text"]
    assert "pyi_rth_followup_stdio.py" in spec["text"]
    assert (PACKAGING / "rthooks" / "pyi_rth_followup_stdio.py").is_file()
    assert "console=False" in spec["text"]


def test_the_spec_describes_the_mac_app_and_the_windows_version_resource(spec):
    text = spec["text"]
    assert 'if sys.platform == "darwin":' in text and "BUNDLE(" in text
    assert spec["BUNDLE_ID"] == "org.followupdesktop.FollowupDesktop"
    assert '"NSHighResolutionCapable": True' in text
    assert "VSVersionInfo(" in text and "version=version_info" in text


def test_the_windows_installer_is_per_user_and_offers_start_at_login_minimized():
    iss = (PACKAGING / "windows" / "followup-desktop.iss").read_text(encoding="utf-8")
    assert re.search(r"^PrivilegesRequired=lowest$", iss, re.M)
    run_line = next(line for line in iss.splitlines()
                    if line.startswith("Root: HKCU") and "Tasks: startatlogin" in line)
    assert r"Software\Microsoft\Windows\CurrentVersion\Run" in run_line
    assert "--minimized" in run_line
    # the same value the app's own setting writes, so the two agree
    from followup_desktop.desktop.autostart import WINDOWS_RUN_KEY, WINDOWS_VALUE_NAME

    assert WINDOWS_RUN_KEY.endswith(r"Software\Microsoft\Windows\CurrentVersion\Run")
    assert f'#define RunValueName "{WINDOWS_VALUE_NAME}"' in iss


# -- frozen without output streams -------------------------------------------------------------------

def run_without_streams(code: str, tmp_path: Path, hook: bool) -> subprocess.CompletedProcess:
    """Python with sys.stdout and sys.stderr set to None, as in a windowed build on Windows."""
    prelude = "import sys\nsys.stdout = None\nsys.stderr = None\n"
    if hook:
        prelude += f"exec(open({str(PACKAGING / 'rthooks' / 'pyi_rth_followup_stdio.py')!r}).read())\n"
    env = dict(os.environ, FOLLOWUP_DESKTOP_DATA_DIR=str(tmp_path / "data"))
    return subprocess.run([sys.executable, "-c", prelude + code], env=env, capture_output=True,
                          text=True, timeout=60)


def test_without_output_streams_the_command_line_answers_due_import_and_export(tmp_path):
    sample = ROOT / "resources" / "sample.json"
    code = (
        "from followup_desktop.cli import main\n"
        f"codes = [main(['import', {str(sample)!r}]), main(['due', '--json']), main(['due']),\n"
        f"         main(['export', {str(tmp_path / 'out.json')!r}]), main(['import', 'notes.txt'])]\n"
        f"open({str(tmp_path / 'codes.json')!r}, 'w').write(repr(codes))\n"
    )

    done = run_without_streams(code, tmp_path, hook=True)

    assert done.returncode == 0
    assert (tmp_path / "codes.json").read_text() == "[0, 0, 0, 0, 2]"
    assert json.loads((tmp_path / "out.json").read_text())["applications"]


def test_the_launcher_starts_the_command_line_as_a_plain_script(tmp_path):
    done = subprocess.run([sys.executable, str(PACKAGING / "launcher.py"), "--version"],
                          capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"{APP} {version(APP)}"


def test_ci_builds_the_bundle_and_checks_it_and_the_wheel_after_the_tests():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = readme.split("<!-- test-command -->", 1)[1].strip().splitlines()[0]
    steps = [step.strip() for step in command.split("&&")]
    assert "'.[test,package]'" in steps[2]
    tests = steps.index(".venv/bin/python -m pytest")
    assert steps.index("bash packaging/build.sh") > tests
    assert steps.index("bash packaging/check-frozen.sh") > steps.index("bash packaging/build.sh")
    assert steps.index("bash packaging/check-wheel.sh") > tests


# -- the wheel --------------------------------------------------------------------------------------

def test_the_wheel_lists_every_package_of_the_app_and_every_folder_of_resources():
    """pyproject.toml names the packages (resources/ ships inside the package, which a `find`
    cannot map): a new folder that is not named there would be missing from the wheel."""
    import tomllib

    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "followup_desktop").rglob("__init__.py")}
    shipped = {".".join(("followup_desktop", "_resources") + d.relative_to(ROOT / "resources").parts)
               for d in [ROOT / "resources", *(ROOT / "resources").rglob("*")]
               if d.is_dir() and d.name != "__pycache__"}
    assert set(setuptools["packages"]) == on_disk | shipped
    assert setuptools["package-dir"] == {"followup_desktop._resources": "resources"}
    assert set(setuptools["package-data"]) == shipped


def test_the_app_finds_its_resources_beside_the_package_when_run_from_source():
    from followup_desktop.resources import resource_path, resources_dir

    assert resources_dir() == ROOT / "resources"
    assert resource_path("sample.json") == ROOT / "resources" / "sample.json"
    with pytest.raises(FileNotFoundError, match="'nothing.json' is missing"):
        resource_path("nothing.json")


def test_an_installed_package_finds_its_resources_inside_itself(tmp_path):
    """The wheel's layout (and the frozen bundle's): `followup_desktop/_resources/` in the
    installed package wins over anything beside it. packaging/check-wheel.sh checks a real wheel."""
    site = tmp_path / "site-packages"
    shutil.copytree(ROOT / "followup_desktop", site / "followup_desktop",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "resources", site / "followup_desktop" / "_resources")
    code = (f"import sys; sys.path.insert(0, {str(site)!r}); "
            "from followup_desktop.resources import resource_path; "
            "print(resource_path('icons/followup-desktop-16.png'))")
    done = subprocess.run([sys.executable, "-I", "-c", code], cwd=site, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(site / "followup_desktop" / "_resources" / "icons" / "followup-desktop-16.png")


# -- the Debian package (built by packaging/build.sh, installed and removed by check-frozen.sh) -----

METAINFO = ROOT / "resources" / "org.followupdesktop.FollowupDesktop.metainfo.xml"


def test_the_debian_package_depends_on_the_packages_the_readme_lists():
    listed = subprocess.run(["sh", str(PACKAGING / "linux-deps.sh"), "--bundle"], capture_output=True,
                            text=True, check=True).stdout.split()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    after = re.split(r"On Debian or Ubuntu\s+it needs these packages", readme, maxsplit=1)[1]
    block = after.split("\n\n", 2)[1]
    assert block.split() == listed
    build = (PACKAGING / "build.sh").read_text(encoding="utf-8")
    assert "$(sh packaging/linux-deps.sh --bundle)" in build


def test_the_appstream_metainfo_is_valid_and_describes_this_release_of_the_desktop_entry():
    if not shutil.which("appstreamcli"):
        pytest.fail("appstreamcli is missing: bash packaging/linux-deps.sh --test installs it")
    check = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True,
                           text=True, timeout=60)
    assert check.returncode == 0, check.stdout + check.stderr

    import xml.etree.ElementTree as ET

    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == "org.followupdesktop.FollowupDesktop"
    assert (ROOT / "resources" / component.findtext("launchable")) == DESKTOP_FILE
    assert component.findtext("provides/binary") == APP
    assert component.find("releases/release").get("version") == version(APP)


def test_the_debian_changelog_and_man_page_are_for_this_version():
    changelog = (PACKAGING / "debian" / "changelog").read_text(encoding="utf-8")
    assert changelog.startswith(f"{APP} ({version(APP)}) ")
    assert re.search(r"^ -- .+ <[^@\s]+@[^@\s]+>  \w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d [+-]\d{4}$", changelog, re.M)
    man = (PACKAGING / "debian" / f"{APP}.1").read_text(encoding="utf-8")
    assert '"followup-desktop @VERSION@"' in man.splitlines()[0]
    for command in ("due", "import", "export", r"\-\-self\-test", r"\-\-data\-dir", r"\-\-minimized"):
        assert command in man, command


# -- the smaller ICU data library of the Linux bundle (packaging/icudata.py) -------------------------

def qt_lib_dir() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "lib"


def load_icudata():
    import importlib.util

    loader = importlib.util.spec_from_file_location("icudata", PACKAGING / "icudata.py")
    module = importlib.util.module_from_spec(loader)
    loader.loader.exec_module(module)
    return module


ICU_PROBE = r"""
import functools
from PySide6.QtCore import (QCollator, QCoreApplication, QDateTime, QLocale, QStringConverter,
                            QStringDecoder, QStringEncoder, QTimeZone)
app = QCoreApplication([])
out = []
for locale, words in (("de_DE", ["Zebra", "Äpfel", "apfel", "Öl", "Ofen", "Müller", "Mueller", "ß", "ss"]),
                      ("sv_SE", ["ö", "z", "a", "å", "ä"]), ("ja_JP", ["か", "あ", "カ", "ア", "漢"])):
    out.append(sorted(words, key=functools.cmp_to_key(QCollator(QLocale(locale)).compare)))
numeric = QCollator(); numeric.setNumericMode(True)
out.append(sorted(["file10", "file2", "File1"], key=functools.cmp_to_key(numeric.compare)))
for codec in ("Shift_JIS", "windows-1252", "GB18030", "EUC-KR", "Big5", "KOI8-R", "ibm-1390"):
    out.append((codec, QStringDecoder(codec).isValid(), QStringEncoder(codec).name()))
out.append(len(QStringConverter.availableCodecs()))
out += [QLocale("tr_TR").toUpper("istanbul"), QLocale("de_DE").toUpper("straße"), QLocale("lt").toLower("ĮÌ")]
for zone in ("Europe/Berlin", "America/New_York", "Asia/Tokyo"):
    for locale in ("en_US", "de_DE", "fr_FR"):
        for kind in (QTimeZone.StandardTime, QTimeZone.DaylightTime, QTimeZone.GenericTime):
            out.append(QTimeZone(zone.encode()).displayName(kind, QTimeZone.LongName, QLocale(locale)))
moment = QDateTime.fromString("2026-03-10T15:30:00", "yyyy-MM-ddTHH:mm:ss")
out += [QLocale(locale).toString(moment, QLocale.LongFormat) for locale in ("en_US", "de_DE", "ja_JP")]
print("\n".join(map(str, out)))
"""


def test_the_qt_of_the_bundle_calls_only_the_icu_functions_the_smaller_data_was_cut_for():
    icudata = load_icudata()
    called = set()
    for lib in qt_lib_dir().glob("libQt6*.so.6"):
        symbols = subprocess.run(["nm", "-D", "--undefined-only", str(lib)], capture_output=True, text=True,
                                 check=True).stdout
        called |= {m.group(1) for m in re.finditer(r"\b(u\w+?)_\d+$", symbols, re.M)}
    assert called and called <= icudata.ICU_CALLS, sorted(called - icudata.ICU_CALLS)


def test_qt_collates_converts_cases_and_names_time_zones_alike_with_the_smaller_icu_data(tmp_path):
    """Everything Qt asks of ICU, answered by the full data and by the cut one: the same."""
    icudata = load_icudata()
    full = qt_lib_dir() / "libicudata.so.73"
    if not full.exists():
        full = next(qt_lib_dir().glob("libicudata.so.*"))
    small = tmp_path / "lib" / full.name
    left_out = icudata.shrink(full, small)
    assert small.stat().st_size < full.stat().st_size * 0.6
    assert any(name.endswith("brkitr/char.brk") for name in left_out)
    assert not any("/coll/" in name or name.endswith(".cnv") or "/zone/" in name for name in left_out)

    def probe(env_extra):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **env_extra)
        done = subprocess.run([sys.executable, "-c", ICU_PROBE], env=env, capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout

    with_full = probe({})
    # the loader looks in LD_LIBRARY_PATH before Qt's own RUNPATH
    with_small = probe({"LD_LIBRARY_PATH": str(small.parent), "LD_DEBUG": "libs",
                        "LD_DEBUG_OUTPUT": str(tmp_path / "ld")})
    loaded = "".join(p.read_text(errors="replace") for p in tmp_path.glob("ld.*"))
    assert f"trying file={small}" in loaded and f"calling init: {small}" in loaded
    assert with_small == with_full
    assert "Central European Standard Time" in with_full and "İSTANBUL" in with_full


# -- the Windows and macOS icons (packaging/render_icons.py) ------------------------------------------

ICO = PACKAGING / "windows" / "followup-desktop.ico"
ICNS = PACKAGING / "macos" / "followup-desktop.icns"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", data[:16]
    return struct.unpack(">II", data[16:24])


def shipped_png(size: int) -> bytes | None:
    path = ROOT / "resources" / "icons" / f"{APP}-{size}.png"
    return path.read_bytes() if path.exists() else None


def test_the_windows_icon_holds_every_size_from_16_to_256_px():
    data = ICO.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        width, height, _colours, _, planes, bits, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        image = data[offset:offset + length]
        assert len(image) == length
        size = width or 256
        assert (width, height) == (size % 256, size % 256) and (planes, bits) == (1, 32)
        assert png_size(image) == (size, size)
        if shipped_png(size) is not None:
            assert image == shipped_png(size), f"the {size} px image is not resources/icons' render"
        sizes.append(size)
    assert sizes == sorted(sizes) and {16, 24, 32, 48, 64, 128, 256} <= set(sizes)
    assert min(sizes) == 16 and max(sizes) == 256


def test_the_macos_icon_holds_each_size_at_1x_and_2x():
    data = ICNS.read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    found, at = {}, 8
    while at < len(data):
        kind, length = data[at:at + 4].decode("ascii"), struct.unpack(">I", data[at + 4:at + 8])[0]
        found[kind] = png_size(data[at + 8:at + length])
        at += length
    assert at == len(data)
    expected = {"icp4": 16, "ic11": 32, "icp5": 32, "ic12": 64, "ic07": 128, "ic13": 256, "ic08": 256,
                "ic14": 512, "ic09": 512, "ic10": 1024}
    assert found == {kind: (size, size) for kind, size in expected.items()}


def test_qt_reads_both_icons(qapp):
    from PySide6.QtGui import QImageReader

    for path, fmt in ((ICO, b"ico"), (ICNS, b"icns")):
        reader = QImageReader(str(path), fmt)
        assert reader.canRead(), (path, reader.errorString())
        sizes = set()
        for _ in range(reader.imageCount()):
            image = reader.read()
            assert not image.isNull(), (path, reader.errorString())
            sizes.add(image.width())
            reader.jumpToNextImage()
        assert {16, 32, 128, 256} <= sizes, (path, sizes)


def test_the_spec_gives_the_windows_and_mac_builds_these_icons(spec):
    text = spec["text"]
    assert 'ROOT / "packaging" / "windows" / "followup-desktop.ico"' in text
    assert 'ROOT / "packaging" / "macos" / "followup-desktop.icns"' in text
