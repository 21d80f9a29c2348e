"""Real `mkdocs build` runs over the sample and purpose-made knowledge bases."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit
from urllib.request import urlopen

import pytest
from fupan.kb import KnowledgeBase
from fupan.site import background, browse, search_data
from fupan.site import build as site_build
from fupan.site.data import site_data
from fupan.site.labels import labels
from fupan.text.thesaurus import load_thesaurus

from .conftest import SAMPLE, entry, make_kb


def build(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def html_files(site: Path) -> dict[Path, str]:
    return {p: p.read_text("utf-8") for p in site.rglob("*.html")}


@pytest.fixture(scope="module")
def sample_site(sample_build) -> Path:
    return sample_build / "site"


def entries():
    return KnowledgeBase(SAMPLE).load_all().entries


def test_entry_page(sample_site):
    e = next(x for x in entries() if x.id == "2025/spring-games-branch1")
    page = (sample_site / "reviews/2025/spring-games-branch1.html").read_text("utf-8")
    assert f"<h1>{e.title}</h1>" in page
    assert 'class="fupan-card"' in page and e.unit in page and e.campaign in page
    assert 'href="../../units/第一分公司工会.html"' in page
    assert 'href="../../tags/报名.html"' in page
    for heading in ("一、总结", "二、反思", "三、改进", "指标", "改进措施"):
        assert f">{heading}</h2>" in page
    m = e.metrics[0]
    assert f"{100 * m.completion:.0f}%" in page
    assert '<tr class="overdue">' in page and 'class="badge overdue"' in page
    L = labels("zh")
    assert L["same_campaign"] in page and L["similar"] in page


def test_unit_page(sample_site):
    page = (sample_site / "units/第一分公司工会.html").read_text("utf-8")
    ours = [e for e in entries() if e.unit == "第一分公司工会" and e.publish]
    assert page.count('href="../reviews/') >= len(ours)
    assert "未完成与逾期的措施" in page and 'class="fupan-chart"' in page


def test_campaign_comparison(sample_site):
    campaign = "2025年职工春季运动会"
    ours = [e for e in entries() if e.campaign == campaign]
    page = (sample_site / f"campaigns/{campaign}.html").read_text("utf-8")
    table = page.split("<tbody>")[1].split("</tbody>")[0]
    assert table.count("<tr") == len({e.unit for e in ours})
    assert '<tr class="best">' in table and '<tr class="weakest">' in table
    metrics = {m.name for e in ours for m in e.metrics}
    assert page.count('class="fupan-chart"') == len(metrics)
    assert page.count('class="fupan-bar"') == sum(len(e.metrics) for e in ours)
    assert "多个单位共同的问题" in page


def test_tracking_overdue_first(sample_site):
    page = (sample_site / "tracking.html").read_text("utf-8")
    for section in page.split("<h2>")[2:]:
        rows = re.findall(r"<tr( class=\"overdue\")?><td>", section)
        flags = [bool(r) for r in rows]
        assert flags == sorted(flags, reverse=True)  # overdue rows come first
    assert 'class="badge overdue"' in page


def test_listings_and_dashboard(sample_site):
    for path in (
        "tags/index.html",
        "categories/index.html",
        "years/index.html",
        "years/2025.html",
        "campaigns/index.html",
        "units/index.html",
    ):
        assert (sample_site / path).exists(), path
    home = (sample_site / "index.html").read_text("utf-8")
    published = [e for e in entries() if e.publish]
    assert f"<b>{len(published)}</b>复盘数" in home
    assert "最新复盘" in home and "逾期措施" in home


def test_recurring_page(sample_site):
    page = (sample_site / "recurring.html").read_text("utf-8")
    assert "改进后又出现的问题" in page
    assert 'href="reviews/2024/spring-games-branch1.html"' in page  # fixed there, back later
    assert 'href="tags/职工参与度.html"' in page


def test_nav_holds_sections_not_entries(sample_site):
    home = (sample_site / "index.html").read_text("utf-8")
    links = re.findall(r'<a href="([^"]*)" class="md-nav__link', home)
    assert {
        "tracking.html",
        "campaigns/index.html",
        "units/index.html",
        "recurring.html",
        "browse.html",
        "tags/index.html",
    } <= set(links)
    assert not [h for h in links if h.startswith("reviews/")]


def test_material_index_is_left_empty_for_fupans_search(sample_site):
    # Material fetches its index on every page load; fupan's search answers the box
    for name in ("search_index.json", "search_index.js"):
        text = (sample_site / "search" / name).read_text("utf-8")
        assert '"docs":[]' in text and len(text) < 1000


def test_search_chunks_hold_each_published_entry(sample_site):
    chunks = sample_site / search_data.DIR
    meta = _chunk(chunks / "meta.js")
    published = [e for e in entries() if e.publish]
    assert meta["docs"] == len(published) and meta["browse"] == "browse.html"
    # what every page loads at once stays small; the names come with a query's words
    assert (chunks / "meta.js").stat().st_size < 1500 and "units" not in meta
    names = _chunk(chunks / "names.js")
    assert set(names["units"]) == {e.unit for e in published}
    docs = [_chunk(f) for f in sorted(chunks.glob("d*.js"), key=_number)]
    assert [d[0] for d in docs] == [f"reviews/{e.id}.html" for e in _newest_first(published)]
    assert docs[0][6].endswith("日")  # dates as the site's language writes them
    terms = {}
    for f in chunks.glob("t*.js"):
        terms.update(_chunk(f))
    assert meta["termChunks"] == len(list(chunks.glob("t*.js")))
    # a word sits in the chunk of its first two characters, which is all a query loads
    n = meta["termChunks"]
    for word in ("报名", "班组", "雨天"):
        assert word in _chunk(chunks / f"t{search_data.chunk_of(word, n)}.js")
    assert (
        "雨天" in _chunk(chunks / f"t{search_data.chunk_of('雨', n)}.js")[search_data.HEAD + "雨"]
    )
    e = next(x for x in published if x.id == "2025/spring-games-branch1")
    at = [d[0] for d in docs].index(f"reviews/{e.id}.html")
    codes = _decode(terms["班组"][0])
    assert at * 4 + 2 in codes  # 班组 in its reflection (field 2)
    assert ["经费", 0.5] in terms["预算"][1] or ["预算", 0.5] in terms["经费"][1]


def test_search_chunks_hold_the_entries_near_each_word_in_meaning(sample_site):
    chunks = sample_site / search_data.DIR
    meta = _chunk(chunks / "meta.js")
    terms = {}
    for f in chunks.glob("t*.js"):
        terms.update(_chunk(f))
    near = {w: t[2] for w, t in terms.items() if not w.startswith(search_data.HEAD) and len(t) > 2}
    # known words, and single characters (钱 and 花 of 钱不够花)
    assert {"倒班", "钱", "花"} <= set(near)
    digit = {c: i for i, c in enumerate(search_data.ALPHABET)}
    docs = [_chunk(f) for f in sorted(chunks.glob("d*.js"), key=_number)]
    assert len(docs) == meta["docs"]
    passages = [d[8] for d in docs]
    for word, (listed, steps, places) in near.items():
        codes = _decode(listed)  # entry * 4 + the field of its closest passage
        entries = [c >> 2 for c in codes]
        assert entries == sorted(set(entries)) and entries[-1] < meta["docs"], word
        assert len(steps) == len(codes) == len(places) <= 30 and all(digit[c] >= 1 for c in steps)
        for code, place in zip(codes, places, strict=True):  # that passage, in that field
            assert passages[code >> 2][digit[place]][0] == code & 3, word
    # the nearest to 倒班 (shift work) include the lecture its shift-working women missed
    codes, steps = _decode(near["倒班"][0]), [digit[c] for c in near["倒班"][1]]
    best = [docs[c >> 2][0] for _, c in sorted(zip(steps, codes, strict=True), reverse=True)]
    assert "reviews/2024/women-health-lecture.html" in best[:10]
    assert meta["labels"]["related"] == "近义"


def test_meaning_lists_round_trip():
    # the last beyond the scale and past the passages a list can name: their top values
    found = [(3, 0.01, 0), (7, 0.2, 5), (40, 0.5, 90)]
    listed, steps, places = search_data.meaning_list(found, 100)
    assert _decode(listed) == [3, 7, 40]
    digit = {c: i for i, c in enumerate(search_data.ALPHABET)}
    assert [digit[c] for c in steps] == [
        round(0.01 / search_data.MEANING_STEP),
        round(0.2 / search_data.MEANING_STEP),
        63,
    ]
    assert [digit[c] for c in places] == [0, 5, search_data.NO_PASSAGE]


def test_each_entry_s_passages_are_those_of_the_meaning_index(sample_build):
    # a passage's number in a meaning list names the same passage in the site's data
    from fupan.search.index import SearchIndex
    from fupan.search.passages import passages

    kb = KnowledgeBase(sample_build)
    entry = kb.load(kb.reviews / "2025" / "safety-month-branch2.md")[0]
    listed = search_data.entry_passages(entry)
    with SearchIndex(kb).open().searcher() as s:
        stored = passages(s.document(id=entry.id))
    assert [t for _, t in listed[: len(stored)]] == [p.text for p in stored]
    fields = search_data.FIELDS
    assert [fields[f] for f, _ in listed[: len(stored)]] == [
        "about" if p.part == "title" else p.part for p in stored
    ]
    # then the improvement items, whose words the improvement field holds too
    assert [t for _, t in listed[len(stored) :]] == [
        f"{a.action}（{a.owner}）" for a in entry.actions
    ]
    assert any("班组" in t for f, t in listed if fields[f] == "reflection")


def _chunk(path: Path):
    text = path.read_text("utf-8")
    return json.loads(text[text.index(",") + 1 : text.rindex(");")])


def _number(path: Path) -> int:
    return int(path.stem[1:])


def _newest_first(es):
    return sorted(es, key=lambda e: (e.date, e.id), reverse=True)


def test_unpublished_entries_absent_everywhere(sample_site):
    hidden = [e for e in entries() if not e.publish]
    assert len(hidden) == 2
    texts = {
        p: p.read_text("utf-8", "replace")
        for p in sample_site.rglob("*")
        if p.is_file() and p.suffix in (".html", ".json", ".xml", ".js", ".txt")
    }
    for e in hidden:
        assert not (sample_site / "reviews" / e.id).exists()
        for path, text in texts.items():
            assert e.title not in text, path
            assert e.id not in text, path


def test_internal_links_resolve(sample_site):
    for path, text in html_files(sample_site).items():
        if path.name == "404.html":  # Material links it from the site root on purpose
            continue
        for href in re.findall(r'href="([^"#]+)"', text):
            if urlsplit(href).scheme or href.startswith("//"):
                continue
            target = (path.parent / unquote(href)).resolve()
            if target.is_dir():
                target = target / "index.html"
            assert target.exists(), f"{path.relative_to(sample_site)} -> {href}"


def test_no_external_urls_in_scripts_styles_images(sample_site):
    for path, text in html_files(sample_site).items():
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
            for url in re.findall(rf"<{tag}\b[^>]*\b{attr}=\"([^\"]+)\"", text):
                assert not re.match(r"(https?:)?//", url), f"{path}: {url}"


HOSTILE = entry(
    title="<img src=x onerror=alert(1)>标题",
    unit="<b>粗体单位</b>",
    campaign="../../逃逸活动",
    extra="tags: ['<script>alert(2)</script>', '../../../etc']\ncategory: ../x\n",
    body=(
        '## 总结\n<script>alert(3)</script>\n\n<div onclick="alert(4)">x</div>\n'
        "## 反思\n[点我](javascript:alert(5))\n## 改进\n**改**\n"
    ),
)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = make_kb(
        tmp_path_factory.mktemp("hostile"),
        {
            "2025/hostile.md": HOSTILE,
            "2025/secret.md": entry(title="机密复盘", extra="publish: false\n"),
        },
        units=None,
    )
    r = build(root, "--strict")
    assert r.returncode == 0, r.stderr
    return root


def test_hostile_markup_is_inert(hostile_site):
    site = hostile_site / "site"
    for path, text in html_files(site).items():
        assert "<script>alert" not in text, path
        assert "onerror=alert" not in text.replace("&lt;img src=x onerror=alert(1)&gt;", ""), path
        assert "<div onclick" not in text, path
        assert "javascript:alert" not in text, path
    page = (site / "reviews/2025/hostile/index.html").read_text("utf-8")
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in page
    assert "<h1>&lt;img src=x onerror=alert(1)&gt;标题</h1>" in page


def test_path_traversal_names_are_contained(hostile_site):
    site = hostile_site / "site"
    # .fupan/ holds the knowledge base's own search state, beside the sources
    assert sorted(p.name for p in hostile_site.iterdir() if p.name != ".fupan") == [
        "docs",
        "mkdocs.yml",
        "reviews",
        "site",
    ]
    written = [p.resolve() for p in site.rglob("*")]
    assert all(str(p).startswith(str(site.resolve())) for p in written)
    assert (site / "tags/etc/index.html").exists()  # '../../../etc' stays inside
    assert (site / "campaigns/逃逸活动/index.html").exists()
    assert (site / "units/b-粗体单位-b/index.html").exists()


def test_without_a_nav_in_mkdocs_yml_the_sections_are_titled_pages(hostile_site):
    home = (hostile_site / "site/index.html").read_text("utf-8")  # theme language: en
    nav = home.split('class="md-nav md-nav--primary"')[1].split("</nav>")[0]
    titles = re.findall(
        r'class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*([^<]+?)\s*<', nav
    )
    assert titles == [
        "测试",
        "Browse",
        "Campaigns",
        "Units",
        "Tracking",
        "Recurring problems",
        "Tags",
    ]
    assert "md-nav__item--nested" not in nav  # not folders made sections: campaigns/ → "Campaigns"


def test_unpublished_not_in_small_site(hostile_site):
    for p in (hostile_site / "site").rglob("*"):
        if p.is_file():
            assert "机密复盘" not in p.read_text("utf-8", "replace"), p


def test_invalid_entry_warns_and_strict_fails(tmp_path):
    root = make_kb(tmp_path, {"2025/good.md": entry(), "2025/bad.md": entry(extra="rating: 9\n")})
    r = build(root)
    assert r.returncode == 0
    assert "reviews/2025/bad.md:6: error: 'rating' must be a whole number" in r.stderr
    assert (root / "site/reviews/2025/good/index.html").exists()
    assert build(root, "--strict").returncode != 0


def test_english_labels_and_plain_urls(tmp_path):
    root = make_kb(tmp_path, {"2025/a.md": entry(extra="tags: [报名]\n")})
    cfg = root / "mkdocs.yml"
    cfg.write_text(
        cfg.read_text()
        .replace("  font: false\n", "  font: false\n  language: en\n")
        .replace("  - fupan\n", "  - fupan:\n      today: 2025-05-01\n")  # a YAML date
        + "use_directory_urls: false\n"
    )
    r = build(root, "--strict")
    assert r.returncode == 0
    page = (root / "site/reviews/2025/a.html").read_text("utf-8")
    assert ">Summary</h2>" in page and ">Reflection</h2>" in page
    assert "search box: the entries nearest" in r.stderr  # the build speaks English too
    assert 'href="../../units/第一分公司工会.html"' in page


def test_fonts_never_come_from_another_host(tmp_path):
    root = make_kb(tmp_path, {"2025/a.md": entry()})
    cfg = root / "mkdocs.yml"
    cfg.write_text(cfg.read_text().replace("  font: false\n", "  language: zh\n"))
    r = build(root, "--strict")  # a Chinese site's build says it in Chinese
    assert r.returncode == 0 and "已把 theme.font 设为 false" in r.stderr
    assert "搜索框：为" in r.stderr
    assert "fonts.googleapis" not in (root / "site/index.html").read_text("utf-8")


def test_bad_today_option_is_one_clear_line(tmp_path):
    root = make_kb(tmp_path, {"2025/a.md": entry()})
    cfg = root / "mkdocs.yml"
    cfg.write_text(cfg.read_text().replace("  - fupan\n", "  - fupan:\n      today: 上周\n"))
    r = build(root)
    assert r.returncode != 0 and "plugin option 'today'" in r.stderr and "Traceback" not in r.stderr
    cfg.write_text(cfg.read_text().replace("  font: false\n", "  font: false\n  language: zh\n"))
    r = build(root)  # a Chinese site says it in Chinese
    assert "插件选项 today：“上周”不是日期" in r.stderr and "Traceback" not in r.stderr


def test_background_work_runs_in_a_child_and_errors_surface_in_the_caller(monkeypatch):
    if not background.can_fork():
        pytest.skip("one core, or no fork: the work always runs in the caller")
    assert background.in_background(os.getpid)() != os.getpid()

    def fails():
        raise ValueError("broken entry")

    with pytest.raises(ValueError, match="broken entry"):
        background.in_background(fails)()
    monkeypatch.setattr(background, "can_fork", lambda: False)
    assert background.in_background(os.getpid)() == os.getpid()


def test_site_is_the_same_built_on_one_core_or_two(monkeypatch):
    kb = KnowledgeBase(SAMPLE)
    thesaurus = load_thesaurus(kb.reviews / "synonyms.yml")
    d = site_data(kb.load_all().entries, thesaurus, labels("zh"), dt.date(2026, 1, 1))
    one = site_build.site_files(d, thesaurus)  # the sample is small: all pages built here
    monkeypatch.setattr(site_build, "CHILD_FROM", 0)  # split it anyway
    two = site_build.site_files(d, thesaurus)
    assert len(two.pages) > len(d.entries) and two.assets
    assert [p.path for p in two.pages] == [p.path for p in one.pages] and two == one


def _page_text(url: str) -> str:
    try:
        with urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:  # not serving yet, or rebuilding
        return ""


def _wait_for(url: str, text: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in _page_text(url):
            return True
        time.sleep(0.3)
    return False


def test_serve_rebuilds_when_an_entry_changes(tmp_path):
    root = make_kb(tmp_path, {"2025/a.md": entry(title="初稿复盘")})
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        page = f"http://127.0.0.1:{port}/reviews/2025/a/"
        assert _wait_for(page, "<h1>初稿复盘</h1>")
        (root / "reviews/2025/a.md").write_text(entry(title="修订后的复盘"), encoding="utf-8")
        assert _wait_for(page, "<h1>修订后的复盘</h1>")
        unit = f"http://127.0.0.1:{port}/units/{quote('第一分公司工会')}/"
        assert "修订后的复盘" in _page_text(unit)  # listings are rebuilt too
    finally:
        server.terminate()
        server.wait(timeout=30)


def _decode(text: str) -> list[int]:
    """What search.js does with an encoded posting list."""
    digit = {c: i for i, c in enumerate(search_data.ALPHABET)}
    if text.startswith("~"):
        return [
            (c * 6) + b for c, ch in enumerate(text[1:]) for b in range(6) if digit[ch] >> b & 1
        ]
    out, last, value, shift = [], 0, 0, 0
    for ch in text:
        d = digit[ch]
        if d >= 32:
            value, shift = value + ((d - 32) << shift), shift + 5
            continue
        last += value + (d << shift)
        out.append(last)
        value = shift = 0
    return out


@pytest.mark.parametrize(
    "numbers", [[], [0], [5, 6, 40, 1000, 2999], list(range(0, 3000, 2)), list(range(2999))]
)
def test_posting_lists_round_trip_in_the_shorter_form(numbers):
    text = search_data.encode(numbers, 3000)
    assert _decode(text) == numbers
    dense = len(numbers) > 1 + 3000 // 6  # a bitmap is 500 characters after the "~"
    assert text.startswith("~") == dense
    assert len(text) == 501 if dense else len(text) <= 501


HOOKS = """
def on_config(config, **kwargs):
    config.nav = ["index.md", {"Mine": "browse.md"}]
    return config


