"""Commands that close the loop: actions, compare, recurring, stats."""

from __future__ import annotations

import datetime as dt

import click

from ..model import ACTION_STATUSES, OPEN_STATUSES
from ..reports.actions import action_rows
from ..reports.compare import compare
from . import present
from .common import (
    DATE,
    App,
    campaign_option,
    emit,
    group_option,
    limit_option,
    output_options,
    pass_app,
    unit_option,
)


def _statuses(ctx: click.Context, param: click.Parameter, value: str | None) -> list[str]:
    """A comma list of status codes; a wrong one is a usage error naming the right ones."""
    wanted = [s.strip() for s in (value or ",".join(OPEN_STATUSES)).split(",") if s.strip()]
    for s in wanted:
        if s not in ACTION_STATUSES:
            app = ctx.ensure_object(App)
            message = app.t("cli.err.status", status=s, choices=", ".join(ACTION_STATUSES))
            raise click.BadParameter(message, ctx, param)
    return wanted


@click.command("actions")
@click.option(
    "--status",
    callback=_statuses,
    help="Comma list of statuses: open,doing,done,dropped (default: open,doing).",
)
@click.option("--overdue", is_flag=True, help="Only items past their due date.")
@unit_option
@group_option
@campaign_option
@click.option("--owner", help="Only items whose owner contains this name.")
@click.option("--due-before", type=DATE, help="Only items due before DATE.")
@click.option("--today", type=DATE, help="Measure 'overdue' from DATE (default: today).")
@limit_option(None, "Items")
@output_options(csv=True)
@pass_app
def actions_command(
    app: App, status, overdue, unit, group, campaign, owner, due_before, today, limit
) -> None:
    """Improvement items by unit, overdue first, with owner, due date and entry.

    \b
    Examples:
      fupan actions
      fupan actions --overdue --unit 一分公司工会
      fupan actions --campaign 2025年安全 --limit 5
      fupan actions --group 分公司 --overdue
      fupan actions --status open,doing,done --today 2026-06-30 --csv > items.csv
    """
    entries = app.entries(campaign, group)
    today = today or dt.date.today()
    rows = action_rows(entries, today, status, overdue, unit, owner, due_before, app.order)
    emit(present.actions(app, rows, limit))


@click.command("compare")
@click.argument("campaign")
@group_option
@output_options(csv=True)
@pass_app
def compare_command(app: App, campaign: str, group: str | None) -> None:
    """Units that reviewed CAMPAIGN, side by side; best and weakest marked.

    CAMPAIGN is the exact name or an unambiguous part of it. Best and weakest
    are judged by mean metric completion (the rating when there are no metrics).
    On a narrow terminal each unit is shown as a block of its own. With --group,
    only the units of that group of units.yml are compared with each other.

    \b
    Examples:
      fupan compare 2025年职工春季运动会
      fupan compare 2025年安全 --group 车间
      fupan compare 2025年安全 --csv > compare.csv
    """
    emit(present.compare(app, compare(app.entries(group=group), campaign, app.order)))


@click.command("recurring")
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
@limit_option(30, "Problems")
@output_options(csv=True)
@pass_app
def recurring_command(app: App, min_units: int, min_years: int, limit: int) -> None:
    """Problems that recur across units or years, and relapses after a fix.

    A problem is a shared tag, or passages of reflection parts that say the
    same thing in other words (by meaning; word pairs when meaning is off).
    A relapse: a unit marked an item on a problem done, and a later entry of
    the same kind of work shows that problem again.

    \b
    Examples:
      fupan recurring
      fupan recurring --min-units 3 --json
    """
    from ..reports.recurring import recurring  # loads the segmenter: only here
    from .searching import meaning_groups

    groups = meaning_groups(app.kb)
    report = recurring(app.entries(), app.kb.thesaurus, min_units, min_years, app.order, groups)
    emit(present.recurring(app, report, limit))


@click.command("stats")
@output_options(csv=True)
@pass_app
def stats_command(app: App) -> None:
    """Entries by unit, campaign and year; item closure per unit; lessons learned.

    A lesson is *identified* while any of its items is open or doing, and
    *learned* when all are done or dropped and no later entry of the unit
    shows the problem again.

    \b
    Examples:
      fupan stats
      fupan stats --csv > 统计.csv
      fupan stats --json
    """
    from ..reports.lessons import stats  # loads the segmenter: only here
    from ..reports.recurring import relapses

    entries = app.entries()
    emit(present.stats(app, stats(entries, relapses(entries, app.kb.thesaurus), app.order)))
