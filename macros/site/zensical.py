"""The site built with Zensical instead of MkDocs (`kennisbank build --bouwer zensical`).

Zensical reads `mkdocs.yml` but runs no hooks, and its macros extension has no post-build
step. So what the MkDocs hook does happens around it, from the same one Catalog:

1. before: `docs/` is copied into a work folder with the macros of the hand-written
   pages already replaced by their output, the glossary appended, and the generated pages
   written beside them; a derived `mkdocs.yml` without hooks, watch and the macros plugin;
2. Zensical builds that folder (in its own process: it keeps global state);
3. after: the HTML kept out of Markdown (macros.render.stash) is put back into every page, the
   theme's indentation is taken out and the build publishes downloads, open data and search.

Each step is a step of the one `SiteBuild` (macros.site.context), as in the MkDocs build.

Zensical only builds into a folder under its project root, so the work folder is its project:
`<build>.zensical/` beside the build folder that `build_atomic` swaps in (`.site.builds/`), one
per build, so two builds never share it; under the build lock, the next build removes what a
killed one left there. The built site is renamed into the build folder.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import jinja2
import yaml

import macros  # the module mkdocs-macros loads by `module_name`
from macros.load.files import visible_files
from macros.load.parallel import child_options
from macros.model.catalog import Catalog
from macros.publish.document_work import document_work
from macros.render.sources import front_matter
from macros.site import macro_errors
from macros.site.context import HANDLE_KEY, Session, SiteBuild
from macros.checks.site_sources import source_problems
from macros.site.theme_css import material_search_css

SEARCH_CSS = "assets/zoeken-material.css"  # Material's search rules, which Zensical's theme lacks
# What Zensical must not see: it runs no hooks, and the macros are already rendered.
_DROPPED_KEYS = ("hooks", "watch")
_DROPPED_PLUGINS = {"macros"}


class ZensicalFailed(Exception):
    """Zensical stopped; the message is what it printed."""


class _EnvLoader(yaml.SafeLoader):
    """mkdocs.yml's `!ENV [NAME, default]`, read as MkDocs reads it."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node):
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[v] for v in variables if v in os.environ), default)


_EnvLoader.add_constructor("!ENV", _env_tag)


