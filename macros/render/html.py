"""Small, safe HTML pieces. Every record value goes through `esc` or `paragraphs`;
links go through `href`, which only lets http(s), mailto and internal paths pass."""

from __future__ import annotations

import html
import posixpath

def esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def paragraphs(text) -> str:
    """Plain text with blank lines as paragraph breaks, escaped."""
    parts = [p.strip() for p in str(text or "").replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "".join(f"<p>{esc(p)}</p>" for p in parts)


def href(url: str) -> str:
    """An escaped link target; anything but http(s), mailto or a relative path becomes '#'."""
    lowered = url.strip().lower()
    if lowered.startswith(("https://", "http://", "mailto:")) or not (":" in lowered.split("/")[0]):
        return esc(url.strip())
    return "#"


def rel(from_url: str, to_url: str) -> str:
    """Relative link between two directory URLs of the site ('praktijken/a/' -> 'kaart/')."""
    start = posixpath.dirname(from_url.rstrip("/") + "/x") if from_url else "."
    target, anchor = (to_url.split("#", 1) + [""])[:2]
    out = posixpath.relpath(target or ".", start or ".")
    out = "./" if out == "." else out + ("/" if to_url.split("#")[0].endswith("/") and not out.endswith("/") else "")
    return out + (f"#{anchor}" if anchor else "")

