"""The ``fupan`` command: thin adapters from the command line to the core modules."""

from __future__ import annotations

import importlib
import logging
import os
import sys

import click

from .. import __version__
from ..errors import BadValue, FupanError
from ..lang import LANGUAGES, strings
from . import click_words
from .common import EXIT_USAGE, App, did_you_mean, shared_params
from .helptext import HelpContext, localize

# command -> module that defines it; a module is imported only when its command runs,
# so `fupan check` never pays for loading the Chinese dictionary or Whoosh
COMMANDS = {
    "init": "authoring",
    "new": "authoring",
    "check": "authoring",
    "index": "searching",
    "search": "searching",
    "related": "searching",
    "similar": "searching",
    "actions": "reports",
    "compare": "reports",
    "recurring": "reports",
    "stats": "reports",
    "remind": "remind",
    "site": "site",
    "import": "importing",
    "template": "importing",
    "action": "editing",
}


class BadValueError(click.ClickException):
    """A value on the command line names nothing that exists: a usage error, exit 2."""

    exit_code = EXIT_USAGE


class FupanGroup(click.Group):
    """Loads commands on demand, gives each the shared options and its help in the run's
    language, and shows fupan's own errors as one clear line."""

    context_class = HelpContext

    def main(self, *args, **kwargs):
        # the run's App exists before parsing, so click's own messages (an option
        # misspelt) speak its language
        app = kwargs.setdefault("obj", App(os.environ.get("FUPAN_KB")))
        argv = kwargs.get("args", args[0] if args else None)
        app.lang_choice = app.lang_choice or _typed_language(
            sys.argv[1:] if argv is None else list(argv)
        )
        click_words.follow(app.find_language)
        localize(self, strings(app.find_language()))  # a bad --kb stops before any command
        return super().main(*args, **kwargs)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module = importlib.import_module(f"{__name__}.{COMMANDS[name]}")
        command = getattr(module, f"{name}_command", None) or getattr(module, name)
        have = {o for p in command.params for o in getattr(p, "opts", ())}
        command.params.extend(p for p in shared_params() if p.opts[0] not in have)
        command.context_class = HelpContext
        localize(command, strings(ctx.ensure_object(App).find_language()))
        return command

    def resolve_command(self, ctx: click.Context, args: list[str]):
        localize(self, strings(ctx.ensure_object(App).find_language()))  # its usage line
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            app = ctx.ensure_object(App)
            message = app.t("cli.err.no_command", name=name)
            hint = did_you_mean(name, self.list_commands(ctx))
            message += app.t("cli.sep") + (
                app.t("cli.err.did_you_mean", hint=hint)
                if hint
                else app.t("cli.err.commands", names=", ".join(self.list_commands(ctx)))
            )
            raise click.UsageError(message, ctx)
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BadValue as e:
            raise BadValueError(_said(ctx, e)) from None
        except FupanError as e:
            raise click.ClickException(_said(ctx, e)) from None


def _typed_language(argv: list[str]) -> str | None:
    """``--lang`` as typed anywhere before ``--``: click answers ``--help`` (and a
    misspelt option) as soon as it reads them, before a ``--lang`` written after."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = arg[7:] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        if value in LANGUAGES:
            return value
    return None


def _said(ctx: click.Context, e: FupanError) -> str:
    """The error in the knowledge base's language when the strings have it."""
    return e.said(ctx.ensure_object(App).strings)


def _version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """click's own --version words its line once, as the command is declared; this one
    speaks the run's language."""
    if value and not ctx.resilient_parsing:
        line = click_words.gettext("%(prog)s, version %(version)s")
        click.echo(line % {"prog": "fupan", "version": __version__})
        ctx.exit()


@click.group(cls=FupanGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_version)
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Every command runs in this group, which makes the run's App (help: help.fupan)."""
    logging.basicConfig(format="%(message)s", level=logging.WARNING)
    ctx.ensure_object(App)


cli.params.extend(shared_params())

click_words.install()


def main() -> None:
    cli(prog_name="fupan")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
