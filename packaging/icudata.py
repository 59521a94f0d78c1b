"""A smaller ICU data library for the frozen app: `libicudata.so.NN` without the ICU data Qt never
asks for.

    python packaging/icudata.py SOURCE.so TARGET.so     # prints what it left out

Qt links ICU (the PySide6 wheels bring ICU's three libraries, 40 MB, 32 of them the data
library). Qt calls ICU for four things only — collation (`ucol_*`: QCollator, the file dialog's
sorting), codecs beyond UTF and Latin-1 (`ucnv_*`: QStringConverter), case mapping by locale
(`u_strToUpper/Lower`) and time-zone display names (`ucal_*`) — see `ICU_CALLS`, which the
tests hold against the symbols the bundled Qt imports. So the converters, the collation
tables, the locales' own data, the time-zone and region names and the normalisation data stay;
the data of ICU's own services that Qt does not use go (`DROPPED`): break iteration, measure
units, currency and language names, transliteration, spelled-out numbers, character names,
StringPrep profiles and confusables. That is about 15 MB less, and nothing Qt can reach.

The data library is nothing but one symbol, `icudtNN_dat`: an ICU "common data" package (a
header, a table of contents sorted by name, the items each aligned to 16 bytes). This file
reads that package out of the library, writes it again without the dropped items, and links
it into a new library of the same name with binutils (objcopy, ld), the same tools the build
already uses.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

#: the ICU functions the Qt libraries of the bundle call (tests/test_packaging.py checks this
#: against their imported symbols: a new one means looking at DROPPED again)
ICU_CALLS = frozenset({
    "UCNV_FROM_U_CALLBACK_SUBSTITUTE", "UCNV_TO_U_CALLBACK_SUBSTITUTE", "u_strToLower", "u_strToUpper",
    "ucal_close", "ucal_getCanonicalTimeZoneID", "ucal_getTimeZoneDisplayName", "ucal_open",
    "ucnv_cbFromUWriteUChars", "ucnv_cbToUWriteUChars", "ucnv_close", "ucnv_countAvailable",
    "ucnv_fromUCountPending", "ucnv_fromUnicode", "ucnv_getAvailableName", "ucnv_getFromUCallBack",
    "ucnv_getMaxCharSize", "ucnv_getName", "ucnv_getStandardName", "ucnv_getToUCallBack", "ucnv_open",
    "ucnv_reset", "ucnv_setFromUCallBack", "ucnv_setToUCallBack", "ucnv_toUCountPending",
    "ucnv_toUnicode", "ucol_close", "ucol_getSortKey", "ucol_open", "ucol_setAttribute", "ucol_strcoll",
})

#: items left out, by their name in the package (after the "icudtNNl/" prefix): folders end in "/"
DROPPED = (
    "brkitr/",     # break iterators and their dictionaries (Qt has its own text boundaries)
    "unit/",       # measure units, for ICU's number formatting
    "curr/",       # currency names (Qt's QLocale has its own CLDR data)
    "lang/",       # language and script names (likewise)
    "translit/",   # transliterators
    "rbnf/",       # numbers spelled out
    "unames.icu",  # character names
    ".spp",        # StringPrep profiles (IDNA in Qt is its own)
    "confusables.cfu",
)

ALIGN = 16


def _dropped(name: str) -> bool:
    return any(name.startswith(d) if d.endswith("/") else (name.endswith(d) if d.startswith(".") else name == d)
               for d in DROPPED)


def read_package(library: Path) -> tuple[str, bytes]:
    """(symbol name, package bytes) of an ICU data library."""
    out = subprocess.run(["nm", "-D", "-S", "--defined-only", str(library)], capture_output=True, text=True,
                         check=True).stdout
    found = [line.split() for line in out.splitlines() if re.search(r"\bicudt\d+_dat$", line)]
    if len(found) != 1:
        raise ValueError(f"{library}: expected one icudtNN_dat symbol, found {len(found)}")
    address, size, _kind, symbol = found[0]
    address, size = int(address, 16), int(size, 16)
    sections = subprocess.run(["readelf", "-S", "-W", str(library)], capture_output=True, text=True,
                              check=True).stdout
    for line in sections.splitlines():
        m = re.search(r"\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", line)
        if m:
            start, offset, length = (int(g, 16) for g in m.groups())
            if start <= address < start + length:
                data = library.read_bytes()[offset + address - start: offset + address - start + size]
                return symbol, data
    raise ValueError(f"{library}: no section holds {symbol}")


def items(package: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """(header, [(name, data)]) of an ICU common data package."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", package, 0)
    if (magic1, magic2) != (0xDA, 0x27):
        raise ValueError("not ICU data")
    toc = package[header_size:]
    count = struct.unpack_from("<I", toc, 0)[0]
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    result = []
    for i, (name_at, data_at) in enumerate(entries):
        name = toc[name_at: toc.index(b"\0", name_at)].decode("ascii")
        end = entries[i + 1][1] if i + 1 < count else len(toc)
        result.append((name, toc[data_at:end]))
    return package[:header_size], result


