"""Understanding one message in the light of the conversation so far: the answer to the question the bot asked,
the facts to merge (with corrections said back), who is asking, and which question the words plainly name.
Facts are read from the text by assistant/extract.py."""
from __future__ import annotations

from policies import rx as re


from policies import default_gazetteer, default_policies
from policies import normalize as nz
from policies.catalogue import default_catalogue
from policies.conditions import condition_facts, eval_condition
from policies.amounts import fmt_money
from .extract_common import BUSINESS_FACTS, OUT_OF_PROVINCE
from policies.evaluator import benefit_count_fact
from policies.normalize import (ASKING, EMPLOYER_WORDS, FOLLOW_UP, MONEY_QUESTION, PROXY_WORDS, QUESTION_WORDS,  # noqa: F401
                                WHAT_ELSE)
from policies.normalize import GROUP_BY_ITS_DATE as _GROUP_BY_ITS_DATE
from policies.normalize import BATCH_MONTHS_FIX as _BATCH_MONTHS_FIX
from policies.normalize import BATCH_COUNT_FIX as _BATCH_COUNT_FIX

from .clock import today
from .extract import GROUP_SHORT, Extracted, extract
from .extract_people import LOW_INCOME_OUT, counts_low_income, low_income_out
from .extract_groups import once_a_year_only
from .state import INTERN_ARRIVALS, State
from .wording import fact_value_text

FACT_INTENTS = {"inform", "correct", "affirm", "deny"}
FOLLOWUP_INTENTS = {"ask_documents", "ask_where_apply", "ask_validity"}


def goes_to_core(state: State, text: str, ex: Extracted) -> bool:
    """A message the NLU took for small talk or a fallback that still belongs to the conversation: it tells facts,
    asks about money, or asks again about the topic under discussion. Nothing the user said is dropped."""
    text = text or ""
    return (not ex.empty()) or bool(MONEY_QUESTION.search(text)) or bool(state.topic and FOLLOW_UP.search(text))


def is_question(intent: str | None) -> bool:
    return intent in default_catalogue().questions


# a unit asking about its people's own money (the vocabulary's words: policies/normalize.py THEIR_OWN_ASKED)
_THEIR_OWN = nz.THEIR_OWN_ASKED

# a unit asking of its own money again ("公司这还有啥补贴没", "那厂里还能领啥")
# (not the unit that hires the person asked for: "招她的公司有啥说法")
_UNIT_ITSELF = re.compile(r"(?<!她的)(?<!他的)(?:公司|厂里|厂子|单位|基地|合作社|车间|工坊|学校|机构)(?:这边|这块|这里|这)?(?:还|又)?"
                          r"(?:有|能拿|能领|可以拿|可以领|能享受)(?:些)?(?:啥|什么|哪些|没有|冇得|没得)")


# the words of a unit reported ("厂里说…", "老板讲…")
_REPORTED = re.compile(r"(?:厂里|厂子|老板|公司|单位|车间|人家|厂长)(?:也)?(?:说|讲)(?:的)?(?:是)?$")


_UNIT_STAFF_CALLER = re.compile(r"来电(?:人|的|者)?(?:是|为)[^，。,；;？?]{0,20}?(?:学校|学院|公司|厂|合作社|机构|基地|车间|工坊|"
                                r"中心)[^，。,；;？?]{0,6}?的?(?:老师|负责人|老板|经理|会计|校长|主任|招生办|厂长|社长|人事|"
                                r"工作人员)")


def role_of(intent: str | None, text: str, previous: str | None) -> str:
    """Who is asking: an employer, school or agency (by the question or the words), someone asking for another person
    ("proxy": family or an operator), or a worker asking for themselves."""
    q = default_catalogue().questions.get(intent or "")
    flat = re.sub(r"\s+", "", text or "")       # voice input: "我 老公 是 石们 县 的"
    # (a unit's words reported by a worker's family, "厂里说招了她厂里能拿一千", are the unit's, not the asker's)
    # (nor the unit as the one who said it: "劳务公司的人说 没收我哥钱 他们要给我哥报那个职业介绍补贴")
    # (nor the unit that hires the person asked for: "招她的公司有啥说法")
    unit_words = any(not _REPORTED.search(flat[max(0, m.start() - 6):m.start()]) and
                     not re.match(r"(?:的)?(?:人|那边的人|那边|老板|经理)?(?:说|讲|告诉)", flat[m.end():m.end() + 6]) and
                     not re.search(r"(?:招|雇|用|请|收)(?:了)?(?:她|他|我|俺|额)的(?:那个|那家|这个|这家)?$",
                                   flat[max(0, m.start() - 8):m.start()])
                     for m in EMPLOYER_WORDS.finditer(flat))
    # (an operator's caller who speaks for a unit: "来电人是绥化市一所技工学校招生办的老师。他说学校…学校今年能领多少")
    unit_words = unit_words or bool(_UNIT_STAFF_CALLER.search(flat))
    if previous == "employer" and _THEIR_OWN.search(flat):
        return "proxy"          # "那这12个人自己能领啥": a unit asking what its people get themselves
    if not unit_words and nz.KIN_OWN.search(flat):
        return "proxy"          # "那我爸自己能领点啥", "那我哥自己那个五百的求职补贴": a relative's own money
    if not unit_words and previous in (None, "worker") and \
            len({m.group(0) for m in nz.CHILD_OF_SEVERAL.finditer(flat)}) >= 2 and nz.MY_CHILDREN.search(flat):
        return "proxy"          # "两个崽，大的在长沙…细的…去了浙江": a parent asking for the children
    if previous in ("employer", "proxy") and _UNIT_ITSELF.search(flat):
        return "employer"       # "公司这还有啥补贴没", after asking what its interns get: the unit's own again
    if q is not None and q.role == "employer" and not unit_words and \
            (_own_self(flat) or _i_am_a_worker(flat)) and not PROXY_WORDS.search(flat):
        # "我是千阳的脱贫户，经劳务公司介绍上班…那我自己那个求职补贴还能领不": a worker asking about a unit's money
        return "worker"
    if previous in ("worker", "proxy") and nz.MINE_OR_THE_UNITS.search(flat):
        return previous         # "那一千块是厂里拿还是分给我 为啥不给我": a worker asking whose the unit's money is
    if q is not None and q.role == "employer" and previous in (None, "worker") and not unit_words and \
            nz.UNIT_PAYS_FOR_ME.search(flat):
        return "worker"         # "厂里给我交的那个社保钱能补给我不": the unit's money for the asker's own job
    if q is not None and q.role == "employer" and previous in ("worker", "proxy") and not unit_words and \
            nz.AGENCY_MONEY.search(flat):
        return previous         # "那带俺们去的那个经纪人能领钱不": the broker's money, asked by the worker
    if q is not None and q.role == "employer" and previous in (None, "proxy") and not unit_words and \
            (previous == "proxy" or PROXY_WORDS.search(flat)):
        # "厂里老板讲 他招贫困户政府有补贴的": a wife asking about her husband's employer ("我老公是汉寿县的建档立卡贫困户…
        # 厂里说他没满一年，那个岗位补贴拿不到，是真的吗")
        return "proxy"
    if q is not None and q.role == "employer":
        return "employer"
    if unit_words:
        return "employer"
    if previous == "employer" and re.match(r"(?:那)?来电(?:人|的|者)?(?:又|还|接着)?(?:问|说|补充)", flat) and \
            not nz.KIN_OWN.search(flat):
        return "employer"       # ("来电人又问学校自己的培训补贴怎么算": the operator relaying the same unit)
    if PROXY_WORDS.search(flat):
        return "proxy"
    if previous == "proxy":
        return "proxy"
    if q is not None:
        # a unit stays the asker when it asks about its people's benefits next ("那俩人到时候还能报不")
        return "employer" if previous == "employer" and (not _own_self(flat) or _WE_OURSELVES.search(flat)) \
            else "worker"
    return previous or "worker"


# the asker saying who they are as a person ("我是千阳水沟镇的脱贫户", "俺是贫困户"): the person categories' words are
# policies/normalize.py's (category_words)
_I_AM = re.compile(r"(?:我|俺|额|咱)(?:家)?(?:是|系)[^，。,；;？?]{0,12}?$")


def _i_am_a_worker(flat: str) -> bool:
    return any(_I_AM.search(flat[max(0, s - 16):s]) for s, _, _ in nz.category_words(flat))
# the asker speaking of their own job or person ("那我自己呢", "我本人也在厂里干")
# (not "他自己", nor a relative's: "那我哥自己那个五百的求职补贴", "那我爸自己能领点啥" ask for them)
_OWN_SELF = re.compile(r"(?<!我们)(?<!俺们)(?<!咱们)(?<!单位)(?<!公司)(?<!厂里)(?<!机构)(?<!学校)(?<!他)(?<!她)"
                       r"(?<!哥)(?<!姐)(?<!弟)(?<!妹)(?<!爸)(?<!妈)(?<!爹)(?<!娘)(?<!儿子)(?<!女儿)(?<!闺女)(?<!老公)(?<!老婆)"
                       r"(?:自己|本人|自个)")


def _own_self(flat: str) -> bool:
    """The asker speaks of their own person, not of persons a unit counted ("有5个今年自己也去镇上领了求职补贴")."""
    return any(not re.search(r"[0-9一二两三四五六七八九十]个[^，。,；;？?]{0,3}$", flat[max(0, m.start() - 6):m.start()])
               for m in _OWN_SELF.finditer(flat))


# a unit speaking of itself ("那我们要是自己办个培训班"): not a person's own job
_WE_OURSELVES = re.compile(r"(?:我们|俺们|咱们)[^，。,；;？?]{0,4}?(?:自己|自个)")


# the same benefit asked about for some of the people ("这4个还能算我的不"): the unit's benefit just answered
_STILL_OURS = re.compile(r"算(?:我|俺|咱)(?:们)?的|算不算(?:我|俺|咱)(?:们)?|(?:也|还)不(?:给)?算|"
                         # "要是不去广州，就到邵阳市里头的厂里做，还算不算": the same question, another case
                         r"(?:还|也)算(?:不算|吗|么|啵|不|数)")
# more people or cases for the benefit just asked about ("那些人能一起报不")
_TOGETHER = re.compile(r"(?:能|可以)?(?:一起|一块儿?|一并|也)(?:报|算|领|申请)(?:不|吗|么|没|啵)|"
                       r"(?:能不能|可不可以|能否)(?:也|一起|一块)(?:报|算|领|申请)")    # "他弟弟…能不能也领"
# another of the family asking for the same thing, with no benefit named ("她老公能领不", "那俺儿子能报不")
_THEY_TOO = re.compile(rf"(?:{nz.FAMILY_WORDS}|娃|孩子|老汉)(?:也|呢)?\s*(?:能|可以|可不可以|能不能)"
                       r"(?:也)?(?:领|拿|报|享受|申请)(?:不|吗|么|没|啵|不了)?\s*[？?。]?\s*$")
# the same benefit asked about at a later time
# ("那七月来的那个，啥时候能给算上": when one not counted yet will be)
_LATER = re.compile(rf"到时候|那时候|那会儿|以后|之后|满了|干满|够了|明年|下个月|再过|{nz.WHEN_COUNTED.pattern}")


_SUM_ASKED = re.compile(r"一共|总共|合计|加起来|加一块|加在一起|一年下来|一年到头")


def sums_the_last(text: str, state: State) -> bool:
    """A sum of what the last answer stated, named by pieces of their names ("他一年下来岗位补贴加保险补贴一共多少")."""
    benefits = default_policies().benefits
    names = [benefits[i].name for i in state.last_benefits or [] if i in benefits]
    flat = re.sub(r"\s+", "", text or "")
    return bool(_SUM_ASKED.search(flat)) and \
        sum(1 for n in names if any(n[k:k + 4] in flat for k in range(len(n) - 3))) >= 1


# the benefit the last answer stated, pointed at ("这个补贴", "这笔钱")
_THIS_ONE = re.compile(r"(?:这|这个|这项|这笔|该)\s*(?:补贴|补助|奖补|贴息)(?![^，。,；;？?]{0,2}(?:和|跟|与))")


def effective_intent(intent: str | None, text: str, ex: Extracted, state: State) -> str | None:
    """Correct the NLU intent with what the words plainly say."""
    if intent == "ask_what_can_i_get" and state.topic and state.topic != intent and not WHAT_ELSE.search(text or "") and \
            sums_the_last(text, state):
        return state.topic      # "他一年下来岗位补贴加保险补贴一共多少": the sum of what was just stated
    if intent == "ask_what_can_i_get" and state.topic and state.topic != intent and _TOGETHER.search(text or "") and \
            not WHAT_ELSE.search(text or "") and not default_catalogue().question_named_in(text or ""):
        return state.topic      # "那边给每人收了100块介绍费，那些人能一起报不": the same benefit, for more people
    if is_question(intent) and state.topic and state.topic not in (intent, "ask_what_can_i_get") and \
            _THEY_TOO.search(text or "") and not WHAT_ELSE.search(text or "") and \
            not default_catalogue().question_named_strongly(text or ""):
        return state.topic      # "那她老公在长沙工地上做事，她老公能领不": the benefit just asked about, for him
    if state.topic and state.topic != "ask_what_can_i_get" and not WHAT_ELSE.search(text or "") and \
            _asks_a_part_of_shown(ex, state):
        return state.topic      # "那工伤保险，还有我们代扣的个人那部分，算不算": a part of the benefit just shown
    if is_question(intent) and intent != "ask_referral" and state.role in (None, "worker", "proxy") and \
            nz.AGENCY_MONEY.search(re.sub(r"\s+", "", text or "")) and "ask_referral" in default_catalogue().questions and \
            not default_catalogue().question_named_strongly(text or ""):
        # "那带俺们去的那个经纪人能领钱不": the money of whoever found them the job (职业介绍补贴), theirs
        return "ask_referral"
    if state.topic == "ask_internship" and nz.KEPT_ON.search(text or "") and "ask_employer_subsidy" in \
            default_catalogue().questions:
        return "ask_employer_subsidy"   # "见习完了想留下其中两个，签两年合同…还有啥补贴": hired now, the unit's money
    if is_question(intent) and state.topic and intent != state.topic and state.last_benefits and \
            _THIS_ONE.search(text or "") and not WHAT_ELSE.search(text or "") and \
            not nz.COMBINE_Q.search(text or "") and not default_catalogue().question_named_strongly(text or ""):
        return state.topic      # "学员是不是必须考到证了才能拿这个补贴": the benefit just stated, on a condition of it
    if is_question(intent) and intent != "ask_what_can_i_get":
        # (a benefit named as had already, "已经拿我报了职业介绍补贴", is not the one asked about)
        strong = default_catalogue().question_named_strongly(
            re.sub(f"(?:{nz.HAD_BEFORE.pattern})[^，。,；;？?]{{0,10}}", "", text or ""))
        cat = default_catalogue()
        q = cat.questions.get(intent)
        if state.topic and intent != state.topic and not strong and q is not None and q.words is not None and \
                not q.words.search(text) and not cat.question_named_in(text) and \
                (_LATER.search(text) or _STILL_OURS.search(text)) and \
                not WHAT_ELSE.search(text) and not ("business_type" in ex.facts and "business_type" not in state.facts) and \
                _by_amount(state.topic, text, ex, state) == state.topic:
            return state.topic      # "那俩人到明年春天就干满一年了，到时候还能报不": the benefit asked about, later
        asks_else = WHAT_ELSE.search(text or "")
        if strong and asks_else and strong == intent and q is not None and q.words is not None and \
                len(re.findall(r"[？?]", text or "")) <= 1 and \
                not q.words.search(_clause_of(text, asks_else.start())) and not nz.CHILD_OF_SEVERAL.search(text):
            # "在常德市里一个就业扶贫基地做了一年半…裁了…我这情况能领么子": the topic is the story, not the question
            return "ask_what_can_i_get"
        asked_alone = re.split(r"[\s，,。？?！!；;]", text[:asks_else.start()])[-1] + \
            re.split(r"[\s，,。？?！!；;]", text[asks_else.start():])[0] if asks_else else ""
        if not strong and asks_else and q is not None and not set(q.topics) & {"startup_subsidy", "startup_loan"} and \
                (ex.facts.get("business_planned") or "business_type" in ex.facts) and \
                not nz.CHILD_OF_SEVERAL.search(text or "") and state.role in (None, "worker", "proxy"):
            # "那俺学完了还能领啥 俺寻思自个儿整个家政小店" (taken for a training question): everything the person may get,
            # the shop's money with it
            return "ask_what_can_i_get"
        if strong and strong != intent and asks_else and \
                (not nz.CHILD_OF_SEVERAL.search(text) or re.match(r"(?:我|俺|额|咱)(?:自己|自个儿?)?(?:还|都)", asked_alone)):
            # "开了个农资店…还想贷点款扩大一下，能享受啥": everything the person may get, not only the loan
            # ("…俺家大小子在绥化技师学院念书…俺还能领啥": the asker's own question, one child of several beside it)
            return "ask_what_can_i_get"
        flat = re.sub(r"\s+", "", text or "")
        if not strong and q is not None and q.role == "employer" and WHAT_ELSE.search(flat) and \
                not EMPLOYER_WORDS.search(flat) and state.role != "employer":
            # "我…是建档立卡户…就想出去做工，可是无手艺。有什么政策我能用？": a person asking what they may get, not a
            # unit's money (the NLU's employer question)
            return training_days("ask_what_can_i_get", text, state)
        if not strong and state.topic and q is not None and q.words is not None and _THEIR_OWN.search(flat) and \
                not q.words.search(text or "") and not cat.question_named_in(text or ""):
            # "那这几个工人自己能领钱不" after a unit's own money (taken for a start-up question): what its people get
            return "ask_what_can_i_get"
        if not strong and asks_else and state.topic and q is not None and q.words is not None and \
                not q.words.search(text or "") and not cat.question_named_in(text or "") and \
                not nz.CHILD_OF_SEVERAL.search(text or ""):
            # a follow-up "那额自己能拿点啥不" (taken for a start-up question): everything the person may get
            return training_days("ask_what_can_i_get", text, state)
        if not strong and q is not None and q.role != "employer" and nz.UNIT_MONEY.search(text or "") and \
                "ask_employer_subsidy" in cat.questions and \
                not set(q.topics) & set(cat.questions["ask_employer_subsidy"].topics):
            # "那厂里招我进来 厂里是不是有钱拿" (taken for a job-seeking question): the employer's money
            return "ask_employer_subsidy"
        if strong:
            intent = strong
        elif state.topic and not ex.empty() and not QUESTION_WORDS.search(text):
            return "inform"        # "那我老家是五指山的": facts, no question: keep the topic
        intent = _by_amount(intent, text, ex, state)
    return training_days(intent, text, state)


