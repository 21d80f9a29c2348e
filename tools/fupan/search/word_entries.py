"""The entries each word is closest to in meaning, for a search that has no encoder.

The site's search box runs in the browser, where the encoder cannot: it cannot embed a
query. But a query's vector is close to the mean of its words' vectors, and a cosine
with a mean is the mean of the cosines, so a query's meaning is approximated by adding
up, for each of its words, how close each entry is to that word. This module makes
that table when the site is built: for every word of the vocabulary, the entries
whose best passage is closest to it, scored above the word's typical closeness (its
median over all entries: short words are close to everything a little).

On the labelled sets (bench/README.md) this lifted the search box's recall@10 from
0.79 to 0.84 and from 0.74 to 0.86; the query's own vector would give 0.88 and 0.87.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

import numpy as np

from .semantic import SemanticIndex
from .store import PART_CODES

TOP = 30  # entries kept per word: a query adds up a few words' lists
WORDS_AT_ONCE = 128  # words multiplied with every passage at once (rows x 128 floats)

Progress = Callable[[int, int], None]
# entry id, score, the part of its closest passage and that passage's place among the
# entry's (as passages.passages cuts it), which a result found by meaning shows
Near = tuple[str, float, str, int]


def nearest_entries(
    meaning: SemanticIndex,
    vocabulary: Collection[str],
    allowed: Collection[str],
    top: int = TOP,
    progress: Progress | None = None,
) -> dict[str, list[Near]]:
    """word -> [(entry id, score, part, passage)], best first, for the ``allowed``
    entries only (the published ones: the table is shipped with the site). Score: the
    cosine of the entry's passage closest to the word, less the word's median over the
    entries; only entries above it are kept. Part: that passage's
    (``store.PART_CODES``); passage: its number among the entry's."""
    store = meaning.store()
    if store is None or not vocabulary or not len(store):
        return {}
    wanted = set(allowed)
    numbers = [i for i, eid in enumerate(store.ids) if eid in wanted]
    rows = np.flatnonzero(np.isin(store.entry, numbers))
    if not len(rows):
        return {}
    # rows are grouped by entry: each group's first row, for a maximum per entry
    owners = store.entry[rows]
    starts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
    ends = np.r_[starts[1:], len(rows)]
    parts = store.part[rows]
    ids = [store.ids[n] for n in owners[starts]]
    words = sorted(vocabulary)
    vectors = meaning.word_vectors(words, progress)
    keep = min(top, len(ids))
    out: dict[str, list[Near]] = {}
    for low in range(0, len(words), WORDS_AT_ONCE):
        sims = store.dot(vectors[low : low + WORDS_AT_ONCE].T, rows)  # rows x words
        best = np.maximum.reduceat(sims, starts, axis=0)  # entries x words
        median = np.median(best, axis=0)
        first = np.argpartition(-best, keep - 1, axis=0)[:keep]
        for j, word in enumerate(words[low : low + WORDS_AT_ONCE]):
            picked = first[:, j]
            picked = picked[best[picked, j] > median[j]]
            picked = picked[np.argsort(-best[picked, j], kind="stable")]
            if len(picked):
                closest = _closest(sims[:, j], starts[picked], ends[picked])
                scores = best[picked, j] - median[j]
                out[word] = [
                    (ids[i], float(x), PART_CODES[parts[r]], int(r - starts[i]))
                    for i, x, r in zip(picked, scores, closest, strict=True)
                ]
    return out


def _closest(sims: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """The closest of each entry's rows ``[start, end)``: found for the few entries
    kept, rather than for every entry (which doubled the table's time)."""
    return np.array([s + int(np.argmax(sims[s:e])) for s, e in zip(starts, ends, strict=True)])
