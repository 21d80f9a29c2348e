"""The site's calendar feeds: every open item, and each unit's, to subscribe to."""

from __future__ import annotations

import posixpath
from collections import defaultdict

from ..reminders.feed import calendar, events
from ..reminders.plan import entry_urls
from .data import SiteData
from .html import Markup, el, esc, link
from .urls import _relative

FEED = "tracking/actions.ics"


def unit_feed(d: SiteData, unit: str) -> str:
    return posixpath.splitext(d.paths.unit(unit))[0] + "/actions.ics"


def feeds(d: SiteData, site_url: str = "") -> dict[str, str]:
    """Feed files by path in the site; only published entries' items (``d`` holds no
    others). Entry links need the site's address (``site_url`` in mkdocs.yml)."""
    L = d.labels
    written = events(d.open_rows, d.today, L, entry_urls(site_url, d.paths.use_directory_urls))
    by_unit: dict[str, list[bytes]] = defaultdict(list)
    for row, event in written:
        by_unit[row.unit].append(event)
    out = {FEED: calendar(L["remind.calendar_name"], [e for _, e in written])}
    for unit in d.by_unit:  # every unit has its feed, one with no open items too
        name = L["remind.calendar_unit"].format(unit=unit)
        out[unit_feed(d, unit)] = calendar(name, by_unit[unit])
    return out


def feed_link(d: SiteData, src: str, path: str) -> Markup:
    """A paragraph linking a page to its feed, with what to do with it."""
    href = _relative(d.paths.url(src), path)
    return el(
        "p",
        link(href, d.labels["remind.subscribe"], "feed")
        + " "
        + esc(d.labels["remind.subscribe_note"]),
    )