def _asks_a_part_of_shown(ex: Extracted, state: State) -> bool:
    """The message asks which part of a benefit just shown counts (a fact of what is asked, `*_asked`, that one of
    those benefits tests)."""
    asked = {f for f in ex.facts if f.endswith("_asked")}
    benefits = default_policies().benefits
    return bool(asked) and any(asked & set(f for c in benefits[bid].eligibility for f in condition_facts(c))
                               for bid in state.last_benefits if bid in benefits)


def _by_amount(intent: str | None, text: str, ex: Extracted, state: State) -> str | None:
    """"那个一千块的求职补贴": the benefit its amount names, when the words alone would ask another question."""
    from .decide import question_by_amount

    named, found = question_by_amount(text, ex.place or state.place)
    cat = default_catalogue()
    # (the benefit's own topic is not the asked question's: "车间老板讲政府每招一个补1500" in 湖南 is its 岗位补贴, not
    # a 社区工厂 question)
    if named and named != intent and not found & set(cat.topics_of(intent)):
        return named
    return intent


def _clause_of(text: str, at: int) -> str:
    """The sentence of the message around position `at` (between full stops and question marks)."""
    a = max(text.rfind(ch, 0, at) for ch in "。？?！!；;") + 1
    ends = [i for i in (text.find(ch, at) for ch in "。？?！!；;") if i >= 0]
    return text[a:min(ends) if ends else len(text)]


def agency_own(intent: str | None, ex: Extracted, state: State, text: str = "") -> str | None:
    """"我是劳务经纪人…带老乡出去干…这种政府给补贴没": what an agency may get is its own 职业介绍 money (its status and
    why, a broker without a licence too), not the units' and workers' benefits. A worker's benefit named as had
    ("28个里头有5个今年自己也去镇上领了求职补贴，这5个我们还能报不") is history: the agency asks about its own."""
    agency = (ex.facts.get("employer_type") or state.facts.get("employer_type")) == "人力资源服务机构"
    if intent == "ask_what_can_i_get" and state.topic in (None, "ask_what_can_i_get") and agency and \
            (role_of(intent, text, state.role) not in ("worker", "proxy") or not nz.PLACED_BY.search(text or "") or
             nz.AGENCY_PAID.search(text or "")):
        # (not a worker placed by an agency, "经村里的就业服务公司介绍去江苏…她问能领啥补助": what she may get herself;
        # unless the agency's money is spoken of, "中介说政府每个人给他们200块，这钱是不是从我老公工资里扣的")
        return "ask_referral"
    if agency and state.topic == "ask_referral" and intent not in ("ask_referral", "ask_what_can_i_get") and \
            is_question(intent) and re.search(f"(?:{nz.HAD_BEFORE.pattern})", text or "") and \
            re.search(r"(?:我们|俺们|咱们)[^，。,；;？?]{0,4}?(?:还)?(?:能|可以)(?:报|领|拿|申请)", text or "") and \
            not default_catalogue().question_named_strongly(
                re.sub(f"(?:{nz.HAD_BEFORE.pattern})[^，。,；;？?]{{0,10}}", "", text or "")):
        return "ask_referral"
    return intent


# a unit's people, the ones its question is about ("学员上课那些天…")
_ITS_PEOPLE = re.compile(r"学员|学生|工人|员工|职工|他们|她们|这些人|那些人")


def unit_question(intent: str | None, text: str, ex: Extracted, state: State) -> str | None:
    """A unit asking a question the NLU took for a worker's ("俺家在兰西办了个家庭农场…雇了一对建档立卡的两口子…这能给奖励不"),
    of topics its documents have nothing on: what the unit may get, not "没有求职补贴"."""
    cat = default_catalogue()
    q = cat.questions.get(intent or "")
    flat = re.sub(r"\s+", "", text or "")
    place = ex.place or state.place
    if q is None or q.role != "worker" or intent == "ask_what_can_i_get" or not place or \
            not (EMPLOYER_WORDS.search(flat) or state.role == "employer") or cat.question_named_strongly(text or ""):
        return intent
    if cat.question_named_in(text or "") == intent and _ITS_PEOPLE.search(flat):
        return intent           # "学员上课那些天有没有生活费交通费补助": its people's money, asked by name
    topics = set(q.topics) | set(q.fallback_topics or ())     # (what the question covers where its own are missing)
    docs = default_gazetteer().resolve(place).documents
    if any(b.topic in topics for d in docs for b in d.benefits):
        return intent           # (the unit asks about its people's benefits: they are answered)
    return "ask_what_can_i_get"


def training_days(intent: str | None, text: str, state: State) -> str | None:
    """"脱贫户学员来听课这些天的饭钱路费": a training's days, not a trip to work. A school asking its own training
    subsidy beside its trainees' allowances ("机构这期按啥标准拿培训补贴…学员来回路费和吃饭有补贴没"): the training's money,
    both."""
    if intent in ("ask_training_allowance", "ask_transport") and nz.SCHOOL_OWN_MONEY.search(re.sub(r"\s+", "", text or "")):
        return "ask_training"
    if intent == "ask_transport" and nz.DAYS_MONEY.search(text or "") and \
            (nz.TRAINING_DAYS.search(text or "") or state.topic in ("ask_training", "ask_training_allowance")) and \
            not nz.trip_to_work(text):
        return "ask_training_allowance"
    if intent not in (None, "ask_training", "ask_what_can_i_get") and is_question(intent) and \
            nz.COURSE_FEE.search(text or "") and state.facts.get("training_type") and \
            state.facts.get("in_technical_school") is not True and \
            not default_catalogue().question_named_strongly(text or ""):
        return "ask_training"   # "那学费呢，我自己掏了1500块" of a course they take: the training's own subsidy
    return intent



# who is asking, said first ("我们是在千阳设点开班的一所技工学校"): not what they ask about
_SELF_INTRO = re.compile(r"^\s*(?:你好|您好)?[，,\s]*(?:我们|俺们|咱们|我|俺)(?:这)?是[^，。,；;？?]{0,20}")


def without_self_intro(text: str | None) -> str:
    """The message with the asker's words of who they are blanked (same length): "我们是宝鸡的一所技工院校，想…办中期培训"
    asks about the training, not school grants."""
    return _SELF_INTRO.sub(lambda m: "　" * len(m.group(0)), text or "")


# "那我下个月去办个个体执照呢": what about another case, of the question its words name
_WHAT_ABOUT = re.compile(r"^\s*(?:那|要是|如果|假如)[^？?。]{0,30}?呢")


def _of_the_last_answer(state: State, ex: Extracted, named: str) -> bool:
    """Whether every fact the message says is one the first benefit of the last answer turns on (its conditions or
    its amount), and that benefit is none of the question the words name."""
    policies = default_policies()
    last = [b for b in (state.last_benefits or [])[:1] if b in policies.benefits]
    if not last or not ex.facts or not state.place:
        return False
    b = policies.benefits[last[0]]
    if b.topic in default_catalogue().topics_of(named):
        return False
    used = {f for c in b.eligibility for f in condition_facts(c)}
    amount = repr(b.amount)
    return all(k in used or k in amount for k in ex.facts)


def question_part(text: str, intent: str | None, ex: Extracted, state: State) -> str:
    """The words of a message that may name its question. A correction of a count names no question of its own ("说错了，
    半年内开店的是5个不是6个，剩下15个没创业。那合起来多少？": 开店 is not the start-up subsidy asked of): its sentences
    that ask do."""
    text = text or ""
    if state.topic and (intent == "correct" or ex.correction) and \
            (ex.case_fixes or ex.group_fixes or ex.count_fix or ex.month_fixes):
        return "，".join(c for c in re.split(r"[。；;！!]", text) if ASKING.search(c))
    return text


def question_in_words(intent: str | None, text: str, ex: Extracted, state: State) -> str | None:
    """The question a message asks when the NLU did not see one (it took it for a correction, a fact or small talk):
    the words that name a question in the catalogue; or, with no topic yet, "what can I get" when the message asks
    about money and says who the person is."""
    if state.pending_fact and not ASKING.search(text or ""):
        return intent           # an answer to our question ("社区工厂"), not a new question
    asked = question_part(text, intent, ex, state)
    named = training_days(default_catalogue().question_named_in(without_self_intro(asked)) or
                          default_catalogue().question_named_in(asked), text, state)
    cat = default_catalogue()
    topic_q = cat.questions.get(state.topic or "")
    place = ex.place or state.place
    if named == "ask_factory_job" and nz.UNIT_MONEY.search(text or "") and place and not any(
            b.topic in cat.topics_of(named) for d in default_gazetteer().resolve(place).documents for b in d.benefits):
        # "在县里扶贫车间上班…车间这个还差多久能领" of a place whose document has no 社区工厂 money: the unit's money
        named = None
    if not named and nz.UNIT_MONEY.search(text or "") and "ask_employer_subsidy" in cat.questions and \
            (topic_q is None and state.role in (None, "worker", "proxy") or topic_q is not None and
             not set(topic_q.topics) & set(cat.questions["ask_employer_subsidy"].topics)):
        # "他现在在海口一个酒店上班…这样酒店能得什么好处" after a school question: the unit's money (a topic that has
        # the unit's money, "社区工厂", answers it itself)
        named = "ask_employer_subsidy"
    named = _by_amount(named, text, ex, state) if (named or ASKING.search(text or "")) else named
    # (or the first message, its facts said: "俺老公五十八了…建档立卡贫困户…他这岁数还有政策没")
    if not named and (state.topic or ex.place or ex.categories) and WHAT_ELSE.search(text or ""):
        return "ask_what_can_i_get"
    asks_else = WHAT_ELSE.search(text or "")
    q = default_catalogue().questions.get(named or "")
    if named and asks_else and q is not None and q.words is not None and \
            not q.words.search(_clause_of(text, asks_else.start())) and len(re.findall(r"[？?]", text or "")) <= 1:
        # "儿子今年读海南省技师学院一年级，女儿…，丈夫…。她问一家人都能领什么": everything, not the school named first
        return "ask_what_can_i_get"
    if named and _WHAT_ABOUT.search(text or "") and _of_the_last_answer(state, ex, named):
        return intent           # "要是培训期拉长到8个月呢": a fact of what was just answered, said otherwise
    if named and state.topic and named != state.topic and _bare_amount_asked(text, state):
        # "干满半年的有十九个…能拿多少？这些人自己的路费能补不？": the amount of the topic under way, then the other
        # question (turn.other_questions)
        return intent
    if named and (not state.topic or ASKING.search(text or "") or _WHAT_ABOUT.search(text or "")):
        return named
    if not state.topic and ASKING.search(text or "") and (ex.place or ex.categories or ex.facts or state.place):
        return "ask_what_can_i_get"
    return intent


# a question of an amount alone, its own clause ("能拿多少？", "那一共多少")
_BARE_AMOUNT = re.compile(r"^(?:那|这样|这么|这|那么)?(?:一共|总共|合计|加起来)?(?:能|可以)?(?:拿|领|补|给|得)?(?:多少|好多|几多)(?:钱)?"
                          r"(?:呢|啊|呀)?$")


def _bare_amount_asked(text: str, state: State) -> bool:
    """A message of facts with two questions, one an amount alone ("能拿多少？") and one that names another topic: the
    amount is the topic's under way (a topic of the asker's own, or one of money)."""
    if not state.place:
        return False
    clauses = [c for c in re.split(r"[？?。！!，,；;\s]+", re.sub(r"^(?:他|她)?(?:说|问)[:：]?", "", text or "")) if c]
    return any(_BARE_AMOUNT.match(c) for c in clauses)


def apply_pending(state: State, intent: str | None, text: str, ex: Extracted) -> None:
    """Use the answer to the question we asked. The last question stays answerable until its fact is known: a user
    who first says "是的" and then "2个月前" has still answered it."""
    pf = state.pending_fact
    if not pf and state.asked:
        last = state.asked[-1]
        if not last.startswith("place") and last != "category" and state.facts.get(last) is None:
            pf = last
    if not pf and ex.empty() and (text or "").strip() and _BARE_REPLY.fullmatch(re.sub(r"\s+", "", text or "")):
        # "两年", "签了", "没有" after an answer that said what is still open ("还要看：被吸纳人员须签订不低于一年期限的
        # 劳动合同"): the reply is that fact
        pf = _open_fact_of_last(state)
    if not pf:
        return
    vocab = default_policies().vocab
    if pf.startswith("place_confirm:"):
        if intent == "affirm":
            state.place = pf.split(":", 1)[1]
        return
    if pf == "place":
        return
    if pf == "category":
        if intent == "deny" and not ex.categories:
            state.facts["category_exhaustive"] = True
        return
    f = vocab.facts.get(pf)
    if f is None or pf in ex.facts:
        return
    if f.type == "bool":
        if intent == "affirm":
            ex.facts[pf] = True
        elif intent == "deny":
            ex.facts[pf] = False
        return
    if f.type == "enum":
        if pf == "work_scope":
            v = nz.work_scope_word(text)
        else:
            fn = {"employer_type": nz.employer_type, "post_type": nz.post_type, "business_type": nz.business_type,
                  "training_type": nz.training_type}.get(pf)
            v = fn(text) if fn else None
            if v is None:
                v = next((c for c in f.choices if c in text), None)
        if v in f.choices:
            ex.facts[pf] = v
        return
    # numeric: an unassigned number in the answer
    if ex.numbers:
        n = ex.numbers[0]
        if f.type == "ratio" and n > 1:
            n = n / 100
        ex.facts[pf] = n
    else:
        parse = {"months": nz.parse_duration_months, "money": nz.parse_money, "count": nz.parse_count,
                 "days": nz.parse_days}.get(f.type)
        v = parse(text) if parse else None
        if v is None and f.type == "months":      # "2个月前", "去年三月": a date answers "how many months since"
            dates = nz.dates_in(text, today())
            v = dates[0][2] if dates else None
        if v is not None:
            ex.facts[pf] = v


# a reply of a few words that says one fact and asks nothing ("两年", "三个月", "签了", "没有", "交了")
_BARE_REPLY = re.compile(r"(?:嗯|对|是|是的)?[，,]?(?:签了?|签的|干了?|有|没有|没|交了|是)?\s*"
                         r"(?:[0-9一二两三四五六七八九十半]+\s*(?:年|个月|个多月|个半月)(?:的)?(?:合同)?|了|的)?[。.！!]?")


def _open_fact_of_last(state: State) -> str | None:
    """The one fact still open of the first benefit the last answer stated ("还要看：…"), when there is one."""
    ids = [i for i in state.last_benefits or [] if i in default_policies().benefits][:1]
    if not ids or not state.place:
        return None
    from policies import evaluate
    from .decide import profile_of
    r = evaluate(profile_of(state), state.place, benefit_ids=ids).results
    facts = [f for o in (r[0].unknown if r else []) for f in o.facts]
    return facts[0] if len(set(facts)) == 1 else None


# facts of one question, not of the person: they hold for the message that says them ("第二趟的车票能不能再报一回")
_ASKED_NOW = ("claim_again", "another_claimant", "asked_now", "claim_next_year", "case_group_named", "late_claim")


