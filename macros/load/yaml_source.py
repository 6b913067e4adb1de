"""Read editors' files safely and remember the line of every value.

PyYAML's C parser composes the node tree; we build plain Python values from it
ourselves so that we can refuse what makes YAML dangerous or ambiguous
(aliases, merge keys, custom tags, duplicate keys) and keep `path -> line`.
Dates stay ISO strings: the schemas check them, and JSON has no date type.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import yaml

from macros.model.problems import Problem, field_path
from macros.model.source import Source

MAX_BYTES = 256 * 1024  # a record is a few KB; anything this big is a mistake or an attack
MAX_DEPTH = 32          # a record nests four levels deep; libyaml itself stops at 1000
LINK_MESSAGE = ("dit is een symbolische koppeling (symlink). De kennisbank volgt geen koppelingen: die kunnen naar "
                "bestanden buiten practices/ wijzen. Zet het bestand of de map zelf hier neer in plaats van een koppeling.")
# Every Unicode non-character: U+FDD0..U+FDEF and the last two code points of each of the 17 planes.
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(f"{chr(p * 0x10000 + 0xfffe)}{chr(p * 0x10000 + 0xffff)}" for p in range(17))
# Characters YAML does not allow in a document (C0 controls but tab, LF and CR; DEL; C1 but NEL; non-characters).
_CONTROL = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f{_NONCHARACTERS}]")
# What no value may hold once decoded, however it was written (raw, or as a YAML escape such as "\x01",
# "\0", "\e", "\N" or "\uFFFE"): C0 controls but tab and line end, DEL, C1, non-characters, lone surrogates.
# Tab and line end are for long texts only (macros.checks.records).
_DECODED = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_NONCHARACTERS}\ud800-\udfff]")

class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """PyYAML's safe loader (libyaml's parser where installed) with the tag resolution it calls for
    every node done in fewer steps: the same implicit resolvers, without the path resolvers the
    safe loader does not have (so no stack of them to keep per node)."""

    def descend_resolver(self, current_node, current_index) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):  # '' for an empty value
                    if regexp.match(value):
                        return tag
            return self.DEFAULT_SCALAR_TAG
        return self.DEFAULT_SEQUENCE_TAG if kind is yaml.SequenceNode else self.DEFAULT_MAPPING_TAG


# The shortcuts above hold only while the safe loader has no path and no wildcard resolvers.
assert not _Loader.yaml_path_resolvers and None not in _Loader.yaml_implicit_resolvers
_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float", _STR, "tag:yaml.org,2002:timestamp",
}


_ALIAS = "verwijzingen met & en * (ankers en aliassen) zijn niet toegestaan. Schrijf de waarde voluit."


def shown_all(paths: list[Path]) -> list[str]:
    """`shown(path)` for many regular files at once, resolving each folder once instead of each
    file: a file that is not a symbolic link resolves to its resolved folder plus its name."""
    cwd, folders, out = Path.cwd().resolve(), {}, []
    for path in paths:
        folder = folders.get(path.parent)
        if folder is None:
            folder = folders[path.parent] = path.parent.resolve()
        try:
            out.append(str((folder / path.name).relative_to(cwd)))
        except ValueError:
            out.append(str(path))
    return out


class _Refused(Exception):
    def __init__(self, line: int, path: tuple, message: str):
        self.line, self.path, self.message = line, path, message


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """At most `limit` + 1 bytes of a regular file; a symlink is refused (OSError ELOOP), never followed."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as fh:
        return fh.read(limit + 1)


