"""The rules across a record's fields and the reference data, run once all records are read."""

from __future__ import annotations

from macros.checks.swv import swv_findings
from macros.model.problems import WARNING, Problem
from macros.model.swv import SwvIndex


def cross_checks(practices, lock: dict, swv: SwvIndex) -> list[Problem]:
    """Rules across a record's fields and the reference data: a practice cannot replace itself; a named
    template version exists; its SWV codes are in the regio-indeling (warnings among them, see
    `split_warnings`)."""
    out = []
    for source, data, _ in practices:
        if not isinstance(data, dict):
            continue
        out += swv_findings(source, data, swv)
        if data.get("vervangt") and data.get("vervangt") == data.get("id"):
            out.append(Problem(source.path, source.line(("vervangt",)), "vervangt", "een praktijk kan zichzelf niet vervangen."))
        used = data.get("sjabloon")
        if isinstance(used, dict) and used.get("id") in lock and used.get("versie") not in lock[used["id"]]:
            versions = ", ".join(sorted(lock[used["id"]]))
            out.append(Problem(source.path, source.line(("sjabloon", "versie")), "sjabloon.versie",
                               f"sjabloon '{used['id']}' heeft geen versie {used.get('versie')}. Bestaande versies: {versions}."))
    return out


def split_warnings(found: list[Problem]) -> tuple[list[Problem], list[Problem]]:
    """(problems, warnings) of the rules across fields; a warning's message starts with WARNING."""
    return [p for p in found if not p.message.startswith(WARNING)], [p for p in found if p.message.startswith(WARNING)]