def _the_rest_named(state: State, ex: Extracted) -> None:
    """"5个里面有2个不是建档立卡的" and then "这3个人…": the three are those left of the five, not a new count of the
    unit's people (the two stay counted out)."""
    out = state.facts.get("counted_not") or {}
    if ex.correction or getattr(ex, "counted_not", None) or not out:
        return
    for k in ("new_hires", "hired_poor_count"):
        v, had = ex.facts.get(k), state.facts.get(k)
        if v and had and any(n and had - n[0] == v for n in out.values()):
            ex.facts.pop(k)


def _the_partnership_kept(state: State, ex: Extracted, text: str) -> None:
    """"想跟我表哥合伙…开个汽修铺", then "考合格了再开店": the shop is the partnership said before, not one of one's own."""
    if state.facts.get("borrower_type") == "合伙" and ex.facts.get("borrower_type") == "个人" and not ex.correction and \
            not re.search(r"个体|一个人|自己一个|自个|单干|不合伙|不跟|不和", text or ""):
        for k in ("business_type", "borrower_type"):
            ex.facts.pop(k, None)


def _a_business_before(state: State, ex: Extracted) -> None:
    """"他2018年在村里开过一个小饭馆，也办过营业执照，干了一年多就黄了" after the business asked about: that one was not
    the first; the closed one's form, months and end are not the one's asked about."""
    if ex.facts.get("first_business") is False and ex.facts.get("operating_normally") is False and \
            ex.facts.get("business_planned") is not True and state.facts.get("business_type") and \
            state.facts.get("months_since_registration") is not None and not ex.correction:
        for k in ("business_type", "borrower_type", "operating_normally", "months_since_registration", "business_planned",
                  "months_employed", "months_since_employment", "employed"):
            ex.facts.pop(k, None)


_PART_OF_COURSE_NOT_POOR = re.compile(r"([0-9一二两三四五六七八九十百]+)\s*个(?:人|学员)?\s*(?:里头|里面|里边|当中|中间|里)\s*(?:有)?\s*"
                                      r"([0-9一二两三四五六七八九十]+)\s*个(?:人)?[^，。,；;？?0-9]{0,4}?(?:不是|并非)"
                                      r"(?:建档立卡|贫困|脱贫)")


def _intern_named_by_arrival(state: State, ex: Extracted, text: str, notes: list) -> None:
    """"去年九月来的那个只见习了4个月": of a unit's interns told one by one (INTERN_ARRIVALS), the one named by when it
    came, at the months of internship said now; the others as they were."""
    arrivals = state.facts.get(INTERN_ARRIVALS)
    groups = [list(g) for g in state.facts.get("group_months") or []]
    months = ex.facts.get("internship_months")
    if not ex.correction or months is None or not isinstance(arrivals, list) or len(arrivals) != len(groups):
        return
    came = nz.dates_in(text or "", today())
    at = [i for i, a in enumerate(arrivals) if came and a == came[0][2]]
    if len(at) != 1 or groups[at[0]][1] == months:
        return
    was = groups[at[0]][1]
    groups[at[0]][1] = float(months)
    state.facts["group_months"] = groups
    state.facts["internship_months"] = max(m for _, m in groups)
    for k in ("internship_months", "months_employed", "months_since_employment", "employed"):
        ex.facts.pop(k, None)
    notes.append(f"好的，那位的见习月数由{fact_value_text('internship_months', was)}改为"
                 f"{fact_value_text('internship_months', float(months))}。")


def _low_income_group_denied(state: State, ex: Extracted, text: str) -> None:
    """"他说的那3个“低收入”其实是本村一般户": a group of hires said before to be 农村低收入人口 is not; they are out of
    the count of new hires (which held them beside the 脱贫 ones), and out of the unit's people's classes when they
    were all of them."""
    m = nz.LOW_INCOME_DENIED.search(re.sub(r"\s+", "", text or ""))
    n = nz.parse_count(m.group(1)) if m else None
    low = "农村低收入人口"
    if not n or low not in (state.facts.get("category") or []):
        return
    hires, poor = state.facts.get("new_hires"), state.facts.get("hired_poor_count")
    if hires is None or poor is None or hires - n != poor:
        return
    state.facts["new_hires"] = float(hires - n)
    if state.facts.get("hired_poor_low_income_count") == hires:
        state.facts["hired_poor_low_income_count"] = float(hires - n)
    state.facts["category"] = [c for c in state.facts["category"] if c != low]
    counted = {k: v for k, v in (state.facts.get("counted_not") or {}).items() if not (v and v[0] == n and low in v[1])}
    if counted:
        state.facts["counted_not"] = counted
    else:
        state.facts.pop("counted_not", None)
    ex.categories = [c for c in ex.categories if c != low]
    ex.not_categories = [c for c in ex.not_categories if c != low]
    ex.facts = {k: v for k, v in ex.facts.items() if k not in ("new_hires", "hired_poor_low_income_count")}


def _part_of_a_course_not_poor(state: State, ex: Extracted, text: str) -> None:
    """"说错了，家政班20个人里有2个不是建档立卡的，是18个" of two courses said before (Profile.course_facts): that
    course's trainees counted are the rest; who the others are stays as said."""
    courses = state.facts.get("course_facts") or {}
    kind = ex.facts.get("training_type")
    m = _PART_OF_COURSE_NOT_POOR.search(re.sub(r"\s+", "", text or ""))
    if not m or kind not in courses or "脱贫劳动力" not in (ex.not_categories or []) and \
            not any(v[1] == "不是建档立卡户" for v in (ex.counted_not or {}).values()):
        return
    whole, some = nz.parse_count(m.group(1)), nz.parse_count(m.group(2))
    if not whole or not some or some >= whole or courses[kind].get("trainee_count") != whole:
        return
    courses = {k: dict(v) for k, v in courses.items()}
    courses[kind]["trainee_count"] = float(whole - some)
    state.facts["course_facts"] = courses
    ex.not_categories = []
    ex.facts.pop("training_type", None)
    ex.numbers = [n for n in ex.numbers if n not in (whole, some, whole - some)]
    # (that course's part, not the others' too: out of no other course's count)
    ex.counted_not = {k: v for k, v in (ex.counted_not or {}).items() if not (v[0] == some and v[1] == "不是建档立卡户")}


def _contract_counts_fixed(state: State, ex: Extracted) -> None:
    """"签一年合同的是5个，签半年的就1个" when the short ones were counted out before (Profile.counted_not, "只签了…"):
    those out are the short ones now, of all the hires."""
    fix = getattr(ex, "contract_fix", None)
    out = state.facts.get("counted_not") or {}
    short = {k for k, v in out.items() if v and str(v[-1]).startswith("只签了")}
    if not fix or not short:
        return
    long_n, short_n, months = fix
    state.facts["counted_not"] = {k: ([short_n, f"只签了{fact_value_text('contract_months', months)}"] if k in short else v)
                                  for k, v in out.items()}
    ex.facts["new_hires"] = ex.facts["hired_poor_count"] = long_n + short_n


# the hires on the longer contract counted alone ("那要是签一年合同的脱贫户招了8个呢")
_LONG_ONES_COUNTED = re.compile(r"签(?:了|的)?\s*(?:一|1|两|2|三|3)\s*年(?:的)?(?:劳动)?(?:合同|协议)?的[^，。,；;？?0-9]{0,8}?"
                                r"(?:招了|有|是|招|雇了)?\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)")


def _long_ones_counted(state: State, ex: Extracted, text: str) -> None:
    """"那要是签一年合同的脱贫户招了8个呢" when some were counted out for a shorter contract (Profile.counted_not,
    "只签了…"): the 8 are those on the year's contract; the short ones stay beside them, out as before."""
    out = state.facts.get("counted_not") or {}
    short = [v for v in out.values() if v and str(v[-1]).startswith("只签了")]
    m = _LONG_ONES_COUNTED.search(text or "")
    if not short or not m or getattr(ex, "contract_fix", None) or getattr(ex, "more_people", 0):
        return
    n = nz.parse_count(m.group(1))
    said = [k for k in ("new_hires", "hired_poor_count") if ex.facts.get(k) == n]
    if not n or not said:
        return
    for k in said:
        ex.facts[k] = float(n) + float(short[0][0])


def _contract_swapped(state: State, ex: Extracted, notes: list[str]) -> None:
    """"说错了，签8个月的是南寨那4个，崔家头那3个签的是一年半": the people out for a short contract are now that group;
    the unit's count and the others' contract stay as they were."""
    swap = getattr(ex, "contract_swap", None)
    out = state.facts.get("counted_not") or {}
    short = {k: v for k, v in out.items() if v and str(v[-1]).startswith("只签了")}
    if not swap or not short:
        return
    n, months = swap
    state.facts["counted_not"] = {k: ([n, f"只签了{fact_value_text('contract_months', months)}"] if k in short else v)
                                  for k, v in out.items()}
    was = next(iter(short.values()))[0]
    notes.append(f"好的，只签了{fact_value_text('contract_months', months)}的改为{fact_value_text('new_hires', n)}"
                 f"（原来是{fact_value_text('new_hires', was)}）。")
    for k in ("contract_months",) + _HEAD_COUNTS:
        ex.facts.pop(k, None)


def _contract_lengthened(state: State, ex: Extracted, notes: list[str]) -> None:
    """"说错了 五月那俩脱贫户签的是两年的合同 不是半年": the group counted out for a short contract (Profile.counted_not,
    "只签了…") is in every count again; the unit's count and the others' contract stay as they were."""
    longer = getattr(ex, "contract_longer", None)
    out = state.facts.get("counted_not") or {}
    short = {k for k, v in out.items() if v and str(v[-1]).startswith("只签了") and v[0] == (longer or (None,))[0]}
    hired, counted = state.facts.get("hired_poor_count"), state.facts.get("new_hires")
    if longer and not short and hired and counted and hired - counted == longer[0]:
        # "今年招了脱贫户8个 其中5个签的一年合同 3个签的半年" (5 counted of the 8), then "那3个签的不是半年 是两年的合同":
        # all 8 are counted
        ex.facts.pop("contract_months", None)
        for k in _HEAD_COUNTS:
            ex.facts.pop(k, None)
        state.facts["new_hires"] = hired
        notes.append(f"好的，那{fact_value_text('new_hires', longer[0])}的合同改为"
                     f"{fact_value_text('contract_months', longer[1])}，也算进去了。")
        return
    if not longer or not short:
        return
    n, months = longer
    state.facts["counted_not"] = {k: v for k, v in out.items() if k not in short}
    notes.append(f"好的，那{fact_value_text('new_hires', n)}的合同改为{fact_value_text('contract_months', months)}，"
                 f"也算进去了。")
    for k in ("contract_months",) + _HEAD_COUNTS:
        ex.facts.pop(k, None)


_NAMED_AGAIN = re.compile(r"(?:那|这)\s*([0-9一二两三四五六七八九十]+)\s*(?:个|名|位)(?!(?:多|半|来)?月)(?:人)?")


def _group_named_again(state: State, ex: Extracted, text: str) -> None:
    """"那去江苏那8个人自己还能…领…求职补贴不": some of the unit's people said before, pointed at; not a new count of
    them (a correction says its count in words of its own: "说错了，是8个")."""
    if ex.correction or re.search(r"(?:招了|介绍了|送了|又|还有|另外)[^，。,；;？?]{0,4}?[0-9一二两三四五六七八九十]+\s*(?:个|名|位)",
                                  text or ""):
        return                  # (more people said: "又招了3个", "另外还有2个")
    for m in _NAMED_AGAIN.finditer(text or ""):
        n = nz.parse_count(m.group(1))
        for k in _HEAD_COUNTS:
            if n and ex.facts.get(k) == n and (state.facts.get(k) or 0) > n:
                ex.facts.pop(k)


# the facts that are a length of time in months the person said
_MONTHS_SAID = ("internship_months", "months_employed", "months_since_employment", "contract_months",
                "months_since_registration")


def _one_group_regrouped(state: State, ex: Extracted, text: str) -> None:
    """"记错了，见习4个月的那两个，其实一个是4个月，一个只见习了3个月": one of the groups said before (Profile.group_months)
    now said as parts, each with its months; the other groups and the unit's count stay."""
    groups = state.facts.get("group_months") or []
    parts = ex.group_months or []
    if len(groups) < 2 or len(parts) < 2 or not ex.correction:
        return
    n = sum(p[0] for p in parts)
    hit = [g for g in groups if g[0] == n and any(p[1] == g[1] for p in parts)]
    if len(hit) != 1 or len([g for g in groups if g[0] == n]) > 1 and not re.search(
            fact_value_text("months_employed", hit[0][1]).removesuffix("个月") + r"\s*个月的那", text or ""):
        return
    state.facts["group_months"] = [x for g in groups for x in ([list(p) for p in parts] if g is hit[0] else [g])]
    ex.group_months = []
    for k in ("months_employed", "months_since_employment", "internship_months", "employed", "unemployed") + \
            _HEAD_COUNTS:
        ex.facts.pop(k, None)


def _origin_fixed(state: State, ex: Extracted, notes: list[str]) -> None:
    """"哦说错了，铜仁那3个是我搞混了，他们户口是湖南怀化的": a group counted out as of another province (Profile.
    counted_not, OUT_OF_PROVINCE) is of the unit's own province after all (or the other way round); the unit's place and
    its count stay."""
    fix = getattr(ex, "origin_fix", None)
    if not fix or not state.place:
        return
    n, where = fix
    gaz = default_gazetteer()
    home, here = gaz.find_all(where), gaz.resolve(state.place).place
    if not home or not here:
        return
    out = dict(state.facts.get("counted_not") or {})
    same = home[0].path[0] == here.path[0]
    if same:
        gone = [k for k, v in out.items() if v and v[0] == n and v[-1] == OUT_OF_PROVINCE]
        if not gone:
            return
        for k in gone:
            del out[k]
        notes.append(f"好的，那{fact_value_text('new_hires', n)}是{home[0].full_name}的（本省），也算进去了。")
    else:
        docs = {d.id for d in gaz.resolve(state.place).documents}
        for bid, b in default_policies().benefits.items():
            if b.document.id in docs and any(getattr(c, "fact", None) == "home_province" for c in b.eligibility):
                out[bid] = [n, OUT_OF_PROVINCE]
        notes.append(f"好的，那{fact_value_text('new_hires', n)}是{home[0].full_name}的（外省），不算在内。")
    state.facts["counted_not"] = out
    ex.place = None
    ex.place_as_home = False
    for k in ("home_province",) + _HEAD_COUNTS:
        ex.facts.pop(k, None)


def _why_group_out(state: State, ex: Extracted) -> None:
    """"南寨那4个为啥不给": the group counted out before (Profile.counted_not) said with its benefit and why, beside the
    answer for the others."""
    why = getattr(ex, "why_group", None)
    if not why:
        return
    n, words = why
    for bid, v in (state.facts.get("counted_not") or {}).items():
        if not v or v[0] != n:
            continue
        b = default_policies().benefits.get(bid)
        cond = next((c.note for c in b.eligibility if getattr(c, "fact", None) == "contract_months"), None) \
            if b is not None and str(v[-1]).startswith("只签了") else None
        ex.added_short[bid] = (cond or str(v[-1]), f"{words}{v[-1]}" if cond else words)


def _round_count_fixed(state: State, ex: Extracted, notes: list[str]) -> None:
    """"说错了 签一年的那拨是6个不是7个" after rounds of hires of which some were out for a short contract: the others'
    count is fixed, those out stay out."""
    fixes = getattr(ex, "group_fixes", None) or []
    short = [v for v in (state.facts.get("counted_not") or {}).values() if v and str(v[-1]).startswith("只签了")]
    if not fixes or not short or state.facts.get("group_months"):
        return
    total = state.facts.get("new_hires") or state.facts.get("hired_poor_count")
    new, old = fixes[0][0], fixes[0][1]
    if not total or old is None or new is None or total - short[0][0] != old or new == old:
        return
    for k in ("new_hires", "hired_poor_count"):
        if state.facts.get(k) == total:
            ex.facts[k] = total - old + new
    notes.append(f"好的，签够合同的改为{fact_value_text('new_hires', new)}（原来是{fact_value_text('new_hires', old)}）。")
    ex.group_fixes = []
    ex.facts.pop("contract_months", None)


# a course's days put right ("电工班是30天不是25天", "不是25天，是30天")
_COURSE_DAYS_FIXED = re.compile(r"(?:是|为)\s*([0-9一二两三四五六七八九十]+)\s*天[，,\s]*(?:不是|而不是)\s*([0-9一二两三四五六七八九十]+)\s*天|"
                                r"不是\s*([0-9一二两三四五六七八九十]+)\s*天[，,\s]*(?:是|而是)\s*([0-9一二两三四五六七八九十]+)\s*天")


