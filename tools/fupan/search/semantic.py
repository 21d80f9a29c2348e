"""Passage vectors in ``<kb>/.fupan/semantic.npz``, kept in step with the Whoosh index.

The store is derived from the word index (its stored text and its per-entry
signatures), so it never reads entry files itself and never disagrees with it about
which entries exist. Vectors are kept by a hash of the passage text: an edit re-embeds
only the passages that changed, and a run that is killed keeps what it had embedded
(checkpoints are written as it goes; every write is a new file renamed into place).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context

import numpy as np

from ..errors import IndexBusy
from .embedding import Embedder, Settings
from .embedding import load as load_backend
from .index import SearchIndex
from .locking import file_lock
from .passages import Passage, passages
from .store import FORMAT, Match, Rows, Store, reusable, text_hash, umask

log = logging.getLogger(__name__)

BATCH = 32  # passages per call: large enough to amortize, small enough for progress
CHECKPOINT = 256  # passages embedded between two checkpoints (~15 s of work), at least
CHECKPOINT_SPACING = 10  # and at least ten times as long as writing the last one took
POOL_FROM = 96  # passages to embed before a second process pays for its start


@dataclass
class SemanticRefresh:
    embedded: int = 0  # passages newly embedded
    entries: int = 0  # entries whose passages changed
    rebuilt: str = ""
    pending: int = 0  # passages left for `fupan index`: more than a search embeds
    busy: bool = False  # another process is writing: the store answered as it was


_worker: Embedder | None = None


def _start_worker(settings: Settings) -> None:
    global _worker
    os.environ["OMP_NUM_THREADS"] = "1"
    threading.Thread(target=_exit_with, args=(os.getppid(),), daemon=True).start()
    _worker = load_backend(settings)[0]


def _exit_with(parent: int) -> None:
    """A worker whose parent was killed (kill -9, a closed terminal) is never told to
    stop: it leaves as soon as it is somebody else's child."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)


def _embed_in_worker(texts: list[str]) -> np.ndarray:
    assert _worker is not None
    return _worker.passages(texts)


