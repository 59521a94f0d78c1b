#!/bin/sh
# Removes what install.sh put in place for you: the program in ~/.local/opt/followup-desktop,
# its menu entry, its icon, its link in ~/.local/bin and, if it points at this installation,
# the start-at-login entry. Your follow-ups (the data folder, ~/.local/share/followup-desktop)
# stay: delete that folder yourself if you want them gone too.
set -eu

APP=followup-desktop
[ -n "${HOME:-}" ] || { echo "uninstall.sh: HOME is not set" >&2; exit 1; }

data_home=${XDG_DATA_HOME:-$HOME/.local/share}
config_home=${XDG_CONFIG_HOME:-$HOME/.config}
prefix=$HOME/.local/opt/$APP
exe=$prefix/$APP

link=$HOME/.local/bin/$APP
if [ -L "$link" ] && [ "$(readlink "$link")" = "$exe" ]; then
    rm -f "$link"
fi
autostart=$config_home/autostart/$APP.desktop
if [ -f "$autostart" ] && grep -qF "$exe" "$autostart"; then
    rm -f "$autostart"
fi
rm -f "$data_home/applications/$APP.desktop" "$data_home/icons/hicolor/scalable/apps/$APP.svg"
[ -d "$data_home/icons/hicolor" ] && touch "$data_home/icons/hicolor"
command -v update-desktop-database >/dev/null 2>&1 \
    && update-desktop-database -q "$data_home/applications" 2>/dev/null || true
# Last: this script may be the copy inside $prefix; removing a running script is safe (the shell
# keeps it open).
rm -rf "$prefix"

echo "Follow-up Desktop is uninstalled. Your data stays in ${data_home}/$APP."
