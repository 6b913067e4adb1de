"""The shape of the package, checked from its source: no import cycles, imports at the top of
modules, no state that survives between builds, and a Catalog no step can change."""

from __future__ import annotations

import ast
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
