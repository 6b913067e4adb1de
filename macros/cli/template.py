"""`kennisbank sjabloon invullen|vastleggen`."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import yaml

from macros.cli.common import load_or_report
from macros.load.yaml_source import load_yaml
from macros.publish.documents import DocumentError, fill_placeholders, write_downloads
from macros.load.templates import body_hash, load_body, read_lock, write_lock


def add_arguments(p) -> None:
    sub = p.add_subparsers(dest="actie", metavar="actie", required=True)
    fill = sub.add_parser("invullen", help="vul een sjabloon in en schrijf het als docx, odt of md",
                          description="Vul een sjabloon in met waarden uit een YAML-bestand (naam: waarde).")
    fill.add_argument("id", help="kenmerk van het sjabloon")
    fill.add_argument("--waarden", required=True, metavar="BESTAND", help="YAML-bestand met per invulveld een waarde")
    fill.add_argument("--formaat", choices=["docx", "odt", "md"], default="docx", help="uitvoerformaat (standaard: docx)")
    fill.add_argument("--uit", metavar="BESTAND", help="uitvoerbestand (standaard: <id>-ingevuld.<formaat>)")
    fill.add_argument("--pad", default="practices", help="map met het datapakket (standaard: practices)")
    lock = sub.add_parser("vastleggen", help="leg de huidige versie van sjablonen vast",
                          description="Leg per sjabloon de huidige versie en de hash van de tekst vast in "
                                      "practices/sjablonen/versies.lock. Een vastgelegde versie verandert daarna niet meer.")
    lock.add_argument("ids", nargs="*", metavar="id", help="alleen deze sjablonen (standaard: alle)")
    lock.add_argument("--pad", default="practices", help="map met het datapakket (standaard: practices)")


def run_template(args) -> int:
    return _fill(args) if args.actie == "invullen" else _lock(args)


def _lock(args) -> int:
    root = Path(args.pad)
    lock, changed = read_lock(root), 0
    for path in sorted((root / "sjablonen").glob("*.yaml")):
        if (args.ids and path.stem not in args.ids):
            continue
        source, problems = load_yaml(path, str(path))
        body, _, body_problems = load_body(root, path.stem)
        if problems or body_problems or not isinstance(source.data, dict):
            print("\n".join(map(str, problems + body_problems)), file=sys.stderr)
            return 1
        version = str(source.data.get("versie"))
        known = lock.setdefault(path.stem, {})
        if version in known and known[version] != body_hash(body):
            print(f"{path}: versie {version} is al vastgelegd met een andere tekst. Verhoog eerst de versie.", file=sys.stderr)
            return 1
        if version not in known and not version.startswith("0."):
            known[version] = body_hash(body)
            changed += 1
            print(f"Vastgelegd: {path.stem} versie {version}")
    write_lock(root, lock)
    print(f"{changed} versie(s) vastgelegd." if changed else "Niets nieuws om vast te leggen.")
    return 0


def _fill(args) -> int:
    catalog = load_or_report(args.pad)
    if catalog is None:
        return 1
    template = catalog.template(args.id)
    if template is None:
        known = ", ".join(t.id for t in catalog.templates)
        print(f"Onbekend sjabloon '{args.id}'. Bestaande sjablonen: {known}.", file=sys.stderr)
        return 1
    values = _read_values(Path(args.waarden))
    if values is None:
        return 1
    try:
        filled = fill_placeholders(template.body, values)
        with tempfile.TemporaryDirectory() as tmp:
            paths = write_downloads(template.id, template.get("versie"), template.get("titel"), filled, {}, Path(tmp),
                                    description=template.get("doel"))
            target = Path(args.uit or f"{template.id}-ingevuld.{args.formaat}")
            shutil.copyfile(paths[args.formaat], target)
    except DocumentError as err:
        print(f"{args.waarden}: {err}", file=sys.stderr)
        return 1
    print(f"Geschreven: {target}")
    return 0


def _read_values(path: Path) -> dict | None:
    if not path.is_file():
        print(f"{path}: bestand niet gevonden.", file=sys.stderr)
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        print(f"{path}: kan de waarden niet lezen ({err}). Schrijf per regel 'naam: waarde'.", file=sys.stderr)
        return None
    if not isinstance(data, dict):
        print(f"{path}: schrijf per regel 'naam: waarde', bijvoorbeeld 'swv_naam: Samenwerkingsverband X'.", file=sys.stderr)
        return None
    return {str(k): "" if v is None else str(v) for k, v in data.items()}