def read_text(path: Path, shown: str, limit: int = MAX_BYTES) -> tuple[str | None, list[Problem]]:
    """The file as text with LF line ends, or the problems that stop us from reading it."""
    if path.is_symlink():
        return None, [Problem(shown, 0, "", LINK_MESSAGE)]
    raw = read_bytes(path, limit)
    if len(raw) > limit:
        size = max(len(raw), path.stat().st_size)
        return None, [Problem(shown, 1, "", f"bestand is {size // 1024} KB; de grens is "
                              f"{limit // 1024} KB. Splits de tekst of verplaats lange stukken naar een bijlage.")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, [Problem(shown, line, "", f"byte 0x{raw[err.start]:02x} is geen geldige UTF-8-tekst. "
                              "Sla het bestand op als UTF-8 (in de meeste editors: 'Opslaan als' > codering UTF-8).")]
    if text.startswith("\ufeff"):
        text = text[1:]
    # One line end everywhere: a bare CR would otherwise count as a line for YAML but not for an editor,
    # and split a row of the exported CSV in two for a spreadsheet or Frictionless.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    control = _CONTROL.search(text)
    if control:
        return None, [_control_problem(text, control.start(), shown)]
    return text, []


def _control_problem(text: str, at: int, shown: str) -> Problem:
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    char = text[at]
    what = "een NUL-teken (byte 0x00)" if char == "\x00" else f"een onzichtbaar stuurteken (U+{ord(char):04X})"
    return Problem(shown, line, "", f"in kolom {column} staat {what}. Dat hoort niet in een tekstbestand; vaak is het "
                   "bestand beschadigd of in een andere codering opgeslagen. Verwijder het teken en sla het bestand op "
                   "als UTF-8.")


def load_yaml(path: Path, shown: str, decoded: bool = True) -> tuple[Source | None, list[Problem]]:
    """Parse one YAML file; on failure return the problems instead. `decoded=False` leaves the
    characters of decoded texts to the caller (fill-in values: the shared fill rule cleans them)."""
    text, problems = read_text(path, shown)
    if problems:
        return None, problems
    if not text.strip() or all(l.strip().startswith("#") or not l.strip() for l in text.splitlines()):
        return None, [Problem(shown, 1, "", "het bestand is leeg. Vul de velden in "
                              "(begin met `kennisbank new`) of verwijder het bestand.")]
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as err:
        return None, [_syntax_problem(err, shown)]
    except yaml.YAMLError as err:
        return None, [Problem(shown, 1, "", f"YAML kan niet gelezen worden: {err}")]
    finally:
        loader.dispose()
    lines: dict = {}
    try:
        data = _build(node, (), lines, set())
    except _Refused as err:
        return None, [Problem(shown, err.line, field_path(err.path), err.message)]
    source = Source(shown, data, lines)
    problems = decoded_problems(source) if decoded else []
    return (None, problems) if problems else (source, [])


def decoded_problems(source: Source) -> list[Problem]:
    """A problem for every field name or text that holds a character no text may hold, once decoded."""
    out: list[Problem] = []
    _find_decoded(source, source.data, (), out)
    return out


def _find_decoded(source: Source, data, path: tuple, out: list) -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str) and _DECODED.search(key):
                out.append(_decoded_problem(source, path + (key,), key, f"de veldnaam '{_visible(key)}'"))
            _find_decoded(source, value, path + (key,), out)
    elif isinstance(data, list):
        for i, item in enumerate(data):
            _find_decoded(source, item, path + (i,), out)
    elif isinstance(data, str) and _DECODED.search(data):
        out.append(_decoded_problem(source, path, data, "de tekst"))


