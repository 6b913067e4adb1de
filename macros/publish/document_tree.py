"""A template body as pandoc's document tree, made inert: raw blocks dropped, links other than
http(s), mailto and ``#anchor`` turned into their text, images other than the template's own
attachments (as ``data:`` URIs) turned into their description; variant sections and repeated
blocks (``macros.load.template_parts``) as Divs with a note before and after them, the signature
section kept together.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Mapping
from pathlib import Path

import pypandoc

from macros.checks.templates import IMAGE_TYPES, attachment_file, attachment_name
from macros.model.urls import url_kind
from macros.load.template_parts import TemplateForm, repeat_hints, split_body, variant_hints
from macros.publish.document_layout import APPENDIX_STYLE, HINT_STYLE, MODEL_ID, SIGNATURE_ID, repeat_id, variant_id
from macros.publish.document_text import MODEL_NOTICE


# Pandoc Markdown, minus extensions that Python-Markdown (the site) lacks and that
# change meaning in these texts: "- a. tekst" must stay a bullet with "a." in it,
# "@" and "$" are ordinary characters.
# No raw HTML, raw OpenXML/ODF blocks or YAML metadata from a body either.
# No fenced divs either: a body's sections are the ``::: keuze``/``::: herhaal`` markers,
# which this module turns into Divs itself.
PANDOC_FORMAT = ("markdown-fancy_lists-example_lists-citations-tex_math_dollars-raw_tex"
                 "-raw_html-raw_attribute-yaml_metadata_block-fenced_divs")
SIGNATURE_HEADING = "Ondertekening"
APPENDIX_TODO = "Toe te voegen door partijen voordat zij tekenen."
SIGNATURE_WIDTHS = (0.36, 0.64)   # label | value in a two-column signature block
SIGNING_ROOM = 3                  # line breaks in an empty cell of a signature block


def _pandoc_ast(source: str) -> dict:
    """The body as pandoc's document tree, read in pandoc's sandbox (no file, no network)."""
    return json.loads(pypandoc.convert_text(source, "json", format=PANDOC_FORMAT, extra_args=["--sandbox"],
                                            verify_format=False))


def _image_data(attachments: Path | None, names: set[str]) -> dict[str, str]:
    """``data:`` URIs of the template's own attachments that the body shows, by file name.

    Only these images reach a document: pandoc itself reads nothing but its input.
    """
    found = {}
    for name in sorted(names):
        path = attachment_file(attachments, name) if attachments and attachment_name(name) else None
        if path is not None:
            kind = IMAGE_TYPES[path.suffix.lower()]
            found[name] = f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"
    return found


def elements(node, kind: str):
    """Every pandoc element of ``kind`` in a tree."""
    if isinstance(node, dict):
        if node.get("t") == kind:
            yield node
        for value in node.values():
            yield from elements(value, kind)
    elif isinstance(node, list):
        for item in node:
            yield from elements(item, kind)


def _inert(node, images: Mapping[str, str]):
    """The tree without raw blocks, with only http(s)/mailto/#anchor links (others become
    their text) and only the given attachment images (others become their description)."""
    if isinstance(node, dict):
        return {key: _inert(value, images) for key, value in node.items()}
    if not isinstance(node, list):
        return node
    out = []
    for item in node:
        kind = item.get("t") if isinstance(item, dict) else None
        if kind in ("RawBlock", "RawInline"):
            continue
        if kind in ("Link", "Image"):
            attr, content, (url, title) = item["c"]
            content = _inert(content, images)
            if kind == "Link" and url_kind(url) in ("web", "mail", "anchor"):
                out.append({"t": kind, "c": [attr, content, [url, title]]})
            elif kind == "Image" and url in images:
                out.append({"t": kind, "c": [attr, content, [images[url], title]]})
            else:
                out.extend(content)
            continue
        out.append(_inert(item, images))
    return out


def document_tree(marked: str, attachments: Path | None = None, *, form: TemplateForm | None = None,
                  version: str = "") -> str:
    """The pandoc JSON that the .docx and .odt are written from: nothing of the build
    machine, no remote resource, no active link, whatever the body says.

    The body's sections (``::: keuze``/``::: herhaal``, see ``macros.load.template_parts``)
    become Divs with marker ids and a note before and after; the section "Ondertekening"
    becomes the Div ``kbo__ondertekening`` with signature blocks that have room to sign; the
    template's appendices (``form.appendices``) follow, each on a page of its own; a blank document opens
    with the model notice (``version``) in the section the fill-in removes."""
    form = form or TemplateForm()
    split = split_body(marked)
    tree = _pandoc_ast(_spaced_markers(marked, split.markers))
    names = {image["c"][2][0] for image in elements(tree["blocks"], "Image")}
    blocks = _inert(tree["blocks"], _image_data(attachments, names))
    lines = marked.split("\n")
    markers = [" ".join(lines[n - 1].split()) for n in split.markers]
    opening = [_div(MODEL_ID, [_hint(MODEL_NOTICE.format(version=version))])] if version else []
    tree["blocks"] = opening + _signature_section(_sections(blocks, markers, form)) + _appendix_blocks(form)
    tree["meta"] = {}
    return json.dumps(tree)


def _spaced_markers(text: str, markers: Iterable[int]) -> str:
    """Each marker line as a paragraph of its own, whatever the lines around it."""
    lines = text.split("\n")
    for number in markers:
        lines[number - 1] = f"\n{lines[number - 1].strip()}\n"
    return "\n".join(lines)


def _plain_text(node) -> str:
    """The text of inline elements, as pandoc's stringify gives it."""
    if isinstance(node, list):
        return "".join(_plain_text(item) for item in node)
    if not isinstance(node, dict):
        return ""
    kind = node.get("t")
    if kind == "Str":
        return node["c"]
    if kind in ("Space", "SoftBreak", "LineBreak"):
        return " "
    if kind in ("Emph", "Strong", "Underline", "Strikeout", "SmallCaps"):
        return _plain_text(node["c"])
    if kind in ("Span", "Quoted", "Link"):
        return _plain_text(node["c"][1])
    return ""


