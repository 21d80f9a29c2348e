"""Word in: `fupan import` on .docx files made here with python-docx, the Word template
and its round trip, and `fupan related` on a Word plan."""

from __future__ import annotations

import datetime as dt
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from fupan.cli import cli
from fupan.entries.contract import load
from fupan.kb import KnowledgeBase
from fupan.site.html import render_markdown
from fupan.word import legacy, numbering, template

from . import wordmake
from .conftest import ROOT

ENTRY = "reviews/2026/2026年职工春季运动会-第一分公司工会.md"


def run(*args: str, code: int = 0):
    r = CliRunner().invoke(cli, list(args))
    assert r.exit_code == code, r.output
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    return r


def imported(kb: Path, rel: str = ENTRY):
    entry, problems = load(kb / rel, kb, kb / "reviews", KnowledgeBase(kb).units)
    assert entry is not None, problems
    return entry, problems


@pytest.fixture
def kb(kb_factory) -> Path:
    return kb_factory({})


def check_review(kb: Path, stderr: str) -> None:
    """What every shape of wordmake.review() must come out as."""
    assert "检查：0 个错误，0 个警告" in stderr
    entry, problems = imported(kb)
    assert problems == []
    assert (entry.title, entry.unit, entry.campaign) == (
        "第一分公司2026年职工春季运动会复盘",
        "第一分公司工会",
        "2026年职工春季运动会",
    )
    assert entry.date == dt.date(2026, 4, 20) and entry.author == "张敏"
    assert [(m.name, m.target, m.actual, m.unit) for m in entry.metrics] == [
        ("参与人数", 300, 245, "人"),
        ("经费执行", 50000, 47800, "元"),
    ]
    assert [(a.action, a.owner, a.due, a.status) for a in entry.actions] == [
        ("报名提前两周启动，并在班组微信群同步宣传", "李强", dt.date(2026, 9, 1), "open"),
        ("修订场地预定流程，提前两周确认场地", "王芳", dt.date(2026, 7, 1), "done"),
    ]
    summary, reflection, improvement = (entry.parts[p] for p in entry.parts)
    assert summary.startswith("计划 300 人参加，实际 245 人")
    # the metrics and action tables went to the front matter, other tables stay
    assert "参与人数" not in entry.body and "李强" not in entry.body
    assert "| 球类 | 篮球（全天） | 篮球（全天） |" in summary  # the merged cell, in both places
    assert "### （一）做得不好的" in reflection
    assert "1.  报名通知只发到车间一级，班组没有传达。\n2.  倒班职工看不到公告栏。" in reflection
    assert "-   裁判培训提前一周完成" in reflection
    assert "报名期延长到 15 天" in improvement


def test_heading_styles(kb: Path, tmp_path: Path):
    doc = wordmake.review(tmp_path / "复盘.docx")
    r = run("import", str(doc), "--kb", str(kb))
    assert f"→ {ENTRY}\n图片 1 张，保存在 {ENTRY.replace('.md', '.files')}/\n" in r.stderr
    check_review(kb, r.stderr)
    entry, _ = imported(kb)
    # the image is saved beside the entry and shown from there
    media = kb / ENTRY.replace(".md", ".files")
    assert (media / "image1.png").read_bytes() == wordmake.png()
    assert f"![]({media.name}/image1.png)" in entry.parts["summary"]


def test_bold_numbered_lines_without_styles_and_a_header_table(kb: Path, tmp_path: Path):
    doc = wordmake.review(tmp_path / "复盘.docx", headings="bold", header="table")
    r = run("import", str(doc), "--kb", str(kb))
    check_review(kb, r.stderr)
    entry, _ = imported(kb)
    assert "## 一、总结（回顾目标、评估结果）" in entry.body


def test_plain_numbered_lines(kb: Path, tmp_path: Path):
    doc = wordmake.review(tmp_path / "复盘.docx", headings="plain")
    check_review(kb, run("import", str(doc), "--kb", str(kb)).stderr)


def test_what_the_site_shows_of_an_import(kb: Path, tmp_path: Path):
    """Lists, tables and images as the site's own Markdown renderer reads them."""
    run("import", str(wordmake.review(tmp_path / "a.docx")), "--kb", str(kb))
    entry, _ = imported(kb)
    html = render_markdown(entry.parts["summary"]) + render_markdown(entry.parts["reflection"])
    assert "<table>" in html and "<th>项目</th>" in html
    assert "<ol>" in html and "<ul>" in html
    assert '<img alt="" src="2026年职工春季运动会-第一分公司工会.files/image1.png"' in html
    assert "&lt;" not in html  # no raw HTML that the site would show as text


