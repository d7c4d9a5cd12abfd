"""Held-out set 46's words: a negated loan of school, a job changed, a trade worked away from home, a month said after a
year, a caller among her household, the owner's own loan, a group's time and the hires of a unit in several kinds."""
from assistant.extract import extract
from assistant.state import State

from .talk import TODAY, card, ids, say


def _text(t):
    return "\n".join(r.text for r in t.replies)


def test_a_student_loan_never_taken_is_no_category_and_the_why_not_answers_the_no_first():
    e = extract("俺娃在千阳职中学汽修 明年六月毕业 俺家就是普通农户 不是脱贫户也不是低保 娃身体好好的也没贷过助学贷款", [], None,
                TODAY)
    assert "国家助学贷款" not in e.categories and "国家助学贷款" in e.not_categories
    s = State()
    say(s, "ask_graduate_subsidy", "俺娃在千阳职中学汽修 明年六月毕业 俺家就是普通农户 不是脱贫户也不是低保 娃身体好好的也没贷过"
                                   "助学贷款 听人说毕业生有一千块求职创业补贴 俺娃能领不")
    t = say(s, "ask_graduate_subsidy", "为啥不中？都是毕业生，凭啥别人家娃能领俺娃领不了")
    assert ids(t)[0] == "qy.graduate_job_search" and card(t, "qy.graduate_job_search").status == "ineligible"


def test_the_terms_of_the_job_changed_to_are_the_ones_that_count():
    e = extract("我家是五指山的建档立卡户 我今年二十岁 之前在海口餐馆干了半年没签合同也没交社保 今年三月跳到三亚一家酒店 "
                "签了合同酒店给交社保", [], None, TODAY)
    assert e.facts.get("insurance_paid") is True and e.facts.get("labor_contract_signed") is True
    assert e.facts.get("contract_months") != 0


def test_a_trade_worked_away_before_coming_home_makes_a_returning_migrant_and_not_the_shops_age():
    e = extract("俺是绥化旺奎县的，不是贫困户，以前在北京干装修干了六年，前年开春回老家在镇上开了个小超市，办的个体执照，"
                "头一回自己干，开了一年多了挺正常的。能拿创业补贴不", [], None, TODAY)
    assert "农民工" in e.categories and e.facts["months_since_registration"] < 72


def test_a_month_said_after_a_dated_year_is_of_that_year():
    e = extract("我是邵阳隆回县的建档立卡户，2019年3月去长沙一个电子厂，签了合同，干到11月就走了，12月进了长沙经开区另一个厂，"
                "签了两年合同，厂里给交社保，一直干了两年多。", [], None, TODAY)
    assert e.facts["months_since_employment"] == 84 and e.facts["months_employed"] == 24


_HOUSEHOLD = ("来电人说她和老公都是建档立卡贫困户，家在怀化沅陵。她上个月参加了县里办的家政服务员就业前技能培训，班期15天，她实际到课13天；"
              "她老公在厂里上班，参加了厂里组织的岗位技能提升培训；她弟弟不是建档立卡户，也跟她报了同一个家政班，到课15天。"
              "问三个人培训期间的生活费补贴各能拿多少")


def test_the_caller_beside_her_household_and_a_brother_not_of_its_class():
    s = State()
    text = _text(say(s, "inform", _HOUSEHOLD))
    lines = {ln.split("：")[0]: ln for ln in text.splitlines() if "：" in ln}
    assert "✓就业前技能培训生活费补贴：260元" in lines["来电人"]
    assert "✗就业前技能培训生活费补贴" in lines["她弟弟"]
    t = say(s, "inform", "那要是她弟弟也是建档立卡户呢？他到课15天，能拿多少，钱发给谁，要办啥手续")
    r = card(t, "hn.training_living_allowance")
    assert r.status == "eligible" and r.amount.value == 300


def test_the_owners_own_loan_as_a_poor_person_and_a_sum_over_its_ceiling():
    s = State()
    t = say(s, "ask_employer_subsidy", "你好，我们是琼中县一家小农业公司，种槟榔养黑山羊的，老板本人就是建档立卡贫困户，前年回来创业开的。"
                                       "公司现在雇了5个建档立卡贫困户，社保都是公司给交的。想问两个事：一是老板想再贷点款扩大养殖，"
                                       "能贷多少、利息咋算；二是给贫困户交的社保能不能返。")
    assert card(t, "hi.startup_loan").status == "eligible" and s.facts["borrower_type"] == "个人"
    t = say(s, "ask_employer_subsidy", "老板说10万不够，想贷20万分三年还，行不？还有要是再招8个贫困户，社保也都能返吗？")
    assert "hi.startup_loan" in ids(t) and "最多贷10万元" in _text(t)


