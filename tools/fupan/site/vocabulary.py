"""The words of the published entries, by entry and field: what the site's search box
looks up, and what the table of entries near each word in meaning is made for."""

from __future__ import annotations

from collections import defaultdict

from ..entries.dates import YEAR
from ..model import PARTS, Entry, item_text
from ..text.words import CJK, words

FIELDS = ("about", *PARTS)  # "about": title, unit, campaign, category and tags


def field_texts(e: Entry) -> list[str]:
    """An entry's text per field, in the order of ``FIELDS``: the improvement items,
    with their owners, in the improvement field (as ``fupan search`` indexes them)."""
    about = " ".join([e.title, e.unit, e.campaign, e.category or "", " ".join(e.tags)])
    texts = [about] + [e.parts.get(p, "") for p in PARTS]
    texts[-1] += " " + " ".join(item_text(a.action, a.owner) for a in e.actions)
    return texts


def postings(entries: list[Entry]) -> dict[str, list[int]]:
    """word -> ascending codes ``entry number * 4 + field``, entries in the given order."""
    out: dict[str, list[int]] = defaultdict(list)
    for n, e in enumerate(entries):
        for field, text in enumerate(field_texts(e)):
            for w in set(words(text)):
                # bare numbers are most words and no one looks them up; years they do
                if not w.isdigit() or YEAR.fullmatch(w):
                    out[w].append(n * 4 + field)
    return dict(out)


def meaning_vocabulary(entries: list[Entry], known: dict[str, list[int]]) -> set[str]:
    """What a query is cut into in the browser, so what needs a meaning: the known words
    (not numbers) and every Chinese character of the text, for the part of a query that
    is no known word (钱不够花: 不够, and 钱 and 花)."""
    out = {w for w in known if not w.isdigit()}
    for e in entries:
        for text in field_texts(e):
            for run in CJK.findall(text):
                out.update(run)
    return out