def _inlines(text: str) -> list:
    words = text.split()
    out: list = []
    for word in words:
        if out:
            out.append({"t": "Space"})
        out.append({"t": "Str", "c": word})
    return out


def _hint(text: str) -> dict:
    """A note in the blank document (style "Toelichting"); the fill-in removes it."""
    return {"t": "Div", "c": [["", [], [["custom-style", HINT_STYLE]]], [{"t": "Para", "c": _inlines(text)}]]}


def _div(ident: str, blocks: list) -> dict:
    return {"t": "Div", "c": [[ident, [], []], blocks]}


def _sections(blocks: list, markers: list[str], form: TemplateForm) -> list:
    """Top-level marker paragraphs (in the order ``split_body`` found them) become Divs."""
    out: list = []
    current: dict | None = None
    counts: dict[str, int] = {}
    pending = list(markers)
    for block in blocks:
        if pending and block.get("t") == "Para" and " ".join(_plain_text(block["c"]).split()) == pending[0]:
            words = pending.pop(0).split()
            if len(words) == 1:  # ":::"
                if current is not None:
                    out.append(_section_div(current, form, counts))
                current = None
            else:
                current = {"kind": words[1], "names": words[2], "blocks": []}
            continue
        (current["blocks"] if current is not None else out).append(block)
    if current is not None:
        out.append(_section_div(current, form, counts))
    return out


