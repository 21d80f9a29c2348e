"""Commands that write and check entries: init, new, check."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..entries.checks import cross_checks
from ..kb import KnowledgeBase
from ..scaffold import entry_text, init_kb, new_entry_path
from . import output
from .common import DATE, pass_kb, progress


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--strict", is_flag=True, help="Also fail (exit 1) on warnings.")
@click.option("--json", "as_json", is_flag=True, help="Print the problems as a JSON list.")
@pass_kb
def check(kb: KnowledgeBase, paths: tuple[Path, ...], strict: bool, as_json: bool) -> None:
    """Check entries against the format: the whole knowledge base, or the files named.

    Prints PATH:LINE: error|warning: message, then a summary. Exits 1 when
    there are errors (with --strict, also warnings).

    \b
    Examples:
      fupan check
      fupan check reviews/2025/spring-games-branch1.md
      fupan check --strict --json > problems.json
    """
    loaded = kb.load_all(
        [p.resolve() for p in paths] if paths else None, progress=progress("checking")
    )
    problems = loaded.problems + cross_checks(loaded.entries)
    problems.sort(key=lambda p: (p.path, p.line))
    errors = sum(p.level == "error" for p in problems)
    warnings = len(problems) - errors
    if as_json:
        click.echo(output.to_json([p.as_dict() for p in problems]))
    else:
        for p in problems:
            click.echo(str(p))
        bad = {p.path for p in problems if p.level == "error"}
        valid = sum(e.path not in bad for e in loaded.entries)
        click.echo(
            f"{loaded.files} entries read, {valid} valid, {errors} errors, {warnings} warnings"
        )
    if errors or (strict and warnings):
        raise SystemExit(1)


def _choose(label: str, options: list[str], default: str | None = None) -> str:
    """Prompt with a numbered list; accepts a number or any text."""
    for n, option in enumerate(options, 1):
        click.echo(f"  {n}. {option}", err=True)
    answer = click.prompt(label, default=default, err=True).strip()
    if answer.isdigit() and 1 <= int(answer) <= len(options):
        return options[int(answer) - 1]
    return answer


@click.command()
@click.option("--unit", help="The unit writing the review (a registered name or alias).")
@click.option("--campaign", help="The campaign being reviewed.")
@click.option("--title", help="Title (default: CAMPAIGN复盘（UNIT）).")
@click.option("--date", type=DATE, help="Date written (default: today).")
@click.option("--category", default="", help="Kind of work, e.g. 文体活动.")
@click.option("--author", default="", help="Who writes it.")
@click.option("--slug", help="File name under reviews/YEAR/ (default from campaign and unit).")
@pass_kb
def new(kb: KnowledgeBase, unit, campaign, title, date, category, author, slug) -> None:
    """Create a new entry from the template and print its path.

    Asks for what is not given as an option; with --unit and --campaign given it
    asks nothing (title and date default to CAMPAIGN复盘（UNIT） and today).
    Never overwrites a file.

    \b
    Examples:
      fupan new
      fupan new --unit 第一分公司工会 --campaign 2026年职工春季运动会 --date 2026-04-20
    """
    units = kb.units
    asking = not (unit and campaign)  # a script gives both; then defaults fill the rest
    if not unit:
        unit = _choose("Unit (number or name)", [u.name for u in units.units])
    resolved = units.resolve(unit)
    if resolved is None:
        raise click.BadParameter(units.not_registered(unit), param_hint="--unit")
    if not campaign:
        known = sorted({e.campaign for e in kb.load_all().entries}, reverse=True)[:15]
        campaign = _choose("Campaign (number, or a new name)", known)
    default_title = f"{campaign}复盘（{resolved}）"
    if not title:
        title = click.prompt("Title", default=default_title, err=True) if asking else default_title
    if date is None:
        today = dt.date.today().isoformat()
        answer = click.prompt("Date", default=today, err=True) if asking else today
        date = DATE.convert(answer, None, None)
    path = new_entry_path(kb.reviews, date, slug or f"{campaign}-{resolved}")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as f:  # "x": never overwrite
        f.write(entry_text(title, unit, campaign, date, category, author))
    click.echo(kb.rel(path))


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", help="Site name (default: FOLDER 复盘知识库).")
def init(folder: Path, name: str | None) -> None:
    """Create a new knowledge base in FOLDER, ready for `fupan new` and `mkdocs build`.

    \b
    Example:
      fupan init union-reviews && cd union-reviews && fupan check
    """
    for path in init_kb(folder, name):
        click.echo(f"created {path}")
