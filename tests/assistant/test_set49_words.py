"""Held-out set 49's words: an agency's people by where they went and how long they stayed, a group named by its place
in a why-not, two jobs in a year, rounds of hires by contract, capital digits, a unit moved."""
from assistant.extract import extract
from assistant.state import State
from policies.normalize import plain_digits

from .talk import TODAY, card, say


def _text(t):
    return "\n".join(r.text for r in t.replies)


_SENT = ("他说2019年一共送出去二十三个：去广东东莞的十五个，去长沙本省厂子的八个。干满半年的有十九个，另外四个两三个月就回来了。"
         "能拿多少？这些人自己的路费能补不？")


def test_an_agencys_people_by_where_they_went_and_how_long_they_stayed():
    e = extract(_SENT, [], "湖南省怀化市", TODAY)
    assert e.place is None                       # 东莞 and 长沙 are where they were sent, not a home
    assert e.facts["referred_count"] == 23 and not e.more_people
    assert sorted(e.group_months) == [(4.0, 3.0), (19.0, 6.0)]
    assert e.facts["months_since_employment"] >= 80     # placed in 2019, not half a year ago
    s = State()
    say(s, "ask_referral", "来电的是怀化一家劳务公司的负责人，有人力资源服务许可证。他问：公司组织建档立卡贫困户出去打工，每成功介绍一个，"
                           "政府补多少钱？")
    t = say(s, None, _SENT)
    assert s.place == "湖南省怀化市"
    assert card(t, "hn.job_service_subsidy").amount.value == 3800      # the amount asked, beside the fares
    assert card(t, "hn.transport_subsidy")
    t = say(s, "correct", "他改口了，说干满半年的不是十九个，是二十一个，只有俩没满。那是多少")
    assert card(t, "hn.job_service_subsidy").amount.value == 4200


def test_a_group_named_by_its_place_in_a_why_not_is_no_place_of_the_asker():
    e = extract("吉林那仨为啥不行？海伦那五个又不是北林的，算不算？", [], "黑龙江省绥化市北林区", TODAY)
    assert e.place is None and not e.place_corrected


def test_two_jobs_in_a_year_the_later_ones_contract_decides():
    e = extract("俺是千阳水沟镇的脱贫户 今年端午过了去江苏苏州电子厂干了三个月 没签合同算临时工 去的时候火车票加汽车票一共花了三百八十块"
                "票都留着 国庆过完回来进了俺村的社区工厂缝手套 签了一年合同 这两头能补啥钱 各补多少", [], None, TODAY)
    assert e.facts["contract_months"] == 12 and not e.facts.get("seasonal_job")


_MOVED = ("你好，俺们是千阳的一个社区工厂，县人社局认定过的。原来在南寨镇叫“红枫扶贫车间”，今年三月搬到城关镇了，名字也改成“红枫社区工厂”。"
          "前年招了肆个脱贫劳动力，签的两年合同；去年国庆后又招了仨，签的半年合同。厂里一共十二个工人，场地房租一年两万四，水电一年六千来块。"
          "想问下这些人能给厂里补多少钱")


def test_rounds_of_hires_by_contract_in_capital_digits_and_a_unit_moved():
    assert plain_digits(_MOVED).count("四个") == 1 and "陆续" in plain_digits("陆续招了贰拾个")
    e = extract(plain_digits(_MOVED), [], None, TODAY)
    assert e.place.endswith("城关镇")
    s = State()
    t = say(s, "ask_factory_job", plain_digits(_MOVED))
    assert card(t, "qy.community_factory_post").amount.value == 4000
    t = say(s, "correct", "哦不对不对，我刚翻了下合同，去年那仨签的也是一年的，不是半年。那现在一共是多少")
    assert card(t, "qy.community_factory_post").amount.value == 7000


def test_a_seasonal_group_said_by_three():
    e = extract("今年8月份我们一共送出去十六个脱贫户：八个去宝鸡市区的厂子，签的一年合同；五个去江苏昆山，签的两年；"
                "还有仨去新疆摘棉花，干了四个月回来了。这一共能拿多少", [], "陕西省宝鸡市千阳县", TODAY)
    assert e.facts["referred_count"] == 13 and e.facts["seasonal_referred_count"] == 3


def test_a_covered_place_named_in_a_why_not_by_one_from_elsewhere_keeps_the_asker_where_he_is():
    s = State()
    say(s, "ask_startup_subsidy", "俺是齐齐哈尔拜泉的贫困户 今年开春办了个体执照开了个农机修理铺 到现在八个多月了 "
                                  "听说绥化那边头一回开个体的给五千块 俺这能给不")
    t = say(s, "ask_what_can_i_get", "为啥不中 都是黑龙江的 俺们离明水也不远 绥化能给俺们咋就不能给")
    assert "齐齐哈尔" in s.place and not t.decision.stated