def test_sub_levels_and_公文_section_names(kb: Path, tmp_path: Path):
    d = docx.Document()
    for line in ("单位：一分工会", "活动：2026年安全生产月", "日期：2026年6月30日"):
        d.add_paragraph(line)
    wordmake.bold(d, "一、基本情况")
    d.add_paragraph("排查隐患 68 处。")
    wordmake.bold(d, "二、存在的问题")
    d.add_paragraph("（一）通知没有传达到班组")  # plain 第二级: a sub-heading
    d.add_paragraph("外围班组没有收到通知。")
    wordmake.bold(d, "三、下一步打算")
    d.add_paragraph("（1）通知直达班组。")  # 第四级 stays text
    d.save(tmp_path / "安全.docx")
    r = run("import", str(tmp_path / "安全.docx"), "--kb", str(kb))
    rel = "reviews/2026/2026年安全生产月-第一分公司工会.md"
    entry, problems = imported(kb, rel)
    assert problems == [], r.stderr
    assert entry.unit == "第一分公司工会"  # an alias in the header, the registered name written
    assert entry.title == "2026年安全生产月复盘（第一分公司工会）"
    assert "## 一、总结：基本情况" in entry.body and "## 三、改进：下一步打算" in entry.body
    assert entry.parts["reflection"].startswith("### （一）通知没有传达到班组")
    assert entry.parts["improvement"] == "（1）通知直达班组。"


def test_a_公文_with_a_bold_title_an_opening_and_a_signature(kb: Path, tmp_path: Path):
    """No header block: the unit and the date come from the signature at the end."""
    d = docx.Document()
    wordmake.bold(d, "关于2026年安全生产月活动的复盘报告")
    d.add_paragraph("按照公司安排，分公司工会6月组织了安全生产月活动。")
    for line, text in (("一、总结", "排查隐患 68 处。"), ("二、反思", "通知没到班组。")):
        d.add_paragraph(line)
        d.add_paragraph(text)
    d.add_paragraph("三、改进")
    d.add_paragraph("通知直达班组。")
    d.add_paragraph("感谢各单位工会")  # a last line of text that is no signature: kept
    d.add_paragraph("第一分公司工会")
    d.add_paragraph("2026年7月3日")
    d.save(tmp_path / "报告.docx")
    run("import", str(tmp_path / "报告.docx"), "--kb", str(kb), "--campaign", "2026年安全生产月")
    entry, problems = imported(kb, "reviews/2026/2026年安全生产月-第一分公司工会.md")
    assert problems == []
    assert (entry.title, entry.unit, entry.date) == (
        "关于2026年安全生产月活动的复盘报告",
        "第一分公司工会",
        dt.date(2026, 7, 3),
    )
    assert (
        entry.parts["summary"]
        == "按照公司安排，分公司工会6月组织了安全生产月活动。\n\n排查隐患 68 处。"
    )
    assert entry.parts["improvement"] == "通知直达班组。\n\n感谢各单位工会"


def test_a_title_that_ends_in_总结_and_a_bold_line_inside_a_part(kb: Path, tmp_path: Path):
    d = docx.Document()
    d.add_heading("2026年职工春季运动会工作总结", level=1)  # a title, not the summary part
    d.add_paragraph("单位：第一分公司工会\n活动：2026年职工春季运动会\n日期：2026-04-20")
    d.add_heading("一、总结", level=2)
    d.add_paragraph("计划 300 人。")
    d.add_heading("二、反思", level=2)
    wordmake.bold(d, "改进建议")  # bold, unnumbered: inside 反思, since the parts are numbered
    d.add_paragraph("报名期要长一些。")
    d.add_heading("三、改进", level=2)
    d.add_heading("（一）报名", level=3)
    d.add_paragraph("提前两周。")
    d.save(tmp_path / "a.docx")
    run("import", str(tmp_path / "a.docx"), "--kb", str(kb))
    entry, problems = imported(kb)
    assert problems == [] and entry.title == "2026年职工春季运动会工作总结"
    assert entry.parts == {
        "summary": "计划 300 人。",
        "reflection": "**改进建议**\n\n报名期要长一些。",
        "improvement": "### （一）报名\n\n提前两周。",
    }


