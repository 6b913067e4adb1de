"""`kennisbank build` and `kennisbank serve`."""

from __future__ import annotations

from pathlib import Path

from macros.site.build import build_atomic, serve


def build(args) -> int:
    return build_atomic(Path(args.config), Path(args.site), strict=not args.niet_streng)


def preview(args) -> int:
    return serve(Path(args.config), args.adres)
