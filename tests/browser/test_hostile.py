"""A hostile article, built and read in a real browser: no script runs, no dialog opens, and every
payload shows on the page as the literal text it is.

The payloads set `window.__pwned` or call `alert()`; the watched pages (conftest.py) fail the
test on any dialog, console error, uncaught exception or request to another host.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys

import pytest
import yaml
from playwright.sync_api import expect

from browser_tools import hover_tooltip, search, serving, site_pages
from project_tools import ENVIRONMENT, copy_project, mkdocs_build, serve_folder

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTICLE = "seeds/turkey-s400-f35.txt"
PAYLOADS = [
    "<script>window.__pwned=1;alert(1)</script>",
    "<img src=x onerror=window.__pwned=1>",
    '<svg onload="window.__pwned=1">',
    "[x](javascript:window.__pwned=1)",
    "<a href=\"javascript:alert(1)\">click</a>",
    '"><script>alert(1)</script>',
    "</span></p><iframe src=javascript:alert(1)></iframe>",
    "{{ 7*7 }}",
    "{% raw %}",
    '--8<-- "mkdocs.yml"',
    "*[S-400]: <b onmouseover=alert(1)>pwned</b>",
    "{: onclick=\"alert(1)\" }",
    "<style>body{display:none}</style>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
]
TITLE_PAYLOAD = "<script>window.__pwned=1</script>"
NAME_PAYLOAD = "<img src=x onerror=window.__pwned=1>"  # an image runs where a script doesn't
DEFINITION_PAYLOAD = "<img src=x onerror=window.__pwned=1>"  # shown by Material's tooltips
DEFINITION = f"A Russian missile system {DEFINITION_PAYLOAD} (test) of Almaz & Co. &amp; <b>NPO</b>."
# Issue 25: what an outlet may hold that XML holds only escaped, and one word of 5,000 characters
# (a pasted digest) in a title.
OUTLET_PAYLOAD = "Voice ]]> & &amp; <!DOCTYPE feed [<!ENTITY x 'y'>]> &x; \u2028 of America"
LONG_WORD = "a1b2c3d4" * 625

# Aliases that are query syntax or patterns somewhere: search must take them as words.
HOSTILE_ALIASES = ["(a+)+$", "[unclosed", "+required -prohibited", "title:x", "*", "\"quoted",
                   "^2 ~1", "<mark>x</mark>"]


def make_hostile(project):
    article = project / ARTICLE
    title, body = article.read_text(encoding="utf-8").split("\n", 1)
    # One payload per sentence, each naming the S-400 so they reach a topic page too.
    hostile = " ".join(f"A reader wrote {payload} about the S-400 system." for payload in PAYLOADS)
    article.write_text(f"{title} {TITLE_PAYLOAD}\n{body.rstrip()}\n\n{hostile}\n", encoding="utf-8")
    glossary_file = project / "seeds/glossary.yml"
    glossary = yaml.safe_load(glossary_file.read_text(encoding="utf-8"))
    for entry in glossary["terms"]:
        if entry["term"] == "S-400":
            entry["definition"] = DEFINITION
        if entry["term"] in ("S-400", "F-35"):  # aliases are unique: half each
            half = HOSTILE_ALIASES[:4] if entry["term"] == "S-400" else HOSTILE_ALIASES[4:]
            entry["aliases"] = [*entry.get("aliases", []), *half]
    glossary_file.write_text(yaml.safe_dump(glossary, allow_unicode=True), encoding="utf-8")
    # A second, plain article: with several, every source link's label names its article, so
    # the hostile title lands in `title` attributes, which Material's tooltips read as HTML.
    # Its title is long: the sidebar cuts it with an ellipsis, and Material copies the text it
    # cut into a tooltip, as HTML.
    (project / "seeds" / "a-short-note.txt").write_text(
        f"A short note {NAME_PAYLOAD} {LONG_WORD}\n\nThe S-400 talks went on for another week.\n",
        encoding="utf-8")
    # The story's title is the site's name, the title of the logo in every page's header.
    explainer_file = project / "seeds" / "explainer.yml"
    explainer = yaml.safe_load(explainer_file.read_text(encoding="utf-8"))
    explainer["title"] = f"{explainer['title']} {NAME_PAYLOAD}"
    explainer_file.write_text(yaml.safe_dump(explainer, allow_unicode=True), encoding="utf-8")
    (project / "seeds" / "turkey-s400-f35.meta.yml").write_text(
        yaml.safe_dump({"published": "2019-07-12", "outlet": OUTLET_PAYLOAD}, allow_unicode=True),
        encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    make_hostile(project)
    site = project.parent / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, f"the hostile article must build:\n{result.stderr}"
    return site


@pytest.fixture(scope="module")
def hostile_url(hostile_site):
    with serving(hostile_site) as url:
        yield url


def squashed_text(page, selector="article") -> str:
    return " ".join(page.locator(selector).first.inner_text().split())


NOTHING_ACTIVE = """() => ({
  pwned: window.__pwned,
  scripts_in_content: document.querySelectorAll('article script, article iframe, article style, article svg[onload]').length,
  handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
    .filter(a => /^on/i.test(a.name)).map(a => e.tagName + ' ' + a.name)),
  script_links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))
    .filter(h => /^\\s*javascript:/i.test(h)),
})"""


def assert_nothing_active(page, where):
    state = page.evaluate(NOTHING_ACTIVE)
    assert state == {"pwned": None, "scripts_in_content": 0, "handlers": [], "script_links": []}, \
        f"{where}: {state}"


def test_hostile_article_runs_no_script_on_any_page(page, hostile_url, hostile_site):
    for path in site_pages(hostile_site):
        page.goto(hostile_url + path)
        page.wait_for_load_state("networkidle")
        assert_nothing_active(page, path or "home")
        expect(page.locator("body")).to_be_visible()  # <style>body{display:none}</style> is text


def test_hostile_article_shows_its_payloads_as_text(page, hostile_url):
    page.goto(hostile_url + "articles/turkey-s400-f35/")
    text = squashed_text(page)
    missing = [payload for payload in PAYLOADS if payload not in text]
    assert not missing, f"payloads not shown literally on the article page: {missing}"
    assert not re.search(r"\b49\b", text), "{{ 7*7 }} was evaluated"
    assert TITLE_PAYLOAD in squashed_text(page, "article h1")
    assert TITLE_PAYLOAD in page.title()
    page.goto(hostile_url + "topics/s-400-purchase/")
    text = squashed_text(page)
    assert [payload for payload in PAYLOADS if payload not in text] == []
    assert_nothing_active(page, "topic page")


def test_hostile_definition_shows_as_text_in_the_tooltip(page, hostile_url):
    page.goto(hostile_url + "topics/s-400-purchase/")
    page.locator("article abbr.term", has_text="S-400").first.hover()
    tip = page.locator(".md-tooltip2--active .md-tooltip2__inner")
    expect(tip).to_contain_text(DEFINITION_PAYLOAD)
    assert tip.locator("img").count() == 0
    assert_nothing_active(page, "tooltip")


def test_tooltips_read_literally_with_javascript_off(open_page, hostile_url):
    """Without JavaScript the browser shows the title attribute itself: the characters, never
    `&amp;`."""
    page = open_page(java_script_enabled=False)
    page.goto(hostile_url + "topics/s-400-purchase/")
    term = page.locator("article abbr.term", has_text="S-400").first
    assert term.get_attribute("title") == DEFINITION
    labels = page.locator("article a.source-link").evaluate_all(
        "links => links.map(l => l.getAttribute('title'))")
    label = next(label for label in labels if TITLE_PAYLOAD in label)
    assert "&" not in label


def test_tooltips_read_literally_with_javascript_on(page, hostile_url):
    """Material puts a title into its tooltip as HTML: the page escapes it first, so the tooltip
    shows the characters (not `&amp;`, not bold text) and no markup runs."""
    page.goto(hostile_url + "topics/s-400-purchase/")
    page.locator("article abbr.term", has_text="S-400").first.hover()
    tip = page.locator(".md-tooltip2--active .md-tooltip2__inner")
    expect(tip).to_have_text(DEFINITION)
    assert tip.locator("b, img").count() == 0
    page.mouse.move(0, 0)
    links = page.locator("article a.source-link")
    labels = links.evaluate_all("links => links.map(l => l.getAttribute('title'))")
    # The page escapes titles once for Material's tooltip (see main.html): read them back.
    index, label = next((i, label) for i, label in enumerate(labels)
                        if TITLE_PAYLOAD in html.unescape(label))
    link = links.nth(index)
    link.hover()
    tip = page.locator(".md-tooltip2--active .md-tooltip2__inner")
    expect(tip).to_have_text(html.unescape(label))
    assert TITLE_PAYLOAD in tip.inner_text()
    assert_nothing_active(page, "tooltips")


def test_the_site_name_and_a_cut_nav_entry_show_as_text_in_their_tooltips(page, hostile_url):
    """The logo's title is the story's (the site's name), and a nav entry too long for the
    sidebar gets its text as a title: Material's tooltips show both as written."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(hostile_url + "articles/")
    page.wait_for_load_state("networkidle")
    page.locator("header .md-logo").hover()
    page.mouse.move(0, 0)
    # Material writes each tooltip's text into the page when it mounts it, shown or not
    tips = page.locator(".md-tooltip2__inner, .md-tooltip__inner")
    texts = tips.evaluate_all("tips => tips.map(t => t.textContent)")
    assert any(NAME_PAYLOAD in text for text in texts), texts
    assert page.locator(".md-tooltip2 img, .md-tooltip img").count() == 0
    assert_nothing_active(page, "the header's and the sidebar's tooltips")


@pytest.fixture(scope="module")
def instant_url(tmp_path_factory):
    """The hostile site built for the address it is served at, so that Material's instant
    navigation (which needs site_url to match) is on."""
    project = copy_project(tmp_path_factory.mktemp("instant") / "project")
    make_hostile(project)
    site = project.parent / "site"
    server = serve_folder(site)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
            cwd=project, capture_output=True, text=True, env={**ENVIRONMENT, "SITE_URL": url},
            timeout=300)
        assert result.returncode == 0, result.stderr
        yield url
    finally:
        server.shutdown()
        server.server_close()


