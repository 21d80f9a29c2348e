"""Commands that write and check entries: init, new, check."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..entries.checks import check as check_kb
from ..scaffold import create_entry, init_kb
from . import form
from .common import DATE, App, View, emit, output_options, pass_app, progress, unit_option


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--strict", is_flag=True, help="Also fail (exit 1) on warnings.")
@output_options()
@pass_app
def check_command(app: App, paths: tuple[Path, ...], strict: bool) -> None:
    """Check entries against the format: the whole knowledge base, or the files named.

    Prints PATH:LINE: error|warning: message in the knowledge base's language
    (错误/警告 on a Chinese one), then a summary; --json gives each problem's
    English message and its code. Exits 1 when there are errors (with
    --strict, also warnings).

    \b
    Examples:
      fupan check
      fupan check reviews/2025/spring-games-branch1.md
      fupan check --strict --json > problems.json
    """
    report = check_kb(app.kb, list(paths) or None, progress=progress("checking"))
    summary = app.t(
        "cli.check.summary",
        files=report.files,
        valid=report.valid,
        errors=report.errors,
        warnings=report.warnings,
    )
    failed = bool(report.errors or (strict and report.warnings))
    lines = [p.said(app.strings) for p in report.problems] + [summary]
    emit(View([p.as_dict() for p in report.problems], lead=lines, failed=failed))


def _known_campaigns(app: App) -> list[str]:
    """Campaigns of the knowledge base, the most recently reviewed first."""
    latest: dict[str, dt.date] = {}
    for e in app.kb.load_all().entries:
        latest[e.campaign] = max(latest.get(e.campaign, e.date), e.date)
    return sorted(latest, key=lambda c: latest[c], reverse=True)


def _metrics(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]):
    app = form.app_of(ctx)
    try:
        return [form.metric_flag(app, v) for v in values]
    except click.BadParameter as e:
        raise click.BadParameter(e.message, ctx, param) from None


@click.command("new")
@unit_option
@click.option("--campaign", callback=form.checked("campaign"), help="The campaign being reviewed.")
@click.option(
    "--title", callback=form.checked("title"), help="Title (default: CAMPAIGN复盘（UNIT）)."
)
@click.option("--date", type=DATE, help="Date written (default: today).")
@click.option("--category", callback=form.checked("category"), help="Kind of work, e.g. 文体活动.")
@click.option("--author", callback=form.checked("author"), help="Who writes it.")
@click.option(
    "--metric",
    "metrics",
    multiple=True,
    callback=_metrics,
    help="A metric NAME:TARGET:ACTUAL[:UNIT], e.g. 参与人数:300:245:人 (repeatable).",
)
@click.option(
    "--action", "actions", multiple=True, help="An improvement item ACTION|OWNER|DUE (repeatable)."
)
@click.option(
    "--slug",
    callback=form.checked("slug"),
    help="File name under reviews/YEAR/ (default from campaign and unit).",
)
@pass_app
def new_command(app: App, unit, campaign, title, date, category, author, metrics, actions, slug):
    """Create a new entry and print its path: a form that asks for what no flag gives.

    Asks, in the knowledge base's language, for the unit (by number from
    reviews/units.yml), the campaign (by number, or a new name; a name close to
    an existing one is questioned), title, date, category, author, then metrics
    and improvement items one at a time. A wrong answer is asked again. With
    --unit and --campaign it asks nothing, for scripts. Never overwrites a file.

    \b
    Examples:
      fupan new
      fupan new --unit 第一分公司工会 --campaign 2026年职工春季运动会 --date 2026-04-20
      fupan new --unit 一分工会 --campaign 2026年安全生产月 --metric 隐患排查:80:86:项 \\
          --action '外包队伍培训纳入统一考试|何雪|2026-09-30'
    """
    draft = form.Draft(unit, campaign, title, date, category, author, list(metrics))
    draft = form.fill(app, draft, actions, _known_campaigns(app))
    path = create_entry(app.kb.reviews, draft.date, slug or draft.name, draft.text())
    click.echo(app.kb.rel(path))


@click.command("init")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", help="Site name (default: FOLDER 复盘知识库).")
@pass_app
def init_command(app: App, folder: Path, name: str | None) -> None:
    """Create a new knowledge base in FOLDER, ready for `fupan new` and `mkdocs build`.

    \b
    Example:
      fupan init union-reviews && cd union-reviews && fupan check
    """
    for path in init_kb(folder, name):
        click.echo(app.t("cli.init.created", path=path))
