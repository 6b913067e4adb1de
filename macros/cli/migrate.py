"""`kennisbank migreer`: rewrite records from the old fields to the new ones (issue 29).

Only the old fields change; comments, order and layout stay. A second run changes nothing.
What cannot be decided automatically is printed, with file and line, for a person to fix.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from macros.model.migration import migrate_text

RECORDS = "praktijken"
INDICATORS = Path("codelijsten") / "indicator.csv"


def indicator_units(root: Path) -> dict[str, str]:
    """Each indicator code with its eenheid; empty when the codelist has no eenheid column yet."""
    path = root / INDICATORS
    if not path.is_file():
        return {}
    rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline=""))
    return {r["code"]: r.get("eenheid") or "" for r in rows}


def migrate_folder(root: Path) -> tuple[list[Path], list[str]]:
    """Rewrite every record in root/praktijken; the files changed and the notes for a person."""
    units, changed, notes = indicator_units(root), [], []
    for path in sorted((root / RECORDS).glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        new, found = migrate_text(text, units)
        notes += [f"{path.as_posix()}: {n}" for n in found]
        if new != text:
            path.write_text(new, encoding="utf-8", newline="")
            changed.append(path)
    return changed, notes


def run(args) -> int:
    root = Path(args.pad)
    if not (root / RECORDS).is_dir():
        print(f"Fout: {root.as_posix()}/{RECORDS} bestaat niet. Geef de map met het datapakket, zoals practices.")
        return 1
    changed, notes = migrate_folder(root)
    for path in changed:
        print(f"omgezet: {path.as_posix()}")
    for note in notes:
        print(f"met de hand: {note}")
    print(f"{len(changed)} bestand(en) omgezet." if changed else "Niets om te zetten: alle records gebruiken de "
          "nieuwe velden al.")
    if notes:
        print("Controleer daarna met: kennisbank validate")
    return 0
