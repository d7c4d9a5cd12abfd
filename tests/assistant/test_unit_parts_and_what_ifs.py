"""Parts of a unit's people said with their own facts (placements charged for said after the groups, interns named two
at a time, a school's two classes each with its own trainees and those who opened shops), a form of business asked as a
what-if beside the one said, and a county name misread (花恒 for 花垣)."""

from assistant.extract import extract
from assistant.state import State

from assistant.turn import where_turn
from policies import default_gazetteer
from .talk import TODAY, card as _card, ids as _ids, say as _say






def test_placements_charged_for_said_after_the_groups_are_besides_them():
    s = State()
    t = _say(s, "ask_employer", "我们是汉阴县的一家职业介绍所，前年起帮村里登记失业的贫困户找厂子，大部分没收钱。"
                                "签了合同干满一年的有5个；今年四月份才去的有2个；另外还有3个当时收了100块介绍费。"
                                "职业介绍补贴我们能报多少？")
    card = _card(t, "ak.job_referral")
    assert s.facts["referred_count"] == 10          # 5 + 2 + the 3 charged for, not 7
    assert card.amount.value == 1000                # the 5 of a year, free: 5 × 200元
    assert card.status == "eligible"                # the others were free, as said ("大部分没收钱")
    # a correction of the groups by the month they came: the months since then, not "四月" as 4 months
    t = _say(s, "correct", "不好意思说错了，干满一年的是6个，四月份去的是1个")
    assert sorted(tuple(g) for g in s.facts["group_months"]) == [(1.0, 8.0), (6.0, 12.0)]
    assert _card(t, "ak.job_referral").amount.value == 1200


def test_interns_named_two_at_a_time_share_the_months_said_after_them():
    t = _say(State(), "ask_employer", "我们厂在安康市汉滨区，是见习基地，今年带了3个贫困家庭的应届大学生见习：小刘见习了3个月就走了，"
                                      "小陈跟小赵都见习满7个月，见习补贴一共多少？")
    card = _card(t, "ak.internship")
    assert card.amount.value == 15000               # 3 + 6 + 6 months (7 counted at the longest 6) × 1000元


def test_named_interns_words_are_not_taken_for_names():
    ex = extract("大家都见习了6个月，小孩也在", None)
    assert not ex.group_months


def test_a_partnership_asked_as_a_what_if_shows_both_loans_and_keeps_the_one_said():
    s = State()
    t = _say(s, "ask_startup_loan", "我是岚皋的建档立卡户，想回村开个小超市，我一个人干能贷多少？要是跟我弟合伙干呢？")
    ids = _ids(t)
    assert "ak.startup_loan_individual" in ids and "ak.startup_loan_partnership" in ids
    assert ids.index("ak.startup_loan_individual") < ids.index("ak.startup_loan_partnership")
    assert s.facts["business_type"] == "个体工商户" and s.facts["borrower_type"] == "个人"


def test_a_partnership_given_up_is_one_persons_shop_not_the_partnership_named():
    s = State()
    _say(s, "ask_startup_loan", "我是白河的建档立卡户，想跟两个朋友合伙开个农家乐，能贷多少款？")
    t = _say(s, "ask_startup_loan", "那要是不合伙了，我自己单干开个小吃店能贷多少？")
    assert s.facts["business_type"] == "个体工商户" and s.facts["borrower_type"] == "个人"
    assert "ak.startup_loan_individual" in _ids(t)
    assert all(r.status != "eligible" for r in t.decision.stated if r.benefit.id == "ak.startup_loan_partnership")


