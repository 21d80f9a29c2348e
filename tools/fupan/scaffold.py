"""Create things from templates: a new knowledge base, a new entry."""

from __future__ import annotations

import datetime as dt
import json
import re
from importlib import resources
from pathlib import Path
from string import Template

import yaml

from .entries.slug import slug
from .errors import FupanError
from .kb import REVIEWS_DIR
from .model import Action, Metric

# what a new entry holds until the unit writes its own: to be replaced, and `check` says so
PLACEHOLDER_METRICS = "  - {name: 参与人数, target: 0, actual: 0, unit: 人}"
PLACEHOLDER_ACTION = "写下一项具体的改进措施"


def _template(name: str) -> Template:
    return Template(resources.files("fupan").joinpath("templates", name).read_text("utf-8"))


def init_kb(folder: Path, name: str | None = None) -> list[Path]:
    """Scaffold a knowledge base in ``folder``; refuses to touch an existing mkdocs.yml."""
    folder = Path(folder)
    if (folder / "mkdocs.yml").exists():
        raise FupanError(
            f"{folder / 'mkdocs.yml'} already exists; choose an empty folder",
            "cli.err.kb_exists",
            path=folder / "mkdocs.yml",
        )
    name = name or f"{folder.resolve().name} 复盘知识库"
    files = {
        "mkdocs.yml": _template("mkdocs.yml").substitute(name=name),
        "docs/index.md": _template("index.md").substitute(name=name),
        f"{REVIEWS_DIR}/units.yml": _template("units.yml").template,
        f"{REVIEWS_DIR}/2025/spring-games-branch1.md": _template("example.md").template,
        ".gitignore": _template("gitignore").template,
    }
    written = []
    for rel, text in files.items():
        path = folder / rel
        if path.exists():
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def entry_text(
    title: str,
    unit: str,
    campaign: str,
    date: dt.date,
    category: str = "",
    author: str = "",
    metrics: list[Metric] | None = None,
    actions: list[Action] | None = None,
) -> str:
    """A new entry; the metrics and actions given, or placeholders that show the form."""
    due = date + dt.timedelta(days=90)
    placeholder = [Action(PLACEHOLDER_ACTION, "open", "责任人", due)]
    return _template("entry.md").substitute(
        metrics="\n".join(map(_metric_yaml, metrics)) if metrics else PLACEHOLDER_METRICS,
        actions="\n".join(map(_action_yaml, actions or placeholder)),
        title=_yaml_text(title),
        unit=_yaml_text(unit),
        campaign=_yaml_text(campaign),
        date=date.isoformat(),
        due=due.isoformat(),
        category=_yaml_text(category),
        author=_yaml_text(author),
    )


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _metric_yaml(m: Metric) -> str:
    unit = f"\n    unit: {_yaml_text(m.unit)}" if m.unit else ""
    return (
        f"  - name: {_yaml_text(m.name)}\n    target: {_number(m.target)}\n"
        f"    actual: {_number(m.actual)}{unit}"
    )


def _action_yaml(a: Action) -> str:
    due = f"\n    due: {a.due.isoformat()}" if a.due else ""
    return (
        f"  - action: {_yaml_text(a.action)}\n    owner: {_yaml_text(a.owner)}{due}\n"
        f"    status: {a.status}"
    )


def _yaml_text(value: str) -> str:
    """A YAML scalar for ``value``: plain when YAML reads it back as the same text,
    quoted (JSON's double quotes are YAML's) when plain style would change it."""
    if value and not re.search(r"^[\s\-?:,\[\]{}#&*!|>'\"%@`]|: | #|\s$", value):
        try:
            if yaml.safe_load(value) == value:
                return value
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False)


def create_entry(reviews: Path, date: dt.date, name: str, text: str) -> Path:
    """Write a new entry at ``reviews/<year>/<slug>.md``; never over an existing file."""
    path = new_entry_path(reviews, date, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as f:  # "x": never overwrite, even in a race
        f.write(text)
    return path


def new_entry_path(reviews: Path, date: dt.date, name: str) -> Path:
    """``reviews/<year>/<slug>.md``; never an existing file."""
    path = reviews / str(date.year) / f"{slug(name)}.md"
    if path.exists():
        raise FupanError(
            f"{path} already exists; choose another --slug", "cli.err.exists", path=path
        )
    return path
