"""A speaker's statements over time: "What has Zelensky said about peace?"."""

from bot.timeline.query import TimelineQuery, parse_timeline
from bot.timeline.timeline import PAGE, Page, timeline_page

__all__ = ["PAGE", "Page", "TimelineQuery", "parse_timeline", "timeline_page"]