def test_two_classes_each_count_their_own_trainees_and_those_who_opened_shops():
    s = State()
    t = _say(s, "ask_training", "我们是石泉县的定点培训学校。这期开了两个班：一个家政服务就业技能培训班，建档立卡贫困户18个、"
                                "普通农户5个；一个SYB创业培训班，15个都是建档立卡贫困户，都考试合格拿了证，其中4个已经开了店。"
                                "补贴总共怎么算")
    skills = _card(t, "ak.skills_training")
    startup = _card(t, "ak.startup_training")
    assert skills.amount.value == 32400             # 18 × 不超过1800元 (not the 5 of ordinary farmers, not the SYB class)
    assert startup.amount.value == 21200            # 15 × 1200元 + 4 × 800元
    assert "4人" in startup.amount.basis and "15人" in startup.amount.basis
    assert "business_type" not in s.facts           # the trainees' shops are no business of the school's
    t = _say(s, "correct", "说错了，开了店的是5个不是4个")
    assert _card(t, "ak.startup_training").amount.value == 22000


def test_a_county_misread_by_a_lookalike_character_is_the_county():
    assert extract("我们是花恒县的一个扶贫车间", None).place == default_gazetteer().find_all("花垣县")[0].full_name


def test_groups_by_the_date_before_or_after_their_count_and_one_from_another_province():
    t = _say(State(), "ask_employer", "我们是保靖县的一个就业扶贫车间 做竹编的 车间里建档立卡的有几拨 本村的4个去年9月进来的签了两年合同"
                                      "社保也一直交着 贵州铜仁那边过来的建档立卡3个也一样签合同交社保干了一年多 还有今年6月进来的本乡2个 "
                                      "也签了合同交了社保 岗位补贴能拿多少")
    post = _card(t, "hn.post_subsidy")
    assert post.amount.basis.startswith("4人×")            # the 4 of 15 months; not the 3 of 贵州, nor the 2 of June
    assert "3人是外省" in post.amount.basis and "2人干了6个月" in post.amount.basis


def test_a_count_then_all_of_them_said_with_their_time():
    s = State()
    _say(s, "ask_employer", "我们公司在湘西凤凰县办了个就业扶贫车间做银饰。本村建档立卡贫困户6个，都是去年就来了，到现在干了一年多，"
                            "合同都签了社保也交了；另外2个本村建档立卡的今年8月才来，干了4个月。岗位补贴怎么算")
    assert sorted(tuple(g) for g in s.facts["group_months"]) == [(2.0, 4.0), (6.0, 12.0)]


def test_placements_by_the_time_before_their_count_left_and_stayed():
    s = State()
    t = _say(s, "ask_employer", "我们是新化县一家劳务公司，有许可证。今年二月份组织了12个建档立卡贫困户去广东鞋厂，到现在还在干的9个；"
                                "干了3个月走了的2个；干了一个月就回来的1个。就业创业服务补贴能拿多少")
    assert _card(t, "hn.job_service_subsidy").amount.value == 1800      # the 9 of 10 months × 200元
    assert "contract_months" not in s.facts     # one group's time is nobody's contract
    s = State()
    t = _say(s, "ask_employer", "我是新化的劳务经纪人 办了营业执照 今年二月份组织了12个建档立卡贫困户去广东 到现在还有9个在那干 "
                                "另外3个干了一个月就跑回来了 服务补贴能拿多少")
    assert _card(t, "hn.job_service_subsidy").amount.value == 1800


def test_a_class_by_days_when_the_class_days_are_said_of_the_class_and_a_no_shows_no_total():
    s = State()
    t = _say(s, "ask_training", "我们是祁东的一家培训学校，承接了县里的家政服务员就业技能培训，学员15个都是建档立卡的、还没就业。"
                                "班一共开了10天，12个人天天都到了，另外3个只来了8天。生活费补贴怎么算？")
    assert _card(t, "hn.training_living_allowance").amount.value == 2880       # 12×10×20 + 3×8×20
    t = _say(s, "ask_training", "还有一个班是给已经在厂里上班的建档立卡员工做岗位技能提升的，6个人上了5天，这个也有每天20块生活费吗？")
    card = _card(t, "hn.training_living_allowance")
    assert card.status == "ineligible"
    text = "\n".join(r.text for r in t.replies)
    assert "600元" not in text and "不能领（标准：" in text      # 6×5×20 is no money they get