def on_page_content(html, page, **kwargs):
    return html + '<p class="hooked">changed by another plugin</p>'
"""


def test_other_plugins_changes_and_nav_are_kept(tmp_path):
    root = make_kb(tmp_path, {"2025/a.md": entry()})
    (root / "hooks.py").write_text(HOOKS, encoding="utf-8")
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as f:
        f.write("hooks:\n  - hooks.py\n")
    assert build(root, "--strict").returncode == 0
    page = (root / "site/reviews/2025/a/index.html").read_text("utf-8")
    assert 'class="hooked"' in page and 'class="fupan-card"' in page
    nav = page.split('class="md-nav md-nav--primary"')[1].split("</nav>")[0]
    titles = re.findall(
        r'class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*([^<]+?)\s*<', nav
    )
    assert titles == ["测试", "Mine"]  # the nav the hook set, with its title for fupan's page


def test_a_child_that_dies_has_its_work_redone_in_the_caller():
    if not background.can_fork():
        pytest.skip("one core, or no fork: the work always runs in the caller")
    parent = os.getpid()
    work = lambda: os._exit(1) if os.getpid() != parent else "done here"  # noqa: E731
    assert background.in_background(work)() == "done here"


# -- page builders on site data, without a generator ---------------------------------


@pytest.fixture(scope="module")
def sample_data(sample_build):
    # the built copy: its indexes are current, so nothing is embedded or written in the
    # repository itself
    return site_build.load(sample_build, today="2026-01-01", use_directory_urls=False)


def test_page_builders_give_plain_pages(sample_data):
    files = sample_data.files()
    by_path = {p.path: p for p in files.pages}
    assert len(by_path) == len(files.pages)  # one page per path
    published = [e for e in entries() if e.publish]
    for e in published:
        page = by_path[f"reviews/{e.id}.md"]
        assert page.title == e.title and e.unit in page.body
    assert {"tracking.md", "browse.md", "campaigns/index.md", "units/index.md"} <= set(by_path)
    assert {f"{search_data.DIR}/meta.js", site_build.SCRIPT, site_build.CSS} <= set(files.assets)
    hidden = [e for e in entries() if not e.publish]
    assert hidden and not [p for p in by_path if any(e.id in p for e in hidden)]


def test_campaign_page_builder(sample_data):
    from fupan.site.sections import campaign_page

    page = campaign_page(sample_data.data, "2025年职工春季运动会")
    assert page.path == "campaigns/2025年职工春季运动会.md"
    assert '<tr class="best">' in page.body and 'class="fupan-chart"' in page.body
    assert 'href="../reviews/2025/spring-games-branch1.html"' in page.body


def test_home_gets_the_dashboard_only_where_marked(sample_data):
    home = sample_data.home("# 首页\n\n<!-- fupan:dashboard -->\n")
    assert "<!-- fupan:dashboard -->" not in home and "复盘数" in home
    assert sample_data.home("# 没有标记\n") == "# 没有标记\n"


def test_line_breaks_inside_chinese_paragraphs_do_not_become_spaces():
    from fupan.site.html import render_markdown

    html = render_markdown(
        "报名通知只发到\n车间一级，\n  班组没有传达。\n\n## 原因\n通知\nlate notice\nreached 班组"
    )
    assert "<p>报名通知只发到车间一级，班组没有传达。</p>" in html
    assert "<h2>原因</h2>" in html  # a heading keeps its own line
    assert "通知\nlate notice\nreached 班组" in html  # other text is left alone


# -- the same pages through MkDocs and through Zensical ------------------------------


def _expected(site: Path, src: str, directory_urls: bool) -> Path:
    stem = src[:-3]
    if not directory_urls:
        return site / f"{stem}.html"
    return site / (stem[: -len("index")] if stem.endswith("index") else stem + "/") / "index.html"


@pytest.mark.parametrize("route", ["mkdocs", "zensical"])
def test_both_routes_publish_every_page_and_fupans_search(
    route, sample_build, sample_data, request
):
    if route == "mkdocs":
        site = sample_build / "site"
        directory_urls = (sample_build / "site/tracking/index.html").exists()
    else:
        site, directory_urls = request.getfixturevalue("zensical_site"), False
    d = sample_data.data
    wanted = [d.paths.entry(e.id) for e in d.entries]
    wanted += [d.paths.unit(u) for u in d.by_unit] + [d.paths.campaign(c) for c in d.by_campaign]
    wanted += ["tracking.md", browse.SRC]
    missing = [src for src in wanted if not _expected(site, src, directory_urls).is_file()]
    assert missing == [] and len(wanted) > 40
    assert (site / search_data.DIR / "meta.js").is_file() and (site / site_build.SCRIPT).is_file()
    assert "search.js" in (site / "index.html").read_text("utf-8")  # the box on every page
    page = _expected(site, "reviews/2025/spring-games-branch1.md", directory_urls).read_text(
        "utf-8"
    )
    assert 'class="fupan-card"' in page and "fupan.css" in page
    home = (site / "index.html").read_text("utf-8")
    assert "复盘数" in home  # the dashboard
    if route == "zensical":  # its own index holds the hand-written pages only
        located = [i["location"] for i in json.loads((site / "search.json").read_text())["items"]]
        assert located and not [x for x in located if x.startswith(("reviews/", "units/"))]


def test_neighbours_reach_words_no_entry_uses():
    from fupan.text.thesaurus import Thesaurus

    table = search_data.thesaurus_neighbours(Thesaurus([["经费", "预算"]], general=False))
    # 预算, which no entry uses, finds the entries that say 经费
    assert table({"经费", "报名"}) == {"预算": [("经费", 0.5)]}


def test_a_table_of_neighbours_by_meaning_plugs_in(sample_data):
    # what a meaning index exported at build time would give: word -> related words
    files = search_data.search_files(sample_data.data, lambda vocab: {"银子": [("经费", 0.8)]})
    n = _chunk_text(files[f"{search_data.DIR}/meta.js"])["termChunks"]
    chunk = _chunk_text(files[f"{search_data.DIR}/t{search_data.chunk_of('银子', n)}.js"])
    assert chunk["银子"] == ["", [["经费", 0.8]]]  # no entry says 银子; its neighbour does


def _chunk_text(text: str):
    return json.loads(text[text.index(",") + 1 : text.rindex(");")])


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@pytest.mark.parametrize("directory_urls", [False, True])
def test_images_beside_an_entry_are_published_with_it(tmp_path, directory_urls):
    """Word import saves a document's images beside the entry (a.files/…); the entry's
    page shows them, and an unpublished entry's images are not copied."""
    body = "## 一、总结\n现场照片：\n\n![现场](a.files/image1.png)\n\n## 二、反思\n无。\n\n## 三、改进\n无。\n"
    hidden = body.replace("a.files", "b.files")
    root = make_kb(
        tmp_path,
        {
            "2025/a.md": entry(body=body),
            "2025/b.md": entry(
                title="草稿", campaign="另一项活动", extra="publish: false\n", body=hidden
            ),
            "2025/a.files/image1.png": PNG,
            "2025/b.files/image1.png": PNG,
        },
    )
    config = root / "mkdocs.yml"
    setting = f"use_directory_urls: {str(directory_urls).lower()}\n"
    config.write_text(config.read_text("utf-8") + setting, "utf-8")
    r = build(root, "--strict")
    assert r.returncode == 0, r.stderr
    site = root / "site"
    page = site / ("reviews/2025/a/index.html" if directory_urls else "reviews/2025/a.html")
    src = re.search(r'<img[^>]+src="([^"]+)"', page.read_text("utf-8")).group(1)
    assert (page.parent / unquote(src)).read_bytes() == PNG
    assert not any("b.files" in str(p) for p in site.rglob("*.png"))

    # the other route (fupan site) writes the same pages for another generator: the
    # images go beside them, the unpublished entry's stay out
    from fupan.site.export import export

    export(root, tmp_path / "export")
    docs = tmp_path / "export" / "docs"
    page_md = (docs / "reviews/2025/a.md").read_text("utf-8")
    src = re.search(r'<img[^>]+src="([^"]+)"', page_md).group(1)
    assert (docs / "reviews/2025" / unquote(src)).read_bytes() == PNG
    assert not any("b.files" in str(p) for p in docs.rglob("*.png"))


