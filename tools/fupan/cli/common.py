"""What every command shares: the knowledge base, output options, progress."""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import click

from ..kb import KnowledgeBase
from . import output


class Context:
    """Resolves the knowledge base once, and only for commands that need one."""

    def __init__(self, kb: Path | None):
        self.kb_path = kb
        self._kb: KnowledgeBase | None = None

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            self._kb = KnowledgeBase.discover(self.kb_path)
        return self._kb


pass_ctx = click.make_pass_decorator(Context)


def pass_kb(f: Callable) -> Callable:
    @pass_ctx
    @functools.wraps(f)
    def wrapper(ctx: Context, *args, **kwargs):
        return f(ctx.kb, *args, **kwargs)

    return wrapper


def json_option(f: Callable) -> Callable:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")(f)


def table_options(f: Callable) -> Callable:
    f = click.option("--csv", "as_csv", is_flag=True, help="Print CSV (UTF-8 with BOM).")(f)
    return json_option(f)


def emit(
    data: object,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    as_json: bool = False,
    as_csv: bool = False,
    empty: str = "nothing found",
) -> None:
    """Print ``data`` as JSON, or ``rows`` as CSV or as a table for people."""
    if as_json:
        click.echo(output.to_json(data))
    elif as_csv:
        sys.stdout.buffer.write(output.to_csv(headers, rows).encode("utf-8"))
        sys.stdout.flush()
    elif not rows:
        click.echo(empty, err=True)
    else:
        click.echo(output.table(headers, rows))


class DateParam(click.ParamType):
    """A date in any of the three forms entries use."""

    name = "DATE"

    def convert(self, value, param, ctx):
        from ..entries.dates import parse_date

        if isinstance(value, dt.date):
            return value
        try:
            return parse_date(value)
        except ValueError as e:
            self.fail(str(e), param, ctx)


DATE = DateParam()


def color_enabled() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def progress(label: str, threshold: int = 50) -> Callable[[int, int], None]:
    """A progress callback that draws on stderr for long work on a terminal."""

    def update(done: int, total: int) -> None:
        if total < threshold or not sys.stderr.isatty():
            return
        bar = "#" * (30 * done // total)
        sys.stderr.write(f"\r{label} [{bar:<30}] {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return update