def _section_div(section: dict, form: TemplateForm, counts: dict[str, int]) -> dict:
    if section["kind"] == "keuze":
        choice, variant = section["names"].split("=", 1)
        key = f"{choice}={variant}"
        counts[key] = counts.get(key, 0) + 1
        ident, (before, after) = variant_id(choice, variant, counts[key]), variant_hints(form, choice, variant)
    else:
        key = section["names"]
        counts[key] = counts.get(key, 0) + 1
        ident, (before, after) = repeat_id(key, counts[key]), repeat_hints(form, key)
    return _div(ident, [_hint(before), *section["blocks"], _hint(after)])


def _signature_section(blocks: list) -> list:
    """The section under the heading "Ondertekening", up to the next heading of its level, as one
    Div (kept together in the documents), with room to sign in its tables."""
    start = next((i for i, b in enumerate(blocks) if b.get("t") == "Header" and b["c"][0] == 2
                  and _plain_text(b["c"][2]).strip() == SIGNATURE_HEADING), None)
    if start is None:
        return blocks
    end = next((i for i in range(start + 1, len(blocks)) if blocks[i].get("t") == "Header"
                and blocks[i]["c"][0] <= 2), len(blocks))
    section = [_signature_tables(block) for block in blocks[start:end]]
    return blocks[:start] + [_div(SIGNATURE_ID, section)] + blocks[end:]


def _signature_tables(node):
    """Two-column tables get a narrow label column; an empty cell gets room for a signature; an
    empty paragraph follows each table (Word joins tables that touch into one)."""
    if isinstance(node, list):
        out = []
        for item in node:
            out.append(_signature_tables(item))
            if isinstance(item, dict) and item.get("t") == "Table":
                out.append({"t": "Para", "c": [{"t": "Str", "c": "\u00a0"}]})
        return out
    if not isinstance(node, dict):
        return node
    if node.get("t") != "Table":
        return {key: _signature_tables(value) for key, value in node.items()}
    attr, caption, colspecs, head, bodies, foot = node["c"]
    if len(colspecs) == len(SIGNATURE_WIDTHS):
        colspecs = [[align, {"t": "ColWidth", "c": width}] for (align, _), width in zip(colspecs, SIGNATURE_WIDTHS)]
    for body in bodies:
        for row in body[3]:
            for cell in row[1]:
                if not _plain_text([b.get("c", []) for b in cell[4] if isinstance(b, dict)]).strip():
                    cell[4] = [{"t": "Plain", "c": [{"t": "LineBreak"}] * SIGNING_ROOM}]
    return {"t": "Table", "c": [attr, caption, colspecs, head, bodies, foot]}


def _styled(style: str, inlines: list) -> dict:
    return {"t": "Div", "c": [["", [], [["custom-style", style]]], [{"t": "Para", "c": inlines}]]}


def _appendix_blocks(form: TemplateForm) -> list:
    """Each appendix the text names on a page of its own (style "Bijlagetitel" starts a page): its title,
    what it holds, and that the parties add it. Not headings: the articles and the signature section stay
    the document's last headings. Not notes either: the pages stay in the filled document."""
    out: list = []
    for number, appendix in enumerate(form.appendices, 1):
        out.append(_styled(APPENDIX_STYLE, _inlines(f"Bijlage {number}. {appendix.titel}")))
        if appendix.omschrijving:
            out.append({"t": "Para", "c": _inlines(appendix.omschrijving)})
        out.append({"t": "Para", "c": [{"t": "Strong", "c": _inlines(APPENDIX_TODO)}]})
    return out


def expected_markers(tree: str) -> dict[str, int]:
    """How many placeholders (kbf), variant texts (kbk) and repeated blocks (kbh) the tree marks."""
    data = json.loads(tree)
    spans = [e["c"][0][0] for e in elements(data["blocks"], "Span")]
    divs = [e["c"][0][0] for e in elements(data["blocks"], "Div")]
    return {"kbf": sum(1 for i in spans if i.startswith("kbf__")),
            "kbk": sum(1 for i in divs if i.startswith("kbk__")),
            "kbh": sum(1 for i in divs if i.startswith("kbh__"))}
