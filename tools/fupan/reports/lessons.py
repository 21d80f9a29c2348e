"""Lesson status, computed from the items and later entries, never typed by hand."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass

from ..model import Entry
from ..text.collate import pinyin_key
from .actions import Order, unit_completion
from .recurring import Relapse, relapsed_ids

IDENTIFIED, LEARNED = "identified", "learned"


def lesson_status(entry: Entry, relapsed: set[str]) -> str:
    """*identified* while any item is open or doing, or none was written, or the
    problem came back in a later entry of the unit; *learned* once all items are
    done or dropped and it did not come back."""
    if not entry.actions or any(a.is_open for a in entry.actions) or entry.id in relapsed:
        return IDENTIFIED
    return LEARNED


def statuses(entries: list[Entry], found: list[Relapse]) -> dict[str, str]:
    relapsed = relapsed_ids(found)
    return {e.id: lesson_status(e, relapsed) for e in entries}


@dataclass
class Stats:
    entries: int
    by_unit: dict[str, int]
    by_campaign: dict[str, int]
    by_year: dict[int, int]
    closure: dict[str, dict]  # unit -> {actions, done, done_ratio}
    lessons: dict[str, int]  # identified / learned -> count

    def as_dict(self) -> dict:
        return asdict(self)


def stats(entries: list[Entry], found: list[Relapse], order: Order = pinyin_key) -> Stats:
    """Counts by unit (in ``order``), campaign (by pinyin) and year."""

    def count(key, sort=pinyin_key) -> dict:
        return dict(sorted(Counter(key(e) for e in entries).items(), key=lambda kv: sort(kv[0])))

    lessons = Counter(statuses(entries, found).values())
    return Stats(
        entries=len(entries),
        by_unit=count(lambda e: e.unit, order),
        by_campaign=count(lambda e: e.campaign),
        by_year=count(lambda e: e.year, lambda y: y),
        closure={
            u: {"actions": n, "done": d, "done_ratio": r}
            for u, (n, d, r) in unit_completion(entries, order).items()
        },
        lessons={IDENTIFIED: lessons[IDENTIFIED], LEARNED: lessons[LEARNED]},
    )
