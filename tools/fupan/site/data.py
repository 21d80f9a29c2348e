"""Everything the pages show, computed once per build from the published entries."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from ..model import Entry
from ..reports.actions import ActionRow, action_rows, unit_completion
from ..reports.compare import Comparison, compare
from ..reports.lessons import statuses
from ..reports.recurring import Report, recurring
from ..reports.similar import similar
from ..search.clusters import clusters
from ..search.semantic import SemanticIndex
from ..search.similar import similar_all
from ..search.word_entries import Near, nearest_entries
from ..text.collate import pinyin_key
from ..text.thesaurus import Thesaurus
from . import LOGGER
from .urls import Site
from .vocabulary import meaning_vocabulary, postings

TAG_PAGES = 1000
PROGRESS_EVERY = 10  # seconds

log = logging.getLogger(LOGGER)


@dataclass
class SiteData:
    entries: list[Entry]  # published only: nothing else reaches a page
    today: dt.date
    labels: dict[str, str]
    paths: Site
    failed: list[str] = field(default_factory=list)
    by_unit: dict[str, list[Entry]] = field(default_factory=dict)
    by_campaign: dict[str, list[Entry]] = field(default_factory=dict)
    by_tag: dict[str, list[Entry]] = field(default_factory=dict)
    # the tags that get a page of their own, most used first; the others are found
    # on the browse page (a base with 20,000 tags would otherwise get 20,000 pages)
    tag_pages: list[str] = field(default_factory=list)
    by_category: dict[str, list[Entry]] = field(default_factory=dict)
    by_year: dict[int, list[Entry]] = field(default_factory=dict)
    comparisons: dict[str, Comparison] = field(default_factory=dict)
    open_rows: list[ActionRow] = field(default_factory=list)
    completion: dict[str, tuple[int, int, float | None]] = field(default_factory=dict)
    lessons: dict[str, str] = field(default_factory=dict)
    # entry id -> (entry alike in its problems, the passage that is close; "" by words)
    similar: dict[str, list[tuple[Entry, str]]] = field(default_factory=dict)
    report: Report | None = None
    # word -> [(entry id, score, part, passage)]: the entries closest in meaning
    # (word_entries.py)
    nearest: dict[str, list[Near]] = field(default_factory=dict)

    @cached_property
    def postings(self) -> dict[str, list[int]]:
        """The search box's words: word -> entry number * 4 + field (vocabulary.py). Made
        by whichever needs them first: the table by meaning, before the build forks, or
        the search data, in the forked child beside the entry pages."""
        return postings(self.entries)


def _group(entries: list[Entry], key, order=pinyin_key) -> dict:
    """Entries by ``key``, newest first; the keys in ``order`` (names by pinyin)."""
    groups: dict = defaultdict(list)
    for e in entries:
        for k in key(e):
            groups[k].append(e)
    for es in groups.values():
        es.sort(key=lambda e: (e.date, e.id), reverse=True)
    return dict(sorted(groups.items(), key=lambda kv: order(kv[0])))


def site_data(
    entries: list[Entry],
    thesaurus: Thesaurus,
    labels: dict[str, str],
    today: dt.date,
    use_directory_urls: bool = True,
    failed: list[str] | None = None,
    meaning: SemanticIndex | None = None,
    order=pinyin_key,  # units: the roster's order, then pinyin (Units.sort_key)
) -> SiteData:
    """What the pages show; similar entries and recurring problems by meaning when
    ``meaning`` (a refreshed index) is given, else by shared tags and words."""
    published = sorted(
        (e for e in entries if e.publish), key=lambda e: (e.date, e.id), reverse=True
    )
    d = SiteData(published, today, labels, Site([], [], [], []), failed or [])
    d.by_unit = _group(published, lambda e: [e.unit], order)
    d.by_campaign = _group(published, lambda e: [e.campaign])
    d.by_tag = _group(published, lambda e: e.tags)
    d.by_category = _group(published, lambda e: [e.category] if e.category else [])
    d.by_year = dict(sorted(_group(published, lambda e: [e.year]).items(), reverse=True))
    d.tag_pages = sorted(d.by_tag, key=lambda t: (-len(d.by_tag[t]), t))[:TAG_PAGES]
    d.paths = Site(
        list(d.by_unit),
        list(d.by_campaign),
        d.tag_pages,
        list(d.by_category),
        use_directory_urls,
    )
    d.comparisons = {c: compare(es, c, order) for c, es in d.by_campaign.items()}
    d.open_rows = action_rows(published, today, ["open", "doing"], order=order)
    d.completion = unit_completion(published, order)
    store = meaning.store() if meaning else None
    groups = None
    if store is not None:
        work = {e.id: (e.unit, e.year) for e in published}
        groups = clusters(store, work.get)
    d.report = recurring(published, thesaurus, groups=groups, order=order)
    d.lessons = statuses(published, d.report.relapses)
    by_id = {e.id: e for e in published}
    if store is not None:
        found = similar_all(meaning, published)
        d.similar = {i: [(by_id[o], passage) for o, passage in ms] for i, ms in found.items()}
    else:
        d.similar = {i: [(x, "") for x in xs] for i, xs in similar(published).items()}
    if store is not None:
        vocabulary = meaning_vocabulary(published, d.postings)
        log.info(labels["build.word_table"].format(n=len(vocabulary)))
        d.nearest = nearest_entries(meaning, vocabulary, by_id, progress=_progress(labels))
    return d


def _progress(labels: dict[str, str]):
    """Log the embedding of new words now and then: the first build embeds them all."""
    said = [0.0]

    def progress(done: int, total: int) -> None:
        if done == total or time.monotonic() - said[0] > PROGRESS_EVERY:
            said[0] = time.monotonic()
            log.info(labels["build.words_embedded"].format(done=done, total=total))

    return progress
