"""Every label the site shows, one table per language."""

from __future__ import annotations

ZH: dict[str, str] = {
    "unit": "单位", "campaign": "活动", "period": "时间", "category": "类别", "author": "撰写人",
    "rating": "落实效果", "tags": "标签", "date": "日期", "title": "标题", "year": "年份",
    "summary": "一、总结", "reflection": "二、反思", "improvement": "三、改进",
    "metrics": "指标", "metric": "指标", "target": "目标", "actual": "实际", "completion": "完成率",
    "actions": "改进措施", "action": "措施", "owner": "责任人", "due": "完成时限", "status": "状态",
    "status_open": "待办", "status_doing": "进行中", "status_done": "已完成",
    "status_dropped": "已放弃", "overdue": "逾期",
    "same_campaign": "同一活动的其他单位复盘", "similar": "相似问题的复盘",
    "lesson": "经验状态", "lesson_identified": "已识别（改进未完成）",
    "lesson_learned": "已吸取（改进已完成、未复发）",
    "units": "单位", "campaigns": "活动对比", "tracking": "改进跟踪", "tag_index": "标签",
    "categories": "类别", "years": "年份", "browse": "筛选", "home": "首页",
    "entries": "复盘", "entry_count": "复盘数", "unit_count": "单位数",
    "campaign_count": "活动数", "open_actions": "未完成措施", "overdue_actions": "逾期措施",
    "done_ratio": "完成比例", "action_count": "措施数", "latest": "最新复盘",
    "unit_entries": "全部复盘", "unit_open": "未完成与逾期的措施",
    "unit_trend": "落实效果与指标完成率", "metric_completion": "指标平均完成率",
    "compare_table": "横向对比", "best": "最佳", "weakest": "待提升",
    "charts": "指标对比图", "shared_tags": "多个单位共同的问题",
    "no_shared_tags": "各单位没有共同的问题标签。", "units_reviewed": "参与复盘的单位",
    "per_unit_completion": "各单位措施完成情况", "from_entry": "来源复盘",
    "none": "无", "all_done": "没有未完成的措施。", "entries_with_tag": "带有此标签的复盘",
    "dashboard_campaigns": "各活动的复盘单位数", "group": "分组",
    "invalid_entries": "格式有误、未发布的复盘文件",
    "score_note": "最佳与待提升按指标平均完成率（无指标时按落实效果）判断。",
    "chart_title": "{metric}：各单位完成率", "of_target": "目标 {target}，实际 {actual}",
    "browse_placeholder": "输入关键词筛选…", "all": "全部", "results": "条结果",
    "search_placeholder": "搜索复盘", "reset": "清除筛选",
}

EN: dict[str, str] = {
    "unit": "Unit", "campaign": "Campaign", "period": "Period", "category": "Category",
    "author": "Author", "rating": "Rating", "tags": "Tags", "date": "Date", "title": "Title",
    "year": "Year", "summary": "Summary", "reflection": "Reflection",
    "improvement": "Improvement", "metrics": "Metrics", "metric": "Metric", "target": "Target",
    "actual": "Actual", "completion": "Completion", "actions": "Improvement actions",
    "action": "Action", "owner": "Owner", "due": "Due", "status": "Status",
    "status_open": "open", "status_doing": "doing", "status_done": "done",
    "status_dropped": "dropped", "overdue": "overdue",
    "same_campaign": "Other units on this campaign", "similar": "Reviews with similar problems",
    "lesson": "Lesson", "lesson_identified": "identified (actions not finished)",
    "lesson_learned": "learned (actions done, no relapse)",
    "units": "Units", "campaigns": "Campaigns", "tracking": "Tracking", "tag_index": "Tags",
    "categories": "Categories", "years": "Years", "browse": "Browse", "home": "Home",
    "entries": "Reviews", "entry_count": "Reviews", "unit_count": "Units",
    "campaign_count": "Campaigns", "open_actions": "Open actions",
    "overdue_actions": "Overdue actions", "done_ratio": "Done", "action_count": "Actions",
    "latest": "Latest reviews", "unit_entries": "All reviews",
    "unit_open": "Open and overdue actions", "unit_trend": "Ratings and metric completion",
    "metric_completion": "Mean metric completion", "compare_table": "Side by side",
    "best": "best", "weakest": "weakest", "charts": "Metrics compared",
    "shared_tags": "Problems several units share", "no_shared_tags": "No problem tag is shared.",
    "units_reviewed": "Units that reviewed it", "per_unit_completion": "Completion per unit",
    "from_entry": "From", "none": "none", "all_done": "No open actions.",
    "entries_with_tag": "Reviews with this tag",
    "dashboard_campaigns": "Units that reviewed each campaign", "group": "Group",
    "invalid_entries": "Entry files with errors, not published",
    "score_note": "Best and weakest by mean metric completion (the rating without metrics).",
    "chart_title": "{metric}: completion by unit", "of_target": "target {target}, actual {actual}",
    "browse_placeholder": "Type to filter…", "all": "All", "results": "results",
    "search_placeholder": "Search reviews", "reset": "Clear filters",
}

LABELS = {"zh": ZH, "en": EN}


def labels(language: str) -> dict[str, str]:
    """Chinese unless the site's language is English."""
    return LABELS["en"] if language.lower().startswith("en") else LABELS["zh"]
