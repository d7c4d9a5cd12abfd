"""A unit outside a covered place asking for that place's unit money is answered from its own place; the asker and their
spouse both alike ("我跟我堂客都…都去") are two persons of one case: a person's amount counted for both, one of them
corrected to days of their own, another of the family asked after."""
from assistant.extract import extract
from assistant.state import State

from .talk import TODAY, card, ids, say

_HULAN = ("来电人说他在哈尔滨呼兰区开了个养牛合作社，跟绥化兰西县就隔一条河，去年招了4个兰西的建档立卡贫困户，稳定干了一年多了。"
          "他听说绥化那边合作社每吸纳一个贫困户给一千块奖励，问他这4个能不能领4000，上哪领")


def test_a_unit_outside_the_covered_place_is_answered_from_its_own_place():
    e = extract(_HULAN, [], None, TODAY)
    assert e.place == "黑龙江省哈尔滨市呼兰区" and e.place_compared == "黑龙江省绥化市兰西县"
    s = State()
    t = say(s, "ask_employer_subsidy", _HULAN)
    assert ids(t) == []
    text = "\n".join(r.text for r in t.replies)
    assert "只管绥化市的人和单位" in text and "单位在黑龙江省哈尔滨市呼兰区" in text


def test_a_units_people_asking_their_own_money_keep_the_covered_place():
    e = extract("我们是西安的一所技工学校，今年定向招了3个安康白和县的贫困家庭学生读全日制，国家资助政策他们能享受吗", [], None, TODAY)
    assert e.place == "陕西省安康市" and e.facts.get("unit_location") == "外地"


_COUPLE = ("我跟我堂客都是建档立卡贫困户 邵阳新邵的 县里要办个焊工的就业技能培训 我两个都冇上班 都去 培训二十天 听讲培训期间有生活费 "
           "一共能拿好多")


def test_the_asker_and_spouse_alike_are_counted_both():
    e = extract(_COUPLE, [], None, TODAY)
    assert "new_hires" not in e.facts and e.case_groups == [(2.0, {"kin": "您俩"})]
    s = State()
    a = card(say(s, "ask_how_much", _COUPLE), "hn.training_living_allowance").amount
    assert a.value == 800 and a.basis.startswith("2人×")


def test_one_of_the_two_corrected_to_days_of_their_own_then_another_relative():
    s = State()
    say(s, "ask_how_much", _COUPLE)
    a = card(say(s, "correct", "说错了 我堂客中间回屋里带细伢子去了 她只去了十五天"), "hn.training_living_allowance").amount
    assert a.value == 700
    t = say(s, "ask_training_allowance", "那我老弟呢 他也是贫困户 在厂里上班的 厂里搞岗位技能提升培训 他有生活费冇")
    assert card(t, "hn.training_living_allowance").status == "ineligible"
    assert "case_groups" not in s.facts and "group_days" not in s.facts


def test_a_couple_going_to_a_course_hear_both_parts_for_the_two():
    s = State()
    say(s, "ask_loan", "我们两口子都是建档立卡贫困户 汉滨区的 想在镇上合伙开个农家乐 创业贷款能贷多少 利息咋算 我们找不到人担保咋弄")
    a = card(say(s, "ask_training_allowance", "那我俩先都去参加创业培训 培训合格了能给多少钱 农家乐开起来了还有没"),
             "ak.startup_training").amount
    assert a.value == 2400 and any("2人×800元 = 1600元" in x for x in a.steps)


def test_a_couple_of_a_unit_is_no_pair_of_persons():
    e = extract("我们两口子开了个社区工厂 都在厂里管事 今年招了两个脱贫户 签了一年合同", [], "陕西省宝鸡市千阳县", TODAY)
    assert not e.case_groups


