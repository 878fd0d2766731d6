"""Work spread over worker processes, results in order: the index's build and ``analyze --jsonl``.

``concurrent.futures.ProcessPoolExecutor`` over a fork server (a fresh
interpreter where there is none): a process that may run threads, as the app
does, is never forked. The fork server loads the analysis once (``warm``:
imports, word lists, lexicon) and the main module, so each worker it forks
starts warm and takes its first files at once, in chunks (one message to and
from a worker for several files). When the workers cannot start or die, what
is left is done in this process, one item at a time: the work always finishes.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on every platform
        return max(1, os.cpu_count() or 1)


_warm = False


def warm_up() -> None:
    """Load the analysis (word lists, lexicon) before the first file: in the fork server,
    or in each worker where there is none. Once a process."""
    global _warm
    if _warm:
        return
    import gc

    from reader.analysis import analyze
    from reader.analysis.lexicon import lexicon

    lexicon()
    analyze('Warm-up. "Nothing," she said.')
    gc.freeze()  # what is loaded stays: the collector need not walk it for every file
    _warm = True


@contextmanager
def _real_stderr() -> Iterator[None]:
    """``sys.stderr`` as the process was started with, while worker processes start.

    Starting them hands the standard error's file descriptor on; a terminal app
    (Textual) replaces ``sys.stderr`` by an object without one.
    """
    shown, real = sys.stderr, sys.__stderr__
    try:
        usable = real is not None and real.fileno() >= 0
    except (OSError, ValueError):
        usable = False
    if usable:
        sys.stderr = real
    try:
        yield
    finally:
        sys.stderr = shown


def in_order(
    fn: Callable[[T], R], items: Sequence[T], jobs: int, *, preload: Sequence[str] = ()
) -> Iterator[R]:
    """``fn`` of each item, in the items' order, over ``jobs`` processes (here for one).

    ``fn`` must be a module-level function (it is sent to the workers by name);
    ``preload`` names modules the fork server imports once for all workers.
    """
    if jobs <= 1 or len(items) < 2:
        for item in items:
            yield fn(item)
        return
    methods = multiprocessing.get_all_start_methods()
    served = "forkserver" in methods
    context = multiprocessing.get_context("forkserver" if served else "spawn")
    if served:
        # The main module too: a worker would import it again (a script's imports).
        context.set_forkserver_preload([*preload, "reader.library.warm", "__main__"])
    workers = min(jobs, len(items))
    chunk = max(1, min(16, len(items) // (workers * 8)))
    done = 0
    try:
        pool = ProcessPoolExecutor(
            workers, mp_context=context, initializer=None if served else warm_up
        )
        try:
            with _real_stderr():  # the processes start as the work is handed out
                results = pool.map(fn, items, chunksize=chunk)
            for result in results:
                done += 1
                yield result
        finally:  # stopped early (the consumer went away): the files not begun are dropped
            pool.shutdown(wait=True, cancel_futures=True)
    except (BrokenProcessPool, OSError, ValueError):
        # No worker could start, or one died (no memory, a main module that cannot be
        # imported again): the rest is done here.
        for item in items[done:]:
            yield fn(item)
