"""Reminder mail: one message per owner or per unit, over one SMTP connection.

Python's ``email`` package writes a Chinese subject and sender name as RFC 2047
encoded words and the body as UTF-8 in Base64, which Outlook, Foxmail and WPS mail
all read; a server that refuses the login fails every message with that reason.
"""

from __future__ import annotations

import re
import smtplib
import ssl
from collections.abc import Mapping
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from .config import Mail
from .errors import SendError
from .plan import Group

_OWNER_SPLIT = re.compile(r"[、，,;；/\s]+")


def owner_addresses(mail: Mail, owner: str, unit: str) -> list[str]:
    """The owner's addresses (each of several owners written as "李强、王芳"), else the
    unit's, so that an owner without an address is still reached through the office."""
    found = mail.owners.get(owner.strip())
    if found is None:
        found = [a for name in _OWNER_SPLIT.split(owner) for a in mail.owners.get(name, [])]
    return list(dict.fromkeys(found)) or list(mail.units.get(unit, []))


def recipients(mail: Mail, groups: list[Group]) -> list[tuple[str, list[str], list[Group]]]:
    """(who, addresses, groups) for each message: one per owner or one per unit."""
    out: dict[str, tuple[str, list[str], list[Group]]] = {}
    for g in groups:
        who = g.owner if mail.per == "owner" else g.unit
        if who not in out:
            to = (
                owner_addresses(mail, g.owner, g.unit)
                if mail.per == "owner"
                else mail.units.get(g.unit, [])
            )
            out[who] = (who, list(to), [])
        elif mail.per == "owner":  # the same owner in another unit: that unit's office too
            more = owner_addresses(mail, g.owner, g.unit)
            out[who][1].extend(a for a in more if a not in out[who][1])
        out[who][2].append(g)
    return list(out.values())


def message(mail: Mail, to: list[str], subject: str, body: str) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = mail.sender
    msg["To"] = ", ".join(to)
    msg["Date"] = formatdate(localtime=True)
    domain = mail.sender.rsplit("@", 1)[-1].strip(" >") or None
    msg["Message-ID"] = make_msgid("fupan", domain=domain)
    msg.set_content(body, charset="utf-8", cte="base64")
    return msg


class MailSession:
    """Connects on the first message and reuses the connection for the rest."""

    def __init__(self, mail: Mail, env: Mapping[str, str], timeout: float):
        self.mail, self.env, self.timeout = mail, env, timeout
        self.smtp: smtplib.SMTP | None = None
        self.refused: SendError | None = None  # why the server cannot be used in this run

    def __enter__(self) -> MailSession:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.smtp is not None:
            try:
                self.smtp.quit()
            except (smtplib.SMTPException, OSError):
                self.smtp.close()

    def _connect(self) -> smtplib.SMTP:
        m = self.mail
        context = ssl.create_default_context(cafile=m.cafile or None)
        where = f"{m.host}:{m.port_or_default}"
        try:
            if m.security == "ssl":
                smtp = smtplib.SMTP_SSL(
                    m.host, m.port_or_default, timeout=self.timeout, context=context
                )
            else:
                smtp = smtplib.SMTP(m.host, m.port_or_default, timeout=self.timeout)
                if m.security == "starttls":
                    smtp.starttls(context=context)
            if m.username:
                password = self.env.get(m.password_env, "") if m.password_env else ""
                if m.password_env and not password:
                    smtp.close()
                    raise SendError("env", name=m.password_env)
                smtp.login(m.username, password)
        except smtplib.SMTPAuthenticationError as e:
            raise SendError("login", where=where, user=m.username, reply=_reply(e)) from None
        except smtplib.SMTPNotSupportedError as e:
            raise SendError("smtp", where=where, reply=e) from None
        except smtplib.SMTPException as e:
            raise SendError("smtp", where=where, reply=_reply(e)) from None
        except ssl.SSLError as e:
            raise SendError("tls", where=where, reason=e.reason or e) from None
        except (TimeoutError, OSError) as e:
            raise SendError("mail_unreachable", where=where, reason=e or "timed out") from None
        return smtp

    def send(self, msg: EmailMessage) -> None:
        if self.refused:
            raise self.refused
        if self.smtp is None:
            try:
                self.smtp = self._connect()
            except SendError as e:
                self.refused = e
                raise
        try:
            refused = self.smtp.send_message(msg)  # those refused while others took it
        except smtplib.SMTPRecipientsRefused as e:
            raise SendError("recipients", reply=_refused(e.recipients)) from None
        except (smtplib.SMTPException, OSError) as e:
            self.smtp.close()
            self.smtp = None  # the next message connects again
            raise SendError("not_taken", reply=_reply(e)) from None
        if refused:  # delivered, so not to be sent again today; still not all went out
            raise SendError("recipients", delivered=True, reply=_refused(refused))


def _refused(recipients: dict) -> str:
    return "; ".join(f"{a}: {_reply(r)}" for a, r in recipients.items())


def _reply(e: object) -> str:
    """An SMTP reply (code and text) or an exception as one line."""
    if isinstance(e, tuple) and len(e) == 2:
        code, text = e
        return f"{code} {text.decode('utf-8', 'replace') if isinstance(text, bytes) else text}"
    code, text = getattr(e, "smtp_code", None), getattr(e, "smtp_error", None)
    if code is not None:
        return _reply((code, text or b""))
    return str(e) or type(e).__name__
