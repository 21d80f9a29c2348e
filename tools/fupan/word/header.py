"""The header block of a Word review: 单位：…, 活动：…, 日期：…, 撰写人：… as lines or a table."""

from __future__ import annotations

import re

from ..entries.dates import parse_date

# the labels the template writes, in its order, with the front matter key each fills
LABELS = {
    "标题": "title",
    "单位": "unit",
    "活动": "campaign",
    "日期": "date",
    "撰写人": "author",
    "类别": "category",
    "标签": "tags",
    "活动时间": "period",
    "落实效果": "rating",
}
# other words offices use for the same labels
ALIASES = {
    "活动名称": "campaign",
    "复盘日期": "date",
    "撰写日期": "date",
    "填报日期": "date",
    "填报单位": "unit",
    "单位名称": "unit",
    "撰稿人": "author",
    "执笔人": "author",
    "填报人": "author",
    "关键词": "tags",
    "自评": "rating",
    "评分": "rating",
}
WORDS = {**LABELS, **ALIASES}
_HINT = re.compile(r"[（(][^）)]*[）)]")  # 落实效果（1～5）: the hint in brackets is not the label
# longest first, so that 活动时间 is not read as 活动
_ALTERNATIVES = "|".join(sorted(WORDS, key=len, reverse=True))
_LINE = re.compile(rf"({_ALTERNATIVES})\s*(?:[（(][^）)]*[）)])?\s*[：:]\s*")


def label(cell: str) -> str | None:
    """The front matter key a label cell names, or None."""
    return WORDS.get(_HINT.sub("", cell).strip().rstrip("：:").strip())


def from_lines(text: str) -> dict[str, str] | None:
    """Fields of a paragraph made only of ``label：value`` lines (several may share a
    line); None when any line is something else, so prose is never taken for a header."""
    found: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        marks = list(_LINE.finditer(line))
        if not marks or line[: marks[0].start()].strip():
            return None
        for m, after in zip(marks, [*marks[1:], None], strict=True):
            value = line[m.end() : after.start() if after else len(line)].strip()
            found[WORDS[m.group(1)]] = value
    return found or None


def from_table(rows: list[list[str]]) -> tuple[dict[str, str], list[int]] | None:
    """Fields of a table of label | value cells (one or more pairs a row), and the rows
    whose labels are none of the header's, which stay in the text; None unless at
    least two labels are the header's."""
    found: dict[str, str] = {}
    other: list[int] = []
    for n, row in enumerate(rows):
        cells = [c for i, c in enumerate(row) if i == 0 or c != row[i - 1]]  # merged repeats
        pairs = [(label(cells[i]), cells[i + 1]) for i in range(0, len(cells) - 1, 2)]
        if pairs and all(key for key, _ in pairs):
            found.update((key, value.strip()) for key, value in pairs)
        else:
            other.append(n)
    return (found, other) if len(found) >= 2 else None


def meta(fields: dict[str, str]) -> dict:
    """Front matter values from the header's texts; what cannot be read stays text,
    so `fupan check` names it."""
    out: dict = {}
    for key, value in fields.items():
        value = value.strip()
        if not value:
            continue
        if key == "date":
            out[key] = _date(value)
        elif key == "tags":
            out[key] = [t for t in re.split(r"[、,，;；\s]+", value) if t]
        elif key == "rating":
            m = re.match(r"^\s*(\d)\s*分?\s*$", value)
            out[key] = int(m.group(1)) if m else value
        elif key == "period":
            ends = re.split(r"\s*(?:至|到|—|–|~|～|-{1,2}(?=\s*\d{4}))\s*", value, maxsplit=1)
            if len(ends) == 2:
                out[key] = {"start": _date(ends[0]), "end": _date(ends[1])}
        else:
            out[key] = value
    return out


def _date(value: str):
    try:
        return parse_date(value)
    except ValueError:
        return value
