"""Comparison tables computed from the schema's `x-vergelijk` fields; never typed by hand."""

from __future__ import annotations

from macros.model.catalog import Catalog, Record
from macros.render.html import DEKKING_ORDER, badge, esc, rel
from macros.model.schema import Field, fields


def compare_fields(catalog: Catalog, theme: str) -> list[Field]:
    return [f for f in fields(catalog.schemas["praktijk"], "praktijk") if f.compare == theme]


def compare_themes(catalog: Catalog) -> list[str]:
    """Themes that have comparison columns, in codelist order."""
    wanted = {f.compare for f in fields(catalog.schemas["praktijk"], "praktijk") if f.compare}
    return [c.code for c in catalog.codelists["themas"] if c.code in wanted]


def value(record: Record, f: Field):
    path = tuple(p for p in f.path if p != "*")
    return record.get(*path)


def cell(catalog: Catalog, record: Record, f: Field) -> tuple[str, str]:
    """(cell HTML, sort key) for one field of one practice."""
    v = value(record, f)
    if v is None or v == ():
        return '<span class="kb-leeg">niet ingevuld</span>', ""
    codelist = f.spec.get("x-codelijst")
    if codelist == "dekking":
        return badge(v, catalog.label("dekking", v)), str(DEKKING_ORDER.get(v, 0))
    if codelist and isinstance(v, tuple):
        labels = [catalog.label(codelist, c) for c in v]
        return esc(", ".join(labels)), str(len(labels))
    if codelist:
        label = catalog.label(codelist, v)
        return esc(label), label.lower()
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return esc(v), f"{v:012.2f}"
    return esc(v), str(v).lower()


def comparison_table(catalog: Catalog, theme: str, practices, page_url: str) -> str:
    """One sortable table: a row per practice, a column per comparison field of the theme."""
    columns = compare_fields(catalog, theme)
    theme_label = catalog.label("themas", theme)
    if not practices:
        return '<p class="kb-leeg">Er zijn nog geen praktijken om te vergelijken.</p>'
    head = "".join(f'<th scope="col" aria-sort="none"><button type="button" class="kb-sorteer">{esc(f.title)}'
                   '<span class="kb-sorteer__pijl" aria-hidden="true"></span></button></th>' for f in columns)
    rows = []
    for record in practices:
        url = rel(page_url, f"praktijken/{record.id}/")
        cells = "".join(f'<td data-sort="{esc(key)}">{html}</td>' for html, key in (cell(catalog, record, f) for f in columns))
        rows.append(f'<tr><th scope="row" data-sort="{esc(record.get("titel").lower())}">'
                    f'<a href="{esc(url)}">{esc(record.get("titel"))}</a>'
                    f'<span class="kb-regio">{esc(record.get("regio"))}</span></th>{cells}</tr>')
    return (f'<div class="kb-tabel-wrap" role="region" aria-label="Vergelijking {esc(theme_label)}" tabindex="0">'
            f'<table class="kb-vergelijk kb-sorteerbaar" data-thema="{esc(theme)}">'
            f'<caption>{esc(theme_label)}: {len(practices)} praktijk{"en" if len(practices) != 1 else ""} vergeleken. '
            'Sorteer met de knoppen in de kolomkoppen.</caption>'
            f'<thead><tr><th scope="col" aria-sort="none"><button type="button" class="kb-sorteer">Praktijk'
            f'<span class="kb-sorteer__pijl" aria-hidden="true"></span></button></th>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def compare_data(catalog: Catalog) -> dict:
    """All comparison values as plain data for the side-by-side view (JSON)."""
    themes = compare_themes(catalog)
    out = {"themas": [{"code": t, "label": catalog.label("themas", t),
                       "velden": [{"titel": f.title} for f in compare_fields(catalog, t)]} for t in themes],
           "praktijken": []}
    for record in catalog.practices:
        out["praktijken"].append({
            "id": record.id, "titel": record.get("titel"), "regio": record.get("regio"),
            "waarden": {t: [cell(catalog, record, f)[0] for f in compare_fields(catalog, t)] for t in themes}})
    return out
