"""One place that turns rows into what people and scripts read: tables, JSON, CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import unicodedata
from collections.abc import Sequence


def width(text: str) -> int:
    """Display width in a terminal: Chinese characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, cols: int) -> str:
    return text + " " * max(0, cols - width(text))


def cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.0f}" if value == int(value) else f"{value:.1f}"
    if isinstance(value, list | tuple):
        return ", ".join(cell(v) for v in value)
    return str(value)


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain aligned table; wide characters keep the columns straight."""
    texts = [[cell(v) for v in row] for row in rows]
    cols = [max([width(h)] + [width(r[i]) for r in texts]) for i, h in enumerate(headers)]
    lines = ["  ".join(pad(h, c) for h, c in zip(headers, cols, strict=True)).rstrip()]
    lines.append("  ".join("-" * c for c in cols))
    for r in texts:
        lines.append("  ".join(pad(v, c) for v, c in zip(r, cols, strict=True)).rstrip())
    return "\n".join(lines)


def _default(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"not JSON serializable: {value!r}")


def to_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=_default)


def to_csv(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """CSV text that starts with a BOM, so that Excel and WPS read it as UTF-8."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([cell(v) for v in row])
    return "\ufeff" + buf.getvalue()
