"""Search the index: filters, ranked hits, the part that matched, and a snippet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import asdict, dataclass, field

from whoosh import query as Q

from ..errors import FupanError
from ..kb import KnowledgeBase
from ..model import PARTS, item_text
from ..text.snippets import score, snippet
from ..text.words import folded
from . import scoring
from .index import SPELL, WORDS, SearchIndex
from .query import Built, build, parse, prune
from .semantic import SemanticIndex
from .store import Match

RERANK_WINDOW = 50
VERBATIM_BONUS = 0.5


@dataclass
class Filters:
    unit: str | None = None
    campaign: str | None = None
    category: str | None = None
    tag: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    part: str | None = None
    limit: int = 10


@dataclass
class Hit:
    id: str
    title: str
    unit: str
    campaign: str
    date: str
    score: float
    path: str
    part: str
    snippet: str
    publish: bool
    match: str = "words"  # how it was found: words, meaning or both
    passage: str = ""  # found by meaning: the passage closest to the query
    spans: list[tuple[int, int]] = field(default_factory=list)
    parts: dict[str, str] = field(default_factory=dict)
    actions: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        d = asdict(self)
        for key in ("spans", "parts", "actions"):
            d.pop(key)
        return d


@dataclass
class Results:
    hits: list[Hit]
    total: int | None  # None: more matched than were ranked, and counting them costs
    suggestion: str | None = None


def _one_of(reader, fieldname: str, wanted: str, what: str) -> Q.Query:
    """Exact value, else every value containing ``wanted``; nothing when none does."""
    values = [v.decode("utf-8") if isinstance(v, bytes) else v for v in reader.lexicon(fieldname)]
    if wanted in values:
        return Q.Term(fieldname, wanted)
    close = [v for v in values if wanted.lower() in v.lower()]
    return Q.Or([Q.Term(fieldname, v) for v in close]) if close else Q.NullQuery


def filter_query(kb: KnowledgeBase, reader, f: Filters) -> Q.Query | None:
    parts: list[Q.Query] = []
    if f.unit:
        parts.append(_one_of(reader, "unit", kb.units.require(f.unit), "unit"))
    if f.campaign:
        parts.append(_one_of(reader, "campaign", f.campaign, "campaign"))
    if f.category:
        parts.append(_one_of(reader, "category", f.category, "category"))
    if f.tag:
        parts.append(Q.Term("tag", f.tag.strip().lower()))
    if f.since or f.until:
        start = dt.datetime.combine(f.since, dt.time()) if f.since else None
        end = dt.datetime.combine(f.until, dt.time.max) if f.until else None
        parts.append(Q.DateRange("date", start, end))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else Q.And(parts)


def make_hit(
    fields: dict,
    score_: float,
    surfaces: list[str],
    part: str | None,
    how: str = "words",
    match: Match | None = None,
    verbatim: list[str] | None = None,
) -> Hit:
    """``verbatim``: the query as typed; the part that holds it is shown before one that
    holds more of its synonyms."""
    texts = {p: fields.get(p, "") for p in PARTS}
    searched = _part_texts(fields)  # the improvement items count as improvement
    scored = {
        p: (score(searched[p], verbatim or []), score(searched[p], surfaces))
        for p in ([part] if part else PARTS)
    }
    best = max(scored, key=lambda p: scored[p]) if scored else "summary"
    if not any(scored.get(best, ())):
        if score(fields.get("title", ""), surfaces):
            best = "title"
        elif score(fields.get("tags", ""), surfaces):
            best = "tags"
        elif match is not None:  # found by meaning alone: show where
            best = match.part
    source = searched.get(best) or fields.get(best, "") or texts["summary"]
    text, spans = snippet(source, surfaces)
    # found by meaning, and the words matched no more than single characters there: the
    # passage that matched says better why the entry is here
    if match is not None and (how == "meaning" or not any(e - s > 1 for s, e in spans)):
        text, spans = match.passage, []
    return Hit(
        id=fields["id"],
        title=fields["title"],
        unit=fields["unit"],
        campaign=fields["campaign"],
        date=fields["date"].date().isoformat(),
        score=round(score_, 4),
        path=fields["path"],
        part=best,
        snippet=text,
        publish=fields["publish"],
        match=how,
        passage=match.passage if match is not None else "",
        spans=spans,
        parts=texts,
        actions=fields.get("actions") or [],
    )


def suggest(searcher, text: str) -> str | None:
    """A corrected query, when Whoosh's spelling support knows a close word."""
    changed, out = False, []
    for clause in parse(text):
        word = clause.text
        if not clause.phrase:
            if word.isascii():  # two letters off in a short word is another word: rain, said
                dist = 1 if len(word) <= 5 else 2
                found = searcher.suggest(SPELL, word.lower(), limit=1, maxdist=dist, prefix=1)
            else:  # one character off, keeping the first: 报铭 -> 报名, 班祖 -> 班组 (two
                # off would be any word of two characters, and searching for them all
                # takes a second at 10,000 entries)
                found = searcher.suggest(WORDS, word, limit=1, maxdist=1, prefix=1)
            if found and found[0] != word.lower():
                word, changed = found[0], True
        out.append(f'"{word}"' if clause.phrase else word)
    return " ".join(out) if changed else None


