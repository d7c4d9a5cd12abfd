"""Households told of by a village employment-information officer or an operator: members named by surname (老张, 张XX,
王哥), by ordinal (大儿子, 大小子), after a colon or a household's ordinal (第一户); the caller beside her husband (她自己);
each member answered on their own facts (a class of one member stays theirs, a course's money goes to the one taking
it, households counted are no unit's hires), a correction of one member's fact (a date, an age, a shop's form), the
household's total, and a bare reply ("两年") taken as the fact the last answer said was still open."""
from assistant.state import State
from assistant.turn import documents_turn
from .talk import TODAY, card as _card, ids as _ids, say as _say


def _text(t):
    return "\n".join(r.text for r in t.replies)


def _line(text, label):
    return text.split(f"\n{label}：")[1].split("\n")[0]


_LAO_ZHANG = ("我是千阳县南寨镇一个村的就业信息员 帮老张家问一下 他家是脱贫户 三口人：老张本人今年过完年就去江苏昆山电子厂了 "
              "签了一年合同 火车票花了三百八；他媳妇上礼拜刚在县上参加完家政培训 一共十五天；大儿子在宝鸡技师学院上学 读二年级。"
              "麻烦看看他家各人能享受啥补贴")


def test_an_officers_household_is_told_apart_by_surname_and_ordinal_and_the_money_is_the_workers_not_yours():
    s = State()
    text = _text(_say(s, "inform", _LAO_ZHANG))
    assert s.role == "proxy"
    assert "跨省就业一次性交通补助：380元" in _line(text, "老张") and "钱发给劳动者本人" in _line(text, "老张")
    assert "技能培训生活和交通费补贴：最高750元" in _line(text, "他媳妇")
    assert "“千校行动”补贴" in _line(text, "大儿子") and "千校行动" not in _line(text, "他媳妇")
    assert "\n您：" not in text


def test_a_members_start_corrected_and_the_households_total():
    s = State()
    _say(s, "inform", _LAO_ZHANG)
    t = _say(s, "correct", "哦 刚问了老张 说错了 他不是过完年走的 是八月底才去的昆山 之前在家摘苹果 那他那个求职补贴还能办不")
    assert _card(t, "qy.job_seeking").status == "eligible"           # 4 months: within the six
    t = _say(s, "ask_job_seeking", "那他们一家子三口加起来 总共能拿多少钱")
    text = _text(t)
    assert "合计最多4630元（500+380+750+3000）" in text              # 750 a ceiling, 3000 a year
    assert "另有大儿子的技工教育免学费、助学金" in text
    # each member's money is their own: the household's lines name who receives it, never the officer asking
    assert "钱发给老张本人" in _line(text, "老张")
    assert "钱发给" in _line(text, "大儿子") and "您" not in _line(text, "大儿子")
    assert {"qy.job_seeking", "qy.cross_province_transport", "qy.training_living_transport",
            "qy.yulu_technical_school"} <= set(_ids(t))


def test_two_households_by_ordinal_each_members_unit_money_and_no_hires_counted_from_the_households():
    s = State()
    text = _text(_say(s, "nlu_fallback", "我是新化县一个村的就业信息员 两户一起问下 都是建档立卡户。第一户 张XX 去年腊月进了县里一家"
                                         "扶贫车间 签了三年合同 厂里给交社保 到现在干了十个多月；第二户 李XX 上礼拜刚去长沙工地上班 "
                                         "他儿子在娄底一个厂里上班 厂里组织他参加岗位技能提升培训。这两户能享受些啥"))
    assert "✗岗位补贴（须实际在岗12个月以上）" in _line(text, "张XX")
    assert "以工代赈" not in _line(text, "张XX")                       # free services he is out of tell him nothing
    assert "✓转移就业交通补助" in _line(text, "李XX")
    assert "new_hires" not in s.facts
    t = _say(s, "ask_factory_job", "张XX那个 等他干满一年了 厂子能拿多少 扶贫车间就在我们新化 新化原来是贫困县 他也是本县的 "
                                   "还有那个岗位补贴跟社保补贴 这两个能一起拿不")
    assert _text(t).startswith("岗位补贴、社会保险补贴：文件没有写二者不能同时享受")
    assert _card(t, "hn.post_subsidy").amount.value == 1500


