"""A unit's groups named again by their date or their months, a group re-dated in a correction, a group of its own
said not to be poor, the asker said not to be of the category of those he would hire, a technical school's teacher
asking for its students, and a unit asking of its own money again after asking of its people's."""

from assistant.extract import extract
from assistant.state import State

from .talk import TODAY, card as _card, ids as _ids, say as _say


def test_a_boss_not_poor_himself_who_would_hire_poor_people_gets_no_loan_for_the_poor():
    ex = extract("老板想在白沙开个加工厂带贫困户干活，老板自己不是贫困户，能贷创业担保贷款不", None, None, TODAY)
    assert "脱贫劳动力" in ex.not_categories and "脱贫劳动力" not in ex.categories
    # the people hired said alone are who they are
    assert "脱贫劳动力" in extract("想开个加工厂带贫困户干活，能贷款不", None, None, TODAY).categories


def test_the_boss_not_poor_is_told_no_for_the_loan_of_the_poor():
    s = State()
    _say(s, "ask_employer", "我们是海口的一家物流公司，今年招了6个琼中的建档立卡贫困户，社保都交着，社保能返多少？")
    t = _say(s, "ask_startup_loan", "我们老板还想去琼中开个分厂带贫困户干活，老板自己不是贫困户，他能贷那个10万的创业担保贷款不？")
    assert _card(t, "hi.startup_loan").status == "ineligible"


def test_a_technical_schools_teacher_asks_for_its_students():
    ex = extract("来电人是五指山一所技工学校的老师，说学校在读的建档立卡学生有30个，每个学生一年补多少", None, None, TODAY)
    assert ex.facts.get("in_technical_school") is True
    t = _say(State(), "ask_school_grant", "来电人是五指山一所技工学校的老师，说学校在读的建档立卡学生有30个，每个学生一年补多少")
    assert _card(t, "hi.technical_school").status == "eligible"


def test_a_group_re_dated_in_a_correction_keeps_the_other_groups():
    s = State()
    t = _say(s, "ask_employer", "俺们是兰西县的一个养殖合作社，前年秋天招了4个建档立卡贫困户，去年3月又招了2个，今年5月份又来了3个。"
                                "这几拨人都一直在俺这干着。吸纳贫困户能给啥奖励，一共多少钱？")
    assert _card(t, "sh.startup_poverty_reward").amount.value == 6000       # the 3 of May have not worked a year
    t = _say(s, "correct", "哎说错了，今年5月那3个其实是去年9月来的，俺记岔了。那现在一共多少？")
    assert sorted(tuple(g) for g in s.facts["group_months"]) == [(2.0, 21.0), (3.0, 15.0), (4.0, 26.0)]
    assert _card(t, "sh.startup_poverty_reward").amount.value == 9000


def test_a_group_of_its_own_said_not_poor_is_out_of_the_interns_amount():
    t = _say(State(), "ask_internship", "我们是紫阳县的一家公司，县上认定的就业见习基地。今年接了几个贫困家庭的大学毕业生来见习："
                                        "2个见习了3个月，3个见习了6个月，还有1个家里不是贫困户的见习了4个月。见习补贴总共能给多少？")
    card = _card(t, "ak.internship")
    assert card.amount.value == 24000               # 2 × 3 + 3 × 6 months × 1000元; the one not poor is out
    assert "1人不是建档立卡户" in card.amount.basis


def test_a_group_named_by_its_months_is_not_a_new_time_of_the_interns():
    s = State()
    _say(s, "ask_internship", "我们是汉滨区的见习基地，接了贫困家庭的大学毕业生见习：3个见习了4个月，2个见习了8个月，见习补贴总共多少？")
    _say(s, "ask_internship", "见习8个月那2个我们见习完留下了，签了两年合同，社保也给交着，公司这还有啥补贴没？")
    assert s.facts.get("internship_months") != 8
    assert sorted(tuple(g) for g in s.facts["group_months"]) == [(2.0, 8.0), (3.0, 4.0)]


