#!/usr/bin/env bash
# Builds the Linux one-folder bundle and its archive, from the repository root's venv:
#
#   dist/followup-desktop/                                   the program (run followup-desktop)
#   dist/followup-desktop-<version>-linux-<arch>.tar.gz      that folder, the menu entry, the
#                                                            icon, install.sh and uninstall.sh
#   dist/followup-desktop_<version>_<debian-arch>.deb        the Debian package: that folder in
#                                                            /opt/followup-desktop, the command
#                                                            in /usr/bin, menu entry, icons,
#                                                            AppStream metainfo, man page
#
# Needs the `package` extra (pip install -e '.[package]'), binutils, dpkg-dev and appstream
# (bash packaging/linux-deps.sh --test). PYTHON picks another interpreter than .venv/bin/python.
# Build files go to build/, both folders are git-ignored.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-.venv/bin/python}
APP=followup-desktop

"$PYTHON" -m PyInstaller --noconfirm --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/followup_desktop.spec

# The shared libraries as a system package wants them (lintian): no debugging symbols, no
# search path of the build machine (a RUNPATH outside the bundle, e.g. the interpreter's own
# prefix; $ORIGIN ones stay), no execute bit. The program itself is left alone: PyInstaller
# appends its archive to it.
while IFS= read -r -d '' lib; do
    [ "$(head -c 4 "$lib" | od -An -tx1 | tr -d ' \n')" = "7f454c46" ] || continue
    # grep reads all of readelf's output (no -q): with pipefail, an early exit would kill
    # readelf with SIGPIPE, fail the pipe and leave the library unstripped now and then.
    if readelf -S "$lib" | grep '\.symtab' > /dev/null; then
        strip --strip-unneeded "$lib"
    fi
    if command -v patchelf > /dev/null; then
        runpath=$(patchelf --print-rpath "$lib")
        if [ -n "$runpath" ]; then
            kept=$(tr ':' '\n' <<<"$runpath" | grep '^\$ORIGIN' | paste -sd: || true)
            [ "$kept" = "$runpath" ] || patchelf --set-rpath "$kept" "$lib"
        fi
    else
        echo "build.sh: no patchelf: bundled libraries keep the build machine's RUNPATH" >&2
    fi
    chmod 644 "$lib"
done < <(find "dist/$APP/_internal" -type f -name '*.so*' -print0)

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

# -- the Debian package -------------------------------------------------------------------------
# Built from the same folder, for this machine's architecture. Depends: the packages the bundle
# takes from the system (packaging/linux-deps.sh --bundle), and a C library at least as new as
# the newest symbol version a bundled binary asks for.
deb_version=$(sed -e 's/\.dev/~dev/; s/\([0-9]\)\(a\|b\|rc\)\([0-9]\)/\1~\2\3/' <<<"$version")
deb_arch=$(dpkg --print-architecture)
deb=dist/${APP}_${deb_version}_${deb_arch}.deb
changelog_version=$(sed -n '1s/^[^ ]* (\([^)]*\)).*/\1/p' packaging/debian/changelog)
if [ "$changelog_version" != "$deb_version" ]; then
    echo "build.sh: packaging/debian/changelog starts at $changelog_version, the app is $deb_version: add an entry" >&2
    exit 1
fi
metainfo=resources/org.followupdesktop.FollowupDesktop.metainfo.xml
if ! grep -q "<release version=\"$version\"" "$metainfo"; then
    echo "build.sh: $metainfo has no <release version=\"$version\">: add one" >&2
    exit 1
fi
if ! appstreamcli validate --no-net --explain "$metainfo" > build/metainfo-validate.log 2>&1; then
    cat build/metainfo-validate.log >&2
    echo "build.sh: $metainfo is not valid AppStream metainfo (appstreamcli validate)" >&2
    exit 1
fi

root=build/deb/root
rm -rf build/deb
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
    "$root/usr/share/metainfo" "$root/usr/share/doc/$APP" "$root/usr/share/man/man1" \
    "$root/usr/share/lintian/overrides" "$root/usr/share/icons/hicolor/scalable/apps"
cp -a "dist/$APP" "$root/opt/$APP"
ln -s "/opt/$APP/$APP" "$root/usr/bin/$APP"
install -m 644 "resources/$APP.desktop" "$root/usr/share/applications/$APP.desktop"
install -m 644 "$metainfo" "$root/usr/share/metainfo/"
install -m 644 "resources/$APP.svg" "$root/usr/share/icons/hicolor/scalable/apps/$APP.svg"
for png in resources/icons/$APP-*.png; do
    size=${png##*-}
    size=${size%.png}
    install -D -m 644 "$png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/$APP.png"
done
install -m 644 packaging/debian/copyright "$root/usr/share/doc/$APP/copyright"
gzip -9n < packaging/debian/changelog > "$root/usr/share/doc/$APP/changelog.gz"
sed "s/@VERSION@/$version/" "packaging/debian/$APP.1" | gzip -9n > "$root/usr/share/man/man1/$APP.1.gz"
install -m 644 packaging/debian/lintian-overrides "$root/usr/share/lintian/overrides/$APP"
# As a package installs files: readable by all, writable by root only.
chmod -R u+rwX,go+rX,go-w "$root"

glibc=$(find "$root/opt/$APP" -type f \( -name '*.so*' -o -perm -u+x \) -exec objdump -T {} + 2>/dev/null \
    | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
depends="libc6 (>= ${glibc:-2.28})"
for pkg in $(sh packaging/linux-deps.sh --bundle); do
    depends="$depends, $pkg"
done
summary=$("$PYTHON" -c 'from importlib.metadata import metadata; print(metadata("followup-desktop")["Summary"])')
{
    echo "Package: $APP"
    echo "Version: $deb_version"
    echo "Architecture: $deb_arch"
    echo "Maintainer: Follow-up Desktop developers <maintainers@followupdesktop.org>"
    echo "Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)"
    echo "Depends: $depends"
    echo "Section: misc"
    echo "Priority: optional"
    echo "Description: when and how to follow up on each job application"
    echo " $summary"
    echo " ."
    echo " A desktop app (Qt) with a list of every application and its next step,"
    echo " each employer's timeline, messages ready to send, a tray icon and"
    echo " notifications, and a command line (followup-desktop due). The data stays"
    echo " in one file in the user's home folder."
} > "$root/DEBIAN/control"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z \
    | xargs -0 md5sum > DEBIAN/md5sums)
chmod 644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"
rm -f dist/"${APP}"_*.deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" > /dev/null

echo "built dist/$APP/ ($(du -sm "dist/$APP" | cut -f1) MB), dist/$name.tar.gz ($(du -sm "dist/$name.tar.gz" | cut -f1) MB) and $deb ($(du -sm "$deb" | cut -f1) MB)"
