"""Search the index: filters, ranked hits, the part that matched, and a snippet."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from whoosh import query as Q

from ..errors import FupanError
from ..kb import KnowledgeBase
from ..model import PARTS
from ..text.snippets import score, snippet
from ..text.thesaurus import load_thesaurus
from .index import SPELL, STORED_TEXT, WORDS, SearchIndex
from .query import Built, build, parse, prune

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


def make_hit(fields: dict, score_: float, surfaces: list[str], part: str | None) -> Hit:
    texts = {p: fields.get(p, "") for p in PARTS}
    scored = {p: score(texts[p], surfaces) for p in ([part] if part else PARTS)}
    best = max(scored, key=lambda p: scored[p]) if scored else "summary"
    if not scored.get(best):
        if score(fields.get("title", ""), surfaces):
            best = "title"
        elif score(fields.get("tags", ""), surfaces):
            best = "tags"
    source = texts.get(best) or fields.get(best, "") or texts["summary"]
    text, spans = snippet(source, surfaces)
    return Hit(
        id=fields["id"],
        title=fields["title"],
        unit=fields["unit"],
        campaign=fields["campaign"],
        date=fields["date"].date().isoformat(),
        score=round(score_, 3),
        path=fields["path"],
        part=best,
        snippet=text,
        publish=fields["publish"],
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
            field = SPELL if word.isascii() else WORDS  # Chinese words are not stemmed
            found = searcher.suggest(field, word.lower(), limit=1)
            if found and found[0] != word.lower():
                word, changed = found[0], True
        out.append(f'"{word}"' if clause.phrase else word)
    return " ".join(out) if changed else None


def _text(fields: dict) -> str:
    return "\n".join(fields.get(name) or "" for name in STORED_TEXT).lower()


def _keep(fields: dict, body: str, built: Built, part: str | None) -> bool:
    """What the index cannot check: exact phrases, and the part searched."""
    if built.phrases and not all(p.lower() in body for p in built.phrases):
        return False
    return not part or score(fields.get(part) or "", built.surfaces) > 0


def search(
    kb: KnowledgeBase,
    text: str,
    filters: Filters | None = None,
    refresh: bool = True,
    store: SearchIndex | None = None,
) -> Results:
    """Refresh the index, then run ``text`` with ``filters``."""
    filters = filters or Filters()
    if filters.part and filters.part not in PARTS:
        raise FupanError(f"--part must be one of {', '.join(PARTS)}")
    store = store or SearchIndex(kb)
    if refresh:
        store.refresh()
    thesaurus = load_thesaurus(kb.reviews / "synonyms.yml")
    ix = store.open()
    with ix.searcher() as searcher:
        reader = searcher.reader()
        built = build(text, thesaurus, lambda term: reader.doc_frequency(WORDS, term) > 0)
        checked = bool(built.phrases or filters.part)
        fq = filter_query(kb, reader, filters)
        if fq is not None:  # a set of entries: Whoosh tests a set faster than its own bitmap
            fq = set(searcher.docs_for_query(fq))
            if not fq:  # Whoosh reads an empty filter as none: filters that match nothing
                return Results([], 0)
        # rank a window of the best a second time on the stored text: the query's own
        # words verbatim count most; phrases and --part are checked there too
        window = None if checked else max(RERANK_WINDOW, filters.limit)
        results = searcher.search(prune(built.query, reader), filter=fq, limit=window)
        found = []
        for r in results:
            fields = r.fields()
            body = _text(fields)
            if checked and not _keep(fields, body, built, filters.part):
                continue
            verbatim = sum(run.lower() in body for run in built.runs)
            found.append((r.score * (1 + VERBATIM_BONUS * verbatim), fields))
        # counting every match would run the query again; only say it when known
        total = len(found) if checked else (len(results) if results.has_exact_length() else None)
        found.sort(key=lambda sf: -sf[0])
        hits = [make_hit(f, s, built.surfaces, filters.part) for s, f in found[: filters.limit]]
        suggestion = suggest(searcher, text) if not hits else None
    return Results(hits, total, suggestion)