def write_package(header: bytes, kept: list[tuple[str, bytes]]) -> bytes:
    """The package again, with these items (in the order given: sorted, as ICU searches it)."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in kept)
    toc_size = 4 + 8 * len(kept)
    data_start = -(-(toc_size + len(names)) // ALIGN) * ALIGN
    entries, blobs, name_at, data_at = [], [], toc_size, data_start
    for name, data in kept:
        entries.append(struct.pack("<II", name_at, data_at))
        name_at += len(name) + 1
        padded = data + b"\0" * (-len(data) % ALIGN)
        blobs.append(padded)
        data_at += len(padded)
    toc = struct.pack("<I", len(kept)) + b"".join(entries) + names
    toc += b"\0" * (data_start - len(toc))
    return header + toc + b"".join(blobs)


def link_library(symbol: str, package: bytes, soname: str, target: Path) -> None:
    """A shared library exporting `symbol` (read-only, 16-byte aligned) holding `package`."""
    with tempfile.TemporaryDirectory(prefix="icudata-") as tmp:
        blob = Path(tmp) / "icudata.bin"
        blob.write_bytes(package)
        obj = Path(tmp) / "icudata.o"
        mangled = "_binary_" + re.sub(r"[^A-Za-z0-9]", "_", str(blob))
        subprocess.run(["objcopy", "-I", "binary", "-O", "elf64-x86-64", "-B", "i386:x86-64",
                        "--rename-section", ".data=.rodata,alloc,load,readonly,data,contents",
                        "--set-section-alignment", ".rodata=16",
                        "--redefine-sym", f"{mangled}_start={symbol}",
                        "--strip-symbol", f"{mangled}_end", "--strip-symbol", f"{mangled}_size",
                        str(blob), str(obj)], check=True)
        subprocess.run(["ld", "-shared", "-z", "noexecstack", "-soname", soname, "-o", str(target), str(obj)],
                       check=True)


def shrink(source: Path, target: Path) -> list[str]:
    """Write the smaller library to `target`; returns the names left out."""
    symbol, package = read_package(source)
    header, all_items = items(package)
    prefix = all_items[0][0].split("/", 1)[0] + "/"
    kept = [(n, d) for n, d in all_items if not _dropped(n[len(prefix):])]
    left_out = [n for n, _ in all_items if _dropped(n[len(prefix):])]
    target.parent.mkdir(parents=True, exist_ok=True)
    link_library(symbol, write_package(header, kept), source.name, target)
    return left_out


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not shutil.which("objcopy"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    source, target = Path(argv[0]), Path(argv[1])
    left_out = shrink(source, target)
    print(f"{target}: {source.stat().st_size / 1e6:.1f} MB → {target.stat().st_size / 1e6:.1f} MB, "
          f"{len(left_out)} items left out")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
