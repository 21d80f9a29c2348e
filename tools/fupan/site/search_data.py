"""The data of the site's search, cut in chunks a query fetches only as it needs them.

One engine in the browser (``assets/search.js``) answers the search box of every page
and the browse page. It reads, as scripts (a page opened from disk may load scripts
but not fetch files):

* ``meta.js``: the chunk counts and the labels, a few hundred bytes that every page
  with a search box loads at once, so a query's first chunks need not wait for it;
* ``names.js``: the names of units, campaigns, categories, tags and years, fetched
  beside a query's words; ``facets.js``: which entries each name has, about 10 bytes
  per entry, loaded only when the browse page filters by them;
* ``t<N>.js``: the words of the published entries, each with the entries and parts
  that hold it, its neighbours (related words, with weights) and, when the site has a
  meaning index, the entries nearest to it in meaning (single characters too, for the
  parts of a query that are no known word; see ``search/word_entries.py``). A word lives in the
  chunk of its first two characters, which every piece a query is cut into shares with
  the words it could be, so a query needs one small chunk per pair of characters; the
  chunk of a single character lists the words that hold it most often (``HEAD`` + it:
  雨 → 雨天, 下雨);
* ``d<N>.js``: what a result shows of entry N (in the order of the site, newest first):
  title, unit, campaign, date, tags, and its passages, cut as the meaning index cuts
  them, of which it shows the one holding the words found (or, found by meaning alone,
  the closest one). A few KB each, fetched for the results shown only: one request per
  result (a browser opens six connections to a host at once, and a query's last round
  is these files).

Words come from the same analyzer as ``fupan search`` (rjieba search mode, so sub-words
too); the browser cuts a query into every substring that is a known word, which finds
人数不足 in 报名人数不足 without a segmenter of its own.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable

from ..model import PARTS, Entry, item_text
from ..search.index import stored_texts
from ..search.passages import passages
from ..search.query import SYNONYM_BOOST
from ..search.store import PART_CODES
from ..text.cilin import general_synonyms
from ..text.thesaurus import Thesaurus
from .browse import SRC as BROWSE
from .data import SiteData
from .urls import Site
from .vocabulary import FIELDS
from .widgets import day

DIR = "assets/fupan/search"
TERM_CHUNK_BYTES = 6_000  # aim; a chunk holds every word of some pairs of first characters
HEAD = "\u0001"  # HEAD + a character: the words holding it, for a query of one character
HEADS = 40  # of them, those most entries hold
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
NO_PASSAGE = 63  # a meaning list's passage number for one past the 63rd
GENERAL_WEIGHT = 0.3  # the general thesaurus: below the knowledge base's own synonyms
MEANING_STEP = 0.004  # a score's unit in the meaning lists: 63 steps reach 0.25
# with no entry holding a word of the query, meaning alone must reach this (per word,
# above its median): 讲师 (0.026) finds the lecture, 股票涨了 (0.008) nothing
MEANING_ALONE = 0.02

# The words of the entries -> {word: [(related word of the entries, weight 0..1)]}. A
# related word may be one no entry uses (budget -> 经费), so a query in other words
# finds them. Made when the site is built, from the thesaurus.
Neighbours = Callable[[set[str]], dict[str, list[tuple[str, float]]]]


def thesaurus_neighbours(thesaurus: Thesaurus) -> Neighbours:
    """Synonyms as neighbours: the knowledge base's own groups, then the general
    thesaurus below them, weighted as ``fupan search`` weights them."""

    def table(vocab: set[str]) -> dict[str, list[tuple[str, float]]]:
        near: dict[str, dict[str, float]] = defaultdict(dict)
        for w in vocab:
            own = thesaurus.synonyms(w)
            general = general_synonyms(w) - own if thesaurus.general else frozenset()
            for synonyms, weight in ((own, SYNONYM_BOOST), (general, GENERAL_WEIGHT)):
                for s in synonyms:  # synonymy goes both ways: s finds w
                    if s != w and near[s].get(w, 0) < weight:
                        near[s][w] = weight
        return {w: sorted(ns.items(), key=lambda x: (-x[1], x[0])) for w, ns in near.items()}

    return table


def encode(numbers: list[int], total: int) -> str:
    """Ascending numbers (below ``total``) in the shorter of two forms: deltas in a
    base-32 varint over URL-safe characters, about one character per number; or, for a
    word most entries use, "~" and a bitmap of six numbers per character."""
    out, last = [], 0
    for n in numbers:
        delta, last = n - last, n
        while delta >= 32:
            out.append(ALPHABET[32 + (delta & 31)])
            delta >>= 5
        out.append(ALPHABET[delta])
    if len(out) <= 1 + (total + 5) // 6:
        return "".join(out)
    bits = [0] * ((total + 5) // 6)
    for n in numbers:
        bits[n // 6] |= 1 << (n % 6)
    return "~" + "".join(ALPHABET[b] for b in bits)


def meaning_list(found: list[tuple[int, float, int]], total: int) -> list[str]:
    """Entries near a word in meaning, as ascending codes ``entry * 4 + field`` (the
    field of the closest passage) with their scores and that passage, so a result found
    by meaning alone shows it: [the codes as :func:`encode` writes them, one character
    of ``ALPHABET`` per entry for its score in steps of ``MEANING_STEP``, one for the
    passage's number among the entry's (``NO_PASSAGE``: beyond them)]."""
    steps = [ALPHABET[min(63, max(1, round(x / MEANING_STEP)))] for _, x, _ in found]
    places = [ALPHABET[min(p, NO_PASSAGE)] for *_, p in found]
    return [encode([n for n, *_ in found], total), "".join(steps), "".join(places)]


def entry_passages(e: Entry) -> list[list]:
    """[field, text] of each passage of ``e``: those of the meaning index, in its order
    (a passage's number is the same in both), then the improvement items with their
    owners."""
    out = [
        [FIELDS.index(p.part) if p.part in FIELDS else 0, p.text] for p in passages(stored_texts(e))
    ]
    items = [item_text(a.action, a.owner) for a in e.actions if a.action]
    return out + [[FIELDS.index("improvement"), item] for item in items]


def chunk_of(word: str, chunks: int) -> int:
    """The term chunk of ``word``: by its first two characters (search.js does the same)."""
    second = ord(word[1]) if len(word) > 1 else 0
    return (ord(word[0]) * 31 + second) % chunks


def _script(name: str, data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"fupanSearchChunk({json.dumps(name)},{text});\n"


def search_files(d: SiteData, neighbours: Neighbours) -> dict[str, str]:
    """Every chunk as path -> script text."""
    root = Site([], [], [], [], d.paths.use_directory_urls)
    units, campaigns = list(d.by_unit), list(d.by_campaign)
    categories, tags = list(d.by_category), list(d.by_tag)
    index = {k: {n: i for i, n in enumerate(v)} for k, v in (("u", units), ("c", campaigns))}
    cat_ix, tag_ix = {n: i for i, n in enumerate(categories)}, {n: i for i, n in enumerate(tags)}
    postings = d.postings  # word -> doc * 4 + field (vocabulary.py)
    docs = []
    for e in d.entries:
        docs.append(
            [
                root.url(d.paths.entry(e.id)),
                e.title,
                index["u"][e.unit],
                index["c"][e.campaign],
                cat_ix.get(e.category, -1),
                e.date.isoformat(),
                day(d, e.date),
                [tag_ix[t] for t in e.tags],
                entry_passages(e),
            ]
        )
    total = 4 * len(docs)
    # a word's entry: [postings, related words, entries near in meaning], the last two
    # only when it has them (a character of no word of its own has only the third)
    terms: dict[str, list] = {w: [encode(codes, total)] for w, codes in postings.items()}
    for w, near in neighbours(set(postings)).items():
        near = [[s, round(x, 3)] for s, x in near if s in postings and s != w]
        if near:
            terms.setdefault(w, [""]).append(near)
    number = {e.id: i for i, e in enumerate(d.entries)}
    for w, near in d.nearest.items():
        # the store's part codes are in the order of FIELDS (its title is our "about")
        found = sorted(
            (number[e] * 4 + PART_CODES.index(p), x, place)
            for e, x, p, place in near
            if e in number
        )
        if found:
            term = terms.setdefault(w, [""])
            term += [[]] * (2 - len(term)) + [meaning_list(found, total)]
    size = sum(len(w) * 3 + len(json.dumps(v)) for w, v in terms.items())
    n_terms = max(1, min(4096, size // TERM_CHUNK_BYTES))
    chunks: list[dict] = [{} for _ in range(n_terms)]
    holding: dict[str, list[str]] = defaultdict(list)
    for w in sorted(terms):
        chunks[chunk_of(w, n_terms)][w] = terms[w]
        if len(w) > 1 and w in postings and not w.isascii():
            for c in set(w):
                holding[c].append(w)
    for c, ws in holding.items():
        ws.sort(key=lambda w: -len(postings[w]))
        chunks[chunk_of(c, n_terms)][HEAD + c] = ws[:HEADS]
    years = sorted(d.by_year, reverse=True)

    def facet(groups: dict) -> list[str]:
        return [encode(sorted(number[e.id] for e in es), len(docs)) for es in groups.values()]

    meta = {
        "docs": len(docs),
        "termChunks": n_terms,
        "meaningAlone": MEANING_ALONE / MEANING_STEP,  # in steps
        "fields": list(FIELDS),
        "browse": root.url(BROWSE),
        "labels": {
            "count": d.labels["search_count"],
            "none": d.labels["search_none"],
            "noneFiltered": d.labels["search_none_filtered"],
            "failed": d.labels["search_failed"],
            "all": d.labels["search_all"],
            "more": d.labels["search_more"],
            "related": d.labels["search_related"],
            "results": d.labels["results"],
            "parts": [d.labels["part_about"], *(d.labels[p] for p in PARTS)],
        },
    }
    names = {  # fetched beside a query's words: what its results show
        "units": units,
        "campaigns": campaigns,
        "categories": categories,
        "tags": tags,
        "years": [str(y) for y in years],
    }
    facets = {  # which entries each name has, loaded only when the browse page filters
        "unit": facet(d.by_unit),
        "campaign": facet(d.by_campaign),
        "category": facet(d.by_category),
        "tag": facet(d.by_tag),
        "year": facet({y: d.by_year[y] for y in years}),
    }
    files = {
        f"{DIR}/meta.js": _script("meta", meta),
        f"{DIR}/names.js": _script("names", names),
        f"{DIR}/facets.js": _script("facets", facets),
    }
    for i, chunk in enumerate(chunks):
        files[f"{DIR}/t{i}.js"] = _script(f"t{i}", chunk)
    for i, doc in enumerate(docs):
        files[f"{DIR}/d{i}.js"] = _script(f"d{i}", doc)
    return files