def test_a_group_short_of_its_time_hears_the_time_of_the_money_stated_before():
    s = State()
    say(s, "ask_employer_subsidy", "我们公司在湘西花垣县，花垣是贫困县。前年三月招了本县的建档立卡贫困户6个，签了三年合同，社保都按规定交了，"
                                   "一直在岗；今年八月又招了本县建档立卡的2个，也签了合同交了社保；另外还有3个是贵州那边的建档立卡户，"
                                   "前年一起进来的，也一直在干。岗位补贴和社保补贴能拿多少？")
    t = say(s, "ask_transport", "那八月份那俩人干满一年以后呢，到时候能补多少，钱从哪出")
    assert "按文件要满12个月才算" in _text(t) and card(t, "hn.post_subsidy").amount.value == 3000


def test_an_agencys_groups_by_time_with_some_claimed_elsewhere():
    s = State()
    t = say(s, "inform", "我们是长沙一家有资质的人力资源服务公司。今年三月份组织邵阳隆回县的建档立卡贫困劳动力去东莞的厂里上班，"
                         "一共送了25个，到现在干满6个月以上的18个，另外7个不到3个月就回来了。18个里头有3个，今年已经被隆回本地"
                         "一个劳务经纪人报过补贴了。我们能拿多少？")
    assert card(t, "hn.job_service_subsidy").amount.value == 3000


_FACTORY = ("你好 我们是千阳县南寨镇的社区工厂 县人社局认定过的 做手套加工 今年3月招了5个脱贫户都签的一年合同 七月份又招了两个脱贫户"
            "签的半年 另外还有3个是村里的普通农户不是脱贫户也签了一年 厂里现在连新带旧一共15个人 以前的老工人里头没有脱贫户 "
            "想问下一次性岗位补贴能给多少 房租水电能补不")


def test_a_units_hires_of_several_kinds_and_contracts_then_the_long_ones_counted_again():
    e = extract(_FACTORY, [], None, TODAY)
    assert e.facts["staff_total"] == 15 and e.facts["hired_poor_count"] == 7
    s = State()
    t = say(s, "ask_factory_job", _FACTORY)
    assert card(t, "qy.community_factory_post").amount.value == 5000
    assert card(t, "qy.community_factory_rent").status == "eligible"
    t = say(s, "ask_factory_job", "那要是签一年合同的脱贫户招了8个呢 厂里总人数变成18个 这钱啥时候去哪报 要带啥")
    assert card(t, "qy.community_factory_post").amount.value == 8000


def test_a_what_if_keeps_the_money_stated_before_and_the_staff_said_as_总人数():
    e = extract("那要是签一年合同的脱贫户招了8个呢 厂里总人数变成18个 这钱啥时候去哪报 要带啥", [], "陕西省宝鸡市千阳县", TODAY)
    assert e.facts["staff_total"] == 18
    s = State()
    say(s, "ask_factory_job", _FACTORY)
    t = say(s, "nlu_fallback", "那要是签一年合同的脱贫户招了8个呢 厂里总人数变成18个 这钱啥时候去哪报 要带啥")
    assert "qy.community_factory_rent" in ids(t) and card(t, "qy.community_factory_post").amount.value == 8000


def test_the_appraised_counted_by_their_certificate_and_a_syb_class_beside_another_course():
    e = extract("还有一期电焊工的就业技能培训，40个人，合格36个，培训完三个月内就业了22个。另外有20个人是头一回去考电焊工职业资格证，"
                "都考下来了。这期培训补贴按多少算？考证那块的补贴给我们学校不？", [], "陕西省宝鸡市千阳县", TODAY)
    assert e.facts["appraised_count"] == 20
    t = say(State(), "nlu_fallback", "您好，我们是给千阳县人社局承办创业培训的机构。上个月刚结束一期SYB，30个学员都是脱贫劳动力，上够了80课时，"
                                     "28个拿到了创业培训合格证，2个没考过；合格的里头已经有5个办了营业执照开了店。另外还办了一期IYB，"
                                     "15个人全部合格。补贴按人头咋算？")
    assert card(t, "qy.startup_training_syb").amount.value == 5 * 2500 + 23 * 1000
    assert card(t, "qy.startup_training_iyb").amount.value == 15000


def test_charged_placements_added_keep_out_those_who_left_before():
    s = State()
    say(s, "ask_referral", "我们是汉滨区一家人力资源服务公司。去年三月份免费给30个登记失业的建档立卡贫困劳动力介绍到苏州电子厂，"
                           "都签了劳动合同。到现在干满一年的有22个，另外8个干了七八个月就辞了回来了。这个职业介绍补贴咋个算嘛？")
    t = say(s, "ask_referral", "还有10个是收了每人300块中介费介绍出去的，也都干满一年了，这10个能不能也算上？这个补贴找哪个部门申请？")
    assert card(t, "ak.job_referral").amount.value == 22 * 200
