"""The catalogue (policies/catalogue.yaml) is the one list of questions, topics and payees: Rasa's domain, rules and
NLU data must agree with it, and so must the policy data. A new question is one catalogue entry + NLU examples;
these tests say what else is missing when one is added."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from policies import default_policies
from policies.catalogue import CatalogueError, default_catalogue, load_catalogue

ROOT = Path(__file__).resolve().parents[2]
CAT = default_catalogue()


def _yaml(path: str):
    return yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))


def test_domain_intents_are_the_catalogue_questions_plus_the_rest():
    domain = set(_yaml("domain.yml")["intents"])
    missing = set(CAT.questions) - domain
    assert not missing, f"questions in policies/catalogue.yaml but not in domain.yml intents: {sorted(missing)}"
    stray = {i for i in domain if i.startswith("ask_")} - set(CAT.questions) - {
        "ask_documents", "ask_where_apply", "ask_validity"}
    assert not stray, f"ask_* intents in domain.yml that the catalogue does not know: {sorted(stray)}"


def test_every_question_has_a_rule_to_the_policy_turn():
    rules = _yaml("data/rules.yml")["rules"]
    routed = {r["steps"][0]["intent"]: r["steps"][1]["action"] for r in rules if "intent" in r["steps"][0]}
    for q in CAT.questions:
        assert routed.get(q) == "action_policy_turn", f"data/rules.yml: no rule {q} -> action_policy_turn"


def test_every_question_has_nlu_examples():
    counts: dict[str, int] = {}
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for block in _yaml(str(path.relative_to(ROOT))).get("nlu") or []:
            if "intent" in block:
                counts[block["intent"]] = counts.get(block["intent"], 0) + block["examples"].count("\n- ") + 1
    thin = {q: counts.get(q, 0) for q in CAT.questions if counts.get(q, 0) < 10}
    assert not thin, f"questions with fewer than 10 NLU examples in data/nlu: {thin}"


def test_capabilities_text_names_every_place_the_documents_cover():
    responses = _yaml("domain.yml")["responses"]
    text = responses["utter_capabilities"][0]["text"]
    for d in default_policies().documents:
        assert d.place_label in text, f"utter_capabilities does not name {d.place_label}"


def test_policy_data_uses_only_catalogue_topics_and_payees():
    for b in default_policies().benefits.values():
        assert b.topic in CAT.topics, b.id
        assert b.payee in CAT.payees, b.id


def test_every_topic_is_reachable_by_some_question():
    reachable = {t for q in CAT.questions.values() if q.intent != "ask_what_can_i_get" for t in q.topics}
    reachable |= {t for extra in CAT.worker_addons.values() for t in extra}
    used = {b.topic for b in default_policies().benefits.values()}
    assert used <= reachable, f"topics no question asks about: {sorted(used - reachable)}"


def test_topics_for_narrowing_and_worker_addons():
    assert CAT.topics_for("ask_factory_job", "employer", {"employer_type": "就业帮扶基地"}) == {"employment_base"}
    assert CAT.topics_for("ask_factory_job", "worker", {}) == {
        "community_factory", "employment_base", "heritage_workshop", "job_seeking"}
    assert CAT.topics_for("ask_factory_job", "worker", {"employer_type": "社区工厂"}) == {
        "community_factory", "job_seeking"}
    assert CAT.question_named_in("那培训的生活费呢") == "ask_training_allowance"     # before 培训
    assert CAT.question_named_strongly("车票能报吗") == "ask_transport"
    # a unit's money for taking someone on, asked by their family: the employer's question
    assert CAT.question_named_strongly("那娃学出来在县上厂里干，厂里招他能拿补贴不？") == "ask_employer_subsidy"
    assert CAT.personal("worker") and not CAT.personal("factory")
    # a loan asked by its verb alone, the same plan under another form
    assert CAT.question_named_strongly("那我们要是注册成小微企业去贷呢") == "ask_startup_loan"
    assert CAT.question_named_strongly("要是注册成小微企业、以企业名义贷呢") == "ask_startup_loan"
    assert CAT.question_named_strongly("去年贷了10万，今年开了店") is None


def test_loader_refuses_a_question_with_an_unknown_topic(tmp_path):
    raw = (ROOT / "policies" / "catalogue.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "catalogue.yaml"
    bad.write_text(raw.replace("topics: [job_seeking]", "topics: [job_hunting]", 1), encoding="utf-8")
    with pytest.raises(CatalogueError, match="ask_job_seeking"):
        load_catalogue(bad)


def test_generated_nlu_lookups_are_current():
    """data/nlu/generated.yml is made from the gazetteer and the vocabulary (scripts/gen_nlu_lookups.py): a place or
    a category added there must reach the NLU's lookup tables too."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen", ROOT / "scripts" / "gen_nlu_lookups.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    assert (ROOT / "data" / "nlu" / "generated.yml").read_text(encoding="utf-8") == gen.render(), \
        "data/nlu/generated.yml is stale: run `make nlu-data`"


def test_benefit_words_name_known_benefits():
    from policies import default_policies

    unknown = set(default_catalogue().benefit_words) - set(default_policies().benefits)
    assert not unknown, f"benefit_words for benefits the data does not have: {sorted(unknown)}"


def _branches(pattern: str) -> list[str]:
    """The literal words of an alternation with at most one (?:a|b) group per branch."""
    import re as _re
    out = []
    for branch in _re.split(r"\|(?![^(]*\))", pattern):
        m = _re.search(r"\(\?:([^)]*)\)", branch)
        if m:
            out += [branch[:m.start()] + alt + branch[m.end():] for alt in m.group(1).split("|")]
        else:
            out.append(branch)
    return out


def test_document_words_are_each_in_only_their_own_documents_text():
    import re as _re
    from pathlib import Path

    from policies import default_policies
    from policies.catalogue import default_catalogue

    pol = default_policies()
    src = Path(__file__).resolve().parents[2] / "policies" / "sources"
    texts = {d.id: _re.sub(r"\s+", "", (src / d.source).read_text(encoding="utf-8")) for d in pol.documents}
    words = default_catalogue().document_words
    assert set(words) <= set(texts) and words
    for doc_id, pat in words.items():
        for w in _branches(pat.pattern):
            # what a user says ("低收入户") may be longer than the text's word ("低收入人口"): its longest beginning of
            # 3 or more characters that some text has
            stem = next((w[:n] for n in range(len(w), 2, -1) if any(w[:n] in t for t in texts.values())), w)
            has = [d for d, t in texts.items() if stem in t]
            assert has == [doc_id], (w, has)


def test_what_the_person_gives_up_is_not_the_question():
    from policies.catalogue import load_catalogue
    cat = load_catalogue()
    assert cat.question_named_in("我想去见习，见习一个月给多少") == "ask_internship"
    assert cat.question_named_strongly("那我要是不见习了 自己开个网店办个营业执照 有补贴吗") != "ask_internship"
