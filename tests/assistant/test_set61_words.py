"""Held-out sets 60 and 61's words (graded blind first): a unit's people laid out one group per line or numbered item (a
staff table, a cooperative's kinds of people, an agency's placements, a school's trainees by kind); a school's courses
one per line; two persons of a household with facts of their own and their sum; when and to whom the money just
answered is paid; the share of social insurance taken from the pay; a provincial title heard of, not held."""
from assistant.extract import extract
from assistant.state import State

from .talk import TODAY, card, ids, said, say


def test_a_staff_table_is_summed_row_by_row():
    s = State()
    t = say(s, None, "我们是千阳县张家塬镇的社区工厂，今年县上给认定了。今年的用工：\n"
                     "裁剪车间 20人 脱贫户10 其中签一年以上合同的8 另外2个签的半年\n"
                     "包装组 10人 脱贫户6 都签的一年\n"
                     "仓库 5人 脱贫户0\n"
                     "厂房租金一年3万，水电一年1万。今年能拿多少补贴？")
    assert s.facts["staff_total"] == 35 and s.facts["hired_poor_count"] == 16
    assert card(t, "qy.community_factory_post").amount.value == 14000      # 8 + 6, not the 2 on half a year
    assert card(t, "qy.community_factory_rent").amount.value == 20000      # 16 of 35 is over 1/3


def test_a_sentence_that_counts_the_staff_is_no_row_of_the_table():
    s = State()
    t = say(s, None, "你好，我们是千阳县南寨镇的社区工厂，去年县人社局认定过了。现在厂里一共30个工人，情况是：\n"
                     "1. 脱贫户7个，都是今年招的，签了一年的劳动合同\n"
                     "2. 边缘户3个，也签了一年合同\n"
                     "3. 村里一般户20个\n"
                     "岗位补贴能拿多少？")
    assert s.place.endswith("南寨镇") and s.facts["employer_type"] == "社区工厂"
    assert s.facts["staff_total"] == 30
    r = card(t, "qy.community_factory_post")
    assert r.amount.value == 10000 and r.status == "eligible"


def test_a_cooperatives_kinds_of_people_by_line():
    s = State()
    t = say(s, "ask_employer_subsidy", "我们是望奎县的木耳合作社，我们的人分几种：\n"
                                       "1、入社社员20户，其中建档立卡贫困户6户，拿地入股年底分红，不在社里上班\n"
                                       "2、长期工10个，其中建档立卡的4个，都干了一年半了\n"
                                       "3、采摘组 8人 建档立卡5个 都是今年开春来的\n"
                                       "创业扶贫奖励补贴能拿多少？")
    r = card(t, "sh.startup_poverty_reward")
    assert r.amount.value == 4000 and r.status == "eligible"                  # the 4 of a year and a half only


def test_an_agencys_placements_one_per_numbered_line():
    s = State()
    t = say(s, "ask_referral", "我们是邵阳隆回县的人力资源公司，资质齐全。去年组织人出去务工，统计如下：\n"
                               "1. 建档立卡贫困户10个，送到广东东莞电子厂，到现在干了一年多了\n"
                               "2. 建档立卡贫困户6个，送到长沙的物流园，干了4个月就回来了\n"
                               "3. 一般农户12个，送到浙江义乌，干满了一年\n"
                               "4. 建档立卡贫困户3个，送到株洲一个工厂，干了7个月还在干\n"
                               "服务补贴一共能拿多少？")
    assert card(t, "hn.job_service_subsidy").amount.value == 2600           # (10 + 3) × 200


def test_a_schools_trainees_by_kind_one_per_line():
    e = extract("俺们是旬阳县的培训定点机构，开了个电焊培训点，这期学员：\n建档立卡贫困户 30人\n一般农户 5人\n一共35个。全班能算多少？",
                [], as_of=TODAY, hiring=True)
    assert e.facts["trainee_count"] == 30


def test_a_schools_courses_one_per_line():
    s = State()
    t = say(s, None, "我们是汉滨区的培训定点机构，上个月结了两个班，学员全是建档立卡贫困劳动力：\n"
                     "①电工就业技能培训班 30人，28人考试合格拿了证，2人没考过\n"
                     "②SYB创业培训班 20人，培训合格15人，合格的里头已经开了店办了执照的有4个\n"
                     "每个班能报多少补贴")
    assert card(t, "ak.startup_training").amount.value == 15 * 1200 + 4 * 800


