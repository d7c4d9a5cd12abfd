"""Held-out set 49's words: an agency's people by where they went and how long they stayed, a group named by its place
in a why-not, two jobs in a year, rounds of hires by contract, capital digits, a unit moved, a public-welfare post asked
for and not yet held."""
from assistant.extract import extract
from assistant.state import State
from policies.normalize import plain_digits

from .talk import TODAY, card, say


def _text(t):
    return "\n".join(r.text for r in t.replies)


_SENT = ("他说2019年一共送出去二十三个：去广东东莞的十五个，去长沙本省厂子的八个。干满半年的有十九个，另外四个两三个月就回来了。"
         "能拿多少？这些人自己的路费能补不？")


def test_an_agencys_people_by_where_they_went_and_how_long_they_stayed():
    e = extract(_SENT, [], "湖南省怀化市", TODAY)
    assert e.place is None                       # 东莞 and 长沙 are where they were sent, not a home
    assert e.facts["referred_count"] == 23 and not e.more_people
    assert sorted(e.group_months) == [(4.0, 3.0), (19.0, 6.0)]
    assert e.facts["months_since_employment"] >= 80     # placed in 2019, not half a year ago
    s = State()
    say(s, "ask_referral", "来电的是怀化一家劳务公司的负责人，有人力资源服务许可证。他问：公司组织建档立卡贫困户出去打工，每成功介绍一个，"
                           "政府补多少钱？")
    t = say(s, None, _SENT)
    assert s.place == "湖南省怀化市"
    assert card(t, "hn.job_service_subsidy").amount.value == 3800      # the amount asked, beside the fares
    assert card(t, "hn.transport_subsidy")
    t = say(s, "correct", "他改口了，说干满半年的不是十九个，是二十一个，只有俩没满。那是多少")
    assert card(t, "hn.job_service_subsidy").amount.value == 4200


def test_a_group_named_by_its_place_in_a_why_not_is_no_place_of_the_asker():
    e = extract("吉林那仨为啥不行？海伦那五个又不是北林的，算不算？", [], "黑龙江省绥化市北林区", TODAY)
    assert e.place is None and not e.place_corrected


def test_two_jobs_in_a_year_the_later_ones_contract_decides():
    e = extract("俺是千阳水沟镇的脱贫户 今年端午过了去江苏苏州电子厂干了三个月 没签合同算临时工 去的时候火车票加汽车票一共花了三百八十块"
                "票都留着 国庆过完回来进了俺村的社区工厂缝手套 签了一年合同 这两头能补啥钱 各补多少", [], None, TODAY)
    assert e.facts["contract_months"] == 12 and not e.facts.get("seasonal_job")


_MOVED = ("你好，俺们是千阳的一个社区工厂，县人社局认定过的。原来在南寨镇叫“红枫扶贫车间”，今年三月搬到城关镇了，名字也改成“红枫社区工厂”。"
          "前年招了肆个脱贫劳动力，签的两年合同；去年国庆后又招了仨，签的半年合同。厂里一共十二个工人，场地房租一年两万四，水电一年六千来块。"
          "想问下这些人能给厂里补多少钱")


def test_rounds_of_hires_by_contract_in_capital_digits_and_a_unit_moved():
    assert plain_digits(_MOVED).count("四个") == 1 and "陆续" in plain_digits("陆续招了贰拾个")
    e = extract(plain_digits(_MOVED), [], None, TODAY)
    assert e.place.endswith("城关镇")
    s = State()
    t = say(s, "ask_factory_job", plain_digits(_MOVED))
    assert card(t, "qy.community_factory_post").amount.value == 4000
    t = say(s, "correct", "哦不对不对，我刚翻了下合同，去年那仨签的也是一年的，不是半年。那现在一共是多少")
    assert card(t, "qy.community_factory_post").amount.value == 7000


