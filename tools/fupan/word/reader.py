"""From a Word document's tree to a draft entry: header fields, three parts, tables.

The three parts are found by heading style (Word's 标题 1/2 …) or, in documents
written without styles, by 公文 numbering on short or bold lines: 一、总结 starts a
part, （一） becomes a sub-heading and hand-typed 1. 2. lines become a numbered list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..entries.dates import parse_date
from ..entries.parts import PART_WORDS, part_of
from ..model import PARTS
from . import header, numbering, tables, tree
from .pandoc import Document

# the part each of these 公文 headings stands for, when it names none of 总结/反思/改进
SECTION_WORDS = {
    "summary": ("基本情况", "工作情况", "开展情况", "主要做法", "完成情况", "活动情况"),
    "reflection": ("存在的问题", "存在问题", "问题与不足", "不足", "原因"),
    "improvement": ("下一步", "打算", "整改", "建议"),
}
EARLY = 4  # characters before a part's word in an unnumbered heading
UNIT_ENDINGS = ("工会", "委员会")  # how the name of a union body ends, in a signature
_SENTENCE = re.compile(r"[，。；：、！？,;:!?\s]")  # a signature line is a name, not a sentence
PART_TITLES = {"summary": "一、总结", "reflection": "二、反思", "improvement": "三、改进"}


@dataclass
class Draft:
    """What a Word review holds, before it is written as an entry."""

    meta: dict = field(default_factory=dict)  # front matter from the header block
    metrics: list[dict] = field(default_factory=list)
    actions: list[dict] = field(default_factory=list)
    preamble: list = field(default_factory=list)  # blocks before the first part
    parts: dict[str, tuple[str, list]] = field(default_factory=dict)  # part -> heading, blocks


def _is_date(line: str) -> bool:
    try:
        parse_date(line)
    except ValueError:
        return False
    return True


def _named_early(text: str, part: str) -> bool:
    """An unnumbered heading names its part near its start (总结, 工作总结), unlike a
    title that ends in one (2026年运动会工作总结)."""
    text = text.lower()
    return any(0 <= text.find(w) <= EARLY for w in PART_WORDS[part])


def section(line: str) -> str | None:
    """The part a heading line names: 总结/反思/改进 words first, then 公文 section names."""
    found = numbering.level(line)
    rest = found[1] if found else line
    part = part_of(rest)
    if part and (found or _named_early(rest, part)):
        return part
    return next(
        (p for p, words in SECTION_WORDS.items() if any(rest.startswith(w) for w in words)), None
    )


def heading_title(line: str, part: str) -> str:
    """The part heading written to the entry: the document's words, which name the
    part in a way the entry format reads."""
    found = numbering.level(line)
    rest = found[1] if found else line.strip()
    if part_of(rest) == part:
        return line.strip() if found and found[0] == 1 else f"{PART_TITLES[part][:2]}{rest}"
    return f"{PART_TITLES[part]}：{rest}"


class _Reader:
    def __init__(self, doc: Document, prompts: frozenset[str]):
        self.doc = doc
        self.draft = Draft()
        self.part: str | None = None
        self.part_level = 0  # heading level of the part headings, for the levels below
        self.seen: set[str] = set()
        self.hand_list: dict | None = None
        self.part_kind = ""  # how the first part heading was marked: numbered, styled, bold
        self.prompts = prompts

    def read(self) -> Draft:
        title = tree.text(self.doc.meta.get("title", {}).get("c", [])).strip()
        if title:
            self.draft.meta["title"] = title
        for block in self.doc.blocks:
            self.block(block)
        self.signature()
        parts = self.draft.parts
        if self.draft.preamble and "summary" in parts:  # an opening belongs to the summary:
            heading, blocks = parts["summary"]  # text before the parts shows nowhere
            parts["summary"] = (heading, self.draft.preamble + blocks)
            self.draft.preamble = []
        return self.draft

    def signature(self) -> None:
        """A 公文 ends with the unit and the date on lines of their own; they fill in
        the header's unit and date, and leave the text when they say the same."""
        meta, blocks = self.draft.meta, self.out()
        while blocks and blocks[-1].get("t") in ("Para", "Plain"):
            line = " ".join(tree.text(blocks[-1]).split())
            key = "date" if _is_date(line) else "unit" if line.endswith(UNIT_ENDINGS) else None
            if key is None or len(line) > numbering.HEADING_MAX or _SENTENCE.search(line):
                return
            value = header.meta({key: line})[key]
            if meta.get(key) not in (None, "", value):
                return
            meta[key] = value
            blocks.pop()

    def out(self) -> list:
        return self.draft.parts[self.part][1] if self.part else self.draft.preamble

    def block(self, block: dict) -> None:
        kind = block.get("t")
        if kind == "Table" and self.table(block):
            return
        if kind in ("Para", "Plain") and self.part is None and self.header_lines(block):
            return
        line = " ".join(tree.text(block).split()) if kind in ("Header", "Para", "Plain") else ""
        if kind in ("Para", "Plain") and (line in self.prompts or not line and not block["c"]):
            return
        if kind == "Header" or (kind in ("Para", "Plain") and numbering.looks_like_heading(line)):
            if self.start_part(block, line):
                return
            if self.sub_heading(block, line):
                return
        if self.part is None and "title" not in self.draft.meta and self.title(block, line):
            return
        if kind in ("Para", "Plain") and self.numbered_item(block, line):
            return
        self.out().append(block)

    def title(self, block: dict, line: str) -> bool:
        """A heading, or a short bold line, before the parts and before any text."""
        if self.draft.preamble or not numbering.looks_like_heading(line):
            return False
        if block["t"] == "Header" or tree.is_bold(block):
            self.draft.meta["title"] = line
            return True
        return False

    def start_part(self, block: dict, line: str) -> bool:
        """Whether ``block`` starts one of the three parts, and start it.

        The first part heading sets the rule for the others: after 一、总结 only another
        一、-level line starts a part, so a bold 改进建议 inside 反思 stays there; after
        a styled 总结 only a heading of that level or above (or an 一、 line) does."""
        styled = block["t"] == "Header"
        number = numbering.level(line)
        if number and number[0] != 1:
            return False
        kind = (
            "numbered" if number else "styled" if styled else "bold" if tree.is_bold(block) else ""
        )
        if not kind:
            return False
        part = section(line)
        if part is None or part in self.seen:
            return False
        if any(PARTS.index(p) > PARTS.index(part) for p in self.seen):
            return False
        level = block["c"][0] if styled else 0
        if self.seen and kind != "numbered":
            if self.part_kind == "numbered" or kind != self.part_kind:
                return False
            if styled and level > self.part_level:
                return False  # a deeper heading that happens to name a part
        if not self.seen:
            self.part_kind = kind
        self.seen.add(part)
        self.part, self.part_level = part, level if styled else self.part_level
        self.draft.parts[part] = (heading_title(line, part), [])
        return True

    def sub_heading(self, block: dict, line: str) -> bool:
        if self.part is None:
            return False
        if block["t"] == "Header":
            level = min(6, 3 + max(0, block["c"][0] - max(self.part_level, 1) - 1))
            self.out().append(tree.header(level, line))
            return True
        number = numbering.level(line)
        if number and number[0] in (1, 2) and (tree.is_bold(block) or number[0] == 2):
            self.out().append(tree.header(3, line))
            return True
        return False

    def numbered_item(self, block: dict, line: str) -> bool:
        """Hand-typed 1. 2. paragraphs join into one numbered list."""
        number = numbering.level(line)
        if not number or number[0] != 3:
            return False
        out = self.out()
        item = [tree.plain(number[1])]
        if out and out[-1] is self.hand_list:  # only a list made here takes more items
            out[-1]["c"][1].append(item)
        else:
            self.hand_list = tree.ordered_list([item])
            out.append(self.hand_list)
        return True

    def header_lines(self, block: dict) -> bool:
        fields = header.from_lines(tree.text(block))
        if fields is None:
            return False
        self.draft.meta.update(header.meta(fields))
        return True

    def table(self, block: dict) -> bool:
        rows = tree.table_texts(block)
        if not rows:
            return False
        if self.part is None:
            found = header.from_table(rows)
            if found is not None:
                fields, other = found
                self.draft.meta.update(header.meta(fields))
                if other:  # rows such as 参加人数 | 300 are part of the text
                    self.out().append(tree.pipe_table(block, other))
                return True
        kind = tables.kind(rows[0])
        if kind == "metrics":
            self.draft.metrics += tables.metrics(rows)
        elif kind == "actions":
            self.draft.actions += tables.actions(rows)
        else:
            self.out().append(tree.pipe_table(block))
        return True


def read(doc: Document, prompts: frozenset[str] = frozenset()) -> Draft:
    """The draft in ``doc``; paragraphs whose text is one of ``prompts`` (the template's
    guiding questions, left in place) are dropped."""
    return _Reader(doc, prompts).read()
