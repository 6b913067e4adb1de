"""Fill a built .docx/.odt (or the Markdown body) with a user's values.

The documents the build makes (``macros.publish.documents``) carry a marker on every
placeholder and section (``macros.publish.document_layout``). Filling changes only what
those markers point at, so the text of the agreement has one source, the template body:

* a chosen variant stays (without its notes), the other variants of that choice go; a
  choice without an answer keeps every variant with its notes;
* a repeated block is written once per item (without its notes), with that item's values;
* a placeholder with a value becomes that value as plain text (XML-escaped by the XML
  library, control characters removed); one without a value stays a highlighted ``[Label]``;
* the model notice of the blank document (its section ``kbm__model``) goes: the filled document is the
  agreement one signs, without the model's warning or version;
* the markers themselves are removed, as are bookmarks that lost their partner.

``docs/assets/sjabloon.js`` does exactly the same in the browser (with fflate for the
ZIP); ``tests/test_fillin.py`` proves both give the same text.
"""

from __future__ import annotations

import copy
import io
import zipfile

from macros.load.template_parts import TemplateForm, Values, clean_value, split_body
from macros.load.templates import PLACEHOLDER
from macros.publish.document_layout import HINT_STYLE, docx_range, odf, parse, serialise, w
from macros.publish.document_text import PLACEHOLDER_STYLE, escape_markdown
from macros.publish.document_packages import write_package


class _Lookup:
    """The value of a field in one place of the document: inside the n-th item of a repeat the
    repeat's fields come from that item."""

    def __init__(self, form: TemplateForm, values: Values, item: dict | None = None):
        self.form, self.values, self.item = form, values, item

    def __call__(self, name: str) -> str:
        field = self.form.field(name)
        if field is not None and field.herhaling:
            return clean_value((self.item or {}).get(name, ""))
        return self.values.text(name)


def _marker(name: str | None) -> tuple[str, list[str]]:
    parts = (name or "").split("__")
    return (parts[0], parts[1:]) if len(parts) > 1 else ("", [])


# --------------------------------------------------------------------------- Word


def _docx_is_hint(block) -> bool:
    style = block.find(f"{w('pPr')}/{w('pStyle')}") if block.tag == w("p") else None
    return style is not None and style.get(w("val")) == HINT_STYLE


def _docx_fields(root, lookup: _Lookup) -> None:
    for start in list(root.iter(w("bookmarkStart"))):
        kind, names = _marker(start.get(w("name")))
        value = lookup(names[0]) if kind == "kbf" and names else ""
        if not value:
            continue
        runs, ident = [], start.get(w("id"))
        for sibling in start.itersiblings():
            if sibling.tag == w("bookmarkEnd") and sibling.get(w("id")) == ident:
                break
            if sibling.tag == w("r"):
                runs.append(sibling)
        if not runs:
            continue
        first = runs[0]
        style = first.find(f"{w('rPr')}/{w('rStyle')}")
        if style is not None and style.get(w("val")) == PLACEHOLDER_STYLE:
            style.getparent().remove(style)
        for child in [c for c in first if c.tag != w("rPr")]:
            first.remove(child)
        text = first.makeelement(w("t"), {"{http://www.w3.org/XML/1998/namespace}space": "preserve"})
        text.text = value
        first.append(text)
        for extra in runs[1:]:
            extra.getparent().remove(extra)


def _docx_strip_bookmarks(root, only_markers: bool) -> None:
    """Remove the fill-in's markers (or, in a copy, every bookmark), and bookmarks without a partner."""
    starts = {b.get(w("id")): b for b in root.iter(w("bookmarkStart"))}
    ends = {b.get(w("id")): b for b in root.iter(w("bookmarkEnd"))}
    for ident, start in starts.items():
        if not only_markers or (start.get(w("name")) or "").startswith("kb") or ident not in ends:
            start.getparent().remove(start)
            if ident in ends:
                ends[ident].getparent().remove(ends.pop(ident))
    for ident, end in ends.items():
        if ident not in starts:
            end.getparent().remove(end)


def _docx_sections(body, prefix: str) -> list:
    return [(start, docx_range(body, start)) for start in list(body.iterchildren(w("bookmarkStart")))
            if (start.get(w("name")) or "").startswith(prefix)]


def _docx_end(start):
    ident = start.get(w("id"))
    return next(s for s in start.itersiblings() if s.tag == w("bookmarkEnd") and s.get(w("id")) == ident)


def fill_docx(data: bytes, form: TemplateForm, values: Values) -> bytes:
    root = parse(data)
    body = root.find(w("body"))
    for start, blocks in _docx_sections(body, "kbm__"):
        for block in blocks:
            body.remove(block)
        body.remove(_docx_end(start))
        body.remove(start)
    for start, blocks in _docx_sections(body, "kbk__"):
        _, (choice, variant, _n) = _marker(start.get(w("name")))
        chosen = values.choices.get(choice)
        if not chosen:
            continue
        for block in blocks:
            if chosen != variant or _docx_is_hint(block):
                body.remove(block)
        body.remove(_docx_end(start))
        body.remove(start)
    for start, blocks in _docx_sections(body, "kbh__"):
        _, (repeat, _n) = _marker(start.get(w("name")))
        end = _docx_end(start)
        for item in values.items(repeat):
            for block in blocks:
                if not _docx_is_hint(block):
                    clone = copy.deepcopy(block)
                    _docx_fields(clone, _Lookup(form, values, item))
                    _docx_strip_bookmarks(clone, only_markers=False)
                    end.addprevious(clone)
        for block in blocks:
            body.remove(block)
        body.remove(end)
        body.remove(start)
    _docx_fields(root, _Lookup(form, values))
    _docx_strip_bookmarks(root, only_markers=True)
    return serialise(root)


