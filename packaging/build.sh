#!/usr/bin/env bash
# Builds the Linux one-folder bundle and its archive, from the repository root's venv:
#
#   dist/followup-desktop/                                   the program (run followup-desktop)
#   dist/followup-desktop-<version>-linux-<arch>.tar.gz      that folder, the menu entry, the
#                                                            icon, install.sh and uninstall.sh
#
# Needs the `package` extra (pip install -e '.[package]') and binutils. PYTHON picks another
# interpreter than .venv/bin/python. Build files go to build/, both folders are git-ignored.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-.venv/bin/python}
APP=followup-desktop

"$PYTHON" -m PyInstaller --noconfirm --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/followup_desktop.spec

version=$("$PYTHON" -c 'from importlib.metadata import version; print(version("followup-desktop"))')
name=$APP-$version-linux-$(uname -m)
stage=build/archive/$name
rm -rf build/archive
mkdir -p "$stage"
cp -a "dist/$APP" "$stage/$APP"
cp resources/$APP.desktop resources/$APP.svg packaging/linux/install.sh packaging/linux/uninstall.sh "$stage/"
chmod 755 "$stage/install.sh" "$stage/uninstall.sh"
# Owner and times fixed: the same tree gives the same listing whoever builds it.
tar -C build/archive --owner=0 --group=0 --numeric-owner -cf - "$name" | gzip -9 > "dist/$name.tar.gz"

echo "built dist/$APP/ ($(du -sm "dist/$APP" | cut -f1) MB) and dist/$name.tar.gz ($(du -sm "dist/$name.tar.gz" | cut -f1) MB)"
