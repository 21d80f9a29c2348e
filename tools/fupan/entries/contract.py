"""Turn one review file into an :class:`Entry` plus the problems found in it.

Every rule of the entry contract lives here, so the checker, the index, the reports
and the site all see the same entries and the same problems.
"""

from __future__ import annotations

import contextlib
import math
import re
from pathlib import Path

from ..lang import Message
from ..model import (
    ACTION_STATUSES,
    BETTER,
    OPEN_STATUSES,
    PARTS,
    STATUS_WORDS,
    Action,
    Entry,
    Metric,
    Problem,
)
from .dates import DateError, parse_date
from .parts import PART_WORDS, headings, split_parts
from .source import Source, SourceError, decode, read_file, split
from .template import PLACEHOLDERS, unwritten
from .units import Units

KNOWN_KEYS = {
    "title",
    "unit",
    "campaign",
    "date",
    "period",
    "category",
    "author",
    "tags",
    "rating",
    "metrics",
    "actions",
    "publish",
}
REQUIRED_KEYS = ("title", "unit", "campaign", "date")
# keys whose full-width colon ('title：') is named at its line, with those of metrics,
# actions and period
COLON_KEYS = frozenset(KNOWN_KEYS) | {
    *("name", "target", "actual", "unit", "better", "action", "owner", "due", "status"),
    *("start", "end"),
}
MAX_TAGS = 30  # more is no longer a description; and every tag is a page of the site
_FOLDED_ITEM = re.compile(r"\s-\s")  # a list item YAML read as part of the one above
_TAG_SEPARATORS = re.compile(rf"[,，、]|{_FOLDED_ITEM.pattern}")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # tabs and newlines stay


class _Checker:
    """Collects problems for one file while values are converted."""

    def __init__(self, rel: str, src: Source):
        self.rel, self.src, self.problems = rel, src, []

    def error(self, code: str, /, *path: object, **values: object) -> None:
        """The problem ``code`` of fupan.lang's tables at the line of ``path``."""
        self.problems.append(Problem.of(self.rel, self.src.line(*path), "error", code, **values))

    def warn(self, code: str, /, *path: object, **values: object) -> None:
        self.problems.append(Problem.of(self.rel, self.src.line(*path), "warning", code, **values))

    def said(self, message: Message, *path: object) -> None:
        """An error a :class:`Message` of another module says (a unit not registered)."""
        self.error(message.key, *path, **message.values)

    def text(self, key: str, value: object, *path: object) -> str | None:
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            text = str(value).strip()
            if _CONTROL.search(text):  # a terminal escape would recolour or rewrite output
                self.warn("check.control_removed", *(path or (key,)), key=key)
                text = _CONTROL.sub("", text).strip()
            if text:
                return text
        self.error("check.not_text", *(path or (key,)), key=key)
        return None

    def date(self, key: str, value: object, *path: object):
        try:
            return parse_date(value)
        except DateError as e:
            self.error("check.bad_date", *(path or (key,)), key=key, reason=e.said_as)
            return None

    def number(self, key: str, value: object, *path: object) -> float | None:
        number = None
        if isinstance(value, int | float) and not isinstance(value, bool):
            number = value
        elif isinstance(value, str):
            with contextlib.suppress(ValueError):
                number = float(value.replace(",", "").strip())
        if number is None:
            shown = repr(value) if len(repr(value)) < 40 else repr(value)[:37] + "..."
            self.error("check.not_a_number", *path, key=key, shown=shown)
            return None
        try:
            number = float(number)
        except OverflowError:  # an integer of hundreds of digits
            self.error("check.number_too_large", *path, key=key)
            return None
        if not math.isfinite(number):
            self.error("check.not_finite", *path, key=key)
            return None
        return number


def entry_id(path: Path, reviews: Path) -> str:
    return path.relative_to(reviews).with_suffix("").as_posix()


def load(
    path: Path, root: Path, reviews: Path, units: Units | None = None
) -> tuple[Entry | None, list[Problem]]:
    """Read ``path``; the entry is None when an error makes it unusable."""
    rel = path.relative_to(root).as_posix()
    try:
        text = decode(read_file(path))
    except SourceError as e:
        return None, [e.problem(rel)]
    return loads(text, entry_id(path, reviews), rel, units or Units())


