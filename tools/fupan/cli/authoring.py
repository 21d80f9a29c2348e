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
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--strict", is_flag=True)
@output_options()
@pass_app
def check_command(app: App, paths: tuple[Path, ...], strict: bool) -> None:
    """Say what is wrong in entries before they are published."""
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
    """Campaigns of the knowledge base, the most recently reviewed first; those of
    entries not written yet count too."""
    latest: dict[str, dt.date] = {}
    loaded = app.kb.load_all()
    for e in [*loaded.entries, *loaded.unwritten]:
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
@click.option("--campaign", callback=form.checked("campaign"))
@click.option("--title", callback=form.checked("title"))
@click.option("--date", type=DATE)
@click.option("--category", callback=form.checked("category"))
@click.option("--author", callback=form.checked("author"))
@click.option(
    "--metric",
    "metrics",
    multiple=True,
    callback=_metrics,
)
@click.option("--action", "actions", multiple=True)
@click.option(
    "--slug",
    callback=form.checked("slug"),
)
@pass_app
def new_command(app: App, unit, campaign, title, date, category, author, metrics, actions, slug):
    """Write a new entry from flags, asking for what they leave out."""
    draft = form.Draft(unit, campaign, title, date, category, author, list(metrics))
    draft = form.fill(app, draft, actions, _known_campaigns(app))
    path = create_entry(app.kb.reviews, draft.date, slug or draft.name, draft.text())
    click.echo(app.kb.rel(path))


@click.command("init")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name")
@pass_app
def init_command(app: App, folder: Path, name: str | None) -> None:
    """Start a knowledge base that `fupan new` and `mkdocs build` work in."""
    for path in init_kb(folder, name):
        click.echo(app.t("cli.init.created", path=path))
