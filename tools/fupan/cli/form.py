"""The form `fupan new` asks through: one question at a time, in the KB's language.

A wrong answer is said at once and asked again; the answers already given are
kept. Every question has a flag, and the same checks apply to flag values.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

import click

from ..entries.campaigns import near_campaign
from ..entries.units import Units
from ..model import Action, Metric
from ..scaffold import entry_text
from .common import DATE, App, note


@dataclass
class Draft:
    """The answers, from flags or from the form; what entry_text writes."""

    unit: str | None = None
    campaign: str | None = None
    title: str | None = None
    date: dt.date | None = None
    category: str | None = None
    author: str | None = None
    metrics: list[Metric] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)

    @property
    def default_title(self) -> str:
        return f"{self.campaign}复盘（{self.unit}）"

    @property
    def name(self) -> str:
        """The file name when --slug gives none."""
        return f"{self.campaign}-{self.unit}"

    def text(self) -> str:
        return entry_text(
            self.title or self.default_title,
            self.unit or "",
            self.campaign or "",
            self.date or dt.date.today(),
            self.category or "",
            self.author or "",
            self.metrics,
            self.actions,
        )


def fill(app: App, d: Draft, action_flags: tuple[str, ...], known: list[str]) -> Draft:
    """Ask for what the flags left out. A script gives --unit and --campaign and is asked
    nothing (defaults fill the rest); a campaign close to a known one is questioned."""
    asking = not (d.unit and d.campaign)
    d.unit = d.unit or ask_unit(app, app.kb.units)
    if not d.campaign:
        d.campaign = ask_campaign(app, known)
    elif near := near_campaign(d.campaign, known):
        note(app.t("cli.new.near", name=near))
    if asking:
        d.title = d.title or ask(app.t("cli.new.title"), text(app, "title"), d.default_title)
        d.date = d.date or ask(app.t("cli.new.date"), date, dt.date.today().isoformat())
        d.category = d.category or ask(app.t("cli.new.category"), text(app, "category"), "")
        d.author = d.author or ask(app.t("cli.new.author"), text(app, "author"), "")
    d.date = d.date or dt.date.today()
    due = d.date + dt.timedelta(days=90)
    d.actions = [action_flag(app, a, due) for a in action_flags]
    if asking:
        d.metrics = d.metrics or ask_metrics(app)
        d.actions = d.actions or ask_actions(app, due)
    return d


def clean_text(app: App, value: str, what: str) -> str:
    """One line of text for the front matter; a line break or '---' would end it."""
    text = value.strip()
    bad = any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in text)
    if bad or text.startswith("---"):
        raise click.BadParameter(app.t("cli.err.text", what=app.t(f"cli.new.what.{what}")))
    return text


def checked(what: str) -> Callable[[click.Context, click.Parameter, object], object]:
    """A click callback applying clean_text to a flag's value."""

    def callback(ctx, param, value):
        if value is None:
            return None
        try:
            return clean_text(app_of(ctx), value, what)
        except click.BadParameter as e:
            raise click.BadParameter(e.message, ctx, param) from None

    return callback


def app_of(ctx: click.Context) -> App:
    return ctx.ensure_object(App)


def ask(label: str, convert: Callable[[str], object], default: str | None = None) -> object:
    """Ask until ``convert`` accepts the answer (click re-asks on BadParameter)."""
    return click.prompt(label, default=default, value_proc=convert, err=True)


def numbered(heading: str, options: list[str]) -> None:
    click.echo(heading, err=True)
    for n, option in enumerate(options, 1):
        click.echo(f"  {n}. {option}", err=True)


def unit_answer(app: App, units: Units, options: list[str]) -> Callable[[str], str]:
    def convert(answer: str) -> str:
        answer = clean_text(app, answer, "unit")
        if answer.isdigit() and options:  # without a registry any name goes, digits too
            if 1 <= int(answer) <= len(options):
                return options[int(answer) - 1]
            raise click.BadParameter(app.t("cli.err.choice", n=len(options)))
        resolved = units.resolve(answer)
        if resolved is None:
            raise click.BadParameter(app.said(units.not_registered(answer)))
        return resolved

    return convert


def ask_unit(app: App, units: Units) -> str:
    names = [u.name for u in units.units]
    if names:
        numbered(app.t("cli.new.units"), names)
    return ask(app.t("cli.new.unit"), unit_answer(app, units, names))


