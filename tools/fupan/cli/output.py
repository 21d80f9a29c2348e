"""One place that turns rows into what people and scripts read: tables, JSON, CSV.

Tables fit the terminal: Chinese characters take two columns, long text is cut
with … rather than wrapped into the next line, and a table that cannot fit even
then is shown as one block per row.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import shutil
import sys
import unicodedata
from collections.abc import Callable, Sequence

GAP = "  "
MIN_CUT = 8  # a cut column keeps at least this many columns (four Chinese characters)


def char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def width(text: str) -> int:
    """Display width in a terminal: Chinese characters take two columns."""
    return sum(char_width(ch) for ch in text)


def pad(text: str, cols: int) -> str:
    return text + " " * max(0, cols - width(text))


def truncate(text: str, cols: int) -> str:
    """``text`` cut to ``cols`` display columns, ending in … when cut."""
    if width(text) <= cols:
        return text
    out, used = [], 0
    for ch in text:
        w = char_width(ch)
        if used + w > cols - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def terminal_width() -> int | None:
    """Columns to fit: the terminal's, or $COLUMNS when set; None (no limit) when piped."""
    if os.environ.get("COLUMNS", "").isdigit():
        return int(os.environ["COLUMNS"])
    if sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    return None


def cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.0f}" if value == int(value) else f"{value:.1f}"
    if isinstance(value, list | tuple):
        return ", ".join(cell(v) for v in value)
    return " ".join(str(value).split())  # a newline in a cell would break the row


def _fit(
    natural: list[int], headers: list[int], limit: int, prefer: Sequence[int] = ()
) -> list[int] | None:
    """Column widths that fit ``limit``: the ``prefer`` columns (long text) are cut first,
    then the widest of all; None when even that cannot fit."""
    cols = list(natural)
    floor = [min(n, max(h, MIN_CUT)) for n, h in zip(natural, headers, strict=True)]
    total = sum(cols) + len(GAP) * (len(cols) - 1)
    for candidates in (list(prefer), list(range(len(cols)))):
        while total > limit and candidates:
            widest = max(candidates, key=lambda i: cols[i] - floor[i])
            if cols[widest] <= floor[widest]:
                break
            cols[widest] -= 1
            total -= 1
    return cols if total <= limit else None


def table_width(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> int:
    """Columns the table takes with no cell cut."""
    cols = [max([width(h)] + [width(cell(r[i])) for r in rows]) for i, h in enumerate(headers)]
    return sum(cols) + len(GAP) * (len(cols) - 1)


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    limit: int | None = None,
    prefer: Sequence[int] = (),
) -> str | None:
    """An aligned table within ``limit`` columns; None when it cannot fit."""
    texts = [[cell(v) for v in row] for row in rows]
    natural = [max([width(h)] + [width(r[i]) for r in texts]) for i, h in enumerate(headers)]
    cols = natural if limit is None else _fit(natural, [width(h) for h in headers], limit, prefer)
    if cols is None:
        return None

    def line(values: Sequence[str]) -> str:
        return GAP.join(pad(truncate(v, c), c) for v, c in zip(values, cols, strict=True)).rstrip()

    return "\n".join([line(headers), GAP.join("-" * c for c in cols), *map(line, texts)])


def records(headers: Sequence[str], rows: Sequence[Sequence[object]], limit: int | None) -> str:
    """One block per row, ``header  value`` per line: for tables too wide for the terminal."""
    label = max(width(h) for h in headers)
    blocks = []
    for row in rows:
        lines = [
            pad(h, label) + GAP + cell(v) for h, v in zip(headers, row, strict=True) if cell(v)
        ]
        blocks.append("\n".join(fit_line(x, limit) for x in lines))
    return "\n\n".join(blocks)


def fit_line(text: str, limit: int | None) -> str:
    return text if limit is None else truncate(text, limit)


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


def color_enabled() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def progress(label: str, threshold: int = 50) -> Callable[[int, int], None]:
    """A progress callback that draws on stderr for long work on a terminal."""

    def update(done: int, total: int) -> None:
        if total < threshold or not sys.stderr.isatty():
            return
        bar = "#" * (30 * done // total)
        sys.stderr.write(f"\r{label} [{bar:<30}] {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return update
