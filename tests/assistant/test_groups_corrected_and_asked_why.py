"""A unit's groups said by where they are from, each with its own contract, then corrected by group ("签8个月的是南寨
那4个") and asked why one is left out ("南寨那4个为啥不给") beside another question; the unit's costs said after a group
("另外厂房租金一年4万") are the unit's, not the group's."""

from assistant.state import State
from .talk import card as _card, say as _say

_UNIT = ("你好 我们是张家塬镇的社区工厂 前年县上认定过的 做手套加工 现在总共27个工人 去年新招的脱贫户有三拨 "
         "张家塬本村的6个签了两年合同 崔家头镇过来的3个签的8个月 南寨镇的4个签了一年 吸纳脱贫户那个一次性岗位补贴能拿多少 "
         "另外厂房租金一年4万 水电一年1万2 这个能补不")


def _text(t):
    return "\n".join(r.text for r in t.replies)


def test_the_units_rent_after_a_group_clause_adds_to_its_utilities():
    s = State()
    t = _say(s, "ask_employer_subsidy", _UNIT)
    assert s.facts["rent_utilities_cost"] == 52000
    assert _card(t, "qy.community_factory_rent").status == "eligible"
    assert "26000元" in _text(t)                      # (40000元 + 12000元) × 50%
    assert "1万元" in _text(t) and "3人只签了8个月" in _text(t)


def test_the_short_contract_said_again_of_another_group_moves_the_people_out():
    s = State()
    _say(s, "ask_employer_subsidy", _UNIT)
    t = _say(s, "correct", "哦不对 说错了 签8个月的是南寨那4个 崔家头那3个签的是一年半 那现在岗位补贴一共多少")
    text = _text(t)
    assert "9000元" in text and "4人只签了8个月" in text
    assert s.facts["new_hires"] == 13 and s.facts["contract_months"] == 12   # the others' contract as it was


def test_a_group_asked_why_is_said_out_with_its_reason_and_the_other_question_answered():
    s = State()
    _say(s, "ask_employer_subsidy", _UNIT)
    _say(s, "correct", "哦不对 说错了 签8个月的是南寨那4个 崔家头那3个签的是一年半 那现在岗位补贴一共多少")
    t = _say(s, "ask_employer_subsidy", "南寨那4个为啥不给 人家也是脱贫户啊？还有这13个人进厂我们都搞了以工代训 带了4个月 "
                                        "其中张家塬有2个前些年在别的合作社已经享受过以工代训了 这个能补多少")
    text = _text(t)
    assert text.startswith("南寨那4人只签了8个月，不算") and "一年" in text.split("\n")[0]
    assert "26400元" in text                         # 11 × 4 months × 600元
    assert s.facts["new_hires"] == 13                 # "南寨那4个" names a group; it is not a new count
    assert any(r.benefit.id == "qy.community_factory_post" and r.status == "ineligible" for r in t.decision.stated)


def test_a_province_said_as_not_gone_to_is_no_home_and_the_trip_stays_answered():
    s = State()
    _say(s, "ask_training", "来电人说他是湘西花园县的建档立卡贫困户 上礼拜刚在长沙一个培训学校学完电焊 学了二十天 问有没有生活补贴 "
                            "还有他准备去广东打工 路费能报不")
    t = _say(s, "ask_transport", "他还问 要是不去广东了 就留在长沙打工 那个路费还有没有")
    assert s.place.startswith("湖南省")
    assert "暂未收录" not in _text(t)
    assert _card(t, "hn.transport_subsidy").status == "eligible"      # 湘西 to 长沙: another city of the province


def test_a_spouse_and_a_daughter_each_asked_in_a_sentence_of_their_own_are_two_persons():
    s = State()
    t = _say(s, "ask_training", "俺是兰西县的，家里是建档立卡贫困户。俺对象今年52了，在家没活干，听说县里有免费培训，还给交通费"
                                "生活费，一天给多少钱啊？俺闺女今年初中毕业没考上高中，想去念技校，念技校能给补多少钱？")
    text = _text(t)
    assert "您对象：" in text and "您闺女：" in text
    assert any(r.benefit.id == "sh.technical_school" for r in t.decision.stated)
    assert s.facts.get("age") != 52                   # the spouse's age is the spouse's


