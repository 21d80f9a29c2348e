"""What every command shares: the knowledge base, its language, options, and emit()."""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import click

from ..errors import KBNotFound
from ..kb import KnowledgeBase, find_root, site_settings
from ..lang import LANGUAGES, Message, day, normalize, say, strings
from . import output
from .output import color_enabled, progress  # noqa: F401 - commands take them from here
from .params import DATE, WordsCommand, did_you_mean  # noqa: F401 - likewise

EXIT_FOUND, EXIT_NOTHING, EXIT_USAGE = 0, 1, 2


def kb_language(root: Path) -> str:
    """``theme.language`` of the knowledge base's mkdocs.yml, the language its site speaks."""
    return site_settings(root).language


class App:
    """What a run of fupan knows: the knowledge base (found once, only when a command needs
    it), the language it speaks, and how results are to be printed."""

    def __init__(self, kb: Path | None = None, lang: str | None = None):
        self.kb_path = kb
        self.lang_choice = lang
        self.fmt = "table"  # or "json", "csv"
        self._kb: KnowledgeBase | None = None

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            self._kb = KnowledgeBase.discover(self.kb_path)
        return self._kb

    @functools.cached_property
    def lang(self) -> str:
        return self.find_language()

    def find_language(self) -> str:
        """``--lang``, else the knowledge base's ``theme.language``, else Chinese."""
        if self.lang_choice:
            return normalize(self.lang_choice)
        try:
            root = Path(self.kb_path) if self.kb_path else find_root(Path.cwd())
        except KBNotFound:
            return "zh"
        return normalize(kb_language(root))

    @functools.cached_property
    def strings(self) -> dict[str, str]:
        return strings(self.lang)

    def t(self, key: str, **values: object) -> str:
        return say(self.strings, key, values) if values else self.strings[key]

    def day(self, value: dt.date | str | None) -> str:
        """A date (or an ISO date's text) as the run's language writes it, for people."""
        if not value:
            return ""
        return day(self.strings, dt.date.fromisoformat(value) if isinstance(value, str) else value)

    def for_people(self, rows: list[list]) -> list[list]:
        """Table rows with their dates written for people; CSV and JSON keep them ISO."""
        return [[self.day(v) if isinstance(v, dt.date) else v for v in row] for row in rows]

    def said(self, message: Message) -> str:
        """A message of the core (a problem's reason, a unit not registered) in the run's
        language."""
        return message.said(self.strings)

    def order(self, unit: str) -> tuple:
        """Units in roster order, then by pinyin."""
        return self.kb.units.sort_key(unit)

    def entries(self, campaign: str | None = None, group: str | None = None):
        """The usable entries (of one campaign, of one group's units, when given); says
        on stderr which are left out."""
        loaded = self.kb.load_all()
        wrong = {p.path for p in loaded.problems if p.level == "error"}
        told = [
            ("cli.note.left_out", loaded.failed),
            ("cli.note.read_in_part", [e.path for e in loaded.entries if e.path in wrong]),
            ("cli.note.unwritten", [e.path for e in loaded.unwritten if e.actions]),
        ]
        for key, paths in told:
            if paths:
                names = ", ".join(paths[:5]) + (" …" if len(paths) > 5 else "")
                note(self.t(key, n=len(paths), names=names))
        entries = loaded.entries
        if group is not None:
            members = {u.name for u in self.kb.units.units if u.group == group}
            entries = [e for e in entries if e.unit in members]
        if campaign is None:
            return entries
        from ..reports.compare import find_campaign

        name = find_campaign(loaded.entries, campaign)
        return [e for e in entries if e.campaign == name]

    def group_of(self, unit: str) -> str:
        """The unit's group in units.yml (公司本部, 分公司, ...), or ""."""
        return next((u.group for u in self.kb.units.units if u.name == unit), "")


def get_app() -> App:
    return click.get_current_context().ensure_object(App)


def pass_app(f: Callable) -> Callable:
    """Hand the command the run's App as its first argument."""

    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        return f(get_app(), *args, **kwargs)

    return wrapper


def pass_kb(f: Callable) -> Callable:
    """Hand the command the knowledge base as its first argument."""

    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        return f(get_app().kb, *args, **kwargs)

    return wrapper


def note(message: str) -> None:
    """A message for people, on stderr, so that stdout holds only results."""
    click.echo(message, err=True)


# --- options every command shares ---------------------------------------------------------


def _set(attr: str, convert: Callable = lambda v: v):
    """A callback that keeps an option's value on the App. A value from the environment
    (FUPAN_KB) never replaces one typed on the line, before the command or after it."""

    def callback(ctx: click.Context, param: click.Parameter, value):
        if value is None or value is False:
            return
        app = ctx.ensure_object(App)
        typed = ctx.get_parameter_source(param.name) is not click.core.ParameterSource.ENVIRONMENT
        if typed or getattr(app, attr) is None:
            setattr(app, attr, convert(value))

    return callback


def shared_params() -> list[click.Option]:
    """``--kb`` and ``--lang``: given before the command or after it, to the same effect.
    The help of every option is in the string tables (cli/helptext.py)."""
    return [
        click.Option(
            ["--kb"],
            type=click.Path(exists=True, file_okay=False, path_type=Path),
            envvar="FUPAN_KB",
            is_eager=True,  # read before options (--unit) that need the knowledge base
            expose_value=False,
            callback=_set("kb_path"),
        ),
        click.Option(
            ["--lang"],
            type=click.Choice(LANGUAGES),
            is_eager=True,
            expose_value=False,
            callback=_set("lang_choice"),
        ),
    ]


