"""fflate (npm, pinned in package.json/package-lock.json), copied into the built site.

The template pages fill a .docx/.odt in the browser: fflate opens and writes the ZIP. Its
browser build is served from the site itself (`assets/fflate/fflate.js`), never from a CDN.
Looked up beside the content first, then beside this code (a copy of the content, as the
tests make, has no node_modules of its own), like the web editor's bundle.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from macros.publish.editor_config import INSTALL_ROOT

PACKAGE_DIR = Path("node_modules") / "fflate"
BROWSER_BUILD = Path("umd") / "index.js"
SITE_PATH = "assets/fflate/fflate.js"


def library_folder(project_root: Path) -> Path:
    for root in (project_root, INSTALL_ROOT):
        if (root / PACKAGE_DIR / BROWSER_BUILD).is_file():
            return root / PACKAGE_DIR
    raise FileNotFoundError(f"{PACKAGE_DIR / BROWSER_BUILD} ontbreekt: voer `make build` of `npm ci` uit in de map "
                            "van het project; dat installeert fflate, waarmee de sjabloonpagina's een ingevuld "
                            "document maken.")


def write_fill_library(project_root: Path, site_dir: Path) -> Path:
    """Copy fflate's browser build and its licence to `site_dir/assets/fflate/`."""
    source = library_folder(project_root)
    target = site_dir / SITE_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source / BROWSER_BUILD, target)
    shutil.copyfile(source / "LICENSE", target.with_name("LICENSE.txt"))
    return target
