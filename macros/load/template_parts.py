"""The parts of a template body: plain text, variant sections and repeated blocks.

A body may hold two kinds of section, each opened and closed by a marker line of its own
(at the start of the line, with a blank line before and after):

    ::: keuze financiering=fonds        the text of option `fonds` of the choice `financiering`
    ...
    :::

    ::: herhaal gemeenten               a block written once per item of the repeat `gemeenten`
    ...
    :::

Both are declared in the template's YAML (`keuzes` with `varianten`, `herhalingen`). Between
the markers stands ordinary restricted Markdown; sections do not nest. Every reader of a
body (the checks, the site, the documents, the command line) splits it here, so they agree
on what belongs where. `split_body` never fails: a line that starts with `:::` but is no
valid marker stays text and is listed in `Split.errors` for the checks to report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from macros.load.templates import PLACEHOLDER

MARKER_LINE = re.compile(r"^[ \t]*:::")
_OPEN = re.compile(r"^:::[ \t]+(keuze|herhaal)[ \t]+(\S.*?)[ \t]*$")
_CLOSE = re.compile(r"^:::[ \t]*$")
_NAME = r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*"
_CHOICE_ARGS = re.compile(rf"^({_NAME})=({_NAME})$")
_REPEAT_ARGS = re.compile(rf"^({_NAME})$")


@dataclass(frozen=True)
class Part:
    """A stretch of the body. `kind` is 'tekst', 'keuze' or 'herhaal'; `line` is the body line of
    the first text line (for a section: the line after its opening marker)."""

    kind: str
    text: str
    line: int
    keuze: str = ""
    variant: str = ""
    herhaling: str = ""
    marker_line: int = 0

    @property
    def placeholders(self) -> list[str]:
        return PLACEHOLDER.findall(self.text)


@dataclass(frozen=True)
class Split:
    parts: tuple[Part, ...]
    errors: tuple[tuple[int, str], ...] = field(default=())   # (line, Dutch message)
    markers: tuple[int, ...] = field(default=())              # lines that are markers


def _part(kind: str, lines: list[str], start: int, **names) -> Part:
    return Part(kind, "\n".join(lines), start, **names)


def split_body(body: str) -> Split:
    """The body as parts in order. Text outside sections is kept as 'tekst' parts (empty ones
    dropped); an unclosed section runs to the end and is reported."""
    parts: list[Part] = []
    errors: list[tuple[int, str]] = []
    markers: list[int] = []
    lines = body.split("\n")
    current: dict | None = None        # the open section: kind, names, marker line
    chunk: list[str] = []
    chunk_start = 1

    def flush(next_start: int) -> None:
        nonlocal chunk, chunk_start
        if current is not None:
            parts.append(_part(current["kind"], chunk, chunk_start, **current["names"], marker_line=current["line"]))
        elif "".join(chunk).strip():
            parts.append(_part("tekst", chunk, chunk_start))
        chunk, chunk_start = [], next_start

    for number, line in enumerate(lines, 1):
        if not MARKER_LINE.match(line):
            chunk.append(line)
            continue
        opened, closed = _OPEN.match(line), _CLOSE.match(line)
        problem = _marker_problem(line, opened, closed, current)
        if problem:
            errors.append((number, problem))
            chunk.append(line)
            continue
        markers.append(number)
        flush(number + 1)
        if closed:
            current = None
        else:
            current = {"kind": opened.group(1), "line": number, "names": _names(opened.group(1), opened.group(2))}
    if current is not None:
        errors.append((current["line"], "deze sectie wordt niet gesloten. Zet een regel met alleen ::: onder de "
                                        "laatste regel van de sectie."))
    flush(len(lines) + 1)
    return Split(tuple(parts), tuple(errors), tuple(markers))


def _names(kind: str, args: str) -> dict:
    if kind == "keuze":
        keuze, variant = _CHOICE_ARGS.match(args).groups()
        return {"keuze": keuze, "variant": variant}
    return {"herhaling": args}


def _marker_problem(line: str, opened, closed, current: dict | None) -> str | None:
    if line[:1] in (" ", "\t"):
        return "een regel met ::: begint aan het begin van de regel, zonder spaties ervoor."
    if closed:
        return None if current is not None else ("deze ::: sluit niets af: er is geen sectie geopend met "
                                                 "'::: keuze ...' of '::: herhaal ...'.")
    if not opened:
        return ("onbekende sectie. Schrijf '::: keuze <keuze>=<variant>' (een variant), '::: herhaal <herhaling>' "
                "(een blok per gemeente of partij) of ':::' (einde van de sectie).")
    kind, args = opened.groups()
    if kind == "keuze" and not _CHOICE_ARGS.match(args):
        return (f"'::: keuze {args}' is geen geldige variant. Schrijf '::: keuze <keuze>=<variant>', met de namen "
                "uit 'keuzes' en 'varianten' in de YAML, bijvoorbeeld '::: keuze financiering=fonds'.")
    if kind == "herhaal" and not _REPEAT_ARGS.match(args):
        return (f"'::: herhaal {args}' is geen geldige herhaling. Schrijf '::: herhaal <naam>', met een naam uit "
                "'herhalingen' in de YAML, bijvoorbeeld '::: herhaal gemeenten'.")
    if current is not None:
        return (f"een sectie kan niet binnen een andere sectie beginnen: sluit de sectie van regel {current['line']} "
                "eerst af met een regel met alleen :::.")
    return None


# --------------------------------------------------------------------------- what the YAML declares


@dataclass(frozen=True)
class FormField:
    naam: str
    label: str
    uitleg: str = ""
    voorbeeld: str = ""
    standaard: str = ""
    herhaling: str = ""


@dataclass(frozen=True)
class Variant:
    naam: str
    keuze: str
    label: str
    uitleg: str = ""


@dataclass(frozen=True)
class Choice:
    naam: str
    vraag: str
    uitleg: str
    varianten: tuple[Variant, ...]


@dataclass(frozen=True)
class Repeat:
    naam: str
    label: str
    enkelvoud: str
    uitleg: str
    velden: tuple[str, ...]


@dataclass(frozen=True)
class Appendix:
    titel: str
    omschrijving: str = ""


@dataclass(frozen=True)
class TemplateForm:
    """The fill-in form of a template as its YAML declares it: fields, choices with their
    variants, repeats and appendices. Made by `template_form`; read by the site, the
    documents and `kennisbank sjabloon invullen` alike."""

    fields: tuple[FormField, ...] = ()
    choices: tuple[Choice, ...] = ()
    repeats: tuple[Repeat, ...] = ()
    appendices: tuple[Appendix, ...] = ()

    @property
    def labels(self) -> dict[str, str]:
        return {f.naam: f.label for f in self.fields}

    def field(self, name: str) -> FormField | None:
        return next((f for f in self.fields if f.naam == name), None)

    def choice(self, name: str) -> Choice | None:
        return next((c for c in self.choices if c.naam == name), None)

    def repeat(self, name: str) -> Repeat | None:
        return next((r for r in self.repeats if r.naam == name), None)

    def variant(self, choice: str, name: str) -> Variant | None:
        found = self.choice(choice)
        return next((v for v in found.varianten if v.naam == name), None) if found else None


def _text(item, key: str) -> str:
    value = item.get(key) if hasattr(item, "get") else None
    return value if isinstance(value, str) else ""


def _items(data, key: str) -> list:
    value = data.get(key) if hasattr(data, "get") else None
    return [item for item in value if hasattr(item, "get")] if isinstance(value, (list, tuple)) else []


def template_form(data) -> TemplateForm:
    """The form from a template's data (a dict or a Record's mapping). Tolerant: what the schema
    refuses is left out here and reported by the checks."""
    fields = tuple(FormField(_text(f, "naam"), _text(f, "label"), _text(f, "uitleg"), _text(f, "voorbeeld"),
                             _text(f, "standaard"), _text(f, "herhaling"))
                   for f in _items(data, "invulvelden") if _text(f, "naam"))
    variants = [Variant(_text(v, "naam"), _text(v, "keuze"), _text(v, "label"), _text(v, "uitleg"))
                for v in _items(data, "varianten") if _text(v, "naam")]
    choices = tuple(Choice(_text(c, "naam"), _text(c, "vraag"), _text(c, "uitleg"),
                           tuple(v for v in variants if v.keuze == _text(c, "naam")))
                    for c in _items(data, "keuzes") if _text(c, "naam"))
    repeats = tuple(Repeat(_text(r, "naam"), _text(r, "label"), _text(r, "enkelvoud"), _text(r, "uitleg"),
                           tuple(f.naam for f in fields if f.herhaling == _text(r, "naam")))
                    for r in _items(data, "herhalingen") if _text(r, "naam"))
    appendices = tuple(Appendix(_text(b, "titel"), _text(b, "omschrijving"))
                       for b in _items(data, "bijlagen") if _text(b, "titel"))
    return TemplateForm(fields, choices, repeats, appendices)


# --------------------------------------------------------------------------- filled-in values


@dataclass(frozen=True)
class Values:
    """What a user filled in: a text per field, a variant per choice, and per repeat a list of
    items (a text per field of that repeat). A field without a value keeps its placeholder."""

    fields: dict = field(default_factory=dict)
    choices: dict = field(default_factory=dict)
    repeats: dict = field(default_factory=dict)

    def text(self, name: str) -> str:
        return clean_value(self.fields.get(name, ""))

    def items(self, repeat: str) -> list[dict]:
        """The items of a repeat; none filled in is one item with every placeholder."""
        return list(self.repeats.get(repeat) or [{}])


# The rule for a filled-in value, written with the same characters in docs/assets/sjabloon.js
# (kennisbankInvulwaarde); tests/test_fill_parity.py proves the two equal for every code point.
# Removed: C0 controls but tab, LF and CR; DEL and the C1 controls but NEL (U+0085); lone surrogates;
# the noncharacters; the byte-order mark U+FEFF.
_REMOVED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef\ufeff\ufffe\uffff"
                      + "".join(chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF) for plane in range(1, 17))
                      + "]")
# Whitespace: a run becomes one space, none at either end. Neither Python's str.split nor JavaScript's
# \s (they differ on U+0085, U+001C-U+001F and U+FEFF), but this list: tab, LF, CR, space, NEL, the
# no-break spaces and the Unicode spaces and separators.
_SPACE = re.compile("[\t\n\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")


def clean_value(value) -> str:
    """A value as it goes into a document: text, one line, no control characters (XML cannot
    hold them), no surrounding space."""
    return _SPACE.sub(" ", _REMOVED.sub("", "" if value is None else str(value))).strip(" ")


# --------------------------------------------------------------------------- hints in the blank documents


def variant_hints(form: TemplateForm, choice: str, variant: str) -> tuple[str, str]:
    """The notes before and after a variant's text in a blank document and on the page."""
    found, question = form.variant(choice, variant), form.choice(choice)
    label = found.label if found and found.label else variant
    asked = question.vraag if question and question.vraag else choice
    return (f"Keuze “{asked}”: {label}. Houd één variant aan en schrap de andere.",
            f"Einde van {label}.")


def repeat_hints(form: TemplateForm, repeat: str) -> tuple[str, str]:
    """The notes before and after a repeated block in a blank document and on the page."""
    found = form.repeat(repeat)
    one = found.enkelvoud if found and found.enkelvoud else repeat
    return f"Herhaal dit blok per {one}.", f"Einde van het blok per {one}."  # "per": no de/het to get wrong
