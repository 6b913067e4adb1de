"""Every worker process of the project starts here, under one policy.

Only pure work per item runs in a worker (checking one file of practices/): `check(job)` must not
depend on what other jobs did. A worker is kept only where it saves at least a tenth of the run
(validation of many files does; the search index's page copies, about 2 ms each, do not and run
in the build's own process). A `kennisbank build` validates before it takes its build lock, so no
worker inherits the lock file. The workers are forked, so they share
the compiled checks of one run instead of pickling them (compiled validators cannot be pickled).

The policy, in `can_fork`: fork only on Linux, with at least two cores, and only while this
process runs no other thread (a process forked beside a live thread can inherit a lock that
thread held, and hang). Everywhere else (Windows, macOS, where fork is unsafe, the preview's
server threads) the same work runs in this process, one item after the other: same results,
only slower. A worker ignores Ctrl+C, so the user's Ctrl+C reaches this process alone, which
stops every worker and lets the command print one Dutch line. A worker that dies (killed, out of
memory) is reported in Dutch and its work done here.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Iterator

_PR_SET_PDEATHSIG = 1  # linux/prctl.h
PARALLEL_FROM = 400  # below this, starting worker processes costs more than it saves
CHUNK = 64           # files a worker checks before it hands the results back
WORKER_DIED = ("Een hulpproces stopte onverwacht (misschien was het geheugen vol); het werk gaat verder "
               "zonder hulpprocessen, dat duurt wat langer.")


def can_fork() -> bool:
    """Whether work may go to forked workers now: Linux, two cores or more, no other live thread."""
    return (sys.platform.startswith("linux") and hasattr(os, "fork") and (os.cpu_count() or 1) >= 2
            and threading.active_count() == 1)


def map_in_order(check: Callable, jobs: list, parallel_from: int | None = None, chunk: int | None = None) -> Iterator:
    """`check(job)` for every job, in order; in worker processes when there are many (`parallel_from`
    jobs, default PARALLEL_FROM) and `can_fork`, `chunk` jobs (default CHUNK) handed back at a time."""
    workers = min(os.cpu_count() or 1, 4)
    if len(jobs) < (PARALLEL_FROM if parallel_from is None else parallel_from) or not can_fork():
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
            try:
                kind, payload = pipes[k % workers].recv()
            except EOFError:  # the worker died without an answer: the rest is done here
                print(WORKER_DIED, file=sys.stderr, flush=True)
                _stop(processes)
                for rest in chunks[k:]:
                    yield from map(check, rest)
                break
            if kind == "fout":
                raise payload
            yield from payload
        finished = True
    finally:
        if not finished:  # an error, Ctrl+C, or the caller stopped reading: the results are not wanted
            _stop(processes)
        for process in processes:
            process.join()
        for pipe in pipes:
            pipe.close()


def _stop(processes: list) -> None:
    for process in processes:
        if process.is_alive():
            process.terminate()


def die_with_parent() -> None:
    """In a child process: end when the process that started it ends (Linux; elsewhere a worker
    still ends when its pipe closes). A killed build must leave no worker behind, holding its lock
    or blocked on a pipe nobody reads."""
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def child_options() -> dict:
    """Keyword arguments for `subprocess.run` of a helper program: on Linux it dies with this process."""
    return {"preexec_fn": die_with_parent} if sys.platform.startswith("linux") else {}


def _work(check: Callable, chunks: list, sending) -> None:
    """In a worker: check each chunk and send its results; an unexpected error goes to the parent."""
    die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    try:
        for chunk in chunks:
            sending.send(("goed", [check(job) for job in chunk]))
    except Exception as err:  # noqa: BLE001 - raised again in the parent, which reports it
        sending.send(("fout", err))
    finally:
        sending.close()


def in_threads(calls: list[Callable], workers: int = 2) -> list:
    """Each call in one of `workers` threads, for work that waits on another program (pandoc runs
    as a subprocess, so threads suffice); the outcomes in order: a value, or the exception raised."""
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = [pool.submit(call) for call in calls]
        return [future.exception() or future.result() for future in futures]


class Latest:
    """Runs jobs in one background thread, newest first: a job that is still waiting is replaced by
    a newer one (the preview publishes downloads, open data and the search index this way while
    the page is already in the browser). `failed(error)` is called for a job that raised."""

    def __init__(self, failed: Callable[[Exception], None]) -> None:
        self._failed = failed
        self._lock = threading.Lock()
        self._next: Callable[[], None] | None = None
        self._thread: threading.Thread | None = None

    def submit(self, job: Callable[[], None]) -> None:
        with self._lock:
            self._next = job
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="publiceren", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            with self._lock:
                job, self._next = self._next, None
                if job is None:
                    self._thread = None
                    return
            try:
                job()
            except Exception as err:  # noqa: BLE001 - reported by the owner, and the next job still runs
                self._failed(err)

    def wait(self) -> None:
        thread = self._thread
        if thread is not None:
            thread.join()
