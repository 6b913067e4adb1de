"""Fiction stays off real organisations: the rules for a record that says `voorbeeld: true`.

An invented practice must not be mistaken for, or attached to, a real organisation:

- every mail address in it uses a domain reserved for examples (RFC 2606: the top-level domains
  `.example`, `.test` and `.invalid`, and example.com, example.net and example.org), so no one can
  register it and receive the mail;
- every organisation it names as a partner or contact says "(fictief)" in its name.

Real gemeenten may stay (the map has something to show); every view marks the practice as
fictional (macros.render.fiction). The SWV codes of fictional records are checked elsewhere.
"""

from __future__ import annotations

import re

from macros.model.problems import Problem, field_path
from macros.model.source import Source

FIELD = "voorbeeld"
MARK = "(fictief)"
RESERVED_TLDS = ("example", "test", "invalid")
RESERVED_DOMAINS = ("example.com", "example.net", "example.org")
# Organisation names that must carry MARK: (path to a list or block, key of the name).
ORGANISATIONS = (("partners", "organisatie"), ("contact", "organisatie"))
_ADDRESS = re.compile(r"[A-Za-z0-9._%+\-]+@([A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)")
_NOT_LABEL = re.compile(r"[^a-z0-9]+")


def is_reserved(domain: str) -> bool:
    """True for a domain no one can register: under a reserved top-level domain or an example.* domain."""
    domain = domain.lower().rstrip(".")
    return (domain.rsplit(".", 1)[-1] in RESERVED_TLDS
            or any(domain == d or domain.endswith("." + d) for d in RESERVED_DOMAINS))


def reserved_suggestion(domain: str) -> str:
    """A reserved domain to write instead: the registrable name with '.example' ('swv-x.nl' -> 'swv-x.example')."""
    labels = domain.lower().rstrip(".").split(".")
    name = _NOT_LABEL.sub("-", labels[-2] if len(labels) > 1 else labels[0]).strip("-") or "voorbeeld"
    return f"{name}.example"


def fiction_problems(source: Source) -> list[Problem]:
    """Every problem of a fictional record with real-looking mail domains or unmarked organisations."""
    data = source.data
    if not isinstance(data, dict) or data.get(FIELD) is not True:
        return []
    return _mail_problems(source, data) + _organisation_problems(source, data)


def _strings(value, path: tuple = ()) -> list[tuple[tuple, str]]:
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in _strings(item, path + (key,))]
    if isinstance(value, list):
        return [found for i, item in enumerate(value) for found in _strings(item, path + (i,))]
    return [(path, value)] if isinstance(value, str) else []


def _mail_problems(source: Source, data: dict) -> list[Problem]:
    problems = []
    for path, text in _strings(data):
        if "@" not in text:
            continue
        for match in _ADDRESS.finditer(text):
            domain = match[1]
            if is_reserved(domain):
                continue
            local = match[0].split("@", 1)[0]
            problems.append(Problem(
                source.path, source.line(path), field_path(path),
                f"'{match[0]}' gebruikt het maildomein '{domain}', dat iemand echt kan registreren. Dit record is "
                f"een fictief voorbeeld (voorbeeld: true), en verzonnen post mag nooit bij een echte organisatie "
                f"aankomen. Gebruik een domein dat voor voorbeelden gereserveerd is (RFC 2606): eindigend op "
                f".example, .test of .invalid, of example.com, example.net of example.org. Schrijf bijvoorbeeld "
                f"'{local}@{reserved_suggestion(domain)}'."))
    return problems


def _organisation_problems(source: Source, data: dict) -> list[Problem]:
    problems = []
    for block, key in ORGANISATIONS:
        value = data.get(block)
        items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for i, item in items:
            name = item.get(key) if isinstance(item, dict) else None
            if not isinstance(name, str) or MARK in name:
                continue
            path = (block, key) if i is None else (block, i, key)
            problems.append(Problem(
                source.path, source.line(path), field_path(path),
                f"'{name}' mist '{MARK}'. Dit record is een fictief voorbeeld (voorbeeld: true); elke organisatie "
                f"die het noemt, moet zichtbaar verzonnen zijn, zodat geen echte organisatie aan verzonnen afspraken "
                f"vastzit. Schrijf '{name.strip()} {MARK}', en noem liever geen bestaande organisatie."))
    return problems
