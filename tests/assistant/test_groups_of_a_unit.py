"""A unit's people in groups, said in one message and put right later: rounds of hires in a list, each with its contract;
a group said again with a longer contract, or as two parts with their own months; placements whose times follow their
own count; groups by where they are from, the count said first; a group's home corrected; a class's trainees who opened
shops said in a clause of their own, and more of them as a what-if; a group's time reached as a what-if."""

from assistant.extract import extract
from assistant.state import State
from assistant.turn import where_turn

from .talk import TODAY, card as _card, say as _say

_FACTORY = ("我们是千阳崔家头镇认定过的社区工厂，做电子线的。去年四月招了5个脱贫户，都签的一年合同；六月又招了3个脱贫户，"
            "签的半年合同；还有4个本村一般户签了一年。厂里一共15个人。厂房一年租金两万，水电一年四千块。咱厂能拿啥补贴")


def test_rounds_of_hires_in_a_list_each_with_its_contract():
    ex = extract(_FACTORY, None, None, TODAY)
    assert ex.facts.get("hired_poor_count") == 8 and ex.facts.get("contract_months") == 12
    assert ex.counted_not.get("qy.community_factory_post", [None])[0] == 3     # the 3 on half a year
    s = State()
    t = _say(s, "ask_employer_subsidy", _FACTORY)
    assert _card(t, "qy.community_factory_post").amount.value == 5 * 1000
    assert _card(t, "qy.community_factory_rent").status == "eligible"       # 8 of 15 are 脱贫: at least 1/3


def test_a_round_of_edge_households_counts_with_the_poor():
    ex = extract("我们是千阳认定的社区工厂，一共30个员工。3月份招了4个脱贫户，签的一年合同；7月又招了2个脱贫户，只签了半年；"
                 "9月招了3个边缘户，签的两年。", None, None, TODAY)
    assert ex.facts.get("hired_poor_count") == 9


def test_a_short_contract_said_again_as_a_long_one_puts_the_group_back():
    s = State()
    _say(s, "ask_employer_subsidy", _FACTORY)
    t = _say(s, "correct", "哎说错了 六月那仨脱贫户签的是两年的合同 不是半年 那岗位补贴是不是多了")
    assert s.facts.get("hired_poor_count") == 8 and not s.facts.get("counted_not")
    post = _card(t, "qy.community_factory_post")
    assert post.amount.value == 8 * 1000
    # the rent the last answer led with still holds, and is said again
    assert _card(t, "qy.community_factory_rent").status == "eligible"


_AGENCY = ("我们是千阳城关镇的劳务公司，有职介许可证，这一批免费介绍了几拨人 6个脱贫户去浙江的鞋厂签了一年劳动合同 "
           "3个一般农民工跟宝鸡一家劳务派遣公司签了两年合同 还有5个脱贫户去县里猕猴桃园当季节工干了4个月 "
           "另外2个脱贫户季节工干了俩月就回来了 我们公司能拿多少职介补贴")


def test_placements_whose_times_follow_their_own_count():
    ex = extract(_AGENCY, None, None, TODAY)
    assert ex.group_months == [(5.0, 4.0), (2.0, 2.0)]
    assert ex.facts.get("seasonal_referred_count") == 7


def test_a_group_said_as_two_parts_with_their_months_is_no_two_persons():
    s = State()
    _say(s, "ask_referral", _AGENCY)
    t = _say(s, "correct", "不对说错了，猕猴桃园那5个里头有2个干了两个半月就走了，只有3个干满了4个月")
    assert sorted(map(tuple, s.facts["group_months"])) == [(2.0, 2.0), (2.0, 2.5), (3.0, 4.0)]
    assert not s.facts.get("persons_said")
    assert s.facts.get("referred_count") == 9
    assert _card(t, "qy.job_referral_seasonal").amount.value == 3 * 200


def test_some_of_the_placed_pointed_at_keep_the_count_and_hear_they_cannot_take_their_own():
    s = State()
    _say(s, "ask_referral", _AGENCY)
    t = where_turn(s, "那去浙江那6个人自己还能回镇上再领500块的求职补贴不？我们这职介补贴钱打到哪，要啥材料", [], TODAY)
    assert s.facts.get("referred_count") == 9
    assert _card(t, "qy.job_seeking").status == "ineligible"
    assert _card(t, "qy.job_referral").amount.value == 9 * 500
    assert any("要带的材料" in r.text for r in t.replies)


