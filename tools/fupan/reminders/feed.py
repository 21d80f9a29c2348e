"""Open improvement items as an iCalendar feed (RFC 5545) that calendars subscribe to.

One all-day event per item on its due date. Its UID comes from the entry and the
item's text, so a calendar that refreshes the feed updates the event instead of adding
another; the stamp is the day the feed describes, so two builds of one day are equal.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable

import icalendar

from ..lang import day
from ..model import OPEN_STATUSES
from ..reports.actions import ActionRow

PRODID = "-//fupan//improvement items//ZH"
REFRESH = dt.timedelta(hours=6)


def uid(row: ActionRow, n: int = 0) -> str:
    """Stable across builds: the entry id and the item's text (and its rank among
    identical items of the entry)."""
    digest = hashlib.sha1(f"{row.id}\n{row.action}\n{n}".encode()).hexdigest()[:20]
    return f"{digest}@fupan"


def _event(
    row: ActionRow, n: int, s: dict[str, str], stamp: dt.datetime, url: str
) -> icalendar.Event:
    assert row.due is not None
    owner = row.owner or s["remind.no_owner"]
    status = s[f"status_{row.status}"]
    event = icalendar.Event()
    event.add("uid", uid(row, n))
    event.add("dtstamp", stamp)
    event.add("dtstart", row.due)
    event.add("dtend", row.due + dt.timedelta(days=1))
    summary = s["remind.event_summary"].format(owner=owner, action=row.action)
    event.add("summary", (f"[{s['overdue']}] " if row.overdue else "") + summary)
    lines = [
        s["remind.event_description"].format(
            unit=row.unit, owner=owner, status=status, due=day(s, row.due)
        ),
        s["remind.source"].format(title=row.title),
    ]
    if url:
        lines.append(url)
        event.add("url", url)
    event.add("description", "\n".join(lines))
    event.add("categories", [row.unit])
    event.add("transp", "TRANSPARENT")  # a deadline, not a meeting: keeps the day free
    event.add("x-microsoft-cdo-busystatus", "FREE")
    return event


def events(
    rows: list[ActionRow],
    today: dt.date,
    s: dict[str, str],
    url_of: Callable[[str], str] = lambda entry_id: "",
) -> list[tuple[ActionRow, bytes]]:
    """Each open item with a due date and its event, written once: a site's feeds of
    all units and of each unit share them, and writing is most of a feed's cost."""
    stamp = dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC)
    seen: dict[tuple[str, str], int] = {}
    out = []
    for row in sorted(rows, key=lambda r: (r.due or dt.date.max, r.unit, r.id, r.action)):
        if row.status not in OPEN_STATUSES or row.due is None:
            continue
        n = seen.get((row.id, row.action), 0)
        seen[(row.id, row.action)] = n + 1
        out.append((row, _event(row, n, s, stamp, url_of(row.id)).to_ical()))
    return out


def calendar(name: str, written: list[bytes]) -> str:
    """A feed's text (CRLF lines, folded at 75 octets) holding the ``written`` events."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("name", name)
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT6H")
    head = cal.to_ical()
    end = head.rindex(b"END:VCALENDAR")
    return (head[:end] + b"".join(written) + head[end:]).decode("utf-8")


def feed(
    rows: list[ActionRow],
    name: str,
    today: dt.date,
    s: dict[str, str],
    url_of: Callable[[str], str] = lambda entry_id: "",
) -> str:
    """The feed of the open items of ``rows`` that have a due date."""
    return calendar(name, [e for _, e in events(rows, today, s, url_of)])
