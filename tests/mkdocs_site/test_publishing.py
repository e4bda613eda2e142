"""Publishing (issue 8): link previews, canonical URLs, robots/sitemap/404, what ships, print, links."""

from __future__ import annotations

import re
import struct
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from project_tools import ROOT, serve_folder, shipped_data

SITE_URL = "https://explainer.example.org/"  # mkdocs.yml's placeholder; SITE_URL is unset here
REQUIRED_PROPERTIES = ("og:title", "og:description", "og:url", "og:image", "og:site_name")


class Head(HTMLParser):
    """The <title>, <meta> and <link rel> tags of a page, plus every <a> with its attributes."""

    def __init__(self, html: str):
        super().__init__()
        self.title, self.meta, self.links, self.anchors = "", {}, {}, []
        self._in_title = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self._in_title = True
        elif tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs.get("name")] = attrs.get("content", "")
        elif tag == "link" and "rel" in attrs:
            self.links[attrs["rel"]] = attrs.get("href", "")
        elif tag == "a":
            self.anchors.append(attrs)

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def pages(site: Path) -> dict[str, Path]:
    """Served path → file, for every page of the site except 404.html."""
    return {("" if p.parent == site else p.parent.relative_to(site).as_posix() + "/"): p
            for p in sorted(site.rglob("index.html"))}


@pytest.fixture(scope="module")
def heads(built_site) -> dict[str, Head]:
    return {path: Head(file.read_text("utf-8")) for path, file in pages(built_site).items()}


