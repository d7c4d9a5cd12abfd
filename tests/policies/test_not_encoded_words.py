"""The `words` of the data's `not_encoded` items (policies/SCHEMA.md, "What a document offers without money"): the plain
words people use reach the item they mean, and ordinary benefit questions reach none (assistant/answer_lines.py
also_in_text says an item whose `words` a message matches: "文件还写到（文号 clause）：…")."""
import re

import pytest

from policies.model import load_all

DOCS = {d.id: d for d in load_all().documents}


def _reached(doc_id: str, text: str) -> set[str]:
    return {str(it.get("clause")) for it in DOCS[doc_id].not_encoded
            if it.get("words") and re.search(str(it["words"]), text)}


# (document, clause of the item, what people say)
REACH = [
    ("ankang-2016-74", "二、（三）8", "我还想找个便宜点的场地"),
    ("ankang-2016-74", "二、（三）8", "想租个门面开店，太贵了"),
    ("ankang-2016-74", "二、（三）10", "县上有没有人能帮到看看项目？"),
    ("ankang-2016-74", "二、（三）10", "有没有专家给指导一下"),
    ("ankang-2016-74", "二、（四）19、20", "她公公七十多了，养老金一个月才一百多块，能不能涨？"),
    ("ankang-2016-74", "二、（四）19、20", "她男人要去西安住院，能不能在西安直接报销？"),
    ("ankang-2016-74", "二、（四）19、20", "老板欠了俺三个月工钱咋办"),
    ("ankang-2016-74", "二、（二）6", "到了外地有没有我们安康的人管？"),
    ("ankang-2016-74", "二、（二）6", "安康在上海有没有办事处"),
    ("ankang-2016-74", "二、（二）6", "那我到了浙江 厂里要是有啥事 老家这边有人管不"),
    ("ankang-2016-74", "二、（四）19、20", "那我到了浙江 厂里要是有啥事 老家这边有人管不"),
    ("hainan-2016-labor-export", "政策措施1", "在海口一间酒店做保安 老板两个月工钱无发 有无人管啊"),
    ("hainan-2016-labor-export", "政策措施1", "老板不发工资"),
    ("hainan-2016-labor-export", "举措亮点", "听讲政府拿了一千多万搞培训 我们一个人能分多少"),
    ("hainan-2016-labor-export", "政策措施2（提高贫困人口社会保险水平）", "我妈去年住院花了四万多 报完还有一万多要自己出 有无救助"),
    ("hainan-2016-labor-export", "政策措施（加强贫困地区人才服务）", "我们槟榔黄化病好厉害 有无专家下来指导"),
    ("hunan-2017-58", "二、（二）5", "想去长沙做月嫂"),
    ("hunan-2017-58", "二、（二）5", "我想做保姆有么子补贴"),
    ("hunan-2017-58", "二、（三）4", "厂里冇跟他签合同 也冇买社保 这三个月工钱都冇发 么子办咯"),
    ("hunan-2017-58", "二、（三）5", "屋里就他一个老人家 有冇人去关照一下"),
    ("hunan-2017-58", "二、（三）5", "屋里只剩我老娘一个，七十多了，有冇人去看下子她？"),
    ("qianyang-2021-141", "四、1", "在家闲了大半年了找不到活，有啥能帮他的"),
    ("qianyang-2021-141", "四、3", "听说政府的项目得先招我们搬迁户干活，有这说法没"),
    ("qianyang-2021-141", "五、（二）4", "想在小区门口摆个夜市小吃摊，有没有啥扶持"),
    ("qianyang-2021-141", "三、1", "有没有个年龄杠杠"),
    ("qianyang-2021-141", "三、1", "对我这岁数还管用不"),
    ("qianyang-2021-141", "三、1", "我都五十八了还能享受不"),
    ("qianyang-2021-141", "五、（三）3", "家里两口子都没活干，一个上班的都没有"),
    ("qianyang-2021-141", "四、1", "男人摔伤了干不了重活，她和大娃都没工作，家里一个挣钱的都没有。问政府能不能帮着给安排个活"),
    ("suihua-2019-18", "二、（四）", "给了个啥明白卡，那都是干啥的"),
    ("suihua-2019-18", "二、（四）", "学员要签啥"),
    ("suihua-2019-18", "二、（三）", "能不能离家近点学，或者学半天"),
    ("suihua-2019-18", "二、（三）", "问有没有人下来教，他腿脚不好去不了县里"),
    ("suihua-2019-18", "二、（四）", "村上给了张卡叫我签字，这卡干啥的"),
    ("suihua-2019-18", "二、（二）4", "学员开起来网店以后还有没有人管"),
    ("suihua-2019-18", "二、（二）4", "有没有创业孵化"),
    ("qianyang-2021-141", "四、3", "我们住移民安置区，老两口都闲着，政府能不能给安排点活干"),
]


@pytest.mark.parametrize("doc_id,clause,text", REACH)
def test_plain_words_reach_the_item(doc_id, clause, text):
    assert clause in _reached(doc_id, text)


# ordinary benefit questions: no item's words (the cards answer them)
ORDINARY = ["求职补贴多少钱", "社区工厂岗位补贴", "培训有生活费吗", "创业贷款能贷多少", "交通补助怎么领", "公益岗一个月多少钱",
            "我是贫困户能领啥", "技工学校有补助吗", "见习补贴多少", "社保补贴怎么申请", "在外面打工路费能报吗",
            "我开了个小卖部，有补贴吗", "我家是搬迁户能领啥", "厂里招了5个贫困户，有啥补贴", "工资不到3000能申请吗",
            "我们给他交了社保，能返还吗", "没签合同能领补贴吗", "我今年45岁，能参加培训吗", "公司没有拖欠社保，能领岗位补贴吗",
            "想出去打工，路费有补助没", "在外面打工有没有帮扶政策", "安置点的社区工厂招人有补贴吗", "培训期间有没有交通补助", "签了一年合同，能领求职补贴不"]


@pytest.mark.parametrize("doc_id", sorted(DOCS))
def test_ordinary_questions_reach_no_new_item(doc_id):
    said = {t: _reached(doc_id, t) for t in ORDINARY}
    assert not {t: c for t, c in said.items() if c}, said