def _part_texts(fields: dict) -> dict[str, str]:
    """Each part's stored text, the improvement items (措施（责任人）) after the
    improvement part's: what the index found them by (search/index.document)."""
    texts = {p: fields.get(p) or "" for p in PARTS}
    items = [item_text(a["action"], a.get("owner") or "") for a in fields.get("actions") or []]
    texts["improvement"] = "\n".join([texts["improvement"], *items]).strip()
    return texts


def _text(fields: dict) -> str:
    texts = [fields.get("title") or "", fields.get("tags") or "", *_part_texts(fields).values()]
    return folded("\n".join(texts)).lower()


def _keep(fields: dict, body: str, built: Built, part: str | None) -> bool:
    """What the index cannot check: exact phrases, and the part searched."""
    if built.phrases and not all(p.lower() in body for p in built.phrases):
        return False
    return not part or score(_part_texts(fields)[part], built.surfaces) > 0


MODES = ("words", "meaning", "both")
FUSION_K = 10  # reciprocal rank fusion: 1 / (k + rank); small k, as lists are short
MEANING_WINDOW = 50
WHOLE_CHARS = 4  # a query this long, said word for word, ranks first (2: one word alone)
# Which entries close in meaning count as found. Cosines of multilingual-e5-small crowd
# into 0.80-0.90: a window of 0.08 below the best let every entry of the sample in, so
# "N found" was the knowledge base's size. Beside hits by words, 0.03 below the best and
# at least 0.84 find as much in the first ten (bench/README.md); a person's name, which
# every entry is about equally close to, then finds the entries naming them and no
# others. Alone (--mode meaning, or nothing found by words), the list is all there is,
# and keeps more.
MEANING_SPREAD = 0.03
ALONE_SPREAD = 0.08
MEANING_FLOOR = 0.84
MEANING_ALONE = 0.86  # with no hit by words, meaning must reach this to show anything


def _meaning_text(text: str) -> str:
    """The query as a sentence for the encoder: its words without operators."""
    return " ".join(c.text for c in parse(text) if not c.excluded)


def _meets(body: str, built: Built) -> bool:
    """What a hit found by meaning must satisfy of the query's operators."""
    if any(w.lower() in body for w in built.excluded):
        return False
    return all(w.lower() in body for w in (*built.phrases, *built.required))


def _ids(reader, docnums) -> set[str]:
    column = reader.column_reader("id")
    return {column[d] for d in docnums}


