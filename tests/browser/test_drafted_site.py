"""A drafted story on the workbench (issue 24), read in a real browser: three saved pages and
`make draft`, then `mkdocs build` (not strict: drafts await review). Every drafted entry is
marked in words, and the site a new story gets in one command is as readable as a reviewed
one: axe finds nothing in either colour scheme, and no page scrolls sideways on a phone."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from test_accessibility import SCHEMES, axe_violations, summary

import build
from browser_tools import PHONE, serving, site_pages
from project_tools import ENVIRONMENT, TESTS, copy_code

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SAVED_PAGES = TESTS / "stories" / "north-korea-frozen-funds" / "seeds"


@pytest.fixture(scope="module")
def drafted_site(tmp_path_factory):
    project = copy_code(tmp_path_factory.mktemp("drafted") / "project")
    seeds = project / "seeds"
    seeds.mkdir(exist_ok=True)
    for page in SAVED_PAGES.glob("*.html"):
        shutil.copy(page, seeds / page.name)
    assert build.main(["--draft", "--seeds", str(seeds)]) == 0
    site = project.parent / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
                            cwd=project, capture_output=True, text=True, env=ENVIRONMENT,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def drafted_url(drafted_site):
    with serving(drafted_site) as url:
        yield url


def test_every_kind_of_drafted_entry_is_marked_where_it_shows(page, drafted_url):
    page.goto(drafted_url)
    assert page.locator(".explainer-summary + .draft-note .draft-mark").count() == 1
    cards = page.locator("li.topic-card")
    assert cards.count() >= 3
    assert page.locator("li.topic-card .draft-mark").count() == cards.count()
    for path in ("glossary/", "timeline/"):
        page.goto(drafted_url + path)
        assert page.locator("article .draft-mark").count() > 0, path


@pytest.mark.parametrize("color_scheme", SCHEMES)
def test_a_drafted_site_passes_axe_and_fits_a_phone(open_page, drafted_url, drafted_site,
                                                     color_scheme):
    page = open_page(color_scheme=color_scheme, viewport=PHONE, has_touch=True, is_mobile=True)
    found, wide = {}, {}
    paths = [p for p in site_pages(drafted_site) if not p.startswith(("articles/", "404"))]
    for path in paths:
        page.goto(drafted_url + path)
        if violations := axe_violations(page):
            found[path or "home"] = violations
        widths = page.evaluate("[document.documentElement.scrollWidth,"
                               " document.documentElement.clientWidth]")
        if widths[0] > widths[1]:
            wide[path or "home"] = widths
    assert not found, "axe violations on the drafted site:\n" + "\n".join(
        f"  {path}: {summary(v)}" for path, vs in found.items() for v in vs)
    assert not wide, f"pages wider than a 375px phone (scrollWidth, clientWidth): {wide}"
