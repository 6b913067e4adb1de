"""What one build renders from: the Catalog and what is derived from it once.

A new `RenderContext` is made for every build (and every rebuild in `kennisbank serve`),
so a changed schema, codelist or template is seen at the next rebuild; nothing is kept in
module globals between builds.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from jinja2 import Environment

from macros.load.history import FileHistory
from macros.model.catalog import Catalog, Record
from macros.model.schema import Field, fields
from macros.render.env import environment
from macros.render.fiction import fiction_label
from macros.render.headings import Outline, Permalink
from macros.render.stash import HtmlStash

ABBREVIATION = re.compile(r"[A-Z]{2,6}")
FACETS = ("thema", "onderwijssoort", "provincie", "volwassenheid", "onderbouwing", "status")


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


@dataclass(frozen=True)
class RenderContext:
    catalog: Catalog
    env: Environment
    fields: Mapping                    # kind -> tuple[Field]
    facets: Mapping                    # practice id -> {facet: tuple of values}
    replaced_by: Mapping               # practice id -> tuple of practices that replace it
    sizes: Mapping = field(default_factory=dict)   # (template id, format) -> bytes
    shapes: tuple = ()                 # projected map shapes (macros.render.map)
    history: Mapping = field(default_factory=dict)  # practice id -> FileHistory (git), where known
    glossary: Mapping = field(default_factory=dict)  # abbreviation -> (glossary anchor, explanation)
    attachments: Mapping = field(default_factory=dict)  # Markdown attachment file name -> text
    permalink: Permalink | None = None  # the MkDocs build: generated pages are finished HTML (macros.render.headings)
    outline: Outline | None = None     # the headings of the page being rendered (see `for_page`)
    stash: HtmlStash | None = None     # the site build: HTML skips Python-Markdown (macros.render.stash)
    title_rank: Mapping = field(default_factory=dict)  # practice id -> place in the order by title

    def compare_fields(self, theme: str) -> list[Field]:
        return [f for f in self.fields["praktijk"] if f.compare == theme]

    def compare_themes(self) -> list[str]:
        """Themes that have comparison columns, in codelist order."""
        wanted = {f.compare for f in self.fields["praktijk"] if f.compare}
        return [c.code for c in self.catalog.codelists["themas"] if c.code in wanted]

    def fiction_label(self) -> str:
        """The text of the fiction badge (templates/_fictief.html), from the schema."""
        return fiction_label(self.catalog)

    def gloss(self, text: str) -> list[tuple[str, str, str]]:
        """`text` in parts (text, glossary anchor, explanation); anchor and explanation are empty
        where the part is no abbreviation of the glossary."""
        text = "" if text is None else str(text)
        if not self.glossary or not text:
            return [(text, "", "")]
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(self.glossary, key=len, reverse=True))) + r")\b")
        parts, at = [], 0
        for match in pattern.finditer(text):
            if match.start() > at:
                parts.append((text[at:match.start()], "", ""))
            parts.append((match[0], *self.glossary[match[0]]))
            at = match.end()
        return parts + ([(text[at:], "", "")] if at < len(text) else [])

    def abbreviations_in(self, *texts: str) -> list[tuple[str, str, str]]:
        """(abbreviation, anchor, explanation) of each glossary abbreviation in `texts`, once, in order."""
        found = {}
        for text in texts:
            for part, anchor, meaning in self.gloss(text):
                if anchor:
                    found.setdefault(part, (part, anchor, meaning))
        return list(found.values())

    def render(self, template: str, **values) -> str:
        return self.env.get_template(template).render(ctx=self, catalog=self.catalog, **values)

    def render_page(self, template: str, **values) -> str:
        """A page template; it writes its headings with `kop(level, text)` (macros.render.headings).
        As Markdown with a stash (Zensical), the HTML between the headings is kept out of Markdown."""
        outline = self.outline or self._outline()
        rendered = self.render(template, kop=outline.heading, **values)
        return self.stash.page(rendered) if self.stash and not self.permalink else rendered

    def for_page(self) -> "RenderContext":
        """This context with a new Outline, to render one page and then read its headings."""
        return dataclasses.replace(self, outline=self._outline())

    def _outline(self) -> Outline:
        return Outline(self.env, self.permalink, self.stash.heading_marker if self.stash else "")

    def for_markdown(self, html: str) -> str:
        """HTML a macro puts into a hand-written Markdown page: a block of its own, in the MkDocs
        build a placeholder for it (macros.render.stash)."""
        return self.stash.keep(html) if self.stash else f"\n\n{html}\n\n"


def title_key(title: str) -> str:
    """A title as Dutch readers sort it: without accents and case ('Eén' sorts as 'een', before 'Eerste'),
    the order the browser's localeCompare('nl') gives when a reader sorts the column again."""
    folded = unicodedata.normalize("NFKD", title)
    return "".join(c for c in folded if not unicodedata.combining(c)).casefold()


