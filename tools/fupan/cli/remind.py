"""``fupan remind``: tell owners what is due, by group robot and mail, or write a calendar."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click

from ..kb import KnowledgeBase
from ..lang import LANGUAGES, strings
from ..model import OPEN_STATUSES
from ..reminders.config import load_config, site_settings
from ..reminders.deliver import FAILED, SENT, SKIPPED, Outcome
from ..reminders.deliver import remind as send_all
from ..reminders.feed import feed
from ..reminders.messages import owner_name, when
from ..reminders.plan import Group, due_groups, entry_urls
from ..reminders.state import SentToday
from ..reports.actions import action_rows
from ..search.locking import file_lock
from . import output
from .common import DATE, json_option, pass_kb

LOCK = "reminders.lock"


def _language(lang: str | None, kb: KnowledgeBase) -> str:
    """``--lang``, else the language of the run (``fupan --lang``), else the site's."""
    if lang:
        return lang
    chosen = getattr(click.get_current_context().find_root().obj, "lang_choice", None)
    return chosen or site_settings(kb.root).language


def _due_table(s: dict[str, str], groups: list[Group]) -> str:
    rows = [
        [g.unit, owner_name(s, g.owner), i.row.due, when(s, i), i.row.action, i.row.id]
        for g in groups
        for i in g.items
    ]
    keys = ("unit", "owner", "due", "when", "action", "entry")
    return output.table([s[f"remind.h.{k}"] for k in keys], rows) or ""


def _result(s: dict[str, str], o: Outcome) -> str:
    result = s[f"remind.result.{o.status}"]
    return s["remind.result.reason"].format(result=result, reason=o.error) if o.error else result


def _results(s: dict[str, str], outcomes: list[Outcome]) -> str:
    rows = [[s[f"remind.channel.{o.channel}"], o.target, _result(s, o)] for o in outcomes]
    keys = ("channel", "target", "result")
    return output.table([s[f"remind.h.{k}"] for k in keys], rows) or ""


@click.command()
@click.option(
    "--within",
    type=click.IntRange(0),
    help="Days ahead to include (default: reminders.within, or 14).",
)
@click.option("--today", type=DATE, help="Measure due and overdue from DATE (default: today).")
@click.option("--unit", help="Only this unit's items (name or alias).")
@click.option("--dry-run", is_flag=True, help="Print exactly what would be sent; send nothing.")
@json_option
@click.option(
    "--ics",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the calendar feed of open items (of --unit) to FILE; send nothing.",
)
@click.option("--lang", "lang", type=click.Choice(LANGUAGES), help="Language of messages.")
@pass_kb
def remind(kb: KnowledgeBase, within, today, unit, dry_run, as_json, ics, lang) -> None:
    """Remind owners of items due within some days or overdue, by unit and owner.

    Channels (企业微信, 钉钉, 飞书 and JSON robots, SMTP mail) are set in the
    reminders: section of reviews/fupan.yml; secrets come from environment
    variables. A message that went out today is not sent again; the exit code is
    1 when any message failed.

    \b
    Examples:
      fupan remind --dry-run
      fupan remind --within 7 --unit 一分公司工会
      fupan remind --ics 一分公司.ics --unit 一分公司工会
    """
    s = strings(_language(lang, kb))
    today = today or dt.date.today()
    settings = site_settings(kb.root)
    config, problems = load_config(kb.reviews, kb.units, kb.rel(kb.reviews) + "/fupan.yml")
    for problem in problems:
        click.echo(str(problem), err=True)
    resolved = kb.units.require(unit) if unit else None
    loaded = kb.load_all()
    if loaded.failed:
        names = ", ".join(loaded.failed[:5]) + (" …" if len(loaded.failed) > 5 else "")
        click.echo(s["cli.note.left_out"].format(n=len(loaded.failed), names=names), err=True)
    url_of = entry_urls(config.site_url or settings.site_url, settings.use_directory_urls)
    if ics is not None:
        published = [e for e in loaded.entries if e.publish]
        rows = action_rows(published, today, list(OPEN_STATUSES), unit=resolved)
        name = (
            s["remind.calendar_unit"].format(unit=resolved)
            if resolved
            else s["remind.calendar_name"]
        )
        ics.write_bytes(feed(rows, name, today, s, url_of).encode("utf-8"))
        click.echo(
            s["remind.ics_written"].format(path=ics, count=sum(r.due is not None for r in rows)),
            err=True,
        )
        return
    days = config.within if within is None else within
    groups = due_groups(loaded.entries, today, days, resolved, url_of, config.unpublished)
    outcomes: list[Outcome] = []
    if groups and config.channels:
        with file_lock(kb.state_dir / LOCK, 600, "the reminder record"):
            state = SentToday(kb.state_dir, today)
            outcomes = send_all(
                groups, config, today, s, os.environ, state, dry_run, scope=resolved or ""
            )
    failed = any(o.status == FAILED for o in outcomes) or any(p.level == "error" for p in problems)
    if as_json:
        data = {
            "today": today,
            "within": days,
            "groups": [g.as_dict() for g in groups],
            "deliveries": [o.as_dict() for o in outcomes],
        }
        click.echo(output.to_json(data))
    else:
        _report(s, groups, outcomes, config, days, dry_run)
    if failed:
        raise SystemExit(1)


def _report(s, groups, outcomes, config, days, dry_run) -> None:
    if not groups:
        click.echo(s["remind.nothing_due"].format(within=days), err=True)
        return
    click.echo(_due_table(s, groups))
    if not config.channels:
        click.echo(s["remind.no_channels"].format(path=config.path), err=True)
        return
    if dry_run:
        for o in outcomes:
            click.echo(
                "\n"
                + s["remind.dry_run_head"].format(
                    channel=s[f"remind.channel.{o.channel}"], target=o.target
                )
            )
            click.echo(o.preview)
    click.echo("\n" + _results(s, outcomes))
    count = {k: sum(o.status == k for o in outcomes) for k in (SENT, SKIPPED, FAILED)}
    if not dry_run:
        click.echo(
            s["remind.summary"].format(
                sent=count[SENT], skipped=count[SKIPPED], failed=count[FAILED]
            ),
            err=True,
        )