def test_hires_named_by_surname_are_groups_by_when_they_came():
    # (set 45) "老李老王是去年六月来的…小刘今年八月才来": 2 past their year, 1 not: the reward for the 2
    e = extract("俺场里雇了屯里三个贫困户 老李老王是去年六月来的 一直干到现在 小刘今年八月才来 俺这算养殖大户 这个有奖励不",
                [], "黑龙江省绥化市望奎县", TODAY)
    assert e.group_months == [(2.0, 18.0), (1.0, 4.0)]
    s = State()
    say(s, "ask_what_can_i_get", "俺是绥化望奎县的建档立卡贫困户，去年五月回屯里办了个养猪场，头一回自己干，办的是个体工商户执照，"
                                 "到现在一直正常开着。能给多少创业补贴？")
    t = say(s, "ask_employer_subsidy", "俺场里雇了屯里三个贫困户 老李老王是去年六月来的 一直干到现在 小刘今年八月才来 俺这算养殖大户 "
                                       "这个有奖励不")
    r = card(t, "sh.startup_poverty_reward")
    assert r.status == "eligible" and r.amount.value == 2000


def test_an_acquaintances_class_is_not_the_askers():
    e = extract("她问为啥不行，她女儿同学家是建档立卡的，说人家就能贷十万还不用出利息", [], "海南省三亚市", TODAY)
    assert e.categories == []
    assert extract("她家是建档立卡的，想贷十万", [], "海南省三亚市", TODAY).categories == ["脱贫劳动力"]


def test_an_internship_said_to_run_to_a_month_to_come_is_counted_to_then():
    e = extract("说错了 娃是七月初就去了 到现在五个月了 单位说让他一直见习到明年四月底 那补贴总共能有多少", [], "陕西省安康市紫阳县", TODAY)
    assert e.facts.get("internship_months") == 10


def test_a_unit_asking_its_peoples_own_money_and_its_own_hears_both():
    # (set 45) "想问下这6个工人自己能领啥补贴，我们厂里又能领啥": the workers' 求职补贴 for the 6 first, the factory's after
    s = State()
    t = say(s, "ask_what_can_i_get", "你好，我们是千杨南寨镇的社区工厂，前年县人社局给认定过的，做手套加工。厂里现在一共18个工人（包括新招的），"
                                     "上个月新招了6个脱贫户，都签了一年的劳动合同。想问下这6个工人自己能领啥补贴，我们厂里又能领啥？")
    got = ids(t)
    assert got[0] == "qy.job_seeking" and card(t, "qy.job_seeking").amount.value == 3000
    assert "qy.community_factory_post" in got


def test_the_one_asked_for_first_named_again_after_the_askers_own_turn():
    # (set 45) "还有俺男人那个求职补贴…" after "那俺自个儿呢…去年腊月进的": his job of last month, not hers of a year ago
    s = State()
    say(s, "ask_job_seeking_subsidy", "俺家是千阳水沟镇的脱贫户，俺男人上个月去宝鸡市里一个物业公司当保安了，签了一年的合同。"
                                      "那个求职补贴俺能替他去办不？能给多少")
    t = say(s, "ask_employer_subsidy", "那俺自个儿呢 俺在村里社区工厂缝衣服 县上认定过的厂子 去年腊月进的 也签了一年合同 "
                                       "厂长说招了俺厂里能拿一千块 这钱是给俺的不")
    assert card(t, "qy.community_factory_post").status == "eligible"
    t = say(s, "nlu_fallback", "还有俺男人那个求职补贴 让俺公公去办中不 俺公公在县城住 不跟俺们一块过")
    assert card(t, "qy.job_seeking").status == "eligible" and s.facts.get("months_since_employment") == 1


def test_nothing_at_all_for_him_is_what_else():
    from policies import normalize as nz
    assert nz.WHAT_ELSE.search("那她老公自己就啥也拿不到吗")


def test_a_small_enterprises_own_loan_asked_beside_the_partners():
    s = State()
    t = say(s, "ask_startup_loan", "我是旬阳的建档立卡贫困户 跟村里另外两个贫困户合伙办了个拐枣加工厂 算劳动密集型的小微企业 现在想贷款扩大生产 "
                                   "我们三个合伙能贷多少 利息要自己出不 要是用厂子的名义贷又能贷多少")
    assert {"ak.startup_loan_partnership", "ak.small_enterprise_loan"} <= set(ids(t))
    assert "贷给企业" in "\n".join(r.text for r in t.replies)