def test_placements_not_poor_but_migrant_workers_count_for_a_benefit_of_migrant_workers_too():
    s = State()
    t = _say(s, "ask_employer", "我们是千阳县城的劳务派遣公司，许可证执照都有，介绍工作从不收钱。今年介绍了6个脱贫户去咸阳的物流公司，"
                                "合同签的两年；4个脱贫户去果园摘苹果，干了5个月；另外3个不是脱贫户的农民工，进了宝鸡的厂子，"
                                "也签了两年合同。职介补贴一共能拿多少")
    assert _card(t, "qy.job_referral").amount.value == 4500         # 6 + the 3 农民工 (登记失业人员和农民工) × 500元
    assert _card(t, "qy.job_referral_seasonal").amount.value == 800  # the 4 of the orchard × 200元; the 3 are not seasonal


def test_a_wife_who_went_to_the_same_factory_keeps_its_province_and_her_own_fare_without_a_unit():
    s = State()
    _say(s, "ask_what_can_i_get", "俺是千阳张家塬镇的脱贫户 今年三月去浙江宁波的厂里上班了 签了一年合同 火车票花了四百二 能拿啥补贴")
    t = _say(s, "ask_what_can_i_get", "那俺媳妇呢 她也是脱贫户 上个月跟过来进的同一个厂 也签了一年 车票也是420 俺能替她办不")
    card = _card(t, "qy.cross_province_transport")
    assert card.status == "eligible" and card.amount.value == 420


def test_a_factorys_poor_then_their_contracts_and_the_contract_groups_corrected():
    s = State()
    _say(s, "ask_employer", "我们是千阳草碧镇的社区工厂，做电子元件的，去年县上认定了。厂里一共15个工人：脱贫户7个，里头5个签的一年合同，"
                            "2个签的半年；剩下8个是一般户。我们厂能拿哪些补贴")
    assert s.facts["hired_poor_count"] == 7 and s.facts["new_hires"] == 5 and s.facts["contract_months"] == 12
    t = _say(s, "correct", "说错了，签一年合同的是6个，签半年的就1个。这个岗位补贴能补多少")
    assert s.facts["contract_months"] == 12         # the year's contract stands: the half year is one worker's
    assert s.facts["new_hires"] == 6 and s.facts["hired_poor_count"] == 7
    assert _card(t, "qy.community_factory_post").status == "eligible"


def test_a_school_asking_by_what_standard_it_is_paid_gets_its_own_money_beside_the_trainees():
    t = _say(State(), "ask_training", "我们是海伦市的定点培训机构，办了一期家政培训，来了18个建档立卡贫困户家的妇女。培训补贴按啥标准给我们？"
                                      "学员来回的车费和吃饭的钱有没有补助？")
    assert "sh.training_subsidy_institution" in _ids(t)


def test_a_trade_learnt_at_a_technical_schools_class_is_no_training_question():
    t = _say(State(), "ask_technical_school", "俺闺女初中毕业没考上高中，想去三亚技师学院的扶贫班学烹饪，俺们是万宁的建档立卡贫困户，"
                                              "读技校国家都给些啥钱")
    assert "hi.school_aid_national" in _ids(t) and "hi.free_training" not in _ids(t)



def test_a_dialect_what_can_i_get_lists_what_fits_and_what_is_late():
    s = State()
    t = _say(s, "inform", "额是千阳张家塬镇的，脱贫户。额娃今年二月份去浙江宁波厂里咧，签了两年合同，车票一共花了360块。能给补个撒？")
    text = "\n".join(r.text for r in t.replies)
    assert "360元" in text                  # the fare, 跨省
    assert "一次性求职补贴" in text          # and the one it is too late for (6 months since February), with why


def test_a_units_second_question_of_money_per_head_for_those_it_took_on_is_answered():
    t = _say(State(), "ask_startup_loan", "来电人是石泉县一个魔芋合作社的负责人，合作社算劳动密集型小微企业。去年吸纳了6个建档立卡贫困户进社干活，"
                                          "都签了两年合同，合作社给交社保。他问两件事：一是想贷款扩建厂房，最多能贷多少；二是吸纳这6个贫困户，"
                                          "有没有按人头给的奖励或补贴")
    ids = _ids(t)
    assert "ak.small_enterprise_loan" in ids and "ak.social_insurance_subsidy" in ids