def _rest_of_fixed_group(state: State, ex: Extracted, notes: list[str]) -> None:
    """"本县的是7个不是9个，另外2个是今年3月才进来的", "签两年合同的是6个不是8个…另外2个是10月份来的 只签了半年": the
    group said before is that many; the rest of it are the same people with a time of their own (a group of its own at
    its months) or a contract too short for a hire's money (out of the hires)."""
    fixes = getattr(ex, "group_fixes", None) or []
    rest = getattr(ex, "rest_group", None)
    if len(fixes) != 1 or not rest or state.facts.get("group_months"):
        return
    new, old = fixes[0][0], fixes[0][1]
    n, own = rest
    total = max([state.facts.get(k) or 0 for k in ("new_hires", "hired_poor_count")])
    if not new or not old or n != old - new or total < old:
        return
    ex.more_people = 0
    ex.group_fixes = []
    if (own.get("contract_months") or 12) < 12:
        # (a contract of less than a year: no hire a one-time subsidy counts)
        for k in ("new_hires", "hired_poor_count"):
            if state.facts.get(k) == total:
                ex.facts[k] = total - n
        notes.append(f"好的，签够合同的改为{fact_value_text('new_hires', new)}，另外{fact_value_text('new_hires', n)}"
                     f"合同不满一年。")
        ex.facts.pop("contract_months", None) if ex.facts.get("contract_months") == own["contract_months"] else None
        return
    months = own.get("months_employed")
    now = ex.facts.get("months_employed") or state.facts.get("months_employed")
    if months is None or now is None or months == now:
        return
    # the group at the time said now, the rest at theirs; the others of the unit (out of the count already, "贵州来的
    # 3个") stay as they are
    state.facts["group_months"] = [[new, now], [n, months]]
    notes.append(f"好的，{fact_value_text('new_hires', new)}干了{fact_value_text('months_employed', now)}，另外"
                 f"{fact_value_text('new_hires', n)}干了{fact_value_text('months_employed', months)}。")
    for k in _HEAD_COUNTS:
        ex.facts.pop(k, None)


def _stayed_count_fixed(state: State, ex: Extracted, notes: list[str]) -> None:
    """"说错了 干满一年的是九个 有两个干了十个月就回家了" after "干满一年的有十一个 另外四个干几个月就走了": fewer stayed
    the year; the rest (these two too) are out of each benefit with a time condition, as the others who left were."""
    fixes = getattr(ex, "group_fixes", None) or []
    out = state.facts.get("counted_not") or {}
    timed = {k: v for k, v in out.items() if v and re.search(r"走了|不干了|回家|回来", str(v[-1]))}
    if len(fixes) != 1 or fixes[0][1] is not None or not timed or state.facts.get("group_months"):
        return
    new = fixes[0][0]
    total = max([state.facts.get(k) or 0 for k in ("referred_count", "new_hires", "hired_poor_count")])
    was_out = next(iter(timed.values()))[0]
    if not total or not new or new >= total - was_out:
        return
    state.facts["counted_not"] = {k: ([total - new, "未干满一年"] if k in timed else v) for k, v in out.items()}
    notes.append(f"好的，干满一年的改为{fact_value_text('new_hires', new)}，其余{fact_value_text('new_hires', total - new)}"
                 f"未干满一年。")
    ex.group_fixes = []
    for k in ("months_employed", "months_since_employment", "contract_months", "employed") + _HEAD_COUNTS:
        ex.facts.pop(k, None)




# the persons a correction counts are those who had a benefit before ("领过求职补贴的是2个，不是3个", "被别个报过的是1个")
_HAD_ONES = re.compile(r"(?:领|拿|享受|报|补|申请)(?:过|了)|被[^，。,；;？?]{0,6}?(?:报|领|申请)")


def _served_count_fixed(state: State, ex: Extracted, text: str, notes: list[str]) -> None:
    """"哦不对，领过求职补贴的是2个，不是3个": the persons out of a benefit's count for having had it (or one it excludes)
    this year (Profile.counted_out, or counted_not for it) are that many; the unit's count stays."""
    fixes = getattr(ex, "group_fixes", None) or []
    if len(fixes) != 1 or fixes[0][1] is None or not fixes[0][0] or not _HAD_ONES.search(text or ""):
        return
    new, old = float(fixes[0][0]), float(fixes[0][1])
    out = dict(state.facts.get("counted_out") or {})
    nots = dict(state.facts.get("counted_not") or {})
    hit_out = [k for k, v in out.items() if v == old]
    hit_not = [k for k, v in nots.items() if v and v[0] == old and re.search(r"领过|享受过|报过|已经", str(v[-1]))]
    if not hit_out and not hit_not:
        return
    for k in hit_out:
        out[k] = new
    for k in hit_not:
        nots[k] = [new] + list(nots[k][1:])
    if hit_out:
        state.facts["counted_out"] = out
    if hit_not:
        state.facts["counted_not"] = nots
    notes.append(f"好的，已经领过的改为{fact_value_text('new_hires', new)}（原来是{fact_value_text('new_hires', old)}）。")
    ex.group_fixes = []
    for k in _HEAD_COUNTS:
        ex.facts.pop(k, None)


def _group_named_by_its_date(state: State, ex: Extracted, text: str) -> None:
    """"那四月来的那4个 我们一边干活一边手把手教他们…": a group said before, named by the date they came; that date is
    theirs (Profile.group_months), not the unit's time."""
    groups = state.facts.get("group_months") or []
    m = _GROUP_BY_ITS_DATE.search(re.sub(r"\s+", "", text or ""))
    months = ex.facts.get("months_employed") or ex.facts.get("months_since_employment")
    if not groups or not m or months is None or ex.correction:
        return
    n = {"俩": 2, "仨": 3}.get(m.group(1)) or nz.parse_count(m.group(1))
    if any(g[0] == n and abs(g[1] - months) < 1 for g in groups):
        for k in ("months_employed", "months_since_employment", "employed") + _HEAD_COUNTS:
            ex.facts.pop(k, None)


_GROUP_BY_ITS_TIME = re.compile(r"(?:见习|干|做|实习)(?:了|满|够)?\s*([0-9一二两三四五六七八九十半]+\s*(?:个多月|个月|年))(?:的)?"
                                r"(?:那|这)\s*([0-9一二两三四五六七八九十]+|俩|仨)\s*(?:个|名|位)")


def _group_named_by_its_time(state: State, ex: Extracted, text: str) -> None:
    """"见习8个月那2个我们见习完留下了": a group said before (Profile.group_months), named by its months; those months
    are the group's, not a new time of the unit's people."""
    groups = state.facts.get("group_months") or []
    m = _GROUP_BY_ITS_TIME.search(re.sub(r"\s+", "", text or ""))
    if not groups or not m or ex.correction:
        return
    n = {"俩": 2, "仨": 3}.get(m.group(2)) or nz.parse_count(m.group(2))
    months = nz.parse_duration_months(m.group(1))
    if months is None or not any(g[0] == n and abs(g[1] - months) < 1 for g in groups):
        return
    for k in ("months_employed", "months_since_employment", "internship_months") + _HEAD_COUNTS:
        if ex.facts.get(k) in (months, n):
            ex.facts.pop(k)
    if n in ex.numbers:
        ex.numbers.remove(n)


_GROUP_REDATED = re.compile(r"(?:那|这)\s*([0-9一二两三四五六七八九十]+|俩|仨)\s*(?:个|名|位)(?:人)?[^，,。；;？?\d]{0,6}?"
                            r"(?:其实|实际上?|应该)(?:是)?")


def _place_group_short(state: State, before: str, n: float, was: float, now: float) -> None:
    """A group named by where it is from ("邵阳那两个…是今年三月才来的"), now short of the year the rate of its place asks
    (湖南's 岗位补贴: 实际在岗12个月): out of that place's case (the 1000元 of another county, the 1500元 of the unit's own)."""
    cases = [list(g) for g in state.facts.get("case_groups") or []]
    if not (was >= 12 > now) or not state.place or not cases or \
            any(set(f) != {"employer_in_poor_area"} for _n, f in cases):
        return
    gaz = default_gazetteer()
    unit = gaz.resolve(state.place).place
    tail = re.split(r"[，,。；;：:]", before)[-1]
    at = next((gaz.find_all(tail[i:j]) for i in range(len(tail)) for j in range(len(tail), i + 1, -1)
               if gaz.find_all(tail[i:j])), [])
    if unit is None or not at or at[0].path[0] != unit.path[0]:
        return
    local = len(unit.path) >= 3 and len(at[0].path) >= 3 and at[0].path[2] == unit.path[2]
    for g in cases:
        if g[1].get("employer_in_poor_area") is local and g[0] >= n:
            g[0] -= n
            state.facts["case_groups"] = [g for g in cases if g[0] > 0]
            return


# "邵阳那两个不是去年三月来的，是今年三月才来的": a group named, the date it did not come, then the date it came
_GROUP_NOT_THEN = re.compile(r"(?:那|这)\s*([0-9一二两三四五六七八九十]+|俩|仨)\s*(?:个|名|位)(?:人)?(?:也)?(?:不是|并不是)")


def _group_redated(state: State, ex: Extracted, text: str, notes: list[str]) -> None:
    """"说错了，今年4月那4个其实是去年10月来的": a group said before (Profile.group_months), named by the date it came,
    came at another date: that group's months change, the others' stay. ("邵阳那两个不是去年三月来的，是今年三月才来的":
    some of a group said before came at another date: they are a group of their own.)"""
    groups = [list(g) for g in state.facts.get("group_months") or []]
    flat = re.sub(r"\s+", "", text or "")
    m = _GROUP_REDATED.search(flat)
    dates = nz.dates_in(flat, today())
    if m is not None:
        before = [d for d in dates if d[1] <= m.start() and m.start() - d[1] <= 4]
        after = [d for d in dates if d[0] >= m.end() and d[0] - m.end() <= 2]
    else:
        m = _GROUP_NOT_THEN.search(flat)
        before = [d for d in dates if m and d[0] >= m.end() and d[0] - m.end() <= 1]
        then = re.search(r"[，,]?\s*(?:而)?是", flat[before[0][1]:]) if before else None
        after = [d for d in dates if then and d[0] >= before[0][1] + then.end() and d[0] - before[0][1] - then.end() <= 4
                 and re.search(r"[，,]", flat[before[0][1]:d[0]])] if before else []
    if not groups or not m or not ex.correction:
        return
    n = {"俩": 2, "仨": 3}.get(m.group(1)) or nz.parse_count(m.group(1))
    if not before or not after:
        return
    was, now = before[-1][2], after[0][2]
    hit = [i for i, g in enumerate(groups) if g[0] == n and abs(g[1] - was) < 1]
    part = [i for i, g in enumerate(groups) if n and g[0] > n and abs(g[1] - was) < 1]
    if not hit and len(part) == 1:
        # (some of that group: the rest stay at its date)
        i = part[0]
        groups[i:i + 1] = [[groups[i][0] - n, groups[i][1]], [float(n), was]]
        hit = [i + 1]
    if len(hit) != 1:
        return
    groups[hit[0]][1] = float(now)
    _place_group_short(state, flat[:m.start()], n, was, now)
    state.facts["group_months"] = groups
    notes.append(f"好的，那{fact_value_text('new_hires', n)}改为已在岗{fact_value_text('months_employed', now)}"
                 f"（原来是{fact_value_text('months_employed', was)}）。")
    for k in ("months_employed", "months_since_employment", "employed") + _HEAD_COUNTS:
        ex.facts.pop(k, None)
    if n in ex.numbers:
        ex.numbers.remove(n)


# a group said before, at a time it reaches ("那等那俩也干满12个月了", "那3个要是都干够一年了呢")
_GROUP_RETIMED = re.compile(r"(?:那|这)\s*([0-9一二两三四五六七八九十]+|俩|仨)\s*(?:个|名|位)?(?:人)?(?:也|都|也都)?"
                            r"(?:干|做|在岗|上班|见习)?(?:满|够)(?:了)?\s*([0-9一二两三四五六七八九十]+\s*个(?:多)?月|一年|半年|"
                            r"[0-9一二两三]+\s*年)")


def _group_retimed(state: State, ex: Extracted, text: str, notes: list[str]) -> None:
    """"那等那俩也干满12个月了 一共能拿多少": one group said before (Profile.group_months), named by its count, at the
    months it reaches; the others keep theirs."""
    groups = [list(g) for g in state.facts.get("group_months") or []]
    m = _GROUP_RETIMED.search(re.sub(r"\s+", "", text or ""))
    if not groups or not m:
        return
    n = {"俩": 2, "仨": 3}.get(m.group(1)) or nz.parse_count(m.group(1))
    months = nz.parse_duration_months(m.group(2))
    hit = [i for i, g in enumerate(groups) if g[0] == n]
    if months is None or len(hit) != 1 or groups[hit[0]][1] >= months:
        return
    groups[hit[0]][1] = float(months)
    state.facts["group_months"] = groups
    notes.append(f"好的，那{fact_value_text('new_hires', n)}按干满{fact_value_text('months_employed', months)}算。")
    for k in ("months_employed", "months_since_employment", "employed") + _HEAD_COUNTS:
        ex.facts.pop(k, None)
    if n in ex.numbers:
        ex.numbers.remove(n)


_BATCH_ORDINAL = {"一": 0, "二": 1, "两": 1, "三": 2, "1": 0, "2": 1, "3": 2}      # 第一批 … : the batch's place in the list


def _batch_count_fixed(state: State, ex: Extracted, text: str, notes: list[str]) -> None:
    """"说错了 第一批是4个人 有一个是八月份才来的": that batch's count (Profile.group_months, in the order said); the
    months of the one who came later are within the batch's (the subsidy counts up to its longest)."""
    groups = [list(g) for g in state.facts.get("group_months") or []]
    flat = re.sub(r"\s+", "", text or "")
    m = _BATCH_COUNT_FIX.search(flat)
    months = _BATCH_MONTHS_FIX.search(flat)
    if groups and months and ex.correction:
        # "第二批正式聘用那2个其实是见习了4个月才转正的，不是3个月": that batch's months
        i = _BATCH_ORDINAL[months.group(1)]
        now = nz.parse_duration_months(months.group(2))
        was = nz.parse_duration_months(months.group(3))
        if i < len(groups) and now is not None and was is not None and groups[i][1] == was:
            groups[i][1] = float(now)
            state.facts["group_months"] = groups
            notes.append(f"好的，第{months.group(1)}批改为{fact_value_text('internship_months', now)}"
                         f"（原来是{fact_value_text('internship_months', was)}）。")
            for k in ("months_employed", "months_since_employment", "internship_months"):
                ex.facts.pop(k, None)
            return
    if not groups or not m or not ex.correction:
        return
    i = _BATCH_ORDINAL[m.group(1)]
    n = nz.parse_count(m.group(2))
    if i >= len(groups) or not n or n == groups[i][0]:
        return
    was = groups[i][0]
    groups[i][0] = float(n)
    state.facts["group_months"] = groups
    for k in ("intern_count", "new_hires", "hired_poor_count", "referred_count", "trainee_count"):
        if state.facts.get(k) == sum(g[0] for g in state.facts.get("group_months") or []) - n + was:
            ex.facts[k] = sum(g[0] for g in groups)
    notes.append(f"好的，第{m.group(1)}批改为{fact_value_text('new_hires', n)}（原来是{fact_value_text('new_hires', was)}）。")
    for k in ("months_employed", "months_since_employment", "internship_months"):
        ex.facts.pop(k, None)


def _part_of_the_class(state: State, ex: Extracted) -> None:
    """A training school's class said in part of another kind ("30个里头有2个其实是边缘户，不是脱贫户"): the class is
    both kinds now; its people are trainees, no staff or hires of the school."""
    trainees = state.facts.get("trainee_count")
    part = ex.facts.get("hired_poor_count") or ex.facts.get("new_hires")
    if state.facts.get("employer_type") == "培训机构" and trainees and ex.facts.get("staff_total") == trainees and \
            part and part < trainees and ex.categories:
        for k in ("staff_total", "hired_poor_count", "new_hires", "hired_poor_low_income_count"):
            ex.facts.pop(k, None)
        ex.not_categories = []
        ex.in_addition = True