def test_a_review_form_table_with_rows_of_its_own(kb: Path, tmp_path: Path):
    """A 复盘表 mixes the header's labels with others: those rows stay in the text."""
    d = docx.Document()
    form = wordmake.add_table(
        d,
        [
            ["活动名称", "2026年安全生产月", "填报单位", "一分工会"],
            ["参加人数", "120人", "活动地点", "职工之家"],
            ["填报日期", "2026年7月3日", "执笔人", "何雪"],
        ],
    )
    assert len(form.rows) == 3
    for part in ("一、总结", "二、反思", "三、改进"):
        d.add_heading(part, level=1)
        d.add_paragraph(part[2:] + "。")
    d.save(tmp_path / "表.docx")
    run("import", str(tmp_path / "表.docx"), "--kb", str(kb))
    entry, problems = imported(kb, "reviews/2026/2026年安全生产月-第一分公司工会.md")
    assert problems == []
    assert (entry.campaign, entry.unit, entry.date, entry.author) == (
        "2026年安全生产月",
        "第一分公司工会",
        dt.date(2026, 7, 3),
        "何雪",
    )
    assert entry.parts["summary"].startswith("| 参加人数 | 120人 | 活动地点 | 职工之家 |")


def test_a_word_file_in_reviews_and_messages_in_english(kb: Path):
    wordmake.review(kb / "reviews" / "一分.docx")
    r = run("import", str(kb / "reviews/一分.docx"), "--kb", str(kb), "--lang", "en")
    assert f"reviews/一分.docx → {ENTRY}\n" in r.stderr
    assert "reviews/一分.docx is imported; move it out of reviews/" in r.stderr
    assert "check: 0 errors, 0 warnings" in r.stderr
    r = run("import", str(kb / "reviews/一分.docx"), "--kb", str(kb), "--lang", "en", code=1)
    assert f"not imported: {ENTRY} already exists and was not overwritten" in r.stderr


def test_flags_fill_in_and_win(kb: Path, tmp_path: Path):
    doc = wordmake.review(tmp_path / "a.docx", header="none")
    r = run("import", str(doc), "--kb", str(kb), code=1)
    assert "未导入" in r.stderr and "--unit" in r.stderr
    # every missing field in one message, not one per run
    assert "中没有找到单位、活动、日期：在文档开头各写一行（“单位：" in r.stderr
    assert "或用 --unit、--campaign、--date 给出" in r.stderr
    assert not (kb / "reviews/2026").exists()
    run(
        "import",
        str(doc),
        "--kb",
        str(kb),
        "--unit",
        "第二分公司工会",
        "--campaign",
        "2026年职工春季运动会",
        "--date",
        "2026/5/8",
        "--author",
        "何雪",
    )
    entry, _ = imported(kb, "reviews/2026/2026年职工春季运动会-第二分公司工会.md")
    assert (entry.unit, entry.date, entry.author) == ("第二分公司工会", dt.date(2026, 5, 8), "何雪")


def test_an_unregistered_unit_is_refused_with_a_suggestion(kb: Path, tmp_path: Path):
    d = docx.Document()
    d.add_paragraph("单位：第一分公司工会委员会\n活动：2026年安全生产月\n日期：2026-06-30")
    d.save(tmp_path / "a.docx")
    r = run("import", str(tmp_path / "a.docx"), "--kb", str(kb), code=1)
    assert "是不是 第一分公司工会？" in r.stderr and "--unit" in r.stderr


def test_never_overwrites_and_dry_run_writes_nothing(kb: Path, tmp_path: Path):
    doc = wordmake.review(tmp_path / "a.docx")
    r = run("import", str(doc), "--kb", str(kb), "--dry-run")
    assert r.stdout.startswith("---\ntitle: 第一分公司2026年职工春季运动会复盘\n")
    assert "演练，未写入" in r.stderr and "检查：0 个错误，0 个警告" in r.stderr
    assert not (kb / "reviews/2026").exists()
    run("import", str(doc), "--kb", str(kb))
    before = (kb / ENTRY).read_bytes()
    r = run("import", str(doc), "--kb", str(kb), code=1)
    assert f"{ENTRY} 已经存在，没有覆盖" in r.stderr
    assert (kb / ENTRY).read_bytes() == before


def test_a_folder_one_bad_file_does_not_stop_the_others(kb: Path, tmp_path: Path):
    folder = tmp_path / "各单位"
    folder.mkdir()
    wordmake.review(folder / "一分.docx")
    (folder / "坏的.docx").write_bytes(b"not a zip at all")
    (folder / "~$一分.docx").write_bytes(b"Word's lock file")
    (folder / "说明.txt").write_text("skipped", "utf-8")
    r = run("import", str(folder), "--kb", str(kb), code=1)
    assert "坏的.docx：未导入：" in r.stderr and "另存为 .docx" in r.stderr
    assert "Traceback" not in r.output
    assert "共 2 个文件：1 个导入无误，1 个未导入或有错误" in r.stderr
    assert (kb / ENTRY).is_file()


