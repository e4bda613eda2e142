"""A story that runs for years, in a browser (issue 16): a link to a sentence that moved from a
topic page to its archive page still lands on it (the topic page's moved.json says where);
without JavaScript it opens the topic page, whose Earlier coverage leads to the year's archive;
pages stay within about 15 phone screens."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from playwright.sync_api import expect

from browser_tools import serving
from project_tools import ENVIRONMENT, ROOT, copy_project

sys.path.insert(0, str(ROOT / "bench"))
from story import grow_story

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PHONE = {"width": 390, "height": 844}
TOPIC = "topics/s-400-purchase/"


@pytest.fixture(scope="module")
def grown_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("grown")
    project = copy_project(folder / "project", grow_story(folder / "story", 24))
    site = folder / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
                            cwd=project, env=ENVIRONMENT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    with serving(site) as url:
        yield site, url


def moved_sentence(site) -> tuple[str, str]:
    """A sentence id no longer on the topic page, and the archive page it moved to."""
    moved = json.loads((site / TOPIC / "moved.json").read_text("utf-8"))["moved"]
    article, href = next(iter(moved.items()))
    archive = (site / TOPIC / href / "index.html").read_text("utf-8")
    anchor = re.search(rf'<span class="sentence" id="({re.escape(article)}-p\d+s\d+)">', archive)[1]
    assert f'id="{anchor}"' not in (site / TOPIC / "index.html").read_text("utf-8")
    return anchor, TOPIC + href


def test_a_moved_anchor_leads_to_the_archive_page_with_javascript(grown_site, open_page):
    site, url = grown_site
    anchor, archive = moved_sentence(site)
    page = open_page(viewport=PHONE)
    page.goto(f"{url}{TOPIC}#{anchor}")
    page.wait_for_url(f"{url}{archive}#{anchor}")
    expect(page.locator(f"span.sentence#{anchor}")).to_be_in_viewport()


def test_without_javascript_earlier_coverage_leads_to_the_archive(grown_site, open_page):
    site, url = grown_site
    anchor, archive = moved_sentence(site)
    year = archive.rstrip("/").rsplit("/", 1)[1][:4]
    page = open_page(viewport=PHONE, java_script_enabled=False)
    page.goto(f"{url}{TOPIC}#{anchor}")
    page.locator(".earlier-coverage a", has_text=year).click()
    page.locator("article a[href*='" + archive.rstrip("/").rsplit("/", 1)[1] + "']").first.click()
    expect(page.locator(f"span.sentence#{anchor}")).to_be_attached()


def test_pages_stay_within_fifteen_phone_screens(grown_site, open_page):
    site, url = grown_site
    page = open_page(viewport=PHONE)
    paths = [TOPIC, "", "articles/", "glossary/", TOPIC + moved_sentence(site)[1][len(TOPIC):]]
    for path in paths:
        page.goto(url + path)
        screens = page.evaluate("document.documentElement.scrollHeight") / PHONE["height"]
        assert screens <= 15, f"/{path}: {screens:.1f} phone screens"


def test_a_keyboard_gets_through_a_topic_page_of_a_long_story(grown_site, open_page):
    """Tab alone goes through the whole topic page, every term's tooltip included, in at most
    150 stops: a term is a stop once per page, and older articles are a line per year."""
    site, url = grown_site
    page = open_page()
    page.goto(url + TOPIC)
    stops: list[str] = []
    for _ in range(400):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => { const e = document.activeElement;
            return e && e !== document.body ? e.outerHTML.slice(0, 160) : null; }""")
        if focused is None or (stops and focused == stops[0]):
            break
        stops.append(focused)
    else:
        pytest.fail("Tab never came back round in 400 presses")
    terms = [stop for stop in stops if stop.startswith('<abbr class="term')]
    assert terms, f"no glossary term on the way: {len(stops)} stops, {stops[:3]} … {stops[-3:]}"
    assert len(stops) <= 150, f"{len(stops)} tab stops on {TOPIC}"
