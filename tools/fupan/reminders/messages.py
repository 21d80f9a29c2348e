"""The reminder as people read it: plain text in the knowledge base's language.

Group robots cap a message's size (企业微信 2,048 bytes of text), so a long reminder is
cut into several messages at group boundaries, each under the channel's limit.
"""

from __future__ import annotations

import datetime as dt

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
                due=r.due.isoformat() if r.due else "",
                when=when(s, item),
                status=s[f"status_{r.status}"],
            ),
            "   " + s["remind.source"].format(title=r.title) + (f" {item.url}" if item.url else ""),
        ]
        blocks.append("\n".join(lines))
    return blocks


def header(s: dict[str, str], groups: list[Group], today: dt.date) -> str:
    return s["remind.header"].format(
        date=today.isoformat(), count=sum(len(g.items) for g in groups)
    )


def full_text(s: dict[str, str], groups: list[Group], today: dt.date) -> str:
    parts = [header(s, groups, today)]
    parts += ["\n".join(group_text(s, g)) for g in groups]
    parts.append(s["remind.footer"])
    return "\n\n".join(parts)


def _cut(text: str, limit: int) -> str:
    """The longest start of ``text`` within ``limit`` UTF-8 bytes."""
    data = text.encode("utf-8")
    return text if len(data) <= limit else data[: limit - 3].decode("utf-8", "ignore") + "…"


def texts(s: dict[str, str], groups: list[Group], today: dt.date, limit: int) -> list[str]:
    """The reminder as one or more texts of at most ``limit`` UTF-8 bytes each."""
    whole = full_text(s, groups, today)
    if len(whole.encode("utf-8")) <= limit:
        return [whole]
    top = header(s, groups, today)
    room = limit - len(top.encode("utf-8")) - 40  # for the "(2/3)" mark
    chunks: list[list[str]] = []
    current: list[str] = []
    size, last = 0, None
    for g in groups:
        head, *items = group_text(s, g)
        for block in items:
            # an item continued in the next message repeats its group's heading
            piece = block if last is g else f"{head}\n{block}"
            if current and size + len(piece.encode("utf-8")) + 2 > room:
                chunks.append(current)
                current, size = [], 0
                piece = f"{head}\n{block}"
            current.append(_cut(piece, room))
            size += len(current[-1].encode("utf-8")) + 2
            last = g
    chunks.append(current)
    total = len(chunks)
    return [
        f"{top} {s['remind.part'].format(n=n, total=total)}\n\n" + "\n\n".join(c)
        for n, c in enumerate(chunks, 1)
    ]
