#!/bin/sh
# Installs Follow-up Desktop for you alone: no root, nothing written outside your home.
#
#   the program        ~/.local/opt/followup-desktop/        (with uninstall.sh)
#   the menu entry     $XDG_DATA_HOME/applications/followup-desktop.desktop
#   the icon           $XDG_DATA_HOME/icons/hicolor/scalable/apps/followup-desktop.svg
#   the command        ~/.local/bin/followup-desktop         (a link, unless that name is taken)
#
# $XDG_DATA_HOME defaults to ~/.local/share. Run it from the unpacked archive; run a newer
# archive's install.sh to upgrade. Your follow-ups live in the data folder
# (~/.local/share/followup-desktop), which installing, upgrading and uninstalling never touch.
set -eu

APP=followup-desktop
here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
fail() { echo "install.sh: $*" >&2; exit 1; }

[ -n "${HOME:-}" ] || fail "HOME is not set"
[ -x "$here/$APP/$APP" ] || fail "$here/$APP/$APP is missing: run install.sh from the unpacked archive"
[ -f "$here/$APP.desktop" ] || fail "$here/$APP.desktop is missing"

data_home=${XDG_DATA_HOME:-$HOME/.local/share}
opt=$HOME/.local/opt
prefix=$opt/$APP
apps=$data_home/applications
icons=$data_home/icons/hicolor/scalable/apps
bindir=$HOME/.local/bin

# The menu entry names the program by its full path; keep that path free of the characters a
# desktop file would need escaped.
case $prefix in
    *[\"\`\$\\%]* | *"
"*) fail "cannot install under $prefix: the path holds a character a menu entry cannot name (\" \` \$ \\ %)" ;;
esac

mkdir -p "$opt" "$apps" "$icons" "$bindir"

# Copy next to the old version, then swap: an interrupted upgrade leaves the old one working.
stage=$(mktemp -d "$opt/.$APP.new.XXXXXX")
trap 'rm -rf "$stage"' EXIT
cp -R "$here/$APP/." "$stage/"
cp "$here/uninstall.sh" "$stage/uninstall.sh"
chmod 755 "$stage" "$stage/uninstall.sh"
if [ -e "$prefix" ]; then
    old=$opt/.$APP.old.$$
    mv "$prefix" "$old"
    mv "$stage" "$prefix"
    rm -rf "$old"
else
    mv "$stage" "$prefix"
fi
trap - EXIT

exe=$prefix/$APP
sed -e "s|^Exec=.*|Exec=\"$exe\"|" -e "s|^TryExec=.*|TryExec=$exe|" "$here/$APP.desktop" > "$apps/.$APP.desktop.tmp"
mv "$apps/.$APP.desktop.tmp" "$apps/$APP.desktop"
cp "$here/$APP.svg" "$icons/.$APP.svg.tmp"
mv "$icons/.$APP.svg.tmp" "$icons/$APP.svg"

# The command line (`followup-desktop due`): a link in ~/.local/bin, but never over a file or
# a link that is not ours.
link=$bindir/$APP
if [ ! -e "$link" ] && [ ! -L "$link" ]; then
    ln -s "$exe" "$link"
elif [ -L "$link" ] && [ "$(readlink "$link")" = "$exe" ]; then
    :
else
    echo "install.sh: $link exists and is not ours; left alone (the program is $exe)" >&2
fi

# Menus and icon themes notice new files by their folders' times; the caches, where present,
# are refreshed too. Neither is needed for the entry to work.
touch "$data_home/icons/hicolor"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" 2>/dev/null || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data_home/icons/hicolor/index.theme" ] \
    && gtk-update-icon-cache -q -t "$data_home/icons/hicolor" 2>/dev/null || true

version=$("$exe" --version 2>/dev/null || echo "$APP")
echo "Installed $version in $prefix"
echo "  menu entry: $apps/$APP.desktop"
echo "  command:    $exe (uninstall: $prefix/uninstall.sh)"
