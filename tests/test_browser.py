"""End to end in headless Chromium, against the built sample site served on 127.0.0.1."""

from __future__ import annotations

import functools
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pytest
from fupan.kb import KnowledgeBase

from .conftest import ROOT, SAMPLE
from .queries import labelled, recall_at_10

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
]
ARTIFACTS = ROOT / "test-artifacts"

pytestmark = pytest.mark.browser
if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
    pytest.skip("Debian's chromium is not installed (.ci/run installs it)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server(sample_build):
    httpd = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(sample_build / "site"))
    )
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    ROOTS[url] = sample_build
    yield url
    httpd.shutdown()


ROOTS: dict[str, Path] = {}


def server_root(server: str) -> Path:
    """The knowledge base folder the server serves the site of."""
    return ROOTS[server]


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A page that records every request and console error; both are checked after use."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    requests, errors = [], []
    pg.on("request", lambda r: requests.append(r.url))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    local = ("http://127.0.0.1:", "data:", "blob:", "file://")
    outside = [u for u in requests if not u.startswith(local)]
    assert outside == [], "requests left 127.0.0.1"
    assert errors == [], "console errors"


def ids_of(hrefs: list[str]) -> list[str]:
    out = []
    for href in hrefs:
        path = unquote(urlsplit(href).path)
        if "/reviews/" in path:
            entry_id = path.split("/reviews/", 1)[1].split("#")[0].strip("/")
            if entry_id not in out:
                out.append(entry_id)
    return out


def browse_ids(page, server: str, query: str) -> list[str]:
    page.goto(f"{server}browse/?text={quote(query)}")
    page.wait_for_selector("form.fupan-browse.ready")
    return ids_of(page.eval_on_selector_all(".fupan-results a", "as => as.map(a => a.href)"))


def material_ids(page, query: str) -> list[str]:
    """Top results of Material's own search box, for comparison."""
    page.fill("input.md-search__input", query)
    page.keyboard.press("End")  # Material reacts to key events, not to fill alone
    page.wait_for_function(
        "() => /\\d|没有/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    page.wait_for_timeout(200)
    hrefs = page.eval_on_selector_all(
        ".md-search-result__list > li > a", "as => as.map(a => a.href)"
    )
    return ids_of(hrefs)


def test_chinese_queries_find_relevant_entries(page, server):
    queries = labelled(KnowledgeBase(SAMPLE))
    page.goto(server)
    page.wait_for_load_state("networkidle")
    page.click("label.md-search__icon, .md-search__input")
    ours, stock = {}, {}
    for query, relevant in queries:
        stock[query] = recall_at_10(material_ids(page, query), relevant)
    for query, relevant in queries:
        ours[query] = recall_at_10(browse_ids(page, server, query), relevant)
    mean_ours = sum(ours.values()) / len(ours)
    mean_stock = sum(stock.values()) / len(stock)
    # failed before (Material finds under half of the relevant entries), pass now (all)
    fixed = [q for q in ours if stock[q] < 0.5 and ours[q] == 1.0]
    print(f"\nrecall@10: browse page {mean_ours:.2f}, Material search {mean_stock:.2f}")
    print("failed with Material's search, found now:", " ".join(fixed))
    for q in ours:
        print(f"  {q}: Material {stock[q]:.2f}, browse page {ours[q]:.2f}")
    assert all(ours[q] > 0 for q in ours), [q for q in ours if ours[q] == 0]
    assert mean_ours >= 0.75
    assert {"通知没有传达到班组", "手工统计", "微信群"} <= set(fixed) and len(fixed) >= 5
    assert mean_ours > mean_stock


def test_english_and_single_character(page, server):
    assert browse_ids(page, server, "registration")[0] == "2025/skills-contest-it"
    found = browse_ids(page, server, "雨")
    assert found and len(found) >= 2


def test_typing_updates_results_and_url(page, server):
    page.goto(f"{server}browse/")
    page.wait_for_selector("form.fupan-browse.ready")
    total = page.locator(".fupan-results li").count()
    page.fill(".fupan-q", "经费超支")
    page.wait_for_function("() => location.search.includes('text=')")
    assert page.locator(".fupan-results li").count() < total
    assert "超支" in page.url or "%E8%B6%85%E6%94%AF" in page.url


@pytest.mark.parametrize(
    "facet,value,shown",
    [
        ("unit", "第一分公司工会", "第一分公司工会"),
        ("campaign", "2025年安全生产月", "2025年安全生产月"),
        ("year", "2024", "2024-"),
    ],
)
def test_facets_filter_and_keep_state_in_url(page, server, facet, value, shown):
    page.goto(f"{server}browse/")
    page.wait_for_selector("form.fupan-browse.ready")
    page.select_option(f"select[name={facet}]", value)
    metas = page.eval_on_selector_all(".fupan-meta", "ms => ms.map(m => m.textContent)")
    assert metas and all(shown in m for m in metas)
    url = page.url
    page.goto(url)
    page.wait_for_selector("form.fupan-browse.ready")
    assert page.eval_on_selector(f"select[name={facet}]", "s => s.value") == value
    assert page.locator(".fupan-results li").count() == len(metas)


@pytest.mark.parametrize("facet,value", [("category", "安全生产"), ("tag", "报名")])
def test_category_and_tag_facets(page, server, facet, value):
    page.goto(f"{server}browse/?{facet}={quote(value)}")
    page.wait_for_selector("form.fupan-browse.ready")
    found = ids_of(page.eval_on_selector_all(".fupan-results a", "as => as.map(a => a.href)"))
    entries = {e.id: e for e in KnowledgeBase(SAMPLE).load_all().entries if e.publish}
    expected = {
        i
        for i, e in entries.items()
        if (e.category == value if facet == "category" else value in e.tags)
    }
    assert set(found) == expected


def test_unpublished_not_in_browse_data(page, server):
    page.goto(f"{server}browse/")
    page.wait_for_selector("form.fupan-browse.ready")
    hidden = [e for e in KnowledgeBase(SAMPLE).load_all().entries if not e.publish]
    text = page.evaluate("() => JSON.stringify(window.fupanBrowse)")
    assert hidden and all(e.title not in text and e.id not in text for e in hidden)


def test_browse_page_works_opened_from_disk(browser, server):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    site = server_root(server) / "site"
    page.goto((site / "browse/index.html").as_uri() + "?text=" + quote("经费超支"))
    page.wait_for_selector("form.fupan-browse.ready")
    assert page.locator(".fupan-results li").count() >= 3
    # Material's own search cannot load its index from disk; nothing else may fail
    assert [e for e in errors if "search_index" not in e] == []
    page.close()


def test_campaign_page_shows_table_and_chart(page, server):
    page.goto(f"{server}campaigns/{quote('2025年职工春季运动会')}/")
    assert page.locator("table tbody tr").first.is_visible()
    assert page.locator("svg.fupan-chart").first.is_visible()
    assert page.locator("svg.fupan-chart rect.fupan-bar").count() >= 4


def test_screenshots(page, server):
    ARTIFACTS.mkdir(exist_ok=True)
    shots = {
        "home": server,
        "entry": f"{server}reviews/2025/spring-games-branch1/",
        "campaign": f"{server}campaigns/{quote('2025年职工春季运动会')}/",
        "browse": f"{server}browse/?text={quote('报名人数不足')}",
    }
    for name, url in shots.items():
        page.goto(url)
        page.wait_for_load_state("networkidle")
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 10_000
