"""A Word table of metrics or of actions, read into the entry's front matter.

Columns are found by the words in their header cells, so 目标值 or 负责人 work as
well as the template's own 目标 and 责任人. A value fupan cannot read (约300, 9月底)
is written as the text it was, so `fupan check` names its line and the fix rather
than the value being lost.
"""

from __future__ import annotations

import re

from ..entries.dates import parse_date
from ..model import ACTION_STATUSES, STATUS_WORDS

# field -> words a header cell may use for it; the first column that matches wins
METRIC_COLUMNS = {
    "name": ("指标", "项目", "名称"),
    "target": ("目标", "计划"),
    "actual": ("实际", "完成"),
    "unit": ("单位",),
}
ACTION_COLUMNS = {
    "action": ("措施", "内容", "事项"),
    "owner": ("责任人", "负责人", "责任"),
    "due": ("完成时限", "时限", "完成时间", "截止", "期限"),
    "status": ("状态", "进度", "完成情况"),
}
# what offices write in a status column besides the format's own words (model.STATUS_WORDS)
MORE_STATUS_WORDS = {
    "未开始": "open",
    "未完成": "open",
    "推进中": "doing",
    "正在进行": "doing",
    "完成": "done",
    "取消": "dropped",
    "放弃": "dropped",
}
_NUMBER = re.compile(r"^\s*([-+]?\d[\d,，]*(?:\.\d+)?)\s*(万)?\s*(\S*?)\s*$")


def columns(header: list[str], wanted: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """field -> column index, for the fields whose words appear in a header cell."""
    found: dict[str, int] = {}
    for field, words in wanted.items():
        for i, cell in enumerate(header):
            if i not in found.values() and any(w in cell for w in words):
                found[field] = i
                break
    return found


def kind(header: list[str]) -> str | None:
    """Which table a header row starts: "metrics", "actions" or None."""
    metric = columns(header, METRIC_COLUMNS)
    if {"name", "target", "actual"} <= metric.keys():
        return "metrics"
    action = columns(header, ACTION_COLUMNS)
    if "action" in action and ({"owner", "due"} & action.keys()):
        return "actions"
    return None


def number(value: str) -> tuple[float | str, str]:
    """(number, unit written after it) of a cell such as 300、300人、4.78万、95%;
    the text itself when it is not a number."""
    m = _NUMBER.match(value)
    if not m:
        return value, ""
    n = float(m.group(1).replace(",", "").replace("，", ""))
    if m.group(2):
        n *= 10000
    return (int(n) if n.is_integer() else n), m.group(3)


def status(value: str) -> str:
    """The status code for a status word; empty means open; unknown words stay as written."""
    word = value.strip()
    if not word:
        return "open"
    if word.lower() in ACTION_STATUSES:
        return word.lower()
    return STATUS_WORDS.get(word) or MORE_STATUS_WORDS.get(word) or word


def metrics(rows: list[list[str]]) -> list[dict]:
    col = columns(rows[0], METRIC_COLUMNS)
    out = []
    for row in rows[1:]:
        cell = {f: row[i].strip() for f, i in col.items()}
        if not any(cell.values()) or not cell.get("name"):
            continue
        metric: dict = {"name": cell["name"]}
        unit = cell.get("unit", "")
        for key in ("target", "actual"):
            value, written_unit = number(cell.get(key, ""))
            metric[key] = value if value != "" else None
            unit = unit or written_unit
        metric["unit"] = unit
        out.append(metric)
    return out


def actions(rows: list[list[str]]) -> list[dict]:
    col = columns(rows[0], ACTION_COLUMNS)
    out = []
    for row in rows[1:]:
        cell = {f: row[i].strip() for f, i in col.items()}
        if not cell.get("action"):
            continue
        item: dict = {"action": cell["action"], "owner": cell.get("owner", "")}
        due = cell.get("due", "")
        try:
            item["due"] = parse_date(due) if due else None
        except ValueError:
            item["due"] = due
        item["status"] = status(cell.get("status", ""))
        out.append(item)
    return out
