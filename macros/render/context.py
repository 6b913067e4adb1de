"""What one build renders from: the Catalog and what is derived from it once.

A new `RenderContext` is made for every build (and every rebuild in `kennisbank serve`),
so a changed schema, codelist or template is seen at the next rebuild; nothing is kept in
module globals between builds.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from jinja2 import Environment

from macros.model.catalog import Catalog, Record
from macros.model.schema import Field, fields
from macros.render.env import environment

FACETS = ("thema", "onderwijssoort", "provincie", "volwassenheid", "status")


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

    def compare_fields(self, theme: str) -> list[Field]:
        return [f for f in self.fields["praktijk"] if f.compare == theme]

    def compare_themes(self) -> list[str]:
        """Themes that have comparison columns, in codelist order."""
        wanted = {f.compare for f in self.fields["praktijk"] if f.compare}
        return [c.code for c in self.catalog.codelists["themas"] if c.code in wanted]

    def render(self, template: str, **values) -> str:
        return self.env.get_template(template).render(ctx=self, catalog=self.catalog, **values)


def facet_values(catalog: Catalog, record: Record) -> dict[str, tuple[str, ...]]:
    return {"thema": tuple(record.get("themas", default=())),
            "onderwijssoort": tuple(record.get("onderwijssoort", default=())),
            "provincie": tuple(slug(p) for p in catalog.provinces(record)),
            "volwassenheid": (record.get("volwassenheid"),), "status": (record.get("status"),)}


def _replaced_by(catalog: Catalog) -> dict[str, tuple]:
    index: dict[str, list] = {}
    for p in catalog.practices:
        if p.get("vervangt"):
            index.setdefault(p.get("vervangt"), []).append(p)
    return {k: tuple(v) for k, v in index.items()}


def render_context(catalog: Catalog, sizes: Mapping | None = None, shapes: tuple = ()) -> RenderContext:
    return RenderContext(
        catalog=catalog, env=environment(),
        fields=MappingProxyType({kind: fields(catalog.schemas[kind], kind) for kind in catalog.schemas}),
        facets=MappingProxyType({r.id: facet_values(catalog, r) for r in catalog.practices}),
        replaced_by=MappingProxyType(_replaced_by(catalog)),
        sizes=MappingProxyType(dict(sizes or {})), shapes=shapes)
