#!/usr/bin/env bash
# Checks the app as `pip install .`, `pipx install` or a wheel from the repository gives it
# (the test suite runs from an editable install, which would not notice):
#
#   1. a wheel built from the working tree (a clean copy of it, so that no stale build/ folder
#      leaks in) holds every module of followup_desktop/ and every file of resources/;
#   2. installed into a fresh venv (not editable; the dependencies come from pip's cache or
#      index as usual), the app runs from there, not from the source tree, and finds its
#      resources inside the installed package;
#   3. `followup-desktop --self-test` passes from that venv without a display (offscreen).
#
# Every run uses a temporary folder and data dir. PYTHON picks the interpreter (default
# .venv/bin/python, which needs pip). Exits non-zero at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-.venv/bin/python}
APP=followup-desktop

step() { echo "check-wheel: $*"; }
fail() { echo "check-wheel: FAIL: $*" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/followup-wheel-check.XXXXXX")
trap 'rm -rf "$work"' EXIT

step "building the wheel"
mkdir -p "$work/src" "$work/wheel"
tar --exclude=./.git --exclude=./.venv --exclude=./build --exclude=./dist --exclude=__pycache__ \
    --exclude='*.egg-info' --exclude=./.pytest_cache --exclude=./.hypothesis --exclude=./artifacts \
    -cf - . | tar -C "$work/src" -xf -
"$PYTHON" -m pip wheel -q --no-deps -w "$work/wheel" "$work/src" > "$work/build.log" 2>&1 \
    || fail "pip wheel failed: $(cat "$work/build.log")"
wheels=("$work"/wheel/*.whl)
[ "${#wheels[@]}" -eq 1 ] && [ -f "${wheels[0]}" ] || fail "expected one wheel, found: ${wheels[*]}"
wheel=${wheels[0]}

step "the wheel holds every module and every resource ($(basename "$wheel"))"
"$PYTHON" - "$wheel" <<'EOF' || fail "the wheel is incomplete (see pyproject.toml's [tool.setuptools] tables)"
import sys
import zipfile
from pathlib import Path

names = set(zipfile.ZipFile(sys.argv[1]).namelist())
wanted = {p.as_posix() for p in Path("followup_desktop").rglob("*.py") if "__pycache__" not in p.parts}
wanted |= {"followup_desktop/_resources/" + p.relative_to("resources").as_posix()
           for p in Path("resources").rglob("*") if p.is_file()}
missing = sorted(wanted - names)
if missing:
    print("missing from the wheel:\n  " + "\n  ".join(missing), file=sys.stderr)
    sys.exit(1)
EOF

step "installing it into a fresh venv"
# The venv's interpreter is the one PYTHON runs on (its base, when PYTHON is itself a venv's).
base=$("$PYTHON" -c 'import sys; print(sys._base_executable)')
"$base" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q "$wheel" > "$work/install.log" 2>&1 \
    || fail "pip install of the wheel failed: $(cat "$work/install.log")"

# Outside the repository, nothing but the venv on the path, no display, a throw-away HOME.
run() {
    (cd "$work" && env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM -u FOLLOWUP_DESKTOP_DATA_DIR \
        -u PYTHONPATH -u PYTHONHOME HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" \
        XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache" "$@")
}
mkdir -p "$work/home"

step "the installed app runs from the venv and finds its resources there"
where=$(run "$work/venv/bin/python" -c '
import followup_desktop
from followup_desktop.resources import resource_path, resources_dir
resource_path("sample.json"), resource_path("icons/followup-desktop-16.png")
print(followup_desktop.__file__)
print(resources_dir())
') || fail "the installed package does not find its resources"
case "$(sed -n 1p <<<"$where")" in "$work/venv/"*) ;; *) fail "the app was imported from outside the venv: $where" ;; esac
case "$(sed -n 2p <<<"$where")" in "$work/venv/"*/followup_desktop/_resources) ;; *)
    fail "the resources were found outside the installed package: $where" ;; esac
run "$work/venv/bin/$APP" --version | grep -q "^$APP " || fail "$APP --version from the venv printed nothing useful"

step "--self-test from the venv without a display"
out=$(run "$work/venv/bin/$APP" --self-test 2>&1) || fail "--self-test from the installed wheel exited non-zero:
$out"
grep -q "(offscreen)" <<<"$out" || fail "--self-test did not show the window offscreen:
$out"
grep -q "self-test passed" <<<"$out" || fail "--self-test: $out"

step "all checks passed"
