"""A unit's people said in parts, where one part fails a condition and the rest keep theirs: placements charged for
beside groups by their months, trainees who failed beside those certified and those who opened shops, two courses each
with its own head-count, people of another county or province of a 贫困县's unit, a count corrected that names no
question of its own, and 海南's loan for partners (the text states a person's amount only)."""

from assistant.state import State
from .talk import TODAY, card as _card, ids as _ids, say as _say







def test_placements_charged_for_beside_groups_by_months_leave_the_others_free():
    s = State()
    t = _say(s, "ask_referral", "汉阴县的人力资源服务机构，给登记失业的贫困户介绍工作，5个人签了合同干满一年多了，"
                                "2个签了合同干了7个月就走了，还有3个是收了中介费的，职业介绍补贴能给多少")
    card = _card(t, "ak.job_referral")
    assert s.facts["referred_count"] == 10          # 5 + 2 + the 3 charged for ("7个月" is no group of people)
    assert card.status == "eligible"                # the groups said apart from the charged ones were free
    assert card.amount.value == 1000                # the 5 of a year: 5 × 200元


def test_trainees_who_failed_are_out_and_the_certified_and_those_who_started_are_counted():
    t = _say(State(), "ask_training", "我们是旬阳县的创业培训定点机构，上个月结业一期，建档立卡贫困劳动力20人参加，"
                                      "18人考核合格，其中6人已经开了店实现创业，2人不合格。这期培训补贴一共多少？")
    card = _card(t, "ak.startup_training")
    assert card.status == "eligible"                # "2人不合格" is theirs, not the class's
    assert card.amount.value == 18 * 1200 + 6 * 800


def test_two_courses_each_count_their_own_poor_and_certified_trainees():
    t = _say(State(), "ask_training", "我们是汉滨区的培训定点机构，今年办了两类班：一是家政就业技能培训班40人，里面25个是建档立卡"
                                      "贫困劳动力，15个是一般农户；二是SYB创业培训班20人，全是建档立卡的，16个考核合格了，"
                                      "合格的里头已经有4个开了店。这两个班一共能补多少")
    assert _card(t, "ak.skills_training").amount.value == 25 * 1800      # the class's poor, not all 40
    assert _card(t, "ak.startup_training").amount.value == 16 * 1200 + 4 * 800


def test_a_count_corrected_keeps_the_question_and_both_courses():
    s = State()
    _say(s, "ask_training", "我们是千阳承办创业培训的机构。上半年办了一期SYB，20个学员都是脱贫劳动力，课时够80，全部拿到"
                            "创业培训合格证，结业后半年内有6个开了店，14个还没创业；另外办了一期IYB，8个人拿了合格证。"
                            "我们一共能申请多少培训补贴？")
    t = _say(s, "correct", "说错了，半年内开店的是4个不是6个，剩下16个没创业。那合起来多少？")
    ids = _ids(t)
    assert _card(t, "qy.startup_training_syb").amount.value == 4 * 2500 + 16 * 1000
    assert "qy.startup_training_iyb" in ids         # the other course stays in the sum asked for
    assert "qy.startup_subsidy" not in ids          # 开店 of the trainees asks nothing of the entrepreneur's money
    assert any("合计" in r.text and "34000元" in r.text for r in t.replies)   # 26000 + 8 × 1000


def test_people_of_another_county_of_the_province_are_at_the_ordinary_rate():
    t = _say(State(), "ask_employer_subsidy",
             "我们是湘西泸溪县的一家食品厂，泸溪是贫困县。招了一批建档立卡贫困户：本县的5个，都干了一年多，社保一直在交；"
             "怀化麻阳来的3个，也干满一年多交了社保；还有1个贵州铜仁的建档立卡户，干了一年多也交了社保；另外本县还有"
             "2个才干了5个月。都签的两年合同。岗位补贴一年能拿多少？")
    card = _card(t, "hn.post_subsidy")
    assert card.status == "eligible"
    assert card.amount.value == 5 * 1500 + 3 * 1000     # not the 贵州 one, not the 2 of 5 months


def test_groups_said_part_by_part_with_their_time_after_a_contract():
    t = _say(State(), "ask_employer_subsidy",
             "我们是湘西花垣县的一家服装厂，花垣是贫困县。厂里建档立卡的员工有这么几拨：花垣本地的6个，签了两年合同，"
             "干了15个月了，社保都交着；邵阳隆回县来的2个，也签两年，干了13个月，社保也交了；贵州松桃过来的2个，"
             "也是建档立卡的；还有1个花垣本地的，干了6个月。岗位补贴一共能给我们多少")
    card = _card(t, "hn.post_subsidy")
    assert card.amount.value == 6 * 1500 + 2 * 1000


