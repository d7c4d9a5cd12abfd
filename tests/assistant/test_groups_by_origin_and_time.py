"""A unit's people said in groups: by where they are from ("邵阳的4个、怀化的2个、贵州铜仁的1个", those of another province
out of a benefit for the province's own 建档立卡), by time ("6个一直干到现在…1个干了半年就走了；今年五月份又来了2个"), and one
group at a time to come ("等她俩干满一年了"): each counted by its own facts."""

from assistant.state import State
from .talk import TODAY, card as _card, say as _say






def _first_amount(text, bid):
    """The amount of a benefit in the answer to a unit's first message."""
    return _card(_say(State(), "ask_employer", text), bid).amount.value


def test_people_counted_by_origin_leave_out_another_provinces_and_the_one_who_left():
    s = State()
    t = _say(s, "ask_employer", "您好，我们是长沙县一家电子厂。去年3月招了一批建档立卡贫困户：邵阳的4个、怀化的2个、贵州铜仁的1个，"
                                "都签了两年劳动合同、厂里给交了社保，到现在一直在岗。另外还有一个邵阳的建档立卡的干了10个月就走了。"
                                "请问岗位补贴和社保补贴我们厂能拿多少？")
    post = _card(t, "hn.post_subsidy")
    assert post.status == "eligible"
    assert post.amount.value == 6000        # 6 of 湖南 at 1000元 a year: not the one of 贵州, not the one who left
    assert "外省" in post.amount.basis and "10个月" in post.amount.basis
    assert _card(t, "hn.social_insurance_subsidy").status == "eligible"     # 21 months at work since 去年3月


def test_a_count_by_origin_already_read_as_a_whole_is_left_to_it():
    assert _first_amount("来电人说她是湘潭一个就业扶贫基地的人事，基地招了20个建档立卡贫困劳动力，其中湖南本省的16个、江西的4个。"
                         "本省16个里12个签了两年合同、在岗满一年、社保都交了，另外4个才来半年。问岗位补贴怎么算。",
                         "hn.post_subsidy") == 12000


def test_groups_that_stayed_left_and_came_later_each_have_their_months():
    s = State()
    t = _say(s, "ask_employer", "俺们是兰西县的一个扶贫车间，做亚麻手工编织的。前年开春招了7个建档立卡贫困户，6个一直干到现在，"
                                "干两年多了，1个干了半年就走了；今年五月份又来了2个建档立卡的。俺们车间能拿啥奖励，一共多少钱")
    reward = _card(t, "sh.startup_poverty_reward")
    assert reward.amount.value == 6000      # the 6 who stayed two years; not the one of half a year, nor the 2 of May
    assert sorted(tuple(g) for g in s.facts["group_months"]) == [(1.0, 6.0), (2.0, 7.0), (6.0, 33.0)]
    # the 2 of May at a year to come: they count then, the one who left still does not
    t = _say(s, "ask_employer", "那今年五月来那俩，等她俩干满一年了，那一千块还给不")
    assert _card(t, "sh.startup_poverty_reward").amount.value == 8000
    assert s.facts["months_employed"] == 33     # everyone's time is not the 12 months of those two


def test_wechat_spaces_between_clauses_part_the_groups_and_short_contracts_are_out():
    s = State()
    t = _say(s, "ask_employer", "我们是千阳崔家头镇的社区工厂 县上去年就给认定了 做服装加工的 厂里连我一共12个人 今年招了7个脱贫户 "
                                "3月份来的4个签的一年合同 9月份来的3个只签了半年 想问下这岗位补贴一共能给多少")
    post = _card(t, "qy.community_factory_post")
    assert post.amount.value == 4000        # not 26000 (12+7+4+3), nor 7000: the 3 on half a year are out
    assert s.facts["staff_total"] == 12 and s.facts["new_hires"] == 7
    # those three to sign a year's contract: counted again
    t = _say(s, "inform", "那9月来的那3个 要是下个月跟他们重新签成一年的合同呢")
    assert _card(t, "qy.community_factory_post").amount.value == 7000


def test_word_by_word_voice_spaces_are_not_clauses():
    from assistant.extract import extract
    e = extract("那个 我是郴州的 建档立卡户 参加了 那个 就业前的 技能培训 培训了 十五天 每天都去了的", [], None, TODAY)
    assert e.facts.get("training_days") == 15


def test_the_whole_staff_said_after_the_hires_parts_is_the_staff():
    s = State()
    t = _say(s, "ask_employer", "我们是千阳张家塬镇的社区工厂 县上已经给认定过了 今年一共招了九个脱贫户 七个签的一年合同 两个签的半年 "
                                "厂里连他们一共二十一个工人 厂房租金一年六万 水电费一年一万二 这些能补多少")
    assert s.facts["staff_total"] == 21
    assert _card(t, "qy.community_factory_rent").status == "eligible"      # 9 of 21 is at least a third
    assert _card(t, "qy.community_factory_post").amount.value == 7000
    t = _say(s, "inform", "那签半年那俩 下个月要是跟他俩续签成一年的呢")
    assert _card(t, "qy.community_factory_post").amount.value == 9000


