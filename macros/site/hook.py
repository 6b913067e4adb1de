"""MkDocs hook: thin glue; the work is in macros.site.events."""

from mkdocs.plugins import event_priority

from macros.site.events import SiteEvents

# MkDocs loads this file once per process; the instance keeps only the serve session
# (last good data, document work folder). Each build gets its own BuildContext.
_events = SiteEvents()

on_startup = _events.on_startup
on_shutdown = _events.on_shutdown
on_config = _events.on_config
on_pre_page = _events.on_pre_page
on_page_markdown = _events.on_page_markdown
on_env = _events.on_env
on_post_build = _events.on_post_build
# Run before plugins that collect files in their own on_files, so they see the generated pages.
def on_files(files, config):
    return _events.on_files(files, config)


on_files = event_priority(100)(on_files)


# Before plugins that read the page's HTML: the blocks that skipped Markdown go back in first.
def on_page_content(html, page, config, files):
    return _events.on_page_content(html, page, config, files)


on_page_content = event_priority(100)(on_page_content)


def on_post_page(output, page, config):
    return _events.on_post_page(output, page, config)
