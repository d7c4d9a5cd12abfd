"""Every place of the gazetteer cases resolves to the right document, or to none."""
from pathlib import Path

import pytest
import yaml

from policies import default_gazetteer
from policies.model import default_policies

PLACES = yaml.safe_load((Path(__file__).resolve().parent.parent / "policy_cases" / "places.yaml").read_text("utf-8"))


@pytest.mark.parametrize("case", PLACES, ids=[c["place"] for c in PLACES])
def test_place(case):
    r = default_gazetteer().resolve(case["place"])
    got = [d.id for d in r.documents]
    if case["expect_document"] is None:
        assert got == [], f"{case['place']} must have no policy on file, got {got}"
    else:
        assert got == [case["expect_document"]], f"{case['place']} -> {r.place} -> {got}"


def test_every_gazetteer_place_under_a_document_resolves_to_it():
    gaz = default_gazetteer()
    for place in gaz.places:
        cover, _ = gaz.covering(place)
        r = gaz.resolve(place.full_name)
        assert [d.id for d in r.documents] == [d.id for d in cover], place


def test_every_district_and_county_of_the_covered_cities():
    gaz = default_gazetteer()
    expect = {
        "ankang-2016-74": "汉滨 汉阴 石泉 宁陕 紫阳 岚皋 平利 镇坪 旬阳 白河".split(),
        "suihua-2019-18": "北林区 安达 肇东 海伦 望奎 兰西 青冈 庆安 明水 绥棱".split(),
        "hunan-2017-58": "长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 湘西".split(),
        "hainan-2016-labor-export": "海口 三亚 三沙 儋州 五指山 琼海 文昌 万宁 东方 定安 屯昌 澄迈 临高 白沙 昌江 乐东 陵水 保亭 琼中".split(),
        "qianyang-2021-141": "千阳 崔家头镇 南寨镇 张家塬镇 水沟镇 草碧镇 高崖镇 千阳县城关镇".split(),
    }
    for doc, names in expect.items():
        for n in names:
            assert [d.id for d in gaz.resolve(n).documents] == [doc], n


def test_a_bare_town_name_shared_by_many_counties_resolves_to_nothing():
    assert default_gazetteer().resolve("城关镇").documents == []


@pytest.mark.parametrize("name", ["宝鸡市", "陕西", "陈仓区", "西安", "广东省", "深圳", "北京", "黑龙江", "哈尔滨"])
def test_places_without_a_policy_get_none(name):
    r = default_gazetteer().resolve(name)
    assert r.place is not None, name
    assert r.documents == []


def test_a_city_above_a_county_document_points_to_it():
    r = default_gazetteer().resolve("宝鸡")
    assert [d.id for d in r.narrower] == ["qianyang-2021-141"]


def test_unknown_text_is_no_place():
    assert default_gazetteer().resolve("我想问问补贴").place is None
    assert default_gazetteer().resolve("").place is None


def test_home_place_is_preferred_over_a_work_place_without_policy():
    r = default_gazetteer().resolve("我是汉阴的在广东打工")
    assert [d.id for d in r.documents] == ["ankang-2016-74"]


def test_documents_cover_only_their_jurisdiction():
    policies = default_policies()
    assert len(policies.documents) == 5


@pytest.mark.parametrize("text,full", [
    ("在广西北海读技工学校", "广西壮族自治区北海市"),      # 北海 is an everyday word, but not after 广西
    ("黑龙江哈尔滨巴彦县的", "黑龙江省哈尔滨市巴彦县"),    # a county of a city no document covers: listed, so it is found
    ("湖南长沙的", "湖南省长沙市"),
])
def test_a_city_after_its_province_is_the_city(text, full):
    assert [p.full_name for p in default_gazetteer().find_all(text)] == [full]


def test_an_everyday_city_word_alone_is_not_a_place():
    assert default_gazetteer().find_all("我们去北海玩") == []


def test_who_speaks_is_not_a_place_by_sound():
    assert default_gazetteer().find_by_sound("俺儿子在宝鸡技师学院念书") == []      # 俺儿 (an er) is not 安仁
    assert [p.full_name for p in default_gazetteer().find_by_sound("钱阳的")] == ["陕西省宝鸡市千阳县"]


def test_a_name_typed_by_its_sound_is_found_before_a_look_alike_character():
    # 恒 is read as the look-alike 垣 for 花垣 ("花恒县"), but "恒阳县" sounds like 衡阳县 and is no 垣阳
    assert [p.full_name for p in default_gazetteer().find_by_sound("我屋里是恒阳县的建档立卡贫困户")] == ["湖南省衡阳市衡阳县"]
    assert [p.full_name for p in default_gazetteer().find_by_sound("花恒县的")] == ["湖南省湘西土家族苗族自治州花垣县"]


@pytest.mark.parametrize("text,full", [("我是来阳的", "湖南省衡阳市耒阳市"), ("绥陵县的", "黑龙江省绥化市绥棱县")])
def test_a_name_typed_by_a_near_sound_is_found(text, full):
    assert [p.full_name for p in default_gazetteer().find_by_sound(text)] == [full]


@pytest.mark.parametrize("text", ["本县的只有五个", "在村里干保洁的 一个月多少", "他是从事保洁的", "我是从小在家的"])
def test_everyday_words_that_sound_like_a_place_are_no_place(text):
    assert default_gazetteer().find_by_sound(text) == []          # (本县 ~ 彬县, 保洁 ~ 宝鸡)


def test_a_place_people_came_from_typed_by_ear_is_found():
    found = default_gazetteer().find_by_sound("八个里头有三个是从贵洲招过来的")
    assert [p.full_name for p in found] == ["贵州省"]


def test_a_text_resolved_again_gives_the_same_answer_and_each_caller_its_own_lists():
    g = default_gazetteer()
    first = g.resolve("我是千阳县南寨镇的")
    first.documents.clear()         # one caller's change is not the next caller's answer
    again = g.resolve("我是千阳县南寨镇的")
    assert again.place == first.place and again.place.name == "南寨镇"
    assert [d.id for d in again.documents] == ["qianyang-2021-141"]
    cover, _ = g.covering(again.place)
    cover.clear()
    assert [d.id for d in g.covering(again.place)[0]] == ["qianyang-2021-141"]


def test_a_name_heard_by_sound_is_found_in_a_long_message_as_in_a_short_one():
    g = default_gazetteer()
    short = g.find_by_sound("我是钱阳县的")
    long = g.find_by_sound("俺们 是钱阳县的 去年过完年出去打工 在外头干了八个多月 " * 3)
    assert [p.name for p in short] == [p.name for p in long] == ["千阳县"]
