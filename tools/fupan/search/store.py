"""The meaning index on disk: one ``.npz`` file per commit, and the rows it holds.

Rows (passages) are grouped by entry in id order; each has its vector, its entry's
number, the part it is from, a hash of its text (so that an edit re-embeds only new
text) and the text itself, stored as one blob with offsets. A vector is kept as 8-bit
codes and one scale (its largest component / 127): a quarter of float32's bytes to
read, hold and rewrite, for cosines within ~0.003 of the exact ones.

The site's words are kept the same way in a file of their own, a cache by text hash
(``read_vectors``, ``save_vectors``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import threading
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

FORMAT = 3
PART_CODES = ("title", "summary", "reflection", "improvement")
CHUNK = 2_048  # rows converted and multiplied at once: their float32 copy stays in cache
SPLIT_FROM = 32_768  # rows from which a product is worth a second thread


@dataclass
class Match:
    """An entry found by meaning, with the passage closest to the query."""

    id: str
    score: float
    part: str
    passage: str
    own: str = ""  # for similar entries: the passage of the entry compared with


class Store:
    """What one commit of the semantic index holds, ready to search."""

    def __init__(self, meta: dict, arrays: dict[str, np.ndarray]):
        self.meta = meta
        self.codes = arrays["codes"]  # int8, rows x dim
        self.scale = arrays["scale"]  # float32, one per row
        self.entry = arrays["entry"]  # row -> index into ids; rows grouped by entry
        self.part = arrays["part"]
        self.hash = arrays["hash"]
        self.offsets = arrays["offsets"]
        self._text = arrays["text"]  # uint8; mapped from the file, copied a slice at a time
        self.ids: list[str] = meta["ids"]
        self.sigs: list[str] = meta["sigs"]
        self._part_rows: dict[tuple[str, ...], np.ndarray] = {}

    @classmethod
    def read(cls, path: Path) -> Store:
        try:
            arrays = _mapped(path)
        except zipfile.BadZipFile as e:  # damaged: the caller makes it anew
            raise ValueError(str(e)) from e
        meta = _meta(arrays.pop("meta"))
        if meta.get("format") == 2:  # float32 vectors: packed, rather than embedded again
            arrays["codes"], arrays["scale"] = pack(arrays.pop("vectors").astype(np.float32))
        elif meta.get("format") != FORMAT:
            raise ValueError("format")
        return cls(meta, arrays)

    def __len__(self) -> int:
        return len(self.codes)

    def __bool__(self) -> bool:
        """A store of no rows (its entries have no text, or a delta only removes) is
        still a store: ``if store`` must not read as ``if store is not None``."""
        return True

    def vectors(self, rows: np.ndarray | slice = slice(None)) -> np.ndarray:
        """The rows' vectors as float32."""
        return unpack(self.codes[rows], self.scale[rows])

    def dot(self, other: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
        """``vectors @ other`` (of ``rows`` only, when given), a chunk of rows at a time:
        the float32 copy of the codes and a product with many columns (an entry's
        passages) stay small."""
        count = len(self) if rows is None else len(rows)
        out = np.empty((count, *other.shape[1:]), dtype=np.float32)
        # numpy works outside Python's lock: a large store is multiplied in two halves at
        # once on two cores (threads of their own, as a pool's would not survive a fork);
        # a matrix too: an entry's neighbours at 10,000 entries took 53 ms, now 30
        halves = 2 if count >= SPLIT_FROM and (os.cpu_count() or 1) > 1 else 1
        middle = count // halves // CHUNK * CHUNK
        bounds = [(0, middle), (middle, count)] if halves == 2 else [(0, count)]
        threads = [
            threading.Thread(target=self._dot_rows, args=(other, out, rows, lo, hi))
            for lo, hi in bounds
        ]
        for t in threads[1:]:
            t.start()
        self._dot_rows(other, out, rows, *bounds[0])
        for t in threads[1:]:
            t.join()
        return out

    def _dot_rows(self, other, out: np.ndarray, rows: np.ndarray | None, low: int, high: int):
        buffer = np.empty((min(CHUNK, high - low), self.codes.shape[1]), dtype=np.float32)
        for start in range(low, high, CHUNK):
            end = min(start + CHUNK, high)
            picked = slice(start, end) if rows is None else rows[start:end]
            codes, n = self.codes[picked], end - start
            np.copyto(buffer[:n], codes, casting="unsafe")
            product = buffer[:n] @ other
            scale = self.scale[picked]
            out[start:end] = product * (scale[:, None] if product.ndim == 2 else scale)

    def blob(self, start: int, end: int) -> bytes:
        """The texts of rows [start, end), joined as stored."""
        return self._text[self.offsets[start] : self.offsets[end]].tobytes()

    def text_bytes(self, row: int) -> bytes:
        return self.blob(row, row + 1)

    def text(self, row: int) -> str:
        return self.text_bytes(row).decode("utf-8")

    @cached_property
    def spans(self) -> dict[str, tuple[int, int]]:
        """Entry id -> its rows [start, end): computed once, asked once per entry when a
        site lists every entry's similar ones."""
        starts = np.searchsorted(self.entry, np.arange(len(self.ids)))
        ends = np.append(starts[1:], len(self.entry))[: len(starts)]
        return {eid: (int(s), int(e)) for eid, s, e in zip(self.ids, starts, ends, strict=True)}

    def search(
        self,
        query: np.ndarray,
        allowed: set[str] | None,
        limit: int,
        part: str | None = None,
        excluded: frozenset[str] = frozenset(),
    ) -> list[Match]:
        """Entries by their best passage's cosine similarity to ``query`` (in ``part``),
        leaving out ``excluded`` ones."""
        if not len(self):
            return []
        sims = self.dot(query)
        if part:
            sims = np.where(self.part == PART_CODES.index(part), sims, -2.0)
        out, seen = [], set()
        for row in best_first(sims, limit):
            eid = self.ids[self.entry[row]]
            if eid in seen or eid in excluded or (allowed is not None and eid not in allowed):
                continue
            seen.add(eid)
            out.append(Match(eid, float(sims[row]), PART_CODES[self.part[row]], self.text(row)))
            if len(out) >= limit:
                break
        return out

    @staticmethod
    def _codes_of(parts: tuple[str, ...]) -> list[int]:
        return [PART_CODES.index(p) for p in parts]

    def _rows_of(self, parts: tuple[str, ...]) -> np.ndarray | None:
        """The rows of ``parts`` (None: all), found once per store: a site asks for
        every entry's neighbours."""
        if not parts:
            return None
        if parts not in self._part_rows:
            self._part_rows[parts] = np.flatnonzero(np.isin(self.part, self._codes_of(parts)))
        return self._part_rows[parts]

    def neighbours(
        self, eid: str, limit: int, keep: Callable[[str], bool], parts: tuple[str, ...] = ()
    ) -> list[Match]:
        """Entries whose passages (of ``parts``, all when empty) are closest to one of
        ``eid``'s passages of the same parts."""
        span = self.spans.get(eid)
        if not span or span[0] == span[1]:
            return []
        rows = self._rows_of(parts)  # the passages compared: of the same parts
        own_rows = np.arange(*span)
        if rows is not None:
            own_rows = own_rows[np.isin(self.part[own_rows], self._codes_of(parts))]
        if not len(own_rows):
            return []
        sims = self.dot(self.vectors(own_rows).T, rows)  # those rows x own passages
        best_own = sims.argmax(axis=1)
        best = sims.max(axis=1)
        out, seen = [], {eid}
        for i in best_first(best, limit):
            row = int(rows[i]) if rows is not None else i
            other = self.ids[self.entry[row]]
            if other in seen or not keep(other):
                continue
            seen.add(other)
            own_row = int(own_rows[best_own[i]])
            part = PART_CODES[self.part[row]]
            out.append(Match(other, float(best[i]), part, self.text(row), self.text(own_row)))
            if len(out) >= limit:
                break
        return out


HEADER_READERS = {
    (1, 0): np.lib.format.read_array_header_1_0,
    (2, 0): np.lib.format.read_array_header_2_0,
}


def _mapped(path: Path) -> dict[str, np.ndarray]:
    """The arrays of an ``.npz`` written by ``np.savez`` (stored, not compressed),
    mapped from the file rather than read: a search at 10,000 entries would otherwise
    copy and checksum 150 MB before its first product. A file that is not laid out so
    is read the ordinary way. A store written meanwhile replaces the file by renaming,
    so what is mapped stays as it was."""
    arrays: dict[str, np.ndarray] = {}
    with zipfile.ZipFile(path) as z, open(path, "rb") as f:
        for info in z.infolist():
            name = info.filename.removesuffix(".npy")
            if info.compress_type != zipfile.ZIP_STORED:
                arrays[name] = np.load(z.open(info), allow_pickle=False)
                continue
            f.seek(info.header_offset)
            local = f.read(30)
            start = info.header_offset + 30 + int.from_bytes(local[26:28], "little")
            start += int.from_bytes(local[28:30], "little")
            f.seek(start)
            version = np.lib.format.read_magic(f)
            header = HEADER_READERS.get(version)
            shape, fortran, dtype = header(f) if header else ((0,), False, np.dtype("O"))
            if dtype.hasobject or not np.prod(shape):
                f.seek(start)
                arrays[name] = np.lib.format.read_array(f, allow_pickle=False)
                continue
            arrays[name] = np.memmap(
                path, dtype, "r", f.tell(), shape, order="F" if fortran else "C"
            )
    return arrays


def best_first(scores: np.ndarray, wanted: int) -> Iterator[int]:
    """Row numbers by falling score, sorting only as many as are asked for: the first
    few hundred of 200,000 rows, then more while the caller keeps asking (its entries
    may each have several of the best rows, or be filtered out)."""
    done, k = 0, max(8 * wanted, 256)
    while done < len(scores):
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(k)
        top = top[np.lexsort((top, -scores[top]))]
        yield from (int(row) for row in top[done:])
        done, k = k, 4 * k


class Rows:
    """The arrays of a store being written, gathered as runs of old rows and new rows."""

    def __init__(self) -> None:
        self.codes: list[np.ndarray] = []
        self.scale: list[np.ndarray] = []
        self.entry: list[np.ndarray] = []
        self.part: list[np.ndarray] = []
        self.hash: list[np.ndarray] = []
        self.text: list[bytes] = []
        self.lengths: list[np.ndarray] = []

    def old_run(self, old: Store, start: int, entries: list[tuple[int, int]]) -> None:
        """Consecutive unchanged entries, (new number, rows) each, from old row ``start``."""
        counts = [c for _, c in entries]
        end = start + sum(counts)
        self.codes.append(old.codes[start:end])
        self.scale.append(old.scale[start:end])
        self.part.append(old.part[start:end])
        self.hash.append(old.hash[start:end])
        self.entry.append(np.repeat(np.asarray([n for n, _ in entries], np.int32), counts))
        self.text.append(old.blob(start, end))
        self.lengths.append(np.diff(old.offsets[start : end + 1]))

    def new(self, n: int, rows: list, cache: dict, dim: int) -> None:
        texts = [p.text.encode("utf-8") for p, _ in rows]
        codes, scale = pack(np.asarray([cache[h] for _, h in rows], np.float32).reshape(-1, dim))
        self.codes.append(codes)
        self.scale.append(scale)
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
            "codes": joined(self.codes, np.int8, (-1, dim)),
            "scale": joined(self.scale, np.float32),
            "entry": joined(self.entry, np.int32),
            "part": joined(self.part, np.int8),
            "hash": joined(self.hash, "S16"),
            "offsets": offsets,
            "text": np.frombuffer(b"".join(self.text), dtype=np.uint8),
        }


