"""Pieces many pages share: figures, badges, links and the tables of entries and actions."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from ..lang import day as said_day
from ..model import Entry, percent
from ..reports.actions import ActionRow
from .browse import SRC as BROWSE
from .data import SiteData
from .html import Markup, el, esc, link, table


def day(d: SiteData, date: dt.date | None) -> str:
    """A date as the site's language writes it (2025年4月20日 on a Chinese site)."""
    return "–" if date is None else said_day(d.labels, date)


def num(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def measure(value: float, unit: str) -> str:
    """A metric's value with its unit: 170 人, but 90% as percentages are written."""
    joined = unit.strip() in ("%", "％", "‰")
    return f"{num(value)}{'' if joined else ' '}{unit}".strip()


def stars(rating: int | None) -> Markup:
    if rating is None:
        return "–"
    return el("span", "★" * rating + "☆" * (5 - rating), title=f"{rating}/5") + f" {rating}/5"


def stat_boxes(stats: list[tuple[str, object]]) -> Markup:
    """Big figures with their labels, as the home and unit pages open."""
    return el(
        "div", "".join(el("div", el("b", esc(v)) + esc(k), "stat") for k, v in stats), "stats"
    )


def status_badge(d: SiteData, status: str, overdue: bool) -> Markup:
    badge = el("span", esc(d.labels[f"status_{status}"]), f"badge {status}")
    if overdue:
        badge += " " + el("span", esc(d.labels["overdue"]), "badge overdue")
    return badge


def tag_links(d: SiteData, src: str, tags: list[str]) -> Markup:
    """Each tag's page, or the browse page filtered by it for a tag without one."""
    return " ".join(
        link(d.paths.href(src, d.paths.tag(t)), f"#{t}", "tag")
        if t in d.paths.tags
        else link(browse_href(d, src, tag=t), f"#{t}", "tag")
        for t in tags
    )


def browse_href(d: SiteData, src: str, **facets: str) -> str:
    """The browse page with its facets set, e.g. every entry of one unit."""
    return d.paths.href(src, BROWSE) + "?" + urlencode(facets)


def more_link(d: SiteData, src: str, shown: int, total: int, **facets: str) -> Markup:
    """Below a list cut at ``shown`` of ``total``: where the rest is."""
    if total <= shown:
        return ""
    text = d.labels["more_in_browse"].format(shown=shown, total=total)
    return el("p", link(browse_href(d, src, **facets), text))


def entry_link(d: SiteData, src: str, e: Entry) -> Markup:
    return link(d.paths.href(src, d.paths.entry(e.id)), e.title)


def entries_table(d: SiteData, src: str, entries: list[Entry], show_unit: bool = True) -> Markup:
    L = d.labels
    headers = (
        [L["date"], L["title"]]
        + ([L["unit"]] if show_unit else [])
        + [L["campaign"], L["rating"], L["metric_completion"]]
    )
    rows = []
    for e in entries:
        row = [el("span", esc(day(d, e.date)), "nowrap"), entry_link(d, src, e)]
        if show_unit:
            row.append(link(d.paths.href(src, d.paths.unit(e.unit)), e.unit))
        row += [
            link(d.paths.href(src, d.paths.campaign(e.campaign)), e.campaign),
            stars(e.rating),
            percent(e.completion),
        ]
        rows.append(row)
    return table(headers, rows)


def action_table(d: SiteData, src: str, rows: list[ActionRow], show_unit: bool = False) -> Markup:
    L = d.labels
    headers = ([L["unit"]] if show_unit else []) + [
        L["action"],
        L["owner"],
        L["due"],
        L["status"],
        L["from_entry"],
    ]
    body = []
    for r in rows:
        cells = ([link(d.paths.href(src, d.paths.unit(r.unit)), r.unit)] if show_unit else []) + [
            esc(r.action),
            esc(r.owner),
            el("span", esc(day(d, r.due)), "nowrap"),
            status_badge(d, r.status, r.overdue),
            link(d.paths.href(src, d.paths.entry(r.id)), r.title),
        ]
        body.append(cells)
    return table(headers, body, row_classes=["overdue" if r.overdue else "" for r in rows])
