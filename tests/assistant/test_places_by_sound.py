"""Places typed by ear or with a look-alike character are matched; a neighbour named in passing is not the home."""
import datetime as dt

import pytest

from assistant.extract import extract

TODAY = dt.date(2026, 11, 30)


@pytest.mark.parametrize("text,place", [
    ("钱阳县的边原户", "陕西省宝鸡市千阳县"), ("我是按康的", "陕西省安康市"), ("湘谭的贫困户", "湖南省湘潭市"),
    ("我老公是衡杨的贫困户", "湖南省衡阳市"), ("我们是朱洲的一家公司", "湖南省株洲市"), ("怀话的培训机构", "湖南省怀化市"),
    ("长德的劳务公司", "湖南省常德市"), ("来电人说是海囗的贫困户", "海南省海口市"), ("楼底新化的贫困户", "湖南省娄底市新化县"),
    # a near sound (-eng/-ing run together): 绥陵 for 绥棱, said as home beside a city where the person worked
    ("我在哈尔滨打了好几年工，老家绥陵的，家里是建档立卡贫困户", "黑龙江省绥化市绥棱县"),
    # zh/z, ch/c, sh/s run together in southern speech (五指三 for 五指山); a unit's "我们是…" says a place too
    ("我是五指三的建档立卡户，前年整村搬迁到镇上安置点", "海南省五指山市"), ("我们是丹州一所技工学校", "海南省儋州市"),
    # a city worked in for years before coming back is not home ("在 深圳 打了 五六年 工 去年 回来")
    ("我 之前 在 深圳 打了 五六年 工 去年 回来 在 崔家投镇 开了个 饸饹面馆", "陕西省宝鸡市千阳县崔家头镇"),
    # a job in a city, and the home gone back to (typed by ear)
    ("俺儿子前些年一直在哈尔滨送快递，今年开春回海轮老家了，想开网店", "黑龙江省绥化市海伦市"),
    ("我是汉阴县涧池镇的，在广州做了十年餐饮，今年回来流转了200亩地", "陕西省安康市汉阴县"),
    # n/l run together (海南 speech): 万灵 for 万宁, 林水 for 陵水
    ("我系万灵县的建档立卡户，四十岁，在家无事做", "海南省万宁市"), ("我是林水的", "海南省陵水黎族自治县"),
    # a character with several readings is heard by its common one first (平 is ping, not only beng/bing/pian)
    ("我是平将县的建档立卡户，想回村里养鸡", "湖南省岳阳市平江县"),
])
def test_place_typed_by_ear(text, place):
    assert extract(text, [], None, TODAY).place == place


@pytest.mark.parametrize("text", ["我说的是安全", "我是湛江的，就在海南对面", "千阳旁边那个县的",
                                  # counties no document covers, named short, are also everyday words
                                  "家里不富裕，这个期限能延长不", "表格上的字写得方正一点",
                                  # a word opening the message that sounds like a place (到现 / 道县)
                                  "到现在一直没找到工作，今年二十三岁，想去县上参加就业见习"])
def test_no_place_or_not_the_neighbour(text):
    assert extract(text, [], None, TODAY).place in (None, "广东省湛江市")