def assemble(
    ids: list[str],
    sigs: dict[str, str],
    rows_of: dict[str, tuple[Store, int, int]],
    cut: dict[str, list],
    cache: dict[bytes, np.ndarray],
    backend: str,
    dim: int,
) -> tuple[list[str], list[str], dict[str, np.ndarray]]:
    """The arrays of a store of ``ids``: an entry of ``cut`` from its passages' vectors
    in ``cache`` (left out, to wait for the next run, while any is missing), any other
    from its rows in an older store (``rows_of``: store, first row, end), copied in runs
    of consecutive rows. Returns the ids and signatures kept, and the arrays."""
    out = Rows()
    kept_ids: list[str] = []
    kept_sigs: list[str] = []
    run: list[tuple[int, int]] = []  # consecutive unchanged entries: (number, rows)
    source: Store | None = None
    run_start = run_end = 0  # their rows in ``source``

    def flush() -> None:
        if run:
            assert source is not None
            out.old_run(source, run_start, run)
            run.clear()

    for eid in ids:
        n = len(kept_ids)
        if eid in cut:
            rows = [(p, text_hash(backend, p.text)) for p in cut[eid]]
            if any(h not in cache for _, h in rows):
                continue
            flush()
            out.new(n, rows, cache, dim)
        else:
            store, start, end = rows_of[eid]
            if run and (store is not source or start != run_end):
                flush()
            if not run:
                source, run_start = store, start
            run.append((n, end - start))
            run_end = end
        kept_ids.append(eid)
        kept_sigs.append(sigs[eid])
    flush()
    return kept_ids, kept_sigs, out.arrays(dim)


