"""The data types every part of fupan shares: entries, their parts, and problems."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

PARTS = ("summary", "reflection", "improvement")
ACTION_STATUSES = ("open", "doing", "done", "dropped")
OPEN_STATUSES = ("open", "doing")


@dataclass(frozen=True)
class Problem:
    """One finding of the checker, printed as ``PATH:LINE: level: message``."""

    path: str
    line: int
    level: str  # "error" or "warning"
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.level}: {self.message}"

    def as_dict(self) -> dict:
        return {"path": self.path, "line": self.line, "level": self.level, "message": self.message}


@dataclass
class Metric:
    name: str
    target: float
    actual: float
    unit: str = ""

    @property
    def completion(self) -> float | None:
        """Actual as a percentage of target; None when the target is zero."""
        return None if not self.target else 100.0 * self.actual / self.target


@dataclass
class Action:
    action: str
    status: str
    owner: str = ""
    due: dt.date | None = None
    line: int = 0

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def overdue(self, today: dt.date) -> bool:
        return self.is_open and self.due is not None and self.due < today


@dataclass
class Entry:
    """One review entry, as read from ``reviews/<id>.md``."""

    id: str
    path: str  # relative to the knowledge base root, with "/"
    title: str
    unit: str  # the registered name, after alias resolution
    campaign: str
    date: dt.date
    period: tuple[dt.date, dt.date] | None = None
    category: str = ""
    author: str = ""
    tags: list[str] = field(default_factory=list)
    rating: int | None = None
    metrics: list[Metric] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    publish: bool = True
    extra: dict = field(default_factory=dict)  # unknown front matter keys, kept
    body: str = ""
    parts: dict[str, str] = field(default_factory=dict)  # part name -> Markdown text
    unit_as_written: str = ""
    title_line: int = 2  # where cross-entry checks point

    @property
    def year(self) -> int:
        return self.date.year

    @property
    def text(self) -> str:
        """All searchable prose of the entry."""
        return "\n".join([self.title, *self.parts.values()])