def may_be_unpublished(path: Path) -> bool:
    """For a file that gave no entry: could it have meant ``publish: false``? When in
    doubt (its front matter cannot be read and it mentions publish), it could."""
    try:
        text = decode(read_file(path))
    except SourceError:
        return True  # its path is all the site could show; keep even that off
    try:
        return split(text).meta.get("publish", True) is not True
    except SourceError:
        return "publish" in text.lower()


def loads(text: str, id: str, rel: str, units: Units) -> tuple[Entry | None, list[Problem]]:
    """Parse and check an entry's text (already decoded)."""
    try:
        src = split(text, COLON_KEYS)
    except SourceError as e:
        return None, [e.problem(rel)]
    c = _Checker(rel, src)
    meta = src.meta
    for keys, line in src.duplicate_keys:
        if len(keys) == 1:
            c.problems.append(Problem.of(rel, line, "warning", "check.key_twice", key=keys[0]))
        else:
            parent = ".".join(str(k) for k in keys[:-1])
            c.problems.append(
                Problem.of(rel, line, "warning", "check.key_twice_in", key=keys[-1], parent=parent)
            )
    for key in REQUIRED_KEYS:
        if meta.get(key) in (None, ""):
            c.error("check.key_missing", key, key=key)
    title = c.text("title", meta["title"]) if meta.get("title") is not None else None
    campaign = c.text("campaign", meta["campaign"]) if meta.get("campaign") is not None else None
    date = c.date("date", meta["date"]) if meta.get("date") not in (None, "") else None
    unit_written = c.text("unit", meta["unit"]) if meta.get("unit") is not None else None
    unit = _unit(c, units, unit_written) if unit_written else None
    extra = {k: v for k, v in meta.items() if k not in KNOWN_KEYS}
    for key in extra:
        if isinstance(key, str):
            c.warn("check.unknown_key", key, key=key)
        else:
            c.warn("check.key_not_word", key, key=key)
    entry_parts = _parts(c, src)
    entry = Entry(
        id=id,
        path=rel,
        title=title or "",
        unit=unit or "",
        campaign=campaign or "",
        date=date,
        period=_period(c, meta.get("period")),
        category=_optional_text(c, meta, "category"),
        author=_optional_text(c, meta, "author"),
        tags=_tags(c, meta.get("tags")),
        rating=_rating(c, meta.get("rating")),
        metrics=_metrics(c, meta.get("metrics")),
        actions=_actions(c, meta.get("actions")),
        publish=_publish(c, meta.get("publish", True)),
        extra=extra,
        body=src.body,
        parts=entry_parts,
        unit_as_written=unit_written or "",
        title_line=src.line("title"),
        campaign_line=src.line("campaign"),
        written=not unwritten(entry_parts) if entry_parts else True,
    )
    if not entry.written:
        c.problems.append(Problem.of(rel, src.body_line, "warning", "check.unwritten"))
    usable = title and campaign and date and unit
    return (entry if usable else None), c.problems


def _unit(c: _Checker, units: Units, written: str) -> str | None:
    resolved = units.resolve(written)
    if resolved is None:
        c.said(units.not_registered(written), "unit")
    return resolved


def _optional_text(c: _Checker, meta: dict, key: str) -> str:
    if meta.get(key) in (None, ""):
        return ""
    return c.text(key, meta[key]) or ""


def _period(c: _Checker, value: object) -> tuple | None:
    if value is None:
        return None
    if not isinstance(value, dict) or "start" not in value or "end" not in value:
        c.error("check.period_shape", "period")
        return None
    start = c.date("period.start", value["start"], "period", "start")
    end = c.date("period.end", value["end"], "period", "end")
    if start and end and end < start:
        c.error("check.period_reversed", "period", "end", start=start, end=end)
        return None
    return (start, end) if start and end else None


