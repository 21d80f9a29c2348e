"""Commands that close the loop: actions, compare, recurring, stats."""

from __future__ import annotations

import datetime as dt

import click

from ..kb import KnowledgeBase
from ..reports.actions import action_rows
from ..reports.compare import compare as run_compare
from ..text.thesaurus import load_thesaurus
from .common import DATE, emit, json_option, pass_kb, table_options

STATUS_MARK = {"open": "待办", "doing": "进行中", "done": "已完成", "dropped": "已放弃"}


def _entries(kb: KnowledgeBase):
    loaded = kb.load_all()
    if loaded.failed:
        click.echo(
            f"note: {len(loaded.failed)} entries with errors are left out: "
            f"{', '.join(loaded.failed[:5])} (run `fupan check`)",
            err=True,
        )
    return loaded.entries


def _pct(value: float | None) -> str:
    return "" if value is None else f"{100 * value:.0f}%"


@click.command()
@click.option(
    "--status", help="Comma list of statuses: open,doing,done,dropped (default: open,doing)."
)
@click.option("--overdue", is_flag=True, help="Only items past their due date.")
@click.option("--unit", help="Only this unit (name or alias).")
@click.option("--owner", help="Only items whose owner contains this name.")
@click.option("--due-before", type=DATE, help="Only items due before DATE.")
@click.option("--today", type=DATE, help="Measure 'overdue' from DATE (default: today).")
@table_options
@pass_kb
def actions(kb: KnowledgeBase, status, overdue, unit, owner, due_before, today, as_json, as_csv):
    """Improvement items by unit, overdue first, with owner, due date and entry.

    \b
    Examples:
      fupan actions
      fupan actions --overdue --unit 一分公司工会
      fupan actions --status open,doing,done --today 2026-06-30 --csv > items.csv
    """
    statuses = [s.strip() for s in (status or "open,doing").split(",") if s.strip()]
    resolved = kb.units.require(unit) if unit else None
    try:
        rows = action_rows(
            _entries(kb), today or dt.date.today(), statuses, overdue, resolved, owner, due_before
        )
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--status") from None
    headers = ["unit", "status", "overdue", "due", "owner", "action", "id"]
    table = [
        [
            r.unit,
            STATUS_MARK[r.status] if not as_csv else r.status,
            ("overdue" if as_csv else "逾期") if r.overdue else "",
            r.due,
            r.owner,
            r.action,
            r.id,
        ]
        for r in rows
    ]
    emit([r.as_dict() for r in rows], headers, table, as_json, as_csv, "no improvement items match")


@click.command()
@click.argument("campaign")
@table_options
@pass_kb
def compare(kb: KnowledgeBase, campaign: str, as_json: bool, as_csv: bool) -> None:
    """Units that reviewed CAMPAIGN, side by side; best and weakest marked.

    CAMPAIGN is the exact name or an unambiguous part of it. Best and weakest
    are judged by mean metric completion (the rating when there are no metrics).

    \b
    Examples:
      fupan compare 2025年职工春季运动会
      fupan compare 2025年安全 --csv > compare.csv
    """
    c = run_compare(_entries(kb), campaign)
    headers = ["unit", "mark", "rating"]
    for name in c.metric_names:
        headers += [f"{name} target", f"{name} actual", f"{name} %"]
    headers += ["actions", "done", "tags"]
    table = []
    for u in c.units:
        row: list = [u.unit, {"best": "★ best", "weakest": "▼ weakest"}.get(u.mark, ""), u.rating]
        for name in c.metric_names:
            m = u.metrics.get(name)
            row += (
                [
                    m["target"],
                    m["actual"],
                    "" if m["completion"] is None else f"{m['completion']:.0f}%",
                ]
                if m
                else ["", "", ""]
            )
        row += [u.actions, _pct(u.done_ratio), " ".join(u.tags)]
        table.append(row)
    if not as_json and not as_csv:
        click.echo(f"{c.campaign}: {len(c.units)} units\n")
    emit(c.as_dict(), headers, table, as_json, as_csv)
    if c.shared_tags and not as_json and not as_csv:
        click.echo(
            "\nshared problems: " + "; ".join(f"{t} ({len(us)})" for t, us in c.shared_tags.items())
        )


