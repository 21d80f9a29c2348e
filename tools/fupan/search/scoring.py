"""Rank a Whoosh query with numpy: Whoosh's own BM25F scores, computed a posting block
at a time instead of a posting at a time.

Whoosh walks its matcher tree in Python, one document per step, and at 10,000 entries
a Chinese query's common words and character pairs have postings in most of them: a
few hundred milliseconds a query. Here each term's postings are read as whole blocks
and scored as arrays, and the tree (Or, And, AndNot, AndMaybe, Prefix) is evaluated
over arrays as long as the index. The statistics (idf, average length, the quantized
field lengths) are Whoosh's, so scores and order are the ones ``searcher.search``
gives. A query or weighting this module does not know raises :class:`Unsupported`,
and the caller lets Whoosh run it.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from whoosh import query as Q
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.reading import TermNotFound
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

_LENGTH_OF_BYTE = np.array([byte_to_length(b) or 1 for b in range(256)], dtype=np.float64)


class Unsupported(Exception):
    """A query or weighting that only Whoosh itself can score."""


@dataclass
class Ranked:
    """Matching documents, best first: top-level document numbers and their scores."""

    docnums: np.ndarray
    scores: np.ndarray

    def __len__(self) -> int:
        return len(self.docnums)

    def __iter__(self) -> Iterator[tuple[int, float]]:
        """(document number, score), best first; a caller reads only the first few."""
        for docnum, score in zip(self.docnums, self.scores, strict=True):
            yield int(docnum), float(score)


# per segment and field, the documents' field lengths; segments never change once
# written, so the arrays serve every later search of the same process
_LENGTHS: dict[tuple[str, int, str], np.ndarray] = {}


def _lengths(leaf, fieldname: str) -> np.ndarray:
    key = (leaf.segment().segment_id(), leaf.doc_count_all(), fieldname)
    found = _LENGTHS.get(key)
    if found is None:
        count = leaf.doc_count_all()
        raw = np.zeros(count, dtype=np.uint8)
        column = leaf._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if column is not None:
            stored = min(column._count, count)
            data = column._dbfile.get(column._basepos, stored)
            raw[:stored] = np.frombuffer(data, dtype=np.uint8)
        found = _LENGTH_OF_BYTE[raw]
        if len(_LENGTHS) > 256:
            _LENGTHS.clear()
        _LENGTHS[key] = found
    return found


def _term_info(leaf, fieldname: str, btext: bytes):
    """The segment's record of a term, or None: one lookup, where Whoosh's own calls
    (``in``, ``doc_frequency``, ``postings``) would each look it up again."""
    try:
        return leaf._terms.term_info(fieldname, btext)
    except TermNotFound:
        return None


def _postings(leaf, fieldname: str, btext: bytes, info) -> tuple[np.ndarray, np.ndarray]:
    """One segment's postings of a term as (document numbers, weights)."""
    fmt = leaf.schema[fieldname].format
    terms = leaf._terms  # as its matcher(), without looking the term up again
    m = terms._codec.postings_reader(terms._postfile, info, fmt, term=(fieldname, btext))
    if hasattr(m, "_read_ids") and hasattr(m, "_next_block"):  # Whoosh 3's block files
        ids: list[np.ndarray] = []
        weights: list[np.ndarray] = []
        while m.is_active():
            m._read_data()
            block_ids, block_weights = m._data[0], m._data[1]
            n = m._blocklength
            block = np.asarray(block_ids, dtype=np.int64)
            ids.append(block if m._byteids else np.cumsum(block))  # as delta_decode
            if block_weights is None:
                weights.append(np.ones(n))
            elif isinstance(block_weights, float):
                weights.append(np.full(n, block_weights))
            else:
                weights.append(np.asarray(block_weights, dtype=np.float64))
            m._next_block()
        if not ids:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        return np.concatenate(ids), np.concatenate(weights)
    found_ids, found_weights = [], []  # inlined postings, or another codec
    while m.is_active():
        found_ids.append(m.id())
        found_weights.append(m.weight())
        m.next()
    return np.asarray(found_ids, dtype=np.int64), np.asarray(found_weights, dtype=np.float64)


