"""Commands that close the loop: actions, compare, recurring, stats."""

from __future__ import annotations

import datetime as dt

import click

from ..entries.edit import EditError, status_code
from ..model import ACTION_STATUSES, OPEN_STATUSES, STATUS_WORDS
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
    """A comma list of status codes or the words the tables print (已完成); a wrong one
    is a usage error naming the right ones."""
    wanted = [s.strip() for s in (value or ",".join(OPEN_STATUSES)).split(",") if s.strip()]
    try:
        return [status_code(s) for s in wanted]
    except EditError as e:
        app = ctx.ensure_object(App)
        choices = ", ".join([*ACTION_STATUSES, *STATUS_WORDS])
        message = app.t("cli.err.status", status=e.params["value"], choices=choices)
        raise click.BadParameter(message, ctx, param) from None


@click.command("actions")
@click.option(
    "--status",
    callback=_statuses,
)
@click.option("--overdue", is_flag=True)
@unit_option
@group_option
@campaign_option
@click.option("--owner")
@click.option("--due-before", type=DATE)
@click.option("--today", type=DATE)
@limit_option(None)
@output_options(csv=True)
@pass_app
def actions_command(
    app: App, status, overdue, unit, group, campaign, owner, due_before, today, limit
) -> None:
    """The improvement items still to do, for those who follow them up."""
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
    """The units that reviewed one campaign, side by side."""
    emit(present.compare(app, compare(app.entries(group=group), campaign, app.order)))


@click.command("recurring")
@click.option(
    "--min-units",
    default=2,
    show_default=True,
    type=click.IntRange(1),
)
@click.option(
    "--min-years",
    default=2,
    show_default=True,
    type=click.IntRange(1),
)
@limit_option(30)
@output_options(csv=True)
@pass_app
def recurring_command(app: App, min_units: int, min_years: int, limit: int) -> None:
    """Problems that come back: across units, across years, or after a fix."""
    from ..reports.recurring import recurring  # loads the segmenter: only here
    from .searching import meaning_groups

    groups = meaning_groups(app.kb)
    report = recurring(app.entries(), app.kb.thesaurus, min_units, min_years, app.order, groups)
    emit(present.recurring(app, report, limit))


@click.command("stats")
@output_options(csv=True)
@pass_app
def stats_command(app: App) -> None:
    """The knowledge base in numbers."""
    from ..reports.lessons import stats  # loads the segmenter: only here
    from ..reports.recurring import relapses

    entries = app.entries()
    emit(present.stats(app, stats(entries, relapses(entries, app.kb.thesaurus), app.order)))
