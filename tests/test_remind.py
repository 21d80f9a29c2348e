"""Reminders sent to real servers on 127.0.0.1: group robots over HTTP, mail over SMTP
(aiosmtpd), and the calendar feeds read back with icalendar."""

from __future__ import annotations

import base64
import datetime as dt
import email
import email.policy
import hashlib
import hmac
import json
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from click.testing import CliRunner
from fupan.cli import cli
from fupan.lang import strings
from fupan.reminders import messages
from fupan.reminders.feed import uid
from fupan.reminders.plan import due_groups
from fupan.reports.actions import ActionRow

from .conftest import entry, make_kb

TODAY = "2026-11-25"
DING_SECRET = "SEC-钉钉-secret"
FEISHU_SECRET = "feishu-secret"


def actions(*items: tuple[str, str, str, str]) -> str:
    out = "actions:\n"
    for action, owner, due, status in items:
        out += f"  - action: {action}\n    owner: {owner}\n    due: {due}\n    status: {status}\n"
    return out


ENTRIES = {
    "2025/a.md": entry(
        extra=actions(
            ("报名提前两周启动，班组长逐人确认", "李强", "2026-10-01", "open"),  # 55 days overdue
            ("雨天备用场地签订协议", "王芳", "2026-12-01", "doing"),  # 6 days left
            ("裁判培训写入手册", "张敏", "2026-05-31", "done"),  # done: never reminded
        )
    ),
    "2025/b.md": entry(
        title="第二分公司安全生产月复盘",
        unit="第二分公司工会",
        campaign="2025年安全生产月",
        extra=actions(
            ("外包人员安全培训增加闭卷考试", "高峰", "2026-12-09", "open"),  # the last day in
            ("隐患台账迁移到OA系统", "高峰", "2026-12-10", "open"),  # one day past 14
        ),
    ),
    "2026/draft.md": entry(
        title="未定稿的复盘",
        unit="检修车间工会",
        extra="publish: false\n" + actions(("内部整改事项", "赵磊", "2026-11-01", "open")),
    ),
}

CONFIG = """\
reminders:
  within: 14
  timeout: 1
  site_url: http://fupan.example.internal/
  webhooks:
    - name: 公司工会群
      kind: wecom
      url_env: T_WECOM
    - name: 钉钉群
      kind: dingtalk
      url_env: T_DING
      secret_env: T_DING_SECRET
    - name: 飞书群
      kind: feishu
      url_env: T_FEISHU
      secret_env: T_FEISHU_SECRET
    - name: 一分公司系统
      kind: json
      url_env: T_JSON
      units: [一分公司工会]
  mail:
    host: 127.0.0.1
    port: {smtp_port}
    security: none
    username: union
    password_env: T_SMTP_PASSWORD
    from: 工会办公室 <union@example.com>
    per: owner
    owners:
      李强: liqiang@example.com
      王芳: [wangfang@example.com, office1@example.com]
    units:
      第二分公司工会: office2@example.com
"""


class Recorder(BaseHTTPRequestHandler):
    """Answers as the robots do; /fail answers HTTP 500, /slow too late."""

    received: list[dict] = []

    def do_POST(self):  # noqa: N802 (the standard library's name)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        parts = urlsplit(self.path)
        if parts.path == "/slow":
            time.sleep(3)
        self.received.append(
            {
                "path": parts.path,
                "query": parse_qs(parts.query),
                "type": self.headers["Content-Type"],
                "json": json.loads(body.decode("utf-8")),
            }
        )
        if parts.path == "/fail":
            self.send_response(500)
            self.end_headers()
            return
        answer = (
            {"code": 0, "msg": "success"}
            if parts.path == "/feishu"
            else {"errcode": 0, "errmsg": "ok"}
        )
        if parts.path == "/wecom-refuses":
            answer = {"errcode": 93000, "errmsg": "invalid webhook url"}
        data = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def http():
    handler = type("Handler", (Recorder,), {"received": []})  # a late answer of another
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)  # test's server lands there
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", handler.received
    server.shutdown()
    server.server_close()


class Mailbox:
    def __init__(self):
        self.messages: list[tuple[list[str], email.message.EmailMessage]] = []

    async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
        if address.startswith("nobody@"):
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        msg = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        self.messages.append((list(envelope.rcpt_tos), msg))
        return "250 OK"


