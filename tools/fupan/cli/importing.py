"""Commands for Word users: import (Word files into entries) and template (the Word template)."""

from __future__ import annotations

from pathlib import Path

import click

from ..word import importer
from ..word import template as word_template
from ..word.errors import WordError
from .common import DATE, App, note, pass_app


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--unit")
@click.option("--campaign")
@click.option("--date", type=DATE)
@click.option("--title")
@click.option("--author")
@click.option("--category")
@click.option("--slug")
@click.option("--dry-run", is_flag=True)
@pass_app
def import_command(app: App, paths, unit, campaign, date, title, author, category, slug, dry_run):
    """Word reviews into entries, for units that write in Word."""
    files = importer.word_files(list(paths))
    if slug and len(files) > 1:
        raise click.BadParameter(app.t("import.slug_one"), param_hint="--slug")
    given = {
        "unit": unit,
        "campaign": campaign,
        "date": date,
        "title": title,
        "author": author,
        "category": category,
    }
    failed = 0
    for source in files:
        try:
            done = importer.prepare(source, app.kb, given, slug)
            if not dry_run:
                importer.write(done)
        except WordError as e:
            note(app.t("import.failed", path=source, reason=e.message(app.lang)))
            failed += 1
            continue
        failed += _report(app, done, dry_run)
    if len(files) > 1:
        note(app.t("import.total", files=len(files), ok=len(files) - failed, failed=failed))
    if not files:
        note(app.t("import.no_files"))
    if failed or not files:
        raise SystemExit(1)


def _report(app: App, done: importer.Imported, dry_run: bool) -> int:
    """Say what was (or would be) written and its check; 1 when the entry has errors."""
    rel = app.kb.rel(done.path)
    if dry_run:
        click.echo(done.text)
    key = "import.would_write" if dry_run else "import.wrote"
    note(app.t(key, source=done.source, path=rel))
    if done.images:
        note(app.t("import.images", n=len(done.images), folder=app.kb.rel(done.media) + "/"))
    for part in done.missing_parts:
        note(app.t("import.missing_part", part=app.t(f"import.part.{part}")))
    if not dry_run and done.source.resolve().is_relative_to(app.kb.reviews):
        note(app.t("import.move_source", source=app.kb.rel(done.source)))
    for p in done.problems:
        note(p.said(app.strings))
    errors = sum(p.level == "error" for p in done.problems)
    note(app.t("import.checked", errors=errors, warnings=len(done.problems) - errors))
    return int(errors > 0)


@click.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--docx", is_flag=True, default=True)
@pass_app
def template(app: App, file: Path | None, docx: bool) -> None:
    """The Word template that `fupan import` reads."""
    path = file or Path(app.t("import.template_name"))
    try:
        word_template.write(path)
    except FileExistsError:
        raise click.ClickException(app.t("import.template_exists", path=path)) from None
    click.echo(str(path))
    note(app.t("import.template_next", path=path))
