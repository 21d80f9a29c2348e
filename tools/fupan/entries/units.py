"""The registry of units, ``reviews/units.yml``: names, groups and aliases."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BadValue
from ..lang import Message
from ..model import Problem
from ..text.collate import roster_key
from .source import SourceError, decode, parse_yaml


@dataclass
class Unit:
    name: str
    group: str = ""
    aliases: list[str] = field(default_factory=list)


@dataclass
class Units:
    """Registered units; an empty registry accepts any unit name."""

    units: list[Unit] = field(default_factory=list)
    _lookup: dict[str, str] = field(default_factory=dict, repr=False)
    _order: Callable[[str], tuple] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        for unit in self.units:
            for name in (unit.name, *unit.aliases):
                self._lookup.setdefault(name.strip(), unit.name)

    @property
    def registered(self) -> bool:
        return bool(self.units)

    def resolve(self, name: str) -> str | None:
        """The registered name for a name or alias; the name itself without a registry."""
        if not self.registered:
            return name.strip()
        return self._lookup.get(name.strip())

    def suggest(self, name: str) -> str | None:
        """The registered unit whose name or alias is closest to ``name``, if any is close."""
        close = difflib.get_close_matches(name.strip(), list(self._lookup), n=1, cutoff=0.6)
        return self._lookup[close[0]] if close else None

    def not_registered(self, name: str) -> Message:
        """What to say about a unit name that is not in the registry, and how to fix it."""
        hint = self.suggest(name)
        if hint:
            return Message("check.unit_unknown_close", name=name, hint=hint)
        return Message("check.unit_unknown", name=name)

    def require(self, name: str) -> str:
        """The registered name for ``name``; BadValue when there is none."""
        resolved = self.resolve(name)
        if resolved is None:
            said = self.not_registered(name)
            raise BadValue.of(said.key, **said.values)
        return resolved

    def sort_key(self, name: str) -> tuple:
        """Units in the order of units.yml (the order the office lists them), then by pinyin."""
        if self._order is None:
            self._order = roster_key([u.name for u in self.units])
        return self._order(name)


def load_units(path: Path, rel: str) -> tuple[Units, list[Problem]]:
    """Read the registry; a missing file means no registry, a bad one is reported."""
    if not path.exists():
        return Units(), []
    problems: list[Problem] = []
    try:
        data, lines, _ = parse_yaml(decode(path.read_bytes()))
    except SourceError as e:
        return Units(), [e.problem(rel)]
    if data is None:
        return Units(), []
    if not isinstance(data, list):
        return Units(), [Problem.of(rel, 1, "error", "check.units_shape")]
    units: list[Unit] = []
    for i, item in enumerate(data):
        line = lines.get((i,), 1)
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            problems.append(Problem.of(rel, line, "error", "check.unit_name"))
            continue
        aliases = item.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        if not isinstance(aliases, list):
            problems.append(Problem.of(rel, line, "error", "check.unit_aliases"))
            aliases = []
        units.append(
            Unit(item["name"].strip(), str(item.get("group") or ""), [str(a) for a in aliases])
        )
    return Units(units), problems
