"""Pieces every page uses, and the entry page."""

from __future__ import annotations

from typing import NamedTuple

from ..model import PARTS, Action, Entry
from ..reports.actions import ActionRow
from .data import SiteData
from .html import Markup, el, esc, link, render_parts, table, ul


class Page(NamedTuple):
    """A generated page: its HTML, and what Material's search indexes of it.

    ``search`` holds the page's own text under the same headings, without links, tables
    and charts, which would match queries with other entries' titles and made parsing
    for the search index the largest cost of a build; None keeps the page out of
    search (listings only repeat titles found elsewhere)."""

    title: str
    body: Markup
    search: Markup | None = None


def pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}%"


def num(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def stars(rating: int | None) -> Markup:
    if rating is None:
        return "–"
    return el("span", "★" * rating + "☆" * (5 - rating), title=f"{rating}/5") + f" {rating}/5"


def mean_completion(entry: Entry) -> float | None:
    done = [m.completion for m in entry.metrics if m.completion is not None]
    return sum(done) / len(done) if done else None


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
    return " ".join(link(d.paths.href(src, d.paths.tag(t)), f"#{t}", "tag") for t in tags)


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
        row = [esc(e.date.isoformat()), entry_link(d, src, e)]
        if show_unit:
            row.append(link(d.paths.href(src, d.paths.unit(e.unit)), e.unit))
        row += [
            link(d.paths.href(src, d.paths.campaign(e.campaign)), e.campaign),
            stars(e.rating),
            pct(mean_completion(e)),
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
            esc(r.due.isoformat() if r.due else "–"),
            status_badge(d, r.status, r.overdue),
            link(d.paths.href(src, d.paths.entry(r.id)), r.title),
        ]
        body.append(cells)
    return table(headers, body, row_classes=["overdue" if r.overdue else "" for r in rows])


def _actions_of(d: SiteData, e: Entry) -> list[tuple[Action, bool]]:
    return [(a, a.overdue(d.today)) for a in e.actions]


def entry_page(d: SiteData, e: Entry) -> tuple[str, Page]:
    L, p = d.labels, d.paths
    src = p.entry(e.id)
    card = [
        (L["unit"], link(p.href(src, p.unit(e.unit)), e.unit)),
        (L["campaign"], link(p.href(src, p.campaign(e.campaign)), e.campaign)),
        (L["date"], esc(e.date.isoformat())),
    ]
    if e.period:
        card.append((L["period"], esc(f"{e.period[0].isoformat()} – {e.period[1].isoformat()}")))
    if e.category:
        card.append((L["category"], link(p.href(src, p.category(e.category)), e.category)))
    if e.author:
        card.append((L["author"], esc(e.author)))
    card.append((L["rating"], stars(e.rating)))
    if e.tags:
        card.append((L["tags"], tag_links(d, src, e.tags)))
    card.append((L["lesson"], esc(L[f"lesson_{d.lessons[e.id]}"])))
    for key, value in e.extra.items():
        card.append((esc(key), esc(value)))
    out = [el("dl", "".join(el("dt", k) + el("dd", v) for k, v in card), "fupan-card")]
    parts = []
    for part, html in zip(PARTS, render_parts([e.parts.get(p, "") for p in PARTS]), strict=True):
        parts += [el("h2", esc(L[part]), id=part), html]
    out += parts
    if e.metrics:
        out.append(el("h2", esc(L["metrics"]), id="metrics"))
        out.append(
            table(
                [L["metric"], L["target"], L["actual"], L["completion"]],
                [
                    [
                        esc(m.name),
                        esc(f"{num(m.target)} {m.unit}".strip()),
                        esc(f"{num(m.actual)} {m.unit}".strip()),
                        pct(m.completion),
                    ]
                    for m in e.metrics
                ],
            )
        )
    if e.actions:
        out.append(el("h2", esc(L["actions"]), id="actions"))
        rows = _actions_of(d, e)
        out.append(
            table(
                [L["action"], L["owner"], L["due"], L["status"]],
                [
                    [
                        esc(a.action),
                        esc(a.owner or "–"),
                        esc(a.due.isoformat() if a.due else "–"),
                        status_badge(d, a.status, overdue),
                    ]
                    for a, overdue in rows
                ],
                row_classes=["overdue" if o else "" for _, o in rows],
            )
        )
    others = [x for x in d.by_campaign[e.campaign] if x.id != e.id]
    if others:
        compare_link = link(
            p.href(src, p.campaign(e.campaign)), f"{L['compare_table']}: {e.campaign}"
        )
        out += [
            el("h2", esc(L["same_campaign"]), id="same-campaign"),
            el("p", compare_link),
            ul(f"{entry_link(d, src, x)} · {esc(x.unit)}" for x in others),
        ]
    alike = d.similar.get(e.id) or []
    if alike:
        out += [
            el("h2", esc(L["similar"]), id="similar"),
            ul(
                f"{entry_link(d, src, x)} · {esc(x.unit)} · {esc(x.date.isoformat())}"
                for x in alike
            ),
        ]
    return src, Page(e.title, "\n".join(out), _entry_search(d, e, parts))


def _entry_search(d: SiteData, e: Entry, parts: list[Markup]) -> Markup:
    """The entry's words for Material's search: who, what and which problems, its three
    parts, and its action items (the what of an improvement is often the query)."""
    L = d.labels
    facts = [e.unit, e.campaign, e.category, e.author, *(f"#{t}" for t in e.tags)]
    facts += [m.name for m in e.metrics]
    out = [el("p", esc(" · ".join(f for f in facts if f))), *parts]
    if e.actions:
        out.append(el("h2", esc(L["actions"]), id="actions"))
        out.append(ul(esc(" · ".join(x for x in (a.action, a.owner) if x)) for a in e.actions))
    return "\n".join(out)