def test_a_groups_start_said_before_then_the_right_one():
    # (set 44) "那个我说今年4月来的，其实是去年4月来的": that group's months, 5 of 邵阳 past their year
    s = State()
    say(s, "ask_employer_subsidy", "我们是长沙的一家连锁超市，陆续招了几个建档立卡贫困户：邵阳来的5个，都签了两年劳动合同、交了社保，"
                                   "其中4个已经干了一年半，1个是今年4月才来的；还有2个是贵州来的建档立卡户，也签了两年合同交了社保，"
                                   "干了一年多。岗位补贴我们一共能拿多少？")
    t = say(s, "correct", "搞错了搞错了，那个我说今年4月来的，其实是去年4月来的，社保一直交着。那现在是多少")
    assert card(t, "hn.post_subsidy").amount.value == 5000


def test_another_class_of_a_school_counts_its_own_poor_trainees():
    # (set 44) "我们还办了一期月嫂就业技能培训，30个学员，25个是建档立卡…另外5个是…一般农户": 25, not the 40 before plus 5
    s = State()
    say(s, "ask_training_subsidy", "我们是紫阳县一家培训学校，去年给建档立卡贫困户办了两期创业培训，一共40个人，35个考核合格，5个不合格。"
                                   "学校这两期能拿多少补贴？")
    t = say(s, "ask_training_subsidy", "还有个事，我们还办了一期月嫂就业技能培训，30个学员，25个是建档立卡贫困户，另外5个是村里的一般农户。"
                                       "这期一人能补多少？")
    assert card(t, "ak.skills_training").amount.value == 45000


def test_two_claimed_for_by_another_company_are_out_of_the_brokers_count():
    # (set 44) "这10个里有2个…那家公司已经领过这俩人的补贴了": 8 of the 10 who stayed
    s = State()
    t = say(s, "ask_agency_subsidy", "来电人是邵阳隆回县的农村劳务经纪人，办了营业执照、正规备案的。他说今年4月组织了本县14个建档立卡贫困户"
                                     "去广东东莞电子厂打工，其中10个一直干到现在七个多月了，4个干了5个月就回来了。这10个里有2个今年年初通过"
                                     "另一家劳务公司去长沙干过，那家公司已经领过这俩人的补贴了。他问他能领多少钱？")
    assert card(t, "hn.job_service_subsidy").amount.value == 1600


def test_a_wifes_grain_company_spoken_of_again_is_an_agricultural_enterprise():
    # (set 44) "今年十月刚注册了一个小公司做杂粮加工" then "他媳妇那个公司要是招了…两个…干满一年": 绥化's reward, ✓
    s = State()
    say(s, "ask_startup_subsidy", "来电人是绥化望奎县的建档立卡贫困户，说他去年四月头一回办了个体户执照，开了个农机修理部，一直正常开着；"
                                  "他媳妇是同一户的，今年十月刚注册了一个小公司做杂粮加工，以前也没创过业。问两口子一次性创业补贴各能领多少。")
    t = say(s, "ask_employer_subsidy", "他又问，他媳妇那个公司要是招了村里两个建档立卡贫困户干活，干满一年，公司能拿钱不？")
    r = card(t, "sh.startup_poverty_reward")
    assert r.status == "eligible" and r.amount.value == 2000


_HOUSEKEEPING = ("我们是绥化海轮市的一家家政培训机构，跟妇联合作办了期巾帼家政月搜培训，40个建档立卡贫困妇女，分两拨上：一拨20人全天"
                 "上了10天，一拨20人半天上了16个半天。机构这期按啥标准拿培训补贴、能拿多少？学员来回路费和吃饭有补贴没？一天多少钱")


def test_a_school_asking_its_own_subsidy_beside_its_trainees_allowances_hears_all_three():
    # (set 44) not the trainees' allowances alone; its words of itself and its course name no free course asked
    s = State()
    got = ids(say(s, "ask_transport", _HOUSEKEEPING))
    assert {"sh.training_subsidy_institution", "sh.training_transport", "sh.training_living_allowance"} <= set(got)


def test_a_business_once_it_runs_is_a_plan():
    e = extract("还有几个学员说学完想自己干，都是头一回创业，有的想开个家政公司，有的想先办个体，开起来能补多少？贷款能贷多少",
                [], "黑龙江省绥化市海伦市", TODAY)
    assert e.facts.get("business_planned") is True


