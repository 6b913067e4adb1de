"""One practice page. Which sections it has, their headings and order come from the schema:
a new field, or a new block with `x-thema`, shows here without a code change.

Python decides what each value reads as (labels for codes, names for gemeenten, Dutch
dates); `templates/practice.html` presents it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from macros.model.catalog import Record
from macros.model.swv import is_fiction_code
from macros.render.context import RenderContext
from macros.render.env import dutch_date, dutch_number
from macros.render.attachments import attachment_page_url, is_page_attachment
from macros.render.changes import events, last_changed
from macros.render.listing import ENDED, review_overdue
from macros.render.results import has_noemer, result_rows
from macros.render.markdown_page import front
from macros.render.tables import DEKKING_ICON, Cell, cell, phrased

# Presentation, not data: where a top-level field is shown. Everything not named here gets
# a section of its own, in schema order, in the form its shape asks for.
CARD = ("regio", "swv", "gemeenten", "rmc_regio", "onderwijssoort", "themas", "status", "volwassenheid", "datums",
        "redactie", "partners")
ELSEWHERE = ("id", "titel", "samenvatting", "voorbeeld", "vervangt", "sjabloon", "contact", "licentie")


@dataclass(frozen=True)
class Shown:
    """A value as the page shows it: text, a coverage badge, links or a list."""

    text: str = ""
    badge: str = ""                  # a dekking code: icon plus label, never colour alone
    icon: str = ""
    links: tuple = ()                # (label, site path)
    items: tuple = ()                # list items, as text


def shown(ctx: RenderContext, spec: dict, value) -> Shown:
    """How one schema value reads on a page."""
    catalog = ctx.catalog
    if value is None or value == ():
        return Shown()
    item_spec = {**spec.get("items", {}), **{k: v for k, v in spec.items() if k.startswith("x-")}}
    if isinstance(value, tuple) and value and not isinstance(value[0], (dict,)) and not hasattr(value[0], "keys"):
        parts = [shown(ctx, item_spec, v).text for v in value]
        if spec.get("x-codelijst") == "themas":
            return Shown(links=tuple((catalog.label("themas", v), f"themas/{v}/") for v in value))
        return Shown(text=", ".join(parts))
    listed = spec.get("x-codelijst")
    if listed == "dekking":
        return Shown(text=catalog.label("dekking", value), badge=value, icon=DEKKING_ICON.get(value, ""))
    if listed:
        return Shown(text=catalog.label(listed, value))
    ref = spec.get("x-referentie")
    if ref == "gemeenten":
        return Shown(text=catalog.gemeenten[value].naam if value in catalog.gemeenten else str(value))
    if ref == "rmc-regios":
        rmc = catalog.rmc_regios.get(value)
        return Shown(text=f"{rmc.label} ({rmc.code})" if rmc else str(value))
    if spec.get("format") == "date":
        return Shown(text=dutch_date(value))
    if isinstance(value, bool):
        return Shown(text="ja" if value else "nee")
    if isinstance(value, (int, float)):
        return Shown(text=phrased(spec, dutch_number(value)))
    return Shown(text=str(value))


def _card_rows(ctx: RenderContext, record: Record, props: dict) -> list[tuple[str, Shown]]:
    rows = []
    for key in CARD:
        spec, value = props.get(key), record.get(key)
        if spec is None or value is None:
            continue
        if key == "redactie":
            rows.append((spec["properties"]["beoordeeld_op"]["title"],
                         Shown(text=f"{dutch_date(value.get('beoordeeld_op'))} door {value.get('organisatie')}")))
        elif key == "partners":
            rol = spec["items"]["properties"]["rol"]
            rows.append((spec["title"], Shown(items=tuple(f"{p['organisatie']} ({shown(ctx, rol, p['rol']).text})"
                                                          for p in value))))
        elif key == "swv":
            rows.append((spec.get("title", key), Shown(items=tuple(swv_line(ctx, code) for code in value))))
        elif spec.get("type") == "object":
            rows += [(sub.get("title", name), shown(ctx, sub, value.get(name)))
                     for name, sub in spec["properties"].items() if value.get(name) is not None]
        else:
            rows.append((spec.get("title", key), shown(ctx, spec, value)))
    return rows


def swv_line(ctx: RenderContext, code: str) -> str:
    """'PO 30-05 (primair onderwijs), gemeenten volgens de regio-indeling: Boxtel, ...'; a reserved code
    says it belongs to no real samenwerkingsverband."""
    kind = {"PO": "primair onderwijs", "VO": "voortgezet onderwijs"}.get(code[:2], "")
    if is_fiction_code(code):
        return f"{code}: verzonnen code (fictief voorbeeld)"
    names = [m.naam for m in ctx.catalog.swv.members.get(code, ())]
    if not names:
        return code
    return f"{code} ({kind}), gemeenten volgens de regio-indeling: {', '.join(names)}"


def _phrased_cell(ctx: RenderContext, record: Record, f) -> Cell:
    """A compared value as the practice page says it: a number in its schema sentence ('Overleg binnen 5 werkdagen')."""
    found = cell(ctx, record, f)
    return replace(found, label=phrased(f.spec, found.label)) if f.spec.get("x-weergave") and found.kind == "tekst" else found


def _theme_section(ctx: RenderContext, record: Record, key: str, spec: dict) -> dict:
    """A theme block: its fields in the schema's order (a compared field as in the comparison table,
    shown even when empty; another field only when filled), the explanation last."""
    value = record.get(key) or {}
    props = spec["properties"]
    compared = {f.path[1]: f for f in ctx.fields["praktijk"] if f.path[0] == key and f.compare}
    rows = []
    for name, sub in props.items():
        if name in compared:
            rows.append({"label": compared[name].title, "cell": _phrased_cell(ctx, record, compared[name])})
        elif name != "toelichting" and value.get(name):
            text = str(value.get(name)) if sub.get("type") == "string" and not sub.get("x-codelijst") else \
                shown(ctx, sub, value.get(name)).text
            rows.append({"label": sub.get("title", name), "text": text})
    return {"kind": "theme", "title": spec.get("title", key), "theme": spec["x-thema"], "rows": rows,
            "explanation": value.get("toelichting", "")}


def _table_section(ctx: RenderContext, key: str, spec: dict, rows) -> dict:
    """An array of objects as a table, a column per item field."""
    props = spec["items"]["properties"]
    columns = [(name, sub.get("title", name)) for name, sub in props.items()]
    cells = [[shown(ctx, props[name], row.get(name)) for name, _ in columns] for row in rows]
    return {"kind": "table", "title": spec.get("title", key), "columns": [t for _, t in columns], "cells": cells,
            "caption": spec.get("description", spec.get("title", key))}


def _results(ctx: RenderContext, spec: dict, rows) -> dict:
    """The results with each indicator's unit and denominator (macros.render.results); the column titles
    are the schema's; the Noemer column only where a figure has one."""
    titles = {name: sub.get("title", name) for name, sub in spec["items"]["properties"].items()}
    shown_rows = result_rows(ctx, rows)
    return {"kind": "results", "title": spec.get("title", "Resultaten"), "titles": titles, "rows": shown_rows,
            "noemer": has_noemer(shown_rows)}


