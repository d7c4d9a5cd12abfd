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


def test_money_asked_beside_another_question_before_a_place_in_a_class():
    s = State()
    t = say(s, "ask_school_grant", "我孙子在三亚技师学院读书家里是五指山的建档立卡贫困户一年能补多少钱他还考了个电工证考证的钱能补不")
    assert {"hi.technical_school", "hi.school_aid_national", "hi.skill_appraisal"} <= set(ids(t))
    assert "hi.poverty_class" not in ids(t)        # a place in a class is no money: it gives way


def test_a_cousin_at_the_same_factory_on_the_same_terms_and_her_share_of_the_units_money():
    s = State()
    say(s, "ask_what_can_i_get", "我是湘西花垣县的建档立卡贫困户 去年三月份到长沙一个电子厂上班 签了两年合同 厂里给交了五险 我自己能拿啥补贴")
    say(s, "ask_employer_subsidy", "那厂里呢 招我这样的厂里能拿啥")
    t = say(s, "nlu_fallback", "我表妹也在这个厂 也是建档立卡的 今年四月份进的 合同社保跟我一样 厂里说她那份还报不了 为啥？"
                               "要是她再干四个月呢")
    assert s.facts["contract_months"] == 24 and s.facts["insurance_paid"] is True     # the asker's terms are hers
    assert s.facts["months_employed"] == 8                                            # April to December, not 4
    post = card(t, "hn.post_subsidy")
    assert post.status == "ineligible" and "再干4个月满12个月就可以申请" in "\n".join(r.text for r in t.replies)
    assert ids(t)[:2] == ["hn.post_subsidy", "hn.social_insurance_subsidy"]          # the unit's money, for her


def test_a_relatives_own_money_is_asked_for_them():
    from assistant.understand import role_of
    text = "劳务公司的人说 没收我哥钱 他们要给我哥报那个职业介绍补贴 那我哥自己那个五百的求职补贴 这两个能一起拿不"
    assert role_of("ask_job_referral", text, None) == "proxy"       # his 500, not the asker's ("钱发给劳动者本人")


def test_a_correction_that_some_of_the_hires_left_early_keeps_the_others():
    s = State()
    say(s, "ask_employer_subsidy", "我们是长沙望城区的一家电子厂，去年招了6个邵阳来的建档立卡贫困户，都签了两年合同，社保也给交了，"
                                   "到现在都干满一年了，厂里能拿啥，一个人多少")
    t = say(s, "correct", "说错了，有两个干了八个月就走了")
    assert s.facts["new_hires"] == 6 and s.facts["contract_months"] == 24     # the six and their contracts stand
    r = card(t, "hn.post_subsidy")
    assert r.status == "eligible" and r.amount.value == 4000                  # 4 × 1000元; the two left out