def test_more_people_from_another_province_are_counted_out_and_asked_about_on_their_own():
    s = State()
    t = _say(s, "ask_employer", "我们是湘西花垣县的食品加工厂，花垣是国家级贫困县。前年9月招了本县的建档立卡贫困户6个，其中2个干了不到半年"
                                "就走了，剩下4个一直干到现在；去年3月又招了本县的4个，也都还在。这些人都签了三年劳动合同、单位给交了社保。"
                                "另外还有两个贵州松桃过来的贫困户，也干了一年多。岗位补贴一年能拿多少？")
    assert s.facts["home_province"] == "本省"
    # 8 at 1500元: not the 2 of 贵州, not the 2 who left before half a year
    assert _card(t, "hn.post_subsidy").amount.value == 12000
    t = _say(s, "ask_employer", "那贵州来的那两个呢 他们也干满一年多了 单位交的社保能不能补点")
    assert _card(t, "hn.social_insurance_subsidy").status == "ineligible"
    assert "贵州" in t.replies[0].text
    # the unit's own facts stay: its 8 again
    t = _say(s, "ask_employer", "那本县那8个的社保补贴呢，能补几年，按啥补")
    assert _card(t, "hn.social_insurance_subsidy").status == "eligible"
    assert _card(t, "hn.post_subsidy").amount.value == 12000


def test_those_come_later_are_their_own_group_and_one_not_poor_of_a_group_is_out():
    s = State()
    t = _say(s, "ask_employer", "俺们是旺奎县的种植合作社，去年开春用了6个建档立卡贫困户在社里干活，到现在有4个一直干着，都一年半多了，"
                                "另外2个是今年五月份才来的。这能有啥奖励补贴？")
    assert _card(t, "sh.startup_poverty_reward").amount.value == 4000     # not 2000: the 2 came later, they did not leave
    t = _say(s, "inform", "哦对了，那干了一年半的4个里头有1个后来村里说他不是建档立卡的，是边缘户，那这个咋算")
    assert _card(t, "sh.startup_poverty_reward").amount.value == 3000
    assert s.facts["category"] == ["脱贫劳动力"]       # the one's 边缘户 is not who the unit's people are


def test_a_contract_said_of_all_after_the_unregistered_counts_the_registered():
    assert _first_amount("你好 我们是安康汉滨区的一家人力资源公司 去年三四月份免费给介绍了12个贫困户进厂 其中8个之前在人社那边"
                         "做过失业登记 另外4个没登记过 都跟厂里签了两年的劳动合同 到现在都干满一年多了 这个介绍补贴我们公司能拿多少",
                         "ak.job_referral") == 1600


def test_placements_said_batch_by_batch_and_a_batch_asked_when_it_will_count():
    s = State()
    t = _say(s, "ask_employer", "我们是邵阳隆回的人力资源公司 手续都齐的 今年组织了三批人去东莞进厂 第一批3月初走的12个人其中建档立卡的8个 "
                                "到现在建档立卡的还剩5个在厂里 走了的3个都是干了一两个月就跑了 第二批5月初走的10个里建档立卡6个 6个都还在 "
                                "第三批9月中旬走的7个全是建档立卡 也都在 这个介绍的补贴能拿多少")
    # the 建档立卡 still there 6 months and more: 5 of March and 6 of May; not the 3 who left, nor the 7 of September
    assert _card(t, "hn.job_service_subsidy").amount.value == 2200
    t = _say(s, "ask_where", "那9月份走的那7个呢 要等到啥时候才能报")
    assert "还差3个月" in t.replies[0].text and "已到期" in t.replies[0].text
    assert _card(t, "hn.job_service_subsidy").amount.value == 1400
    assert len(s.facts["group_months"]) == 4      # the unit's groups stay as said


def test_hires_on_a_short_contract_beside_the_others_count_for_work_for_training():
    s = State()
    t = _say(s, "ask_employer", "我们是千阳张家塬镇的社区工厂，做手套加工的，去年县人社局已经给认定了。今年新招了10个脱贫劳动力，8个签了"
                                "一年合同，2个只签了半年。厂里连这些人一共24个工人。我们能拿哪些补贴？")
    assert _card(t, "qy.community_factory_post").amount.value == 8000     # a year's contract: 8
    assert _card(t, "qy.work_for_training").amount.value == 36000         # 以工代训 asks no year's contract: all 10


def test_the_one_come_later_asked_when_it_counts_hears_the_year_to_go():
    s = State()
    _say(s, "ask_employer", "我们是绥棱县一家种植专业合作社，前年开春招了4个建档立卡贫困户在社里干活，其中3个一直干到现在，两年多了；"
                            "还有1个是今年七月份才来的。想问合作社能领啥奖励，一共多少钱？")
    t = _say(s, "ask_where", "那七月来的那个，啥时候能给算上？")
    assert "满12个月才算" in t.replies[0].text and "已到期" in t.replies[0].text
    reward = _card(t, "sh.startup_poverty_reward")
    assert reward.status == "eligible" and reward.amount.value == 1000
    assert s.facts["new_hires"] == 4 and len(s.facts["group_months"]) == 2