def read_config(config_file: Path) -> dict:
    """mkdocs.yml as a dict; ZensicalFailed, in Dutch, when it cannot be read or has the wrong shape."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_EnvLoader)  # noqa: S506 (safe loader subclass)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        raise ZensicalFailed(f"{config_file.name}, regel {mark.line + 1 if mark else 1}: kan niet worden gelezen "
                             f"({err.problem or err}). Python-markeringen zoals !!python/name gebruikt de "
                             "Zensical-bouw niet; bouw met --bouwer mkdocs of schrijf de waarde zonder.") from None
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        raise ZensicalFailed(f"{config_file.name} kan niet worden gelezen: {err}.") from None
    wrong = [key for key, kind in (("extra_css", list), ("extra_javascript", list), ("plugins", list), ("theme", dict),
                                   ("extra", dict)) if key in (config or {}) and not isinstance(config[key], kind)]
    if not isinstance(config, dict) or wrong:
        raise ZensicalFailed(f"{config_file.name}: " + (", ".join(f"'{k}' heeft niet de goede vorm (een lijst of een "
                             "blok met velden, zoals in de meegeleverde mkdocs.yml)" for k in wrong)
                             or "het bestand is geen blok met instellingen") + ".")
    return config


def derived_config(config: dict, strict: bool = True) -> dict:
    """mkdocs.yml for Zensical: the same site, without what only the MkDocs build runs; `strict`
    as the command asked (`--niet-streng`), not as mkdocs.yml says."""
    derived = {k: v for k, v in config.items() if k not in _DROPPED_KEYS}
    derived["strict"] = strict
    derived["plugins"] = [p for p in config.get("plugins", [])
                          if (next(iter(p)) if isinstance(p, dict) else p) not in _DROPPED_PLUGINS]
    derived["docs_dir"], derived["site_dir"] = "docs", "site"
    theme = {**derived.get("theme", {}), "variant": "classic"}  # Material's look; Zensical's default is "modern"
    if "custom_dir" in theme:
        theme["custom_dir"] = "overrides"
    derived["theme"] = theme
    # Before ours, so that our own search styles still win (macros.site.theme_css).
    derived["extra_css"] = [SEARCH_CSS, *config.get("extra_css", [])]
    return derived


# --------------------------------------------------------------------------- macros without MkDocs


@dataclass
class _Page:
    url: str
    src: str = ""
    meta: dict | None = None   # the page's front matter, as mkdocs-macros gives it (for bron() and bronnenlijst())


class MacroEnv:
    """What `macros.define_env` needs of mkdocs-macros' env: the config (where the build context
    hangs), the page being rendered and the `macro` decorator."""

    def __init__(self, conf: dict) -> None:
        self.conf = conf
        self.page: _Page | None = None
        self.macros: dict = {}

    def macro(self, function):
        self.macros[function.__name__] = function
        return function


def page_url(src: str) -> str:
    """The URL of a page with `use_directory_urls`, as MkDocs gives it (`themas/x.md` -> `themas/x/`)."""
    stem = src.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/" if stem.endswith("/index") else stem + "/"


def macro_renderer(build: SiteBuild):
    """A function (src, markdown) -> markdown with the macros replaced, as mkdocs-macros renders them
    (Jinja over the page's Markdown; an unknown name stops the build, like `on_undefined: strict`)."""
    env = MacroEnv({HANDLE_KEY: Session(command="build", build=build)})
    macros.define_env(env)
    jinja = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                               autoescape=False)  # noqa: S701: Markdown source; the macros return escaped HTML
    jinja.globals.update(env.macros)

    def render(src: str, markdown: str) -> str:
        env.page = _Page(page_url(src), src, front_matter(markdown))
        try:
            return jinja.from_string(markdown).render()
        except Exception as err:  # noqa: BLE001 - a page's Jinja can raise anything; the message names the page
            raise ZensicalFailed(macro_errors.from_exception(src, err)) from None
    return render


# --------------------------------------------------------------------------- the build


def write_sources(project: Path, config: dict, build: SiteBuild, work: Path, strict: bool = True) -> None:
    """docs/ with macros rendered and the generated pages, the derived config and the overrides, in `work`."""
    docs, out = project / config.get("docs_dir", "docs"), work / "docs"
    render = macro_renderer(build)
    for path in visible_files(docs):
        src = path.relative_to(docs).as_posix()
        target = out / src
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".md":
            target.write_text(build.hand_written(render(src, path.read_text(encoding="utf-8"))), encoding="utf-8")
        else:
            shutil.copyfile(path, target)
    (out / SEARCH_CSS).write_text(material_search_css(), encoding="utf-8")
    for src, content in build.markdown_pages().items():
        target = out / src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    custom = config.get("theme", {}).get("custom_dir")
    if custom:
        for path in visible_files(project / custom):
            target = work / "overrides" / path.relative_to(project / custom)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    (work / "mkdocs.yml").write_text(yaml.safe_dump(derived_config(config, strict), allow_unicode=True, sort_keys=False),
                                     encoding="utf-8")


def run_zensical(work: Path, strict: bool) -> None:
    if importlib.util.find_spec("zensical") is None:
        raise ZensicalFailed("Zensical is niet geïnstalleerd. Installeer het met: pip install -e '.[zensical]' "
                             "(of bouw met --bouwer mkdocs).")
    command = [sys.executable, "-m", "zensical", "build", "--config-file", str(work / "mkdocs.yml")]
    done = subprocess.run(command + (["--strict"] if strict else []), cwd=work, capture_output=True, text=True,
                          env={**os.environ, "NO_COLOR": "1"}, **child_options())
    if done.returncode != 0:
        raise ZensicalFailed("Zensical stopte:\n" + zensical_output(done.stdout + done.stderr))


