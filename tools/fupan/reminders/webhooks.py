"""Group robots: the JSON that 企业微信, 钉钉 and 飞书 accept, and a generic JSON hook.

Each robot answers HTTP 200 even when it refuses a message and says why in the body
(``errcode`` / ``code``), so the answer is read, not only the status.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.client
import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable

from .errors import SendError

# bytes of text one message may carry (企业微信 caps text at 2,048; the others are larger)
TEXT_LIMIT = {"wecom": 2000, "dingtalk": 18000, "feishu": 18000, "json": 10**9}


def payload(kind: str, text: str, extra: dict | None = None) -> dict:
    """The body a robot of ``kind`` takes for a plain text message."""
    if kind in ("wecom", "dingtalk"):
        return {"msgtype": "text", "text": {"content": text}}
    if kind == "feishu":
        return {"msg_type": "text", "content": {"text": text}}
    return {"text": text, **(extra or {})}


def dingtalk_sign(secret: str, timestamp_ms: int) -> str:
    """钉钉's signature: HMAC-SHA256 of "timestamp\\nsecret" keyed by the secret, Base64."""
    digest = hmac.new(
        secret.encode("utf-8"), f"{timestamp_ms}\n{secret}".encode(), hashlib.sha256
    ).digest()
    return base64.b64encode(digest).decode("ascii")


def feishu_sign(secret: str, timestamp_s: int) -> str:
    """飞书's signature: HMAC-SHA256 keyed by "timestamp\\nsecret" over nothing, Base64."""
    digest = hmac.new(f"{timestamp_s}\n{secret}".encode(), b"", hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def signed(
    kind: str, url: str, body: dict, secret: str, clock: Callable[[], float] = time.time
) -> tuple[str, dict]:
    """The address and body with the robot's signature, when it has a secret."""
    if not secret:
        return url, body
    if kind == "dingtalk":
        ms = int(clock() * 1000)
        sign = urllib.parse.quote_plus(dingtalk_sign(secret, ms))
        return f"{url}{'&' if '?' in url else '?'}timestamp={ms}&sign={sign}", body
    if kind == "feishu":
        s = int(clock())
        return url, {"timestamp": str(s), "sign": feishu_sign(secret, s), **body}
    return url, body


def _refusal(kind: str, answer: bytes) -> str | None:
    """What the robot said when it did not take the message; None when it did."""
    if kind == "json":
        return None
    try:
        data = json.loads(answer.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return repr(answer[:200])
    if not isinstance(data, dict):
        return repr(data)[:200]
    code = data.get("errcode", data.get("code", data.get("StatusCode", 0)))
    if code in (0, None):
        return None
    return (
        f"{code} {data.get('errmsg') or data.get('msg') or data.get('StatusMessage') or ''}".strip()
    )


def post(kind: str, url: str, body: dict, timeout: float) -> None:
    """POST ``body`` as UTF-8 JSON; SendError with the reason when it is not taken."""
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    headers = {"Content-Type": "application/json; charset=utf-8"}
    try:
        request = urllib.request.Request(url, data=data, headers=headers, method="POST")
        with urllib.request.urlopen(request, timeout=timeout) as response:
            answer = response.read()
    except urllib.error.HTTPError as e:
        raise SendError("http", code=e.code, reason=e.reason) from None
    except TimeoutError:
        raise SendError("timeout", seconds=f"{timeout:g}") from None
    except urllib.error.URLError as e:
        reason = e.reason
        if isinstance(reason, TimeoutError | socket.timeout):
            raise SendError("timeout", seconds=f"{timeout:g}") from None
        raise SendError("unreachable", reason=reason) from None
    except OSError as e:
        raise SendError("unreachable", reason=e) from None
    except (ValueError, http.client.HTTPException) as e:  # their text quotes the address
        raise SendError("unreachable", reason=type(e).__name__) from None
    refusal = _refusal(kind, answer)
    if refusal:
        raise SendError("refused", reason=refusal)
