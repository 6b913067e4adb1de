"""`kennisbank sjabloon invullen|vastleggen`."""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

from macros.model.problems import Problem, field_path, os_error_message, report
from macros.cli.common import load_or_report
from macros.load.template_parts import TemplateForm, Values, clean_value, split_body, template_form
from macros.load.templates import PLACEHOLDER, body_hash, load_body, read_lock, write_lock
from macros.load.yaml_source import load_yaml
from macros.model.problems import shown
from macros.model.codes import did_you_mean
from macros.publish.document_errors import DocumentError
from macros.publish.document_text import markdown_download
from macros.publish.documents import write_downloads
from macros.publish.fill import fill_markdown, fill_package


def add_arguments(p) -> None:
    sub = p.add_subparsers(dest="actie", metavar="actie", required=True)
    fill = sub.add_parser("invullen", formatter_class=argparse.RawDescriptionHelpFormatter,
                          help="vul een sjabloon in en schrijf het als docx, odt of md",
                          description="Vul een sjabloon in met waarden uit een YAML-bestand: per regel 'naam: waarde'\n"
                                      "voor een invulveld, 'keuze: variant' voor een keuze, en voor een herhaling (zoals\n"
                                      "gemeenten) een lijst met per item de velden. Een veld dat ontbreekt, blijft een\n"
                                      "geel invulveld in het document; een suggestie wordt nooit vanzelf ingevuld.",
                          epilog="voorbeeld van een waardenbestand:\n  swv_naam: Samenwerkingsverband Voorbeeldregio\n"
                                 "  financiering: fonds\n  gemeenten:\n    - gemeente_naam: Voorbeeldstad\n"
                                 "      gemeente_ondertekenaar: burgemeester\n    - gemeente_naam: Dorpsveen")
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
    form = template_form(template.data)
    values, problems, notes = read_values(Path(args.waarden), form, template.body)
    if problems:
        print(report(problems), file=sys.stderr)
        return 1
    target = Path(args.uit or f"{template.id}-ingevuld.{args.formaat}")
    try:
        write_filled(catalog, template, form, values, args.formaat, target)
    except DocumentError as err:
        print(f"{args.waarden}: {err}", file=sys.stderr)
        return 1
    except OSError as err:
        print(os_error_message(err, target), file=sys.stderr)
        return 1
    for note in notes + _still_empty(form, values, template.body):
        print(note, file=sys.stderr)
    print(f"Geschreven: {target}")
    return 0


def write_filled(catalog, template, form: TemplateForm, values: Values, fmt: str, target: Path) -> None:
    """The filled document: the same marked .docx/.odt the site offers, filled like the browser
    fills it (`macros.publish.fill`); Markdown from the same body."""
    title, version = template.get("titel"), template.get("versie")
    if fmt == "md":
        text = markdown_download(title, version, fill_markdown(template.body, form, values),
                                 description=template.get("doel"), notice=False)
        target.write_text(text, encoding="utf-8")
        return
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_downloads(template.id, version, title, template.body, form.labels, Path(tmp),
                                description=template.get("doel"), attachments=catalog.root / "sjablonen" / template.id,
                                released=_released(template), form=form)
        fill_package(paths[fmt].read_bytes(), fmt, form, values, target)


def _released(template) -> date | None:
    for change in template.get("wijzigingen", default=()):
        if change.get("versie") == template.get("versie"):
            return date.fromisoformat(str(change["datum"]))
    return None


# --------------------------------------------------------------------------- the values file


def read_values(path: Path, form: TemplateForm, body: str) -> tuple[Values, list[Problem], list[str]]:
    """The values file as `Values`, with every problem (file:line: name: message) and notes.

    One name per line: `naam: waarde` for a field, `keuze: variant` for a choice, and for a
    repeat a list with one `naam: waarde` block per item. A field that is left out or written empty
    stays a placeholder: a suggestion (`standaard`) is a hint in the form, never a value."""
    where = shown(path)
    if not path.is_file():
        return Values(), [Problem(where, 0, "", "bestand niet gevonden. Geef een YAML-bestand met per regel "
                                  "'naam: waarde'.")], []
    # The values are cleaned by the one fill-in character rule, as in the browser (load.template_parts)
    source, problems = load_yaml(path, where, decoded=False)
    if problems:
        return Values(), problems, []
    if not isinstance(source.data, dict):
        return Values(), [Problem(where, 1, "", "schrijf per regel 'naam: waarde', bijvoorbeeld "
                                  "'swv_naam: Samenwerkingsverband X'.")], []
    reader = _ValueReader(source, form)
    values = reader.read()
    return values, reader.problems, _unused(form, values, body, source)


