"""Units, agencies and schools whose groups are changed one at a time, and a worker's "这些都在哪儿办": where for every
benefit spoken of; two costs beside a question; a short contract corrected to a long one; the rest of a count after those
charged; the count of those who had it corrected; what a what-if brings more; a school's own money by the head; a hotel
as a unit; someone's children not a unit's hires; a shop planned beside "还能领啥"; groups by form of business."""
from assistant.extract import extract
from assistant.state import State
from assistant.turn import where_turn
from assistant.understand import effective_intent

from .talk import TODAY, card, ids, say

_AGENCY = ("我们是千阳县城的劳务公司，执照和人力资源服务许可证都有。今年8月介绍了两拨脱贫户：第一拨10个去浙江电子厂，都签了一年合同，"
           "其中3个我们收了200块介绍费，剩下7个没收钱；这7个里头有4个今年春天在镇上领过500块求职补贴。第二拨6个去新疆摘棉花，"
           "干了三个半月回来了，还有2个去摘苹果，干了俩月就回来了。我们能报多少职业介绍补贴？")


def test_where_for_every_benefit_spoken_of_not_only_the_last():
    s = State()
    say(s, "ask_subsidy_amount", "我是千阳草碧镇的脱贫户，上个月去江苏苏州厂里上班了，签了一年合同，路费花了五百二，路费能补多少，"
                                 "求职补贴给多少")
    say(s, "ask_what_can_i_get", "那我还能领啥 我儿子在宝鸡技校念书")
    t = where_turn(s, "这些都去哪儿办 啥时候截止", [], TODAY)
    got = ids(t)
    assert {"qy.cross_province_transport", "qy.job_seeking"} <= set(got)    # the first turn's two, not only the school's


def test_a_cost_beside_the_next_question_across_a_space():
    f = extract("厂房租金一年三万 水电一年8000 这个岗位补贴能给多少", [], "陕西省宝鸡市千阳县", TODAY).facts
    assert f.get("rent_utilities_cost") == 38000


def test_a_short_contract_corrected_to_a_long_one_said_short_first():
    s = State()
    say(s, "ask_employer_subsidy", "我们是千阳草碧镇县上认定的社区工厂 厂里20个人 今年招了脱贫户9个 其中6个签的一年合同 3个签的半年 "
                                   "岗位补贴能给多少")
    assert card(say(s, "ask_employer_subsidy", "岗位补贴多少"), "qy.community_factory_post").amount.value == 6000
    t = say(s, "correct", "哦说错了 那3个签的不是半年 是三年的合同")
    assert card(t, "qy.community_factory_post").amount.value == 9000


def test_non_poor_hires_to_come_grow_the_staff_not_the_poor():
    s = State()
    say(s, "ask_employer_subsidy", "我们是千阳草碧镇县上认定的社区工厂 厂里一共15个人 今年招了脱贫户8个 都签的一年合同 "
                                   "房租一年两万 水电一年4000 房租水电能补多少")
    t = say(s, "ask_employer_subsidy", "那明年要是再招10个普通工人 都不是脱贫户 房租水电还能补不")
    assert s.facts.get("staff_total") == 25 and "脱贫劳动力" in s.facts.get("category")
    assert card(t, "qy.community_factory_rent").status == "ineligible"      # 8 of 25 is under a third


def test_those_who_had_it_among_the_rest_of_the_charged_ones():
    f = extract(_AGENCY, [], "陕西省宝鸡市千阳县", TODAY)
    assert f.counted_out.get("qy.job_referral") == 4            # 4 of the 7 not charged (10 − 3)


def test_the_count_of_those_who_had_it_corrected():
    s = State()
    t = say(s, "ask_referral", _AGENCY)
    assert card(t, "qy.job_referral").amount.value == 1500       # 10 − 3 charged − 4 who had the 求职补贴
    t = say(s, "correct", "哦不对，领过求职补贴的是1个，不是4个")
    assert card(t, "qy.job_referral").amount.value == 3000       # 10 − 3 − 1


def test_what_a_what_if_brings_more():
    s = State()
    say(s, "ask_referral", _AGENCY)
    t = say(s, "ask_referral", "那摘苹果那2个 要是当时干满3个月再回来 能多报多少")
    assert t.replies[0].text.startswith("能多报400元")             # 2 × 200元 more


def test_a_schools_own_money_by_the_head_beside_its_trainees():
    s = State()
    t = say(s, "ask_training", "我们是绥化望奎县的定点培训机构，要给贫困户办一期养殖的实用技能培训。培训补贴一个人能给多少？"
                               "学员的交通费、生活费补贴谁出、一天多少？")
    assert "sh.training_subsidy_institution" in ids(t)


def test_a_hotel_is_a_unit():
    s = State()
    t = say(s, "inform", "我们是三亚的一家酒店，员工里有10个是建档立卡贫困户，都交了社保。我们酒店能拿到啥？")
    assert s.role == "employer"
    assert not any(r.benefit.payee in ("worker", "borrower", "graduate") for r in t.decision.stated)


def test_someones_children_are_not_a_units_hires():
    f = extract("还有个事，我们员工里有个大姐是低保户，她家俩孩子今年大学毕业，想回来开店", [], "海南省海口市", TODAY).facts
    assert "new_hires" not in f


def test_a_shop_planned_beside_what_else():
    s = State(place="黑龙江省绥化市兰西县", topic="ask_training_allowance", role="worker")
    text = "行 那俺学完了还能领啥 俺寻思自个儿开个小饭店 个体户那种"
    assert effective_intent("ask_training", text, extract(text, [], s.place, TODAY), s) == "ask_what_can_i_get"