def _visible(text: str) -> str:
    """The text with every character that does not print written as its code, for a message."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)


def _decoded_problem(source: Source, path: tuple, text: str, what: str) -> Problem:
    char = _DECODED.search(text)[0]
    code = ord(char)
    if 0xd800 <= code <= 0xdfff:
        kind = f"een losse helft van een Unicode-teken (U+{code:04X})"
    elif code >= 0xfdd0:
        kind = f"een Unicode-'niet-teken' (U+{code:04X})"
    else:
        kind = f"een onzichtbaar stuurteken (U+{code:04X})"
    return Problem(source.path, source.line(path), _visible(field_path(path)),
                   f"{what} bevat {kind}, in het bestand of als code tussen aanhalingstekens (zoals \\x01, \\0, "
                   f"\\e of \\u{code:04X}). Zo'n teken hoort niet in een tekst en laat de bouw van de site "
                   "mislukken. Haal het weg; schrijf een nieuwe regel als echte regel, niet als code.")


# PyYAML's problem texts, in Dutch; anything else gets the general advice only.
_SYNTAX = {
    "mapping values are not allowed": "een dubbele punt op een plek waar dat niet kan; zet tekst met een dubbele punt tussen aanhalingstekens",
    "could not find expected ':'": "hier ontbreekt een dubbele punt na de veldnaam",
    "found character '\\t'": "er staat een tab; gebruik spaties om in te springen",
    "expected <block end>": "de inspringing klopt niet met de regels erboven",
    "did not find expected key": "de inspringing klopt niet met de regels erboven",
    "did not find expected '-' indicator": "een lijstregel moet beginnen met '- ' op dezelfde inspringing",
    "found unexpected end of stream": "het bestand houdt op midden in een tekst; ontbreekt er een aanhalingsteken?",
    "did not find expected ',' or ']'": "een lijst tussen [ ] is niet goed afgesloten",
    "did not find expected ',' or '}'": "een blok tussen { } is niet goed afgesloten",
    "found undefined alias": "verwijzingen met * zijn niet toegestaan",
    "found undefined tag handle": "een onbekende markering met !",
    "but found another document": "er staan meerdere documenten (---) in één bestand; houd er één over",
    "exceeded maximum nesting depth": f"de gegevens zijn dieper genest dan de grens van {MAX_DEPTH} niveaus",
}


def _syntax_problem(err: yaml.MarkedYAMLError, shown: str) -> Problem:
    mark = err.problem_mark or err.context_mark
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    raw = f"{err.context or ''} {err.problem or ''}"
    what = next((dutch for english, dutch in _SYNTAX.items() if english in raw), "")
    return Problem(shown, line, "", f"YAML-syntaxfout in kolom {column}{': ' + what if what else ''}. Controleer de "
                   "inspringing (spaties, geen tabs), de dubbele punt na elke naam en de aanhalingstekens rond tekst "
                   "met een dubbele punt.")


_TOO_DEEP = (f"de gegevens zijn te diep genest: meer dan {MAX_DEPTH} niveaus van lijsten en blokken in elkaar. Een "
             "record heeft er hoogstens een paar; controleer de inspringing en de haakjes [ ] en { }.")


def _build(node, path: tuple, lines: dict, seen: set):
    line = node.start_mark.line + 1
    if id(node) in seen:
        raise _Refused(line, path, _ALIAS)
    if len(path) > MAX_DEPTH:
        raise _Refused(line, path[:1], _TOO_DEEP)
    seen.add(id(node))
    lines[path] = line
    if isinstance(node, yaml.MappingNode):
        return _build_mapping(node, path, lines, seen)
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), lines, seen) for i, item in enumerate(node.value)]
    return _scalar(node, path, line)


def _build_mapping(node, path, lines, seen) -> dict:
    out: dict = {}
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise _Refused(key_line, path, "samenvoegen met << is niet toegestaan. Schrijf de velden voluit.")
        if not isinstance(key_node, yaml.ScalarNode):
            raise _Refused(key_line, path, "een veldnaam moet gewone tekst zijn.")
        key = key_node.value
        if key in out:
            raise _Refused(key_line, path + (key,), f"het veld '{key}' staat twee keer in hetzelfde blok "
                           f"(eerder op regel {lines[path + (key,)]}). Houd er één over.")
        if id(value_node) in seen:  # an alias points back at a node we built already
            raise _Refused(key_line, path + (key,), _ALIAS)
        out[key] = _build(value_node, path + (key,), lines, seen)
        lines[path + (key,)] = key_line
    return out


def _scalar(node, path, line):
    tag = node.tag
    if tag not in _SCALAR_TAGS:
        raise _Refused(line, path, f"de markering {tag} is niet toegestaan. Laat het uitroepteken-label weg.")
    if tag == _STR:
        # A "\r" escape in a quoted text is a line end too; one kind of line end everywhere.
        text = node.value.replace("\r\n", "\n").replace("\r", "\n")
        # In a folded block a blank line is the only way to start a new paragraph, and it
        # arrives as a single newline: make it the blank line every other text uses.
        return re.sub(r"\n+", "\n\n", text) if node.style == ">" else text
    if tag == "tag:yaml.org,2002:timestamp":
        return node.value
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return node.value.lower() in ("true", "yes", "on", "y")
    if tag == "tag:yaml.org,2002:int":
        return yaml.SafeLoader.construct_yaml_int(_CONSTRUCTOR, node)
    return yaml.SafeLoader.construct_yaml_float(_CONSTRUCTOR, node)


_CONSTRUCTOR = yaml.SafeLoader("")

