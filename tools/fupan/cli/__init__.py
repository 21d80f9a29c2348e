"""The ``fupan`` command: thin adapters from the command line to the core modules."""

from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path

import click

from .. import __version__
from ..errors import FupanError
from .common import Context

# command -> module that defines it; a module is imported only when its command runs,
# so `fupan check` never pays for loading the Chinese dictionary or Whoosh
COMMANDS = {
    "init": "authoring",
    "new": "authoring",
    "check": "authoring",
    "index": "searching",
    "search": "searching",
    "related": "searching",
    "actions": "reports",
    "compare": "reports",
    "recurring": "reports",
    "site": "site",
    "stats": "reports",
}


class FupanGroup(click.Group):
    """Loads commands on demand, and shows fupan's own errors as one clear line."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module = importlib.import_module(f"{__name__}.{COMMANDS[name]}")
        return getattr(module, name)

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


def main() -> None:
    cli(prog_name="fupan")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
