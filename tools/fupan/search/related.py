"""Search before you plan: the past entries most relevant to a draft plan's text."""

from __future__ import annotations

import itertools
import math
from collections import Counter
from dataclasses import dataclass

from whoosh import query as Q

from ..errors import FupanError
from ..model import OPEN_STATUSES
from ..text.snippets import snippet
from ..text.words import tokens, words
from . import scoring
from .hits import MEANING_WINDOW, Hit, fuse, make_hit
from .index import WORDS, SearchIndex
from .passages import passages
from .semantic import SemanticIndex
from .store import Match

MAX_TERMS = 15
MAX_PLAN_PIECES = 12  # sentences of a plan embedded: ~16 ms each
# a plan covers several matters, each sentence bringing its nearest entries: the window
# below the best is wider than a query's (hits.MEANING_SPREAD)
PLAN_SPREAD = 0.08


@dataclass
class Related:
    hit: Hit
    reflection: str
    improvement: str
    open_actions: list[dict]

    def as_dict(self) -> dict:
        return {
            **self.hit.as_dict(),
            "reflection": self.reflection,
            "improvement": self.improvement,
            "open_actions": self.open_actions,
        }


def key_terms(reader, text: str, limit: int = MAX_TERMS) -> list[tuple[str, float]]:
    """The plan's words that are frequent in it and rare in the knowledge base."""
    counts = Counter(t for t in tokens(text) if len(t) > 1 and not t.isdigit())
    n = max(reader.doc_count(), 1)
    weights = {}
    for term, tf in counts.items():
        df = reader.doc_frequency(WORDS, term)
        if df:  # a word no entry uses cannot find anything
            weights[term] = (1 + math.log(tf)) * math.log(1 + n / df)
    return sorted(weights.items(), key=lambda kv: -kv[1])[:limit]


def related(
    index: SearchIndex, plan: str, limit: int = 5, meaning: SemanticIndex | None = None
) -> tuple[list[str], list[Related]]:
    """(key terms used, related entries best first) for a plan's free text: entries that
    share its rare words, fused with those close to what its sentences mean."""
    if not plan.strip():
        raise FupanError.of("search.err.empty_plan")
    thesaurus = index.kb.thesaurus
    with index.open().searcher() as searcher:
        terms = key_terms(searcher.reader(), plan)
        subs, surfaces = [], []
        top = terms[0][1] if terms else 1.0
        for term, weight in terms:
            boost = weight / top
            subs.append(Q.Term(WORDS, term, boost=boost))
            surfaces.append(term)
            for syn in thesaurus.synonyms(term):
                syn_terms = words(syn)
                if len(syn_terms) == 1:
                    subs.append(Q.Term(WORDS, syn_terms[0], boost=boost / 2))
                    surfaces.append(syn)
        window = max(limit, MEANING_WINDOW)
        by_words = []
        if subs:
            best = list(itertools.islice(scoring.ranked(searcher, Q.Or(subs, scale=0.9)), window))
            by_words = [(score_, searcher.stored_fields(docnum)) for docnum, score_ in best]
        by_meaning = _by_meaning(meaning, plan, window)
        ranked = fuse(searcher, by_words, by_meaning)
        out = []
        for score_, fields, how, match in ranked[:limit]:
            hit = make_hit(fields, score_, surfaces, None, how, match)
            out.append(
                Related(
                    hit,
                    snippet(fields.get("reflection", ""), surfaces, 120)[0],
                    snippet(fields.get("improvement", ""), surfaces, 120)[0],
                    [a for a in hit.actions if a["status"] in OPEN_STATUSES],
                )
            )
    return [t for t, _ in terms], out


def _by_meaning(meaning: SemanticIndex | None, plan: str, limit: int) -> list[Match]:
    """Entries closest to any sentence of the plan (a plan covers several matters)."""
    if meaning is None:
        return []
    pieces = [p.text for p in passages({"summary": plan}, ("summary",))][:MAX_PLAN_PIECES]
    best: dict[str, Match] = {}
    for piece in pieces:
        for m in meaning.search(piece, None, limit):
            if m.id not in best or m.score > best[m.id].score:
                best[m.id] = m
    ranked = sorted(best.values(), key=lambda m: -m.score)
    if not ranked:
        return []
    floor = ranked[0].score - PLAN_SPREAD
    return [m for m in ranked if m.score >= floor][:limit]