def signatures(base: Store, delta: Store | None) -> dict[str, str]:
    """Entry id -> signature of what the base and its delta hold together."""
    sigs = dict(zip(base.ids, base.sigs, strict=True))
    if delta is not None:
        for eid in delta.meta["dead"]:
            sigs.pop(eid, None)
        sigs |= dict(zip(delta.ids, delta.sigs, strict=True))
    return sigs


def merged(base: Store, delta: Store) -> Store:
    """One store of a base and its delta: the delta's entries in place of the base's."""
    dead = set(delta.meta["dead"])
    rows_of = {eid: (base, *span) for eid, span in base.spans.items() if eid not in dead}
    rows_of |= {eid: (delta, *span) for eid, span in delta.spans.items()}
    backend, dim = delta.meta["backend"], base.codes.shape[1]
    ids, sigs, arrays = assemble(
        sorted(rows_of), signatures(base, delta), rows_of, {}, {}, backend, dim
    )
    meta = {k: v for k, v in delta.meta.items() if k not in ("base", "dead")}
    return Store(meta | {"ids": ids, "sigs": sigs}, arrays)


def _meta(array: np.ndarray) -> dict:
    return json.loads(array.tobytes().decode("utf-8"))


def read_vectors(path: Path, backend: str) -> dict[bytes, np.ndarray]:
    """The vectors kept by ``save_vectors`` (text hash -> float32 vector), or none when
    the file is missing, damaged or of another backend: it is only a cache."""
    try:
        arrays = _mapped(path)
        if _meta(arrays["meta"]).get("backend") != backend:
            return {}
        vectors = unpack(arrays["codes"], arrays["scale"])
        # hashes as bytes, not "S16", which would drop their trailing zero bytes
        return {h.tobytes(): v for h, v in zip(arrays["hash"], vectors, strict=True)}
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        return {}