# --------------------------------------------------------------------------- OpenDocument


def _odt_is_hint(element) -> bool:
    return element.tag == odf("text", "p") and element.get(odf("text", "style-name")) == HINT_STYLE


def _odt_fields(root, lookup: _Lookup) -> None:
    for start in list(root.iter(odf("text", "bookmark-start"))):
        kind, names = _marker(start.get(odf("text", "name")))
        value = lookup(names[0]) if kind == "kbf" and names else ""
        span = start.getnext()
        if not value or span is None or span.tag != odf("text", "span"):
            continue
        span.attrib.pop(odf("text", "style-name"), None)
        for child in list(span):
            span.remove(child)
        span.text = value


def _odt_strip_bookmarks(root, only_markers: bool) -> None:
    tags = (odf("text", "bookmark-start"), odf("text", "bookmark-end"), odf("text", "bookmark"))
    found = list(root.iter(*tags))
    names = [b.get(odf("text", "name")) for b in found]
    for mark, name in zip(found, names):
        paired = mark.tag == tags[2] or (names.count(name) == 2)
        if not only_markers or (name or "").startswith("kb") or not paired:
            _remove_keep_tail(mark)


def _remove_keep_tail(element) -> None:
    """Remove an element; the text after it stays where it was."""
    parent, tail = element.getparent(), element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def _odt_unwrap(section, keep) -> None:
    """Replace a section by those of its children that `keep` accepts."""
    for child in list(section):
        if keep(child):
            section.addprevious(child)
    section.getparent().remove(section)


def _odt_sections(root, prefix: str) -> list:
    return [s for s in root.iter(odf("text", "section")) if (s.get(odf("text", "name")) or "").startswith(prefix)]


def fill_odt(data: bytes, form: TemplateForm, values: Values) -> bytes:
    root = parse(data)
    for section in _odt_sections(root, "kbm__"):
        section.getparent().remove(section)
    for section in _odt_sections(root, "kbk__"):
        _, (choice, variant, _n) = _marker(section.get(odf("text", "name")))
        chosen = values.choices.get(choice)
        if chosen:
            _odt_unwrap(section, lambda child: chosen == variant and not _odt_is_hint(child))
    for section in _odt_sections(root, "kbh__"):
        _, (repeat, _n) = _marker(section.get(odf("text", "name")))
        blocks = [child for child in section if not _odt_is_hint(child)]
        for item in values.items(repeat):
            for block in blocks:
                clone = copy.deepcopy(block)
                _odt_fields(clone, _Lookup(form, values, item))
                _odt_strip_bookmarks(clone, only_markers=False)
                section.addprevious(clone)
        section.getparent().remove(section)
    for section in _odt_sections(root, "kbo__"):
        _odt_unwrap(section, lambda child: True)
    _odt_fields(root, _Lookup(form, values))
    _odt_strip_bookmarks(root, only_markers=True)
    return serialise(root)


# --------------------------------------------------------------------------- packages and Markdown


MAIN_PART = {"docx": "word/document.xml", "odt": "content.xml"}


def fill_package(data: bytes, fmt: str, form: TemplateForm, values: Values, target) -> None:
    """Write the filled copy of a built .docx/.odt (bytes) to `target`, every other part unchanged."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        infos = source.infolist()
        entries = [(info.filename, source.read(info)) for info in infos]
        when = infos[0].date_time if infos else None
    fill = fill_docx if fmt == "docx" else fill_odt
    filled = [(name, fill(part, form, values) if name == MAIN_PART[fmt] else part) for name, part in entries]
    write_package(target, filled, when) if when else write_package(target, filled)


def fill_markdown(body: str, form: TemplateForm, values: Values) -> str:
    """The body filled as Markdown: values escaped as plain text, empty fields kept as [[naam]],
    variants and repeats resolved like in the documents (a choice without an answer keeps its
    sections and markers)."""
    def filled(text: str, item: dict | None = None) -> str:
        lookup = _Lookup(form, values, item)
        return PLACEHOLDER.sub(lambda m: escape_markdown(lookup(m.group(1))) if lookup(m.group(1)) else m.group(0),
                               text)

    out = []
    for part in split_body(body).parts:
        text = part.text.strip("\n")
        if part.kind == "keuze":
            chosen = values.choices.get(part.keuze)
            if not chosen:
                out.append(f"::: keuze {part.keuze}={part.variant}\n\n{filled(text)}\n\n:::")
            elif chosen == part.variant:
                out.append(filled(text))
        elif part.kind == "herhaal":
            out += [filled(text, item) for item in values.items(part.herhaling)]
        else:
            out.append(filled(text))
    return "\n\n".join(p.strip("\n") for p in out if p.strip()) + "\n"
