"""The reminder as people read it: plain text in the knowledge base's language.

Group robots cap a message's size (企业微信 2,048 bytes of text), so a long reminder is
cut into several messages at group boundaries, each under the channel's limit.
"""

from __future__ import annotations

import datetime as dt

from ..lang import day
from .plan import DueItem, Group


def when(s: dict[str, str], item: DueItem) -> str:
    if item.days_overdue > 0:
        return s["remind.overdue_days"].format(days=item.days_overdue)
    if item.days_overdue == 0:
        return s["remind.due_today"]
    return s["remind.days_left"].format(days=-item.days_overdue)


def owner_name(s: dict[str, str], owner: str) -> str:
    return owner or s["remind.no_owner"]


def group_text(s: dict[str, str], g: Group) -> list[str]:
    """A group as a heading line and one block of lines per item."""
    head = s["remind.group"].format(
        unit=g.unit, owner=owner_name(s, g.owner), count=len(g.items), overdue=g.overdue
    )
    blocks = [head]
    for n, item in enumerate(g.items, 1):
        r = item.row
        lines = [
            f"{n}. {r.action}",
            "   "
            + s["remind.item_due"].format(
                due=day(s, r.due) if r.due else "",
                when=when(s, item),
                status=s[f"status_{r.status}"],
            ),
            "   " + s["remind.source"].format(title=r.title) + (f" {item.url}" if item.url else ""),
        ]
        blocks.append("\n".join(lines))
    return blocks


def header(s: dict[str, str], groups: list[Group], today: dt.date) -> str:
    return s["remind.header"].format(date=day(s, today), count=sum(len(g.items) for g in groups))


def full_text(s: dict[str, str], groups: list[Group], today: dt.date) -> str:
    parts = [header(s, groups, today)]
    parts += ["\n".join(group_text(s, g)) for g in groups]
    parts.append(s["remind.footer"])
    return "\n\n".join(parts)


def _cut(text: str, limit: int) -> str:
    """The longest start of ``text`` within ``limit`` UTF-8 bytes."""
    data = text.encode("utf-8")
    return text if len(data) <= limit else data[: limit - 3].decode("utf-8", "ignore") + "…"


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def texts(s: dict[str, str], groups: list[Group], today: dt.date, limit: int) -> list[str]:
    """The reminder as one or more texts of at most ``limit`` UTF-8 bytes each, laid
    out as :func:`full_text`; an owner's items continued in the next text repeat the
    owner's heading there."""
    whole = full_text(s, groups, today)
    if _size(whole) <= limit:
        return [whole]
    top, footer = header(s, groups, today), s["remind.footer"]
    room = limit - _size(top) - _size(footer) - 40  # 40: the "(2/3)" mark and blank lines
    chunks: list[list[str]] = [[]]  # per text: one segment per group, heading and items
    size, last = 0, None
    for g in groups:
        head, *items = group_text(s, g)
        for block in items:
            same = last is g and bool(chunks[-1])
            piece = f"\n{block}" if same else f"{head}\n{block}"
            if chunks[-1] and size + _size(piece) + 2 > room:
                chunks.append([])
                size, same, piece = 0, False, f"{head}\n{block}"
            piece = _cut(piece, room)
            if same:
                chunks[-1][-1] += piece
            else:
                chunks[-1].append(piece)
            size += _size(piece) + 2
            last = g
    total = len(chunks)
    return [
        f"{top} {s['remind.part'].format(n=n, total=total)}\n\n"
        + "\n\n".join(c)
        + (f"\n\n{footer}" if n == total else "")
        for n, c in enumerate(chunks, 1)
    ]