SHOWN = 20  # campaigns offered by number: the latest; a name is checked against all


def ask_campaign(app: App, known: list[str]) -> str:
    offered = known[:SHOWN]
    if offered:
        numbered(app.t("cli.new.campaigns"), offered)

    def convert(answer: str) -> str:
        answer = clean_text(app, answer, "campaign")
        if answer.isdigit() and offered:
            if 1 <= int(answer) <= len(offered):
                return offered[int(answer) - 1]
            raise click.BadParameter(app.t("cli.err.choice", n=len(offered)))
        if not answer:
            raise click.BadParameter(app.t("cli.err.text", what=app.t("cli.new.what.campaign")))
        return answer

    name = ask(app.t("cli.new.campaign"), convert)
    near = near_campaign(name, known)
    if near:
        click.echo(app.t("cli.new.near", name=near), err=True)
        if click.confirm(app.t("cli.new.use_near", name=near), default=True, err=True):
            return near
    if name not in known:
        click.echo(app.t("cli.new.new_campaign", name=name), err=True)
    return name


def number(app: App) -> Callable[[str], float]:
    def convert(answer: str) -> float:
        try:
            return float(answer.strip().replace(",", "").replace("，", ""))
        except ValueError:
            raise click.BadParameter(app.t("cli.err.number", value=answer)) from None

    return convert


def text(app: App, what: str, required: bool = False) -> Callable[[str], str]:
    def convert(answer: str) -> str:
        value = clean_text(app, answer, what)
        if required and not value:
            raise click.BadParameter(app.t("cli.err.text", what=app.t(f"cli.new.what.{what}")))
        return value

    return convert


def date(answer: str) -> dt.date:
    return DATE.convert(answer, None, None)


def ask_metrics(app: App) -> list[Metric]:
    """Metrics until an empty name: name, target, actual, unit of measure."""
    click.echo(app.t("cli.new.metrics"), err=True)
    found = []
    while name := ask(app.t("cli.new.metric_name"), text(app, "metric"), default=""):
        target = ask(app.t("cli.new.metric_target"), number(app))
        actual = ask(app.t("cli.new.metric_actual"), number(app))
        unit = ask(app.t("cli.new.metric_unit"), text(app, "metric"), default="")
        found.append(Metric(name, target, actual, unit))
    return found


def ask_actions(app: App, default_due: dt.date) -> list[Action]:
    """Improvement items until an empty one: what, who, by when."""
    click.echo(app.t("cli.new.actions"), err=True)
    found = []
    while item := ask(app.t("cli.new.action"), text(app, "action"), default=""):
        owner = ask(app.t("cli.new.owner"), text(app, "owner", required=True))
        due = ask(app.t("cli.new.due"), date, default=default_due.isoformat())
        found.append(Action(item, "open", owner, due))
    return found


def metric_flag(app: App, value: str) -> Metric:
    """``--metric 参与人数:300:245:人``."""
    parts = [p.strip() for p in value.replace("：", ":").split(":")]
    if len(parts) not in (3, 4) or not parts[0]:
        raise click.BadParameter(app.t("cli.err.metric", value=value))
    try:
        target, actual = number(app)(parts[1]), number(app)(parts[2])
    except click.BadParameter:
        raise click.BadParameter(app.t("cli.err.metric", value=value)) from None
    unit = clean_text(app, parts[3], "metric") if len(parts) == 4 else ""
    return Metric(clean_text(app, parts[0], "metric"), target, actual, unit)


def action_flag(app: App, value: str, default_due: dt.date) -> Action:
    """``--action '报名提前两周启动|李强|2026-09-01'`` (the due date may be left out)."""
    parts = [p.strip() for p in value.replace("｜", "|").split("|")]
    if len(parts) not in (2, 3) or not parts[0] or not parts[1]:
        raise click.BadParameter(app.t("cli.err.action", value=value))
    try:
        due = date(parts[2]) if len(parts) == 3 and parts[2] else default_due
    except click.BadParameter:
        raise click.BadParameter(app.t("cli.err.action", value=value)) from None
    return Action(
        clean_text(app, parts[0], "action"), "open", clean_text(app, parts[1], "owner"), due
    )
