"""Builds the declarative definitions of the 17 PL01 forms (QĐ 1551/QĐ-BYT) from the transcribed field list and
our own choices:

    resources/reference/pl01/fields.csv    the field list, one row per field per form, as transcribed
    resources/reference/pl01/choices.csv   our choices per PL01 code (a row with a form number overrides it there)
    resources/reference/pl01/forms.csv     which forms the campaign uses, and why the others not
 →  resources/reference/pl01/forms/form_<n>.json

Run ``python scripts/build_pl01_forms.py`` after correcting any of the three files and commit what changes;
``--check`` writes nothing and exits 1 when the files on disk differ from what would be generated (a test runs it).
A code of the field list without a choice, a choice for a code that is no longer in the list, an unknown desk or
input, a code list that does not parse: each is refused with its code named (docs/PL01.md).
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from station_app.core.pl01 import CodeList, Pl01DataError, field_from_dict  # noqa: E402

PL01 = ROOT / "resources" / "reference" / "pl01"
YES_NO = {"yes": True, "no": False}


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _choices(rows: list[dict[str, str]]) -> dict[tuple[str, int], dict[str, str]]:
    """(code, form) → choice; form 0 is the default for every form the code appears in."""
    found: dict[tuple[str, int], dict[str, str]] = {}
    for row in rows:
        key = (row["code"].strip(), int(row["form"] or 0))
        if key in found:
            raise Pl01DataError(f"choices.csv gives {key[0]} twice" + (f" for form {key[1]}" if key[1] else ""))
        found[key] = row
    return found


def _field(src: dict[str, str], choice: dict[str, str]) -> dict:
    where = f"form {src['form_no']} {src['code']} (tt {src['tt']})"
    try:
        pl01_codes = CodeList.parse(src["codes"])
        our_codes = CodeList.parse(choice.get("codes", ""))
    except Pl01DataError as e:
        raise Pl01DataError(f"{where}: {e}") from None
    codes = pl01_codes or our_codes
    not_collected = choice["not_collected"].strip()
    if choice["required"] not in YES_NO:
        raise Pl01DataError(f"{where}: required is {choice['required']!r}, not yes or no")
    fhir = choice["fhir"].strip()
    if not fhir and not not_collected:
        fhir = f"pl01:{src['code']}"  # Observation.code in the local code system of the PL01 codes
    data = {
        "tt": int(src["tt"]), "code": src["code"], "section": src["section"], "label": src["name_vi"],
        "type": src["type"], "size": None if src["size"] == "n" else int(src["size"]),
        "codes": codes.as_pairs() if codes else None,
        "code_list_source": "pl01" if pl01_codes else "choices" if our_codes else None,
        "unit": choice["unit"] or None, "desk": None if not_collected else choice["desk"] or None,
        "input": None if not_collected else choice["input"] or None,
        "min": _number(choice["min"]), "max": _number(choice["max"]),
        "warn_min": _number(choice.get("warn_min") or ""), "warn_max": _number(choice.get("warn_max") or ""),
        "required": False if not_collected else YES_NO[choice["required"]],
        "normal": None if not_collected else choice.get("normal", "").strip() or None,
        "fhir": fhir or None, "station_field": choice["station_field"] or None,
        "not_collected": not_collected or None, "doubt": choice["doubt"] or None, "note": choice["note"] or None,
        "source_notes": src["notes"] or None,
    }
    try:
        field = field_from_dict(data)
        if field.normal and not field.accepts(field.normal):
            raise Pl01DataError(f"normal value {field.normal!r} is not a value the field accepts")
    except (Pl01DataError, ValueError) as e:
        raise Pl01DataError(f"{where}: {e}") from None
    return {key: value for key, value in data.items() if value is not None}  # an absent key reads as empty


def _number(text: str) -> int | float | None:
    if not text.strip():
        return None
    number = float(text)
    return int(number) if number.is_integer() else number


def build(folder: Path = PL01) -> dict[str, str]:
    """File name → the JSON text of every form's definition."""
    fields = _read(folder / "fields.csv")
    choices = _choices(_read(folder / "choices.csv"))
    scope = {int(r["form_no"]): r for r in _read(folder / "forms.csv")}
    listed = {r["code"] for r in fields}
    stale = sorted({code for code, _ in choices} - listed)
    if stale:
        raise Pl01DataError(f"choices.csv has codes that are not in fields.csv: {', '.join(stale)}")
    missing = sorted({f"{r['code']} (form {r['form_no']})" for r in fields
                      if (r["code"], int(r["form_no"])) not in choices and (r["code"], 0) not in choices})
    if missing:
        raise Pl01DataError(f"fields without a choice in choices.csv: {', '.join(missing)}")
    forms: dict[int, list[dict[str, str]]] = {}
    for row in fields:
        forms.setdefault(int(row["form_no"]), []).append(row)
    if sorted(forms) != sorted(scope):
        raise Pl01DataError(f"forms.csv lists forms {sorted(scope)}, fields.csv has {sorted(forms)}")
    out: dict[str, str] = {}
    for number, rows in sorted(forms.items()):
        rows.sort(key=lambda r: int(r["tt"]))
        form = scope[number]
        definition = {
            "form": number, "title": rows[0]["form_title"], "applies_to": rows[0]["form_applies_to"],
            "in_campaign": YES_NO[form["in_campaign"]], "chosen_for": form["chosen_for"] or None,
            "not_in_campaign_reason": form["not_in_campaign_reason"] or None,
            "generated_by": "scripts/build_pl01_forms.py from resources/reference/pl01/{fields,choices,forms}.csv",
            "fields": [_field(r, choices.get((r["code"], number)) or choices[(r["code"], 0)]) for r in rows],
        }
        out[f"form_{number}.json"] = json.dumps(definition, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if the files on disk differ")
    parser.add_argument("--folder", type=Path, default=PL01, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        wanted = build(args.folder)
    except Pl01DataError as e:
        print(f"build_pl01_forms: {e}", file=sys.stderr)
        return 2
    target = args.folder / "forms"
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in sorted(target.glob("form_*.json"))}
    differ = sorted(name for name in wanted.keys() | on_disk.keys() if wanted.get(name) != on_disk.get(name))
    if args.check:
        if differ:
            print(f"build_pl01_forms: out of date: {', '.join(differ)}; run python scripts/build_pl01_forms.py",
                  file=sys.stderr)
            return 1
        return 0
    target.mkdir(parents=True, exist_ok=True)
    for name in differ:
        if name in wanted:
            (target / name).write_text(wanted[name], encoding="utf-8", newline="\n")
        else:
            (target / name).unlink()
    print(f"build_pl01_forms: {len(wanted)} forms, {len(differ)} written or removed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
