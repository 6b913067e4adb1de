"""MkDocs hook: thin glue; the MkDocs adapter is macros.site.events, the build itself macros.site.context.SiteBuild."""

from macros.site.events import SiteEvents

# MkDocs loads this file once per process; the instance keeps only the serve session
# (last good data, document work folder). Each build gets its own SiteBuild.
_events = SiteEvents()

on_startup = _events.on_startup
on_shutdown = _events.on_shutdown
on_config = _events.on_config
on_files = _events.on_files
on_page_markdown = _events.on_page_markdown
on_page_content = _events.on_page_content
on_env = _events.on_env
on_post_page = _events.on_post_page
on_post_build = _events.on_post_build
