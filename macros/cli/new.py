"""`kennisbank new praktijk|sjabloon`: ask in Dutch, write a commented, valid YAML file.

The skeleton is derived from the JSON Schema: every field of the schema is in the file, in
schema order, with its title and description as a comment. The answers fill their fields; a
required field without an answer gets a starting value (the schema's `default`, a starting
value below, or `onbekend` when its codelist has that code); an optional field without a
value is there as a commented-out line to fill in. A new field or block in the schema is
therefore in the next skeleton without a code change.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Callable

import yaml

from macros.model.codes import GemeenteIndex, normal_swv
from macros.model.swv import SwvIndex, is_fiction_code
from macros.model.problems import InvalidData
from macros.load.catalog import load_catalog, read_csv
from macros.model.schema import load_schema
from macros.checks.personal_data import mailbox_problems

UNKNOWN = "onbekend"
LICENCE = "CC-BY-4.0"
EDITORS = "Ingrado"
MISSING = object()   # no value: the field is written as a commented-out line


def starting_values(today: date) -> dict[str, object]:
    """What a new file starts with where the schema has no `default` (dotted paths).

    The editors run `kennisbank new`: they are the ones who write the review block."""
    # A practice in the knowledge base is at least described; a higher level needs its evaluation document.
    return {"status": "in-voorbereiding", "volwassenheid": "op-weg", "licentie": LICENCE, "voorbeeld": False,
            "onderbouwing.niveau": "beschreven",
            "redactie.organisatie": EDITORS, "redactie.beoordeeld_op": today,
            "redactie.volgende_beoordeling": today + timedelta(days=365)}


def add_arguments(p) -> None:
    p.add_argument("soort", choices=["praktijk", "sjabloon"], help="wat u wilt maken")
    p.add_argument("--pad", default="practices", help="map met het datapakket (standaard: practices)")
    p.add_argument("--id", help="kenmerk in kleine letters met streepjes, wordt de bestandsnaam")
    p.add_argument("--titel", help="titel")
    p.add_argument("--samenvatting", help="samenvatting (bij een sjabloon: het doel)")
    p.add_argument("--regio", help="naam van de regio")
    p.add_argument("--gemeenten", nargs="+", metavar="GEMEENTE", help="gemeenten (namen of GM-codes)")
    p.add_argument("--swv", nargs="+", metavar="CODE", help="codes van samenwerkingsverbanden, zoals PO 30-01")
    p.add_argument("--rmc", help="code van de RMC-regio, zoals MC28")
    p.add_argument("--onderwijssoort", nargs="+", choices=["po", "vo"], help="po en/of vo")
    p.add_argument("--themas", nargs="+", metavar="THEMA", help="thema-codes")
    p.add_argument("--afgesproken", metavar="JJJJ-MM-DD", help="datum waarop de afspraken zijn gemaakt")
    p.add_argument("--organisatie", help="organisatie voor contact")
    p.add_argument("--email", help="rolmailbox voor contact, zoals info@swv.nl")
    p.add_argument("--niet-interactief", action="store_true", help="stel geen vragen; ontbrekende waarden zijn een fout")


class _Asker:
    """Questions on standard input; in non-interactive mode a missing answer is an error."""

    def __init__(self, interactive: bool, out=sys.stdout):
        self.interactive, self.out, self.missing = interactive, out, []

    def ask(self, label: str, given=None, check=None, hint: str = "", default: str = ""):
        if given is None and not self.interactive and default:
            given = default
        while True:
            if given is None and not self.interactive:
                self.missing.append(label)
                return None
            answer = given if given is not None else self._read(label, hint)
            if answer == "" and default:
                answer = default
            problem = check(answer) if check else None
            if not problem:
                return answer
            print(f"  {problem}", file=self.out)
            if not self.interactive:
                self.missing.append(f"{label}: {problem}")
                return None
            given = None

    def _read(self, label: str, hint: str):
        print(f"{label}{f' ({hint})' if hint else ''}: ", end="", file=self.out, flush=True)
        line = sys.stdin.readline()
        if not line:
            raise EOFError
        return line.strip()


def _slug_problem(value: str):
    return None if re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", value or "") else \
        "gebruik kleine letters, cijfers en streepjes, zoals regio-utrecht-po"


def _words(value) -> list[str]:
    return value if isinstance(value, list) else [w.strip() for w in re.split(r"[,;]", value or "") if w.strip()]


def run_new(args) -> int:
    root = Path(args.pad)
    asker = _Asker(not args.niet_interactief)
    try:
        data = _praktijk(root, args, asker) if args.soort == "praktijk" else _sjabloon(args, asker)
    except EOFError:
        print("\nGeen invoer meer; er is niets geschreven.", file=sys.stderr)
        return 1
    if asker.missing:
        print("Niet geschreven; deze waarden ontbreken of kloppen niet:\n  " + "\n  ".join(asker.missing), file=sys.stderr)
        return 1
    return _write(root, args.soort, data)


def _praktijk(root: Path, args, asker: _Asker) -> dict:
    gemeenten_index = GemeenteIndex(read_csv(root / "referentie" / "gemeenten.csv"))
    rmc = {r["code"]: r["naam"] for r in read_csv(root / "referentie" / "rmc-regios.csv")}
    themas = [r["code"] for r in read_csv(root / "codelijsten" / "themas.csv")]
    data: dict = {}
    data["titel"] = asker.ask("Titel", args.titel, lambda v: None if len(v or "") >= 5 else "minstens 5 tekens")
    suggestion = _suggest_slug(data["titel"])
    data["id"] = asker.ask("Kenmerk (wordt de bestandsnaam)", args.id, _slug_problem,
                           f"Enter voor {suggestion}" if suggestion else "", default=suggestion)
    data["samenvatting"] = asker.ask("Samenvatting", args.samenvatting, _summary_problem,
                                     "twee tot vijf zinnen: wat is afgesproken en wat levert het op")
    data["regio"] = asker.ask("Regio", args.regio, lambda v: None if v else "vul een naam in")
    regions = _swv_index(root)
    data["swv"] = asker.ask("Kies uw samenwerkingsverband(en)", args.swv, lambda v: _swv_problem(regions, v),
                            "codes zoals PO 30-03, VO 30-03, gescheiden door komma's")
    chosen = [normal_swv(s) for s in _words(data["swv"] or "")]
    names = swv_gemeenten(regions, chosen, gemeenten_index)
    data["gemeenten"] = asker.ask("Gemeenten", args.gemeenten, lambda v: _gemeente_problem(gemeenten_index, v),
                                  f"Enter voor de gemeenten van {', '.join(chosen)}: {', '.join(names)}" if names else
                                  "namen of codes, gescheiden door komma's", default=", ".join(names))
    data["rmc_regio"] = asker.ask("RMC-regio", args.rmc, lambda v: None if (v or "").upper() in rmc else
                                  "onbekende code; kies uit " + ", ".join(rmc), "bijvoorbeeld MC28")
    kinds = ", ".join(sorted({c[:2].lower() for c in chosen if c}))
    data["onderwijssoort"] = asker.ask("Onderwijssoort", args.onderwijssoort,
                                       lambda v: None if set(_words(v)) <= {"po", "vo"} and _words(v) else "po en/of vo",
                                       f"Enter voor {kinds}" if kinds else "po, vo", default=kinds)
    data["themas"] = asker.ask("Thema's", args.themas, lambda v: None if _words(v) and set(_words(v)) <= set(themas)
                               else "kies uit " + ", ".join(themas), "gescheiden door komma's")
    data["afgesproken"] = asker.ask("Datum afspraken", args.afgesproken, _date_problem, "JJJJ-MM-DD")
    data["organisatie"] = asker.ask("Organisatie voor contact", args.organisatie, lambda v: None if v else "vul een naam in")
    data["email"] = asker.ask("Rolmailbox voor contact", args.email, _mail_problem, "bijvoorbeeld info@swv.nl")
    if asker.missing:
        return {}
    data["gemeenten"] = [gemeenten_index.code_for(g) for g in _words(data["gemeenten"])]
    data["swv"] = [normal_swv(s) for s in _words(data["swv"])]
    data["rmc_regio"] = data["rmc_regio"].upper()
    data["onderwijssoort"], data["themas"] = _words(data["onderwijssoort"]), _words(data["themas"])
    return _praktijk_record(data)


def _summary_problem(value) -> str | None:
    return None if len((value or "").strip()) >= 20 else "schrijf minstens 20 tekens"


def _suggest_slug(title) -> str:
    return re.sub(r"[^a-z0-9]+", "-", (title or "").lower()).strip("-")[:60]


def _gemeente_problem(index: GemeenteIndex, value) -> str | None:
    names = _words(value)
    if not names:
        return "noem minstens één gemeente"
    wrong = []
    for name in names:
        if not index.code_for(name):
            hint = index.suggest(name)
            wrong.append(f"'{name}' is onbekend" + (f" (bedoelde u {' of '.join(hint)}?)" if hint else ""))
    return "; ".join(wrong) or None


def _swv_index(root: Path) -> SwvIndex:
    """The regio-indeling of the package, or an empty one when the package has none."""
    table, links = root / "referentie" / "swv.csv", root / "referentie" / "swv-gemeenten.csv"
    if not (table.is_file() and links.is_file()):
        return SwvIndex.from_rows((), ())
    return SwvIndex.from_rows(read_csv(table), read_csv(links))


def swv_gemeenten(regions: SwvIndex, codes: list, index: GemeenteIndex) -> list[str]:
    """The names of the gemeenten of the chosen SWVs (certain rows only), sorted: the starting answer."""
    found = {m.gemeente for code in codes if code in regions for m in regions.members[code] if not m.uncertain}
    names = sorted((index.names[c] for c in found if c in index.names), key=str.casefold)
    return [n if "," not in n else index.code_for(n) or n for n in names]   # a comma would split the answer


def _swv_problem(regions: SwvIndex, value) -> str | None:
    codes = _words(value)
    bad = [s for s in codes if not normal_swv(s)]
    if not codes or bad:
        return f"geen geldige code: {', '.join(bad) or 'leeg'} (schrijf PO 30-03)"
    wrong = []
    for code in map(normal_swv, codes):
        if is_fiction_code(code):
            wrong.append(f"{code} is een code voor fictieve voorbeelden; kies de code van uw samenwerkingsverband")
        elif len(regions) and code not in regions:
            wrong.append(f"{code} staat niet in de regio-indeling (bedoelde u {' of '.join(regions.nearest(code))}?)")
    return "; ".join(wrong) or None


def _date_problem(value) -> str | None:
    try:
        date.fromisoformat(value or "")
        return None
    except ValueError:
        return "schrijf de datum als JJJJ-MM-DD"


def _mail_problem(value) -> str | None:
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value or ""):
        return "geen e-mailadres"
    problems = mailbox_problems(value)
    return problems[0] if problems else None


def _praktijk_record(a: dict) -> dict:
    """The answers, placed where the schema has them; `skeleton` adds everything else."""
    return {
        "id": a["id"], "titel": a["titel"], "samenvatting": a["samenvatting"], "regio": a["regio"], "swv": a["swv"],
        "gemeenten": a["gemeenten"], "rmc_regio": a["rmc_regio"], "onderwijssoort": a["onderwijssoort"],
        "themas": a["themas"], "partners": [{"organisatie": a["organisatie"], "rol": "swv"}],
        "datums": {"afgesproken": date.fromisoformat(a["afgesproken"])},
        "contact": {"organisatie": a["organisatie"], "email": a["email"]},
    }


def _sjabloon(args, asker: _Asker) -> dict:
    title = asker.ask("Titel", args.titel, lambda v: None if len(v or "") >= 5 else "minstens 5 tekens")
    suggestion = _suggest_slug(title)
    tid = asker.ask("Kenmerk (wordt de bestandsnaam)", args.id, _slug_problem,
                    f"Enter voor {suggestion}" if suggestion else "", default=suggestion)
    doel = asker.ask("Doel", args.samenvatting, _summary_problem, "waarvoor dient het sjabloon, minstens 20 tekens")
    themas = asker.ask("Thema's", args.themas, lambda v: None if _words(v) else "noem minstens één thema")
    if asker.missing:
        return {}
    today = date.today()
    return {"id": tid, "titel": title, "doel": doel,
            "voor": ["swv", "gemeente"], "versie": "0.1.0",
            "wijzigingen": [{"versie": "0.1.0", "datum": today, "omschrijving": "Eerste concept."}],
            "laatst_beoordeeld": today, "themas": _words(themas),
            "invulvelden": [{"naam": "swv_naam", "label": "Naam van het samenwerkingsverband",
                             "uitleg": "De volledige naam zoals in de statuten.", "voorbeeld": "Samenwerkingsverband Voorbeeld PO 30-01"}]}


# --- the skeleton, derived from the schema -------------------------------------------------------

def skeleton(schema: dict, given: dict, start: Callable[[dict, tuple], object]) -> dict:
    """`given` plus a starting value for every other required field (and block) that can have one.

    An optional block is only there when something in it was given."""
    value = _fill(schema, given, (), True, start)
    return {} if value is MISSING else value


def _fill(spec: dict, given, path: tuple, required: bool, start):
    if spec.get("type") == "object" and (given is MISSING or isinstance(given, dict)):
        if given is MISSING and not required:
            return MISSING
        given = {} if given is MISSING else given
        needed = set(spec.get("required", ()))
        out = {}
        for name, sub in spec.get("properties", {}).items():
            value = _fill(sub, given.get(name, MISSING), path + (name,), name in needed, start)
            if value is not MISSING:
                out[name] = value
        return out
    if given is not MISSING:
        return given
    return start(spec, path) if required else MISSING


def starter(root: Path, today: date) -> Callable[[dict, tuple], object]:
    """The starting value of a required field nobody answered: schema `default`, a starting value,
    or `onbekend` (for a list: [onbekend]) when the field's codelist has that code; otherwise nothing
    (validation will ask)."""
    fixed = starting_values(today)

    def start(spec: dict, path: tuple):
        if "default" in spec:
            return spec["default"]
        if ".".join(path) in fixed:
            return fixed[".".join(path)]
        listed = spec.get("x-codelijst")
        if listed and spec.get("type") == "string" and UNKNOWN in _codes(root, listed):
            return UNKNOWN
        if listed and spec.get("type") == "array" and UNKNOWN in _codes(root, listed):
            return [UNKNOWN]  # a required list of codes, such as avg_grondslag
        return MISSING
    return start


def _codes(root: Path, codelist: str) -> set[str]:
    path = root / "codelijsten" / f"{codelist}.csv"
    return {r["code"] for r in read_csv(path)} if path.is_file() else set()


# --- the commented YAML --------------------------------------------------------------------------

def commented_yaml(data: dict, schema: dict, kind: str) -> str:
    """Every field of the schema, in schema order, with its title and description as a comment.

    Fields with a value are written; the others are commented-out lines to fill in."""
    lines = [f"# yaml-language-server: $schema=../schema/{kind}.schema.json"]
    needed = set(schema.get("required", ()))
    for key, spec in schema["properties"].items():
        lines.append("")
        lines += _field(key, spec, data.get(key, MISSING), key in needed, "")
    return "\n".join(lines) + "\n"


def _about(key: str, spec: dict, required: bool) -> str:
    title = spec.get("title", key) + ("" if required else " (niet verplicht)")
    return f"# {title}" + (f": {spec['description']}" if spec.get("description") else "")


def _field(key: str, spec: dict, value, required: bool, indent: str) -> list[str]:
    """The comment about a field, then its value, or its outline as commented-out lines."""
    lines = [indent + _about(key, spec, required)]
    if value is MISSING:
        return lines + [f"{indent}# {line}" for line in _outline(key, spec)]
    if spec.get("type") == "object":
        needed = set(spec.get("required", ()))
        lines.append(f"{indent}{key}:")
        for name, sub in spec.get("properties", {}).items():
            lines += _field(name, sub, value.get(name, MISSING), name in needed, indent + "  ")
        return lines
    return lines + [indent + line for line in _value_lines(key, spec, value)]


def _outline(key: str, spec: dict) -> list[str]:
    """The YAML shape of a field with no value: its key, and the keys of its block or rows."""
    kind = spec.get("type")
    items = spec.get("items", {}) if kind == "array" else {}
    if kind == "object":
        return [f"{key}:"] + [f"  {line}" for name, sub in spec.get("properties", {}).items() for line in _outline(name, sub)]
    if items.get("type") == "object":
        inner = [line for name, sub in items.get("properties", {}).items() for line in _outline(name, sub)]
        return [f"{key}:"] + [("  - " if i == 0 else "    ") + line for i, line in enumerate(inner)]
    return [f"{key}:" + (" []" if kind == "array" else "")]


def _value_lines(key: str, spec: dict, value) -> list[str]:
    if spec.get("type") != "array":
        return [f"{key}: {_scalar(value, spec)}"]
    items = spec.get("items", {})
    if items.get("type") != "object":
        return [f"{key}:"] + [f"  - {_scalar(v, items)}" for v in value]
    lines = [f"{key}:"]
    for item in value:
        inner = [f"{name}: {_scalar(item[name], sub)}" for name, sub in items.get("properties", {}).items() if name in item]
        lines += [("  - " if i == 0 else "    ") + line for i, line in enumerate(inner)]
    return lines


def _scalar(value, spec: dict) -> str:
    """One YAML scalar: dates bare, other text plain where YAML allows it, else quoted."""
    if isinstance(value, date) or (spec.get("format") == "date" and _is_date(value)):
        return str(value)
    text = yaml.safe_dump(value, allow_unicode=True, width=10 ** 9)
    text = text[: -len("\n...\n")] if text.endswith("\n...\n") else text.rstrip("\n")
    return json.dumps(value, ensure_ascii=False) if "\n" in text else text


def _is_date(value) -> bool:
    try:
        date.fromisoformat(str(value))
        return True
    except ValueError:
        return False


def _write(root: Path, kind: str, data: dict) -> int:
    folder = root / ("praktijken" if kind == "praktijk" else "sjablonen")
    target = folder / f"{data['id']}.yaml"
    if target.exists():
        print(f"{target} bestaat al; er is niets overschreven. Kies een ander kenmerk.", file=sys.stderr)
        return 1
    schema = load_schema(root, kind)
    record = skeleton(schema, data, starter(root, date.today()))
    target.write_text(commented_yaml(record, schema, kind), encoding="utf-8")
    if kind == "sjabloon":
        body = folder / f"{data['id']}.md"
        if not body.exists():
            body.write_text("**Dit is een model om aan te passen aan uw regio, geen juridisch advies.**\n\n"
                            "## Partijen\n\n1. [[swv_naam]]\n", encoding="utf-8")
    print(f"Geschreven: {target}")
    return _validate_new(root, str(target))


def _validate_new(root: Path, shown: str) -> int:
    try:
        load_catalog(root)
    except InvalidData as err:
        mine = [p for p in err.problems if Path(p.file).stem == Path(shown).stem]
        if mine:
            print("Het nieuwe bestand heeft nog problemen:\n" + "\n".join(map(str, mine)), file=sys.stderr)
            return 1
    print("Het bestand is geldig. Vul de overige velden aan (ze staan nu op 'onbekend') en controleer met "
          "`kennisbank validate`.")
    return 0