def authenticator(password: str):
    def check(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.password == password.encode()
        return AuthResult(success=ok, handled=False)

    return check


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_smtp(password: str = "s3cret", **kwargs) -> tuple[Controller, Mailbox]:
    box = Mailbox()
    kwargs.setdefault("auth_require_tls", False)
    controller = Controller(
        box, hostname="127.0.0.1", port=free_port(), authenticator=authenticator(password),
        **kwargs,
    )  # fmt: skip
    controller.start()
    return controller, box


@pytest.fixture
def smtp():
    controller, box = start_smtp()
    yield controller.port, box
    controller.stop()


@pytest.fixture
def kb(tmp_path, smtp, http, monkeypatch):
    root = make_kb(kb_dir(tmp_path), dict(ENTRIES))
    (root / "reviews/fupan.yml").write_text(CONFIG.replace("{smtp_port}", str(smtp[0])), "utf-8")
    base = http[0]
    for name in (
        "http_proxy",
        "HTTP_PROXY",
        "https_proxy",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
    ):
        monkeypatch.delenv(name, raising=False)
    env = {
        "T_WECOM": f"{base}/wecom?key=abc",
        "T_DING": f"{base}/dingtalk?access_token=tok",
        "T_DING_SECRET": DING_SECRET,
        "T_FEISHU": f"{base}/feishu",
        "T_FEISHU_SECRET": FEISHU_SECRET,
        "T_JSON": f"{base}/json",
        "T_SMTP_PASSWORD": "s3cret",
    }
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    return root


def kb_dir(tmp_path: Path) -> Path:
    (tmp_path / "kb").mkdir()
    return tmp_path / "kb"


def remind(root: Path, *args: str, code: int = 0):
    r = CliRunner().invoke(cli, ["--kb", str(root), "remind", "--today", TODAY, *args])
    assert r.exit_code == code, r.output
    return r


def by_path(received: list[dict]) -> dict[str, dict]:
    return {r["path"]: r for r in received}


# --- what is due ------------------------------------------------------------------------


def test_due_within_days_or_overdue_grouped_by_unit_and_owner(tmp_path):
    from fupan.kb import KnowledgeBase

    root = make_kb(tmp_path, dict(ENTRIES))
    entries = KnowledgeBase(root).load_all().entries
    groups = due_groups(entries, dt.date(2026, 11, 25), 14)
    assert sorted((g.unit, g.owner, tuple(i.row.action for i in g.items)) for g in groups) == [
        ("第一分公司工会", "李强", ("报名提前两周启动，班组长逐人确认",)),
        ("第一分公司工会", "王芳", ("雨天备用场地签订协议",)),
        ("第二分公司工会", "高峰", ("外包人员安全培训增加闭卷考试",)),
    ]
    days = {i.row.action: i.days_overdue for g in groups for i in g.items}
    assert days == {
        "报名提前两周启动，班组长逐人确认": 55,
        "雨天备用场地签订协议": -6,
        "外包人员安全培训增加闭卷考试": -14,
    }
    with_drafts = due_groups(entries, dt.date(2026, 11, 25), 14, unpublished=True)
    assert ("检修车间工会", "赵磊") in {(g.unit, g.owner) for g in with_drafts}


def test_long_reminders_are_cut_under_the_robots_limit():
    s = strings("zh")
    row = ActionRow(
        "2025/a",
        "标题",
        "reviews/2025/a.md",
        "第一分公司工会",
        "",
        "李强",
        dt.date(2026, 1, 1),
        "open",
        True,
    )
    from fupan.reminders.plan import DueItem, Group

    groups = [
        Group(
            "第一分公司工会",
            f"责任人{g}",
            [
                DueItem(row.__class__(**{**row.as_dict(), "action": f"第{g}组第{n}项措施" * 8}), 5)
                for n in range(12)
            ],
        )
        for g in range(4)
    ]
    parts = messages.texts(s, groups, dt.date(2026, 1, 6), 2000)
    assert len(parts) > 3 and all(len(p.encode("utf-8")) <= 2000 for p in parts)
    joined = "\n".join(parts)
    for g in groups:  # every item reaches the chat, under its owner's heading
        for item in g.items:
            assert item.row.action in joined
    assert all(p.startswith("【改进措施提醒】2026年1月6日") and "责任人" in p for p in parts)
    assert parts[-1].endswith(s["remind.footer"]) and "\n\n2. " not in joined  # as in one text
    one = messages.full_text(s, groups, dt.date(2026, 1, 6))

    def lines(text: str) -> list[str]:  # below the header, without headings and blank lines
        return [x for x in text.split("\n")[1:] if x and not x.startswith("第一分公司工会 ·")]

    assert [x for p in parts for x in lines(p)] == lines(one)  # nothing lost, nothing doubled


# --- channels -----------------------------------------------------------------------------


def test_dry_run_prints_what_would_be_sent_and_sends_nothing(kb, http, smtp):
    r = remind(kb, "--dry-run")
    assert http[1] == [] and smtp[1].messages == []
    out = r.stdout
    assert '"msgtype": "text"' in out and '"msg_type": "text"' in out
    assert "POST $T_DING (signed with $T_DING_SECRET)" in out
    assert "To: liqiang@example.com" in out
    assert "Subject: 【改进措施提醒】李强：1 项到期或逾期（2026年11月25日）" in out
    assert "已逾期 55 天" in out and "还有 6 天" in out
    assert "演练，未发送" in out
    assert not (kb / ".fupan/reminders.json").exists()
    assert "内部整改事项" not in out  # an unpublished entry's item is not reminded


def test_every_channel_gets_its_own_shape_and_a_second_run_sends_nothing(kb, http, smtp):
    before = time.time()
    r = remind(kb)
    got = by_path(http[1])
    assert set(got) == {"/wecom", "/dingtalk", "/feishu", "/json"}
    assert all(g["type"] == "application/json; charset=utf-8" for g in got.values())

    wecom = got["/wecom"]["json"]
    assert list(wecom) == ["msgtype", "text"] and wecom["msgtype"] == "text"
    text = wecom["text"]["content"]
    assert text.startswith("【改进措施提醒】2026年11月25日：3 项到期或逾期")
    assert "第一分公司工会 · 李强（1 项，其中逾期 1 项）" in text
    assert "1. 报名提前两周启动，班组长逐人确认" in text
    assert "完成时限 2026年10月1日，已逾期 55 天 · 待办" in text
    assert "http://fupan.example.internal/reviews/2025/a/" in text
    assert got["/wecom"]["query"] == {"key": ["abc"]}

    ding = got["/dingtalk"]
    assert ding["json"] == {"msgtype": "text", "text": {"content": text}}
    stamp = ding["query"]["timestamp"][0]
    assert before * 1000 - 1 <= int(stamp) <= time.time() * 1000 + 1
    expected = base64.b64encode(
        hmac.new(DING_SECRET.encode(), f"{stamp}\n{DING_SECRET}".encode(), hashlib.sha256).digest()
    ).decode()
    assert ding["query"]["sign"] == [expected]  # parse_qs has undone the URL encoding
    assert ding["query"]["access_token"] == ["tok"]

    feishu = got["/feishu"]["json"]
    assert feishu["msg_type"] == "text" and feishu["content"] == {"text": text}
    key = f"{feishu['timestamp']}\n{FEISHU_SECRET}".encode()
    assert feishu["sign"] == base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode()

    generic = got["/json"]["json"]  # limited to one unit
    assert generic["date"] == TODAY
    assert [(g["unit"], g["owner"]) for g in generic["groups"]] == [
        ("第一分公司工会", "李强"),
        ("第一分公司工会", "王芳"),
    ]
    item = generic["groups"][0]["items"][0]
    assert item["due"] == "2026-10-01" and item["days_overdue"] == 55 and item["overdue"] is True
    assert "第二分公司" not in generic["text"]

    mails = {tuple(rcpt): msg for rcpt, msg in smtp[1].messages}
    assert set(mails) == {
        ("liqiang@example.com",),
        ("wangfang@example.com", "office1@example.com"),
        ("office2@example.com",),  # 高峰 has no address: his unit's office gets it
    }
    msg = mails[("liqiang@example.com",)]
    assert msg["Subject"] == "【改进措施提醒】李强：1 项到期或逾期（2026年11月25日）"
    assert msg["From"].addresses[0].display_name == "工会办公室"
    raw = bytes(msg)
    assert b"=?utf-8?" in raw.split(b"\n\n", 1)[0].lower()  # RFC 2047 in the headers
    assert msg.get_content_type() == "text/plain" and msg.get_content_charset() == "utf-8"
    assert msg["Content-Transfer-Encoding"] == "base64"
    body = msg.get_content()
    assert "报名提前两周启动，班组长逐人确认" in body and "王芳" not in body
    assert "7 条已发送，0 条今天已发送过，0 条失败" in r.stderr

    state = json.loads((kb / ".fupan/reminders.json").read_text("utf-8"))
    assert state["day"] == TODAY and len(state["sent"]) == len(http[1]) + len(smtp[1].messages)

    sent = (len(http[1]), len(smtp[1].messages))
    again = remind(kb)
    assert (len(http[1]), len(smtp[1].messages)) == sent  # nothing sent twice
    assert "今天已发送过，未重发" in again.stdout
    assert "0 条已发送" in again.stderr
    tomorrow = CliRunner().invoke(cli, ["--kb", str(kb), "remind", "--today", "2026-11-26"])
    assert tomorrow.exit_code == 0 and len(http[1]) == sent[0] + 4


def test_json_lists_groups_and_deliveries(kb, http, smtp):
    data = json.loads(remind(kb, "--json", "--unit", "一分公司工会").stdout)
    assert data["today"] == TODAY and data["within"] == 14
    assert [g["owner"] for g in data["groups"]] == ["李强", "王芳"]
    assert {d["channel"] for d in data["deliveries"]} == {
        "wecom",
        "dingtalk",
        "feishu",
        "json",
        "mail",
    }
    assert all(d["status"] == "sent" for d in data["deliveries"])
    assert "第二分公司" not in json.dumps(http[1], ensure_ascii=False)


def test_a_refusing_channel_is_reported_and_the_others_still_go_out(
    kb, http, tmp_path, monkeypatch
):
    base = http[0]
    monkeypatch.setenv("T_WECOM", f"{base}/fail")
    monkeypatch.setenv("T_DING", f"{base}/slow")
    monkeypatch.setenv("T_FEISHU", f"{base}/wecom-refuses")
    monkeypatch.setenv("T_SMTP_PASSWORD", "wrong")
    r = remind(kb, code=1)
    out = r.stdout
    assert "机器人地址回答 HTTP 500 Internal Server Error" in out
    assert "1 秒内没有回应" in out
    assert "机器人拒收：93000 invalid webhook url" in out
    assert out.count("拒绝了 union 的登录：535") == 3  # each mail, one reason
    assert "/json" in {g["path"] for g in http[1]}  # the hook that works got its message
    state = json.loads((kb / ".fupan/reminders.json").read_text("utf-8"))
    assert state["sent"] == ["webhook:一分公司系统:1"]
    assert "Traceback" not in r.output

    monkeypatch.setenv("T_WECOM", f"{base}/wecom")  # mended: only what failed is sent again
    monkeypatch.setenv("T_DING", f"{base}/dingtalk")
    monkeypatch.setenv("T_FEISHU", f"{base}/feishu")
    monkeypatch.setenv("T_SMTP_PASSWORD", "s3cret")
    http[1].clear()
    r = remind(kb)
    assert sorted(g["path"] for g in http[1]) == ["/dingtalk", "/feishu", "/wecom"]


def test_missing_environment_variable_fails_that_channel_only(kb, http, smtp, monkeypatch):
    monkeypatch.delenv("T_DING_SECRET")
    monkeypatch.setenv("T_FEISHU", "open.feishu.cn/open-apis/bot/v2/hook/SECRET-TOKEN")
    monkeypatch.setenv("T_WECOM", f"{http[0]}/wecom?key=SECRET-TOKEN pasted")
    r = remind(kb, code=1)
    assert "环境变量 T_DING_SECRET 没有设置" in r.stdout
    assert "环境变量 T_FEISHU 中的不是以 http:// 或 https:// 开头的机器人地址" in r.stdout
    assert "连不上机器人地址：InvalidURL" in r.stdout
    assert "SECRET-TOKEN" not in r.output  # a robot's key never reaches the log
    assert {g["path"] for g in http[1]} == {"/json"}
    assert len(smtp[1].messages) == 3


def test_a_refused_recipient_is_reported_and_the_others_get_the_mail(kb, smtp):
    path = kb / "reviews/fupan.yml"
    path.write_text(path.read_text("utf-8").replace("office1@", "nobody@"), "utf-8")
    r = remind(kb, code=1)
    assert "收件人被拒收：nobody@example.com: 550 5.1.1 no such mailbox" in r.stdout
    assert ["wangfang@example.com"] in [rcpt for rcpt, _ in smtp[1].messages]
    again = remind(kb)  # it reached 王芳: not sent to her twice
    assert len(smtp[1].messages) == 3 and "0 条失败" in again.stderr


def test_english_messages_with_lang(kb, http, smtp):
    remind(kb, "--lang", "en")
    text = by_path(http[1])["/wecom"]["json"]["text"]["content"]
    assert text.startswith("[Improvement items] 2026-11-25: 3 due or overdue")
    assert "55 days overdue" in text


def test_bad_configuration_names_the_line_and_keeps_the_good_channels(kb, http, smtp):
    path = kb / "reviews/fupan.yml"
    text = (
        path.read_text("utf-8")
        .replace(
            "    - name: 钉钉群\n      kind: dingtalk\n",
            "    - name: 钉钉群\n      kind: dingding\n",
        )
        .replace("      url_env: T_FEISHU\n", "      url: https://open.feishu.cn/hook/xyz\n")
    )
    path.write_text(text + "    pasword_env: T_SMTP_PASSWORD\n", "utf-8")
    r = remind(kb, "--lang", "en", code=1)
    lines = r.stderr.splitlines()
    typo = len(text.splitlines()) + 1
    assert (
        f"reviews/fupan.yml:{typo}: warning: reminders.mail.pasword_env is not used; the keys "
        "are host, port, security, username, password_env, from, per, owners, units, cafile"
    ) in lines
    assert (
        "reviews/fupan.yml:10: error: reminders.webhooks[1].kind must be one of "
        "wecom, dingtalk, feishu, json, not 'dingding'" in lines
    )
    assert any(
        line.startswith(
            "reviews/fupan.yml:15: error: reminders.webhooks[2].url: secrets are never kept"
        )
        for line in lines
    )
    assert {g["path"] for g in http[1]} == {"/wecom", "/json"}
    # the knowledge base's own language, Chinese, for the same problems
    said = remind(kb, "--dry-run", code=1).stderr.splitlines()
    assert (
        "reviews/fupan.yml:10: 错误: reminders.webhooks[1].kind 只能写 "
        "wecom、dingtalk、feishu、json 之一，不能写“dingding”" in said
    )
    unused = f"reviews/fupan.yml:{typo}: 警告: reminders.mail.pasword_env 不会被使用；"
    assert any(line.startswith(unused) for line in said)


def _certificate(folder: Path) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_mail_over_starttls_and_ssl(tmp_path, security, monkeypatch):
    cert, key = _certificate(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    if security == "starttls":
        controller, box = start_smtp(
            tls_context=context, require_starttls=True, auth_require_tls=True
        )
    else:
        controller, box = start_smtp(ssl_context=context)
    try:
        port = controller.port
        root = make_kb(kb_dir(tmp_path), dict(ENTRIES))
        (root / "reviews/fupan.yml").write_text(
            "reminders:\n  timeout: 5\n  mail:\n    host: 127.0.0.1\n"
            f"    port: {port}\n    security: {security}\n"
            # relative to the knowledge base, or absolute
            f"    cafile: {'../cert.pem' if security == 'ssl' else cert}\n"
            "    username: union\n    password_env: T_SMTP_PASSWORD\n"
            "    from: union@example.com\n    per: unit\n    units:\n"
            "      一分公司工会: [office1@example.com]\n      第二分公司工会: office2@example.com\n",
            "utf-8",
        )
        monkeypatch.setenv("T_SMTP_PASSWORD", "s3cret")
        remind(root)
        subjects = {tuple(rcpt): m["Subject"] for rcpt, m in box.messages}
        assert subjects == {
            (
                "office1@example.com",
            ): "【改进措施提醒】第一分公司工会：2 项到期或逾期（2026年11月25日）",
            (
                "office2@example.com",
            ): "【改进措施提醒】第二分公司工会：1 项到期或逾期（2026年11月25日）",
        }
    finally:
        controller.stop()


@pytest.mark.parametrize("server", ["refuses", "never answers"])
def test_a_mail_server_that_refuses_or_never_answers(tmp_path, http, monkeypatch, server):
    silent = socket.socket()  # accepts the connection, never says hello
    silent.bind(("127.0.0.1", 0))
    silent.listen()
    port = silent.getsockname()[1] if server == "never answers" else free_port()
    root = make_kb(kb_dir(tmp_path), dict(ENTRIES))
    (root / "reviews/fupan.yml").write_text(
        "reminders:\n  timeout: 1\n  webhooks:\n    - kind: wecom\n      url_env: T_WECOM\n"
        f"  mail:\n    host: 127.0.0.1\n    port: {port}\n    security: none\n"
        "    from: union@example.com\n"
        "    owners: {李强: liqiang@example.com, 王芳: wangfang@example.com}\n",
        "utf-8",
    )
    monkeypatch.setenv("T_WECOM", f"{http[0]}/wecom")
    try:
        r = remind(root, code=1)
    finally:
        silent.close()
    said = {
        "refuses": f"连不上邮件服务器 127.0.0.1:{port}：[Errno 111] Connection refused",
        "never answers": f"邮件服务器 127.0.0.1:{port}：Connection unexpectedly closed: timed out",
    }
    assert r.stdout.count(said[server]) == 2  # the first mail finds out, the second is told
    assert "没有 高峰 的邮箱" in r.stdout  # nor his unit's: that mail is a failure too
    assert [g["path"] for g in http[1]] == ["/wecom"]  # the robot still got its message


def test_dry_run_names_the_variables_a_real_run_would_miss(kb, http, smtp, monkeypatch):
    monkeypatch.delenv("T_WECOM")
    monkeypatch.delenv("T_SMTP_PASSWORD")
    r = remind(kb, "--dry-run", code=1)
    assert "演练，未发送：环境变量 T_WECOM 没有设置" in r.stdout
    assert r.stdout.count("演练，未发送：环境变量 T_SMTP_PASSWORD 没有设置") == 3
    assert http[1] == [] and smtp[1].messages == []


def test_dry_run_says_a_mail_has_no_address_and_a_webhook_every_mistake(kb, http, smtp):
    path = kb / "reviews/fupan.yml"
    text = path.read_text("utf-8")
    text = text.replace("      李强: liqiang@example.com\n", "")
    text = text.replace(
        "      kind: wecom\n      url_env: T_WECOM\n", "      kind: weixin\n      url: http://x/\n"
    )
    path.write_text(text, "utf-8")
    r = remind(kb, "--dry-run", code=1)
    assert "演练，未发送：没有 李强 的邮箱" in r.stdout
    said = r.stderr
    assert (
        "reminders.webhooks[0].kind 只能写" in said
        and "reminders.webhooks[0].url：密钥不能写" in said
    )
    assert said.index("webhooks[0].kind") < said.index("webhooks[0].url")  # in the file's order
    assert http[1] == [] and smtp[1].messages == []


def test_no_channels_lists_what_is_due(tmp_path):
    root = make_kb(tmp_path, dict(ENTRIES))
    r = remind(root)
    assert "报名提前两周启动，班组长逐人确认" in r.stdout
    assert "reviews/fupan.yml 中没有配置提醒渠道" in r.stderr
    nothing = remind(root, "--within", "0", "--today", "2026-01-01")
    assert "0 天内没有到期或逾期的措施" in nothing.stderr


# --- calendar feeds --------------------------------------------------------------------


def events(data: bytes) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    assert cal.to_ical() == data  # round trip: what it parses is what was written
    for prop in ("VERSION", "PRODID"):
        assert prop in cal
    found = {}
    for e in cal.walk("VEVENT"):
        for prop in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            assert prop in e, prop
        assert e.decoded("DTEND") - e.decoded("DTSTART") == dt.timedelta(days=1)
        found[str(e["UID"])] = e
    return found


OPEN_PUBLISHED = {
    ("2025/a", "报名提前两周启动，班组长逐人确认"): dt.date(2026, 10, 1),
    ("2025/a", "雨天备用场地签订协议"): dt.date(2026, 12, 1),
    ("2025/b", "外包人员安全培训增加闭卷考试"): dt.date(2026, 12, 9),
    ("2025/b", "隐患台账迁移到OA系统"): dt.date(2026, 12, 10),
}


def test_ics_from_the_command_line(kb):
    out = kb.parent / "all.ics"
    remind(kb, "--ics", str(out))
    data = out.read_bytes()
    assert b"\r\n" in data and max(len(x) for x in data.split(b"\r\n")) <= 75
    found = events(data)
    assert len(found) == len(OPEN_PUBLISHED)
    assert {str(e["UID"]): e.decoded("DTSTART") for e in found.values()} == {
        uid(ActionRow(i, "", "", "", a, "", d, "open", False)): d
        for (i, a), d in OPEN_PUBLISHED.items()
    }
    event = found[
        uid(ActionRow("2025/a", "", "", "", "雨天备用场地签订协议", "", None, "open", False))
    ]
    assert str(event["SUMMARY"]) == "王芳：雨天备用场地签订协议"
    assert str(event["URL"]) == "http://fupan.example.internal/reviews/2025/a/"
    assert "进行中" in str(event["DESCRIPTION"])
    overdue = [str(e["SUMMARY"]) for e in found.values() if str(e["SUMMARY"]).startswith("[逾期]")]
    assert overdue == ["[逾期] 李强：报名提前两周启动，班组长逐人确认"]

    remind(kb, "--ics", str(out), "--unit", "第二分公司工会")
    unit = events(out.read_bytes())
    assert {str(e["SUMMARY"]) for e in unit.values()} == {
        "高峰：外包人员安全培训增加闭卷考试",
        "高峰：隐患台账迁移到OA系统",
    }
    assert "第二分公司工会" in icalendar.Calendar.from_ical(out.read_bytes())["X-WR-CALNAME"]


def test_site_publishes_feeds_that_keep_their_uids(tmp_path):
    root = make_kb(kb_dir(tmp_path), dict(ENTRIES))
    cfg = root / "mkdocs.yml"
    cfg.write_text(
        "site_url: http://fupan.example.internal/\n"
        + cfg.read_text()
        .replace("  name: material\n", "  name: material\n  language: zh\n")
        .replace("  - fupan\n", f"  - fupan:\n      today: {TODAY}\n"),
        "utf-8",
    )

    def build() -> Path:
        r = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict"],
            cwd=root, capture_output=True, text=True, timeout=600,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )  # fmt: skip
        assert r.returncode == 0, r.stderr
        return root / "site"

    site = build()
    first = (site / "tracking/actions.ics").read_bytes()
    found = events(first)
    keys = {
        (str(e["URL"]).removeprefix("http://fupan.example.internal/reviews/").rstrip("/"),
         str(e["SUMMARY"]).removeprefix("[逾期] ").split("：", 1)[1]): e.decoded("DTSTART")
        for e in found.values()
    }  # fmt: skip
    assert keys == OPEN_PUBLISHED  # open, published, each on its due date; no draft, nothing done
    unit_feed = site / "units/第一分公司工会/actions.ics"
    assert {
        str(e["SUMMARY"]).removeprefix("[逾期] ") for e in events(unit_feed.read_bytes()).values()
    } == {
        "李强：报名提前两周启动，班组长逐人确认",
        "王芳：雨天备用场地签订协议",
    }
    assert not (site / "units/检修车间工会/actions.ics").exists()  # only its draft had items

    for page, feed in (("tracking", "tracking"), ("units/第一分公司工会", "units/第一分公司工会")):
        html = (site / page / "index.html").read_text("utf-8")
        href = re.search(r'<a class="feed" href="([^"]+)">订阅日历（.ics）</a>', html)
        assert href, page  # the page links its feed, and the link leads to it
        assert (site / page / href.group(1)).resolve() == (site / feed / "actions.ics").resolve()

    (root / "reviews/2025/c.md").write_text(entry(title="新的复盘", date="2025-05-01"), "utf-8")
    again = events((build() / "tracking/actions.ics").read_bytes())
    assert set(again) == set(found)  # the same items keep their UIDs from build to build