def test_tooltips_read_literally_after_instant_navigation(page, instant_url):
    """navigation.instant swaps the page content without loading a page: the new page's
    titles are escaped for the tooltip too."""
    # Material intercepts a click only once it holds the site's sitemap (it fetches it after
    # the page loads); a click before that is an ordinary page load.
    with page.expect_response(lambda response: response.url.endswith("/sitemap.xml")) as sitemap:
        page.goto(instant_url)
    sitemap.value.finished()
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__samePage = true")
    page.locator("article a.topic-card__link[href*='s-400-purchase']").first.click()
    page.wait_for_url("**/topics/s-400-purchase/")
    assert page.evaluate("window.__samePage") is True, "a full page load, not instant navigation"
    expect(page.locator("article h1")).to_contain_text("S-400")  # the new page's content is in
    tip = hover_tooltip(page, page.locator("article abbr.term", has_text="S-400").first)
    expect(tip).to_have_text(DEFINITION)
    assert_nothing_active(page, "tooltip after instant navigation")


@pytest.mark.parametrize("query", ["script", "S-400", "javascript", "pwned"])
def test_hostile_article_in_search_results_runs_nothing(page, hostile_url, query):
    page.goto(hostile_url)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=30)
    expect(page.locator("li.md-search-result__item").first).to_be_visible()
    page.wait_for_timeout(300)
    assert page.locator(".md-search-result img, .md-search-result script, "
                        ".md-search-result iframe").count() == 0
    assert_nothing_active(page, f"search for {query!r}")


