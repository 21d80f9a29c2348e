"""Pages over many entries: units, campaign comparisons, tracking, tags, dashboard."""

from __future__ import annotations

from ..model import percent
from ..reports.actions import by_unit
from . import calendar
from .charts import Bar, bar_chart, marked
from .data import SiteData
from .html import Markup, el, esc, link, table, ul
from .page import Page
from .widgets import (
    action_table,
    entries_table,
    more_link,
    num,
    stars,
    stat_boxes,
    tag_links,
)

Pages = list[Page]
DASHBOARD_CAMPAIGNS = 20  # the latest ones on the home page; all on campaigns/
DASHBOARD_OVERDUE = 10  # the longest overdue on the home page; all on the tracking page
PAGE_ENTRIES = 200  # entries a unit, tag, category or year page lists; the rest: browse
CHART_BARS = 60  # the latest entries a unit's chart shows (2,000 bars were 55,000 px)


def unit_pages(d: SiteData) -> Pages:
    L, p = d.labels, d.paths
    pages: Pages = []
    rows = []
    for unit, entries in d.by_unit.items():
        src = p.unit(unit)
        open_rows = [r for r in d.open_rows if r.unit == unit]
        n, done, ratio = d.completion.get(unit, (0, 0, None))
        body = [
            stat_boxes(
                [
                    (L["entry_count"], len(entries)),
                    (L["open_actions"], len(open_rows)),
                    (L["overdue_actions"], sum(r.overdue for r in open_rows)),
                    (L["done_ratio"], percent(ratio)),
                ]
            )
        ]
        body += [
            el("h2", esc(L["unit_entries"])),
            entries_table(d, src, entries[:PAGE_ENTRIES], show_unit=False),
            more_link(d, src, PAGE_ENTRIES, len(entries), unit=unit),
        ]
        body.append(el("h2", esc(L["unit_open"])))
        body.append(action_table(d, src, open_rows) if open_rows else el("p", esc(L["all_done"])))
        body.append(calendar.feed_link(d, src, calendar.unit_feed(d, unit)))
        trend = [
            Bar(
                e.campaign,
                e.completion or 0.0,
                f"{percent(e.completion)} · {e.rating or '–'}/5",
            )
            for e in sorted(entries, key=lambda e: e.date)
            if e.metrics or e.rating
        ][-CHART_BARS:]
        if trend:
            body += [el("h2", esc(L["unit_trend"])), bar_chart(L["metric_completion"], trend)]
        pages.append(Page(src, unit, "\n".join(body)))
        rows.append(
            [
                link(p.href("units/index.md", src), unit),
                esc(len(entries)),
                esc(len(open_rows)),
                percent(ratio),
            ]
        )
    pages.append(
        Page(
            "units/index.md",
            L["units"],
            table([L["unit"], L["entry_count"], L["open_actions"], L["done_ratio"]], rows),
        )
    )
    return pages


def campaign_page(d: SiteData, campaign: str) -> Page:
    L, p = d.labels, d.paths
    c = d.comparisons[campaign]
    src = p.campaign(campaign)
    headers = [L["unit"], L["rating"]]
    for name in c.metric_names:
        headers.append(esc(name) + "<br>" + esc(f"{L['actual']} / {L['target']}"))
    headers += [L["action_count"], L["done_ratio"], L["tags"]]
    rows, classes = [], []
    for u in c.units:
        mark = el("span", esc(L[u.mark]), f"mark {u.mark}") if u.mark else ""
        row = [el("span", link(p.href(src, p.entry(u.id)), u.unit) + mark, "nowrap")]
        row.append(el("span", stars(u.rating), "nowrap"))
        for name in c.metric_names:
            m = u.metrics.get(name)
            row.append(
                "–"
                if not m
                else el(
                    "span",
                    esc(f"{num(m['actual'])} / {num(m['target'])} ")
                    + el("b", percent(m["completion"])),
                    "nowrap",
                )
            )
        row += [
            esc(u.actions),
            percent(u.done_ratio),
            el("span", tag_links(d, src, u.tags), "fupan-tags"),
        ]
        rows.append(row)
        classes.append(u.mark)
    alone = len(c.units) < 2  # nothing to compare yet: say so, not best and weakest
    body = [
        el("h2", esc(L["compare_table"])),
        table(headers, rows, row_classes=classes),
        el("p", esc(L["one_unit_note"] if alone else L["score_note"])),
    ]
    if c.metric_names:
        body.append(el("h2", esc(L["charts"])))
        for name in c.metric_names:
            bars = [
                Bar(
                    u.unit,
                    u.metrics[name]["completion"] or 0.0,
                    f"{percent(u.metrics[name]['completion'])} "
                    f"({num(u.metrics[name]['actual'])}/{num(u.metrics[name]['target'])})",
                )
                for u in c.units
                if name in u.metrics
            ]
            body.append(bar_chart(L["chart_title"].format(metric=name), marked(bars)))
    if not alone:
        body.append(el("h2", esc(L["shared_tags"])))
        body.append(
            ul(
                f"{tag_links(d, src, [t])} · {esc(L['list_sep'].join(us))}"
                for t, us in c.shared_tags.items()
            )
            if c.shared_tags
            else el("p", esc(L["no_shared_tags"]))
        )
    return Page(src, campaign, "\n".join(body))