def test_groups_by_their_form_of_business_each_borrow_as_they_do():
    s = State()
    say(s, "inform", "我们是紫阳县的培训机构，去年办了一期创业培训班，20个学员都是建档立卡贫困劳动力，18个培训合格，合格的里头有7个已经开店了。"
                     "这一期一共能补多少？")
    t = say(s, "ask_startup_loan", "开店那7个里，4个是自己开的个体店，另外3个合伙开了个养殖场，都想贷款，最多能贷多少")
    got = ids(t)
    assert "ak.startup_loan_individual" in got and "ak.startup_loan_partnership" in got


def test_a_factory_outside_the_county_hears_why_not_and_no_wait():
    s = State()
    t = say(s, "inform", "我们是宝鸡金台区的一个社区工厂 招了6个千阳过来的脱贫户 都签了一年合同 千阳那边的岗位补贴我们厂能不能报")
    # (千阳's money is for 千阳's units: the factory is answered from its own place, the why said, no card)
    assert ids(t) == [] and "千阳县的文件只管千阳县的人和单位" in t.replies[0].text
    assert "就可以申请" not in t.replies[0].text


_LISTED = ("我们是株洲荷塘区一家物流公司。前年十月招了一批人：湘西永顺的建档立卡贫困户8个，签的两年劳动合同，一直干到现在，社保也交着；"
           "云南昭通的建档立卡3个，同样签两年、交社保；还有衡阳的建档立卡2个，今年4月份来的，干到7月就走了。公司能拿什么补贴，多少？")


def test_a_batch_listed_after_a_colon_with_one_group_that_left_at_a_month():
    s = State()
    t = say(s, "ask_employer_subsidy", _LISTED)
    assert card(t, "hn.post_subsidy").amount.value == 8000      # 13 − 3 of another province − 2 who left after 3 months


def test_a_group_said_not_of_another_province_after_all():
    s = State()
    say(s, "ask_employer_subsidy", _LISTED)
    t = say(s, "correct", "哦说错了，那3个不是云南的，是湘西保靖的，合同社保都一样")
    assert card(t, "hn.post_subsidy").amount.value == 11000


def test_a_brokers_half_year_group_and_those_another_agency_claimed_for_in_dialect():
    s = State()
    t = say(s, "ask_referral", "我是涟源市的劳务经纪人 在市人社局备过案的 今年开春带了一帮人去深圳厂里 建档立卡的有12个 做满半年以上的9个 "
                               "另外3个做了两个月就回来了 9个里头有2个今年已经被别个中介报过一回补贴了 我这个能拿好多钱")
    assert card(t, "hn.job_service_subsidy").amount.value == 1400     # (9 − 2) × 200元
    t = say(s, "correct", "搞错了 被别个报过的是1个 不是2个")
    assert card(t, "hn.job_service_subsidy").amount.value == 1600


def test_a_units_several_questions_each_answered():
    s = State()
    say(s, "ask_factory_job", "我们是千阳南寨镇县上认定过的社区工厂，厂里一共20个人，今年四月招了3个脱贫户，上个月又招了2个脱贫户，都签的一年合同。")
    t = say(s, "ask_factory_job", "岗位补贴、房租水电能补多少？我们一年房租两万，水电八千。还有社保补贴能补多少，以工代训一个月给多少？")
    got = ids(t)
    assert "qy.employer_social_insurance" in got                        # a question of its own beside 岗位补贴
    assert "600元" in card(t, "qy.work_for_training").amount.text          # the rate asked for, said


def test_a_group_reaching_its_year_asked_after_another_topic_hears_of_the_money_that_waits():
    s = State()
    say(s, "ask_employer_subsidy", "俺们是庆安县的养殖合作社，前年开春收了5个建档立卡贫困户在社里干活，一直干到现在；今年六月份又来了3个建档立卡的。"
                                   "俺们合作社能整着啥奖励不？")
    say(s, "ask_training", "那新来那3个 俺们手把手教技术 边干边学 这个有补贴没")
    t = say(s, "ask_validity", "那这3个要是干到明年六月满一年了 是不是也能给那个1000")
    assert "sh.startup_poverty_reward" in ids(t)


def test_a_unit_asking_its_peoples_own_money_hears_each_group_at_its_own_months():
    s = State()
    t = say(s, "ask_factory_job", "我们是千阳水沟镇县上认定的社区工厂，厂里一共16个人，今年四月招了3个脱贫户，上个月又招了2个脱贫户，都签的一年合同。"
                                  "先问下这5个工人他们自己能领啥补贴？")
    seeking = [r for r in t.decision.stated if r.benefit.id == "qy.job_seeking"]
    assert sorted(r.status for r in seeking) == ["eligible", "ineligible"]   # past the six months / within them
    assert next(r for r in seeking if r.status == "eligible").amount.value == 1000     # 2 × 500元
    assert not any(r.benefit.payee == "factory" for r in t.decision.stated)


def test_a_graduate_not_kept_after_her_internship_hears_of_the_post_that_places_her():
    s = State()
    say(s, "ask_internship", "我是汉阴县的贫困户 我闺女去年大专毕业 一直在屋头耍起 听说有就业见习 见习一个月给多少钱")
    t = say(s, "ask_startup_subsidy", "那要是见习完了单位不要她 她还能领啥")
    assert "ak.public_post_placement" in ids(t)[:4]


def test_each_groups_own_money_is_marked_ended_on_its_line():
    s = State()
    t = say(s, "ask_factory_job", "我们是千阳水沟镇县上认定的社区工厂，厂里一共16个人，今年四月招了3个脱贫户，上个月又招了2个脱贫户，都签的一年合同。"
                                  "先问下这5个工人他们自己能领啥补贴？")
    line = next(x for x in t.replies[0].text.split("\n") if "✓一次性求职补贴" in x)
    assert "到期" in line