def test_the_same_people_named_again_by_their_province_are_not_counted_twice():
    t = _say(State(), "ask_employer_subsidy",
             "我们是长沙的一家服装厂，从前年开始招建档立卡贫困劳动力：湘西州的5个、贵州铜仁的2个，都签了两年劳动合同、"
             "交了社保。湘西的5个里有4个已经干了一年多，还有1个今年三月才进来；贵州的2个都干了一年半。岗位补贴能申请多少？")
    assert _card(t, "hn.post_subsidy").amount.value == 4 * 1000


def test_a_cooperative_that_has_poor_people_work_for_it_counts_them():
    t = _say(State(), "ask_employer_subsidy",
             "俺们是兰西县的养殖合作社，前年开始用建档立卡贫困户干活，3个人稳稳当当干了一年多了，还有2个干了5个月就不干了，"
             "另外1个是一般农户。这创业扶贫奖励补贴俺们能整多少钱？")
    card = _card(t, "sh.startup_poverty_reward")
    assert card.amount.value == 3000                # the 3 of a year × 1000元


def test_hainan_partners_loan_states_no_amount_and_a_persons_loan_takes_the_sum_wanted():
    s = State()
    _say(s, "ask_startup_loan", "我是海南琼中的建档立卡贫困户，想回来开个小吃店，能贷多少款")
    t = _say(s, "inform", "那要是跟我老婆合伙开呢，能多贷点不")
    card = _card(t, "hi.startup_loan")
    assert card.amount.value is None and "10万" not in card.amount.text and "合伙" in card.amount.text
    s = State()
    _say(s, "ask_startup_loan", "我是海南琼中的建档立卡贫困户，想回来开个小吃店，能贷多少款")
    t = _say(s, "inform", "那就贷8万，两年下来利息我自己要出多少")
    assert "8万元，在最高10万元以内" in _card(t, "hi.startup_loan").amount.text


def test_trainees_who_missed_days_are_of_the_poor_said_and_a_count_said_again_moves_their_groups():
    s = State()
    t = _say(s, "ask_training", "我们是衡阳市一所民办职业培训学校，上个月办了一期电工就业前技能培训，10天，30个学员，其中20个是"
                                "建档立卡贫困劳动力，10个是普通农民工。我们这边同类培训补贴标准是每人1000元。贫困户学员的"
                                "培训补贴能按多少算？生活费咋算？有3个贫困户学员各缺了2天课")
    assert _card(t, "hn.skills_training_uplift").amount.value == 20 * 1700     # the 3 are of the 20, not 3 more
    assert _card(t, "hn.training_living_allowance").amount.value == (17 * 10 + 3 * 8) * 20
    t = _say(s, "correct", "不好意思数错了，建档立卡的是18个，普通农民工12个，缺课那3个还是贫困户")
    assert _card(t, "hn.skills_training_uplift").amount.value == 18 * 1700
    assert _card(t, "hn.training_living_allowance").amount.value == (15 * 10 + 3 * 8) * 20


def test_a_class_counted_whole_beside_its_poor_counts_the_poor_and_says_them_again():
    s = State()
    t = _say(s, "ask_training", "我们是湘西州保靖县的一所民办职业培训学校，本月开了一期焊工就业技能培训，30个学员里20个是建档立卡"
                                "贫困劳动力，10个是普通农民。当地焊工同类培训补贴标准是每人1000元。贫困学员能按多少算？")
    assert _card(t, "hn.skills_training_uplift").amount.value == 20 * 1700      # not all 30
    t = _say(s, "inform", "那学员的生活费咋算？20个贫困学员都实际来了12天")
    assert _card(t, "hn.training_living_allowance").amount.value == 20 * 12 * 20    # none of the 20 out


def test_groups_by_origin_each_with_its_time_after_a_colon_or_a_contract():
    t = _say(State(), "ask_employer_subsidy",
             "我们是株洲的一家电子厂，现在有12个建档立卡贫困户员工，劳动合同都签的两年，社保也都交了：7个是湘西来的，已经在岗"
             "15个月；3个是怀化的，来了6个月；还有2个是贵州的建档立卡户，也干了一年多。我们能领多少岗位补贴？")
    assert _card(t, "hn.post_subsidy").amount.value == 7 * 1000
    t = _say(State(), "ask_employer_subsidy",
             "我们是岳阳一家物流公司，招了9个建档立卡贫困户：湘西来的4个，签了两年合同，已经干了16个月，社保一直给交着；"
             "贵州来的2个也是建档立卡的，干了一年多；还有3个邵阳的建档立卡户，才干了5个月。岗位补贴能拿多少？贵州那两个为啥不算")
    assert _card(t, "hn.post_subsidy").amount.value == 4 * 1000     # the 9 said, not 9 more


