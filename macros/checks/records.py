"""Record checks: shape (JSON Schema) and the rules a schema cannot say.

Every check returns `Problem`s in Dutch with file, line and field; nothing raises
on bad input. Package integrity (codes, keys) is checked later by Frictionless.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

import fastjsonschema
import jsonschema

from macros.model.codes import did_you_mean
from macros.model.migration import old_field, replaced_by_old
from macros.model.source import Source
from macros.checks import attachments as attachment_types
from macros.checks.fiction import fiction_problems
from macros.checks.formulas import formula_problem
from macros.model.urls import MESSAGE as MAILTO_MESSAGE, URL_SCHEMES, is_mailto, plain_mailto
from macros.checks.personal_data import mailbox_problems, personal_data_problems
from macros.model.problems import Problem, field_path

TYPE_WORDS = {"string": "tekst", "integer": "een geheel getal", "number": "een getal", "boolean": "true of false",
              "array": "een lijst (regels die beginnen met '- ')", "object": "een blok met velden", "null": "leeg"}
LONG_TEXT = 300  # a text whose maxLength is above this may hold line ends and tabs (the forms give it a text box)
# For the submission form's script (macros/render/form.py), which has no Unicode folding: nine digits
# with at most one separator (space, dot, dash, slash or a Unicode space) between any two. The full
# check, with every grouping and full-width digits, is `personal_data.bsn_like`.
BSN_CANDIDATE = re.compile(r"(?<![\d.])(\d(?:[ .\-/\u00a0\u2007\u2009\u202f]?\d){8})(?![\d])")


# The fast validator's e-mail form; linear, as the dots of the domain cannot be part of its parts.
# What it refuses goes to the full validator, which decides.
EMAIL_FAST = r"^[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+$"


@dataclass(frozen=True)
class Validators:
    """The compiled checks of one schema, made once per load run (never kept between runs,
    so `kennisbank serve` checks against the schema as it is now)."""

    schema: dict
    fast: Callable      # accepts a good record quickly, raises on a bad one
    full: jsonschema.Draft7Validator   # lists every problem of a bad record


def compile_validators(schema: dict) -> Validators:
    return Validators(
        schema,
        fastjsonschema.compile(schema, formats={"email": EMAIL_FAST, "uri": r"^\S+$"}),
        jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER))


def check_shape(source: Source, validators: Validators) -> list[Problem]:
    """All JSON Schema violations of one record, in Dutch. Lengths first: a text longer than its
    `maxLength` gets that message only, and no pattern ever reads it (see `overlong`)."""
    long = overlong(source.data, validators.schema)
    data = _shortened(source.data, long) if long else source.data
    try:
        validators.fast(data)
        return [_too_long(source, path, value, spec) for path, value, spec in long]
    except Exception:  # noqa: BLE001 - any doubt (also odd values fastjsonschema trips on): the full validator decides
        pass
    return ([_too_long(source, path, value, spec) for path, value, spec in long]
            + [_dutch(source, err) for err in validators.full.iter_errors(data) if tuple(err.absolute_path) not in
               {path for path, _, _ in long}])


def overlong(data, schema: dict) -> list[tuple]:
    """(path, text, leaf schema) of every text longer than its schema's `maxLength`."""
    return [(path, value, spec) for path, value, spec in iter_values(data, schema)
            if isinstance(value, str) and len(value) > spec.get("maxLength", len(value))]


def _shortened(data, long: list[tuple]):
    """A copy of `data` with each overlong text cut to its `maxLength`, for the other checks."""
    for path, value, spec in long:
        data = _replaced(data, path, value[:spec["maxLength"]])
    return data


def _replaced(data, path: tuple, value):
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        return {**data, head: _replaced(data[head], rest, value)}
    return [_replaced(item, rest, value) if i == head else item for i, item in enumerate(data)]


def _too_long(source: Source, path: tuple, value: str, spec: dict) -> Problem:
    return Problem(source.path, source.line(path), field_path(path) or "(record)",
                   _message("maxLength", spec, value, None))


def _old(source: Source, path: tuple, value) -> Problem | None:
    """An old field (issue 29) explained: what it became and what to write instead."""
    old = old_field(path, value)
    return Problem(source.path, source.line(path), field_path(path), old.fix) if old else None