def test_a_schools_years_asked_in_all_give_the_yearly_grant_times_the_years_and_the_other_part_is_said():
    s = State()
    _say(s, "ask_training", "俺是兰西县的，家里是建档立卡贫困户。俺对象今年52了，在家没活干，听说县里有免费培训，还给交通费"
                            "生活费，一天给多少钱啊？俺闺女今年初中毕业没考上高中，想去念技校，念技校能给补多少钱？")
    t = _say(s, "ask_job_seeking", "那闺女要是念三年，总共能补多少？念完出来找活还有没有补贴？")
    text = _text(t)
    assert "9000元（每年3000元×3年）" in text
    assert "问的求职补贴" in text and "没有写" in text


def test_hainans_words_for_an_elder_son_and_a_younger_daughter_make_two_persons():
    s = State()
    t = _say(s, "ask_what_can_i_get", "阿妈问下 我家在五止山 是建档立卡户 家里也吃低保 大仔在海口读技师学院 小妹今年大学刚毕业 "
                                      "她想自己开个奶茶店 有什么补贴嘛")
    assert s.place.endswith("五指山市")
    text = _text(t)
    assert "大仔：" in text and "小妹：" in text
    daughter = text.split("小妹：")[1].split("\n")[0]
    assert "创业补贴" in daughter and "技工" not in daughter    # her brother's school is not hers


_ROUNDS = ("你好 我们是崔家头镇的社区工厂 去年县上就给认定了 做手套加工的 今年一共招了三拨人 第一拨7个脱贫户 都签的一年合同 "
           "第二拨三个也是脱贫户 不过只签了半年 第三拨是镇上的八个普通户 现在厂里总共十八个人 想问下岗位补贴一共能拿多少")


def test_rounds_of_hires_each_with_its_category_and_contract():
    s = State()
    t = _say(s, "ask_employer_subsidy", _ROUNDS)
    assert s.facts["new_hires"] == 10 and s.facts["contract_months"] == 12    # the ordinary round in no count
    assert "months_employed" not in s.facts            # "只签了半年" is a contract, not time at work
    assert "7000元" in _text(t) and "3人只签了6个月" in _text(t)


def test_a_rounds_count_corrected_keeps_the_short_contract_round_out():
    s = State()
    _say(s, "ask_employer_subsidy", _ROUNDS)
    t = _say(s, "correct", "哦说错了 签一年的那拨是6个不是7个 普通户是9个 总数还是十八个 那现在岗位补贴多少")
    assert "6000元" in _text(t) and "3人只签了6个月" in _text(t)
    assert s.facts["new_hires"] == 9


def test_an_agencys_people_who_stayed_a_year_and_the_rest_then_fewer_stayed():
    s = State()
    t = _say(s, "ask_referral", "我们是汉宾区一家人力资源服务公司 有执照 前年免费给十五个登记了失业的贫困户介绍到企业上班 "
                                      "都签了劳动合同 干满一年的有十一个 另外四个干几个月就走了 能补多少")
    assert "2200元" in _text(t)                        # 11 × 200元; the 4 who left are out
    t = _say(s, "correct", "说错了 干满一年的是九个 有两个干了十个月就回家了")
    assert "1800元" in _text(t) and "其余6人未干满一年" in _text(t)


def test_the_fares_said_again_in_all_after_a_correction_are_the_trips_cost():
    s = State()
    _say(s, "ask_transport", "千杨县张家塬的 脱贫户 今年过完年三月初去的浙江宁波 在电子厂上班 合同签的一年 车票花了三百八 "
                             "以前啥补贴也没领过 这个路费能报不")
    assert s.facts["transport_cost"] == 380
    t = _say(s, "correct", "哦说错了 三百八是火车票 到了宁波站又坐大巴又打车到厂里 加一起六百二 票都留着呢")
    assert s.facts["transport_cost"] == 620
    assert _card(t, "qy.cross_province_transport").amount.value == 500       # capped at 500元


def test_the_models_hundreds_take_the_digit_after_them():
    from assistant.extract import extract
    said = "车票花了三百八 能报不"
    at = said.index("三百")
    ex = extract(said, [{"entity": "money", "start": at, "end": at + 2, "value": "三百"}])
    assert ex.facts["transport_cost"] == 380


def test_a_licence_dated_again_is_not_dated_by_the_rent_said_after_it():
    s = State()
    _say(s, "ask_startup", "俺是海伦的 建档立卡贫困户 头一回整买卖 去年八月在镇上开了个小超市 办的个体执照 一直开着呢 能有啥补贴不")
    assert s.facts["months_since_registration"] == 16
    t = _say(s, "correct", "哎呀说错了 执照是今年八月才办下来的 去年八月是刚租的房子 那还能给不")
    assert s.facts["months_since_registration"] == 4
    assert "再正常经营2个月满6个月" in _text(t)