def output_options(csv: bool = False) -> Callable:
    """``--json`` (and ``--csv``): how emit() prints the result."""

    def decorate(f: Callable) -> Callable:
        if csv:
            f = click.option(
                "--csv",
                is_flag=True,
                expose_value=False,
                callback=_set("fmt", lambda _: "csv"),
            )(f)
        return click.option(
            "--json",
            is_flag=True,
            expose_value=False,
            callback=_set("fmt", lambda _: "json"),
        )(f)

    return decorate


def _resolve_unit(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    app = ctx.ensure_object(App)
    units = app.kb.units
    resolved = units.resolve(value)
    if resolved is None:
        raise click.BadParameter(app.said(units.not_registered(value)), ctx, param)
    return resolved


def _complete_units(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """Names and aliases from units.yml, for the shell's Tab."""
    try:
        units = ctx.ensure_object(App).kb.units.units
    except Exception:  # no knowledge base here: nothing to offer, and no error in the shell
        return []
    names = [n for u in units for n in (u.name, *u.aliases)]
    return [n for n in names if n.startswith(incomplete)]


def unit_option(f: Callable) -> Callable:
    """``--unit``: a registered name or alias, handed on as the registered name."""
    return click.option(
        "--unit",
        callback=_resolve_unit,
        shell_complete=_complete_units,
    )(f)


def _resolve_group(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    app = ctx.ensure_object(App)
    groups = list(dict.fromkeys(u.group for u in app.kb.units.units if u.group))
    if value.strip() in groups:
        return value.strip()
    message = app.t("cli.err.group", name=value, groups=", ".join(groups) or "-")
    hint = did_you_mean(value, groups)
    if hint:
        message += app.t("cli.sep") + app.t("cli.err.did_you_mean", hint=hint)
    raise click.BadParameter(message, ctx, param)


def group_option(f: Callable) -> Callable:
    """``--group``: only the units of one group of units.yml."""
    return click.option(
        "--group",
        callback=_resolve_group,
    )(f)


def campaign_option(f: Callable) -> Callable:
    return click.option("--campaign")(f)


def limit_option(default: int | None) -> Callable:
    """``--limit``: its help says what is counted (hits, items), so each command has its own."""
    return click.option(
        "--limit",
        default=default,
        show_default=default is not None,
        type=click.IntRange(1),
    )


def filter_options(f: Callable) -> Callable:
    """Which entries: unit, campaign, category, tag, and a date range."""
    for decorate in reversed(
        [
            unit_option,
            campaign_option,
            click.option("--category"),
            click.option("--tag"),
            click.option("--since", type=DATE),
            click.option("--until", type=DATE),
        ]
    ):
        f = decorate(f)
    return f


# --- presenting results --------------------------------------------------------------------


@dataclass
class Table:
    headers: list[str]
    rows: list[list]
    title: str = ""  # a line above the table
    cut: tuple[int, ...] = ()  # columns of long text, cut first when the table is too wide


@dataclass
class View:
    """A result, ready for each way of printing it: ``data`` for --json, ``tables`` for
    people (the first, or ``csv``, for --csv), lines around them, and whether it found
    anything (exit 1 and ``empty`` on stderr when not, or exit 1 when ``failed``)."""

    data: object
    tables: list[Table] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    tail: list[str] = field(default_factory=list)
    found: bool = True
    empty: str = ""
    csv: Table | None = None
    narrow: list[str] | None = None  # the layout to use when the tables do not fit
    failed: bool = False  # shown in full, and still exit 1: `check` found problems
    notes: list[str] = field(default_factory=list)  # stderr, after the result


def emit(view: View) -> None:
    """Print a result the one way every command does; exit 1 when it found nothing."""
    app = get_app()
    if app.fmt == "json":
        click.echo(output.to_json(view.data))
    elif app.fmt == "csv":
        t = view.csv or (view.tables[0] if view.tables else Table([], []))
        sys.stdout.buffer.write(output.to_csv(t.headers, t.rows).encode("utf-8"))
        sys.stdout.flush()
    elif view.found:
        _print_for_people(view)
    elif view.empty:
        note(view.empty)
    for line in view.notes if view.found else ():
        note(line)
    if view.failed or not view.found:
        raise SystemExit(EXIT_NOTHING)


def _print_for_people(view: View) -> None:
    limit = output.terminal_width()
    shown = [(t, get_app().for_people(t.rows)) for t in view.tables if t.rows]
    too_wide = limit is not None and any(
        output.table_width(t.headers, rows) > limit for t, rows in shown
    )
    if too_wide and view.narrow is not None:  # its own layout rather than cut cells
        lines = list(view.narrow)
    else:
        lines = list(view.lead)
        for n, (t, rows) in enumerate(shown):
            lines += [""] * (n > 0) + [t.title] * bool(t.title)
            lines.append(
                output.table(t.headers, rows, limit, t.cut)
                or output.records(t.headers, rows, limit)
            )
        lines += view.tail
    click.echo("\n".join(output.fit_line(x, limit) for x in "\n".join(lines).split("\n")))
