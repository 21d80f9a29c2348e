"""Checks across entries: what no single file can show wrong on its own."""

from __future__ import annotations

from collections import defaultdict

from ..model import Entry, Problem


def duplicate_entries(entries: list[Entry]) -> list[Problem]:
    """Two entries with the same title, unit and campaign are most likely one review twice."""
    seen: dict[tuple, list[Entry]] = defaultdict(list)
    for e in entries:
        seen[(e.title, e.unit, e.campaign)].append(e)
    problems = []
    for group in seen.values():
        for later in group[1:]:
            problems.append(
                Problem(
                    later.path,
                    later.title_line,
                    "warning",
                    f"same title, unit and campaign as {group[0].path}; "
                    "merge the two or change the title",
                )
            )
    return problems


def cross_checks(entries: list[Entry]) -> list[Problem]:
    return duplicate_entries(entries)