def test_one_group_of_several_said_again_as_parts():
    s = State()
    _say(s, "ask_internship", "来电人是安康汉阴一家食品公司的，公司去年接了5个贫困家庭的大学毕业生来见习：3个见习了5个月，"
                              "另外2个见习了8个月，已经留下了。公司问能拿多少见习补贴")
    t = _say(s, "correct", "她又说记错了，见习5个月的那三个，其实两个是5个月，一个只见习了2个月")
    assert sorted(map(tuple, s.facts["group_months"])) == [(1.0, 2.0), (2.0, 5.0), (2.0, 8.0)]
    assert _card(t, "ak.internship").amount.value == (2 * 5 + 1 * 2 + 2 * 6) * 1000


_LOGISTICS = ("我们是株洲荷塘区的一家物流公司。招了三拨建档立卡贫困户：6个衡阳的，签了三年合同，已经在岗15个月；"
              "2个江西萍乡的，也签了三年、在岗15个月；还有3个湘西的，签了两年，在岗才7个月。社保我们都按规定交了。"
              "公司能领什么补贴，多少钱？")


def test_groups_by_where_they_are_from_with_the_count_first():
    s = State()
    t = _say(s, "ask_employer_subsidy", _LOGISTICS)
    assert s.facts.get("insurance_paid") is True and s.facts.get("new_hires") == 11
    post = _card(t, "hn.post_subsidy")
    assert post.status == "eligible" and post.amount.value == 6 * 1000     # 江西 out, the 3 of 7 months short


def test_a_groups_home_corrected_is_no_new_place_of_the_unit():
    s = State()
    _say(s, "ask_employer_subsidy", _LOGISTICS)
    t = _say(s, "correct", "哦说错了，萍乡那2个是我搞混了，他们户口是湖南醴陵的，也是建档立卡的，其他情况一样")
    assert "株洲" in s.place
    assert _card(t, "hn.post_subsidy").amount.value == 8 * 1000


def test_a_short_group_reaching_its_time_as_a_what_if_hears_the_units_whole():
    s = State()
    _say(s, "ask_employer_subsidy", _LOGISTICS)
    t = _say(s, "ask_employer_subsidy", "那湘西那仨要是再干5个月满12个月了呢")
    assert _card(t, "hn.post_subsidy").amount.value == 9 * 1000
    assert "还差5个月" in t.replies[0].text


_SCHOOL = ("我们是汉滨的培训定点机构，去年在镇上开了两个班：电工就业技能培训班，建档立卡贫困户18个、不是建档立卡的4个；"
           "还有一个创业培训班(SYB)，10个全是建档立卡的，都考核合格了，其中4个已经开起了店。这两个班分别能享受多少补贴")


def test_trainees_who_opened_shops_said_in_a_clause_of_their_own():
    s = State()
    t = _say(s, "ask_training", _SCHOOL)
    assert _card(t, "ak.startup_training").amount.value == 10 * 1200 + 4 * 800


def test_more_trainees_opening_shops_as_a_what_if():
    s = State()
    _say(s, "ask_training", _SCHOOL)
    t = _say(s, "inform", "那要是创业班又有三个下个月把店开起来了呢，一共能多多少")
    assert _card(t, "ak.startup_training").amount.value == 10 * 1200 + 7 * 800
    assert "多2400元（3人×800元）" in t.replies[0].text


def test_a_short_group_asked_whether_it_gets_it_then_hears_what_it_adds():
    s = State()
    _say(s, "ask_employer_subsidy", _LOGISTICS)
    t = _say(s, "ask_employer_subsidy", "那湘西那仨要是干满一年了，还能补不")
    assert any("再补3000元（3人×1000元）" in r.text for r in t.replies)     # what they add, then the unit's whole
    assert _card(t, "hn.post_subsidy").amount.value == 9 * 1000


