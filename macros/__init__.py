"""Kennisbank Doorbraakaanpak: the package behind the site and the `kennisbank` command.

For mkdocs-macros this module only registers the macros that hand-written pages
use; each is a thin call into the modules that do the work, reading the Catalog
the build hook loaded once (see `macros.site`).
"""


def define_env(env):
    from macros.render.context import render_context
    from macros.render.html import rel
    from macros.render.pages import field_reference, practice_list
    from macros.site.events import STATE
    from macros.render.tables import comparison_table
    from macros.render.template_pages import template_list

    def here() -> str:
        return env.page.url if env.page else ""

    @env.macro
    def praktijken_lijst(thema: str | None = None, volwassenheid: str | None = None) -> str:
        """The practices of a theme and/or maturity level, as a list."""
        chosen = [p for p in STATE.catalog.practices
                  if (thema is None or thema in p.get("themas")) and (volwassenheid is None or p.get("volwassenheid") == volwassenheid)]
        return practice_list(STATE.catalog, chosen, here())

    @env.macro
    def laatste_praktijken(aantal: int = 5) -> str:
        """The most recently agreed practices."""
        newest = sorted(STATE.catalog.practices, key=lambda p: p.get("datums", "afgesproken"), reverse=True)[:aantal]
        items = "".join(f'<li><a href="{rel(here(), f"praktijken/{p.id}/")}">{_esc(p.get("titel"))}</a> '
                        f'<span class="kb-regio">({_esc(p.get("regio"))})</span></li>' for p in newest)
        return f'<ul class="kb-laatste">{items}</ul>' if newest else '<p class="kb-leeg">Nog geen praktijken.</p>'

    @env.macro
    def vergelijkingstabel(thema: str) -> str:
        """The comparison table of one theme."""
        if thema not in {c.code for c in STATE.catalog.codelists["themas"]}:
            raise ValueError(f"onbekend thema '{thema}' in vergelijkingstabel()")
        return comparison_table(STATE.catalog, thema, STATE.catalog.practices, here())

    @env.macro
    def sjablonen_lijst(thema: str | None = None) -> str:
        """The templates of a theme."""
        return template_list(render_context(STATE.catalog), here(), thema)

    @env.macro
    def velden_documentatie(soort: str = "praktijk") -> str:
        """Every field of a record type, generated from its JSON Schema."""
        return field_reference(STATE.catalog, soort)


def _esc(value) -> str:
    from macros.render.html import esc
    return esc(value)