def test_a_unit_asking_of_its_own_money_again_after_its_interns_own():
    s = State()
    _say(s, "ask_internship", "我们是汉滨区的见习基地，接了贫困家庭的大学毕业生见习：3个见习了4个月，2个见习了8个月，见习补贴总共多少？")
    _say(s, "ask_internship", "这钱是打给公司还是给学生？学生每个月自己能拿多少？")
    assert s.role == "proxy"                        # the interns' own money, asked by the unit
    t = _say(s, "ask_internship", "见习8个月那2个我们见习完留下了，签了两年合同，社保也给交着，公司这还有啥补贴没？")
    assert s.role == "employer"
    assert "ak.social_insurance_subsidy" in _ids(t)[:2]


def test_a_voice_message_of_an_agency_with_one_who_had_it_from_another_keeps_its_counts():
    ex = extract("我是新化县的劳务经纪人有备案的 今年4月份组织了10个建档立卡的去深圳电子厂 有8个一直干到现在 2个干了两个月就回来了 "
                 "6月份又送了4个建档立卡的去长沙工地 都干满6个月了 不过其中1个今年年初已经被别的中介报过一次补贴了 这个服务补贴我能领多少",
                 [], None, TODAY)
    assert ex.facts.get("referred_count") == 14
    assert sorted(ex.group_months) == [(2.0, 2.0), (4.0, 6.0), (8.0, 8.0)]
    assert "applied_months_ago" not in ex.facts     # another agency's claim, not this one's
    t = _say(State(), "ask_employer", "我是新化县的劳务经纪人有备案的 今年4月份组织了10个建档立卡的去深圳电子厂 有8个一直干到现在 "
                                      "2个干了两个月就回来了 6月份又送了4个建档立卡的去长沙工地 都干满6个月了 "
                                      "不过其中1个今年年初已经被别的中介报过一次补贴了 这个服务补贴我能领多少")
    assert _card(t, "hn.job_service_subsidy").amount.value == 2200      # (8 + 4 − 1) × 200元


def test_a_dated_seasonal_group_told_by_its_parts_beside_contract_placements():
    said = ("我们是千阳县城的一家劳务公司，有人社局发的职介许可证。今年9月份免费给10个人介绍进了宝鸡的厂子，都签了一年以上的合同，"
            "10个里头4个是脱贫户，其余6个是普通农民工；7月份还介绍了5个脱贫户去苹果园当季节工，3个干满了4个月，2个干了俩月就回来了。"
            "职介补贴一共能拿多少？")
    ex = extract(said, [], None, TODAY)
    assert sorted(ex.group_months) == [(2.0, 2.0), (3.0, 4.0)]      # the 5 of July are those two parts
    assert ex.facts["referred_count"] == 10 and ex.facts["seasonal_referred_count"] == 5
    assert "qy.job_referral_seasonal" not in ex.counted_not         # the 6 not poor are of the contract placements
    t = _say(State(), "ask_employer", said)
    assert _card(t, "qy.job_referral_seasonal").amount.value == 600  # 3 × 200元


def test_groups_by_the_month_they_came_in_and_a_short_contract_said_right_after_its_count():
    said = ("我们是千阳张家塬镇的社区工厂 县人社局去年就给认定了 今年招脱贫户 四月份进来5个签的一年合同 八月份进来2个签的半年 "
            "十一月份进来3个边缘户签了两年 厂里总共40个人 想问岗位补贴一共能拿多少")
    ex = extract(said, [], None, TODAY)
    assert sorted(ex.group_months) == [(2.0, 4.0), (3.0, 1.0), (5.0, 8.0)]     # each its own month, not the next's
    assert ex.counted_not.get("qy.community_factory_post", [None])[0] == 2
    t = _say(State(), "ask_factory_job", said)
    assert _card(t, "qy.community_factory_post").amount.value == 8000          # (5 + 3) × 1000元


