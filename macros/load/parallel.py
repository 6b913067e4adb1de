"""Check many files on both cores, results in the order of the files.

The workers are forked, so they share the compiled checks of one load run instead of
pickling them (compiled validators cannot be pickled) or finding them in a global: nothing
outlives the run.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import threading
from typing import Callable, Iterator

_PR_SET_PDEATHSIG = 1  # linux/prctl.h
PARALLEL_FROM = 400  # below this, starting worker processes costs more than it saves
CHUNK = 64           # files a worker checks before it hands the results back


def map_in_order(check: Callable, jobs: list, parallel_from: int | None = None, chunk: int | None = None) -> Iterator:
    """`check(job)` for every job, in order; on both cores when there are many (`parallel_from`
    jobs, default PARALLEL_FROM), `chunk` jobs (default CHUNK) handed back at a time."""
    workers = min(os.cpu_count() or 1, 4)
    if len(jobs) < (PARALLEL_FROM if parallel_from is None else parallel_from) or workers < 2:
        yield from map(check, jobs)
        return
    size = CHUNK if chunk is None else chunk
    chunks = [jobs[i:i + size] for i in range(0, len(jobs), size)]
    context = multiprocessing.get_context("fork")
    pipes, processes, finished = [], [], False
    try:
        for w in range(workers):
            receiving, sending = context.Pipe(duplex=False)
            process = context.Process(target=_work, args=(check, chunks[w::workers], sending), daemon=True)
            process.start()
            sending.close()
            pipes.append(receiving)
            processes.append(process)
        for k in range(len(chunks)):  # chunk k went to worker k % workers, which answers in order
            kind, payload = pipes[k % workers].recv()
            if kind == "fout":
                raise payload
            yield from payload
        finished = True
    finally:
        for process in processes:
            if not finished:  # an error, or the caller stopped reading: the workers' results are not wanted
                process.terminate()
            process.join()
        for pipe in pipes:
            pipe.close()


def die_with_parent() -> None:
    """In a child process: end when the process that started it ends. A killed build must leave no
    worker behind, holding its lock or blocked on a pipe nobody reads."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # not Linux: a worker still ends when its pipe closes


def _work(check: Callable, chunks: list, sending) -> None:
    """In a worker: check each chunk and send its results; an unexpected error goes to the parent."""
    die_with_parent()
    try:
        for chunk in chunks:
            sending.send(("goed", [check(job) for job in chunk]))
    except Exception as err:  # noqa: BLE001 - raised again in the parent, which reports it
        sending.send(("fout", err))
    finally:
        sending.close()


class Beside:
    """`work(forked=True)` in a forked process while the caller does something else; `result()` waits
    for its value. In-process at `result()` instead, as `work(forked=False)`, when there is one core
    or when called from a thread (the preview builds in one, and a process forked from a thread can
    inherit a lock another thread held). The worker computes everything before it sends, so it
    never waits for the caller to read."""

    def __init__(self, work: Callable, wanted: bool = True) -> None:
        self._work, self._process, self._pipe = work, None, None
        if not wanted or (os.cpu_count() or 1) < 2 or threading.current_thread() is not threading.main_thread():
            return
        context = multiprocessing.get_context("fork")
        self._pipe, sending = context.Pipe(duplex=False)
        # One chunk of one job through `_work`: the same hand-back of the value or the error as map_in_order.
        self._process = context.Process(target=_work, args=(lambda _: work(forked=True), [[None]], sending), daemon=True)
        self._process.start()
        sending.close()

    def result(self):
        if self._process is None:
            return self._work(forked=False)
        try:
            kind, payload = self._pipe.recv()
        except EOFError:  # the worker died without an answer (killed, out of memory): do it here
            kind, payload = "goed", [self._work(forked=False)]
        finally:
            self._process.join()
            self._pipe.close()
        if kind == "fout":
            raise payload
        return payload[0]

    def cancel(self) -> None:
        """The result is not wanted (the caller failed): stop the worker."""
        if self._process is not None:
            self._process.terminate()
            self._process.join()
            self._pipe.close()
            self._process = None
