"""XML in and out: WeChat's flat <xml> message, parsed without DTDs or entities, and the passive text reply."""
from __future__ import annotations

import re
import time
from typing import Any, Dict, List, Optional
from xml.parsers import expat


class BadXML(ValueError):
    """The body is not the flat <xml> document WeChat sends."""


_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)", re.IGNORECASE)


def parse_xml(data: bytes, max_elements: int = 256, max_depth: int = 4) -> Dict[str, str]:
    """Parse WeChat's flat <xml><Name>value</Name>…</xml> into {Name: value} (first occurrence of each child).

    No DTD, no entity declarations, no external entities: they are refused before and during parsing.
    """
    if not data or not data.strip():
        raise BadXML("empty body")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise BadXML("body is not UTF-8") from None
    if _DTD.search(data):
        raise BadXML("DTD or entity declarations are not accepted")

    def refuse(*_args: Any) -> None:
        raise BadXML("DTD or entity declarations are not accepted")

    fields: Dict[str, str] = {}
    depth = 0
    count = 0
    current: List[str] = []
    parser = expat.ParserCreate(encoding="UTF-8")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.NotationDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.buffer_text = True

    def start(name: str, _attrs: Any) -> None:
        nonlocal depth, count, current
        count += 1
        if count > max_elements:
            raise BadXML("too many elements")
        if depth == 0 and name != "xml":
            raise BadXML("root element is not <xml>")
        depth += 1
        if depth > max_depth:
            raise BadXML("nested too deeply")
        if depth == 2:
            current = []

    def end(name: str) -> None:
        nonlocal depth
        if depth == 2 and name not in fields:
            fields[name] = "".join(current)
        depth -= 1

    def chars(text: str) -> None:
        if depth == 2:
            current.append(text)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    try:
        parser.Parse(data, True)
    except expat.ExpatError as e:
        raise BadXML(f"malformed XML ({expat.ErrorString(e.code)})") from None
    return fields


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def cdata(text: str) -> str:
    text = _XML_INVALID.sub("", text)
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def text_reply_xml(to_user: str, from_user: str, content: str, create_time: Optional[int] = None) -> str:
    """A passive text reply (ToUserName = the user's OpenID, FromUserName = the 公众号's original id)."""
    create_time = int(time.time()) if create_time is None else create_time
    return (f"<xml><ToUserName>{cdata(to_user)}</ToUserName><FromUserName>{cdata(from_user)}</FromUserName>"
            f"<CreateTime>{create_time}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
            f"<Content>{cdata(content)}</Content></xml>")
