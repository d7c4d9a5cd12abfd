"""Quantities as the documents write them ("500元", "30万元", "1年", "1/3", "50%") and the numbers inside quotes.

Data files keep the document's own wording so a clerk can compare; the evaluator needs numbers in the unit of the
fact (元, months, persons, fraction). The quote checker needs the digits of a rule and of its quote, with Chinese
numerals in the quote read as digits.
"""
from __future__ import annotations

from policies import rx as re
import warnings
from dataclasses import dataclass
from fractions import Fraction

import cn2an

_Q = re.compile(
    r"^\s*(?P<num>\d+(?:\.\d+)?)(?:/(?P<den>\d+))?\s*(?P<unit>万元|元|个月|月|年|周岁|岁|人|名|课时|天|日|%|次|份)?\s*$"
)

# unit -> (dimension, factor to the base unit of that dimension)
UNITS = {
    "元": ("money", 1),
    "万元": ("money", 10000),
    "个月": ("months", 1),
    "月": ("months", 1),
    "年": ("months", 12),
    "岁": ("years", 1),
    "周岁": ("years", 1),
    "人": ("count", 1),
    "名": ("count", 1),
    "课时": ("hours", 1),
    "天": ("days", 1),
    "日": ("days", 1),
    "%": ("ratio", Fraction(1, 100)),
    "次": ("count", 1),
    "份": ("count", 1),
}


class QuantityError(ValueError):
    pass


@dataclass(frozen=True)
class Quantity:
    text: str            # as written in the data file, e.g. "30万元"
    value: float         # in the base unit: 元, months, years, persons, hours, days, fraction
    dimension: str       # money | months | years | count | hours | days | ratio | number

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.text


def parse_quantity(raw) -> Quantity:
    """'500元' -> 500 money; '1年' -> 12 months; '1/3' -> 0.333 ratio; '50%' -> 0.5 ratio; 7 -> 7 number."""
    if isinstance(raw, bool):
        raise QuantityError(f"not a quantity: {raw!r}")
    if isinstance(raw, (int, float)):
        return Quantity(str(raw), float(raw), "number")
    if not isinstance(raw, str):
        raise QuantityError(f"not a quantity: {raw!r}")
    m = _Q.match(raw)
    if not m:
        raise QuantityError(f"cannot read quantity {raw!r} (write it as the document does, e.g. 500元, 1年, 1/3)")
    num = Fraction(m.group("num"))
    if m.group("den"):
        num = num / Fraction(m.group("den"))
        return Quantity(raw, float(num), "ratio")
    unit = m.group("unit")
    if unit is None:
        return Quantity(raw, float(num), "number")
    dim, factor = UNITS[unit]
    return Quantity(raw, float(num * Fraction(factor)), dim)


def quantity_digits(raw) -> list[str]:
    """The digit strings a rule value must show in its quote: '30万元' -> ['30']; '1/3' -> ['1/3']; 12 -> ['12']."""
    if isinstance(raw, bool) or raw is None:
        return []
    if isinstance(raw, (int, float)):
        return [_fmt(raw)]
    if isinstance(raw, str):
        m = _Q.match(raw)
        if m:
            if m.group("den"):
                return [f"{m.group('num')}/{m.group('den')}"]
            return [m.group("num")]
    return []


def _fmt(x) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    """Remove all whitespace (PDF extraction scatters spaces and line breaks)."""
    return _WS.sub("", text)


# Only runs followed by a unit or counter are numbers; 千阳, 千校行动, 一次性 are words.
_CN_NUM_RUN = re.compile(r"[零一二两三四五六七八九十百千万]+(?=[年个月人元岁天日次名期类课周倍])")


def arabicize(text: str) -> str:
    """Chinese numerals to digits, for comparing numbers (一年 -> 1年, 两年 -> 2年, 三百二 -> 320)."""
    def repl(m: re.Match) -> str:
        s = m.group(0)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return str(cn2an.cn2an(s, "smart"))
        except Exception:  # a word such as 千校 that is not a number
            return s
    return _CN_NUM_RUN.sub(repl, text)


_NUMS = re.compile(r"\d+(?:\.\d+)?(?:/\d+)?")


def numbers_in(text: str) -> set[str]:
    """All numbers in a text, Chinese numerals included, as strings ('1/3', '500', '2.5')."""
    t = squash(text)
    found = set(_NUMS.findall(t)) | set(_NUMS.findall(arabicize(t)))
    return found


def parse_number_text(text: str) -> float | None:
    """A user's number in any form: '三百二' -> 320, '1.5' -> 1.5, '两千' -> 2000; None if not a number."""
    if text is None:
        return None
    s = squash(str(text)).replace(",", "").replace("，", "")
    if not s:
        return None
    try:
        return float(s)
    except ValueError:
        pass
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return float(cn2an.cn2an(s, "smart"))
    except Exception:
        return None