def test_a_seasonal_group_said_by_three():
    e = extract("今年8月份我们一共送出去十六个脱贫户：八个去宝鸡市区的厂子，签的一年合同；五个去江苏昆山，签的两年；"
                "还有仨去新疆摘棉花，干了四个月回来了。这一共能拿多少", [], "陕西省宝鸡市千阳县", TODAY)
    assert e.facts["referred_count"] == 13 and e.facts["seasonal_referred_count"] == 3


def test_a_public_welfare_post_asked_for_is_the_towns_to_give():
    s = State()
    t = say(s, "ask_public_post", "我替我爸问问，他今年63了，是千阳草碧镇的脱贫户，家里也吃低保，这两年一直没活干。村上说让他当公益岗扫村道，"
                                  "一个月能给多少钱？是给现金还是打卡？他这岁数还让干不？")
    assert card(t, "qy.rural_public_post").status == "unknown"
    assert "由镇里统筹安置" in _text(t)
    s = State()
    t = say(s, "ask_public_post", "我是千阳草碧镇的脱贫户，在村里当保洁员，公益岗，干了3个月了，一个月多少钱")
    assert card(t, "qy.rural_public_post").status == "eligible"


def test_a_covered_place_named_in_a_why_not_by_one_from_elsewhere_keeps_the_asker_where_he_is():
    s = State()
    say(s, "ask_startup_subsidy", "俺是齐齐哈尔拜泉的贫困户 今年开春办了个体执照开了个农机修理铺 到现在八个多月了 "
                                  "听说绥化那边头一回开个体的给五千块 俺这能给不")
    t = say(s, "ask_what_can_i_get", "为啥不中 都是黑龙江的 俺们离明水也不远 绥化能给俺们咋就不能给")
    assert "齐齐哈尔" in s.place and not t.decision.stated


_TWO_FACTORIES = ("我是邵阳隆回的贫困户 去年国庆过后进了长沙一个厂 签了合同交了社保 干到今年端午就辞了 八个多月 端午过后进了株洲一家厂 "
                  "签的一年合同社保也交了 到现在五个多月 打算一直干下去 两个厂加起来一年多了 听说招贫困户厂里有补贴 两个厂都能拿不 我自己能拿啥")


def test_a_job_left_then_a_job_kept_its_months_and_the_askers_own_money():
    e = extract(_TWO_FACTORIES, [], None, TODAY)
    assert e.facts["months_employed"] == 5 and e.facts["stay_planned"] is True
    s = State()
    t = say(s, "ask_job_seeking", _TWO_FACTORIES)
    assert card(t, "hn.post_subsidy").status == "eligible"           # reached by staying on: 领取前提
    assert "领取前提" in _text(t)
    assert card(t, "hn.transport_subsidy")                            # "我自己能拿啥": his own, beside the unit's
    t = say(s, None, "那株洲那个厂干满一年了 那一千块是厂里拿还是分给我 为啥不给我")
    assert s.role == "worker" and "不是发给您个人" in _text(t)


def test_a_course_had_beside_one_to_come_and_out_of_work_then_not_now():
    s = State()
    t = say(s, "ask_training", "来电人是永州江华县的建档立卡贫困户，女，45岁。去年没上班的时候参加了县里的家政就业前技能培训，上了15天，"
                               "领过一次生活费补贴300块。今年在长沙做家政上班了，想再报一个养老护理的岗位技能提升培训，"
                               "问这回还能不能一天20块再领一次生活费，培训能补多少？")
    assert s.facts.get("employed") is True
    assert card(t, "hn.training_living_allowance").status == "ineligible"


