"""A trimmed ICU data library for the Linux bundle (issue 8: the bundle must stay under 150 MiB).

Qt Core links ICU 73, whose data library ``libicudata.so.73`` (31 MiB) holds every language's locale data,
break-iterator dictionaries, transliterators and ~190 charset tables. Qt 6.12 Core asks ICU for collation
(``ucol_*``: QCollator, localeAwareCompare), case mapping (``u_strToUpper/Lower``: QLocale::toUpper/toLower),
time zone ids and display names (``ucal_*``: QTimeZone) and charset converters (``ucnv_*``: QStringConverter
names outside Qt's own UTF-8/16/32 and Latin-1). Nothing else in the bundle links ICU: text boundaries,
normalisation and IDNA are Qt's own code, and ICU's core properties (uprops, ucase, ubidi, pnames, nfc) are
compiled into libicuuc. So the trimmed library keeps root, English and Vietnamese in the locale trees Qt can
reach, the collation base (ucadata), the time zone and supplemental tables, and a few charset tables.

Format of the data (ICU "common data", as icupkg writes it; all integers little-endian here):
  DataHeader  uint16 headerSize, uint8 magic1 0xda, uint8 magic2 0x27, then UDataInfo (size, isBigEndian,
              charsetFamily, sizeofUChar, dataFormat "CmnD", formatVersion 1, dataVersion), padded with a
              copyright string to headerSize bytes. Copied unchanged.
  ToC         uint32 count, then count x (uint32 nameOffset, uint32 dataOffset), both counted from the start
              of the ToC; then the names ("icudt73l/coll/vi.res", NUL-terminated). ICU finds an item by binary
              search on the names (strcmp), so they must be sorted by their bytes.
  items       each item starts on a 16-byte boundary (ICU's own packages do so; .res data needs it); an
              item's length is the distance to the next item's offset (the last one: to the end).

Command line: ``python icu_trim.py ORIGINAL.so TRIMMED.so`` builds the library and prints what it kept.
The library is emitted with binutils: ``as`` (``.incbin`` of the new package into .rodata) and ``ld -shared``.
"""
from __future__ import annotations

import re
import struct
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ALIGN = 16
LIBRARY_NAME = re.compile(r"^libicudata\.so\.\d+$")
# Locale trees Qt can reach: the main tree (""), collation and time zone names, plus the small trees a
# locale's main data points into. root, en* and vi* stay in each; other languages go.
LOCALE_TREES = {"", "coll", "zone", "curr", "lang", "region", "unit"}
KEPT_LANGUAGES = ("root", "en", "vi")
# Unused by Qt: break iterators (Qt segments text itself), spelled-out numbers, transliteration.
DROPPED_TREES = {"brkitr", "rbnf", "translit"}
# Stringprep profiles, the spoof checker's confusables and character names: no Qt API reaches them.
DROPPED_SUFFIXES = (".spp", ".cfu")
DROPPED_FILES = {"unames.icu"}
# UTF-8/16/32, UTF-7, US-ASCII and ISO-8859-1 are algorithmic in ICU (no table). Tables kept (3 KiB each):
# the Windows code pages windows-1250..1258 (ibm-5346..5354; 1258 is Vietnamese) and ISO-8859-15 (ibm-923).
KEPT_CONVERTERS = {*(f"ibm-{n}_P100-1998.cnv" for n in (5346, 5347, 5349, 5350, 5351, 5352, 5353, 5354)),
                   "ibm-5348_P100-1997.cnv", "ibm-923_P100-1998.cnv"}
LOCALE_FILE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*\.res$")


