"""Front matter of a generated page.

Values are written as JSON strings (valid YAML, so quoting is always right) and macros are
off, so record text never reaches mkdocs-macros' Jinja. The theme prints some of these
values raw; `overrides/` escapes them where they are printed.
"""

from __future__ import annotations

import json


def front(title: str, description: str = "", **extra) -> str:
    meta = {"title": title, "render_macros": False, **({"description": description} if description else {}), **extra}
    return "---\n" + "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items()) + "\n---\n\n"
