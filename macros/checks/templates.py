"""Checks of agreement templates: a safe body, placeholders declared and used, version rules.

A released version's body is frozen: `sjablonen/versies.yaml` keeps the hash of
every version, so a changed body without a version bump is caught.
"""

from __future__ import annotations

import re

from macros.load.templates import PLACEHOLDER, body_hash
from macros.load.yaml_source import Source
from macros.checks.problems import Problem, field_path

_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")
_HTML = re.compile(r"<[A-Za-z!/?]")


def check_template(source: Source, body: str, body_file: str, lock: dict) -> list[Problem]:
    """Body safety, placeholders declared and used, and the version rules."""
    return (_check_body(body, body_file) + _check_placeholders(source, body, body_file)
            + _check_version(source, body, lock))


def _check_body(body: str, shown: str) -> list[Problem]:
    out = []
    for number, line in enumerate(body.splitlines(), 1):
        if "{{" in line or "{%" in line or "}}" in line:
            out.append(Problem(shown, number, "tekst", "'{{', '}}' of '{%' is niet toegestaan (dat is sjabloontaal "
                               "van de site). Schrijf invulvelden als [[naam]]."))
        if _HTML.search(line):
            out.append(Problem(shown, number, "tekst", "HTML-code is niet toegestaan in een sjabloon. "
                               "Gebruik gewone Markdown."))
        for url in _LINK.findall(line):
            if not url.lower().startswith(("https://", "http://", "mailto:")):
                out.append(Problem(shown, number, "tekst", f"link '{url}' is niet toegestaan: alleen https://, "
                                   "http:// of mailto:."))
    return out


def _declared(source: Source) -> dict[str, int]:
    fields = source.data.get("invulvelden") if isinstance(source.data, dict) else None
    return {f["naam"]: i for i, f in enumerate(fields or []) if isinstance(f, dict) and isinstance(f.get("naam"), str)}


def _check_placeholders(source: Source, body: str, shown: str) -> list[Problem]:
    declared, out, used = _declared(source), [], set()
    for number, line in enumerate(body.splitlines(), 1):
        for name in PLACEHOLDER.findall(line):
            used.add(name)
            if name not in declared:
                out.append(Problem(shown, number, f"[[{name}]]", f"invulveld '{name}' is niet gedeclareerd. "
                                   f"Voeg het toe onder 'invulvelden' in {source.path}, of verbeter de naam."))
    for name, i in declared.items():
        if name not in used:
            path = ("invulvelden", i, "naam")
            out.append(Problem(source.path, source.line(path), field_path(path),
                               f"invulveld '{name}' wordt niet gebruikt in {shown}. Zet [[{name}]] in de tekst "
                               "of haal de declaratie weg."))
    return out


def _version_key(version: str) -> tuple:
    return tuple(int(p) for p in version.split("."))


def _check_version(source: Source, body: str, lock: dict) -> list[Problem]:
    data = source.data if isinstance(source.data, dict) else {}
    version, tid = data.get("versie"), data.get("id")
    if not (isinstance(version, str) and re.fullmatch(r"\d+\.\d+\.\d+", version)):
        return []  # the schema reports it
    at = (source.path, source.line(("versie",)), "versie")
    out = []
    history = (data.get("wijzigingen") or [{}])[0]
    if isinstance(history, dict) and history.get("versie") != version:
        out.append(Problem(source.path, source.line(("wijzigingen", 0)), "wijzigingen[0]",
                           f"de bovenste wijziging hoort bij versie {version}. Beschrijf wat er in deze versie veranderde."))
    known = lock.get(tid, {}) if isinstance(lock, dict) else {}
    if version.startswith("0."):
        return out  # 0.x is a draft: its text may still change
    if version in known:
        if known[version] != body_hash(body):
            higher = ".".join(map(str, _bump(version)))
            out.append(Problem(*at, f"de tekst is gewijzigd, maar versie {version} is al vastgelegd. Verhoog de "
                               f"versie (bijvoorbeeld {higher}), voeg een wijziging toe en voer "
                               "`kennisbank sjabloon vastleggen` uit."))
    else:
        newest = max(known, key=_version_key) if known else None
        if newest and _version_key(version) < _version_key(newest):
            out.append(Problem(*at, f"versie {version} is lager dan de vastgelegde versie {newest}."))
        else:
            out.append(Problem(*at, f"versie {version} is nog niet vastgelegd. Voer `kennisbank sjabloon vastleggen` "
                               "uit als de tekst klaar is."))
    return out


def _bump(version: str) -> tuple:
    major, minor, _ = _version_key(version)
    return major, minor + 1, 0

