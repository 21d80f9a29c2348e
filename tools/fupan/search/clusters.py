"""Problems that recur in other words: reflection passages of different units or years
that say the same thing, grouped by meaning.

Word pairs shared by reflections (the old way) found 包人员培训 and 职工自己; passages
whose vectors are nearly the same name a problem in a sentence someone wrote. Each
group is led by the passage with the most close neighbours (leader clustering): it
is the group's representative sentence, and every member is close to it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .store import PART_CODES, Store

SAME = 0.94  # cosine at which two passages of multilingual-e5-small say the same thing
MIN_CHARS = 15  # shorter passages are headings like 仍然存在的问题：
MAX_NEIGHBOURS = 64  # per passage: bounds the work on large knowledge bases
BLOCK = 512  # rows compared at once, in each of two threads: bounds memory


HEADLINE = 60  # characters of the representative sentence


def headline(passage: str) -> str:
    """The first sentence of a passage (where reviews state the problem), kept short."""
    m = re.match(r"\s*(?:\d+[.、]\s*)?(.+?[。！？；：:!?;])", passage)
    text = (m.group(1) if m else passage).rstrip("。；：:;")
    return text if len(text) <= HEADLINE else text[: HEADLINE - 1] + "…"


@dataclass
class Cluster:
    sentence: str  # the representative sentence: the lead passage's first
    ids: list[str]  # entries, each once, the representative's first
    passages: dict[str, str]  # entry id -> its passage in the group


def clusters(
    store: Store, describe: Callable[[str], tuple[str, int] | None], same: float = SAME
) -> list[Cluster]:
    """Groups of reflection passages from at least two units or two years.

    ``describe(id)`` gives an entry's (unit, year), or None to leave it out (e.g. an
    unpublished entry on the site)."""
    code = PART_CODES.index("reflection")
    meta = {eid: describe(eid) for eid in store.ids}
    rows = [
        r
        for r in np.flatnonzero(store.part == code)
        if meta[store.ids[store.entry[r]]] is not None and len(store.text(int(r))) >= MIN_CHARS
    ]
    if len(rows) < 2:
        return []
    vectors = store.vectors(np.asarray(rows))
    owner = [store.ids[store.entry[r]] for r in rows]
    neighbours = _neighbours(vectors, owner, meta, same)
    taken: set[int] = set()
    out = []
    for lead in sorted(range(len(rows)), key=lambda i: (-len(neighbours[i]), i)):
        if lead in taken:
            continue
        members = [lead] + [j for j in neighbours[lead] if j not in taken]
        by_entry: dict[str, int] = {}
        for j in members:
            by_entry.setdefault(owner[j], j)
        units = {meta[e][0] for e in by_entry}
        years = {meta[e][1] for e in by_entry}
        if len(by_entry) < 2 or (len(units) < 2 and len(years) < 2):
            continue
        taken.update(members)
        out.append(
            Cluster(
                headline(store.text(int(rows[lead]))),
                list(by_entry),
                {e: store.text(int(rows[j])) for e, j in by_entry.items()},
            )
        )
    return out


def _neighbours(vectors: np.ndarray, owner: list[str], meta: dict, same: float) -> list[list[int]]:
    """For each passage, the close passages of other entries of another unit or year.

    Each pair of passages is compared once (a block of rows against itself and the rows
    after it: half the products of all against all), two blocks at a time on two cores;
    numpy works outside Python's lock."""
    n = len(vectors)
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []

    def pairs(start: int) -> None:
        sims = vectors[start : start + BLOCK] @ vectors[start:].T
        r, c = np.nonzero(sims >= same)
        later = c > r  # each pair once; not a passage with itself
        r, c = r[later], c[later]
        found.append((r + start, c + start, sims[r, c]))

    starts = list(range(0, n, BLOCK))
    for i in range(0, len(starts), 2):
        threads = [threading.Thread(target=pairs, args=(s,)) for s in starts[i + 1 : i + 2]]
        for t in threads:
            t.start()
        pairs(starts[i])
        for t in threads:
            t.join()
    if not found:
        return [[] for _ in range(n)]
    r, c, sim = (np.concatenate(parts) for parts in zip(*found, strict=True))
    src, dst, sim = np.concatenate([r, c]), np.concatenate([c, r]), np.concatenate([sim, sim])
    order = np.lexsort((dst, -sim, src))  # by passage, then closest first
    src, dst = src[order], dst[order]
    bounds = np.searchsorted(src, np.arange(n + 1))
    out = []
    for i in range(n):
        close = dst[bounds[i] : bounds[i + 1]][:MAX_NEIGHBOURS]
        out.append(
            [int(j) for j in close if owner[j] != owner[i] and meta[owner[j]] != meta[owner[i]]]
        )
    return out