def test_never_registered_before_and_planning_to_register_now_is_a_first_business_planned():
    ex = extract("她从来没办过执照 这回想自己注册个小公司搞木耳收购 能给多少", [], "黑龙江省绥化市海伦市", TODAY)
    assert ex.facts.get("business_registered") is not False and "months_since_registration" not in ex.facts
    assert ex.facts["business_planned"] is True


def test_those_who_stayed_said_with_you_after_a_group_placed_on_a_date():
    ex = extract("我们是怀化一家劳务公司，有许可证。今年4月份组织了7个建档立卡贫困劳动力去广东东莞的厂里，有6个一直干到现在，"
                 "1个干了一个月就跑回来了。10月份又送了2个过去。", [], None, TODAY)
    assert sorted(tuple(g) for g in ex.group_months) == [(1.0, 1.0), (2.0, 2.0), (6.0, 8.0)]
    assert ex.facts["referred_count"] == 9


def test_a_correction_that_turns_the_start_up_subsidy_into_a_no_brings_the_loan_left_for_the_shop():
    s = State()
    _say(s, "ask_startup_subsidy", "俺闺女今年从海南师范大学毕业，俺家是儋州的低保户也是建档立卡贫困户，她想回来开个奶茶店，有啥补贴没")
    t = _say(s, "correct", "哦我搞错了 她是前年毕业的 这两年在三亚打工 现在才想回来开店")
    assert _card(t, "hi.graduate_startup_subsidy").status == "ineligible"
    assert "hi.startup_loan" in _ids(t)


def test_a_group_asked_at_a_time_to_come_and_where_is_answered_for_that_group_then_where():
    s = State()
    _say(s, "ask_employer", "我们是怀化一家劳务公司，有许可证。今年4月份组织了7个建档立卡贫困劳动力去广东东莞的厂里，有6个一直干到现在，"
                            "1个干了一个月就跑回来了。10月份又送了2个过去，现在都还在。就业创业服务补贴能拿多少？")
    t = where_turn(s, "那10月份那2个干满半年以后呢？到时候这钱找哪里要？", [], TODAY)     # (taken for a where question)
    assert _card(t, "hn.job_service_subsidy").amount.value == 400     # those 2 at six months × 200元
    assert any("去哪办" in r.text for r in t.replies)


def test_a_school_asking_the_training_subsidy_per_trainee_gets_its_own_and_a_no_shows_no_sum():
    s = State()
    t = _say(s, "ask_training", "我们是绥棱县的一所职业培训学校，在乡下给30个贫困妇女办了8天的家政培训，培训补贴一人多少钱？"
                                "学员来回坐车的钱是不是得我们学校出")
    assert "sh.training_subsidy_institution" in _ids(t)
    s = State()
    _say(s, "ask_training", "俺是邵东的建档立卡户，在县里鞋厂上班，想问培训的事")
    t = _say(s, "ask_training", "厂里安排俺参加了岗位技能提升培训，学了8天，有生活费没得")
    card = _card(t, "hn.training_living_allowance")
    text = "\n".join(r.text for r in t.replies)
    assert card.status == "ineligible" and "160元" not in text       # 20元×8天 is no money had


def test_a_factory_asking_to_claim_as_a_base_hears_the_bases_award_first_and_keeps_its_own():
    s = State()
    _say(s, "ask_employer_subsidy", "我们是千阳县城关镇的社区工厂，县上认定过的，厂里30个人，今年新招了9个脱贫户，都签了一年合同，能补多少")
    t = _say(s, "ask_employer_subsidy", "要是按帮扶基地来算呢 能不能两边都领")
    assert _ids(t)[:2] == ["qy.employment_base_award", "qy.community_factory_post"]
    assert _card(t, "qy.employment_base_award").status == "ineligible"      # 9 hired, not the 10 a base needs
    assert _card(t, "qy.community_factory_post").amount.value == 9000
    text = "\n".join(r.text for r in t.replies)
    assert "只能选一项" in text and "想按就业帮扶基地算（未认定）" in text
    assert s.facts["employer_type"] == "社区工厂"      # what the unit is stays as said


