"""The ``fupan`` command: thin adapters from the command line to the core modules."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from .. import __version__
from ..errors import FupanError
from .common import Context


class FupanGroup(click.Group):
    """Shows fupan's own errors as one clear line instead of a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except FupanError as e:
            raise click.ClickException(str(e)) from None


@click.group(cls=FupanGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="fupan")
@click.option(
    "--kb",
    type=click.Path(file_okay=False, path_type=Path),
    help="Knowledge base folder (default: nearest folder upward with mkdocs.yml).",
)
@click.pass_context
def cli(ctx: click.Context, kb: Path | None) -> None:
    """fupan (复盘): write, check, search and publish lessons learned.

    \b
    Examples:
      fupan check                      # check every entry
      fupan search 报名人数不足          # find past problems
      fupan actions --overdue          # improvement items past due
      fupan --kb ~/reviews-kb stats    # work on another knowledge base
    """
    logging.basicConfig(format="%(message)s", level=logging.WARNING)
    ctx.obj = Context(kb)


def _register() -> None:
    from . import authoring, reports, searching

    for module in (authoring, searching, reports):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main() -> None:
    cli(prog_name="fupan")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
