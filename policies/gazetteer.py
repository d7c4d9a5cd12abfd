"""Resolve a place a user names to the policy documents that cover it.

A document covers a place when the document's jurisdiction (its deepest level) lies on the place's path
province → city → county → town. A place above a document's reach (宝鸡市 for 千阳县's document) covers nothing
itself but has `narrower` documents, so the dialogue can ask "are you in 千阳县?". A place no document covers
resolves to no document: never to another region's numbers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .model import Document, PolicySet, default_policies

GAZETTEER_FILE = Path(__file__).resolve().parent / "gazetteer.yaml"
LEVELS = ("province", "city", "county", "town")
_SUFFIXES = ("土家族苗族自治州", "黎族苗族自治县", "黎族自治县", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区",
             "自治州", "自治县", "地区", "省", "市", "县", "区", "镇", "乡")
_GENERIC_TOWNS = {"城关镇"}


@dataclass(frozen=True)
class Place:
    name: str
    level: str                       # province | city | county | town
    path: tuple[str, ...]            # names from the province down to this place

    @property
    def full_name(self) -> str:
        return "".join(self.path)


@dataclass
class Resolution:
    query: str
    place: Place | None
    documents: list[Document] = field(default_factory=list)   # documents that cover this place
    narrower: list[Document] = field(default_factory=list)    # documents for parts of this place

    @property
    def covered(self) -> bool:
        return bool(self.documents)


def _short(name: str) -> str | None:
    for suf in _SUFFIXES:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            return name[: -len(suf)]
    return None


class Gazetteer:
    def __init__(self, policies: PolicySet, path: Path = GAZETTEER_FILE):
        self.policies = policies
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        self.places: list[Place] = []
        self.names: dict[str, list[Place]] = {}    # surface form -> places
        self._walk(raw, ())
        self._pattern = re.compile("|".join(re.escape(n) for n in sorted(self.names, key=len, reverse=True)))

    def _add(self, surface: str, place: Place):
        lst = self.names.setdefault(surface, [])
        if place not in lst:
            lst.append(place)

    def _walk(self, node: dict, path: tuple[str, ...]):
        for name, child in (node or {}).items():
            if name in ("aliases", "towns"):
                continue
            level = LEVELS[len(path)]
            place = Place(name, level, path + (name,))
            self.places.append(place)
            self._add(name, place)
            child = child or {}
            for alias in child.get("aliases") or []:
                self._add(alias, place)
            short = _short(name)
            if short:
                self._add(short, place)
            for town in child.get("towns") or []:
                tp = Place(town, "town", place.path + (town,))
                self.places.append(tp)
                self._add(place.name + town, tp)
                if short:
                    self._add(short + town, tp)
                if town not in _GENERIC_TOWNS:
                    self._add(town, tp)
                    ts = _short(town)
                    if ts:
                        self._add(ts, tp)
            self._walk(child, place.path)

    def covering(self, place: Place) -> tuple[list[Document], list[Document]]:
        cover, narrower = [], []
        for d in self.policies.documents:
            j = d.jurisdiction
            jpath = tuple(j[lvl] for lvl in ("province", "city", "county") if j.get(lvl))
            if place.path[: len(jpath)] == jpath:
                cover.append(d)
            elif jpath[: len(place.path)] == place.path:
                narrower.append(d)
        return cover, narrower

    def find_all(self, text: str) -> list[Place]:
        """Every place named in a text, most specific reading first, duplicates removed."""
        if not text:
            return []
        t = re.sub(r"\s+", "", str(text))
        found: list[Place] = []
        for m in self._pattern.finditer(t):
            cands = self.names[m.group(0)]
            found += [c for c in cands if c not in found]
        # drop a place when a more specific place under it was also named ("千阳县城关镇" -> the town)
        return [p for p in found if not any(q is not p and q.path[: len(p.path)] == p.path for q in found)]

    def resolve(self, text: str) -> Resolution:
        places = self.find_all(text)
        if not places:
            return Resolution(str(text or ""), None)
        # prefer a place a document covers, then the deepest
        places.sort(key=lambda p: (not self.covering(p)[0], -len(p.path)))
        p = places[0]
        cover, narrower = self.covering(p)
        return Resolution(str(text), p, cover, narrower)

    @staticmethod
    def scope_of(home: Place | None, work: Place | None) -> str | None:
        """Where someone works, seen from home: 跨省, 跨市, 跨县 or 本县; None when the names are not deep enough
        to tell (a province only), or either place is unknown. The one owner of this comparison (chat, ledger)."""
        if home is None or work is None:
            return None
        hp, wp = home.path, work.path
        if hp[0] != wp[0]:
            return "跨省"
        if len(hp) > 1 and len(wp) > 1 and hp[1] != wp[1]:
            return "跨市"
        if len(hp) > 2 and len(wp) > 2:
            return "本县" if hp[2] == wp[2] else "跨县"
        return None

    def scope(self, home_name: str, work_name: str) -> str | None:
        return self.scope_of(self.resolve(home_name).place, self.resolve(work_name).place)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return Gazetteer(default_policies())
