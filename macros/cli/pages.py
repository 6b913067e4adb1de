"""`kennisbank paginas`: the generated pages as Markdown files, a pre-build step for a
generator without MkDocs hooks."""

from __future__ import annotations

from pathlib import Path

from macros.cli.common import load_or_report
from macros.load.attachments import markdown_attachments
from macros.load.history import file_history
from macros.render.context import render_context
from macros.render.map import load_topology, project_shapes
from macros.render.pages import generated_pages
from macros.site.steps import MAP_FILE


def run(args) -> int:
    """The generated pages as Markdown files: a pre-build step for generators without MkDocs hooks."""
    catalog = load_or_report(args.pad)
    if catalog is None:
        return 1
    out = Path(args.uit)
    pages = generated_pages(render_context(catalog, shapes=project_shapes(load_topology(catalog.root / MAP_FILE)),
                                           history=file_history(catalog.root), attachments=markdown_attachments(catalog)))
    for src, content in pages.items():
        target = out / src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    print(f"{len(pages)} pagina's geschreven in {out}/ (downloadgroottes staan er niet in; die kent alleen de bouw).")
    return 0