def _dutch(source: Source, err) -> Problem:
    path, spec, value = tuple(err.absolute_path), err.schema, err.instance
    kind = err.validator
    if kind == "required":
        missing = re.findall(r"'([^']+)' is a required property", err.message)[0]
        old = replaced_by_old(tuple("*" if isinstance(p, int) else p for p in path), missing, value)
        if old:  # the old field's own message says what to write; the same Problem, so it is listed once
            return _old(source, path + (old.key,), value[old.key])
        sub = err.schema["properties"].get(missing, {})
        hint = f" ({sub['description']})" if sub.get("description") else ""
        return Problem(source.path, source.line(path), field_path(path + (missing,)),
                       f"verplicht veld ontbreekt. Voeg '{missing}:' toe{hint}.")
    if kind == "additionalProperties":
        extra = sorted(set(value) - set(spec.get("properties", {})))[0]
        if explained := _old(source, path + (extra,), value[extra]):
            return explained
        allowed = list(spec.get("properties", {}))
        return Problem(source.path, source.line(path + (extra,)), field_path(path + (extra,)),
                       f"onbekend veld '{extra}'.{did_you_mean(extra, allowed)} Toegestaan zijn: {', '.join(allowed)}.")
    if path and (explained := _old(source, path, value)):
        return explained
    where = (source.path, source.line(path), field_path(path) or "(record)")
    return Problem(*where, _message(kind, spec, value, err))


def _message(kind: str, spec: dict, value, err) -> str:
    about = f" {spec['description']}" if spec.get("description") else ""
    shown = repr(value) if isinstance(value, str) else str(value)
    if kind == "type":
        wanted = spec["type"] if isinstance(spec["type"], str) else spec["type"][0]
        return f"hier hoort {TYPE_WORDS[wanted]}, maar er staat {shown}.{about}"
    if kind == "pattern":
        return f"{shown} heeft niet de juiste vorm.{about}"
    if kind == "format":
        return _format_message(spec.get("format"), shown)
    if kind == "minLength":
        return f"tekst is te kort: minstens {spec['minLength']} tekens.{about}"
    if kind == "maxLength":
        return f"tekst is te lang ({len(value)} tekens): hoogstens {spec['maxLength']}.{about}"
    if kind == "minimum":
        return f"{shown} is te klein: minstens {spec['minimum']}.{about}"
    if kind == "maximum":
        return f"{shown} is te groot: hoogstens {spec['maximum']}.{about}"
    if kind == "minItems":
        return f"de lijst moet minstens {spec['minItems']} waarde(n) bevatten.{about}"
    if kind == "uniqueItems":
        return "een waarde staat twee keer in de lijst. Haal de dubbele weg."
    return f"ongeldige waarde {shown}.{about}"


def _format_message(fmt: str, shown: str) -> str:
    if fmt == "date":
        return f"{shown} is geen bestaande datum. Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2024-08-01."
    if fmt == "email":
        return f"{shown} is geen e-mailadres. Schrijf het als naam@organisatie.nl."
    return f"{shown} heeft niet de juiste vorm ({fmt})."


def iter_values(data, spec: dict, path: tuple = ()) -> list[tuple]:
    """(path, value, leaf schema) for every scalar in `data` that the schema knows, in order."""
    out: list[tuple] = []
    _collect_values(data, spec, path, out)
    return out


def _collect_values(data, spec: dict, path: tuple, out: list) -> None:
    # A list, not a generator: a chain of `yield from` costs a step per level for every value.
    if isinstance(data, dict):
        if spec.get("type") == "object":
            known = spec.get("properties", {})
            for key, value in data.items():
                if key in known:
                    _collect_values(value, known[key], path + (key,), out)
    elif isinstance(data, list):
        if spec.get("type") == "array":
            for i, item in enumerate(data):
                _collect_values(item, spec["items"], path + (i,), out)
    else:
        out.append((path, data, spec))


def check_rules(source: Source, schema: dict, today: date, attachments: Path) -> list[Problem]:
    """The rules beyond shape: ids, dates, privacy, mailboxes, links, attachments."""
    problems: list[Problem] = []
    data = source.data if isinstance(source.data, dict) else {}
    expected = Path(source.path).stem
    if isinstance(data.get("id"), str) and data["id"] != expected:
        problems.append(Problem(source.path, source.line(("id",)), "id",
                                f"'{data['id']}' verschilt van de bestandsnaam. Noem het bestand {data['id']}.yaml "
                                f"of zet 'id: {expected}'."))
    for path, value, spec in iter_values(data, schema):
        problems += _check_value(source, path, value, spec, today)
    problems += _check_date_order(source, data)
    problems += _check_documents(source, data, attachments)
    problems += fiction_problems(source)
    return problems