def save_vectors(path: Path, backend: str, vectors: dict[bytes, np.ndarray]) -> None:
    """Keep ``vectors`` by text hash, as 8-bit codes like the store's rows."""
    codes, scale = pack(np.array(list(vectors.values()), np.float32))
    table = np.frombuffer(b"".join(vectors), np.uint8).reshape(-1, 16)
    save(path, {"backend": backend}, {"hash": table, "codes": codes, "scale": scale})


def save(path: Path, meta: dict, arrays: dict[str, np.ndarray]) -> None:
    """Write a store as a new file renamed into place: a reader sees the old one or the
    new one, and a killed write leaves a ``semantic.*.tmp`` to clear away."""
    disk = dict(arrays)
    disk["meta"] = np.frombuffer(json.dumps(meta, ensure_ascii=False).encode(), np.uint8)
    fd, tmp = tempfile.mkstemp(".tmp", "semantic.", path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            np.savez(f, **disk)
        os.chmod(tmp, 0o666 & ~umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def reusable(old: Store | None, wanted: set[bytes]) -> dict[bytes, np.ndarray]:
    """The old store's vectors of the passages ``wanted`` (by hash): an edit re-embeds
    only text that is new, and only those rows are looked at."""
    if old is None or not wanted:
        return {}
    rows = np.flatnonzero(np.isin(old.hash, np.array(sorted(wanted), dtype="S16")))
    # an "S16" value drops its trailing zero bytes: padded back to the hash it was
    vectors = old.vectors(rows)
    return {bytes(old.hash[i]).ljust(16, b"\0"): v for i, v in zip(rows, vectors, strict=True)}


def pack(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """float32 rows -> (int8 codes, scale per row); unpacking and packing again gives
    the same codes, so a reused vector is stored as it was."""
    peak = np.abs(vectors).max(axis=1) if len(vectors) else np.zeros(0, np.float32)
    scale = np.where(peak > 0, peak / 127, 1).astype(np.float32)
    codes = np.rint(vectors / scale[:, None]).clip(-127, 127).astype(np.int8)
    return codes, scale


def unpack(codes: np.ndarray, scale: np.ndarray) -> np.ndarray:
    return codes.astype(np.float32) * np.asarray(scale, np.float32)[..., None]


def text_hash(backend: str, text: str) -> bytes:
    return hashlib.blake2b(f"{backend}\n{text}".encode(), digest_size=16).digest()


def umask() -> int:
    """The process's umask (only readable by setting it), so files others share open."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
