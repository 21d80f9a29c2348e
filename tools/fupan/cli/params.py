"""Values and parsing the command line needs beyond click's: dates as entries write
them, the closest name to a typo, and words where ``-词`` is a word."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Sequence

import click

from ..lang import Message


class DateParam(click.ParamType):
    """A date in any of the three forms entries use."""

    name = "DATE"

    def convert(self, value, param, ctx):
        from ..entries.dates import DateError, parse_date

        if isinstance(value, dt.date):
            return value
        try:
            return parse_date(value)
        except DateError as e:
            self.fail(_said_in_kb_language(e.said_as), param, ctx)


DATE = DateParam()


def _said_in_kb_language(message: Message) -> str:
    """``message`` in the language of the running command's knowledge base, if one runs."""
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return str(message)
    from .common import App  # at call time: common imports this module

    return ctx.ensure_object(App).said(message)


def did_you_mean(word: str, choices: Sequence[str]) -> str | None:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


class WordsCommand(click.Command):
    """A command whose arguments are words, where ``-词`` excludes a word.

    Click would take ``-倒班`` for options; here a dash before a Chinese character (or a
    digit) starts a word, while a dash before a Latin letter is an option, and an
    unknown one is a usage error that names the closest (``--lmit`` → ``--limit``).
    ``--`` ends the options: everything after it is words."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("context_settings", {})["ignore_unknown_options"] = True
        super().__init__(*args, **kwargs)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        known: dict[str, click.Option] = {}
        for p in self.get_params(ctx):
            if isinstance(p, click.Option):
                for name in (*p.opts, *p.secondary_opts):
                    known[name] = p
        skip = False
        for arg in args:
            if skip:
                skip = False
                continue
            if arg == "--":
                break
            if not _looks_like_option(arg):
                continue
            name = arg.split("=", 1)[0]
            if name in known:
                skip = "=" not in arg and not known[name].is_flag and not known[name].count
                continue
            from .common import App  # at call time: common imports this module

            app = ctx.ensure_object(App)
            hint = did_you_mean(name, [n for n in known if n.startswith("--")])
            message = app.t("cli.err.no_option", name=name)
            if hint:
                message += app.t("cli.sep") + app.t("cli.err.did_you_mean", hint=hint)
            raise click.NoSuchOption(name, message=message, ctx=ctx)
        return super().parse_args(ctx, args)


def _looks_like_option(arg: str) -> bool:
    """``--word`` or ``-x`` (a Latin letter); not ``-倒班``, ``-2025`` or ``-``."""
    return arg.startswith("-") and len(arg) > 1 and arg[1].isascii() and not arg[1].isdigit()
