"""Template pages: the overview and one page per template with downloads and a fill-in form."""

from __future__ import annotations

from macros.model.catalog import Catalog, Record
from macros.render.html import esc, rel
from macros.load.templates import PLACEHOLDER

FORMATS = {"docx": "Word (.docx)", "odt": "OpenDocument (.odt)", "md": "Markdown (.md)"}


def download_name(template: Record, fmt: str) -> str:
    return f"{template.id}-{template.get('versie')}.{fmt}"


def download_url(template: Record, fmt: str) -> str:
    return f"sjablonen/{template.id}/{download_name(template, fmt)}"


def _size(size: int | None) -> str:
    if size is None:
        return ""
    return f"{size / 1024:.0f} kB".replace(".", ",") if size >= 1024 else f"{size} bytes"


def marked_body(template: Record) -> str:
    """The body with each placeholder as a span the fill-in script can replace."""
    labels = {f["naam"]: f["label"] for f in template.get("invulvelden")}
    return PLACEHOLDER.sub(lambda m: f'<span class="kb-invulveld" data-veld="{esc(m[1])}">[{esc(labels[m[1]])}]</span>',
                           template.body)


def _placeholder_table(template: Record) -> str:
    rows = "".join(f"<tr><th scope=\"row\"><code>[[{esc(f['naam'])}]]</code></th><td>{esc(f['label'])}</td>"
                   f"<td>{esc(f['uitleg'])}</td><td>{esc(f['voorbeeld'])}</td></tr>" for f in template.get("invulvelden"))
    return ('<div class="kb-tabel-wrap" role="region" aria-label="Invulvelden" tabindex="0"><table class="kb-invulvelden">'
            "<caption>De invulvelden van dit sjabloon</caption><thead><tr><th scope=\"col\">Veld</th>"
            "<th scope=\"col\">Label</th><th scope=\"col\">Uitleg</th><th scope=\"col\">Voorbeeld</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></div>")


def _form(template: Record) -> str:
    inputs = "".join(
        f'<p class="kb-veld"><label for="veld-{esc(f["naam"])}">{esc(f["label"])}</label>'
        f'<input type="text" id="veld-{esc(f["naam"])}" name="{esc(f["naam"])}" data-veld="{esc(f["naam"])}" '
        f'aria-describedby="uitleg-{esc(f["naam"])}" autocomplete="off">'
        f'<span class="kb-uitleg" id="uitleg-{esc(f["naam"])}">{esc(f["uitleg"])} Bijvoorbeeld: {esc(f["voorbeeld"])}</span></p>'
        for f in template.get("invulvelden"))
    return ('<form class="kb-invulformulier" data-kb-invullen hidden aria-labelledby="invullen-kop">'
            '<h2 id="invullen-kop">Invullen</h2><p>Wat u hier typt, verschijnt direct in de tekst hieronder. Niets wordt '
            'verstuurd of opgeslagen: alles blijft in uw browser. Daarna kunt u de pagina afdrukken of de tekst kopiëren.</p>'
            f'{inputs}<p><button type="button" class="md-button" data-kb-afdrukken>Afdrukken</button> '
            '<button type="reset" class="md-button">Leegmaken</button></p></form>')


def _downloads(template: Record, url: str, sizes: dict) -> str:
    items = "".join(
        f'<li><a class="md-button" href="{esc(rel(url, download_url(template, fmt)))}" download>'
        f'Download {label}</a> <span class="kb-grootte">{esc(_size(sizes.get((template.id, fmt))))}</span></li>'
        for fmt, label in FORMATS.items())
    return f'<ul class="kb-downloads" aria-label="Downloads">{items}</ul>'


def _used_by(catalog: Catalog, template: Record, url: str) -> str:
    users = [p for p in catalog.practices if p.get("sjabloon", "id") == template.id]
    if not users:
        return "<p>Nog geen praktijk in de kennisbank noemt dit sjabloon.</p>"
    return "<ul>" + "".join(f'<li><a href="{esc(rel(url, f"praktijken/{p.id}/"))}">{esc(p.get("titel"))}</a> '
                            f'(versie {esc(p.get("sjabloon", "versie"))})</li>' for p in users) + "</ul>"


