"""One masker (policies/privacy.py) for the channels, the audit log and the ledger report.

Personal identifiers (身份证号 18/15 digits, mobile and landline numbers, bank cards) never reach the tracker store,
logs, the audit log or the ledger report in full, whichever way they are written: with spaces, dashes or dots
between the groups, in full-width digits, or split by zero-width characters. Ordinary numbers (amounts, counts,
years, dates) stay as typed. The end-to-end test at the bottom (marked `servers`) goes through the shared stack."""
from __future__ import annotations

import ast
import copy
import datetime as dt
import glob
import itertools
import json
import re
import time
import unicodedata

import pytest

import ledger
from policies import privacy
from policies.privacy import mask_id, mask_in, mask_pii
from scripts.servers import ROOT

ID = "610328199001011234"
MASKED_ID = "610328********1234"
MOBILE = "13912345678"
MASKED_MOBILE = "139****5678"
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e"]
ZWSP = "\u200b"
_FW = str.maketrans("0123456789-Xx ", "０１２３４５６７８９－Ｘｘ\u3000")


def fullwidth(s: str) -> str:
    return s.translate(_FW)


def flat(text: str) -> str:
    """What a reader could still put together: NFKC, format characters, spaces, dashes and dots dropped."""
    t = unicodedata.normalize("NFKC", text)
    t = "".join(ch for ch in t if unicodedata.category(ch) != "Cf")
    return re.sub(r"[\s\-.·—–]", "", t)


# ------------------------------------------------------------------------------------------------ the forms
ID_FORMS = [
    ID,
    "6103 2819 9001 0112 34",
    "610328 19900101 1234",
    "6103-2819-9001-0112-34",
    "6103.2819.9001.0112.34",
    "6103 - 2819 - 9001 - 0112 - 34",
    fullwidth(ID),
    fullwidth("6103 2819 9001 0112 34"),
    "６１０３２８１９９００１０１１２３４",
    "6103\u200b2819 9001\u200b0112 34",
    " ".join(ID),                                          # spelled out (a zero-width space the reader made a space)
    *[zw.join(ID) for zw in ZERO_WIDTH],
]


@pytest.mark.parametrize("form", ID_FORMS, ids=[repr(f) for f in ID_FORMS])
def test_an_18_digit_id_is_masked_however_it_is_written(form):
    out = mask_pii(f"我的身份证{form}，千阳的")
    assert out == f"我的身份证{MASKED_ID}，千阳的"          # the words around it stay exactly as typed
    assert ID not in flat(out)


@pytest.mark.parametrize("form, masked", [
    ("61032819900101123X", "610328********123X"),
    ("61032819900101123x", "610328********123X"),
    ("6103 2819 9001 0112 3X", "610328********123X"),
    ("6103 2819 9001 0112 3 X", "610328********123X"),
    (" ".join("61032819900101123X"), "610328********123X"),
    (fullwidth("61032819900101123X"), "610328********123X"),
    ("610328900101123", "610328*****1123"),                # old 15-digit ID
    ("610328 900101 123", "610328*****1123"),
    ("ID" + ID, "ID" + MASKED_ID),                         # letters right before it do not hide it
])
def test_other_id_forms(form, masked):
    assert mask_pii(form) == masked


MOBILE_FORMS = ["13912345678", "139-1234-5678", "139 1234 5678", "139.1234.5678", "139－1234－5678",
                "139—1234—5678", "139·1234·5678", fullwidth("13912345678"), fullwidth("139-1234-5678"),
                "1391234\u200b5678", "\u200b".join(MOBILE), " ".join(MOBILE), "139\u00a01234\u00a05678",
                "tel" + MOBILE]


@pytest.mark.parametrize("form", MOBILE_FORMS, ids=[repr(f) for f in MOBILE_FORMS])
def test_a_mobile_number_is_masked_however_it_is_written(form):
    out = mask_pii(f"电话{form}。")
    assert MOBILE not in flat(out)
    assert out == f"电话{form[:3] if form.startswith('tel') else ''}{MASKED_MOBILE}。"