def test_pages_that_would_grow_without_limit_are_capped(tmp_path, monkeypatch):
    """One unit with many entries and many tags: its page lists the latest few and links
    the browse page for the rest, its chart shows the latest bars, and only the most used
    tags get pages of their own (the others link the browse page filtered by them)."""
    from fupan.site import data as site_data_module
    from fupan.site import sections
    from fupan.site.widgets import tag_links

    entries = {
        f"2025/e{i:02}.md": entry(
            title=f"第{i}号复盘",
            campaign=f"活动{i}",
            date=f"2025-01-{i + 1:02}",
            extra=f"tags: [常用, 少用{i}]\nrating: 4\n",
        )
        for i in range(12)
    }
    kb = KnowledgeBase(make_kb(tmp_path, entries))
    monkeypatch.setattr(sections, "PAGE_ENTRIES", 5)
    monkeypatch.setattr(sections, "CHART_BARS", 4)
    monkeypatch.setattr(site_data_module, "TAG_PAGES", 3)
    d = site_data(kb.load_all().entries, kb.thesaurus, labels("zh"), dt.date(2026, 1, 1))
    unit = next(p for p in sections.unit_pages(d) if p.path == d.paths.unit("第一分公司工会"))
    listed = re.findall(r"第(\d+)号复盘", unit.body.split("<svg")[0])
    assert sorted(map(int, listed)) == [7, 8, 9, 10, 11]  # the latest five
    more = re.search(r'<a href="([^"]+)">以上是最近的 5 篇，共 12 篇', unit.body)
    assert more and more.group(1).endswith("browse/?unit=" + quote("第一分公司工会"))
    chart = unit.body[unit.body.index("<svg") :]
    assert sorted(set(re.findall(r"活动(\d+)", chart)), key=int) == ["8", "9", "10", "11"]
    listing = {p.path: p for p in sections.listing_pages(d)}
    tag_pages = [path for path in listing if path.startswith("tags/") and path != "tags/index.md"]
    assert len(tag_pages) == 3 and d.paths.tag("常用") in tag_pages
    assert "另有 10 个较少用的标签" in listing["tags/index.md"].body
    common = listing[d.paths.tag("常用")].body
    assert "共 12 篇" in common and "?tag=" + quote("常用") in common
    rare = next(t for t in d.by_tag if t not in d.tag_pages)
    assert "?tag=" + quote(rare) in tag_links(d, unit.path, [rare])