def test_some_of_another_group_corrected_out_beside_those_out_before():
    s = State()
    _say(s, "ask_employer_subsidy", "俺们是绥化青冈县的一个养牛合作社，这两年吸纳了些人：本屯建档立卡贫困户8个，干了一年半了；"
                                    "外屯建档立卡的2个，今年开春才来，干了8个月；还有3个是普通农户，不是贫困户，干了两年了。"
                                    "合作社能拿啥奖励")
    t = _say(s, "correct", "哎呀说错了，本屯那8个里头有1个是低保户，不是建档立卡的。那现在能拿多少？")
    assert _card(t, "sh.startup_poverty_reward").amount.value == 7 * 1000     # the 3 ordinary and the 1 低保 out


_BATCHES = ("我们是湘西保靖县正规注册的劳务公司，有人力资源服务许可证。去年我们组织了三批人出去：头一批8个建档立卡贫困户去广东佛山"
            "家具厂，都稳稳当当干了8个月；第二批5个建档立卡户去福建晋江，干了3个月；第三批6个不是建档立卡的普通农户去深圳，"
            "干了一年。这种介绍就业的补贴，我们公司能拿好多钱咯？")


def test_batches_sent_each_with_who_they_are_and_how_long():
    ex = extract(_BATCHES, None, None, TODAY)
    assert ex.group_months == [(8.0, 8.0), (5.0, 3.0)]
    assert ex.facts.get("referred_count") == 13
    assert "months_since_registration" not in ex.facts       # (the agency's placements' months, no business's)


def test_part_of_a_batch_at_longer_months_the_rest_at_the_batchs():
    s = State()
    t = _say(s, "ask_referral", _BATCHES)
    assert _card(t, "hn.job_service_subsidy").amount.value == 8 * 200
    t = _say(s, "correct", "哎呀讲错了，去福建那5个里头有3个其实也干满了8个月，只有2个干了3个月就回来了")
    assert sorted(map(tuple, s.facts["group_months"])) == [(2.0, 3.0), (3.0, 8.0), (8.0, 8.0)]
    assert _card(t, "hn.job_service_subsidy").amount.value == 11 * 200


def test_people_taken_in_said_with_shou():
    ex = extract("俺们是望奎县的木耳种植专业合作社 前年开春收了6个建档立卡贫困户来社里干活 一直干到现在 今年六月又收了2个建档立卡的 "
                 "干了五个来月 另外还有3个是屯里的一般户 俺们社能领啥奖励", None, None, TODAY)
    groups = sorted(ex.group_months or [])
    assert [n for n, _ in groups] == [2.0, 6.0] and groups[0][1] < 12 <= groups[1][1]


def test_a_schools_poor_students_counted_by_their_years():
    ex = extract("我们是五指山的一所技工学校 办了扶贫班 建档立卡家庭的学生一年级15个二年级11个 另外还有4个是低保户家的孩子"
                 "不是建档立卡 这学期二年级有9个去考焊工 7个拿到了职业资格证书", None, None, TODAY)
    assert ex.facts.get("students_count") == 26      # the two years of the poor, not the 9 who sat the exam


def test_a_count_closing_its_clause_has_the_time_said_in_the_clauses_after_it():
    ex = extract("我们是湘西保靖县的一家企业 保靖是国家级贫困县 厂里招了本县的建档立卡贫困户6个 合同签的三年 社保都交了 "
                 "到现在都在岗一年多了 还有两个也是本县建档立卡的 才来了7个月 另外2个是江西那边过来的建档立卡户 也干了一年多",
                 None, None, TODAY)
    assert (6.0, 12.0) in ex.group_months and (2.0, 7.0) in ex.group_months


def test_placements_free_and_charged_are_the_count_said_first():
    ex = extract("你好 我们是汉阴的一家人力资源服务公司 证照都齐。前年给11个在人社登记了失业的贫困户介绍了工作 都跟厂里签了劳动合同 "
                 "其中9个没收钱 这9个里7个干满一年多了 两个干了6个月就走了 还有2个当时收了每人200块中介费。职业介绍补贴能拿多少",
                 None, None, TODAY)
    assert ex.facts.get("referred_count") == 11
    assert ex.counted_not.get("ak.job_referral", [None])[0] == 2


