"""A household's members told apart (two children, one at work and one at school; a spouse and a child) and named
again later by their word (大伢, 俺男人); a unit's people corrected in part (some not 建档立卡, a group named by its
place with new months, a group named again by its description), a business running since a time said, and a yearly
amount asked for more years than its limit."""

from assistant.state import State
from .talk import card as _card, ids as _ids, say as _say


def test_a_familys_two_children_are_not_a_units_hires_and_each_gets_their_own():
    s = State()
    t = _say(s, "inform", "俺们是千杨的脱贫户 屋里俩娃 老大今年四月份去浙江宁波厂里上班了 合同签了两年 坐车连高铁带大巴"
                          "花了620 老二在宝鸡技师学院念书 念二年级了 这俩娃都能领点啥")
    assert "new_hires" not in s.facts                # "俩娃" are children, not a unit's people
    text = "\n".join(r.text for r in t.replies)
    assert "老大：" in text and "老二：" in text
    eldest = text.split("老大：")[1].split("\n")[0]
    assert "✓跨省就业一次性交通补助：500元" in eldest
    assert "✗一次性求职补贴（已超过申请期限：须在就业后6个月内申请" in eldest       # April to December: past the 6 months
    t = _say(s, "ask_job_seeking", "老大那个求职补贴咋就不行了 他合同签的两年 比一年还多呢")
    assert _card(t, "qy.job_seeking").status == "ineligible"


def test_children_at_school_are_still_counted_for_a_school_grant():
    s = State()
    t = _say(s, "ask_school_grant", "俺家两个孩子都在技工学校念书，大的念二年级，小的今年刚上，俺家是绥棱建档立卡的，一年能补多少钱？")
    assert "每年6000元" in "\n".join(r.text for r in t.replies)


def test_the_elder_son_named_again_is_answered_on_his_own_case_not_his_brothers_course():
    s = State()
    t = _say(s, "ask_school_grant", "我屋里是恒阳县的建档立卡贫困户 两个伢子 大伢在县里工业园的厂里做事 合同签了的 "
                                    "细伢子今年十七岁 初中毕业冇读高中 想去读技校 大伢能领么子补贴啵 细伢子读技校有冇得补贴咯")
    assert s.place.endswith("衡阳县")                # 恒阳 by its sound
    text = "\n".join(r.text for r in t.replies)
    elder = text.split("大伢：")[1].split("\n")[0]
    assert elder.startswith("✗转移就业交通补助") and "本县" in elder   # not the unemployment help he does not need
    _say(s, "ask_training", "要是细伢子不读技校咯 去县里参加22天的厨师培训 有么子钱啵")
    t = _say(s, "inform", "那大伢明年过完年要是去广东东莞打工咧")
    assert _ids(t)[0] == "hn.transport_subsidy"
    assert _card(t, "hn.transport_subsidy").status == "eligible"
    assert "training_days" not in s.facts            # his brother's course is not his


def test_a_spouse_and_a_child_are_told_apart_and_the_spouse_named_again_gets_his_training():
    s = State()
    t = _say(s, "ask_internship", "我帮我屋里两个人问一下 俺男人今年45 建档立卡的 想去学电焊 有多少补贴 还有俺女子去年"
                                  "六月份大专毕业的 在安康城里一个公司见习 到现在见习了八个月了 她见习有补贴没")
    text = "\n".join(r.text for r in t.replies)
    assert "您男人：✓就业技能培训职业培训补贴" in text
    t = _say(s, "ask_training", "俺男人那个培训的钱 是打给他本人还是给培训学校 学费要他先垫不")
    assert _card(t, "ak.skills_training").status == "eligible"


def test_some_of_a_units_hires_not_jiandang_are_out_and_the_rest_named_again_stay_counted():
    s = State()
    _say(s, "ask_employer_subsidy", "来电的是海口一家物业公司的人事，说公司今年招了5个建档立卡贫困户当保洁，公司给他们交社保，"
                                    "单位那部分每人每月大概700块，问社保能返多少、返几年。")
    t = _say(s, "correct", "他说搞错了，5个里面有2个不是建档立卡的，是一般的低保户，那现在能返多少？")
    assert s.facts["category"] == ["脱贫劳动力"]      # the 2's 低保户 is theirs, not the unit's people's
    assert _card(t, "hi.social_insurance_refund").amount.value == 3 * 8400
    t = _say(s, "ask_employer_subsidy", "公司问这3个人打算一直用下去，社保能不能返五年？为啥不行？")
    r = _card(t, "hi.social_insurance_refund")
    assert r.status == "eligible"
    assert r.amount.value == 3 * 3 * 8400            # the 3 of them, for the 3 years the text allows
    assert "第4年、第5年没有" in r.amount.basis