def merge(state: State, ex: Extracted, intent: str | None, text: str = "") -> list[str]:
    """Merge extracted facts into the state; return plain notes about corrections."""
    notes = []
    kind_before = (state.facts.get("employer_type"), state.facts.get("employer_type_also"))
    _contract_swapped(state, ex, notes)
    _contract_lengthened(state, ex, notes)
    _origin_fixed(state, ex, notes)
    _group_named_again(state, ex, text)
    _contract_counts_fixed(state, ex)
    _long_ones_counted(state, ex, text)
    _part_of_a_course_not_poor(state, ex, text)
    _low_income_group_denied(state, ex, text)
    _rest_of_fixed_group(state, ex, notes)
    _round_count_fixed(state, ex, notes)
    _stayed_count_fixed(state, ex, notes)
    _served_count_fixed(state, ex, text, notes)
    _group_named_by_its_date(state, ex, text)
    _group_named_by_its_time(state, ex, text)
    _batch_count_fixed(state, ex, text, notes)
    _group_redated(state, ex, text, notes)
    _group_retimed(state, ex, text, notes)
    _why_group_out(state, ex)
    _the_partnership_kept(state, ex, text)
    _a_business_before(state, ex)
    _started_within_six(state, ex)
    _job_ended(state, ex)
    _business_dropped(state, ex)
    split = getattr(ex, "group_split", None)
    groups = state.facts.get("group_months") or []
    total = max([state.facts.get(k) or 0 for k in ("new_hires", "hired_poor_count")])
    had = state.facts.get("months_employed") or state.facts.get("months_since_employment")
    if split and getattr(ex, "group_came", False) and not groups and had is not None and total >= split[0] > split[1] and \
            split[2] < had:
        # "邵阳那8个里头 有3个是今年五月份才进厂的": of a group the unit's people were said in by place, some came later;
        # all the others at the time said before
        state.facts["group_months"] = [[total - split[1], float(had)], [split[1], split[2]]]
        notes.append(f"好的，其中{fact_value_text('new_hires', split[1])}改为干了{fact_value_text('months_employed', split[2])}，"
                     f"其他{fact_value_text('new_hires', total - split[1])}不变。")
        for k in ("months_employed", "months_since_employment", "employed") + _HEAD_COUNTS:
            ex.facts.pop(k, None)
        split = ex.group_split = None
        if getattr(ex, "group_short", None) and ex.group_short[0] == state.facts["group_months"][1][0]:
            ex.group_short = None       # (the same few, by their months now: not out a second time)
    if split and sum(1 for g in groups if g[0] == split[0]) == 1:
        # "那5个里头有1个去年年底就走了，干了9个月": that group is 4 and 1, each with its months; the unit's other facts stay
        whole, part, months = split
        out_groups = []
        for g in groups:
            out_groups += [[whole - part, g[1]], [part, months]] if g[0] == whole else [list(g)]
        state.facts["group_months"] = out_groups
        for k in ("months_employed", "months_since_employment") + _HEAD_COUNTS:
            ex.facts.pop(k, None)
        if ex.group_months and sorted(g[0] for g in ex.group_months) == sorted([whole - part, part]):
            ex.group_months = []    # ("…有2个干了两个半月就走了，只有3个干满了4个月": the same two parts, said as groups)
        if getattr(ex, "group_short", None) and ex.group_short[0] == whole - part:
            ex.group_short = None   # ("…有4个其实也干满了7个月，只有2个干了4个月就回来了": the rest at the group's months)
        if "合同" not in (text or ""):
            ex.facts.pop("contract_months", None)
    _one_group_regrouped(state, ex, text)
    for k in _ASKED_NOW:
        if k not in ex.facts and not (k == "asked_now" and (ex.correction or intent == "correct") and
                                      not ASKING.search(text or "")):
            # (a correction that asks nothing new, "他说刚才说错了，他办的是个体工商户的执照", keeps the question's now)
            state.facts.pop(k, None)
    if getattr(ex, "charged_more", 0):
        # "还有5个，是收了…中介费介绍过去的，这5个能一起报吗": no, and why, before the answer for the free ones
        notes.append(f"收了费介绍的{fact_value_text('referred_count', ex.charged_more)}不能报（须为免费介绍），"
                     f"下面只算免费介绍的。")
    trainees = state.facts.get("trainee_count")
    if state.facts.get("class_placed_count") and state.facts.get("class_employment_rate"):
        # (the class the rate was worked out of before: "考核合格36个…上岗了22个", then "要是只上岗了10个呢")
        trainees = round(state.facts["class_placed_count"] / state.facts["class_employment_rate"])
    if ex.class_placed and trainees and ex.class_placed <= trainees and "class_employment_rate" not in ex.facts:
        # "3个月内就业的是29个，不是22个": of the class counted before
        ex.facts["class_employment_rate"] = round(ex.class_placed / trainees, 4)
        ex.facts["class_placed_count"] = ex.class_placed
    if ex.place and state.place and ex.place != state.place and _contains(ex.place, state.place):
        ex.place = None         # a wider name for the same place (陕西 for 千阳): what we know stays
    if ex.place and state.place and ex.place != state.place and ex.place_as_home and state.role == "employer" and \
            not ex.place_corrected and nz.STAFF_REGISTERED_AT.search(re.sub(r"\s+", "", text or "")):
        ex.place = None         # "里头7个是千阳县户口的脱贫户": some of a unit's staff by their home, not the unit's place
    if ex.place and state.place and ex.place != state.place and not (ex.place_as_home or ex.place_corrected) and \
            not _contains(state.place, ex.place):
        # a place named later, not as home and not as the place corrected ("他人在苏州回不来", "记错了，是6月20号到的
        # 济南", "今年年初是长沙一家劳务公司介绍出去的"), is where someone is or goes, not the place whose document answers:
        # a covered home place stays (a narrower one, the county of the city said, is taken)
        gaz = default_gazetteer()
        if gaz.resolve(state.place).documents:
            ex.place = None
        elif not ex.work_place and (re.search(r"[？?]|吗|么|有没有|是不是|能不能", text or "") or nz.WHY_NOT.search(text or "")):
            # (nor a covered place asked about by one whose home no document covers, "千阳不也归宝鸡管吗 宝鸡市里有没有
            # 一样的政策", or in a why-not, "为啥不中 都是黑龙江的 俺们离明水也不远 绥化能给俺们咋就不能给": the asker's
            # place stays, and so does the answer that no document covers it)
            ex.place = None
    if ex.place and ex.place != state.place:
        if ex.home_uncovered:
            notes.append(f"暂未收录{ex.home_uncovered}的文件，下面按您工作地{ex.place}的文件说。")
        elif ex.place_of_study and not state.place:
            notes.append(f"您没说家是哪里的，先按孩子上学的{ex.place}说；如果家不在那里，告诉我您家是哪个县的。")
        elif state.place and intent in ("correct", "inform", "deny"):
            notes.append(f"好的，地点改为{ex.place}。")
        state.place = ex.place
        state.pending_fact = None if state.pending_fact and state.pending_fact.startswith("place") else state.pending_fact
    if ex.people_from and state.place and "home_province" not in ex.facts:
        gaz = default_gazetteer()
        home, here = gaz.find_all(ex.people_from), gaz.resolve(state.place).place
        if home and here and home[0].path[0] != here.path[0]:
            state.facts["home_province"] = "外省"     # "我是贵州铜仁的建档立卡户，在长沙上班": not 湖南's 贫困劳动力
        elif home and here:
            state.facts["home_province"] = "本省"     # "那4个是我们湖南衡阳的": the province's own people
    _part_of_the_class(state, ex)
    _part_of_the_hired(state, ex)
    note = _part_of_another_category(state, ex, text)
    if note:
        notes.append(note)
    cats = list(state.facts.get("category") or [])
    notcats = list(state.facts.get("not_category") or [])
    if ex.counted_not and ex.categories and not ex.not_categories and \
            any(state.facts.get(k) for k in _HEAD_COUNTS):
        # "5个里面有2个不是建档立卡的，是一般的低保户": who the part counted out is, not who the unit's people are
        ex.categories = []
    if getattr(ex, "more_people", 0) and not any(k in ex.facts for k in _HEAD_COUNTS) and \
            state.facts.get("staff_total") and set(ex.others_not or []) & set(cats):
        ex.not_categories = []  # "再招10个普通工人 都不是脱贫户": who the ones to come are, not the unit's people
    if ex.categories or ex.not_categories:
        status = default_policies().vocab.status_categories
        # ("来电人补充：她家也是低保户": besides who they are, not instead)
        if intent == "correct" and ex.categories and not ex.recount and not set(ex.categories) <= status and \
                not getattr(ex, "in_addition", False):
            # (a recount of a unit's people names one of its groups, not who they all are; a status an office
            # records, "这20个走之前登记过失业", is said besides who they are; "他其实是大专毕业的" corrects who he is,
            # not his household's register)
            household = default_policies().vocab.household_categories
            said_kinds = {c in household for c in ex.categories}
            cats = [c for c in cats if (c in household) not in said_kinds]
        for c in ex.not_categories:
            if c in cats:
                cats.remove(c)
            if c not in notcats:
                notcats.append(c)
        for c in ex.categories:
            if c not in cats:
                cats.append(c)
            if c in notcats:
                notcats.remove(c)
        state.facts["category"] = cats
        state.facts["not_category"] = notcats
        # who the person is, as they said it: the bot answers for that and does not ask the category again
        # (not when the household was named loosely, "家里有扶贫卡": 低保 or 建档立卡 is still to be said)
        state.facts["category_exhaustive"] = bool(cats) and not (
            getattr(ex, "category_vague", False) and not set(cats) & default_policies().vocab.household_categories)
    planned = list(getattr(ex, "planned_this_year", None) or [])
    if planned:                 # benefits someone means to take this year ("他说想自己去领求职补贴")
        have = list(state.facts.get("planned_this_year") or [])
        state.facts["planned_this_year"] = have + [b for b in planned if b not in have]
    got = list(getattr(ex, "received_this_year", None) or [])
    if got:                     # benefits the person says they already had this year ("今年已经领过一回路费补助")
        have = list(state.facts.get("received_this_year") or [])
        state.facts["received_this_year"] = have + [b for b in got if b not in have]
    had = state.facts.get("group_months") or []
    if had and getattr(ex, "group_fixes", None) and getattr(ex, "group_months", None) and \
            sum(g[0] for g in ex.group_months) != sum(g[0] for g in had):
        # ("搞错哒 干满半年的是5个 有3个只干了三个月。还有 那5个里头有2个…": groups read across sentences that are not
        # the groups said before; the fix is the correction, _fix_groups)
        ex.numbers = list(ex.numbers or []) + [g[0] for g in ex.group_months]
        ex.group_months = []
    if getattr(ex, "group_months", None):     # groups by time worked: the latest said stand
        state.facts["group_months"] = [list(g) for g in ex.group_months]
    if getattr(ex, "group_days", None):       # a class's trainees by the days they attended: the latest said stand
        state.facts["group_days"] = [list(g) for g in ex.group_days]
    alike = [g for g in state.facts.get("case_groups") or [] if isinstance(g[1], dict) and g[1].get("kin")]
    spouse = {k for k in getattr(ex, "kin_named", None) or [] if re.fullmatch(nz.SPOUSE_WORDS, k)}
    days_then = state.facts.get("training_days")
    if len(alike) == 1 and len(state.facts["case_groups"]) == 1 and alike[0][0] == 2 and spouse and days_then and \
            ex.facts.get("training_days") and ex.facts["training_days"] < days_then and not ex.case_groups:
        # the two alike, then one of them with days of their own ("我跟我堂客都去 培训二十天" → "我堂客…她只去了十五天"):
        # the two by their days (Profile.group_days), the other's days as said
        state.facts["group_days"] = [[1.0, days_then], [1.0, ex.facts.pop("training_days")]]
    more = getattr(ex, "days_missed_more", 0.0)
    if more and (state.facts.get("training_days") or 0) > more:
        ex.facts["training_days"] = state.facts["training_days"] - more     # 12 days, now 5 missed not 3: 10
    own = getattr(ex, "days_missed_own", 0.0)
    if own and state.role != "employer" and not more and (state.facts.get("training_days") or 0) > own:
        ex.facts["training_days"] = state.facts["training_days"] - own      # 15 days, 3 of them missed: 12
    missed = getattr(ex, "days_missed_by", None)
    courses = state.facts.get("course_facts") or {}
    if missed and isinstance(courses, dict) and courses:
        # "电工班缺课的是3个人，每人缺了4天" of two courses said before: that course's trainees by their days
        kind = ex.facts.get("training_type")
        by_days = [k for k, c in courses.items() if isinstance(c, dict) and c.get("group_days")]
        target = kind if kind in courses else (by_days[0] if len(by_days) == 1 else None)
        c = courses.get(target) if target else None
        whole, class_days = (c.get("trainee_count"), c.get("training_days")) if isinstance(c, dict) else (None, None)
        if whole and class_days and missed[0] < whole and missed[1] < class_days:
            courses = {k: dict(v) for k, v in courses.items()}
            courses[target]["group_days"] = [[whole - missed[0], class_days], [missed[0], class_days - missed[1]]]
            state.facts["course_facts"] = courses
            for k in ("training_type", "trainee_count", "training_days"):
                ex.facts.pop(k, None)
            missed = None
    flat = re.sub(r"\s+", "", text or "") if isinstance(text, str) else ""
    left, rest = nz.LEFT_AT_DAYS.search(flat), nz.REST_AT_DAYS.search(flat)
    if left and rest and isinstance(courses, dict) and courses:
        # "电工班中途走的是5个不是3个，都是上了8天走的，其余23个上满30天" of two courses said before: that course's groups
        kind = ex.facts.get("training_type")
        by_days = [k for k, c in courses.items() if isinstance(c, dict) and c.get("group_days")]
        target = kind if kind in courses else (by_days[0] if len(by_days) == 1 else None)
        c = courses.get(target) if target else None
        n, d = nz.parse_count(left.group(1)), nz.parse_count(left.group(2))
        k, e = nz.parse_count(rest.group(1)), nz.parse_count(rest.group(2))
        if isinstance(c, dict) and n and d and k and e and c.get("trainee_count") == n + k and d < e:
            courses = {x: dict(v) for x, v in courses.items()}
            courses[target]["group_days"] = [[float(k), float(e)], [float(n), float(d)]]
            state.facts["course_facts"] = courses
            for f in ("training_type", "trainee_count", "training_days"):
                ex.facts.pop(f, None)
    fixed_days = _COURSE_DAYS_FIXED.search(flat)
    if fixed_days and isinstance(courses, dict) and courses:
        # "电工班是30天不是25天，中途走的那2个确实只来了10天" of two courses said before: that course's days, and its group
        # there every day, now so; the rest as they were
        now, was = fixed_days.group(1) or fixed_days.group(4), fixed_days.group(2) or fixed_days.group(3)
        now, was = nz.parse_count(now), nz.parse_count(was)
        hits = [k for k, c in courses.items() if isinstance(c, dict) and c.get("training_days") == was]
        kind = ex.facts.get("training_type")
        target = kind if kind in hits else (hits[0] if len(hits) == 1 else None)
        if now and was and target:
            courses = {x: dict(v) for x, v in courses.items()}
            c = courses[target]
            c["training_days"] = float(now)
            if c.get("group_days"):
                c["group_days"] = [[g[0], float(now) if g[1] == was else g[1]] for g in c["group_days"]]
            state.facts["course_facts"] = courses
            for f in ("training_type", "trainee_count", "training_days"):
                ex.facts.pop(f, None)
    trainees, days = state.facts.get("trainee_count"), ex.facts.get("training_days") or state.facts.get("training_days")
    if missed and trainees and days and missed[0] < trainees and missed[1] < days:
        # "有2个学员中途请了3天假": 18 of the 20 at 15 days, the 2 at 12
        # (of those left once some are out of the count, named by their number: "30个人里有8个不是建档立卡的…建档立卡
        # 那22个里有1个请了5天假": 21 at 15 days and the 1 at 10; the 8 are out of it)
        away = {v[0] for v in (getattr(ex, "counted_not", None) or state.facts.get("counted_not") or {}).values()
                if v and v[0] < trainees and trainees - v[0] in (getattr(ex, "numbers", None) or [])}
        whole = trainees - away.pop() if len(away) == 1 else trainees
        state.facts["group_days"] = [[whole - missed[0], days], [missed[0], days - missed[1]]]
    students = state.facts.get("students_count")
    now_groups = dict((c, n) for n, c in getattr(ex, "category_groups", None) or [])
    had_groups = dict((c, n) for n, c in state.facts.get("category_groups") or [])
    if students and ex.correction and "脱贫劳动力" in now_groups and "脱贫劳动力" in had_groups and \
            not any(state.facts.get(k) for k in ("new_hires", "hired_poor_count", "trainee_count")):
        # "新生里建档立卡的是9个，低保的是4个" after 8 and 5: a school's poor students, by the difference
        ex.facts["students_count"] = float(students + now_groups["脱贫劳动力"] - had_groups["脱贫劳动力"])
        for k in ("new_hires", "hired_poor_count", "hired_poor_low_income_count"):
            ex.facts.pop(k, None)
    if getattr(ex, "category_groups", None):  # groups by category: the latest said stand
        state.facts["category_groups"] = [[n, c] for n, c in ex.category_groups]
    twice = getattr(ex, "counted_twice", None)
    groups = state.facts.get("category_groups") or []
    if twice and not getattr(ex, "category_groups", None) and any(g[0] == twice[0] for g in groups):
        # "低保那4个里头有2个…跟那6个是重的": those 2 are counted in the other group, not again in the 4
        at = next(i for i, g in enumerate(groups) if g[0] == twice[0])
        state.facts["category_groups"] = [[g[0] - twice[1], g[1]] if i == at else list(g) for i, g in enumerate(groups)]
    if getattr(ex, "case_groups", None):      # groups in different cases of an amount: the latest said stand
        state.facts["case_groups"] = [[n, dict(f)] for n, f in ex.case_groups]
        for k in {k for _n, f in ex.case_groups for k in f if k in ("business_type", "borrower_type")}:
            state.facts.pop(k, None)    # (each group's own form of business, not the one said of everyone before)
    else:
        # one of the family said before, named alone ("那俺妈干满一年总共能拿多少"): the answer is of that one
        labels = [g[1].get("kin") for g in state.facts.get("case_groups") or [] if isinstance(g[1], dict)]
        named = {k for k in getattr(ex, "kin_named", None) or [] if k in labels}
        if len(named) == 1 and labels.count(next(iter(named))) == 1:
            state.facts["case_group_named"] = next(iter(named))
    if getattr(ex, "course_facts", None):     # two courses, each with its own facts: the latest said stand
        state.facts["course_facts"] = {k: dict(v) for k, v in ex.course_facts.items()}
    for bid, (fact, group) in (getattr(ex, "counted_out_of", None) or {}).items():
        # "这25个里头": of the benefit that counts 25 in this conversation, or more ("那18个里头有3个…": the 18 of the
        # 25 placed), not of one that counts fewer (the 10 seasonal ones)
        if (state.facts.get(fact) or 0) < group:
            ex.counted_out.pop(bid, None)
    _counted_out_of_topic(state, ex)
    groups = state.facts.get("group_months") or []
    for k in ("referred_count", "new_hires", "hired_poor_count", "seasonal_referred_count"):
        v = ex.facts.get(k)
        if v and groups and not getattr(ex, "group_months", None) and (state.facts.get(k) or 0) > v and \
                any(g[0] == v for g in groups) and not getattr(ex, "group_fixes", None) and \
                not getattr(ex, "more_people", 0):
            # (not people besides them, "要是明年再招3个贫困户": as many as a group, not that group)
            # "还在干的那4个里头有1个…": the group of them named again is the count now, without the others' times
            # ("那两个新来的是边干边教": their own months, not those of the group said first)
            mine = [g for g in groups if g[0] == v]
            if len(mine) == 1 and mine[0][1] is not None and not ex.facts.keys() & {"months_employed",
                                                                                   "months_since_employment"}:
                for m in ("months_employed", "months_since_employment"):
                    if m in state.facts:
                        ex.facts[m] = float(mine[0][1])
            state.facts.pop("group_months", None)
            break
    _short_of_a_group(state, ex)
    _low_income_hires(state, ex)
    _the_rest_named(state, ex)
    if getattr(ex, "counted_not", None):   # some of a unit's people fail a condition: the latest said stands
        had = state.facts.get("counted_not") or {}
        now = dict(ex.counted_not)
        # (or a correction of some of another group said before: "说错了，本村那7个里头有1个是低保户" after 4 ordinary
        # ones counted out: both are out)
        part = re.search(r"那\s*([0-9一二两三四五六七八九十]+)\s*个(?:人)?\s*(?:里|中|当中)", text or "")
        of_group = bool(part) and nz.parse_count(part.group(1)) in {g[0] for g in state.facts.get("group_months") or []}
        if (not ex.correction or of_group) and not ex.facts.keys() & set(_HEAD_COUNTS):
            # (of another condition, said of people counted before: "昆山那批里有2个，我们当时每人收了300块服务费" after
            # "其中1个没做过失业登记" — both are out)
            for bid, v in had.items():
                if bid in now and now[bid][1] != v[1] and not str(v[1]).startswith("（"):
                    now[bid] = [now[bid][0] + v[0], f"（{fact_value_text('new_hires', v[0])}{v[1]}；"
                                                    f"{fact_value_text('new_hires', now[bid][0])}{now[bid][1]}）"]
        state.facts["counted_not"] = now
    renewed = getattr(ex, "renewed", None)
    if renewed and renewed[1] >= 12 and not getattr(ex, "counted_not", None):
        # "那9月来的那3个 要是下个月跟他们重新签成一年的合同呢": those on a short contract are counted again
        n = renewed[0]
        kept = {k: v for k, v in (state.facts.get("counted_not") or {}).items()
                if not (v and str(v[-1]).startswith("只签了") and (n is None or v[0] == n))}
        hired, counted = state.facts.get("hired_poor_count"), state.facts.get("new_hires")
        if kept != (state.facts.get("counted_not") or {}):
            state.facts["counted_not"] = kept
        elif hired and counted and hired > counted and (n is None or hired - counted == n) and \
                "new_hires" not in ex.facts:
            ex.facts["new_hires"] = hired       # "七个签的一年合同 两个签的半年…那俩…续签成一年的呢": all nine
        if ex.facts.get("contract_months") == renewed[1]:
            ex.facts.pop("contract_months")     # (the others' contracts are as said)
    if getattr(ex, "counted_out", None):   # some of a unit's people already had a benefit: the latest count stands
        state.facts["counted_out"] = dict(state.facts.get("counted_out") or {}, **ex.counted_out)
    if state.facts.get("employer_type") not in (None, "企业", "其他") and ex.facts.get("employer_type") == "企业" and \
            not getattr(ex, "kind_denied", False):
        # "那俺进了这厂子": the 社区工厂 said before, called by a plain word; "是送到长沙的厂": where an agency's people
        # work, not what the agency is; "我们想扩厂": the 小微企业 said before
        del ex.facts["employer_type"]
    if ex.facts.get("employer_type_also_planned") and state.facts.get("employer_type_also") and \
            not state.facts.get("employer_type_also_planned") and \
            ex.facts.get("employer_type") in (state.facts.get("employer_type"), state.facts.get("employer_type_also")):
        # "行，那就按帮扶基地报": a kind the unit said it was recognised as ("今年县人社局又把我们认定成了就业帮扶基地"):
        # still recognised, the claim made as it
        ex.facts.pop("employer_type_also_planned")
        ex.facts.pop("employer_type")
        ex.kind_added = False
    if getattr(ex, "kind_added", False) and "employer_type" in ex.facts and \
            state.facts.get("employer_type") not in (None, ex.facts["employer_type"]):
        state.facts["employer_type_also"] = ex.facts.pop("employer_type")     # both kinds: each one's subsidies
        if "employer_type_also" in ex.facts:    # the kind named, in the vocabulary's word ("就业帮扶车间" is a 社区工厂)
            state.facts["employer_type_also"] = ex.facts.pop("employer_type_also")
    for k in getattr(ex, "forget", None) or []:
        if k not in ex.facts:
            state.facts.pop(k, None)
    _another_course(state, ex)
    if getattr(ex, "staff_only", False) and state.facts.get("new_hires") and "new_hires" in ex.facts:
        if ex.facts.get("staff_total") == state.facts.get("new_hires"):
            ex.facts.pop("staff_total")     # "12个里头有8个是建档立卡的": of the 12 hired said before, 8 count
        else:
            del ex.facts["new_hires"]       # "厂里一共60个人，脱贫户一共25个": the 12 hired said before stay the hires
    if state.facts.get("employer_type") == "培训机构" and "trainee_count" not in ex.facts and \
            ex.facts.get("new_hires") and getattr(ex, "class_said", False):
        # a school's class ("家政班里有30个是脱贫户"): its trainees of the category, not hires
        ex.facts["trainee_count"] = ex.facts.pop("new_hires")
        for k in ("hired_poor_count", "hired_poor_low_income_count", "staff_total"):
            ex.facts.pop(k, None)
    elif state.facts.get("employer_type") == "培训机构" and "trainee_count" not in ex.facts and \
            ex.facts.get("staff_total") and not ex.facts.get("new_hires") and getattr(ex, "class_said", False):
        ex.facts["trainee_count"] = ex.facts.pop("staff_total")    # "还有一期IYB班，20个人全部拿证了": its trainees
    for k in getattr(ex, "defaults", None) or []:
        if state.facts.get(k) is not None:
            ex.facts.pop(k, None)           # a default does not replace what was said ("要是贷五百万" of the company)
    _intern_named_by_arrival(state, ex, text, notes)
    _fix_groups(state, ex, notes, text)
    _fix_class_passed(state, ex)
    _started_of_the_class(state, ex)
    _fix_case_groups(state, ex, notes)
    _fix_course_started(state, ex, notes)
    _more_course_started(state, ex, text, notes)
    _only_those(state, ex)
    _apply_swaps(state, ex)
    if getattr(ex, "year_asked", False) and (ex.facts.get("post_type") or state.facts.get("post_type")) and \
            "months_on_post" not in ex.facts and "months_on_post" not in state.facts:
        # "一年下来岗位补贴加保险补贴一共多少": a post's year; or the months from and to the dates said ("去年4月份上的岗，
        # 一直干到去年年底，这一年一共该拿多少": 9)
        ex.facts["months_on_post"] = ex.facts["months_employed"] if ex.facts.get("months_employed") and \
            re.search(r"(?:干|做)到", text or "") else 12.0
    if getattr(ex, "year_asked", False) and (state.facts.get("school_months") or 0) > 12 and \
            "school_months" not in ex.facts and not re.search(r"[2-9二两三四五六七八九十]\s*年", text or ""):
        # "他要是也去念技校，俩孩子一年一共能给多少" after "念三年总共多少": a school year's, each child's (每生每年)
        ex.facts["school_months"] = 12.0
    fix = getattr(ex, "count_fix", None)
    if fix and fix[0] == "plain":
        # ("一般农户是18个不是16个，总共还是24个人": the others of the whole, fewer by as many)
        fix = ("lowinc" if state.facts.get("hired_poor_low_income_count") else "poor", -fix[1])
    said_again = getattr(ex, "count_said", None)
    was = state.facts.get("hired_poor_low_income_count" if said_again and said_again[0] == "lowinc" else
                          "hired_poor_count")
    if said_again and was is None and said_again[0] == "poor" and \
            [state.facts.get("trainee_count"), "脱贫劳动力"] in [list(g) for g in state.facts.get("category_groups") or []]:
        was = state.facts["trainee_count"]      # a class's poor trainees counted by their category group
    if not fix and said_again and was and said_again[1] != was:
        for k in ("hired_poor_count", "new_hires", "trainee_count"):
            if ex.facts.get(k) is not None and ex.facts[k] != said_again[1]:
                ex.facts.pop(k)     # ("…是23个，…缺课那2个还是贫困户": the 2 are of the 23, no count of 25)
        # "不好意思数错了，建档立卡的是23个": the count of the poor said before, now this; a class's trainees and its
        # groups by days with it (the largest group takes the difference: "缺课那2个还是贫困户")
        fix = (said_again[0], float(said_again[1] - was))
        if state.facts.get("trainee_count") == was:
            ex.facts["trainee_count"] = float(said_again[1])
        state.facts["category_groups"] = [[float(said_again[1]), c] if c == "脱贫劳动力" and n == was else [n, c]
                                          for n, c in state.facts.get("category_groups") or []]
        days = [list(g) for g in state.facts.get("group_days") or []]
        if days and sum(g[0] for g in days) == was:
            big = max(days, key=lambda g: g[0])
            big[0] += fix[1]
            state.facts["group_days"] = days
    if fix:
        # "低收入的是5个不是3个": the counts that hold that group change by the difference
        keys = ("hired_poor_low_income_count",) if fix[0] == "lowinc" else ("hired_poor_count", "hired_poor_low_income_count")
        before = {k: state.facts.get(k) for k in _HEAD_COUNTS}
        for k in keys:
            if state.facts.get(k):
                ex.facts[k] = float(state.facts[k]) + fix[1]
        hires = state.facts.get("new_hires")
        if hires and hires in [before.get(k) for k in keys]:
            ex.facts["new_hires"] = float(hires) + fix[1]
        students = state.facts.get("students_count")
        if fix[0] == "poor" and students and not any(state.facts.get(k) for k in keys) and students + fix[1] > 0:
            # "二年级建档立卡的是15个不是12个": a school's poor students, by the difference
            ex.facts["students_count"] = float(students) + fix[1]
        trainees = state.facts.get("trainee_count")
        if fix[0] == "poor" and trainees and not any(state.facts.get(k) for k in keys) and trainees + fix[1] > 0 and \
                "trainee_count" not in ex.facts:
            # "建档立卡的是28个不是25个，其他是12个": a class's poor trainees, by the difference
            ex.facts["trainee_count"] = float(trainees) + fix[1]
    said_n, poor, whole = ex.facts.get("trainee_count"), state.facts.get("hired_poor_count"), state.facts.get("trainee_count")
    if said_n and poor and said_n == poor and whole and whole > said_n:
        # "25个贫困学员都实际来了15天" after "40个学员里25个是建档立卡…15个是普通农民": the count now is the poor ones; the 15
        # taken out of the 40 before are not in it
        state.facts["counted_not"] = {k: v for k, v in (state.facts.get("counted_not") or {}).items()
                                      if not (v[1] == "不是建档立卡户" and v[0] == whole - said_n)}
    groups = state.facts.get("group_months") or []
    fix = getattr(ex, "months_fix", None)
    if fix and sum(1 for g in groups if g[1] == fix[0]) == 1:
        # "走的那个是干了一年零一个月才走的，不是八个月": that group's months, not everyone's
        state.facts["group_months"] = [[g[0], fix[1]] if g[1] == fix[0] else list(g) for g in groups]
        longest = max(g[1] for g in state.facts["group_months"])
        for k in ("months_employed", "months_since_employment"):
            if k in ex.facts:
                ex.facts[k] = max(longest, float(state.facts.get(k) or 0))
    elif fix and not groups and not ex.facts:
        # "哦说错了 不是八个月 是五个月": the one length of time said before that was that many months, now these
        # (the internship's, the job's: each fact of those months)
        timed = [k for k in _MONTHS_SAID if state.facts.get(k) == fix[0]]
        for k in timed:
            ex.facts[k] = float(fix[1])
    added = _more_people(state, ex)
    if added:
        notes.append(f"好的，再加{fact_value_text('new_hires', added[1])}，共{fact_value_text('new_hires', added[2])}。")
    for k, v in ex.facts.items():
        old = state.facts.get(k)
        if old is not None and old != v and not (added and k in added[0]) and k in default_policies().vocab.facts:
            notes.append(f"好的，{default_policies().vocab.facts[k].label}改为{fact_value_text(k, v)}。")
        state.facts[k] = v
    if ex.work_place and state.place:
        gaz = default_gazetteer()
        scope = gaz.scope(state.place, ex.work_place)
        home, work = gaz.resolve(state.place).place, gaz.resolve(ex.work_place).place
        if scope is None and home and work and len(home.path) > 2 and tuple(work.path) == tuple(home.path[:2]):
            scope = "跨县"      # "千阳的…到宝鸡市里一个物流园上班": the city, not the county at home
        if scope in ("跨省", "跨市", "跨县"):
            state.facts["work_scope"] = scope
    _now_counts_low_income(state, kind_before)
    return notes


