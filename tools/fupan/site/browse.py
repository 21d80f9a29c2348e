"""The browse page (筛选): facets and Chinese-aware free text, all in the browser.

Material's search segments Chinese at build time but not in the browser, so
sub-words and unspaced phrases miss. This page searches a compact index built with
the same analyzer as ``fupan search``: each word of the published entries (rjieba
search mode, so sub-words too) maps to the entries that contain it. The browser
cuts a query into every substring that is a known word, which finds 人数不足 in
报名人数不足 without a segmenter of its own.
"""

from __future__ import annotations

import json
from collections import defaultdict

from ..text.snippets import plain
from ..text.thesaurus import Thesaurus
from ..text.words import words
from .data import SiteData
from .html import Markup, el, esc

SRC = "browse.md"
DATA = "assets/fupan/browse-data.js"  # a script, not JSON: file:// pages cannot fetch
SCRIPT = "assets/fupan/browse.js"
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def encode(numbers: list[int], total: int) -> str:
    """Ascending entry numbers (below ``total``) in the shorter of two forms: deltas in a
    base-32 varint over URL-safe characters, about one character per number; or, for a
    word most entries use, "~" and a bitmap of six entries per character."""
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


def browse_data(d: SiteData, thesaurus: Thesaurus) -> dict:
    units, campaigns = list(d.by_unit), list(d.by_campaign)
    categories, tags = list(d.by_category), list(d.by_tag)
    unit_ix, campaign_ix, cat_ix, tag_ix = (
        {name: i for i, name in enumerate(names)} for names in (units, campaigns, categories, tags)
    )
    postings: dict[str, list[int]] = defaultdict(list)
    docs = []
    for n, e in enumerate(d.entries):
        docs.append(
            [
                d.paths.href(SRC, d.paths.entry(e.id)),
                e.title,
                unit_ix[e.unit],
                campaign_ix[e.campaign],
                cat_ix.get(e.category, -1),
                e.date.isoformat(),
                [tag_ix[t] for t in e.tags],
                e.rating or 0,
                plain(e.parts.get("reflection", ""))[:80],
            ]
        )
        text = " ".join([e.title, " ".join(e.tags), e.unit, e.campaign, *e.parts.values()])
        for w in words(text):
            if not w.isdigit():  # bare numbers are most of the words and no one looks them up
                postings[w].append(n)
    vocab = set(postings)
    groups: dict[tuple[str, ...], None] = {}  # ordered and without repeats
    for w in sorted(vocab):
        group = tuple(sorted({w} | {s for s in thesaurus.synonyms(w) if s in vocab}))
        if len(group) > 1:
            groups.setdefault(group)
    return {
        "units": units,
        "campaigns": campaigns,
        "categories": categories,
        "tags": tags,
        "docs": docs,
        "terms": {w: encode(ns, len(docs)) for w, ns in sorted(postings.items())},
        "synonyms": [list(g) for g in groups],
    }


def browse_script(d: SiteData, thesaurus: Thesaurus) -> str:
    """The data as a script that sets one global: a page opened from disk may load
    scripts but not fetch files."""
    data = json.dumps(browse_data(d, thesaurus), ensure_ascii=False, separators=(",", ":"))
    # JSON.parse of a string is parsed several times faster than the same object literal
    return f"window.fupanBrowse=JSON.parse({json.dumps(data, ensure_ascii=False)});\n"


def browse_page(d: SiteData) -> Markup:
    L, p = d.labels, d.paths
    root = p.href(SRC, "index.md")
    selects = "".join(
        el(
            "label",
            esc(L[label]) + el("select", el("option", esc(L["all"]), value=""), name=name),
            "fupan-facet",
        )
        for name, label in (
            ("unit", "unit"),
            ("campaign", "campaign"),
            ("category", "category"),
            ("tag", "tags"),
            ("year", "year"),
        )
    )
    query = (
        f'<input class="fupan-q" type="search" name="text" autocomplete="off" '
        f'placeholder="{esc(L["browse_placeholder"])}" '
        f'aria-label="{esc(L["search_placeholder"])}">'
    )
    labels = json.dumps({k: L[k] for k in ("results", "rating")}, ensure_ascii=False)
    form = el(
        "form",
        query + selects + el("button", esc(L["reset"]), type="reset"),
        "fupan-browse",
        data_labels=labels,
    )
    return "\n".join(
        [
            form,
            el("p", "", "fupan-count", aria_live="polite"),
            el("ol", "", "fupan-results"),
            el("script", "", src=root + DATA, defer="defer"),  # sets window.fupanBrowse
            el("script", "", src=root + SCRIPT, defer="defer"),
        ]
    )
