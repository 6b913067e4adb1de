"""MkDocs hook: thin glue; all work is in macros.site."""

from mkdocs.plugins import event_priority

from macros.site import events as site

on_startup = site.on_startup
on_config = site.on_config
on_page_markdown = site.on_page_markdown
on_post_page = site.on_post_page
on_post_build = site.on_post_build
# Run before plugins that collect files in their own on_files, so they see the generated pages.
on_files = event_priority(100)(site.on_files)