def test_groups_corrected_beside_another_sentence_about_some_of_them():
    s = State()
    _say(s, "ask_referral", "老乡们都喊我劳务经纪人 我是邵东的 在县人社局备过案的。去年过完年带了10个人去佛山家具厂 7个是建档立卡贫困户 "
                            "3个是一般农户。7个贫困户里头5个干满半年了 两个干了三个月就回来哒。听说介绍一个有补贴 我能拿好多")
    t = _say(s, "correct", "搞错哒 干满半年的是4个 有3个只干了三个月。还有 那4个里头有1个干满半年以后 去年下半年我又把他介绍到"
                           "株洲一个厂 这个能再算一回不")
    assert sorted(map(tuple, s.facts["group_months"])) == [(3.0, 3.0), (4.0, 6.0)]
    assert _card(t, "hn.job_service_subsidy").amount.value == 4 * 200


def test_a_schools_poor_students_put_right_by_a_years_count():
    s = State()
    _say(s, "ask_school_grant", "我们是五指山的一所技工学校 办了扶贫班 建档立卡家庭的学生一年级15个二年级11个 另外还有4个是低保户家的孩子"
                                "不是建档立卡 想问下这些学生每年一共能有多少补助")
    t = _say(s, "correct", "不好意思说错了 二年级建档立卡的是13个不是11个")
    assert s.facts.get("students_count") == 28
    assert _card(t, "hi.technical_school").amount.value == 28 * 3000


def test_a_schools_poor_students_put_right_by_their_category_groups():
    s = State()
    _say(s, "ask_school_grant", "您好，我们是绥化北林区的一所技工学校。今年秋季新生里有6个是建档立卡贫困户家的孩子，四个是低保户家的"
                                "（不是建档立卡），另外还招了2个往届两后生，也是建档立卡户的。听说一个学生一年补3000，学校这块能领多少？")
    assert s.facts.get("students_count") == 8
    _say(s, "correct", "哦不对，我再数了下，新生里建档立卡的是7个，低保的是3个，两后生还是2个。这钱咋申请")
    assert s.facts.get("students_count") == 9


_COOP = ("俺们是绥化望奎的养殖合作社 前年开春整了5个建档立卡贫困户来社里干活 到现在都干一年多了；还有仨也是建档立卡的 "
         "去年秋天来的 干了俩月就走了；另外俩是屯里一般户。那个吸纳贫困户的奖励能整多少")


def test_groups_counted_with_sa_and_lia_and_the_ordinary_ones_out():
    ex = extract(_COOP, None, None, TODAY)
    assert sorted(ex.group_months) == [(3.0, 2.0), (5.0, 12.0)]
    assert ex.counted_not.get("sh.startup_poverty_reward", [None])[0] == 2
    s = State()
    t = _say(s, "ask_employer_subsidy", _COOP)
    assert _card(t, "sh.startup_poverty_reward").amount.value == 5 * 1000


def test_more_hires_as_many_as_a_group_keep_the_groups():
    s = State()
    _say(s, "ask_employer_subsidy", _COOP)
    t = _say(s, "ask_employer_subsidy", "那要是明年再招3个贫困户 能干满一年 还能加钱不")
    assert sorted(map(tuple, s.facts["group_months"])) == [(3.0, 2.0), (3.0, 12.0), (5.0, 12.0)]
    assert _card(t, "sh.startup_poverty_reward").amount.value == 8 * 1000


def test_people_of_another_province_said_besides_the_groups_are_counted_and_left_out():
    s = State()
    t = _say(s, "ask_employer_subsidy", "我们厂在长沙县星沙，做电子元件的。去年10月招了8个湘西、邵阳那边的建档立卡贫困户，签的两年合同，"
                                        "一直干到现在，社保都交着；今年3月又招了四个湖南本省的建档立卡户，也签两年；"
                                        "另外还有3个贵州来的，在贵州也是建档立卡户。岗位补贴能拿多少")
    assert s.facts.get("new_hires") == 15
    assert _card(t, "hn.post_subsidy").amount.value == 8 * 1000         # the 3 of 贵州 and the 4 of 9 months are out
