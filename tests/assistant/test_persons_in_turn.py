"""Two persons of a household asked about in turn: an amount of one said before asked why another cannot have it, the
days one came said before the days missed, and the first person named again after the asker asked for themself."""

from assistant.extract import extract
from assistant.state import State
from assistant.turn import documents_turn

from .talk import TODAY, card as _card, say as _say


def test_the_days_come_said_before_the_days_missed_are_the_days():
    ex = extract("我老公是建档立卡贫困户他没上班上个月在县里参加电焊培训报的十五天实际去了十二天有三天屋里有事没去", None, None, TODAY)
    assert ex.facts.get("training_days") == 12


def test_why_another_cannot_have_an_amount_said_before_is_that_benefit():
    s = State()
    _say(s, "ask_school_grant", "俺家是千阳城关的脱贫户 老大在宝鸡一个技工学校念书 今年上一年级 听说技校学生一年给三千 是真的不 "
                                "老二在县职业中专念书 明年毕业 这俩都能拿啥")
    t = _say(s, "ask_training", "那老二念的职业中专不也是学技术的么 他咋就不能也拿那三千")
    assert t.decision.stated[0].benefit.id == "qy.yulu_technical_school"


def test_the_first_person_named_again_after_the_asker_asked_for_herself():
    s = State()
    _say(s, "nlu_fallback", "我是邵阳新邵的我老公是建档立卡贫困户他没上班上个月在县里参加电焊培训报的十五天实际去了十二天"
                            "有三天屋里有事没去听说一天有三十块钱是不是")
    _say(s, "inform", "那我呢 我在县里鞋厂上了两年班了 厂里组织我们搞岗位技能提升培训 我也是贫困户 我有生活费冇")
    t = documents_turn(s, "那我老公那二百四找哪个领 要带么子", [], TODAY)
    assert s.role == "proxy" and s.facts.get("training_days") == 12
    assert "hn.training_living_allowance" in [r.benefit.id for r in t.decision.stated]


def test_a_length_said_wrong_after_the_right_one_is_not_taken():
    ex = extract("来电人更正一下：合同其实只签了八个月，不是一年。这样求职补贴还有没有？", None, None, TODAY)
    assert ex.facts.get("contract_months") == 8


def test_months_corrected_with_no_noun_are_those_said_before():
    s = State()
    _say(s, "ask_internship", "我是安康紫阳县的 我女子是建档立卡贫困户家的大学生 去年毕业一直没找到工作 上个月到县上一家单位见习 "
                              "说要见习七个月 见习补贴一共给多少")
    t = _say(s, "correct", "哦说错了 不是七个月 是四个月 那一共多少")
    assert s.facts.get("internship_months") == 4
    assert _card(t, "ak.internship").amount.value == 4 * 1000


def test_one_who_came_in_a_year_and_left_is_at_the_months_worked():
    ex = extract("来电人是绥化庆安县一个养殖合作社的理事长。社里用了五个建档立卡贫困家庭的劳动力：三个是大前年来的，一直干到现在；"
                 "一个是今年过完年来的；还有一个前年来的，干了八个月就走了。合作社能拿多少奖励", None, None, TODAY)
    assert sorted(ex.group_months) == [(1.0, 8.0), (1.0, 10.0), (3.0, 42.0)]


def test_a_college_said_instead_of_a_technical_school_is_no_technical_school():
    ex = extract("哎说错了，闺女上的不是技师学院，是三亚的一个普通大专。那她还有那个补助吗？", None, None, TODAY)
    assert ex.facts.get("in_technical_school") is False


def test_a_schools_class_named_by_its_trade_is_not_the_free_course_asked_about():
    s = State()
    t = _say(s, "ask_training_allowance", "我们是绥棱县的定点培训机构，今年给建档立卡贫困户办了两期：家政班18人培训8天，"
                                          "食用菌栽培班12人培训4天。想问两件事：一是培训补贴每人给多少；二是学员每天的交通费、"
                                          "生活费补多少？")
    got = [r.benefit.id for r in t.decision.stated]
    assert "sh.training_transport" in got and "sh.training_living_allowance" in got


def test_a_job_in_the_county_industrial_park_is_in_the_county():
    ex = extract("二崽前年五月进的县工业园一个厂 签了三年合同 厂里帮他交了社保", None, None, TODAY)
    assert ex.facts.get("work_scope") == "本县"


