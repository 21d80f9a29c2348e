"""The ``reminders:`` section of ``reviews/fupan.yml``: who is reminded, and how.

Secrets (robot addresses carry their token, mail passwords) are named here only by the
environment variable that holds them, so the repository never holds one. A bad channel
is reported with its line and left out; the others still work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..entries.source import SourceError, decode, line_of, parse_yaml
from ..entries.units import Units
from ..model import Problem

CONFIG_FILE = "fupan.yml"  # in the reviews folder
WEBHOOK_KINDS = ("wecom", "dingtalk", "feishu", "json")
SECURITY = ("starttls", "ssl", "none")
MAIL_PER = ("owner", "unit")
SECRET_KEYS = ("url", "secret", "password", "token", "key")
KEYS = {  # what each mapping may hold; anything else is a typo worth a warning
    "reminders": ("within", "timeout", "site_url", "unpublished", "webhooks", "mail"),
    "webhook": ("name", "kind", "url_env", "secret_env", "units"),
    "mail": (
        "host", "port", "security", "username", "password_env", "from", "per", "owners",
        "units", "cafile",
    ),
}  # fmt: skip
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_ADDRESS = re.compile(r"^[^@\s]+@[^@\s]+$")


@dataclass
class Webhook:
    name: str
    kind: str  # one of WEBHOOK_KINDS
    url_env: str
    secret_env: str = ""  # 钉钉 / 飞书 signing secret, when the robot has one
    units: list[str] = field(default_factory=list)  # registered names; empty: all units
    line: int = 0


@dataclass
class Mail:
    host: str
    sender: str
    port: int = 0  # 0: the usual port of the security mode
    security: str = "starttls"
    per: str = "owner"
    username: str = ""
    password_env: str = ""
    cafile: str = ""  # a certificate file to trust, for an intranet server's own CA
    owners: dict[str, list[str]] = field(default_factory=dict)
    units: dict[str, list[str]] = field(default_factory=dict)
    line: int = 0

    @property
    def port_or_default(self) -> int:
        return self.port or {"ssl": 465, "starttls": 587}.get(self.security, 25)


@dataclass
class RemindConfig:
    within: int = 14
    site_url: str = ""
    unpublished: bool = False  # remind of items in entries with publish: false too
    timeout: float = 10.0  # seconds for each request or mail connection
    webhooks: list[Webhook] = field(default_factory=list)
    mail: Mail | None = None
    path: str = f"reviews/{CONFIG_FILE}"

    @property
    def channels(self) -> int:
        return len(self.webhooks) + (self.mail is not None)


class _Reader:
    """Reads one section and collects problems at the lines they stand on."""

    def __init__(self, rel: str, lines: dict):
        self.rel, self.lines = rel, lines
        self.problems: list[Problem] = []

    def line(self, *path: object) -> int:
        return line_of(self.lines, path)

    def error(self, path: tuple, code: str, /, **values: object) -> None:
        """The problem ``code`` of fupan.lang's tables at the line of ``path``."""
        self.problems.append(Problem.of(self.rel, self.line(*path), "error", code, **values))

    def env_name(self, item: dict, key: str, path: tuple, required: bool) -> str | None:
        value = item.get(key)
        if value is None:
            if required:
                self.error(path, "check.env_required", where=_dotted(path), key=key)
                return None
            return ""
        if not isinstance(value, str) or not _ENV_NAME.match(value):
            where = _dotted((*path, key))
            self.error((*path, key), "check.env_name", where=where, value=value)
            return None
        return value

    def unknown_keys(self, item: dict, path: tuple, kind: str) -> None:
        for key in item:
            if key not in KEYS[kind] and key not in SECRET_KEYS:
                self.problems.append(
                    Problem.of(
                        self.rel,
                        self.line(*path, key),
                        "warning",
                        "check.unused_key",
                        where=_dotted((*path, key)),
                        keys=KEYS[kind],
                    )
                )

    def secrets_refused(self, item: dict, path: tuple) -> bool:
        found = [k for k in SECRET_KEYS if k in item]
        for k in found:
            self.error((*path, k), "check.secret", where=_dotted((*path, k)), key=k)
        return bool(found)


def _dotted(path: tuple) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def _unit_list(r: _Reader, value: object, path: tuple, units: Units) -> list[str] | None:
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        r.error(path, "check.unit_names", where=_dotted(path))
        return None
    resolved = []
    for n in names:
        name = units.resolve(n)
        if name is None:
            r.error(path, "check.at", where=_dotted(path), reason=units.not_registered(n))
            return None
        resolved.append(name)
    return resolved


def _addresses(r: _Reader, value: object, path: tuple) -> list[str] | None:
    found = [value] if isinstance(value, str) else value
    if not isinstance(found, list) or not found:
        r.error(path, "check.addresses", where=_dotted(path))
        return None
    bad = [a for a in found if not isinstance(a, str) or not _ADDRESS.match(a.strip())]
    if bad:
        r.error(path, "check.address", where=_dotted(path), value=bad[0])
        return None
    return [a.strip() for a in found]