@pytest.mark.parametrize("text,place", [
    ("我们是宝鸡一所技工学校，有几个千阳来的脱贫户学生", "陕西省宝鸡市千阳县"),        # the covered, more specific place
    ("钱阳劳务派遣公司，免费介绍一个脱贫户去西安签了两年合同", "陕西省宝鸡市千阳县"),    # heard 千阳 beats uncovered 西安
    ("我老婆在怀化会同一家公司上班，建档立卡的", "湖南省怀化市会同县"),              # a 湖南 county; work place, no home
    ("我是贵州铜仁的建档立卡户，在长沙一个公司上班一年多了", "湖南省长沙市"),        # home uncovered: the place of work
    ("江华的建档立卡户", "湖南省永州市江华瑶族自治县"),
    # the edge of a town is in it; a place in the town is no people of it; a factory gone to is where the work is
    ("来电人说他们村整村搬迁，搬到保亭县城边上的安置点了", "海南省保亭黎族苗族自治县"),
    ("我们是千阳城关镇那个移民搬迁安置小区的 脱贫户", "陕西省宝鸡市千阳县城关镇"),
    ("汉宾区的 我们家是贫困户 我想出去打工 去浙江那边的厂子 路费给报不", "陕西省安康市汉滨区"),
    # a unit set up where the speaker is not from ("我是湖南人，在千阳开了个车间"): the unit's place
    ("我是湖南人，在千阳开了个车间，原来叫扶贫车间，现在改成就业帮扶车间了", "陕西省宝鸡市千阳县"),
    # a unit of an uncovered place asking about a covered place's money for its people: its own place (that document is
    # for its own place's units), the covered one named as compared
    ("我是东莞一家电子厂管人事的，厂里招了20多个湖南过来的建档立卡户。湖南那个岗位补贴，我们厂能去湖南申请吗？", "广东省东莞市"),
    ("我们是哈尔滨的一家物流公司，去年招了5个绥化青冈来的建档立卡贫困户，我们能申请不", "黑龙江省哈尔滨市"),
    ("来电人说他在哈尔滨呼兰区开了个养牛合作社，跟绥化兰西县就隔一条河，去年招了4个兰西的建档立卡贫困户，稳定干了一年多了。"
     "他听说绥化那边合作社每吸纳一个贫困户给一千块奖励，问他这4个能不能领4000", "黑龙江省哈尔滨市呼兰区"),
    # a covered place it is only near ("离千阳不远", "离安康很近") is not it
    ("我在甘肃平凉灵台县办了个社区工厂，离千阳不远，今年招了8个脱贫户，听说千阳那边一个给1000", "甘肃省平凉市"),     # (the city named short before its county)
    ("我们是湖北十堰竹山县的扶贫车间，离安康很近，招了十几个附近村里的贫困户", "湖北省十堰市"),
    # the covered place the home is next to ("挨到岳阳平江"), or the place of those who told them, is not the home
    ("来电人说他是湖北通城县的，挨到岳阳平江，以前是贫困户，现在在武汉一个厂里做事", "湖北省"),
    ("我是万宁的，学的时候有无生活费补？我听湖南的亲戚讲他们那里一天补20块", "海南省万宁市"),
    # a county of 陕西 no document covers, named in full or short beside its neighbour: not a county heard elsewhere
    ("我是镇安县的贫困户，在县里学电焊", "陕西省商洛市镇安县"),
    ("镇安跟旬阳挨着的，不也是安康管的吗", "陕西省商洛市镇安县"),
    ("千洋县就业帮扶基地，县人社局认定过的", "陕西省宝鸡市千阳县"),        # not 洋县 inside it
    # the city of a school graduated from is not home ("从西安一个二本毕业")
    ("我女子前年从西安一个二本毕业的，我们家是建档立卡贫困户，在安康兰皋县，到现在还没找到工作", "陕西省安康市"),
    ("我在甘肃灵台县办了个社区工厂，灵台就在千阳北边不远。听说千阳那边社区工厂招一个脱贫户给一千，我这招了15个脱贫户", "甘肃省"),
])
def test_the_place_a_message_means(text, place):
    e = extract(text, [], None, TODAY)
    assert e.place == place
    # (a unit outside the place whose money it asks about is answered from its own place: no unit_location to weigh)
    assert "unit_location" not in e.facts


def test_a_place_named_for_its_document_or_a_past_job_is_not_the_persons():
    # "千阳的政策" beside the person's own place; a worker going home to set up is not answered by where he worked
    assert extract("那千阳的政策我们陇县能不能参照着办", [], None, TODAY).place == "陕西省宝鸡市陇县"
    assert extract("千阳的政策有哪些", [], None, TODAY).place == "陕西省宝鸡市千阳县"
    e = extract("我是汉中西乡县的，屋头是脱贫户，在安康城里打了三年工，想回西乡开个小超市。我们西乡能拿不？", [], None, TODAY)
    assert e.place == "陕西省汉中市西乡县" and e.home_uncovered is None
    e = extract("我是贵州铜仁的建档立卡户，在长沙一个公司上班一年多了", [], None, TODAY)
    assert e.place == "湖南省长沙市"
    assert extract("听说千阳那边社区工厂招一个脱贫户给一千，我这招了15个脱贫户", [], None, TODAY).facts["new_hires"] == 15


def test_a_home_not_found_said_to_be_in_a_places_area_is_that_place():
    assert extract("我是随芬河的，就牡丹江那边，建档立卡户，开了个小饭店半年多了", [], None, TODAY).place == "黑龙江省牡丹江市绥芬河市"


def test_a_wider_name_does_not_replace_the_place_known():
    from assistant.state import State
    from assistant.understand import merge

    s = State(place="陕西省宝鸡市千阳县")
    merge(s, extract("老二在陕西工业技师学院学数控", [], s.place, TODAY), "correct")
    assert s.place == "陕西省宝鸡市千阳县"


@pytest.mark.parametrize("text,place", [
    ("我是渭南的，听说你们千阳那边有求职补贴，我们这边给多少", "陕西省渭南市"),       # a place spoken of as elsewhere
    ("俺们是汉中勉县的，离安康很近，安康那边补多少", "陕西省汉中市"),
    ("说错了，工厂在江西九江，挨着湖南，工人都是湖南的", "江西省"),          # named first, not the covered one
    ("俩娃一个在西安读技校，俺是千阳的脱贫户", "陕西省宝鸡市千阳县"),               # said as home beats named first
    ("我是湛江的，就在海南对面，能享受海南那个10万的贷款吗", "广东省湛江市"),       # home, though no document covers it
])
def test_the_home_place_not_the_one_compared_with(text, place):
    assert extract(text, [], None, TODAY).place == place


@pytest.mark.parametrize("text", ["来电人纠正了一下，说他是去年毕业的，不是今年", "那见习生的钱是我们每个月先发？",
                                  "那钱是一次过给，还是每年都给？伊要读三年"])
def test_no_place_heard_in_ordinary_words(text):
    assert extract(text, [], None, TODAY).place is None