def _now_counts_low_income(state: State, kind_before: tuple) -> None:
    """A unit said later to be a kind that counts 农村低收入人口 with the poor ("俺们厂去年也被县上认定成就业帮扶基地了",
    after "新招了6个脱贫户、三个低收入户"): its new hires are both kinds, the 低收入 out of the 脱贫-only benefits."""
    f = state.facts
    poor, both, hires = f.get("hired_poor_count"), f.get("hired_poor_low_income_count"), f.get("new_hires")
    kind = (f.get("employer_type"), f.get("employer_type_also"))
    if not (poor and both and hires) or not both > poor or hires != poor or \
            not any(counts_low_income(k) for k in kind if k) or any(counts_low_income(k) for k in kind_before if k) or \
            any(v and v[-1] == LOW_INCOME_OUT for v in (f.get("counted_not") or {}).values()):
        return
    f["new_hires"] = float(both)
    counted_not = dict(f.get("counted_not") or {})
    for bid, v in low_income_out(both - poor).items():
        counted_not.setdefault(bid, v)
    f["counted_not"] = counted_not


_HEAD_COUNTS = default_policies().vocab.people_counts     # a unit's head-counts (facts.yaml `people: true`)


def _part_of_the_hired(state: State, ex: Extracted) -> None:
    """"这160个人里有100个是脱贫户", of 160 said before as 脱贫户 and 农村低收入人口: the 100 are the 脱贫 ones among
    them; the 160 all still count where both categories count (就业帮扶基地), so the head-count said before stays."""
    part = getattr(ex, "part_of", None)
    if not part or state.facts.get("new_hires") != part[0] or ex.facts.get("new_hires") != part[1]:
        return
    hire_cats = {"脱贫劳动力", "农村低收入人口", "边缘户", "建档立卡贫困劳动力"}
    before = set(state.facts.get("category") or []) & hire_cats
    if before - set(ex.categories):
        ex.facts.pop("new_hires", None)


