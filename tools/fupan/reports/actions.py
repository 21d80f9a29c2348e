"""Improvement items across entries: who owes what by when, and what is overdue."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass

from ..model import ACTION_STATUSES, Action, Entry
from ..text.collate import pinyin_key

Order = Callable[[str], object]  # a sort key for unit names: roster order, then pinyin


@dataclass
class ActionRow:
    id: str  # the entry's id
    title: str
    path: str
    unit: str
    action: str
    owner: str
    due: dt.date | None
    status: str
    overdue: bool
    n: int = 0  # the item's place in its entry, 1-based: what `fupan action ID N` takes

    def as_dict(self) -> dict:
        return asdict(self)


def done_ratio(actions: list[Action]) -> float | None:
    """Share of items done, leaving out the ones consciously dropped; None if none count."""
    counted = [a for a in actions if a.status != "dropped"]
    return sum(a.status == "done" for a in counted) / len(counted) if counted else None


def action_rows(
    entries: list[Entry],
    today: dt.date,
    statuses: list[str] | None = None,
    overdue_only: bool = False,
    unit: str | None = None,
    owner: str | None = None,
    due_before: dt.date | None = None,
    order: Order = pinyin_key,
) -> list[ActionRow]:
    """Items grouped by unit (in ``order``), overdue first, then by due date."""
    for s in statuses or []:
        if s not in ACTION_STATUSES:
            raise ValueError(f"unknown status '{s}'; use {', '.join(ACTION_STATUSES)}")
    rows = [
        ActionRow(
            e.id, e.title, e.path, e.unit, a.action, a.owner, a.due, a.status, a.overdue(today), n
        )
        for e in entries
        for n, a in enumerate(e.actions, 1)
    ]
    rows = [
        r
        for r in rows
        if (not statuses or r.status in statuses)
        and (not overdue_only or r.overdue)
        and (unit is None or r.unit == unit)
        and (owner is None or owner in r.owner)
        and (due_before is None or (r.due is not None and r.due < due_before))
    ]
    rows.sort(key=lambda r: (order(r.unit), not r.overdue, r.due or dt.date.max, r.id))
    return rows


def by_unit(rows: list[ActionRow]) -> dict[str, list[ActionRow]]:
    groups: dict[str, list[ActionRow]] = defaultdict(list)
    for r in rows:
        groups[r.unit].append(r)
    return dict(groups)


def unit_completion(
    entries: list[Entry], order: Order = pinyin_key
) -> dict[str, tuple[int, int, float | None]]:
    """unit -> (items, items done, done ratio), units in ``order``."""
    actions: dict[str, list[Action]] = defaultdict(list)
    for e in entries:
        actions[e.unit].extend(e.actions)
    return {
        u: (len(a), sum(x.status == "done" for x in a), done_ratio(a))
        for u, a in sorted(actions.items(), key=lambda ua: order(ua[0]))
    }