_COOP = ("我们是兰西县的一个食用菌合作社 前年开春招了6个建档立卡贫困户 一直干到现在 今年四月份又来了4个建档立卡的 "
         "还有3个屯里的普通户 这吸纳贫困户的奖励补贴能给多少")


def test_a_group_named_by_the_date_it_came_leaves_the_units_time_as_it_was():
    s = State()
    _say(s, "ask_employer_subsidy", _COOP)
    months = s.facts["months_employed"]
    t = _say(s, "ask_employer_subsidy", "那四月来的那4个 我们一边干活一边手把手教他们种黑木耳 这算不算以工代训 能给多少钱")
    assert s.facts["months_employed"] == months and s.facts["new_hires"] == 10
    assert not any(r.text.startswith("好的，") for r in t.replies)


def test_a_group_reaching_its_year_by_a_date_gets_the_benefit_that_waits_for_it():
    s = State()
    _say(s, "ask_employer_subsidy", _COOP)
    _say(s, "ask_employer_subsidy", "那四月来的那4个 我们一边干活一边手把手教他们种黑木耳 这算不算以工代训 能给多少钱")
    t = _say(s, "ask_how_to_apply", "那4个到明年四月就满一年了 到时候是不是就能报了 一共能拿多少 找哪个部门报")
    text = _text(t)
    assert text.startswith("那4人现在干了约8个月，按文件要满12个月才算，还差4个月")
    assert _card(t, "sh.startup_poverty_reward").amount.value == 4000


def test_interns_in_batches_each_with_its_months_and_a_batch_corrected():
    s = State()
    t = _say(s, "ask_internship", "我们是汉阴县一家做富硒茶的企业 是见习基地 今年七月来了两批见习的 一批3个 都是建档立卡贫困家庭的"
                                  "大学毕业生 见习协议签了八个月 到明年二月 另一批2个 也是贫困家庭的大专毕业生 见习四个月 "
                                  "十月底已经结束了 见习补贴能拿多少")
    assert _card(t, "ak.internship").amount.value == 26000        # 3 × 6 (of 8) months + 2 × 4 months, 1000元 each
    t = _say(s, "correct", "不好意思说错了 第一批是4个人 有一个是八月份才来的 也是签到明年二月")
    assert _card(t, "ak.internship").amount.value == 32000
    assert s.facts["intern_count"] == 6


_BATCHES = ("你好，我们是安康汉阴县的一家食品加工厂，属于劳动密集型小微企业。今年接收了几批贫困家庭的高校毕业生来见习：第一批4个，"
            "见习满6个月；第二批2个，见习3个月后表现好我们就正式聘用了；还有1个小伙子在我们这见习了8个月。另外我们还招了10个"
            "建档立卡贫困户进厂，签的两年劳动合同，都给交了社保。请问见习补贴一共能拿多少？社保这块有没有补贴？")


def test_one_more_intern_after_the_batches_is_a_group_and_the_hires_stay_hires():
    s = State()
    t = _say(s, "ask_internship", _BATCHES)
    assert _card(t, "ak.internship").amount.value == 36000
    assert s.facts["intern_count"] == 7 and s.facts["hired_poor_count"] == 10


def test_a_batchs_months_corrected_and_the_months_past_the_longest_asked_keep_the_rest_paid():
    s = State()
    _say(s, "ask_internship", _BATCHES)
    t = _say(s, "correct", "见习了8个月那个小伙子，后面2个月为啥不算？另外说错了，第二批正式聘用那2个其实是见习了4个月才转正的，"
                           "不是3个月。重新算算见习补贴一共多少")
    card = _card(t, "ak.internship")
    assert card.amount.value == 38000 and card.status == "eligible"
    assert "超过的月份不补" in _text(t)


def test_a_benefit_pointed_at_by_its_daily_rate_is_the_question_for_another_person():
    s = State()
    _say(s, "ask_transport", "我是怀化溆浦的建档立卡户 今年过完年去浙江义乌厂里做事 九月份厂里冇得活了就回来咯 出去那回的路费有冇得补贴咯 补好多")
    _say(s, "ask_training", "那我下个月想去县里搞的挖己培训 学开挖机 二十天 有么子补贴啵")
    t = _say(s, "ask_what_can_i_get", "我老表不是建档立卡的 他跟我一起去学 他有冇得那二十块一天")
    assert t.decision.stated[0].benefit.id == "hn.training_living_allowance"
    assert t.decision.stated[0].status == "ineligible"
    assert "爱心单位" not in _text(t)                    # not a unit's awards for a worker's cousin