_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_WARNING = re.compile(r"^Warning: (.+)$")
_WHERE = re.compile(r"\[ (.+?):(\d+):(\d+) \]")
_SOURCE = re.compile(r"^\s*(\d+) │ (.*)$")
_DUTCH = {"page does not exist": "wijst naar een pagina die niet bestaat. Verbeter de link of maak de pagina aan",
          "anchor does not exist": "wijst naar een kop die niet bestaat. Verbeter de link of de kop"}


def zensical_output(text: str) -> str:
    """What Zensical printed, for the user: its link warnings in Dutch (page and the line as written),
    the rest without colour codes and without the Python traceback of its own exit."""
    lines = _ANSI.sub("", text).strip().splitlines()
    out, i = [], 0
    while i < len(lines):
        warning = _WARNING.match(lines[i])
        if warning:
            where = next((_WHERE.search(l) for l in lines[i + 1:i + 3] if _WHERE.search(l)), None)
            source = next((_SOURCE.match(l) for l in lines[i + 1:i + 6] if _SOURCE.match(l)), None)
            what = _DUTCH.get(warning.group(1).strip(), f"geeft deze melding van Zensical: {warning.group(1).strip()}")
            written = f" '{source.group(2).strip()}'" if source else ""
            out.append(f"- docs/{where.group(1) if where else '?'}: de link in{written} {what}.")
            i += 1
            while i < len(lines) and not _WARNING.match(lines[i]) and not re.match(r"^\d+ issues? found", lines[i]):
                i += 1  # the drawing under the warning
            continue
        if lines[i] == "Traceback (most recent call last):":
            i += 1
            while i < len(lines) and (lines[i].startswith(" ") or not lines[i]):
                i += 1
            if i < len(lines) and "strict flag" in lines[i]:
                out.append("Zensical stopte in strenge modus (zie de meldingen hierboven).")
                i += 1
            continue
        count = re.match(r"^(\d+) issues? found", lines[i])
        if count:
            out.append(f"{count.group(1)} melding(en) van Zensical.")
        elif lines[i].startswith("RuntimeError: Aborted because --strict flag is set"):
            out.append("Zensical stopte in strenge modus (zie de meldingen hierboven).")
        elif lines[i] != "Build started":
            out.append(lines[i])
        i += 1
    return "\n".join(out)


def finish_pages(site: Path, build: SiteBuild) -> None:
    """What the MkDocs hook does to each page: the HTML kept out of Markdown back in, then `finish_page`."""
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        finished = build.finish_page(build.hand_written_html(html))
        if finished != html:
            page.write_text(finished, encoding="utf-8")


def build_zensical(config_file: Path, catalog: Catalog, target: Path, strict: bool) -> None:
    """The site of `catalog` built by Zensical into the empty folder `target`."""
    project = config_file.resolve().parent
    config = read_config(config_file)
    problems = source_problems(project, [Path(config.get("docs_dir", "docs")),
                                         *[Path(c) for c in [config.get("theme", {}).get("custom_dir")] if c]])
    if problems:
        raise ZensicalFailed("".join(f"\n- {p}" for p in problems))
    work = target.parent / f"{target.name}.zensical"
    work.mkdir()
    try:
        with document_work(project / ".cache") as documents:
            build = SiteBuild(catalog=catalog)
            build.prepare(documents)  # Markdown headings, the HTML between them kept for `finish_pages`
            write_sources(project, config, build, work, strict)
            run_zensical(work, strict)
            target.rmdir()  # empty; the same file system, so one rename
            os.replace(work / "site", target)
            finish_pages(target, build)
            build.publish(target, config.get("extra", {}).get("redactie", {}), config.get("site_url"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
