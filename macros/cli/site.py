"""`kennisbank build` and `kennisbank serve`."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

from macros.model.problems import os_error_message
from macros.site.build import build_atomic
from macros.site.preview import serve


def build(args) -> int:
    return build_atomic(Path(args.config), Path(args.site), strict=not args.niet_streng, bouwer=args.bouwer)


def preview(args) -> int:
    problem = address_problem(args.adres)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    return serve(Path(args.config), args.adres)


def address_problem(address: str) -> str | None:
    """Why `serve` cannot listen on `address` (a malformed address, a port in use), in Dutch; or None."""
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        return f"'{address}' is geen geldig adres. Schrijf het als host:poort, bijvoorbeeld 127.0.0.1:8000."
    try:
        with socket.socket(socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host.strip("[]"), int(port)))
    except OSError as err:
        return f"Kan niet luisteren op {address}: {os_error_message(err)}"
    return None
