

def test_a_free_service_is_never_worded_as_money():
    from policies import default_policies
    from policies.render import payee_line, payee_text

    frees = [b for b in default_policies().benefits.values() if b.kind == "free_service"]
    assert frees
    for b in frees:
        for said in (payee_text(b, "worker"), payee_text(b, "employer"), payee_text(b, "worker", style="card"),
                     payee_line(b)):
            assert "钱发给" not in said and "不是发钱" in said, (b.id, said)
