"""Core results as Views: the tables, headers and lines people read, in the KB's language.

JSON keeps the core's own shapes (stable English keys and codes); tables and CSV
show the same rows with translated headers and status words.
"""

from __future__ import annotations

from ..model import percent
from ..reports.actions import ActionRow
from ..reports.compare import Comparison
from ..reports.lessons import IDENTIFIED, LEARNED, Stats
from ..reports.recurring import Report
from .common import App, Table, View


def limited(app: App, rows: list, limit: int | None) -> tuple[list, list[str]]:
    """The first ``limit`` rows, and the note that says more were found."""
    if limit is None or len(rows) <= limit:
        return rows, []
    return rows[:limit], [app.t("cli.note.limited", total=len(rows), shown=limit)]


def actions(app: App, rows: list[ActionRow], limit: int | None) -> View:
    shown, notes = limited(app, rows, limit)
    t = app.t
    headers = [
        t(f"cli.h.{k}") for k in ("unit", "status", "overdue", "due", "owner", "action", "id")
    ] + [t("action.h.n")]  # with the id: what `fupan action ID N` takes
    table = [
        [
            r.unit,
            t(f"cli.status.{r.status}"),
            t("cli.overdue") if r.overdue else "",
            r.due,
            r.owner,
            r.action,
            r.id,
            r.n,
        ]
        for r in shown
    ]
    return View(
        [r.as_dict() for r in shown],
        [Table(headers, table, cut=(5, 6))],
        found=bool(rows),
        empty=t("cli.empty.actions"),
        notes=notes,
        narrow=_action_lines(headers, app.for_people(table)),
    )


def _action_lines(headers: list[str], table: list[list]) -> list[str]:
    """Items under their unit, the action on a line of its own: what fits 80 columns
    with the entry's id whole (it is what `fupan action ID N` takes)."""
    from .output import table as aligned

    keep = [1, 2, 3, 4, 6, 7]  # status, overdue, due, owner, id, n
    text = aligned([headers[i] for i in keep], [[row[i] for i in keep] for row in table]) or ""
    head, _, *lines = text.split("\n")
    out, unit = ["  " + head], None
    for line, row in zip(lines, table, strict=True):
        if row[0] != unit:
            unit = row[0]
            out.append(unit)
        out += ["  " + line, "      " + str(row[5])]
    return out


def _mark(app: App, mark: str) -> str:
    return app.t(f"cli.mark.{mark}") if mark else ""


def compare(app: App, c: Comparison) -> View:
    t = app.t
    grouped = any(app.group_of(u.unit) for u in c.units)
    headers = (
        [t("cli.h.unit")] + [t("cli.h.group")] * grouped + [t("cli.h.mark"), t("cli.h.rating")]
    )
    for name in c.metric_names:
        headers += [
            t("cli.h.metric_target", metric=name),
            t("cli.h.metric_actual", metric=name),
            t("cli.h.metric_completion", metric=name),
        ]
    headers += [t("cli.h.actions"), t("cli.h.done_pct"), t("cli.h.tags")]
    rows = []
    for u in c.units:
        row: list = [u.unit] + [app.group_of(u.unit)] * grouped + [_mark(app, u.mark), u.rating]
        for name in c.metric_names:
            m = u.metrics.get(name)
            row += [m["target"], m["actual"], _completion(m)] if m else ["", "", ""]
        row += [u.actions, percent(u.done_ratio, ""), " ".join(u.tags)]
        rows.append(row)
    shared = [f"{tag} ({len(us)})" for tag, us in c.shared_tags.items()]
    tail = ["", t("cli.compare.shared") + "; ".join(shared)] if shared else []
    lead = [t("cli.compare.head", campaign=c.campaign, n=len(c.units)), ""]
    narrow = [*lead, *_compare_blocks(app, c), *tail]
    return View(
        c.as_dict(), [Table(headers, rows, cut=(len(headers) - 1,))], lead, tail, narrow=narrow
    )


def _completion(m: dict) -> str:
    return percent(m["completion"], "")


