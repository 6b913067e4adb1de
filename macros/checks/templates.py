"""Checks of agreement templates: a safe body, placeholders declared and used, version rules.

A template body is a restricted Markdown: headings, paragraphs, lists, block quotes,
emphasis, tables, links (http(s), mailto or inside the site; reference-style definitions
checked like inline links) and images from the template's own attachments
(`practices/sjablonen/<id>/`, a bare file name). No raw HTML, no attribute lists, no
`javascript:`/`data:`/`file:` addresses in any spelling. The body is parsed with
markdown-it-py (CommonMark) to find every link, image and HTML node; a line scan behind
it catches what another Markdown reader (Python-Markdown for the site, pandoc for the
documents) might read differently.

The URL rules (`macros.model.urls`) and `attachment_name` are shared with the HTML of the site
(`macros.render.template_body`) and the documents (`macros.publish`).

Variant sections (`::: keuze <keuze>=<variant>`) and repeated blocks (`::: herhaal <naam>`)
are split off by `macros.load.template_parts`; `check_structure` reports a marker that is
malformed, undeclared, nested or not alone between blank lines, a field of a repeat used
outside its block, article numbers that do not run on for every choice of variants, and
appendices named in the text but not declared (or the other way round).

A released version's body is frozen: `sjablonen/versies.lock` keeps the hash of
every version, so a changed body without a version bump is caught.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from markdown_it import MarkdownIt

from macros.load.template_parts import Split, TemplateForm, split_body, template_form
from macros.load.templates import PLACEHOLDER, body_hash
from macros.model.source import Source
from macros.checks.attachments import picture_problem
from macros.model.urls import MESSAGE as MAILTO_MESSAGE, SCHEME as MAILTO, normal_url, url_kind
from macros.model.problems import Problem, field_path

IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif"}
_IMAGE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
# Linear, as the schemas' patterns: no two repeats that can take the same characters side by side
# ("\s*/?\s*" and "[^{}]*=[^{}]*" backtrack quadratically on a long line of spaces or of '=').
_HTML = re.compile(r"<\s*(?:/\s*)?[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|$)|<!|<\?")
_ATTRIBUTES = re.compile(r"\{\s*[:#.=%]|\{[^{}\n=]*=[^{}\n]*\}")
_DANGEROUS = re.compile(r"(?:java|vb|live)script:|(?:^|[(<=\"'`:\]])(?:file:/|data:[a-z0-9.+-]*[/,;])")
_BLOCKS = {"heading_open", "heading_close", "paragraph_open", "paragraph_close", "bullet_list_open",
           "bullet_list_close", "ordered_list_open", "ordered_list_close", "list_item_open", "list_item_close",
           "blockquote_open", "blockquote_close", "hr", "table_open", "table_close", "thead_open", "thead_close",
           "tbody_open", "tbody_close", "tr_open", "tr_close", "th_open", "th_close", "td_open", "td_close", "inline"}
_HTML_MESSAGE = "HTML-code is niet toegestaan in een sjabloon. Gebruik gewone Markdown."


# --------------------------------------------------------------------------- shared URL rules


def attachment_name(src: str) -> str | None:
    """The file name when `src` names an image of the template's own attachments (a bare
    name such as `logo.png`, no folder, no scheme), else None."""
    if _IMAGE_NAME.fullmatch(src) and Path(src).suffix.lower() in IMAGE_TYPES:
        return src
    return None


def attachment_folder(body_file: Path | str) -> Path:
    """`practices/sjablonen/<id>.md` keeps its attachments in `practices/sjablonen/<id>/`."""
    return Path(body_file).with_suffix("")


def attachment_file(folder: Path, name: str) -> Path | None:
    """The attachment as a regular file inside `folder` (no link anywhere on the way), or None."""
    path = folder / name
    if folder.is_symlink() or path.is_symlink() or not path.is_file():
        return None
    return path if path.resolve().parent == folder.resolve() else None


# --------------------------------------------------------------------------- checks


def check_template(source: Source, body: str, body_file: str, lock: dict,
                   attachments: Path | None = None) -> list[Problem]:
    """Body safety, placeholders declared and used, and the version rules."""
    folder = attachments if attachments is not None else attachment_folder(body_file)
    return (check_body(body, body_file, folder) + _check_placeholders(source, body, body_file)
            + check_structure(source, body, body_file) + _check_version(source, body, lock))


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    md.validateLink = lambda url: True      # see every link, also the ones CommonMark would drop
    md.normalizeLink = lambda url: url      # and its destination as written (escapes decoded)
    return md


def check_body(body: str, shown: str, attachments: Path) -> list[Problem]:
    """Every refusal in a template body, each a Dutch `file:line` problem."""
    env: dict = {}
    tokens = _parser().parse(body, env)
    found: set[tuple[int, str]] = set()
    for token in tokens:
        line = token.map[0] + 1 if token.map else 1
        if token.type == "html_block":
            found.add((line, _HTML_MESSAGE))
        elif token.type in ("fence", "code_block"):
            found.add((line, "een codeblok (een regel die met ``` of met vier spaties begint) is niet toegestaan "
                             "in een sjabloon. Haal de inspringing of de ``` weg."))
        elif token.type not in _BLOCKS:
            found.add((line, f"dit Markdown-onderdeel ({token.type}) is niet toegestaan in een sjabloon."))
        if token.type == "inline":
            found |= _check_inline(token, line, attachments)
    placeholders = set(PLACEHOLDER.findall(body))
    for label, ref in env.get("references", {}).items():
        line = ref["map"][0] + 1 if ref.get("map") else 1
        if url_kind(ref["href"]) == "refused":
            found.add((line, _link_message(ref["href"])))
        if label.lower() in placeholders:
            found.add((line, f"de verwijzing [{label.lower()}] heeft de naam van een invulveld; dan wordt "
                             f"[[{label.lower()}]] een link. Kies een andere naam voor de verwijzing."))
    found |= _scan_lines(body, {line for line, _ in found})
    return [Problem(shown, line, "tekst", message) for line, message in sorted(found)]


def _check_inline(token, line: int, attachments: Path) -> set[tuple[int, str]]:
    found = set()
    for child in token.children or []:
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type == "html_inline":
            found.add((line, _HTML_MESSAGE))
        elif child.type == "link_open" and url_kind(str(child.attrs.get("href", ""))) == "refused":
            found.add((line, _link_message(str(child.attrs.get("href", "")))))
        elif child.type == "image":
            message = _image_problem(str(child.attrs.get("src", "")), attachments)
            if message:
                found.add((line, message))
    return found


def _scan_lines(body: str, reported: set[int]) -> set[tuple[int, str]]:
    """What a parser could miss or another reader could take differently, line by line."""
    found = set()
    for number, line in enumerate(body.splitlines(), 1):
        if "{{" in line or "{%" in line or "}}" in line:
            found.add((number, "'{{', '}}' of '{%' is niet toegestaan (dat is sjabloontaal van de site). "
                               "Schrijf invulvelden als [[naam]]."))
        elif _ATTRIBUTES.search(line):
            found.add((number, "een attributenlijst zoals '{: ... }' of '{#...}' is niet toegestaan in een "
                               "sjabloon: die voegt HTML-attributen of code toe. Haal het stuk tussen { en } weg."))
        if number in reported:
            continue
        if _HTML.search(line):
            found.add((number, _HTML_MESSAGE))
        danger = _DANGEROUS.search(normal_url(line))
        if danger:
            scheme = danger.group(0).lstrip("(<=\"'`:]").split(":")[0]
            found.add((number, f"'{scheme}:' is niet toegestaan in een sjabloon, ook niet als tekst: zo'n adres "
                               "kan code uitvoeren of een bestand insluiten. Gebruik alleen https://, http:// of mailto:."))
    return found


def _shown_url(url: str) -> str:
    text = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in url)
    return text if len(text) <= 80 else text[:77] + "..."


def _link_message(url: str) -> str:
    if normal_url(url).startswith(MAILTO):
        return f"link '{_shown_url(url)}' is niet toegestaan: {MAILTO_MESSAGE}"
    return (f"link '{_shown_url(url)}' is niet toegestaan: gebruik een webadres dat begint met https:// of "
            "http://, een mailto:-adres of een link binnen de site (zoals ../praktijken/).")


def _image_problem(src: str, attachments: Path) -> str | None:
    folder = f"{attachments.as_posix()}/"
    example = "Zet de afbeelding (png, jpg of gif) in die map en gebruik alleen de bestandsnaam, zoals ![logo](logo.png)."
    if url_kind(src) == "web":
        return (f"afbeelding '{_shown_url(src)}' staat op een andere site; die zou bij de bouw en door elke "
                f"bezoeker worden opgehaald. Een afbeelding in een sjabloon komt uit {folder}. {example}")
    name = attachment_name(src)
    if name is None:
        return (f"afbeelding '{_shown_url(src)}' is niet toegestaan: een afbeelding in een sjabloon is een "
                f"bestand uit {folder}. {example}")
    if (attachments / name).is_symlink() or attachments.is_symlink():
        return f"afbeelding '{name}' is een symbolische link; zet een gewoon bestand in {folder}."
    found = attachment_file(attachments, name)
    if found is None:
        return f"afbeelding '{name}' bestaat niet in {folder}. Zet het bestand daar neer of verbeter de naam."
    reason = picture_problem(found)
    if reason:
        return f"afbeelding '{name}' klopt niet met haar naam: {reason}. Sla de afbeelding opnieuw op als PNG of JPEG."
    return None


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


# --------------------------------------------------------------------------- variants, repeats, articles, appendices


ARTICLE = re.compile(r"^##[ \t]+Artikel[ \t]+(\d+)\b")
APPENDIX_MENTION = re.compile(r"\bbijlage\s+(\d+)\b", re.IGNORECASE)
MAX_COMBINATIONS = 256


def check_structure(source: Source, body: str, shown: str) -> list[Problem]:
    """Markers, declarations of choices/variants/repeats, repeat fields, article numbers, appendices."""
    split, form = split_body(body), template_form(source.data if isinstance(source.data, dict) else {})
    out = [Problem(shown, line, "tekst", message) for line, message in split.errors]
    out += _marker_spacing(body, split, shown)
    out += _sections_declared(source, split, form, shown)
    out += _declarations(source, split, form)
    out += _repeat_fields(source, body, split, form, shown)
    out += _article_numbers(body, split, form, shown)
    out += _appendices(source, body, form, shown)
    return out


def _marker_spacing(body: str, split: Split, shown: str) -> list[Problem]:
    lines = body.split("\n")
    out = []
    for number in split.markers:
        before = lines[number - 2].strip() if number >= 2 else ""
        after = lines[number].strip() if number < len(lines) else ""
        if before or after:
            out.append(Problem(shown, number, "tekst", "zet een lege regel boven en onder een regel met :::, zodat de "
                               "sectie los staat van de tekst eromheen."))
    return out


def _sections_declared(source: Source, split: Split, form: TemplateForm, shown: str) -> list[Problem]:
    out = []
    for part in split.parts:
        if part.kind == "keuze" and form.choice(part.keuze) is None:
            out.append(Problem(shown, part.marker_line, "tekst", f"keuze '{part.keuze}' staat niet onder 'keuzes' in "
                               f"{source.path}. Voeg haar toe of verbeter de naam."))
        elif part.kind == "keuze" and form.variant(part.keuze, part.variant) is None:
            known = ", ".join(v.naam for v in form.choice(part.keuze).varianten) or "geen"
            out.append(Problem(shown, part.marker_line, "tekst", f"keuze '{part.keuze}' heeft geen variant "
                               f"'{part.variant}' onder 'varianten' in {source.path} (bekend: {known})."))
        elif part.kind == "herhaal" and form.repeat(part.herhaling) is None:
            out.append(Problem(shown, part.marker_line, "tekst", f"herhaling '{part.herhaling}' staat niet onder "
                               f"'herhalingen' in {source.path}. Voeg haar toe of verbeter de naam."))
    return out


def _declarations(source: Source, split: Split, form: TemplateForm) -> list[Problem]:
    """What the YAML declares must exist, be used and not share a name (the values file has one
    name per field, choice and repeat)."""
    data = source.data if isinstance(source.data, dict) else {}
    out = []

    def at(*path) -> tuple:
        return source.path, source.line(path), field_path(path)

    used_variants = {(p.keuze, p.variant) for p in split.parts if p.kind == "keuze"}
    used_repeats = {p.herhaling for p in split.parts if p.kind == "herhaal"}
    for i, variant in enumerate(data.get("varianten") or []):
        if not isinstance(variant, dict) or not isinstance(variant.get("naam"), str):
            continue
        if form.choice(str(variant.get("keuze"))) is None:
            out.append(Problem(*at("varianten", i, "keuze"), f"keuze '{variant.get('keuze')}' staat niet onder "
                               "'keuzes'. Voeg haar toe of verbeter de naam."))
        elif (variant["keuze"], variant["naam"]) not in used_variants:
            out.append(Problem(*at("varianten", i, "naam"), f"variant '{variant['naam']}' komt niet voor in de tekst. "
                               f"Zet haar tekst tussen '::: keuze {variant['keuze']}={variant['naam']}' en ':::', of haal "
                               "de variant weg."))
    for i, choice in enumerate(form.choices):
        names = [v.naam for v in choice.varianten]
        if len(names) < 2:
            out.append(Problem(*at("keuzes", i, "naam"), f"keuze '{choice.naam}' heeft {len(names)} variant(en) "
                               "onder 'varianten'; een keuze heeft er ten minste twee."))
        for name in sorted({n for n in names if names.count(n) > 1}):
            out.append(Problem(*at("keuzes", i, "naam"), f"keuze '{choice.naam}' heeft twee varianten met de naam "
                               f"'{name}'. Geef elke variant een eigen naam."))
    for i, repeat in enumerate(form.repeats):
        if not repeat.velden:
            out.append(Problem(*at("herhalingen", i, "naam"), f"herhaling '{repeat.naam}' heeft geen invulvelden. "
                               f"Zet 'herhaling: {repeat.naam}' bij de velden die per item worden ingevuld."))
        if repeat.naam not in used_repeats:
            out.append(Problem(*at("herhalingen", i, "naam"), f"herhaling '{repeat.naam}' komt niet voor in de tekst. "
                               f"Zet het blok tussen '::: herhaal {repeat.naam}' en ':::', of haal de herhaling weg."))
    for i, item in enumerate(data.get("invulvelden") or []):
        name = item.get("herhaling") if isinstance(item, dict) else None
        if isinstance(name, str) and form.repeat(name) is None:
            out.append(Problem(*at("invulvelden", i, "herhaling"), f"herhaling '{name}' staat niet onder "
                               "'herhalingen'. Voeg haar toe of verbeter de naam."))
    seen: dict[str, str] = {}
    for kind, key, names in (("invulvelden", "invulveld", [f.naam for f in form.fields]),
                             ("keuzes", "keuze", [c.naam for c in form.choices]),
                             ("herhalingen", "herhaling", [r.naam for r in form.repeats])):
        for i, name in enumerate(names):
            if name in seen and seen[name] != key:
                out.append(Problem(*at(kind, i, "naam"), f"'{name}' is al de naam van een {seen[name]}. Een invulveld, "
                                   "een keuze en een herhaling hebben elk een eigen naam."))
            seen.setdefault(name, key)
    return out


def _repeat_fields(source: Source, body: str, split: Split, form: TemplateForm, shown: str) -> list[Problem]:
    """A field of a repeat belongs in that repeat's block; a block repeats at least one field."""
    out = []
    for part in split.parts:
        for offset, line in enumerate(part.text.split("\n")):
            for name in PLACEHOLDER.findall(line):
                own = form.field(name).herhaling if form.field(name) else ""
                if own and own != part.herhaling:
                    out.append(Problem(shown, part.line + offset, f"[[{name}]]", f"invulveld '{name}' hoort bij "
                                       f"herhaling '{own}' en staat dus alleen tussen '::: herhaal {own}' en ':::'."))
        repeat = form.repeat(part.herhaling) if part.kind == "herhaal" else None
        if repeat and not set(part.placeholders) & set(repeat.velden):
            out.append(Problem(shown, part.marker_line, "tekst", f"dit blok bevat geen invulveld van herhaling "
                               f"'{repeat.naam}' ({', '.join(repeat.velden)}), dus elke herhaling zou hetzelfde zijn."))
    return out