def test_a_persons_age_corrected_rules_out_their_own_benefit_said_before_beside_the_new_question():
    s = State()
    _say(s, "ask_internship", "俺是紫阳县的贫困户，问俺两个娃。大娃24了，在安康技师学院全日制念书，学校说他岁数超了享受不了资助，"
                              "是不是真的？二女子去年大专毕业，在县上一家公司见习，都见习8个月了，公司说人社给见习补贴，"
                              "这钱是给她的还是给公司的？")
    assert "ak.technical_school_age" in s.last_benefits      # his own line is of the last answer
    t = _say(s, "correct", "哎说错了，大娃今年都26了，不是24，我把他跟他表哥记混了。那他还能享受不？要是他不念了，"
                           "出去参加个技能培训，能补多少？")
    text = _text(t)
    assert text.startswith("按您改的情况，技工院校贫困家庭子女享受国家资助政策年龄放宽不符合了")
    assert _card(t, "ak.skills_training").status == "eligible"


def test_a_cousin_who_did_not_go_to_the_training_has_no_certificate():
    from assistant.extract import extract
    assert extract("俺表哥没去培训 他也能拿那个一千二不", None).facts.get("training_certificate") is False
    assert extract("他没参加过创业培训", None).facts.get("training_certificate") is False
    assert extract("培训班也合格了", None).facts.get("training_certificate") is True


def test_some_of_a_group_named_by_place_came_later_and_the_units_question_stays():
    s = State()
    _say(s, "ask_employer_subsidy", "我们是长沙县星沙的一个电子厂 去年三月份招了一批建档立卡贫困户 邵阳隆回的8个 湘西保靖的5个 "
                                    "还有贵州铜仁的4个 都签了两年合同 社保也都给交了 到现在都还在厂里 岗位补贴能拿多少")
    t = _say(s, "ask_job_seeking", "哦对了 邵阳那8个里头 有3个是今年五月份才进厂的 不是去年三月 那现在能拿多少")
    assert s.facts["group_months"] == [[14.0, 21.0], [3.0, 7.0]]         # "五月份" is a month of the year
    card = _card(t, "hn.post_subsidy")
    assert card.amount.value == 10000                  # 17 - 4 of another province - 3 short of the year


def test_a_daughter_and_the_asker_themself_are_two_persons():
    s = State()
    _say(s, "ask_school_grant", "孩子他爹问一下，俺家是绥化兰西县农村的建档立卡贫困户，大小子在哈尔滨的技师学院念二年级，二小子今年"
                                "刚上绥化的技工学校。听说念技校有补助，一年能给多少？俩孩子都能给不？")
    t = _say(s, "ask_school_grant", "俺闺女在县里念普通高中，她有没有这个补助？还有俺自己想参加那个养殖技术培训，要花钱不，给不给路费啥的？")
    text = _text(t)
    # (the asker's own line: "要花钱不" asks whether the course is free, so the free course may come first)
    mine = next(ln for ln in text.splitlines() if ln.startswith("您："))
    assert "您闺女：✗技工教育补助" in text and "✓参加培训交通费补助" in mine


def test_a_loan_typed_by_its_sound_is_a_loan():
    from policies import normalize as nz
    assert nz.heard_as("能代多少款？想代款开店 代表") == "能贷多少款？想贷款开店 代表"
    s = State()
    t = _say(s, "ask_startup", "我是琼中的，家里是低保户也是建档立卡贫困户，今年六月份大学刚毕业，想回村里搞个民宿，能代多少款？有没有创业补贴？")
    assert _card(t, "hi.startup_loan").status == "eligible"


def test_support_asked_for_a_shop_to_come_names_the_startup_loan_too():
    s = State()
    _say(s, "ask_school_grant", "俺家是兰西县农村的建档立卡户，俺家大小子在绥化技师学院念技工，二闺女在县一中念高二，俺们家这俩孩子念书能有啥补助不？")
    t = _say(s, "ask_startup_subsidy", "那俺自个儿寻思等开春在屯里开个小卖店，个体户那种，能给点啥扶持不")
    ids = [r.benefit.id for r in t.decision.stated]
    assert "sh.startup_subsidy" in ids and "sh.startup_loan" in ids