def _document(ctx: RenderContext, d) -> dict:
    """A Markdown attachment opens as a page of the site (with the original to download there); another
    file is a download; a web address a link."""
    name = d.get("bestand")
    target = (attachment_page_url(name) if is_page_attachment(ctx, name) else f"bijlagen/{name}") if name else None
    return {"title": d["titel"], "kind": ctx.catalog.label("documenttype", d["type"]), "target": target,
            "url": d.get("url")}


def _documents(ctx: RenderContext, spec: dict, rows) -> dict:
    return {"kind": "documents", "title": spec.get("title", "Documenten"), "items": [_document(ctx, d) for d in rows]}


def sections(ctx: RenderContext, record: Record) -> list[dict]:
    """Every section below the key data, in schema order."""
    props = ctx.catalog.schemas["praktijk"]["properties"]
    out = []
    for key, spec in props.items():
        value = record.get(key)
        if key in CARD or key in ELSEWHERE:
            continue
        if spec.get("x-thema"):
            out.append(_theme_section(ctx, record, key, spec))
        elif value in (None, (), ""):
            continue
        elif key == "resultaten":
            out.append(_results(ctx, spec, value))
        elif key == "documenten":
            out.append(_documents(ctx, spec, value))
        elif spec.get("type") == "string":
            out.append({"kind": "text", "title": spec.get("title", key), "text": value})
        elif spec.get("type") == "array" and spec["items"].get("type") == "object":
            out.append(_table_section(ctx, key, spec, value))
        elif spec.get("type") == "array":
            out.append({"kind": "list", "title": spec.get("title", key),
                        "items": [shown(ctx, {**spec["items"], **spec}, v).text for v in value]})
        elif spec.get("type") == "object":
            out.append({"kind": "theme", "title": spec.get("title", key), "theme": None, "explanation": "",
                        "rows": [{"label": s.get("title", n), "shown": shown(ctx, s, value.get(n))}
                                 for n, s in spec["properties"].items() if value.get(n) is not None]})
        else:
            out.append({"kind": "text", "title": spec.get("title", key), "text": shown(ctx, spec, value).text})
    return out


def practice_view(ctx: RenderContext, record: Record) -> dict:
    """Everything the practice page shows, as plain data."""
    catalog = ctx.catalog
    replaced = catalog.practice(record.get("vervangt")) if record.get("vervangt") else None
    template = record.get("sjabloon")
    used = catalog.template(template["id"]) if template else None
    ended = record.get("status") == ENDED
    return {
        "record": record, "url": f"praktijken/{record.id}/",
        "fictional": bool(record.get("voorbeeld")),
        "overdue_since": dutch_date(record.get("redactie", "volgende_beoordeling")) if review_overdue(ctx, record) else "",
        "ended": _status_meaning(ctx, ENDED) if ended else "",
        "history": events(ctx, record), "changed": last_changed(ctx, record),
        "replaces": replaced, "replaced_by": ctx.replaced_by.get(record.id, ()),
        "card": _card_rows(ctx, record, catalog.schemas["praktijk"]["properties"]),
        "sections": sections(ctx, record),
        "template": {"id": template["id"], "version": template["versie"],
                     "title": used.get("titel") if used else template["id"]} if template else None,
        "licence": catalog.label("licentie", record.get("licentie")),
    }


def _status_meaning(ctx: RenderContext, code: str) -> str:
    return next((c.omschrijving for c in ctx.catalog.codelists["status"] if c.code == code), "")


def practice_page(ctx: RenderContext, record: Record) -> str:
    tags = [ctx.catalog.label("themas", t) for t in record.get("themas")]
    return (front(record.get("titel"), record.get("samenvatting")[:160], tags=tags)
            + ctx.render_page("practice.html", page=practice_view(ctx, record)))
