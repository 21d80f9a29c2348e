"""Passage vectors in ``<kb>/.fupan/semantic.npz``, kept in step with the Whoosh index.

A few edits go to ``semantic-delta.npz`` beside it: the rows of the entries changed
since the base was written, which stand in for the base's own. Writing the base anew
is proportional to the whole knowledge base (150 MB at 10,000 entries); a delta, to
what changed. The base is written anew when the delta grows large, or by a run that
embeds much.

The store is derived from the word index (its stored text and its per-entry
signatures), so it never reads entry files itself and never disagrees with it about
which entries exist. Vectors are kept by a hash of the passage text: an edit re-embeds
only the passages that changed, and a run that is killed keeps what it had embedded
(checkpoints are written as it goes; every write is a new file renamed into place).
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import repeat
from multiprocessing import get_context
from pathlib import Path

import numpy as np

from ..errors import IndexBusy
from .embedding import Embedder, Settings
from .embedding import load as load_backend
from .index import SearchIndex
from .locking import file_lock
from .passages import Passage, passages
from .store import (
    FORMAT,
    Match,
    Store,
    assemble,
    merged,
    read_vectors,
    reusable,
    save,
    save_vectors,
    signatures,
    text_hash,
)

log = logging.getLogger(__name__)

BATCH = 32  # passages per call: large enough to amortize, small enough for progress
CHECKPOINT = 256  # passages embedded between two checkpoints (~15 s of work), at least
CHECKPOINT_SPACING = 10  # and at least ten times as long as writing the last one took
POOL_FROM = 96  # passages to embed before a second process pays for its start
DELTA_ROWS = 2_048  # rows a delta may hold, or a twentieth of the base's, if more
DELTA_SHARE = 0.05


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


def _embed_in_worker(texts: list[str], kind: str = "passages") -> np.ndarray:
    assert _worker is not None
    return getattr(_worker, kind)(texts)


def _identity(path: Path) -> tuple[int, int, int]:
    """What tells one version of a file from the next (it is replaced by renaming)."""
    stat = os.stat(path)
    return stat.st_ino, stat.st_mtime_ns, stat.st_size


class SemanticIndex:
    """Opens, refreshes and searches one knowledge base's passage vectors."""

    def __init__(self, words: SearchIndex, backend: Embedder, settings: Settings | None = None):
        self.words = words
        self.backend = backend
        self.settings = settings or Settings()
        self.path = words.kb.state_dir / "semantic.npz"
        self.delta_path = words.kb.state_dir / "semantic-delta.npz"
        self.words_path = words.kb.state_dir / "semantic-words.npz"
        self._read: dict[Path, tuple[tuple[int, int, int], Store | None]] = {}
        self._whole: tuple[tuple, Store] | None = None

    def _file(self, path: Path) -> Store | None:
        """The store in ``path``, or None when there is none (or it cannot be read);
        read again only when the file changed since."""
        try:
            seen = _identity(path)
        except OSError:
            return None
        known = self._read.get(path)
        if known is None or known[0] != seen:
            store = None
            with contextlib.suppress(OSError, ValueError, KeyError):
                store = Store.read(path)
            known = self._read[path] = (seen, store)
        return known[1]

    def _saved(self, path: Path, meta: dict, arrays: dict) -> None:
        save(path, meta, arrays)
        self._read[path] = (_identity(path), Store(meta, arrays))

    def layers(self) -> tuple[Store | None, Store | None]:
        """The base, and the delta when it was written on top of this base."""
        base = self._file(self.path)
        if base is None:
            return None, None
        delta = self._file(self.delta_path)
        stamp = base.meta.get("stamp")
        if delta is not None and (not stamp or delta.meta.get("base") != stamp):
            delta = None
        return base, delta

    def store(self) -> Store | None:
        """Every entry's rows as one store: the base with the delta's entries in place
        (made when asked for: searching does without), or None when there is none."""
        base, delta = self.layers()
        if delta is None:
            return base
        key = (self._read[self.path][0], self._read[self.delta_path][0])
        if self._whole is None or self._whole[0] != key:
            self._whole = (key, merged(base, delta))
        return self._whole[1]

    def is_current(self) -> bool:
        base, delta = self.layers()
        top = delta if delta is not None else base  # a Store of no rows is still one
        return bool(
            top is not None
            and top.meta.get("format") == FORMAT  # an older one is rewritten, not re-embedded
            and top.meta.get("backend") == self.backend.name
            and top.meta.get("commit") == self.words.commit_name()
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
        base, delta = self.layers()
        report = SemanticRefresh()
        if base is None and self.path.exists():
            report.rebuilt = "the semantic index was damaged"
        elif base is not None and base.meta.get("backend") != self.backend.name:
            report.rebuilt = "the semantic backend changed"
            base = delta = None
        commit = self.words.commit_name()
        sigs = self.words.signatures()
        known = signatures(base, delta) if base is not None else {}
        # passages per entry: unchanged entries keep their rows, changed ones are re-cut
        cut: dict[str, list[Passage]] = {}
        changed = [eid for eid, sig in sigs.items() if known.get(eid) != sig]
        removed = [eid for eid in known if eid not in sigs]
        with self.words.open().searcher() as searcher:
            for eid in changed:
                fields = searcher.document(id=eid)
                cut[eid] = passages(fields) if fields else []
        report.entries = len(changed) + len(removed)
        name = self.backend.name
        wanted = {text_hash(name, p.text) for ps in cut.values() for p in ps}
        cache = reusable(base, wanted) | reusable(delta, wanted)
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
        # a few changes go to the delta; the base is written anew when they add up
        on_top = base is not None and base.meta.get("format") == FORMAT and base.meta.get("stamp")
        if on_top and len(todo) <= CHECKPOINT:
            ids = sorted(
                (set(delta.ids if delta is not None else ()) | set(changed)) - set(removed)
            )
            # the delta's entries that did not change now keep its rows
            kept = {e: (delta, *delta.spans[e]) for e in ids if e not in cut}
            rows = sum(len(cut[e]) for e in ids if e in cut)
            rows += sum(end - start for _, start, end in kept.values())
            if rows <= max(DELTA_ROWS, DELTA_SHARE * len(base)):
                for _ in self._embed(todo, cache, progress):
                    pass
                self._write_delta(base, delta, ids, sigs, kept, cut, cache, commit, removed)
                return report
        whole = self.store() if base is not None else None
        rows_of = (
            {e: (whole, *span) for e, span in whole.spans.items()} if whole is not None else {}
        )

        def build(complete: bool) -> None:
            self._write(sorted(sigs), sigs, rows_of, cut, cache, commit if complete else "")

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

    def _vectors(
        self, batches: list[list[str]], kind: str = "passages"
    ) -> Iterator[tuple[list[str], np.ndarray]]:
        """(batch, vectors) in order, embedded as ``kind`` (passages or queries): in
        worker processes when there is much to do and more than one core, else (or when
        a worker cannot start) in this process."""
        workers = self.settings.workers or min(2, os.cpu_count() or 1)
        done = 0
        if workers > 1 and sum(map(len, batches)) >= POOL_FROM:
            # spawned, not forked: a forked OpenMP runtime can hang
            pool = ProcessPoolExecutor(
                workers, get_context("spawn"), _start_worker, (self.settings,)
            )
            try:
                for batch, vectors in zip(
                    batches, pool.map(_embed_in_worker, batches, repeat(kind)), strict=False
                ):
                    yield batch, vectors
                    done += 1
            except (BrokenProcessPool, OSError) as e:
                log.info("embedding in this process instead (%s)", e)
            finally:
                pool.shutdown(cancel_futures=True)
        for batch in batches[done:]:
            yield batch, getattr(self.backend, kind)(batch)

    def word_vectors(
        self, words: list[str], progress: Callable[[int, int], None] | None = None
    ) -> np.ndarray:
        """``words`` embedded as queries, one float32 row each. They are kept in
        ``semantic-words.npz`` by hash, so a site's vocabulary is embedded once and then
        only its new words; the file is only a cache, and a damaged one is made anew."""
        name = self.backend.name
        kept = read_vectors(self.words_path, name)
        hashes = [text_hash(name, w) for w in words]
        new = sorted({w for w, h in zip(words, hashes, strict=True) if h not in kept})
        if new:
            batches = [new[i : i + BATCH] for i in range(0, len(new), BATCH)]
            done = 0
            for batch, vectors in self._vectors(batches, "queries"):
                kept.update((text_hash(name, w), v) for w, v in zip(batch, vectors, strict=True))
                done += len(batch)
                if progress:
                    progress(done, len(new))
            with contextlib.suppress(OSError):  # a read-only folder: embedded again next time
                save_vectors(self.words_path, name, kept)
        if not words:
            return np.zeros((0, self.backend.dim), np.float32)
        return np.array([kept[h] for h in hashes], np.float32)

    def _write(self, ids, sigs, rows_of, cut, cache, commit: str) -> None:
        """Write the base anew (a delta, written on top of the one before, is dropped):
        rows of unchanged entries are copied in runs of slices, the rest come from
        ``cache``; an entry not fully embedded yet waits for the next run."""
        name, dim = self.backend.name, self.backend.dim
        kept_ids, kept_sigs, arrays = assemble(ids, sigs, rows_of, cut, cache, name, dim)
        meta = {"format": FORMAT, "backend": name, "commit": commit, "stamp": secrets.token_hex(8)}
        self._saved(self.path, meta | {"ids": kept_ids, "sigs": kept_sigs}, arrays)
        self.delta_path.unlink(missing_ok=True)

    def _write_delta(self, base, delta, ids, sigs, rows_of, cut, cache, commit, removed):
        """Write the delta anew: the entries changed since the base (those of the delta
        before, from ``rows_of``, and ``cut``), and which of the base's entries they
        replace or remove."""
        name, dim = self.backend.name, self.backend.dim
        kept_ids, kept_sigs, arrays = assemble(ids, sigs, rows_of, cut, cache, name, dim)
        in_base = set(base.ids)
        dead = set(delta.meta["dead"]) if delta is not None else set()
        dead |= {e for e in (*cut, *removed) if e in in_base}
        meta = {"format": FORMAT, "backend": name, "commit": commit, "base": base.meta["stamp"]}
        meta |= {"dead": sorted(dead), "ids": kept_ids, "sigs": kept_sigs}
        self._saved(self.delta_path, meta, arrays)

    def query(self, text: str) -> Future[np.ndarray]:
        """``text``'s vector, embedded in a thread of its own: the encoder runs outside
        Python's lock, so the words' ranking goes on meanwhile on the other core. (A
        thread a query, not a pool: a pool's thread would not survive a fork.)"""
        future: Future[np.ndarray] = Future()

        def run() -> None:
            try:
                future.set_result(self.backend.queries([text])[0])
            except BaseException as e:  # raised again where the vector is wanted
                future.set_exception(e)

        threading.Thread(target=run, name="fupan-query", daemon=True).start()
        return future

    def search(
        self,
        text: str,
        allowed: set[str] | None = None,
        limit: int = 50,
        part: str | None = None,
        query: Future[np.ndarray] | None = None,
    ) -> list[Match]:
        """Entries closest in meaning to ``text`` (its vector ``query``, when already
        asked for), best first."""
        base, delta = self.layers()
        if base is None or not text.strip():
            return []
        query_vector = (query or self.query(text)).result()
        if delta is None:
            found = base.search(query_vector, allowed, limit, part)
        else:  # the two layers apart: merging them would copy the whole base
            dead = frozenset(delta.meta["dead"])
            found = base.search(query_vector, allowed, limit, part, dead)
            found += delta.search(query_vector, allowed, limit, part)
            found.sort(key=lambda m: -m.score)
        return [m for m in found[:limit] if m.score > -1]
