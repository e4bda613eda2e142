"""Dates as readers read them and as articles write them: month and weekday names (the one
place they are defined), `display_date`, and the finder of date mentions that `--suggest` and
the page furniture use.

A mention is kept with the words it came from. One written without a year ("January 28",
"Jan. 11") or as a weekday ("on Thursday", "last Monday") is resolved against the article's
publication date, and says so, so that an editor can check it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
CALENDAR_WORDS = frozenset(name.casefold() for name in MONTHS + WEEKDAYS)

# A month as articles write it: "January", "Jan", "Jan.", "Sept." ("May" has no short form).
_MONTH_NAMES = {name.casefold(): number for number, name in enumerate(MONTHS, 1)}
_MONTH_NAMES.update({name[:3].casefold(): number for number, name in enumerate(MONTHS, 1)})
_MONTH_NAMES["sept"] = 9
_MONTH = (r"(?P<month>(?:" + "|".join(MONTHS) + r")\b|(?:"
          + "|".join(sorted({m[:3] for m in MONTHS} | {"Sept"} - {"May"}, reverse=True))
          + r")\b\.?)")
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_NOT_A_NUMBER_GOES_ON = r"(?![\d,.]\d|\d|\s*(?:%|per ?cent))"
# Longest forms first; a shorter form never reports words a longer one already took.
DATE_FORMS = (
    re.compile(rf"\b(?:{_WEEKDAY},? )?{_DAY} {_MONTH},? {_YEAR}(?!\d)"),
    re.compile(rf"\b(?:{_WEEKDAY},? )?{_MONTH} {_DAY},? {_YEAR}(?!\d)"),
    re.compile(rf"\b(?:{_WEEKDAY},? )?{_DAY} {_MONTH}(?! \d)"),
    re.compile(rf"\b(?:{_WEEKDAY},? )?{_MONTH} {_DAY}\b{_NOT_A_NUMBER_GOES_ON}"),
    re.compile(rf"\b{_MONTH},? (?:of )?{_YEAR}(?!\d)"),
    re.compile(rf"\b(?:(?P<month_relation>[Ll]ast|[Nn]ext|[Tt]his) "
               rf"|(?:[Ii]n|[Bb]y|[Ss]ince|[Uu]ntil|from|through|during|before|after|[Ee]arly"
               rf"|[Ll]ate|of|[Mm]id)[ -])"
               rf"(?P<lone_month>{'|'.join(MONTHS)})\b(?! \d)"),
    re.compile(rf"\b(?:(?P<relation>[Ll]ast|[Nn]ext|[Tt]his|[Tt]his past|[Tt]his coming|[Oo]n) )?"
               rf"{_WEEKDAY}\b(?!s\b)"),
    re.compile(r"\b(?P<relative>[Yy]esterday|[Tt]omorrow)\b"),
    re.compile(rf"(?<![\d$€£,.]){_YEAR}(?!\d|s\b|,\d)"),
)


@dataclass(frozen=True)
class DateMention:
    """A date as an article writes it, and as timeline.yml would: "YYYY", "YYYY-MM", "YYYY-MM-DD".

    `date` is None when it can't be worked out (a weekday in an article with no publication
    date); `resolved_from` is the publication date that supplied a missing year or day.
    """

    phrase: str
    start: int
    date: str | None
    resolved_from: str | None = None
    problem: str = ""


def display_date(date: str) -> str:
    """"2019" → "2019"; "2019-07" → "July 2019"; "2019-07-12" → "12 July 2019"."""
    parts = date.split("-")
    if len(parts) == 1:
        return date
    month = MONTHS[int(parts[1]) - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def month_number(word: str) -> int:
    return _MONTH_NAMES[word.rstrip(".").casefold()]


def parse_published(published: str | None) -> tuple[int, int | None, datetime.date | None] | None:
    """`published` ("YYYY", "YYYY-MM", "YYYY-MM-DD") → (year, month or None, date or None)."""
    if not published:
        return None
    parts = [int(p) for p in published.split("-")]
    if len(parts) == 3:
        return parts[0], parts[1], datetime.date(*parts)
    return parts[0], (parts[1] if len(parts) == 2 else None), None


def real_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:  # 30 February
        return None


def year_for(month: int, day: int, published: tuple) -> int:
    """The year of a day written without one, as a reader of the article on its publication
    date would take it: the same month is this year; a later month is usually last year's,
    unless it falls within a week after publication (an event coming up, across a month or a
    year's end: "Feb. 2" in an article of 30 January); an earlier month is this year's."""
    year, pub_month, pub_date = published
    if pub_month is None or month == pub_month:
        return year
    if pub_date is not None:
        for candidate in (year, year + 1):
            ahead = real_date(candidate, month, day)
            if ahead and datetime.timedelta(0) < ahead - pub_date <= datetime.timedelta(days=7):
                return candidate
    return year - 1 if month > pub_month else year


def weekday_date(weekday: int, relation: str, pub_date: datetime.date) -> datetime.date:
    """"on Thursday": the latest Thursday on or before publication; "last Thursday": before
    it; "next Thursday" / "this coming Thursday": the first one after it."""
    relation = relation.casefold()
    if relation in ("next", "this coming"):
        return pub_date + datetime.timedelta(days=(weekday - pub_date.weekday() - 1) % 7 + 1)
    back = (pub_date.weekday() - weekday) % 7
    if relation in ("last", "this past") and back == 0:
        back = 7
    return pub_date - datetime.timedelta(days=back)


def resolve(match: re.Match, published: str | None) -> DateMention:
    """One matched date → a DateMention, filling in what the words leave out from `published`."""
    found = match.groupdict()
    phrase, start = match.group().strip(), match.start()
    pub = parse_published(published)
    if found.get("relative"):
        if pub is None or pub[2] is None:
            return DateMention(phrase, start, None, problem=needs_full_date(published))
        shift = -1 if found["relative"].casefold() == "yesterday" else 1
        return DateMention(phrase, start, (pub[2] + datetime.timedelta(days=shift)).isoformat(),
                           published)
    if found.get("lone_month"):
        return month_alone(phrase, start, month_number(found["lone_month"]),
                           found.get("month_relation") or "", pub, published)
    month = month_number(found["month"]) if found.get("month") else None
    if month is None and found.get("weekday"):
        if pub is None or pub[2] is None:
            return DateMention(phrase, start, None, problem=needs_full_date(published))
        when = weekday_date(WEEKDAYS.index(found["weekday"]), found.get("relation") or "", pub[2])
        return DateMention(phrase, start, when.isoformat(), published)
    if month is None:
        return DateMention(phrase, start, found["year"])
    if found.get("day") is None:
        return DateMention(phrase, start, f"{found['year']}-{month:02d}")
    day = int(found["day"])
    if found.get("year"):
        year, resolved_from = int(found["year"]), None
    elif pub is None:
        return DateMention(phrase, start, None, problem="no year, and no published date to take "
                                                        "it from")
    else:
        year, resolved_from = year_for(month, day, pub), published
    if real_date(year, month, day) is None:
        return DateMention(phrase, start, None, resolved_from, f"there is no such day in {year}")
    return DateMention(phrase, start, f"{year}-{month:02d}-{day:02d}", resolved_from)


def month_alone(phrase: str, start: int, month: int, relation: str, pub, published: str | None
                ) -> DateMention:
    """"in December", "last March", "next June": the year from the publication date, as for a
    day without a year ("next" is the first such month after publication, "last" the one
    before)."""
    if pub is None:
        return DateMention(phrase, start, None, problem="no year, and no published date to take "
                                                        "it from")
    year, pub_month = pub[0], pub[1]
    relation = relation.casefold()
    if pub_month is None:
        year += {"next": 1, "last": -1}.get(relation, 0)
    elif relation == "next":
        year += month <= pub_month
    elif relation == "last":
        year -= month >= pub_month
    elif month > pub_month:
        year -= 1
    return DateMention(phrase, start, f"{year}-{month:02d}", published)


def needs_full_date(published: str | None) -> str:
    if published:
        return f"the published date {published} has no day to count from"
    return "no published date to count from"


def date_mentions(text: str, published: str | None = None) -> list[DateMention]:
    """Every date a text mentions, in reading order; the words of a longer form ("12 July
    2019") are not reported again by a shorter one ("2019")."""
    found: list[DateMention] = []
    taken: list[range] = []
    for form in DATE_FORMS:
        for match in form.finditer(text):
            span = range(match.start(), match.end())
            if any(span.start < t.stop and t.start < span.stop for t in taken):
                continue
            taken.append(span)
            found.append(resolve(match, published))
    return sorted(found, key=lambda mention: mention.start)


TIME_OF_DAY = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?![\w])", re.I)
DATE_LINE_WORDS = frozenset(
    ["updated", "published", "posted", "last", "modified", "on", "at", "am", "pm", "gmt", "utc",
     "bst", "cet", "est", "edt", "et", "pt", "pst", "pdt", "local", "time"])


def is_date_line(line: str) -> bool:
    """Whether a line is only a date (and maybe a time): "Updated January 30, 2024 10:15 AM"."""
    mentions = [m for m in date_mentions(line) if any(c.isdigit() for c in m.phrase)]
    if not mentions:
        return False
    rest = line
    for mention in sorted(mentions, key=lambda m: -m.start):
        rest = rest[:mention.start] + " " + rest[mention.start + len(mention.phrase):]
    rest = TIME_OF_DAY.sub(" ", rest)
    words = re.findall(r"[^\W\d_]+", rest)
    return all(word.casefold() in DATE_LINE_WORDS for word in words)
