"""Check many files on both cores, results in the order of the files.

The workers are forked, so they share the compiled checks of one load run instead of
pickling them (compiled validators cannot be pickled) or finding them in a global: nothing
outlives the run.
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Callable, Iterator

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


def _work(check: Callable, chunks: list, sending) -> None:
    """In a worker: check each chunk and send its results; an unexpected error goes to the parent."""
    try:
        for chunk in chunks:
            sending.send(("goed", [check(job) for job in chunk]))
    except Exception as err:  # noqa: BLE001 - raised again in the parent, which reports it
        sending.send(("fout", err))
    finally:
        sending.close()
