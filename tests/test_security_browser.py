"""Hostile entries in headless Chromium: no script runs on click, no request leaves the
host, and a guide that quotes the dashboard marker keeps it as written.

A knowledge base with script URLs in every spelling a sanitizer misses, markup in
every front-matter field and in file names, and images on other hosts is built with
``mkdocs build`` and served on 127.0.0.1; every link of every entry page is clicked.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .browsing import chromium, serving, skip_without_chromium
from .conftest import entry, make_kb

pytestmark = pytest.mark.browser
sync_api = skip_without_chromium()

PWN = "window.top.__pwned = (window.top.__pwned || 0) + 1"
# each a link a reader may click; none may run script
LINKS = [
    "[a](javascript:alert(1))",
    "[b](javascript&#58;alert(1))",
    "[c](&#106;avascript:alert(1))",
    "[d](javascript&colon;alert(1))",
    "[e](java&#x09;script:alert(1))",
    "[f](java&#9;script:alert(1))",
    "[g](\x01javascript:alert(1))",
    "[h](JaVaScRiPt:alert(1))",
    "[i](vbscript:alert(1))",
    "[j](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[k][ref]\n\n[ref]: javascript:alert(1)",
    "[l][ref2]\n\n[ref2]: javascript&#58;alert(1)",
    '<a href="javascript:alert(1)">m</a>',
    "<javascript:alert(1)>",
]
MARKUP = '"><img src=x onerror="alert(1)"><script>alert(1)</script>'
REMOTE = "![像素](https://pixel.example.com/p.png)\n\n![无协议](//pixel.example.com/q.png)"
ALLOWED = "![内网图](http://127.0.0.1:1/allowed.png)"  # an allowed host: loaded (and fails)
GUIDE = """# 发布网站

首页 `docs/index.md` 中单独一行 `<!-- fupan:dashboard -->` 的位置换成概况面板：

```markdown
<!-- fupan:dashboard -->
```

    <!-- fupan:dashboard -->
"""


def body(links: list[str]) -> str:
    return (
        "## 一、总结\n"
        + "\n\n".join(links)
        + "\n\n## 二、反思\n"
        + REMOTE
        + "\n\n"
        + ALLOWED
        + "\n\n## 三、改进\n改进。\n"
    )


def hostile_kb(root: Path) -> Path:
    entries = {
        "2025/links.md": entry(title="链接", body=body(LINKS)),
        "2025/fields.md": entry(
            title=f"标题{MARKUP}",
            unit=f"单位{MARKUP}",
            campaign=f"活动{MARKUP}",
            extra=f"category: '类别{MARKUP}'\nauthor: '作者{MARKUP}'\ntags: ['标签{MARKUP}']\n"
            f"metrics:\n  - {{name: '指标{MARKUP}', target: 1, actual: 1, unit: '人{MARKUP}'}}\n"
            f"actions:\n  - {{action: '措施{MARKUP}', owner: '责任人{MARKUP}', "
            "due: 2025-09-01, status: open}\n",
            body=body([f"正文{MARKUP}"]),
        ),
        "2025/<img src=x onerror=alert(1)>.md": entry(title="文件名", body=body(["x"])),
    }
    make_kb(root, entries, units=None)  # no registry: any unit name, markup too
    mkdocs = (root / "mkdocs.yml").read_text("utf-8").replace("  font:", "  language: zh\n  font:")
    mkdocs = mkdocs.replace("  - fupan\n", "  - fupan:\n      remote_images: [127.0.0.1]\n")
    (root / "mkdocs.yml").write_text(mkdocs + "nav:\n  - index.md\n  - guide.md\n", "utf-8")
    (root / "docs" / "guide.md").write_text(GUIDE, encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"], cwd=root, capture_output=True, text=True
    )
    assert r.returncode == 0, r.stderr
    return root / "site"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    site = hostile_kb(tmp_path_factory.mktemp("hostile"))
    with serving(site) as url:
        yield url, site


@pytest.fixture(scope="module")
def browser():
    with chromium(sync_api) as b:
        yield b


@pytest.fixture
def page(browser, server):
    """A page that records dialogs and every request; requests off the host are refused."""
    url, _ = server
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.dialogs, pg.outside = [], []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("popup", lambda p: p.close())

    def route(r):
        if r.request.url.startswith(url) or r.request.url.startswith("http://127.0.0.1:1/"):
            r.continue_()
        else:
            pg.outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    context.add_init_script(f"window.alert = window.confirm = window.prompt = () => {{{PWN}}}")
    yield pg
    context.close()


def entry_pages(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).as_posix() for p in (site / "reviews" / "2025").rglob("index.html")
    )


def pwned(page) -> int:
    """How often script ran in the page now shown (after any navigation settled)."""
    for _ in range(5):
        try:
            page.wait_for_load_state("load")
            return page.evaluate("window.__pwned || 0")
        except sync_api.Error:  # the click navigated while we asked
            page.wait_for_timeout(100)
    raise AssertionError("the page never settled")


def test_no_script_runs_when_any_link_is_clicked(page, server):
    url, site = server
    pages = entry_pages(site)
    assert len(pages) == 3
    clicked = 0
    for rel in pages:
        page.goto(url + rel)
        body_links = ".md-content p a"  # what entry bodies wrote, not the site's own links
        for i in range(page.locator(body_links).count()):
            if page.url != url + rel:  # the last click went somewhere: come back
                page.goto(url + rel)
            link = page.locator(body_links).nth(i)
            href = link.get_attribute("href") or ""
            assert not href.lower().lstrip().startswith(("javascript", "vbscript", "data")), href
            link.click(timeout=2000, no_wait_after=True)
            clicked += 1
            assert pwned(page) == 0, (rel, i, href)
    assert clicked >= len(LINKS)
    assert page.dialogs == []


def test_markup_in_fields_and_file_names_stays_text(page, server):
    url, site = server
    for rel in entry_pages(site):
        page.goto(url + rel)
        assert page.evaluate("window.__pwned || 0") == 0
        assert page.locator(".md-content script").count() == 0
        assert page.locator(".md-content img[onerror]").count() == 0
    page.goto(url + "reviews/2025/fields/")
    text = page.locator(".md-content").inner_text()
    for label in ("标题", "单位", "活动", "作者", "标签", "指标", "措施", "正文"):
        assert f'{label}"><img src=x onerror="alert(1)">' in text
    assert page.dialogs == []


def test_no_request_leaves_the_host(page, server):
    url, site = server
    for rel in ["", "guide/", "browse.html", *entry_pages(site)]:
        page.goto(url + rel)
        page.wait_for_load_state("networkidle")
    assert page.outside == []
    page.goto(url + "reviews/2025/links/")
    remote = page.locator("a.fupan-remote-image")
    assert remote.count() == 2
    assert remote.first.inner_text() == "像素"
    assert "另一网站上的图片，没有加载" in page.locator(".md-content").inner_text()
    assert page.locator('img[src="http://127.0.0.1:1/allowed.png"]').count() == 1


def test_quoted_marker_stays_as_written(page, server):
    url, _ = server
    page.goto(url + "guide/")
    text = page.locator(".md-content").inner_text()
    assert text.count("<!-- fupan:dashboard -->") == 3
    assert page.locator(".md-content .fupan-figures, .md-content .fupan").count() == 0
    page.goto(url)
    assert page.locator(".md-content .fupan-figures, .md-content .fupan").count() >= 1
