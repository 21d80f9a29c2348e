"""Every message a reminder run sends, sent one by one: a failure is that message's
outcome and never stops the others; what went out today is not sent again."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..lang import day
from .config import Mail, RemindConfig, Webhook
from .errors import SendError
from .mail import MailSession, message, recipients
from .messages import full_text, owner_name, texts
from .plan import Group
from .state import SentToday
from .webhooks import TEXT_LIMIT, payload, post, signed

SENT, FAILED, SKIPPED, DRY_RUN = "sent", "failed", "skipped", "dry-run"


@dataclass
class Delivery:
    key: str  # what today's record remembers it by
    channel: str  # wecom, dingtalk, feishu, json or mail
    target: str  # the robot's name, or the mail's recipients
    preview: str  # exactly what is sent; the robot's address stays a variable's name
    send: Callable[[], None]
    needs: tuple[str, ...] = ()  # environment variables it cannot go without
    blocked: SendError | None = None  # why it cannot go at all, known before sending


@dataclass
class Outcome:
    key: str
    channel: str
    target: str
    status: str  # SENT, FAILED, SKIPPED or DRY_RUN
    error: str = ""
    preview: str = ""

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def _plain(data: object) -> object:
    """Dates as ISO text, so a generic hook gets plain JSON."""
    return json.loads(json.dumps(data, ensure_ascii=False, default=str))


def webhook_deliveries(
    hook: Webhook,
    groups: list[Group],
    today: dt.date,
    s: dict[str, str],
    env: Mapping[str, str],
    timeout: float,
    clock: Callable[[], float] = time.time,
) -> list[Delivery]:
    mine = [g for g in groups if not hook.units or g.unit in hook.units]
    if not mine:
        return []
    extra = (  # a generic hook gets the data too; a group robot shows only text
        {"date": today.isoformat(), "groups": _plain([g.as_dict() for g in mine])}
        if hook.kind == "json"
        else None
    )
    out = []
    for n, text in enumerate(texts(s, mine, today, TEXT_LIMIT[hook.kind]), 1):
        body = payload(hook.kind, text, extra)

        def send(body: dict = body) -> None:
            url = env.get(hook.url_env, "")
            secret = env.get(hook.secret_env, "") if hook.secret_env else ""
            for name, value in ((hook.url_env, url), (hook.secret_env, secret)):
                if name and not value:
                    raise SendError("env", name=name)
            if not url.lower().startswith(("http://", "https://")):  # and never echo it: it
                raise SendError("bad_url", name=hook.url_env)  # holds the robot's key
            post(hook.kind, *signed(hook.kind, url, body, secret, clock), timeout)

        head = f"POST ${hook.url_env}" + (
            f" (signed with ${hook.secret_env})" if hook.secret_env else ""
        )
        preview = head + "\n" + json.dumps(body, ensure_ascii=False, indent=2)
        needs = tuple(v for v in (hook.url_env, hook.secret_env) if v)
        out.append(Delivery(f"webhook:{hook.name}:{n}", hook.kind, hook.name, preview, send, needs))
    return out


def mail_deliveries(
    mail: Mail, groups: list[Group], today: dt.date, s: dict[str, str], session: MailSession
) -> list[Delivery]:
    out = []
    for who, to, mine in recipients(mail, groups):
        count = sum(len(g.items) for g in mine)
        name = owner_name(s, who) if mail.per == "owner" else who
        subject = s["remind.subject"].format(who=name, count=count, date=day(s, today))
        body = full_text(s, mine, today)
        key = f"mail:{mail.per}:{who}"
        if not to:
            nowhere = SendError(f"no_address_{mail.per}", who=name)

            def send(e: SendError = nowhere) -> None:
                raise e

            preview = f"Subject: {subject}\n\n{body}"
            out.append(Delivery(key, "mail", name, preview, send, blocked=nowhere))
            continue
        msg = message(mail, to, subject, body)
        preview = f"To: {', '.join(to)}\nSubject: {subject}\n\n{body}"
        needs = (mail.password_env,) if mail.username and mail.password_env else ()
        send_mail = functools.partial(session.send, msg)
        out.append(Delivery(key, "mail", ", ".join(to), preview, send_mail, needs))
    return out


def run(
    deliveries: list[Delivery],
    state: SentToday,
    s: dict[str, str],
    dry_run: bool,
    env: Mapping[str, str],
) -> list[Outcome]:
    outcomes = []
    for d in deliveries:
        o = Outcome(d.key, d.channel, d.target, DRY_RUN if dry_run else SENT, preview=d.preview)
        if d.key in state:
            o.status = SKIPPED
        elif dry_run:  # what would stop it, said before the real run finds out
            missing = [SendError("env", name=v) for v in d.needs if not env.get(v)]
            o.error = "; ".join(e.text(s) for e in [*([d.blocked] if d.blocked else []), *missing])
        else:
            try:
                d.send()
            except SendError as e:
                o.status, o.error = FAILED, e.text(s)
                if e.delivered:
                    state.add(d.key)
            except Exception as e:  # noqa: BLE001 (one message's surprise must not stop the rest)
                detail = SendError("unexpected", kind=type(e).__name__, detail=e)
                o.status, o.error = FAILED, detail.text(s)
            else:
                state.add(d.key)
        outcomes.append(o)
    return outcomes


def remind(
    groups: list[Group],
    config: RemindConfig,
    today: dt.date,
    s: dict[str, str],
    env: Mapping[str, str],
    state: SentToday,
    dry_run: bool = False,
    clock: Callable[[], float] = time.time,
    scope: str = "",
) -> list[Outcome]:
    """Send the reminder of ``groups`` on every channel ``config`` has. ``scope`` (the
    unit a run is limited to) is part of what today's record remembers."""
    deliveries = [
        d
        for hook in config.webhooks
        for d in webhook_deliveries(hook, groups, today, s, env, config.timeout, clock)
    ]
    with contextlib.ExitStack() as stack:
        if config.mail:
            session = stack.enter_context(MailSession(config.mail, env, config.timeout))
            deliveries += mail_deliveries(config.mail, groups, today, s, session)
        for d in deliveries:
            d.key = f"{scope}|{d.key}" if scope else d.key
        return run(deliveries, state, s, dry_run, env)