def test_values_that_cannot_be_read_are_kept_for_check_to_name(kb: Path, tmp_path: Path):
    d = docx.Document()
    d.add_paragraph("单位：第一分公司工会\n活动：2026年安全生产月\n日期：2026-06-30")
    for part in ("一、总结", "二、反思", "三、改进"):
        d.add_heading(part, level=1)
        d.add_paragraph("正文。")
    wordmake.add_table(d, [["指标", "目标值", "完成值"], ["隐患排查", "约90", "77处"]])
    wordmake.add_table(
        d, [["改进措施", "负责人", "完成时间", "进度"], ["通知直达班组", "何雪", "9月底", "进行中"]]
    )
    d.save(tmp_path / "a.docx")
    r = run("import", str(tmp_path / "a.docx"), "--kb", str(kb), code=1)
    text = (kb / "reviews/2026/2026年安全生产月-第一分公司工会.md").read_text("utf-8")
    assert "  - {name: 隐患排查, target: 约90, actual: 77, unit: 处}" in text
    assert "    due: 9月底\n    status: doing" in text
    assert ":7: 错误: “metrics.target”要写数字，不能写 '约90'" in r.stderr
    assert "“due”：“9月底”不是日期" in r.stderr
    assert "检查：2 个错误" in r.stderr


def test_missing_part_is_said(kb: Path, tmp_path: Path):
    d = docx.Document()
    d.add_paragraph("单位：第一分公司工会\n活动：2026年安全生产月\n日期：2026-06-30")
    d.add_heading("一、总结", level=1)
    d.add_paragraph("正文。")
    d.save(tmp_path / "a.docx")
    r = run("import", str(tmp_path / "a.docx"), "--kb", str(kb), code=1)
    assert "没有找到“二、反思”部分" in r.stderr and "没有找到“三、改进”部分" in r.stderr
    assert "错误: 缺少“二、反思”部分：请加一个二级标题" in r.stderr


def test_legacy_files_need_libreoffice(kb: Path, tmp_path: Path, monkeypatch):
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0 legacy")
    (tmp_path / "old.wps").write_bytes(b"\xd0\xcf\x11\xe0 wps")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # no soffice anywhere
    r = run("import", str(tmp_path / "old.doc"), str(tmp_path / "old.wps"), "--kb", str(kb), code=1)
    assert "导入 .doc 文件需要 LibreOffice" in r.stderr and "导入 .wps 文件需要" in r.stderr
    assert "apt-get install libreoffice-writer-nogui" in r.stderr


