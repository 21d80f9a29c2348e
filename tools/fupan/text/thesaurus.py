"""The thesaurus: groups of terms that mean the same to people searching.

A knowledge base's ``reviews/synonyms.yml`` is either a list of groups, which extends
the built-in groups below, or ``{replace: true, groups: [...]}``, which replaces them;
``general: false`` in that mapping turns off the general thesaurus (:mod:`.cilin`).
"""

from __future__ import annotations

from pathlib import Path

from ..entries.source import SourceError, decode, parse_yaml, read_file
from ..lang import Message
from ..model import Problem
from .words import index_term

# Each group with its English words, so that a query in English (the IT colleague's,
# a bilingual unit's) finds the Chinese entries that say it.
BUILTIN: list[list[str]] = [
    ["报名", "参与", "参加", "参赛", "registration", "signup", "enrollment", "participation"],
    ["经费", "预算", "资金", "费用", "budget", "funding", "expense", "cost", "money"],
    ["通知", "传达", "告知", "notice", "notification"],
    ["宣传", "宣贯", "动员", "publicity", "promotion"],
    ["场地", "场馆", "会场", "venue"],
    ["职工", "员工", "工人", "staff", "employee", "worker"],
    ["班组", "班站", "team"],
    ["帮扶", "慰问", "救助", "aid", "relief"],
    ["困难职工", "困难户", "帮扶对象"],
    ["隐患", "风险", "hazard", "risk"],
    ["整改", "改正", "纠正", "rectification"],
    ["培训", "教育", "讲座", "training", "lecture"],
    ["延期", "推迟", "延误", "delay", "postponement"],
    ["天气", "下雨", "降雨", "高温", "weather", "rain", "heat"],
    ["后勤", "保障", "logistics"],
    ["物资", "物品", "奖品", "supplies", "prize"],
    ["满意度", "满意率", "satisfaction"],
    ["统计", "汇总", "台账", "statistics"],
    ["奖励", "激励", "表彰", "reward", "award"],
    ["安全", "安全生产", "safety"],
    ["技能", "技术", "岗位技能", "skill"],
    ["不足", "偏少", "偏低", "不够", "shortage", "insufficient"],
    ["倒班", "轮班", "shift"],
]


class Thesaurus:
    """The knowledge base's groups; ``general`` says whether 同义词词林's groups
    (:mod:`fupan.text.cilin`) count too, below these."""

    def __init__(self, groups: list[list[str]], general: bool = True):
        self.general = general
        self._equiv: dict[str, set[str]] = {}
        for group in groups:
            terms = {t.strip().lower() for t in group if str(t).strip()}
            # an English word is looked up as the index keeps it too (notice → notic)
            kept = {t: index_term(t) if t.isascii() else t for t in terms}
            for term in terms:
                for key in {term, kept[term]} - {""}:
                    others = {t for t in terms if key not in (t, kept[t])}
                    self._equiv.setdefault(key, set()).update(others)

    def synonyms(self, term: str) -> set[str]:
        """Other terms that mean the same as ``term`` (not ``term`` itself)."""
        return self._equiv.get(term.lower(), set())


MAX_GROUP_TERMS = 50  # a group means one thing; every term of it is paired with every other


def load_thesaurus(path: Path) -> Thesaurus:
    """The built-in groups, extended or replaced by the knowledge base's file; parts of
    the file that cannot be used are left out (``fupan check`` names them)."""
    return read_thesaurus(path, path.name)[0]


def read_thesaurus(path: Path, rel: str) -> tuple[Thesaurus, list[Problem]]:
    """The thesaurus and the problems of the file at ``path`` (``rel`` in messages)."""
    if not path.exists():
        return Thesaurus(BUILTIN), []
    try:
        data, lines, _ = parse_yaml(decode(read_file(path)))
    except SourceError as e:
        return Thesaurus(BUILTIN), [e.problem(rel)]
    replace, general = False, True
    if isinstance(data, dict) and set(data) <= {"replace", "general", "groups"}:
        replace, general = bool(data.get("replace")), data.get("general", True) is not False
        data, at = data.get("groups"), ("groups",)
    else:
        at = ()
    if data is None:
        data = []
    if not isinstance(data, list):
        return Thesaurus(BUILTIN), [Problem.of(rel, 1, "error", "check.synonyms_shape")]
    groups, problems = [], []
    for i, group in enumerate(data):
        line = lines.get((*at, i), 1)
        if not isinstance(group, list) or not all(isinstance(t, str | int) for t in group):
            shape = Message("check.synonyms_shape")
            problems.append(Problem.of(rel, line, "error", "check.synonyms_group", shape=shape))
        elif len(group) > MAX_GROUP_TERMS:
            problems.append(
                Problem.of(
                    rel, line, "error", "check.synonyms_big", n=len(group), max=MAX_GROUP_TERMS
                )
            )
        else:
            groups.append([str(t) for t in group])
    return Thesaurus(groups if replace else BUILTIN + groups, general), problems