@dataclass(frozen=True)
class Item:
    """One entry of a common data package: its name without the package prefix, and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Package:
    """A parsed common data package: the header bytes, the name prefix ("icudt73l/") and the items."""

    header: bytes
    prefix: str
    items: list[Item]


@dataclass(frozen=True)
class DataSymbol:
    """Where the data symbol (icudt73_dat) lives in the original library."""

    name: str
    blob: bytes
    version: str | None


# --- reading the original library --------------------------------------------------------------------------

def _sections(elf: bytes) -> list[tuple]:
    """Section headers of a 64-bit little-endian ELF file as (name_offset, type, addr, offset, size, link)."""
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF file")
    shoff, = struct.unpack_from("<Q", elf, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", elf, 0x3A)
    heads = []
    for i in range(shnum):
        name, kind, _flags, addr, offset, size, link = struct.unpack_from("<IIQQQQI", elf, shoff + i * shentsize)
        heads.append((name, kind, addr, offset, size, link))
    return heads


def _cstring(data: bytes, offset: int) -> str:
    return data[offset:data.index(b"\0", offset)].decode("ascii")


def _symbol_version(elf: bytes, heads: list[tuple], symbol_index: int) -> str | None:
    """The version node name (e.g. ICU_73) the symbol is defined in, or None for an unversioned library."""
    versym = next((h for h in heads if h[1] == 0x6FFFFFFF), None)
    verdef = next((h for h in heads if h[1] == 0x6FFFFFFD), None)
    if versym is None or verdef is None:
        return None
    wanted = struct.unpack_from("<H", elf, versym[3] + 2 * symbol_index)[0] & 0x7FFF
    strtab = heads[verdef[5]]
    at = verdef[3]
    while True:
        _ver, _flags, index, _cnt, _hash, aux, nxt = struct.unpack_from("<HHHHIII", elf, at)
        if index == wanted and index > 1:  # 0/1 are "local" and "global", not named versions
            return _cstring(elf, strtab[3] + struct.unpack_from("<I", elf, at + aux)[0])
        if not nxt:
            return None
        at += nxt


def read_data_symbol(library: Path) -> DataSymbol:
    """Find the exported icudtNN_dat object in an ICU data library and return its bytes."""
    elf = Path(library).read_bytes()
    heads = _sections(elf)
    dynsym = next(h for h in heads if h[1] == 11)  # SHT_DYNSYM
    strtab = heads[dynsym[5]]
    for index in range(dynsym[4] // 24):
        st_name, _info, _other, shndx, value, size = struct.unpack_from("<IBBHQQ", elf, dynsym[3] + index * 24)
        name = _cstring(elf, strtab[3] + st_name)
        if re.fullmatch(r"icudt\d+_dat", name):
            section = heads[shndx]
            start = section[3] + value - section[2]
            return DataSymbol(name, elf[start:start + size], _symbol_version(elf, heads, index))
    raise ValueError(f"{library}: no icudtNN_dat symbol")


def parse_package(blob: bytes) -> Package:
    """Split a common data package into its header and its named items (see the module docstring)."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27) or blob[12:16] != b"CmnD" or blob[8] != 0:
        raise ValueError("not a little-endian ICU common data package")
    toc = blob[header_size:]
    count, = struct.unpack_from("<I", toc, 0)
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    ends = [offset for _name, offset in entries[1:]] + [len(toc)]
    full_names = [_cstring(toc, name) for name, _offset in entries]
    prefix = full_names[0].split("/", 1)[0] + "/"
    items = [Item(full[len(prefix):], toc[offset:end])
             for full, (_name, offset), end in zip(full_names, entries, ends)]
    return Package(blob[:header_size], prefix, items)


# --- choosing and writing --------------------------------------------------------------------------------

def keep_item(name: str) -> bool:
    """Whether the app's Qt can use this item (a name like "coll/vi.res" or "cnvalias.icu")."""
    tree, _, file = name.rpartition("/")
    if tree in DROPPED_TREES or file in DROPPED_FILES or file.endswith(DROPPED_SUFFIXES):
        return False
    if file.endswith(".cnv"):
        return file in KEPT_CONVERTERS
    if tree in LOCALE_TREES and LOCALE_FILE.match(file) and file != "res_index.res":
        return file[:-4].split("_")[0] in KEPT_LANGUAGES
    return True


def _pad(data: bytes) -> bytes:
    return data + b"\0" * (-len(data) % ALIGN)


def build_package(header: bytes, prefix: str, items: list[Item]) -> bytes:
    """A common data package with these items, names sorted for ICU's binary search, items 16-byte aligned."""
    items = sorted(items, key=lambda item: (prefix + item.name).encode("ascii"))
    names = b"".join((prefix + item.name).encode("ascii") + b"\0" for item in items)
    table_size = 4 + 8 * len(items)
    data_start = table_size + len(names) + (-(table_size + len(names)) % ALIGN)
    table, body, name_at = [struct.pack("<I", len(items))], [], table_size
    for item in items:
        table.append(struct.pack("<II", name_at, data_start + sum(map(len, body))))
        name_at += len(prefix + item.name) + 1
        body.append(_pad(item.data))
    toc = _pad(b"".join(table) + names)
    return _pad(header) + toc + b"".join(body)