@pytest.fixture(scope="module")
def served(turkey_site):
    """The Turkey fixture's site on a loopback port (its search for "S-400" is the one that
    tests hyphenated names), closed after this module's tests."""
    server = serve_folder(turkey_site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def test_every_page_has_its_own_title_and_description(heads):
    topics = shipped_data("topics.yml")["topics"]
    articles = [p for p in (ROOT / "seeds").iterdir() if p.suffix.lower() in (".txt", ".md")]
    # home, timeline, glossary, a page per topic and per article (and any hand-written page)
    assert len(heads) >= 3 + len(topics) + len(articles)
    titles = [head.title.strip() for head in heads.values()]
    assert all(titles) and len(set(titles)) == len(titles), titles
    for path, head in heads.items():
        assert head.meta.get("description"), path


def test_every_page_has_open_graph_and_twitter_tags(heads):
    for path, head in heads.items():
        for name in REQUIRED_PROPERTIES:
            assert head.meta.get(name), f"{path or '/'}: no {name}"
        assert head.meta.get("twitter:card") == "summary_large_image", path
        assert head.meta["og:url"] == SITE_URL + path
        assert head.links.get("canonical") == SITE_URL + path
        assert head.meta["og:description"] == head.meta["description"]


def test_topic_previews_carry_the_question_and_lead_sentence(heads):
    for topic in shipped_data("topics.yml")["topics"]:
        head = heads[f"topics/{topic['slug']}/"]
        assert head.meta["og:title"] == topic["title"]
        question = " ".join(topic["question"].split())
        assert head.meta["og:description"].startswith(question), topic["slug"]
        assert len(head.meta["og:description"]) > len(question), f"{topic['slug']}: no lead"


def test_share_images_exist_as_1200_by_630_pngs(built_site, heads):
    images = set()
    for path, head in heads.items():
        url = head.meta["og:image"]
        assert url.startswith(SITE_URL), url
        image = built_site / url.removeprefix(SITE_URL)
        assert image.is_file(), f"{path}: {url} is not in the site"
        assert png_size(image.read_bytes()) == (1200, 630)
        images.add(url)
    assert len(images) == len(heads), "each page gets its own image"


def test_share_images_are_deterministic():
    from explainer.mkdocs_site.share import share_cards, share_image

    first = share_image("A title", "A subtitle that goes on " * 20, "Site")
    share_image.cache_clear()
    assert share_image("A title", "A subtitle that goes on " * 20, "Site") == first
    assert png_size(first) == (1200, 630)
    cards = share_cards({"topics/x.md": '---\ntitle: "Fish &amp; chips"\n---\n# x\n'}, "Site")
    assert cards == {"assets/share/site.png": ("Site", "", ""),
                     "assets/share/topics/x.png": ("Fish & chips", "", "Site")}


def test_404_links_to_every_topic_from_any_depth(built_site):
    head = Head((built_site / "404.html").read_text("utf-8"))
    hrefs = {a.get("href") for a in head.anchors}
    topics = sorted(p.parent.name for p in (built_site / "topics").glob("*/index.html"))
    assert topics
    for slug in topics:
        assert f"/topics/{slug}/" in hrefs, slug
    assert head.meta.get("robots") == "noindex"
    assert head.title.startswith("Page not found")


def test_robots_txt_names_the_sitemap_and_the_sitemap_lists_every_page(built_site):
    robots = (built_site / "robots.txt").read_text("utf-8")
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots.splitlines()
    assert "{{" not in robots and "{#" not in robots
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {loc.text for loc in ET.parse(built_site / "sitemap.xml").findall(".//s:loc", namespace)}
    assert listed == {SITE_URL + path for path in pages(built_site)}


def test_no_source_maps_and_no_unused_search_languages(built_site):
    maps = [p.relative_to(built_site) for p in built_site.rglob("*.map")]
    assert not maps, maps
    lunr = built_site / "assets" / "javascripts" / "lunr"
    shipped = sorted(p.name for p in lunr.rglob("*") if p.is_file()) if lunr.exists() else []
    assert shipped == [], f"search language 'en' needs no lunr files, shipped: {shipped}"


def test_unshipped_keeps_what_other_languages_need():
    from explainer.mkdocs_site.publish import unshipped

    paths = ["assets/javascripts/bundle.js", "assets/javascripts/bundle.js.map",
             "assets/javascripts/lunr/min/lunr.de.min.js",
             "assets/javascripts/lunr/min/lunr.ja.min.js",
             "assets/javascripts/lunr/min/lunr.multi.min.js",
             "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
             "assets/javascripts/lunr/tinyseg.js", "assets/javascripts/lunr/wordcut.js"]
    assert unshipped(paths, ["en"]) == paths[1:]
    assert unshipped(paths, ["en", "ja"]) == [paths[1], paths[2], paths[7]]


def test_every_topic_section_and_article_paragraph_has_a_visible_link(built_site):
    for topic in (built_site / "topics").glob("*/index.html"):
        html = topic.read_text("utf-8")
        sections = re.findall(r'<h2 id="([^"]+)"', html)
        assert sections, topic
        for anchor in sections:
            assert re.search(rf'<h2 id="{re.escape(anchor)}".*?<a class="headerlink" '
                             rf'href="#{re.escape(anchor)}"', html, re.S), (topic, anchor)
    for article in (built_site / "articles").glob("*/index.html"):
        html = article.read_text("utf-8")
        paragraphs = re.findall(r'<section class="article-paragraph" id="(p\d+)">', html)
        assert paragraphs, article
        for anchor in paragraphs:
            assert f'<a class="paragraph-link" href="#{anchor}"' in html, (article, anchor)


@pytest.mark.browser
@pytest.mark.slow
def test_section_and_paragraph_links_show_without_hovering(browser, served):
    """Material shows a heading's permalink only on hover; ours are always there to see."""
    page = browser.new_page()
    for path, selector in (("topics/s-400-purchase/", "h2 > a.headerlink"),
                           ("articles/turkey-s400-f35/", "a.paragraph-link")):
        page.goto(served + path)
        links = page.locator(selector)
        assert links.count() > 0, (path, selector)
        opacities = links.evaluate_all("links => links.map(l => getComputedStyle(l).opacity)")
        assert set(opacities) == {"1"}, (path, selector, opacities)
    page.close()


@pytest.mark.browser
@pytest.mark.slow
def test_print_hides_navigation_and_shows_source_addresses(browser, served):
    page = browser.new_page()
    page.goto(served + "topics/s-400-purchase/")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary',
        '.md-footer', '.md-search', 'h2 .headerlink'].map(s => {
          const el = document.querySelector(s);
          return [s, el ? getComputedStyle(el).display : 'absent'];
        })""")
    for selector, display in hidden:
        assert display in ("none", "absent"), f"{selector} prints ({display})"
    after = page.evaluate("""() => getComputedStyle(document.querySelector('.source-link'),
        '::after').content""")
    assert "In the article" in after and "paragraph" in after
    page.goto(served + "glossary/")
    page.emulate_media(media="print")
    after = page.evaluate("""() => getComputedStyle(document.querySelector('a.source[href^="http"]'),
        '::after').content""")
    assert "http" in after
    page.close()


@pytest.mark.browser
@pytest.mark.slow
def test_search_loads_once_the_page_is_idle_and_still_finds_s_400(browser, served):
    """Nothing of search is fetched before the page has loaded; a moment later (1.5 s, or the
    reader's first move), Pagefind and the search words are, so a search typed then answers
    at once."""
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page.goto(served, wait_until="load")
    assert not [p for p in requested if "search" in p or "pagefind" in p], requested
    for _ in range(50):  # without touching the page
        if any(p.endswith("pagefind/pagefind.js") for p in requested):
            break
        page.wait_for_timeout(100)
    page.wait_for_load_state("networkidle")
    assert any(p.endswith("search/search_index.json") for p in requested)
    assert any(p.endswith("pagefind/pagefind.js") for p in requested)
    assert not [p for p in requested if "/pagefind/fragment/" in p], "no result before a search"
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("S-400", delay=30)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    assert results.count() >= 3
    page.close()


@pytest.mark.browser
@pytest.mark.slow
def test_pages_drop_the_themes_indentation_but_keep_what_a_reader_sees(built_site):
    from explainer.mkdocs_site.publish import KEPT_AS_WRITTEN

    for path in built_site.rglob("*.html"):
        page = path.read_text("utf-8")
        outside = KEPT_AS_WRITTEN.sub("|", page)
        assert not re.search(r"\n[ \t\n]", outside), path  # no indented or blank line
        assert '<html lang="' in page  # attributes as written


@given(st.lists(st.sampled_from(["<p>", "</p>", "a", "b c", " ", "\n", "\n    ", "\t", "<i>x</i>",
                                 "<pre>  1\n    2</pre>", "<textarea>\n  t</textarea>",
                                 "<script>var s = `\n  q`;</script>"])).map("".join))
def test_dropping_indentation_changes_no_text_and_no_preformatted_whitespace(html):
    from explainer.mkdocs_site.publish import KEPT_AS_WRITTEN, without_indentation

    def folded(text: str) -> str:  # what a browser shows outside <pre>: runs of whitespace as one
        return re.sub(r"\s+", " ", text)

    result = without_indentation(html)
    assert KEPT_AS_WRITTEN.findall(result) == KEPT_AS_WRITTEN.findall(html)
    assert folded(KEPT_AS_WRITTEN.sub("|", result)) == folded(KEPT_AS_WRITTEN.sub("|", html))


def test_home_first_load_stays_within_the_weight_budget(browser, built_site):
    """The light version of `make audit`'s weight check: gzip bytes and requests of a first visit."""
    sys.path.insert(0, str(ROOT / "tools"))
    from audit import (
        ISSUE_BASELINE_BYTES,
        ISSUE_BASELINE_REQUESTS,
        bind_server,
        measure_weight,
        start,
    )

    server = bind_server(built_site)
    base = start(server)
    try:
        first, _, _ = measure_weight(browser, base, server, second_page=False)
    finally:
        server.shutdown()
        server.server_close()
    assert not first.third_party
    assert first.requests <= ISSUE_BASELINE_REQUESTS, first.urls
    assert first.bytes <= ISSUE_BASELINE_BYTES, first.urls
