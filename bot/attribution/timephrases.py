"""Time phrases ("on Sunday", "last month", "in November") resolved against publication.

A statement's date is the most recent day matching the phrase on or before the article's
publication: news reports the past. Precision follows the phrase: a weekday gives a day,
"last month" a year-month, "in 2018" a year.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.attribution.lexicons import MONTHS, WEEKDAYS
from bot.attribution.model import When

_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
)


def _month(name: str) -> str:
    return f"(?P<{name}>{_MONTHS})"


_MONTH = _month("month")
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMBER = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "several": None,
    "few": None,
}

_PHRASE = re.compile(
    # "on Jan. 20, 2025", "Feb. 9", "on March 3rd"
    rf"(?P<full>(?:\bon\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
    r"(?:,?\s+(?P<dyear>\d{4})\b)?)"
    # "on Sunday", "Tuesday night"
    rf"|(?P<wd>(?:\b(?:on|last|this\s+past|late|early)\s+)?\b{_WEEKDAY}\b"
    r"(?:\s+(?:morning|afternoon|evening|night))?)"
    # "in November", "last June", "in July 2018", "earlier in March"
    rf"|(?P<mon>\b(?:(?:in|last|this|early|late|earlier|mid-?|during)\s+(?:in\s+)?)"
    rf"{_month('month2')}(?:\s+(?P<myear>\d{{4}}))?\b|\b{_month('month3')}\s+(?P<myear2>\d{{4}})\b)"
    # "in 2018"
    r"|(?P<year>\b(?:in|during)\s+(?P<yval>(?:19|20)\d\d)\b)"
    # "last month", "earlier this week"
    r"|(?P<rel>\b(?:earlier\s+|late\s+|early\s+)?(?P<which>last|this|past)\s+"
    r"(?P<unit>week|month|year|weekend)\b)"
    # "yesterday", "on Tuesday" handled above; "today", "last night"
    r"|(?P<day0>\b(?:yesterday|today|tonight|this\s+(?:morning|afternoon|evening)|"
    r"last\s+night|earlier\s+today)\b)"
    # "three days ago"
    r"|(?P<ago>\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?P<aunit>day|week|month|year)s?\s+ago\b)",
    re.IGNORECASE,
)


# Words a time phrase is built around. Each pattern below is followed by \b, so at most one
# can match at an offset and their order does not matter.
_ANCHOR_WORDS = (
    r"Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    r"May June July August September October November December Jan Feb Aug Sept Sep Oct Nov "
    r"Dec 19\d\d 20\d\d Yesterday yesterday Today today Tonight tonight week month year weekend "
    r"night morning afternoon evening ago"
).split()


def _by_first_character(words: list[str]) -> str:
    """ "M(?:onday|arch|ay)|T(?:uesday|…)|…": grouped by first character, so that the engine
    tries only the words with the right first letter, and every alternative starts with a
    literal (the engine then skips the offsets no word starts at, in C)."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{first}(?:{'|'.join(rest)})" for first, rest in rests.items())


_ANCHOR = re.compile(rf"(?:{_by_first_character(_ANCHOR_WORDS)})\b")


def publication_when(published: date | None) -> When | None:
    if published is None:
        return None
    return When(phrase=None, date=published.isoformat(), from_publication=True)


def _month_before(published: date, month: int, strictly: bool) -> tuple[int, int]:
    year = published.year
    if month > published.month or (strictly and month == published.month):
        year -= 1
    return year, month


def _shift_month(published: date, months: int) -> tuple[int, int]:
    index = published.year * 12 + published.month - 1 - months
    return index // 12, index % 12 + 1


