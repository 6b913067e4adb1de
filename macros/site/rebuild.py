"""What a `kennisbank serve` rebuild must render again, and what it may keep.

MkDocs' dirty build renders only the files whose `is_modified()` is true; this module
decides that for every file, so a saved record reaches the browser without rebuilding the
site. The rule is conservative: anything that could show on many pages (schemas, codelists,
reference tables, templates, glossary, the day, the theme, the configuration, the page
templates, the data problems) changes means every page is rendered again.

- a practice page is rendered again when its record changed, or a record it names or that
  names it (`vervangt`) changed;
- every other generated page is rendered, and is written only when its text differs from
  the previous build's (compared by a hash of the finished page);
- a hand-written page is written again when its file changed or the data changed (its
  macros read the data).

When only records changed, the rebuild is done in two steps: first just their pages (the
editor sees the edit), then at once a second rebuild for the lists, comparisons and other
pages that show them, and the downloads, open data and search index.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from macros.model.catalog import Catalog

# Catalog fields made from the practices themselves; the rest can show on every page.
_PER_PRACTICE = {"practices", "tables", "warnings"}


def site_key(project: Path, docs: list[str], problems: tuple) -> str:
    """What every page depends on beside the Catalog: configuration, theme, page templates,
    the hand-written pages that make the menu, and the problems shown in the banner."""
    digest = hashlib.sha256()
    for folder in (project / "overrides", Path(__file__).resolve().parent.parent / "render" / "templates"):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path}:{stat.st_mtime_ns}:{stat.st_size}\n".encode())
    digest.update((project / "mkdocs.yml").read_bytes())
    digest.update("\n".join(sorted(docs)).encode())
    digest.update("\n".join(map(str, problems)).encode())
    return digest.hexdigest()


def shared_parts_equal(old: Catalog, new: Catalog) -> bool:
    return all(getattr(old, f.name) == getattr(new, f.name)
               for f in dataclasses.fields(Catalog) if f.name not in _PER_PRACTICE)


def changed_practices(old: Catalog, new: Catalog) -> set[str]:
    """Ids of the practice pages that show something that changed (the Catalogs' shared parts equal)."""
    before = {p.id: p for p in old.practices}
    after = {p.id: p for p in new.practices}
    changed = {i for i in after.keys() | before.keys() if i not in before or i not in after
               or before[i].data != after[i].data}
    related = set()
    for records in (before, after):
        for pid, record in records.items():
            target = record.get("vervangt")
            if pid in changed and target:
                related.add(target)   # its "replaced by" line shows this record
            if target in changed:
                related.add(pid)      # its "replaces" line shows the changed record
    return (changed | related) & after.keys()


@dataclass
class RebuildState:
    """What the previous build of a serve session rendered."""

    catalog: Catalog | None = None
    key: str = ""
    pages: dict = field(default_factory=dict)   # generated page src -> hash of its text
    behind: bool = False         # a quick rebuild left the summary and hand-written pages to the next one
    titles: dict = field(default_factory=dict)  # page src -> title, for the menu of a dirty build

    def plan(self, catalog: Catalog, key: str) -> "Plan":
        if self.catalog is None or key != self.key or not shared_parts_equal(self.catalog, catalog):
            return Plan(everything=True, practices=None, data_changed=True, quick=False)
        practices = changed_practices(self.catalog, catalog)
        removed = {p.id for p in self.catalog.practices} - {p.id for p in catalog.practices}
        return Plan(everything=False, practices=practices, data_changed=bool(practices or removed) or self.behind,
                    quick=bool(practices) and not removed)


@dataclass(frozen=True)
class Plan:
    everything: bool             # render every page again
    practices: set | None        # practice ids to render (None: all)
    data_changed: bool           # hand-written pages with macros must be rendered again
    # Only edited records: render their pages now and everything else in a rebuild right after,
    # so the page being edited is in the browser first.
    quick: bool