def test_a_class_from_another_county_and_its_why_not_beside_the_schools_question():
    s = State()
    t = say(s, "ask_training_allowance", "我们是一家培训学校，在千阳县崔家头镇办了一期育婴员培训，十天，学员三十个：千阳本县的脱贫劳动力十八个，"
                                         "隔壁陇县来的脱贫户八个，还有四个是千阳的普通村民，不是脱贫户。学员的生活费交通费补贴咋算，这一期能给学员发多少")
    assert card(t, "qy.training_living_transport").amount.value == 9000       # 陇县's 8: not said by the text
    t = say(s, "ask_training", "那为啥那四个不是脱贫户的不给？他们也天天来上课的。另外培训完三个月内三十个人里找到工作的有十八个，"
                               "我们学校的培训补贴按啥标准算")
    assert card(t, "qy.training_living_transport").status == "ineligible"      # the 4, first
    assert card(t, "qy.skills_training") and s.facts["class_employment_rate"] == 0.6
    assert s.facts["trainee_count"] == 26


def test_some_of_a_part_named_by_its_place_left_early():
    s = State()
    say(s, "ask_referral", plain_digits("我们是旬阳县的一家人力资源服务公司。前年免费介绍了贰拾个登记失业的贫困劳动者去企业上班，都签了劳动合同："
                                        "省内安康、西安的一共拾贰个，外省浙江的捌个，到现在都干满一年以上了。职业介绍补贴能拿多少？"))
    t = say(s, "correct", plain_digits("哎不对，浙江那捌个里头有仨干了半年就回老家了，没满一年。那还能拿多少？那仨为啥不算"))
    assert card(t, "ak.job_referral").amount.value == 3400


def test_years_worked_more_from_another_province_and_a_group_of_another_class():
    s = State()
    t = say(s, "ask_employer_subsidy", "你好 我们是长沙的一家物业公司 2018年招了5个湘西州的建档立卡贫困户 签的三年合同 社保都交了 "
                                       "一直干到2020年底 2019年下半年又从邵阳招了3个建档立卡的 签的半年合同 干满半年就走了 "
                                       "岗位补贴一年能拿多少 是不是按1500算")
    assert card(t, "hn.post_subsidy").status == "eligible" and card(t, "hn.post_subsidy").amount.value == 5000
    t = say(s, None, "对了差点忘了 还有俩贵州来的建档立卡户 2019年签的两年合同 社保也交了 他俩能算进去不")
    assert s.facts["home_province"] == "本省" and card(t, "hn.post_subsidy").amount.value == 5000
    assert _text(t).startswith("贵州省来的那2人") and "hn.post_subsidy" in [r.benefit.id for r in t.decision.stated
                                                                        if r.status == "ineligible"]
    s = State()
    t = say(s, "ask_employer_subsidy", "我们是三亚一家酒店，去年过完年招了6个五指山的建档立卡贫困户，签了三年合同；今年又招了4个琼中的建档立卡户，"
                                       "签的一年合同。社保我们都给交着。听说企业给贫困户交的社保能返，返多少、返几年？签一年的也算吗？"
                                       "员工个人交的那部分能不能也返给他们")
    assert card(t, "hi.social_insurance_refund").status == "eligible"
    t = say(s, "correct", "不好意思说错了，今年那4个不是建档立卡的，是低保户，没建档立卡。那他们还能返不？")
    assert "那4人是低保家庭" in _text(t) and s.facts["category"] == ["脱贫劳动力"]


def test_some_of_an_agencys_people_who_take_their_own_money():
    s = State()
    say(s, "ask_referral", "您好，我们是千阳县的一家劳务派遣公司，营业执照和人力资源服务许可证都有。想先问一下，我们免费给脱贫户介绍工作，"
                           "政府按人头一个人补多少钱？")
    say(s, None, "今年8月份我们一共送出去十六个脱贫户：八个去宝鸡市区的厂子，签的一年合同；五个去江苏昆山，签的两年；"
                 "还有仨去新疆摘棉花，干了四个月回来了。这一共能拿多少")
    t = say(s, "ask_transport", "昆山那五个人说他们自己也要回镇上申请那个一次性求职补贴，还有路费补贴，车票一个人三百八。"
                                "他们领了的话，我们公司这五个人的职介补贴还能拿不？俺们和他们能不能都拿")
    assert card(t, "qy.job_referral").amount.value == 4000 and card(t, "qy.job_referral_seasonal").amount.value == 600
    assert card(t, "qy.job_seeking").amount.value == 2500 and card(t, "qy.cross_province_transport").amount.value == 1900


