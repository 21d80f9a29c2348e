"""From what a person types to a Whoosh query.

People type Chinese phrases without spaces (报名人数不足). Each space-separated chunk
becomes its words (rjieba search mode), their synonyms (weighted lower, so exact
wording ranks first) and its character pairs (weighted lower still, finding what
segmentation splits differently), all joined by a coordinated OR: an entry that
matches more of the query ranks higher, one that matches part of it still appears.
``"quoted text"`` is an exact phrase; ``+word`` or ``A AND B`` requires a word;
``-word`` excludes one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from whoosh import query as Q

from .analysis import CJK, has_cjk, words
from .errors import QueryError
from .index import GRAM_FIELDS, TEXT_FIELDS
from .synonyms import Thesaurus

SYNONYM_BOOST = 0.5
COORDINATION = 0.9
PHRASE_BONUS = 8.0
_TOKEN = re.compile(r'([+-]?)"([^"]*)"|(\S+)')


@dataclass
class Clause:
    text: str
    phrase: bool = False
    required: bool = False
    excluded: bool = False


def parse(text: str) -> list[Clause]:
    """Split a query into clauses; raises QueryError for what cannot be understood."""
    if text.count('"') % 2:
        raise QueryError('a quotation mark is not closed: write "exact phrase" with two "')
    clauses: list[Clause] = []
    require_next = False
    for m in _TOKEN.finditer(text):
        sign, quoted, bare = m.group(1), m.group(2), m.group(3)
        if bare == "AND":
            if not clauses:
                raise QueryError("AND needs a word on both sides, e.g. 报名 AND 班组")
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
        raise QueryError("AND needs a word on both sides, e.g. 报名 AND 班组")
    if not any(not c.excluded for c in clauses):
        raise QueryError("the query has no words to search for")
    return clauses


def _gram_query(text: str, fields: list[str]) -> Q.Query | None:
    """Character pairs of the Chinese in ``text``; a lone character matches as a prefix."""
    gfields = [GRAM_FIELDS[f] for f in fields]
    subs: list[Q.Query] = []
    for run in CJK.findall(text):
        if len(run) == 1:
            subs += [Q.Prefix(g, run) for g in gfields]
        else:
            pairs = [run[i : i + 2] for i in range(len(run) - 1)]
            subs += [Q.Term(g, pair) for g in gfields for pair in pairs]
            if len(run) > 2:  # the exact run of characters counts most
                subs += [Q.Phrase(g, pairs, boost=PHRASE_BONUS) for g in gfields]
    if not subs:
        return None
    return subs[0] if len(subs) == 1 else Q.Or(subs)


def _phrase_query(text: str, fields: list[str]) -> Q.Query:
    """An exact phrase: consecutive character pairs for Chinese, consecutive words else."""
    parts: list[Q.Query] = []
    for run in CJK.findall(text):
        pairs = [run[i : i + 2] for i in range(len(run) - 1)]
        if not pairs:
            parts.append(_gram_query(run, fields))
        else:
            parts.append(Q.Or([Q.Phrase(GRAM_FIELDS[f], pairs) for f in fields]))
    rest = CJK.sub(" ", text)
    latin = words(rest)
    if latin:
        parts.append(
            Q.Or([Q.Phrase(f, latin) if len(latin) > 1 else Q.Term(f, latin[0]) for f in fields])
        )
    if not parts:
        raise QueryError(f'"{text}" has no words to search for')
    return parts[0] if len(parts) == 1 else Q.And(parts)


def _word_query(
    text: str, fields: list[str], thesaurus: Thesaurus, surfaces: list[str]
) -> Q.Query | None:
    terms = words(text)
    subs: list[Q.Query] = []
    surfaces.append(text)
    for term in terms:
        subs.append(Q.Or([Q.Term(f, term) for f in fields]))
        surfaces.append(term)
        for syn in sorted(thesaurus.synonyms(term)):
            surfaces.append(syn)
            syn_terms = words(syn)
            if syn_terms:
                subs.append(
                    Q.Or(
                        [
                            Q.And([Q.Term(f, t) for t in syn_terms])
                            if len(syn_terms) > 1
                            else Q.Term(f, syn_terms[0])
                            for f in fields
                        ],
                        boost=SYNONYM_BOOST,
                    )
                )
    if has_cjk(text):
        gq = _gram_query(text, fields)
        if gq is not None:
            subs.append(gq)
    if not subs:
        return None
    return subs[0] if len(subs) == 1 else Q.Or(subs, scale=COORDINATION)


def build(text: str, thesaurus: Thesaurus, part: str | None = None) -> tuple[Q.Query, list[str]]:
    """The Whoosh query for ``text`` and the strings worth highlighting in hits."""
    fields = [part] if part else list(TEXT_FIELDS)
    surfaces: list[str] = []
    optional, required, excluded = [], [], []
    for clause in parse(text):
        if clause.phrase:
            q = _phrase_query(clause.text, fields)
            if not clause.excluded:
                surfaces.append(clause.text)
        else:
            q = _word_query(clause.text, fields, thesaurus, [] if clause.excluded else surfaces)
        if q is None:
            continue
        (excluded if clause.excluded else required if clause.required else optional).append(q)
    if not optional and not required:
        raise QueryError("the query has only words too common to search for; add a specific word")
    q: Q.Query
    if required:
        must = required[0] if len(required) == 1 else Q.And(required)
        q = Q.AndMaybe(must, Q.Or(optional, scale=COORDINATION)) if optional else must
    else:
        q = optional[0] if len(optional) == 1 else Q.Or(optional, scale=COORDINATION)
    if excluded:
        q = Q.AndNot(q, Q.Or(excluded))
    return q, list(dict.fromkeys(s for s in surfaces if s.strip()))
