"""The one masker of personal identifiers: 身份证号 (18 and 15 digits), mobile and landline numbers, bank-card and
other long digit runs. Used by the channels (bot/privacy.py re-exports it), the audit log (actions/audit.py) and the
village ledger report (ledger/), so a number is masked the same way wherever it is shown or stored.
Plain Python, no Rasa.

Masked forms (the digits kept are the same everywhere):

    身份证号 18 digits   610328199001011234      → 610328********1234   (first 6, last 4; a final X is kept)
    身份证号 15 digits   610328900101123         → 610328*****1123      (first 6, last 4)
    mobile              13912345678, +86 139…   → 139****5678          (+86 139****5678 with the country code)
    landline            0917-5212345, 02988886666 → 0917-*****45 / 029-******66  (area code, last 2)
    other runs of 7+ digits (bank cards, QQ, local numbers without area code) → ***************0123 (last 4)

Before matching, the text is normalised the way people's input arrives: full-width and other Unicode digits are read
as ASCII (NFKC), zero-width and other format characters (U+200B, U+FEFF, U+00AD …) are ignored, and a space, dash or
dot between digit groups is part of the number ("6103 2819 9001 0112 34", "139-1234-5678", "139.1234.5678"). The
normalisation maps one character to one character, so the text outside a masked number is returned exactly as
written; a masked number is replaced by its masked form above (separators and zero-width characters inside it go).

Ordinary numbers stay: amounts (5000元, 1000000元, 3.5万), counts, years, dates (2024年3月15日, 2024-03-15,
20240315), lists of short numbers. Separated groups count as one number only when they make an ID with a plausible
birth date, a mobile, a landline with its area code, or a bank card in groups of four (62…, or with a valid Luhn
check digit); digits spelled out one at a time ("1 3 9 1 2 3 …") are one number. A 7+ digit run followed by a unit
(元 万 % 人 个 …) or a decimal part, or an 8-digit date, is a quantity, not a personal number.

`masked_spans(text)` finds masked tokens (digits next to runs of '*') so that readers of user text never take
"610328********1234" for the numbers 610328 and 1234.
"""
from __future__ import annotations

import hashlib
import itertools
from policies import rx as re
import sys
import unicodedata
from typing import Any

__all__ = ["mask_pii", "mask_in", "mask_id", "id_digits", "normalize_digits", "masked_spans", "MASKED_TOKEN",
           "ID18", "ID15"]

# ------------------------------------------------------------------------------------------------ normalisation
_IGN = "\x00"          # a format character (zero-width …) in the normalised text: ignored between digits


def _build_table() -> dict[int, str]:
    """One character → one character: Unicode digits → 0-9, full-width X → X, dashes → '-', dots → '.', spaces → ' ',
    format characters (category Cf: zero-width space/joiners, BOM, soft hyphen, bidi marks) → _IGN. The whole Basic
    Multilingual Plane, and of the others the mathematical digits, segmented digits and format characters (~20 ms)."""
    table: dict[int, str] = {}
    category, decimal = unicodedata.category, unicodedata.decimal
    supplementary = [range(0x1D7CE, 0x1D800), range(0x1FBF0, 0x1FBFA), (0x110BD, 0x110CD), range(0x13430, 0x13440),
                     range(0x1BCA0, 0x1BCA4), range(0x1D173, 0x1D17B), (0xE0001,), range(0xE0020, 0xE0080)]
    for cp in itertools.chain(range(0x80, 0x10000), *supplementary):
        c = chr(cp)
        cat = category(c)
        if cat == "Cf":
            table[cp] = _IGN
        elif cat == "Nd":
            d = decimal(c, None)
            if d is not None:
                table[cp] = str(d)
        elif cat == "Pd":
            table[cp] = "-"
        elif cat == "Zs":
            table[cp] = " "
    for cp in itertools.chain(range(0xFE50, 0xFE70), range(0xFF00, 0xFFF0)):     # small and full-width forms
        n = unicodedata.normalize("NFKC", chr(cp))
        if n in ("X", "x", "+", "(", ")", "."):
            table[cp] = n
    for c in "·•∙・･":     # middle dots people put between digit groups
        table[ord(c)] = "."
    table[ord("\u2212")] = "-"          # minus sign (Sm)
    return table