class _ValueReader:
    def __init__(self, source, form: TemplateForm):
        self.source, self.form, self.problems = source, form, []

    def problem(self, path: tuple, message: str) -> None:
        self.problems.append(Problem(self.source.path, self.source.line(path), field_path(path), message))

    def read(self) -> Values:
        fields, choices, repeats = {}, {}, {}
        known = [f.naam for f in self.form.fields if not f.herhaling] + [c.naam for c in self.form.choices] \
            + [r.naam for r in self.form.repeats]
        for key, value in self.source.data.items():
            name = str(key)
            if self.form.choice(name):
                choices[name] = self.choice(name, value)
            elif self.form.repeat(name):
                repeats[name] = self.items(name, value)
            elif self.form.field(name) and self.form.field(name).herhaling:
                repeat = self.form.field(name).herhaling
                self.problem((name,), f"'{name}' hoort bij herhaling '{repeat}': zet het per item onder "
                                      f"'{repeat}:', bijvoorbeeld '{repeat}:\n  - {name}: ...'.")
            elif self.form.field(name):
                fields[name] = self.text((name,), value)
            else:
                self.problem((name,), f"'{name}' is geen invulveld, keuze of herhaling van dit sjabloon."
                             + (did_you_mean(name, known) or f" Bekend: {', '.join(known)}."))
        for r in self.form.repeats:
            repeats.setdefault(r.naam, [{}])
        return Values(fields, {k: v for k, v in choices.items() if v}, repeats)

    def text(self, path: tuple, value) -> str:
        if isinstance(value, (dict, list)):
            self.problem(path, "schrijf hier één tekst, geen lijst of blok.")
            return ""
        return clean_value(value)

    def choice(self, name: str, value) -> str:
        options = [v.naam for v in self.form.choice(name).varianten]
        if value is None or value == "":
            return ""
        if not isinstance(value, str) or value not in options:
            self.problem((name,), f"'{value}' is geen variant van keuze '{name}'. Kies uit: {', '.join(options)}."
                         + (did_you_mean(str(value), options) if isinstance(value, str) else ""))
            return ""
        return value

    def items(self, name: str, value) -> list[dict]:
        repeat = self.form.repeat(name)
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            self.problem((name,), f"schrijf onder '{name}:' een lijst met per {repeat.enkelvoud} een blok, "
                                  f"bijvoorbeeld '{name}:\n  - {repeat.velden[0] if repeat.velden else 'naam'}: ...'.")
            return [{}]
        out = []
        for i, item in enumerate(value):
            filled = {}
            for key, text in item.items():
                if str(key) not in repeat.velden:
                    self.problem((name, i, str(key)), f"'{key}' is geen invulveld van herhaling '{name}'. "
                                                      f"Velden: {', '.join(repeat.velden)}.")
                    continue
                filled[str(key)] = self.text((name, i, str(key)), text)
            out.append(filled)
        return out or [{}]


def _variant_only(body: str) -> dict[str, set]:
    """Per field the variants it appears in, for fields that appear only inside variants."""
    inside, outside = {}, set()
    for part in split_body(body).parts:
        for name in part.placeholders:
            if part.kind == "keuze":
                inside.setdefault(name, set()).add((part.keuze, part.variant))
            else:
                outside.add(name)
    return {name: where for name, where in inside.items() if name not in outside}


def _unused(form: TemplateForm, values: Values, body: str, source) -> list[str]:
    notes = []
    for name, where in sorted(_variant_only(body).items()):
        chosen = {(c, values.choices[c]) for c, _ in where if values.choices.get(c)}
        if name in source.data and chosen and not chosen & where:
            variants = ", ".join(sorted(f"{c}={v}" for c, v in where))
            notes.append(f"{source.path}:{source.line((name,))}: {name}: let op: dit veld staat alleen in {variants}, "
                         "dat niet gekozen is; de waarde komt niet in het document.")
    return notes


def _still_empty(form: TemplateForm, values: Values, body: str) -> list[str]:
    chosen_text = fill_markdown(body, form, values)
    empty = [name for name in dict.fromkeys(PLACEHOLDER.findall(chosen_text))]
    if not empty:
        return []
    labels = form.labels
    return ["Nog niet ingevuld (in het document staat het gele invulveld): "
            + ", ".join(f"{name} ({labels.get(name, name)})" for name in empty) + "."]
