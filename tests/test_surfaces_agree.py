"""The chat, the operator console and the village ledger tell one person the same thing.

500 seeded random profiles — a place under each of the five documents; person categories, employment, work place,
contract, months in work, fare, training, business, public post, a child in a technical school and what was
received this year, drawn from the choices of policies/facts.yaml — go through all three surfaces:

    chat     assistant.decide.possible() on the evaluation of topic ask_what_can_i_get for a worker (还能领啥)
    console  bot/console/view.build_view(slots) for the same slots: the answer cards
    ledger   ledger.check_rows on a row written with the ledger's own column names and words

For every benefit present on two surfaces: the same status, amount (value, and the ledger's wording of the chat's
amount), payee (the console card and the ledger use the same words; all are the person's own money). And the same
set of the person's own, not-ruled-out benefits, except where a surface deliberately shows less:

- the ledger lists a kind of benefit only when its column says so (policies/catalogue.yaml ledger_group: training
  with 是否参加培训=是, start-up with a 创业形式, public posts with a 公益岗类型, technical-school aid with 子女就读技校=是,
  job benefits not for someone 未就业), so the chat's set is compared within the groups open for that row;
- the console shows at most MAX_SHOWN_CARDS cards (not-ruled-out ones first): when it is full, its not-ruled-out
  cards are a subset of the chat's, otherwise they are the same set.
"""
from __future__ import annotations

import datetime as dt
import random

import pytest

import ledger
from assistant.decide import evaluate_topic, personal, possible
from assistant.state import State
from bot.console.view import MAX_SHOWN_CARDS, build_view
from ledger.cells import BORROWER_OF
from policies import ELIGIBLE, INELIGIBLE, default_gazetteer, default_policies
from policies.catalogue import default_catalogue
from policies.render import payee_text

AS_OF = dt.date(2026, 11, 22)
N = 500
TOPIC = "ask_what_can_i_get"
# a place under each of the five documents (as a village officer writes it), with the document it must resolve to
PLACES = {"千阳县": "qianyang-2021-141", "千阳县崔家头镇": "qianyang-2021-141", "汉阴县": "ankang-2016-74",
          "海伦市": "suihua-2019-18", "长沙县": "hunan-2017-58", "三亚市": "hainan-2016-labor-export"}
SCOPE_WORDS = {"跨省": ["外省", "浙江省宁波市"], "跨市": ["外市"], "跨县": ["外县"], "本县": ["本县"]}
CONTRACT_WORDS = {0: "无", 3: "3个月", 6: "半年", 12: "1年", 18: "一年半", 24: "两年", 36: "3年"}


def _choices(fact: str) -> list[str]:
    return list(default_policies().vocab.facts[fact].choices)


def profile(rnd: random.Random) -> tuple[str, dict, dict]:
    """(place, facts for the chat and the console, the same person as a ledger row)."""
    vocab = default_policies().vocab
    place = rnd.choice(list(PLACES))
    facts: dict = {}
    row = {"户号": "H1", "姓名": "甲", "户籍地": place}
    if rnd.random() < 0.85:                                # categories written down: the complete list
        cats = rnd.sample(list(vocab.categories), rnd.choice([0, 1, 1, 1, 2]))
        facts.update(category=cats, category_exhaustive=True)
        row["人员类别"] = "、".join(cats) or "无"
    status = rnd.choice(["已就业", "已就业", "未就业", ""])
    if status:
        facts.update(employed=status == "已就业", unemployed=status == "未就业")
        row["就业状态"] = status
    if status != "未就业":
        if rnd.random() < 0.7:
            scope = rnd.choice(_choices("work_scope"))
            facts["work_scope"] = scope
            row["就业地"] = rnd.choice(SCOPE_WORDS[scope])
        if rnd.random() < 0.7:
            months = rnd.choice(list(CONTRACT_WORDS))
            facts["contract_months"] = months
            row["合同期限"] = CONTRACT_WORDS[months]
        if rnd.random() < 0.5:
            facts["months_employed"] = rnd.randint(0, 24)
            row["务工月数"] = str(facts["months_employed"])
        if rnd.random() < 0.6:
            facts["months_since_employment"] = rnd.randint(0, 14)
            row["就业后月数"] = f"{facts['months_since_employment']}个月"
        if rnd.random() < 0.6:
            facts["transport_cost"] = rnd.choice([0, 120, 320, 499, 500, 680, 1200])
            row["交通费"] = f"{facts['transport_cost']}元"
    if rnd.random() < 0.35:                               # training
        row["是否参加培训"] = "是"
        if rnd.random() < 0.85:
            facts["training_type"] = rnd.choice(_choices("training_type"))
            row["培训类型"] = facts["training_type"]
        if rnd.random() < 0.6:
            facts["training_days"] = rnd.choice([5, 10, 20, 30, 60])
            row["培训天数"] = f"{facts['training_days']}天"
        if rnd.random() < 0.6:
            facts["training_certificate"] = rnd.random() < 0.7
            row["是否取得证书"] = "是" if facts["training_certificate"] else "否"
    else:
        row["是否参加培训"] = rnd.choice(["否", ""])
    if rnd.random() < 0.3:                                # a business
        facts["business_type"] = rnd.choice(_choices("business_type"))
        row["创业形式"] = facts["business_type"]
        if facts["business_type"] in BORROWER_OF:         # the ledger's reading of 创业形式 (ledger/cells.py)
            facts["borrower_type"] = BORROWER_OF[facts["business_type"]]
        if rnd.random() < 0.6:
            facts["months_since_registration"] = rnd.randint(1, 30)
            row["营业执照月数"] = str(facts["months_since_registration"])
    if rnd.random() < 0.2:                                # a public-welfare post
        facts["post_type"] = rnd.choice(_choices("post_type"))
        row["公益岗类型"] = facts["post_type"]
        if rnd.random() < 0.6:
            facts["months_on_post"] = rnd.randint(1, 12)
            row["在岗月数"] = str(facts["months_on_post"])
    if rnd.random() < 0.6:
        facts["in_technical_school"] = rnd.random() < 0.3
        row["子女就读技校"] = "是" if facts["in_technical_school"] else "否"
    if rnd.random() < 0.5:                                # what was received this year (one of the place's own)
        docs = default_gazetteer().resolve(place).documents
        got = rnd.sample([b for d in docs for b in d.benefits], rnd.choice([0, 0, 1]))
        facts["received_this_year"] = [b.id for b in got]
        facts["received_allowance_this_year"] = any(b.topic == "training_allowance" for b in got)
        row["今年已享受"] = "、".join(b.id for b in got) or "无"
    return place, facts, row


