"""The one way the project keeps two processes apart: a lock file, held while a block runs.

Over `filelock`, which uses the platform's own call (flock on Linux and macOS, msvcrt's
locking on Windows); the operating system releases the lock when the process ends, however
it ends. Used for the build lock of a site and the document work folders.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from filelock import FileLock, Timeout


class Busy(Exception):
    """Another process holds the lock; the message is the lock file's path."""


@contextmanager
def held(path: Path, wait: bool = False) -> Iterator[None]:
    """Hold the lock file `path` (made when missing) while the block runs. `Busy` at once when
    another process holds it, or, with `wait`, wait until it is free."""
    lock = FileLock(Path(path), timeout=-1 if wait else 0, thread_local=False)
    try:
        lock.acquire()
    except Timeout:
        raise Busy(str(path)) from None
    try:
        yield
    finally:
        lock.release()