_TABLE = _build_table()
# any character that may stand for a digit (ASCII, full-width, other scripts): without one, nothing to mask
_ANY_DIGIT = re.compile(r"\d")


def normalize_digits(text: str) -> str:
    """The text with every digit-like character made ASCII and format characters made '\\x00', same length."""
    return text.translate(_TABLE)


# ------------------------------------------------------------------------------------------------ patterns
_Z = "\x00*"
_GAP = rf"{_Z}(?:[ \-.)]{{1,3}}{_Z})?"                 # between two digit groups: at most 3 separator characters
_X = r"[Xx](?![A-Za-z0-9])"                            # the check character of an ID
_TOKEN = re.compile(rf"(?<![0-9])(?:\+{_Z})?(?:\({_Z})?[0-9](?:{_GAP}[0-9])*(?:{_GAP}{_X})?")
_GROUP = re.compile(rf"[0-9](?:{_Z}[0-9])*(?:{_Z}{_X})?|{_X}")
_AFTER_AMOUNT = re.compile(r" {0,2}(?:[元块圆万亿千百%人个名次天岁]|\.[0-9])")

ID18 = re.compile(r"[1-9][0-9]{16}[0-9X]")
ID15 = re.compile(r"[1-9][0-9]{14}")
_MOBILE = re.compile(r"1[3-9][0-9]{9}")
MIN_RUN = 7             # a run of this many digits that is not an amount or a date is masked
MAX_DIGITS = 22        # separated groups are joined into one number up to this many digits


