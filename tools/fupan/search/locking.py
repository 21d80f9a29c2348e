"""One writer at a time for what fupan keeps in ``.fupan/``: a lock file per store."""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path

from ..errors import IndexBusy
from ..lang import Message

_held: set[int] = set()  # lock files this process holds open


def _forget_in_child() -> None:
    """A forked child (Whoosh's index writers) must not keep the lock alive: an flock
    belongs to the open file, which the child shares, so after a kill -9 of the parent
    its orphaned workers would hold the index locked. The child closes its copies."""
    for fd in list(_held):
        with contextlib.suppress(OSError):
            os.close(fd)
    _held.clear()


os.register_at_fork(after_in_child=_forget_in_child)


@contextlib.contextmanager
def file_lock(path: Path, timeout: float, what: str) -> Iterator[bool]:
    """Hold ``path``'s lock; yields whether another process held it first. The lock is
    released when the file is closed, so a process killed with it held frees it too."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # read-only is enough for flock, so a lock file another user made serves as well
    fd = os.open(path, os.O_CREAT | os.O_RDONLY, 0o666)
    try:
        deadline = time.monotonic() + timeout
        waited = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                waited = True
                if time.monotonic() > deadline:
                    raise IndexBusy.of(
                        "search.err.busy", what=Message(what), seconds=f"{timeout:.0f}"
                    ) from None
                time.sleep(0.1)
        _held.add(fd)
        yield waited
    finally:
        _held.discard(fd)
        os.close(fd)
