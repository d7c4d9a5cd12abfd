"""Unit tests: splitting long answers, rendering Rasa replies, number choices, the XML parser, settings."""
import logging
import re
import xml.etree.ElementTree as ET

import pytest

from bot import wechat
from bot.wechat.message import mask
from bot.wechat.settings import WeChatSettings
from bot.wechat.text import menu_choice, render_messages, split_text, utf8_len
from bot.wechat.xml import BadXML, parse_xml, text_reply_xml

ANSWER = ("我记下的：陕西省宝鸡市千阳县，脱贫劳动力，务工地范围跨省，实际交通费680元。\n\n"
          "【跨省就业一次性交通补助】500元（实际交通费680元；超过上限500元，按500元计），钱发给您本人！"
          "申请时间：转移就业当年12月底前？依据：千人社发〔2021〕141号 三、2\n")


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def test_short_text_is_one_part():
    assert split_text("  你好。 ") == ["你好。"]
    assert split_text("") == []


@pytest.mark.parametrize("limit", [2048, 300])
def test_long_text_is_split_at_sentence_ends_within_the_byte_limit(limit):
    text = ANSWER * 40
    assert utf8_len(text) > 2048
    parts = split_text(text, limit)
    assert len(parts) > 1
    for p in parts:
        assert utf8_len(p) <= limit
    for p in parts[:-1]:
        assert p[-1] in "。！？!?" or p.endswith("2"), p[-20:]  # "…三、2" ends a line
    assert squash("".join(parts)) == squash(text)


def test_a_sentence_longer_than_the_limit_is_cut_without_breaking_characters():
    text = "啊" * 1000 + "😀" * 300 + "。后面一句。"
    parts = split_text(text, 2048)
    assert all(utf8_len(p) <= 2048 for p in parts)
    assert "".join(parts) == text  # nothing lost, no broken UTF-8 (the parts are str)
    commas = "，".join(["这是一段没有句号的很长的话"] * 200)
    parts = split_text(commas, 300)
    assert all(utf8_len(p) <= 300 for p in parts)
    assert all(p.endswith("，") for p in parts[:-1])  # cut at commas when no sentence end fits
    assert "".join(parts) == commas


def test_render_numbers_buttons_and_keeps_payloads():
    messages = [
        {"recipient_id": "wx:o", "text": "第一段"},
        {"recipient_id": "wx:o", "text": "第二段",
         "buttons": [{"title": "要带啥材料", "payload": "/ask_documents"},
                     {"title": "去哪办", "payload": "/ask_where_apply"}]},
        {"recipient_id": "wx:o", "buttons": [{"title": "去哪办", "payload": "/ask_where_apply"},
                                             {"title": "还能领啥", "payload": "/ask_what_can_i_get"}]},
        {"recipient_id": "wx:o", "image": "https://example.invalid/x.png"},
    ]
    text, menu, payloads = render_messages(messages)
    assert text.startswith("第一段\n\n第二段") and "https://example.invalid/x.png" in text
    assert menu == "回复数字：\n1 要带啥材料\n2 去哪办\n3 还能领啥"
    assert payloads == ["/ask_documents", "/ask_where_apply", "/ask_what_can_i_get"]
    assert render_messages([]) == ("", "", [])
    assert render_messages([{"text": "只有文字"}]) == ("只有文字", "", [])


@pytest.mark.parametrize("text,n", [("1", 1), ("２", 2), (" 3 ", 3), ("3。", 3), ("12", 12), ("123", None),
                                    ("1a", None), ("一", None), ("", None), ("-1", None)])
def test_menu_choice(text, n):
    assert menu_choice(text) == n


def test_reply_xml_survives_cdata_terminators_and_control_characters():
    content = "a]]>b<c>&d\x00\x07e 中文"
    root = ET.fromstring(text_reply_xml("oUser", "gh_x", content, create_time=1))
    assert root.find("Content").text == "a]]>b<c>&de 中文"
    assert root.find("ToUserName").text == "oUser" and root.find("FromUserName").text == "gh_x"
    assert root.find("MsgType").text == "text" and root.find("CreateTime").text == "1"