@pytest.mark.parametrize("form, masked", [
    ("+86 139 1234 5678", "+86 139****5678"),
    ("+86-139-1234-5678", "+86 139****5678"),
    ("+8613912345678", "+86 139****5678"),
    ("8613912345678", "+86 139****5678"),
    ("008613912345678", "+86 139****5678"),
    ("0917-5212345", "0917-*****45"),
    ("0917 5212345", "0917-*****45"),
    ("09175212345", "0917-*****45"),
    ("(0917)5212345", "0917-*****45"),
    (" ".join("09175212345"), "0917-*****45"),
    ("（0917）5212345", "0917-*****45"),
    (fullwidth("0917-5212345"), "0917-*****45"),
    ("0917-521\u200b2345", "0917-*****45"),
    ("029-88886666", "029-******66"),
    ("02988886666", "029-******66"),
    ("010 8888 6666", "010-******66"),
    ("6222021234567890128", "***************0128"),        # bank card
    ("6222 0212 3456 7890 128", "***************0128"),
    ("5212345", "***2345"),                                 # a local number without its area code
])
def test_phone_numbers_with_country_or_area_codes_and_bank_cards(form, masked):
    assert mask_pii(form) == masked
    assert mask_pii(f"联系{form}谢谢") == f"联系{masked}谢谢"


