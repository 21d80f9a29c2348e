"""Passage vectors in ``<kb>/.fupan/semantic.npz``, kept in step with the Whoosh index.

The store is derived from the word index (its stored text and its per-entry
signatures), so it never reads entry files itself and never disagrees with it about
which entries exist. Vectors are kept by a hash of the passage text: an edit re-embeds
only the passages that changed, and a run that is killed keeps what it had embedded
(checkpoints are written as it goes; every write is a new file renamed into place).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

import numpy as np

from ..errors import IndexBusy
from .embedding import Embedder, Settings
from .embedding import load as load_backend
from .index import SearchIndex
from .locking import file_lock
from .passages import Passage, passages

log = logging.getLogger(__name__)

FORMAT = 2
PART_CODES = ("title", "summary", "reflection", "improvement")
CHUNK = 16_384  # rows multiplied at once: bounds the float32 copy a product needs
BATCH = 32  # passages per call: large enough to amortize, small enough for progress
CHECKPOINT = 256  # passages embedded between two checkpoints (~15 s of work), at least
CHECKPOINT_SPACING = 10  # and at least ten times as long as writing the last one took
POOL_FROM = 96  # passages to embed before a second process pays for its start


@dataclass
class Match:
    """An entry found by meaning, with the passage closest to the query."""

    id: str
    score: float
    part: str
    passage: str
    own: str = ""  # for similar entries: the passage of the entry compared with


@dataclass
class SemanticRefresh:
    embedded: int = 0  # passages newly embedded
    entries: int = 0  # entries whose passages changed
    rebuilt: str = ""
    pending: int = 0  # passages left for `fupan index`: more than a search embeds
    busy: bool = False  # another process is writing: the store answered as it was


class Store:
    """What one commit of the semantic index holds, ready to search."""

    def __init__(self, meta: dict, arrays: dict[str, np.ndarray]):
        self.meta = meta
        # float32 on disk as in memory: a new process reads them and multiplies at once
        # (float16 halved the file but its conversion cost a cold search more)
        self.vectors = arrays["vectors"].astype(np.float32, copy=False)
        self.entry = arrays["entry"]  # row -> index into ids; rows grouped by entry
        self.part = arrays["part"]
        self.hash = arrays["hash"]
        self.offsets = arrays["offsets"]
        self._text = arrays["text"].tobytes()
        self.ids: list[str] = meta["ids"]
        self.sigs: list[str] = meta["sigs"]

    @classmethod
    def read(cls, path: Path) -> Store:
        with np.load(path, allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
        meta = json.loads(arrays.pop("meta").tobytes().decode("utf-8"))
        if meta.get("format") != FORMAT:
            raise ValueError("format")
        return cls(meta, arrays)

    def dot(self, other: np.ndarray) -> np.ndarray:
        """``vectors @ other``, a chunk of rows at a time: a product with many columns
        (an entry's passages) stays small."""
        out = np.empty((len(self.vectors), *other.shape[1:]), dtype=np.float32)
        for start in range(0, len(self.vectors), CHUNK):
            out[start : start + CHUNK] = self.vectors[start : start + CHUNK] @ other
        return out

    def blob(self, start: int, end: int) -> bytes:
        """The texts of rows [start, end), joined as stored."""
        return self._text[self.offsets[start] : self.offsets[end]]

    def text_bytes(self, row: int) -> bytes:
        return self.blob(row, row + 1)

    def text(self, row: int) -> str:
        return self.text_bytes(row).decode("utf-8")

    def rows_by_entry(self) -> dict[str, tuple[int, int]]:
        starts = np.searchsorted(self.entry, np.arange(len(self.ids)))
        ends = np.append(starts[1:], len(self.entry))
        return {eid: (int(s), int(e)) for eid, s, e in zip(self.ids, starts, ends, strict=True)}

    def search(
        self, query: np.ndarray, allowed: set[str] | None, limit: int, part: str | None = None
    ) -> list[Match]:
        """Entries by their best passage's cosine similarity to ``query`` (in ``part``)."""
        if not len(self.vectors):
            return []
        sims = self.dot(query)
        if part:
            sims = np.where(self.part == PART_CODES.index(part), sims, -2.0)
        order = np.argsort(-sims)
        out, seen = [], set()
        for row in order:
            eid = self.ids[self.entry[row]]
            if eid in seen or (allowed is not None and eid not in allowed):
                continue
            seen.add(eid)
            out.append(Match(eid, float(sims[row]), PART_CODES[self.part[row]], self.text(row)))
            if len(out) >= limit:
                break
        return out

    def neighbours(
        self, eid: str, limit: int, keep: Callable[[str], bool], parts: tuple[str, ...] = ()
    ) -> list[Match]:
        """Entries whose passages (of ``parts``, all when empty) are closest to one of
        ``eid``'s passages of the same parts."""
        span = self.rows_by_entry().get(eid)
        if not span or span[0] == span[1]:
            return []
        wanted = np.isin(self.part, [PART_CODES.index(p) for p in parts]) if parts else None
        own_rows = np.arange(*span)
        if wanted is not None:
            own_rows = own_rows[wanted[own_rows]]
        if not len(own_rows):
            return []
        sims = self.dot(self.vectors[own_rows].T)  # rows x own passages
        best_own = sims.argmax(axis=1)
        best = sims.max(axis=1)
        if wanted is not None:
            best = np.where(wanted, best, -2.0)
        out, seen = [], {eid}
        for row in np.argsort(-best):
            if best[row] < -1:
                break
            other = self.ids[self.entry[row]]
            if other in seen or not keep(other):
                continue
            seen.add(other)
            own_row = int(own_rows[best_own[row]])
            part = PART_CODES[self.part[row]]
            out.append(Match(other, float(best[row]), part, self.text(row), self.text(own_row)))
            if len(out) >= limit:
                break
        return out


class _Rows:
    """The arrays of a store being written, gathered as runs of old rows and new rows."""

    def __init__(self) -> None:
        self.vectors: list[np.ndarray] = []
        self.entry: list[np.ndarray] = []
        self.part: list[np.ndarray] = []
        self.hash: list[np.ndarray] = []
        self.text: list[bytes] = []
        self.lengths: list[np.ndarray] = []

    def old_run(self, old: Store, start: int, entries: list[tuple[int, int]]) -> None:
        """Consecutive unchanged entries, (new number, rows) each, from old row ``start``."""
        counts = [c for _, c in entries]
        end = start + sum(counts)
        self.vectors.append(old.vectors[start:end])
        self.part.append(old.part[start:end])
        self.hash.append(old.hash[start:end])
        self.entry.append(np.repeat(np.asarray([n for n, _ in entries], np.int32), counts))
        self.text.append(old.blob(start, end))
        self.lengths.append(np.diff(old.offsets[start : end + 1]))

    def new(self, n: int, rows: list, cache: dict, dim: int) -> None:
        texts = [p.text.encode("utf-8") for p, _ in rows]
        self.vectors.append(np.asarray([cache[h] for _, h in rows], np.float32).reshape(-1, dim))
        self.part.append(np.asarray([PART_CODES.index(p.part) for p, _ in rows], np.int8))
        self.hash.append(np.asarray([h for _, h in rows], dtype="S16"))
        self.entry.append(np.full(len(rows), n, dtype=np.int32))
        self.text.append(b"".join(texts))
        self.lengths.append(np.asarray([len(t) for t in texts], np.int64))

    def arrays(self, dim: int) -> dict[str, np.ndarray]:
        def joined(parts: list, dtype, shape=(-1,)) -> np.ndarray:
            if not parts:
                return np.zeros((0, *shape[1:]), dtype=dtype)
            return np.concatenate(parts).astype(dtype, copy=False).reshape(shape)

        lengths = joined(self.lengths, np.int64)
        offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        return {
            "vectors": joined(self.vectors, np.float32, (-1, dim)),
            "entry": joined(self.entry, np.int32),
            "part": joined(self.part, np.int8),
            "hash": joined(self.hash, "S16"),
            "offsets": offsets,
            "text": np.frombuffer(b"".join(self.text), dtype=np.uint8),
        }


def _reusable(old: Store | None, wanted: set[bytes]) -> dict[bytes, np.ndarray]:
    """The old store's vectors of the passages ``wanted`` (by hash): an edit re-embeds
    only text that is new, and only those rows are looked at."""
    if old is None or not wanted:
        return {}
    rows = np.flatnonzero(np.isin(old.hash, np.array(sorted(wanted), dtype="S16")))
    return {bytes(old.hash[i]): old.vectors[i] for i in rows}


def _umask() -> int:
    """The process's umask (only readable by setting it), so files others share open."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _hash(backend: str, text: str) -> bytes:
    return hashlib.blake2b(f"{backend}\n{text}".encode(), digest_size=16).digest()


_worker: Embedder | None = None


def _start_worker(settings: Settings) -> None:
    global _worker
    os.environ["OMP_NUM_THREADS"] = "1"
    _worker = load_backend(settings)[0]


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
            with file_lock(self.path.with_suffix(".lock"), timeout, "the semantic index"):
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
        spans = old.rows_by_entry() if old else {}
        # passages per entry: unchanged entries keep their rows, changed ones are re-cut
        cut: dict[str, list[Passage]] = {}
        changed = [eid for eid, sig in sigs.items() if known.get(eid) != sig]
        with self.words.open().searcher() as searcher:
            for eid in changed:
                fields = searcher.document(id=eid)
                cut[eid] = passages(fields) if fields else []
        report.entries = len(changed) + sum(eid not in sigs for eid in known)
        name = self.backend.name
        cache = _reusable(old, {_hash(name, p.text) for ps in cut.values() for p in ps})
        # entry by entry, so that a checkpoint holds whole entries (it keeps no others)
        todo = list(
            dict.fromkeys(
                p.text for eid in sorted(cut) for p in cut[eid] if _hash(name, p.text) not in cache
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
                cache[_hash(name, text)] = vector
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
        out = _Rows()
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
                rows = [(p, _hash(name, p.text)) for p in cut[eid]]
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
            os.chmod(tmp, 0o666 & ~_umask())
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