def emit_library(blob: bytes, out: Path, symbol: str, soname: str, version: str | None = None) -> Path:
    """Write a shared library exporting `symbol` (read-only, 16-byte aligned) with `blob` as its bytes."""
    out = Path(out)
    work = out.parent
    (work / f"{symbol}.bin").write_bytes(blob)
    (work / f"{symbol}.s").write_text(
        '\t.section .rodata,"a",@progbits\n\t.balign 16\n'
        f"\t.globl {symbol}\n\t.type {symbol},@object\n{symbol}:\n"
        f'\t.incbin "{symbol}.bin"\n\t.size {symbol}, .-{symbol}\n'
        '\t.section .note.GNU-stack,"",@progbits\n')
    subprocess.run(["as", "-o", f"{symbol}.o", f"{symbol}.s"], cwd=work, check=True)
    link = ["ld", "-shared", "-soname", soname, "-z", "noexecstack", "-o", str(out.resolve()), f"{symbol}.o"]
    if version:
        (work / f"{symbol}.map").write_text(f"{version} {{ global: {symbol}; local: *; }};\n")
        link[1:1] = ["--version-script", f"{symbol}.map"]
    subprocess.run(link, cwd=work, check=True)
    for suffix in (".bin", ".s", ".o", ".map"):
        (work / f"{symbol}{suffix}").unlink(missing_ok=True)
    return out


@dataclass(frozen=True)
class TrimResult:
    """What a trim kept and dropped, for the build log."""

    kept: list[Item]
    dropped: list[Item]
    original_size: int
    trimmed_size: int


def trim_library(original: Path, out: Path) -> TrimResult:
    """Build a trimmed copy of an ICU data library at `out` (same SONAME, symbol and symbol version)."""
    symbol = read_data_symbol(original)
    package = parse_package(symbol.blob)
    kept = [item for item in package.items if keep_item(item.name)]
    dropped = [item for item in package.items if not keep_item(item.name)]
    blob = build_package(package.header, package.prefix, kept)
    emit_library(blob, out, symbol.name, Path(original).name, symbol.version)
    return TrimResult(kept, dropped, Path(original).stat().st_size, Path(out).stat().st_size)


def replace_icudata(binaries: list[tuple], workdir) -> list[tuple]:
    """PyInstaller's binaries TOC with libicudata.so.NN's source swapped for a trimmed build in `workdir`.

    Entries are (dest_name, src_path, typecode); the list comes back unchanged when it has no libicudata
    (Windows, or a Qt built without ICU). SYMLINK entries (the top-level libicudata.so.73 -> PySide6/Qt/lib/...)
    keep pointing at the replaced file.
    """
    result = []
    for dest, src, kind in binaries:
        if kind != "SYMLINK" and LIBRARY_NAME.match(Path(dest).name):
            Path(workdir).mkdir(parents=True, exist_ok=True)
            trimmed = Path(workdir) / Path(dest).name
            report = trim_library(Path(src), trimmed)
            print(f"icu_trim: {dest} {report.original_size:,} -> {report.trimmed_size:,} bytes "
                  f"({len(report.kept)} items kept, {len(report.dropped)} dropped)")
            src = str(trimmed)
        result.append((dest, src, kind))
    return result


def main(argv: list[str]) -> int:
    """CLI: trim ORIGINAL.so into TRIMMED.so and print the kept and removed counts and sizes."""
    if len(argv) != 2:
        print("usage: icu_trim.py ORIGINAL.so TRIMMED.so", file=sys.stderr)
        return 2
    report = trim_library(Path(argv[0]), Path(argv[1]))
    for label, items in (("kept", report.kept), ("removed", report.dropped)):
        print(f"{label}: {len(items)} items, {sum(len(i.data) for i in items):,} bytes")
    print(f"library: {report.original_size:,} -> {report.trimmed_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
