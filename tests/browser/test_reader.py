"""What a reader does on the built site, in headless Chromium: navigate, follow shared links,
search, read a glossary term's definition, switch colours, read on a phone.

Every page here is watched (see conftest.py): a console error, an uncaught exception, a dialog or
a request to any host but the loopback server fails the test that caused it.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser_tools import PHONE, search
from html_tools import parse, searchable_text, visible_text

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PALETTE_TOGGLE = "form[data-md-component=palette] label:not([hidden])"


def heading(page) -> str:
    return page.locator("article h1").first.inner_text().removesuffix("¶").strip()


def test_every_page_loads_cleanly(page, site_url, pages):
    """No console error, exception or foreign request on any page (checked by the fixture)."""
    for path in pages:
        response = page.goto(site_url + path)
        assert response.ok, f"{path}: HTTP {response.status}"
        expect(page.locator("article h1").first).to_be_visible()
        page.wait_for_load_state("networkidle")


def test_home_to_each_topic_and_back(page, site_url, topics):
    page.goto(site_url)
    home_heading = heading(page)
    for path in topics:
        card = page.locator(f".topic-card__link[href$='{path}']")
        title = card.locator(".topic-card__title").inner_text()
        card.click()
        expect(page).to_have_url(site_url + path)
        assert heading(page) == title
        page.go_back()
        expect(page).to_have_url(site_url)
        assert heading(page) == home_heading


def test_shared_topic_link_lands_on_the_topic(page, site_url, topics):
    for path in topics:
        page.goto(site_url + path)
        assert page.title().startswith(heading(page)), page.title()
        assert path.strip("/").split("/")[-1] in page.url


@pytest.mark.parametrize("path, anchor", [
    ("articles/turkey-s400-f35/", "p3"),         # an article paragraph
    ("articles/turkey-s400-f35/", "p2s2"),       # one sentence of it
    ("topics/f-35-expulsion/", None),            # the first sentence listed on a topic page
])
def test_shared_deep_link_lands_on_the_element(page, site_url, path, anchor):
    if anchor is None:  # whatever the first sentence on the page is, it must be linkable
        page.goto(site_url + path)
        anchor = page.locator(".topic-prose .sentence[id]").first.get_attribute("id")
        # A shared link is opened afresh, not as a jump within the page already open (which
        # Material's instant navigation may take over, leaving :target unset).
        page.goto("about:blank")
    page.goto(f"{site_url}{path}#{anchor}")
    target = page.locator(f"[id='{anchor}']")
    expect(target).to_be_in_viewport()
    assert page.evaluate("document.querySelector(':target')?.id") == anchor
    # Not hidden under Material's sticky header.
    header_bottom = page.locator("header.md-header").bounding_box()["height"]
    assert target.bounding_box()["y"] >= header_bottom - 1


# ---- search ----------------------------------------------------------------------------------


@pytest.mark.parametrize("query, expected_topic", [
    ("S-400", "topics/s-400-purchase/"),
    ("F-35", "topics/f-35-expulsion/"),
])
def test_search_lists_the_right_topic_first(page, site_url, query, expected_topic):
    page.goto(site_url)
    results = search(page, query)
    assert results, f"{query!r}: no results"
    topic_results = [path for path in results if "/topics/" in path]
    assert topic_results and topic_results[0] == "/" + expected_topic, (query, results)
    # Every result really contains the hyphenated term: "S-400" is not "S" or "400".
    for path in results:
        text = visible_text(parse(page.request.get(site_url + path.lstrip("/")).text()))
        assert query in text, f"{query!r} listed {path}, which lacks it"


def test_search_for_a_name_lists_the_pages_that_mention_him(page, site_url, turkey_site, pages):
    def html_of(path):
        return (turkey_site / (path + "index.html" if path.endswith("/") or not path else path)
                ).read_text(encoding="utf-8")

    def mentions(text):  # as written or with the accent: search folds accents (Erdoğan)
        return "Erdogan" in text or "Erdoğan" in text

    anywhere = {"/" + path for path in pages
                if path != "404.html" and mentions(html_of(path).split("<article", 1)[-1])}
    indexed = {"/" + path for path in pages if mentions(searchable_text(parse(html_of(path))))}
    page.goto(site_url)
    results = search(page, "Erdogan")
    assert results, "'Erdogan': no results"
    assert set(results) <= anywhere, set(results) - anywhere
    assert indexed <= set(results), f"pages mentioning Erdogan not found: {indexed - set(results)}"
    assert [path for path in indexed if "/topics/" in path], "no topic page names him"


# ---- glossary terms ---------------------------------------------------------------------------


def first_term(page, selector: str):
    term = page.locator(f"article {selector}").first
    definition = term.get_attribute("title")
    assert definition, f"{selector} has no title to show"
    return term, " ".join(definition.split())


def tooltip_text(page, term) -> str:
    """The text of the tooltip Material shows for `term` (found through aria-describedby: while
    Tab moves fast, the tooltip of the previous term can still be fading out)."""
    expect(term).to_have_attribute("aria-describedby", re.compile(r"\S"))
    tip = page.locator(f"#{term.get_attribute('aria-describedby')}.md-tooltip2--active")
    expect(tip).to_be_visible()
    return " ".join(tip.locator(".md-tooltip2__inner").inner_text().split())


def test_glossary_term_shows_its_definition_on_hover(page, site_url):
    page.goto(site_url + "topics/s-400-purchase/")
    term, definition = first_term(page, "abbr.term")
    term.hover()
    assert tooltip_text(page, term) == definition


def test_each_term_is_defined_once_per_page(page, site_url, pages):
    """The first mention of a term on a page is its tooltip; later ones are plain text."""
    for path in pages:
        page.goto(site_url + path)
        spellings = page.locator("article abbr.term").evaluate_all(
            "terms => terms.map(t => t.title)")
        assert len(spellings) == len(set(spellings)), f"{path}: a term defined twice"
        assert page.locator("article a.term").count() == 0


@pytest.mark.parametrize("selector", ["abbr.term"])
def test_glossary_term_shows_its_definition_on_keyboard_focus(page, site_url, selector):
    page.goto(site_url + "topics/s-400-purchase/")
    term, definition = first_term(page, selector)
    handle = term.element_handle()
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("element => document.activeElement === element", handle):
            break
    else:
        pytest.fail(f"Tab never reached the first {selector}")
    assert tooltip_text(page, term) == definition


def test_escape_dismisses_a_terms_tooltip_and_its_text_is_readable(page, site_url):
    """WCAG 1.4.13: a tooltip shown on focus can be dismissed without moving the focus; and a
    definition is set at a reading size (Material's tooltips are 10 px)."""
    page.goto(site_url + "topics/s-400-purchase/")
    term, definition = first_term(page, "abbr.term")
    term.focus()
    assert tooltip_text(page, term) == definition
    tip = page.locator(f"#{term.get_attribute('aria-describedby')}")
    size = tip.locator(".md-tooltip2__inner").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 14, f"the definition is set in {size} px"
    page.keyboard.press("Escape")
    expect(tip).not_to_have_class(re.compile(r"md-tooltip2--active"))
    expect(tip).to_have_css("opacity", "0")
    assert page.evaluate("document.activeElement.tagName") == "ABBR", "Escape moved the focus"


def test_glossary_term_shows_its_definition_on_tap(open_page, site_url):
    page = open_page(viewport=PHONE, has_touch=True, is_mobile=True)
    page.goto(site_url + "topics/s-400-purchase/")
    term, definition = first_term(page, "abbr.term")
    term.scroll_into_view_if_needed()
    term.tap()
    assert tooltip_text(page, term) == definition


# ---- colours, phones --------------------------------------------------------------------------


def scheme(page) -> str:
    return page.evaluate("document.body.dataset.mdColorScheme")


def test_palette_toggle_switches_and_is_remembered(page, site_url):
    page.goto(site_url)
    assert scheme(page) == "default"  # the context prefers light
    page.locator(PALETTE_TOGGLE).click()
    assert scheme(page) == "slate"
    page.locator(".topic-card__link").first.click()
    page.wait_for_load_state()
    assert "/topics/" in page.url and scheme(page) == "slate"
    page.reload()
    assert scheme(page) == "slate"
    page.locator(PALETTE_TOGGLE).click()
    page.goto(site_url + "glossary/")
    assert scheme(page) == "default"


def test_dark_preference_is_followed(open_page, site_url):
    page = open_page(color_scheme="dark")
    page.goto(site_url)
    assert scheme(page) == "slate"


def test_nothing_scrolls_sideways_on_a_phone(open_page, site_url, pages):
    page = open_page(viewport=PHONE, has_touch=True, is_mobile=True)
    wide = {}
    for path in pages:
        page.goto(site_url + path)
        widths = page.evaluate("[document.documentElement.scrollWidth,"
                               " document.documentElement.clientWidth]")
        if widths[0] > widths[1]:
            wide[path] = widths
    assert not wide, f"pages wider than a 375px phone (scrollWidth, clientWidth): {wide}"