def test_a_business_running_since_a_time_said_before_has_run_that_long():
    s = State()
    t = _say(s, "ask_startup_subsidy", "俺是旺奎县的贫困户 前年秋天从外地打工回屯子 头一回干买卖 开了个粮食收购点 办的个体执照 "
                                       "一直干到现在 听说有创业补贴 能给多少钱 上哪整去")
    assert s.facts["months_since_registration"] >= 24
    r = _card(t, "sh.startup_subsidy")
    assert r.status == "eligible" and r.amount.value == 5000


def test_a_group_named_again_by_its_description_has_its_own_months():
    s = State()
    _say(s, "ask_employer_subsidy", "来电人是兰西县一个种植合作社的理事长，说社里用了7个建档立卡贫困户，5个是前年开春就来的，"
                                    "一直干到现在，另外2个是今年八月份才来的，问合作社能拿什么补贴。")
    _say(s, "ask_employer_subsidy", "他又说那两个新来的是边干边教，算以工代训，这个能补多少钱？")
    assert s.facts["months_employed"] == 4           # the two of August, not the five of two years
    t = _say(s, "inform", "他问那两个跟合作社签的都是三年的合同，为啥奖励补贴不算他俩？")
    assert _card(t, "sh.startup_poverty_reward").status == "ineligible"


def test_a_poor_county_units_people_by_origin_and_one_group_corrected_to_fewer_months():
    s = State()
    t = _say(s, "ask_employer_subsidy", "您好，我们是湘西花垣县的一家农产品加工企业，花垣是国家级贫困县。前年招了13个建档立卡"
                                        "贫困劳动力：花垣本县的6个，邵阳来的4个，贵州松桃过来的3个。合同都签的3年，社保都按时交了，"
                                        "人到现在都干了一年多。岗位补贴一年能拿多少？钱找哪里要？")
    assert _card(t, "hn.post_subsidy").amount.value == 6 * 1500 + 4 * 1000     # 贵州's 3 are out
    t = _say(s, "ask_employer_subsidy", "那社保补贴呢？我们给这些人交的养老、医疗、失业三项，单位那部分每人每月大概800块。")
    assert _card(t, "hn.social_insurance_subsidy").amount.value == 10 * 9600
    t = _say(s, "correct", "不好意思我搞错了，邵阳那4个不是前年来的，是今年五月份才进厂的，其他没变。那两项分别是多少？")
    assert _card(t, "hn.post_subsidy").amount.value == 6 * 1500                # 邵阳's 4: 7 months, short of 12
    assert _card(t, "hn.social_insurance_subsidy").amount.value == 6 * 9600


def test_a_child_at_a_vocational_school_graduating_next_year_gets_the_job_search_grant():
    t = _say(State(), "ask_what_can_i_get", "俺是千阳张家塬的 脱贫户 屋里两个娃 老大在宝鸡技师学院念书 老二在咱县职中 明年六月毕业 "
                                            "毕了业想出去找工作 这俩娃能享受啥补贴不")
    text = "\n".join(r.text for r in t.replies)
    assert "老二：✓求职创业补贴：每人1000元" in text          # 职中 is a 中职 (职业中专)


def test_two_children_and_a_wife_named_after_them_are_three_persons():
    t = _say(State(), "ask_what_can_i_get", "我屋里是岚皋县的，建档立卡贫困户。大女子今年高考没考上，想学门手艺；二娃子今年24岁，"
                                            "在安康技师学院读全日制；我婆娘想去学个月嫂。这三个人都能享受啥子政策？要不要交钱")
    lines = {ln.split("：")[0]: ln for ln in "\n".join(r.text for r in t.replies).split("\n") if "：" in ln}
    assert "就业技能培训职业培训补贴" in lines["大女子"] and "就业技能培训职业培训补贴" in lines["您婆娘"]
    assert "年龄放宽" in lines["二娃子"] and "就业技能培训职业培训补贴" not in lines["二娃子"]


def test_a_son_at_a_technical_school_and_a_daughter_in_business_are_told_apart():
    t = _say(State(), "ask_what_can_i_get", "俺家在海伦市农村，是建档立卡贫困户。儿子在绥化技师学院读第二年，有没有补助？闺女前年回村"
                                            "开了个网店，办的个体户执照，一直干着呢，这是她头一回创业，能不能拿一次性创业补贴？")
    lines = {ln.split("：")[0]: ln for ln in "\n".join(r.text for r in t.replies).split("\n") if "：" in ln}
    assert "技工教育补助" in lines["儿子"] and "国家助学金" in lines["儿子"]
    assert "一次性创业补贴" in lines["闺女"] and "技工" not in lines["闺女"]


