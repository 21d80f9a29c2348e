"""Search before you plan: the past entries most relevant to a draft plan's text."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from whoosh import query as Q

from ..errors import FupanError
from ..kb import KnowledgeBase
from ..text.snippets import snippet
from ..text.thesaurus import load_thesaurus
from ..text.words import tokens, words
from .hits import Hit, make_hit
from .index import WORDS, SearchIndex

MAX_TERMS = 15


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


def related(kb: KnowledgeBase, plan: str, limit: int = 5) -> tuple[list[str], list[Related]]:
    """(key terms used, related entries best first) for a plan's free text."""
    if not plan.strip():
        raise FupanError("the plan is empty; give a file with the plan's text, or - for stdin")
    store = SearchIndex(kb)
    store.refresh()
    thesaurus = load_thesaurus(kb.reviews / "synonyms.yml")
    ix = store.open()
    with ix.searcher() as searcher:
        terms = key_terms(searcher.reader(), plan)
        if not terms:
            return [], []
        top = terms[0][1]
        subs = []
        surfaces = []
        for term, weight in terms:
            boost = weight / top
            subs.append(Q.Term(WORDS, term, boost=boost))
            surfaces.append(term)
            for syn in thesaurus.synonyms(term):
                syn_terms = words(syn)
                if len(syn_terms) == 1:
                    subs.append(Q.Term(WORDS, syn_terms[0], boost=boost / 2))
                    surfaces.append(syn)
        results = searcher.search(Q.Or(subs, scale=0.9), limit=limit)
        out = []
        for r in results:
            fields = r.fields()
            hit = make_hit(fields, r.score, surfaces, None)
            out.append(
                Related(
                    hit,
                    snippet(fields.get("reflection", ""), surfaces, 120)[0],
                    snippet(fields.get("improvement", ""), surfaces, 120)[0],
                    [a for a in hit.actions if a["status"] in ("open", "doing")],
                )
            )
    return [t for t, _ in terms], out