def test_parse_xml_reads_the_flat_wechat_format():
    body = ("<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[oAbc]]></FromUserName>"
            "<CreateTime>1348831860</CreateTime><MsgType><![CDATA[text]]></MsgType>"
            "<Content><![CDATA[你好 <b>&amp;]]></Content><MsgId>1234567890123456</MsgId>"
            "<ScanCodeInfo><ScanType>qrcode</ScanType></ScanCodeInfo></xml>").encode()
    f = parse_xml(body)
    assert f["Content"] == "你好 <b>&amp;" and f["MsgId"] == "1234567890123456" and f["ScanCodeInfo"] == ""
    assert parse_xml(b'<?xml version="1.0" encoding="UTF-8"?><xml><A>1&amp;2</A></xml>') == {"A": "1&2"}
    # the body is read as UTF-8 whatever the declaration says
    assert parse_xml('<?xml version="1.0" encoding="GBK"?><xml><A>中</A></xml>'.encode()) == {"A": "中"}


@pytest.mark.parametrize("body", [
    b'<!DOCTYPE xml [<!ENTITY a "b">]><xml><A>&a;</A></xml>',
    b'<!doctype xml><xml/>',
    b'<xml><A>&a;</A></xml>',
    '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x><xml/>'.encode("utf-16"),
    b"<root/>", b"", b"   ", b"<xml>", b"<xml><a></b></xml>", b"\xff\xfe<xml/>",
    b"<xml>" + b"<a/>" * 300 + b"</xml>",
    b"<xml><a><b><c><d/></c></b></a></xml>",
])
def test_parse_xml_refuses(body):
    with pytest.raises(BadXML):
        parse_xml(body)


def test_settings_from_env(caplog):
    with caplog.at_level(logging.WARNING, logger="bot.wechat"):
        s = WeChatSettings.load(environ={})
    assert s.token == "dev-wechat-token" and "WECHAT_TOKEN is not set" in caplog.text
    assert (s.reply_timeout, s.max_timestamp_skew, s.api_base) == (4.0, 300.0, "https://api.weixin.qq.com")
    s = WeChatSettings.load(environ={"WECHAT_TOKEN": "t", "WECHAT_REPLY_TIMEOUT": "0.01",
                                     "WECHAT_MAX_TIMESTAMP_SKEW": "60", "WECHAT_API_BASE": "http://127.0.0.1:9/",
                                     "WECHAT_APPID": "wxA", "WECHAT_AES_KEY": "k" * 43})
    assert (s.token, s.reply_timeout, s.max_timestamp_skew, s.api_base) == ("t", 0.01, 60.0, "http://127.0.0.1:9")
    assert WeChatSettings.load(environ={"WECHAT_REPLY_TIMEOUT": "9"}).reply_timeout == 4.5  # WeChat waits 5 s
    assert WeChatSettings.load(environ={"WECHAT_REPLY_TIMEOUT": "abc"}).reply_timeout == 4.0
    assert WeChatSettings.load({"reply_timeout": 0.5}, environ={"WECHAT_REPLY_TIMEOUT": "3"}).reply_timeout == 0.5
    with pytest.raises(ValueError):
        WeChatSettings.load(environ={"WECHAT_AES_KEY": "k" * 43})  # safe mode needs the appid
    with pytest.raises(ValueError):
        WeChatSettings.load(environ={"WECHAT_API_BASE": "ftp://x"})


def test_channel_refuses_a_malformed_aes_key():
    with pytest.raises(ValueError):
        wechat.WeChatInput(WeChatSettings.load(environ={"WECHAT_APPID": "wxA", "WECHAT_AES_KEY": "short"}))


def test_openids_are_masked():
    assert mask("oABCDEFGHIJKLMN") == "oABC***"
    assert mask("wx:oABCDEFGHIJKLMN") == "wx:oABC***"