def _title_ranks(catalog: Catalog) -> dict[str, int]:
    """Every practice's place by title, computed once: the pages sort practices dozens of times."""
    ordered = sorted(catalog.practices, key=lambda r: (title_key(r.get("titel")), r.id))
    return {r.id: rank for rank, r in enumerate(ordered)}


def facet_values(catalog: Catalog, record: Record) -> dict[str, tuple[str, ...]]:
    return {"thema": tuple(record.get("themas", default=())),
            "onderwijssoort": tuple(record.get("onderwijssoort", default=())),
            "provincie": tuple(slug(p) for p in catalog.provinces(record)),
            "volwassenheid": (record.get("volwassenheid"),),
            "onderbouwing": (record.get("onderbouwing", "niveau"),), "status": (record.get("status"),)}


def _replaced_by(catalog: Catalog) -> dict[str, tuple]:
    index: dict[str, list] = {}
    for p in catalog.practices:
        if p.get("vervangt"):
            index.setdefault(p.get("vervangt"), []).append(p)
    return {k: tuple(v) for k, v in index.items()}


def glossary_abbreviations(catalog: Catalog) -> dict[str, tuple[str, str]]:
    """The glossary's abbreviations (terms in capitals, like MAZL or OOGO) -> (anchor on the glossary page, explanation)."""
    return {term: (slug(term), " ".join(meaning.split())) for term, meaning in catalog.glossary
            if ABBREVIATION.fullmatch(term)}


def practice_history(files: Mapping[str, FileHistory] | None) -> dict[str, FileHistory]:
    """{practice id: FileHistory} from the history of every file of practices/ (macros.load.history)."""
    out = {}
    for path, history in (files or {}).items():
        parts = path.split("/")
        if parts[0] == "praktijken" and parts[-1].endswith(".yaml"):
            out[parts[-1][:-len(".yaml")]] = history
    return out


def render_context(catalog: Catalog, sizes: Mapping | None = None, shapes: tuple = (),
                   history: Mapping[str, FileHistory] | None = None,
                   attachments: Mapping[str, str] | None = None, permalink: Permalink | None = None,
                   stash: HtmlStash | None = None, template_cache: Path | None = None) -> RenderContext:
    """`history` is the git history of practices/ (macros.load.history.file_history); without it the
    pages use the dates in the records alone. `attachments` are the texts of the Markdown attachments
    (macros.load.attachments); each becomes a page of the site. With `permalink` (the MkDocs build) the
    generated pages are finished HTML whose headings link to themselves this way (macros.render.headings),
    else Markdown; with `stash` the HTML of the hand-written pages' macros skips Python-Markdown
    (macros.render.stash). `template_cache` is a folder where compiled templates are kept between builds."""
    return RenderContext(
        catalog=catalog, env=environment(template_cache), permalink=permalink, stash=stash,
        fields=MappingProxyType({kind: fields(catalog.schemas[kind], kind) for kind in catalog.schemas}),
        facets=MappingProxyType({r.id: facet_values(catalog, r) for r in catalog.practices}),
        replaced_by=MappingProxyType(_replaced_by(catalog)),
        sizes=MappingProxyType(dict(sizes or {})), shapes=shapes,
        history=MappingProxyType(practice_history(history)),
        glossary=MappingProxyType(glossary_abbreviations(catalog)),
        attachments=MappingProxyType(dict(attachments or {})),
        title_rank=MappingProxyType(_title_ranks(catalog)))