def campaign_pages(d: SiteData) -> Pages:
    L, p = d.labels, d.paths
    pages: Pages = []
    rows = []
    for campaign, entries in sorted(
        d.by_campaign.items(), key=lambda kv: max(e.date for e in kv[1]), reverse=True
    ):
        page = campaign_page(d, campaign)
        pages.append(page)
        units = sorted({e.unit for e in entries})
        rows.append(
            [
                link(p.href("campaigns/index.md", page.path), campaign),
                esc(len(units)),
                esc(L["list_sep"].join(units)),
            ]
        )
    pages.append(
        Page(
            "campaigns/index.md",
            L["campaigns"],
            table([L["campaign"], L["unit_count"], L["units_reviewed"]], rows),
        )
    )
    return pages


def tracking_page(d: SiteData) -> Pages:
    L = d.labels
    src = "tracking.md"
    body = [
        el("h2", esc(L["per_unit_completion"])),
        table(
            [L["unit"], L["action_count"], L["status_done"], L["done_ratio"]],
            [
                [
                    link(d.paths.href(src, d.paths.unit(u)), u),
                    esc(n),
                    esc(done),
                    percent(r),
                ]
                for u, (n, done, r) in d.completion.items()
            ],
        ),
        el("p", esc(L["done_ratio_note"]), "fupan-note"),
    ]
    for unit, rows in by_unit(d.open_rows).items():
        body += [el("h2", esc(unit)), action_table(d, src, rows)]
    if not d.open_rows:
        body.append(el("p", esc(L["all_done"])))
    body.append(calendar.feed_link(d, src, calendar.FEED))
    return [Page(src, L["tracking"], "\n".join(body))]


def recurring_page(d: SiteData, limit: int = 40) -> Pages:
    """The problems that come back, the same figures as `fupan recurring`."""
    L, p, src = d.labels, d.paths, "recurring.md"
    entries = {e.id: e for e in d.entries}

    def links(ids: list[str], most: int = 6) -> Markup:
        """Unit and title of each entry, latest ``most`` only (on large bases a problem
        can have thousands)."""
        shown = [
            el(
                "a",
                esc(f"{entries[i].unit}{L['colon']}{entries[i].title}"),
                href=p.href(src, p.entry(i)),
            )
            for i in reversed(ids[-most:])
        ]
        more = el("li", esc(L["entries_in_all"].format(n=len(ids)))) if len(ids) > most else ""
        return el("ul", "".join(el("li", a) for a in shown) + more, "fupan-entries")

    problems = d.report.problems[:limit] if d.report else []
    body = [
        el("p", esc(L["recurring_note"])),
        table(
            [L["kind"], L["problem"], L["unit_count"], L["years"], L["entries"]],
            [
                [
                    esc(L[f"kind_{r.kind}"]),
                    tag_links(d, src, [r.problem]) if r.kind == "tag" else esc(r.problem),
                    esc(len(r.units)),
                    esc(" ".join(map(str, r.years))),
                    links(r.ids),
                ]
                for r in problems
            ],
            stacked=True,
        ),
    ]
    relapses = d.report.relapses if d.report else []
    if relapses:
        body += [
            el("h2", esc(L["relapses"])),
            table(
                [L["unit"], L["problem"], L["action_done"], L["fixed_in"], L["again_in"]],
                [
                    [
                        link(p.href(src, p.unit(r.unit)), r.unit),
                        tag_links(d, src, r.tags),
                        esc(r.action),
                        link(p.href(src, p.entry(r.fixed_in)), entries[r.fixed_in].title),
                        link(p.href(src, p.entry(r.again_in)), entries[r.again_in].title),
                    ]
                    for r in relapses
                ],
                stacked=True,
            ),
        ]
    return [Page(src, L["recurring"], "\n".join(body))]


