"""Make swv.csv and swv-gemeenten.csv from the Regeling regio-indeling samenwerkingsverbanden
passend onderwijs PO en VO (BWBR0032324).

Usage (Python 3.10+, standard library only):

    python practices/referentie/maak_swv.py SOURCE.md

SOURCE.md is the Markdown text of the regeling, e.g. from the public repository
statengeneraal/laws-markdown:
  git show HEAD:ministeriele-regeling/regeling/regio-indeling/samenwerkingsverbanden/passend/onderwijs/po/en/vo/BWBR0032324/README.md

Its bijlage is a table with one row per four-digit postcode area: PC4 | gemeente | PO SWV | VO SWV.
The gemeente names are those of the version read (2015); herindelingen.csv beside this
script maps every name that is no current CBS name to the current code(s), each with its
source. A name that neither matches gemeenten.csv nor has a row there stops the script.
A gemeente of 2015 that was split over several gemeenten later (opsplitsing) is not divided
per postcode here: each successor gets its postcode areas, and a row that rests on such
areas alone is marked `onzeker` (the successor may hold none of them).

The law text is public domain (Auteurswet art. 11); the tables written are extracts of it.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROW = re.compile(r"^\|\s*(\d{4})\s*\|\s*([^|]+?)\s*\|\s*([^|\s]+)\s*\|\s*([^|\s]+)\s*\|\s*$")
CODE = re.compile(r"^(PO|VO)(\d{2})(\d{2})$")
NO_SWV = "Europoort"  # PC4 3197-3199 (Rotterdam-Europoort) carry this word instead of an SWV code


def fold(name: str) -> str:
    """'Súdwest-Fryslân' and 'Sudwest Fryslan' -> 'sudwest fryslan'; province suffixes off."""
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    name = re.sub(r"\s*\([^)]*\)\s*$", "", name.strip())
    return re.sub(r"[\s-]+", " ", name)


def read_bijlage(text: str) -> list[tuple[str, str, str, str]]:
    """(pc4, gemeente, po, vo) for every row of the bijlage table."""
    return [m.groups() for line in text.splitlines() if (m := ROW.match(line))]


def normal(code: str) -> str | None:
    """'PO2707' -> 'PO 27-07'; None for a cell that is no SWV code (Europoort)."""
    m = CODE.match(code)
    return f"{m[1]} {m[2]}-{m[3]}" if m else None


def name_index(gemeenten: list[dict]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for row in gemeenten:
        out[row["naam"].lower()].append(row["code"])
        out[fold(row["naam"])].append(row["code"])
    return {k: sorted(set(v)) for k, v in out.items()}


def current_codes(name: str, index: dict, herindelingen: dict) -> tuple[list[str], str]:
    """The current CBS code(s) for a gemeente name of 2015, and how it was found."""
    if name in herindelingen:
        rows = herindelingen[name]
        return sorted({r["code"] for r in rows}), rows[0]["soort"]
    codes = index.get(name.lower()) or index.get(fold(name)) or []
    if len(codes) != 1:
        raise SystemExit(f"maak_swv: gemeente '{name}' staat niet (eenduidig) in gemeenten.csv en niet in "
                         "herindelingen.csv. Voeg een regel met de huidige CBS-code en een bron toe aan herindelingen.csv.")
    return codes, ""


def build(rows, gemeenten, herindelingen):
    """The two tables: SWVs with their counts, and (swv, gemeente) with the postcode areas."""
    index = name_index(gemeenten)
    names = {g["code"]: g["naam"] for g in gemeenten}
    cells: dict[tuple[str, str], dict] = {}
    for pc4, name, po, vo in rows:
        codes, how = current_codes(name, index, herindelingen)
        for swv in filter(None, (normal(po), normal(vo))):
            for code in codes:
                cell = cells.setdefault((swv, code), {"pc4": [], "via": set(), "sure": 0})
                cell["pc4"].append(pc4)
                cell["sure"] += how != "opsplitsing"
                if how or names[code] != name:
                    cell["via"].add(f"{name} ({how})" if how else name)
    spread: dict[tuple[str, str], set] = defaultdict(set)  # (gemeente, soort) -> its SWVs
    for swv, code in cells:
        spread[(code, swv[:2])].add(swv)
    swv_rows = defaultdict(lambda: {"pc4": set(), "gemeenten": set()})
    for (swv, code), cell in cells.items():
        swv_rows[swv]["pc4"].update(cell["pc4"])
        swv_rows[swv]["gemeenten"].add(code)
    table = [{"code": swv, "onderwijssoort": swv[:2].lower(), "gemeenten": len(v["gemeenten"]),
              "postcodegebieden": len(v["pc4"])} for swv, v in sorted(swv_rows.items())]
    links = []
    for (swv, code), cell in sorted(cells.items()):
        shared = len(spread[(code, swv[:2])]) > 1
        links.append({"swv": swv, "gemeente": code, "naam": names[code], "postcodegebieden": len(cell["pc4"]),
                      "gedeeld": "true" if shared else "false",
                      "postcodes": " ".join(sorted(cell["pc4"])) if shared else "",
                      "via": "; ".join(sorted(cell["via"])), "onzeker": "false" if cell["sure"] else "true"})
    return table, links


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write_csv(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    rows = read_bijlage(Path(argv[1]).read_text(encoding="utf-8"))
    if not rows:
        raise SystemExit(f"maak_swv: geen bijlage-tabel gevonden in {argv[1]}.")
    herindelingen: dict[str, list[dict]] = defaultdict(list)
    for row in read_csv(HERE / "herindelingen.csv"):
        herindelingen[row["naam_2015"]].append(row)
    table, links = build(rows, read_csv(HERE / "gemeenten.csv"), herindelingen)
    write_csv(HERE / "swv.csv", table)
    write_csv(HERE / "swv-gemeenten.csv", links)
    print(f"{len(rows)} postcodegebieden, {sum(r['onderwijssoort'] == 'po' for r in table)} PO- en "
          f"{sum(r['onderwijssoort'] == 'vo' for r in table)} VO-samenwerkingsverbanden, {len(links)} koppelingen.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
