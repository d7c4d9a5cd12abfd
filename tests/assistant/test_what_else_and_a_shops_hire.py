"""Two parts of one message answered: the benefit named and "还有啥别的补贴不"; a shop owner's hire asked as "能奖点啥不"
is the unit's 创业扶贫奖励补贴, not her loan again."""
from assistant.state import State

from .talk import card, ids, say


def test_the_named_benefit_and_what_else():
    s = State()
    t = say(s, "ask_transport", "俺闺女在深圳打工 上个月刚去的 俺家是千阳县南寨镇的脱贫户 她坐车票钱花了680 听人说有路费补助 "
                                "能给多少 还有啥别的补贴不")
    assert card(t, "qy.cross_province_transport").amount.value == 500
    assert "qy.job_seeking" in ids(t)          # her contract not said yet: the other one she may have


def test_a_shop_owners_hire_is_asked_as_a_reward():
    s = State()
    say(s, "ask_startup_subsidy", "俺对象是绥棱县的贫困户，去年五月在屯里开了个小卖部，办了个体营业执照，一直开着呢。"
                                  "听说有一次性创业补贴，给多少？再想贷点款进货，能贷多少？")
    say(s, "deny", "没有 以前没干过买卖")
    t = say(s, "ask_employer_subsidy", "那店里要是雇了屯里一个建档立卡的 干满一年 能奖点啥不")
    assert ids(t)[0] == "sh.startup_poverty_reward"
    r = card(t, "sh.startup_poverty_reward")
    assert r.status != "ineligible" and r.amount.value == 1000      # (a 个体 shop as a 农民创业主体: the text's 等)
    assert "sh.startup_loan" not in ids(t)


def test_a_business_given_up_and_the_unit_that_hires_her():
    s = State()
    say(s, "ask_startup_subsidy", "俺闺女今年6月大学毕业，俺家是琼中的低保户，也是建档立卡贫困户。她想回来开个奶茶店，创业补贴有多少？"
                                  "贷款能贷多少，利息咋算？")
    t = say(s, "ask_startup_subsidy", "她要是先不开店，去海口找个班上呢？那1500还有没？招她的公司有啥说法？")
    assert s.role == "proxy"                                    # the company that would hire her is not the asker
    assert "business_type" not in s.facts                       # no shop now: the 1500 of a start-up is open
    assert card(t, "hi.graduate_startup_subsidy").status == "unknown"
    assert "hi.social_insurance_refund" in ids(t)               # the unit's money for hiring her
