"""What is due: open items due within some days or overdue, by unit and owner."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from ..entries.slug import entry_page, page_url
from ..model import OPEN_STATUSES, Entry
from ..reports.actions import ActionRow, action_rows


@dataclass
class DueItem:
    row: ActionRow
    days_overdue: int  # past the due date; 0 on the day, negative while time is left
    url: str = ""  # the entry's page on the site, when its address is known

    def as_dict(self) -> dict:
        return {**self.row.as_dict(), "days_overdue": self.days_overdue, "url": self.url}


@dataclass
class Group:
    """The items one owner of one unit is reminded of."""

    unit: str
    owner: str
    items: list[DueItem] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return sum(i.row.overdue for i in self.items)

    def as_dict(self) -> dict:
        return {
            "unit": self.unit,
            "owner": self.owner,
            "overdue": self.overdue,
            "items": [i.as_dict() for i in self.items],
        }


def entry_urls(site_url: str, use_directory_urls: bool = True) -> Callable[[str], str]:
    """Entry id -> the full address of its page on the published site ("" without one)."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    return lambda entry_id: (
        base + page_url(entry_page(entry_id), use_directory_urls) if base else ""
    )


def due_groups(
    entries: list[Entry],
    today: dt.date,
    within: int = 14,
    unit: str | None = None,
    url_of: Callable[[str], str] = lambda entry_id: "",
    unpublished: bool = False,
    order: Callable[[str], object] | None = None,
) -> list[Group]:
    """Open items due by ``today + within`` days (overdue ones included), grouped by unit
    and owner in the order of the tracking list (units in ``order``): overdue first, then
    by due date."""
    published = {e.id for e in entries if e.publish}
    chosen = entries if unpublished else [e for e in entries if e.publish]
    sort = {"order": order} if order else {}
    rows = action_rows(
        chosen,
        today,
        list(OPEN_STATUSES),
        unit=unit,
        due_before=today + dt.timedelta(days=within + 1),
        **sort,
    )
    groups: dict[tuple[str, str], Group] = {}
    for r in rows:
        assert r.due is not None  # due_before keeps only items with a due date
        group = groups.setdefault((r.unit, r.owner), Group(r.unit, r.owner))
        url = url_of(r.id) if r.id in published else ""
        group.items.append(DueItem(r, (today - r.due).days, url))
    return list(groups.values())
