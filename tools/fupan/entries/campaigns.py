"""Campaign names that are most likely one campaign written two ways.

Units are compared side by side on the entries that name the same campaign, so a
review of 2026年安全生产月份 sits apart from those of 2026年安全生产月. ``fupan new`` offers
the existing name; ``fupan check`` warns of names already written differently.
"""

from __future__ import annotations

import difflib
from collections import Counter

from ..model import Entry, Problem
from .dates import YEAR

LEAST_LENGTH = 6  # characters: shorter names one or two apart are other campaigns
NUMERALS = set("零〇一二三四五六七八九十百千两")


def _same_years(name: str, known: list[str]) -> list[str]:
    """A campaign of another year is another campaign (2026年职工运动会 is not 2025年…)."""
    years = set(YEAR.findall(name))
    return [k for k in known if not years or not set(YEAR.findall(k)) - years]


def near_campaign(name: str, known: list[str]) -> str | None:
    """An existing campaign that ``name`` is most likely meant to be, while typing it: one
    containing it (2026年安全 → 2026年安全生产月), or one spelled almost the same."""
    if not name or name in known:
        return None
    known = _same_years(name, known)
    containing = [k for k in known if name in k or k in name]
    if containing:
        return max(containing, key=lambda k: difflib.SequenceMatcher(None, name, k).ratio())
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.75)
    return close[0] if close else None


def _shorter(name: str) -> set[str]:
    """``name`` without one or two of its characters, numbers left alone: 2026年安全生产月份
    → 2026年安全生产月, never 第6期 → 第期."""
    free = [i for i, c in enumerate(name) if not c.isdigit() and c not in NUMERALS]
    out = {name[:i] + name[i + 1 :] for i in free}
    out |= {name[:i] + name[i + 1 : j] + name[j + 1 :] for i in free for j in free if i < j}
    return out


def spelling_problems(entries: list[Entry]) -> list[Problem]:
    """A warning on each entry whose campaign is, most likely, another entry's campaign
    written more or less fully: one name is the other with one or two characters more
    (2026年安全生产月份, 2026年安全生产月). The less used name points to the more used one
    (on a tie, the longer to the shorter). Other characters, or other numbers, make
    other campaigns: 春季运动会 and 秋季运动会, 第6期 and 第7期, and a name inside a longer
    one (2025年安全生产月, 2025年安全生产月知识竞赛)."""
    count = Counter(e.campaign for e in entries if e.campaign)
    said: dict[str, str] = {}
    for longer in count:
        if len(longer) < LEAST_LENGTH + 1:
            continue
        for shorter in _shorter(longer) & count.keys():
            if len(shorter) < LEAST_LENGTH:
                continue
            # the less used one, or on a tie the longer, is the other spelling
            odd, usual = (shorter, longer) if count[shorter] < count[longer] else (longer, shorter)
            best = said.get(odd)
            if best is None or (count[usual], -len(usual), usual) > (count[best], -len(best), best):
                said[odd] = usual
    return [
        Problem.of(
            e.path,
            e.campaign_line,
            "warning",
            "check.campaign_spelling",
            campaign=e.campaign,
            other=said[e.campaign],
            n=count[said[e.campaign]],
        )
        for e in entries
        if e.campaign in said
    ]
