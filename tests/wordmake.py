"""Word documents shaped the way union offices write them, made with python-docx.

Shared by the import tests and bench/word_bench.py, so the converter is chosen on
the same documents the tests read.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import docx
from docx.shared import Inches

HEADER = {
    "单位": "第一分公司工会",
    "活动": "2026年职工春季运动会",
    "日期": "2026-04-20",
    "撰写人": "张敏",
}
METRICS = [
    ["指标", "目标", "实际", "单位"],
    ["参与人数", "300", "245", "人"],
    ["经费执行", "50000", "47800", "元"],
]
ACTIONS = [
    ["措施", "责任人", "完成时限", "状态"],
    ["报名提前两周启动，并在班组微信群同步宣传", "李强", "2026-09-01", "待办"],
    ["修订场地预定流程，提前两周确认场地", "王芳", "2026年7月1日", "已完成"],
]


def png(width: int = 4, height: int = 3, rgb: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    """A small solid PNG, written by hand: no imaging library is needed for a test image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    row = b"\x00" + bytes(rgb) * width
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


def add_table(doc, rows: list[list[str]]):
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    return table


def bold(doc, text: str):
    p = doc.add_paragraph()
    p.add_run(text).bold = True
    return p


def review(
    path: Path,
    *,
    headings: str = "styles",  # "styles": Heading 1/2; "bold": bold 一、 lines; "plain"
    header: str = "lines",  # "lines": 单位：… paragraphs; "table": a two-column table; "none"
    tables: bool = True,
    image: bool = True,
    merged: bool = True,
    lists: bool = True,
) -> Path:
    """A three-part review as an office writes it; the options vary its shape."""
    doc = docx.Document()
    doc.add_paragraph("第一分公司2026年职工春季运动会复盘", style="Title")
    if header == "lines":
        for key, value in HEADER.items():
            doc.add_paragraph(f"{key}：{value}")
    elif header == "table":
        add_table(doc, [[k, v] for k, v in HEADER.items()])

    def part(text: str) -> None:
        if headings == "styles":
            doc.add_heading(text, level=1)
        elif headings == "bold":
            bold(doc, text)
        else:
            doc.add_paragraph(text)

    def sub(text: str) -> None:
        if headings == "styles":
            doc.add_heading(text, level=2)
        elif headings == "bold":
            bold(doc, text)
        else:
            doc.add_paragraph(text)

    part("一、总结（回顾目标、评估结果）")
    doc.add_paragraph("计划 300 人参加，实际 245 人，完成 82%。经费预算 5 万元，执行 4.78 万元。")
    if tables:
        add_table(doc, METRICS)
    if merged:
        doc.add_paragraph("各项目安排：")  # in Word, two tables with nothing between are one
        t = add_table(
            doc, [["项目", "上午", "下午"], ["田径", "100米", "接力"], ["球类", "篮球", ""]]
        )
        t.cell(2, 1).merge(t.cell(2, 2))
        t.cell(2, 1).text = "篮球（全天）"
    if image:
        picture = path.with_suffix(".png")
        picture.write_bytes(png())
        doc.add_paragraph("现场照片：")
        doc.add_picture(str(picture), width=Inches(1))
        picture.unlink()
    part("二、反思（分析原因）")
    sub("（一）做得不好的")
    doc.add_paragraph("1.报名通知只发到车间一级，班组没有传达。")
    doc.add_paragraph("2.倒班职工看不到公告栏。")
    sub("（二）做得好的")
    if lists:
        doc.add_paragraph("裁判培训提前一周完成", style="List Bullet")
        doc.add_paragraph("比赛当天没有判罚争议", style="List Bullet")
    else:
        doc.add_paragraph("裁判培训提前一周完成。")
    part("三、改进（总结规律、改进措施）")
    if lists:
        doc.add_paragraph("报名期延长到 15 天", style="List Number")
        doc.add_paragraph("通知当天转发到全部班组微信群", style="List Number")
    if tables:
        add_table(doc, ACTIONS)
    doc.add_paragraph()  # Word always ends a document with a paragraph, even after a table
    doc.save(path)
    return path