def test_a_group_at_a_time_to_come_says_what_it_adds_and_an_ordinary_one_of_the_groups_is_out():
    s = State()
    t = _say(s, "ask_employer_subsidy",
             "俺们是绥化市明水县的一个农民专业合作社，收了些建档立卡贫困户家的劳力：东岗村的5个，在社里干了一年半了；"
             "西岗村的3个，干了6个月；还有1个是普通户不是建档立卡的，干了两年。这个创业扶贫奖励补贴能给多少？"
             "另外以工代训补贴一个人一个月给多少")
    assert _card(t, "sh.startup_poverty_reward").amount.value == 5000     # not the 3 of 6 months, not the ordinary one
    t = _say(s, "inform", "那西岗村那仨要是干满一年了，还能再补不")
    assert any("再补3000元（3人×1000元）" in r.text for r in t.replies)
    assert [r.amount.value for r in t.decision.stated if r.benefit.id == "sh.startup_poverty_reward"] == [8000, 3000]
    assert _card(t, "sh.startup_poverty_reward").amount.value == 8000


def test_ordinary_people_said_beside_the_groups_that_make_the_count_are_not_taken_out_of_it():
    t = _say(State(), "ask_employer_subsidy", "俺们是青冈县的种植合作社，前年开始用建档立卡贫困户干活，5个人稳稳当当干了一年多了，"
                                              "还有2个干了6个月就不干了，另外3个是一般农户不是建档立卡的。"
                                              "这创业扶贫奖励补贴俺们能整多少钱？")
    assert _card(t, "sh.startup_poverty_reward").amount.value == 5000


def test_placements_by_where_they_went_each_with_its_own_facts_and_some_charged_for_later():
    s = State()
    t = _say(s, "ask_referral", "我们是安康汉阴县一家人力资源服务公司，证照齐全。去年免费给贫困户介绍了12个人：介绍到浙江宁波"
                                "电子厂的5个，都做过失业登记，签了劳动合同，干了一年多了；介绍到西安工地的4个，也都登记过失业、"
                                "签了合同，干了半年就不干了；介绍到县里企业的3个，签了合同干满一年了，但其中1个没做过失业登记。"
                                "我们能拿多少职业介绍补贴")
    card = _card(t, "ak.job_referral")
    assert card.status == "eligible"
    assert card.amount.value == (5 + 2) * 200      # not the 4 of half a year, not the one not registered
    t = _say(s, "inform", "还有个事，宁波那批里有2个，我们当时每人收了300块服务费，这俩还能算不？")
    card = _card(t, "ak.job_referral")
    assert card.amount.value == (3 + 2) * 200      # the 2 charged out too, the one not registered still out


def test_a_subsidiary_in_another_county_is_a_unit_of_its_own():
    s = State()
    _say(s, "ask_employer_subsidy", "我们是长沙市天心区一家物流公司，招了8个建档立卡贫困户：湘西来的5个，签了两年合同，已经干了"
                                    "14个月，社保一直给交着；贵州来的3个也是建档立卡的，干了一年多。岗位补贴能拿多少？")
    t = _say(s, "ask_employer_subsidy", "我们在保靖县还有个单独注册的子公司，保靖是国家级贫困县，那边招了3个保靖本地的建档立卡户，"
                                        "签了合同干满一年多了，社保也交了，那边岗位补贴按多少算")
    assert _card(t, "hn.post_subsidy").amount.value == 3 * 1500      # its own 3, none of the first unit's out of it


def test_days_missed_corrected_with_the_days_now_said_first():
    s = State()
    _say(s, "ask_training", "来电人是邵阳市邵东县的建档立卡贫困户，上个月参加了县人社局组织的12天电工就业前技能培训，中间请假2天"
                            "没去，问生活费补贴能领多少")
    t = _say(s, "correct", "她说记错了，请假请的是4天，不是2天")
    assert _card(t, "hn.training_living_allowance").amount.value == (12 - 4) * 20


