#!/usr/bin/env bash
# Checks that the built bundle and archive (packaging/build.sh) work as a user gets them:
#
#   1. every library in the bundle finds the libraries it links to;
#   2. `--self-test` passes from the frozen program without a display (offscreen) and on a
#      virtual X server (xcb); there, with no tray, a due thank-you comes as a desktop
#      notification over D-Bus (a private bus, a stand-in service run with PYTHON, default
#      .venv/bin/python);
#      A password is kept, read back and deleted by the frozen app through the real Secret
#      Service (GNOME Keyring on a private bus) with the app's own backend (the bundle has no
#      SecretStorage, no cryptography);
#   3. the command line works from it: import the sample, `due --json`, export (JSON and ICS),
#      a large search exported and due the same read by two processes as by one,
#      the activity report as a PDF (offscreen), a bad file
#      refused with exit 2;
#   4. nothing of that wrote into the bundle;
#   5. the archive's install.sh installs into a throw-away HOME, the installed program runs, and
#      uninstall.sh takes everything away again but the data;
#   6. the Debian package has no lintian error; `apt-get install ./….deb` installs it (as root,
#      or through sudo), `followup-desktop --self-test` passes from /usr/bin, and `apt-get
#      remove` takes it away again. It refuses to run where the package is installed already.
#
# Every run uses a temporary data dir, never the real one. Exits non-zero at the first failure.
# FROZEN_CHECK_DISPLAY picks the X display number to try first (default 91).
set -euo pipefail
cd "$(dirname "$0")/.."

APP=followup-desktop
bundle=$PWD/dist/$APP
exe=$bundle/$APP
shopt -s nullglob
archives=(dist/$APP-*-linux-*.tar.gz)
shopt -u nullglob

step() { echo "check-frozen: $*"; }
fail() { echo "check-frozen: FAIL: $*" >&2; exit 1; }

[ -x "$exe" ] || fail "$exe is missing: run packaging/build.sh first"
[ "${#archives[@]}" -eq 1 ] || fail "expected one dist/$APP-*-linux-*.tar.gz, found ${#archives[@]}"
archive=$PWD/${archives[0]}