def test_a_correction_of_the_year_and_the_half_year_contracts_moves_those_counted_out():
    s = State()
    _say(s, "ask_factory_job", "我们是千阳草碧镇的社区工厂，去年县上就给认定了。现在厂里一共15个工人：脱贫户7个，里头5个签的一年合同，"
                               "2个签的半年；剩下8个是本村的一般户。岗位补贴能拿多少")
    t = _say(s, "correct", "哦不对，签一年合同的是6个，签半年的就1个。那岗位补贴多少")
    assert _card(t, "qy.community_factory_post").amount.value == 6000


def test_a_units_people_by_category_are_not_each_paid_a_persons_own_one_time_money():
    s = State()
    _say(s, "ask_factory_job", "我们是千阳的社区工厂，县上认定了，今年招了6个脱贫户、2个边缘户，都签了一年合同，厂里一共20个人，岗位补贴多少")
    t = _say(s, "ask_startup_subsidy", "那这几个工人自己能领钱不")
    assert s.topic == "ask_what_can_i_get"          # what its people get themselves, not a start-up question
    for r in t.decision.stated:
        assert "8人×" not in r.amount.text or r.benefit.payee not in ("entrepreneur", "worker")


_TWO_CLASSES = ("俺们是汉阴县的培训定点机构，上个月办了一期SYB创业培训班25个人，里头22个是建档立卡的，考核合格了20个，另外3个不是贫困户；"
                "合格的这20个里已经有5个开了店。还办了一期家政班，16个人都是建档立卡的。这两个班补贴一共能算多少？")


def test_a_schools_two_classes_each_counts_its_own_poor_certified_and_started():
    ex = extract(_TWO_CLASSES, [], None, TODAY)
    assert ex.course_facts["SYB"]["trainee_count"] == 20              # the poor who passed, of the 25
    assert ex.course_facts["SYB"]["started_business_count"] == 5
    assert ex.course_facts["就业技能培训"]["trainee_count"] == 16
    assert "ak.startup_training" not in ex.counted_not                 # the 3 not poor are out of the 22 already
    t = _say(State(), "ask_training", _TWO_CLASSES)
    assert _card(t, "ak.startup_training").amount.value == 28000       # 20 × 1200元 + 5 × 800元


def test_a_correction_of_a_class_part_not_poor_keeps_who_the_rest_are():
    s = State()
    _say(s, "ask_training", _TWO_CLASSES)
    t = _say(s, "correct", "说错了，家政班16个人里有2个不是建档立卡的，是14个。那两个班加起来最多多少？")
    assert "脱贫劳动力" in s.facts["category"]
    assert s.facts["course_facts"]["就业技能培训"]["trainee_count"] == 14
    assert _card(t, "ak.skills_training").status == "eligible"


def test_a_school_asking_of_its_trainees_allowance_the_document_lacks_hears_so_with_its_validity():
    s = State()
    _say(s, "ask_training", _TWO_CLASSES)
    t = _say(s, "ask_training_allowance", "学员上课那些天有没有生活费交通费补助，一天多少？")
    text = "\n".join(r.text for r in t.replies)
    assert "没有" in text and "可能已调整" in text
    assert "暂时没有符合的补贴" not in text and not t.decision.stated


def test_groups_by_where_they_come_from_with_the_date_they_came_after_the_count():
    said = ("来电人是湘西花垣县一家服装厂的人事，说他们县是国家级贫困县。厂里的建档立卡工人：本县的5个去年7月进厂，"
            "怀化来的建档立卡2个去年10月进厂，贵州铜仁来的建档立卡3个去年9月进厂，还有本县的2个建档立卡今年5月才进厂。"
            "都签的3年合同，社保都按时交着。问岗位补贴总共能领多少")
    t = _say(State(), "ask_employer", said)
    card = _card(t, "hn.post_subsidy")
    assert card.amount.value == 9500            # 5 × 1500元 (当地) + 2 × 1000元 (怀化); 铜仁 out; May's 2 short
    assert "3人是外省的" in card.amount.basis


