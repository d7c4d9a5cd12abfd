"""Places typed by ear or with a look-alike character are matched; a neighbour named in passing is not the home."""
import datetime as dt

import pytest

from assistant.extract import extract

TODAY = dt.date(2026, 11, 30)


@pytest.mark.parametrize("text,place", [
    ("钱阳县的边原户", "陕西省宝鸡市千阳县"), ("我是按康的", "陕西省安康市"), ("湘谭的贫困户", "湖南省湘潭市"),
    ("我老公是衡杨的贫困户", "湖南省衡阳市"), ("我们是朱洲的一家公司", "湖南省株洲市"), ("怀话的培训机构", "湖南省怀化市"),
    ("长德的劳务公司", "湖南省常德市"), ("来电人说是海囗的贫困户", "海南省海口市"), ("楼底新化的贫困户", "湖南省娄底市"),
])
def test_place_typed_by_ear(text, place):
    assert extract(text, [], None, TODAY).place == place


@pytest.mark.parametrize("text", ["我说的是安全", "我是湛江的，就在海南对面", "千阳旁边那个县的"])
def test_no_place_or_not_the_neighbour(text):
    assert extract(text, [], None, TODAY).place in (None, "广东省湛江市")