def _webhook(r: _Reader, item: object, i: int, units: Units) -> Webhook | None:
    path = ("reminders", "webhooks", i)
    if not isinstance(item, dict):
        r.error(path, "check.webhook_shape", where=_dotted(path))
        return None
    r.unknown_keys(item, path, "webhook")
    # every mistake of the item at once, not one per run
    refused = r.secrets_refused(item, path)
    kind = item.get("kind")
    if kind not in WEBHOOK_KINDS:
        where = _dotted((*path, "kind"))
        r.error((*path, "kind"), "check.one_of", where=where, choices=WEBHOOK_KINDS, value=kind)
    url_env = None if "url" in item else r.env_name(item, "url_env", path, required=True)
    secret_env = None if "secret" in item else r.env_name(item, "secret_env", path, required=False)
    chosen = _unit_list(r, item["units"], (*path, "units"), units) if "units" in item else []
    if (
        refused
        or kind not in WEBHOOK_KINDS
        or url_env is None
        or secret_env is None
        or chosen is None
    ):
        return None
    name = str(item.get("name") or f"{kind}-{i + 1}")
    return Webhook(name, kind, url_env, secret_env, chosen, r.line(*path))


def _mail(r: _Reader, item: object, units: Units) -> Mail | None:
    path = ("reminders", "mail")
    if not isinstance(item, dict):
        r.error(path, "check.mail_shape")
        return None
    r.unknown_keys(item, path, "mail")
    if r.secrets_refused(item, path):
        return None
    ok = True
    for key in ("host", "from"):
        if not isinstance(item.get(key), str) or not item[key].strip():
            r.error(path, "check.mail_needs", key=key)
            ok = False
    for key, choices in (("security", SECURITY), ("per", MAIL_PER)):
        if key in item and item[key] not in choices:
            where = _dotted((*path, key))
            r.error((*path, key), "check.one_of", where=where, choices=choices, value=item[key])
            ok = False
    port = item.get("port", 0)
    if not isinstance(port, int) or not 0 <= port < 65536:
        r.error((*path, "port"), "check.mail_port", value=port)
        ok = False
    password_env = r.env_name(item, "password_env", path, required=False)
    owners: dict[str, list[str]] = {}
    for owner, value in (item.get("owners") or {}).items():
        found = _addresses(r, value, (*path, "owners", owner))
        ok = ok and found is not None
        owners[str(owner)] = found or []
    by_unit: dict[str, list[str]] = {}
    for unit, value in (item.get("units") or {}).items():
        name = _unit_list(r, str(unit), (*path, "units", unit), units)
        found = _addresses(r, value, (*path, "units", unit))
        ok = ok and name is not None and found is not None
        if name:
            by_unit[name[0]] = found or []
    if not ok or password_env is None:
        return None
    return Mail(
        host=item["host"].strip(),
        sender=item["from"].strip(),
        port=port,
        security=item.get("security", "starttls"),
        per=item.get("per", "owner"),
        username=str(item.get("username") or ""),
        password_env=password_env,
        cafile=str(item.get("cafile") or ""),
        owners=owners,
        units=by_unit,
        line=r.line(*path),
    )


def load_config(reviews: Path, units: Units, rel: str = "") -> tuple[RemindConfig, list[Problem]]:
    """The ``reminders:`` section; no file or no section means no channels."""
    path = reviews / CONFIG_FILE
    config = RemindConfig(path=rel or f"{reviews.name}/{CONFIG_FILE}")
    if not path.exists():
        return config, []
    try:
        data, lines, _ = parse_yaml(decode(path.read_bytes()))
    except SourceError as e:
        return config, [e.problem(config.path)]
    r = _Reader(config.path, lines)
    section = data.get("reminders") if isinstance(data, dict) else None
    if section is None:
        return config, []
    if not isinstance(section, dict):
        r.error(("reminders",), "check.reminders_shape")
        return config, r.problems
    r.unknown_keys(section, ("reminders",), "reminders")
    within = section.get("within", config.within)
    if isinstance(within, int) and not isinstance(within, bool) and within >= 0:
        config.within = within
    else:
        r.error(("reminders", "within"), "check.reminders_within", value=within)
    timeout = section.get("timeout", config.timeout)
    if isinstance(timeout, int | float) and not isinstance(timeout, bool) and timeout > 0:
        config.timeout = float(timeout)
    else:
        r.error(("reminders", "timeout"), "check.reminders_timeout", value=timeout)
    config.site_url = str(section.get("site_url") or "")
    config.unpublished = section.get("unpublished") is True
    hooks = section.get("webhooks") or []
    if not isinstance(hooks, list):
        r.error(("reminders", "webhooks"), "check.webhooks_not_list")
        hooks = []
    config.webhooks = [h for i, x in enumerate(hooks) if (h := _webhook(r, x, i, units))]
    if section.get("mail") is not None:
        config.mail = _mail(r, section["mail"], units)
    if config.mail and config.mail.cafile:  # from the knowledge base, wherever cron starts
        config.mail.cafile = str(reviews.parent / Path(config.mail.cafile).expanduser())
    return config, r.problems
