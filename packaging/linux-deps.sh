#!/bin/sh
# The Debian/Ubuntu packages Follow-up Desktop needs at run time (Qt's xcb platform and its
# libraries), plus, with --test, what the tests and the packaged build use (a virtual X server,
# a tray host, xdotool, imagemagick for screenshots, binutils, desktop-file-utils). One list,
# used by the README and by CI.
#
# `linux-deps.sh --bundle` prints the packages the frozen bundle needs (the README's list, and the
# Debian package's Depends: in packaging/build.sh) and installs nothing.
set -eu
BUNDLE="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3
 libglib2.0-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xkb1 libwayland-client0
 libwayland-cursor0 libwayland-egl1 fonts-dejavu-core
 libstdc++6 libgcc-s1 zlib1g libbz2-1.0 liblzma5 libzstd1 libexpat1 libssl3 libsqlite3-0"
if [ "${1:-}" = "--bundle" ]; then
    echo $BUNDLE
    exit 0
fi
RUNTIME="$BUNDLE python3-venv"
# binutils: PyInstaller reads libraries with objdump and strips with strip; desktop-file-utils
# checks the .desktop file the Linux archive installs; dbus-daemon: a private session bus for
# the desktop-notification test; dpkg-dev (dpkg-deb), lintian and appstream build the Debian
# package, check it and validate its AppStream metainfo; patchelf takes the build machine's
# library search paths out of the bundled libraries; poppler-utils (pdftotext, pdfinfo, pdftoppm)
# reads back the activity report's PDF. dovecot-imapd: the real IMAP server the mail tests start
# on 127.0.0.1 (tests/mail_server.py), openssl makes its certificate; the tests start their own
# dovecot with a throw-away configuration and never use the system service. gnome-keyring: a
# real Secret Service on a private bus for the mail password's keyring tests.
TEST="xvfb xauth trayer xdotool imagemagick x11-utils binutils desktop-file-utils dbus-daemon
 dpkg-dev lintian appstream patchelf poppler-utils dovecot-imapd openssl gnome-keyring"
PKGS="$RUNTIME"
[ "${1:-}" = "--test" ] && PKGS="$RUNTIME $TEST"

missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "Installing:$missing"
export DEBIAN_FRONTEND=noninteractive
# A mirror can hiccup: try each step three times before giving up.
retry() {
    for attempt in 1 2 3; do
        "$@" && return 0
        echo "linux-deps: '$*' failed (attempt $attempt of 3)" >&2
        sleep $((attempt * 5))
    done
    return 1
}
retry $SUDO apt-get update -qq
# shellcheck disable=SC2086
retry $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