@pytest.mark.skipif(legacy.soffice() is None, reason="LibreOffice is not installed")
def test_legacy_doc_and_wps_through_libreoffice(kb: Path, tmp_path: Path):
    """A test document saved as Word 97 by LibreOffice and named .wps: the .wps path
    runs, and LibreOffice reads the file by its content. (No file written by WPS
    Office itself is at hand.)"""
    doc = wordmake.review(tmp_path / "a.docx", image=False)
    profile = (tmp_path / "profile").as_uri()  # its own, as fupan uses
    subprocess.run(
        [
            legacy.soffice(),
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(tmp_path),
            str(doc),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    (tmp_path / "a.doc").rename(tmp_path / "a.wps")
    r = run("import", str(tmp_path / "a.wps"), "--kb", str(kb))
    entry, problems = imported(kb)
    assert problems == [] and "检查：0 个错误" in r.stderr
    assert len(entry.metrics) == 2 and len(entry.actions) == 2
    assert "| 球类 | 篮球（全天） | 篮球（全天） |" in entry.parts["summary"]


def test_numbering_levels():
    assert numbering.level("一、总结") == (1, "总结")
    assert numbering.level("（二）做得好的") == (2, "做得好的")
    assert numbering.level("3.倒班职工") == (3, "倒班职工")
    assert numbering.level("（4）提前预定") == (4, "提前预定")
    assert numbering.level("1.5万元经费") is None  # a number, not a numbering
    assert numbering.level("一、") is None


# --- the template --------------------------------------------------------------------------


def fill(path: Path) -> None:
    """Fill the template as an officer would in Word: the tables, and text under each
    part, one guiding question typed over, the others left in place."""
    d = docx.Document(path)
    header, metrics, actions = d.tables
    values = [
        "2026年职工春季运动会复盘（检修车间）",
        "检修车间工会",
        "2026年职工春季运动会",
        "2026年4月22日",
        "赵磊",
        "文体活动",
        "报名、倒班",
        "2026-03-01至2026-04-15",
        "4",
    ]
    for row, value in zip(header.rows, values, strict=True):
        row.cells[1].text = value
    for row, value in zip(
        metrics.rows[1:],
        [["参与人数", "120", "131", "人"], ["经费执行", "2万", "1.9万", "元"]],
        strict=False,
    ):
        for cell, text in zip(row.cells, value, strict=True):
            cell.text = text
    for cell, text in zip(
        actions.rows[1].cells,
        ["倒班职工单独安排一场比赛", "赵磊", "2026-10-31", "进行中"],
        strict=True,
    ):
        cell.text = text
    heads = [p for p in d.paragraphs if p.style.name == "Heading 1"]
    questions = [p for p in d.paragraphs if p.text in {q for _, q in template.parts()}]
    questions[0].text = "计划 120 人，实际 131 人。"  # typed over the question
    questions[1].insert_paragraph_before("倒班职工报名晚，名额不够。")
    after = heads[2]._p.getnext()
    new = d.add_paragraph("1. 倒班职工单独安排一场。")
    after.addprevious(new._p)
    d.save(path)


def test_template_round_trip(kb: Path, tmp_path: Path):
    out = tmp_path / "复盘模板.docx"
    assert run("template", "--docx", str(out), "--kb", str(kb)).stdout.strip() == str(out)
    fill(out)
    r = run("import", str(out), "--kb", str(kb))
    assert "检查：0 个错误，0 个警告" in r.stderr
    rel = "reviews/2026/2026年职工春季运动会-检修车间工会.md"
    entry, problems = imported(kb, rel)
    assert problems == []
    assert (entry.title, entry.unit, entry.campaign, entry.date) == (
        "2026年职工春季运动会复盘（检修车间）",
        "检修车间工会",
        "2026年职工春季运动会",
        dt.date(2026, 4, 22),
    )
    assert (entry.author, entry.category, entry.tags, entry.rating) == (
        "赵磊",
        "文体活动",
        ["报名", "倒班"],
        4,
    )
    assert entry.period == (dt.date(2026, 3, 1), dt.date(2026, 4, 15))
    assert [(m.name, m.target, m.actual, m.unit) for m in entry.metrics] == [
        ("参与人数", 120, 131, "人"),
        ("经费执行", 20000, 19000, "元"),
    ]
    assert [(a.action, a.owner, a.due, a.status) for a in entry.actions] == [
        ("倒班职工单独安排一场比赛", "赵磊", dt.date(2026, 10, 31), "doing"),
    ]
    assert entry.parts == {
        "summary": "计划 120 人，实际 131 人。",
        "reflection": "倒班职工报名晚，名额不够。",
        "improvement": "1.  倒班职工单独安排一场。",
    }
    text = (kb / rel).read_text("utf-8")
    assert "status: doing" in text and "进行中" not in text  # codes in the file


def test_an_untouched_template_is_refused_not_written(kb: Path, tmp_path: Path):
    out = tmp_path / "t.docx"
    run("template", str(out), "--kb", str(kb))
    r = run("import", str(out), "--kb", str(kb), code=1)
    assert "没有找到单位" in r.stderr
    assert list((kb / "reviews").rglob("*.md")) == []
    r = run("template", str(out), "--kb", str(kb), code=1)
    assert "已经存在，没有覆盖" in r.output


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def test_the_site_offers_the_template_fupan_writes(tmp_path: Path):
    """docs/guide/review-template.docx is what `fupan template` writes (regenerate it with
    `fupan template --docx docs/guide/review-template.docx` after changing the template)."""
    shipped = ROOT / "docs/guide/review-template.docx"
    template.write(tmp_path / "t.docx")
    assert members(shipped) == members(tmp_path / "t.docx")
    assert "(review-template.docx)" in (ROOT / "docs/guide/writing.md").read_text("utf-8")


def test_related_reads_a_word_plan(kb_factory, tmp_path: Path):
    from .conftest import entry

    kb = kb_factory({"2025/a.md": entry()})
    d = docx.Document()
    d.add_heading("2026年运动会方案", level=1)
    d.add_paragraph("报名通知发到每个班组，报名提前两周启动。")
    d.save(tmp_path / "方案.docx")
    r = run("related", str(tmp_path / "方案.docx"), "--kb", str(kb), "--json")
    assert '"reviews/2025/a.md"' in r.stdout and "报名" in r.stdout