def test_the_caller_beside_her_husband_and_a_class_of_one_member_stays_theirs():
    s = State()
    text = _text(_say(s, "inform", "来电人说 她是隆回县的建档立卡贫困户 老公今年三月份去广东东莞电子厂打工了 一直干到现在 是村里劳务经纪人"
                                   "老李带出去的；她自己上个月在县里参加了缝纫工就业前技能培训 实际到课十二天。问两口子各能拿啥补贴"))
    assert "✓转移就业交通补助" in _line(text, "老公")
    assert "240元" in _line(text, "来电人")
    s = State()
    text = _text(_say(s, "nlu_fallback", "我是琼中县一个村的就业信息员 帮村里王家问下 建档立卡户 家里同时也是低保户 王哥想在村里开个小民宿 "
                                         "想贷款；他闺女今年六月刚大学毕业 想在网上开个店卖山兰米；他儿子在三亚技师学院读书 "
                                         "上个月考了电工职业资格证 看看这几口人都能有啥"))
    assert "大学应届毕业生创业补贴" not in _line(text, "王哥")
    assert "✓低保贫困家庭子女大学应届毕业生创业补贴：每人1500元" in _line(text, "他闺女")
    t = _say(s, "inform", "那王家这几口人 能算出钱数来的 加一块是多少")
    assert "合计4500元（1500+3000）" in _text(t) and "是贷款（要按期还），不算在内" in _text(t)


def test_a_course_taken_by_one_member_brings_its_own_money_to_her():
    s = State()
    text = _text(_say(s, "ask_training", "我替俺妈和俺妹问下 俺家是海伦市乡下的建档立卡户 俺妈五十一 这个月在参加乡里办的巾帼家政培训 "
                                         "学月嫂 天天坐车去镇上上课；俺妹今年初中毕业没念高中 十六了 想去念技校 这俩人都有啥"))
    assert "参加培训交通费补助" in _line(text, "您妈") and "技工教育补助" not in _line(text, "您妈")
    assert "技工教育补助（农村建档立卡贫困家庭）：每生每年3000元" in _line(text, "您妹")


def test_a_correction_of_one_members_age_or_shop_is_theirs():
    s = State()
    _say(s, "inform", "帮我爸跟我弟问一哈 屋里是旬阳的建档立卡贫困户 我爸四十八 去年冬天在镇上参加了电焊就业技能培训 证也拿了 "
                      "我弟今年二十四 在安康技师学院上全日制 他俩能享受啥子政策")
    assert s.role == "proxy"
    _say(s, "correct", "哦说错了 我弟不是二十四 是二十六 上个月刚过的生")
    assert dict(s.facts["persons_said"])["您弟"]["age"] == 26
    s = State()
    _say(s, "ask_startup_subsidy", "俺是兰西县的贫困户 今年三月份办了个体执照开了个豆腐坊 头一回干买卖 到现在一直开着 "
                                   "俺家大小子在绥化技师学院念书 俺自己前阵子还参加了乡里的创业培训 俺还能领啥")
    t = _say(s, "correct", "不对 我说错了 办的不是个体户执照 是注册了个有限公司 算小微企业 那创业补贴是多少")
    c = _card(t, "sh.startup_subsidy")
    assert c.status == "eligible" and c.amount.value == 10000


def test_a_bare_reply_is_the_fact_the_last_answer_left_open():
    s = State()
    t = _say(s, "ask_factory_job", "俺是千阳张家塬镇一个扶贫车间的 县人社局给认定过 去年十月份招了5个脱贫户进来干活 厂里招他们能给厂里钱不")
    assert _card(t, "qy.community_factory_post").status == "unknown"    # 还要看：…不低于一年期限的劳动合同
    t = _say(s, "inform", "两年")
    assert s.facts["contract_months"] == 24
    assert _card(t, "qy.community_factory_post").status == "eligible"


def test_an_agency_quoted_by_the_family_leaves_the_asker_family_and_her_sisters_papers_are_her_own_moneys():
    s = State()
    _say(s, "inform", "你好 我帮我哥和我妹问问 我们家是千阳张家塬镇的脱贫户 我哥上个月经一个劳务公司介绍去西安一家物流公司上班了 "
                      "签了两年合同 车费花了六十多块；我妹在县职业中专读三年级 明年六月毕业 毕业了想自己找工作 他俩能有啥补贴")
    _say(s, "nlu_fallback", "劳务公司的人说 没收我哥钱 他们要给我哥报那个职业介绍补贴 那我哥自己那个五百的求职补贴 这两个能一起拿不")
    assert s.role != "employer"                 # the agency is quoted, not the asker
    t = documents_turn(s, "行吧 那我妹那个一千块的 她要准备些啥材料 交给谁", [], TODAY)
    assert _ids(t)[0] == "qy.graduate_job_search"
    assert "求职创业补贴" in _text(t).split("\n")[0]