def search(
    index: SearchIndex,
    text: str,
    filters: Filters | None = None,
    meaning: SemanticIndex | None = None,
    mode: str = "both",
) -> Results:
    """Run ``text`` with ``filters`` on an open, refreshed index: by words, by meaning
    (``meaning`` given), or both fused, where an entry found both ways ranks first."""
    filters = filters or Filters()
    if filters.part and filters.part not in PARTS:
        raise FupanError.of("search.err.part", parts=", ".join(PARTS))
    if mode not in MODES:
        raise FupanError.of("search.err.mode", modes=", ".join(MODES))
    if meaning is None:
        if mode == "meaning":
            raise FupanError.of("search.err.no_meaning")
        mode = "words"
    kb = index.kb
    ix = index.open()
    # the query's sentence for the encoder, embedded while the words are ranked
    sentence = _meaning_text(text) if mode != "words" else ""
    query = meaning.query(sentence) if meaning is not None and sentence else None
    with ix.searcher() as searcher:
        reader = searcher.reader()
        built = build(text, kb.thesaurus, lambda term: reader.doc_frequency(WORDS, term) > 0)
        checked = bool(built.phrases or filters.part)
        fq = filter_query(kb, reader, filters)
        if fq is not None:  # a set of entries: Whoosh tests a set faster than its own bitmap
            fq = set(searcher.docs_for_query(fq))
            if not fq:  # Whoosh reads an empty filter as none: filters that match nothing
                return Results([], 0)
        window = max(RERANK_WINDOW, filters.limit)
        by_words: list[tuple[float, dict]] = []
        whole: set[str] = set()  # entries that say all the query says, word for word
        said_whole = sum(map(len, built.runs)) >= WHOLE_CHARS
        total = None
        if mode != "meaning":
            # rank a window of the best a second time on the stored text: the query's
            # own words verbatim count most; phrases and --part are checked there too
            matched = scoring.ranked(searcher, prune(built.query, reader), fq)
            read = 0
            for docnum, score_ in matched:
                if len(by_words) >= window:
                    break
                read += 1
                fields = searcher.stored_fields(docnum)
                body = _text(fields)
                if checked and not _keep(fields, body, built, filters.part):
                    continue
                verbatim = sum(run.lower() in body for run in built.runs)
                by_words.append((score_ * (1 + VERBATIM_BONUS * verbatim), fields))
                if said_whole and verbatim == len(built.runs):
                    whole.add(fields["id"])
            # what the stored text decides is known only for the matches read
            total = len(matched) if not checked else len(by_words) if read == len(matched) else None
            by_words.sort(key=lambda sf: -sf[0])
        by_meaning: list[Match] = []
        if mode != "words":
            allowed = _ids(reader, fq) if fq is not None else None
            by_meaning = _related(meaning, sentence, allowed, filters.part, bool(by_words), query)
        ranked = fuse(searcher, by_words[:window], by_meaning, built, whole)
        hits = [
            make_hit(
                fields, score_, built.surfaces, filters.part, how, match, built.runs + built.phrases
            )
            for score_, fields, how, match in ranked[: filters.limit]
        ]
        if mode != "words":
            total = len(ranked) if total is None or len(ranked) > total else total
        suggestion = suggest(searcher, text) if not hits else None
    return Results(hits, total, suggestion)


def _related(
    meaning, text: str, allowed, part: str | None, words_found: bool, query=None
) -> list[Match]:
    """Entries close in meaning: near the best match, and only clearly related ones
    when nothing was found by words (any text has *some* nearest entry)."""
    found = meaning.search(text, allowed, MEANING_WINDOW, part, query)
    if not found or (not words_found and found[0].score < MEANING_ALONE):
        return []
    floor = found[0].score - (MEANING_SPREAD if words_found else ALONE_SPREAD)
    floor = max(floor, MEANING_FLOOR)
    return [m for m in found if m.score >= floor]


def fuse(
    searcher, by_words, by_meaning, built: Built | None = None, whole: Collection[str] = ()
) -> list[tuple[float, dict, str, Match | None]]:
    """Reciprocal rank fusion of the two rankings: (score, fields, how found, match).
    The ``whole`` entries, which say all the query says word for word (a phrase, or
    several words, not one word alone), stay ahead of the others, as they do by words."""
    if not by_meaning:  # words alone keep their own scores, which say more than ranks
        return [(s, f, "words", None) for s, f in by_words]
    scores: dict[str, float] = {}
    fields_of: dict[str, dict] = {}
    for rank, (_, fields) in enumerate(by_words, 1):
        scores[fields["id"]] = 1 / (FUSION_K + rank)
        fields_of[fields["id"]] = fields
    matches: dict[str, Match] = {}
    for rank, m in enumerate(by_meaning, 1):
        if m.id not in fields_of:
            fields = searcher.document(id=m.id)
            if fields is None or (built is not None and not _meets(_text(fields), built)):
                continue
            fields_of[m.id] = fields
        scores[m.id] = scores.get(m.id, 0.0) + 1 / (FUSION_K + rank)
        matches[m.id] = m
    words = {f["id"] for _, f in by_words}
    out = []
    for eid, score_ in scores.items():
        how = ("both" if eid in matches else "words") if eid in words else "meaning"
        out.append((score_, fields_of[eid], how, matches.get(eid)))
    out.sort(key=lambda t: (t[1]["id"] not in whole, -t[0]))
    return out