def test_a_group_named_again_after_one_group_only_is_no_crash():
    # (two messages run together: "那两个" names again what only one group was said before)
    t = _say(State(), "ask_what_can_i_get", "他们也是建档立卡的啊，贵州那两个为啥不行？俺是千阳张家塬的 脱贫户 屋里两个娃 "
                                            "老大在宝鸡技师学院念书 老二在咱县职中 这俩娃能享受啥补贴不")
    assert t.replies and t.replies[0].text


def test_a_school_asking_per_head_of_its_own_money_and_its_trainees_allowances_hears_both():
    t = _say(State(), "ask_training_allowance", "我们是海伦市的定点培训机构，今年给贫困劳动力免费办了两期：家政班30人培训10天，"
                                                "木耳栽培班20人培训5天，都是建档立卡贫困劳动力。想问培训补贴按人头每人每天补多少，"
                                                "学员的生活费、交通费怎么算？")
    ids = _ids(t)
    assert "sh.training_subsidy_institution" in ids
    assert "sh.training_living_allowance" in ids and "sh.training_transport" in ids
    assert "sh.free_training" not in ids                # the free course it gave, said of itself, is not asked about


def test_another_unit_asked_about_by_a_school_is_that_units_case():
    s = State()
    _say(s, "ask_training_allowance", "我们是海伦市的定点培训机构，今年给贫困劳动力免费办了一期家政班30人培训10天，"
                                      "都是建档立卡贫困劳动力。培训补贴按人头每人每天补多少？")
    t = _say(s, "ask_factory_job", "还有个事，县里一个扶贫车间想跟我们合作，车间上个月刚招了5个建档立卡的，车间能拿啥补贴？")
    assert s.facts["employer_type"] == "就业帮扶车间" and "training_days" not in s.facts
    text = "\n".join(r.text for r in t.replies)
    assert "创业扶贫奖励补贴" in text and "稳定就业1年以上" in text       # not yet: a month, not a year
    work = [r for r in t.decision.stated if r.benefit.id == "sh.work_for_training"]
    assert not work or work[0].status == "unknown"                # whether it trains them on the job is not said


def test_training_on_the_job_said_in_plain_words():
    for said in ("俺们是边干边教他们技术的", "我们一边干活一边手把手教他们", "招了4个脱贫户跟着学修剪", "老板说给我报了以工代训",
                 "我们社区工厂搞以工代训能补多少"):
        assert extract(said, [], None, TODAY).facts.get("work_for_training_held") is True, said
    assert extract("我们没搞以工代训", [], None, TODAY).facts.get("work_for_training_held") is False


def test_back_to_oneself_with_the_one_asked_for_acting_for_him():
    s = State()
    _say(s, "inform", "俺是千阳草碧的脱贫户 上个月去江苏苏州电子厂上班了签了1年合同 过去的车票花了四百二 能补点啥不")
    _say(s, "inform", "那我媳妇呢 她在县城超市上班 签的半年合同")
    t = _say(s, "ask_documents", "我人在苏州过年才回去 要带啥 能叫我媳妇帮我去交不")
    assert s.facts.get("work_scope") == "跨省"        # his own job again, not hers
    assert "qy.cross_province_transport" in _ids(t) or "跨省就业一次性交通补助" in "\n".join(r.text for r in t.replies)


def test_a_place_said_to_have_what_the_askers_does_not_is_not_home():
    s = State()
    _say(s, "ask_job_seeking", "俺是宝鸡陈仓的脱贫户 上礼拜刚去西安进厂签了一年 听说千阳那边有五百块求职补贴 俺这能领不")
    t = _say(s, "why_not", "那为啥千阳有俺们冇 不都是宝鸡的么")
    assert "千阳" not in (s.place or "")
    assert not any(r.status == "eligible" for r in t.decision.stated)