def test_search_results_show_the_article_text_literally(page, hostile_url):
    """A result's excerpt is the page's own words: "&lt;script&gt;" in an article stays those
    characters (it was decoded once more, to "<script>"), and "<style>" is text."""
    page.goto(hostile_url)
    search(page, "wrote lt gt")
    teasers = page.eval_on_selector_all(
        "li.md-search-result__item > a.md-search-result__link",
        "links => links.map(a => { const article = a.querySelector('article').cloneNode(true);"
        "  article.querySelectorAll('h1, .md-search-result__icon').forEach(e => e.remove());"
        "  return [a.href, article.innerText]; })")
    teasers = [(url, " ".join(text.split()).strip(" …")) for url, text in teasers if text.strip()]
    assert teasers, "no result shows an excerpt"
    for payload in ("&lt;script&gt;alert(1)&lt;/script&gt;", "<style>body{display:none}</style>"):
        assert any(payload in text for _, text in teasers), f"{payload!r} is not in {teasers}"
    for url, text in teasers:
        # Not the result's own address: with "?h=lt", Material's highlighter marks the "lt" of
        # the "&lt;" it escapes the page's "<" to, and shows "&lt;" (Material's, not ours).
        page.goto(url.split("?")[0])
        assert text in squashed_text(page), f"{url}: the excerpt {text!r} is not the page's text"


