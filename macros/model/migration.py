"""Fields that were split or renamed (issue 29), what to write instead, and the text rewrite
that `kennisbank migreer` applies to a record.

The rewrite works on the YAML text line by line, so comments, order and the rest of the
layout stay as they were; it only touches the old fields in block style. Running it twice
changes nothing the second time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The old AVG grounds of `gegevensdeling.grondslag` as codes of the codelist avg-grondslag
# (AVG art. 6(1)): 'wettelijke-taak' was defined as "a task the law gives the party", which is
# ground e; a region whose ground is c (a legal obligation) corrects it by hand.
OLD_GRONDSLAG = {"toestemming": ["a"], "wettelijke-taak": ["e"], "combinatie": ["a", "e"], "onbekend": ["onbekend"]}

MIGRATE_HINT = "`kennisbank migreer` zet dit om."


@dataclass(frozen=True)
class OldField:
    parent: tuple       # where the old key sits: ("doorbraakoverleg",) or ("resultaten", "*")
    key: str
    instead: tuple      # the new fields that replace it
    fix: str            # what to write instead, in Dutch


OLD_FIELDS = (
    OldField(("doorbraakoverleg",), "termijn_werkdagen", ("termijn_overleg_werkdagen", "termijn_besluit_werkdagen"),
             "het veld termijn_werkdagen is gesplitst. Schrijf termijn_overleg_werkdagen (binnen hoeveel werkdagen na "
             "de aanmelding het doorbraakoverleg de situatie bespreekt) en termijn_besluit_werkdagen (binnen hoeveel "
             "werkdagen na de aanmelding er een besluit ligt). " + MIGRATE_HINT + " De oude waarde wordt "
             "termijn_besluit_werkdagen, want zo was het veld gedefinieerd."),
    OldField(("doorbraakoverleg",), "doorzettingsmacht", ("doorzettingsmacht", "doorzettingsmacht_bindend"),
             "doorzettingsmacht is nu een lijst van een of meer rollen, zoals doorzettingsmacht: [swv, gemeente], "
             "met daarnaast doorzettingsmacht_bindend: ja, nee of onbekend (binden de partijen zich vooraf aan het "
             "besluit?). " + MIGRATE_HINT),
    OldField(("gegevensdeling",), "grondslag", ("avg_grondslag", "wettelijke_grondslag"),
             "het veld grondslag is gesplitst. Schrijf avg_grondslag met de grondslag uit artikel 6 lid 1 AVG "
             "(a tot en met f, bijvoorbeeld avg_grondslag: [c, e]) en wettelijke_grondslag met de wetsartikelen, "
             "zoals 'Leerplichtwet 1969 art. 21 en 22'. " + MIGRATE_HINT + " Van toestemming wordt [a], van "
             "wettelijke-taak [e] en van combinatie [a, e]."),
    OldField(("resultaten", "*"), "eenheid", (),
             "de eenheid staat nu bij de indicator in de codelijst indicator; haal de regel eenheid weg. Past de "
             "eenheid niet bij de indicator, kies dan de indicator die wel past. " + MIGRATE_HINT),
    OldField(("resultaten", "*"), "jaar", ("periode",),
             "jaar heet nu periode en zegt welk soort periode het is: schrijf periode: '2023-2024' (schooljaar), "
             "'2023' (kalenderjaar) of '2024-10-01' (peildatum). " + MIGRATE_HINT),
)


def old_field(path: tuple, value=None) -> OldField | None:
    """The old field at `path` (keys, with list positions as ints), or None. `doorzettingsmacht` is old
    only as a single role (text); as a list it is the new field."""
    parent = tuple("*" if isinstance(p, int) else p for p in path[:-1])
    for old in OLD_FIELDS:
        if old.parent == parent and old.key == path[-1]:
            if old.key == "doorzettingsmacht" and not isinstance(value, str):
                return None
            return old
    return None


def replaced_by_old(parent_path: tuple, missing: str, present) -> OldField | None:
    """The old field in `present` (the object at `parent_path`) that a missing new field replaces."""
    for key, value in (present.items() if isinstance(present, dict) else ()):
        old = old_field(parent_path + (key,), value)
        if old and missing in old.instead:
            return old
    return None


def _flow_list(items) -> str:
    return "[" + ", ".join(items) + "]"


_KEY = re.compile(r"^(?P<indent> *)(?P<dash>- )?(?P<key>[a-z_]+):(?P<rest>.*)$")


def _scalar(rest: str) -> str:
    """The plain value after 'key:', without a trailing comment or quotes."""
    text = re.sub(r"\s+#.*$", "", rest).strip()
    return text.strip("'\"")


def migrate_text(text: str, units: dict[str, str]) -> tuple[str, list[str]]:
    """The record's text with old fields rewritten, and notes (Dutch) about what needs a person.
    `units` maps each indicator code to its eenheid (codelist indicator)."""
    out, notes = [], []
    top, indicator = "", ""
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        m = _KEY.match(line.rstrip("\n"))
        if not m:
            out.append(line)
            continue
        indent, key, rest = m["indent"], m["key"], m["rest"]
        if not indent and not m["dash"]:
            top = key
        if top == "resultaten" and key == "indicator":
            indicator = _scalar(rest)
        end = "\n" if line.endswith("\n") else ""
        pad = indent + ("  " if m["dash"] else "")
        lead = indent + (m["dash"] or "")
        if top == "doorbraakoverleg" and indent and key == "termijn_werkdagen":
            out.append(f"{lead}termijn_besluit_werkdagen:{rest}{end}")
        elif top == "doorbraakoverleg" and indent and key == "doorzettingsmacht" and _scalar(rest) \
                and not _scalar(rest).startswith("["):
            out.append(f"{lead}doorzettingsmacht: {_flow_list([_scalar(rest)])}{end}")
            out.append(f"{pad}doorzettingsmacht_bindend: onbekend{end}")
        elif top == "gegevensdeling" and indent and key == "grondslag":
            code = _scalar(rest)
            new = OLD_GRONDSLAG.get(code)
            if new is None:
                notes.append(f"regel {number}: grondslag '{code}' is onbekend; vul avg_grondslag met de hand in.")
                out.append(line)
            else:
                out.append(f"{lead}avg_grondslag: {_flow_list(new)}{end}")
        elif top == "resultaten" and indent and key == "jaar":
            out.append(f"{lead}periode: '{_scalar(rest)}'{end}")
        elif top == "resultaten" and indent and key == "eenheid":
            unit, wanted = _scalar(rest), units.get(indicator, "")
            if unit == wanted:
                if m["dash"]:
                    out.append(f"{indent}- ")  # the item's first key goes; the dash stays for the next line
                continue
            notes.append(f"regel {number}: eenheid '{unit}' past niet bij indicator '{indicator}' (eenheid "
                         f"'{wanted or '?'}'); kies de indicator die past en haal de regel eenheid weg.")
            out.append(line)
        else:
            out.append(line)
    return _join_dangling(out), notes


def _join_dangling(lines: list[str]) -> str:
    """A lone '- ' (left by a removed first key of a list item) joins the next line's key."""
    text, pending = [], ""
    for line in lines:
        if line.endswith("- ") and not line.strip("- "):
            pending = line
            continue
        if pending:
            line = pending + line.lstrip()
            pending = ""
        text.append(line)
    return "".join(text) + pending