def test_an_agencys_batches_with_month_names_count_the_months_worked_and_its_papers_are_no_business():
    s = State()
    t = _say(s, "ask_employer", "我们是千阳的劳务公司 营业执照和职介许可证都有 今年免费介绍了三批 第一批6个脱贫户九月份进了西安的厂子"
                                "签的一年合同 第二批4个脱贫户六月底去新疆摘棉花 季节工 干到十月底整整4个月 第三批2个脱贫户"
                                "四月份去果园疏果 干了一个多月就回来了 职介补贴一共能拿多少")
    assert _card(t, "qy.job_referral").amount.value == 3000                 # 6 × 500元
    seasonal = _card(t, "qy.job_referral_seasonal")
    assert seasonal.amount.value == 800                                     # the 4 of 4 months × 200元, not the 2
    assert not any(k in s.facts for k in ("business_type", "months_since_registration"))   # its licence, no shop


def test_a_seasonal_group_said_with_about_months_is_no_head_count():
    ex = extract("我们是千阳的劳务公司，免费介绍了两拨：去苏州厂里的10个人，都签了一年合同；去新疆摘棉花的5个人，干了4个来月回来了；还有2个去工地，干了俩月就不干了。",
                 [], "千阳县", TODAY)
    assert ex.facts["referred_count"] == 10 and ex.facts["seasonal_referred_count"] == 5


def test_those_still_at_work_with_their_time_said_after_them_count_that_time_not_the_leavers():
    s = State()
    t = _say(s, "ask_employer", "我们是长沙一家有人力资源服务许可证的公司 今年组织了一批劳务输出 邵阳的建档立卡贫困户10个送到"
                                "深圳的厂子 到现在还在干的有7个都干了九个多月了 另外3个干了一个月就走了 就业创业服务补贴能拿多少")
    card = _card(t, "hn.job_service_subsidy")
    assert card.status == "eligible" and card.amount.value == 1400          # the 7 of 9 months × 200元
    assert "contract_months" not in s.facts                                 # "干了一个月" is no contract


def test_some_of_a_units_people_said_to_be_of_another_category_are_out_of_its_count_and_the_rest_stay():
    s = State()
    _say(s, "ask_employer", "我们是绥化海伦的合作社，吸纳了8个建档立卡贫困户，都干了一年多了，能拿多少")
    t = _say(s, "ask_employer", "说错了，那8个里头有2个是低保户，不是建档立卡的。那能拿多少")
    card = _card(t, "sh.startup_poverty_reward")
    assert card.status == "eligible" and card.amount.value == 6000           # 6 × 1000元
    assert "2人是低保家庭" in "\n".join(r.text for r in t.replies)
    assert s.facts["category"] == ["脱贫劳动力"] and s.facts["new_hires"] == 8


def test_a_school_of_two_classes_asking_what_it_gets_on_its_side_per_head_hears_of_its_own_money():
    s = State()
    t = _say(s, "ask_training", "我们是海伦市的定点培训学校，今年办了两期：一期是家政班，18个贫困妇女，上了8天；一期是木耳栽培，"
                                "12个贫困户，上了4天。想问学校这边按人头每人能拿多少培训补贴？学员的车费、吃饭有没有补")
    assert "sh.training_subsidy_institution" in _ids(t)


