"""What the template of `fupan new` (templates/entry.md) writes, so the checker can tell
an entry no one has filled in yet from one that says little."""

from __future__ import annotations

import re
from importlib import resources

# values the template fills in, to be replaced
PLACEHOLDERS = {"写下一项具体的改进措施", "责任人"}
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)


def _prompts() -> set[str]:
    """The questions the template writes under each heading, in comments or not."""
    text = resources.files("fupan").joinpath("templates", "entry.md").read_text("utf-8")
    return {m.strip() for m in _COMMENT.findall(text)}


PROMPTS = _prompts()


def unwritten(parts: dict[str, str]) -> bool:
    """True while every part holds nothing but the template's questions."""
    for text in parts.values():
        rest = [line.strip() for line in _COMMENT.sub("", text).split("\n")]
        if any(line and line not in PROMPTS for line in rest):
            return False
    return True