def open_groups(facts: dict, row: dict) -> set[str]:
    """The catalogue's ledger groups this row lets the ledger list (docs/ledger-template.md, 核对规则)."""
    groups = {"none"}
    if facts.get("employed") is not False:
        groups.add("employment")
    if row.get("是否参加培训") == "是":
        groups.add("training")
    if row.get("创业形式"):
        groups.add("startup")
    if row.get("公益岗类型"):
        groups.add("post")
    if facts.get("in_technical_school") is True:
        groups.add("school")
    return groups


@pytest.fixture(scope="module")
def people():
    rnd = random.Random(20261122)
    out = [profile(rnd) for _ in range(N)]
    rep = ledger.check_rows([row for _, _, row in out], AS_OF)
    assert len(rep.people) == N
    return [(place, facts, row, person) for (place, facts, row), person in zip(out, rep.people)]


def test_the_places_and_choices_are_read_as_meant(people):
    for place, doc in PLACES.items():
        assert [d.id for d in default_gazetteer().resolve(place).documents] == [doc], place
    for place, facts, row, person in people:
        assert not person.problems, (row, [p.message for p in person.problems])    # every cell read as written
        assert [d.id for d in person.documents] == [PLACES[place]]


def test_chat_console_and_ledger_agree(people):
    catalogue = default_catalogue()
    group_of = {t: v.ledger_group for t, v in catalogue.topics.items()}
    compared = {"chat-ledger": 0, "console-ledger": 0, "chat-console": 0}
    for place, facts, row, person in people:
        where = f"{place} {row}"
        state = State(place=place, facts=dict(facts), topic=TOPIC, role="worker")
        ev = evaluate_topic(state, AS_OF)
        chat = {r.benefit.id: r for r in possible(ev, state)}
        results = {r.benefit.id: r for r in ev.results}
        cards = {c["id"]: c for c in build_view(state.to_slots(), as_of=AS_OF)["cards"]}
        items = {i.benefit.id: i for i in person.items}

        # one person's benefit, the same on every surface where it appears
        for bid, it in items.items():
            r = results[bid]                      # every benefit the ledger lists is in the chat's evaluation
            assert personal(r), (where, bid)
            assert it.status == r.status, (where, bid, it.status_text, r.reasons or r.missing)
            assert it.amount_text == ledger.amount_text(r), (where, bid)
            want = r.amount.value if r.status == ELIGIBLE and r.benefit.kind != "loan" else None
            assert it.amount_value == want, (where, bid, it.amount_value, want)
            assert it.payee_text == payee_text(r.benefit, "worker", style="card"), (where, bid)
            compared["chat-ledger"] += 1
            if bid in cards:
                c = cards[bid]
                assert (c["status"], c["amount"]["value"]) == (it.status, r.amount.value), (where, bid)
                assert c["payee"]["text"] == it.payee_text and c["payee"]["personal"], (where, bid)
                compared["console-ledger"] += 1
        for bid, c in cards.items():
            r = results[bid]
            assert (c["status"], c["amount"]["value"], c["payee"]["code"]) == \
                (r.status, r.amount.value, r.benefit.payee), (where, bid)
            assert c["payee"]["personal"] == personal(r), (where, bid)
            compared["chat-console"] += 1

        # the person's own money that is not ruled out
        mine = {bid for bid, r in chat.items() if personal(r)}
        groups = open_groups(facts, row)
        in_ledger_groups = {bid for bid in mine if group_of[results[bid].benefit.topic] in groups}
        listed = {bid for bid, it in items.items() if it.status != INELIGIBLE}
        assert listed == in_ledger_groups, (where, sorted(listed ^ in_ledger_groups))
        shown = {bid for bid, c in cards.items() if c["status"] != INELIGIBLE}
        if len(cards) < MAX_SHOWN_CARDS or len(shown) < len(cards):
            assert shown == mine, (where, sorted(shown ^ mine))
        else:                                     # the console is full of not-ruled-out cards: within its cap
            assert shown <= mine, (where, sorted(shown - mine))
    assert min(compared.values()) > 300, compared
