"""Sending requests exactly as WeChat does: signed query string, XML body (optionally encrypted, safe mode)."""
from __future__ import annotations

import secrets
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

from bot.wechat.crypto import WeChatCrypto, signature

# WeChat's official 加解密 sample (WXBizMsgCrypt Sample): token, appid, EncodingAESKey and one encrypted message.
TOKEN = "QDG6eK"
APPID = "wx5823bf96d3bd56c7"
AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
SECRET = "test-app-secret"
GH_ID = "gh_test0000001"
OFFICIAL_MSG_SIGNATURE = "477715d11cdb4164915debcba66cb864d751f3e6"
OFFICIAL_TIMESTAMP = "1409659813"
OFFICIAL_NONCE = "1372623149"
OFFICIAL_ENCRYPT = (
    "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3"
    "TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5g"
    "sijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWr"
    "QUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2u"
    "yPIGHBZZIs2pDBS8R07+qN+E7Q==")
OFFICIAL_PLAINTEXT = (
    "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n"
    "<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n"
    "<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>")
# The URL-verification vector of the same sample (msg_signature, timestamp, nonce, encrypted echostr → plaintext).
OFFICIAL_VERIFY = ("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659589", "263014780",
                   "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==",
                   "1616140317555161061")


def crypto(token: str = TOKEN) -> WeChatCrypto:
    return WeChatCrypto(token, AES_KEY, APPID)


def signed(token: str = TOKEN, timestamp: str | None = None, nonce: str | None = None, **extra) -> dict:
    timestamp = str(int(time.time())) if timestamp is None else timestamp
    nonce = str(secrets.randbelow(10**9)) if nonce is None else nonce
    q = {"signature": signature(token, timestamp, nonce), "timestamp": timestamp, "nonce": nonce}
    q.update(extra)
    return q


def safe_request(plain: bytes, token: str = TOKEN, timestamp: str | None = None, nonce: str | None = None,
                 openid: str | None = None, to: str = GH_ID) -> tuple[bytes, dict]:
    """A message as WeChat sends it in 安全模式: the XML encrypted into <Encrypt>, the query signed twice (signature
    over token/timestamp/nonce, msg_signature also over Encrypt) with encrypt_type=aes and the sender's openid."""
    encrypted = crypto(token).encrypt(plain.decode("utf-8"))
    params = signed(token, timestamp, nonce, encrypt_type="aes")
    params["msg_signature"] = signature(token, params["timestamp"], params["nonce"], encrypted)
    if openid is not None:
        params["openid"] = openid
    body = f"<xml><ToUserName>{cdata(to)}</ToUserName><Encrypt>{cdata(encrypted)}</Encrypt></xml>".encode()
    return body, params


def open_reply(body: str, token: str = TOKEN) -> dict:
    """A safe-mode passive reply: check its MsgSignature, decrypt, parse the inner XML."""
    envelope = parse_reply(body)
    assert set(envelope) == {"Encrypt", "MsgSignature", "TimeStamp", "Nonce"}, envelope
    return parse_reply(crypto(token).decrypt_message(envelope["MsgSignature"], envelope["TimeStamp"], envelope["Nonce"],
                                                envelope["Encrypt"]))


def cdata(v: str) -> str:
    return "<![CDATA[" + v.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def message(openid: str, msg_type: str, create_time: int | None = None, to: str = GH_ID, **fields) -> bytes:
    create_time = int(time.time()) if create_time is None else create_time
    body = "".join(f"<{k}>{v}</{k}>" if isinstance(v, int) else f"<{k}>{cdata(str(v))}</{k}>"
                   for k, v in fields.items())
    return (f"<xml><ToUserName>{cdata(to)}</ToUserName><FromUserName>{cdata(openid)}</FromUserName>"
            f"<CreateTime>{create_time}</CreateTime><MsgType>{cdata(msg_type)}</MsgType>{body}</xml>").encode()


def text(openid: str, content: str, msg_id: int | None = None) -> bytes:
    return message(openid, "text", Content=content, MsgId=msg_id if msg_id is not None else new_msg_id())


def event(openid: str, name: str, key: str | None = None, create_time: int | None = None) -> bytes:
    fields = {"Event": name}
    if key is not None:
        fields["EventKey"] = key
    return message(openid, "event", create_time=create_time, **fields)


_ids = iter(range(10**15, 10**16))


def new_msg_id() -> int:
    return next(_ids) + secrets.randbelow(10**6) * 10**6


def new_openid(tag: str) -> str:
    return f"oTest{tag}{secrets.token_hex(6)}"


def request(url: str, method: str = "POST", params: dict | None = None, body: bytes | None = None,
            timeout: float = 30) -> tuple[int, str]:
    full = url + ("?" + urllib.parse.urlencode(params) if params else "")
    req = urllib.request.Request(full, data=body, method=method,
                                 headers={"Content-Type": "text/xml"} if body is not None else {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def parse_reply(body: str) -> dict:
    root = ET.fromstring(body)
    assert root.tag == "xml", body
    return {child.tag: (child.text or "") for child in root}
