"""A unit's head-count named again and told apart (by time, "4个里头有1个…还有1个干了俩月就走了 剩下2个…"; placed again,
"回来的四个里头 有两个…又让俺们介绍去长沙"; left early, "七个里头有两个…干了不到半年就走了"; from another province), a class
certified in part, a month of the year corrected, the first group's "都" beside others on a shorter contract; and the
asker's own words read as meant: a worker asking about the money a unit gets for their own job ("厂里给我交的那个社保钱
能补给我不") stays the worker, an earlier time told apart in a correction ("开春那会…") gives no facts of now, a workshop
of one's own with a licence is a business, "也有这个钱不" asks the money just answered, an agency's money spoken of
beside one's own question is listed as the agency's."""
from assistant.state import State
from .talk import card as _card, ids as _ids, say as _say


def test_a_count_named_again_as_a_whole_is_told_apart_by_time_not_grown_by_one():
    s = State()
    _say(s, "ask_employer_subsidy", "千阳张家塬镇一个农民专业合作社打热线 今年收了4个脱贫户在社里干活 边干边带着学 搞的以工代训 "
                                    "问以工代训一个月补多少 最长几个月 钱打给谁")
    t = _say(s, "nlu_fallback", "问清楚了 4个里头有1个前年在县上别的厂子已经享受过以工代训了 还有1个干了俩月就走了 "
                                "剩下2个一直在 干了8个月了 那合作社最多能报多少")
    c = _card(t, "qy.work_for_training")
    # 2 people × 6 months (the cap) × 600 + 1 × 2 months × 600; the one who had it before is not counted
    assert c.amount.value == 8400
    assert "再加1人" not in "\n".join(r.text for r in t.replies)
    assert s.facts["group_months"] == [[1.0, 2.0], [2.0, 8.0]]


def test_a_worker_asking_about_the_social_insurance_the_factory_pays_for_her_stays_the_worker():
    s = State()
    _say(s, "inform", "我是邵阳县的建档立卡贫困户 在鞋厂上班一年了 签了三年合同 厂里交了社保")
    t = _say(s, "ask_employer_subsidy", "厂里给我交的那个社保钱能补给我不")
    assert s.role == "worker"
    c = _card(t, "hn.social_insurance_subsidy")
    assert c.status == "eligible" and c.benefit.payee == "employer"
    assert "不是发给您个人" in "\n".join(r.text for r in t.replies)


def test_what_if_of_the_askers_own_year_after_a_household_message_answers_the_units_money_for_her():
    s = State()
    _say(s, "ask_job_seeking", "我是邵杨县塘渡口镇的 我们屋里是建档立卡贫困户 我老公大前年八月进了镇上扶贫车间那个鞋厂 签了三年的劳动合同 "
                               "厂里帮他交了社保 一直干到现在 厂里老板讲招我老公一年能领一千五的补贴 那钱我老公有份不 "
                               "我自己今年九月份也进了这个厂 也签了三年合同交了社保 老板能帮我也领不")
    t = _say(s, "ask_employer_subsidy", "那我要是干满一年呢 厂里给我交的那个社保钱能补给我不")
    assert s.role == "worker" and s.topic == "ask_employer_subsidy"
    assert {"hn.post_subsidy", "hn.social_insurance_subsidy"} <= set(_ids(t))
    assert _card(t, "hn.social_insurance_subsidy").status == "eligible"


def test_the_social_insurance_asked_to_be_paid_back_to_a_husband_is_the_units_refund():
    s = State()
    _say(s, "ask_training", "来电人说她是琼中县的建档立卡贫困户 儿子今年头一回考了个中式烹调师的职业资格证 考证的钱能不能补")
    t = _say(s, "inform", "来电人又问 她老公在海口一家物业公司上班 公司给他交了社保 这社保的钱能退给她老公吗")
    assert "hi.social_insurance_refund" in _ids(t)
    assert _card(t, "hi.social_insurance_refund").benefit.payee == "employer"


