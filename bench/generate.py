"""Write a synthetic but valid practices folder with N records, for the benchmarks.

    .venv/bin/python bench/generate.py 1000 bench/out/practices-1000
    .venv/bin/python bench/generate.py --self-test      # N=50, then `kennisbank validate` must pass

The output is a copy of practices/ (codelists, reference tables, schemas, attachments,
templates) without practices/praktijken/*.yaml, plus N records derived from the bundled
examples: they cycle through the examples and get a new id (= file name) and titel, other
gemeenten (and a matching regio text), rmc_regio, themas, status and volwassenheid drawn from
the reference CSVs, and all dates shifted back by the same number of days (order kept, no
review date in the future). Mailboxes, attachments and template references stay those of the
example, which are valid; `vervangt` points at the copy of its target in the same cycle (or
is dropped when that copy is not part of the N records). Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import copy
import csv
import random
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
PROJECT = BENCH.parent
SOURCE = PROJECT / "practices"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _codes(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [row["code"] for row in csv.DictReader(fh)]


def _names(path: Path) -> dict[str, str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["code"]: row["naam"] for row in csv.DictReader(fh)}


def _examples(source: Path) -> list[dict]:
    records = []
    for path in sorted((source / "praktijken").glob("*.yaml")):
        with path.open(encoding="utf-8") as fh:
            records.append(yaml.load(fh, Loader=_Loader))
    if not records:
        raise SystemExit(f"geen voorbeelden in {source / 'praktijken'}")
    return records


def _new_id(n: int, example: dict) -> str:
    short = example["id"].removeprefix("voorbeeld-")
    return f"bench-{n:05d}-{short}"[:80].rstrip("-")


def _shift(value, days: int):
    if isinstance(value, date):
        return value - timedelta(days=days)
    if isinstance(value, str):  # a quoted date in an example; other text stays
        try:
            return (date.fromisoformat(value) - timedelta(days=days)).isoformat()
        except ValueError:
            return value
    return value


def generate(n: int, out: Path, seed: int = 20261128, source: Path = SOURCE) -> Path:
    """Write `out` (replaced if it exists) and return it."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(source, out, ignore=lambda folder, names: [
        x for x in names if Path(folder).name == "praktijken" and x.endswith(".yaml")])
    (out / "praktijken").mkdir(exist_ok=True)

    rng = random.Random(seed)
    examples = _examples(source)
    k = len(examples)
    position = {e["id"]: j for j, e in enumerate(examples)}
    gemeenten = _names(source / "referentie" / "gemeenten.csv")
    gm_codes = sorted(gemeenten)
    rmc = _codes(source / "referentie" / "rmc-regios.csv")
    themas = _codes(source / "codelijsten" / "themas.csv")
    status = _codes(source / "codelijsten" / "status.csv")
    volwassenheid = _codes(source / "codelijsten" / "volwassenheid.csv")

    for n_ in range(n):
        cycle, j = divmod(n_, k)
        example = examples[j]
        record = copy.deepcopy(example)
        record["id"] = _new_id(n_ + 1, example)
        suffix = f" (variant {n_ + 1})"
        record["titel"] = example["titel"][: 120 - len(suffix)].rstrip() + suffix

        count = max(1, min(len(example["gemeenten"]), 12))
        chosen = rng.sample(gm_codes, count)
        record["gemeenten"] = chosen
        regio = ", ".join(gemeenten[c] for c in chosen)
        record["regio"] = regio if len(regio) <= 120 else regio[:117].rsplit(",", 1)[0] + " e.a."
        record["rmc_regio"] = rng.choice(rmc)
        record["themas"] = rng.sample(themas, max(1, min(len(example["themas"]), len(themas))))
        record["status"] = rng.choice(status)
        record["volwassenheid"] = rng.choice(volwassenheid)

        days = rng.randrange(0, 400)
        for block in ("datums", "redactie"):
            for key, value in list(record.get(block, {}).items()):
                record[block][key] = _shift(value, days)

        target = example.get("vervangt")
        if target:
            t = cycle * k + position.get(target, -1)
            if target in position and t < n:
                record["vervangt"] = _new_id(t + 1, examples[position[target]])
            else:
                record.pop("vervangt")

        text = yaml.dump(record, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
        (out / "praktijken" / f"{record['id']}.yaml").write_text(
            "# yaml-language-server: $schema=../schema/praktijk.schema.json\n" + text, encoding="utf-8")
    return out


def self_test(n: int = 50) -> int:
    out = generate(n, BENCH / "out" / f"selftest-{n}")
    files = list((out / "praktijken").glob("*.yaml"))
    assert len(files) == n, (len(files), n)
    result = subprocess.run([str(PROJECT / ".venv" / "bin" / "kennisbank"), "validate", str(out)],
                            capture_output=True, text=True)
    print(result.stdout.strip() or result.stderr.strip())
    if result.returncode != 0:
        print(result.stderr, file=sys.stderr)
        print(f"ZELFTEST MISLUKT: kennisbank validate gaf {result.returncode}", file=sys.stderr)
        return 1
    print(f"zelftest geslaagd: {n} records in {out} zijn geldig")
    return 0


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("n", nargs="?", type=int, help="aantal records")
    p.add_argument("out", nargs="?", help="uitvoermap (standaard bench/out/practices-N)")
    p.add_argument("--seed", type=int, default=20261128)
    p.add_argument("--self-test", action="store_true", help="N=50 schrijven en `kennisbank validate` draaien")
    args = p.parse_args(argv)
    if args.self_test:
        return self_test()
    if args.n is None:
        p.error("geef N of --self-test")
    out = generate(args.n, Path(args.out) if args.out else BENCH / "out" / f"practices-{args.n}", args.seed)
    print(f"{args.n} records geschreven in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