def _listing(
    d: SiteData,
    index_src: str,
    title: str,
    groups: dict,
    src_of,
    facet: str,
    see_also: Markup = "",
    left_out: Markup = "",
) -> Pages:
    pages: Pages = []
    items = []
    for key, entries in groups.items():
        src = src_of(key)
        shown = entries_table(d, src, entries[:PAGE_ENTRIES])
        more = more_link(d, src, PAGE_ENTRIES, len(entries), **{facet: str(key)})
        pages.append(Page(src, str(key), shown + more))
        items.append(f"{link(d.paths.href(index_src, src), key)} ({len(entries)})")
    pages.append(Page(index_src, title, ul(items) + left_out + see_also))
    return pages


def listing_pages(d: SiteData) -> Pages:
    L, p = d.labels, d.paths
    others = el(
        "p",
        esc(L["see_also"] + L["colon"])
        + " · ".join(
            link(p.href("tags/index.md", src), L[key])
            for key, src in (("categories", "categories/index.md"), ("years", "years/index.md"))
        ),
    )
    tags = {t: d.by_tag[t] for t in d.tag_pages}
    rest = len(d.by_tag) - len(tags)
    left_out = ""
    if rest:
        text = L["tags_in_browse"].format(n=rest)
        left_out = el("p", link(p.href("tags/index.md", "browse.md"), text))
    return [
        *_listing(d, "tags/index.md", L["tag_index"], tags, p.tag, "tag", others, left_out),
        *_listing(d, "categories/index.md", L["categories"], d.by_category, p.category, "category"),
        *_listing(d, "years/index.md", L["years"], d.by_year, p.year, "year"),
    ]


def dashboard(d: SiteData, src: str = "index.md") -> Markup:
    """Counts, latest entries, overdue actions and campaigns, for the home page."""
    L, p = d.labels, d.paths
    overdue = [r for r in d.open_rows if r.overdue]
    stats = [
        (L["entry_count"], len(d.entries)),
        (L["unit_count"], len(d.by_unit)),
        (L["campaign_count"], len(d.by_campaign)),
        (L["open_actions"], len(d.open_rows)),
        (L["overdue_actions"], len(overdue)),
    ]
    out = [stat_boxes(stats)]
    out += [el("h2", esc(L["latest"])), entries_table(d, src, d.entries[:10])]
    if overdue:
        out += [
            el("h2", link(p.href(src, "tracking.md"), L["overdue_actions"])),
            action_table(
                d, src, sorted(overdue, key=lambda r: r.due)[:DASHBOARD_OVERDUE], show_unit=True
            ),
        ]
        if len(overdue) > DASHBOARD_OVERDUE:  # say the list is cut, and where the rest are
            more = L["overdue_more"].format(n=len(overdue))
            out.append(el("p", link(p.href(src, "tracking.md"), more), "fupan-note"))
    latest = sorted(d.by_campaign.items(), key=lambda kv: kv[1][0].date, reverse=True)
    out.append(el("h2", link(p.href(src, "campaigns/index.md"), L["dashboard_campaigns"])))
    out.append(
        table(
            [L["campaign"], L["unit_count"]],
            [
                [link(p.href(src, p.campaign(c)), c), esc(len({e.unit for e in es}))]
                for c, es in latest[:DASHBOARD_CAMPAIGNS]
            ],
        )
    )
    if len(latest) > DASHBOARD_CAMPAIGNS:  # the home page stays small on a large base
        out.append(
            el("p", link(p.href(src, "campaigns/index.md"), f"{L['campaigns']} ({len(latest)}) →"))
        )
    if d.failed:
        out += [el("h2", esc(L["invalid_entries"])), ul(esc(f) for f in d.failed)]
    return el("div", "\n".join(out), "fupan")