def test_a_school_hears_of_the_appraisal_money_its_certified_students_meet():
    s = State()
    t = _say(s, "inform", "我们是五指山的一所技工学校 办了扶贫班 建档立卡家庭的学生一年级14个二年级10个 这学期二年级有9个去考焊工 "
                          "7个拿到了职业资格证书 2个没考过 想问下这些学生能有哪些补助 每年一共多少钱")
    assert "hi.skill_appraisal" in [r.benefit.id for r in t.decision.stated]


def test_a_households_children_and_its_head_are_told_apart():
    from assistant.persons import _segments
    text = ("陈家是建档立卡贫困户。大儿子上个月在县上参加了电工就业技能培训，已经结业了；二女子今年六月安康学院毕业，"
            "现在在县里一家公司见习；他们老汉五十五了，想在屋里开个小卖部，打算先去参加创业培训再贷点款")
    assert [label for label, _ in _segments(text)] == ["大儿子", "二女子", "他们老汉"]
    text = "老王家是脱贫户 他儿子今年七月去广东东莞电子厂上班了 他闺女在宝鸡技师学院读一年级 老王自己在村里扫路 干的公益岗"
    assert [label for label, _ in _segments(text.replace(" ", "，"))][-1] == "老王自己"
    # 湖南's 妹子 beside 大伢子 is the daughter
    text = "大伢子去年国庆节后进了长沙一家公司，签了两年合同，妹子上个月在县里参加电商就业前培训"
    assert [label for label, _ in _segments(text)] == ["大伢子", "妹子"]


def test_a_childs_employers_money_is_said_as_the_employers_beside_the_childs_own():
    s = State()
    t = _say(s, "ask_what_can_i_get", "我是邵阳隆回县的 屋里是建档立卡贫困户 想问下我屋里两个伢子的事 大伢子去年国庆节后进了长沙一家公司 "
                                      "签了两年合同 公司帮他交了社保 一直做到现在 妹子上个月在县里参加电商就业前培训 实际上了八天课 "
                                      "这两个有么子补贴 钱是哪个领")
    text = "\n".join(r.text for r in t.replies)
    assert "大伢子：" in text and "妹子：" in text
    line = next(x for x in text.split("\n") if x.startswith("大伢子："))
    assert "岗位补贴" in line and "钱发给用人单位" in line
    assert "160元" in next(x for x in text.split("\n") if x.startswith("妹子："))


def test_persons_an_officer_names_one_by_one_are_told_apart():
    from assistant.persons import _segments
    text = ("村里三个建档立卡贫困户：龙某今年3月经劳务经纪人介绍去广东东莞的厂里上班；石某去年10月进了县里一家企业，签了两年劳动合同；"
            "吴某上个月参加了县里的育婴员就业前技能培训，实际到课10天")
    assert [label for label, _ in _segments(text)] == ["龙某", "石某", "吴某"]
    text = ("村里老李家是建档立卡贫困户，问四个人：老李媳妇下个月想参加巾帼家政培训；老李儿子在绥化一个技工学校读一年级；"
            "老李本人前年开春就在村里的食用菌合作社干活；老李弟弟今年四月办了个体执照开小超市")
    assert [label for label, _ in _segments(text)] == ["老李媳妇", "老李儿子", "老李本人", "老李弟弟"]
    # a place said as 某村 is nobody
    assert not _segments("湘西花垣县某村的就业信息员问：村里有个贫困户去广东打工了")


def test_a_persons_unit_hears_of_its_money_for_that_one_person():
    s = State()
    t = _say(s, "ask_what_can_i_get", "我是望奎县一个村的就业信息员，村里老李家是建档立卡贫困户，问四个人：老李媳妇下个月想参加县里的"
                                      "巾帼家政培训学月嫂；老李儿子初中毕业在绥化一个技工学校读一年级；老李本人前年开春就在村里的"
                                      "食用菌合作社干活，一直没断；老李弟弟也是贫困户，今年四月头一回办了个体执照开小超市，开到现在。各能享受啥？")
    text = "\n".join(r.text for r in t.replies)
    line = next(x for x in text.split("\n") if x.startswith("老李本人："))
    assert "创业扶贫奖励补贴" in line and "1000元" in line
    assert "5000元" in next(x for x in text.split("\n") if x.startswith("老李弟弟："))