def test_papers_for_both_of_two_children_when_both_are_asked_of():
    # (set 44) "俺跟小的住一块 大的在昆山回不来 俺能替他俩去镇上办不 要带啥": the elder's transport and the younger's 求职补贴
    from assistant.turn import documents_turn
    s = State()
    say(s, "inform", "俺是千阳张家塬的 俺家是脱贫户 俩娃都出去干活了 大的今年三月份去江苏昆山电子厂 签了两年合同 坐车花了三百八 "
                     "小的九月份在俺镇上社区工厂上班 签的一年合同 他俩能领啥补贴 还来得及不")
    t = documents_turn(s, "俺跟小的住一块 大的在昆山回不来 俺能替他俩去镇上办不 要带啥", [], TODAY)
    assert {"qy.cross_province_transport", "qy.job_seeking"} <= set(ids(t))


def test_a_home_said_before_hukou_and_a_place_named_for_its_money():
    # (set 44) "凤翔户口的脱贫户，有没有千阳那个500块的求职补贴", the NLU tagging both: 凤翔 (no document), not 千阳
    t = "那这8个人自己呢，凤翔户口的脱贫户，有没有千阳那个500块的求职补贴"
    i, j = t.index("千阳"), t.index("凤翔")
    nlu = [{"entity": "place", "value": "凤翔", "start": j, "end": j + 2},
           {"entity": "place", "value": "千阳", "start": i, "end": i + 2}]
    assert extract(t, nlu, "陕西省宝鸡市凤翔区", TODAY).place == "陕西省宝鸡市凤翔区"
    assert extract("千阳户口，在宝鸡上班", [], None, TODAY).place == "陕西省宝鸡市千阳县"


def test_a_loan_closed_to_firms_is_no_firms_loan():
    # (海南's loan: borrower_type none_of [小微企业]) a person's loan, worded so; 安康's 小微企业 loan is the firm's
    from policies import default_policies
    from policies.render import unit_borrower
    b = default_policies().benefits
    assert not unit_borrower(b["hi.startup_loan"]) and unit_borrower(b["ak.small_enterprise_loan"])


def test_a_school_asking_its_own_money_and_its_trainees_hears_their_living_money_not_the_free_course_first():
    # (set 26's h26-sh-010 kept while set 44's school was mended) a school naming its 巾帼家政 course asks no free course
    s = State()
    got = ids(say(s, "ask_training", "我们是北林区的定点培训机构，配合妇联搞巾帼家政培训，月嫂班来了22个建档立卡贫困户家的妇女，其中10个上全天、"
                                     "12个家里有活只能上半天。想问：培训补贴按什么标准给我们？学员来回车费和吃饭的钱有没有补助，钱从哪出？"))
    assert {"sh.training_subsidy_institution", "sh.training_transport", "sh.training_living_allowance"} <= set(got)


def test_a_fact_answered_heard_as_a_question_of_a_benefit_just_stated_brings_it_first():
    # (set 45) "有证 上个月刚拿的…头一回考", heard by the NLU as ask_appraisal after 初次职业技能鉴定补贴 was stated beside the
    # school grant: that one first (not every benefit whose condition the fact decides: that broke 12 turns)
    s = State()
    say(s, "ask_school_grant", "俺是五指山的建档立卡户 娃在海南省技师学院读二年级 听说娃上技校一年能补三千 是真的不 还有娃考证是不是也有补贴")
    t = say(s, "ask_appraisal", "有证 上个月刚拿的 中式烹调师 头一回考")
    assert ids(t)[0] == "hi.skill_appraisal"


def test_a_class_denied_after_a_benefit_of_that_class_was_stated_says_that_no_again():
    # (set 45) "她说不是建档立卡，就是低保" after 海南's loan for 建档立卡 people: the loan's no, with why, beside the 1500元
    s = State()
    say(s, "ask_startup_loan", "来电人说她女儿今年6月大学毕业，家里是低保户，想在三亚开个奶茶店，问有啥补贴，能贷多少款")
    t = say(s, "correct", "她说不是建档立卡，就是低保")   # (the NLU hears a correction)
    got = {r.benefit.id: r.status for r in t.decision.stated}
    assert got.get("hi.startup_loan") == "ineligible" and got.get("hi.graduate_startup_subsidy") == "eligible"