def test_interns_groups_put_right_by_their_months_beside_those_kept_on_keep_the_internship_answered():
    s = State()
    t = _say(s, "ask_employer", "我们是汉阴县的一家服装厂，去年接了5个贫困家庭的大学毕业生来见习，2个见习了3个月，3个见习了7个月，"
                                "见习补贴能拿多少")
    assert _card(t, "ak.internship").amount.value == 24000      # 2×3×1000 + 3×6×1000 (6 months at most)
    t = _say(s, "ask_employer", "说反了，见习3个月的是3个，见习7个月的是2个。这7个月的2个我们留下了，签了两年合同，还有啥补贴")
    assert _card(t, "ak.internship").amount.value == 21000      # 3×3×1000 + 2×6×1000
    assert sorted(tuple(g) for g in s.facts["group_months"]) == [(2.0, 7.0), (3.0, 3.0)]


def test_an_agency_saying_some_factory_placements_were_charged_beside_asking_of_their_own_money():
    s = State()
    _say(s, "ask_referral", "我们是千阳一家有许可证的劳务公司，今年免费介绍了：12个进了宝鸡的厂子签了一年合同，8个去新疆摘棉花"
                            "干了4个月。职介补贴能拿多少")
    t = _say(s, "ask_job_seeking", "对了，进厂那12个里头有3个我们收了中介费。这些人自己还能再领500的求职补贴不")
    assert s.role == "proxy"                                              # their money, not the agency's own
    assert _card(t, "qy.job_referral").amount.value == 4500               # 9 free × 500元
    assert _card(t, "qy.job_referral_seasonal").amount.value == 1600      # the 8 seasonal ones, all free
    assert _card(t, "qy.job_seeking").status == "ineligible"
    assert "您本人" not in "\n".join(r.text for r in t.replies)


_FACTORY = ("我们是千阳南寨镇县上认定过的社区工厂，现在一共15个工人，其中4个是脱贫户，都签了一年的劳动合同。"
            "能申请啥补贴？厂房租金一年3万，水电一年1万，这个能补不？")


def test_a_what_if_of_more_hires_is_of_the_facts_as_they_are():
    s = State()
    t = _say(s, "ask_employer_subsidy", _FACTORY)
    assert _card(t, "qy.community_factory_post").amount.value == 4000
    t = _say(s, "ask_employer_subsidy", "那要是下个月再招1个脱贫户进来，也签一年呢？房租水电就能补了吧")
    assert _card(t, "qy.community_factory_post").amount.value == 5000
    # another what-if is of the facts as they are, not on top of the last one
    t = _say(s, "ask_employer_subsidy", "要是招2个呢")
    assert _card(t, "qy.community_factory_post").amount.value == 6000
    assert s.facts.get("hired_poor_count") == 6 and s.facts.get("staff_total") == 17     # 2 more of the poor


def test_the_next_question_after_a_what_if_is_of_the_facts_as_they_are():
    from assistant.turn import documents_turn
    s = State()
    _say(s, "ask_employer_subsidy", _FACTORY)
    _say(s, "ask_employer_subsidy", "那要是下个月再招1个脱贫户进来，也签一年呢")
    t = documents_turn(s, "行吧。岗位补贴啥时候报？找谁报？要准备啥材料？", [], TODAY)
    assert _card(t, "qy.community_factory_post").amount.value == 4000
    assert s.facts.get("new_hires") == 4


def test_a_what_if_kept_for_the_next_question_and_a_factory_that_is_also_a_base():
    s = State()
    _say(s, "ask_employer_subsidy", "俺们是千阳张家塬镇的社区工厂 县上认定过的 今年新招了6个脱贫户、三个低收入户、2个一般户 "
                                    "合同都签的一年 厂里连这些一共24个人 厂子能领多少钱")
    _say(s, "ask_employer_subsidy", "那要是年底前再招3个脱贫户呢 也签一年的")
    t = _say(s, "ask_employer_subsidy", "俺们厂去年也被县上认定成就业帮扶基地了 就按再招3个算 走基地那个是不是更多")
    assert _card(t, "qy.employment_base_award").amount.value == 12 * 2000      # 9 脱贫 and 3 低收入
    assert _card(t, "qy.community_factory_post").amount.value == 9 * 1000      # the 脱贫 alone
