"""The thesaurus: groups of terms that mean the same to people searching.

A knowledge base's ``reviews/synonyms.yml`` is either a list of groups, which extends
the built-in groups below, or ``{replace: true, groups: [...]}``, which replaces them.
"""

from __future__ import annotations

from pathlib import Path

from ..entries.source import SourceError, decode, parse_yaml
from ..errors import FupanError

BUILTIN: list[list[str]] = [
    ["报名", "参与", "参加", "参赛"],
    ["经费", "预算", "资金", "费用"],
    ["通知", "传达", "告知"],
    ["宣传", "宣贯", "动员"],
    ["场地", "场馆", "会场"],
    ["职工", "员工", "工人"],
    ["班组", "班站"],
    ["帮扶", "慰问", "救助"],
    ["困难职工", "困难户", "帮扶对象"],
    ["隐患", "风险"],
    ["整改", "改正", "纠正"],
    ["培训", "教育", "讲座"],
    ["延期", "推迟", "延误"],
    ["天气", "下雨", "降雨", "高温"],
    ["后勤", "保障"],
    ["物资", "物品", "奖品"],
    ["满意度", "满意率"],
    ["统计", "汇总", "台账"],
    ["奖励", "激励", "表彰"],
    ["安全", "安全生产"],
    ["技能", "技术", "岗位技能"],
    ["不足", "偏少", "偏低", "不够"],
    ["registration", "signup", "enrollment"],
    ["budget", "funding", "expense"],
]


class Thesaurus:
    def __init__(self, groups: list[list[str]]):
        self._equiv: dict[str, set[str]] = {}
        for group in groups:
            terms = {t.strip().lower() for t in group if str(t).strip()}
            for term in terms:
                self._equiv.setdefault(term, set()).update(terms - {term})

    def synonyms(self, term: str) -> set[str]:
        """Other terms that mean the same as ``term`` (not ``term`` itself)."""
        return self._equiv.get(term.lower(), set())


def load_thesaurus(path: Path) -> Thesaurus:
    """The built-in groups, extended or replaced by the knowledge base's file."""
    if not path.exists():
        return Thesaurus(BUILTIN)
    try:
        data, _, _ = parse_yaml(decode(path.read_bytes()))
    except SourceError as e:
        raise FupanError(f"{path.name}:{e.line}: {e.message}") from None
    replace = False
    if isinstance(data, dict):
        replace, data = bool(data.get("replace")), data.get("groups")
    if data is None:
        data = []
    if not isinstance(data, list) or not all(isinstance(g, list) for g in data):
        raise FupanError(
            f"{path.name}: must be a list of groups, e.g. '- [报名, 参与, 参加]', "
            "or {replace: true, groups: [...]}"
        )
    groups = [[str(t) for t in g] for g in data]
    return Thesaurus(groups if replace else BUILTIN + groups)
