"""What's new as a reader sees it: a site with a follow-up, in both colour schemes. The block
and the "New" markers are visible, readable (contrast, axe) and say "New" to a screen reader."""

from __future__ import annotations

import re
import shutil

import pytest
from playwright.sync_api import expect
from test_accessibility import CONTRAST_JS, SCHEMES, axe_violations, summary

from browser_tools import serving
from project_tools import ROOT, copy_project, mkdocs_build

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FOLLOWUP = "followup-alliance"


@pytest.fixture(scope="module")
def followup_url(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("whats-new") / "project")
    seeds = project / "seeds"
    shutil.copy2(ROOT / "tests/fixtures/followups" / f"{FOLLOWUP}.txt", seeds)
    (seeds / "turkey-s400-f35.meta.yml").write_text('published: "2023-06-01"\n', "utf-8")
    (seeds / f"{FOLLOWUP}.meta.yml").write_text('published: "2024-07-18"\n', "utf-8")
    site = project.parent / "site"
    # The follow-up names places the Turkey glossary doesn't explain ("Finland"): editorial
    # warnings, which --strict rightly fails on. This test is about how the block reads.
    result = mkdocs_build(project, site, "--no-strict")
    assert result.returncode == 0, result.stderr
    with serving(site) as url:
        yield url


@pytest.mark.parametrize("color_scheme", SCHEMES)
def test_whats_new_is_readable_in_both_schemes(open_page, followup_url, color_scheme):
    page = open_page(color_scheme=color_scheme)
    for path in ["", "topics/s-400-purchase/"]:
        page.goto(followup_url + path)
        block = page.locator(".whats-new")
        expect(block).to_be_visible()
        expect(block).to_contain_text("New on 18 July 2024:")
        violations = axe_violations(page)
        assert not violations, "\n".join(summary(v) for v in violations)
        low = [item for item in page.evaluate(CONTRAST_JS, ".whats-new p, .whats-new a, .new-marker")
               if item["ratio"] < item["needed"]]
        assert not low, low


def test_new_sentences_say_new_to_every_reader(page, followup_url):
    page.goto(followup_url + "topics/s-400-purchase/")
    marked = page.locator(f".new-marker:has(+ .sentence[id^='{FOLLOWUP}-'])")
    assert marked.count() > 0
    expect(marked.first).to_be_visible()
    expect(marked.first).to_have_text("New")  # text, so screen readers and print have it too
    assert page.locator(".topic-prose .new-marker").count() == marked.count()  # none on older
    # The block quotes the new sentence that answers, with a link to it on the page, or says
    # the box above holds the answer; either way a new sentence is marked below.
    links = page.locator(".whats-new a[href*='#']")  # Material makes hrefs absolute
    if not links.count():
        expect(page.locator(".whats-new")).to_contain_text(re.compile(r"its answer is (?:the|in) \w+"))
        return
    link = links.first
    anchor = link.get_attribute("href").split("#", 1)[1]
    link.click()
    # found by its id: Material's instant navigation may take the jump over, and :target is
    # then unset (or set, then unset when it starts up late on a busy machine)
    target = page.locator(f"[id='{anchor}']")
    expect(target).to_be_in_viewport()
    # The marker stands just before the sentence it marks.
    assert target.evaluate("e => e.previousElementSibling.className") == "new-marker"
