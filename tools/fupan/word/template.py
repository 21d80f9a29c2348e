"""The Word template: a header table, the three parts with their guiding questions,
a metrics table and an action table, laid out exactly as `fupan import` reads them.

The parts and questions come from the Markdown template (templates/entry.md), so
both templates ask the same. Guiding questions left in a filled-in template are
recognised by their text and dropped on import.
"""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor

from ..model import ACTION_STATUSES, STATUS_WORDS

HEADING = "工会工作复盘"
INSTRUCTIONS = (
    "填写说明：在下表中填写标题、单位、活动和日期（必填），再在三个部分中写正文；"
    "灰色斜体的提示文字可以保留，导入时会自动去掉。写好后保存为 .docx，"
    "运行 fupan import 文件名.docx 导入知识库。"
)
HEADER_ROWS = (
    "标题",
    "单位",
    "活动",
    "日期（如 2026-04-20）",
    "撰写人",
    "类别（如 文体活动）",
    "标签（用、分隔，如 报名、宣传）",
    "活动时间（如 2026-03-01至2026-04-15）",
    "落实效果（1～5分）",
)
METRICS_HEADER = ("指标", "目标", "实际", "单位")
ACTIONS_HEADER = ("措施", "责任人", "完成时限", "状态")
METRICS_NOTE = "指标：目标和实际只填数字，单位写在最后一列。"
STATUS_NOTE = (
    "改进措施：每条写清做什么、谁负责、什么时候完成；状态填写 "
    + "、".join(
        next(word for word, c in STATUS_WORDS.items() if c == code) for code in ACTION_STATUSES
    )
    + "。"
)
EMPTY_ROWS = 3
GREY = RGBColor(0x80, 0x80, 0x80)
FIXED_TIME = dt.datetime(2026, 1, 1)  # the same file every time it is written


def parts() -> list[tuple[str, str]]:
    """(heading, guiding question) of each part, from the Markdown template."""
    text = resources.files("fupan").joinpath("templates", "entry.md").read_text("utf-8")
    found = re.findall(r"^##\s+(.+?)\s*\n\s*<!--\s*(.+?)\s*-->", text, re.M | re.S)
    return [(h, " ".join(q.split()).replace("上面的 actions", "下面的措施表")) for h, q in found]


def prompts() -> frozenset[str]:
    """Every line of guidance the template holds, as import sees its text."""
    lines = [HEADING, INSTRUCTIONS, METRICS_NOTE, STATUS_NOTE, *(q for _, q in parts())]
    return frozenset(" ".join(line.split()) for line in lines)


def _hint(doc, text: str) -> None:
    run = doc.add_paragraph().add_run(text)
    run.italic = True
    run.font.color.rgb = GREY
    run.font.size = Pt(10)


def _table(doc, header: tuple[str, ...], rows: int) -> None:
    table = doc.add_table(rows=1 + rows, cols=len(header))
    table.style = "Table Grid"
    for i, label in enumerate(header):
        table.cell(0, i).text = ""
        table.cell(0, i).paragraphs[0].add_run(label).bold = True


def build() -> docx.document.Document:
    doc = docx.Document()
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(HEADING)
    run.bold = True
    run.font.size = Pt(18)
    _hint(doc, INSTRUCTIONS)
    table = doc.add_table(rows=len(HEADER_ROWS), cols=2)
    table.style = "Table Grid"
    for i, label in enumerate(HEADER_ROWS):
        table.cell(i, 0).paragraphs[0].add_run(label).bold = True
    for n, (heading, question) in enumerate(parts()):
        doc.add_heading(heading, level=1)
        _hint(doc, question)
        if n == 0:
            _hint(doc, METRICS_NOTE)
            _table(doc, METRICS_HEADER, EMPTY_ROWS)
        if n == 2:
            _hint(doc, STATUS_NOTE)
            _table(doc, ACTIONS_HEADER, EMPTY_ROWS)
    doc.add_paragraph()  # as Word does: a document ends with a paragraph, not a table
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = HEADING, "fupan", "fupan"
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    return doc


def write(path: Path) -> Path:
    """Write the template to ``path``; never over an existing file."""
    with Path(path).open("xb") as f:
        build().save(f)
    return Path(path)
