"""The shape of the package, checked from its source: no import cycles, imports at the top of
modules, no state that survives between builds, a Catalog no step can change, and each package
importing only the packages below it (ALLOWED_IMPORTS)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from macros.load.catalog import load_catalog

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "macros"
# Imports allowed inside a function: heavy optional dependencies, loaded only by the command
# that needs them (each with a comment at its place).
LAZY_ALLOWED = {"mkdocs.commands.serve", "mkdocs.livereload", "mkdocs.commands.build", "mkdocs.config", "mkdocs.exceptions", "frictionless",
                "frictionless.formats.csv", "playwright.sync_api", "docx", "docx.enum.style", "docx.enum.text",
                "docx.oxml", "docx.oxml.ns", "docx.shared", "lxml", "pagefind.index"}


def modules() -> dict[str, ast.Module]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return out


def imported(tree: ast.Module, top_only: bool) -> set[str]:
    nodes = tree.body if top_only else ast.walk(tree)
    found = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return found


def test_no_module_imports_another_in_a_cycle():
    mods = modules()
    graph = {name: {m for m in imported(tree, top_only=True) if m in mods and m != name} for name, tree in mods.items()}
    cycles, state = [], {}

    def visit(name, trail):
        state[name] = "open"
        for nxt in sorted(graph[name]):
            if state.get(nxt) == "open":
                cycles.append(" -> ".join(trail[trail.index(nxt):] + [nxt]))
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_imports_inside_functions_are_only_heavy_optional_ones():
    hidden = []
    for name, tree in modules().items():
        if name == "macros":   # mkdocs-macros' entry point: imports when MkDocs calls it
            continue
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.ImportFrom) and inner.module and inner.module not in LAZY_ALLOWED:
                        hidden.append(f"{name}.{node.name}: from {inner.module}")
                    elif isinstance(inner, ast.Import):
                        hidden += [f"{name}.{node.name}: import {a.name}" for a in inner.names if a.name not in LAZY_ALLOWED]
    assert hidden == []


def test_no_state_that_survives_between_builds():
    found = []
    for name, tree in modules().items():
        for node in tree.body:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
            value = getattr(node, "value", None)
            mutable = isinstance(value, (ast.Dict, ast.List, ast.Set)) and not (value.keys if isinstance(value, ast.Dict) else value.elts)
            if mutable or (isinstance(value, ast.Call) and getattr(value.func, "id", "") in ("dict", "list", "set", "BuildState")):
                found += [f"{name}: {ast.unparse(t)}" for t in targets]
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for deco in node.decorator_list:
                    text = ast.unparse(deco)
                    if "cache" in text:
                        found.append(f"{name}.{node.name}: @{text}")
    assert found == []


def test_the_catalog_cannot_be_changed():
    catalog = load_catalog(ROOT / "practices")
    record = catalog.practices[0]
    attempts = [
        lambda: catalog.schemas["praktijk"]["properties"].__setitem__("x", {}),
        lambda: catalog.schemas["praktijk"]["required"].append("x"),
        lambda: catalog.table_schemas["praktijken"]["fields"].append({}),
        lambda: catalog.tables["praktijken"][0].__setitem__("titel", "x"),
        lambda: record.data.__setitem__("titel", "x"),
        lambda: record.data["partners"][0].__setitem__("rol", "x"),
        lambda: catalog.descriptor["resources"][0].__setitem__("path", "x"),
        lambda: setattr(catalog, "practices", ()),
    ]
    for attempt in attempts:
        with pytest.raises((TypeError, AttributeError)):
            attempt()


# --------------------------------------------------------------------------- the layers

# Which packages of `macros` each package may import: a package sees only those below it.
# model: the foundations (Catalog, Problem, Source, the URL rules, schema fields); load: reading
# files; checks: every check; store: caches and the document store; render: pages; publish: what
# the build writes besides pages; site: the generator glue and `kennisbank build`; cli: the command.
ALLOWED_IMPORTS = {
    "model": set(),
    "load": {"model"},
    "checks": {"model", "load"},
    "store": {"model", "load", "checks"},
    "render": {"model", "load", "checks"},
    "publish": {"model", "load", "checks", "store", "render"},
    "site": {"model", "load", "checks", "store", "render", "publish"},
    "cli": {"model", "load", "checks", "store", "render", "publish", "site"},
    "macros": {"render", "site"},   # macros/__init__.py: mkdocs-macros' entry point
}
# The known imports against the layers, each with its reason; a test fails when one is no longer needed.
LAYER_EXCEPTIONS = {
    # the loader runs every check and the validation cache: the top of `load`
    ("macros.load.catalog", "checks"), ("macros.load.catalog", "store"),
    # which attachment types are published (MARKDOWN, allowed) is decided by the attachment check
    ("macros.load.files", "checks"), ("macros.load.attachments", "checks"),
    # the map's lookup uses the search's place names; the template page links the fill-in library
    ("macros.render.map", "publish"), ("macros.render.template_pages", "publish"),
}


def package_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "macros"


def package_imports() -> set[tuple[str, str]]:
    """(module, package it imports) for every import of another package of `macros`, at any depth."""
    mods = modules()
    found = set()
    for name, tree in mods.items():
        for target in imported(tree, top_only=False):
            if target.startswith("macros.") and package_of(target) != package_of(name) and target in mods:
                found.add((name, package_of(target)))
    return found


def test_every_package_imports_only_the_packages_below_it():
    wrong = sorted(f"{module} imports {package}" for module, package in package_imports()
                   if package not in ALLOWED_IMPORTS[package_of(module)] and (module, package) not in LAYER_EXCEPTIONS)
    assert wrong == []


def test_every_layer_exception_is_still_needed():
    assert sorted(LAYER_EXCEPTIONS - package_imports()) == []


def test_the_layers_have_no_cycle_and_name_every_package():
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()} | {"macros"}
    assert set(ALLOWED_IMPORTS) == packages
    placed: list[str] = []
    while len(placed) < len(ALLOWED_IMPORTS):
        ready = [p for p, below in ALLOWED_IMPORTS.items() if p not in placed and below <= set(placed)]
        assert ready, f"a cycle among {sorted(set(ALLOWED_IMPORTS) - set(placed))}"
        placed += sorted(ready)


def test_the_readme_module_map_names_every_module():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Module map\n", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"^\| `([a-z_]+/[a-z_]+\.py)` \|", section, re.MULTILINE))
    present = {"macros/__init__.py"} | {p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
                                        if p.parent != PACKAGE and p.name != "__init__.py"}
    assert sorted(present - named) == [] and sorted(named - present) == []