class _Scorer:
    """Evaluates a query tree over arrays as long as the index."""

    def __init__(self, searcher):
        weighting = searcher.weighting
        if type(weighting) is not BM25F:
            raise Unsupported(type(weighting).__name__)
        self.searcher = searcher
        self.reader = searcher.reader()
        self.weighting = weighting
        self.size = searcher.doc_count_all()
        self.leaves = self.reader.leaf_readers()

    def empty(self) -> tuple[np.ndarray, np.ndarray]:
        return np.zeros(self.size, dtype=bool), np.zeros(self.size)

    def term(self, fieldname: str, text, boost: float) -> tuple[np.ndarray, np.ndarray]:
        matched, scores = self.empty()
        schema = self.searcher.schema
        if fieldname not in schema:
            return matched, scores
        field = schema[fieldname]
        try:
            btext = field.to_bytes(text)
        except ValueError:
            return matched, scores
        infos = [(leaf, offset, _term_info(leaf, fieldname, btext)) for leaf, offset in self.leaves]
        infos = [(leaf, offset, info) for leaf, offset, info in infos if info is not None]
        if not infos:
            return matched, scores
        if not field.scorable:
            raise Unsupported(fieldname)
        # Whoosh's idf (BM25F.idf): documents holding the term, deleted ones included
        frequency = sum(info.doc_frequency() for _, _, info in infos)
        idf = math.log(self.size / (frequency + 1)) + 1
        avgfl = self.searcher.avg_field_length(fieldname) or 1
        b = self.weighting._field_B.get(fieldname, self.weighting.B)
        k1 = self.weighting.K1
        for leaf, offset, info in infos:
            ids, weights = _postings(leaf, fieldname, btext, info)
            lengths = _lengths(leaf, fieldname)[ids]
            s = idf * ((weights * (k1 + 1)) / (weights + k1 * ((1 - b) + b * lengths / avgfl)))
            matched[ids + offset] = True
            scores[ids + offset] = s * boost
        return matched, scores

    def run(self, q: Q.Query) -> tuple[np.ndarray, np.ndarray]:
        if q is Q.NullQuery or isinstance(q, type(Q.NullQuery)):
            return self.empty()
        if type(q) is Q.Term:
            return self.term(q.fieldname, q.text, q.boost)
        if type(q) is Q.Prefix:
            words = [w for w in self.reader.expand_prefix(q.fieldname, q.text) if w]
            if not words:
                return self.empty()
            if len(words) == 1:  # as Whoosh: one term alone, without the boost
                return self.term(q.fieldname, words[0], 1.0)
            # the words' scores summed, as Whoosh scores a large index; on a small one
            # (and on an edit's small segments) it gives every match the same score
            return self.run(Q.Or([Q.Term(q.fieldname, w) for w in words], boost=q.boost))
        if type(q) in (Q.Or, Q.And):
            if type(q) is Q.Or and q.minmatch:
                raise Unsupported("Or with minmatch")
            if type(q) is Q.Or and q.scale:
                return self.coordinated(q)
            subs = q.subqueries
            if not subs:
                return self.empty()
            if len(subs) == 1:  # as Whoosh: a lone subquery, without the boost
                return self.run(subs[0])
            parts = [self.run(s) for s in subs]
            join = np.logical_or if type(q) is Q.Or else np.logical_and
            matched = join.reduce([m for m, _ in parts])
            scores = np.sum([s for _, s in parts], axis=0)
            if q.boost != 1.0:
                scores *= q.boost
            scores[~matched] = 0.0
            return matched, scores
        if type(q) is Q.AndNot:
            matched, scores = self.run(q.a)
            excluded, _ = self.run(q.b)
            matched &= ~excluded
            scores[~matched] = 0.0
            return matched, scores
        if type(q) is Q.AndMaybe:
            matched, scores = self.run(q.a)
            extra_matched, extra = self.run(q.b)
            scores += np.where(matched & extra_matched, extra, 0.0)
            return matched, scores
        raise Unsupported(type(q).__name__)

    def coordinated(self, q: Q.Or) -> tuple[np.ndarray, np.ndarray]:
        """An Or of terms with a coordination bonus: more of its terms, a higher score
        (Whoosh's CoordMatcher, its "SQR" formula). Whoosh counts the terms present per
        segment; here in the whole index, which is the same on one segment."""
        if not all(type(s) is Q.Term for s in q.subqueries) or q.boost != 1.0:
            raise Unsupported("coordination over anything but terms")
        parts = [self.run(s) for s in q.subqueries]
        present = [p for p in parts if p[0].any()]
        if not present:
            return self.empty()
        matched = np.logical_or.reduce([m for m, _ in present])
        matching = np.sum([m for m, _ in present], axis=0)
        total = np.sum([s for _, s in present], axis=0)
        terms = len(present)
        if terms in (0, q.scale):
            return matched, np.zeros(self.size)
        scores = (total + (matching - 1) / (terms - q.scale) ** 2) * ((terms - 1) / terms)
        scores[~matched] = 0.0
        return matched, scores

    def live(self) -> np.ndarray:
        alive = np.ones(self.size, dtype=bool)
        for leaf, offset in self.leaves:
            if leaf.has_deletions():
                gone = np.fromiter(leaf.deleted_docs_set, dtype=np.int64)
                alive[gone + offset] = False
        return alive


def ranked(searcher, q: Q.Query, allowed: set[int] | None = None):
    """Every match, best first, as (document number, score): by :func:`rank`, or by
    Whoosh itself for what that does not know."""
    try:
        return rank(searcher, q, allowed)
    except Unsupported:
        return [(r.docnum, r.score) for r in searcher.search(q, filter=allowed, limit=None)]


def rank(searcher, q: Q.Query, allowed: set[int] | None = None) -> Ranked:
    """Every live document ``q`` matches (within ``allowed``, top-level document
    numbers, when given), best first as Whoosh would rank them."""
    scorer = _Scorer(searcher)
    matched, scores = scorer.run(q)
    matched &= scorer.live()
    if allowed is not None:
        mask = np.zeros(scorer.size, dtype=bool)
        mask[np.fromiter(allowed, dtype=np.int64, count=len(allowed))] = True
        matched &= mask
    docnums = np.flatnonzero(matched)
    found = scores[docnums]
    # ties (to rounding: sums in another order differ in the last bits) go to the
    # earlier document, as in Whoosh
    order = np.lexsort((docnums, -np.round(found, 9)))
    return Ranked(docnums[order], found[order])
