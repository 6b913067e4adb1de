"""A build's work folder for documents (``document_work``), removed afterwards, and the
reference documents made in it once.
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from macros.load.locking import Busy, held
from macros.store.document_store import DocumentStore
from macros.publish.document_errors import DocumentError
from macros.publish.house_style import reference_documents


WORK_PREFIX = "documenten-"
_WORK_LOCK = "documenten.lock"


@dataclass(frozen=True)
class DocumentWork:
    """The work folder of one build (or one preview session) and its reference documents."""

    folder: Path
    references: Mapping[str, Path]


@contextmanager
def document_work(parent: Path) -> Iterator[DocumentWork]:
    """A fresh work folder inside ``parent`` (for example ``<project>/.cache``) with the
    reference documents made once; removed on exit.

    Each user holds the lock ``documenten-<id>.lock`` of its folder ``documenten-<id>`` while the
    folder exists. On entry, under ``parent/documenten.lock``, the folders whose lock is free (left
    by killed builds) are removed, and the document store is pruned when no other user is at work.
    """
    parent = Path(parent)
    parent.mkdir(parents=True, exist_ok=True)
    folder = parent / f"{WORK_PREFIX}{uuid.uuid4().hex[:12]}"
    own = folder.with_name(f"{folder.name}.lock")
    try:
        with held(own):
            with held(parent / _WORK_LOCK, wait=True):
                if _remove_abandoned(parent):
                    DocumentStore(parent).prune()
                folder.mkdir()
            yield DocumentWork(folder, MappingProxyType(_made_references(folder / "huisstijl")))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        with suppress(OSError):  # Windows: another process has it open for a moment
            own.unlink(missing_ok=True)


def _remove_abandoned(parent: Path) -> bool:
    """Remove the work folders no live process holds; True when no other user is at work."""
    alone = True
    for left in sorted(p for p in parent.glob(f"{WORK_PREFIX}*") if p.is_dir()):
        lock = left.with_name(f"{left.name}.lock")
        try:
            with held(lock):
                shutil.rmtree(left, ignore_errors=True)
            lock.unlink(missing_ok=True)
        except Busy:
            alone = False
    return alone


@contextmanager
def references_for(references: Mapping[str, Path] | None) -> Iterator[Mapping[str, Path]]:
    """The given reference documents, or ones made for this call only."""
    if references is not None:
        yield references
        return
    with tempfile.TemporaryDirectory(prefix="kennisbank-huisstijl-") as folder:
        yield _made_references(Path(folder))


def _made_references(folder: Path) -> dict[str, Path]:
    try:
        return reference_documents(folder)
    except Exception as error:  # missing python-docx/lxml, broken pandoc data
        raise DocumentError(f"De huisstijl van de documenten (het referentiedocument) is niet aan te maken "
                            f"({type(error).__name__}: {error}).") from error