def test_the_end_of_a_month_counts_the_whole_months_since_it():
    import datetime as dt

    from policies import normalize as nz
    today = dt.date(2026, 12, 4)
    assert nz.dates_in("今年七月底回屯里开了个小卖店", today)[0][2] == 4      # 7-28 to 12-04: four whole months
    assert nz.dates_in("今年七月回屯里开了个小卖店", today)[0][2] == 5        # the month alone: as before
    assert nz.dates_in("去年十二月底", today)[0][2] == 11


def test_the_wife_asked_about_after_her_husbands_business_gets_the_same_question_with_her_licence():
    s = State()
    _say(s, "ask_startup_subsidy", "俺是海轮市的建档立卡贫困户 前些年一直在哈尔滨工地干活 去年五月份回来在屯里开了个小超市 个体户 "
                                   "营业执照就是去年五月办的 头一回干买卖 到现在一直开着呢 能给多少创业补贴 还能贷多少款")
    # (the words "干了四个来月" drew a factory job's intent from the NLU: the question is still the one asked)
    t = _say(s, "ask_factory_job", "那俺媳妇呢 她前年也办过个照在集上卖衣服 干了四个来月就黄了 她那个能领不")
    assert s.facts.get("operating_normally") is False       # 个照 is her licence, 黄了 its end
    assert _card(t, "sh.startup_subsidy").status == "ineligible"


def test_a_son_and_his_father_each_asked_about_are_two_persons_said_back_as_yours():
    t = _say(State(), "ask_what_can_i_get", "你好 我家在随化海伦市 是建档立卡户 儿子在读技工学校 我对象八个月前在镇上办了执照开了个"
                                            "小超市 个体的 不过他三年前也办过执照开过烧烤店 后来黄了。儿子和他爸各能领啥补贴")
    lines = {ln.split("：")[0]: ln for ln in "\n".join(r.text for r in t.replies).split("\n") if "：" in ln}
    assert "技工教育补助" in lines["儿子"]
    assert lines["您对象"].startswith("您对象：✗一次性创业补贴")      # not his first business


def test_a_rate_per_hire_heard_of_by_a_worker_is_the_units_and_not_for_a_factory_in_another_province():
    t = _say(State(), "ask_transport", "来电人说他是湘西州花垣县的建档立卡贫困户，2019年3月经县里组织去浙江宁波一个厂打工，听说"
                                       "跨省务工有交通补贴。他还说听人讲厂里招贫困户一个人有1500块，问这笔钱是不是应该给他本人。")
    post = _card(t, "hn.post_subsidy")             # "招贫困户一个人有1500块" names it by its rate
    assert post.benefit.payee == "employer" and post.status == "ineligible"    # a 浙江 factory: not 湖南's fund
    assert _card(t, "hn.transport_subsidy").status == "eligible"


def test_a_worker_at_a_workshop_at_home_is_told_the_transport_subsidy_is_not_for_him():
    s = State()
    _say(s, "ask_post_subsidy", "我儿子是桑植县的建档立卡贫困户 我们桑植是贫困县 他在村里的就业扶贫车间上班一年多了 签了合同 "
                                "车间给他交了社保 听说政府有个岗位补贴一年1500 这钱是不是该发给我儿子 车间老板一直没给他")
    t = _say(s, "ask_what_can_i_get", "那我儿子自己能拿点啥子")
    text = "\n".join(r.text for r in t.replies)
    assert "✗转移就业交通补助" in text and "本县" in text
    assert _card(t, "hn.transport_subsidy").status == "ineligible"


def test_groups_hired_one_after_another_are_all_new_hires_and_the_short_contract_is_out():
    t = _say(State(), "ask_employer_subsidy", "我们是千阳县人社部门认定的社区工厂，做服装加工的，现在一共30个员工。今年3月份招了4个"
                                              "脱贫户，签的一年合同；7月又招了2个脱贫户，只签了半年；9月招了3个边缘户，签的两年。"
                                              "除了这些，厂里没有别的脱贫户了。一次性岗位补贴能拿多少？房租水电能补不？")
    r = _card(t, "qy.community_factory_post")
    assert r.amount.value == 7000                    # 4 + 3; "又招了2个…只签了半年" are out, not the whole count