def _part_of_another_category(state: State, ex: Extracted, text: str = "") -> str | None:
    """"本村那7个里头有1个是低保户，不是建档立卡的", of a unit's people counted before: those few are out of the count of
    each benefit for the category they are not; who the unit's people are otherwise stays as said."""
    from policies.evaluator import benefit_count_fact

    part = getattr(ex, "part_of", None)
    nots = set(ex.not_categories or [])
    by_count = _GROUP_NAMED_NOT.search(re.sub(r"\s+", "", text or ""))
    groups = [g[0] for g in state.facts.get("group_months") or []]
    if not part and by_count and nz.parse_count(by_count.group(1)) in groups:
        # "今年那4个不是建档立卡的，是低保户": one of the unit's groups by time, named by its count
        whole = max([state.facts.get(k) or 0 for k in _HEAD_COUNTS])
        if whole > nz.parse_count(by_count.group(1)):
            part = (float(whole), float(nz.parse_count(by_count.group(1))))
    if not part or not nots or not ex.categories or state.role != "employer":
        return
    whole, some = part
    groups = [g[0] for g in state.facts.get("group_months") or []]
    counts = {state.facts.get(k) for k in _HEAD_COUNTS}
    if whole not in counts and whole not in groups:
        return
    if not nots & set(state.facts.get("category") or []):
        return
    said = "、".join(ex.categories)
    counted_not = dict(state.facts.get("counted_not") or {})
    for bid, b in default_policies().benefits.items():
        if b.id not in (state.last_benefits or []) or not benefit_count_fact(b):
            continue
        named = {v for c in b.eligibility if getattr(c, "fact", None) == "category"
                 for v in (c.value if isinstance(c.value, (list, tuple, set, frozenset)) else [c.value])}
        if named and not named & set(ex.categories):
            counted_not[bid] = [float(some), f"是{said}，不是{'、'.join(sorted(nots))}"]
    changed = counted_not != (state.facts.get("counted_not") or {})
    if changed:
        ex.counted_not = counted_not
        for k in _HEAD_COUNTS:
            if ex.facts.get(k) in (whole, some):
                ex.facts.pop(k)
    if changed or by_count:
        ex.categories, ex.not_categories = [], []
    # (a group named by its count: said of them in words, the money not always counted by head, "按企业为其缴纳的社会保险费")
    return f"好的，那{fact_value_text('new_hires', some)}是{said}，不是{'、'.join(sorted(nots))}，下面的补贴不含他们。" \
        if by_count else None


# a group of the unit's people named by its count and said not to be of a category ("今年那4个不是建档立卡的")
_GROUP_NAMED_NOT = re.compile(r"(?:那|这)([0-9一二两三四五六七八九十]+)个(?:人)?(?:其实|实际上)?(?:不是|没)")


def _short_of_a_group(state: State, ex: Extracted) -> None:
    """"摘苹果那5个里头有1个干了两个月就回来了": of the benefits just shown, the one that counts that group (5) and asks a
    time of work leaves those few out, beside any left out before."""
    from policies.evaluator import benefit_count_fact

    short = getattr(ex, "group_short", None)
    if not short:
        return
    few, group, months, why, kind = short
    benefits = default_policies().benefits
    place = state.place or ex.place
    docs = {d.id for d in default_gazetteer().resolve(place).documents} if place else set()
    shown = state.last_benefits or [i for i, b in benefits.items() if b.document.id in docs]
    # (a group whose count is one benefit's count is of that one: "摘苹果那5个" of 5 seasonal placements beside 7 others)
    exact = group is not None and any(
        (ex.facts.get(f) or state.facts.get(f)) == group for f in
        {benefit_count_fact(benefits[i]) for i in shown if i in benefits} - {None})
    # (the benefits just shown; after a list, the place's own that count that group)
    for bid in shown:
        b = benefits.get(bid)
        fact = benefit_count_fact(b) if b is not None else None
        # the group said in this same message ("另外6个…干了4个月；还有3个…干了两个月就回来了": 9 counted, 3 short)
        same = bool(fact and ex.facts.get(fact) and ex.facts.get(fact) != state.facts.get(fact))
        if kind and fact != kind:
            continue                    # a group of another kind of placement
        if same and (ex.group_months or bid in (ex.counted_not or {}) or
                     (not kind and not getattr(ex, "short_in_count", False))):
            continue                    # (counted in the message's count only when said of its kind or as some of
                                        # it, "湘西的5个里有4个…，还有1个今年三月才进来"; the message's groups by time
                                        # have them already)
        n = (ex.facts.get(fact) or state.facts.get(fact)) if fact else None
        # (the group named may be those counted after others were left out for another reason: "七个里头有两个…" of
        # 9 hired, 2 of them from another province)
        prior = (state.facts.get("counted_not") or {}).get(bid)
        other = float(prior[0]) if isinstance(prior, (list, tuple)) and len(prior) == 2 and \
            isinstance(prior[0], (int, float)) and isinstance(prior[1], str) and group is not None and n and \
            n - prior[0] == group and few < group else 0
        # (or a part of them named by its count, "浙江那8个里头有3个…" of 20 placed: those few of all of them)
        if not n or (group is not None and n != group and not other and (exact or not few < group < n)) or few >= n or \
                not any(getattr(c, "fact", None) in ("months_employed", "months_since_employment", "stable_employment")
                        for c in b.eligibility):
            continue
        ex.counted_not = dict(state.facts.get("counted_not") or {}, **(getattr(ex, "counted_not", None) or {}))
        said = f"干了{fact_value_text('months_employed', months)}就回来了" if why == "就回来了" else \
            f"干了不到{fact_value_text('months_employed', months)}就走了" if why == "不到" else \
            f"才来{fact_value_text('months_employed', months)}，时间不够"
        # (both out of the count, each with its reason: "（2人是外省的…；2人干了不到6个月就走了）")
        ex.counted_not[bid] = [other + few, f"（{fact_value_text('new_hires', other)}{prior[1]}；{fact_value_text('new_hires', few)}{said}）"] if other else [few, said]
        if same and ex.facts.get("months_employed") != months:
            continue                    # the others' time, said beside theirs, stays
        for k in ("months_employed", "months_since_employment", "contract_months", "employed", "seasonal_job"):
            ex.facts.pop(k, None)       # their time, not everyone's


def _low_income_hires(state: State, ex: Extracted) -> None:
    """New hires said again by class ("那假如今年只招到7个脱贫户、1个低收入的呢") for a unit said before to count
    农村低收入人口 with them (a 就业帮扶基地): all of them are its new hires, the 低收入 out of the 脱贫-only benefits; the
    低收入 taken out for the counts said before do not stay."""
    poor, both = ex.facts.get("hired_poor_count"), ex.facts.get("hired_poor_low_income_count")
    if "new_hires" not in ex.facts:
        return
    stale = {k: v for k, v in (state.facts.get("counted_not") or {}).items() if v and v[-1] == LOW_INCOME_OUT}
    if stale and not any(v and v[-1] == LOW_INCOME_OUT for v in (ex.counted_not or {}).values()):
        state.facts["counted_not"] = {k: v for k, v in state.facts["counted_not"].items() if k not in stale}
    kind = (state.facts.get("employer_type"), state.facts.get("employer_type_also"))
    if poor and both and both > poor and ex.facts["new_hires"] == poor and any(counts_low_income(k) for k in kind):
        ex.facts["new_hires"] = both
        for bid, v in low_income_out(both - poor).items():
            ex.counted_not.setdefault(bid, v)


def _apply_swaps(state: State, ex: Extracted) -> None:
    """Some of a unit's counted people replaced by uncounted ones ("有两个脱贫的绣娘走了，换了两个普通村民进来"): the
    counts said before that hold them go down, the staff changes by the difference (merge says each change)."""
    for gone, kind, came in getattr(ex, "swaps", None) or []:
        keys = ("hired_poor_count", "hired_poor_low_income_count") if kind == "poor" else ("hired_poor_low_income_count",)
        for k in keys:
            if isinstance(state.facts.get(k), (int, float)):
                ex.facts[k] = max(0.0, float(state.facts[k]) - gone)
        if isinstance(state.facts.get("staff_total"), (int, float)) and came != gone:
            ex.facts["staff_total"] = max(0.0, float(state.facts["staff_total"]) - gone + came)


_MONTH_FACTS_OF_GROUPS = ("months_employed", "months_since_employment", "internship_months", "training_months",
                          "months_on_post")




def _only_those(state: State, ex: Extracted) -> None:
    """"签一年以上合同的只有9个" after "今年新招了…170个人": of the people counted before, only so many meet the
    condition; they are the count now (the count said in the message, if any, is theirs)."""
    n = getattr(ex, "only_those", None)
    if not n:
        return
    for k in _HEAD_COUNTS:      # (merge says each count changed)
        if (state.facts.get(k) or 0) > n and ex.facts.get(k) in (None, n):
            ex.facts[k] = n


def _business_dropped(state: State, ex: Extracted) -> None:
    """"她要是先不开店，去海口找个班上呢": the business said before is given up; its facts go, a job's come."""
    if not getattr(ex, "business_dropped", False):
        return
    for k in BUSINESS_FACTS:
        state.facts.pop(k, None)
        ex.facts.pop(k, None)


def _job_ended(state: State, ex: Extracted) -> None:
    """A job said before, said to have ended at a date ("我是干到去年国庆才回来的"): the months it lasted, from its start."""
    ended = getattr(ex, "job_ended_ago", None)
    since = ex.facts.get("months_since_employment", state.facts.get("months_since_employment"))
    if ended is None or since is None or "months_employed" in ex.facts or since < ended:
        return
    ex.facts["months_employed"] = float(since - ended)


_STARTED_KEYS = ("started_business_within_6_months", "started_business_after_training")


def _started_within_six(state: State, ex: Extracted) -> None:
    """The training's date said in one message and the business's in another (or corrected: "营业执照是今年10月8号才批下
    来的"): whether the business started within six months of the training."""
    from .decide import TRAINING_AGO

    if getattr(ex, "training_ago", None) is not None:
        state.facts[TRAINING_AGO] = ex.training_ago
    reg, ago = ex.facts.get("months_since_registration"), state.facts.get(TRAINING_AGO)
    if reg is not None and ago is not None and ago >= reg and "started_business_within_6_months" not in ex.facts:
        ex.facts["started_business_within_6_months"] = ago - reg <= 6


def _fix_case_groups(state: State, ex: Extracted, notes: list) -> None:
    """The counts of a class's trainees who started a business or not, corrected ("开店的是8个不是5个", "开了店的是十一个
    没开的是十九个"): each group said, and the other the rest of the class when one is said."""
    fixes = getattr(ex, "case_fixes", None) or []
    groups = [[g[0], dict(g[1])] for g in state.facts.get("case_groups") or [] if isinstance(g[1], dict)]
    more = getattr(ex, "case_more_started", 0)
    if not (fixes or more) or getattr(ex, "case_groups", None) or len(groups) != 2:
        return
    key = next((k for k in _STARTED_KEYS if all(k in g[1] for g in groups) and groups[0][1][k] != groups[1][1][k]), None)
    if key is None:
        return
    if more and not fixes:
        # "合格的里头下个月估计还有三个能把店开起来": more of those who had not started, now counted as starting
        started, rest = (next(g for g in groups if bool(g[1][key]) is want) for want in (True, False))
        if more > rest[0]:
            return
        started[0], rest[0] = started[0] + more, rest[0] - more
        ex.more_people = 0
        state.facts["case_groups"] = [g for g in groups if g[0] > 0]
        rate = _rate_of_count("started_business_count", state.place)
        more_money = f"，多{fmt_money(rate * more)}（{fact_value_text('new_hires', more)}×{fmt_money(rate)}）" if rate else ""
        notes.append(f"要是再有{fact_value_text('new_hires', more)}开起店{more_money}；下面按开了店（实现创业）的"
                     f"{fact_value_text('new_hires', started[0])}算，没开的{fact_value_text('new_hires', rest[0])}。")
        return
    total = sum(g[0] for g in groups)
    said = {started: n for started, n in fixes}
    for g in groups:
        if g[1][key] in said:
            g[0] = said[g[1][key]]
    if len(said) == 1:
        done = next(g for g in groups if g[1][key] in said)
        other = next(g for g in groups if g is not done)
        if done[0] < total:
            other[0] = total - done[0]
    state.facts["case_groups"] = groups
    started = next(g[0] for g in groups if g[1][key])
    notes.append(f"好的，开了店（实现创业）的改为{fact_value_text('new_hires', started)}，"
                 f"没开的{fact_value_text('new_hires', total - started if len(said) == 1 else next(g[0] for g in groups if not g[1][key]))}。")
    for k in ("business_type", "borrower_type", "business_planned") + _STARTED_KEYS:
        ex.facts.pop(k, None)       # (the words of the correction are the groups', not a business of the asker's)


def _started_of_the_class(state: State, ex: Extracted) -> None:
    """"考过的那30个里，已经有6个回去办了营业执照开了店" of a school's class said before: the class in two groups, those
    who started a business and the rest (Profile.case_groups); the words are the groups', no business of the asker's."""
    n = getattr(ex, "started_of_class", None)
    trainees = state.facts.get("trainee_count")
    if not n or not trainees or n >= trainees or state.facts.get("case_groups") or \
            state.facts.get("employer_type") != "培训机构":
        return
    state.facts["case_groups"] = [[float(n), {"started_business_after_training": True}],
                                  [float(trainees - n), {"started_business_after_training": False}]]
    for k in ("business_type", "borrower_type", "business_planned") + _STARTED_KEYS:
        ex.facts.pop(k, None)


# more of a class said to open a shop ("要是创业班又有两个下个月把店开起来了呢")
_MORE_STARTED = nz.MORE_STARTED


def _rate_of_count(count: str, place: str | None) -> float | None:
    """The one fixed amount a place's documents give per head of this count (实现创业再给每人800元 for
    started_business_count), or None when there is none or more than one."""
    docs = {d.id for d in default_gazetteer().resolve(place).documents} if place else set()
    found = set()

    def walk(a):
        if a is None:
            return
        if a.raw.get("count") == count and a.value is not None and a.value.dimension == "money":
            found.add(a.value.value)
        for p in a.parts:
            walk(p)
        for _w, c in a.cases:
            walk(c)
    for b in default_policies().benefits.values():
        if b.document.id in docs:
            walk(b.amount)
    return found.pop() if len(found) == 1 else None


def _more_course_started(state: State, ex: Extracted, text: str, notes: list) -> None:
    """"那要是创业班又有两个下个月把店开起来了呢，一共能多多少": of the course whose trainees opened shops (Profile.
    course_facts), that many more; what the money comes to then."""
    courses = state.facts.get("course_facts") or {}
    had = [c for c in courses.values() if isinstance(c, dict) and c.get("started_business_count") is not None]
    more = _MORE_STARTED.search(text or "")
    n = nz.parse_count(more.group(1)) if more else None
    if not n or len(had) != 1 or getattr(ex, "course_facts", None) or ex.correction:
        return
    was = had[0]["started_business_count"]
    if was + n > (had[0].get("trainee_count") or float("inf")):
        return
    had[0]["started_business_count"] = was + n
    state.facts["course_facts"] = courses
    # (the class's groups by whether they started say it once: _fix_case_groups)
    grouped = any(isinstance(g, (list, tuple)) and len(g) == 2 and isinstance(g[1], dict) and
                  set(g[1]) & set(_STARTED_KEYS) for g in state.facts.get("case_groups") or [])
    rate = _rate_of_count("started_business_count", state.place)
    more_money = f"，多{fmt_money(rate * n)}（{fact_value_text('new_hires', n)}×{fmt_money(rate)}）" if rate else ""
    (notes if not grouped else []).append(f"要是再有{fact_value_text('new_hires', n)}开起店{more_money}；下面按开了店（实现创业）的"
                 f"{fact_value_text('new_hires', was + n)}算（原来{fact_value_text('new_hires', was)}）。")
    for k in ("business_type", "borrower_type", "business_planned") + _STARTED_KEYS:
        ex.facts.pop(k, None)       # (the words are the course's trainees', not a business of the asker's)
    ex.forget = [k for k in ex.forget if k not in _STARTED_KEYS]


def _fix_course_started(state: State, ex: Extracted, notes: list) -> None:
    """Those of a course said before who started a business, corrected ("开了店的是8个不是6个"): that course's count."""
    courses = state.facts.get("course_facts") or {}
    said = [n for started, n in getattr(ex, "case_fixes", None) or [] if started]
    had = [c for c in courses.values() if isinstance(c, dict) and c.get("started_business_count") is not None]
    if len(said) != 1 or len(had) != 1 or getattr(ex, "course_facts", None) or had[0]["started_business_count"] == said[0]:
        return
    had[0]["started_business_count"] = said[0]
    state.facts["course_facts"] = courses
    notes.append(f"好的，开了店（实现创业）的改为{fact_value_text('new_hires', said[0])}。")
    for k in ("business_type", "borrower_type", "business_planned") + _STARTED_KEYS:
        ex.facts.pop(k, None)       # (the words of the correction are the course's, not a business of the asker's)