def _tags(c: _Checker, value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        c.error("check.tags_not_list", "tags")
        return []
    tags: dict[str, None] = {}  # in order, without repeats, in linear time
    for i, tag in enumerate(value):
        text = c.text("tags", tag, "tags", i) if tag is not None else None
        if text and _FOLDED_ITEM.search(text):  # "- 场地" indented under "- 报名"
            c.warn("check.tag_folded", "tags", i, tag=text)
        for one in _TAG_SEPARATORS.split(text or ""):  # 报名、宣传 is two tags
            if one.strip():
                tags[one.strip()] = None
    if len(tags) > MAX_TAGS:
        c.warn("check.too_many_tags", "tags", n=len(tags), max=MAX_TAGS)
    return list(tags)[:MAX_TAGS]


def _rating(c: _Checker, value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        c.error("check.rating", "rating", value=value)
        return None
    return value


def _metrics(c: _Checker, value: object) -> list[Metric]:
    if value is None:
        return []
    if not isinstance(value, list):
        c.error("check.metrics_not_list", "metrics")
        return []
    metrics = []
    for i, item in enumerate(value):
        if not isinstance(item, dict) or "name" not in item:
            c.error("check.metric_shape", "metrics", i)
            continue
        name = c.text("name", item["name"], "metrics", i, "name")
        nums = {}
        for key in ("target", "actual"):
            if item.get(key) is None:
                c.error("check.metric_missing", "metrics", i, name=name, key=key)
            else:
                nums[key] = c.number(f"metrics.{key}", item[key], "metrics", i, key)
        better = str(item.get("better") or "higher").strip().lower()
        if better not in BETTER:
            c.error(
                "check.metric_better", "metrics", i, "better", name=name, value=item.get("better")
            )
            continue
        if name and nums.get("target") is not None and nums.get("actual") is not None:
            unit = _CONTROL.sub("", str(item.get("unit") or ""))
            metrics.append(Metric(name, nums["target"], nums["actual"], unit, better))
    return metrics


def _actions(c: _Checker, value: object) -> list[Action]:
    if value is None:
        return []
    if not isinstance(value, list):
        c.error("check.actions_not_list", "actions")
        return []
    actions = []
    for i, item in enumerate(value):
        at = ("actions", i)
        if not isinstance(item, dict) or not item.get("action"):
            c.error("check.action_shape", *at)
            continue
        text = c.text("action", item["action"], *at, "action") or ""
        status = str(item.get("status") or "open").strip().lower()
        status = STATUS_WORDS.get(status, status)
        known = status in ACTION_STATUSES
        if not known:
            words = "/".join(w for w in STATUS_WORDS if w != "已放弃")
            c.error(
                "check.action_status",
                *at,
                "status",
                status=item.get("status"),
                codes=ACTION_STATUSES,
                words=words,
            )
        owner = _CONTROL.sub("", str(item.get("owner") or "")).strip()
        due = c.date("due", item["due"], *at, "due") if item.get("due") not in (None, "") else None
        if not known:  # its date is checked all the same: every mistake in one run
            continue
        if status in OPEN_STATUSES:
            for key, have in (("owner", owner), ("due", item.get("due"))):
                if not have:
                    c.error(
                        "check.open_action_missing",
                        *at,
                        status=Message(f"status_{status}"),
                        text=text[:20],
                        key=key,
                    )
        if text in PLACEHOLDERS or owner in PLACEHOLDERS:
            c.warn("check.action_placeholder", *at)
        actions.append(Action(text, status, owner, due, c.src.line(*at)))
    return actions


def _publish(c: _Checker, value: object) -> bool:
    if isinstance(value, bool):
        return value
    c.error("check.publish", "publish", value=value)
    return False  # when in doubt, keep it off the site


def _parts(c: _Checker, src: Source) -> dict[str, str]:
    """The parts by their headings; a part's name in a problem is its label in the
    tables (``summary`` is 一、总结 or Summary), said in the language of the run."""
    found = headings(src.body)
    first: dict[str, int] = {}
    for h in found:
        line = src.body_line + h.line
        if not h.part:
            continue
        if h.part in first:
            c.problems.append(
                Problem.of(c.rel, line, "warning", "check.part_twice", part=Message(h.part))
            )
            continue
        later = [p for p in first if PARTS.index(p) > PARTS.index(h.part)]
        if later:
            c.problems.append(
                Problem.of(
                    c.rel,
                    line,
                    "warning",
                    "check.part_order",
                    part=Message(h.part),
                    later=Message(later[0]),
                )
            )
        first[h.part] = line
    for part in PARTS:
        if part not in first:
            c.problems.append(
                Problem.of(
                    c.rel,
                    src.body_line,
                    "error",
                    "check.part_missing",
                    part=Message(part),
                    words=PART_WORDS[part],
                )
            )
    return split_parts(src.body, found)
