"""Create things from templates: a new knowledge base, a new entry."""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources
from pathlib import Path
from string import Template

from .entries.slug import slug
from .errors import FupanError
from .kb import REVIEWS_DIR


def _template(name: str) -> Template:
    return Template(resources.files("fupan").joinpath("templates", name).read_text("utf-8"))


def init_kb(folder: Path, name: str | None = None) -> list[Path]:
    """Scaffold a knowledge base in ``folder``; refuses to touch an existing mkdocs.yml."""
    folder = Path(folder)
    if (folder / "mkdocs.yml").exists():
        raise FupanError(f"{folder / 'mkdocs.yml'} already exists; choose an empty folder")
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
    title: str, unit: str, campaign: str, date: dt.date, category: str = "", author: str = ""
) -> str:
    due = date + dt.timedelta(days=90)
    return _template("entry.md").substitute(
        title=_yaml_text(title),
        unit=_yaml_text(unit),
        campaign=_yaml_text(campaign),
        date=date.isoformat(),
        due=due.isoformat(),
        category=_yaml_text(category),
        author=_yaml_text(author),
    )


def _yaml_text(value: str) -> str:
    """A YAML scalar for ``value``: quoted when plain style would change its meaning."""
    if not value:
        return '""'
    if re.search(r"^[\s\-?:,\[\]{}#&*!|>'\"%@`]|: | #|\s$", value) or value.lower() in (
        "yes",
        "no",
        "true",
        "false",
        "null",
        "on",
        "off",
        "~",
    ):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return value


def new_entry_path(reviews: Path, date: dt.date, name: str) -> Path:
    """``reviews/<year>/<slug>.md``; never an existing file."""
    path = reviews / str(date.year) / f"{slug(name)}.md"
    if path.exists():
        raise FupanError(f"{path} already exists; choose another --slug")
    return path
