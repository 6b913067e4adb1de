"""The site's own source folders (docs_dir and the theme's custom_dir): inside the project, no links.

MkDocs follows symbolic links there: `ln -s /etc/passwd docs/assets/x.txt` would publish that
file, and a linked partial in overrides/ would put it on every page. Before a generator reads
them the build refuses such links and folders outside the project, as the loader does for
practices/, and names a text file that is not UTF-8. Hidden files are left to the generator
(both skip them).
"""

from __future__ import annotations

import os
from pathlib import Path

from macros.load.files import links, visible_files
from macros.model.problems import shown

_LINK = ("is een symbolische koppeling (symlink). De site volgt geen koppelingen: die kunnen naar bestanden buiten "
         "het project wijzen. Zet het bestand of de map zelf hier neer.")


def source_problems(project: Path, folders: list[Path]) -> list[str]:
    """A Dutch message for each source folder outside `project` and each link inside one."""
    project = project.resolve()
    out = []
    for folder in folders:
        folder = Path(os.path.abspath(project / folder))  # `..` taken out as written, links not followed
        where = shown(folder, project)
        if not folder.is_relative_to(project) or not folder.resolve().is_relative_to(project):
            out.append(f"{where}: deze map ligt buiten het project ({project}). Zet docs_dir en theme.custom_dir in "
                       "mkdocs.yml op een map in het project, zoals docs en overrides.")
        elif folder.is_symlink():
            out.append(f"{where}: deze map {_LINK}")
        else:
            out += [f"{shown(path, project)} {_LINK}" for path in links(folder)]
            out += [f"{shown(path, project)}: {why}" for path, why in _not_utf8(folder)]
    return out


_TEXT = (".md", ".html", ".css", ".js", ".yml", ".yaml")


def _not_utf8(folder: Path) -> list[tuple[Path, str]]:
    """Text files a generator reads that are not UTF-8, with the first bad byte's line."""
    out = []
    for path in visible_files(folder):
        if path.suffix.lower() not in _TEXT:
            continue
        raw = path.read_bytes()
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as err:
            line = raw[:err.start].count(b"\n") + 1
            out.append((path, f"regel {line}: byte 0x{raw[err.start]:02x} is geen geldige UTF-8-tekst. Sla het "
                              "bestand op als UTF-8 (in de meeste editors: 'Opslaan als' > codering UTF-8)."))
    return out