def test_more_hires_from_another_province_are_counted_and_left_out_of_the_provinces_own_subsidy():
    s = State()
    t = _say(s, "ask_employer_subsidy", "我们是长沙雨花区的一家物流公司 前年十月招了七个湖南本省的建档立卡贫困户 都签了三年劳动合同 "
                                        "五险都交了 一直干到现在 另外还招了两个贵州过来的贫困户 请问岗位补贴我们公司一共能拿多少")
    assert _card(t, "hn.post_subsidy").amount.value == 7000          # 7 × 1000, the 2 from 贵州 not counted
    t = _say(s, "correct", "刚问了人事 说错了 七个里头有两个其实干了不到半年就走了 那还能拿多少")
    c = _card(t, "hn.post_subsidy")
    assert c.amount.value == 5000                                    # both reasons kept, each said
    assert "干了不到6个月就走了" in c.amount.basis + "".join(c.amount.steps) + \
        "\n".join(r.text for r in t.replies)
    assert "外省" in "\n".join(r.text for r in t.replies)


def test_a_class_certified_in_part_counts_those_certified_and_more_shops_later_add_to_those_who_started():
    s = State()
    t = _say(s, "ask_training", "您好 我们是汉阴县一家培训学校 上个月办了一期创业培训班 二十五个学员 其中二十个是建档立卡贫困户 "
                                "五个是普通农户 贫困户里十八个考试合格拿了证 现在已经有七个开了店办了执照 这个补贴按人头能拿多少")
    assert _card(t, "ak.startup_training").amount.value == 18 * 1200 + 7 * 800
    t = _say(s, "nlu_fallback", "那没考过的那两个就一分没有 还有 合格的里头下个月估计还有三个能把店开起来 那又能多拿多少")
    assert _card(t, "ak.startup_training").amount.value == 18 * 1200 + 10 * 800
    assert "多2400元" in "\n".join(r.text for r in t.replies)


def test_some_of_a_short_group_placed_again_count_at_their_new_months_and_one_claimed_elsewhere_is_out():
    s = State()
    _say(s, "nlu_fallback", "俺们是邵阳隆回县的一家人力资源服务公司 有资质的 去年组织了一批建档立卡贫困户去广东东莞进厂 一共十五个人 "
                            "干满六个月的有十一个 另外四个干了两三个月就回来了 这个就业创业服务补贴能拿多少")
    t = _say(s, "ask_referral", "那回来的四个里头 有两个今年三月又让俺们介绍去长沙一个厂 干到现在八个多月了 这俩能算不")
    assert _card(t, "hn.job_service_subsidy").amount.value == 13 * 200
    assert s.facts["employer_type"] == "人力资源服务机构"
    t = _say(s, "ask_referral", "哎 刚查了下 这俩里头有一个今年一月份已经让别的中介介绍过一回 人家那边报过补贴了")
    assert _card(t, "hn.job_service_subsidy").amount.value == 12 * 200


def test_a_month_of_the_year_corrected_moves_that_groups_start_not_another_groups_months():
    s = State()
    _say(s, "ask_referral", "我们是祁东县的人力资源服务公司 手续都齐全 今年三月组织了20个建档立卡贫困户去东莞电子厂 到现在都还在干 "
                            "九月份又送了7个建档立卡的去长沙物流园 这个服务补贴怎么算")
    t = _say(s, "correct", "哦还有 长沙那7个我记错了 是五月中旬送过去的 不是九月 现在一共能报多少")
    assert _card(t, "hn.job_service_subsidy").amount.value == 27 * 200
    assert [20.0, 9.0] in s.facts["group_months"] and [7.0, 7.0] in s.facts["group_months"]