def test_a_correction_of_one_of_two_children_keeps_the_rest_said_of_her():
    s = State()
    _say(s, "ask_what_can_i_get", "俺是绥化青冈县的，家里是建档立卡贫困户。俩孩子：大小子在绥化技师学院念书，一年能补多少？"
                                  "二闺女去年从南方打工回来，在镇上开了个个体小饭馆，头一回创业，办执照到现在十个月了一直正常"
                                  "开着，能给啥补贴？")
    t = _say(s, "correct", "说错了，闺女办的不是个体户，是注册了个小公司，有限公司，那能给多少")
    card = _card(t, "sh.startup_subsidy")
    assert card.status == "eligible" and card.amount.value == 10000      # her 10 months of running still said


def test_a_course_certificate_is_no_qualification_for_the_appraisal_subsidy():
    s = State()
    _say(s, "ask_what_can_i_get", "我们家是万宁的建档立卡贫困户。小女儿去年参加了电工培训，今年考到了电工的职业资格证书，"
                                  "是第一次考，这个有补贴吗？")
    t = _say(s, "correct", "不对，她拿的是培训结业证，不是职业资格证书，也没去参加鉴定考试")
    assert _card(t, "hi.skill_appraisal").status == "ineligible"


def test_a_technical_school_pupils_money_comes_before_a_place_in_a_class_and_a_sibling_going_too_counts():
    s = State()
    t = _say(s, "ask_what_can_i_get", "我是琼中的，家里是建档立卡贫困户。孩子初中毕业在省技师学院扶贫班读书，一年能补多少钱？"
                                      "学费还要交不？他明年准备考焊工证，考下来有没有补贴")
    ids = _ids(t)
    assert "hi.technical_school" in ids and "hi.school_aid_national" in ids     # 3000元 and 免学费 (学费 asked)
    t = _say(s, "inform", "那他弟弟明年初中毕业也想去读，两个孩子都能补吗？一年加起来多少")
    assert _card(t, "hi.technical_school").amount.value == 6000


def test_when_a_claim_was_handed_in_is_read_and_a_month_without_a_year_follows_the_job():
    from assistant.extract import extract
    assert extract("车票去年11月就交到镇上了", None, as_of=TODAY).facts["applied_months_ago"] == 13
    said = extract("他媳妇去年7月在宝鸡市区一个厂子上班，也签了1年合同，9月份去镇上申请了", None, as_of=TODAY).facts
    assert said["months_since_employment"] == 17 and said["applied_months_ago"] == 15      # last year's September
    assert "applied_months_ago" not in extract("我打算下个月去镇上申请", None, as_of=TODAY).facts


def test_one_of_the_contract_placements_who_had_the_job_seeking_subsidy_and_seasonal_groups_by_time():
    t = _say(State(), "ask_referral", "我们是千阳县注册的劳务公司，有职介许可证。今年免费给村里脱贫户介绍工作：5个人进了宝鸡的厂子"
                                      "签了一年合同，不过其中老李自己已经在镇上领过500块一次性求职补贴了；还有3个人介绍去苹果园"
                                      "干季节工，干了4个月；另外2个也是季节工，干了俩月就回来了。我们公司一共能拿多少职介补贴")
    referral, seasonal = _card(t, "qy.job_referral"), _card(t, "qy.job_referral_seasonal")
    assert referral.status == "eligible" and referral.amount.value == 4 * 500    # not 老李, not all five out
    assert seasonal.status == "eligible" and seasonal.amount.value == 3 * 200    # 老李 is no seasonal one


def test_a_refund_had_for_three_years_is_said_as_the_refund_had_not_as_time_at_work():
    from assistant.extract import extract
    facts = extract("那6个里头有1个从我们开业就在，社保已经返还满三年了，今年还能继续返吗？", None, as_of=TODAY).facts
    assert facts.get("insurance_subsidy_months_received") == 36


def test_both_forms_of_a_loan_asked_outright_are_both_answered():
    s = State()
    t = _say(s, "ask_startup_loan", "我是岚皋的建档立卡贫困户，想问创业贷款，一个人单干的能贷多少，要是两个人合伙开的又能贷多少，"
                                    "利息咋算")
    ids = _ids(t)
    assert "ak.startup_loan_individual" in ids and "ak.startup_loan_partnership" in ids
    t = _say(State(), "ask_startup_loan", "我是岚皋的建档立卡贫困户，想问创业贷款，一个人单干的能贷多少，有两个想合伙开的又能贷多少")
    ids = _ids(t)
    assert "ak.startup_loan_individual" in ids and "ak.startup_loan_partnership" in ids