def choice_combinations(form: TemplateForm) -> list[dict[str, str]]:
    """Every way to choose one variant per choice (at most MAX_COMBINATIONS)."""
    names = [[(c.naam, v.naam) for v in c.varianten] for c in form.choices if c.varianten]
    return [dict(combo) for combo in itertools.islice(itertools.product(*names), MAX_COMBINATIONS)]


def _article_numbers(body: str, split: Split, form: TemplateForm, shown: str) -> list[Problem]:
    """Articles are numbered 1, 2, 3, ... whichever variants partijen choose."""
    out, reported = [], set()
    for chosen in choice_combinations(form):
        expected = 1
        for part in split.parts:
            if part.kind == "keuze" and chosen.get(part.keuze) != part.variant:
                continue
            for offset, line in enumerate(part.text.split("\n")):
                match = ARTICLE.match(line)
                if not match:
                    continue
                number, where = int(match.group(1)), part.line + offset
                if number != expected and where not in reported:
                    reported.add(where)
                    which = ", ".join(f"{k}={v}" for k, v in chosen.items())
                    out.append(Problem(shown, where, "tekst", f"artikel {number} hoort artikel {expected} te zijn"
                                       + (f" als gekozen is voor {which}" if which else "")
                                       + ". Nummer de artikelen door; geef varianten van één artikel hetzelfde nummer."))
                expected = number + 1
    return out


def _appendices(source: Source, body: str, form: TemplateForm, shown: str) -> list[Problem]:
    out, mentioned = [], set()
    count = len(form.appendices)
    for number, line in enumerate(body.split("\n"), 1):
        for match in APPENDIX_MENTION.finditer(line):
            n = int(match.group(1))
            mentioned.add(n)
            if not 1 <= n <= count:
                out.append(Problem(shown, number, "tekst", f"de tekst noemt bijlage {n}, maar {source.path} heeft "
                                   f"{count} bijlage(n) onder 'bijlagen'. Voeg de bijlage toe of verbeter het nummer."))
    for i in range(count):
        if i + 1 not in mentioned:
            out.append(Problem(source.path, source.line(("bijlagen", i)), f"bijlagen[{i}]", f"bijlage {i + 1} "
                               f"('{form.appendices[i].titel}') wordt nergens in {shown} genoemd. Verwijs ernaar met "
                               f"'bijlage {i + 1}' of haal haar weg."))
    return out
