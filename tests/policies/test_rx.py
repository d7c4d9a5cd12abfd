"""policies.rx: re's functions, each pattern compiled once however many the project has (re keeps only 512)."""
import re as std

from policies import rx


def test_the_functions_answer_as_re_does():
    text = "俺是千阳的 脱贫户，干了3个月,签了1年"
    for pat in (r"(\d+)个月", r"[，,]", r"千阳|汉阴", r"(?P<n>\d)年"):
        assert [m.span() for m in rx.finditer(pat, text)] == [m.span() for m in std.finditer(pat, text)]
        assert rx.split(pat, text) == std.split(pat, text)
        assert rx.findall(pat, text) == std.findall(pat, text)
        assert rx.sub(pat, "_", text) == std.sub(pat, "_", text)
        assert bool(rx.search(pat, text)) == bool(std.search(pat, text))
    assert rx.match(r"俺是", text) and not rx.match(r"千阳", text)
    assert rx.fullmatch(r"\d+", "123") and not rx.fullmatch(r"\d+", "12a")
    assert rx.findall("a", "AaA", rx.I) == ["A", "a", "A"]
    assert rx.compile(std.compile("x")).pattern == "x"


def test_a_pattern_stays_compiled_after_more_than_re_keeps():
    first = rx.compile(r"第一个模式(\d+)")
    for i in range(1200):          # more distinct patterns than re's own cache holds (512)
        rx.search(rf"模式{i}号", "模式7号")
    assert rx.compile(r"第一个模式(\d+)") is first