@pytest.mark.parametrize("text,place", [
    # a county typed by ear before a place named exactly, or beside a city come back from
    ("我是海轮市海北镇的，脱贫户，今年九月从哈尔滨回来开了个快递驿站", "黑龙江省绥化市海伦市"),
    ("我是兰溪县榆林镇的建档立卡户，女的，今年45", "黑龙江省绥化市兰西县"),
    # a unit's own place, set up there (one no document covers too)
    ("我们在宝鸡陇县东风镇开了个社区工厂做手套", "陕西省宝鸡市陇县"),
    ("我们是江苏过来在千阳县工业园区设厂的企业", "陕西省宝鸡市千阳县"),
    # a place said not to be it is not taken where it is named again
    ("哦 搞错了 不是东莞，东莞是我表哥，我是去张家界市区永定区那边一个酒店做事", "湖南省张家界市"),
])
def test_home_and_unit_place_beside_other_places(text, place):
    assert extract(text, [], None, TODAY).place == place


def test_a_city_and_its_province_gone_to_for_work_are_not_home():
    e = extract("我是村里跑劳务的经纪人，上个月带了10个脱贫户老乡去江苏苏州电子厂", [], None, TODAY)
    assert e.place is None and e.work_place == "江苏苏州"


def test_the_amount_a_unit_heard_of_is_no_cost():
    f = extract("我们在千阳开了个社区工厂，招了14个脱贫户，一个人能补1000块不？租金水电能补一半不", [], None, TODAY).facts
    assert "rent_utilities_cost" not in f and f["new_hires"] == 14


def test_the_place_married_from_is_not_where_one_lives():
    assert extract("那我呢？我是广西嫁过来的，户口没迁过来，想学个美容美发", [], None, TODAY).place is None


def test_a_home_said_beats_a_covered_place_heard_of():
    # a county typed by ear after its city: 宝鸡龙县 is 陇县, not the city
    e = extract("我是宝鸡龙县东风镇的脱贫户，跟千阳挨着呢。听说千阳那边跨省打工给报五百块路费", [], None, TODAY)
    assert e.place == "陕西省宝鸡市陇县" and e.place_as_home
    # an operator's caller ("来电人说他是河南…的"), even where the NLU took the home for a place of work
    text = "来电人说他是河南淅川县的，听亲戚说陕西千阳出省打工给报五百块路费，他今年去浙江义乌打工了"
    ents = [{"entity": "work_destination", "start": 6, "end": 8, "value": "河南"},
            {"entity": "place", "start": 19, "end": 21, "value": "千阳"}]
    assert text[6:8] == "河南" and text[19:21] == "千阳"
    assert extract(text, ents, None, TODAY).place == "河南省"
    # a worker who says where he works is not from there
    assert extract("我是在西安打工的，老家千阳", [], None, TODAY).place == "陕西省宝鸡市千阳县"


def test_a_unit_elsewhere_asking_for_its_people_of_a_covered_place():
    # a school in 西安 (no document) with students of 安康's 白河 (typed 白和): 安康's document answers, for them
    e = extract("我们是西安的一所技工学校，今年定向招了3个安康白和县的贫困家庭学生读全日制，国家资助政策他们能享受吗", [], None, TODAY)
    assert e.place == "陕西省安康市" and e.facts.get("unit_location") == "外地"


def _ents(text, *spans):
    """Entities as the NLU gives them: (entity, words)."""
    return [{"entity": e, "value": w, "start": text.index(w), "end": text.index(w) + len(w)} for e, w in spans]


def test_an_operators_caller_is_from_the_place_said_after_laidian():
    # the NLU reads the caller's home as a destination and the place of the policy heard of as the place
    t = "来电人是广东占江徐闻县的，说对面海南有创业贷款最高10万、财政全额贴息，他家是贫困户想开个水果档，问他能不能也办"
    e = extract(t, _ents(t, ("work_destination", "广东"), ("place", "海南")), None, TODAY)
    assert e.place == "广东省" and e.place_as_home
    # typed by ear before 的, a school's city said after it
    t = "来电的是海轮的一个大爷，家里是农村建档立卡户，闺女去年九月考上哈尔滨一个技师学院，现在念二年级。"
    e = extract(t, _ents(t, ("work_destination", "海轮"), ("place", "哈尔滨")), None, TODAY)
    assert e.place == "黑龙江省绥化市海伦市"


def test_the_place_said_first_is_the_callers_when_the_nlu_tagged_only_the_one_heard_of():
    # "来电人在哈尔滨市道里区…听说绥化有一次性创业补贴5000元，问哈尔滨能不能领": from 哈尔滨 (no document), not 绥化
    from assistant.extract import extract
    ex = extract("来电人在哈尔滨市道里区，是建档立卡贫困户，去年办了个体执照开小吃部，干了一年多了，头一回创业。他听说绥化有一次性"
                 "创业补贴5000元，问哈尔滨能不能领", [{"entity": "place", "value": "绥化", "start": 52, "end": 54}], None)
    assert ex.place and "哈尔滨" in ex.place
