"""Date ranges written in a question: "since 2024", "in January", "before March 2025".

A range is two ISO date strings, inclusive; None is open. Statement dates may be whole dates
("2025-02-09"), months ("2025-01") or years ("2025"); a statement is in a range when its own
span of days meets it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# One point in time as written: "2024", "January", "January 2025", "Jan. 5, 2025", "2025-02-12".
_POINT = (
    rf"(?:\d{{4}}-\d{{2}}(?:-\d{{2}})?|(?:{_MONTH})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?"
    rf"(?:,?\s+\d{{4}})?|\d{{4}})"
)
_RANGE = re.compile(
    rf"\b(?:(?P<between>between|from)\s+(?P<a>{_POINT})\s+(?:and|to|until|through)\s+"
    rf"(?P<b>{_POINT})|(?P<since>since|after|from)\s+(?P<c>{_POINT})"
    rf"|(?P<before>before|until|till)\s+(?P<d>{_POINT})|(?P<inside>in|during|on)\s+(?P<e>{_POINT}))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateRange:
    start: str | None  # "2024-01-01", inclusive
    end: str | None  # "2024-12-31", inclusive
    text: str  # the words of the question that gave it ("since 2024")

    def holds(self, date: str) -> bool:
        """Whether a statement dated `date` (day, month or year) can fall in the range."""
        first, last = span_of(date)
        return (self.start is None or last >= self.start) and (
            self.end is None or first <= self.end
        )


def span_of(date: str) -> tuple[str, str]:
    """The first and last day a date, month or year stands for."""
    if len(date) == 4:
        return f"{date}-01-01", f"{date}-12-31"
    if len(date) == 7:
        year, month = int(date[:4]), int(date[5:7])
        return f"{date}-01", f"{date}-{calendar.monthrange(year, month)[1]:02d}"
    return date, date


def _point(text: str, latest: str) -> tuple[str, str] | None:
    """The first and last day of a written point; a month without a year is the latest such
    month up to `latest` (the newest statement the question can be about)."""
    text = text.strip().lower().rstrip(".,")
    iso = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", text)
    if iso:
        return span_of(text)
    if re.fullmatch(r"\d{4}", text):
        return span_of(text)
    found = re.fullmatch(
        rf"({_MONTH})\.?(?:\s+(\d{{1,2}})(?:st|nd|rd|th)?)?(?:,?\s+(\d{{4}}))?", text
    )
    if not found:
        return None
    month = MONTHS[found.group(1)]
    year = int(found.group(3)) if found.group(3) else int(latest[:4])
    if not found.group(3) and f"{year}-{month:02d}" > latest[:7]:
        year -= 1  # "in December", asked about statements up to February: the last December
    if found.group(2):
        day = min(int(found.group(2)), calendar.monthrange(year, month)[1])
        date = f"{year}-{month:02d}-{day:02d}"
        return date, date
    return span_of(f"{year}-{month:02d}")


def find_range(question: str, latest: str) -> DateRange | None:
    """The date range the question asks about, if it gives one; `latest` is an ISO date."""
    match = _RANGE.search(question)
    if not match:
        return None
    if match["between"]:
        a, b = _point(match["a"], latest), _point(match["b"], latest)
        return DateRange(a[0], b[1], match.group()) if a and b else None
    if match["since"]:
        a = _point(match["c"], latest)
        if a is None:
            return None
        # "since 2024" includes 2024; "after 2024" starts once 2024 is over.
        start = a[0] if match["since"].lower() in ("since", "from") else _next_day(a[1])
        return DateRange(start, None, match.group())
    if match["before"]:
        b = _point(match["d"], latest)
        return DateRange(None, _previous_day(b[0]), match.group()) if b else None
    e = _point(match["e"], latest)
    return DateRange(e[0], e[1], match.group()) if e else None


def _next_day(date: str) -> str:
    import datetime as dt

    return (dt.date.fromisoformat(date) + dt.timedelta(days=1)).isoformat()


def _previous_day(date: str) -> str:
    import datetime as dt

    return (dt.date.fromisoformat(date) - dt.timedelta(days=1)).isoformat()
