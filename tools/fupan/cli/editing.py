"""The command that updates an improvement item in place: action."""

from __future__ import annotations

from pathlib import Path

import click

from ..entries import edit
from .common import DATE, App, note, pass_app


@click.command()
@click.argument("entry_id", metavar="ID")
@click.argument("number", metavar="N", type=click.IntRange(1))
@click.option("--status")
@click.option("--due", type=DATE)
@click.option("--owner")
@click.option("--note", "note_text")
@pass_app
def action(app: App, entry_id: str, number: int, status, due, owner, note_text) -> None:
    """Update one improvement item in place, as `fupan actions` names it."""
    kb = app.kb
    path = _entry_path(app, entry_id)
    rel = kb.rel(path)
    values: dict[str, object] = {"due": due}
    try:
        if status is not None:
            values["status"] = edit.status_code(status)
        for key, value in (("owner", owner), ("note", note_text)):
            if value is not None:
                if not value.strip():
                    raise edit.EditError("action.empty", option=f"--{key}")
                values[key] = value.strip()
        if all(v is None for v in values.values()):
            raise edit.EditError("action.nothing")
        planned = edit.plan(path, number, values, rel)
        if planned.changes:
            edit.apply(planned, rel)
    except edit.EditError as e:
        raise _error(e.message(app.lang), usage=e.key in USAGE) from None
    where = {"path": rel, "line": planned.line, "n": number}
    if not planned.changes:
        click.echo(app.t("action.same", **where))
        return
    changes = "; ".join(f"{k}: {old or '-'} → {new}" for k, old, new in planned.changes)
    click.echo(app.t("action.updated", **where, changes=changes))
    _, problems = kb.load(path)
    for p in problems:
        note(p.said(app.strings))
    if any(p.level == "error" for p in problems):
        raise SystemExit(1)


def _entry_path(app: App, entry_id: str) -> Path:
    """An entry id (2025/spring-games-branch1), or the path of its file."""
    kb = app.kb
    for path in (kb.reviews / f"{entry_id.removesuffix('.md')}.md", Path(entry_id)):
        if path.is_file() and path.suffix == ".md" and path.resolve().is_relative_to(kb.reviews):
            return path.resolve()
    raise _error(app.t("action.no_entry", id=entry_id), usage=True)


# what the command line got wrong (exit 2), not the file (exit 1)
USAGE = {"action.bad_status", "action.empty", "action.nothing", "action.no_number"}


def _error(message: str, usage: bool) -> click.ClickException:
    error = click.ClickException(message)
    error.exit_code = 2 if usage else 1
    return error
