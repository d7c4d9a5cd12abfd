"""A masked number is never read as a number: "610328********1234" (a masked 身份证号) once became
"新吸纳符合条件人数610328人". Through the real fact extraction (assistant/extract.py) and the real actions."""
import pytest

from bot.privacy import mask_pii
from policies import normalize as nz

from assistant.extract import extract

ID = "610328199001011234"
MASKED = ["610328********1234", "610328********123X", "610328*****1123", "139****5678", "+86 139****5678",
          "0917-*****45", "029-******66", "***************0128", "***2345"]


@pytest.mark.parametrize("masked", MASKED)
@pytest.mark.parametrize("template", ["{}", "身份证{}", "新吸纳了{}人", "招了{}个", "干了{}个月", "签了{}年合同",
                                      "车票{}元", "车票{}", "培训了{}天", "{}岁"])
def test_no_number_is_read_from_a_masked_number(template, masked):
    ex = extract(template.format(masked), [])
    assert ex.numbers == [] and not {k: v for k, v in ex.facts.items() if isinstance(v, float)}, ex


@pytest.mark.parametrize("template, fact", [("新吸纳了{}人", "new_hires"), ("干了{}个月", "months_employed"),
                                            ("签了{}年合同", "contract_months"), ("车票{}元", "transport_cost")])
def test_the_same_sentence_with_a_plain_number_still_gives_the_fact(template, fact):
    assert extract(template.format("3"), []).facts.get(fact) in (3, 36)


def test_nlu_entities_inside_a_masked_number_are_ignored():
    text = "新吸纳了610328********1234人"
    ents = [{"entity": "count", "value": "610328", "start": 4, "end": 10},
            {"entity": "money", "value": "1234", "start": 18, "end": 22}]
    ex = extract(text, ents)
    assert "new_hires" not in ex.facts and ex.numbers == []


def test_numbers_next_to_a_masked_number_are_still_read():
    ex = extract("身份证610328********1234，新吸纳了3人，车票680元", [])
    assert ex.facts.get("new_hires") == 3 and ex.facts.get("transport_cost") == 680


def test_markdown_bold_is_not_a_masked_number():
    assert extract("干了**12个月**", []).facts.get("months_employed") == 12


def test_the_parsers_refuse_masked_digits():
    for t in ["139****5678", "****45", "12***", "610328********1234"]:
        assert nz.parse_count(t) is None and nz.parse_money(t) is None and nz.parse_duration_months(t) is None
        assert nz.parse_days(t) is None


def test_an_id_given_as_the_answer_to_a_count_question_is_not_the_count(convo):
    convo.say("ask_employer_subsidy", "我们是千阳的社区工厂，吸纳脱贫户就业能拿多少补贴")
    convo.slots["pending_fact"] = "new_hires"      # the bot asked: 单位新吸纳了几名符合条件的人员？
    reply = convo.say("inform", mask_pii(ID))          # the channel masks it before the actions see it
    assert "new_hires" not in convo.slots["facts"]
    assert "610328人" not in reply and "610328" not in reply.replace("610328********", "")
    # the answer to the question is still taken when it is a number
    convo.slots["pending_fact"] = "new_hires"
    convo.say("inform", "3个")
    assert convo.slots["facts"]["new_hires"] == 3


def test_an_id_given_as_the_contract_length_is_not_a_duration(convo):
    convo.say("ask_employer_subsidy", "我们是千阳的社区工厂，吸纳脱贫户就业能拿多少补贴")
    convo.say("affirm", "是的，认定过")
    convo.slots["pending_fact"] = "contract_months"    # the bot asked: 劳动合同（或就业协议）签的是多长时间？
    reply = convo.say("inform", mask_pii("身份证 6103 2819 9001 0112 34"))
    assert "contract_months" not in convo.slots["facts"] and "610328个月" not in reply