work=$(mktemp -d "${TMPDIR:-/tmp}/followup-frozen-check.XXXXXX")
xvfb_pid=""
app_pid=""
service_pid=""
bus_pid=""
deb_installed=""
cleanup() {
    for pid in "$app_pid" "$service_pid" "$bus_pid" "$xvfb_pid"; do
        [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
    done
    # a check that failed half-way does not leave the package installed
    [ -n "$deb_installed" ] && apt_get remove "$APP" > /dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

# Nothing but the program itself may be the reason a check passes: no display, no data dir and
# no platform inherited from the caller's session.
run() {
    env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM -u FOLLOWUP_DESKTOP_DATA_DIR \
        HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" \
        XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache" "$@"
}
mkdir -p "$work/home"

listing() { (cd "$bundle" && find . -printf '%p %s %T@ %m\n' | LC_ALL=C sort); }
listing > "$work/bundle-before"

# 1. libraries
step "libraries resolve"
missing=""
while IFS= read -r -d '' lib; do
    if out=$(LD_LIBRARY_PATH="$bundle/_internal" ldd "$lib" 2>&1 | grep "not found"); then
        missing="$missing
${lib#"$bundle"/}:$out"
    fi
done < <(find "$bundle" -type f \( -name '*.so' -o -name '*.so.*' \) -print0)
[ -z "$missing" ] || fail "libraries the bundle needs but cannot find (see packaging/linux-deps.sh):$missing"

# 2. self-test, offscreen then on X
step "--self-test without a display"
out=$(run "$exe" --self-test 2>&1) || fail "--self-test offscreen exited non-zero:
$out"
grep -q "(offscreen)" <<<"$out" || fail "--self-test did not show the window offscreen:
$out"
grep -q "self-test passed" <<<"$out" || fail "--self-test offscreen: $out"

step "--self-test on a virtual X server"
command -v Xvfb >/dev/null || fail "Xvfb is missing (bash packaging/linux-deps.sh --test)"
display=${FROZEN_CHECK_DISPLAY:-91}
for _ in $(seq 20); do
    [ -e "/tmp/.X$display-lock" ] || [ -e "/tmp/.X11-unix/X$display" ] || break
    display=$((display + 1))
done
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do
    [ -e "/tmp/.X11-unix/X$display" ] && break
    sleep 0.1
done
[ -e "/tmp/.X11-unix/X$display" ] || fail "Xvfb :$display did not start: $(cat "$work/xvfb.log")"
out=$(run env DISPLAY=":$display" "$exe" --self-test 2>&1) || fail "--self-test on X exited non-zero:
$out"
grep -q "(xcb)" <<<"$out" || fail "--self-test on X did not use xcb:
$out"
step "a desktop notification over D-Bus from the frozen app (no tray, a stand-in service)"
command -v dbus-daemon > /dev/null || fail "dbus-daemon is missing (bash packaging/linux-deps.sh --test)"
PYTHON=${PYTHON:-.venv/bin/python}
"$PYTHON" - "$work/susan.json" <<'EOF'
import json, sys
from datetime import datetime, timedelta
end = datetime.now().replace(microsecond=0) - timedelta(minutes=5)
json.dump({
    "format": "followup-desktop", "version": 1, "profile": {"name": "Jordan Lee"},
    "settings": {"quiet_hours_start": "00:00", "quiet_hours_end": "00:00"},  # any time of day
    "employers": [{"key": "acme", "name": "Acme Corp"}],
    "contacts": [{"key": "susan", "employer": "acme", "name": "Susan Smith", "role": "recruiter",
                  "email": "susan@acme.example"}],
    "applications": [{"key": "acme-office-manager", "employer": "acme", "position": "Office Manager",
                      "stage": "interviewing"}],
    "events": [{"application": "acme-office-manager", "kind": "interview",
                "at": (end - timedelta(minutes=30)).isoformat(), "duration_minutes": 30,
                "contacts": ["susan"], "decision_expected": (end + timedelta(days=3)).date().isoformat()}],
}, open(sys.argv[1], "w", encoding="utf-8"))
EOF
notify_data=$work/notify-data
run "$exe" --data-dir "$notify_data" import "$work/susan.json" > /dev/null || fail "importing the notification test's data failed"
dbus-daemon --session --nofork --print-address=1 > "$work/bus.address" 2> "$work/bus.log" &
bus_pid=$!
for _ in $(seq 50); do [ -s "$work/bus.address" ] && break; sleep 0.1; done
bus_address=$(head -1 "$work/bus.address")
[ -n "$bus_address" ] || fail "dbus-daemon did not start: $(cat "$work/bus.log")"
DBUS_SESSION_BUS_ADDRESS=$bus_address QT_QPA_PLATFORM=offscreen "$PYTHON" tests/fixtures/notification_service.py \
    > "$work/notifications.out" 2>&1 &
service_pid=$!
for _ in $(seq 100); do grep -q READY "$work/notifications.out" && break; sleep 0.1; done
grep -q READY "$work/notifications.out" || fail "the stand-in notification service did not start: $(cat "$work/notifications.out")"
run env DISPLAY=":$display" DBUS_SESSION_BUS_ADDRESS="$bus_address" "$exe" --data-dir "$notify_data" \
    > "$work/notify-app.log" 2>&1 &
app_pid=$!
for _ in $(seq 200); do grep -q "^NOTIFY" "$work/notifications.out" && break; sleep 0.1; done
kill "$app_pid" "$service_pid" "$bus_pid" 2>/dev/null || true
wait "$app_pid" "$service_pid" "$bus_pid" 2>/dev/null || true
app_pid=""
service_pid=""
bus_pid=""
grep -q "^NOTIFY susssasa{sv}i Thank-you note to Susan Smith (Acme Corp)" "$work/notifications.out" \
    || fail "the frozen app sent no desktop notification of the thank-you:
$(cat "$work/notifications.out")
$(cat "$work/notify-app.log")"

kill "$xvfb_pid" 2>/dev/null || true
wait "$xvfb_pid" 2>/dev/null || true
xvfb_pid=""

step "a password kept, read back and deleted through the Secret Service (GNOME Keyring on a private bus)"
command -v gnome-keyring-daemon > /dev/null || fail "gnome-keyring-daemon is missing (bash packaging/linux-deps.sh --test)"
keyring_home=$work/keyring-home
mkdir -p "$keyring_home/data" "$keyring_home/config" "$keyring_home/run"
chmod 700 "$keyring_home/run"
dbus-daemon --session --nofork --print-address=1 > "$work/bus.address" 2> "$work/bus.log" &
bus_pid=$!
for _ in $(seq 50); do [ -s "$work/bus.address" ] && break; sleep 0.1; done
bus_address=$(head -1 "$work/bus.address")
[ -n "$bus_address" ] || fail "dbus-daemon did not start: $(cat "$work/bus.log")"
keyring_env=(DBUS_SESSION_BUS_ADDRESS="$bus_address" XDG_DATA_HOME="$keyring_home/data"
             XDG_CONFIG_HOME="$keyring_home/config" XDG_RUNTIME_DIR="$keyring_home/run")
printf 'frozen-check-unlock' | env -u PYTHON_KEYRING_BACKEND "${keyring_env[@]}" HOME="$keyring_home" \
    gnome-keyring-daemon --foreground --unlock --components=secrets > "$work/keyring.log" 2>&1 &
service_pid=$!
for _ in $(seq 100); do
    dbus-send --bus="$bus_address" --print-reply --dest=org.freedesktop.DBus / \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true" && break
    sleep 0.1
done
out=$(run env -u PYTHON_KEYRING_BACKEND "${keyring_env[@]}" FOLLOWUP_DESKTOP_SELFTEST_KEYRING=1 "$exe" --self-test 2>&1) \
    || fail "--self-test with the Secret Service exited non-zero:
$out"
grep -q "keyring backend followup_desktop.mail.secret_service.Keyring kept, read back and deleted a password" <<<"$out" \
    || fail "the frozen app did not keep a password through its own Secret Service backend:
$out"
for module in secretstorage cryptography; do
    [ ! -e "$bundle/_internal/$module" ] || fail "the bundle has $module, which the app does not use"
done
kill "$service_pid" "$bus_pid" 2>/dev/null || true
wait "$service_pid" "$bus_pid" 2>/dev/null || true
service_pid=""
bus_pid=""

# 3. the command line
step "command line: import, due --json, export (.json, .ics), report (.pdf), a bad file"
data=$work/data
out=$(run "$exe" --data-dir "$data" import resources/sample.json) || fail "import exited non-zero: $out"
grep -q "^imported " <<<"$out" || fail "import printed nothing useful: $out"
run "$exe" --data-dir "$data" due --json --at 2026-03-10T15:30 > "$work/due.json" \
    || fail "due --json exited non-zero"
python3 - "$work/due.json" <<'EOF' || fail "due --json did not print the sample's thank-you as JSON"
import json, sys
items = json.load(open(sys.argv[1], encoding="utf-8"))
assert isinstance(items, list) and items, items
assert any(i["action"] == "thank_you" and i["application"] == "acme-office-manager" for i in items), items
EOF
out=$(run "$exe" --data-dir "$data" export "$work/export.json") || fail "export exited non-zero: $out"
python3 - "$work/export.json" <<'EOF' || fail "the export is not the sample's data"
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
assert [a["key"] for a in doc["applications"]] == ["acme-office-manager"], doc["applications"]
assert len(doc["events"]) == 4, doc["events"]
EOF
out=$(run "$exe" --data-dir "$data" export "$work/followups.ics") || fail "export to .ics exited non-zero: $out"
head -c 15 "$work/followups.ics" | grep -q "BEGIN:VCALENDAR" || fail "the .ics export is not a calendar"
grep -q "^PRODID:.*followup-desktop" "$work/followups.ics" || fail "the calendar does not name the app"
out=$(run "$exe" --data-dir "$data" report --from 2026-03-01 --to 2026-03-31 "$work/march.pdf") \
    || fail "report to .pdf exited non-zero (offscreen, no display): $out"
head -c 5 "$work/march.pdf" | grep -q "%PDF-" || fail "the report is not a PDF: $out"
# A search large enough that the command line reads it with two processes where it can
# (store/halves.py): the frozen program forks too, and gives the bytes one process gives.
"$PYTHON" tests/benchmarks/generate.py "$work/large.json" --applications 1200 > /dev/null \
    || fail "could not generate the large search"
out=$(run "$exe" --data-dir "$work/large" import "$work/large.json") || fail "importing the large search failed: $out"
for f in export.json export.csv; do
    out=$(run "$exe" --data-dir "$work/large" export "$work/two-$f") || fail "export $f exited non-zero: $out"
    out=$(run env FOLLOWUP_DESKTOP_ONE_READER=1 "$exe" --data-dir "$work/large" export "$work/one-$f") \
        || fail "export $f with one reader exited non-zero: $out"
    cmp -s "$work/two-$f" "$work/one-$f" || fail "export $f read by two processes differs from one's"
done
run "$exe" --data-dir "$work/large" due --json --at 2026-11-16T10:30 > "$work/two-due.json" || fail "due failed"
run env FOLLOWUP_DESKTOP_ONE_READER=1 "$exe" --data-dir "$work/large" due --json --at 2026-11-16T10:30 \
    > "$work/one-due.json" || fail "due with one reader failed"
cmp -s "$work/two-due.json" "$work/one-due.json" || fail "due read by two processes differs from one's"
echo "not json" > "$work/bad.txt"
set +e
run "$exe" --data-dir "$data" import "$work/bad.txt" 2>"$work/bad.err"
code=$?
set -e
[ "$code" -eq 2 ] || fail "importing a .txt file exited $code, expected 2 (bad input)"
[ -s "$work/bad.err" ] || fail "importing a .txt file said nothing on stderr"

# 4. the bundle is read-only in practice
step "nothing was written into the bundle"
listing > "$work/bundle-after"
diff -u "$work/bundle-before" "$work/bundle-after" >&2 || fail "running the program changed files in $bundle"

# 5. install and uninstall for one user
step "install.sh / uninstall.sh in a throw-away HOME"
mkdir -p "$work/unpack"
tar -C "$work/unpack" -xzf "$archive"
top=$(find "$work/unpack" -mindepth 1 -maxdepth 1 -type d)
for f in install.sh uninstall.sh $APP.desktop $APP.svg $APP/$APP; do
    [ -e "$top/$f" ] || fail "the archive lacks $f"
done
share=$work/home/.local/share
run sh "$top/install.sh" > "$work/install.log" 2>&1 || fail "install.sh failed: $(cat "$work/install.log")"
installed=$work/home/.local/opt/$APP/$APP
[ -x "$installed" ] || fail "install.sh did not put the program in ~/.local/opt/$APP"
[ -f "$share/applications/$APP.desktop" ] || fail "install.sh did not add the menu entry"
[ -f "$share/icons/hicolor/scalable/apps/$APP.svg" ] || fail "install.sh did not add the icon"
[ "$(readlink "$work/home/.local/bin/$APP")" = "$installed" ] || fail "install.sh did not link ~/.local/bin/$APP"
grep -qx "Exec=\"$installed\"" "$share/applications/$APP.desktop" \
    || fail "the menu entry does not start the installed program: $(grep ^Exec "$share/applications/$APP.desktop")"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$share/applications/$APP.desktop" || fail "the installed menu entry is not valid"
fi
run "$installed" --version | grep -q "^$APP " || fail "the installed program does not start"
# No --data-dir: the default one, under the throw-away HOME ($XDG_DATA_HOME/followup-desktop).
run "$installed" import resources/sample.json >/dev/null || fail "import into the default data dir failed"
out=$(run "$installed" due --json --at 2026-03-10T15:30) || fail "due from the installed program failed"
grep -q '"thank_you"' <<<"$out" || fail "the installed program does not find the data in the default data dir"

run sh "$work/home/.local/opt/$APP/uninstall.sh" > "$work/uninstall.log" 2>&1 \
    || fail "uninstall.sh failed: $(cat "$work/uninstall.log")"
for gone in "$work/home/.local/opt/$APP" "$share/applications/$APP.desktop" \
        "$share/icons/hicolor/scalable/apps/$APP.svg" "$work/home/.local/bin/$APP"; do
    [ ! -e "$gone" ] && [ ! -L "$gone" ] || fail "uninstall.sh left $gone"
done
[ -f "$share/$APP/followup.sqlite3" ] || fail "uninstall.sh removed the user's data"

# 6. the Debian package: lintian, then installed, run from /usr/bin and removed again
step "the Debian package: lintian"
shopt -s nullglob
debs=(dist/${APP}_*_*.deb)
shopt -u nullglob
[ "${#debs[@]}" -eq 1 ] || fail "expected one dist/${APP}_*_*.deb, found ${#debs[@]}"
deb=$PWD/${debs[0]}
command -v lintian > /dev/null || fail "lintian is missing (bash packaging/linux-deps.sh --test)"
# --fail-on error: an E: tag fails the check (overrides, with their reasons, are in
# packaging/debian/lintian-overrides); warnings are shown.
lintian --allow-root --fail-on error --tag-display-limit 0 "$deb" > "$work/lintian.log" 2>&1 \
    || fail "lintian reports errors in $(basename "$deb"):
$(grep -v '^running with root' "$work/lintian.log")"
grep -v '^running with root' "$work/lintian.log" | sed 's/^/check-frozen:   lintian /' || true

step "the Debian package: apt-get install, --self-test from /usr/bin, apt-get remove"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
apt_get() { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 -y -qq "$@"; }
# One such check at a time on a machine: two would install and remove the same package.
exec 9> "${TMPDIR:-/tmp}/followup-desktop-deb-check.lock"
flock -w 600 9 || fail "another check of the Debian package holds the lock"
if dpkg-query -W -f='${Status}' "$APP" 2>/dev/null | grep -q "ok installed"; then
    fail "$APP is installed on this machine already (apt-get remove $APP first): this check installs and removes it"
fi
deb_installed=1
apt_get install "$deb" > "$work/apt-install.log" 2>&1 || fail "apt-get install $deb failed:
$(cat "$work/apt-install.log")"
[ "$(readlink /usr/bin/$APP)" = "/opt/$APP/$APP" ] || fail "/usr/bin/$APP does not link to /opt/$APP/$APP"
for f in /usr/share/applications/$APP.desktop /usr/share/metainfo/org.followupdesktop.FollowupDesktop.metainfo.xml \
        /usr/share/icons/hicolor/scalable/apps/$APP.svg /usr/share/doc/$APP/copyright \
        /usr/share/man/man1/$APP.1.gz; do
    [ -f "$f" ] || fail "the package did not install $f"
done
for png in resources/icons/$APP-*.png; do
    size=${png##*-}
    size=${size%.png}
    cmp -s "$png" "/usr/share/icons/hicolor/${size}x${size}/apps/$APP.png" \
        || fail "the package's ${size}x${size} icon is not resources/icons/$APP-$size.png"
done
if command -v desktop-file-validate > /dev/null; then
    desktop-file-validate /usr/share/applications/$APP.desktop || fail "the installed menu entry is not valid"
fi
out=$(run /usr/bin/$APP --self-test 2>&1) || fail "--self-test from /usr/bin/$APP exited non-zero:
$out"
grep -q "(offscreen)" <<<"$out" || fail "--self-test from /usr/bin did not show the window offscreen:
$out"
grep -q "self-test passed" <<<"$out" || fail "--self-test from /usr/bin: $out"
apt_get remove "$APP" > "$work/apt-remove.log" 2>&1 || fail "apt-get remove $APP failed:
$(cat "$work/apt-remove.log")"
deb_installed=""
for gone in /opt/$APP /usr/bin/$APP /usr/share/applications/$APP.desktop \
        /usr/share/metainfo/org.followupdesktop.FollowupDesktop.metainfo.xml; do
    [ ! -e "$gone" ] && [ ! -L "$gone" ] || fail "apt-get remove left $gone"
done

step "all checks passed ($(du -sm "$bundle" | cut -f1) MB bundle, $(du -sm "$archive" | cut -f1) MB archive, $(du -sm "$deb" | cut -f1) MB package)"