def _compare_blocks(app: App, c: Comparison) -> list[str]:
    """One block per unit, its metrics as a small table: what fits 80 columns."""
    from .output import table

    t = app.t
    lines: list[str] = []
    for u in c.units:
        group = app.group_of(u.unit)
        unit = t("cli.compare.unit_group", unit=u.unit, group=group) if group else u.unit
        lines.append(t("cli.compare.unit_line", unit=unit, mark=_mark(app, u.mark)).rstrip())
        lines.append(
            "  "
            + t(
                "cli.compare.figures",
                rating=u.rating if u.rating is not None else "-",
                actions=u.actions,
                done=percent(u.done_ratio, "-"),
            )
        )
        metrics = [
            [name, m["target"], m["actual"], _completion(m)] for name, m in u.metrics.items()
        ]
        if metrics:
            headers = [t(f"cli.h.{k}") for k in ("metric", "target", "actual", "completion")]
            lines += ["  " + x for x in (table(headers, metrics) or "").splitlines()]
        if u.tags:
            lines.append("  " + t("cli.compare.tags", tags=" ".join(u.tags)))
        lines.append("")
    return lines[:-1]


def recurring(app: App, report: Report, limit: int) -> View:
    t = app.t
    problems = report.problems + report.relapses  # one JSON list, relapses in the same shape
    headers = [t(f"cli.h.{k}") for k in ("kind", "problem", "units", "years", "entries")]

    def row(p) -> list:
        return [
            t(f"cli.kind.{p.kind}"),
            p.problem,
            len(p.units),
            " ".join(map(str, p.years)),
            len(p.ids),
        ]

    shown, notes = limited(app, report.problems, limit)
    tables = [Table(headers, [row(p) for p in shown])]
    if report.relapses:
        tables.append(
            Table(
                [
                    t(f"cli.h.{k}")
                    for k in ("unit", "problem", "fixed_in", "back_in", "action_done")
                ],
                [
                    [r.unit, t("check.list").join(r.tags), r.fixed_in, r.again_in, r.action]
                    for r in report.relapses
                ],
                title=t("cli.recurring.relapses"),
                cut=(4, 2, 3),
            )
        )
    return View(
        [p.as_dict() for p in problems],
        tables,
        found=bool(problems),
        empty=t("cli.empty.recurring"),
        csv=Table(headers, [row(p) for p in report.problems]),
        notes=notes,
    )


def stats(app: App, s: Stats) -> View:
    t = app.t
    lead = [
        t(
            "cli.stats.head",
            entries=s.entries,
            identified=s.lessons[IDENTIFIED],
            learned=s.lessons[LEARNED],
        ),
        "",
    ]
    units = list(dict.fromkeys([*s.by_unit, *s.closure]))
    units.sort(key=app.order)

    def closure(u: str) -> list:
        c = s.closure.get(u, {})
        return [c.get("actions", 0), c.get("done", 0), percent(c.get("done_ratio"), "")]

    unit_rows = [[u, s.by_unit.get(u, 0), *closure(u)] for u in units]
    tables = [
        Table(
            [t(f"cli.h.{k}") for k in ("unit", "entries", "actions", "done", "done_pct")], unit_rows
        ),
        Table(
            [t("cli.h.campaign"), t("cli.h.entries")], [list(kv) for kv in s.by_campaign.items()]
        ),
        Table([t("cli.h.year"), t("cli.h.entries")], [list(kv) for kv in s.by_year.items()]),
    ]
    # one CSV a spreadsheet can filter: what is counted, its name, and the figures
    csv = Table(
        [t(f"cli.h.{k}") for k in ("dimension", "name", "entries", "actions", "done", "done_pct")],
        [[t("cli.stats.by_unit"), *r] for r in unit_rows]
        + [[t("cli.stats.by_campaign"), c, n, "", "", ""] for c, n in s.by_campaign.items()]
        + [[t("cli.stats.by_year"), y, n, "", "", ""] for y, n in s.by_year.items()],
    )
    return View(
        s.as_dict(), tables, lead, found=bool(s.entries), empty=t("cli.empty.stats"), csv=csv
    )
