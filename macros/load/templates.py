"""Agreement templates on disk: a YAML file of metadata beside a Markdown body, and the
lock file that freezes the text of each released version.

Placeholders are `[[naam]]` (Jinja's `{{ }}` would be eaten by mkdocs-macros).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import yaml

from macros.model.problems import Problem
from macros.load.yaml_source import read_text
from macros.model.problems import shown

PLACEHOLDER = re.compile(r"\[\[([a-z][a-z0-9_]*)\]\]")
LOCK_FILE = "sjablonen/versies.lock"


def body_hash(body: str) -> str:
    return "sha256:" + hashlib.sha256(body.replace("\r\n", "\n").encode("utf-8")).hexdigest()


def read_lock(root: Path) -> dict:
    path = root / LOCK_FILE
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.is_file() else {}


def write_lock(root: Path, lock: dict) -> None:
    header = ("# Vastgelegde versies van de sjablonen: per versie de hash van de tekst.\n"
              "# Bijwerken met `kennisbank sjabloon vastleggen`; niet met de hand wijzigen.\n")
    (root / LOCK_FILE).write_text(header + yaml.safe_dump(lock, sort_keys=True, allow_unicode=True), encoding="utf-8")


def load_body(root: Path, template_id: str) -> tuple[str | None, str, list[Problem]]:
    path = root / "sjablonen" / f"{template_id}.md"
    where = shown(path)
    if not path.is_file():
        return None, where, [Problem(shown(path.with_suffix(".yaml")), 1, "id",
                                     f"de tekst van het sjabloon ontbreekt: maak {where} aan.")]
    text, problems = read_text(path, where)
    return text, where, problems
