"""`kennisbank new praktijk|sjabloon`: ask in Dutch, write a commented, valid YAML file.

The comments come from the JSON Schema (title and description), so the file an
editor starts from explains every field in the same words as the editor guide.
"""

from __future__ import annotations

import re
import sys
from datetime import date, timedelta
from pathlib import Path

import yaml

from macros.model.codes import GemeenteIndex, normal_swv
from macros.load.catalog import read_csv
from macros.model.schema import load_schema
from macros.checks.personal_data import mailbox_problems

DEFAULTS = {"dekking": "onbekend", "financieringsmodel": "onbekend", "grondslag": "onbekend",
            "status": "in-voorbereiding", "licentie": "CC-BY-4.0", "volwassenheid": "op-weg"}


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
    data["gemeenten"] = asker.ask("Gemeenten", args.gemeenten, lambda v: _gemeente_problem(gemeenten_index, v),
                                  "namen of codes, gescheiden door komma's")
    data["swv"] = asker.ask("Samenwerkingsverbanden", args.swv, _swv_problem, "bijvoorbeeld PO 30-01, VO 30-02")
    data["rmc_regio"] = asker.ask("RMC-regio", args.rmc, lambda v: None if (v or "").upper() in rmc else
                                  "onbekende code; kies uit " + ", ".join(rmc), "bijvoorbeeld MC28")
    data["onderwijssoort"] = asker.ask("Onderwijssoort", args.onderwijssoort,
                                       lambda v: None if set(_words(v)) <= {"po", "vo"} and _words(v) else "po en/of vo", "po, vo")
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


def _swv_problem(value) -> str | None:
    bad = [s for s in _words(value) if not normal_swv(s)]
    return None if _words(value) and not bad else f"geen geldige code: {', '.join(bad) or 'leeg'} (schrijf PO 30-01)"


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
    today = date.today()
    dekking = DEFAULTS["dekking"]
    return {
        "id": a["id"], "titel": a["titel"],
        "samenvatting": a["samenvatting"],
        "status": DEFAULTS["status"], "voorbeeld": False, "regio": a["regio"], "swv": a["swv"],
        "gemeenten": a["gemeenten"], "rmc_regio": a["rmc_regio"], "onderwijssoort": a["onderwijssoort"],
        "themas": a["themas"], "partners": [{"organisatie": a["organisatie"], "rol": "swv"}],
        "datums": {"afgesproken": a["afgesproken"]}, "volwassenheid": DEFAULTS["volwassenheid"],
        "geoorloofd_verzuim": {"dekking": dekking, "mazl": dekking},
        "ongeoorloofd_verzuim": {"dekking": dekking},
        "doorbraakoverleg": {"aanwezig": dekking},
        "financiering": {"vooraf_afgesproken": dekking, "model": DEFAULTS["financieringsmodel"]},
        "leerplicht": {"preventief": dekking, "adviserend": dekking},
        "gegevensdeling": {"grondslag": DEFAULTS["grondslag"], "convenant": dekking, "privacyprotocol": dekking},
        "jeugdhulp": {"betrokken": dekking},
        "contact": {"organisatie": a["organisatie"], "email": a["email"]},
        "licentie": DEFAULTS["licentie"],
        "redactie": {"organisatie": "Ingrado", "beoordeeld_op": today.isoformat(),
                     "volgende_beoordeling": (today + timedelta(days=365)).isoformat()},
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
    today = date.today().isoformat()
    return {"id": tid, "titel": title, "doel": doel,
            "voor": ["swv", "gemeente"], "versie": "0.1.0",
            "wijzigingen": [{"versie": "0.1.0", "datum": today, "omschrijving": "Eerste concept."}],
            "licentie": DEFAULTS["licentie"], "laatst_beoordeeld": today, "themas": _words(themas),
            "invulvelden": [{"naam": "swv_naam", "label": "Naam van het samenwerkingsverband",
                             "uitleg": "De volledige naam zoals in de statuten.", "voorbeeld": "Samenwerkingsverband Voorbeeld PO 30-01"}]}


def commented_yaml(data: dict, schema: dict, kind: str) -> str:
    """YAML with the schema's title and description above every top-level field."""
    lines = [f"# yaml-language-server: $schema=../schema/{kind}.schema.json"]
    for key, spec in schema["properties"].items():
        if key not in data:
            continue
        lines.append(f"\n# {spec.get('title', key)}" + (f": {spec['description']}" if spec.get("description") else ""))
        lines.append(yaml.safe_dump({key: data[key]}, allow_unicode=True, sort_keys=False, width=100).rstrip())
    return "\n".join(lines) + "\n"


def _write(root: Path, kind: str, data: dict) -> int:
    folder = root / ("praktijken" if kind == "praktijk" else "sjablonen")
    target = folder / f"{data['id']}.yaml"
    if target.exists():
        print(f"{target} bestaat al; er is niets overschreven. Kies een ander kenmerk.", file=sys.stderr)
        return 1
    target.write_text(commented_yaml(data, load_schema(root, kind), kind), encoding="utf-8")
    if kind == "sjabloon":
        body = folder / f"{data['id']}.md"
        if not body.exists():
            body.write_text("**Dit is een model om aan te passen aan uw regio, geen juridisch advies.**\n\n"
                            "## Partijen\n\n1. [[swv_naam]]\n", encoding="utf-8")
    print(f"Geschreven: {target}")
    return _validate_new(root, str(target))


def _validate_new(root: Path, shown: str) -> int:
    from macros.load.catalog import load_catalog
    from macros.checks.problems import InvalidData
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