def _check_value(source: Source, path: tuple, value, spec: dict, today: date) -> list[Problem]:
    if not isinstance(value, str) or len(value) > spec.get("maxLength", len(value)):
        return []  # too long: the shape check says so, and nothing scans it
    fmt = spec.get("format")
    messages = personal_data_problems(value, addresses=fmt != "email")
    if spec.get("maxLength", 0) <= LONG_TEXT and ("\n" in value or "\t" in value):
        what = "een nieuwe regel" if "\n" in value else "een tab"
        messages.append(f"dit korte veld bevat {what} (misschien geschreven als \\n of \\t tussen aanhalingstekens). "
                        "Alleen lange teksten mogen over meer regels lopen; schrijf deze tekst op één regel, met "
                        "spaties.")
    formula = formula_problem(value)
    if formula:
        messages.append(formula)
    if fmt == "email" and "@" in value:
        messages += mailbox_problems(value)
    if fmt == "uri" and not value.lower().startswith(URL_SCHEMES):
        messages.append(f"'{value}' is geen toegestaan webadres. Alleen adressen die beginnen met "
                        "https://, http:// of mailto: zijn toegestaan.")
    elif fmt == "uri" and is_mailto(value) and not plain_mailto(value):
        messages.append(f"'{value}' is geen toegestaan mailto-adres: {MAILTO_MESSAGE}")
    if fmt == "date":
        messages += _check_date(value, path, today)
    if not messages:  # the usual case: no line or field name to look up
        return []
    at = (source.path, source.line(path), field_path(path))
    return [Problem(*at, msg) for msg in messages]


def _check_date(value: str, path, today: date) -> list[str]:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return []  # the schema's format check already reports it
    if path[-1] == "beoordeeld_op" and day > today:
        return [f"{value} ligt in de toekomst; een beoordeling kan niet later zijn dan vandaag ({today})."]
    return []


DATE_ORDER = [(("datums", "afgesproken"), ("datums", "in_werking"), "de afspraken kunnen niet ingaan vóór ze gemaakt zijn"),
          (("datums", "in_werking"), ("datums", "volgende_evaluatie"), "de evaluatie kan niet vóór de ingangsdatum liggen"),
          (("redactie", "beoordeeld_op"), ("redactie", "volgende_beoordeling"),
           "de volgende beoordeling moet na de laatste liggen")]


def _check_date_order(source: Source, data: dict) -> list[Problem]:
    out = []
    for first, later, why in DATE_ORDER:
        a, b = _date_at(data, first), _date_at(data, later)
        if a and b and b < a:
            out.append(Problem(source.path, source.line(later), field_path(later),
                               f"{b} ligt vóór {field_path(first)} ({a}): {why}. Controleer beide datums."))
    return out


def _date_at(data: dict, path: tuple) -> date | None:
    value = data.get(path[0], {})
    value = value.get(path[1]) if isinstance(value, dict) else None
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _check_documents(source: Source, data: dict, attachments: Path) -> list[Problem]:
    out = []
    for i, doc in enumerate(data.get("documenten") or []):
        if not isinstance(doc, dict):
            continue
        path = ("documenten", i)
        if ("bestand" in doc) == ("url" in doc):
            out.append(Problem(source.path, source.line(path), field_path(path),
                               "geef óf 'bestand' (een bestand in practices/bijlagen/) óf 'url', niet allebei of geen van beide."))
        name = doc.get("bestand")
        if isinstance(name, str) and "/" not in name:
            message = _attachment_problem(attachments / name)
            if message:
                out.append(Problem(source.path, source.line(path + ("bestand",)), field_path(path + ("bestand",)),
                                   message))
    return out


def _attachment_problem(path: Path) -> str | None:
    """An allowed type (whether the file is there or not), present, and content that fits its name."""
    if not attachment_types.allowed(path.name):
        return attachment_types.type_message(path.name)
    if not _attachment_present(path):
        return f"het bestand '{path.name}' bestaat niet in practices/bijlagen/. Zet het daar neer of verbeter de naam."
    if os.path.islink(path):
        return None  # refused on its own, with its name, by the loader's link check
    return attachment_types.content_problem(path)


def _attachment_present(path: Path) -> bool:
    """A regular file, or a link (refused on its own, with its name, by the loader's link check)."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return False
    return stat.S_ISLNK(mode) or stat.S_ISREG(mode)
