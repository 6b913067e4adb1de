"""Template pages: the overview and one page per template with downloads and a fill-in form.

Python gathers the data of a page; `template_page.html`, `template_index.html` and
`_template_list.html` present it. The fill-in form (`_template_form.html`) is made from
what the template's YAML declares (`macros.load.template_parts.template_form`): fields,
choices with their variants, repeats. `docs/assets/sjabloon.js` fills the text on the page
and the blank .docx/.odt with the values, in the browser, with fflate
(`macros.publish.browser_library`).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Callable

import yaml
from markupsafe import Markup

from macros.load.template_parts import TemplateForm, repeat_hints, split_body, template_form, variant_hints
from macros.load.templates import PLACEHOLDER
from macros.model.catalog import Record
from macros.publish.browser_library import SITE_PATH as FILL_LIBRARY
from macros.render.context import RenderContext
from macros.render.env import rel
from macros.render.fiction import is_fictional
from macros.render.template_body import body_html
from macros.render.markdown_page import front

FORMATS = {"docx": "Word (.docx)", "odt": "OpenDocument (.odt)", "md": "Markdown (.md)"}
FILLED_FORMATS = ("docx", "odt")
FILL_SCRIPT = "assets/sjabloon.js"   # the fill-in script, on template pages only (front matter `scripts`)
INDEX_URL = "sjablonen/"
LAW_ARTICLES = Path("referentie") / "wetsartikelen.yaml"   # under the data package folder
WETTEN = "https://wetten.overheid.nl/jci1.3:c:{bwbr}&artikel={artikel}"  # the consolidated text, one article


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


def _body(ctx: RenderContext, template: Record) -> list[dict]:
    """The text of the template as the page shows it, part by part (plain text, a variant, a
    repeated block): the one place the body is marked safe, after `body_html` made each part
    from restricted Markdown and sanitised it."""
    form, parts = template_form(template.data), []
    for part in split_body(template.body).parts:
        hints = (variant_hints(form, part.keuze, part.variant) if part.kind == "keuze"
                 else repeat_hints(form, part.herhaling) if part.kind == "herhaal" else ("", ""))
        parts.append({"kind": part.kind, "keuze": part.keuze, "variant": part.variant, "herhaling": part.herhaling,
                      "before": hints[0], "after": hints[1], "html": marked_body(body_html(part.text), template)})
    return parts


def variant_only(body: str) -> dict[str, list[str]]:
    """Fields that appear only inside variants: per field the 'keuze=variant' sections it is in."""
    inside: dict[str, set] = {}
    outside: set = set()
    for part in split_body(body).parts:
        for name in part.placeholders:
            if part.kind == "keuze":
                inside.setdefault(name, set()).add(f"{part.keuze}={part.variant}")
            else:
                outside.add(name)
    return {name: sorted(where) for name, where in inside.items() if name not in outside}


def _form(template: Record, form: TemplateForm) -> dict:
    """The fill-in form: choices, the fields outside repeats, the repeats with their fields."""
    only = variant_only(template.body)
    def field(f) -> dict:
        return {"naam": f.naam, "label": f.label, "uitleg": f.uitleg, "voorbeeld": f.voorbeeld,
                "standaard": f.standaard, "alleen": " ".join(only.get(f.naam, ()))}
    return {
        "keuzes": [{"naam": c.naam, "vraag": c.vraag, "uitleg": c.uitleg,
                    "varianten": [{"naam": v.naam, "label": v.label, "uitleg": v.uitleg} for v in c.varianten]}
                   for c in form.choices],
        "velden": [field(f) for f in form.fields if not f.herhaling],
        "herhalingen": [{"naam": r.naam, "label": r.label, "enkelvoud": r.enkelvoud, "uitleg": r.uitleg,
                         "velden": [field(form.field(n)) for n in r.velden]} for r in form.repeats],
    }


def _fill_data(template: Record, form: TemplateForm, url: str) -> dict:
    """What sjabloon.js needs besides the form: the blank documents, the names of the filled
    ones, the fields of each repeat, the key under which the browser keeps the values."""
    return {
        "id": template.id, "versie": template.get("versie"),
        "bewaarsleutel": f"kennisbank-sjabloon-{template.id}",
        "documenten": {fmt: rel(url, download_url(template, fmt)) for fmt in FILLED_FORMATS},
        "bestandsnamen": {fmt: f"{template.id}-{template.get('versie')}-ingevuld.{fmt}" for fmt in FILLED_FORMATS},
        "velden": [{"naam": f.naam, "herhaling": f.herhaling} for f in form.fields],
        "keuzes": {c.naam: [v.naam for v in c.varianten] for c in form.choices},
        "herhalingen": {r.naam: list(r.velden) for r in form.repeats},
    }


def _downloads(ctx: RenderContext, template: Record, url: str) -> list[dict]:
    return [{"href": rel(url, download_url(template, fmt)), "label": label,
             "size": size_text(ctx.sizes.get((template.id, fmt)))} for fmt, label in FORMATS.items()]


def _used_by(ctx: RenderContext, template: Record, url: str) -> list[dict]:
    return [{"href": rel(url, f"praktijken/{p.id}/"), "titel": p.get("titel"), "versie": p.get("sjabloon", "versie"),
             "fictief": is_fictional(p)}
            for p in ctx.catalog.practices if p.get("sjabloon", "id") == template.id]


def law_articles(root: Path) -> dict:
    """The law-article table (practices/referentie/wetsartikelen.yaml): per law its name, link, the
    source each article was checked in, and its articles."""
    path = Path(root) / LAW_ARTICLES
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return data.get("wetten") or {}


def citation(law: str, article: str, member: str | None = None) -> str:
    """How the templates cite a provision: 'artikel 18a lid 6 WPO', 'artikel 7:457 BW'."""
    number = f"7:{article}" if law == "BW" else article
    return f"artikel {number}{f' lid {member}' if member else ''} {law}"


def law_link(laws: dict, law: str, article: str) -> str:
    """The consolidated text of the article (wetten.overheid.nl), or of the regulation (EUR-Lex)."""
    found = laws.get(law) or {}
    if found.get("bwbr"):
        return WETTEN.format(bwbr=found["bwbr"], artikel=article)
    return found.get("url", "")


def legal_notes(template: Record, laws: dict) -> dict:
    """The template's legal explanation as rows (its article, the provision with link and heading, why) and
    the laws it cites with the source and version each was checked against."""
    rows, used = [], []
    for item in template.get("grondslagen") or []:
        law, article = item["wet"], item["wetsartikel"]
        info = ((laws.get(law) or {}).get("artikelen") or {}).get(article) or {}
        rows.append({"artikel": item["artikel"], "bepaling": citation(law, article, item.get("lid")),
                     "href": law_link(laws, law, article), "kop": info.get("kop") or info.get("begin") or "",
                     "uitleg": item["uitleg"]})
        if law not in used:
            used.append(law)
    sources = [{"naam": laws[law]["naam"], "afkorting": law, "href": laws[law].get("url", ""),
                "bron": laws[law].get("bron") or {}, "opmerking": laws[law].get("opmerking", "")}
               for law in used if law in laws]
    return {"rows": rows, "sources": sources}


def page_data(ctx: RenderContext, template: Record, laws: dict | None = None) -> dict:
    """Everything one template page shows, as plain data."""
    catalog, url = ctx.catalog, template_url(template)
    form = template_form(template.data)
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
        "parts": _body(ctx, template),
        "form": _form(template, form),
        "gegevens": _fill_data(template, form, url),
        "bibliotheek": rel(url, FILL_LIBRARY),
        "filled_labels": {fmt: FORMATS[fmt] for fmt in FILLED_FORMATS},
        "bijlagen": [{"titel": a.titel, "omschrijving": a.omschrijving} for a in form.appendices],
        "juridisch": legal_notes(template, laws if laws is not None else law_articles(catalog.root)),
    }


def template_page(ctx: RenderContext, template: Record, laws: dict | None = None) -> str:
    return front(template.get("titel"), template.get("doel")[:160], scripts=[FILL_SCRIPT]) + ctx.render_page(
        "template_page.html", page=page_data(ctx, template, laws))


def _sorted(templates) -> list[Record]:
    return sorted(templates, key=lambda t: t.get("titel").lower())


def template_index(ctx: RenderContext) -> str:
    items = [{"href": rel(INDEX_URL, template_url(t)), "titel": t.get("titel"), "versie": t.get("versie"),
              "doel": t.get("doel")} for t in _sorted(ctx.catalog.templates)]
    return (front("Sjablonen", "Modelovereenkomsten om te downloaden en aan te passen.")
            + ctx.render_page("template_index.html", items=items))


def template_pages(ctx: RenderContext) -> dict[str, str]:
    return {src: make(ctx) for src, make in template_page_makers(ctx).items()}


def template_page_makers(ctx: RenderContext) -> dict[str, Callable[[RenderContext], str]]:
    """The template pages as {source path: function of the render context that renders the page}."""
    pages = {"sjablonen/index.md": template_index}
    laws = law_articles(ctx.catalog.root)
    pages.update({f"sjablonen/{t.id}.md": partial(template_page, template=t, laws=laws) for t in ctx.catalog.templates})
    return pages


def template_list(ctx: RenderContext, page_url: str, theme: str | None = None) -> str:
    """Macro output: the templates of a theme (all templates without one), as links."""
    chosen = [t for t in ctx.catalog.templates if theme is None or theme in t.get("themas")]
    links = [{"href": rel(page_url, f"sjablonen/{t.id}/"), "titel": t.get("titel")} for t in chosen]
    return ctx.render("_template_list.html", links=links).strip()