def _fix_class_passed(state: State, ex: Extracted) -> None:
    """"说错了 合格的是26个 有两个没考过 开店那10个还是都在合格里头": a class's certified corrected, the ones said to
    have started a business among them as they were; the rest of the certified are those who have not."""
    now = ex.facts.get("trainee_count")
    cases = [list(g) for g in state.facts.get("case_groups") or []]
    if not ex.correction or now is None or len(cases) != 2:
        return
    started = [g for g in cases if isinstance(g[1], dict) and g[1].get("started_business_after_training") is True]
    rest = [g for g in cases if isinstance(g[1], dict) and g[1].get("started_business_after_training") is False]
    if len(started) == 1 and len(rest) == 1 and started[0][0] < now and started[0][0] + rest[0][0] != now:
        rest[0][0] = now - started[0][0]
        state.facts["case_groups"] = cases


def _group_at(state: State, ex: Extracted, groups: list, group: list, now: float, note: str,
              keep_months: bool = False) -> str:
    """One group by time at other months now (its months corrected, or a time to come): the groups kept, the note said
    ({was}, {n}, {now} filled in), and the message's month facts its, not everyone's (unless `keep_months`)."""
    was = group[1]
    group[1] = now
    state.facts["group_months"] = groups
    text = note.format(was=fact_value_text("months_employed", was), n=fact_value_text("new_hires", group[0]),
                       now=fact_value_text("months_employed", now))
    for k in _MONTH_FACTS_OF_GROUPS:
        if ex.facts.get(k) == now and not keep_months:
            ex.facts.pop(k)
    return text


def _fix_groups(state: State, ex: Extracted, notes: list, text: str | None = None) -> None:
    """A correction of a group by time said before ("还在干的是10个，不是11个，干了两个月就回来的是4个"): that group's
    count, and the counts that held the groups' sum; the times in the correction are the groups', not new facts."""
    groups = [list(g) for g in state.facts.get("group_months") or []]
    fixes = getattr(ex, "group_fixes", None) or []
    later = getattr(ex, "group_later", None)
    if groups and later and not getattr(ex, "group_months", None) and not ex.facts.get("claim_again"):
        # (not of one placed again the same year, "干满半年已经拿过补贴了…又是我介绍的…等他干满半年我还能再拿200不")
        # "那今年五月来那俩…等她俩干满一年了，那一千块还给不": that group at those months, the others as they are
        n, now = later
        short = [g for g in groups if g[1] < now and (n is None or g[0] == n)]
        if len(short) > 1 and n is not None and len({tuple(g) for g in short}) == 1:
            short = short[-1:]      # (alike groups, "3个干了4个月跑回来了…又补送了3个": the later one, still at work)
        if len(short) == 1:
            # (people added at that time too, "俺再新招5个贫困户 都干满一年的话": theirs, a group of their own
            # (_more_people): the month facts stay)
            notes.append(_group_at(state, ex, groups, short[0], now, "按干了{was}的{n}干满{now}算。",
                                   keep_months=bool(getattr(ex, "more_people", 0))))
            return
    redated = getattr(ex, "group_redated", None)
    if groups and redated and not getattr(ex, "group_months", None) and not getattr(ex, "month_fixes", None):
        # "开春来那个是前年开春来的": that group's months now; the month facts in the message are its, not everyone's
        n, now = redated
        same = [g for g in groups if g[0] == n]
        if len(same) == 1 and same[0][1] != now:
            notes.append(_group_at(state, ex, groups, same[0], now, "好的，干了{was}的{n}改为{now}。"))
            return
    if groups and not getattr(ex, "group_months", None) and getattr(ex, "month_fixes", None):
        # "见习4个月的那个其实是5个月": that group's months; the month facts in the message are the fix's, not everyone's
        for was, now in ex.month_fixes:
            g = next((g for g in groups if g[1] == was), None)
            if g is not None:
                g[1] = now
                state.facts["group_months"] = groups
                notes.append(f"好的，干了{fact_value_text('months_employed', was)}的{fact_value_text('new_hires', g[0])}"
                             f"改为{fact_value_text('months_employed', now)}。")
                for k in _MONTH_FACTS_OF_GROUPS:
                    if ex.facts.get(k) in (was, now):
                        ex.facts.pop(k)
                for k in ("new_hires", "hired_poor_count", "intern_count", "referred_count", "trainee_count"):
                    ex.facts.pop(k, None)
        return
    n = getattr(ex, "place_group", None)
    total = max([state.facts.get(k) or 0 for k in ("new_hires", "hired_poor_count")])
    months = state.facts.get("months_employed")
    now = ex.facts.get("months_employed")
    if not groups and n and total > n and months is not None and now is not None and now != months:
        # "邵阳那4个不是前年来的，是今年五月份才进厂的，其他没变": those 4 at their months, the others as they were
        state.facts["group_months"] = [[total - n, months], [n, now]]
        cases = [list(g) for g in state.facts.get("case_groups") or []]
        same = [g for g in cases if g[0] == n]
        if len(same) == 1:      # (the groups by place were cases of their own: that one's people are the 4 now short)
            cases.remove(same[0])
            if len(cases) >= 2:
                state.facts["case_groups"] = cases
            else:
                state.facts.pop("case_groups", None)
        notes.append(f"好的，那{fact_value_text('new_hires', n)}改为干了{fact_value_text('months_employed', now)}，"
                     f"其他{fact_value_text('new_hires', total - n)}不变。")
        for k in _MONTH_FACTS_OF_GROUPS:
            ex.facts.pop(k, None)
        return
    said_ns = set(ex.numbers or [])
    if not groups or not fixes or getattr(ex, "group_months", None):
        return
    before = sum(g[0] for g in groups)
    done = False
    fixed = []
    timed = [mo for _, _, mo, _ in fixes if mo is not None and mo >= 0]
    for new, old, months, staying in fixes:
        if months == GROUP_SHORT:
            # ("是10个 干满半年 只有2个 没干满"): the one group under the time of the other fix
            under = [g for g in groups if timed and g[1] < min(timed)]
            g = under[0] if len(under) == 1 else None
            if g is not None and g[0] != new:
                g[0] = new
                fixed.append(g)
                done = True
            continue
        g = next((g for g in groups if old is not None and g[0] == old), None) or \
            next((g for g in groups if months is not None and g[1] == months), None) or \
            (max(groups, key=lambda g: g[1]) if staying and old is None and months is None else None)
        if g is not None and g[0] != new:
            g[0] = new
            fixed.append(g)
            done = True
    if not done:
        return
    after = sum(g[0] for g in groups)
    rest = [g for g in groups if not any(g is f for f in fixed)]
    moved = rest[0][0] - (after - before) if len(rest) == 1 else None
    if len(fixed) == 1 and moved is not None and after != before and moved in said_ns and \
            moved != fixed[0][0] and ex.facts.get("months_employed") in (None, *(g[1] for g in groups)):
        # "干了一年多的是6个，不是5个，海伦来的只有3个": one moved from the other group, the whole as it was
        rest[0][0] -= after - before
        after = before
    elif len(fixed) == 1 and rest and after != before and fixed[0][1] < max(rest, key=lambda g: g[1])[1] and \
            max(rest, key=lambda g: g[1])[0] - (after - before) > 0 and \
            not any(ex.facts.get(k) and ex.facts.get(k) != fixed[0][0] for k in _HEAD_COUNTS) and \
            nz.LEFT_GROUP_NAMED.search(text or ""):
        # "走的是4个不是3个" of 20 hired, 3 who left and the rest still there: the ones who left are more, those still
        # there (the longest at work) fewer, the head-count as it was ("西安那边中途回家的不是2个，是4个")
        max(rest, key=lambda g: g[1])[0] -= after - before
        after = before
    # "干满一年的只有4个，另外2个建档立卡的是今年二月才来的": the ones taken from the group, with their own months
    some, months = ex.facts.get("new_hires") or ex.facts.get("hired_poor_count"), ex.facts.get("months_employed")
    if some and months is not None and before - after == some and all(g[1] != months for g in groups):
        groups.append([some, months])
        after += some
    state.facts["group_months"] = groups
    for k in _HEAD_COUNTS:
        if ex.facts.get(k) in {f[0] for f in fixes}:
            ex.facts.pop(k)     # (the count of a group fixed, "是10个 干满半年", is no head-count of the unit's)
        if state.facts.get(k) == before:
            ex.facts[k] = after
    for k in ("months_employed", "months_since_employment", "employed"):
        ex.facts.pop(k, None)
    notes.append("好的，人数改为" + "，".join(f"干了{fact_value_text('months_employed', m)}的{fact_value_text('new_hires', n)}"
                                         for n, m in groups) + "。")


# what belongs to one class or course, not to the school: another class said after one has its own
_COURSE_OWN = ("training_hours", "training_days", "training_certificate", "class_employment_rate", "class_placed_count",
               "started_business_within_6_months", "started_business_after_training", "trainee_count",
               "course_facts", "case_groups", "category_groups", "group_months", "group_days", "counted_out", "counted_not")


def _counted_out_of_topic(state: State, ex: Extracted) -> None:
    """"留下来的10个里面有2个…已经给那个中介补过一回了": those persons are out of the count of the benefits just shown
    that count a unit's people, when their group is that count or one of its groups by time."""
    from policies.evaluator import benefit_count_fact

    benefits = default_policies().benefits
    for n, group, last_year in getattr(ex, "counted_out_topic", None) or []:
        for bid in state.last_benefits:
            b = benefits.get(bid)
            fact = benefit_count_fact(b) if b is not None else None
            if fact is None or not state.facts.get(fact):
                continue
            if last_year and once_a_year_only(b):
                continue        # "这11个里面有3个是去年…领过补贴的": once a year, this year's counts them
            sizes = {state.facts[fact]} | {g[0] for g in state.facts.get("group_months") or []}
            if group is None or group in sizes:
                ex.counted_out[bid] = ex.counted_out.get(bid, 0) + n


def _another_course(state: State, ex: Extracted) -> None:
    """"那我们还有一期IYB，20个人，也都拿了合格证": the earlier class's hours, days and people are not this one's (its
    64 课时 would fail the IYB), and the persons said are its trainees."""
    if not getattr(ex, "another_course", False) or ex.correction:
        return
    had_trainees = "trainee_count" in state.facts
    # (what this same message said of its courses and groups stays: "一期SYB…9个开了店；又办了一期IYB，18个人")
    said_now = {k for k in ("course_facts", "case_groups", "category_groups", "group_months", "group_days", "counted_out", "counted_not")
                if getattr(ex, k, None)}
    for k in _COURSE_OWN:
        if k not in ex.facts and k not in said_now:
            state.facts.pop(k, None)
    if "new_hires" in ex.facts and "trainee_count" not in ex.facts and had_trainees:
        ex.facts["trainee_count"] = ex.facts["new_hires"]
    elif had_trainees and not any(k in ex.facts for k in _HEAD_COUNTS + ("staff_total",)) and \
            len(ex.numbers or []) == 1 and float(ex.numbers[0]).is_integer() and 0 < ex.numbers[0] <= 1000:
        # a school (no hiring): "那我们还有一期IYB，20个人，也都拿了合格证" counts that class's trainees
        ex.facts["trainee_count"] = float(ex.numbers[0])


def _contract_profile(months: float):
    from policies import Profile
    return Profile.from_facts({"contract_months": months})


def _more_people(state: State, ex: Extracted) -> tuple | None:
    """"还有一个也是建档立卡的，今年7月才来的": people besides those counted before (Extracted.more_people), added to the
    count, in a group of their own when their time at work differs (Profile.group_months); not a correction."""
    n = getattr(ex, "more_people", 0)
    keys = [k for k in _HEAD_COUNTS if k in ex.facts and state.facts.get(k)]
    staff = state.facts.get("staff_total")
    if n and not keys and not ex.correction and staff and "staff_total" not in ex.facts and \
            set(getattr(ex, "others_not", None) or []) & set(state.facts.get("category") or []):
        # "明年要是再招10个普通工人 都不是脱贫户": the staff grows by them, the counts of the poor stay
        ex.facts["staff_total"] = float(staff) + n
        return {"staff_total"}, float(n), float(staff) + n
    if not n or not keys or ex.correction or getattr(ex, "another_course", False):
        return None             # (nor of another class: "还办了一期…30个学员，25个是建档立卡…另外5个是…一般农户")
    before = {k: float(state.facts[k]) for k in keys}
    for k in keys:
        ex.facts[k] = before[k] + n
    hires = state.facts.get("new_hires")
    if "new_hires" not in keys and hires and float(hires) in before.values():
        # ("再招两个低收入户" at a base whose new hires are its poor and low-income together): the hires grow with them
        ex.facts["new_hires"] = float(hires) + n
        keys.append("new_hires")
    # the staff grows by them, and so do the poor and low-income together when they are either
    grows = ["staff_total"] + (["hired_poor_low_income_count"] if {"hired_poor_count", "hired_poor_low_income_count"} & set(keys)
                               or ex.categories else [])
    for k in grows:
        if k not in ex.facts and state.facts.get(k):
            ex.facts[k] = float(state.facts[k]) + n
    # the others placed for a fee, these free ("另外还有3个，我们一分钱没收"), or the other way round: those charged
    # are out of the count of the benefits for a free placement
    was, now = state.facts.get("registered_unemployed_referral"), ex.facts.get("registered_unemployed_referral")
    if was is not None and now is not None and was != now:
        charged = max(before.values()) if now else float(n)
        ex.facts["registered_unemployed_referral"] = True
        counted_not = dict(state.facts.get("counted_not") or {})
        for bid, b in default_policies().benefits.items():
            if any(getattr(c, "fact", None) == "registered_unemployed_referral" for c in b.eligibility):
                had = counted_not.get(bid)
                if had and isinstance(had, (list, tuple)) and len(had) == 2 and not str(had[1]).startswith("收了费"):
                    # (those out before stay out: "8个干了七八个月就辞了回来了", then "还有10个是收了…中介费")
                    counted_not[bid] = [float(had[0]) + charged,
                                        f"中{float(had[0]):g}人{had[1]}、{charged:g}人收了费（不是免费介绍）"]
                else:
                    counted_not[bid] = [charged, "收了费（不是免费介绍）"]
        state.facts["counted_not"] = counted_not
    # the others on a contract of a year, these on a shorter one ("还有2个也是贫困户 只签了半年的合同"): these are out
    # of the count of the benefits that ask for the longer contract, and the others' contract stands
    was_c, now_c = state.facts.get("contract_months"), ex.facts.get("contract_months")
    if was_c is not None and now_c is not None and now_c < was_c:
        del ex.facts["contract_months"]
        counted_not = dict(state.facts.get("counted_not") or {})
        docs = {d.id for d in default_gazetteer().resolve(state.place).documents} if state.place else set()
        for bid, b in default_policies().benefits.items():
            if b.document.id in docs and benefit_count_fact(b) in keys + grows + [None] and \
                    any(getattr(c, "fact", None) == "contract_months" and
                        eval_condition(c, _contract_profile(now_c)) is False for c in b.eligibility):
                counted_not[bid] = [float(n), f"只签了{fact_value_text('contract_months', now_c)}"]
                ex.added_short[bid] = (next(c.note for c in b.eligibility if getattr(c, "fact", None) == "contract_months"),
                                       f"新加的{fact_value_text('new_hires', n)}只签了{fact_value_text('contract_months', now_c)}")
        state.facts["counted_not"] = counted_not
    months = ex.facts.pop("months_since_employment", None)
    ex.facts.pop("months_employed", None)
    had = state.facts.get("months_employed") or state.facts.get("months_since_employment")
    if months is not None and had is not None and (months != had or state.facts.get("group_months")):
        # (a group of their own beside the groups said before, even of the longest group's time)
        groups = [list(g) for g in state.facts.get("group_months") or []] or [[max(before.values()), float(had)]]
        state.facts["group_months"] = groups + [[float(n), float(months)]]
    return set(keys), float(n), max(before.values()) + n


def _contains(wide: str, narrow: str) -> bool:
    """Is `wide` an ancestor of `narrow` in the gazetteer (陕西省 of 陕西省宝鸡市千阳县)?"""
    gaz = default_gazetteer()
    w, n = gaz.resolve(wide).place, gaz.resolve(narrow).place
    return bool(w and n and len(w.path) < len(n.path) and tuple(n.path[:len(w.path)]) == tuple(w.path))


def absorb(state: State, text: str, entities) -> None:
    """A follow-up such as "千阳的求职补贴要带啥" also names a place and a topic: take them in."""
    ex = extract(text or "", entities, state.place)
    merge(state, ex, "inform")
    text = nz.heard_as(text or "")      # "非遗扶贫就业工方" is the 工坊
    intent = default_catalogue().question_named_in(text)
    intent = _by_amount(intent, text, ex, state) if intent else intent
    if intent and intent != state.topic:
        benefits = default_policies().benefits
        topics = set(default_catalogue().topics_of(intent))
        # ("那都要带啥去 交通那个是不是这个月底就截了" after a list with the transport subsidy in it: the list still
        # holds what is asked about, the one named first)
        kept = [i for i in state.last_benefits or [] if i in benefits and benefits[i].topic in topics]
        state.last_benefits = (kept + [i for i in state.last_benefits if i not in kept]) if kept else []
        state.topic, state.asked = intent, []
        state.role = role_of(intent, text, state.role)