@click.command()
@click.option(
    "--min-units",
    default=2,
    show_default=True,
    type=click.IntRange(1),
    help="Units a problem must appear in (or --min-years years).",
)
@click.option(
    "--min-years",
    default=2,
    show_default=True,
    type=click.IntRange(1),
    help="Years a problem must appear in (or --min-units units).",
)
@click.option(
    "--limit",
    default=30,
    show_default=True,
    type=click.IntRange(1),
    help="Problems to show in the table.",
)
@table_options
@pass_kb
def recurring(kb: KnowledgeBase, min_units, min_years, limit, as_json, as_csv) -> None:
    """Problems that recur across units or years, and relapses after a fix.

    A problem is a shared tag, or a pair of words shared by reflection parts.
    A relapse: a unit marked an item on a problem done, and a later entry of
    the same kind of work shows that problem again.

    \b
    Examples:
      fupan recurring
      fupan recurring --min-units 3 --json
    """
    from ..reports.recurring import recurring as run_recurring  # loads the segmenter: only here

    report = run_recurring(
        _entries(kb), load_thesaurus(kb.reviews / "synonyms.yml"), min_units, min_years
    )
    if as_json:
        problems = report.problems + report.relapses  # relapses in the same list shape
        emit([p.as_dict() for p in problems], [], [], as_json=True)
        return
    headers = ["kind", "problem", "units", "years", "entries"]
    rows = [
        [p.kind, p.problem, len(p.units), " ".join(map(str, p.years)), len(p.ids)]
        for p in (report.problems if as_csv else report.problems[:limit])
    ]
    emit(None, headers, rows, as_csv=as_csv, empty="no recurring problems")
    if report.relapses and not as_csv:
        click.echo("\nrelapses (fixed, then back):")
        emit(
            None,
            ["unit", "problem", "fixed in", "back in", "action done"],
            [[r.unit, r.problem, r.fixed_in, r.again_in, r.action] for r in report.relapses],
        )


@click.command()
@json_option
@pass_kb
def stats(kb: KnowledgeBase, as_json: bool) -> None:
    """Entries by unit, campaign and year; item closure per unit; lessons learned.

    A lesson is *identified* while any of its items is open or doing, and
    *learned* when all are done or dropped and no later entry of the unit
    shows the problem again.

    \b
    Examples:
      fupan stats
      fupan stats --json
    """
    from ..reports.lessons import stats as run_stats  # loads the segmenter: only here
    from ..reports.recurring import recurring as run_recurring

    entries = _entries(kb)
    report = run_recurring(entries, load_thesaurus(kb.reviews / "synonyms.yml"))
    s = run_stats(entries, report.relapses)
    if as_json:
        emit(s.as_dict(), [], [], as_json=True)
        return
    click.echo(
        f"{s.entries} entries; lessons: {s.lessons['identified']} identified, "
        f"{s.lessons['learned']} learned\n"
    )
    units = sorted(set(s.by_unit) | set(s.closure))
    emit(
        None,
        ["unit", "entries", "actions", "done", "done %"],
        [
            [
                u,
                s.by_unit.get(u, 0),
                s.closure.get(u, {}).get("actions", 0),
                s.closure.get(u, {}).get("done", 0),
                _pct(s.closure.get(u, {}).get("done_ratio")),
            ]
            for u in units
        ],
    )
    click.echo("")
    emit(None, ["campaign", "entries"], list(s.by_campaign.items()))
    click.echo("")
    emit(None, ["year", "entries"], list(s.by_year.items()))