class SemanticIndex:
    """Opens, refreshes and searches one knowledge base's passage vectors."""

    def __init__(self, words: SearchIndex, backend: Embedder, settings: Settings | None = None):
        self.words = words
        self.backend = backend
        self.settings = settings or Settings()
        self.path = words.kb.state_dir / "semantic.npz"
        self._store: Store | None = None
        self._seen: tuple[int, int, int] | None = None  # the file self._store was read from

    def store(self) -> Store | None:
        """The last commit, or None when there is none yet (or it cannot be read); read
        again only when the file changed since."""
        try:
            stat = os.stat(self.path)
        except OSError:
            return None
        seen = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        if self._store is None or seen != self._seen:
            self._store, self._seen = None, seen
            with contextlib.suppress(OSError, ValueError, KeyError):
                self._store = Store.read(self.path)
        return self._store

    def is_current(self) -> bool:
        store = self.store()
        return bool(
            store
            and store.meta.get("format") == FORMAT  # an older one is rewritten, not re-embedded
            and store.meta.get("backend") == self.backend.name
            and store.meta.get("commit") == self.words.commit_name()
        )

    def refresh(
        self,
        progress: Callable[[int, int], None] | None = None,
        budget: int | None = None,
        wait: bool = True,
    ) -> SemanticRefresh:
        """Embed what the word index holds and this store does not; drop what is gone.

        With a ``budget``, more passages than that to embed are left for `fupan index`
        (``pending`` says how many) and the store answers as it is; without ``wait``, a
        store another process is writing answers as it is (``busy``)."""
        if self.is_current():
            return SemanticRefresh()
        timeout = self.words.lock_timeout if wait else 0.0
        try:
            with file_lock(self.path.with_suffix(".lock"), timeout, "search.what.meaning"):
                for leftover in self.path.parent.glob("semantic.*.tmp"):  # of a killed run
                    leftover.unlink(missing_ok=True)
                if self.is_current():  # another process did it while we waited
                    return SemanticRefresh()
                return self._update(progress, budget)
        except IndexBusy:
            if wait:
                raise
            return SemanticRefresh(busy=True)

    def _update(self, progress, budget: int | None) -> SemanticRefresh:
        old = self.store()
        report = SemanticRefresh()
        if old is None and self.path.exists():
            report.rebuilt = "the semantic index was damaged"
        elif old is not None and old.meta.get("backend") != self.backend.name:
            report.rebuilt = "the semantic backend changed"
            old = None
        commit = self.words.commit_name()
        sigs = self.words.signatures()
        known = dict(zip(old.ids, old.sigs, strict=True)) if old else {}
        spans = old.spans if old else {}
        # passages per entry: unchanged entries keep their rows, changed ones are re-cut
        cut: dict[str, list[Passage]] = {}
        changed = [eid for eid, sig in sigs.items() if known.get(eid) != sig]
        with self.words.open().searcher() as searcher:
            for eid in changed:
                fields = searcher.document(id=eid)
                cut[eid] = passages(fields) if fields else []
        report.entries = len(changed) + sum(eid not in sigs for eid in known)
        name = self.backend.name
        cache = reusable(old, {text_hash(name, p.text) for ps in cut.values() for p in ps})
        # entry by entry, so that a checkpoint holds whole entries (it keeps no others)
        todo = list(
            dict.fromkeys(
                p.text
                for eid in sorted(cut)
                for p in cut[eid]
                if text_hash(name, p.text) not in cache
            )
        )
        if budget is not None and len(todo) > budget:
            report.pending, report.entries = len(todo), 0
            return report
        report.embedded = len(todo)

        def build(complete: bool) -> None:
            self._write(sorted(sigs), sigs, old, spans, cut, cache, commit if complete else "")

        # checkpoints, so that a killed run keeps what it embedded; spaced so that writing
        # them takes at most a tenth of the time (a large store is slow to write)
        wrote, since = 0.0, time.monotonic()
        for done in self._embed(todo, cache, progress):
            if done < len(todo) and time.monotonic() - since >= CHECKPOINT_SPACING * wrote:
                started = time.monotonic()
                build(complete=False)
                since = time.monotonic()
                wrote = since - started
        build(complete=True)
        return report

    def _embed(self, texts: list[str], cache: dict, progress) -> Iterable[int]:
        """Embed ``texts`` into ``cache``; yields the count done at each checkpoint."""
        name = self.backend.name
        batches = [texts[i : i + BATCH] for i in range(0, len(texts), BATCH)]
        done = since = 0
        for batch, vectors in self._vectors(batches):
            for text, vector in zip(batch, vectors, strict=True):
                cache[text_hash(name, text)] = vector
            done += len(batch)
            since += len(batch)
            if progress:
                progress(done, len(texts))
            if since >= CHECKPOINT:
                since = 0
                yield done
        yield len(texts)

    def _vectors(self, batches: list[list[str]]) -> Iterator[tuple[list[str], np.ndarray]]:
        """(batch, vectors) in order: in worker processes when there is much to do and
        more than one core, else (or when a worker cannot start) in this process."""
        workers = self.settings.workers or min(2, os.cpu_count() or 1)
        done = 0
        if workers > 1 and sum(map(len, batches)) >= POOL_FROM:
            # spawned, not forked: a forked OpenMP runtime can hang
            pool = ProcessPoolExecutor(
                workers, get_context("spawn"), _start_worker, (self.settings,)
            )
            try:
                for batch, vectors in zip(
                    batches, pool.map(_embed_in_worker, batches), strict=False
                ):
                    yield batch, vectors
                    done += 1
            except (BrokenProcessPool, OSError) as e:
                log.info("embedding in this process instead (%s)", e)
            finally:
                pool.shutdown(cancel_futures=True)
        for batch in batches[done:]:
            yield batch, self.backend.passages(batch)

    def _write(self, ids, sigs, old, spans, cut, cache, commit: str) -> None:
        """Write a commit: rows of unchanged entries are copied in runs of slices, the
        rest come from ``cache``; an entry not fully embedded yet waits for the next run.
        The store written becomes this object's store."""
        name, dim = self.backend.name, self.backend.dim
        out = Rows()
        kept_ids, kept_sigs = [], []
        run: list[tuple[int, int]] = []  # consecutive unchanged entries: (number, rows)
        run_start = run_end = 0  # their rows in the old store

        def flush() -> None:
            if run:
                out.old_run(old, run_start, run)
                run.clear()

        for eid in ids:
            n = len(kept_ids)
            if eid in cut:
                rows = [(p, text_hash(name, p.text)) for p in cut[eid]]
                if any(h not in cache for _, h in rows):
                    continue
                flush()
                out.new(n, rows, cache, dim)
            else:
                start, end = spans[eid]
                if run and start != run_end:
                    flush()
                if not run:
                    run_start = start
                run.append((n, end - start))
                run_end = end
            kept_ids.append(eid)
            kept_sigs.append(sigs[eid])
        flush()
        meta = {"format": FORMAT, "backend": name, "commit": commit}
        meta |= {"ids": kept_ids, "sigs": kept_sigs}
        arrays = out.arrays(dim)
        disk = dict(arrays)
        disk["meta"] = np.frombuffer(json.dumps(meta, ensure_ascii=False).encode(), np.uint8)
        fd, tmp = tempfile.mkstemp(".tmp", "semantic.", self.path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                np.savez(f, **disk)
            os.chmod(tmp, 0o666 & ~umask())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        stat = os.stat(self.path)
        self._store = Store(meta, arrays)
        self._seen = (stat.st_ino, stat.st_mtime_ns, stat.st_size)

    def search(
        self, text: str, allowed: set[str] | None = None, limit: int = 50, part: str | None = None
    ) -> list[Match]:
        """Entries closest in meaning to ``text``, best first."""
        store = self.store()
        if store is None or not text.strip():
            return []
        query = self.backend.queries([text])[0]
        return [m for m in store.search(query, allowed, limit, part) if m.score > -1]