def test_the_papers_of_a_persons_own_money_beside_the_units():
    s = State()
    say(s, "inform", "我替我爸妈问下 他俩都是望奎的贫困户 我爸前年开小卖部领过一回五千块的创业补贴 去年秋收完又在镇上开了个饭馆 "
                     "也是个体执照 我妈今年开春办的个体执照开了个豆腐坊 到现在一直开着 听说开个体给五千 他俩一人五千一共一万块吧")
    say(s, "ask_employer_subsidy", "那我爸还是村里养牛合作社的理事长 合作社去年秋收完雇了村里三个贫困户喂牛 俩人一直干到现在一年多了 "
                                   "还有一个干了三个月就走了 合作社能拿啥")
    from assistant.turn import documents_turn
    t = documents_turn(s, "行 那我妈那五千和合作社那两千到哪儿办 要带啥", [], TODAY)
    assert [r.benefit.id for r in t.decision.stated] == ["sh.startup_subsidy", "sh.startup_poverty_reward"]


def test_set50_an_agencys_charged_ones_first_and_one_by_name_who_took_his_own():
    s = State()
    t = say(s, "ask_referral", "俺们是县上有职介许可证的劳务公司，今年6月份一共给15个人介绍了活。5个收了300块介绍费，这5个都签了一年合同。"
                               "剩下10个没收钱：7个去苏州电子厂签了一年合同（6个脱贫户、1个一般农民工），3个脱贫户去县里苹果园干季节工，"
                               "干了4个月。对了，那7个里头老赵今年自己去镇上领过500块求职补贴。俺们职介补贴一共能拿多少？")
    assert card(t, "qy.job_referral").amount.value == 3000 and card(t, "qy.job_referral_seasonal").amount.value == 600
    t = say(s, "ask_what_can_i_get", "老赵为啥不算？求职补贴是他自己领的，又不是俺们领的。还有这钱最晚啥时候报、上哪儿报、要带啥？")
    assert _text(t).startswith("老赵不能算") and "合计3600元" in _text(t) and "要带的材料" in _text(t)
    assert "qy.job_seeking" not in [r.benefit.id for r in t.decision.stated]


def test_set50_a_unit_across_the_border_that_hired_a_covered_places_poor():
    s = State()
    t = say(s, "ask_employer_subsidy", "来电的是重庆秀山县洪安镇一家服装厂的人事，厂子跟湖南花垣县的边城（茶峒）就隔一条河。她说厂里招了花垣县"
                                       "25个建档立卡贫困户，都签了一年合同、交了社保，都干满一年了。问湖南那个企业吸纳贫困户一人一年1000、"
                                       "1500的岗位补贴，还有社保补贴，她们厂能不能拿？")
    assert card(t, "hn.post_subsidy").status == "ineligible" and s.facts["unit_location"] == "外地"


def test_set50_the_rest_of_a_count_said_not_of_its_class_is_no_more_people():
    e = extract("今年3月份组织了30个人去东莞电子厂，其中建档立卡贫困户20个，另外10个不是。", [], "湖南省邵阳市隆回县", TODAY)
    assert not e.more_people


def test_set50_the_poor_of_a_class_said_after_it():
    s = State()
    say(s, "inform", "您好，我们是千阳县城一家职业培训学校。今年6月办了一期中式面点师就业技能培训班，报名40人，中途退学4个，结业36个，"
                     "考核合格32个，6月底结业后3个月内找到工作的有22个。这一期的培训补贴咋核算？按多少人、按啥标准？")
    t = say(s, "ask_training_allowance", "明白了。班里有18个是脱贫户，20天都上满了，他们的生活费交通费是不是得我们先垫？一人最多能给多少？")
    assert card(t, "qy.training_living_transport").amount.value == 18000