ORDINARY = [
    "车票680能报多少", "工资5000元", "贷款1000000元", "3.5万", "1.5万元", "1234567.5元", "2024年3月15日进厂",
    "2024-03-15开始上班", "20240315", "2024.3.15", "2024/03/15", "我干了12个月", "厂里有120个工人", "招了30个人",
    "35岁", "千人社发〔2021〕141号", "0.5", "-5", "100%", "QY-001", "第1、2、3项", "工资3000 4000 5000",
    "3个月 1500 2000 3000 4000 5000元", "12 34 56 78 90 12 34 56 78", "1 2 3 4 5 6 7 8",
    "培训了10天", "２０２４年３月", "SYB培训", "５０００元", "10:30到17:30上班",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_numbers_are_left_as_typed(text):
    assert mask_pii(text) == text


def test_masking_twice_changes_nothing_more():
    for form in ID_FORMS + MOBILE_FORMS + ["0917-5212345", "6222021234567890128", "+86 139 1234 5678"]:
        once = mask_pii(form)
        assert mask_pii(once) == once, form


def test_not_a_string_is_returned_as_is():
    assert mask_pii(None) is None and mask_pii("") == "" and mask_pii(12) == 12


# ------------------------------------------------------------------------------------------------ one masker
def test_every_user_of_the_masker_uses_the_same_one():
    from actions import audit
    from bot import privacy as bot_privacy

    assert bot_privacy.mask_pii is privacy.mask_pii and bot_privacy.mask_in is privacy.mask_in
    assert audit.mask_pii is privacy.mask_pii
    assert ledger.mask_id is privacy.mask_id
    for form in ID_FORMS + MOBILE_FORMS + ["0917-5212345", "备注：卡号6222021234567890128"]:
        assert ledger.mask_text(form) == mask_pii(form), form


def test_the_ledger_id_cell_uses_the_same_masked_form():
    for form in [ID, "6103 2819 9001 0112 34", "6103-2819-9001-0112-34", fullwidth(ID), "\u200b".join(ID)]:
        assert mask_id(form) == mask_pii(ID) == MASKED_ID, form
    assert mask_id("610328900101123") == mask_pii("610328900101123")


def test_policies_never_import_bot_actions_or_rasa():
    for path in sorted((ROOT / "policies").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            for n in names:
                assert n.split(".")[0] not in ("bot", "actions", "rasa", "rasa_sdk"), (path.name, n)


# ------------------------------------------------------------------------------------------------ mask_in
def test_mask_in_masks_every_string_of_a_json_value_and_leaves_the_rest():
    meta = {"phone": "139-1234-5678", "ids": ["6103 2819 9001 0112 34", {"deep": ("０９１７－５２１２３４５",)}],
            MOBILE: "key", "n": 13912345678, "id_number": 610328199001011234, "ts": 1700000000,
            "ms": 1700000000000, "ok": True, "none": None, "f": 3.5, "amount": 5000, "text": "车票680"}
    before = copy.deepcopy(meta)
    out = mask_in(meta)
    assert out == {"phone": MASKED_MOBILE, "ids": [MASKED_ID, {"deep": ["0917-*****45"]}], MASKED_MOBILE: "key",
                   "n": MASKED_MOBILE, "id_number": MASKED_ID, "ts": 1700000000, "ms": 1700000000000, "ok": True,
                   "none": None, "f": 3.5, "amount": 5000, "text": "车票680"}
    assert meta == before                                  # a copy: the request's own value is not changed
    assert mask_in(f"x{MOBILE}") == f"x{MASKED_MOBILE}" and mask_in(5) == 5 and mask_in(None) is None
    assert mask_in((ID, 1)) == (MASKED_ID, 1)


def test_mask_in_copes_with_deep_nesting():
    deep = leaf = []
    for _ in range(20000):
        nxt = [{"v": []}]
        leaf.append(nxt)
        leaf = nxt[0]["v"]
    leaf.append(ID)
    out = mask_in(deep)
    node = out
    for _ in range(20000):
        node = node[0][0]["v"]
    assert node == [MASKED_ID]


# ------------------------------------------------------------------------------------------------ the audit log
def test_the_audit_log_stores_only_masked_numbers(tmp_path, monkeypatch):
    import sqlalchemy as sa

    from actions import audit
    from policies import evaluate

    url = f"sqlite:///{tmp_path / 'audit.db'}"
    monkeypatch.setenv("AUDIT_DB_URL", url)
    audit.reset()
    try:
        results = evaluate({"category": ["脱贫劳动力"], "employed": True}, "千阳县", as_of=dt.date(2026, 11, 22)).results
        assert audit.record(f"rest:{MOBILE}", "rest", "inform", f"千阳县 {fullwidth('139-1234-5678')}",
                            results[:1], dt.date(2026, 11, 22))
        assert audit.flush(10)
        with sa.create_engine(url).connect() as c:
            rows = c.execute(sa.text("select user, place, intent, channel from answer_audit")).fetchall()
    finally:
        audit.reset()
    assert len(rows) == 1
    user, place, intent, channel = rows[0]
    assert place == f"千阳县 {MASKED_MOBILE}"
    assert MOBILE not in flat(" ".join(map(str, rows[0])))


# ------------------------------------------------------------------------------------------------ the ledger report
def test_no_id_or_phone_in_any_form_reaches_the_ledger_report(tmp_path):
    from tests.batch.ledgers import AS_OF, all_text_in_xlsx, detail_records, person, valid_id, write_xlsx

    pid = valid_id("610328", "19900101", "123")
    spaced = " ".join(pid[i:i + 4] for i in range(0, 18, 4))
    rows = [person(户号="H1", 身份证号=spaced, 姓名="张\u200b三",
                   备注=f"电话{fullwidth('139-1234-5678')}，身份证{ZWSP.join(pid)}，座机（0917）5212345"),
            person(户号="H2", 身份证号=fullwidth(pid), 姓名=f"李四{pid[:9]}{ZWSP}{pid[9:]}", 备注="手机139.1234.5678")]
    path = write_xlsx(tmp_path / "台账.xlsx", rows)
    rep = ledger.check_ledger(path, AS_OF)
    ledger.write_xlsx(rep, tmp_path / "r.xlsx")
    ledger.write_html(rep, tmp_path / "c.html")
    files = ledger.write_csv(rep, tmp_path / "r.csv")
    texts = {"xlsx": all_text_in_xlsx(tmp_path / "r.xlsx"), "html": (tmp_path / "c.html").read_text("utf-8"),
             "csv": "".join(f.read_text("utf-8-sig") for f in files)}
    masked_pid = pid[:6] + "********" + pid[-4:]
    for where, text in texts.items():
        f = flat(text)
        for secret in (pid, MOBILE, "5212345"):
            assert secret not in f, (where, secret)
        assert masked_pid in text, where
        if where != "html":          # 备注 (with the phone numbers) is not printed on the household's page
            assert MASKED_MOBILE in text and "0917-*****45" in text, where
    recs = detail_records(tmp_path / "r.xlsx")
    assert [r["身份证号"] for r in recs] == [masked_pid, masked_pid]      # the ID cell: read, checked and masked
    assert not [p for p in rep.problems if p.column == "身份证号"]           # spaced / full-width IDs are IDs


# ------------------------------------------------------------------------------------------------ typical and hostile
# How long masking takes is printed by scripts/bench_security.py (no timing asserted here).
def test_the_masker_masks_10000_typical_messages_and_leaves_the_rest():
    from scripts.bench_security import typical_messages
    corpus = typical_messages()
    masked = [mask_pii(m) for m in corpus]
    changed = [(m, x) for m, x in zip(corpus, masked) if m != x]
    assert changed                                                  # some of them do carry identifiers
    for m, x in changed:
        assert ID not in flat(x) and MOBILE not in flat(x) and "13912345678" not in flat(x), x
        assert MASKED_ID in x or MASKED_MOBILE in x, x
    for m, x in zip(corpus, masked):
        assert mask_pii(x) == x                                     # masking again changes nothing
        if not re.search(r"\d{7}", flat(m)):
            assert x == m, m                                        # no long number: the message as it was


def test_hostile_long_input_is_masked_or_left_as_it_is():
    from scripts.bench_security import HOSTILE
    for name, text in HOSTILE.items():
        out = mask_pii(text)
        assert isinstance(out, str) and mask_pii(out) == out, name
        assert MOBILE not in flat(out), name
    assert mask_pii((MOBILE + " ") * 83).count(MASKED_MOBILE) == 83
    assert len(mask_pii("1" * 1000)) == 1000                        # masked in place, nothing lost or added


# ------------------------------------------------------------------------------------------------ end to end
@pytest.mark.servers
def test_an_id_typed_as_an_answer_is_neither_stored_nor_read_as_a_number(stack):
    """The masked ID 610328********1234 was read as 610328 (新吸纳符合条件人数610328人, 合同期限610328个月)."""
    u = "sec-privacy-id"
    first = " ".join(r.get("text") or "" for r in stack.say(u, "我们是千阳的社区工厂，吸纳脱贫户就业能拿多少补贴"))
    assert "新吸纳符合条件人数" in first, first       # the rate depends on a head-count: a number the ID could fill
    # the ID typed where the numbers go: the count of hires and the contract's length stay unknown
    reply = " ".join(r.get("text") or "" for r in stack.say(u, "是的，认定过，新招的那个身份证 6103 2819 9001 0112 34"))
    tracker = stack.tracker(u)
    stored = json.dumps(tracker, ensure_ascii=False)
    assert ID not in flat(stored) and MASKED_ID in stored
    said = " ".join(e.get("text") or "" for e in tracker["events"] if e.get("event") == "bot")
    slots = json.dumps(tracker["slots"], ensure_ascii=False)
    for where, text in (("reply", reply), ("bot messages", said), ("slots", slots), ("tracker", stored)):
        assert "610328人" not in text and "610328个月" not in text and "610328000元" not in text, where
    for where, text in (("reply", reply), ("bot messages", said), ("slots", slots)):
        assert not re.search(r"610328(?!\*)", text), where        # 610328 only inside the masked ID
    facts = tracker["slots"].get("facts") or {}
    assert "contract_months" not in facts and "new_hires" not in facts, facts
    # (the NLU model's own entity guesses on the masked text, e.g. money "610328", stay in parse_data: fragments
    # that the masked form shows anyway, and never used as a number)