def _date_ok(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= 31 and 1900 <= y <= 2099


def _birth_date_ok(d: str) -> bool:
    if len(d) == 18:
        return _date_ok(int(d[6:10]), int(d[10:12]), int(d[12:14]))
    return _date_ok(1900 + int(d[6:8]), int(d[8:10]), int(d[10:12]))


def _luhn_ok(d: str) -> bool:
    total = 0
    for k, ch in enumerate(reversed(d)):
        x = int(ch)
        if k % 2:
            x = x * 2 - 9 if x > 4 else x * 2
        total += x
    return total % 10 == 0


def _mask_id_number(d: str) -> str:
    return d[:6] + "*" * (len(d) - 10) + d[-4:]


def _mask_run(d: str) -> str:
    return "*" * (len(d) - 4) + d[-4:]


def _mask_landline(area: str, local: str) -> str:
    return f"{area}-{'*' * (len(local) - 2)}{local[-2:]}"


def _classify(groups: list[str], plus: bool) -> str | None:
    """The masked form of these digit groups taken as one number, or None if they are not one personal number.
    A single group is a number written without separators (zero-width characters do not count); groups of one digit
    each ("1 3 9 1 2 3 4 5 6 7 8") are one number spelled out."""
    d = "".join(groups)
    n = len(d)
    if n < MIN_RUN:
        return None
    one = len(groups) == 1
    spelled = not one and all(len(g.rstrip("Xx")) <= 1 for g in groups)
    # 身份证号; written in groups (6 8 4, 4 4 4 4 2 …) or spelled out: only with a plausible birth date
    if d[-1] in "Xx":
        d = d[:-1] + "X"
        if n == 18 and ID18.fullmatch(d) and (one or _birth_date_ok(d)):
            return _mask_id_number(d)
        return None
    if n in (15, 18) and (ID18 if n == 18 else ID15).fullmatch(d) and (one or _birth_date_ok(d)):
        return _mask_id_number(d)
    # mobile, with or without the country code
    body = [d] if spelled else groups
    rest, cc = d, ""
    if (plus or not one) and not spelled and groups[0] in ("86", "0086"):
        rest, cc, body = "".join(groups[1:]), "+86 ", groups[1:]
    elif d.startswith("0086") and n == 15:
        rest, cc, body = d[4:], "+86 ", [d[4:]]
    elif d.startswith("86") and n == 13:
        rest, cc, body = d[2:], "+86 ", [d[2:]]
    if _MOBILE.fullmatch(rest) and all(len(g) >= 3 for g in body):
        return f"{cc}{rest[:3]}****{rest[-4:]}"
    # landline with its area code: 010, 02x, or 0 + 3 digits
    if d[0] == "0" and d[1] != "0":
        area_len = 3 if d[1] in "12" else 4
        if one or spelled:
            if n - area_len in (7, 8):
                return _mask_landline(d[:area_len], d[area_len:])
        elif len(groups[0]) == area_len and len(groups) <= 3 and len("".join(groups[1:])) in (7, 8):
            return _mask_landline(groups[0], "".join(groups[1:]))
    # bank card in groups of four (card networks start with 3-6; the last digit is a Luhn check digit, which a
    # list of amounts such as "1500 2000 3000 4000" seldom has)
    if not one and 13 <= n <= 19 and d[0] in "3456" and len(groups[0]) == 4 \
            and all(len(g) == 4 for g in groups[1:-1]) and 1 <= len(groups[-1]) <= 4 \
            and (d.startswith("62") or _luhn_ok(d)):           # 62: UnionPay, not all of whose cards are Luhn
        return _mask_run(d)
    if one:
        return _mask_run(d)
    return None


def _is_plain_quantity(norm: str, start: int, end: int, digits: str) -> bool:
    """A long run that is an amount (followed by 元/万/%/a decimal part …), a decimal fraction or a date."""
    if _AFTER_AMOUNT.match(norm, end):
        return True
    if start >= 2 and norm[start - 1] == "." and norm[start - 2].isdigit():
        return True
    if len(digits) == 8 and _date_ok(int(digits[:4]), int(digits[4:6]), int(digits[6:])) and digits[0] in "12":
        return True
    return False


def _mask_token(text: str, norm: str, start: int, end: int) -> str:
    """One run of digit groups (norm[start:end]) with its personal numbers masked, the rest as in `text`."""
    tok = norm[start:end]
    spans = [(m.start(), m.end(), m.group(0).replace(_IGN, "")) for m in _GROUP.finditer(tok)]
    plus = tok.lstrip(_IGN).startswith("+")
    out: list[str] = []
    pos = 0                       # in tok: what is written out so far
    i, k = 0, len(spans)
    while i < k:
        found = None
        last, total = i, 0        # a personal number has at most 20 digits: join no more groups than that
        while last < k and total + len(spans[last][2]) <= MAX_DIGITS:
            total += len(spans[last][2])
            last += 1
        for j in range(max(last, i + 1) - 1, i - 1, -1):
            groups = [sp[2] for sp in spans[i:j + 1]]
            masked = _classify(groups, plus and i == 0)
            if masked is None and groups[-1][-1] in "Xx":
                if len(groups[-1]) == 1:
                    continue      # a separate X that does not end an ID: tried without it next
                # an X right after a number that is not an 18-digit ID is a letter, not part of the number
                m2 = _classify(groups[:-1] + [groups[-1][:-1]], plus and i == 0)
                masked = None if m2 is None else m2 + groups[-1][-1]
            if masked is not None and j == i and masked.startswith("*") and \
                    _is_plain_quantity(norm, start + spans[i][0], start + spans[i][1], groups[0].rstrip("Xx")):
                masked = None
            if masked is not None:
                found = (j, masked)
                break
        if found is None:
            i += 1
            continue
        j, masked = found
        a = 0 if i == 0 else spans[i][0]          # the prefix (+, parenthesis) goes with the first number
        out.append(text[start + pos:start + a])
        out.append(masked)
        pos = spans[j][1]
        i = j + 1
    out.append(text[start + pos:end])
    return "".join(out)


def mask_pii(text: Any) -> Any:
    """'610328199001011234' → '610328********1234'; '139-1234-5678' → '139****5678'; not a str: returned as is."""
    if not text or not isinstance(text, str) or not _ANY_DIGIT.search(text):
        return text
    norm = text.translate(_TABLE)
    out: list[str] = []
    last = 0
    for m in _TOKEN.finditer(norm):
        s, e = m.span()
        if e - s < MIN_RUN:
            continue
        masked = _mask_token(text, norm, s, e)
        if masked != text[s:e]:
            out.append(text[last:s])
            out.append(masked)
            last = e
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def _mask_number(x: int) -> Any:
    """An integer that is a personal number (ID, mobile, landline — not any long run: timestamps stay) → masked str."""
    s = str(x)
    if len(s) < 11:
        return x
    if ID18.fullmatch(s) or ID15.fullmatch(s) or _MOBILE.fullmatch(s) or \
            (s.startswith("86") and _MOBILE.fullmatch(s[2:])):
        return mask_pii(s)
    return x


def mask_in(obj: Any) -> Any:
    """A copy of a JSON-like value (dicts, lists, tuples, strings, numbers) with every string — keys too — masked.
    Integers that are an ID or a phone number become their masked string. Iterative: any depth is fine."""
    def one(v: Any) -> tuple[Any, bool]:
        if isinstance(v, str):
            return mask_pii(v), False
        if isinstance(v, bool) or v is None:
            return v, False
        if isinstance(v, int):
            return _mask_number(v), False
        if isinstance(v, dict):
            return {}, True
        if isinstance(v, (list, tuple)):
            return [], True
        return v, False

    root, container = one(obj)
    if not container:
        return root
    stack: list[tuple[Any, Any]] = [(obj, root)]
    while stack:
        src, dst = stack.pop()
        if isinstance(src, dict):
            for key, val in src.items():
                new, cont = one(val)
                dst[mask_pii(key) if isinstance(key, str) else key] = new
                if cont:
                    stack.append((val, new))
        else:
            for val in src:
                new, cont = one(val)
                dst.append(new)
                if cont:
                    stack.append((val, new))
    if isinstance(obj, tuple):
        return tuple(root)
    return root


# ------------------------------------------------------------------------------------------------ ledger ID cells
_ID_DROP = re.compile(r"[\s\x00\-.]+")
_ID_CELL = re.compile(r"[0-9]{17}[0-9X]|[0-9]{15}")


def id_digits(value: Any) -> str:
    """An ID cell as the characters to check and mask: NFKC (full-width digits and X made ASCII), spaces, dashes,
    dots and zero-width characters between the groups dropped."""
    s = str(value if value is not None else "")
    if not s:
        return ""
    s = unicodedata.normalize("NFKC", s.translate(_TABLE))
    return _ID_DROP.sub("", s)


def mask_id(value: Any) -> str:
    """An ID cell (the ledger's 身份证号): an ID number as mask_pii shows it (first 6, last 4); anything else: all
    but the last 2 characters."""
    return mask_id_chars(id_digits(value))


def mask_id_chars(s: str) -> str:
    """mask_id of an already normalised cell (id_digits)."""
    if not s:
        return ""
    if s[-1:] == "x":
        s = s[:-1] + "X"
    if _ID_CELL.fullmatch(s):
        return _mask_id_number(s)
    if len(s) <= 2:
        return "*" * len(s)
    return "*" * (len(s) - 2) + s[-2:]


# ------------------------------------------------------------------------------------------------ masked tokens
# digits or X next to a run of 3+ '*' (half- or full-width; '**' is Markdown bold, '3*5' a product), with the
# dash of a masked landline and the +86 of a masked mobile: one masked number
MASKED_TOKEN = re.compile(r"(?:[+＋]?86[ -]?)?(?:[0-9０-９]+[-－]?)?(?:[*＊]{3,}[0-9０-９XxＸ]*)+")


def masked_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every masked number in a text: '新招了610328********1234' → [(3, 21)]."""
    if not text or ("*" not in text and "＊" not in text):
        return []
    return [m.span() for m in MASKED_TOKEN.finditer(text)]


def mask_sender(sender_id: str) -> str:
    """A user id for logs and the audit log: channel prefix and a short stable hash, never the id itself."""
    sender_id = str(sender_id or "")
    prefix = sender_id.split(":", 1)[0] + ":" if ":" in sender_id else ""
    return prefix + hashlib.sha256(sender_id.encode("utf-8")).hexdigest()[:12]


if __name__ == "__main__":   # pragma: no cover - a quick manual check
    for line in sys.stdin:
        print(mask_pii(line.rstrip("\n")))
