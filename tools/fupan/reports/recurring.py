"""Problems that come back: across units, across years, and after being "fixed"."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ..model import Entry
from ..text.collate import pinyin_key
from ..text.thesaurus import Thesaurus
from ..text.words import precise_words, words

if TYPE_CHECKING:  # groups come from the search layer; reports only read them
    from ..search.clusters import Cluster

# A reflection word used by more than this share of entries is the vocabulary of
# the work itself (职工, 活动), not a problem.
GENERIC_SHARE = 0.4


@dataclass
class Recurring:
    kind: str  # "tag", "meaning" (passages alike) or "term" (word pairs, without meaning)
    problem: str
    units: list[str]
    years: list[int]
    ids: list[str]

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Relapse:
    unit: str
    tags: list[str]  # the tags that came back, with the same action and entries
    action: str  # the item marked done
    fixed_in: str  # id of the entry whose action was done
    again_in: str  # id of the later entry with the same problem
    years: list[int] = field(default_factory=list)

    @property
    def problem(self) -> str:
        """The first tag that came back: what the table and JSON name it by."""
        return self.tags[0]

    def as_dict(self) -> dict:
        """The shape of a recurring problem, so JSON readers get one kind of list."""
        return {
            "kind": "relapse",
            "problem": self.problem,
            "tags": self.tags,
            "units": [self.unit],
            "years": self.years,
            "ids": [self.fixed_in, self.again_in],
            "action": self.action,
        }


@dataclass
class Report:
    problems: list[Recurring] = field(default_factory=list)
    relapses: list[Relapse] = field(default_factory=list)


def _group(kind: str, problem: str, entries: list[Entry]) -> Recurring:
    return Recurring(
        kind,
        problem,
        sorted({e.unit for e in entries}, key=pinyin_key),
        sorted({e.year for e in entries}),
        [e.id for e in sorted(entries, key=lambda e: (e.date, e.id))],
    )


def _recurs(r: Recurring, min_units: int, min_years: int) -> bool:
    return len(r.units) >= min_units or len(r.years) >= min_years


def by_tags(entries: list[Entry], min_units: int = 2, min_years: int = 2) -> list[Recurring]:
    tagged: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        for t in e.tags:
            tagged[t].append(e)
    found = [_group("tag", t, es) for t, es in tagged.items()]
    return [r for r in found if _recurs(r, min_units, min_years)]


@lru_cache(maxsize=65536)  # recurring and similar both ask for every reflection
def phrases(text: str) -> frozenset[str]:
    """Pairs of neighbouring words (经费 + 超支 → 经费超支): specific enough to name a
    problem, where single words (情况, 方面) name none."""
    seq = [w for w in precise_words(text)]
    out = set()
    for a, b in zip(seq, seq[1:], strict=False):
        if a and b and len(a) + len(b) >= 4 and not (a.isascii() or b.isascii()):
            out.add(a + b)
    return frozenset(out)


def by_terms(entries: list[Entry], min_units: int = 2, min_years: int = 2) -> list[Recurring]:
    """Word pairs of the reflection parts that recur, minus those every entry uses."""
    having: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        for p in phrases(e.parts.get("reflection", "")):
            having[p].append(e)
    limit = max(2, int(GENERIC_SHARE * len(entries)))
    # tags are reported as tags; names of units and campaigns are not problems
    known = {t for e in entries for t in e.tags}
    names = " ".join({e.unit for e in entries} | {e.campaign for e in entries})
    found = [
        _group("term", p, es)
        for p, es in having.items()
        if 2 <= len(es) <= limit and p not in known and p not in names
    ]
    return [r for r in found if _recurs(r, min_units, min_years)]


def _related(tag: str, text: str, thesaurus: Thesaurus) -> bool:
    """Whether an action's text is about a tag: a word of the tag, or a synonym, in it."""
    tag_words = _word_set(tag)
    tag_words |= {s for w in tag_words for s in thesaurus.synonyms(w)}
    return not tag_words.isdisjoint(_word_set(text))


@lru_cache(maxsize=65536)  # each tag and action is asked about many times
def _word_set(text: str) -> frozenset[str]:
    return frozenset(words(text))


def _same_work(a: Entry, b: Entry) -> bool:
    """A problem comes back in the same kind of work (category), or the same campaign
    series when categories are not given."""
    if a.category and b.category:
        return a.category == b.category
    return _series(a.campaign) == _series(b.campaign)


def _series(campaign: str) -> str:
    return re.sub(r"\d{4}\s*年?", "", campaign).strip()


def relapses(entries: list[Entry], thesaurus: Thesaurus) -> list[Relapse]:
    """A later entry of the same unit carries a tag that a done action had addressed;
    one relapse for each action and pair of entries, however many tags came back."""
    found: dict[tuple[str, str, str], Relapse] = {}
    per_unit: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        per_unit[e.unit].append(e)
    for unit, es in per_unit.items():
        es.sort(key=lambda e: (e.date, e.id))
        for i, earlier in enumerate(es):
            for tag in earlier.tags:
                fix = next(
                    (
                        a
                        for a in earlier.actions
                        if a.status == "done" and _related(tag, a.action, thesaurus)
                    ),
                    None,
                )
                if fix is None:
                    continue
                again = next(
                    (x for x in es[i + 1 :] if tag in x.tags and _same_work(earlier, x)), None
                )
                if again is None:
                    continue
                key = (fix.action, earlier.id, again.id)
                if key in found:
                    found[key].tags.append(tag)
                else:
                    years = sorted({earlier.year, again.year})
                    found[key] = Relapse(unit, [tag], fix.action, earlier.id, again.id, years)
    return list(found.values())


def by_meaning(
    groups: list[Cluster], entries: list[Entry], min_units: int = 2, min_years: int = 2
) -> list[Recurring]:
    """Groups of passages that say the same thing (see :mod:`fupan.search.clusters`), as
    recurring problems named by their representative sentence."""
    known = {e.id: e for e in entries}
    found = []
    for g in groups:
        members = [known[i] for i in g.ids if i in known]
        if len(members) >= 2:
            found.append(_group("meaning", g.sentence, members))
    return [r for r in found if _recurs(r, min_units, min_years)]


def recurring(
    entries: list[Entry],
    thesaurus: Thesaurus,
    min_units: int = 2,
    min_years: int = 2,
    order=pinyin_key,
    groups: list[Cluster] | None = None,
) -> Report:
    """Recurring problems, most widespread first, and every relapse; units in ``order``.

    Beside the tags: ``groups`` of passages alike in meaning when search by meaning is
    there, else word pairs shared by reflections."""
    if groups is None:
        others = by_terms(entries, min_units, min_years)
    else:
        others = by_meaning(groups, entries, min_units, min_years)
    problems = by_tags(entries, min_units, min_years) + others
    for r in problems:
        r.units.sort(key=order)
    problems.sort(
        key=lambda r: (-len(r.units), -len(r.years), r.kind != "tag", pinyin_key(r.problem))
    )
    found = relapses(entries, thesaurus)
    found.sort(key=lambda r: order(r.unit))  # stable: each unit's relapses keep their dates
    return Report(problems, found)


def relapsed_ids(found: list[Relapse]) -> set[str]:
    """Entries whose fixed problem came back later."""
    return {r.fixed_in for r in found}
