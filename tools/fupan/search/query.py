"""From what a person types to a Whoosh query.

People type Chinese phrases without spaces (报名人数不足). Each space-separated chunk
becomes its words (every piece of it that is a word of the index, as rjieba's search
mode would cut it and more), their synonyms (weighted lower, so exact
wording ranks first) and its character pairs (weighted lower still, finding what
segmentation splits differently), all joined by OR: BM25 adds up what matched, so an
entry that matches more of the query ranks higher, and one that matches part of it
still appears. (A coordination factor on top ranked the same on our labelled set and
doubled the time: it stops Whoosh from skipping blocks that cannot reach the top.)
``"quoted text"`` is an exact phrase; ``+word`` or ``A AND B`` requires a word;
``-word`` excludes one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from whoosh import query as Q

from ..errors import QueryError
from ..text.cilin import general_synonyms
from ..text.thesaurus import Thesaurus
from ..text.words import CJK, folded, query_terms
from .index import GRAMS, WORDS

SYNONYM_BOOST = 0.5
GENERAL_BOOST = 0.3  # the general thesaurus: below the knowledge base's own synonyms
_TOKEN = re.compile(r'([+-]?)"([^"]*)"|(\S+)')


@dataclass
class Clause:
    text: str
    phrase: bool = False
    required: bool = False
    excluded: bool = False


def parse(text: str) -> list[Clause]:
    """Split a query into clauses; raises QueryError for what cannot be understood."""
    text = folded(text)  # ＂经费＂ and －倒班 are operators too
    if text.count('"') % 2:
        raise QueryError.of("search.err.quote")
    clauses: list[Clause] = []
    require_next = False
    for m in _TOKEN.finditer(text):
        sign, quoted, bare = m.group(1), m.group(2), m.group(3)
        if bare == "AND":
            if not clauses:
                raise QueryError.of("search.err.and")
            clauses[-1].required = require_next = True
            continue
        if bare == "OR":
            continue
        if quoted is not None:
            clause = Clause(quoted.strip(), phrase=True)
        else:
            sign = bare[0] if bare[0] in "+-" and len(bare) > 1 else ""
            clause = Clause(bare[len(sign) :])
        clause.required = sign == "+" or require_next
        clause.excluded = sign == "-"
        require_next = False
        if clause.text:
            clauses.append(clause)
    if require_next:
        raise QueryError.of("search.err.and")
    if not any(not c.excluded for c in clauses):
        raise QueryError.of("search.err.no_words")
    return clauses


@dataclass
class Built:
    """A query for Whoosh, and what only the stored text can tell."""

    query: Q.Query
    surfaces: list[str] = field(default_factory=list)  # strings worth highlighting
    phrases: list[str] = field(default_factory=list)  # a hit must hold each verbatim
    runs: list[str] = field(default_factory=list)  # unquoted text; verbatim ranks higher
    # for hits found by meaning, which the Whoosh query did not test: words a hit must
    # hold (+word, AND) and words it must not (-word)
    required: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)


def _pair(pair: str) -> Q.Query:
    """A pair of characters in an entry: a word of it, or else one of its other pairs."""
    return Q.Or([Q.Term(WORDS, pair), Q.Term(GRAMS, pair)])


def _char(char: str) -> Q.Query:
    """One character: it starts a word or a pair, or ends a run of characters."""
    return Q.Or([Q.Prefix(WORDS, char), Q.Prefix(GRAMS, char)])


def _gram_query(text: str) -> Q.Query | None:
    """Character pairs of the Chinese in ``text``, found however the entry was cut."""
    subs: list[Q.Query] = []
    for run in CJK.findall(text):
        if len(run) == 1:
            subs.append(_char(run))
        else:
            subs += [_pair(run[i : i + 2]) for i in range(len(run) - 1)]
    if not subs:
        return None
    return subs[0] if len(subs) == 1 else Q.Or(subs)


MAX_PHRASE_TERMS = 32  # Whoosh nests its matchers: a phrase of 1,000 pairs overflows the stack


def _phrase_query(text: str) -> Q.Query:
    """Entries holding pairs and words of a phrase; the stored text then decides. A
    long phrase asks for a sample of its distinct pairs, which finds the same entries."""
    pairs: dict[str, None] = {}
    singles: list[str] = []
    for run in CJK.findall(text):
        if len(run) == 1:
            singles.append(run)
        pairs.update((run[i : i + 2], None) for i in range(len(run) - 1))
    words = list(dict.fromkeys(query_terms(CJK.sub(" ", text), lambda t: True)))
    chosen = list(pairs)
    if len(chosen) > MAX_PHRASE_TERMS:
        step = len(chosen) / MAX_PHRASE_TERMS
        chosen = [chosen[int(i * step)] for i in range(MAX_PHRASE_TERMS)]
    parts: list[Q.Query] = [_pair(p) for p in chosen] + [_char(c) for c in singles[:8]]
    parts += [Q.Term(WORDS, w) for w in words[:MAX_PHRASE_TERMS]]
    if not parts:
        raise QueryError(f'"{text}" has no words to search for')
    return parts[0] if len(parts) == 1 else Q.And(parts)


def _word_query(text: str, thesaurus: Thesaurus, known, surfaces: list[str]) -> Q.Query | None:
    subs: list[Q.Query] = []
    surfaces.append(text)
    for term in query_terms(text, known):
        subs.append(Q.Term(WORDS, term))
        surfaces.append(term)
        own = thesaurus.synonyms(term)
        general = general_synonyms(term) - own if thesaurus.general else frozenset()
        for syns, boost in ((own, SYNONYM_BOOST), (general, GENERAL_BOOST)):
            for syn in sorted(syns):
                syn_terms = query_terms(syn, known)
                if syn_terms:
                    surfaces.append(syn)
                    terms = [Q.Term(WORDS, t) for t in syn_terms]
                    subs.append(terms[0] if len(terms) == 1 else Q.And(terms))
                    subs[-1] = subs[-1].with_boost(boost)
    gq = _gram_query(text)  # also for pairs that are words: an entry may split them apart
    if gq is not None:
        subs.append(gq)
    if not subs:
        return None
    return subs[0] if len(subs) == 1 else Q.Or(subs)


def build(text: str, thesaurus: Thesaurus, known=lambda term: True) -> Built:
    """The Whoosh query for ``text`` and what to check in the hits' stored text.

    ``known`` says whether a term is in the index; pieces of Chinese that are not
    are left to the character pairs."""
    built = Built(Q.NullQuery)
    optional, required, excluded = [], [], []
    for clause in parse(text):
        if clause.phrase:
            q = _phrase_query(clause.text)
            if not clause.excluded:
                built.surfaces.append(clause.text)
                built.phrases.append(clause.text)
        else:
            surfaces = [] if clause.excluded else built.surfaces
            q = _word_query(clause.text, thesaurus, known, surfaces)
            if not clause.excluded and len(clause.text) > 1:
                built.runs.append(clause.text)
        if q is None:
            continue
        (excluded if clause.excluded else required if clause.required else optional).append(q)
        if clause.excluded:
            built.excluded.append(clause.text)
        elif clause.required:
            built.required.append(clause.text)
    if not optional and not required:
        raise QueryError.of("search.err.too_common")
    if required:
        must = required[0] if len(required) == 1 else Q.And(required)
        q = Q.AndMaybe(must, Q.Or(optional)) if optional else must
    else:
        q = optional[0] if len(optional) == 1 else Q.Or(optional)
    if excluded:
        q = Q.AndNot(q, Q.Or(excluded))
    built.query = q
    built.surfaces = list(dict.fromkeys(s for s in built.surfaces if s.strip()))
    return built


COMMON_SHARE = 0.5  # a term in more than half of the entries barely tells them apart


def prune(query: Q.Query, reader) -> Q.Query:
    """Drop optional terms that most entries contain, when rarer query words remain.

    They add little to the ranking but most of the work: Whoosh scores every
    posting in Python, and a word in nine entries of ten has nine postings of ten.
    The query's own words stay when all of them are common; their common synonyms
    and character pairs go.
    """
    limit = COMMON_SHARE * max(reader.doc_count(), 1)
    more_than_limit = _more_than(reader, limit)

    def common(q: Q.Query) -> bool:
        return isinstance(q, Q.Term) and more_than_limit(q.fieldname, q.text)

    def own_word(q: Q.Query) -> bool:
        return isinstance(q, Q.Term) and q.fieldname == WORDS and q.boost == 1.0

    rare_words = [t for t in _wanted(query) if own_word(t) and not common(t)]

    def drop(q: Q.Query) -> bool:
        return common(q) and (bool(rare_words) or not own_word(q))

    def walk(q: Q.Query) -> Q.Query | None:
        if isinstance(q, Q.Or):
            kept = [k for k in (walk(s) for s in q.subqueries) if k is not None]
            if not kept:
                return None
            return Q.Or(kept, boost=q.boost) if len(kept) > 1 else kept[0]
        if isinstance(q, Q.AndMaybe):
            b = walk(q.b)
            return Q.AndMaybe(q.a, b) if b is not None else q.a
        if isinstance(q, Q.AndNot):
            a = walk(q.a)
            return Q.AndNot(a, q.b) if a is not None else None
        return None if drop(q) else q

    return walk(query) or query


def _wanted(q: Q.Query) -> list[Q.Query]:
    """The terms a query asks for: its leaves, but not those it excludes (-倒班), which
    left alone would pass for the rare words that make the common ones droppable."""
    if isinstance(q, Q.AndNot):
        return _wanted(q.a)
    if q.is_leaf():
        return [q]
    return [t for child in q.children() for t in _wanted(child)]


def _more_than(reader, limit: float):
    """Whether a term is in more than ``limit`` live entries. Whoosh's own count
    still includes the superseded versions of updated entries until their segment is
    merged away, so a word of the entries edited since the last rebuild would pass
    for common, be pruned, and the same query would find fewer entries after an edit.
    Live entries are counted only when the deleted ones could tip the balance."""
    deleted = reader.doc_count_all() - reader.doc_count()

    def more(fieldname: str, text: str) -> bool:
        stored = reader.doc_frequency(fieldname, text)
        if stored <= limit or stored - deleted > limit:
            return stored > limit
        return sum(1 for _ in reader.postings(fieldname, text).all_ids()) > limit

    return more