def test_a_place_people_were_taken_to_is_not_the_agencys_home():
    s = State()
    _say(s, "ask_referral", "你好我们是长沙一家有人力资源服务许可证的公司 今年三月份组织了一批劳务输出 娄底新化的建档立卡贫困户"
                            "15个送到东莞电子厂 我们能拿多少就业创业服务补贴")
    t = _say(s, "ask_transport", "干两个月就走的那3个 五月份我们又把他们介绍到长沙的物流园 到现在干了快7个月了 这回能算不 "
                                 "还有去东莞那趟我们包了大巴 车费能补吗")
    assert s.place == "湖南省长沙市"                 # "去东莞那趟": where they went, not where the agency is
    assert "hn.transport_subsidy" in _ids(t)


def test_a_closed_business_before_the_one_asked_about_makes_it_not_the_first_and_is_said_first():
    s = State()
    _say(s, "ask_startup_subsidy", "来电群众说他是绥化北林区的建档立卡贫困户，前年一直在外地打工，今年开春回村开了个小超市，"
                                   "办的个体工商户执照，这是头一回自己干，到现在正常营业8个月了。他问能给多少创业补贴")
    t = _say(s, "ask_loan", "来电人又想起来，他2018年在村里开过一个小饭馆，也办过营业执照，干了一年多就黄了。这会影响补贴吗？贷款还能贷不？")
    assert s.facts["operating_normally"] is True and s.facts["months_since_registration"] == 8   # the shop of now
    assert s.facts["first_business"] is False
    text = "\n".join(r.text for r in t.replies)
    assert "按您补充的情况，一次性创业补贴不符合" in text
    assert _card(t, "sh.startup_loan").status == "eligible"


def test_groups_by_origin_each_in_its_own_clause_and_a_branch_in_a_poor_county():
    s = State()
    t = _say(s, "ask_employer_subsidy", "我们是长沙望城区一家物流公司，2018年起陆续招了些建档立卡贫困户：邵阳隆回的8个，签了三年合同，"
                                        "社保一直给交着，都干了一年多了；贵州铜仁过来的5个，也是建档立卡的，合同社保都一样；还有湘西"
                                        "花垣的3个，干了半年就回去了。湖南那个给企业的岗位补贴，我们一年能拿多少？")
    assert _card(t, "hn.post_subsidy").amount.value == 8000     # 贵州's 5 out, 花垣's 3 short of 12 months
    t = _say(s, "ask_employer_subsidy", "那再问个，我们在花垣县城还有个分厂，花垣是国家级贫困县，分厂招了花垣本地4个建档立卡的，"
                                        "也签了合同交了社保，都干满一年了，这4个岗位补贴又咋算")
    assert _card(t, "hn.post_subsidy").amount.value == 6000     # "这4个" is the 4 just said: 4 × 1500元


def test_ordinary_villagers_hired_besides_the_poor_groups_are_out_of_the_reward():
    t = _say(State(), "ask_employer_subsidy", "来电人说他是绥化望奎县一个大豆种植合作社的理事长，2019年开春合作社招了9个建档立卡"
                                              "贫困户：本村的5个一直在社里干，到现在都干一年多了；海伦市过来的4个干了8个月就回家了。"
                                              "另外还招了3个普通村民，不是贫困户。他问合作社吸纳贫困户有啥奖励，能拿多少钱。")
    assert _card(t, "sh.startup_poverty_reward").amount.value == 5000    # the 5 of a year; not the 4, nor the 3


def test_groups_by_town_each_with_its_contract_the_short_one_out():
    s = State()
    t = _say(s, "ask_employer_subsidy", "你好 我们是张家塬镇的社区工厂 前年县上认定过的 做手套加工 现在总共27个工人 去年新招的"
                                        "脱贫户有三拨 张家塬本村的6个签了两年合同 崔家头镇过来的3个签的8个月 南寨镇的4个签了一年 "
                                        "吸纳脱贫户那个一次性岗位补贴能拿多少")
    assert s.facts["new_hires"] == 13
    assert _card(t, "qy.community_factory_post").amount.value == 10000     # 6 + 4; 崔家头's 3 on 8 months out


def test_a_cost_asked_about_with_zhege_neng_bu_bu_is_still_the_cost():
    from assistant.extract import extract
    e = extract("我们社区工厂厂房租金一年4万 水电一年1万2 这个能补不", None)
    assert e.facts["rent_utilities_cost"] == 52000       # "这个能补不" asks; it names no benefit of 12000元