def test_not_found_page_speaks_the_sites_language(sample_site):
    text = (sample_site / "404.html").read_text("utf-8")
    assert "<h1>404：没有这个页面。" in text and "Not found" not in text


def test_tracking_page_says_how_its_ratio_is_counted(sample_site):
    text = (sample_site / "tracking.html").read_text("utf-8")
    assert "完成比例 = 已完成 ÷（措施数 − 已取消的措施）" in text


def test_chinese_punctuation_and_percentages_on_a_chinese_site(sample_site):
    page = (sample_site / "reviews/2026/spring-games-office.html").read_text("utf-8")
    assert "<td>90%</td>" in page and "90 %" not in page  # 满意度 in %
    assert "<td>170 人</td>" in page
    assert "横向对比：" in page and "横向对比: " not in page
    assert "另见：" in (sample_site / "tags/index.html").read_text("utf-8")


def test_a_metric_chart_marks_its_own_best_and_weakest_bars():
    from fupan.site.charts import Bar, bar_chart, marked

    bars = marked([Bar("甲", 0.81, "81%"), Bar("乙", 0.91, "91%"), Bar("丙", 0.85, "85%")])
    assert [b.mark for b in bars] == ["weakest", "best", ""]
    assert [b.mark for b in marked([Bar("甲", 1, ""), Bar("乙", 1, "")])] == ["", ""]
    svg = bar_chart("t", bars)
    assert svg.index("<line") < svg.index("<rect")  # the 100% line under bars and figures


def test_home_says_its_overdue_list_is_the_first_ten(sample_site):
    home = (sample_site / "index.html").read_text("utf-8")
    assert "以上是逾期最久的 10 项；全部" in home  # the sample has more than ten


def test_a_campaign_of_one_unit_says_there_is_nothing_to_compare_yet(sample_site):
    page = (sample_site / "campaigns/2025年职工书屋建设.html").read_text("utf-8")
    assert "目前只有这一个单位写了这项活动的复盘" in page
    assert "多个单位共同的问题" not in page and "最佳与待提升按" not in page
    several = (sample_site / "campaigns/2025年安全生产月.html").read_text("utf-8")
    assert "目前只有这一个单位" not in several and "多个单位共同的问题" in several
