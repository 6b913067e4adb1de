"""Template pages: the overview and one page per template with downloads and a fill-in form.

Python gathers the data of a page; `template_page.html`, `template_index.html` and
`_template_list.html` present it.
"""

from __future__ import annotations

from markupsafe import Markup

from macros.load.templates import PLACEHOLDER
from macros.model.catalog import Record
from macros.render.context import RenderContext
from macros.render.env import rel
from macros.render.template_body import body_html
from macros.render.markdown_page import front

FORMATS = {"docx": "Word (.docx)", "odt": "OpenDocument (.odt)", "md": "Markdown (.md)"}
INDEX_URL = "sjablonen/"


def download_name(template: Record, fmt: str) -> str:
    return f"{template.id}-{template.get('versie')}.{fmt}"


def download_url(template: Record, fmt: str) -> str:
    return f"sjablonen/{template.id}/{download_name(template, fmt)}"


def template_url(template: Record) -> str:
    return f"sjablonen/{template.id}/"


def size_text(size: int | None) -> str:
    if size is None:
        return ""
    return f"{size / 1024:.0f} kB".replace(".", ",") if size >= 1024 else f"{size} bytes"


def marked_body(html: str, template: Record) -> Markup:
    """Sanitised body HTML with each placeholder as a span the fill-in script can replace.
    `[[naam]]` is plain text in that HTML; name and label are escaped into the span."""
    labels = {f["naam"]: f["label"] for f in template.get("invulvelden")}
    span = Markup('<span class="kb-invulveld" data-veld="{}">[{}]</span>')
    return Markup(PLACEHOLDER.sub(lambda m: span.format(m[1], labels[m[1]]), html))


def _body(ctx: RenderContext, template: Record) -> Markup:
    """The text of the template as the page shows it: the one place the body is marked safe,
    after `body_html` made it from restricted Markdown and sanitised it."""
    return marked_body(body_html(template.body), template)


def _downloads(ctx: RenderContext, template: Record, url: str) -> list[dict]:
    return [{"href": rel(url, download_url(template, fmt)), "label": label,
             "size": size_text(ctx.sizes.get((template.id, fmt)))} for fmt, label in FORMATS.items()]


def _used_by(ctx: RenderContext, template: Record, url: str) -> list[dict]:
    return [{"href": rel(url, f"praktijken/{p.id}/"), "titel": p.get("titel"), "versie": p.get("sjabloon", "versie")}
            for p in ctx.catalog.practices if p.get("sjabloon", "id") == template.id]


def page_data(ctx: RenderContext, template: Record) -> dict:
    """Everything one template page shows, as plain data."""
    catalog, url = ctx.catalog, template_url(template)
    return {
        "titel": template.get("titel"), "doel": template.get("doel"), "versie": template.get("versie"),
        "draft": template.get("versie").startswith("0."),
        "voor": ", ".join(catalog.label("partnerrol", v) for v in template.get("voor")),
        "themes": [{"href": rel(url, f"themas/{t}/"), "label": catalog.label("themas", t)} for t in template.get("themas")],
        "licentie": template.get("licentie"), "laatst_beoordeeld": template.get("laatst_beoordeeld"),
        "downloads": _downloads(ctx, template, url),
        "invulvelden": list(template.get("invulvelden")),
        "wijzigingen": list(template.get("wijzigingen")),
        "users": _used_by(ctx, template, url),
        "body": _body(ctx, template),
    }


def template_page(ctx: RenderContext, template: Record) -> str:
    return front(template.get("titel"), template.get("doel")[:160]) + ctx.render("template_page.html", page=page_data(ctx, template))


def _sorted(templates) -> list[Record]:
    return sorted(templates, key=lambda t: t.get("titel").lower())


def template_index(ctx: RenderContext) -> str:
    items = [{"href": rel(INDEX_URL, template_url(t)), "titel": t.get("titel"), "versie": t.get("versie"),
              "doel": t.get("doel")} for t in _sorted(ctx.catalog.templates)]
    return (front("Sjablonen", "Modelovereenkomsten om te downloaden en aan te passen.")
            + ctx.render("template_index.html", items=items))


def template_pages(ctx: RenderContext) -> dict[str, str]:
    pages = {"sjablonen/index.md": template_index(ctx)}
    pages.update({f"sjablonen/{t.id}.md": template_page(ctx, t) for t in ctx.catalog.templates})
    return pages


def template_list(ctx: RenderContext, page_url: str, theme: str | None = None) -> str:
    """Macro output: the templates of a theme (all templates without one), as links."""
    chosen = [t for t in ctx.catalog.templates if theme is None or theme in t.get("themas")]
    links = [{"href": rel(page_url, f"sjablonen/{t.id}/"), "titel": t.get("titel")} for t in chosen]
    return ctx.render("_template_list.html", links=links).strip()