def _resolve(match: re.Match[str], published: date | None) -> str | None:
    """The ISO date (or year-month, or year) the phrase names; None if it cannot be known."""
    group = match.lastgroup
    if group == "full":
        month = MONTHS[match["month"].lower().rstrip(".")]
        day = int(match["day"])
        if match["dyear"]:
            year = int(match["dyear"])
        elif published is None:
            return None
        else:
            year = published.year
            if (month, day) > (published.month, published.day):
                year -= 1
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return None
    if group == "year":
        return match["yval"]
    if group == "mon":
        month = MONTHS[(match["month2"] or match["month3"]).lower().rstrip(".")]
        explicit = match["myear"] or match["myear2"]
        if explicit:
            return f"{int(explicit):04d}-{month:02d}"
        if published is None:
            return None
        strictly = match.group().lower().startswith("last")
        year, month = _month_before(published, month, strictly)
        return f"{year:04d}-{month:02d}"
    if published is None:
        return None
    if group == "wd":
        weekday = WEEKDAYS[match["weekday"].lower()]
        back = (published.weekday() - weekday) % 7
        if back == 0 and match.group().lower().startswith("last"):
            back = 7
        return (published - timedelta(days=back)).isoformat()
    if group == "rel":
        unit, which = match["unit"].lower(), match["which"].lower()
        if unit == "year":
            return str(published.year - (which in ("last", "past")))
        if unit == "month":
            year, month = _shift_month(published, 1 if which in ("last", "past") else 0)
            return f"{year:04d}-{month:02d}"
        back = 7 if which in ("last", "past") else 0
        week = published - timedelta(days=back)
        return f"{week.year:04d}-{week.month:02d}"  # a week is only known to its month
    if group == "day0":
        word = match.group().lower()
        back = 1 if word.startswith(("yesterday", "last")) else 0
        return (published - timedelta(days=back)).isoformat()
    if group == "ago":
        n = _NUMBER.get(match["n"].lower()) if not match["n"].isdigit() else int(match["n"])
        if n is None:
            return None
        unit = match["aunit"].lower()
        if unit == "day":
            return (published - timedelta(days=n)).isoformat()
        if unit == "week":
            return (published - timedelta(days=7 * n)).isoformat()
        if unit == "month":
            year, month = _shift_month(published, n)
            return f"{year:04d}-{month:02d}"
        return str(published.year - n)
    return None


def find_time(text: str, lo: int, hi: int, published: date | None) -> When | None:
    """The first resolvable time phrase in text[lo:hi], or None."""
    for match in _PHRASE.finditer(text, lo, hi):
        name = match["month"] or match["month2"] or match["month3"] or match["weekday"]
        if name is not None and not name[0].isupper():
            continue  # "may" the verb, "march" the noun
        resolved = _resolve(match, published)
        if resolved is not None:
            return When(phrase=match.group().strip(), date=resolved, from_publication=False)
    return None


class TimeIndex:
    """Time phrases of one article, found on demand inside the short windows where a
    statement's time can be given; the full pattern is slow to try at every offset, so it
    is only tried where a cheap anchor word ("Sunday", "month", "2018") occurs."""

    def __init__(self, text: str, published: date | None) -> None:
        self.text = text
        self.published = published
        # The fallback of every quotation without a time phrase: built once per article.
        self.publication = publication_when(published)

    def find(self, lo: int, hi: int) -> When | None:
        """The first resolvable phrase lying wholly inside [lo, hi)."""
        text = self.text
        seen = lo
        for anchor in _ANCHOR.finditer(text, lo, hi):
            anchor_start = anchor.start()
            if anchor_start < seen:
                continue
            # Try the phrase starting at the anchor or up to three words before it
            # ("on Sunday", "earlier this week", "two days ago"), earliest first.
            starts = [anchor_start]
            j = anchor_start
            for _ in range(3):
                k = j
                while k > lo and text[k - 1] in " \t":
                    k -= 1
                m = k
                while m > lo and text[m - 1].isalnum():
                    m -= 1
                if m == k or m < seen:
                    break
                starts.append(m)
                j = m
            for start in reversed(starts):
                match = _PHRASE.match(text, start, hi)
                if match is None or match.end() <= anchor_start:
                    continue
                seen = match.end()
                name = match["month"] or match["month2"] or match["month3"] or match["weekday"]
                if name is not None and not name[0].isupper():
                    break  # "may" the verb, "march" the noun
                resolved = _resolve(match, self.published)
                if resolved is not None:
                    return When(match.group().strip(), resolved, False)
                break
        return None