def test_a_couple_each_with_their_own_facts_and_their_sum():
    s = State()
    t = say(s, None, "额是千阳县崔家头镇的 脱贫户 额和额婆娘今年都出去打工咧 额是今年7月去的江苏苏州电子厂 签了两年合同 "
                     "坐车花了420块钱 婆娘在宝鸡市区一个饭馆干了大半年 没签合同 俺俩一共能拿多少钱")
    text = said(t)
    assert "您婆娘：✗一次性求职补贴" in text
    assert "2人合计：920元" in text                                         # 500 + 420, his own


def test_a_mother_and_son_by_their_days_and_the_money_asked_after():
    s = State()
    t = say(s, "ask_training_allowance", "我是湘西泸溪县的 屋里是建档立卡贫困户 我跟我崽都冇得事做 上个月县里搞培训 我学家政 "
                                         "到课十五天 一天都冇缺 我崽学电焊 培训14天 每天都有课 他有四天冇去 咯个生活费补贴我两娘崽一共能拿好多")
    assert "2人合计：500元" in said(t)                                      # 15 × 20 + 10 × 20
    t = say(s, "ask_startup_subsidy", "咯个钱么子时候到账 打到哪张卡上 是哪个发的")
    text = said(t)
    assert "合计500元" in text and "hn.training_living_allowance" in ids(t)
    assert "到账时间和打到哪张卡，文件没有写" in text


def test_who_pays_the_money_just_answered_keeps_its_benefit():
    s = State()
    say(s, "ask_internship", "额娃是汉阴县的 屋里是建档立卡贫困户 娃今年七月大专毕业咧 还没工作 娃去见习一个月能拿多少钱")
    t = say(s, "ask_job_seeking", "那这钱是谁给发 打到娃卡上不")
    assert ids(t)[0] == "ak.internship"
    assert "到账时间" in said(t)


def test_the_share_taken_from_the_pay_is_the_workers_own():
    e = extract("她又问，那员工自己工资里扣的那部分社保，能不能也一起返", [], as_of=TODAY)
    assert e.facts.get("insurance_share_asked") == "个人缴纳部分"


def test_a_provincial_title_heard_of_is_not_held():
    e = extract("我们厂是县里认定的就业扶贫基地，听说评上省里的爱心单位能给10万，这个咋评？", [], as_of=TODAY)
    assert "provincial_model_unit" not in e.facts
    e = extract("我们厂去年被评为湖南省精准就业扶贫爱心单位", [], as_of=TODAY)
    assert e.facts.get("provincial_model_unit") is True


def test_borrowing_said_plainly_asks_of_the_loan():
    s = State()
    t = say(s, None, "我是琼中县的 家里是低保户 我仔今年六月海南大学毕业 伊讲想回来开个奶茶店 政府有无补贴 补几多 可以借钱无")
    assert "hi.startup_loan" in ids(t)


def test_the_social_insurance_the_employer_pays_asked_back_by_the_worker():
    s = State()
    t = say(s, None, "我是五指山市的 屋里是建档立卡贫困户 我在海口一间酒店做服务员 老弟在省技师学院读书 老弟读书一年补几多 "
                     "酒店帮我交的社保 我自己能拿回来无")
    r = card(t, "hi.social_insurance_refund")
    assert r.benefit.payee == "employer" and "不是发给您个人" in said(t)


def test_the_classes_a_school_ran_are_no_group_of_its_trainees():
    e = extract("我们是千阳县一家民办职业培训学校，去年秋天办了三个班，学员都是脱贫劳动力：\n"
                "二是SYB创业培训班，30人，30人全部拿到创业培训合格证，结业后6个月内有12个人办了营业执照开了店，另外18个到现在也没创业",
                [], as_of=TODAY)
    assert sorted(n for n, _f in e.case_groups) == [12, 18]



def test_a_shop_of_ones_own_denied_for_a_partnership():
    e = extract("来电人又说他刚才说岔了，不是自己一个人开小卖部，是跟他表哥两个人合伙开农家乐。那贷款能贷多少？", [], as_of=TODAY)
    assert e.facts["business_type"] == "合伙创业" and not e.case_groups
