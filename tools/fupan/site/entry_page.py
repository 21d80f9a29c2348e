"""The page of one entry: its card, three parts, metrics, items and neighbours."""

from __future__ import annotations

from ..model import PARTS, Action, Entry, percent
from .data import SiteData
from .html import el, esc, link, render_parts, table, ul
from .page import Page
from .widgets import day, entry_link, measure, stars, status_badge, tag_links


def _actions_of(d: SiteData, e: Entry) -> list[tuple[Action, bool]]:
    return [(a, a.overdue(d.today)) for a in e.actions]


def entry_page(d: SiteData, e: Entry) -> Page:
    L, p = d.labels, d.paths
    src = p.entry(e.id)
    card = [
        (L["unit"], link(p.href(src, p.unit(e.unit)), e.unit)),
        (L["campaign"], link(p.href(src, p.campaign(e.campaign)), e.campaign)),
        (L["date"], esc(day(d, e.date))),
    ]
    if e.period:
        card.append((L["period"], esc(f"{day(d, e.period[0])} – {day(d, e.period[1])}")))
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
                        esc(measure(m.target, m.unit)),
                        esc(measure(m.actual, m.unit)),
                        percent(m.completion),
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
                        el("span", esc(day(d, a.due)), "nowrap"),
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
            p.href(src, p.campaign(e.campaign)), f"{L['compare_table']}{L['colon']}{e.campaign}"
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
                f"{entry_link(d, src, x)} · {esc(x.unit)} · {esc(day(d, x.date))}"
                + (el("blockquote", esc(passage), "similar-passage") if passage else "")
                for x, passage in alike
            ),
        ]
    return Page(src, e.title, "\n".join(out), ("navigation",))
