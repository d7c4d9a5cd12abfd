

def test_a_free_service_is_never_worded_as_money():
    from policies import default_policies
    from policies.render import payee_line, payee_text

    frees = [b for b in default_policies().benefits.values() if b.kind == "free_service"]
    assert frees
    for b in frees:
        for said in (payee_text(b, "worker"), payee_text(b, "employer"), payee_text(b, "worker", style="card"),
                     payee_line(b)):
            assert "钱发给" not in said and "不是发钱" in said, (b.id, said)


def test_an_application_window_whose_date_was_not_said_is_said_once():
    from policies import evaluate
    from policies.render import presumed_line
    r = evaluate({"category": ["脱贫劳动力"], "business_type": "个体工商户"}, "千阳县").by_id("qy.startup_subsidy")
    line = presumed_line(r)
    assert "申请时限：须在创业实体登记注册后7至12个月期间申请" in line
    assert "还不到" not in line and "已超过" not in line
