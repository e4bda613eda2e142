"""The story as an Atom feed (RFC 4287): one entry per article and one per reviewed timeline
event (a drafted one is the editor's, not yet the readers').

Readers follow the explainer in a feed app. Entry ids are the canonical URLs of what they
announce (an article's page, an event's place on the timeline), which depend only on the
article's file name or the event's date and headline: a rebuild, or a follow-up article,
never gives an entry a new id, so a feed app never shows it twice.

Atom requires an `updated` time on the feed and on every entry. Dates are the data's own
(an article's `published`, an event's date at its precision, taken as its first day); an
article with no date has no `published` and takes the feed's `updated`: the newest date the
story knows. An event still to come (a hearing in May, told of in March) is an entry from the
day the story first told of it: a feed never holds an entry dated after its newest article.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from .. import urls
from ..characters import replace_unfit
from ..dates import first_day
from ..model import Article, Event, Explainer
from ..read.furniture import has_final_punctuation
from ..understand.standalone import standalone

ATOM = "http://www.w3.org/2005/Atom"
FEED = "feed.xml"
TEXT_CONSTRUCTS = ("title", "subtitle", "summary")
NO_DATE = "1970-01-01"  # only for a story without a single date (no event, no dated article)


@dataclass(frozen=True)
class FeedEntry:
    id: str
    title: str
    link: str
    updated: str  # "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    published: str | None
    summary: str
    author: str | None


def atom_time(date: str) -> str:
    """"2019" → "2019-01-01T00:00:00Z"; "2019-07" → "2019-07-01T00:00:00Z" (RFC 3339)."""
    return first_day(date) + "T00:00:00Z"


def newest_date(explainer: Explainer) -> str:
    dates = [a.meta.published for a in explainer.articles if a.meta.published]
    dates += [announced(e, explainer) for e in explainer.story.events if not e.draft]
    return max(dates, key=first_day) if dates else NO_DATE


def announced(event: Event, explainer: Explainer) -> str:
    """When the story could first tell of an event: its own date, or, for one still to come
    when told, the date of the first article that names it (of the newest dated article, if
    none names it word for word)."""
    published = sorted((a.meta.published for a in explainer.articles if a.meta.published),
                       key=first_day)
    if not published or first_day(event.date) <= first_day(published[-1]):
        return event.date
    telling = [a.meta.published for a in explainer.articles if a.meta.published
               and any(phrase in sentence.text for phrase in event.mentions
                       for sentence in a.sentences)]
    return min(telling, key=first_day) if telling else published[-1]


def absolute(site_url: str, page: str, anchor: str = "") -> str:
    return site_url.rstrip("/") + "/" + urls.served_path(page) + (f"#{anchor}" if anchor else "")


def lead_summary(article: Article) -> str:
    """An article's summary in the feed: its first sentence that stands alone (standalone.py),
    or its title. A line without final punctuation under the title is a release's deck, a
    second headline: no summary of what the article tells."""
    for sentence in article.sentences[:3]:
        alone = standalone(article, sentence).text
        if alone and has_final_punctuation(sentence.text):
            return alone
    return article.title


def feed_entries(explainer: Explainer, site_url: str) -> list[FeedEntry]:
    """Every entry, newest first (ties: articles before events, then by id, so stable)."""
    from ..dates import display_date  # one date format for the pages and the feed

    fallback = newest_date(explainer)
    entries = []
    for article in explainer.articles:
        url = absolute(site_url, urls.article_page(article.slug))
        lead = lead_summary(article)
        entries.append(FeedEntry(url, article.title, url, article.meta.published or fallback,
                                 article.meta.published, lead, article.meta.outlet))
    for event in explainer.story.events:
        if event.draft:
            continue  # a draft's headline (and so its id) changes on review: no reader's entry
        url = absolute(site_url, urls.TIMELINE, event.anchor)
        told = announced(event, explainer)
        entries.append(FeedEntry(url, f"{display_date(event.date)}: {event.headline}", url,
                                 told, told, event.text, None))
    order = {entry.id: position for position, entry in enumerate(entries)}  # articles first
    return sorted(entries, key=lambda e: (_negated(first_day(e.updated)), order[e.id]))


def _negated(date: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in date)


def render_feed(explainer: Explainer, site_url: str) -> str:
    """The Atom document for the story, served at `feed.xml` beside the home page."""
    entries = feed_entries(explainer, site_url)
    home = absolute(site_url, urls.HOME)
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "en"})
    _text(feed, "id", home + FEED)
    _text(feed, "title", explainer.story.title)
    _text(feed, "subtitle", explainer.story.summary)
    _text(feed, "updated", atom_time(newest_date(explainer)))
    ET.SubElement(feed, "link", {"rel": "self", "type": "application/atom+xml",
                                 "href": home + FEED})
    ET.SubElement(feed, "link", {"rel": "alternate", "type": "text/html", "href": home})
    author = ET.SubElement(feed, "author")
    _text(author, "name", explainer.story.title)
    _text(author, "uri", home)
    for entry in entries:
        element = ET.SubElement(feed, "entry")
        _text(element, "id", entry.id)
        _text(element, "title", entry.title)
        ET.SubElement(element, "link", {"rel": "alternate", "type": "text/html",
                                        "href": entry.link})
        if entry.published:
            _text(element, "published", atom_time(entry.published))
        _text(element, "updated", atom_time(entry.updated))
        if entry.author:
            _text(ET.SubElement(element, "author"), "name", entry.author)
        _text(element, "summary", entry.summary)
    ET.indent(feed)
    document = '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, "unicode") + "\n"
    return replace_unfit(document)  # the loaders refuse them; no reader ever gets a broken feed


def _text(parent: ET.Element, tag: str, text: str) -> None:
    # Plain text, never markup: ElementTree escapes & < > for XML.
    element = ET.SubElement(parent, tag, {"type": "text"} if tag in TEXT_CONSTRUCTS else {})
    element.text = text
