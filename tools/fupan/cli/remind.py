"""``fupan remind``: tell owners what is due, by group robot and mail, or write a calendar."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click

from ..kb import site_settings
from ..model import OPEN_STATUSES
from ..reminders.config import RemindConfig, load_config
from ..reminders.deliver import FAILED, SENT, SKIPPED, Outcome
from ..reminders.deliver import remind as send_all
from ..reminders.feed import feed
from ..reminders.messages import owner_name, when
from ..reminders.plan import Group, due_groups, entry_urls
from ..reminders.state import SentToday
from ..reports.actions import action_rows
from ..search.locking import file_lock
from .common import DATE, App, Table, View, emit, note, output_options, pass_app, unit_option

LOCK = "reminders.lock"  # in .fupan/: two runs at once would both send


def _due_table(app: App, groups: list[Group]) -> Table:
    """The items as `fupan actions` lists them: its ID and N are what `fupan action` takes."""
    keys = ("unit", "owner", "due", "when", "action", "entry")
    s = app.strings
    rows = [
        [g.unit, owner_name(s, g.owner), i.row.due, when(s, i), i.row.action, i.row.id, i.row.n]
        for g in groups
        for i in g.items
    ]
    return Table([app.t(f"remind.h.{k}") for k in keys] + [app.t("action.h.n")], rows, cut=(4,))


def _result(app: App, o: Outcome) -> str:
    result = app.t(f"remind.result.{o.status}")
    return app.t("remind.result.reason", result=result, reason=o.error) if o.error else result


def _results_table(app: App, outcomes: list[Outcome]) -> Table:
    keys = ("channel", "target", "result")
    rows = [[app.t(f"remind.channel.{o.channel}"), o.target, _result(app, o)] for o in outcomes]
    return Table([app.t(f"remind.h.{k}") for k in keys], rows)


def _write_feed(app: App, path: Path, entries, today: dt.date, unit: str | None, url_of) -> None:
    """The site's feed (published entries only), of one unit or all."""
    published = [e for e in entries if e.publish]
    rows = action_rows(published, today, list(OPEN_STATUSES), unit=unit)
    name = app.t("remind.calendar_unit", unit=unit) if unit else app.t("remind.calendar_name")
    path.write_bytes(feed(rows, name, today, app.strings, url_of).encode("utf-8"))
    note(app.t("remind.ics_written", path=path, count=sum(r.due is not None for r in rows)))


@click.command("remind")
@click.option(
    "--within",
    type=click.IntRange(0),
)
@click.option("--today", type=DATE)
@unit_option
@click.option("--dry-run", is_flag=True)
@click.option(
    "--ics",
    type=click.Path(dir_okay=False, path_type=Path),
)
@output_options()
@pass_app
def remind_command(app: App, within, today, unit, dry_run, ics) -> None:
    """Tell owners what is due, by the channels of fupan.yml."""
    kb, today = app.kb, today or dt.date.today()
    config, problems = load_config(kb.reviews, kb.units, kb.rel(kb.reviews) + "/fupan.yml")
    for problem in sorted(problems, key=lambda p: p.line):
        note(problem.said(app.strings))
    entries = app.entries()
    settings = site_settings(kb.root)
    url_of = entry_urls(config.site_url or settings.site_url, settings.use_directory_urls)
    if ics is not None:
        _write_feed(app, ics, entries, today, unit, url_of)
        return
    days = config.within if within is None else within
    groups = due_groups(entries, today, days, unit, url_of, config.unpublished, app.order)
    outcomes: list[Outcome] = []
    if groups and config.channels:
        with file_lock(kb.state_dir / LOCK, 600, "search.what.reminders"):
            state = SentToday(kb.state_dir, today)
            outcomes = send_all(
                groups, config, today, app.strings, os.environ, state, dry_run, scope=unit or ""
            )
    data = {
        "today": today,
        "within": days,
        "groups": [g.as_dict() for g in groups],
        "deliveries": [o.as_dict() for o in outcomes],
    }
    if app.fmt == "json":
        emit(View(data))
    else:
        _report(app, groups, outcomes, config, days, dry_run)
    # a dry run that found what would stop a message fails as the real run would
    if any(o.status == FAILED or o.error for o in outcomes) or any(
        p.level == "error" for p in problems
    ):
        raise SystemExit(1)


def _report(
    app: App,
    groups: list[Group],
    outcomes: list[Outcome],
    config: RemindConfig,
    days: int,
    dry_run: bool,
) -> None:
    if not groups:
        note(app.t("remind.nothing_due", within=days))
        return
    emit(View(None, [_due_table(app, groups)]))
    if not config.channels:
        note(app.t("remind.no_channels", path=config.path))
        return
    for o in outcomes if dry_run else []:
        channel = app.t(f"remind.channel.{o.channel}")
        click.echo("\n" + app.t("remind.dry_run_head", channel=channel, target=o.target))
        click.echo(o.preview)
    click.echo("")
    emit(View(None, [_results_table(app, outcomes)]))
    if not dry_run:
        count = {k: sum(o.status == k for o in outcomes) for k in (SENT, SKIPPED, FAILED)}
        note(
            app.t("remind.summary", sent=count[SENT], skipped=count[SKIPPED], failed=count[FAILED])
        )
