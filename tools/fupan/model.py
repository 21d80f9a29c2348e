"""The data types every part of fupan shares: entries, their parts, and problems."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .lang import ENGLISH, Message, say

PARTS = ("summary", "reflection", "improvement")
ACTION_STATUSES = ("open", "doing", "done", "dropped")
OPEN_STATUSES = ("open", "doing")
# the words the tables print, accepted in entries as well (已放弃 is what older tables said)
STATUS_WORDS = {
    "待办": "open",
    "进行中": "doing",
    "已完成": "done",
    "已取消": "dropped",
    "已放弃": "dropped",
}
BETTER = ("higher", "lower")  # which way a metric is good: people reached, or money spent
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable_path(path: str) -> str:
    """A path as one printable line: a newline or escape in a file name cannot forge
    another ``PATH:LINE`` line, and bytes that are not UTF-8 are shown as escapes."""
    path = path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], path)


def percent(share: float | None, missing: str = "–") -> str:
    """A share (1.0 is all, or a target met) as the tables print it: every share in
    fupan is on this one scale, so no caller multiplies by 100."""
    return missing if share is None else f"{100 * share:.0f}%"


@dataclass(frozen=True)
class Problem:
    """One finding of the checker, printed as ``PATH:LINE: level: message``.

    ``message`` is the English text (tests, scripts and ``fupan check --json`` read it);
    ``code`` is its key in the tables of :mod:`fupan.lang` (``check.not_a_number``) and
    ``values`` fill it, so :meth:`said` can say it in any language. Make one with
    :meth:`of`, which fills ``message`` from the English table."""

    path: str
    line: int
    level: str  # "error" or "warning"
    message: str
    code: str = ""
    values: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "path", printable_path(self.path))

    @classmethod
    def of(cls, path: str, line: int, level: str, code: str, /, **values: object) -> Problem:
        """The problem ``code`` of the tables, filled with ``values``."""
        return cls(path, line, level, say(ENGLISH, code, values), code, values)

    @classmethod
    def told(cls, path: str, line: int, level: str, message: Message) -> Problem:
        """The problem a :class:`~fupan.lang.Message` (an exception's) says."""
        return cls.of(path, line, level, message.key, **message.values)

    def said(self, strings: dict[str, str]) -> str:
        """``PATH:LINE: level: message`` in the language of ``strings`` (错误/警告 ...)."""
        level = strings.get(f"check.level.{self.level}", self.level)
        text = say(strings, self.code, self.values) if self.code else self.message
        return f"{self.path}:{self.line}: {level}: {text}"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.level}: {self.message}"

    def as_dict(self) -> dict:
        """For JSON: the English message and its code; the values stay out (they may
        be messages themselves, or values of any type the file held)."""
        return {
            "path": self.path,
            "line": self.line,
            "level": self.level,
            "message": self.message,
            "code": self.code,
        }


@dataclass
class Metric:
    name: str
    target: float
    actual: float
    unit: str = ""
    better: str = "higher"  # or "lower": a budget, accidents, complaints

    @property
    def completion(self) -> float | None:
        """How well the target was met, as a share: 1.0 when met exactly; None when the
        target is zero. Higher is better: actual as a share of target. Lower is better:
        each percent over the target costs a percent (108 % of a budget is 0.92), each
        percent under it gains one."""
        if not self.target:
            return None
        share = self.actual / self.target
        return share if self.better == "higher" else max(0.0, 2.0 - share)


def item_text(action: str, owner: str = "") -> str:
    """An improvement item as searched and shown beside the parts: 措施（责任人）."""
    return f"{action}（{owner}）" if owner else action


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
    campaign_line: int = 4
    written: bool = True  # False while the parts hold only the template's questions

    @property
    def completion(self) -> float | None:
        """The mean completion of the entry's metrics, None without any."""
        done = [m.completion for m in self.metrics if m.completion is not None]
        return sum(done) / len(done) if done else None

    @property
    def year(self) -> int:
        return self.date.year

    @property
    def text(self) -> str:
        """All searchable prose of the entry."""
        return "\n".join([self.title, *self.parts.values()])
