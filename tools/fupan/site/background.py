"""Run one piece of CPU-bound work on the second core while the caller does another.

A site build is pure Python and MkDocs uses one core; on a machine with two, a forked
child can build part of the site meanwhile. Fork shares the parent's data without
copying or pickling it (only the result comes back), which is why this is a forked
process and not a pool. Where fork is unavailable or unsafe (Windows, macOS, a process
with other threads as under ``mkdocs serve``) or pointless (one core), the work runs in the
caller, so results never depend on how they were computed.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):  # the cores this process may use, not the machine's
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def can_fork() -> bool:
    return (
        sys.platform.startswith("linux")  # fork is unsafe with macOS system libraries
        and _cores() > 1
        and threading.active_count() == 1
    )


def in_background(work: Callable[[], T]) -> Callable[[], T]:
    """Start ``work``; the returned function waits for and returns its result.

    If the child fails for any reason (an exception, killed for memory), the work is
    done again in the caller, so its errors surface there as they would without a child.
    """
    if not can_fork():
        result = work()
        return lambda: result
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)

    def child() -> None:
        receive.close()  # so a send fails, and the child ends, once the caller is gone
        with contextlib.suppress(BaseException):  # the caller redoes the work, and reports
            send.send(work())

    process = ctx.Process(target=child, daemon=True)
    for stream in (sys.stdout, sys.stderr):  # or the child would write what is buffered again
        if stream is not None:
            stream.flush()
    process.start()
    send.close()

    def wait() -> T:
        try:
            return receive.recv()
        except (EOFError, OSError):  # the child ended without a whole result
            return work()
        finally:
            receive.close()
            if process.is_alive():  # it has sent, or the caller stopped waiting
                process.kill()
            process.join()

    return wait