def test_hostile_outlet_leaves_a_feed_the_browser_parses(page, hostile_url):
    """`]]>`, `&`, a DOCTYPE and an entity in an outlet: the feed is well-formed XML to the
    browser's own parser, and holds the outlet as text."""
    page.goto(hostile_url)
    parsed = page.evaluate("""async () => {
        const text = await (await fetch('feed.xml')).text();
        const feed = new DOMParser().parseFromString(text, 'application/xml');
        return {errors: feed.getElementsByTagName('parsererror').length,
                authors: [...feed.getElementsByTagName('name')].map(n => n.textContent)};
    }""")
    assert parsed["errors"] == 0
    assert OUTLET_PAYLOAD in parsed["authors"]


@pytest.mark.parametrize("viewport", [{"width": 375, "height": 812}, {"width": 1280, "height": 800}],
                         ids=["phone", "desktop"])
def test_a_5000_character_word_and_a_long_outlet_keep_the_page_its_width(open_page, hostile_url,
                                                                 viewport):
    page = open_page(viewport=viewport)
    # the home card's and the topic's points carry the (long) outlet in their datelines
    for path in ("articles/a-short-note/", "articles/", "", "topics/s-400-purchase/"):
        page.goto(hostile_url + path)
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        if path.startswith("articles/"):
            assert LONG_WORD in squashed_text(page)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path}: {overflow}px wider than the {viewport['width']}px window"

@pytest.mark.parametrize("query, topic", [
    ("Triumf", "/topics/s-400-purchase/"),
    ("F35", "/topics/f-35-expulsion/"),
    ("s400", "/topics/s-400-purchase/"),
    ("F 35", "/topics/f-35-expulsion/"),
])
def test_hostile_aliases_change_nothing_for_ordinary_queries(page, hostile_url, query, topic):
    """Readers' words and the glossary's aliases reach the search engine as words, never as
    query syntax: aliases such as `(a+)+$` or `[unclosed` leave ordinary searches as they were."""
    page.goto(hostile_url)
    results = search(page, query)
    assert topic in results, (query, results)
    assert_nothing_active(page, f"search for {query!r}")


@pytest.mark.parametrize("query", HOSTILE_ALIASES)
def test_a_query_made_of_syntax_is_searched_as_words(page, hostile_url, query):
    page.goto(hostile_url)
    search(page, query)  # answers (results or none), with no console error
    assert page.locator(".md-search-result mark mark, .md-search-result script").count() == 0
    assert_nothing_active(page, f"search for {query!r}")


def test_hostile_title_cannot_end_the_json_ld_script(hostile_site):
    """The article title carries `</script>`: the JSON-LD keeps it as data, never as markup."""
    import json

    html = (hostile_site / "articles/turkey-s400-f35/index.html").read_text("utf-8")
    [script] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert "<" not in script and "-->" not in script
    [news] = [node for node in json.loads(script)["@graph"] if node["@type"] == "NewsArticle"]
    assert news["headline"].endswith(TITLE_PAYLOAD)
