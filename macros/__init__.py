"""Kennisbank Doorbraakaanpak: the package behind the site and the `kennisbank` command.

For mkdocs-macros this module only registers the macros that hand-written pages use; each
is a thin call into `macros.render`, with the render context of the current build (made
by the hook, see `macros.site.context`).
"""


def define_env(env):
    from macros.render import page_macros
    from macros.site.context import build_context

    def ctx():
        return build_context(env.conf).render

    def here() -> str:
        return env.page.url if env.page else ""

    def meta() -> dict:
        return getattr(env.page, "meta", None) or {}

    def source_page() -> str:
        file = getattr(env.page, "file", None)   # MkDocs' page; the Zensical build's page has `src`
        return f"docs/{file.src_uri if file else getattr(env.page, 'src', '')}"

    @env.macro
    def praktijken_lijst(thema: str | None = None, volwassenheid: str | None = None) -> str:
        """The practices of a theme and/or maturity level, as a list."""
        return page_macros.practices_of(ctx(), here(), thema, volwassenheid)

    @env.macro
    def laatste_praktijken(aantal: int = 5) -> str:
        """The most recently agreed practices."""
        return page_macros.latest_practices(ctx(), here(), aantal)

    @env.macro
    def fictieve_praktijken() -> str:
        """How many of the practices are fictional, as a sentence computed from the data."""
        return page_macros.fiction_sentence(ctx())

    @env.macro
    def vergelijkingstabel(thema: str) -> str:
        """The comparison table of one theme."""
        return page_macros.theme_table(ctx(), here(), thema)

    @env.macro
    def sjablonen_lijst(thema: str | None = None) -> str:
        """The templates of a theme."""
        return page_macros.templates_of(ctx(), here(), thema)

    @env.macro
    def velden_documentatie(soort: str = "praktijk") -> str:
        """Every field of a record type, generated from its JSON Schema."""
        return page_macros.field_reference(ctx(), soort)

    @env.macro
    def bron(id: str) -> str:
        """An inline reference to one of the sources named in the page's front matter."""
        return page_macros.source_reference(ctx(), meta(), source_page(), id)

    @env.macro
    def bronnenlijst() -> str:
        """The page's sources (front matter `bronnen`), each with its link and the day it was checked."""
        return page_macros.source_list(ctx(), meta(), source_page())