def test_the_first_groups_all_said_is_theirs_beside_ordinary_villagers_on_a_short_contract():
    s = State()
    t = _say(s, "ask_employer_subsidy", "你好 我们是千阳张家塬镇的社区工场 县上认定过的 今年前后招了六个脱贫户 都签的一年劳动合同 "
                                        "另外还有四个本村一般村民签了半年 厂里现在总共二十四个人 这个岗位补贴能给多少")
    c = _card(t, "qy.community_factory_post")
    assert c.status == "eligible" and c.amount.value == 6000
    assert s.facts["contract_months"] == 12


def test_an_earlier_time_told_apart_in_a_correction_gives_no_facts_of_now():
    s = State()
    _say(s, "ask_transport", "俺男人是千阳县张家原镇的拖贫户 今年开春过完年就去江苏昆山一个电子厂上班了 签了两年和同 坐车花了三百六 "
                             "听人说有个求职补贴还能报路费 他一直忙没顾上办 现在还能领不")
    t = _say(s, "ask_documents", "不对 我记错了 开春那会他是在县城工地上打零工 没签和同 去昆山是上个月底才走的 和同也是上个月底签的 "
                                 "那这俩补贴要带啥材料")
    assert s.facts["work_scope"] == "跨省" and s.facts["contract_months"] == 24
    assert s.facts["months_since_employment"] == 1
    assert {"qy.job_seeking", "qy.cross_province_transport"} <= set(_ids(t))


def test_a_workshop_of_ones_own_with_a_licence_is_a_business_for_the_start_up_subsidy():
    s = State()
    _say(s, "ask_employer_subsidy", "俺是千阳崔家头镇的 今年开春在村里老学校办了个缝纫车间 县上给认定成社区工厂了 今年新招了十二个脱贫户 "
                                    "都签了一年和同 社区工厂那个一人一千能拿不")
    t = _say(s, "ask_what_can_i_get", "那俺自个儿呢 俺也是拖贫户 车间的营业直照是今年四月办的 一直开着没停 俺个人能领个啥")
    assert _card(t, "qy.startup_subsidy").status == "eligible"


def test_what_else_asked_by_the_asker_after_a_story_of_several_lists_everything():
    s = State()
    t = _say(s, "ask_startup_subsidy", "俺是蓝西县的贫困户 大前年腊月从广东打工回来就没再出去 今年三月份办了个体执照开了个豆腐坊 "
                                       "头一回干买卖 到现在一直开着 俺家大小子在绥化技师学院念书 俺自己前阵子还参加了乡里的创业培训 俺还能领啥")
    assert s.topic == "ask_what_can_i_get"
    assert {"sh.technical_school", "sh.startup_subsidy", "sh.school_aid_national"} <= set(_ids(t))


def test_the_same_money_asked_for_another_grandchild_is_answered_with_its_no():
    s = State()
    _say(s, "ask_where_apply", "俺是海伦市乡下的 今年七十了 孙子今年初中毕业没考上高中 俺家是建档立卡贫困户 孙子想去念技校 "
                               "听说有补助 一年给多少 上哪儿申请去")
    _say(s, "ask_what_can_i_get", "他那技校要念三年 一共能给多少")
    t = _say(s, "nlu_fallback", "那俺孙女呢 她前年考上哈尔滨的大学了 念的本科 也有这个钱不")
    assert _card(t, "sh.technical_school").status == "ineligible"


def test_an_agencys_money_spoken_of_beside_her_own_question_is_listed_as_the_agencys():
    s = State()
    _say(s, "ask_what_can_i_get", "我是新邵县的建档立卡贫困户 在县城打零工 能领点啥")
    t = _say(s, "nlu_fallback", "那我媳妇呢 她也是建档立卡的 今年五月县里一家正规的劳务公司介绍她到长沙一个酒店搞保洁 做到现在 "
                                "劳务公司讲它能领两百块 是真的不 她自己有么子")
    assert "hn.job_service_subsidy" in _ids(t)
    assert "钱发给人力资源服务机构" in "\n".join(r.text for r in t.replies)
