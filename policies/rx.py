"""Python's re, with a cache large enough for this project's patterns: `from policies import rx as re`.

re keeps the last 512 patterns it compiled (re._MAXCACHE). The conversation core writes about 1,400 patterns where
they are used (`re.search(r"…", text)`), so a turn recompiled hundreds of them, a third of its time (cProfile of the
held-out conversations played through assistant.turn.policy_turn). Here every pattern is compiled once per process;
the functions and names are re's own."""
from __future__ import annotations

import re as _re
from functools import lru_cache
from re import (A, ASCII, DOTALL, I, IGNORECASE, L, LOCALE, M, MULTILINE, S, U, UNICODE, VERBOSE, X,  # noqa: F401
                Match, Pattern, error, escape, purge)

__all__ = ["compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer", "escape",
           "error", "Pattern", "Match", "purge", "A", "ASCII", "DOTALL", "I", "IGNORECASE", "L", "LOCALE", "M",
           "MULTILINE", "S", "U", "UNICODE", "VERBOSE", "X"]


# (a compiled pattern given is its own key: re.compile gives it back)
compile = lru_cache(maxsize=8192)(_re.compile)     # noqa: A001 (re's name)


def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)


def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)


def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)