def template_page(catalog: Catalog, template: Record, sizes: dict) -> str:
    from macros.render.env import dutch_date
    from macros.render.markdown_page import front
    url = f"sjablonen/{template.id}/"
    voor = ", ".join(catalog.label("partnerrol", v) for v in template.get("voor"))
    themes = ", ".join(f'<a href="{esc(rel(url, f"themas/{t}/"))}">{esc(catalog.label("themas", t))}</a>'
                       for t in template.get("themas"))
    changes = "".join(f"<li>Versie {esc(c['versie'])} ({esc(dutch_date(c['datum']))}): {esc(c['omschrijving'])}</li>"
                      for c in template.get("wijzigingen"))
    draft = template.get("versie").startswith("0.")
    return (front(template.get("titel"), template.get("doel")[:160])
            + f'<h1>{esc(template.get("titel"))}</h1>\n\n'
            + ('<div class="admonition warning"><p class="admonition-title">Concept</p><p>Dit sjabloon is nog een '
               'concept (versie 0.x) en kan nog veranderen.</p></div>\n\n' if draft else "")
            + f'<p class="kb-doel">{esc(template.get("doel"))}</p>\n\n'
            + f'<table class="kb-kaartje"><caption>Over dit sjabloon</caption><tbody>'
              f'<tr><th scope="row">Versie</th><td>{esc(template.get("versie"))}</td></tr>'
              f'<tr><th scope="row">Voor</th><td>{esc(voor)}</td></tr>'
              f'<tr><th scope="row">Thema\'s</th><td>{themes}</td></tr>'
              f'<tr><th scope="row">Licentie</th><td>{esc(template.get("licentie"))}</td></tr>'
              f'<tr><th scope="row">Laatst beoordeeld</th><td>{esc(dutch_date(template.get("laatst_beoordeeld")))}</td></tr>'
              '</tbody></table>\n\n'
            + "## Downloaden\n\n" + _downloads(template, url, sizes) + "\n\n"
            + "## Invulvelden\n\n" + _placeholder_table(template) + "\n\n"
            + _form(template) + "\n\n"
            + "## Wijzigingen\n\n" + f"<ul>{changes}</ul>\n\n"
            + "## Gebruikt door\n\n" + _used_by(catalog, template, url) + "\n\n"
            + "## Tekst\n\n" + '<div class="kb-sjabloontekst" markdown="1">\n\n' + marked_body(template) + "\n\n</div>\n")


def template_index(catalog: Catalog) -> str:
    from macros.render.markdown_page import front
    url = "sjablonen/"
    items = "".join(f'<li><a href="{esc(rel(url, f"sjablonen/{t.id}/"))}">{esc(t.get("titel"))}</a> '
                    f'<span class="kb-versie">versie {esc(t.get("versie"))}</span><br>{esc(t.get("doel"))}</li>'
                    for t in sorted(catalog.templates, key=lambda t: t.get("titel").lower()))
    return (front("Sjablonen", "Modelovereenkomsten om te downloaden en aan te passen.")
            + "# Sjablonen\n\n<p>Modelteksten voor samenwerkingsverbanden, gemeenten en schoolbesturen die afspraken "
              "willen maken. Elk sjabloon is te downloaden als Word, OpenDocument en Markdown, en op de pagina zelf in "
              "te vullen. Een sjabloon is een begin: pas het aan uw regio aan en laat het juridisch toetsen.</p>\n\n"
            + f'<ul class="kb-sjablonen">{items}</ul>\n')


def template_pages(catalog: Catalog, sizes: dict | None = None) -> dict[str, str]:
    sizes = sizes or {}
    pages = {"sjablonen/index.md": template_index(catalog)}
    pages.update({f"sjablonen/{t.id}.md": template_page(catalog, t, sizes) for t in catalog.templates})
    return pages


def template_list(catalog: Catalog, page_url: str, theme: str | None = None) -> str:
    """Macro output: the templates of a theme, as links."""
    chosen = [t for t in catalog.templates if theme is None or theme in t.get("themas")]
    if not chosen:
        return '<p class="kb-leeg">Voor dit thema is nog geen sjabloon.</p>'
    return "<ul>" + "".join(f'<li><a href="{esc(rel(page_url, f"sjablonen/{t.id}/"))}">{esc(t.get("titel"))}</a></li>'
                            for t in chosen) + "</ul>"
